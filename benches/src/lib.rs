//! Shared helpers for rpy's benchmarks: finding the reference interpreter, the pyc corpus,
//! and the repository root.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The CPython used for speed comparisons: `$RPY_BENCH_PYTHON`, else Debian's optimized
/// `/usr/bin/python3.11` when present, else `python3.11` on PATH.
pub fn reference_python() -> String {
    if let Ok(p) = std::env::var("RPY_BENCH_PYTHON") {
        return p;
    }
    if Path::new("/usr/bin/python3.11").exists() {
        return "/usr/bin/python3.11".into();
    }
    "python3.11".into()
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("benches/ has a parent")
        .to_path_buf()
}

/// Every pyc python3.11 writes for its standard library (built once under `target/`).
pub fn stdlib_pycs() -> Vec<PathBuf> {
    let dir = repo_root().join("target/bench-corpus");
    std::fs::create_dir_all(&dir).expect("create corpus dir");
    let out = Command::new("python3.11")
        .arg(repo_root().join("tests/tools/corpus.py"))
        .arg("build")
        .arg(&dir)
        .output()
        .expect("python3.11 is required to build the pyc corpus");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(PathBuf::from)
        .collect()
}

/// The median of some timings (sorts them).
pub fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// A positive count from the environment variable `name`, else `default`.
pub fn env_count(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .unwrap_or_else(|| panic!("{name}={v:?} is not a positive number")),
        Err(_) => default,
    }
}

/// The `rpy` binary to measure: `$RPY_BENCH_RPY`, else `target/release/rpy`, built first.
pub fn rpy_binary() -> PathBuf {
    if let Ok(p) = std::env::var("RPY_BENCH_RPY") {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    let rpy = target.join("release/rpy");
    if std::env::var_os("RPY_BENCH_NO_BUILD").is_none() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        eprintln!("bench: cargo build --release -p rpy");
        let status = Command::new(cargo)
            .args(["build", "--release", "-p", "rpy"])
            .current_dir(repo_root())
            .status()
            .expect("run cargo build --release -p rpy");
        assert!(
            status.success(),
            "`cargo build --release -p rpy` failed; fix the build, or set RPY_BENCH_NO_BUILD=1 \
             to measure the existing {}",
            rpy.display()
        );
    }
    if !rpy.exists() {
        eprintln!(
            "vm bench: {} is missing: run `cargo build --release -p rpy` first",
            rpy.display()
        );
        std::process::exit(2);
    }
    rpy
}
