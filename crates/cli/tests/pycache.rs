//! The bytecode cache, checked against python3.11 on temporary module trees: pycs written on
//! the first import and reused on the second (seen in `-v` output), rewritten when the source
//! changes, `-O`/`-OO` names, `-B` and friends, `pycache_prefix`, unwritable directories,
//! corrupted pycs, concurrent importers, sourceless modules, hash-based pycs, `-m`, and pycs
//! crossing between the two interpreters.
//!
//! The environment this is developed in sets PYTHONDONTWRITEBYTECODE=1; every command here
//! clears it (for both interpreters), or the tests would prove nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn python() -> String {
    std::env::var("RPY_PYTHON").unwrap_or_else(|_| "python3.11".to_string())
}

fn rpy() -> &'static str {
    env!("CARGO_BIN_EXE_rpy")
}

/// A fresh directory for one test.
struct TempTree(PathBuf);

impl TempTree {
    fn new(name: &str) -> TempTree {
        let dir = std::env::temp_dir().join(format!("rpy-pycache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("make the temp dir");
        TempTree(dir)
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("a parent")).expect("make dirs");
        std::fs::write(p, text).expect("write a file");
    }

    fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }
}

impl Drop for TempTree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn command(exe: &str, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(exe);
    c.args(args)
        .current_dir(dir)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .env_remove("PYTHONOPTIMIZE")
        .env_remove("PYTHONPYCACHEPREFIX")
        .env_remove("PYTHONVERBOSE")
        .env_remove("PYTHONPATH")
        .env("PYTHONHASHSEED", "0");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run a command")
}

fn run_rpy(t: &TempTree, args: &[&str]) -> Output {
    command(rpy(), &t.0, args, &[])
}

fn run_python(t: &TempTree, args: &[&str]) -> Output {
    command(&python(), &t.0, args, &[])
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

/// Checks a command succeeded; returns its stdout.
fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        text(&o.stdout),
        text(&o.stderr)
    );
    text(&o.stdout)
}

/// The import-tracing lines about the cache (those python3.11 and rpy share), with
/// python3.11's cache tag rewritten to ours.
fn cache_lines(stderr: &[u8]) -> Vec<String> {
    text(stderr)
        .lines()
        .filter(|l| {
            l.contains(" matches ")
                || l.starts_with("# code object from")
                || l.starts_with("# created")
                || l.starts_with("# could not create")
                || l.starts_with("# bad magic")
                || l.starts_with("# reached EOF")
                || l.starts_with("# bytecode is stale")
        })
        .filter(|l| !l.contains("/lib/python3") && !l.contains("stdlib-shim"))
        .map(|l| l.replace("cpython-311", "rpy-311"))
        .collect()
}

fn package_tree(name: &str) -> TempTree {
    let t = TempTree::new(name);
    t.write("mod.py", "X = 1\n");
    t.write("pkg/__init__.py", "from . import sub\nfrom .sub import Y\n");
    t.write("pkg/sub.py", "Y = 2\n");
    t.write("pkg/deep/__init__.py", "");
    t.write("pkg/deep/leaf.py", "Z = 3\n");
    t
}

const IMPORT_ALL: &str = "import mod, pkg, pkg.deep.leaf\n\
     print(mod.X, pkg.Y, pkg.deep.leaf.Z)\n\
     print(mod.__cached__, pkg.__cached__, pkg.deep.leaf.__cached__)\n\
     print(mod.__file__, pkg.__file__, pkg.__path__)";

