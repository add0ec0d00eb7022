//! Small built-in types: NoneType, NotImplementedType, ellipsis, slice, range, mappingproxy,
//! member descriptors, `types.GenericAlias` and `X | Y` unions; the subclass registry.
//! Counterpart: Objects/object.c (None, NotImplemented), Objects/sliceobject.c,
//! Objects/rangeobject.c, Objects/descrobject.c, Objects/genericaliasobject.c,
//! Objects/unionobject.c (3.11).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::function::{MethodKind, check_count};
use crate::object::{NativeData, Payload, PyObject, RangeData};
use crate::types::type_data;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

pub use crate::builtins::bytes::{decode_bytes, encode_str, new_bytes};
pub use crate::builtins::complex::complex_pow;

// ---- subclass registry ----

/// Records `sub` as a subclass of `base` (for `__subclasses__`, and so that a change to
/// `base` reaches `sub`'s caches).
pub fn register_subclass(base: &PyRef, sub: &PyRef) {
    if let Some(td) = base.as_type() {
        let mut subs = td.subclasses.borrow_mut();
        subs.retain(|w| w.strong_count() > 0);
        subs.push(Rc::downgrade(sub));
    }
}

pub fn subclasses_of(base: &PyRef) -> Vec<PyRef> {
    match base.as_type() {
        Some(td) => td
            .subclasses
            .borrow()
            .iter()
            .filter_map(|w| w.upgrade())
            .collect(),
        None => Vec::new(),
    }
}

// ---- slices ----

/// `slice.indices(len)`: (start, stop, step, count) with CPython's clamping.
pub fn slice_indices(vm: &Vm, slice: &Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let Some(Payload::Slice(start, stop, step)) = slice.payload() else {
        return Err(vm.type_error("expected a slice"));
    };
    let step = if step.is_none() {
        1
    } else {
        let s = vm.index_clamped(step).map_err(|_| {
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        })?;
        if s == 0 {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        s.max(-i64::MAX)
    };
    let n = len as i64;
    let get = |v: &Value, default: i64, lo: i64, hi: i64| -> PyResult<i64> {
        if v.is_none() {
            return Ok(default);
        }
        let i = vm.index_clamped(v).map_err(|_| {
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        })?;
        Ok(if i < 0 {
            (i.saturating_add(n)).max(lo)
        } else {
            i.min(hi)
        })
    };
    let (start, stop) = if step > 0 {
        (get(start, 0, 0, n)?, get(stop, n, 0, n)?)
    } else {
        (get(start, n - 1, -1, n - 1)?, get(stop, -1, -1, n - 1)?)
    };
    let count = if step > 0 {
        if stop > start {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

fn slice_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "slice", &args[1..], kw, 1, 3)?;
    let a = &args[1..];
    Ok(match a.len() {
        1 => vm.new_slice(Value::None, a[0].clone(), Value::None),
        2 => vm.new_slice(a[0].clone(), a[1].clone(), Value::None),
        _ => vm.new_slice(a[0].clone(), a[1].clone(), a[2].clone()),
    })
}

fn slice_parts(v: &Value) -> (Value, Value, Value) {
    match v.payload() {
        Some(Payload::Slice(a, b, c)) => (a.clone(), b.clone(), c.clone()),
        _ => (Value::None, Value::None, Value::None),
    }
}

fn slice_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = slice_parts(&args[0]);
    Ok(vm.new_string(format!(
        "slice({}, {}, {})",
        vm.repr(&a)?,
        vm.repr(&b)?,
        vm.repr(&c)?
    )))
}

fn slice_indices_m(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "indices", &args[1..], kw, 1, 1)?;
    let n = vm.index_i64(&args[1])?;
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step, _) = slice_indices(vm, &args[0], n as usize)?;
    Ok(vm.new_tuple(vec![Value::Int(start), Value::Int(stop), Value::Int(step)]))
}

fn slice_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::Slice(..)) = args[1].payload() else {
        return Ok(vm.not_implemented());
    };
    let (a, b, c) = slice_parts(&args[0]);
    let (x, y, z) = slice_parts(&args[1]);
    let t1 = vm.new_tuple(vec![a, b, c]);
    let t2 = vm.new_tuple(vec![x, y, z]);
    Ok(Value::bool(vm.eq(&t1, &t2)?))
}

