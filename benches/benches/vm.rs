//! The eval loop: every workload in `benches/python/vm/` run by `target/release/rpy` and by the
//! reference python3.11, alternately (A B A B …). Each workload prints a checksum; both must print
//! the same stdout. Prints the median wall-clock time of each, the ratio rpy/python, the geometric
//! mean of the ratios, and the startup time of both.
//!
//!     flock /tmp/rpy-cargo.lock cargo bench -p rpy-benches --bench vm [-- WORKLOAD…]
//!
//! Builds the `rpy` binary first (`cargo build --release -p rpy`; skip with
//! `RPY_BENCH_NO_BUILD=1`, or point `RPY_BENCH_RPY` at another binary). Environment:
//! `RPY_BENCH_RUNS` (runs of each workload, default 5), `RPY_BENCH_STARTUP_RUNS` (default 20),
//! `RPY_BENCH_PYTHON` (the reference interpreter).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use rpy_benches::{env_count, median, reference_python, repo_root, rpy_binary};

/// Runs of each workload per interpreter unless `RPY_BENCH_RUNS` says otherwise.
const RUNS: usize = 5;
/// Runs of each startup command unless `RPY_BENCH_STARTUP_RUNS` says otherwise.
const STARTUP_RUNS: usize = 20;

/// Runs `program args…` once with `PYTHONHASHSEED=0`; returns its output and wall-clock seconds.
fn run(program: &Path, args: &[&str]) -> (Output, f64) {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .env("PYTHONHASHSEED", "0")
        .current_dir(repo_root());
    let t = Instant::now();
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()));
    (out, t.elapsed().as_secs_f64())
}

fn describe(out: &Output) -> String {
    format!(
        "{}\n--- stdout ---\n{}--- stderr ---\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Median seconds of `runs` alternating runs of each command (A B C A B C …).
fn startup(commands: &[(&Path, &[&str])], runs: usize) -> Vec<f64> {
    let mut times = vec![Vec::new(); commands.len()];
    for _ in 0..runs {
        for ((program, args), t) in commands.iter().zip(&mut times) {
            let (out, secs) = run(program, args);
            assert!(
                out.status.success(),
                "{} {args:?}: {}",
                program.display(),
                describe(&out)
            );
            t.push(secs);
        }
    }
    times.iter_mut().map(|t| median(t)).collect()
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument selects workloads by name.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let runs = env_count("RPY_BENCH_RUNS", RUNS);
    let startup_runs = env_count("RPY_BENCH_STARTUP_RUNS", STARTUP_RUNS);
    let rpy = rpy_binary();
    let python = PathBuf::from(reference_python());
    if python != Path::new("/usr/bin/python3.11") {
        eprintln!(
            "vm bench: note: measuring against {} rather than Debian's optimized \
             /usr/bin/python3.11; ratios are not comparable with docs/benchmarks.md",
            python.display()
        );
    }

    let dir = repo_root().join("benches/python/vm");
    let mut workloads: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| {
            only.is_empty()
                || only
                    .iter()
                    .any(|o| p.file_stem().is_some_and(|s| s == o.as_str()))
        })
        .collect();
    workloads.sort();
    assert!(!workloads.is_empty(), "no workload matches {only:?}");

    println!(
        "vm: {} workloads, median of {runs} alternating runs (wall clock, PYTHONHASHSEED=0)",
        workloads.len()
    );
    println!("  rpy:    {}", rpy.display());
    println!("  python: {}", python.display());
    println!();
    println!("| workload | python3.11 | rpy | rpy / python |");
    println!("|---|---|---|---|");
    let mut ratios = Vec::new();
    let mut failures = Vec::new();
    for script in &workloads {
        let name = script.file_stem().expect("file name").to_string_lossy();
        let arg = script.to_str().expect("utf-8 path");
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        let mut failure = None;
        for _ in 0..runs {
            let (py_out, py_secs) = run(&python, &[arg]);
            assert!(
                py_out.status.success(),
                "{name}: the reference python failed: {}",
                describe(&py_out)
            );
            let (rpy_out, rpy_secs) = run(&rpy, &[arg]);
            if !rpy_out.status.success() || rpy_out.stdout != py_out.stdout {
                failure = Some(format!(
                    "{name}: rpy disagrees with python\n=== python: {}=== rpy: {}",
                    describe(&py_out),
                    describe(&rpy_out)
                ));
                break;
            }
            theirs.push(py_secs);
            ours.push(rpy_secs);
        }
        if let Some(f) = failure {
            println!("| {name} | – | – | FAILED (wrong output) |");
            failures.push(f);
            continue;
        }
        let (ours, theirs) = (median(&mut ours), median(&mut theirs));
        ratios.push(ours / theirs);
        println!(
            "| {name} | {:.3} s | {:.3} s | {:.2}× |",
            theirs,
            ours,
            ours / theirs
        );
    }
    if !ratios.is_empty() {
        let geomean = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
        println!(
            "| **geometric mean** ({} workloads) | | | **{geomean:.2}×** |",
            ratios.len()
        );
    }

    let rpy_c: &[&str] = &["-c", "pass"];
    let py_s: &[&str] = &["-S", "-c", "pass"];
    let t = startup(
        &[(&rpy, rpy_c), (&python, py_s), (&python, rpy_c)],
        startup_runs,
    );
    println!();
    println!("startup, median of {startup_runs} alternating runs:");
    println!("| command | time |");
    println!("|---|---|");
    println!("| `rpy -c pass` | {:.1} ms |", t[0] * 1e3);
    println!("| `python3.11 -S -c pass` | {:.1} ms |", t[1] * 1e3);
    println!("| `python3.11 -c pass` | {:.1} ms |", t[2] * 1e3);

    if !failures.is_empty() {
        for f in &failures {
            eprintln!("\n{f}");
        }
        eprintln!(
            "\nvm bench: {} workload(s) gave a different answer under rpy",
            failures.len()
        );
        std::process::exit(1);
    }
}
