//! `list`.
//! Counterpart: Objects/listobject.c (3.11).

use std::cell::RefCell;

use crate::builtins::function::{MethodKind, check_count, parse_args};
use crate::object::{Payload, PyObject};
use crate::protocol::CmpOp;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The items of a list value (empty for anything else).
pub fn items_of(v: &Value) -> Vec<Value> {
    match v.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RefCell<Vec<Value>>> {
    match v.payload() {
        Some(Payload::List(l)) => Ok(l),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn list_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("list.__new__(X): X is not a type object"));
    };
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::List(RefCell::new(Vec::new())),
    )))
}

fn list_init(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "list expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let l = this(vm, &args[0])?;
    let items = match args.get(1) {
        Some(it) => {
            // list() sizes itself from __len__ or __length_hint__ first, as CPython does.
            if !matches!(it.payload(), Some(Payload::List(_) | Payload::Tuple(_)))
                && vm.lookup_special(it, "__len__").is_none()
                && let Some(h) = vm.lookup_special(it, "__length_hint__")
            {
                let hint = vm.call(&h, std::slice::from_ref(it))?;
                if !vm.is_not_implemented(&hint) {
                    match hint {
                        Value::Int(n) if n < 0 => {
                            return Err(vm.value_error("__length_hint__() should return >= 0"));
                        }
                        Value::Int(_) => {}
                        other => {
                            return Err(vm.type_error(format!(
                                "__length_hint__ must be an integer, not {}",
                                vm.type_name(&other)
                            )));
                        }
                    }
                }
            }
            vm.iterate(it)?
        }
        None => Vec::new(),
    };
    let old = std::mem::replace(&mut *l.borrow_mut(), items);
    drop(old);
    Ok(Value::None)
}

fn list_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = this(vm, &args[0])?.borrow().clone();
    if !vm.repr_enter(&args[0]) {
        return Ok(vm.new_str("[...]"));
    }
    let r = (|| {
        let mut out = String::from("[");
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr(it)?);
        }
        out.push(']');
        Ok(vm.new_string(out))
    })();
    vm.repr_leave(&args[0]);
    r
}

fn list_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(this(vm, &args[0])?.borrow().len()))
}

fn list_append(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "list.append", &args[1..], kw, 1, 1)?;
    this(vm, &args[0])?.borrow_mut().push(args[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "list.extend", &args[1..], kw, 1, 1)?;
    let l = this(vm, &args[0])?;
    let items = vm.iterate(&args[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "insert", &args[1..], kw, 2, 2)?;
    let l = this(vm, &args[0])?;
    let i = vm.index_clamped(&args[1])?;
    let mut l = l.borrow_mut();
    let n = l.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(i as usize, args[2].clone());
    Ok(Value::None)
}

fn list_pop(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "list.pop", &args[1..], kw, 0, 1)?;
    let l = this(vm, &args[0])?;
    let i = match args.get(1) {
        Some(i) => vm.index_i64(i)?,
        None => -1,
    };
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let n = l.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(l.remove(j as usize))
}

