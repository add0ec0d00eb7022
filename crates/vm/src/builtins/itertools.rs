//! The `itertools` module: count, cycle, repeat, accumulate, chain, compress, dropwhile,
//! filterfalse, groupby, islice, pairwise, starmap, takewhile, tee, zip_longest, product,
//! permutations, combinations and combinations_with_replacement; also the helpers the other
//! native modules written in this style share (type registration, argument binding).
//! Counterpart: Modules/itertoolsmodule.c (3.11).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::builtins::function::{MethodKind, NativeFn, check_count};
use crate::dict::DictData;
use crate::object::{NativeData, Payload, PyObject};
use crate::types::{Layout, TypeKind, flags, is_subtype, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

// ---- helpers shared with `_collections` and `_functools` ----

/// The type registered as `key` ("module.Name"), made on first use: a built-in type that
/// reports `module` as its `__module__` (so its repr is `<class 'module.Name'>`) and cannot
/// be modified. `init` adds its methods. Made once per VM, so re-importing the module keeps
/// the same classes.
pub(crate) fn native_type(
    vm: &Vm,
    key: &'static str,
    base: Option<&PyRef>,
    layout: Layout,
    fl: u32,
    init: fn(&Vm, &PyRef),
) -> PyRef {
    let existing = vm.types.others.borrow().get(key).cloned();
    if let Some(t) = existing {
        return t;
    }
    let (module, name) = key.rsplit_once('.').unwrap_or(("builtins", key));
    let base = base.cloned().unwrap_or_else(|| vm.types.object.clone());
    let mut d = DictData::new();
    let _ = d.set_str(vm.intern("__module__"), vm.new_str(module));
    let _ = d.set_str(vm.intern("__doc__"), Value::None);
    let t = crate::types::new_type(
        &vm.types.type_,
        name,
        vec![base.clone()],
        d,
        TypeKind::Heap,
        layout,
        fl,
    );
    let mut mro = vec![t.clone()];
    mro.extend(type_data(&base).mro.borrow().iter().cloned());
    type_data(&t).set_mro(mro);
    crate::builtins::misc::register_subclass(&base, &t);
    vm.types.others.borrow_mut().insert(key, t.clone());
    init(vm, &t);
    t
}

/// The class argument of a `__new__`, checked to be `key`'s type or a subclass of it.
pub(crate) fn new_class(vm: &Vm, args: &[Value], key: &'static str) -> PyResult<PyRef> {
    let t = vm.types.other(key);
    let name = type_data(&t).name.borrow().clone();
    match args.first().and_then(|c| vm.is_type(c)) {
        Some(c) if is_subtype(&c, &t) => Ok(c),
        Some(c) => {
            let cn = type_data(&c).name.borrow().clone();
            Err(vm.type_error(format!(
                "{name}.__new__({cn}): {cn} is not a subtype of {name}"
            )))
        }
        None => Err(vm.type_error(format!(
            "{name}.__new__(X): X is not a type object ({})",
            args.first()
                .map(|a| vm.type_name(a))
                .unwrap_or_else(|| "NoneType".into())
        ))),
    }
}

/// A new instance of `cls` with a native payload.
pub(crate) fn new_native(cls: PyRef, data: impl NativeData) -> Value {
    Value::Obj(PyObject::new(cls, Payload::Native(Box::new(data))))
}

/// The native payload of `v`, or the TypeError a descriptor gives for a foreign object.
pub(crate) fn native<'a, T: 'static>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a T> {
    v.as_obj()
        .and_then(|o| o.downcast_native::<T>())
        .ok_or_else(|| {
            vm.type_error(format!(
                "descriptor requires a '{what}' object but received a '{}'",
                vm.type_name(v)
            ))
        })
}

/// Binds arguments as CPython's argument clinic does (`_PyArg_UnpackKeywords`), with its
/// messages: `params` are the names, those from `kwonly_from` on keyword-only, the first
/// `required` mandatory.
pub(crate) fn bind_args(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    params: &[&str],
    kwonly_from: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let nkw = kwnames.len();
    let npos = args.len() - nkw;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if npos + nkw > params.len() {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} {}argument{} ({} given)",
            params.len(),
            if npos == 0 { "keyword " } else { "" },
            plural(params.len()),
            npos + nkw
        )));
    }
    if npos > kwonly_from {
        return Err(vm.type_error(if kwonly_from == 0 {
            format!("{fname}() takes no positional arguments")
        } else {
            format!(
                "{fname}() takes {} {kwonly_from} positional argument{} ({npos} given)",
                if required >= kwonly_from {
                    "exactly"
                } else {
                    "at most"
                },
                plural(kwonly_from)
            )
        }));
    }
    let mut out: Vec<Option<Value>> = vec![None; params.len()];
    for (i, a) in args[..npos].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    let mut duplicate = None;
    let mut unexpected = None;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let name = crate::str::as_str(k).unwrap_or("");
        match params.iter().position(|p| *p == name) {
            Some(i) if i < npos => {
                duplicate.get_or_insert((name.to_string(), i));
            }
            Some(i) => out[i] = Some(v.clone()),
            None => {
                unexpected.get_or_insert(name.to_string());
            }
        }
    }
    for (i, p) in params.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{p}' (pos {})",
                i + 1
            )));
        }
    }
    if let Some((name, i)) = duplicate {
        return Err(vm.type_error(format!(
            "argument for {fname}() given by name ('{name}') and position ({})",
            i + 1
        )));
    }
    if let Some(name) = unexpected {
        return Err(vm.type_error(format!(
            "'{name}' is an invalid keyword argument for {fname}()"
        )));
    }
    Ok(out)
}

/// `_PyArg_CheckPositional`: `n` positional arguments for `fname`, which takes `min..=max`.
pub(crate) fn check_positional(
    vm: &Vm,
    fname: &str,
    n: usize,
    min: usize,
    max: usize,
) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(vm.type_error(format!(
            "{fname} expected {}{min} argument{}, got {n}",
            if min == max { "" } else { "at least " },
            plural(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{fname} expected {}{max} argument{}, got {n}",
            if min == max { "" } else { "at most " },
            plural(max)
        )));
    }
    Ok(())
}

/// `callable(v)`.
pub(crate) fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v.payload() {
        Some(
            Payload::Function(_)
            | Payload::BuiltinFunction(_)
            | Payload::BoundMethod { .. }
            | Payload::Type(_)
            | Payload::MethodDescriptor(_),
        ) => true,
        _ => vm.lookup_special(v, "__call__").is_some(),
    }
}

