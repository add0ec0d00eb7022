//! Generator, coroutine and async generator objects' methods, the awaitables that
//! `asend()`/`athrow()`/`aclose()` return, and the async generator hooks
//! (`sys.set_asyncgen_hooks`: `firstiter` is called when an async generator is first
//! iterated, `finalizer` gets a suspended one that dies instead of it being closed).
//! Counterpart: Objects/genobject.c, Python/sysmodule.c (asyncgen hooks) (3.11).

use std::cell::{Cell, RefCell};

use crate::builtins::function::check_count;
use crate::generator::{GenState, SendResult, gen_close, gen_data, gen_send, gen_throw, resume};
use crate::object::{NativeData, Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// A value yielded by an async generator (as opposed to one passed through from an awaited
/// object).
pub struct Wrapped(pub RefCell<Value>);

impl NativeData for Wrapped {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn gen_of(vm: &Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if gen_data(o).is_some() => Ok(o.clone()),
        _ => Err(vm.type_error("expected a generator")),
    }
}

/// The exception for `agen.throw(typ[, val[, tb]])`.
fn throw_exc(vm: &Vm, args: &[Value]) -> PyResult<crate::vm::PyErr> {
    let typ = &args[0];
    let val = args.get(1).cloned().unwrap_or(Value::None);
    let tb = args.get(2).cloned().unwrap_or(Value::None);
    let exc = if let Some(t) = vm.is_type(typ) {
        if !crate::types::is_subtype(&t, &vm.types.exceptions.base_exception) {
            return Err(vm.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                vm.type_name(typ)
            )));
        }
        if val
            .as_obj()
            .is_some_and(|o| crate::types::is_subtype(o.class(), &t))
        {
            val.as_obj()
                .cloned()
                .unwrap_or_else(|| vm.new_exception(&t, vec![]))
        } else if val.is_none() {
            vm.make_raisable(typ)?
        } else {
            let a = match val.payload() {
                Some(Payload::Tuple(t)) => t.to_vec(),
                _ => vec![val.clone()],
            };
            match vm.call(typ, &a)? {
                Value::Obj(o) => o,
                _ => return Err(vm.type_error("exception instantiation failed")),
            }
        }
    } else if let Some(o) = typ
        .as_obj()
        .filter(|o| crate::types::is_subtype(o.class(), &vm.types.exceptions.base_exception))
    {
        if !val.is_none() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        o.clone()
    } else {
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_name(typ)
        )));
    };
    if !tb.is_none()
        && let Some(d) = crate::exceptions::exc_data(&exc)
    {
        *d.traceback.borrow_mut() = tb;
    }
    Ok(exc)
}

fn g_send(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "generator.send", &args[1..], kw, 1, 1)?;
    gen_send(vm, &gen_of(vm, &args[0])?, args[1].clone())
}

fn g_throw(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "throw", &args[1..], kw, 1, 3)?;
    let g = gen_of(vm, &args[0])?;
    let exc = throw_exc(vm, &args[1..])?;
    gen_throw(vm, &g, exc)
}

fn g_close(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    gen_close(vm, &gen_of(vm, &args[0])?)
}

fn g_iter(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn g_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    gen_send(vm, &gen_of(vm, &args[0])?, Value::None)
}

fn g_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = gen_of(vm, &args[0])?;
    let gd = gen_data(&g).expect("generator");
    let q = gd.qualname.borrow().clone();
    Ok(vm.new_string(format!(
        "<{} object {} at {:#x}>",
        vm.type_name(&args[0]),
        crate::str::as_str(&q).unwrap_or("?"),
        args[0].id()
    )))
}

fn g_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(gen_data(&gen_of(vm, v)?)
        .expect("generator")
        .name
        .borrow()
        .clone())
}

fn g_set_name(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let g = gen_of(vm, v)?;
    match new {
        Some(n) if crate::str::as_str(&n).is_some() => {
            *gen_data(&g).expect("generator").name.borrow_mut() = n;
            Ok(())
        }
        _ => Err(vm.type_error("__name__ must be set to a string object")),
    }
}

