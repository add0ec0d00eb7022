//! Hostile source: pathological nesting and unparsable text must give the error CPython gives
//! (SyntaxError, IndentationError, RecursionError) — never a stack overflow or a hang.

use rpy_compiler::{ErrorType, Mode, compile};

fn error_of(source: &str) -> (ErrorType, String, i32) {
    let e = compile(source, "<test>", Mode::Exec, &Default::default()).expect_err("must fail");
    (e.error_type, e.msg, e.lineno)
}

/// As python3.11: nesting the parser descends into (unary operators, `lambda`, `not`)
/// overflows the parser's stack, a bare MemoryError; chains it builds in a loop (binary
/// operators, attributes) make a tree too deep for the compiler, a RecursionError.
#[test]
fn deeply_nested_expressions_are_memory_or_recursion_errors() {
    for source in [
        format!("x = {}1", "-".repeat(100_000)),
        format!("x = {}0", "lambda: ".repeat(20_000)),
        format!("x = {}0", "not ".repeat(20_000)),
    ] {
        let (ty, msg, _) = error_of(&source);
        assert_eq!(ty, ErrorType::MemoryError, "{}", &source[..20]);
        assert_eq!(msg, "");
    }
    for source in [
        format!("x = {}", vec!["a"; 50_000].join(" + ")),
        format!("x = {}", vec!["a"; 20_000].join(".")),
    ] {
        let (ty, msg, _) = error_of(&source);
        assert_eq!(ty, ErrorType::RecursionError, "{}", &source[..20]);
        assert_eq!(msg, "maximum recursion depth exceeded during compilation");
    }
}

#[test]
fn moderately_nested_expressions_compile() {
    for source in [
        format!("x = {}1{}", "(".repeat(200), ")".repeat(200)),
        format!("x = {}1{}", "[".repeat(150), "]".repeat(150)),
        format!("x = {}1", "-".repeat(1000)),
    ] {
        compile(&source, "<test>", Mode::Exec, &Default::default()).expect("compiles");
    }
}

#[test]
fn too_many_parentheses_and_indents() {
    let (ty, msg, line) = error_of(&format!("x = {}1{}", "(".repeat(201), ")".repeat(201)));
    assert_eq!(
        (ty, msg.as_str(), line),
        (ErrorType::SyntaxError, "too many nested parentheses", 1)
    );
    let (ty, msg, _) = error_of(&format!("x = {{{}", "[".repeat(100_000)));
    assert_eq!(
        (ty, msg.as_str()),
        (ErrorType::SyntaxError, "too many nested parentheses")
    );
    let deep: String = (0..150)
        .map(|i| format!("{}if 1:\n", " ".repeat(i)))
        .collect::<String>()
        + &" ".repeat(150)
        + "pass\n";
    let (ty, msg, line) = error_of(&deep);
    assert_eq!(
        (ty, msg.as_str(), line),
        (
            ErrorType::IndentationError,
            "too many levels of indentation",
            101
        )
    );
}

#[test]
fn unparsable_source_is_a_syntax_error_with_a_position() {
    for source in [
        "x = (1,",
        "def f(:\n  pass",
        "1 +",
        "\"unterminated",
        "x = 1 +* 2",
        "return 1 2",
    ] {
        let e = compile(source, "<test>", Mode::Exec, &Default::default()).expect_err(source);
        assert_eq!(e.error_type, ErrorType::SyntaxError, "{source}");
        assert!(e.lineno >= 1, "{source}: line {}", e.lineno);
    }
}

#[test]
fn compile_time_errors_match_cpython() {
    for (source, want) in [
        ("return 1", "'return' outside function"),
        ("break", "'break' outside loop"),
        ("continue", "'continue' not properly in loop"),
        (
            "def f(a, a): pass",
            "duplicate argument 'a' in function definition",
        ),
        (
            "nonlocal x",
            "nonlocal declaration not allowed at module level",
        ),
        (
            "def f():\n  x = 1\n  global x",
            "name 'x' is assigned to before global declaration",
        ),
        (
            "def f():\n  nonlocal q",
            "no binding for nonlocal 'q' found",
        ),
        (
            "def f():\n  from m import *",
            "import * only allowed at module level",
        ),
        ("yield 1", "'yield' outside function"),
        ("await x", "'await' outside function"),
        ("def f():\n  await x", "'await' outside async function"),
        ("f(a=1, a=2)", "keyword argument repeated: a"),
        ("__debug__ = 1", "cannot assign to __debug__"),
        (
            "[x for x in y if (yield)]",
            "'yield' inside list comprehension",
        ),
    ] {
        let (ty, msg, _) = error_of(source);
        assert_eq!(
            (ty, msg.as_str()),
            (ErrorType::SyntaxError, want),
            "{source}"
        );
    }
}