/// A bare StopIteration, for `__next__` methods.
pub(crate) fn stop_iteration(vm: &Vm) -> crate::vm::PyErr {
    vm.new_exception(&vm.types.exceptions.stop_iteration, vec![])
}

/// `tuple(v)`: the same object for an exact tuple.
fn as_tuple(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    vm.iterate(v)
}

/// Replaces the contents of a cell, dropping the old value after the borrow is released.
fn set_cell<T>(cell: &RefCell<T>, v: T) {
    let old = std::mem::replace(&mut *cell.borrow_mut(), v);
    drop(old);
}

/// Takes the value out of a cell (the borrow is released before the caller drops it).
fn take_cell<T: Default>(cell: &RefCell<T>) -> T {
    std::mem::take(&mut *cell.borrow_mut())
}

/// `take_cell` for the cycle collector, which may find a cell in use.
fn try_take<T: Default>(cell: &RefCell<T>) -> Option<T> {
    cell.try_borrow_mut()
        .ok()
        .map(|mut b| std::mem::take(&mut *b))
}

fn visit_opt(cell: &RefCell<Option<Value>>, visit: &mut dyn FnMut(&Value)) {
    if let Ok(v) = cell.try_borrow()
        && let Some(v) = v.as_ref()
    {
        visit(v);
    }
}

/// Implements `NativeData` for a payload: the fields it visits for the cycle collector, and
/// the cells it empties to break a cycle.
macro_rules! native_data {
    ($t:ty, visit($s:ident, $v:ident) $visit:block, clear($c:ident) $clear:block) => {
        impl NativeData for $t {
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
            fn traverse(&self, $v: &mut dyn FnMut(&Value)) {
                let $s = self;
                $visit
            }
            fn clear(&self) {
                let $c = self;
                $clear
            }
        }
    };
}

/// Defines the `__next__` method of an iterator type from its `fn(vm, self, payload)`.
macro_rules! next_method {
    ($name:ident, $t:ty, $what:literal, $next:ident) => {
        fn $name(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            let s = native::<$t>(vm, &args[0], $what)?;
            match $next(vm, &args[0], s)? {
                Some(v) => Ok(v),
                None => Err(stop_iteration(vm)),
            }
        }
    };
}

fn iter_self(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

/// The name a repr shows for an instance: its class's `__name__`.
fn class_name(vm: &Vm, v: &Value) -> String {
    vm.type_name(v)
}

/// Registers an iterator type `itertools.<name>` with `__new__`, `__iter__`, `__next__` and
/// any extra methods.
fn iter_type(
    vm: &Vm,
    key: &'static str,
    new: Option<NativeFn>,
    next: NativeFn,
    subclassable: bool,
) -> PyRef {
    let t = native_type(
        vm,
        key,
        None,
        Layout::Native,
        if subclassable { flags::BASETYPE } else { 0 },
        |_, _| {},
    );
    vm.add_methods(&t, &[("__iter__", iter_self), ("__next__", next)]);
    if let Some(new) = new {
        vm.add_methods_kind(&t, &[("__new__", new)], MethodKind::Static);
    }
    t
}

// ---- count ----

pub struct Count {
    cnt: RefCell<Value>,
    step: Value,
}

native_data!(Count, visit(s, v) {
    if let Ok(c) = s.cnt.try_borrow() {
        v(&c);
    }
    v(&s.step);
}, clear(_c) {});

/// `PyNumber_Check`: ints, floats, complex numbers and objects with `__index__`, `__int__`
/// or `__float__`.
fn is_number(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => true,
        Value::Obj(o)
            if matches!(
                o.payload,
                Payload::Int(_) | Payload::Float(_) | Payload::Complex(..)
            ) =>
        {
            true
        }
        _ => ["__index__", "__int__", "__float__"]
            .iter()
            .any(|m| vm.lookup_special(v, m).is_some()),
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.payload(), Some(Payload::Int(_)))
}

fn is_int_one(v: &Value) -> bool {
    match v {
        Value::Int(1) | Value::Bool(crate::value::Truth::True) => true,
        Value::Obj(o) => matches!(&o.payload, Payload::Int(n) if *n == num_bigint::BigInt::from(1)),
        _ => false,
    }
}

fn count_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.count")?;
    let p = bind_args(vm, "count", &args[1..], kwnames, &["start", "step"], 2, 0)?;
    let start = p[0].clone().unwrap_or(Value::Int(0));
    let step = p[1].clone().unwrap_or(Value::Int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(vm.type_error("a number is required"));
    }
    // An int start counted by one is counted as exact ints (CPython's "fast mode").
    let start = if is_int(&start) && is_int_one(&step) {
        vm.index_value(&start)?
    } else {
        start
    };
    Ok(new_native(
        cls,
        Count {
            cnt: RefCell::new(start),
            step,
        },
    ))
}

fn count_next(vm: &Vm, _this: &Value, c: &Count) -> PyResult<Option<Value>> {
    let cur = c.cnt.borrow().clone();
    let next = match (&cur, &c.step) {
        (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
        _ => vm.binary_op(&cur, &c.step, 0)?,
    };
    set_cell(&c.cnt, next);
    Ok(Some(cur))
}
next_method!(count_next_m, Count, "itertools.count", count_next);

fn count_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = native::<Count>(vm, &args[0], "itertools.count")?;
    let cur = c.cnt.borrow().clone();
    let name = class_name(vm, &args[0]);
    // The step is left out when it is an int equal to 1.
    let s = if is_int_one(&c.step) {
        format!("{name}({})", vm.repr(&cur)?)
    } else {
        format!("{name}({}, {})", vm.repr(&cur)?, vm.repr(&c.step)?)
    };
    Ok(vm.new_string(s))
}

// ---- cycle ----

pub struct Cycle {
    it: RefCell<Option<Value>>,
    saved: RefCell<Vec<Value>>,
    index: Cell<usize>,
}

native_data!(Cycle, visit(s, v) {
    visit_opt(&s.it, v);
    if let Ok(items) = s.saved.try_borrow() {
        items.iter().for_each(&mut *v);
    }
}, clear(c) {
    drop(try_take(&c.it));
    drop(try_take(&c.saved));
});

fn cycle_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.cycle")?;
    if !kwnames.is_empty() {
        return Err(vm.type_error("cycle() takes no keyword arguments"));
    }
    check_positional(vm, "cycle", args.len() - 1, 1, 1)?;
    let it = vm.get_iter(&args[1])?;
    Ok(new_native(
        cls,
        Cycle {
            it: RefCell::new(Some(it)),
            saved: RefCell::new(Vec::new()),
            index: Cell::new(0),
        },
    ))
}

