//! Equal constants of different code objects are one instance (CPython's `c_const_cache`),
//! so marshal writes them once and python3.11 loads them shared: test_compile's
//! `test_merge_constants` checks `f1.__code__.co_consts is f2.__code__.co_consts`.

use std::rc::Rc;

use rpy_marshal::{CodeObject, Value};

fn compile(source: &str) -> Rc<CodeObject> {
    rpy_compiler::compile(
        source,
        "<test>",
        rpy_compiler::Mode::Exec,
        &Default::default(),
    )
    .expect("compiles")
}

fn code(c: &CodeObject, i: usize) -> &CodeObject {
    c.nested_code().nth(i).expect("nested code")
}

#[test]
fn equal_consts_tuples_are_shared() {
    let m = compile("f1, f2 = lambda: ..., lambda: ...\ng1, g2 = lambda: 0, lambda: 1\n");
    assert!(Rc::ptr_eq(&code(&m, 0).consts, &code(&m, 1).consts));
    assert!(!Rc::ptr_eq(&code(&m, 2).consts, &code(&m, 3).consts));
}

#[test]
fn nested_tuples_and_frozensets_are_shared() {
    let m = compile(
        "f1 = lambda: ('not a name',)\nf2 = lambda x: x in {('not a name',)}\n\
         f3 = lambda x: x in {0}\nf4 = lambda x: x in {0}\n",
    );
    let (Value::Tuple(t), Value::FrozenSet(s)) = (&code(&m, 0).consts[1], &code(&m, 1).consts[1])
    else {
        panic!("a tuple and a frozenset constant");
    };
    let Value::Tuple(inner) = &s[0] else {
        panic!("a tuple in the frozenset")
    };
    assert!(Rc::ptr_eq(t, inner));
    assert!(Rc::ptr_eq(&code(&m, 2).consts, &code(&m, 3).consts));
}
