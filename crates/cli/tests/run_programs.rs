//! The differential run tests: every program in `tests/run/` runs under python3.11 and under
//! rpy, twice — compiled by rpy's compiler, and from the pyc python3.11 wrote (the VM alone) —
//! and stdout, stderr and the exit status must be identical.
//!
//! `tests/run/passing.txt` lists the programs known to pass both ways. Each of them must keep
//! passing (a regression fails the test); programs that start passing are reported so the
//! list can grow (`RPY_UPDATE_PASSING=1` rewrites it). The count only goes up.
//! `RPY_RUN_ONLY=text` runs only the programs whose file name contains `text`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

fn python() -> String {
    std::env::var("RPY_PYTHON").unwrap_or_else(|_| "python3.11".to_string())
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

fn run(cmd: &mut Command) -> Output {
    cmd.current_dir(repo())
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .env_remove("PYTHONSTARTUP")
        .output()
        .expect("run a program")
}

fn same(a: &Output, b: &Output) -> bool {
    a.status.code() == b.status.code() && a.stdout == b.stdout && a.stderr == b.stderr
}

fn describe(name: &str, how: &str, theirs: &Output, ours: &Output) -> String {
    let cut = |b: &[u8]| {
        let s = String::from_utf8_lossy(b).to_string();
        if s.len() > 1500 {
            format!("{}…", &s[..s.floor_char_boundary(1500)])
        } else {
            s
        }
    };
    format!(
        "== {name} ({how})\n-- python3.11 (exit {:?}):\n{}{}\n-- rpy (exit {:?}):\n{}{}",
        theirs.status.code(),
        cut(&theirs.stdout),
        cut(&theirs.stderr),
        ours.status.code(),
        cut(&ours.stdout),
        cut(&ours.stderr)
    )
}

#[test]
fn programs_match_python() {
    let dir = repo().join("tests/run");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/run")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    programs.sort();
    let only = std::env::var("RPY_RUN_ONLY").ok();
    if let Some(only) = &only {
        programs.retain(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(only))
        });
    }
    let passing_file = dir.join("passing.txt");
    let expected: BTreeSet<String> = std::fs::read_to_string(&passing_file)
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let pyc_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("run-pycs");
    let _ = std::fs::remove_dir_all(&pyc_dir);
    std::fs::create_dir_all(&pyc_dir).expect("pyc dir");
    // python3.11 compiles every program once (py_compile keeps co_filename = the source path).
    let list: Vec<String> = programs
        .iter()
        .map(|p| format!("tests/run/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    // Absolute source paths: python3.11 runs the scripts by absolute path too (`__main__`'s
    // code gets the absolute filename), so tracebacks name the same file either way.
    let status = run(Command::new(python()).args([
        "-c",
        "import py_compile, sys, os\nfor src in sys.argv[2:]:\n    src = os.path.abspath(src)\n    py_compile.compile(src, os.path.join(sys.argv[1], os.path.basename(src) + 'c'), doraise=False)",
        pyc_dir.to_str().unwrap(),
    ]).args(&list));
    assert!(
        status.status.success(),
        "py_compile failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );

    let passed = Mutex::new(BTreeSet::new());
    let failures = Mutex::new(Vec::new());
    let next = Mutex::new(0usize);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(rel) = list.get(i) else { break };
                    let name = rel.rsplit('/').next().unwrap().to_string();
                    let theirs = run(Command::new(python()).arg(rel));
                    let from_source = run(Command::new(env!("CARGO_BIN_EXE_rpy")).arg(rel));
                    let pyc = pyc_dir.join(format!("{name}c"));
                    let from_pyc = run(Command::new(env!("CARGO_BIN_EXE_rpy")).arg(&pyc));
                    // The pyc run reports the pyc as the script in `sys.argv[0]`/`__file__`, which a
                    // few programs print; tracebacks name the source either way.
                    let ok_src = same(&theirs, &from_source);
                    let ok_pyc = same(&theirs, &from_pyc);
                    if ok_src && ok_pyc {
                        passed.lock().unwrap().insert(name);
                    } else if expected.contains(&name) {
                        let how = if ok_src { &from_pyc } else { &from_source };
                        failures.lock().unwrap().push(describe(
                            &name,
                            if ok_src {
                                "from python3.11's pyc"
                            } else {
                                "compiled by rpy"
                            },
                            &theirs,
                            how,
                        ));
                    }
                }
            });
        }
    });
    let passed = passed.into_inner().unwrap();
    let failures = failures.into_inner().unwrap();
    let new: Vec<&String> = passed.difference(&expected).collect();
    eprintln!(
        "tests/run: {} of {} programs identical to python3.11 both ways ({} listed in passing.txt, {} newly passing)",
        passed.len(),
        programs.len(),
        expected.len(),
        new.len()
    );
    if std::env::var("RPY_UPDATE_PASSING").is_ok() {
        let mut text = String::from(
            "# Programs of tests/run that rpy runs exactly as python3.11, from source and from\n# python3.11's pyc. Regenerate with RPY_UPDATE_PASSING=1 cargo test -p rpy --test run_programs.\n",
        );
        let ran: BTreeSet<String> = list
            .iter()
            .map(|rel| rel.rsplit('/').next().unwrap().to_string())
            .collect();
        for p in passed.union(&expected) {
            // Programs a filter left out keep their entries.
            if passed.contains(p) || !ran.contains(p) {
                text.push_str(p);
                text.push('\n');
            }
        }
        std::fs::write(&passing_file, text).expect("write passing.txt");
    } else if !new.is_empty() {
        eprintln!("newly passing (add them to tests/run/passing.txt): {new:?}");
    }
    assert!(
        failures.is_empty(),
        "{} listed programs no longer pass:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
