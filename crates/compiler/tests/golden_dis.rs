//! Golden disassembly: every `tests/compile/*.py` compiled by rpy must disassemble exactly as
//! python3.11's `dis.dis(compile(source, path, "exec"))` (the golden text comes from
//! python3.11 at test time; addresses in code-object reprs are masked).

#[path = "../../marshal/tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;

fn mask(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        let after = &rest[i + 6..];
        let hex = after.len()
            - after
                .trim_start_matches(|c: char| c.is_ascii_hexdigit())
                .len();
        out.push_str(&rest[..i]);
        out.push_str(" at 0x?");
        rest = &after[hex..];
    }
    out.push_str(rest);
    out
}

fn python_dis(path: &Path) -> String {
    let out = Command::new(common::python())
        .env("PYTHONHASHSEED", "0")
        .args(["-c", "import dis, sys; dis.dis(compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec'))"])
        .arg(path)
        .output()
        .expect("python3.11 is required");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn compiled_snippets_disassemble_like_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/compile");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/compile")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for path in &files {
        let source = std::fs::read_to_string(path).expect("read");
        let name = path.to_str().expect("utf-8");
        let code =
            rpy_compiler::compile(&source, name, rpy_compiler::Mode::Exec, &Default::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        let ours = mask(&rpy_marshal::dis::dis(&code));
        let theirs = mask(&python_dis(path));
        if ours != theirs {
            let diff: Vec<String> = theirs
                .lines()
                .zip(ours.lines())
                .filter(|(a, b)| a != b)
                .take(8)
                .map(|(a, b)| format!("  python: {a}\n  rpy:    {b}"))
                .collect();
            panic!("{name}: disassembly differs\n{}", diff.join("\n"));
        }
    }
    println!(
        "golden dis: {} snippets identical to python3.11",
        files.len()
    );
}