#[test]
fn first_import_writes_second_reuses() {
    let ours = package_tree("reuse");
    let theirs = package_tree("reuse-py");
    let first = run_rpy(&ours, &["-v", "-c", IMPORT_ALL]);
    let py_first = run_python(&theirs, &["-v", "-c", IMPORT_ALL]);
    let normalize = |s: String, dir: &Path| {
        s.replace(&dir.to_string_lossy().to_string(), "DIR")
            .replace("cpython-311", "rpy-311")
    };
    assert_eq!(
        normalize(ok(&first), &ours.0),
        normalize(ok(&py_first), &theirs.0)
    );
    let lines = cache_lines(&first.stderr);
    let py_lines = cache_lines(&py_first.stderr);
    let norm_lines = |v: Vec<String>, dir: &Path| -> Vec<String> {
        v.into_iter().map(|l| normalize(l, dir)).collect()
    };
    assert_eq!(
        norm_lines(lines.clone(), &ours.0),
        norm_lines(py_lines, &theirs.0)
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("# created")).count(),
        5
    );
    for pyc in [
        "__pycache__/mod.rpy-311.pyc",
        "pkg/__pycache__/__init__.rpy-311.pyc",
        "pkg/__pycache__/sub.rpy-311.pyc",
        "pkg/deep/__pycache__/__init__.rpy-311.pyc",
        "pkg/deep/__pycache__/leaf.rpy-311.pyc",
    ] {
        assert!(ours.exists(pyc), "{pyc} was not written");
    }
    // Second run: every module comes from its pyc, nothing is compiled or written.
    let second = run_rpy(&ours, &["-v", "-c", IMPORT_ALL]);
    let py_second = run_python(&theirs, &["-v", "-c", IMPORT_ALL]);
    ok(&second);
    let lines = cache_lines(&second.stderr);
    assert_eq!(
        norm_lines(lines.clone(), &ours.0),
        norm_lines(cache_lines(&py_second.stderr), &theirs.0)
    );
    assert_eq!(lines.iter().filter(|l| l.contains(" matches ")).count(), 5);
    assert!(!lines.iter().any(|l| l.starts_with("# created")));
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("# code object from") && l.ends_with(".py"))
    );
    // Without -v nothing about the cache is printed.
    let quiet = run_rpy(&ours, &["-c", IMPORT_ALL]);
    ok(&quiet);
    assert!(quiet.stderr.is_empty(), "{}", text(&quiet.stderr));
}

#[test]
fn edited_source_is_recompiled_and_pyc_rewritten() {
    let t = package_tree("edit");
    ok(&run_rpy(&t, &["-c", "import mod"]));
    let pyc = t.path("__pycache__/mod.rpy-311.pyc");
    let before = std::fs::read(&pyc).expect("pyc");
    t.write("mod.py", "X = 'changed, and longer'\n");
    let o = run_rpy(&t, &["-v", "-c", "import mod; print(mod.X)"]);
    assert_eq!(ok(&o), "changed, and longer\n");
    let lines = cache_lines(&o.stderr);
    assert!(
        lines.iter().any(|l| l.starts_with("# created")),
        "{lines:?}"
    );
    let after = std::fs::read(&pyc).expect("pyc");
    assert_ne!(before, after);
    // The header records the new source size.
    let size = u32::from_le_bytes(after[12..16].try_into().expect("4 bytes"));
    assert_eq!(size as usize, "X = 'changed, and longer'\n".len());
    let o = run_rpy(&t, &["-v", "-c", "import mod; print(mod.X)"]);
    assert!(
        cache_lines(&o.stderr)
            .iter()
            .any(|l| l.contains(" matches "))
    );
}

#[test]
fn optimization_levels_use_their_own_pycs() {
    let t = TempTree::new("opt");
    t.write(
        "m.py",
        "\"\"\"doc\"\"\"\ndef f():\n    \"fdoc\"\n    assert False, 'boom'\n    return __debug__\n",
    );
    let prog = "import sys, m; print(sys.flags.optimize, m.__doc__, m.f.__doc__, m.f(), \
                m.__cached__.rsplit('/', 1)[1])";
    for (args, env, expect) in [
        (vec!["-O"], vec![], "1 doc fdoc False m.rpy-311.opt-1.pyc\n"),
        (
            vec!["-OO"],
            vec![],
            "2 None None False m.rpy-311.opt-2.pyc\n",
        ),
        (
            vec![],
            vec![("PYTHONOPTIMIZE", "2")],
            "2 None None False m.rpy-311.opt-2.pyc\n",
        ),
        (
            vec!["-E", "-O"],
            vec![("PYTHONOPTIMIZE", "2")],
            "1 doc fdoc False m.rpy-311.opt-1.pyc\n",
        ),
    ] {
        let mut a = args.clone();
        a.extend(["-c", prog]);
        // Twice: compiled, then from the pyc.
        for _ in 0..2 {
            let o = command(rpy(), &t.0, &a, &env);
            assert_eq!(ok(&o), expect, "{args:?} {env:?}");
            let mut pa = args.clone();
            pa.extend(["-c", prog]);
            let py = command(&python(), &t.0, &pa, &env);
            assert_eq!(ok(&py).replace("cpython-311", "rpy-311"), expect);
        }
    }
    assert!(t.exists("__pycache__/m.rpy-311.opt-1.pyc"));
    assert!(t.exists("__pycache__/m.rpy-311.opt-2.pyc"));
    assert!(!t.exists("__pycache__/m.rpy-311.pyc"));
    // Without -O the assert is there.
    let o = run_rpy(&t, &["-c", "import m; m.f()"]);
    assert!(text(&o.stderr).contains("AssertionError: boom"));
    assert!(t.exists("__pycache__/m.rpy-311.pyc"));
}

