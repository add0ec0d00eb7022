//! Compile the standard library from source held in memory: rpy's compiler against
//! python3.11's `compile()` over the same files (the ones rpy compiles today). Prints lines per
//! second for each and the ratio.
//!
//!     cargo bench -p rpy-benches --bench compile

use std::process::Command;
use std::time::Instant;

use rpy_benches::{median, reference_python, repo_root, stdlib_pycs};

#[global_allocator]
static GLOBAL: rpy_vm::alloc::Allocator = rpy_vm::alloc::Allocator;

const RUNS: usize = 5;

fn main() {
    let prefix = repo_root().join("target/bench-corpus");
    let prefix = prefix.to_str().expect("utf-8");
    let mut sources = Vec::new();
    for pyc in stdlib_pycs() {
        let path = pyc
            .to_str()
            .expect("utf-8")
            .strip_prefix(prefix)
            .expect("in corpus")
            .replace(".cpython-311.pyc", ".py");
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        // Only what both compile, so that both do the same work.
        if rpy_compiler::compile(&src, &path, rpy_compiler::Mode::Exec, &Default::default()).is_ok()
        {
            sources.push((path, src));
        }
    }
    let list = repo_root().join("target/bench-corpus/compile-list.txt");
    std::fs::write(
        &list,
        sources
            .iter()
            .map(|(p, _)| format!("{p}\n"))
            .collect::<String>(),
    )
    .expect("write list");
    let lines: usize = sources.iter().map(|(_, s)| s.matches('\n').count()).sum();
    let python = reference_python();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let t = Instant::now();
        for (path, src) in &sources {
            std::hint::black_box(
                rpy_compiler::compile(src, path, rpy_compiler::Mode::Exec, &Default::default())
                    .expect("compiles"),
            );
        }
        ours.push(t.elapsed().as_secs_f64());
        let out = Command::new(&python)
            .arg(repo_root().join("benches/python/compile_all.py"))
            .arg(&list)
            .output()
            .expect("run the reference python");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        theirs.push(
            text.split_whitespace()
                .next()
                .expect("seconds")
                .parse::<f64>()
                .expect("seconds"),
        );
    }
    let (ours, theirs) = (median(&mut ours), median(&mut theirs));
    println!(
        "compile: {} stdlib modules, {lines} lines, median of {RUNS} alternating runs",
        sources.len()
    );
    println!(
        "  rpy-compiler              {:7.2} s  {:9.0} lines/s",
        ours,
        lines as f64 / ours
    );
    println!(
        "  {python} compile() {:7.2} s  {:9.0} lines/s",
        theirs,
        lines as f64 / theirs
    );
    println!("  ratio (CPython time / rpy time): {:.2}x", theirs / ours);
}
