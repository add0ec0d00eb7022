//! The `_thread` module for a single-threaded VM: locks that keep CPython's state rules
//! (`release` of an unlocked lock is an error, `RLock` counts its owner's acquisitions), the
//! thread identity functions, and `start_new_thread` refusing to start a thread.
//! Counterpart: Modules/_threadmodule.c (3.11). rpy runs Python code on one thread; see
//! docs/differences.md.

use std::cell::Cell;

use crate::builtins::function::{NativeFn, parse_args};
use crate::object::{NativeData, Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The only thread's identity (`get_ident`).
const MAIN_IDENT: i64 = 1;

struct Lock {
    locked: Cell<bool>,
}

impl NativeData for Lock {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

struct RLock {
    count: Cell<u64>,
}

impl NativeData for RLock {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn lock_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Lock> {
    match v.payload() {
        Some(Payload::Native(n)) => n
            .as_any()
            .downcast_ref::<Lock>()
            .ok_or_else(|| vm.type_error("descriptor requires a '_thread.lock' object")),
        _ => Err(vm.type_error("descriptor requires a '_thread.lock' object")),
    }
}

fn rlock_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RLock> {
    match v.payload() {
        Some(Payload::Native(n)) => n
            .as_any()
            .downcast_ref::<RLock>()
            .ok_or_else(|| vm.type_error("descriptor requires a '_thread.RLock' object")),
        _ => Err(vm.type_error("descriptor requires a '_thread.RLock' object")),
    }
}

/// `acquire(blocking=True, timeout=-1)` arguments: whether the caller would wait.
fn wait_args(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<(bool, f64)> {
    let p = parse_args(
        vm,
        "acquire",
        args,
        kwnames,
        &["blocking", "timeout"],
        0,
        2,
        0,
    )?;
    let blocking = match p.get(0) {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let timeout = match p.get(1) {
        Some(t) => crate::builtins::format::as_double(vm, t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    Ok((blocking, timeout))
}

fn lock_acquire(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let lock = lock_of(vm, &args[0])?;
    let (blocking, timeout) = wait_args(vm, &args[1..], kwnames)?;
    if !lock.locked.get() {
        lock.locked.set(true);
        return Ok(Value::Bool(true));
    }
    if !blocking || timeout >= 0.0 {
        if timeout > 0.0 {
            std::thread::sleep(std::time::Duration::from_secs_f64(timeout.min(1e6)));
        }
        return Ok(Value::Bool(false));
    }
    // No other thread can ever release it.
    Err(vm.runtime_error("deadlock: acquiring a lock held by the only thread"))
}

fn lock_enter(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    lock_acquire(vm, &args[..1], kwnames)
}

fn lock_release(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let lock = lock_of(vm, &args[0])?;
    if !lock.locked.get() {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    lock.locked.set(false);
    Ok(Value::None)
}

fn lock_exit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    lock_release(vm, &args[..1], kw)
}

fn lock_locked(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Bool(lock_of(vm, &args[0])?.locked.get()))
}

fn lock_at_fork_reinit(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    lock_of(vm, &args[0])?.locked.set(false);
    Ok(Value::None)
}

fn lock_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let lock = lock_of(vm, &args[0])?;
    let state = if lock.locked.get() {
        "locked"
    } else {
        "unlocked"
    };
    Ok(vm.new_string(format!(
        "<{state} _thread.lock object at {:#x}>",
        args[0].id()
    )))
}

fn rlock_acquire(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let r = rlock_of(vm, &args[0])?;
    wait_args(vm, &args[1..], kwnames)?;
    r.count.set(r.count.get() + 1);
    Ok(Value::Bool(true))
}

fn rlock_enter(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    rlock_acquire(vm, &args[..1], kwnames)
}

fn rlock_release(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = rlock_of(vm, &args[0])?;
    if r.count.get() == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    r.count.set(r.count.get() - 1);
    Ok(Value::None)
}

fn rlock_exit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rlock_release(vm, &args[..1], kw)
}

fn rlock_is_owned(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Bool(rlock_of(vm, &args[0])?.count.get() > 0))
}

fn rlock_recursion_count(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(rlock_of(vm, &args[0])?.count.get() as i64))
}

fn rlock_at_fork_reinit(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    rlock_of(vm, &args[0])?.count.set(0);
    Ok(Value::None)
}

fn rlock_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("RLock.__new__(X): X is not a type object"));
    };
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(RLock {
            count: Cell::new(0),
        })),
    )))
}