fn slice_start(_vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(slice_parts(v).0)
}
fn slice_stop(_vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(slice_parts(v).1)
}
fn slice_step(_vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(slice_parts(v).2)
}

// ---- range ----

fn int_arg(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    let i = vm.index_value(v)?;
    crate::builtins::int::as_bigint(&i).ok_or_else(|| vm.type_error("range() integer required"))
}

fn range_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        1 => (Value::Int(0), vm.index_value(&a[0])?, Value::Int(1)),
        2 => (
            vm.index_value(&a[0])?,
            vm.index_value(&a[1])?,
            Value::Int(1),
        ),
        3 => {
            let s = vm.index_value(&a[2])?;
            if matches!(s, Value::Int(0)) {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            (vm.index_value(&a[0])?, vm.index_value(&a[1])?, s)
        }
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    Ok(Value::Obj(PyObject::new(
        vm.types.range.clone(),
        Payload::Range(RangeData { start, stop, step }),
    )))
}

fn range_data<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RangeData> {
    match v.payload() {
        Some(Payload::Range(r)) => Ok(r),
        _ => Err(vm.type_error("expected a range")),
    }
}

/// (start, stop, step, len) as big ints.
fn range_parts(vm: &Vm, r: &RangeData) -> PyResult<(BigInt, BigInt, BigInt, BigInt)> {
    let (a, b, s) = (
        int_arg(vm, &r.start)?,
        int_arg(vm, &r.stop)?,
        int_arg(vm, &r.step)?,
    );
    let len = if s.is_positive() {
        if b > a {
            (&b - &a - 1) / &s + 1
        } else {
            BigInt::zero()
        }
    } else if a > b {
        (&a - &b - 1) / (-&s) + 1
    } else {
        BigInt::zero()
    };
    Ok((a, b, s, len))
}

/// The length of a range with i64 bounds (it may exceed i64: `range(-2**63, 2**63 - 1)`).
fn range_len_small(start: i64, stop: i64, step: i64) -> i128 {
    let (a, b, s) = (start as i128, stop as i128, step as i128);
    if s > 0 && b > a {
        (b - a - 1) / s + 1
    } else if s < 0 && a > b {
        (a - b - 1) / -s + 1
    } else {
        0
    }
}

fn range_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (_, _, _, len) = range_parts(vm, range_data(vm, &args[0])?)?;
    match len.to_i64() {
        Some(n) => Ok(Value::Int(n)),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = range_data(vm, &args[0])?;
    let step_one = matches!(r.step, Value::Int(1));
    Ok(vm.new_string(if step_one {
        format!("range({}, {})", vm.repr(&r.start)?, vm.repr(&r.stop)?)
    } else {
        format!(
            "range({}, {}, {})",
            vm.repr(&r.start)?,
            vm.repr(&r.stop)?,
            vm.repr(&r.step)?
        )
    }))
}

fn range_item(vm: &Vm, r: &RangeData, i: &BigInt) -> PyResult<Value> {
    let (a, _, s, len) = range_parts(vm, r)?;
    let i = if i.is_negative() { i + &len } else { i.clone() };
    if i.is_negative() || i >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(Value::from_bigint(a + s * i))
}

