//! The value-stack check every code object passes before it runs (`rpy_vm::code::verify`)
//! accepts all the code of the standard library: the code objects python3.11 wrote into its
//! pycs, and the ones rpy's compiler makes from the same sources. A code object it rejected
//! could not run at all, so this must hold for every one of them.

#[path = "../../marshal/tests/common/mod.rs"]
mod common;

use std::path::Path;

use rpy_marshal::{CodeObject, pyc};

/// Checks `code` and its nested code; returns how many were checked, pushing failures.
fn check_tree(code: &CodeObject, what: &str, failures: &mut Vec<String>) -> usize {
    if let Err(e) = rpy_vm::code::verify(code) {
        failures.push(format!(
            "{what}: {} ({}): {}",
            code.qualname, code.filename, e.0
        ));
    }
    1 + code
        .nested_code()
        .map(|c| check_tree(c, what, failures))
        .sum::<usize>()
}

#[test]
fn stdlib_code_passes_the_stack_check() {
    let corpus = common::corpus();
    let prefix = corpus.dir.to_str().expect("utf-8").to_string();
    let mut failures = Vec::new();
    let (mut theirs_n, mut ours_n) = (0, 0);
    for pyc_path in &corpus.pycs {
        let theirs = pyc::read_pyc(&std::fs::read(pyc_path).expect("read"))
            .expect("valid pyc")
            .code;
        theirs_n += check_tree(&theirs, "python3.11", &mut failures);
        let rel = pyc_path
            .to_str()
            .expect("utf-8")
            .strip_prefix(&prefix)
            .expect("under corpus");
        let source_path = rel.replace(".cpython-311.pyc", ".py");
        let Ok(source) = std::fs::read_to_string(Path::new(&source_path)) else {
            continue;
        };
        if let Ok(ours) = rpy_compiler::compile(
            &source,
            &theirs.filename.to_string(),
            rpy_compiler::Mode::Exec,
            &Default::default(),
        ) {
            ours_n += check_tree(&ours, "rpy", &mut failures);
        }
    }
    println!("stack check: {theirs_n} code objects of python3.11, {ours_n} of rpy");
    assert!(theirs_n > 50_000 && ours_n > 50_000, "too few code objects");
    assert!(
        failures.is_empty(),
        "{} code objects fail the stack check, e.g.:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