fn g_qualname(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(gen_data(&gen_of(vm, v)?)
        .expect("generator")
        .qualname
        .borrow()
        .clone())
}

fn g_set_qualname(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let g = gen_of(vm, v)?;
    match new {
        Some(n) if crate::str::as_str(&n).is_some() => {
            *gen_data(&g).expect("generator").qualname.borrow_mut() = n;
            Ok(())
        }
        _ => Err(vm.type_error("__qualname__ must be set to a string object")),
    }
}

fn g_running(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(
        gen_data(&gen_of(vm, v)?).expect("generator").state.get() == GenState::Running,
    ))
}

fn g_suspended(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(
        gen_data(&gen_of(vm, v)?).expect("generator").state.get() == GenState::Suspended,
    ))
}

fn g_code(vm: &Vm, v: &Value) -> PyResult<Value> {
    let g = gen_of(vm, v)?;
    Ok(crate::builtins::frame::code_value(
        vm,
        &gen_data(&g).expect("generator").code,
    ))
}

fn g_frame(vm: &Vm, v: &Value) -> PyResult<Value> {
    let g = gen_of(vm, v)?;
    let gd = gen_data(&g).expect("generator");
    if gd.state.get() == GenState::Finished {
        return Ok(Value::None);
    }
    let mut fb = gd.frame.borrow_mut();
    match fb.as_mut() {
        Some(f) => Ok(Value::Obj(crate::builtins::frame::frame_object(vm, f))),
        None => Ok(Value::None),
    }
}

fn g_yieldfrom(vm: &Vm, v: &Value) -> PyResult<Value> {
    let g = gen_of(vm, v)?;
    let gd = gen_data(&g).expect("generator");
    if gd.state.get() != GenState::Suspended {
        return Ok(Value::None);
    }
    let fb = gd.frame.borrow();
    let Some(f) = fb.as_ref() else {
        return Ok(Value::None);
    };
    match f.code.body().instrs.get(f.lasti() + 1) {
        Some(i) if i.op == rpy_marshal::Opcode::Resume && i.arg >= 2 => Ok(f.top().clone()),
        _ => Ok(Value::None),
    }
}

/// `cr_origin`: where the coroutine was created, recorded only under
/// `sys.set_coroutine_origin_tracking_depth` (never, here): None.
fn g_origin(vm: &Vm, v: &Value) -> PyResult<Value> {
    gen_of(vm, v)?;
    Ok(Value::None)
}

fn coro_await(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = gen_of(vm, &args[0])?;
    Ok(Value::Obj(PyObject::new(
        vm.types.other("coroutine_wrapper"),
        Payload::Native(Box::new(CoroWrapper(Value::Obj(g)))),
    )))
}

/// What `coroutine.__await__()` returns: an iterator driving the coroutine.
pub struct CoroWrapper(pub Value);

impl NativeData for CoroWrapper {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn wrapped_coro(vm: &Vm, v: &Value) -> PyResult<Value> {
    v.as_obj()
        .and_then(|o| o.downcast_native::<CoroWrapper>())
        .map(|w| w.0.clone())
        .ok_or_else(|| vm.type_error("expected a coroutine wrapper"))
}

fn cw_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = wrapped_coro(vm, &args[0])?;
    g_next(vm, &[c], &[])
}

fn cw_send(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = wrapped_coro(vm, &args[0])?;
    let mut a = vec![c];
    a.extend_from_slice(&args[1..]);
    g_send(vm, &a, kw)
}

fn cw_throw(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = wrapped_coro(vm, &args[0])?;
    let mut a = vec![c];
    a.extend_from_slice(&args[1..]);
    g_throw(vm, &a, kw)
}

fn cw_close(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = wrapped_coro(vm, &args[0])?;
    g_close(vm, &[c], &[])
}

// ---- async generator hooks ----

thread_local! {
    /// `sys.set_asyncgen_hooks`' (firstiter, finalizer): the VM runs Python code on one
    /// thread, so these are CPython's per-thread-state hooks.
    static HOOKS: RefCell<(Option<Value>, Option<Value>)> = const { RefCell::new((None, None)) };
}

