//! `bytearray`: the mutable methods (item and slice assignment, append, extend, insert, pop,
//! remove, ...); the methods it shares with `bytes` are in `bytes.rs`.
//! Counterpart: Objects/bytearrayobject.c (3.11).

use std::cell::RefCell;

use crate::builtins::bytes::{
    COMMON_METHODS, add_common_class_methods, buffer_bytes, byte_value, iterable_bytes,
    new_bytearray, new_impl, repeat_bytes, repeat_count,
};
use crate::builtins::function::{MethodKind, check_count};
use crate::object::{Payload, PyObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn cell<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RefCell<Vec<u8>>> {
    match v.payload() {
        Some(Payload::ByteArray(b)) => Ok(b),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'bytearray' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn bytearray_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("bytearray.__new__(X): X is not a type object"));
    };
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::ByteArray(RefCell::new(Vec::new())),
    )))
}

fn bytearray_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = new_impl(vm, &args[1..], kwnames, "bytearray")?;
    *cell(vm, &args[0])?.borrow_mut() = b;
    Ok(Value::None)
}

fn bytearray_append(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "bytearray.append", &args[1..], kw, 1, 1)?;
    let c = cell(vm, &args[0])?;
    let v = byte_value(vm, &args[1])?;
    c.borrow_mut().push(v);
    Ok(Value::None)
}

/// The bytes of `bytearray.extend`'s argument: a buffer or an iterable of ints.
fn extend_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(v) {
        return Ok(b);
    }
    iterable_bytes(vm, v, "byte must be in range(0, 256)", |vm, x| {
        vm.type_error(format!("can't extend bytearray with {}", vm.type_name(x)))
    })
}

fn bytearray_extend(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "bytearray.extend", &args[1..], kw, 1, 1)?;
    let c = cell(vm, &args[0])?;
    let more = extend_bytes(vm, &args[1])?;
    c.borrow_mut().extend(more);
    Ok(Value::None)
}

fn bytearray_insert(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "insert", &args[1..], kw, 2, 2)?;
    let c = cell(vm, &args[0])?;
    let i = crate::builtins::bytes::isize_arg(vm, &args[1])? as i64;
    let v = byte_value(vm, &args[2])?;
    let mut b = c.borrow_mut();
    let n = b.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    b.insert(at as usize, v);
    Ok(Value::None)
}

fn bytearray_pop(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "pop", &args[1..], kw, 0, 1)?;
    let c = cell(vm, &args[0])?;
    let i = match args.get(1) {
        Some(i) => crate::builtins::bytes::isize_arg(vm, i)? as i64,
        None => -1,
    };
    let mut b = c.borrow_mut();
    if b.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let n = b.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::Int(b.remove(j as usize) as i64))
}

fn bytearray_remove(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "bytearray.remove", &args[1..], kw, 1, 1)?;
    let c = cell(vm, &args[0])?;
    let v = byte_value(vm, &args[1])?;
    let mut b = c.borrow_mut();
    match b.iter().position(|&x| x == v) {
        Some(i) => {
            b.remove(i);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn bytearray_reverse(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "bytearray.reverse", &args[1..], kw, 0, 0)?;
    cell(vm, &args[0])?.borrow_mut().reverse();
    Ok(Value::None)
}

fn bytearray_clear(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "bytearray.clear", &args[1..], kw, 0, 0)?;
    cell(vm, &args[0])?.borrow_mut().clear();
    Ok(Value::None)
}

fn bytearray_copy(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "bytearray.copy", &args[1..], kw, 0, 0)?;
    let b = cell(vm, &args[0])?.borrow().clone();
    Ok(new_bytearray(vm, b))
}

fn bytearray_alloc(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "bytearray.__alloc__", &args[1..], kw, 0, 0)?;
    Ok(Value::from(cell(vm, &args[0])?.borrow().len() + 1))
}

fn bytearray_iadd(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = cell(vm, &args[0])?;
    let Some(more) = buffer_bytes(&args[1]) else {
        return Err(vm.type_error(format!(
            "can't concat {} to {}",
            vm.type_name(&args[1]),
            vm.type_name(&args[0])
        )));
    };
    c.borrow_mut().extend(more);
    Ok(args[0].clone())
}

fn bytearray_imul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = cell(vm, &args[0])?;
    let Some(n) = repeat_count(vm, &args[1])? else {
        return Ok(vm.not_implemented());
    };
    let cur = c.borrow().clone();
    let r = repeat_bytes(vm, &cur, n)?;
    *c.borrow_mut() = r;
    Ok(args[0].clone())
}