fn rlock_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = rlock_of(vm, &args[0])?;
    let n = r.count.get();
    let state = if n > 0 { "locked" } else { "unlocked" };
    let owner = if n > 0 { MAIN_IDENT } else { 0 };
    Ok(vm.new_string(format!(
        "<{state} {}.{} object owner={owner} count={n} at {:#x}>",
        "_thread",
        vm.type_name(&args[0]),
        args[0].id()
    )))
}

fn new_lock(vm: &Vm) -> Value {
    Value::Obj(PyObject::new(
        vm.types.other("_thread.lock"),
        Payload::Native(Box::new(Lock {
            locked: Cell::new(false),
        })),
    ))
}

fn allocate_lock(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::function::check_count(vm, "allocate_lock", args, &[], 0, 0)?;
    Ok(new_lock(vm))
}

fn get_ident(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(MAIN_IDENT))
}

fn get_native_id(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

fn count(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn start_new_thread(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.runtime_error("can't start new thread: rpy runs Python code on one thread"))
}

fn stack_size(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match args.first() {
        None => Ok(Value::Int(0)),
        Some(Value::Int(0)) => Ok(Value::Int(0)),
        Some(Value::Int(n)) if *n < 32768 => {
            Err(vm.value_error("size not valid: 32768 bytes minimum"))
        }
        Some(_) => Ok(Value::Int(0)),
    }
}

fn set_sentinel(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(new_lock(vm))
}

fn interrupt_main(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn native_class(vm: &Vm, name: &'static str, methods: &[(&'static str, NativeFn)]) -> PyRef {
    let short = name.rsplit('.').next().unwrap_or(name);
    let t = crate::types::new_type(
        &vm.types.type_,
        short,
        vec![vm.types.object.clone()],
        crate::dict::DictData::new(),
        crate::types::TypeKind::Other,
        crate::types::Layout::Native,
        crate::types::flags::BASETYPE,
    );
    crate::types::type_data(&t).set_mro(vec![t.clone(), vm.types.object.clone()]);
    vm.add_methods(&t, methods);
    let _ = vm.dict_set_str(
        &crate::types::type_data(&t).dict,
        vm.intern("__module__"),
        vm.new_str("_thread"),
    );
    vm.types.others.borrow_mut().insert(name, t.clone());
    t
}

pub fn module(vm: &Vm) -> Value {
    let lock_t = native_class(
        vm,
        "_thread.lock",
        &[
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("__enter__", lock_enter),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("__exit__", lock_exit),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
            ("_at_fork_reinit", lock_at_fork_reinit),
            ("__repr__", lock_repr),
        ],
    );
    let rlock_t = native_class(
        vm,
        "_thread.RLock",
        &[
            ("acquire", rlock_acquire),
            ("__enter__", rlock_enter),
            ("release", rlock_release),
            ("__exit__", rlock_exit),
            ("_is_owned", rlock_is_owned),
            ("_recursion_count", rlock_recursion_count),
            ("_at_fork_reinit", rlock_at_fork_reinit),
            ("__repr__", rlock_repr),
        ],
    );
    vm.add_methods_kind(
        &rlock_t,
        &[("__new__", rlock_new)],
        crate::builtins::function::MethodKind::Static,
    );
    let m = vm.new_module("_thread");
    let d = vm.module_dict(&m);
    let functions: &[(&'static str, NativeFn)] = &[
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", count),
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("stack_size", stack_size),
        ("_set_sentinel", set_sentinel),
        ("interrupt_main", interrupt_main),
    ];
    for (n, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, *f));
    }
    let set = |k: &str, v: Value| {
        let _ = vm.dict_set_str(&d, vm.intern(k), v);
    };
    set("LockType", Value::Obj(lock_t));
    set("RLock", Value::Obj(rlock_t));
    set(
        "error",
        Value::Obj(vm.types.exceptions.runtime_error.clone()),
    );
    set("TIMEOUT_MAX", Value::Float(9223372036.0));
    Value::Obj(m)
}
