//! Snippets: tricky valid code whose tree must equal rustpython-parser's; invalid code that
//! must be rejected with the message of CPython 3.11's parser (`ast.parse`, run on
//! `python3.11`); and code CPython's parser accepts (its compiler rejects it) though
//! rustpython-parser does not.

const VALID: &[&str] = &[
    "x = 1",
    "(a) + b",
    "x = (y := (z))",
    "f(x for x in y)",
    "with (a, b): pass",
    "with (a, b as c, d): pass",
    "with (a), b: pass",
    "with (a := 1): pass",
    "with (a, b) as c: pass",
    "with (yield): pass",
    "match x,:\n    case 1: pass",
    "match x, y:\n    case (1, 2) | [3, *_] | {\"a\": b, **r} | C(1, k=v) as z if z: pass",
    "match *a, b:\n    case [*_]: pass",
    "f\"{x!r:>{w}.{p}} {y=} a{{b}} {z:{q}x}\"",
    "f\"{  x  = }\"",
    "f\"{x}\" \"\"",
    "u\"a\" \"b\" f\"{c}\"",
    "b\"\\xff\" rb\"\\n\"",
    "\"\\N{EM DASH} \\777 \\ud800 \\q\"",
    "lambda: 0",
    "lambda *a, b=1, **k: 0",
    "def f(a, /, b=1, *, c, **d) -> int: pass",
    "a[1:2, ::3, x:y:z, *b]",
    "a[1,]",
    "@d\nasync def f(): await x ** 2",
    "try:\n    pass\nexcept* E as e:\n    pass",
    "x: int = 1",
    "(x): int",
    "for x, in y: pass",
    "del (a), [b, c]",
    "print(*a, **k, c=1)",
    "0x_ff + 1_000 + 1e5 + 1.5j + 0o17 + 99999999999999999999999 + 0b1_0",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
    "x = yield",
    "import a.b as c, d",
    "from ...a import (b as c, d,)",
    "not a in b",
    "a is not b < c",
    "{**a, \"b\": 1}",
    "[x async for x in y if a if b]",
    "match = 1\nmatch(x)\ncase = [match]",
    "type = 1",
    "x = -1 ** -2",
    "a if b else lambda: c if d else e",
    "x = *a, *b",
    "class A(B, metaclass=M): pass",
];