/// Which bytes an index or slice of a bytearray selects: `(start, stop, step, count)`
/// adjusted as `PySlice_AdjustIndices` does, or an error for a bad index type.
fn target(
    vm: &Vm,
    b: &Value,
    index: &Value,
    deleting: bool,
    value: Option<u8>,
) -> PyResult<Option<(i64, i64, i64, usize)>> {
    let c = cell(vm, b)?;
    if let Some(Payload::Slice(..)) = index.payload() {
        let len = c.borrow().len();
        return Ok(Some(crate::builtins::misc::slice_indices(vm, index, len)?));
    }
    if vm.lookup_special(index, "__index__").is_none() {
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(index)
        )));
    }
    let i = match vm.index_value(index)? {
        Value::Int(i) => i,
        _ => {
            return Err(vm.index_error(format!(
                "cannot fit '{}' into an index-sized integer",
                vm.type_name(index)
            )));
        }
    };
    let mut data = c.borrow_mut();
    let n = data.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("bytearray index out of range"));
    }
    if deleting {
        return Ok(Some((j, j + 1, 1, 1)));
    }
    if let Some(v) = value {
        data[j as usize] = v;
    }
    Ok(None)
}

/// Replaces (or, with an empty `new` on an extended slice, deletes) the selected bytes.
fn assign_slice(
    vm: &Vm,
    c: &RefCell<Vec<u8>>,
    sel: (i64, i64, i64, usize),
    new: &[u8],
) -> PyResult<()> {
    let (start, stop, step, count) = sel;
    let mut b = c.borrow_mut();
    if step == 1 {
        let start = start.max(0) as usize;
        let stop = (stop.max(0) as usize).max(start).min(b.len());
        b.splice(start..stop, new.iter().copied());
        return Ok(());
    }
    let indices: Vec<usize> = (0..count)
        .map(|k| (start + k as i64 * step) as usize)
        .collect();
    if new.is_empty() {
        let mut drop = vec![false; b.len()];
        for &i in &indices {
            drop[i] = true;
        }
        let mut k = 0;
        b.retain(|_| {
            let keep = !drop[k];
            k += 1;
            keep
        });
        return Ok(());
    }
    if new.len() != count {
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {count}",
            new.len()
        )));
    }
    for (&i, &x) in indices.iter().zip(new) {
        b[i] = x;
    }
    Ok(())
}

fn bytearray_setitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = cell(vm, &args[0])?;
    let (index, value) = (&args[1], &args[2]);
    if !matches!(index.payload(), Some(Payload::Slice(..))) {
        if vm.lookup_special(index, "__index__").is_some() {
            // The value is checked before the index (GH-91153).
            let v = byte_value(vm, value)?;
            target(vm, &args[0], index, false, Some(v))?;
            return Ok(Value::None);
        }
        target(vm, &args[0], index, false, None)?;
        return Ok(Value::None);
    }
    let new = match buffer_bytes(value) {
        Some(b) => b,
        None => {
            let is_number = matches!(value, Value::Int(_) | Value::Bool(_) | Value::Float(_))
                || matches!(
                    value.payload(),
                    Some(
                        Payload::Int(_)
                            | Payload::Float(_)
                            | Payload::Complex(..)
                            | Payload::Str(_)
                    )
                )
                || ["__index__", "__int__", "__float__"]
                    .iter()
                    .any(|m| vm.lookup_special(value, m).is_some());
            if is_number {
                return Err(vm.type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ));
            }
            iterable_bytes(vm, value, "byte must be in range(0, 256)", |vm, x| {
                vm.type_error(format!(
                    "cannot convert '{}' object to bytearray",
                    vm.type_name(x)
                ))
            })?
        }
    };
    let Some(sel) = target(vm, &args[0], index, true, None)? else {
        return Ok(Value::None);
    };
    assign_slice(vm, c, sel, &new)?;
    Ok(Value::None)
}

fn bytearray_delitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = cell(vm, &args[0])?;
    if let Some(sel) = target(vm, &args[0], &args[1], true, None)? {
        assign_slice(vm, c, sel, &[])?;
    }
    Ok(Value::None)
}

pub fn init(vm: &Vm) {
    let ba = &vm.types.bytearray;
    vm.add_methods(ba, COMMON_METHODS);
    vm.add_methods(
        ba,
        &[
            ("__init__", bytearray_init),
            ("__setitem__", bytearray_setitem),
            ("__delitem__", bytearray_delitem),
            ("__iadd__", bytearray_iadd),
            ("__imul__", bytearray_imul),
            ("__alloc__", bytearray_alloc),
            ("append", bytearray_append),
            ("extend", bytearray_extend),
            ("insert", bytearray_insert),
            ("pop", bytearray_pop),
            ("remove", bytearray_remove),
            ("reverse", bytearray_reverse),
            ("clear", bytearray_clear),
            ("copy", bytearray_copy),
        ],
    );
    vm.add_methods_kind(ba, &[("__new__", bytearray_new)], MethodKind::Static);
    add_common_class_methods(vm, ba);
    vm.add_attr(ba, "__hash__", Value::None);
    // Like str and bytes, bytearray is not a sequence for `match` (PEP 634).
    let td = crate::types::type_data(ba);
    td.flags
        .set(td.flags.get() & !crate::types::flags::SEQUENCE);
}
