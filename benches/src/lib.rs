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
