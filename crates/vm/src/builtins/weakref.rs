//! Weak references: the `_weakref` module, its `ReferenceType`, `ProxyType` and
//! `CallableProxyType`, and the bookkeeping that clears weak references (and runs their
//! callbacks) when the referent dies.
//! Counterpart: Objects/weakrefobject.c and Modules/_weakref.c (3.11).
//!
//! A weak reference object holds a `std::rc::Weak` to its referent. The referent keeps no field
//! for its weak references: objects that are weakly referenced have their
//! `PyObject::weakly_referenced` flag set and an entry, keyed by their address, in a side table
//! that lists their weak reference objects (`WeakList`). Objects never weakly referenced pay one
//! flag test when they die. The entry is removed when the object dies (`object_dying`) or moves
//! (`object_moved`, a finalizer's resurrection), and while a weak reference holds its `Weak` the
//! referent's memory cannot be reused, so an address never names two objects.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use rpy_marshal::Opcode;

use crate::builtins::function::{MethodKind, NativeFn, check_count, no_kwargs};
use crate::dict::DictData;
use crate::object::{NativeData, Payload, PyObject};
use crate::protocol::CmpOp;
use crate::types::{BuildPtrHasher, Layout, TypeKind, flags, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

thread_local! {
    /// Weakly referenced objects (by address) → their weak reference objects.
    static LISTS: RefCell<HashMap<usize, WeakList, BuildPtrHasher>> =
        const { RefCell::new(HashMap::with_hasher(BuildPtrHasher)) };
}

/// The weak references to one object, in CPython's order: the shared plain `ref`, the shared
/// plain proxy, then the others (with callbacks, or of `ref` subclasses) newest first.
#[derive(Default)]
struct WeakList {
    basic_ref: Option<Weak<PyObject>>,
    basic_proxy: Option<Weak<PyObject>>,
    /// The others, oldest first; entries of detached references linger until compaction.
    others: Vec<Weak<PyObject>>,
    /// Detached entries still in `others`.
    stale: usize,
    /// Attached references.
    live: usize,
}

/// Where a reference sits in its referent's `WeakList`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    BasicRef,
    BasicProxy,
    Other,
}

impl WeakList {
    /// The attached references, in order.
    fn refs(&self) -> Vec<PyRef> {
        self.basic_ref
            .iter()
            .chain(self.basic_proxy.iter())
            .chain(self.others.iter().rev())
            .filter_map(|w| w.upgrade())
            .filter(|o| o.downcast_native::<WeakRef>().is_some_and(|d| d.attached()))
            .collect()
    }

    /// A shared basic reference, if it is alive and attached.
    fn basic(slot: &Option<Weak<PyObject>>) -> Option<PyRef> {
        let o = slot.as_ref()?.upgrade()?;
        o.downcast_native::<WeakRef>()?.attached().then_some(o)
    }
}

fn key_of(o: &PyObject) -> usize {
    o as *const PyObject as usize
}

/// Which of the three weak reference types an object is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `ref` or a subclass of it.
    Ref,
    Proxy,
    CallableProxy,
}

/// The payload of a weak reference or proxy.
pub struct WeakRef {
    /// The referent; `None` once cleared.
    target: RefCell<Option<Weak<PyObject>>>,
    /// The callback (`None` when there is none or it was consumed).
    callback: RefCell<Value>,
    /// The referent's hash, once computed.
    hash: Cell<Option<i64>>,
    kind: Kind,
    slot: Slot,
}

impl WeakRef {
    /// The referent, if it is alive.
    pub fn get(&self) -> Option<PyRef> {
        self.target.borrow().as_ref().and_then(|w| w.upgrade())
    }

    fn attached(&self) -> bool {
        self.target.try_borrow().is_ok_and(|t| t.is_some())
    }