/// The first `__anext__`/`asend`/`athrow`/`aclose` of an async generator: it keeps the
/// current finalizer and is passed to the current `firstiter` (CPython's
/// `async_gen_init_hooks`).
fn init_hooks(vm: &Vm, g: &PyRef) -> PyResult<()> {
    let Some(gd) = gen_data(g) else {
        return Ok(());
    };
    if gd.hooks_inited.get() {
        return Ok(());
    }
    gd.hooks_inited.set(true);
    let (firstiter, finalizer) = HOOKS.with(|h| h.borrow().clone());
    let old = gd.finalizer.replace(finalizer);
    drop(old);
    if let Some(f) = firstiter {
        vm.call(&f, &[Value::Obj(g.clone())])?;
    }
    Ok(())
}

/// A suspended generator (or a coroutine never started) being destroyed: an async generator
/// whose hooks gave it a finalizer is passed to it (asyncio then schedules its `aclose()`),
/// a coroutine never awaited is warned about, anything else is closed here.
pub fn finalize(vm: &Vm, g: &PyRef) -> PyResult<Value> {
    let finalizer = gen_data(g).and_then(|gd| gd.finalizer.borrow_mut().take());
    if let Some(f) = finalizer {
        return vm.call(&f, &[Value::Obj(g.clone())]);
    }
    if let Some(gd) = gen_data(g)
        && gd.kind == crate::generator::GenKind::Coroutine
        && gd.state.get() == GenState::Created
    {
        let warned = warn_unawaited(vm, g);
        // Closed whatever the warning did, so that it is not finalized again.
        gen_close(vm, g)?;
        return warned.map(|_| Value::None);
    }
    gen_close(vm, g)
}

/// "coroutine '...' was never awaited" (a RuntimeWarning located at the Python code running
/// when the coroutine dies). CPython calls `warnings._warn_unawaited_coroutine(coro)`, which
/// passes the coroutine as the warning's `source`; the pure-Python `warn_explicit` that
/// `Lib/warnings.py` falls back on without a native `_warnings` mishandles a source (it
/// becomes the output file), so while `warnings.warn` is that Python function the warning
/// is issued without it (and without CPython's "Enable tracemalloc" note).
fn warn_unawaited(vm: &Vm, g: &PyRef) -> PyResult<Value> {
    let warnings = crate::import::import(vm, "warnings")?;
    let warn = vm.getattr_str(&warnings, "warn")?;
    if matches!(warn.payload(), Some(Payload::BuiltinFunction(_))) {
        let f = vm.getattr_str(&warnings, "_warn_unawaited_coroutine")?;
        return vm.call(&f, &[Value::Obj(g.clone())]);
    }
    let qualname = gen_data(g)
        .map(|gd| gd.qualname.borrow().clone())
        .unwrap_or(Value::None);
    let msg = vm.new_string(format!(
        "coroutine '{}' was never awaited",
        crate::str::as_str(&qualname).unwrap_or("?")
    ));
    let category = Value::Obj(vm.types.exceptions.runtime_warning.clone());
    vm.call(&warn, &[msg, category, Value::Int(1)])
}

/// `sys.get_asyncgen_hooks()`: `asyncgen_hooks(firstiter=..., finalizer=...)`.
pub fn sys_get_asyncgen_hooks(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "sys.get_asyncgen_hooks", args, kw, 0, 0)?;
    let t = {
        let known = vm.types.others.borrow().get("asyncgen_hooks").cloned();
        match known {
            Some(t) => t,
            None => {
                let t = crate::builtins::sys::structseq_type(
                    vm,
                    "builtins",
                    "asyncgen_hooks",
                    &["firstiter", "finalizer"],
                );
                vm.types
                    .others
                    .borrow_mut()
                    .insert("asyncgen_hooks", t.clone());
                t
            }
        }
    };
    let (firstiter, finalizer) = HOOKS.with(|h| h.borrow().clone());
    Ok(crate::builtins::sys::structseq_new(
        &t,
        vec![
            firstiter.unwrap_or(Value::None),
            finalizer.unwrap_or(Value::None),
        ],
    ))
}

