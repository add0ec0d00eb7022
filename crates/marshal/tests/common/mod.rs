//! Shared setup for the tests that use python3.11 as the oracle: finding it, and the corpus
//! of pycs it writes for its own standard library (built once per test binary, reused across
//! runs from the cargo target dir, since compileall skips pycs that are up to date).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The oracle: `$RPY_PYTHON`, else `python3.11` on PATH.
pub fn python() -> String {
    std::env::var("RPY_PYTHON").unwrap_or_else(|_| "python3.11".to_string())
}

pub fn tool_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/tools/corpus.py")
}

/// Runs `python3.11 tests/tools/corpus.py ARGS…` and returns its stdout.
pub fn corpus_tool(args: &[&str]) -> String {
    let out = Command::new(python())
        .arg(tool_script())
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} (python3.11 is required): {e}", python()));
    assert!(
        out.status.success(),
        "corpus.py {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

pub struct Corpus {
    pub dir: PathBuf,
    pub pycs: Vec<PathBuf>,
    /// The list of pyc paths, one per line, as the tool's subcommands take it.
    pub list_file: PathBuf,
}

/// Every pyc `python3.11 -m compileall` writes for its standard library.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("stdlib-pycs");
        std::fs::create_dir_all(&dir).expect("create corpus dir");
        let listing = corpus_tool(&["build", dir.to_str().expect("utf-8 path")]);
        let pycs: Vec<PathBuf> = listing.lines().map(PathBuf::from).collect();
        assert!(
            pycs.len() > 1000,
            "compileall produced only {} pycs",
            pycs.len()
        );
        let list_file = dir.join("list.txt");
        std::fs::write(&list_file, listing).expect("write list");
        Corpus {
            dir,
            pycs,
            list_file,
        }
    })
}

/// Parses `PATH<TAB>VALUE` lines.
pub fn tab_map(text: &str) -> std::collections::HashMap<PathBuf, String> {
    text.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(p, v)| (PathBuf::from(p), v.to_string()))
        .collect()
}