    /// Unlinks this reference from its referent's list and clears it (no callback runs).
    fn detach(&self) {
        let Some(target) = self.target.borrow_mut().take() else {
            return;
        };
        let key = Weak::as_ptr(&target) as usize;
        let emptied = LISTS
            .try_with(|t| {
                let mut t = t.borrow_mut();
                let Some(list) = t.get_mut(&key) else {
                    return false;
                };
                list.live = list.live.saturating_sub(1);
                if list.live == 0 {
                    t.remove(&key);
                    return true;
                }
                // A shared slot is emptied if it still names this (dying or detached) reference.
                let gone = |w: &Option<Weak<PyObject>>| {
                    w.as_ref().is_none_or(|w| {
                        w.upgrade().is_none_or(|o| {
                            o.downcast_native::<WeakRef>().is_none_or(|d| !d.attached())
                        })
                    })
                };
                match self.slot {
                    Slot::BasicRef => {
                        if gone(&list.basic_ref) {
                            list.basic_ref = None;
                        }
                    }
                    Slot::BasicProxy => {
                        if gone(&list.basic_proxy) {
                            list.basic_proxy = None;
                        }
                    }
                    Slot::Other => {
                        list.stale += 1;
                        if list.stale * 2 > list.others.len() {
                            list.others.retain(|w| {
                                w.upgrade().is_some_and(|o| {
                                    o.downcast_native::<WeakRef>().is_some_and(|d| d.attached())
                                })
                            });
                            list.stale = 0;
                        }
                    }
                }
                false
            })
            .unwrap_or(false);
        if emptied && let Some(referent) = target.upgrade() {
            referent.weakly_referenced.set(false);
        }
    }
}

impl NativeData for WeakRef {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(c) = self.callback.try_borrow() {
            visit(&c);
        }
    }
    fn clear(&self) {
        self.detach();
        let old = self
            .callback
            .try_borrow_mut()
            .map(|mut c| std::mem::replace(&mut *c, Value::None));
        drop(old);
    }
}

impl Drop for WeakRef {
    fn drop(&mut self) {
        self.detach();
    }
}

fn payload_of(v: &Value) -> Option<&WeakRef> {
    v.as_obj().and_then(|o| o.downcast_native::<WeakRef>())
}

// ---- hooks for the object model (object.rs) and the cycle collector (gc.rs) ----

/// `obj` is dying (its last strong reference went): clears its weak references, then calls
/// their callbacks, most recent first, reporting their errors (`PyObject_ClearWeakRefs`).
/// Called by `PyObject::drop` when `weakly_referenced` is set.
pub(crate) fn object_dying(obj: &PyObject) {
    obj.weakly_referenced.set(false);
    let key = key_of(obj);
    let Some(list) = LISTS
        .try_with(|t| t.borrow_mut().remove(&key))
        .ok()
        .flatten()
    else {
        return;
    };
    let mut calls: Vec<(PyRef, Value)> = Vec::new();
    for wr in list.refs() {
        if let Some(d) = wr.downcast_native::<WeakRef>() {
            let target = d.target.borrow_mut().take();
            drop(target);
            let cb = std::mem::replace(&mut *d.callback.borrow_mut(), Value::None);
            if !cb.is_none() {
                calls.push((wr.clone(), cb));
            }
        }
    }
    drop(list);
    if calls.is_empty() {
        return;
    }
    if let Some(vm) = crate::vm::current_vm() {
        run_callbacks(vm, calls);
    }
}

/// A finalizer is about to run on `new`, which took over the contents of the dying `old`
/// (object.rs resurrects them into a fresh allocation): the weak references follow, so they
/// still see the object during `__del__` and keep it if it is resurrected.
pub(crate) fn object_moved(old: &PyObject, new: &PyRef) {
    old.weakly_referenced.set(false);
    let list = LISTS
        .try_with(|t| t.borrow_mut().remove(&key_of(old)))
        .ok()
        .flatten();
    let Some(list) = list else { return };
    for wr in list.refs() {
        if let Some(d) = wr.downcast_native::<WeakRef>() {
            let old_target = d.target.borrow_mut().replace(Rc::downgrade(new));
            drop(old_target);
        }
    }
    new.weakly_referenced.set(true);
    let _ = LISTS.try_with(|t| t.borrow_mut().insert(key_of(new), list));
}

/// For the cycle collector, before any finalizer runs: clears every weak reference to the
/// unreachable objects and returns the callbacks to call, those of weak references that are
/// not unreachable themselves (`handle_weakrefs` in Modules/gcmodule.c).
pub(crate) fn clear_for_garbage<'a>(
    garbage: impl Iterator<Item = &'a PyRef>,
    is_garbage: &dyn Fn(&PyObject) -> bool,
) -> Vec<(PyRef, Value)> {
    let mut calls = Vec::new();
    for g in garbage {
        if !g.weakly_referenced.get() {
            continue;
        }
        g.weakly_referenced.set(false);
        let key = key_of(g);
        let Some(list) = LISTS
            .try_with(|t| t.borrow_mut().remove(&key))
            .ok()
            .flatten()
        else {
            continue;
        };
        for wr in list.refs() {
            if let Some(d) = wr.downcast_native::<WeakRef>() {
                let target = d.target.borrow_mut().take();
                drop(target);
                let cb = d.callback.borrow().clone();
                if !cb.is_none() && !is_garbage(&wr) {
                    calls.push((wr.clone(), cb));
                }
            }
        }
    }
    calls
}