#[test]
fn bytecode_writing_can_be_turned_off() {
    let t = TempTree::new("nowrite");
    t.write("m.py", "V = 5\n");
    for (args, env) in [
        (vec!["-B", "-c", "import m; print(m.V)"], vec![]),
        (
            vec!["-c", "import m; print(m.V)"],
            vec![("PYTHONDONTWRITEBYTECODE", "1")],
        ),
        (
            vec![
                "-c",
                "import sys; sys.dont_write_bytecode = True; import m; print(m.V)",
            ],
            vec![],
        ),
    ] {
        let o = command(rpy(), &t.0, &args, &env);
        assert_eq!(ok(&o), "5\n");
        assert!(!t.exists("__pycache__"), "{args:?} {env:?} wrote a pyc");
    }
    let o = run_rpy(
        &t,
        &[
            "-B",
            "-c",
            "import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)",
        ],
    );
    assert_eq!(ok(&o), "True 1\n");
    // Scripts are never cached.
    t.write("script.py", "import m\n");
    ok(&run_rpy(&t, &["script.py"]));
    assert!(t.exists("__pycache__/m.rpy-311.pyc"));
    assert!(!t.exists("__pycache__/script.rpy-311.pyc"));
}

#[test]
fn pycache_prefix_mirrors_the_tree() {
    let t = package_tree("prefix");
    let prefix = t.path("cache-root");
    let prefix_s = prefix.to_string_lossy().to_string();
    let prog = "import sys, mod, pkg; print(sys.pycache_prefix); print(mod.__cached__); \
                print(pkg.sub.__cached__)";
    let x = format!("pycache_prefix={prefix_s}");
    for (args, env) in [
        (vec!["-X", x.as_str(), "-c", prog], vec![]),
        (
            vec!["-c", prog],
            vec![("PYTHONPYCACHEPREFIX", prefix_s.as_str())],
        ),
    ] {
        let ours = ok(&command(rpy(), &t.0, &args, &env));
        let theirs = ok(&command(&python(), &t.0, &args, &env));
        assert_eq!(ours, theirs.replace("cpython-311", "rpy-311"));
    }
    let mirrored = prefix.join(t.0.strip_prefix("/").expect("absolute temp dir"));
    assert!(mirrored.join("mod.rpy-311.pyc").is_file());
    assert!(mirrored.join("pkg/sub.rpy-311.pyc").is_file());
    assert!(!t.exists("__pycache__"));
    // Reused from the prefix tree.
    let o = command(rpy(), &t.0, &["-v", "-X", &x, "-c", "import mod"], &[]);
    assert!(
        cache_lines(&o.stderr)
            .iter()
            .any(|l| l.contains(" matches "))
    );
}

#[test]
fn unwritable_cache_directory_is_silent() {
    let t = TempTree::new("unwritable");
    t.write("m.py", "V = 7\n");
    // A file where __pycache__ would go: no directory can be made there (even for root).
    t.write("__pycache__", "not a directory");
    let o = run_rpy(&t, &["-c", "import m; print(m.V)"]);
    assert_eq!(ok(&o), "7\n");
    assert!(o.stderr.is_empty(), "{}", text(&o.stderr));
    let ours = run_rpy(&t, &["-v", "-c", "import m"]);
    let theirs = run_python(&t, &["-v", "-c", "import m"]);
    let could_not = |o: &Output| {
        cache_lines(&o.stderr)
            .into_iter()
            .filter(|l| l.starts_with("# could not create"))
            .collect::<Vec<_>>()
    };
    assert_eq!(could_not(&ours), could_not(&theirs));
    assert_eq!(could_not(&ours).len(), 1);
    assert_eq!(
        std::fs::read(t.path("__pycache__")).expect("still a file"),
        b"not a directory"
    );
}

