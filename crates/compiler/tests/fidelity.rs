//! Fidelity of rpy's compiler against CPython 3.11 over the whole standard library: for every
//! module python3.11's compileall compiled, rpy compiles the same source and the code-object
//! trees are compared; a code object counts as equal when its instruction bytes (`co_code`)
//! are identical. Prints the figure; fails if it drops below the recorded floor.

#[path = "../../marshal/tests/common/mod.rs"]
mod common;

use std::path::Path;

use rpy_marshal::{CodeObject, pyc};

/// Lowest acceptable share (percent). Raise it as the compiler grows; never lower it.
const FLOOR_PERCENT: f64 = 99.5;

fn count(code: &CodeObject) -> usize {
    1 + code.nested_code().map(|c| count(c)).sum::<usize>()
}

/// Code objects of `theirs` matched by `ours`, walking nested code in constant order.
fn matching(ours: &CodeObject, theirs: &CodeObject) -> usize {
    let here = usize::from(ours.code == theirs.code);
    let nested: usize = ours
        .nested_code()
        .zip(theirs.nested_code())
        .map(|(a, b)| matching(a, b))
        .sum();
    here + nested
}

#[test]
fn compiler_fidelity_over_the_stdlib() {
    let corpus = common::corpus();
    let prefix = corpus.dir.to_str().expect("utf-8").to_string();
    let (mut total, mut equal, mut modules, mut compiled) = (0usize, 0usize, 0usize, 0usize);
    let mut compiled_total = 0usize;
    let mut failures: std::collections::BTreeMap<String, usize> = Default::default();
    for pyc_path in &corpus.pycs {
        let rel = pyc_path
            .to_str()
            .expect("utf-8")
            .strip_prefix(&prefix)
            .expect("under corpus");
        let source_path = rel.replace(".cpython-311.pyc", ".py");
        let Ok(source) = std::fs::read_to_string(Path::new(&source_path)) else {
            continue;
        };
        let theirs = pyc::read_pyc(&std::fs::read(pyc_path).expect("read"))
            .expect("valid pyc")
            .code;
        modules += 1;
        total += count(&theirs);
        match rpy_compiler::compile(
            &source,
            &theirs.filename.to_string(),
            rpy_compiler::Mode::Exec,
            &Default::default(),
        ) {
            Ok(ours) => {
                compiled += 1;
                compiled_total += count(&theirs);
                equal += matching(&ours, &theirs);
            }
            Err(e) => {
                if e.error_type != rpy_compiler::ErrorType::SystemError {
                    println!(
                        "          cannot compile {source_path}:{}: {}",
                        e.lineno, e.msg
                    );
                }
                *failures
                    .entry(format!("{}: {}", e.error_type.name(), e.msg))
                    .or_default() += 1
            }
        }
    }
    let share = 100.0 * equal as f64 / total as f64;
    println!(
        "fidelity: {equal} of {total} code objects ({share:.1}%) have CPython's exact instructions"
    );
    println!(
        "          {compiled} of {modules} modules compiled; within them {:.1}% of code objects are exact",
        100.0 * equal as f64 / compiled_total.max(1) as f64
    );
    println!("          reasons the other modules did not compile:");
    let mut reasons: Vec<_> = failures.into_iter().collect();
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (reason, n) in reasons.iter().take(15) {
        println!("          {n:5}  {reason}");
    }
    assert!(
        share >= FLOOR_PERCENT,
        "fidelity {share:.1}% fell below the floor {FLOOR_PERCENT}%"
    );
}