/// Calls weak reference callbacks with their reference; an error is reported as
/// "Exception ignored in: <callback>", as CPython's `PyErr_WriteUnraisable` does.
pub(crate) fn run_callbacks(vm: &Vm, calls: Vec<(PyRef, Value)>) {
    for (wr, cb) in calls {
        let saved = vm.handled.borrow().clone();
        if let Err(e) = vm.call(&cb, &[Value::Obj(wr)]) {
            crate::traceback::print_unraisable(vm, &e, "Exception ignored in", &cb);
        }
        *vm.handled.borrow_mut() = saved;
    }
}

// ---- which objects can be weakly referenced ----

/// Whether instances of `cls` can be weakly referenced (CPython: `tp_weaklistoffset != 0`).
/// Native types opt in with `flags::WEAKREFABLE`; classes get it from `setup_heap_type`.
pub fn supports_weakrefs(cls: &PyRef) -> bool {
    let Some(td) = cls.as_type() else {
        return false;
    };
    td.has_flag(flags::WEAKREFABLE)
        || matches!(
            td.kind,
            TypeKind::Type
                | TypeKind::Function
                | TypeKind::BuiltinFunction
                | TypeKind::Method
                | TypeKind::Set
                | TypeKind::FrozenSet
                | TypeKind::Module
                | TypeKind::Code
                | TypeKind::Generator
                | TypeKind::Coroutine
                | TypeKind::AsyncGenerator
        )
}