fn list_remove(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "list.remove", &args[1..], kw, 1, 1)?;
    let l = this(vm, &args[0])?;
    let items = l.borrow().clone();
    for (i, it) in items.iter().enumerate() {
        if vm.eq_identity_first(it, &args[1])? {
            let mut lm = l.borrow_mut();
            if i < lm.len() {
                let old = lm.remove(i);
                drop(lm);
                drop(old);
            }
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "list.index", &args[1..], kw, 1, 3)?;
    let items = this(vm, &args[0])?.borrow().clone();
    let n = items.len() as i64;
    let norm = |v: Option<&Value>, d: i64| -> PyResult<i64> {
        match v {
            None => Ok(d),
            Some(v) => {
                let i = vm.index_clamped(v)?;
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    let start = norm(args.get(2), 0)?;
    let stop = norm(args.get(3), n)?;
    for i in start..stop {
        if let Some(it) = items.get(i as usize)
            && vm.eq_identity_first(it, &args[1])?
        {
            return Ok(Value::Int(i));
        }
    }
    Err(vm.value_error(format!("{} is not in list", vm.repr(&args[1])?)))
}

fn list_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "list.count", &args[1..], kw, 1, 1)?;
    let items = this(vm, &args[0])?.borrow().clone();
    let mut c = 0;
    for it in &items {
        if vm.eq_identity_first(it, &args[1])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

fn list_clear(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let old = std::mem::take(&mut *this(vm, &args[0])?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_copy(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_list(this(vm, &args[0])?.borrow().clone()))
}

fn list_reverse(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?.borrow_mut().reverse();
    Ok(Value::None)
}

/// Sorts values with Python's `<`, stably; errors from comparisons propagate.
pub fn sort_values(vm: &Vm, items: &mut [(Value, Value)], reverse: bool) -> PyResult<()> {
    // Merge sort by `<` only, as CPython's timsort uses: stable and error-aware.
    let mut err = None;
    let lt = |a: &Value, b: &Value, err: &mut Option<crate::vm::PyErr>| -> bool {
        if err.is_some() {
            return false;
        }
        if let Some(r) = crate::builtins::number_fast::compare(a, b, CmpOp::Lt) {
            return r;
        }
        match vm.rich_compare(a, b, CmpOp::Lt).and_then(|r| vm.truthy(&r)) {
            Ok(r) => r,
            Err(e) => {
                *err = Some(e);
                false
            }
        }
    };
    if reverse {
        items.reverse();
    }
    // Insertion-sort small runs, merge pairs: a plain stable merge sort.
    let n = items.len();
    let mut buf: Vec<(Value, Value)> = items.to_vec();
    let mut width = 1;
    // Sort runs of 8 by binary insertion first.
    const RUN: usize = 8;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && lt(&items[i].0, &items[j - 1].0, &mut err) {
                j -= 1;
            }
            if j != i {
                items[j..=i].rotate_right(1);
            }
        }
        start = end;
    }
    if err.is_some() {
        return Err(err.unwrap_or_else(|| vm.system_error("sort")));
    }
    width = width.max(RUN);
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let hi = (i + 2 * width).min(n);
            let (mut a, mut b, mut k) = (i, mid, i);
            while a < mid && b < hi {
                if lt(&items[b].0, &items[a].0, &mut err) {
                    buf[k] = items[b].clone();
                    b += 1;
                } else {
                    buf[k] = items[a].clone();
                    a += 1;
                }
                k += 1;
            }
            while a < mid {
                buf[k] = items[a].clone();
                a += 1;
                k += 1;
            }
            while b < hi {
                buf[k] = items[b].clone();
                b += 1;
                k += 1;
            }
            i += 2 * width;
        }
        items.clone_from_slice(&buf);
        if let Some(e) = err {
            return Err(e);
        }
        width *= 2;
    }
    if reverse {
        items.reverse();
    }
    Ok(())
}

