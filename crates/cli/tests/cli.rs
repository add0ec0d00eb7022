//! The `rpy` binary: `--version`, `--dis FILE.pyc` against python3.11's own `dis`, and bad
//! files and arguments (clear message, non-zero exit, no panic).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn rpy(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rpy"))
        .args(args)
        .output()
        .expect("run rpy")
}

fn python() -> String {
    std::env::var("RPY_PYTHON").unwrap_or_else(|_| "python3.11".to_string())
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// Compiles `source` with python3.11's py_compile; returns the pyc path.
fn py_compile(dir: &Path, source: &str, mode: &str) -> PathBuf {
    let src = dir.join("mod.py");
    let pyc = dir.join(format!("mod-{mode}.pyc"));
    std::fs::write(&src, source).expect("write source");
    let status = Command::new(python())
        .args(["-c", "import py_compile, sys; py_compile.compile(sys.argv[1], sys.argv[2], doraise=True, invalidation_mode=py_compile.PycInvalidationMode[sys.argv[3]])"])
        .arg(&src)
        .arg(&pyc)
        .arg(mode)
        .status()
        .expect("python3.11 is required");
    assert!(status.success());
    pyc
}

fn python_dis(pyc: &Path) -> String {
    let out = Command::new(python())
        .env("PYTHONHASHSEED", "0")
        .args([
            "-c",
            "import dis, marshal, sys; dis.dis(marshal.loads(open(sys.argv[1], 'rb').read()[16:]))",
        ])
        .arg(pyc)
        .output()
        .expect("python3.11");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn mask(text: &str) -> String {
    text.split(" at 0x")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_string()
            } else {
                format!(
                    " at 0x?{}",
                    part.trim_start_matches(|c: char| c.is_ascii_hexdigit())
                )
            }
        })
        .collect()
}

const SOURCE: &str = r#"
def greet(name):
    """Приветствие."""
    return f"Привет, {name}!"

class C:
    def m(self, *a, k=1, **kw):
        try:
            return [x * 2 for x in a if x in {1, 2, 3}]
        except (ValueError, TypeError) as e:
            raise RuntimeError("bad") from e
        finally:
            print(k, kw)

async def agen():
    async with open("x") as f:
        yield 1.5e-7, 2**100, b"\x00\xff", -0.0, 1j
"#;

#[test]
fn version() {
    let out = rpy(&["--version"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("rpy ") && text.contains("Python 3.11"),
        "{text}"
    );
}

#[test]
fn dis_matches_python_for_each_header_kind() {
    let dir = temp_dir("cli-dis");
    for (mode, flags_line) in [
        ("TIMESTAMP", "flags:       0x0 (timestamp)"),
        ("CHECKED_HASH", "flags:       0x3 (checked hash)"),
        ("UNCHECKED_HASH", "flags:       0x1 (unchecked hash)"),
    ] {
        let pyc = py_compile(&dir, SOURCE, mode);
        let out = rpy(&["--dis", pyc.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let (header, body) = text
            .split_once("\n\n")
            .expect("header, blank line, disassembly");
        assert!(
            header.starts_with("magic:       a7 0d 0d 0a (3495, Python 3.11)"),
            "{header}"
        );
        assert!(header.contains(flags_line), "{header}");
        if mode == "TIMESTAMP" {
            assert!(
                header.contains(&format!("source size: {}", SOURCE.len())),
                "{header}"
            );
        } else {
            assert!(header.contains("source hash: "), "{header}");
        }
        assert_eq!(mask(body), mask(&python_dis(&pyc)));
    }
}

#[test]
fn bad_files_give_clear_errors() {
    let dir = temp_dir("cli-bad");
    let missing = rpy(&["--dis", dir.join("nope.pyc").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("can't open file"));

    let pyc = py_compile(&dir, "x = 1\n", "TIMESTAMP");
    let good = std::fs::read(&pyc).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", vec![], "header is 0 bytes"),
        ("short", good[..10].to_vec(), "header is 10 bytes"),
        (
            "py312",
            [&[0xcb, 0x0d, 0x0d, 0x0a][..], &good[4..]].concat(),
            "magic 3531 belongs to Python 3.12",
        ),
        (
            "flags",
            [&good[..4], &[4, 0, 0, 0][..], &good[8..]].concat(),
            "invalid flags",
        ),
        (
            "truncated",
            good[..good.len() - 5].to_vec(),
            "marshal data too short",
        ),
        (
            "junk",
            [&good[..16], &[0x01][..]].concat(),
            "unknown type code) (at byte 16)",
        ),
        (
            "notcode",
            [&good[..16], &b"N"[..]].concat(),
            "non-code object",
        ),
    ];
    for (name, data, want) in cases {
        let path = dir.join(format!("{name}.pyc"));
        std::fs::write(&path, data).unwrap();
        let out = rpy(&["--dis", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(want), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}

/// A pyc (made by python3.11, its operands then broken) whose function loads a constant that
/// is not there: the module runs, and the call raises SystemError; a broken module body
/// raises it at once. Never a panic.
#[test]
fn out_of_range_operands_raise_system_error() {
    let dir = temp_dir("cli-bad-operands");
    let make = r#"
import importlib.util, marshal, sys
src = "def f():\n    return 12345\nprint('defined')\nf()\n"
co = compile(src, 'bad.py', 'exec')
consts = list(co.co_consts)
i = next(i for i, c in enumerate(consts) if hasattr(c, 'co_code'))
consts[i] = consts[i].replace(co_consts=(None,))
nested = co.replace(co_consts=tuple(consts))
top = compile("x = 1\n", 'bad.py', 'exec').replace(co_consts=())
for name, code in (('nested', nested), ('top', top)):
    with open(f'{sys.argv[1]}/{name}.pyc', 'wb') as f:
        f.write(importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code))
"#;
    let status = Command::new(python())
        .args(["-c", make])
        .arg(&dir)
        .status()
        .expect("python3.11 is required");
    assert!(status.success());
    let nested = rpy(&[dir.join("nested.pyc").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&nested.stderr);
    assert_eq!(String::from_utf8_lossy(&nested.stdout), "defined\n");
    assert_eq!(nested.status.code(), Some(1), "{err}");
    assert!(
        err.contains("SystemError: code: LOAD_CONST operand 1 out of range"),
        "{err}"
    );
    let top = rpy(&[dir.join("top.pyc").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&top.stderr);
    assert_eq!(top.status.code(), Some(1), "{err}");
    assert!(
        err.contains("SystemError: code: LOAD_CONST operand"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [&["--dis"][..], &["--bogus"], &["--dis", "a", "b"]] {
        let out = rpy(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"));
    }
}