/// Decides whether a new class's instances support weak references and gives it the
/// `__weakref__` descriptor when it adds the support itself (`type_new`'s `add_weak`).
/// `weakref_slots` is `None` without `__slots__`, else how often `__weakref__` is listed.
pub fn setup_heap_type(
    vm: &Vm,
    bases: &[PyRef],
    layout: Layout,
    weakref_slots: Option<usize>,
    owner: &str,
    dict: &mut DictData,
    fl: &mut u32,
) -> PyResult<()> {
    // The base that gives the layout (CPython's "best base"); variable-size layouts cannot
    // get a weak reference list appended.
    let primary = bases
        .iter()
        .find(|b| type_data(b).layout == layout)
        .or(bases.first());
    let primary_weak = primary.is_some_and(supports_weakrefs);
    let var_sized = matches!(layout, Layout::Int | Layout::Tuple | Layout::Bytes);
    let may_add = !primary_weak && !var_sized;
    let mut add = match weakref_slots {
        None => may_add,
        Some(0) => false,
        Some(n) => {
            if !may_add || n > 1 {
                return Err(vm.type_error(
                    "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                ));
            }
            true
        }
    };
    let secondary_weak = bases.iter().any(supports_weakrefs);
    if may_add && !add && secondary_weak {
        add = true;
    }
    if add || primary_weak || secondary_weak {
        *fl |= flags::WEAKREFABLE;
    }
    if add && dict.get_str("__weakref__").is_none() {
        let d = PyObject::new(
            vm.types.getset_descriptor.clone(),
            Payload::GetSet(Box::new(crate::builtins::function::GetSetDef {
                name: "__weakref__",
                get: weakref_attr,
                set: None,
                owner: owner.to_string().into(),
            })),
        );
        let _ = dict.set_str(vm.intern("__weakref__"), Value::Obj(d));
    }
    Ok(())
}

/// `obj.__weakref__`: the first weak reference to the object, or None.
fn weakref_attr(_vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(refs_of(v)
        .into_iter()
        .next()
        .map_or(Value::None, Value::Obj))
}

/// The live weak reference objects to `v`, in order.
fn refs_of(v: &Value) -> Vec<PyRef> {
    let Value::Obj(o) = v else { return Vec::new() };
    if !o.weakly_referenced.get() {
        return Vec::new();
    }
    LISTS
        .try_with(|t| t.borrow().get(&key_of(o)).map(WeakList::refs))
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// CPython's `tp_name` of a class (built-in types' names carry their module).
fn tp_name(cls: &PyRef) -> String {
    type_data(cls).name.borrow().clone()
}

// ---- making weak references ----

/// The three types, made once per VM.
struct WeakTypes {
    reference: PyRef,
    proxy: PyRef,
    callable_proxy: PyRef,
}

fn weak_types(vm: &Vm) -> WeakTypes {
    let get = |n: &'static str| vm.types.others.borrow().get(n).cloned();
    if let (Some(reference), Some(proxy), Some(callable_proxy)) = (
        get("weakref.ReferenceType"),
        get("weakref.ProxyType"),
        get("weakref.CallableProxyType"),
    ) {
        return WeakTypes {
            reference,
            proxy,
            callable_proxy,
        };
    }
    // Named as CPython's `tp_name`: `__module__` is 'weakref', `__name__` the last part.
    let make = |name: &str, fl: u32| {
        let t = crate::types::new_type(
            &vm.types.type_,
            &format!("weakref.{name}"),
            vec![vm.types.object.clone()],
            DictData::new(),
            TypeKind::Other,
            Layout::Native,
            fl,
        );
        let td = type_data(&t);
        *td.qualname.borrow_mut() = name.to_string();
        td.set_mro(vec![t.clone(), vm.types.object.clone()]);
        t
    };
    let reference = make("ReferenceType", flags::BASETYPE);
    vm.add_methods(
        &reference,
        &[
            ("__init__", ref_init),
            ("__call__", ref_call),
            ("__hash__", ref_hash),
            ("__repr__", ref_repr),
            ("__eq__", ref_eq),
            ("__ne__", ref_ne),
        ],
    );
    vm.add_methods_kind(&reference, &[("__new__", ref_new)], MethodKind::Static);
    vm.add_methods_kind(
        &reference,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
    vm.add_getsets(
        &reference,
        &[("__callback__", ref_callback, Some(readonly))],
    );
    let proxy = make("ProxyType", 0);
    let callable_proxy = make("CallableProxyType", 0);
    for t in [&proxy, &callable_proxy] {
        vm.add_methods(t, PROXY_METHODS);
        vm.add_attr(t, "__hash__", Value::None);
    }
    vm.add_methods(&callable_proxy, &[("__call__", proxy_call)]);
    // Other built-in types whose instances CPython lets be weakly referenced.
    for name in ["memoryview", "types.GenericAlias"] {
        if let Some(t) = get(name) {
            let td = type_data(&t);
            td.flags.set(td.flags.get() | flags::WEAKREFABLE);
        }
    }
    let mut others = vm.types.others.borrow_mut();
    others.insert("weakref.ReferenceType", reference.clone());
    others.insert("weakref.ProxyType", proxy.clone());
    others.insert("weakref.CallableProxyType", callable_proxy.clone());
    WeakTypes {
        reference,
        proxy,
        callable_proxy,
    }
}

/// The referent as an object that can be weakly referenced, or CPython's TypeError.
fn referent<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a PyRef> {
    match v {
        Value::Obj(o) if supports_weakrefs(o.class()) => Ok(o),
        _ => Err(vm.type_error(format!(
            "cannot create weak reference to '{}' object",
            tp_name(vm.class_of(v))
        ))),
    }
}

/// Makes a weak reference of class `cls` to `obj` and links it at its place in the list.
/// A plain `ref` or proxy without callback takes the shared slot (the caller checked it is
/// free).
fn new_weakref(obj: &PyRef, cls: PyRef, callback: Value, kind: Kind, exact: bool) -> PyRef {
    let slot = match (kind, exact, callback.is_none()) {
        (Kind::Ref, true, true) => Slot::BasicRef,
        (Kind::Proxy | Kind::CallableProxy, _, true) => Slot::BasicProxy,
        _ => Slot::Other,
    };
    let wr = PyObject::new(
        cls,
        Payload::Native(Box::new(WeakRef {
            target: RefCell::new(Some(Rc::downgrade(obj))),
            callback: RefCell::new(callback),
            hash: Cell::new(None),
            kind,
            slot,
        })),
    );
    let entry = Some(Rc::downgrade(&wr));
    let old = LISTS.with(|t| {
        let mut t = t.borrow_mut();
        let list = t.entry(key_of(obj)).or_default();
        list.live += 1;
        match slot {
            Slot::BasicRef => std::mem::replace(&mut list.basic_ref, entry),
            Slot::BasicProxy => std::mem::replace(&mut list.basic_proxy, entry),
            Slot::Other => {
                list.others.extend(entry);
                None
            }
        }
    });
    drop(old);
    obj.weakly_referenced.set(true);
    wr
}

/// `ref(obj)` without a callback from Rust: the shared reference.
pub fn new_ref(vm: &Vm, obj: &Value) -> PyResult<Value> {
    let o = referent(vm, obj)?;
    let types = weak_types(vm);
    if let Some(r) = shared_ref(o) {
        return Ok(Value::Obj(r));
    }
    Ok(Value::Obj(new_weakref(
        o,
        types.reference,
        Value::None,
        Kind::Ref,
        true,
    )))
}

fn shared(o: &PyRef, proxy: bool) -> Option<PyRef> {
    if !o.weakly_referenced.get() {
        return None;
    }
    LISTS.with(|t| {
        let t = t.borrow();
        let list = t.get(&key_of(o))?;
        WeakList::basic(if proxy {
            &list.basic_proxy
        } else {
            &list.basic_ref
        })
    })
}

fn shared_ref(o: &PyRef) -> Option<PyRef> {
    shared(o, false)
}

fn shared_proxy(o: &PyRef) -> Option<PyRef> {
    shared(o, true)
}

fn npos(args: &[Value], kwnames: &[Value]) -> usize {
    args.len() - kwnames.len()
}

/// `ReferenceType.__new__(cls, obj, callback=None)` (keywords are left to `__init__`).
fn ref_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let types = weak_types(vm);
    let cls = match args.first().and_then(|c| vm.is_type(c)) {
        Some(c) if crate::types::is_subtype(&c, &types.reference) => c,
        Some(c) => {
            let n = type_data(&c).name.borrow().clone();
            return Err(vm.type_error(format!(
                "weakref.ReferenceType.__new__({n}): {n} is not a subtype of weakref.ReferenceType"
            )));
        }
        None => {
            return Err(vm.type_error("weakref.ReferenceType.__new__(X): X is not a type object"));
        }
    };
    let pos = &args[1..npos(args, kwnames)];
    check_count(vm, "__new__", pos, &[], 1, 2)?;
    let obj = referent(vm, &pos[0])?;
    let callback = pos.get(1).cloned().unwrap_or(Value::None);
    let exact = Rc::ptr_eq(&cls, &types.reference);
    if exact
        && callback.is_none()
        && let Some(r) = shared_ref(obj)
    {
        return Ok(Value::Obj(r));
    }
    Ok(Value::Obj(new_weakref(
        obj,
        cls,
        callback,
        Kind::Ref,
        exact,
    )))
}

fn ref_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "ref", kwnames)?;
    check_count(vm, "__init__", &args[1..], &[], 1, 2)?;
    Ok(Value::None)
}

fn the_ref<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a WeakRef> {
    payload_of(v).ok_or_else(|| vm.type_error("expected a weak reference"))
}

fn ref_call(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "weakref", kwnames)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "weakref expected 0 arguments, got {}",
            args.len() - 1
        )));
    }
    Ok(the_ref(vm, &args[0])?.get().map_or(Value::None, Value::Obj))
}