fn range_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = range_data(vm, &args[0])?;
    if let Some(Payload::Slice(..)) = args[1].payload() {
        let (a, _, s, len) = range_parts(vm, r)?;
        let n = len
            .to_usize()
            .ok_or_else(|| vm.overflow_error("range too large"))?;
        let (start, stop, step, _) = slice_indices(vm, &args[1], n)?;
        let new_start = &a + &s * start;
        let new_stop = &a + &s * stop;
        let new_step = &s * step;
        return Ok(Value::Obj(PyObject::new(
            vm.types.range.clone(),
            Payload::Range(RangeData {
                start: Value::from_bigint(new_start),
                stop: Value::from_bigint(new_stop),
                step: Value::from_bigint(new_step),
            }),
        )));
    }
    let i = vm.index_value(&args[1]).map_err(|_| {
        vm.type_error(format!(
            "range indices must be integers or slices, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    range_item(
        vm,
        r,
        &crate::builtins::int::as_bigint(&i).unwrap_or_default(),
    )
}

fn range_contains_impl(vm: &Vm, r: &RangeData, x: &Value) -> PyResult<bool> {
    let is_int = matches!(x, Value::Int(_) | Value::Bool(_))
        || x.as_obj().is_some_and(|o| {
            matches!(o.payload, Payload::Int(_)) && crate::types::is_builtin_exact(o)
        });
    if is_int {
        let v = crate::builtins::int::as_bigint(x).unwrap_or_default();
        let (a, b, s, _) = range_parts(vm, r)?;
        let inside = if s.is_positive() {
            v >= a && v < b
        } else {
            v <= a && v > b
        };
        return Ok(inside && ((&v - &a) % &s).is_zero());
    }
    let it = range_iter_value(vm, r)?;
    while let Some(y) = vm.next(&it)? {
        if vm.eq_identity_first(&y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(range_contains_impl(
        vm,
        range_data(vm, &args[0])?,
        &args[1],
    )?))
}

/// Iterator over a range.
pub struct RangeIter {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<i64>,
    /// For ranges beyond i64.
    pub big: Option<RefCell<(BigInt, BigInt, BigInt)>>,
}

impl NativeData for RangeIter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub(crate) fn range_iter_value(vm: &Vm, r: &RangeData) -> PyResult<Value> {
    range_iter_dir(vm, r, false)
}

fn range_iter_dir(vm: &Vm, r: &RangeData, reversed: bool) -> PyResult<Value> {
    // Machine-sized bounds (the common case) need no big-int arithmetic.
    let small = match (&r.start, &r.stop, &r.step) {
        (Value::Int(a), Value::Int(b), Value::Int(s)) => {
            let len = range_len_small(*a, *b, *s);
            let (a, s) = (*a as i128, *s as i128);
            let (first, step) = if reversed {
                (a + s * (len - 1), -s)
            } else {
                (a, s)
            };
            small_range_iter(
                i64::try_from(first).ok(),
                i64::try_from(step).ok(),
                i64::try_from(len).ok(),
            )
        }
        _ => None,
    };
    let it = match small {
        Some(it) => it,
        None => {
            let (a, _, s, len) = range_parts(vm, r)?;
            let (first, step) = if reversed {
                (&a + &s * (&len - 1), -&s)
            } else {
                (a, s)
            };
            small_range_iter(first.to_i64(), step.to_i64(), len.to_i64()).unwrap_or_else(|| {
                RangeIter {
                    next: Cell::new(0),
                    step: 0,
                    remaining: Cell::new(0),
                    big: Some(RefCell::new((first, step, len))),
                }
            })
        }
    };
    Ok(Value::Obj(PyObject::new(
        vm.types.other("range_iterator"),
        Payload::Native(Box::new(it)),
    )))
}

/// An iterator over machine ints from `first` by `step`, `len` of them, if all fit and the
/// last step cannot overflow.
fn small_range_iter(first: Option<i64>, step: Option<i64>, len: Option<i64>) -> Option<RangeIter> {
    let (f, st, n) = (first?, step?, len?);
    f.checked_add(st.saturating_mul(n))?;
    Some(RangeIter {
        next: Cell::new(f),
        step: st,
        remaining: Cell::new(n),
        big: None,
    })
}

/// `next()` on a range iterator.
pub fn range_iter_next(it: &RangeIter) -> Option<Value> {
    if let Some(b) = &it.big {
        let mut b = b.borrow_mut();
        if b.2.is_zero() {
            return None;
        }
        let v = b.0.clone();
        let step = b.1.clone();
        b.0 += step;
        b.2 -= 1;
        return Some(Value::from_bigint(v));
    }
    let n = it.remaining.get();
    if n <= 0 {
        return None;
    }
    let v = it.next.get();
    it.remaining.set(n - 1);
    it.next.set(v.wrapping_add(it.step));
    Some(Value::Int(v))
}

fn range_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    range_iter_value(vm, range_data(vm, &args[0])?)
}

fn range_reversed(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    range_iter_dir(vm, range_data(vm, &args[0])?, true)
}

fn range_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::Range(b)) = args[1].payload() else {
        return Ok(vm.not_implemented());
    };
    let a = range_data(vm, &args[0])?;
    let (a0, _, as_, al) = range_parts(vm, a)?;
    let (b0, _, bs, bl) = range_parts(vm, b)?;
    Ok(Value::bool(
        al == bl && (al.is_zero() || (a0 == b0 && (al == BigInt::from(1) || as_ == bs))),
    ))
}

