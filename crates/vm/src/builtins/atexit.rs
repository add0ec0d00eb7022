//! The `atexit` module: functions registered to run when the interpreter ends, last
//! registered first, with errors reported as unraisable ("Exception ignored in atexit
//! callback: ...").
//! Counterpart: Modules/atexitmodule.c (3.11).

use std::cell::RefCell;

use crate::builtins::function::{NativeFn, check_count};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// One registration: the callable, its positional arguments then keyword values, and the
/// keyword names.
struct Callback {
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

thread_local! {
    /// The registrations in order. `unregister` empties a slot without shifting the others
    /// (so `_ncallbacks` still counts it), as CPython does.
    static CALLBACKS: RefCell<Vec<Option<Callback>>> = const { RefCell::new(Vec::new()) };
}

/// Runs the registered callbacks, last first, then forgets them all. Callbacks registered
/// while this runs are dropped without being called.
pub fn run_exitfuncs(vm: &Vm) {
    let n = CALLBACKS.with(|c| c.borrow().len());
    for i in (0..n).rev() {
        // Take the slot's contents out so that the call runs with no borrow held (it may
        // register or unregister); the registration itself goes away at the end.
        let cb = CALLBACKS.with(|c| {
            c.borrow()
                .get(i)
                .and_then(|s| s.as_ref())
                .map(|cb| (cb.func.clone(), cb.args.clone(), cb.kwnames.clone()))
        });
        let Some((func, args, kwnames)) = cb else {
            continue;
        };
        if let Err(e) = vm.call_with_kwnames(&func, &args, &kwnames) {
            crate::traceback::print_unraisable(
                vm,
                &e,
                "Exception ignored in atexit callback",
                &func,
            );
        }
    }
    clear();
}

/// Forgets every registration (dropping them after the borrow is released).
fn clear() {
    let old = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    drop(old);
}

/// `register(func, *args, **kwargs)`: returns `func`.
fn register(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos == 0 {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    }
    let func = args[0].clone();
    if !crate::builtins::itertools::is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let cb = Callback {
        func: func.clone(),
        args: args[1..].to_vec(),
        kwnames: kwnames.to_vec(),
    };
    CALLBACKS.with(|c| c.borrow_mut().push(Some(cb)));
    Ok(func)
}

/// `unregister(func)`: removes every registration of a callable equal to `func`.
fn unregister(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "atexit.unregister", args, kwnames, 1, 1)?;
    let n = CALLBACKS.with(|c| c.borrow().len());
    for i in 0..n {
        let func = CALLBACKS.with(|c| {
            c.borrow()
                .get(i)
                .and_then(|s| s.as_ref())
                .map(|cb| cb.func.clone())
        });
        let Some(func) = func else {
            continue;
        };
        // `==` may run Python code: no borrow is held while it does.
        if vm.eq_identity_first(&func, &args[0])? {
            let old = CALLBACKS.with(|c| c.borrow_mut().get_mut(i).and_then(Option::take));
            drop(old);
        }
    }
    Ok(Value::None)
}

fn run_exitfuncs_fn(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "atexit._run_exitfuncs", args, kwnames, 0, 0)?;
    run_exitfuncs(vm);
    Ok(Value::None)
}

fn clear_fn(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "atexit._clear", args, kwnames, 0, 0)?;
    clear();
    Ok(Value::None)
}

fn ncallbacks(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "atexit._ncallbacks", args, kwnames, 0, 0)?;
    Ok(Value::from(CALLBACKS.with(|c| c.borrow().len())))
}

pub fn module(vm: &Vm) -> Value {
    let functions: &[(&'static str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("_run_exitfuncs", run_exitfuncs_fn),
        ("_clear", clear_fn),
        ("_ncallbacks", ncallbacks),
    ];
    let m = vm.new_module("atexit");
    let d = vm.module_dict(&m);
    for (n, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, *f));
    }
    let doc = "Call registered functions when the interpreter exits.\n\n\
               register(func, *args, **kwargs) adds one (the last added runs first);\n\
               unregister(func) removes it again.\n";
    let _ = vm.dict_set_str(&d, vm.intern("__doc__"), vm.new_str(doc));
    Value::Obj(m)
}
