//! Unmarshal every pyc of CPython's standard library: rpy-marshal's `loads` against
//! python3.11's `marshal.loads` over the same bytes. Prints throughput and the ratio.
//!
//!     cargo bench -p rpy-benches --bench unmarshal

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

use rpy_benches::{median, reference_python, repo_root, stdlib_pycs};

/// The allocator the `rpy` binary uses.
#[global_allocator]
static GLOBAL: rpy_vm::alloc::Allocator = rpy_vm::alloc::Allocator;

const RUNS: usize = 9;

fn main() {
    let pycs = stdlib_pycs();
    let bodies: Vec<Vec<u8>> = pycs
        .iter()
        .map(|p| std::fs::read(p).expect("read pyc")[rpy_marshal::pyc::HEADER_LEN..].to_vec())
        .collect();
    let mb = bodies.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let list = repo_root().join("target/bench-corpus/list.txt");
    let listing: String = pycs.iter().map(|p| format!("{}\n", p.display())).collect();
    std::fs::write(&list, listing).expect("write list");
    let python = reference_python();

    // Alternate the two (A B A B …) so that machine noise hits both alike.
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        for b in &bodies {
            black_box(rpy_marshal::marshal::loads(b).expect("valid pyc"));
        }
        ours.push(t.elapsed().as_secs_f64());
        let out = Command::new(&python)
            .arg(repo_root().join("benches/python/unmarshal.py"))
            .arg(&list)
            .arg("1")
            .output()
            .expect("run the reference python");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        theirs.push(
            String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse::<f64>()
                .expect("seconds"),
        );
    }
    let (ours, theirs) = (median(&mut ours), median(&mut theirs));

    println!(
        "unmarshal: {} pycs, {mb:.1} MB of marshal data, median of {RUNS} alternating runs",
        bodies.len()
    );
    println!(
        "  rpy-marshal loads                  {:7.1} ms  {:6.1} MB/s",
        ours * 1e3,
        mb / ours
    );
    println!(
        "  {python} marshal.loads {:7.1} ms  {:6.1} MB/s",
        theirs * 1e3,
        mb / theirs
    );
    println!("  ratio (CPython time / rpy time): {:.2}x", theirs / ours);
}