fn list_sort(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() - kwnames.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let l = this(vm, &args[0])?;
    let p = parse_args(
        vm,
        "sort",
        &args[1..],
        kwnames,
        &["key", "reverse"],
        0,
        0,
        0,
    )?;
    let key = p.get(0).filter(|k| !k.is_none()).cloned();
    let reverse = match p.get(1) {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let items = std::mem::take(&mut *l.borrow_mut());
    let mut keyed = Vec::with_capacity(items.len());
    let mut failed = None;
    for it in items.iter() {
        let k = match &key {
            Some(kf) => match vm.call(kf, std::slice::from_ref(it)) {
                Ok(k) => k,
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            },
            None => it.clone(),
        };
        keyed.push((k, it.clone()));
    }
    if let Some(e) = failed {
        *l.borrow_mut() = items;
        return Err(e);
    }
    let r = sort_values(vm, &mut keyed, reverse);
    let modified = !l.borrow().is_empty();
    if r.is_err() {
        *l.borrow_mut() = items;
        return r.map(|_| Value::None);
    }
    *l.borrow_mut() = keyed.into_iter().map(|(_, v)| v).collect();
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = this(vm, &args[0])?;
    if let Some(Payload::Slice(..)) = args[1].payload() {
        let items = l.borrow();
        let (start, _, step, n) = crate::builtins::misc::slice_indices(vm, &args[1], items.len())?;
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(items[i as usize].clone());
            i += step;
        }
        return Ok(vm.new_list(out));
    }
    let i = vm.index_value(&args[1]).map_err(|e| {
        if vm.lookup_special(&args[1], "__index__").is_some() {
            return e;
        }
        vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    let l = l.borrow();
    let n = l.len() as i64;
    let i = match i {
        Value::Int(i) => i,
        _ => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("list index out of range"));
    }
    Ok(l[j as usize].clone())
}

fn list_setitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = this(vm, &args[0])?;
    if let Some(Payload::Slice(..)) = args[1].payload() {
        let new = vm.iterate(&args[2]).map_err(|e| {
            if vm.exc_matches(&e, &vm.types.exceptions.type_error) {
                vm.type_error("can only assign an iterable")
            } else {
                e
            }
        })?;
        let len = l.borrow().len();
        let (start, stop, step, n) = crate::builtins::misc::slice_indices(vm, &args[1], len)?;
        let mut lm = l.borrow_mut();
        if step == 1 {
            let s = start.max(0) as usize;
            let e = (stop.max(start)).max(0) as usize;
            let old: Vec<Value> = lm.splice(s..e.min(len), new).collect();
            drop(lm);
            drop(old);
            return Ok(Value::None);
        }
        if new.len() != n {
            return Err(vm.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                n
            )));
        }
        let mut i = start;
        for v in new {
            lm[i as usize] = v;
            i += step;
        }
        return Ok(Value::None);
    }
    let i = vm.index_value(&args[1]).map_err(|e| {
        if vm.lookup_special(&args[1], "__index__").is_some() {
            return e;
        }
        vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    let mut lm = l.borrow_mut();
    let n = lm.len() as i64;
    let i = match i {
        Value::Int(i) => i,
        _ => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("list assignment index out of range"));
    }
    let old = std::mem::replace(&mut lm[j as usize], args[2].clone());
    drop(lm);
    drop(old);
    Ok(Value::None)
}

fn list_delitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = this(vm, &args[0])?;
    if let Some(Payload::Slice(..)) = args[1].payload() {
        let len = l.borrow().len();
        let (start, _, step, n) = crate::builtins::misc::slice_indices(vm, &args[1], len)?;
        let mut idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
        idx.sort_unstable();
        let mut lm = l.borrow_mut();
        let mut removed = Vec::new();
        for i in idx.into_iter().rev() {
            removed.push(lm.remove(i));
        }
        drop(lm);
        drop(removed);
        return Ok(Value::None);
    }
    let i = vm.index_value(&args[1]).map_err(|e| {
        if vm.lookup_special(&args[1], "__index__").is_some() {
            return e;
        }
        vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    let mut lm = l.borrow_mut();
    let n = lm.len() as i64;
    let i = match i {
        Value::Int(i) => i,
        _ => return Err(vm.index_error("list assignment index out of range")),
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("list assignment index out of range"));
    }
    let old = lm.remove(j as usize);
    drop(lm);
    drop(old);
    Ok(Value::None)
}

fn list_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?;
    Ok(vm.new_seq_iter(args[0].clone(), false))
}

fn list_reversed(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?;
    Ok(vm.new_seq_iter(args[0].clone(), true))
}

fn list_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = this(vm, &args[0])?.borrow().clone();
    for it in &items {
        if vm.eq_identity_first(it, &args[1])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn list_add(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?.borrow().clone();
    let Some(Payload::List(b)) = args[1].payload() else {
        return Err(vm.type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            vm.type_name(&args[1])
        )));
    };
    let mut out = a;
    out.extend(b.borrow().iter().cloned());
    Ok(vm.new_list(out))
}