#[test]
fn directory_without_write_permission_is_silent() {
    let t = TempTree::new("readonly");
    t.write("m.py", "V = 8\n");
    set_mode(&t.0, 0o555);
    // Root writes through permission bits: then rpy runs as `nobody` (setpriv), if it can.
    let privileged = std::fs::write(t.path("probe"), "").is_ok();
    let mut c = if privileged {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", rpy()]);
        c
    } else {
        Command::new(rpy())
    };
    let o = c
        .args(["-c", "import m; print(m.V)"])
        .current_dir(&t.0)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .output();
    set_mode(&t.0, 0o755);
    let o = match o {
        Ok(o) if privileged && matches!(o.status.code(), Some(126 | 127)) => {
            eprintln!("skipped: this root cannot run rpy as nobody here");
            return;
        }
        Ok(o) => o,
        Err(e) => {
            eprintln!("skipped: setpriv is not available ({e})");
            return;
        }
    };
    assert_eq!(ok(&o), "8\n");
    assert!(o.stderr.is_empty(), "{}", text(&o.stderr));
    assert!(!t.exists("__pycache__"));
}

#[test]
fn read_only_file_system_is_silent() {
    // A private mount namespace with a tmpfs remounted read-only; needs the right to
    // unshare (root, or user namespaces): skipped where that is refused.
    let t = TempTree::new("rofs");
    t.write("src/m.py", "V = 9\n");
    t.write("src/pkg/__init__.py", "from . import sub\n");
    t.write("src/pkg/sub.py", "W = 10\n");
    std::fs::create_dir(t.path("mnt")).expect("mkdir");
    let script = r#"mount -t tmpfs tmpfs "$1" || exit 77
cp -r "$2"/. "$1"/ && mount -o remount,ro "$1" || exit 77
cd "$1" && "$3" -c 'import m, pkg; print(m.V, pkg.sub.W)'
echo "status $?"
ls -A "$1" "$1/pkg""#;
    let o = command(
        "unshare",
        &t.0,
        &[
            "-m",
            "sh",
            "-c",
            script,
            "sh",
            &t.path("mnt").to_string_lossy(),
            &t.path("src").to_string_lossy(),
            rpy(),
        ],
        &[],
    );
    if o.status.code() == Some(77) || !o.status.success() && text(&o.stdout).is_empty() {
        eprintln!("skipped: no read-only mount here: {}", text(&o.stderr));
        return;
    }
    let out = ok(&o);
    assert!(out.starts_with("9 10\nstatus 0\n"), "{out}");
    assert!(!out.contains("__pycache__"), "{out}");
    assert!(o.stderr.is_empty(), "{}", text(&o.stderr));
}

fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

fn mode_of(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).expect("stat").permissions().mode() & 0o777
}