fn ref_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = the_ref(vm, &args[0])?;
    if let Some(h) = d.hash.get() {
        return Ok(Value::Int(h));
    }
    let Some(o) = d.get() else {
        return Err(vm.type_error("weak object has gone away"));
    };
    let h = vm.hash(&Value::Obj(o))?;
    d.hash.set(Some(h));
    Ok(Value::Int(h))
}

fn ref_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = the_ref(vm, &args[0])?;
    let me = args[0].id();
    let Some(o) = d.get() else {
        return Ok(vm.new_string(format!("<weakref at {me:#x}; dead>")));
    };
    let ov = Value::Obj(o.clone());
    let cls = o.class().clone();
    // `__name__` as a special lookup on the type (a function's or a class's name).
    let name = match type_data(&cls).lookup("__name__") {
        Some(n) => vm
            .descr_get(&n, Some(&ov), &cls)
            .ok()
            .and_then(|n| crate::str::as_str(&n).map(|s| s.to_string())),
        None => None,
    };
    let tn = tp_name(&cls);
    let at = ov.id();
    Ok(vm.new_string(match name {
        Some(n) => format!("<weakref at {me:#x}; to '{tn}' at {at:#x} ({n})>"),
        None => format!("<weakref at {me:#x}; to '{tn}' at {at:#x}>"),
    }))
}

fn ref_compare(vm: &Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (payload_of(&args[0]), payload_of(&args[1])) else {
        return Ok(vm.not_implemented());
    };
    match (a.get(), b.get()) {
        (Some(x), Some(y)) => vm.rich_compare(&Value::Obj(x), &Value::Obj(y), op),
        _ => {
            let same = args[0].is(&args[1]);
            Ok(Value::bool(if op == CmpOp::Eq { same } else { !same }))
        }
    }
}

fn ref_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    ref_compare(vm, args, CmpOp::Eq)
}

fn ref_ne(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    ref_compare(vm, args, CmpOp::Ne)
}

fn ref_callback(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(the_ref(vm, v)?.callback.borrow().clone())
}

