//! The `_thread` module for a single-threaded VM: locks that keep CPython's state rules
//! (`release` of an unlocked lock is an error, `RLock` counts its owner's acquisitions), the
//! thread identity functions, `start_new_thread` refusing to start a thread, and `_local`
//! (with one thread, an object whose attributes live in its own `__dict__`).
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
        return Ok(Value::TRUE);
    }
    if !blocking || timeout >= 0.0 {
        if timeout > 0.0 {
            std::thread::sleep(std::time::Duration::from_secs_f64(timeout.min(1e6)));
        }
        return Ok(Value::FALSE);
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
    Ok(Value::bool(lock_of(vm, &args[0])?.locked.get()))
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
    Ok(Value::TRUE)
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
    Ok(Value::bool(rlock_of(vm, &args[0])?.count.get() > 0))
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

// ---- _local: thread-local data (one thread: the instance's own __dict__) ----

/// `_local.__new__(cls, *args, **kwargs)`: arguments are for a subclass's `__init__`; the
/// base class takes none.
fn local_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("_local.__new__(X): X is not a type object"));
    };
    if args.len() > 1 {
        let own_init = crate::types::type_data(&cls)
            .lookup("__init__")
            .is_some_and(|i| !matches!(i.payload(), Some(Payload::MethodDescriptor(md)) if md.owner == "object"));
        if !own_init {
            return Err(vm.type_error("Initialization arguments are not supported"));
        }
    }
    let _ = kwnames;
    let dflt = crate::types::type_data(&cls).has_flag(crate::types::flags::ABSTRACT);
    if dflt {
        return crate::builtins::object::object_new(vm, &args[..1], &[]);
    }
    // A payload of its own: like CPython's (larger) local objects, they cannot be pickled.
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(LocalData)),
    )))
}

/// The payload of `_local` instances (their data is the instance dict).
struct LocalData;

impl NativeData for LocalData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The attribute name argument of `__getattribute__`/`__setattr__`/`__delattr__`.
fn attr_name<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a PyRef> {
    match v {
        Value::Obj(n) if crate::str::as_str(v).is_some() => Ok(n),
        _ => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `_local.__getattribute__`: `__dict__` is the instance's own dict; the rest is generic.
fn local_getattribute(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::builtins::function::check_count(vm, "__getattribute__", &args[1..], kw, 1, 1)?;
    let name = attr_name(vm, &args[1])?;
    if crate::str::as_str(&args[1]) == Some("__dict__")
        && let Some(o) = args[0].as_obj()
    {
        return Ok(Value::Obj(vm.instance_dict(o)));
    }
    vm.generic_getattr(&args[0], name)
}

/// `__setattr__`/`__delattr__`: `__dict__` cannot be replaced or deleted.
fn local_set_or_delete(
    vm: &Vm,
    obj: &Value,
    name: &Value,
    value: Option<Value>,
) -> PyResult<Value> {
    let n = attr_name(vm, name)?;
    if crate::str::as_str(name) == Some("__dict__") {
        return Err(vm.attribute_error(format!(
            "'{}' object attribute '__dict__' is read-only",
            vm.tp_name(obj)
        )));
    }
    vm.generic_setattr(obj, n, value)?;
    Ok(Value::None)
}

fn local_setattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::builtins::function::check_count(vm, "__setattr__", &args[1..], kw, 2, 2)?;
    local_set_or_delete(vm, &args[0], &args[1], Some(args[2].clone()))
}

fn local_delattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::builtins::function::check_count(vm, "__delattr__", &args[1..], kw, 1, 1)?;
    local_set_or_delete(vm, &args[0], &args[1], None)
}

fn local_class(vm: &Vm) -> PyRef {
    use crate::types::flags;
    let t = crate::types::new_type(
        &vm.types.type_,
        "_local",
        vec![vm.types.object.clone()],
        crate::dict::DictData::new(),
        crate::types::TypeKind::Other,
        crate::types::Layout::Object,
        flags::BASETYPE | flags::HAS_DICT | flags::WEAKREFABLE,
    );
    crate::types::type_data(&t).set_mro(vec![t.clone(), vm.types.object.clone()]);
    vm.add_methods_kind(
        &t,
        &[("__new__", local_new)],
        crate::builtins::function::MethodKind::Static,
    );
    vm.add_methods(
        &t,
        &[
            ("__getattribute__", local_getattribute),
            ("__setattr__", local_setattr),
            ("__delattr__", local_delattr),
        ],
    );
    let d = &crate::types::type_data(&t).dict;
    let _ = vm.dict_set_str(d, vm.intern("__module__"), vm.new_str("_thread"));
    let _ = vm.dict_set_str(d, vm.intern("__doc__"), vm.new_str("Thread-local data"));
    t
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
    set("_local", Value::Obj(local_class(vm)));
    set(
        "error",
        Value::Obj(vm.types.exceptions.runtime_error.clone()),
    );
    set("TIMEOUT_MAX", Value::float(9223372036.0));
    Value::Obj(m)
}
