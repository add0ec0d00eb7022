//! Shared setup for the tests that use python3.11 as the oracle.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// The oracle: `$RPY_PYTHON`, else `python3.11` on PATH.
pub fn python() -> String {
    std::env::var("RPY_PYTHON").unwrap_or_else(|_| "python3.11".to_string())
}

/// Runs `python3.11 SCRIPT` (a path relative to crates/text) and returns its stdout.
pub fn run_python(script: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(script);
    let out = Command::new(python())
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} (python3.11 is required): {e}", python()));
    assert!(
        out.status.success(),
        "{script} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}