fn readonly(vm: &Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

// ---- proxies ----

/// The referent of a proxy, or ReferenceError once it is dead; other values as they are
/// (CPython's `UNWRAP`).
fn unwrap(vm: &Vm, v: &Value) -> PyResult<Value> {
    match payload_of(v) {
        Some(d) if d.kind != Kind::Ref => match d.get() {
            Some(o) => Ok(Value::Obj(o)),
            None => Err(vm.new_exception_msg(
                &vm.types.exceptions.reference_error,
                "weakly-referenced object no longer exists",
            )),
        },
        _ => Ok(v.clone()),
    }
}

/// `weakref.proxy(obj[, callback])`.
fn proxy_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "proxy", args, kwnames, 1, 2)?;
    let obj = referent(vm, &args[0])?;
    let callback = args.get(1).cloned().unwrap_or(Value::None);
    if callback.is_none()
        && let Some(p) = shared_proxy(obj)
    {
        return Ok(Value::Obj(p));
    }
    let types = weak_types(vm);
    let callable = vm.lookup_special(&args[0], "__call__").is_some();
    let (cls, kind) = if callable {
        (types.callable_proxy, Kind::CallableProxy)
    } else {
        (types.proxy, Kind::Proxy)
    };
    Ok(Value::Obj(new_weakref(obj, cls, callback, kind, false)))
}

fn proxy_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = args[0].id();
    let target = payload_of(&args[0])
        .and_then(|d| d.get())
        .map_or(Value::None, Value::Obj);
    Ok(vm.new_string(format!(
        "<weakproxy at {me:#x} to {} at {:#x}>",
        tp_name(vm.class_of(&target)),
        target.id()
    )))
}

fn proxy_str(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.str_obj(&unwrap(vm, &args[0])?)
}

fn proxy_getattribute(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__getattribute__", &args[1..], kw, 1, 1)?;
    let o = unwrap(vm, &args[0])?;
    vm.getattr(&o, &attr_name(vm, &args[1])?)
}

fn proxy_setattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__setattr__", &args[1..], kw, 2, 2)?;
    let o = unwrap(vm, &args[0])?;
    vm.setattr(&o, &attr_name(vm, &args[1])?, args[2].clone())?;
    Ok(Value::None)
}

fn proxy_delattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__delattr__", &args[1..], kw, 1, 1)?;
    let o = unwrap(vm, &args[0])?;
    vm.delattr(&o, &attr_name(vm, &args[1])?)?;
    Ok(Value::None)
}

fn attr_name(vm: &Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if crate::str::as_str(v).is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn proxy_call(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let o = unwrap(vm, &args[0])?;
    vm.call_with_kwnames(&o, &args[1..], kwnames)
}

fn proxy_bool(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(vm.truthy(&unwrap(vm, &args[0])?)?))
}

fn proxy_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(vm.len(&unwrap(vm, &args[0])?)?))
}

fn proxy_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = unwrap(vm, &args[0])?;
    Ok(Value::bool(vm.contains(&o, &args[1])?))
}

fn proxy_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = unwrap(vm, &args[0])?;
    vm.getitem(&o, &args[1])
}

fn proxy_setitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = unwrap(vm, &args[0])?;
    vm.setitem(&o, args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn proxy_delitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = unwrap(vm, &args[0])?;
    vm.delitem(&o, &args[1])?;
    Ok(Value::None)
}

fn proxy_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.get_iter(&unwrap(vm, &args[0])?)
}

fn proxy_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = unwrap(vm, &args[0])?;
    if vm.lookup_special(&o, "__next__").is_none() {
        return Err(vm.type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            tp_name(vm.class_of(&o))
        )));
    }
    match vm.next(&o)? {
        Some(v) => Ok(v),
        None => Err(vm.new_exception(&vm.types.exceptions.stop_iteration, vec![])),
    }
}

fn proxy_bytes(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.call_method(&unwrap(vm, &args[0])?, "__bytes__", &[])
}

fn proxy_reversed(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.call_method(&unwrap(vm, &args[0])?, "__reversed__", &[])
}

/// Calls the built-in function `name` (`abs`, `divmod`, `pow`, `int`, `float`).
fn call_builtin(vm: &Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = match &vm.builtins_dict.payload {
        Payload::Dict(d) => d.borrow().get_str(name).cloned(),
        _ => None,
    };
    match f {
        Some(f) => vm.call(&f, args),
        None => Err(vm.runtime_error(format!("lost builtins.{name}"))),
    }
}

macro_rules! proxy_unary {
    ($( $fname:ident => $body:expr; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let o = unwrap(vm, &args[0])?;
                let f: fn(&Vm, &Value) -> PyResult<Value> = $body;
                f(vm, &o)
            }
        )*
    };
}

