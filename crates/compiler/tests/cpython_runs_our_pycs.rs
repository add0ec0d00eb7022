//! The compiler judged by CPython itself: every program in `tests/run/` is compiled by rpy,
//! written as a pyc, and run by python3.11; stdout, stderr and exit status must equal those of
//! python3.11 running the source. Programs using constructs the compiler does not support yet
//! are counted and listed, not failed (the count only goes down).

#[path = "../../marshal/tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::rc::Rc;

use rpy_marshal::pyc::{self, PycHeader};

/// Programs known to differ, each with its cause (also listed in docs/differences.md). They
/// must still differ: one that starts passing has to be taken off this list.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

fn run(args: &[&str]) -> Output {
    Command::new(common::python())
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("python3.11 is required")
}

enum Outcome {
    Passed,
    Unsupported(String),
    Known(String),
    Failed(String),
}

/// Compiles one program with rpy, runs the pyc and the source under python3.11, compares.
fn check(path: &Path, out_dir: &Path) -> Outcome {
    let name = path.to_str().expect("utf-8");
    let file_name = path.file_name().unwrap().to_string_lossy().to_string();
    let source = std::fs::read_to_string(path).expect("read");
    let code =
        match rpy_compiler::compile(&source, name, rpy_compiler::Mode::Exec, &Default::default()) {
            Ok(c) => c,
            Err(e) if e.error_type == rpy_compiler::ErrorType::SystemError => {
                return Outcome::Unsupported(format!("{file_name}: {}", e.msg));
            }
            Err(e) => return Outcome::Failed(format!("{name}: rpy could not compile it: {e}")),
        };
    let pyc_path = out_dir.join(&file_name).with_extension("pyc");
    std::fs::write(
        &pyc_path,
        pyc::write_pyc(&PycHeader::timestamp(0, 0), &Rc::clone(&code)),
    )
    .expect("write pyc");
    // Compile-time SyntaxWarnings are printed when CPython compiles source, never when it
    // loads a pyc; they are silenced so that only run-time behaviour is compared.
    let theirs = run(&["-W", "ignore::SyntaxWarning", name]);
    let ours = run(&[pyc_path.to_str().unwrap()]);
    let same = theirs.status.code() == ours.status.code()
        && theirs.stdout == ours.stdout
        && theirs.stderr == ours.stderr;
    if let Some((_, why)) = KNOWN_DIFFERENCES.iter().find(|(f, _)| *f == file_name) {
        return if same {
            Outcome::Failed(format!(
                "{name}: now passes; remove it from KNOWN_DIFFERENCES"
            ))
        } else {
            Outcome::Known(format!("{file_name}: {why}"))
        };
    }
    if same {
        return Outcome::Passed;
    }
    Outcome::Failed(format!(
        "{name}: differs\n--- python3.11 (source) stdout/stderr:\n{}{}\n--- python3.11 (rpy's pyc):\n{}{}",
        String::from_utf8_lossy(&theirs.stdout),
        String::from_utf8_lossy(&theirs.stderr),
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&ours.stderr)
    ))
}

#[test]
fn python_runs_rpy_compiled_programs_identically() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/run");
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rpy-pycs");
    std::fs::create_dir_all(&out_dir).expect("temp dir");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/run")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    // Most of the time is python3.11 starting up: two workers keep both cores busy.
    const WORKERS: usize = 2;
    let mut outcomes: Vec<(usize, Outcome)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|w| {
                let (files, out_dir) = (&files, &out_dir);
                s.spawn(move || {
                    (w..files.len())
                        .step_by(WORKERS)
                        .map(|i| (i, check(&files[i], out_dir)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    });
    outcomes.sort_by_key(|(i, _)| *i);
    let (mut passed, mut unsupported, mut failed) = (0, Vec::new(), Vec::new());
    for (_, outcome) in outcomes {
        match outcome {
            Outcome::Passed => passed += 1,
            Outcome::Unsupported(u) => unsupported.push(u),
            Outcome::Known(k) => println!("  known difference: {k}"),
            Outcome::Failed(f) => failed.push(f),
        }
    }
    println!(
        "cpython runs rpy's pycs: {passed} identical, {} not yet compilable, {} different, of {} programs",
        unsupported.len(),
        failed.len(),
        files.len()
    );
    for u in &unsupported {
        println!("  not yet: {u}");
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}