fn range_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, _, s, l) = range_parts(vm, range_data(vm, &args[0])?)?;
    let t = if l.is_zero() {
        vm.new_tuple(vec![Value::Int(0), Value::None, Value::None])
    } else if l == BigInt::from(1) {
        vm.new_tuple(vec![Value::Int(1), Value::from_bigint(a), Value::None])
    } else {
        vm.new_tuple(vec![
            Value::from_bigint(l),
            Value::from_bigint(a),
            Value::from_bigint(s),
        ])
    };
    Ok(Value::Int(vm.hash(&t)?))
}

fn range_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "index", &args[1..], kw, 1, 1)?;
    let r = range_data(vm, &args[0])?;
    if range_contains_impl(vm, r, &args[1])? {
        let (a, _, s, _) = range_parts(vm, r)?;
        let v = crate::builtins::int::as_bigint(&args[1]).unwrap_or_default();
        return Ok(Value::from_bigint((v - a) / s));
    }
    Err(vm.value_error(format!("{} is not in range", vm.repr(&args[1])?)))
}

fn range_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "count", &args[1..], kw, 1, 1)?;
    Ok(Value::Int(
        range_contains_impl(vm, range_data(vm, &args[0])?, &args[1])? as i64,
    ))
}

fn range_start(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(range_data(vm, v)?.start.clone())
}
fn range_stop(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(range_data(vm, v)?.stop.clone())
}
fn range_step(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(range_data(vm, v)?.step.clone())
}

fn range_bool(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (_, _, _, l) = range_parts(vm, range_data(vm, &args[0])?)?;
    Ok(Value::bool(!l.is_zero()))
}

// ---- None, NotImplemented, Ellipsis ----

fn none_repr(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_str("None"))
}
fn none_bool(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}
fn none_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(Value::None)
}
fn notimpl_repr(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_str("NotImplemented"))
}
fn notimpl_bool(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::functions::warn(
        vm,
        &vm.types.exceptions.deprecation_warning,
        "NotImplemented should not be used in a boolean context",
    )?;
    Ok(Value::TRUE)
}
fn ellipsis_repr(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_str("Ellipsis"))
}

// ---- mappingproxy ----

pub struct MappingProxy(pub Value);

impl NativeData for MappingProxy {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }
}

pub fn new_mappingproxy(vm: &Vm, mapping: Value) -> Value {
    Value::Obj(PyObject::new(
        vm.types.other("mappingproxy"),
        Payload::Native(Box::new(MappingProxy(mapping))),
    ))
}

fn proxied(vm: &Vm, v: &Value) -> PyResult<Value> {
    v.as_obj()
        .and_then(|o| o.downcast_native::<MappingProxy>())
        .map(|m| m.0.clone())
        .ok_or_else(|| vm.type_error("expected a mappingproxy"))
}

macro_rules! proxy_methods {
    ($( $fname:ident, $method:literal; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let m = proxied(vm, &args[0])?;
                vm.call_method(&m, $method, &args[1..])
            }
        )*
    };
}

proxy_methods! {
    proxy_getitem, "__getitem__";
    proxy_contains, "__contains__";
    proxy_iter, "__iter__";
    proxy_len, "__len__";
    proxy_keys, "keys";
    proxy_values, "values";
    proxy_items, "items";
    proxy_get, "get";
    proxy_copy, "copy";
}

fn proxy_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = proxied(vm, &args[0])?;
    Ok(vm.new_string(format!("mappingproxy({})", vm.repr(&m)?)))
}