fn cycle_next(vm: &Vm, _this: &Value, c: &Cycle) -> PyResult<Option<Value>> {
    let it = c.it.borrow().clone();
    if let Some(it) = it {
        match vm.next(&it)? {
            Some(v) => {
                c.saved.borrow_mut().push(v.clone());
                return Ok(Some(v));
            }
            None => drop(take_cell(&c.it)),
        }
    }
    let saved = c.saved.borrow();
    if saved.is_empty() {
        return Ok(None);
    }
    let i = c.index.get() % saved.len();
    c.index.set((i + 1) % saved.len());
    Ok(Some(saved[i].clone()))
}
next_method!(cycle_next_m, Cycle, "itertools.cycle", cycle_next);

// ---- repeat ----

pub struct Repeat {
    element: Value,
    /// Repetitions left; negative for "forever".
    cnt: Cell<i64>,
}

native_data!(Repeat, visit(s, v) {
    v(&s.element);
}, clear(_c) {});

fn repeat_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.repeat")?;
    let p = bind_args(
        vm,
        "repeat",
        &args[1..],
        kwnames,
        &["object", "times"],
        2,
        1,
    )?;
    let element = p[0].clone().unwrap_or(Value::None);
    let cnt = match &p[1] {
        Some(t) => vm.index_i64(t)?.max(0),
        None => -1,
    };
    Ok(new_native(
        cls,
        Repeat {
            element,
            cnt: Cell::new(cnt),
        },
    ))
}

fn repeat_next(_vm: &Vm, _this: &Value, r: &Repeat) -> PyResult<Option<Value>> {
    let n = r.cnt.get();
    if n == 0 {
        return Ok(None);
    }
    if n > 0 {
        r.cnt.set(n - 1);
    }
    Ok(Some(r.element.clone()))
}
next_method!(repeat_next_m, Repeat, "itertools.repeat", repeat_next);

fn repeat_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = native::<Repeat>(vm, &args[0], "itertools.repeat")?;
    let name = class_name(vm, &args[0]);
    let e = vm.repr(&r.element)?;
    Ok(vm.new_string(if r.cnt.get() < 0 {
        format!("{name}({e})")
    } else {
        format!("{name}({e}, {})", r.cnt.get())
    }))
}

fn repeat_length_hint(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = native::<Repeat>(vm, &args[0], "itertools.repeat")?;
    if r.cnt.get() < 0 {
        return Err(vm.type_error("len() of unsized object"));
    }
    Ok(Value::Int(r.cnt.get()))
}

// ---- accumulate ----

pub struct Accumulate {
    it: Value,
    func: Value,
    total: RefCell<Option<Value>>,
    initial: RefCell<Option<Value>>,
}

native_data!(Accumulate, visit(s, v) {
    v(&s.it);
    v(&s.func);
    visit_opt(&s.total, v);
    visit_opt(&s.initial, v);
}, clear(c) {
    drop(try_take(&c.total));
    drop(try_take(&c.initial));
});

fn accumulate_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.accumulate")?;
    let p = bind_args(
        vm,
        "accumulate",
        &args[1..],
        kwnames,
        &["iterable", "func", "initial"],
        2,
        1,
    )?;
    let it = vm.get_iter(p[0].as_ref().unwrap_or(&Value::None))?;
    let initial = p[2].clone().filter(|v| !v.is_none());
    Ok(new_native(
        cls,
        Accumulate {
            it,
            func: p[1].clone().unwrap_or(Value::None),
            total: RefCell::new(None),
            initial: RefCell::new(initial),
        },
    ))
}

fn accumulate_next(vm: &Vm, _this: &Value, a: &Accumulate) -> PyResult<Option<Value>> {
    let initial = take_cell(&a.initial);
    if let Some(init) = initial {
        set_cell(&a.total, Some(init.clone()));
        return Ok(Some(init));
    }
    let Some(item) = vm.next(&a.it)? else {
        return Ok(None);
    };
    let total = a.total.borrow().clone();
    let new = match total {
        None => item,
        Some(t) if a.func.is_none() => vm.binary_op(&t, &item, 0)?,
        Some(t) => vm.call(&a.func, &[t, item])?,
    };
    set_cell(&a.total, Some(new.clone()));
    Ok(Some(new))
}
next_method!(
    accumulate_next_m,
    Accumulate,
    "itertools.accumulate",
    accumulate_next
);

// ---- chain ----

pub struct Chain {
    source: RefCell<Option<Value>>,
    active: RefCell<Option<Value>>,
}

native_data!(Chain, visit(s, v) {
    visit_opt(&s.source, v);
    visit_opt(&s.active, v);
}, clear(c) {
    drop(try_take(&c.source));
    drop(try_take(&c.active));
});

fn chain_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.chain")?;
    if !kwnames.is_empty() {
        return Err(vm.type_error("chain() takes no keyword arguments"));
    }
    let source = vm.get_iter(&vm.new_tuple(args[1..].to_vec()))?;
    Ok(new_native(
        cls,
        Chain {
            source: RefCell::new(Some(source)),
            active: RefCell::new(None),
        },
    ))
}

fn chain_from_iterable(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "from_iterable", &args[1..], kwnames, 1, 1)?;
    let cls = new_class(vm, args, "itertools.chain")?;
    let source = vm.get_iter(&args[1])?;
    Ok(new_native(
        cls,
        Chain {
            source: RefCell::new(Some(source)),
            active: RefCell::new(None),
        },
    ))
}

fn chain_next(vm: &Vm, _this: &Value, c: &Chain) -> PyResult<Option<Value>> {
    loop {
        let Some(source) = c.source.borrow().clone() else {
            return Ok(None);
        };
        let active = c.active.borrow().clone();
        let active = match active {
            Some(a) => a,
            None => {
                let iterable = match vm.next(&source) {
                    Ok(Some(i)) => i,
                    Ok(None) => {
                        drop(take_cell(&c.source));
                        return Ok(None);
                    }
                    Err(e) => {
                        drop(take_cell(&c.source));
                        return Err(e);
                    }
                };
                match vm.get_iter(&iterable) {
                    Ok(a) => {
                        set_cell(&c.active, Some(a.clone()));
                        a
                    }
                    Err(e) => {
                        drop(take_cell(&c.source));
                        return Err(e);
                    }
                }
            }
        };
        if let Some(v) = vm.next(&active)? {
            return Ok(Some(v));
        }
        drop(take_cell(&c.active));
    }
}
next_method!(chain_next_m, Chain, "itertools.chain", chain_next);