proxy_unary! {
    proxy_neg => |vm, o| vm.unary_op(o, Opcode::UnaryNegative);
    proxy_pos => |vm, o| vm.unary_op(o, Opcode::UnaryPositive);
    proxy_invert => |vm, o| vm.unary_op(o, Opcode::UnaryInvert);
    proxy_abs => |vm, o| call_builtin(vm, "abs", std::slice::from_ref(o));
    proxy_int => |vm, o| call_builtin(vm, "int", std::slice::from_ref(o));
    proxy_float => |vm, o| call_builtin(vm, "float", std::slice::from_ref(o));
    proxy_index => |vm, o| vm.index_value(o);
}

macro_rules! proxy_binary {
    ($( $code:expr => $f:ident, $rf:ident, $inf:ident; )*) => {
        $(
            fn $f(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let (a, b) = (unwrap(vm, &args[0])?, unwrap(vm, &args[1])?);
                vm.binary_op(&a, &b, $code)
            }
            fn $rf(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let (a, b) = (unwrap(vm, &args[1])?, unwrap(vm, &args[0])?);
                vm.binary_op(&a, &b, $code)
            }
            fn $inf(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let (a, b) = (unwrap(vm, &args[0])?, unwrap(vm, &args[1])?);
                vm.binary_op(&a, &b, $code + 13)
            }
        )*
    };
}

proxy_binary! {
    0 => proxy_add, proxy_radd, proxy_iadd;
    1 => proxy_and, proxy_rand, proxy_iand;
    2 => proxy_floordiv, proxy_rfloordiv, proxy_ifloordiv;
    3 => proxy_lshift, proxy_rlshift, proxy_ilshift;
    4 => proxy_matmul, proxy_rmatmul, proxy_imatmul;
    5 => proxy_mul, proxy_rmul, proxy_imul;
    6 => proxy_mod, proxy_rmod, proxy_imod;
    7 => proxy_or, proxy_ror, proxy_ior;
    9 => proxy_rshift, proxy_rrshift, proxy_irshift;
    10 => proxy_sub, proxy_rsub, proxy_isub;
    11 => proxy_truediv, proxy_rtruediv, proxy_itruediv;
    12 => proxy_xor, proxy_rxor, proxy_ixor;
}

/// `pow(a, b[, m])` with proxies unwrapped.
fn pow3(vm: &Vm, a: Value, b: Value, m: Option<&Value>) -> PyResult<Value> {
    match m {
        None | Some(Value::None) => vm.binary_op(&a, &b, 8),
        Some(m) => call_builtin(vm, "pow", &[a, b, unwrap(vm, m)?]),
    }
}

fn proxy_pow(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    pow3(
        vm,
        unwrap(vm, &args[0])?,
        unwrap(vm, &args[1])?,
        args.get(2),
    )
}

fn proxy_rpow(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    pow3(
        vm,
        unwrap(vm, &args[1])?,
        unwrap(vm, &args[0])?,
        args.get(2),
    )
}

fn proxy_ipow(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = (unwrap(vm, &args[0])?, unwrap(vm, &args[1])?);
    vm.binary_op(&a, &b, 8 + 13)
}

fn proxy_divmod(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = (unwrap(vm, &args[0])?, unwrap(vm, &args[1])?);
    call_builtin(vm, "divmod", &[a, b])
}

fn proxy_rdivmod(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = (unwrap(vm, &args[1])?, unwrap(vm, &args[0])?);
    call_builtin(vm, "divmod", &[a, b])
}

macro_rules! proxy_compare {
    ($( $fname:ident => $op:expr; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let (a, b) = (unwrap(vm, &args[0])?, unwrap(vm, &args[1])?);
                vm.rich_compare(&a, &b, $op)
            }
        )*
    };
}

proxy_compare! {
    proxy_lt => CmpOp::Lt;
    proxy_le => CmpOp::Le;
    proxy_eq => CmpOp::Eq;
    proxy_ne => CmpOp::Ne;
    proxy_gt => CmpOp::Gt;
    proxy_ge => CmpOp::Ge;
}