/// `sys.set_asyncgen_hooks([firstiter] [, finalizer])`: None clears a hook, an omitted one
/// stays.
pub fn sys_set_asyncgen_hooks(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos > 2 {
        return Err(vm.type_error(format!(
            "function takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut given: [Option<Value>; 2] = [args.first().cloned(), args.get(1).cloned()];
    given[npos..].fill(None);
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let i = match crate::str::as_str(k) {
            Some("firstiter") => 0,
            Some("finalizer") => 1,
            other => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for this function",
                    other.unwrap_or("")
                )));
            }
        };
        if given[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for function given by name ('{}') and position ({})",
                ["firstiter", "finalizer"][i],
                i + 1
            )));
        }
        given[i] = Some(v.clone());
    }
    for (i, name) in [(1, "finalizer"), (0, "firstiter")] {
        if let Some(v) = &given[i]
            && !v.is_none()
            && !crate::builtins::itertools::is_callable(vm, v)
        {
            return Err(vm.type_error(format!("callable {name} expected, got {}", vm.tp_name(v))));
        }
    }
    let old = HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        let h = &mut *h;
        let mut old = Vec::new();
        for (i, slot) in [&mut h.0, &mut h.1].into_iter().enumerate() {
            if let Some(v) = given[i].take() {
                let new = if v.is_none() { None } else { Some(v) };
                old.push(std::mem::replace(slot, new));
            }
        }
        old
    });
    drop(old);
    Ok(Value::None)
}

// ---- async generators ----

#[derive(Clone, Copy, PartialEq, Eq)]
enum AwaitState {
    Init,
    Iter,
    Closed,
}

/// The awaitable of `agen.asend(v)` / `agen.__anext__()` (`throw` = None) or of
/// `agen.athrow(...)` / `agen.aclose()`.
pub struct AsyncGenOp {
    agen: PyRef,
    sendval: RefCell<Value>,
    throw: RefCell<Option<Vec<Value>>>,
    is_close: bool,
    state: Cell<AwaitState>,
}

impl NativeData for AsyncGenOp {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn op_of(vm: &Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if o.downcast_native::<AsyncGenOp>().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error("expected an async generator awaitable")),
    }
}

/// Turns the result of resuming the async generator into this awaitable's step.
fn unwrap_step(vm: &Vm, op: &AsyncGenOp, r: PyResult<SendResult>) -> PyResult<Value> {
    match r {
        Ok(SendResult::Yielded(v)) => {
            if let Some(w) = v.as_obj().and_then(|o| o.downcast_native::<Wrapped>()) {
                op.state.set(AwaitState::Closed);
                if op.is_close {
                    return Err(vm.runtime_error("async generator ignored GeneratorExit"));
                }
                return Err(vm.stop_iteration(w.0.borrow().clone()));
            }
            Ok(v)
        }
        Ok(SendResult::Returned(_)) => {
            op.state.set(AwaitState::Closed);
            if op.is_close {
                return Err(vm.stop_iteration(Value::None));
            }
            Err(vm.new_exception(&vm.types.exceptions.stop_async_iteration, vec![]))
        }
        Err(e) => {
            op.state.set(AwaitState::Closed);
            if op.is_close
                && (vm.exc_matches(&e, &vm.types.exceptions.stop_async_iteration)
                    || vm.exc_matches(&e, &vm.types.exceptions.generator_exit))
            {
                return Err(vm.stop_iteration(Value::None));
            }
            Err(e)
        }
    }
}