// ---- compress ----

pub struct Compress {
    data: Value,
    selectors: Value,
}

native_data!(Compress, visit(s, v) {
    v(&s.data);
    v(&s.selectors);
}, clear(_c) {});

fn compress_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.compress")?;
    let p = bind_args(
        vm,
        "compress",
        &args[1..],
        kwnames,
        &["data", "selectors"],
        2,
        2,
    )?;
    let data = vm.get_iter(p[0].as_ref().unwrap_or(&Value::None))?;
    let selectors = vm.get_iter(p[1].as_ref().unwrap_or(&Value::None))?;
    Ok(new_native(cls, Compress { data, selectors }))
}

fn compress_next(vm: &Vm, _this: &Value, c: &Compress) -> PyResult<Option<Value>> {
    loop {
        let Some(datum) = vm.next(&c.data)? else {
            return Ok(None);
        };
        let Some(sel) = vm.next(&c.selectors)? else {
            return Ok(None);
        };
        if vm.truthy(&sel)? {
            return Ok(Some(datum));
        }
    }
}
next_method!(
    compress_next_m,
    Compress,
    "itertools.compress",
    compress_next
);

// ---- dropwhile, takewhile, filterfalse, starmap ----

/// A function applied to the items of an iterator, with a flag (dropwhile: done dropping;
/// takewhile: stopped).
pub struct FuncIter {
    func: Value,
    it: Value,
    flag: Cell<bool>,
}

native_data!(FuncIter, visit(s, v) {
    v(&s.func);
    v(&s.it);
}, clear(_c) {});

fn func_iter_new(
    vm: &Vm,
    args: &[Value],
    kwnames: &[Value],
    key: &'static str,
    name: &str,
) -> PyResult<Value> {
    let cls = new_class(vm, args, key)?;
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    check_count(vm, name, &args[1..], kwnames, 2, 2)?;
    let it = vm.get_iter(&args[2])?;
    Ok(new_native(
        cls,
        FuncIter {
            func: args[1].clone(),
            it,
            flag: Cell::new(false),
        },
    ))
}

fn dropwhile_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    func_iter_new(vm, args, kwnames, "itertools.dropwhile", "dropwhile")
}

fn takewhile_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    func_iter_new(vm, args, kwnames, "itertools.takewhile", "takewhile")
}

fn filterfalse_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    func_iter_new(vm, args, kwnames, "itertools.filterfalse", "filterfalse")
}

fn starmap_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    func_iter_new(vm, args, kwnames, "itertools.starmap", "starmap")
}

fn dropwhile_next(vm: &Vm, _this: &Value, d: &FuncIter) -> PyResult<Option<Value>> {
    loop {
        let Some(item) = vm.next(&d.it)? else {
            return Ok(None);
        };
        if d.flag.get() {
            return Ok(Some(item));
        }
        let r = vm.call(&d.func, std::slice::from_ref(&item))?;
        if !vm.truthy(&r)? {
            d.flag.set(true);
            return Ok(Some(item));
        }
    }
}
next_method!(
    dropwhile_next_m,
    FuncIter,
    "itertools.dropwhile",
    dropwhile_next
);

fn takewhile_next(vm: &Vm, _this: &Value, t: &FuncIter) -> PyResult<Option<Value>> {
    if t.flag.get() {
        return Ok(None);
    }
    let Some(item) = vm.next(&t.it)? else {
        return Ok(None);
    };
    let r = vm.call(&t.func, std::slice::from_ref(&item))?;
    if vm.truthy(&r)? {
        return Ok(Some(item));
    }
    t.flag.set(true);
    Ok(None)
}
next_method!(
    takewhile_next_m,
    FuncIter,
    "itertools.takewhile",
    takewhile_next
);

fn filterfalse_next(vm: &Vm, _this: &Value, f: &FuncIter) -> PyResult<Option<Value>> {
    loop {
        let Some(item) = vm.next(&f.it)? else {
            return Ok(None);
        };
        let ok = if f.func.is_none() || f.func.is(&Value::Obj(vm.types.bool_.clone())) {
            vm.truthy(&item)?
        } else {
            let r = vm.call(&f.func, std::slice::from_ref(&item))?;
            vm.truthy(&r)?
        };
        if !ok {
            return Ok(Some(item));
        }
    }
}
next_method!(
    filterfalse_next_m,
    FuncIter,
    "itertools.filterfalse",
    filterfalse_next
);

fn starmap_next(vm: &Vm, _this: &Value, s: &FuncIter) -> PyResult<Option<Value>> {
    let Some(item) = vm.next(&s.it)? else {
        return Ok(None);
    };
    let a = as_tuple(vm, &item)?;
    vm.call(&s.func, &a).map(Some)
}
next_method!(starmap_next_m, FuncIter, "itertools.starmap", starmap_next);

// ---- groupby ----

pub struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: RefCell<Option<Value>>,
    currkey: RefCell<Option<Value>>,
    currvalue: RefCell<Option<Value>>,
    /// Bumped whenever the groupby advances; only the grouper made at the current
    /// generation yields items.
    generation: Cell<u64>,
}

native_data!(GroupBy, visit(s, v) {
    v(&s.it);
    v(&s.keyfunc);
    visit_opt(&s.tgtkey, v);
    visit_opt(&s.currkey, v);
    visit_opt(&s.currvalue, v);
}, clear(c) {
    drop(try_take(&c.tgtkey));
    drop(try_take(&c.currkey));
    drop(try_take(&c.currvalue));
});

pub struct Grouper {
    parent: Value,
    tgtkey: Value,
    generation: u64,
}

native_data!(Grouper, visit(s, v) {
    v(&s.parent);
    v(&s.tgtkey);
}, clear(_c) {});

fn groupby_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.groupby")?;
    let p = bind_args(
        vm,
        "groupby",
        &args[1..],
        kwnames,
        &["iterable", "key"],
        2,
        1,
    )?;
    let it = vm.get_iter(p[0].as_ref().unwrap_or(&Value::None))?;
    Ok(new_native(
        cls,
        GroupBy {
            it,
            keyfunc: p[1].clone().unwrap_or(Value::None),
            tgtkey: RefCell::new(None),
            currkey: RefCell::new(None),
            currvalue: RefCell::new(None),
            generation: Cell::new(0),
        },
    ))
}

