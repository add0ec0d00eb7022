//! Parse time over every UTF-8 `.py` file of CPython 3.11's `Lib` (sources held in memory):
//! rustpython-parser against rpy-parser, alternating, 5 runs each, medians and their ratio.
//! Run: `cargo bench -p rpy-parser --bench parse`. Uses mimalloc, as the `rpy` binary does.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            if name != "site-packages" && name != "__pycache__" {
                collect(&p, out);
            }
        } else if name.ends_with(".py") {
            out.push(p);
        }
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let lib = std::process::Command::new("python3.11")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| PathBuf::from(s.trim()));
    let Some(lib) = lib.filter(|l| l.join("os.py").exists()) else {
        println!("SKIPPED: no CPython 3.11 Lib found");
        return;
    };
    let mut files = Vec::new();
    collect(&lib, &mut files);
    files.sort();
    // Only files both parsers accept, so that both do the same work.
    let sources: Vec<String> = files
        .iter()
        .filter_map(|p| String::from_utf8(std::fs::read(p).ok()?).ok())
        .filter(|s| {
            rustpython_parser::parse(s, rustpython_parser::Mode::Module, "<b>").is_ok()
                && rpy_parser::parse(s, rpy_parser::Mode::Module).is_ok()
        })
        .collect();
    let bytes: usize = sources.iter().map(String::len).sum();
    let lines: usize = sources.iter().map(|s| s.lines().count()).sum();
    println!(
        "{} files, {:.1} MB, {} lines",
        sources.len(),
        bytes as f64 / 1e6,
        lines
    );
    let run = |sources: &[String]| {
        std::thread::scope(|s| {
            std::thread::Builder::new()
                .stack_size(1 << 30)
                .spawn_scoped(s, || {
                    let (mut theirs, mut ours) = (Vec::new(), Vec::new());
                    for _ in 0..5 {
                        let t = Instant::now();
                        for src in sources {
                            let m = rustpython_parser::parse(
                                src,
                                rustpython_parser::Mode::Module,
                                "<b>",
                            );
                            std::hint::black_box(m.is_ok());
                        }
                        theirs.push(t.elapsed());
                        let t = Instant::now();
                        for src in sources {
                            let m = rpy_parser::parse(src, rpy_parser::Mode::Module);
                            std::hint::black_box(m.is_ok());
                        }
                        ours.push(t.elapsed());
                    }
                    (median(theirs), median(ours))
                })
                .unwrap()
                .join()
                .unwrap()
        })
    };
    let (theirs, ours) = run(&sources);
    let mbs = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    println!(
        "rustpython-parser: {:.0} ms ({:.1} MB/s)\nrpy-parser:        {:.0} ms ({:.1} MB/s)\nratio (rustpython time / rpy time): {:.2}x (goal >= 3x)",
        theirs.as_secs_f64() * 1e3,
        mbs(theirs),
        ours.as_secs_f64() * 1e3,
        mbs(ours),
        theirs.as_secs_f64() / ours.as_secs_f64()
    );
}