fn proxy_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "mappingproxy", &args[1..], kw, 1, 1)?;
    Ok(new_mappingproxy(vm, args[1].clone()))
}

// ---- member descriptors (__slots__) ----

pub struct Member {
    pub name: String,
    pub owner: String,
    /// The slot's place in the instance's slot array (`Payload::Slots`).
    index: usize,
    /// The key the value is kept under in the hidden store of instances without a slot
    /// array (slotted subclasses of built-in containers) (`"\0slot:NAME"`, interned).
    key: PyRef,
}

/// The number of slots an instance of `t` has: the `__slots__` names along its MRO.
pub fn slot_count(t: &PyRef) -> usize {
    let td = crate::types::type_data(t);
    td.mro
        .borrow()
        .iter()
        .map(|c| crate::types::type_data(c).slots.borrow().len())
        .sum()
}

/// The nearest class in `t`'s MRO that declares slots (its slot layout), if any.
pub fn slotted_base(t: &PyRef) -> Option<PyRef> {
    let td = crate::types::type_data(t);
    let mro = td.mro.borrow();
    mro.iter()
        .find(|c| !crate::types::type_data(c).slots.borrow().is_empty())
        .cloned()
}

impl NativeData for Member {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn new_member_descriptor(vm: &Vm, name: &str, owner: &str, index: usize) -> Value {
    Value::Obj(PyObject::new(
        vm.types.other("member_descriptor"),
        Payload::Native(Box::new(Member {
            name: name.to_string(),
            owner: owner.to_string(),
            index,
            key: vm.intern(&format!("\0slot:{name}")),
        })),
    ))
}

fn member_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Member> {
    v.as_obj()
        .and_then(|o| o.downcast_native::<Member>())
        .ok_or_else(|| vm.type_error("expected a member descriptor"))
}

/// Slot values live in a hidden per-instance dict keyed by the slot name.
fn slot_store(vm: &Vm, obj: &Value) -> PyResult<PyRef> {
    let Value::Obj(o) = obj else {
        return Err(vm.type_error("slots need an object"));
    };
    Ok(vm.instance_dict(o))
}

impl Member {
    /// `obj.NAME` through this slot.
    pub fn get(&self, vm: &Vm, obj: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = obj
            && let Payload::Slots(slots) = &o.payload
            && let Some(v) = slots.borrow().get(self.index)
        {
            return match v {
                Value::Null => Err(self.unset(vm, obj)),
                v => Ok(v.clone()),
            };
        }
        let store = slot_store(vm, obj)?;
        match &store.payload {
            Payload::Dict(d) => {
                let d = d.borrow();
                d.index_of_name(&self.key)
                    .and_then(|ix| d.value_at(ix))
                    .cloned()
            }
            _ => None,
        }
        .ok_or_else(|| self.unset(vm, obj))
    }

    /// The AttributeError for reading this slot while it is unset.
    fn unset(&self, vm: &Vm, obj: &Value) -> crate::vm::PyErr {
        vm.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            vm.tp_name(obj),
            self.name
        ))
    }

    /// `obj.NAME = value`, or `del obj.NAME` when `value` is `None`.
    pub fn set(&self, vm: &Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
        if let Value::Obj(o) = obj
            && let Payload::Slots(slots) = &o.payload
            && self.index < slots.borrow().len()
        {
            let old = {
                let mut slots = slots.borrow_mut();
                let slot = &mut slots[self.index];
                if value.is_none() && slot.is_null() {
                    None
                } else {
                    Some(std::mem::replace(slot, value.unwrap_or(Value::Null)))
                }
            };
            // The old value is dropped after the borrow ends (its `__del__` may run).
            return match old {
                Some(old) => {
                    drop(old);
                    Ok(())
                }
                None => Err(vm.attribute_error(self.name.clone())),
            };
        }
        let store = slot_store(vm, obj)?;
        let Payload::Dict(d) = &store.payload else {
            return Ok(());
        };
        match value {
            Some(v) => {
                let old = d.borrow_mut().set_str(self.key.clone(), v);
                drop(old);
                Ok(())
            }
            None => {
                let removed = match &self.key.payload {
                    Payload::Str(key) => d.borrow_mut().remove_str(key.as_str()),
                    _ => None,
                };
                match removed {
                    Some(old) => {
                        drop(old);
                        Ok(())
                    }
                    // CPython's message for an unset slot is just its name.
                    None => Err(vm.attribute_error(self.name.clone())),
                }
            }
        }
    }
}