/// Reads the next value and its key; false at the end.
fn groupby_step(vm: &Vm, g: &GroupBy) -> PyResult<bool> {
    let Some(v) = vm.next(&g.it)? else {
        return Ok(false);
    };
    let key = if g.keyfunc.is_none() {
        v.clone()
    } else {
        vm.call(&g.keyfunc, std::slice::from_ref(&v))?
    };
    set_cell(&g.currvalue, Some(v));
    set_cell(&g.currkey, Some(key));
    Ok(true)
}

fn groupby_next(vm: &Vm, this: &Value, g: &GroupBy) -> PyResult<Option<Value>> {
    g.generation.set(g.generation.get() + 1);
    loop {
        let currkey = g.currkey.borrow().clone();
        if let Some(ck) = currkey {
            let tgt = g.tgtkey.borrow().clone();
            match tgt {
                None => break,
                Some(tk) => {
                    if !vm.eq_identity_first(&tk, &ck)? {
                        break;
                    }
                }
            }
        }
        if !groupby_step(vm, g)? {
            return Ok(None);
        }
    }
    let key = g.currkey.borrow().clone().unwrap_or(Value::None);
    set_cell(&g.tgtkey, Some(key.clone()));
    let grouper = new_native(
        vm.types.other("itertools._grouper"),
        Grouper {
            parent: this.clone(),
            tgtkey: key.clone(),
            generation: g.generation.get(),
        },
    );
    Ok(Some(vm.new_tuple(vec![key, grouper])))
}
next_method!(groupby_next_m, GroupBy, "itertools.groupby", groupby_next);

fn grouper_next(vm: &Vm, _this: &Value, gr: &Grouper) -> PyResult<Option<Value>> {
    let g = native::<GroupBy>(vm, &gr.parent, "itertools.groupby")?;
    if g.generation.get() != gr.generation {
        return Ok(None);
    }
    if g.currvalue.borrow().is_none() && !groupby_step(vm, g)? {
        return Ok(None);
    }
    let ck = g.currkey.borrow().clone().unwrap_or(Value::None);
    if !vm.eq_identity_first(&gr.tgtkey, &ck)? {
        return Ok(None);
    }
    let r = take_cell(&g.currvalue);
    drop(take_cell(&g.currkey));
    Ok(r)
}
next_method!(grouper_next_m, Grouper, "itertools._grouper", grouper_next);

// ---- islice ----

pub struct ISlice {
    it: RefCell<Option<Value>>,
    next: Cell<i64>,
    /// -1 for no stop.
    stop: i64,
    step: i64,
    cnt: Cell<i64>,
}

native_data!(ISlice, visit(s, v) {
    visit_opt(&s.it, v);
}, clear(c) {
    drop(try_take(&c.it));
});

/// `PyNumber_AsSsize_t`, with any failure turned into `None`.
fn ssize_or_none(vm: &Vm, v: &Value) -> Option<i64> {
    match vm.index_value(v) {
        Ok(Value::Int(i)) => Some(i),
        _ => None,
    }
}

