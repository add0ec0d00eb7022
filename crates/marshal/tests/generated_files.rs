//! The checked-in generated tables must be exactly what their generators print under
//! python3.11 today, so the opcode table can never drift from CPython's.

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
    // The header names the exact python3.11 micro version; the table must not depend on it.
    let body = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with("// Generated under"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        body(&fresh) == body(&checked_in),
        "{output} is stale: regenerate with `python3.11 {generator} > {output}`"
    );
}

#[test]
fn opcode_table_is_current() {
    check(
        "tools/gen_opcode_table.py",
        "crates/marshal/src/opcode_table.rs",
    );
}

#[test]
fn unicode_printable_table_is_current() {
    check(
        "tools/gen_unicode_printable.py",
        "crates/marshal/src/unicode_printable.rs",
    );
}