fn member_get(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = member_of(vm, &args[0])?;
    match args.get(1) {
        Some(obj) if !obj.is_none() => m.get(vm, obj),
        _ => Ok(args[0].clone()),
    }
}

fn member_set(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__set__", &args[1..], kw, 2, 2)?;
    member_of(vm, &args[0])?.set(vm, &args[1], Some(args[2].clone()))?;
    Ok(Value::None)
}

fn member_delete(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__delete__", &args[1..], kw, 1, 1)?;
    member_of(vm, &args[0])?.set(vm, &args[1], None)?;
    Ok(Value::None)
}

fn member_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = member_of(vm, &args[0])?;
    Ok(vm.new_string(format!("<member '{}' of '{}' objects>", m.name, m.owner)))
}

// ---- GenericAlias and unions ----

pub struct GenericAlias {
    pub origin: Value,
    pub args: Value,
}

impl NativeData for GenericAlias {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.origin);
        visit(&self.args);
    }
}

/// `list[int]` and friends: `cls.__class_getitem__(args)`.
pub fn generic_alias(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let origin = args[0].clone();
    let a = match args.get(1).and_then(|a| a.payload()) {
        Some(Payload::Tuple(_)) => args[1].clone(),
        _ => vm.new_tuple(vec![args.get(1).cloned().unwrap_or(Value::None)]),
    };
    Ok(Value::Obj(PyObject::new(
        vm.types.other("types.GenericAlias"),
        Payload::Native(Box::new(GenericAlias { origin, args: a })),
    )))
}

/// `types.GenericAlias.__new__(cls, origin, args)`: subclassable (`_collections_abc` makes
/// `_CallableGenericAlias` from it).
fn alias_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("GenericAlias.__new__(X): X is not a type object"));
    };
    if !kw.is_empty() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            args.len() - 1
        )));
    }
    let origin = args[1].clone();
    let a = match args[2].payload() {
        Some(Payload::Tuple(_)) => args[2].clone(),
        _ => vm.new_tuple(vec![args[2].clone()]),
    };
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(GenericAlias { origin, args: a })),
    )))
}

fn type_repr_short(vm: &Vm, v: &Value) -> PyResult<String> {
    if v.is(&Value::Obj(vm.types.ellipsis.clone())) {
        return Ok("...".into());
    }
    if let Some(t) = vm.is_type(v) {
        let td = type_data(&t);
        let module = vm
            .getattr_opt(v, "__module__")?
            .and_then(|m| crate::str::as_str(&m).map(|s| s.to_string()));
        let q = td.qualname.borrow().clone();
        return Ok(match module {
            Some(m) if m != "builtins" => format!("{m}.{q}"),
            _ => q,
        });
    }
    vm.repr(v)
}

fn alias_of(vm: &Vm, v: &Value) -> PyResult<(Value, Value)> {
    v.as_obj()
        .and_then(|o| o.downcast_native::<GenericAlias>())
        .map(|g| (g.origin.clone(), g.args.clone()))
        .ok_or_else(|| vm.type_error("expected a GenericAlias"))
}

fn alias_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (origin, a) = alias_of(vm, &args[0])?;
    let items = vm.iterate(&a)?;
    let mut parts = Vec::new();
    for i in &items {
        parts.push(type_repr_short(vm, i)?);
    }
    let inner = if parts.is_empty() {
        "()".to_string()
    } else {
        parts.join(", ")
    };
    Ok(vm.new_string(format!("{}[{}]", type_repr_short(vm, &origin)?, inner)))
}

fn alias_call(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (origin, _) = alias_of(vm, &args[0])?;
    vm.call_with_kwnames(&origin, &args[1..], kw)
}