fn islice_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.islice")?;
    if !kwnames.is_empty() {
        return Err(vm.type_error("islice() takes no keyword arguments"));
    }
    let a = &args[1..];
    check_count(vm, "islice", a, kwnames, 2, 4)?;
    let stop_err = || {
        vm.value_error(
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )
    };
    let mut start = 0i64;
    let mut stop = -1i64;
    let mut step = 1i64;
    if a.len() == 2 {
        if !a[1].is_none() {
            stop = ssize_or_none(vm, &a[1]).unwrap_or(-1);
            if stop == -1 {
                return Err(stop_err());
            }
        }
    } else {
        if !a[1].is_none() {
            start = ssize_or_none(vm, &a[1]).unwrap_or(-1);
        }
        if !a[2].is_none() {
            stop = ssize_or_none(vm, &a[2]).unwrap_or(-1);
            if stop == -1 {
                return Err(stop_err());
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if let Some(s) = a.get(3)
        && !s.is_none()
    {
        step = ssize_or_none(vm, s).unwrap_or(-1);
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.get_iter(&a[0])?;
    Ok(new_native(
        cls,
        ISlice {
            it: RefCell::new(Some(it)),
            next: Cell::new(start),
            stop,
            step,
            cnt: Cell::new(0),
        },
    ))
}

fn islice_next(vm: &Vm, _this: &Value, s: &ISlice) -> PyResult<Option<Value>> {
    let Some(it) = s.it.borrow().clone() else {
        return Ok(None);
    };
    let finish = |r: PyResult<Option<Value>>| -> PyResult<Option<Value>> {
        drop(take_cell(&s.it));
        r
    };
    while s.cnt.get() < s.next.get() {
        match vm.next(&it) {
            Ok(Some(_)) => s.cnt.set(s.cnt.get() + 1),
            Ok(None) => return finish(Ok(None)),
            Err(e) => return finish(Err(e)),
        }
    }
    if s.stop != -1 && s.cnt.get() >= s.stop {
        return finish(Ok(None));
    }
    let item = match vm.next(&it) {
        Ok(Some(v)) => v,
        other => return finish(other),
    };
    s.cnt.set(s.cnt.get() + 1);
    let old = s.next.get();
    let mut n = old.saturating_add(s.step);
    if s.stop != -1 && n > s.stop {
        n = s.stop;
    }
    s.next.set(n);
    Ok(Some(item))
}
next_method!(islice_next_m, ISlice, "itertools.islice", islice_next);

// ---- pairwise ----

pub struct Pairwise {
    it: RefCell<Option<Value>>,
    old: RefCell<Option<Value>>,
}

native_data!(Pairwise, visit(s, v) {
    visit_opt(&s.it, v);
    visit_opt(&s.old, v);
}, clear(c) {
    drop(try_take(&c.it));
    drop(try_take(&c.old));
});

fn pairwise_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.pairwise")?;
    if !kwnames.is_empty() {
        return Err(vm.type_error("pairwise() takes no keyword arguments"));
    }
    check_positional(vm, "pairwise", args.len() - 1, 1, 1)?;
    let it = vm.get_iter(&args[1])?;
    Ok(new_native(
        cls,
        Pairwise {
            it: RefCell::new(Some(it)),
            old: RefCell::new(None),
        },
    ))
}

fn pairwise_next(vm: &Vm, _this: &Value, p: &Pairwise) -> PyResult<Option<Value>> {
    let Some(it) = p.it.borrow().clone() else {
        return Ok(None);
    };
    let old = p.old.borrow().clone();
    let old = match old {
        Some(o) => o,
        None => match vm.next(&it)? {
            Some(o) => {
                set_cell(&p.old, Some(o.clone()));
                o
            }
            None => {
                drop(take_cell(&p.it));
                return Ok(None);
            }
        },
    };
    let Some(new) = vm.next(&it)? else {
        drop(take_cell(&p.it));
        drop(take_cell(&p.old));
        return Ok(None);
    };
    set_cell(&p.old, Some(new.clone()));
    Ok(Some(vm.new_tuple(vec![old, new])))
}
next_method!(
    pairwise_next_m,
    Pairwise,
    "itertools.pairwise",
    pairwise_next
);

// ---- tee ----

/// Items per link of the buffer shared by the iterators of one `tee()`.
const TEE_LINK: usize = 57;

/// One link of a tee buffer: up to `TEE_LINK` items read from the source, then the next link.
struct TeeLink {
    values: RefCell<Vec<Value>>,
    next: RefCell<Option<Rc<TeeLink>>>,
}

impl TeeLink {
    fn new() -> Rc<TeeLink> {
        Rc::new(TeeLink {
            values: RefCell::new(Vec::new()),
            next: RefCell::new(None),
        })
    }
}

impl Drop for TeeLink {
    /// Unlinks a long chain iteratively (a recursive drop could exhaust the Rust stack).
    fn drop(&mut self) {
        let mut next = self.next.get_mut().take();
        while let Some(link) = next {
            match Rc::try_unwrap(link) {
                Ok(mut l) => next = l.next.get_mut().take(),
                Err(_) => break,
            }
        }
    }
}

/// The source iterator of a tee, shared by its iterators.
struct TeeSource {
    it: Value,
    running: Cell<bool>,
}

pub struct Tee {
    source: Rc<TeeSource>,
    pos: RefCell<(Rc<TeeLink>, usize)>,
}

native_data!(Tee, visit(_s, _v) {}, clear(_c) {});

fn tee_from_iterator(vm: &Vm, it: Value) -> Value {
    new_native(
        vm.types.other("itertools._tee"),
        Tee {
            source: Rc::new(TeeSource {
                it,
                running: Cell::new(false),
            }),
            pos: RefCell::new((TeeLink::new(), 0)),
        },
    )
}

fn tee_copy_of(vm: &Vm, t: &Tee) -> Value {
    let (link, i) = t.pos.borrow().clone();
    new_native(
        vm.types.other("itertools._tee"),
        Tee {
            source: t.source.clone(),
            pos: RefCell::new((link, i)),
        },
    )
}

fn tee_next(vm: &Vm, _this: &Value, t: &Tee) -> PyResult<Option<Value>> {
    let (mut link, mut i) = t.pos.borrow().clone();
    if i >= TEE_LINK {
        let next = link.next.borrow().clone();
        let next = match next {
            Some(n) => n,
            None => {
                let n = TeeLink::new();
                *link.next.borrow_mut() = Some(n.clone());
                n
            }
        };
        link = next;
        i = 0;
        set_cell(&t.pos, (link.clone(), 0));
    }
    let have = link.values.borrow().get(i).cloned();
    let v = match have {
        Some(v) => v,
        None => {
            if t.source.running.get() {
                return Err(vm.runtime_error("cannot re-enter the tee iterator"));
            }
            t.source.running.set(true);
            let r = vm.next(&t.source.it);
            t.source.running.set(false);
            let Some(v) = r? else {
                return Ok(None);
            };
            let mut values = link.values.borrow_mut();
            if values.len() != i {
                drop(values);
                return Err(vm.runtime_error("cannot re-enter the tee iterator"));
            }
            values.push(v.clone());
            v
        }
    };
    set_cell(&t.pos, (link, i + 1));
    Ok(Some(v))
}
next_method!(tee_next_m, Tee, "itertools._tee", tee_next);

fn tee_copy(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = native::<Tee>(vm, &args[0], "itertools._tee")?;
    Ok(tee_copy_of(vm, t))
}

fn tee_type_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    new_class(vm, args, "itertools._tee")?;
    if !kwnames.is_empty() {
        return Err(vm.type_error("_tee() takes no keyword arguments"));
    }
    check_positional(vm, "_tee", args.len() - 1, 1, 1)?;
    let it = vm.get_iter(&args[1])?;
    if let Some(t) = it.as_obj().and_then(|o| o.downcast_native::<Tee>()) {
        return Ok(tee_copy_of(vm, t));
    }
    Ok(tee_from_iterator(vm, it))
}

fn tee(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("itertools.tee() takes no keyword arguments"));
    }
    check_count(vm, "tee", args, kwnames, 1, 2)?;
    let n = match args.get(1) {
        Some(n) => vm.index_i64(n)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    let it = vm.get_iter(&args[0])?;
    if n == 0 {
        return Ok(vm.new_tuple(vec![]));
    }
    let copier = vm.getattr_opt(&it, "__copy__")?;
    let (first, copier) = match copier {
        Some(c) => (it, c),
        None => {
            let t = tee_from_iterator(vm, it);
            let c = vm.getattr_str(&t, "__copy__")?;
            (t, c)
        }
    };
    let mut out = vec![first];
    for _ in 1..n {
        out.push(vm.call(&copier, &[])?);
    }
    Ok(vm.new_tuple(out))
}

// ---- zip_longest ----

pub struct ZipLongest {
    its: RefCell<Vec<Option<Value>>>,
    active: Cell<usize>,
    fill: Value,
}

native_data!(ZipLongest, visit(s, v) {
    if let Ok(its) = s.its.try_borrow() {
        its.iter().flatten().for_each(&mut *v);
    }
    v(&s.fill);
}, clear(c) {
    drop(try_take(&c.its));
});

fn zip_longest_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.zip_longest")?;
    let npos = args.len() - kwnames.len();
    let mut fill = Value::None;
    if !kwnames.is_empty() {
        if kwnames.len() != 1 || crate::str::as_str(&kwnames[0]) != Some("fillvalue") {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = args[npos].clone();
    }
    let mut its = Vec::with_capacity(npos - 1);
    for a in &args[1..npos] {
        its.push(Some(vm.get_iter(a)?));
    }
    let n = its.len();
    Ok(new_native(
        cls,
        ZipLongest {
            its: RefCell::new(its),
            active: Cell::new(n),
            fill,
        },
    ))
}

