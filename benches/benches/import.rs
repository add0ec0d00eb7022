//! Importing a generated package of 200 modules, cold (every module compiled and its pyc
//! written) and warm (every module loaded from its pyc), by `target/release/rpy` and by the
//! reference python3.11, alternately. Prints the medians, rpy's warm time against
//! python3.11's, and rpy's cold/warm ratio. Goals (import-system issue): warm at least as
//! fast as python3.11; warm at least 5× faster than cold.
//!
//!     flock /tmp/rpy-cargo.lock cargo bench -p rpy-benches --bench import
//!
//! Both interpreters run with `-S` (no `site`: rpy has none) and with PYTHONDONTWRITEBYTECODE
//! cleared. `RPY_BENCH_RUNS` sets the runs per case (default 7); `RPY_BENCH_NO_BUILD=1` skips
//! building rpy.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use rpy_benches::{env_count, median, reference_python, rpy_binary};

const MODULES: usize = 200;

/// One module of the package: functions, a class with methods, constants, a comprehension,
/// a docstring — about 40 lines, the size of a small real module.
fn module_source(i: usize) -> String {
    format!(
        r#""""Module {i} of the generated benchmark package."""

import math

LIMIT = {i} * 3 + 1
NAMES = ("alpha", "beta", "gamma", "delta_{i}")
TABLE = {{name: len(name) + {i} for name in NAMES}}


def scale(x, factor=2.5):
    """Scale a number."""
    return x * factor + LIMIT


def total(values):
    acc = 0
    for v in values:
        if v % 2:
            acc += v
        else:
            acc -= v // 2
    return acc


class Shape{i}:
    sides = {i} % 7 + 3

    def __init__(self, size):
        self.size = size

    def area(self):
        return self.sides * self.size ** 2 / (4 * math.tan(math.pi / self.sides))

    def __repr__(self):
        return f"Shape{i}(size={{self.size!r}})"


def describe(n):
    try:
        return [str(Shape{i}(k)) for k in range(n)]
    except ValueError as e:
        return [repr(e)]
"#
    )
}

fn make_package(root: &Path) {
    let _ = std::fs::remove_dir_all(root);
    let pkg = root.join("benchpkg");
    std::fs::create_dir_all(&pkg).expect("make the package directory");
    let mut init = String::from("\"\"\"The generated benchmark package.\"\"\"\n");
    for i in 0..MODULES {
        std::fs::write(pkg.join(format!("m{i}.py")), module_source(i)).expect("write a module");
        init.push_str(&format!("from . import m{i}\n"));
    }
    std::fs::write(pkg.join("__init__.py"), init).expect("write __init__");
}

fn clear_caches(root: &Path) {
    let _ = std::fs::remove_dir_all(root.join("benchpkg/__pycache__"));
}

/// Runs `import benchpkg` and returns the wall-clock seconds.
fn time_import(exe: &Path, root: &Path) -> f64 {
    let start = Instant::now();
    let out = Command::new(exe)
        .args(["-S", "-c", "import benchpkg; print(benchpkg.m199.LIMIT)"])
        .current_dir(root)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .env_remove("PYTHONPYCACHEPREFIX")
        .output()
        .expect("run an interpreter");
    let t = start.elapsed().as_secs_f64();
    assert!(
        out.status.success() && out.stdout == b"598\n",
        "{} failed: {}{}",
        exe.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    t
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("import: bench");
        return;
    }
    let runs = env_count("RPY_BENCH_RUNS", 7);
    let rpy = rpy_binary();
    let python = PathBuf::from(reference_python());
    let root = std::env::temp_dir().join(format!("rpy-import-bench-{}", std::process::id()));
    make_package(&root);
    let (mut rpy_cold, mut rpy_warm, mut py_cold, mut py_warm) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        clear_caches(&root);
        rpy_cold.push(time_import(&rpy, &root));
        rpy_warm.push(time_import(&rpy, &root));
        clear_caches(&root);
        py_cold.push(time_import(&python, &root));
        py_warm.push(time_import(&python, &root));
    }
    let _ = std::fs::remove_dir_all(&root);
    let (rc, rw, pc, pw) = (
        median(&mut rpy_cold),
        median(&mut rpy_warm),
        median(&mut py_cold),
        median(&mut py_warm),
    );
    println!(
        "importing a package of {MODULES} modules ({runs} runs each, medians, whole process):"
    );
    println!("| | cold (compile + write) | warm (from the cache) | cold / warm |");
    println!("|---|---|---|---|");
    println!(
        "| rpy | {:.1} ms | {:.1} ms | {:.1}× |",
        rc * 1e3,
        rw * 1e3,
        rc / rw
    );
    println!(
        "| {} -S | {:.1} ms | {:.1} ms | {:.1}× |",
        python.display(),
        pc * 1e3,
        pw * 1e3,
        pc / pw
    );
    println!(
        "warm: rpy / python3.11 = {:.2}× (goal ≤ 1.0); rpy cold / warm = {:.1}× (goal ≥ 5)",
        rw / pw,
        rc / rw
    );
}