#[test]
fn corrupted_pycs_are_replaced() {
    let t = TempTree::new("corrupt");
    t.write("m.py", "V = 'ok'\n");
    ok(&run_rpy(&t, &["-c", "import m"]));
    let pyc = t.path("__pycache__/m.rpy-311.pyc");
    let good = std::fs::read(&pyc).expect("pyc");
    let mut bad_flags = good.clone();
    bad_flags[4] = 4;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "bad magic",
            [b"\x42\x0d\x0d\x0a".as_slice(), &good[4..]].concat(),
        ),
        ("short header", good[..10].to_vec()),
        ("empty", Vec::new()),
        ("bad flags", bad_flags),
        (
            "garbage body",
            [&good[..16], b"\xff\xfe\xfd".as_slice()].concat(),
        ),
        ("truncated body", good[..good.len() - 5].to_vec()),
        ("not code", [&good[..16], b"N".as_slice()].concat()),
    ];
    for (what, data) in cases {
        std::fs::write(&pyc, &data).expect("write the bad pyc");
        let o = run_rpy(&t, &["-c", "import m; print(m.V)"]);
        assert_eq!(ok(&o), "ok\n", "{what}");
        assert!(o.stderr.is_empty(), "{what}: {}", text(&o.stderr));
        let now = std::fs::read(&pyc).expect("pyc");
        assert_eq!(now[..4], good[..4], "{what}: not rewritten");
        assert_eq!(now[8..], good[8..], "{what}: not rewritten");
    }
    // The messages python3.11 prints for a bad magic number and a short header.
    for (what, data) in [
        (
            "magic",
            [b"\x42\x0d\x0d\x0a".as_slice(), &good[4..]].concat(),
        ),
        ("eof", good[..10].to_vec()),
    ] {
        std::fs::write(&pyc, &data).expect("write");
        let ours = cache_lines(&run_rpy(&t, &["-v", "-c", "import m"]).stderr);
        std::fs::write(t.path("__pycache__/m.cpython-311.pyc"), &data).expect("write");
        let theirs = cache_lines(&run_python(&t, &["-v", "-c", "import m"]).stderr);
        let first = |v: &[String]| v.first().cloned().unwrap_or_default();
        assert_eq!(first(&ours), first(&theirs), "{what}");
    }
}