fn zip_longest_next(vm: &Vm, _this: &Value, z: &ZipLongest) -> PyResult<Option<Value>> {
    let n = z.its.borrow().len();
    if n == 0 || z.active.get() == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let it = z.its.borrow().get(i).cloned().flatten();
        let item = match it {
            None => z.fill.clone(),
            Some(it) => match vm.next(&it) {
                Ok(Some(v)) => v,
                Ok(None) => {
                    let left = z.active.get() - 1;
                    z.active.set(left);
                    if left == 0 {
                        return Ok(None);
                    }
                    let old = z.its.borrow_mut().get_mut(i).and_then(|s| s.take());
                    drop(old);
                    z.fill.clone()
                }
                Err(e) => {
                    z.active.set(0);
                    return Err(e);
                }
            },
        };
        out.push(item);
    }
    Ok(Some(vm.new_tuple(out)))
}
next_method!(
    zip_longest_next_m,
    ZipLongest,
    "itertools.zip_longest",
    zip_longest_next
);

// ---- combinatorics ----

/// The shared state of product, permutations, combinations and
/// combinations_with_replacement: the pools, index vector(s), and the last result.
pub struct Combinatoric {
    pools: Vec<Vec<Value>>,
    indices: RefCell<Vec<usize>>,
    cycles: RefCell<Vec<usize>>,
    r: usize,
    started: Cell<bool>,
    stopped: Cell<bool>,
}

native_data!(Combinatoric, visit(s, v) {
    for p in &s.pools {
        p.iter().for_each(&mut *v);
    }
}, clear(_c) {});

fn combinatoric(
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    r: usize,
    stopped: bool,
) -> Combinatoric {
    Combinatoric {
        pools,
        indices: RefCell::new(indices),
        cycles: RefCell::new(Vec::new()),
        r,
        started: Cell::new(false),
        stopped: Cell::new(stopped),
    }
}

fn product_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.product")?;
    let npos = args.len() - kwnames.len();
    let mut repeat = 1i64;
    if !kwnames.is_empty() {
        let p = bind_args(vm, "product", &args[npos..], kwnames, &["repeat"], 0, 0)?;
        if let Some(r) = &p[0] {
            repeat = vm.index_i64(r)?;
        }
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
    }
    let mut base = Vec::with_capacity(npos - 1);
    for a in &args[1..npos] {
        base.push(as_tuple(vm, a)?);
    }
    if !base.is_empty() && (repeat as u128) * (base.len() as u128) > (isize::MAX as u128) / 8 {
        return Err(vm.overflow_error("repeat argument too large"));
    }
    let mut pools = Vec::new();
    if !base.is_empty() {
        for _ in 0..repeat {
            pools.extend(base.iter().cloned());
        }
    }
    let n = pools.len();
    Ok(new_native(cls, combinatoric(pools, vec![0; n], n, false)))
}

fn product_next(vm: &Vm, _this: &Value, p: &Combinatoric) -> PyResult<Option<Value>> {
    if p.stopped.get() {
        return Ok(None);
    }
    let mut idx = p.indices.borrow_mut();
    if !p.started.get() {
        p.started.set(true);
        if p.pools.iter().any(|pool| pool.is_empty()) {
            p.stopped.set(true);
            return Ok(None);
        }
    } else {
        let mut i = p.pools.len();
        loop {
            if i == 0 {
                p.stopped.set(true);
                return Ok(None);
            }
            i -= 1;
            idx[i] += 1;
            if idx[i] == p.pools[i].len() {
                idx[i] = 0;
            } else {
                break;
            }
        }
    }
    let items = idx
        .iter()
        .zip(&p.pools)
        .map(|(&j, pool)| pool[j].clone())
        .collect();
    drop(idx);
    Ok(Some(vm.new_tuple(items)))
}
next_method!(
    product_next_m,
    Combinatoric,
    "itertools.product",
    product_next
);

/// The `r` of combinations and combinations_with_replacement (an `n` argument).
fn r_arg(vm: &Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<(Vec<Value>, i64)> {
    let p = bind_args(vm, name, args, kwnames, &["iterable", "r"], 2, 2)?;
    let r = vm.index_i64(p[1].as_ref().unwrap_or(&Value::None))?;
    let pool = as_tuple(vm, p[0].as_ref().unwrap_or(&Value::None))?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok((pool, r))
}

fn combinations_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.combinations")?;
    let (pool, r) = r_arg(vm, "combinations", &args[1..], kwnames)?;
    let r = r as usize;
    let stopped = r > pool.len();
    let indices = if stopped {
        Vec::new()
    } else {
        (0..r).collect()
    };
    Ok(new_native(
        cls,
        combinatoric(vec![pool], indices, r, stopped),
    ))
}

fn combinations_next(vm: &Vm, _this: &Value, c: &Combinatoric) -> PyResult<Option<Value>> {
    if c.stopped.get() {
        return Ok(None);
    }
    let pool = &c.pools[0];
    let (n, r) = (pool.len(), c.r);
    let mut idx = c.indices.borrow_mut();
    if !c.started.get() {
        c.started.set(true);
    } else {
        let mut i = r;
        loop {
            if i == 0 {
                c.stopped.set(true);
                return Ok(None);
            }
            i -= 1;
            if idx[i] != i + n - r {
                break;
            }
        }
        idx[i] += 1;
        for j in i + 1..r {
            idx[j] = idx[j - 1] + 1;
        }
    }
    let items = idx.iter().map(|&j| pool[j].clone()).collect();
    drop(idx);
    Ok(Some(vm.new_tuple(items)))
}
next_method!(
    combinations_next_m,
    Combinatoric,
    "itertools.combinations",
    combinations_next
);

fn cwr_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.combinations_with_replacement")?;
    let (pool, r) = r_arg(vm, "combinations_with_replacement", &args[1..], kwnames)?;
    let r = r as usize;
    let stopped = pool.is_empty() && r > 0;
    let mut indices = Vec::new();
    if !stopped {
        if indices.try_reserve_exact(r).is_err() {
            return Err(vm.new_exception(&vm.types.exceptions.memory_error, vec![]));
        }
        indices.resize(r, 0);
    }
    Ok(new_native(
        cls,
        combinatoric(vec![pool], indices, r, stopped),
    ))
}

fn cwr_next(vm: &Vm, _this: &Value, c: &Combinatoric) -> PyResult<Option<Value>> {
    if c.stopped.get() {
        return Ok(None);
    }
    let pool = &c.pools[0];
    let (n, r) = (pool.len(), c.r);
    let mut idx = c.indices.borrow_mut();
    if !c.started.get() {
        c.started.set(true);
    } else {
        let mut i = r;
        loop {
            if i == 0 {
                c.stopped.set(true);
                return Ok(None);
            }
            i -= 1;
            if idx[i] != n - 1 {
                break;
            }
        }
        let v = idx[i] + 1;
        for j in idx.iter_mut().skip(i) {
            *j = v;
        }
    }
    let items = idx.iter().map(|&j| pool[j].clone()).collect();
    drop(idx);
    Ok(Some(vm.new_tuple(items)))
}
next_method!(
    cwr_next_m,
    Combinatoric,
    "itertools.combinations_with_replacement",
    cwr_next
);