fn agop_send_impl(vm: &Vm, o: &PyRef, arg: Value) -> PyResult<Value> {
    let op = o.downcast_native::<AsyncGenOp>().expect("checked");
    if op.state.get() == AwaitState::Closed {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let gd = gen_data(&op.agen).expect("async generator");
    if op.state.get() == AwaitState::Init {
        op.state.set(AwaitState::Iter);
        if let Some(targs) = op.throw.borrow_mut().take() {
            if gd.state.get() == GenState::Finished
                || gd.state.get() == GenState::Created && op.is_close
            {
                op.state.set(AwaitState::Closed);
                gd.state.set(GenState::Finished);
                return Err(if op.is_close {
                    vm.stop_iteration(Value::None)
                } else {
                    vm.new_exception(&vm.types.exceptions.stop_async_iteration, vec![])
                });
            }
            let exc = throw_exc(vm, &targs)?;
            let r = resume(vm, &op.agen, Value::None, Some(exc));
            return unwrap_step(vm, op, r);
        }
        let v = if arg.is_none() {
            op.sendval.borrow().clone()
        } else {
            arg
        };
        let r = resume(vm, &op.agen, v, None);
        return unwrap_step(vm, op, r);
    }
    let r = resume(vm, &op.agen, arg, None);
    unwrap_step(vm, op, r)
}

fn agop_send(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "send", &args[1..], kw, 1, 1)?;
    let o = op_of(vm, &args[0])?;
    agop_send_impl(vm, &o, args[1].clone())
}

fn agop_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = op_of(vm, &args[0])?;
    agop_send_impl(vm, &o, Value::None)
}

fn agop_throw(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "throw", &args[1..], kw, 1, 3)?;
    let o = op_of(vm, &args[0])?;
    let op = o.downcast_native::<AsyncGenOp>().expect("checked");
    if op.state.get() == AwaitState::Closed {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    op.state.set(AwaitState::Iter);
    let exc = throw_exc(vm, &args[1..])?;
    let r = resume(vm, &op.agen, Value::None, Some(exc));
    unwrap_step(vm, op, r)
}

fn agop_close(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = op_of(vm, &args[0])?;
    o.downcast_native::<AsyncGenOp>()
        .expect("checked")
        .state
        .set(AwaitState::Closed);
    Ok(Value::None)
}

fn new_op(
    vm: &Vm,
    agen: PyRef,
    sendval: Value,
    throw: Option<Vec<Value>>,
    is_close: bool,
) -> Value {
    let t = if throw.is_some() {
        "async_generator_athrow"
    } else {
        "async_generator_asend"
    };
    Value::Obj(PyObject::new(
        vm.types.other(t),
        Payload::Native(Box::new(AsyncGenOp {
            agen,
            sendval: RefCell::new(sendval),
            throw: RefCell::new(throw),
            is_close,
            state: Cell::new(AwaitState::Init),
        })),
    ))
}

fn ag_anext(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = gen_of(vm, &args[0])?;
    init_hooks(vm, &g)?;
    Ok(new_op(vm, g, Value::None, None, false))
}

fn ag_asend(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "asend", &args[1..], kw, 1, 1)?;
    let g = gen_of(vm, &args[0])?;
    init_hooks(vm, &g)?;
    Ok(new_op(vm, g, args[1].clone(), None, false))
}

fn ag_athrow(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "athrow", &args[1..], kw, 1, 3)?;
    let g = gen_of(vm, &args[0])?;
    init_hooks(vm, &g)?;
    Ok(new_op(vm, g, Value::None, Some(args[1..].to_vec()), false))
}

fn ag_aclose(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = gen_of(vm, &args[0])?;
    init_hooks(vm, &g)?;
    let exit = Value::Obj(vm.types.exceptions.generator_exit.clone());
    Ok(new_op(vm, g, Value::None, Some(vec![exit]), true))
}

