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

/// The check of CPython's METH_NOARGS methods: `list.copy() takes no arguments (1 given)`.
fn no_args(vm: &Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("list.{name}() takes no keyword arguments")));
    }
    if args.len() > 1 {
        return Err(crate::builtins::function::arity_error(
            vm,
            name,
            Some("list"),
            (0, 0),
            args.len() - 1,
        ));
    }
    Ok(())
}

fn list_clear(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "clear", args, kw)?;
    let old = std::mem::take(&mut *this(vm, &args[0])?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_copy(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "copy", args, kw)?;
    Ok(vm.new_list(this(vm, &args[0])?.borrow().clone()))
}

fn list_reverse(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "reverse", args, kw)?;
    this(vm, &args[0])?.borrow_mut().reverse();
    Ok(Value::None)
}

/// `a < b` for keys whose comparison needs no Python code: ints, floats, exact strs, and
/// exact tuples of those (compared element-wise as `tuple.__lt__` does). `None` when Python
/// comparison is needed.
fn fast_lt(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x < y),
        (Value::Float(x), Value::Float(y)) => Some(x.get() < y.get()),
        (Value::Obj(x), Value::Obj(y)) => match (&x.payload, &y.payload) {
            (Payload::Str(s), Payload::Str(t))
                if crate::str::is_exact(x) && crate::str::is_exact(y) =>
            {
                Some(s.as_str() < t.as_str())
            }
            (Payload::Tuple(p), Payload::Tuple(q))
                if crate::builtins::tuple::is_exact(x) && crate::builtins::tuple::is_exact(y) =>
            {
                for (u, v) in p.iter().zip(q.iter()) {
                    if !crate::dict::fast_eq(u, v)? {
                        return fast_lt(u, v);
                    }
                }
                Some(p.len() < q.len())
            }
            _ => None,
        },
        _ => crate::builtins::number_fast::compare(a, b, CmpOp::Lt),
    }
}

/// Sorts `items` by their keys (`keys[i]` belongs to `items[i]`), stably, comparing with `<`
/// only, as `list.sort` does; `reverse` keeps equal items in their original order.
/// The sort permutes indices (a merge sort: binary-insertion runs, then merges that skip
/// runs already in order), so comparisons move no objects and touch no reference counts.
pub fn sort_by_keys(
    vm: &Vm,
    keys: &[Value],
    items: &mut Vec<Value>,
    reverse: bool,
) -> PyResult<()> {
    let n = items.len();
    debug_assert_eq!(keys.len(), n);
    let err: RefCell<Option<crate::vm::PyErr>> = RefCell::new(None);
    let failed = || err.borrow().is_some();
    let lt = |i: u32, j: u32| -> bool {
        if failed() {
            return false;
        }
        let (a, b) = (&keys[i as usize], &keys[j as usize]);
        if let Some(r) = fast_lt(a, b) {
            return r;
        }
        match vm.rich_compare(a, b, CmpOp::Lt).and_then(|r| vm.truthy(&r)) {
            Ok(r) => r,
            Err(e) => {
                *err.borrow_mut() = Some(e);
                false
            }
        }
    };
    let mut idx: Vec<u32> = (0..n as u32).collect();
    if reverse {
        idx.reverse();
    }
    const RUN: usize = 16;
    for run in idx.chunks_mut(RUN) {
        for i in 1..run.len() {
            let x = run[i];
            // Binary search for the first position whose item is greater than x (stable).
            let (mut lo, mut hi) = (0, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if lt(x, run[mid]) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            run.copy_within(lo..i, lo + 1);
            run[lo] = x;
        }
    }
    let mut buf = vec![0u32; n];
    let mut width = RUN;
    while width < n && !failed() {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let hi = (start + 2 * width).min(n);
            if mid >= hi || !lt(idx[mid], idx[mid - 1]) {
                // Already in order (or nothing to merge).
                buf[start..hi].copy_from_slice(&idx[start..hi]);
            } else {
                let (mut a, mut b, mut k) = (start, mid, start);
                while a < mid && b < hi {
                    if lt(idx[b], idx[a]) {
                        buf[k] = idx[b];
                        b += 1;
                    } else {
                        buf[k] = idx[a];
                        a += 1;
                    }
                    k += 1;
                }
                buf[k..k + (mid - a)].copy_from_slice(&idx[a..mid]);
                k += mid - a;
                buf[k..k + (hi - b)].copy_from_slice(&idx[b..hi]);
            }
            start = hi;
        }
        std::mem::swap(&mut idx, &mut buf);
        width *= 2;
    }
    if let Some(e) = err.into_inner() {
        return Err(e);
    }
    if reverse {
        idx.reverse();
    }
    let mut taken: Vec<Value> = std::mem::take(items);
    *items = idx
        .iter()
        .map(|&i| std::mem::take(&mut taken[i as usize]))
        .collect();
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
    let keys = match &key {
        Some(kf) => {
            let mut keys = Vec::with_capacity(items.len());
            for it in items.iter() {
                match vm.call(kf, std::slice::from_ref(it)) {
                    Ok(k) => keys.push(k),
                    Err(e) => {
                        restore_after_sort(l, items);
                        return Err(e);
                    }
                }
            }
            keys
        }
        None => items.clone(),
    };
    let mut sorted = items;
    let r = sort_by_keys(vm, &keys, &mut sorted, reverse);
    drop(keys);
    let modified = !l.borrow().is_empty();
    restore_after_sort(l, sorted);
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

/// Puts the items back after a sort; whatever the list got meanwhile is released after the
/// borrow ends (releasing may run `__del__`).
fn restore_after_sort(l: &RefCell<Vec<Value>>, items: Vec<Value>) {
    let meanwhile = std::mem::replace(&mut *l.borrow_mut(), items);
    drop(meanwhile);
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
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
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
                Ok(Value::bool(seq_compare(vm, &a, &b, $op)?))
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
