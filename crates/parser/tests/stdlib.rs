//! The oracle test: every `.py` file of CPython 3.11's `Lib` (with `Lib/test`) is parsed by
//! rustpython-parser and by rpy-parser; where rustpython-parser succeeds, the trees must be
//! equal. Files listed in `tests/stdlib_equal.txt` must stay equal (regenerate the list with
//! `RPY_UPDATE_PARSER_EQUAL=1`). Prints the share of equal files and the files that differ.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn stdlib_dir() -> Option<PathBuf> {
    let out = std::process::Command::new("python3.11")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .ok()?;
    let dir = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    dir.join("os.py").exists().then_some(dir)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        let name = e.file_name();
        let name = name.to_string_lossy();
        if p.is_dir() {
            if name != "site-packages" && name != "__pycache__" {
                collect(&p, out);
            }
        } else if name.ends_with(".py") {
            out.push(p);
        }
    }
}

/// The first line where two debug dumps differ, with some context.
fn first_diff(a: &str, b: &str) -> String {
    let (la, lb): (Vec<_>, Vec<_>) = (a.lines().collect(), b.lines().collect());
    for i in 0..la.len().max(lb.len()) {
        let (x, y) = (la.get(i), lb.get(i));
        if x != y {
            let ctx: Vec<_> = la[i.saturating_sub(6)..i].to_vec();
            return format!(
                "{}\n  rustpython: {}\n  rpy:        {}",
                ctx.join("\n"),
                x.unwrap_or(&"<end>"),
                y.unwrap_or(&"<end>")
            );
        }
    }
    String::new()
}

fn run() {
    let Some(lib) = stdlib_dir() else {
        println!("SKIPPED: no CPython 3.11 Lib found (python3.11 not on PATH)");
        return;
    };
    let mut files = Vec::new();
    collect(&lib, &mut files);
    files.sort();
    let list_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stdlib_equal.txt");
    let listed: BTreeSet<String> = std::fs::read_to_string(&list_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_string)
        .collect();
    let only = std::env::var("RPY_PARSER_ONLY").ok();
    let verbose = std::env::var("RPY_PARSER_VERBOSE").is_ok();
    let (mut equal, mut differ, mut both_fail, mut we_fail, mut we_accept, mut undecodable) =
        (0, 0, 0, 0, 0, 0);
    let mut equal_set = BTreeSet::new();
    let mut shown = 0;
    let mut report = Vec::new();
    for path in &files {
        let rel = path
            .strip_prefix(&lib)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if only.as_ref().is_some_and(|o| !rel.contains(o.as_str())) {
            continue;
        }
        // Files in another encoding are read as Latin-1: both parsers see the same text.
        let src = match String::from_utf8(std::fs::read(path).unwrap()) {
            Ok(s) => s,
            Err(e) => {
                undecodable += 1;
                e.into_bytes().iter().map(|&b| b as char).collect()
            }
        };
        let theirs = rustpython_parser::parse(&src, rustpython_parser::Mode::Module, &rel);
        let ours = rpy_parser::parse(&src, rpy_parser::Mode::Module);
        match (theirs, ours) {
            (Ok(a), Ok(b)) => {
                if a == b {
                    equal += 1;
                    equal_set.insert(rel);
                } else {
                    differ += 1;
                    if shown < 15 || verbose {
                        shown += 1;
                        let (da, db) = (format!("{a:#?}"), format!("{b:#?}"));
                        report.push(format!("DIFFERS {rel}\n{}", first_diff(&da, &db)));
                    } else {
                        report.push(format!("DIFFERS {rel}"));
                    }
                }
            }
            (Ok(_), Err(e)) => {
                we_fail += 1;
                report.push(format!("REJECTED {rel}: {e}"));
            }
            (Err(_), Err(_)) => both_fail += 1,
            (Err(e), Ok(_)) => {
                we_accept += 1;
                report.push(format!("ACCEPTED {rel} (rustpython: {e})"));
            }
        }
    }
    for r in &report {
        println!("{r}");
    }
    let total = equal + differ + we_fail;
    println!(
        "rpy-parser vs rustpython-parser on {} files of {}: {equal}/{total} equal ({:.1}%), \
         {differ} differ, {we_fail} rejected by rpy only; rustpython rejects {}: {both_fail} \
         also rejected by rpy, {we_accept} accepted by rpy; {undecodable} not UTF-8 (read as Latin-1)",
        files.len(),
        lib.display(),
        100.0 * equal as f64 / total.max(1) as f64,
        both_fail + we_accept,
    );
    if only.is_some() {
        return;
    }
    if std::env::var("RPY_UPDATE_PARSER_EQUAL").is_ok() {
        let mut text = String::from(
            "# Stdlib files (relative to Lib) whose rpy-parser tree equals rustpython-parser's.\n\
             # Regenerate: RPY_UPDATE_PARSER_EQUAL=1 cargo test --release -p rpy-parser --test stdlib\n",
        );
        for f in &equal_set {
            text.push_str(f);
            text.push('\n');
        }
        std::fs::write(&list_path, text).unwrap();
        println!("wrote {}", list_path.display());
        return;
    }
    let regressed: Vec<_> = listed.difference(&equal_set).collect();
    let new: Vec<_> = equal_set.difference(&listed).collect();
    if !new.is_empty() {
        println!(
            "{} files newly equal (not yet in stdlib_equal.txt)",
            new.len()
        );
    }
    assert!(
        regressed.is_empty(),
        "{} previously equal files regressed: {:?}",
        regressed.len(),
        regressed
    );
}

#[test]
fn stdlib_trees_equal() {
    // Deeply nested test files need a deep stack (rustpython-parser's and ours).
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
}

/// The comparison sees ranges: the same tree at other offsets is not equal.
#[test]
fn comparison_sees_ranges() {
    let theirs = rustpython_parser::parse("x =  1\n", rustpython_parser::Mode::Module, "<x>");
    let ours = rpy_parser::parse("x = 1\n", rpy_parser::Mode::Module);
    assert_ne!(theirs.unwrap(), ours.unwrap());
    let theirs = rustpython_parser::parse("x = 1\n", rustpython_parser::Mode::Module, "<x>");
    let ours = rpy_parser::parse("x = 1\n", rpy_parser::Mode::Module);
    assert_eq!(theirs.unwrap(), ours.unwrap());
}