fn list_iadd(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = this(vm, &args[0])?;
    let items = vm.iterate(&args[1])?;
    l.borrow_mut().extend(items);
    Ok(args[0].clone())
}

fn repeat_count(vm: &Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        other => {
            if vm.lookup_special(other, "__index__").is_none() {
                return Ok(None);
            }
            match vm.index_value(other)? {
                Value::Int(i) => Ok(Some(i)),
                _ => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
            }
        }
    }
}

fn list_mul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?.borrow().clone();
    let Some(n) = repeat_count(vm, &args[1])? else {
        return Ok(vm.not_implemented());
    };
    if n <= 0 || a.is_empty() {
        return Ok(vm.new_list(Vec::new()));
    }
    if (a.len() as u128) * (n as u128) > (isize::MAX as u128) / 16 {
        return Err(vm.new_exception(&vm.types.exceptions.memory_error, vec![]));
    }
    let mut out = Vec::with_capacity(a.len() * n as usize);
    for _ in 0..n {
        out.extend(a.iter().cloned());
    }
    Ok(vm.new_list(out))
}

fn list_imul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = this(vm, &args[0])?;
    let Some(n) = repeat_count(vm, &args[1])? else {
        return Ok(vm.not_implemented());
    };
    let a = l.borrow().clone();
    let mut out = Vec::new();
    for _ in 0..n.max(0) {
        out.extend(a.iter().cloned());
    }
    *l.borrow_mut() = out;
    Ok(args[0].clone())
}

/// Lexicographic comparison of two sequences of values.
pub fn seq_compare(vm: &Vm, a: &[Value], b: &[Value], op: CmpOp) -> PyResult<bool> {
    let n = a.len().min(b.len());
    for i in 0..n {
        if !vm.eq_identity_first(&a[i], &b[i])? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => {
                    let r = vm.rich_compare(&a[i], &b[i], op)?;
                    vm.truthy(&r)
                }
            };
        }
    }
    Ok(op.test(a.len().cmp(&b.len())))
}

macro_rules! list_cmps {
    ($( $fname:ident, $op:expr; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let a = this(vm, &args[0])?.borrow().clone();
                let Some(Payload::List(b)) = args[1].payload() else {
                    return Ok(vm.not_implemented());
                };
                let b = b.borrow().clone();
                Ok(Value::Bool(seq_compare(vm, &a, &b, $op)?))
            }
        )*
    };
}

list_cmps! {
    list_lt, CmpOp::Lt;
    list_le, CmpOp::Le;
    list_eq, CmpOp::Eq;
    list_ne, CmpOp::Ne;
    list_gt, CmpOp::Gt;
    list_ge, CmpOp::Ge;
}

fn list_sizeof(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(
        40 + 8 * this(vm, &args[0])?.borrow().capacity(),
    ))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.list;
    vm.add_methods(
        t,
        &[
            ("__init__", list_init),
            ("__repr__", list_repr),
            ("__len__", list_len),
            ("__getitem__", list_getitem),
            ("__setitem__", list_setitem),
            ("__delitem__", list_delitem),
            ("__iter__", list_iter),
            ("__reversed__", list_reversed),
            ("__contains__", list_contains),
            ("__add__", list_add),
            ("__iadd__", list_iadd),
            ("__mul__", list_mul),
            ("__rmul__", list_mul),
            ("__imul__", list_imul),
            ("__lt__", list_lt),
            ("__le__", list_le),
            ("__eq__", list_eq),
            ("__ne__", list_ne),
            ("__gt__", list_gt),
            ("__ge__", list_ge),
            ("__sizeof__", list_sizeof),
            ("append", list_append),
            ("extend", list_extend),
            ("insert", list_insert),
            ("pop", list_pop),
            ("remove", list_remove),
            ("index", list_index),
            ("count", list_count),
            ("clear", list_clear),
            ("copy", list_copy),
            ("reverse", list_reverse),
            ("sort", list_sort),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", list_new)], MethodKind::Static);
    vm.add_attr(t, "__hash__", Value::None);
    vm.add_methods_kind(
        t,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
}