fn alias_getattr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (origin, a) = alias_of(vm, &args[0])?;
    let name = crate::str::as_str(&args[1]).unwrap_or("");
    match name {
        "__origin__" => Ok(origin),
        "__args__" => Ok(a),
        "__parameters__" => Ok(vm.new_tuple(vec![])),
        _ if name.starts_with("__") && name.ends_with("__") => Err(vm.attribute_error(name)),
        _ => vm.getattr_str(&origin, name),
    }
}

fn alias_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (o1, a1) = alias_of(vm, &args[0])?;
    let Ok((o2, a2)) = alias_of(vm, &args[1]) else {
        return Ok(vm.not_implemented());
    };
    Ok(Value::bool(vm.eq(&o1, &o2)? && vm.eq(&a1, &a2)?))
}

fn alias_mro_entries(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (origin, _) = alias_of(vm, &args[0])?;
    Ok(vm.new_tuple(vec![origin]))
}

pub struct Union(pub Value);

impl NativeData for Union {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }
}

/// `X | Y` for types.
pub fn make_union(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let ok = |v: &Value| {
        v.is_none()
            || vm.is_type(v).is_some()
            || v.as_obj().is_some_and(|o| {
                o.downcast_native::<Union>().is_some()
                    || o.downcast_native::<GenericAlias>().is_some()
            })
    };
    if !ok(a) || !ok(b) {
        return Ok(vm.not_implemented());
    }
    let mut items: Vec<Value> = Vec::new();
    for v in [a, b] {
        let v = if v.is_none() {
            Value::Obj(vm.types.none_type.clone())
        } else {
            v.clone()
        };
        match v.as_obj().and_then(|o| o.downcast_native::<Union>()) {
            Some(u) => items.extend(vm.iterate(&u.0)?),
            None => items.push(v),
        }
    }
    let mut dedup: Vec<Value> = Vec::new();
    for i in items {
        if !dedup.iter().any(|d| d.is(&i)) {
            dedup.push(i);
        }
    }
    if dedup.len() == 1 {
        return Ok(dedup.remove(0));
    }
    Ok(Value::Obj(PyObject::new(
        vm.types.other("types.UnionType"),
        Payload::Native(Box::new(Union(vm.new_tuple(dedup)))),
    )))
}

fn union_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let u = args[0]
        .as_obj()
        .and_then(|o| o.downcast_native::<Union>())
        .map(|u| u.0.clone())
        .unwrap_or(Value::None);
    let mut parts = Vec::new();
    for i in vm.iterate(&u)? {
        if i.is(&Value::Obj(vm.types.none_type.clone())) {
            parts.push("None".to_string());
        } else {
            parts.push(type_repr_short(vm, &i)?);
        }
    }
    Ok(vm.new_string(parts.join(" | ")))
}

fn union_or(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_union(vm, &args[0], &args[1])
}

fn union_ror(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_union(vm, &args[1], &args[0])
}

fn union_args(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(v.as_obj()
        .and_then(|o| o.downcast_native::<Union>())
        .map(|u| u.0.clone())
        .unwrap_or_else(|| vm.new_tuple(vec![])))
}

/// `isinstance(x, A | B)`.
fn union_instancecheck(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let u = union_args(vm, &args[0])?;
    Ok(Value::bool(vm.isinstance(&args[1], &u)?))
}

