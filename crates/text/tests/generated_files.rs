//! The checked-in Unicode tables must be exactly what their generators print under
//! python3.11 today.

mod common;

use std::path::Path;
use std::process::Command;

fn check(generator: &str, output: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(common::python())
        .arg(root.join(generator))
        .output()
        .expect("python3.11 is required");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let checked_in = std::fs::read_to_string(root.join(output)).expect("read generated file");
    let fresh = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        fresh == checked_in,
        "{output} is stale: regenerate with `python3.11 {generator} > {output}`"
    );
}

#[test]
fn unicode_ctype_tables_are_current() {
    check(
        "crates/text/tools/gen_unicode_ctype.py",
        "crates/text/src/strings/ctype_tables.rs",
    );
}

#[test]
fn unicode_case_tables_are_current() {
    check(
        "crates/text/tools/gen_unicode_case.py",
        "crates/text/src/strings/case_tables.rs",
    );
}