fn permutations_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, "itertools.permutations")?;
    let p = bind_args(
        vm,
        "permutations",
        &args[1..],
        kwnames,
        &["iterable", "r"],
        2,
        1,
    )?;
    let pool = as_tuple(vm, p[0].as_ref().unwrap_or(&Value::None))?;
    let n = pool.len();
    let r = match &p[1] {
        Some(r) if !r.is_none() => {
            if !is_int(r) {
                return Err(vm.type_error("Expected int as r"));
            }
            let r = vm.index_i64(r)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative"));
            }
            r as usize
        }
        _ => n,
    };
    let c = combinatoric(vec![pool], (0..n).collect(), r, r > n);
    if r <= n {
        *c.cycles.borrow_mut() = (0..r).map(|i| n - i).collect();
    }
    Ok(new_native(cls, c))
}

fn permutations_next(vm: &Vm, _this: &Value, c: &Combinatoric) -> PyResult<Option<Value>> {
    if c.stopped.get() {
        return Ok(None);
    }
    let pool = &c.pools[0];
    let (n, r) = (pool.len(), c.r);
    let mut idx = c.indices.borrow_mut();
    let mut cycles = c.cycles.borrow_mut();
    if !c.started.get() {
        c.started.set(true);
    } else {
        if n == 0 {
            c.stopped.set(true);
            return Ok(None);
        }
        let mut i = r;
        loop {
            if i == 0 {
                c.stopped.set(true);
                return Ok(None);
            }
            i -= 1;
            cycles[i] -= 1;
            if cycles[i] == 0 {
                let first = idx[i];
                idx.copy_within(i + 1..n, i);
                idx[n - 1] = first;
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                idx.swap(i, n - j);
                break;
            }
        }
    }
    let items = idx[..r].iter().map(|&j| pool[j].clone()).collect();
    drop(idx);
    drop(cycles);
    Ok(Some(vm.new_tuple(items)))
}
next_method!(
    permutations_next_m,
    Combinatoric,
    "itertools.permutations",
    permutations_next
);

// ---- the module ----

fn init_types(vm: &Vm) {
    if vm.types.others.borrow().contains_key("itertools.count") {
        return;
    }
    let t = iter_type(vm, "itertools.count", Some(count_new), count_next_m, true);
    vm.add_methods(&t, &[("__repr__", count_repr)]);
    iter_type(vm, "itertools.cycle", Some(cycle_new), cycle_next_m, true);
    let t = iter_type(
        vm,
        "itertools.repeat",
        Some(repeat_new),
        repeat_next_m,
        true,
    );
    vm.add_methods(
        &t,
        &[
            ("__repr__", repeat_repr),
            ("__length_hint__", repeat_length_hint),
        ],
    );
    iter_type(
        vm,
        "itertools.accumulate",
        Some(accumulate_new),
        accumulate_next_m,
        true,
    );
    let t = iter_type(vm, "itertools.chain", Some(chain_new), chain_next_m, true);
    vm.add_methods_kind(
        &t,
        &[
            ("from_iterable", chain_from_iterable),
            ("__class_getitem__", crate::builtins::misc::generic_alias),
        ],
        MethodKind::Class,
    );
    iter_type(
        vm,
        "itertools.compress",
        Some(compress_new),
        compress_next_m,
        true,
    );
    iter_type(
        vm,
        "itertools.dropwhile",
        Some(dropwhile_new),
        dropwhile_next_m,
        true,
    );
    iter_type(
        vm,
        "itertools.takewhile",
        Some(takewhile_new),
        takewhile_next_m,
        true,
    );
    iter_type(
        vm,
        "itertools.filterfalse",
        Some(filterfalse_new),
        filterfalse_next_m,
        true,
    );
    iter_type(
        vm,
        "itertools.starmap",
        Some(starmap_new),
        starmap_next_m,
        true,
    );
    iter_type(
        vm,
        "itertools.groupby",
        Some(groupby_new),
        groupby_next_m,
        true,
    );
    iter_type(vm, "itertools._grouper", None, grouper_next_m, false);
    iter_type(
        vm,
        "itertools.islice",
        Some(islice_new),
        islice_next_m,
        true,
    );
    iter_type(
        vm,
        "itertools.pairwise",
        Some(pairwise_new),
        pairwise_next_m,
        true,
    );
    let t = iter_type(vm, "itertools._tee", Some(tee_type_new), tee_next_m, false);
    vm.add_methods(&t, &[("__copy__", tee_copy)]);
    iter_type(
        vm,
        "itertools.zip_longest",
        Some(zip_longest_new),
        zip_longest_next_m,
        true,
    );
    iter_type(
        vm,
        "itertools.product",
        Some(product_new),
        product_next_m,
        true,
    );
    iter_type(
        vm,
        "itertools.permutations",
        Some(permutations_new),
        permutations_next_m,
        true,
    );
    iter_type(
        vm,
        "itertools.combinations",
        Some(combinations_new),
        combinations_next_m,
        true,
    );
    iter_type(
        vm,
        "itertools.combinations_with_replacement",
        Some(cwr_new),
        cwr_next_m,
        true,
    );
}

/// Makes the `itertools` module.
pub fn module(vm: &Vm) -> Value {
    init_types(vm);
    let m = vm.new_module("itertools");
    let d = vm.module_dict(&m);
    let _ = vm.dict_set_str(&d, vm.intern("tee"), vm.new_builtin_function("tee", tee));
    for key in [
        "itertools.count",
        "itertools.cycle",
        "itertools.repeat",
        "itertools.accumulate",
        "itertools.chain",
        "itertools.compress",
        "itertools.dropwhile",
        "itertools.takewhile",
        "itertools.filterfalse",
        "itertools.starmap",
        "itertools.groupby",
        "itertools._grouper",
        "itertools.islice",
        "itertools.pairwise",
        "itertools._tee",
        "itertools.zip_longest",
        "itertools.product",
        "itertools.permutations",
        "itertools.combinations",
        "itertools.combinations_with_replacement",
    ] {
        let name = &key["itertools.".len()..];
        let _ = vm.dict_set_str(&d, vm.intern(name), Value::Obj(vm.types.other(key)));
    }
    Value::Obj(m)
}