#[test]
fn concurrent_importers_never_see_a_torn_pyc() {
    let t = TempTree::new("concurrent");
    let body: String = (0..400)
        .map(|i| format!("def f{i}(x):\n    return x + {i}\n"))
        .collect();
    t.write(
        "big.py",
        &format!("{body}TOTAL = sum(f{{}}(1) for _ in [0])\n").replace("f{}", "f399"),
    );
    for round in 0..3 {
        if round > 0 {
            // A new source each round: every importer races to rewrite the pyc.
            t.write("big.py", &format!("{body}TOTAL = {round}\n"));
        }
        let children: Vec<_> = (0..6)
            .map(|_| {
                Command::new(rpy())
                    .args(["-c", "import big; print(big.f7(1))"])
                    .current_dir(&t.0)
                    .env_remove("PYTHONDONTWRITEBYTECODE")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for c in children {
            let o = c.wait_with_output().expect("wait");
            assert_eq!(ok(&o), "8\n");
        }
        let o = run_rpy(&t, &["-v", "-c", "import big"]);
        assert!(
            cache_lines(&o.stderr)
                .iter()
                .any(|l| l.contains(" matches "))
        );
        let leftovers: Vec<_> = std::fs::read_dir(t.path("__pycache__"))
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n != "big.rpy-311.pyc")
            .collect();
        assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    }
}

#[test]
fn pyc_gets_the_source_permission_bits() {
    let t = TempTree::new("mode");
    t.write("m.py", "V = 1\n");
    set_mode(&t.path("m.py"), 0o640);
    ok(&run_rpy(&t, &["-c", "import m"]));
    let theirs = TempTree::new("mode-py");
    theirs.write("m.py", "V = 1\n");
    set_mode(&theirs.path("m.py"), 0o640);
    ok(&run_python(&theirs, &["-c", "import m"]));
    assert_eq!(
        mode_of(&t.path("__pycache__/m.rpy-311.pyc")),
        mode_of(&theirs.path("__pycache__/m.cpython-311.pyc"))
    );
}

#[test]
fn sourceless_modules_and_pyc_scripts() {
    let t = TempTree::new("sourceless");
    t.write("m.py", "print('running', __name__)\nV = 3\n");
    ok(&run_rpy(&t, &["-c", "import m"]));
    std::fs::rename(t.path("__pycache__/m.rpy-311.pyc"), t.path("m.pyc")).expect("move");
    std::fs::remove_file(t.path("m.py")).expect("rm source");
    let prog = "import m; print(m.V, m.__file__.rsplit('/', 1)[1], m.__cached__.rsplit('/', 1)[1])";
    let ours = ok(&run_rpy(&t, &["-c", prog]));
    assert_eq!(ours, "running m\n3 m.pyc m.pyc\n");
    assert_eq!(ok(&run_python(&t, &["-c", prog])), ours);
    assert!(!t.exists("__pycache__/m.rpy-311.pyc"));
    // Run as a script, by both interpreters.
    assert_eq!(ok(&run_rpy(&t, &["m.pyc"])), "running __main__\n");
    assert_eq!(ok(&run_python(&t, &["m.pyc"])), "running __main__\n");
    // python3.11's own pyc, as a sourceless module and as a script.
    t.write("n.py", "print('n here')\n");
    ok(&run_python(&t, &["-c", "import n"]));
    std::fs::rename(t.path("__pycache__/n.cpython-311.pyc"), t.path("n.pyc")).expect("move");
    std::fs::remove_file(t.path("n.py")).expect("rm");
    assert_eq!(ok(&run_rpy(&t, &["-c", "import n"])), "n here\n");
    assert_eq!(ok(&run_rpy(&t, &["n.pyc"])), "n here\n");
    // A sourceless module with a bad magic number is an ImportError, as in CPython.
    let mut data = std::fs::read(t.path("n.pyc")).expect("read");
    data[0] = 0x42;
    std::fs::write(t.path("n.pyc"), &data).expect("write");
    let ours = run_rpy(&t, &["-c", "import n"]);
    let theirs = run_python(&t, &["-c", "import n"]);
    let last = |o: &Output| text(&o.stderr).lines().last().unwrap_or("").to_string();
    assert_eq!(last(&ours), last(&theirs));
    assert_eq!(ours.status.code(), Some(1));
}

#[test]
fn pycs_of_other_versions_are_refused_clearly() {
    let t = TempTree::new("oldmagic");
    t.write("s.py", "print('hi')\n");
    ok(&run_rpy(&t, &["-c", "import s"]));
    let mut data = std::fs::read(t.path("__pycache__/s.rpy-311.pyc")).expect("pyc");
    data[..2].copy_from_slice(&3413u16.to_le_bytes());
    std::fs::write(t.path("old.pyc"), &data).expect("write");
    let o = run_rpy(&t, &["old.pyc"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr).trim_end(),
        "RuntimeError: Bad magic number in .pyc file: 3413 (Python 3.8), expected 3495 (Python 3.11)"
    );
    let good = std::fs::read(t.path("__pycache__/s.rpy-311.pyc")).expect("pyc");
    std::fs::write(t.path("short.pyc"), &good[..9]).expect("write");
    let (ours, theirs) = (run_rpy(&t, &["short.pyc"]), run_python(&t, &["short.pyc"]));
    assert_eq!(
        (ours.status.code(), text(&ours.stderr)),
        (theirs.status.code(), text(&theirs.stderr))
    );
}

#[test]
fn pycs_cross_between_interpreters() {
    let t = TempTree::new("cross");
    t.write(
        "c.py",
        "def f(n):\n    return [i * i for i in range(n) if i % 2]\nprint(f(9))\n",
    );
    // Ours, loaded by python3.11 under its own name.
    ok(&run_rpy(&t, &["-c", "import c"]));
    std::fs::copy(
        t.path("__pycache__/c.rpy-311.pyc"),
        t.path("__pycache__/c.cpython-311.pyc"),
    )
    .expect("copy");
    let o = run_python(&t, &["-v", "-c", "import c"]);
    assert_eq!(ok(&o), "[1, 9, 25, 49]\n");
    assert!(
        cache_lines(&o.stderr)
            .iter()
            .any(|l| l.contains(" matches "))
    );
    // python3.11's, loaded by rpy.
    std::fs::remove_dir_all(t.path("__pycache__")).expect("clean");
    ok(&run_python(&t, &["-c", "import c"]));
    std::fs::copy(
        t.path("__pycache__/c.cpython-311.pyc"),
        t.path("__pycache__/c.rpy-311.pyc"),
    )
    .expect("copy");
    let o = run_rpy(&t, &["-v", "-c", "import c"]);
    assert_eq!(ok(&o), "[1, 9, 25, 49]\n");
    assert!(
        cache_lines(&o.stderr)
            .iter()
            .any(|l| l.contains(" matches "))
    );
}

#[test]
fn hash_based_pycs() {
    let t = TempTree::new("hash");
    t.write("h.py", "V = 'v1'\n");
    let make = |mode: &str| {
        let prog = format!(
            "import py_compile as p; p.compile('h.py', cfile='__pycache__/h.rpy-311.pyc', \
             invalidation_mode=p.PycInvalidationMode.{mode})"
        );
        ok(&run_python(&t, &["-c", &prog]));
    };
    let flags = || {
        let d = std::fs::read(t.path("__pycache__/h.rpy-311.pyc")).expect("pyc");
        u32::from_le_bytes(d[4..8].try_into().expect("4 bytes"))
    };
    let import = |extra: &[&str]| {
        let mut a = vec!["-v"];
        a.extend_from_slice(extra);
        a.extend(["-c", "import h; print(h.V)"]);
        let o = run_rpy(&t, &a);
        (ok(&o), cache_lines(&o.stderr))
    };
    // Checked: used while the source hash matches, recompiled (still checked) after a change.
    make("CHECKED_HASH");
    assert_eq!(flags(), 3);
    let (out, lines) = import(&[]);
    assert_eq!(out, "v1\n");
    assert!(lines.iter().any(|l| l.contains(" matches ")), "{lines:?}");
    t.write("h.py", "V = 'v2'\n");
    let (out, lines) = import(&[]);
    assert_eq!(out, "v2\n");
    assert!(
        lines.iter().any(|l| l.starts_with("# created")),
        "{lines:?}"
    );
    assert_eq!(flags(), 3);
    // Unchecked: trusted even when the source changed, unless checking is forced.
    make("UNCHECKED_HASH");
    assert_eq!(flags(), 1);
    t.write("h.py", "V = 'v3'\n");
    assert_eq!(import(&[]).0, "v2\n");
    assert_eq!(import(&["--check-hash-based-pycs", "never"]).0, "v2\n");
    assert_eq!(import(&["--check-hash-based-pycs", "always"]).0, "v3\n");
    assert_eq!(flags(), 1);
    // `never` also trusts a checked pyc.
    make("CHECKED_HASH");
    t.write("h.py", "V = 'v4'\n");
    assert_eq!(import(&["--check-hash-based-pycs", "never"]).0, "v3\n");
    assert_eq!(import(&[]).0, "v4\n");
    let o = run_rpy(&t, &["--check-hash-based-pycs", "sometimes", "-c", "pass"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn dash_m_caches_like_cpython() {
    let t = package_tree("dashm");
    t.write("pkg/__main__.py", "print('main', __name__, __package__)\n");
    t.write(
        "tool.py",
        "print(__name__, __file__.rsplit('/', 1)[1], \
         __cached__.rsplit('/', 1)[1].replace('cpython', 'rpy'))\n",
    );
    for args in [["-m", "pkg"], ["-m", "tool"]] {
        let ours = run_rpy(&t, &args);
        let theirs = run_python(&t, &args);
        assert_eq!(ok(&ours), ok(&theirs), "{args:?}");
    }
    assert!(t.exists("pkg/__pycache__/__main__.rpy-311.pyc"));
    assert!(t.exists("__pycache__/tool.rpy-311.pyc"));
    for args in [["-m", "nosuch"], ["-m", "pkg.sub.x"]] {
        let ours = run_rpy(&t, &args);
        let theirs = run_python(&t, &args);
        assert_eq!(ours.status.code(), theirs.status.code(), "{args:?}");
        let tail = |o: &Output| {
            let s = text(&o.stderr);
            s.split_once(": ").map(|x| x.1.to_string()).unwrap_or(s)
        };
        assert_eq!(tail(&ours), tail(&theirs), "{args:?}");
    }
}

#[test]
fn namespace_packages() {
    let t = TempTree::new("namespace");
    t.write("a/ns/one.py", "N = 1\n");
    t.write("b/ns/two.py", "N = 2\n");
    let prog = "import sys; sys.path[:0] = ['a', 'b']\n\
                import ns.one, ns.two\n\
                print(ns.one.N, ns.two.N, ns.__file__ if hasattr(ns, '__file__') else 'nofile', \
                [p.rsplit('/', 2)[1:] for p in ns.__path__])";
    let ours = ok(&run_rpy(&t, &["-c", prog]));
    let theirs = ok(&run_python(&t, &["-c", prog]));
    assert_eq!(ours, theirs);
    assert!(t.exists("a/ns/__pycache__/one.rpy-311.pyc"));
}

/// Lists the pycs under `dir`, relative and with the cache tag masked.
fn pyc_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("list").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "pyc") {
                let rel = p
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .to_string();
                out.push(rel.replace("cpython-311", "TAG").replace("rpy-311", "TAG"));
            }
        }
    }
    out.sort();
    out
}