const INVALID: &[(&str, &str)] = &[
    (
        "f() = 1",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
    ),
    ("None = 1", "cannot assign to None"),
    ("True = 1", "cannot assign to True"),
    ("del f()", "cannot delete function call"),
    (
        "x + 1 += 2",
        "'expression' is an illegal expression for augmented assignment",
    ),
    (
        "a, b += 1",
        "'tuple' is an illegal expression for augmented assignment",
    ),
    (
        "f(a for a in b, c)",
        "Generator expression must be parenthesized",
    ),
    (
        "f(c, a for a in b)",
        "Generator expression must be parenthesized",
    ),
    (
        "f(a for a in b,)",
        "Generator expression must be parenthesized",
    ),
    (
        "[*a for a in b]",
        "iterable unpacking cannot be used in comprehension",
    ),
    (
        "{*a for a in b}",
        "iterable unpacking cannot be used in comprehension",
    ),
    (
        "(*a for a in b)",
        "iterable unpacking cannot be used in comprehension",
    ),
    (
        "a, b: int",
        "only single target (not tuple) can be annotated",
    ),
    ("[a]: int", "only single target (not list) can be annotated"),
    ("f(): int = 1", "illegal target for annotation"),
    (
        "1 = x",
        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
    ),
    ("del *a", "cannot delete starred"),
    ("del (a, *b)", "cannot delete starred"),
    ("for f() in x: pass", "cannot assign to function call"),
    ("with a as f(): pass", "cannot assign to function call"),
    ("[x for f() in y]", "cannot assign to function call"),
    (
        "(yield) = 1",
        "cannot assign to yield expression here. Maybe you meant '==' instead of '='?",
    ),
    ("lambda: 1 = 1", "cannot assign to lambda"),
    (
        "a if b else c = 1",
        "cannot assign to conditional expression",
    ),
    ("x := 1", "invalid syntax"),
    ("def f(**): pass", "invalid syntax"),
    (
        "def f(a, **k, b): pass",
        "arguments cannot follow var-keyword argument",
    ),
    (
        "def f(a=1, b): pass",
        "non-default argument follows default argument",
    ),
    (
        "f(**k, *a)",
        "iterable argument unpacking follows keyword argument unpacking",
    ),
    ("f(a=1, b)", "positional argument follows keyword argument"),
    (
        "from x import a,",
        "trailing comma not allowed without surrounding parentheses",
    ),
    ("x = 1 if 2", "expected 'else' after 'if' expression"),
    (
        "print \"hello\"",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
    ),
    ("class A(x for x in y): pass", "invalid syntax"),
    ("def f(*): pass", "named arguments must follow bare *"),
    ("def f(*, **k): pass", "named arguments must follow bare *"),
    ("lambda *: 0", "named arguments must follow bare *"),
    ("try:\n    pass", "expected 'except' or 'finally' block"),
    (
        "try:\n    pass\nexcept* :\n    pass",
        "expected one or more exception types",
    ),
    (
        "match x:\n    case _ as _: pass",
        "cannot use '_' as a target",
    ),
    ("match x:\n    case *a: pass", "invalid syntax"),
    (
        "match x:\n    case 1j+1: pass",
        "real number required in complex literal",
    ),
    (
        "match x:\n    case 1+1: pass",
        "imaginary number required in complex literal",
    ),
    (
        "x = {a: *b}",
        "cannot use a starred expression in a dictionary value",
    ),
    ("(**a)", "cannot use double starred expression here"),
    (
        "a = yield = 3",
        "assignment to yield expression not possible",
    ),
    (
        "f(x) += 1",
        "'function call' is an illegal expression for augmented assignment",
    ),
    ("del (x := 1)", "cannot delete named expression"),
    ("(a, f()) = 1", "cannot assign to function call"),
    (
        "a, f() = 1",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
    ),
    ("x = f() = 1", "cannot assign to function call"),
    (
        "-a = 1",
        "cannot assign to expression here. Maybe you meant '==' instead of '='?",
    ),
    (
        "(a if b else c) = 1",
        "cannot assign to conditional expression here. Maybe you meant '==' instead of '='?",
    ),
    (
        "if x:\npass",
        "expected an indented block after 'if' statement on line 1",
    ),
    (
        "for x in y:\npass",
        "expected an indented block after 'for' statement on line 1",
    ),
    (
        "def f():\nreturn",
        "expected an indented block after function definition on line 1",
    ),
    (
        "class C:\npass",
        "expected an indented block after class definition on line 1",
    ),
    ("def f():\n  x = 1\n    y = 2", "unexpected indent"),
    (
        "def f():\n    x = 1\n  y = 2",
        "unindent does not match any outer indentation level",
    ),
    (
        "0777",
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
    ),
    ("1_", "invalid decimal literal"),
    ("0x", "invalid hexadecimal literal"),
    ("0b12", "invalid digit '2' in binary literal"),
    ("1.e", "invalid decimal literal"),
    (
        "b'\\u1234é'",
        "bytes can only contain ASCII literal characters",
    ),
    ("f'{}'", "f-string: empty expression not allowed"),
    (
        "f'{x!z}'",
        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
    ),
    ("f'}'", "f-string: single '}' is not allowed"),
    ("def f[T](): pass", "expected '('"),
    ("type X = int", "invalid syntax"),
    ("x = (1, 2", "'(' was never closed"),
];

/// Accepted by `ast.parse` (rejected later by CPython's compiler, as by rpy's).
const PARSER_ACCEPTS: &[&str] = &[
    "def f(a, a): pass",
    "lambda a, a: 0",
    "f(a=1, a=2)",
    "*a = 1",
    "x = *a",
    "*a",
    "for *a in x: pass",
    "match x:\n    case f\"a\": pass",
];

#[test]
fn accepted_by_cpython_parser() {
    for src in PARSER_ACCEPTS {
        if let Err(e) = rpy_parser::parse(src, rpy_parser::Mode::Module) {
            panic!("{src:?}: {e}");
        }
    }
}

#[test]
fn valid_snippets_equal_rustpython() {
    let mut bad = Vec::new();
    for src in VALID {
        let theirs = rustpython_parser::parse(src, rustpython_parser::Mode::Module, "<x>");
        let ours = rpy_parser::parse(src, rpy_parser::Mode::Module);
        match (theirs, ours) {
            (Ok(a), Ok(b)) if a == b => {}
            (a, b) => bad.push(format!(
                "{src:?}: rustpython ok={} rpy={:?}",
                a.is_ok(),
                b.err()
            )),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn invalid_snippets_rejected_as_cpython_does() {
    let mut bad = Vec::new();
    for (src, msg) in INVALID {
        match rpy_parser::parse(src, rpy_parser::Mode::Module) {
            Err(e) if e.message == *msg => {}
            Err(e) => bad.push(format!("{src:?}: {:?}, CPython: {msg:?}", e.message)),
            Ok(_) => bad.push(format!("{src:?}: accepted, CPython: {msg:?}")),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
