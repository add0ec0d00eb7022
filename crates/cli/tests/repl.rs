//! The interactive interpreter, driven through a pseudo-terminal (`tests/tools/pty_session.py`,
//! run by python3.11): prompts from `sys.ps1`/`sys.ps2`, multi-line blocks, results echoed and
//! kept in `_`, tracebacks without ending the session, Ctrl-C, Ctrl-D, tab completion,
//! PYTHONSTARTUP, `-i`, history; and the non-interactive paths: a program piped to stdin, and
//! the exit status after an uncaught KeyboardInterrupt.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn python() -> String {
    std::env::var("RPY_PYTHON").unwrap_or_else(|_| "python3.11".to_string())
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Runs rpy with `args` in a terminal, typing `keys`; returns (output, exit status).
fn session(args: &[&str], env: &[(&str, &str)], keys: &[&str], home: &Path) -> (String, i32) {
    let mut argv = vec![json_str(env!("CARGO_BIN_EXE_rpy"))];
    argv.extend(args.iter().map(|a| json_str(a)));
    let mut envs = vec![
        "\"TERM\": \"xterm\"".to_string(),
        format!("\"HOME\": {}", json_str(&home.to_string_lossy())),
    ];
    envs.extend(
        env.iter()
            .map(|(k, v)| format!("{}: {}", json_str(k), json_str(v))),
    );
    let spec = format!(
        "{{\"argv\": [{}], \"env\": {{{}}}, \"keys\": [{}]}}",
        argv.join(", "),
        envs.join(", "),
        keys.iter()
            .map(|k| json_str(k))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let spec_path = home.join("spec.json");
    std::fs::write(&spec_path, spec).expect("write the spec");
    let out = Command::new(python())
        .arg(repo().join("tests/tools/pty_session.py"))
        .arg(&spec_path)
        .current_dir(home)
        .output()
        .expect("run the pty driver");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "driver failed: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (body, status) = text.rsplit_once("\nSTATUS ").expect("a status line");
    (body.to_string(), status.trim().parse().expect("a status"))
}

fn home(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rpy-repl-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("make a home");
    d
}

/// Checks that each expected text appears in `out` after the previous one.
fn assert_in_order(out: &str, expected: &[&str]) {
    let mut rest = out;
    for e in expected {
        match rest.find(e) {
            Some(i) => rest = &rest[i + e.len()..],
            None => panic!("missing {e:?} (in order) in session:\n{out}"),
        }
    }
}

#[test]
fn interactive_session() {
    let h = home("session");
    let (out, status) = session(
        &[],
        &[],
        &[
            "1 + 2\r",
            "_ * 10\r",
            "def f(x):\r",
            "    return x * 2\r",
            "\r",
            "f(21)\r",
            "if f(1):\r",
            "    print('block ran')\r",
            "\r",
            "raise ValueError('bad')\r",
            "(1,\r",
            "2)\r",
            "import sys; sys.ps1 = 'rpy> '; sys.ps2 = '.... '\r",
            "for i in range(2):\r",
            "    print('loop', i)\r",
            "\r",
            "None\r",
            "\x03",
            "print('still here')\r",
            "\x04",
        ],
        &h,
    );
    assert_eq!(status, 0, "{out}");
    assert_in_order(
        &out,
        &[
            "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
            ">>> 1 + 2",
            "\n3\n",
            ">>> _ * 10",
            "\n30\n",
            ">>> def f(x):",
            "...     return x * 2",
            ">>> f(21)",
            "\n42\n",
            "block ran",
            "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nValueError: bad",
            ">>> (1,",
            "... 2)",
            "(1, 2)",
            "rpy> for i in range(2):",
            ".... ",
            "loop 0\nloop 1",
            "rpy> None\nrpy> ",
            "KeyboardInterrupt",
            "still here",
        ],
    );
    let hist = std::fs::read_to_string(h.join(".rpy_history")).expect("history file");
    assert!(hist.contains("f(21)"), "{hist}");
}

#[test]
fn tab_completion_and_exit() {
    let h = home("complete");
    let (out, status) = session(
        &["-q"],
        &[],
        &[
            "text = 'abc'\r",
            "text.upp\t()\r",
            "imp\t sys\r",
            "sys.exit(3)\r",
        ],
        &h,
    );
    assert!(!out.contains("Type \"help\""), "-q shows no banner: {out}");
    assert_in_order(&out, &["text.upper()", "'ABC'", "import sys"]);
    assert_eq!(status, 3, "{out}");
}

#[test]
fn startup_file_and_inspect_after_script() {
    let h = home("inspect");
    std::fs::write(h.join("startup.py"), "GREETING = 'from startup'\n").expect("write");
    std::fs::write(h.join("script.py"), "value = 6 * 7\nprint('script done')\n").expect("write");
    let startup = h.join("startup.py").to_string_lossy().to_string();
    let (out, _) = session(
        &[],
        &[("PYTHONSTARTUP", startup.as_str())],
        &["GREETING\r", "\x04"],
        &h,
    );
    assert_in_order(&out, &[">>> GREETING", "'from startup'"]);
    // -i: the script runs, then the prompt in its namespace, without the banner and without
    // PYTHONSTARTUP, as CPython does.
    let (out, status) = session(
        &["-i", "script.py"],
        &[("PYTHONSTARTUP", startup.as_str())],
        &["value\r", "'GREETING' in globals()\r", "\x04"],
        &h,
    );
    assert_eq!(status, 0);
    assert!(!out.contains("Type \"help\""), "{out}");
    assert_in_order(&out, &["script done", ">>> value", "42", "False"]);
    // -i after a failing script: the traceback, then the prompt.
    std::fs::write(h.join("bad.py"), "x = 1\n1 / 0\n").expect("write");
    let (out, _) = session(&["-i", "bad.py"], &[], &["x + 1\r", "\x04"], &h);
    assert_in_order(
        &out,
        &["ZeroDivisionError: division by zero", ">>> x + 1", "2"],
    );
}

#[test]
fn piped_stdin_runs_as_a_program() {
    for args in [vec![], vec!["-"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rpy"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"import sys\nprint('piped', sys.argv)\nx = 5\nx\n")
            .expect("write");
        let out = child.wait_with_output().expect("wait");
        let expected = if args.is_empty() {
            "piped ['']\n"
        } else {
            "piped ['-']\n"
        };
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
        assert!(out.status.success());
    }
}

#[test]
fn keyboard_interrupt_exit_status_matches_cpython() {
    let h = home("sigint");
    std::fs::write(
        h.join("loop.py"),
        "print('ready', flush=True)\nwhile True:\n    pass\n",
    )
    .expect("write");
    let run = |exe: &str| {
        let mut child = Command::new(exe)
            .arg(h.join("loop.py"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdout = child.stdout.take().expect("stdout");
        let mut buf = [0u8; 6];
        std::io::Read::read_exact(&mut stdout, &mut buf).expect("ready line");
        std::thread::sleep(std::time::Duration::from_millis(100));
        let killed = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        use std::os::unix::process::ExitStatusExt;
        (
            out.status.code(),
            out.status.signal(),
            stderr.lines().last().map(String::from),
        )
    };
    let ours = run(env!("CARGO_BIN_EXE_rpy"));
    let theirs = run(&python());
    assert_eq!(ours, theirs);
    assert_eq!(ours.1, Some(2), "killed by SIGINT");
    assert_eq!(ours.2.as_deref(), Some("KeyboardInterrupt"));
}