fn union_subclasscheck(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let u = union_args(vm, &args[0])?;
    Ok(Value::bool(vm.issubclass(&args[1], &u)?))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.slice;
    vm.add_methods(
        t,
        &[
            ("__repr__", slice_repr),
            ("indices", slice_indices_m),
            ("__eq__", slice_eq),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", slice_new)], MethodKind::Static);
    vm.add_getsets(
        t,
        &[
            ("start", slice_start, None),
            ("stop", slice_stop, None),
            ("step", slice_step, None),
        ],
    );
    vm.add_attr(t, "__hash__", Value::None);

    let r = &vm.types.range;
    vm.add_methods(
        r,
        &[
            ("__len__", range_len),
            ("__repr__", range_repr),
            ("__getitem__", range_getitem),
            ("__contains__", range_contains),
            ("__iter__", range_iter),
            ("__reversed__", range_reversed),
            ("__eq__", range_eq),
            ("__hash__", range_hash),
            ("__bool__", range_bool),
            ("index", range_index),
            ("count", range_count),
        ],
    );
    vm.add_methods_kind(r, &[("__new__", range_new)], MethodKind::Static);
    vm.add_getsets(
        r,
        &[
            ("start", range_start, None),
            ("stop", range_stop, None),
            ("step", range_step, None),
        ],
    );

    vm.add_methods(
        &vm.types.none_type,
        &[("__repr__", none_repr), ("__bool__", none_bool)],
    );
    vm.add_methods_kind(
        &vm.types.none_type,
        &[("__new__", none_new)],
        MethodKind::Static,
    );
    vm.add_methods(
        &vm.types.notimplemented_type,
        &[("__repr__", notimpl_repr), ("__bool__", notimpl_bool)],
    );
    vm.add_methods(&vm.types.ellipsis_type, &[("__repr__", ellipsis_repr)]);

    let mp = vm.types.other("mappingproxy");
    vm.add_methods(
        &mp,
        &[
            ("__getitem__", proxy_getitem),
            ("__contains__", proxy_contains),
            ("__iter__", proxy_iter),
            ("__len__", proxy_len),
            ("__repr__", proxy_repr),
            ("keys", proxy_keys),
            ("values", proxy_values),
            ("items", proxy_items),
            ("get", proxy_get),
            ("copy", proxy_copy),
        ],
    );
    vm.add_methods_kind(&mp, &[("__new__", proxy_new)], MethodKind::Static);

    let extra = [
        (
            "member_descriptor",
            vec![
                ("__get__", member_get as crate::builtins::function::NativeFn),
                ("__set__", member_set),
                ("__delete__", member_delete),
                ("__repr__", member_repr),
            ],
        ),
        (
            "types.GenericAlias",
            vec![
                (
                    "__repr__",
                    alias_repr as crate::builtins::function::NativeFn,
                ),
                ("__call__", alias_call),
                ("__getattr__", alias_getattr),
                ("__eq__", alias_eq),
                ("__mro_entries__", alias_mro_entries),
                ("__or__", union_or),
                ("__ror__", union_ror),
            ],
        ),
        (
            "types.UnionType",
            vec![
                (
                    "__repr__",
                    union_repr as crate::builtins::function::NativeFn,
                ),
                ("__or__", union_or),
                ("__ror__", union_ror),
                ("__instancecheck__", union_instancecheck),
                ("__subclasscheck__", union_subclasscheck),
            ],
        ),
    ];
    for (name, methods) in extra {
        let flags = if name == "types.GenericAlias" {
            crate::types::flags::BASETYPE
        } else {
            0
        };
        let t = crate::types::new_type(
            &vm.types.type_,
            name,
            vec![vm.types.object.clone()],
            crate::dict::DictData::new(),
            crate::types::TypeKind::Other,
            crate::types::Layout::Native,
            flags,
        );
        // A dotted name gives the module (`types`) and the short `__name__`/`__qualname__`.
        if let Some((_, short)) = name.rsplit_once('.') {
            *type_data(&t).qualname.borrow_mut() = short.to_string();
        }
        type_data(&t).set_mro(vec![t.clone(), vm.types.object.clone()]);
        vm.add_methods(&t, &methods);
        if name == "types.GenericAlias" {
            vm.add_methods_kind(
                &t,
                &[("__new__", alias_new)],
                crate::builtins::function::MethodKind::Static,
            );
        }
        if name == "types.UnionType" {
            vm.add_getsets(&t, &[("__args__", union_args, None)]);
        }
        vm.types.others.borrow_mut().insert(name, t);
    }
}

/// Whether `v` has a reflected operator written in Python, which gets its chance before a
/// native sequence operation fails (the number slots run first in CPython).
pub fn reflected_in_python(vm: &Vm, v: &Value, name: &str) -> bool {
    vm.lookup_special(v, name)
        .is_some_and(|m| !matches!(m.payload(), Some(Payload::MethodDescriptor(_))))
}