fn ag_aiter(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

/// `anext(it, default)`: drives the awaited iterator; StopAsyncIteration gives the default.
pub struct AnextAwaitable {
    inner: Value,
    default: Value,
}

impl NativeData for AnextAwaitable {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn new_anext_awaitable(vm: &Vm, inner: Value, default: Value) -> Value {
    Value::Obj(PyObject::new(
        vm.types.other("anext_awaitable"),
        Payload::Native(Box::new(AnextAwaitable { inner, default })),
    ))
}

fn anext_step(vm: &Vm, args: &[Value], how: &str) -> PyResult<Value> {
    let Some(a) = args[0]
        .as_obj()
        .and_then(|o| o.downcast_native::<AnextAwaitable>())
    else {
        return Err(vm.type_error("expected an anext awaitable"));
    };
    let r = match how {
        "next" => match vm.lookup_special(&a.inner, "__next__") {
            Some(m) => vm.call(&m, std::slice::from_ref(&a.inner)),
            None => vm.call_method(&a.inner, "send", &[Value::None]),
        },
        "send" => vm.call_method(&a.inner, "send", &args[1..2]),
        _ => vm.call_method(&a.inner, "throw", &args[1..]),
    };
    match r {
        Err(e) if vm.exc_matches(&e, &vm.types.exceptions.stop_async_iteration) => {
            Err(vm.stop_iteration(a.default.clone()))
        }
        r => r,
    }
}

fn anext_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    anext_step(vm, args, "next")
}

fn anext_send(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "send", &args[1..], kw, 1, 1)?;
    anext_step(vm, args, "send")
}

fn anext_throw(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "throw", &args[1..], kw, 1, 3)?;
    anext_step(vm, args, "throw")
}

pub fn init(vm: &Vm) {
    let gen_getsets: &[(
        &'static str,
        crate::builtins::function::Getter,
        Option<crate::builtins::function::Setter>,
    )] = &[
        ("__name__", g_name, Some(g_set_name)),
        ("__qualname__", g_qualname, Some(g_set_qualname)),
    ];
    let t = &vm.types.generator;
    vm.add_methods(
        t,
        &[
            ("send", g_send),
            ("throw", g_throw),
            ("close", g_close),
            ("__iter__", g_iter),
            ("__next__", g_next),
            ("__repr__", g_repr),
        ],
    );
    vm.add_getsets(t, gen_getsets);
    vm.add_getsets(
        t,
        &[
            ("gi_running", g_running, None),
            ("gi_suspended", g_suspended, None),
            ("gi_code", g_code, None),
            ("gi_frame", g_frame, None),
            ("gi_yieldfrom", g_yieldfrom, None),
        ],
    );
    let t = &vm.types.coroutine;
    vm.add_methods(
        t,
        &[
            ("send", g_send),
            ("throw", g_throw),
            ("close", g_close),
            ("__await__", coro_await),
            ("__repr__", g_repr),
        ],
    );
    vm.add_getsets(t, gen_getsets);
    vm.add_getsets(
        t,
        &[
            ("cr_running", g_running, None),
            ("cr_suspended", g_suspended, None),
            ("cr_code", g_code, None),
            ("cr_frame", g_frame, None),
            ("cr_await", g_yieldfrom, None),
            ("cr_origin", g_origin, None),
        ],
    );
    let cw = vm.types.other("coroutine_wrapper");
    vm.add_methods(
        &cw,
        &[
            ("__iter__", g_iter),
            ("__next__", cw_next),
            ("send", cw_send),
            ("throw", cw_throw),
            ("close", cw_close),
        ],
    );
    let t = &vm.types.async_generator;
    vm.add_methods(
        t,
        &[
            ("__aiter__", ag_aiter),
            ("__anext__", ag_anext),
            ("asend", ag_asend),
            ("athrow", ag_athrow),
            ("aclose", ag_aclose),
            ("__repr__", g_repr),
        ],
    );
    vm.add_getsets(t, gen_getsets);
    vm.add_getsets(
        t,
        &[
            ("ag_running", g_running, None),
            ("ag_code", g_code, None),
            ("ag_frame", g_frame, None),
            ("ag_await", g_yieldfrom, None),
        ],
    );
    let aw = vm.types.other("anext_awaitable");
    vm.add_methods(
        &aw,
        &[
            ("__await__", g_iter),
            ("__iter__", g_iter),
            ("__next__", anext_next),
            ("send", anext_send),
            ("throw", anext_throw),
        ],
    );
    for name in ["async_generator_asend", "async_generator_athrow"] {
        let t = vm.types.other(name);
        vm.add_methods(
            &t,
            &[
                ("__await__", g_iter),
                ("__iter__", g_iter),
                ("__next__", agop_next),
                ("send", agop_send),
                ("throw", agop_throw),
                ("close", agop_close),
            ],
        );
    }
}