fn remove_pycs(dir: &Path) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("list").flatten() {
            let p = e.path();
            if p.file_name().is_some_and(|n| n == "__pycache__") {
                std::fs::remove_dir_all(&p).expect("rm");
            } else if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "pyc") {
                std::fs::remove_file(&p).expect("rm");
            }
        }
    }
}

#[test]
fn py_compile_and_compileall_like_cpython() {
    let t = TempTree::new("compileall");
    t.write("a.py", "print('a runs')\n");
    t.write("d/m.py", "X = 1\n");
    t.write("d/sub/n.py", "\"\"\"doc\"\"\"\nY = 2\n");
    t.write("d/bad.py", "def (:\n");
    // The command lines: same output, status and files (tag aside).
    for args in [
        vec!["-m", "py_compile", "a.py"],
        vec!["-m", "py_compile", "d/bad.py"],
        vec!["-m", "compileall", "d"],
        vec!["-m", "compileall", "-q", "-f", "-o", "1", "-o", "2", "d"],
        vec!["-m", "compileall", "-q", "-b", "d"],
        vec![
            "-m",
            "compileall",
            "-q",
            "--invalidation-mode",
            "checked-hash",
            "d",
        ],
        vec!["-m", "compileall", "-q", "-x", "bad", "d"],
    ] {
        let theirs = run_python(&t, &args);
        let their_files = pyc_files(&t.0);
        remove_pycs(&t.0);
        let ours = run_rpy(&t, &args);
        let our_files = pyc_files(&t.0);
        assert_eq!(ours.status.code(), theirs.status.code(), "{args:?}");
        assert_eq!(text(&ours.stdout), text(&theirs.stdout), "{args:?}");
        assert_eq!(text(&ours.stderr), text(&theirs.stderr), "{args:?}");
        assert_eq!(our_files, their_files, "{args:?}");
        if args.contains(&"-b") {
            // Legacy pycs beside the sources: python3.11 imports rpy's without the source.
            std::fs::rename(t.path("d/m.py"), t.path("d/m.py.off")).expect("hide");
            let o = run_python(
                &t,
                &[
                    "-c",
                    "import sys; sys.path.insert(0, 'd'); import m; print(m.X)",
                ],
            );
            assert_eq!(ok(&o), "1\n");
            std::fs::rename(t.path("d/m.py.off"), t.path("d/m.py")).expect("restore");
        }
        if args.contains(&"checked-hash") {
            let d = std::fs::read(t.path("d/__pycache__/m.rpy-311.pyc")).expect("pyc");
            assert_eq!(u32::from_le_bytes(d[4..8].try_into().expect("4")), 3);
        }
        remove_pycs(&t.0);
    }
    // The py_compile API.
    let prog = "import py_compile as p, sys\n\
                print(p.compile('a.py').replace(sys.implementation.cache_tag, 'TAG'))\n\
                print(p.compile('a.py', cfile='out/a.pyc', dfile='shown.py'))\n\
                print(p.compile('a.py', optimize=2).replace(sys.implementation.cache_tag, 'TAG'))\n\
                print(p.compile('d/bad.py'))\n\
                try:\n    p.compile('d/bad.py', doraise=True)\n\
                except p.PyCompileError as e:\n    print('PyCompileError', e.exc_type_name, e.file)\n\
                print(p.compile('a.py', invalidation_mode=p.PycInvalidationMode.UNCHECKED_HASH)\
                .replace(sys.implementation.cache_tag, 'TAG'))\n";
    let theirs = run_python(&t, &["-c", prog]);
    remove_pycs(&t.0);
    let _ = std::fs::remove_dir_all(t.path("out"));
    let ours = run_rpy(&t, &["-c", prog]);
    assert_eq!(text(&ours.stdout), text(&theirs.stdout));
    assert_eq!(text(&ours.stderr), text(&theirs.stderr));
    // The dfile shows in the code's filename; python3.11 runs the pyc rpy wrote.
    let o = run_python(&t, &["out/a.pyc"]);
    assert_eq!(ok(&o), "a runs\n");
}