const PROXY_METHODS: &[(&str, NativeFn)] = &[
    ("__repr__", proxy_repr),
    ("__str__", proxy_str),
    ("__getattribute__", proxy_getattribute),
    ("__setattr__", proxy_setattr),
    ("__delattr__", proxy_delattr),
    ("__bool__", proxy_bool),
    ("__len__", proxy_len),
    ("__contains__", proxy_contains),
    ("__getitem__", proxy_getitem),
    ("__setitem__", proxy_setitem),
    ("__delitem__", proxy_delitem),
    ("__iter__", proxy_iter),
    ("__next__", proxy_next),
    ("__bytes__", proxy_bytes),
    ("__reversed__", proxy_reversed),
    ("__neg__", proxy_neg),
    ("__pos__", proxy_pos),
    ("__invert__", proxy_invert),
    ("__abs__", proxy_abs),
    ("__int__", proxy_int),
    ("__float__", proxy_float),
    ("__index__", proxy_index),
    ("__add__", proxy_add),
    ("__radd__", proxy_radd),
    ("__iadd__", proxy_iadd),
    ("__and__", proxy_and),
    ("__rand__", proxy_rand),
    ("__iand__", proxy_iand),
    ("__floordiv__", proxy_floordiv),
    ("__rfloordiv__", proxy_rfloordiv),
    ("__ifloordiv__", proxy_ifloordiv),
    ("__lshift__", proxy_lshift),
    ("__rlshift__", proxy_rlshift),
    ("__ilshift__", proxy_ilshift),
    ("__matmul__", proxy_matmul),
    ("__rmatmul__", proxy_rmatmul),
    ("__imatmul__", proxy_imatmul),
    ("__mul__", proxy_mul),
    ("__rmul__", proxy_rmul),
    ("__imul__", proxy_imul),
    ("__mod__", proxy_mod),
    ("__rmod__", proxy_rmod),
    ("__imod__", proxy_imod),
    ("__or__", proxy_or),
    ("__ror__", proxy_ror),
    ("__ior__", proxy_ior),
    ("__pow__", proxy_pow),
    ("__rpow__", proxy_rpow),
    ("__ipow__", proxy_ipow),
    ("__rshift__", proxy_rshift),
    ("__rrshift__", proxy_rrshift),
    ("__irshift__", proxy_irshift),
    ("__sub__", proxy_sub),
    ("__rsub__", proxy_rsub),
    ("__isub__", proxy_isub),
    ("__truediv__", proxy_truediv),
    ("__rtruediv__", proxy_rtruediv),
    ("__itruediv__", proxy_itruediv),
    ("__xor__", proxy_xor),
    ("__rxor__", proxy_rxor),
    ("__ixor__", proxy_ixor),
    ("__divmod__", proxy_divmod),
    ("__rdivmod__", proxy_rdivmod),
    ("__lt__", proxy_lt),
    ("__le__", proxy_le),
    ("__eq__", proxy_eq),
    ("__ne__", proxy_ne),
    ("__gt__", proxy_gt),
    ("__ge__", proxy_ge),
];

// ---- the module ----

fn getweakrefcount(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_weakref.getweakrefcount", args, kw, 1, 1)?;
    Ok(Value::from(refs_of(&args[0]).len()))
}

fn getweakrefs(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "getweakrefs", args, kw, 1, 1)?;
    Ok(vm.new_list(refs_of(&args[0]).into_iter().map(Value::Obj).collect()))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead weak reference.
fn remove_dead_weakref(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_remove_dead_weakref", args, kw, 2, 2)?;
    let Some(Payload::Dict(table)) = args[0].payload() else {
        return Err(vm.type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            vm.type_name(&args[0])
        )));
    };
    let Some(v) = crate::dict::lookup(vm, table, &args[1])? else {
        return Ok(Value::None);
    };
    let Some(d) = payload_of(&v) else {
        return Err(vm.type_error("not a weakref"));
    };
    if d.get().is_none() {
        let removed = crate::dict::remove(vm, table, &args[1])?;
        drop(removed);
    }
    Ok(Value::None)
}

/// The `_weakref` module.
pub fn module(vm: &Vm) -> Value {
    let types = weak_types(vm);
    let m = vm.new_module("_weakref");
    let d = vm.module_dict(&m);
    let functions: &[(&'static str, NativeFn)] = &[
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
        ("proxy", proxy_new),
        ("_remove_dead_weakref", remove_dead_weakref),
    ];
    for (n, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, *f));
    }
    for (n, t) in [
        ("ref", &types.reference),
        ("ReferenceType", &types.reference),
        ("ProxyType", &types.proxy),
        ("CallableProxyType", &types.callable_proxy),
    ] {
        let _ = vm.dict_set_str(&d, vm.intern(n), Value::Obj(t.clone()));
    }
    let _ = vm.dict_set_str(
        &d,
        vm.intern("__doc__"),
        vm.new_str("Weak-reference support module."),
    );
    Value::Obj(m)
}
