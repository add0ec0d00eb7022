//! Unmarshal every pyc of CPython's standard library: rpy-marshal's `loads` against
//! python3.11's `marshal.loads` over the same bytes. Prints throughput and the ratio.
//!
//!     cargo bench -p rpy-benches --bench unmarshal

use std::hint::black_box;
use std::process::Command;

use rpy_benches::{median_time, reference_python, repo_root, stdlib_pycs};

/// The allocator the `rpy` binary uses.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 9;

fn main() {
    let pycs = stdlib_pycs();
    let bodies: Vec<Vec<u8>> = pycs
        .iter()
        .map(|p| std::fs::read(p).expect("read pyc")[rpy_marshal::pyc::HEADER_LEN..].to_vec())
        .collect();
    let total: usize = bodies.iter().map(Vec::len).sum();
    let mb = total as f64 / 1e6;

    let ours = median_time(RUNS, || {
        for b in &bodies {
            black_box(rpy_marshal::marshal::loads(b).expect("valid pyc"));
        }
    })
    .as_secs_f64();

    let list = repo_root().join("target/bench-corpus/list.txt");
    let listing: String = pycs.iter().map(|p| format!("{}\n", p.display())).collect();
    std::fs::write(&list, listing).expect("write list");
    let python = reference_python();
    let out = Command::new(&python)
        .arg(repo_root().join("benches/python/unmarshal.py"))
        .arg(&list)
        .arg(RUNS.to_string())
        .output()
        .expect("run the reference python");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: f64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("seconds");

    println!(
        "unmarshal: {} pycs, {mb:.1} MB of marshal data, median of {RUNS} runs",
        bodies.len()
    );
    println!(
        "  rpy-marshal loads        {:8.1} ms  {:7.1} MB/s",
        ours * 1e3,
        mb / ours
    );
    println!(
        "  {python} marshal.loads {:8.1} ms  {:7.1} MB/s",
        theirs * 1e3,
        mb / theirs
    );
    println!("  ratio (CPython time / rpy time): {:.2}x", theirs / ours);
}
