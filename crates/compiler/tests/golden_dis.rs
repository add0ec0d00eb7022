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

fn python_dis(path: &Path, mode: &str, optimize: u32) -> String {
    let out = Command::new(common::python())
        .env("PYTHONHASHSEED", "0")
        .args([
            "-c",
            "import dis, sys; dis.dis(compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], sys.argv[2], optimize=int(sys.argv[3])))",
        ])
        .arg(path)
        .arg(mode)
        .arg(optimize.to_string())
        .output()
        .expect("python3.11 is required");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn snippets(ext: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/compile");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/compile")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_str().is_some_and(|n| n.ends_with(ext)))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
}

fn compare(path: &Path, mode: rpy_compiler::Mode, mode_name: &str, optimize: u32) {
    let source = std::fs::read_to_string(path).expect("read");
    let name = path.to_str().expect("utf-8");
    let opts = rpy_compiler::CompileOptions {
        optimize,
        ..Default::default()
    };
    let code =
        rpy_compiler::compile(&source, name, mode, &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
    let ours = mask(&rpy_marshal::dis::dis(&code));
    let theirs = mask(&python_dis(path, mode_name, optimize));
    if ours != theirs {
        let diff: Vec<String> = theirs
            .lines()
            .zip(ours.lines())
            .filter(|(a, b)| a != b)
            .take(8)
            .map(|(a, b)| format!("  python: {a}\n  rpy:    {b}"))
            .collect();
        panic!(
            "{name} ({mode_name}, optimize={optimize}): disassembly differs\n{}",
            diff.join("\n")
        );
    }
}

/// Every `tests/compile/*.py`, at optimization levels 0, 1 (no asserts, `__debug__` false)
/// and 2 (no docstrings either).
#[test]
fn compiled_snippets_disassemble_like_cpython() {
    let files = snippets(".py");
    for path in &files {
        for optimize in 0..=2 {
            compare(path, rpy_compiler::Mode::Exec, "exec", optimize);
        }
    }
    println!(
        "golden dis: {} snippets identical to python3.11 at -O0, -O1 and -O2",
        files.len()
    );
}

/// `tests/compile/*.eval` in `eval` mode and `*.single` in `single` (interactive) mode.
#[test]
fn eval_and_single_modes_disassemble_like_cpython() {
    for path in snippets(".eval") {
        compare(&path, rpy_compiler::Mode::Eval, "eval", 0);
    }
    for path in snippets(".single") {
        compare(&path, rpy_compiler::Mode::Single, "single", 0);
    }
}

/// The SyntaxWarnings rpy reports equal python3.11's, line for line and in order.
#[test]
fn syntax_warnings_match_cpython() {
    for path in snippets(".py") {
        let out = Command::new(common::python())
            .args([
                "-c",
                "import sys, warnings\nwith warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter('always')\n    src = open(sys.argv[1], encoding='utf-8').read()\n    compile(src, sys.argv[1], 'exec')\nfor x in w:\n    if x.category is SyntaxWarning: print(f'{x.lineno}|{x.message}')",
            ])
            .arg(&path)
            .output()
            .expect("python3.11 is required");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let theirs = String::from_utf8(out.stdout).expect("utf-8");
        let source = std::fs::read_to_string(&path).expect("read");
        let name = path.to_str().expect("utf-8");
        let (_, warnings) = rpy_compiler::compile_with_warnings(
            &source,
            name,
            rpy_compiler::Mode::Exec,
            &Default::default(),
        )
        .expect("compiles");
        let ours: String = warnings
            .iter()
            .map(|w| format!("{}|{}\n", w.lineno, w.message))
            .collect();
        assert_eq!(ours, theirs, "{name}");
    }
}

/// Snippets whose positions still differ, each with its cause.
const POSITION_DIFFERENCES: &[(&str, &str)] = &[];

/// Every instruction of every `tests/compile/*.py` code object has python3.11's source
/// position (`co_positions()`: lines and columns, what tracebacks and tracing use); `dis`
/// text does not show them.
#[test]
fn source_positions_match_cpython() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("golden-positions");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut failures = Vec::new();
    for path in snippets(".py") {
        let file_name = path.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(&path).expect("read");
        let name = path.to_str().expect("utf-8");
        let code =
            rpy_compiler::compile(&source, name, rpy_compiler::Mode::Exec, &Default::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        let out_path = dir.join(&file_name).with_extension("marshal");
        let bytes = rpy_marshal::marshal::dumps(&rpy_marshal::Value::Code(code), 4).expect("dumps");
        std::fs::write(&out_path, bytes).expect("write");
        let out = Command::new(common::python())
            .args([
                "-W",
                "ignore",
                "-c",
                "import marshal, sys, types\n\
                 def walk(a, b, where):\n\
                 \x20   pa, pb = list(a.co_positions()), list(b.co_positions())\n\
                 \x20   for i, (x, y) in enumerate(zip(pa, pb)):\n\
                 \x20       if x != y:\n\
                 \x20           print(f'{where}{a.co_qualname} at {2 * i}: python {x}, rpy {y}')\n\
                 \x20           break\n\
                 \x20   if len(pa) != len(pb): print(f'{where}{a.co_qualname}: lengths differ')\n\
                 \x20   ca = [c for c in a.co_consts if isinstance(c, types.CodeType)]\n\
                 \x20   cb = [c for c in b.co_consts if isinstance(c, types.CodeType)]\n\
                 \x20   for x, y in zip(ca, cb): walk(x, y, where + a.co_qualname + '/')\n\
                 src = open(sys.argv[1], encoding='utf-8').read()\n\
                 walk(compile(src, sys.argv[1], 'exec'), marshal.loads(open(sys.argv[2], 'rb').read()), '')",
            ])
            .arg(&path)
            .arg(&out_path)
            .output()
            .expect("python3.11 is required");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report = String::from_utf8(out.stdout).expect("utf-8");
        let known = POSITION_DIFFERENCES.iter().any(|(f, _)| *f == file_name);
        match (report.is_empty(), known) {
            (false, false) => failures.push(format!("{name}:\n{report}")),
            (true, true) => failures.push(format!(
                "{name}: positions now match; take it off POSITION_DIFFERENCES"
            )),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
