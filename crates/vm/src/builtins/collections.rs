//! The `_collections` module: `deque` (with its iterators), `defaultdict`, `_count_elements`
//! and `_tuplegetter`. `OrderedDict` is left to the pure-Python version in
//! `collections/__init__.py`.
//! Counterpart: Modules/_collectionsmodule.c (3.11).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::builtins::function::{MethodKind, check_count};
use crate::builtins::itertools::{
    bind_args, is_callable, native, native_type, new_class, new_native, stop_iteration,
};
use crate::object::{NativeData, Payload};
use crate::protocol::CmpOp;
use crate::types::{Layout, flags, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

// ---- deque ----

pub struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every change of length or order; iterators made before a change fail.
    state: Cell<u64>,
}

impl NativeData for Deque {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(items) = self.items.try_borrow() {
            items.iter().for_each(visit);
        }
    }
    fn clear(&self) {
        if let Ok(mut items) = self.items.try_borrow_mut() {
            let old = std::mem::take(&mut *items);
            drop(items);
            drop(old);
        }
    }
}

const DEQUE: &str = "collections.deque";

fn dq<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Deque> {
    native::<Deque>(vm, v, DEQUE)
}

fn as_deque(v: &Value) -> Option<&Deque> {
    v.as_obj().and_then(|o| o.downcast_native::<Deque>())
}

impl Deque {
    fn new(maxlen: Option<usize>) -> Deque {
        Deque {
            items: RefCell::new(VecDeque::new()),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        }
    }

    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    /// Appends on one side, dropping from the other beyond `maxlen`.
    fn push(&self, v: Value, left: bool) {
        let trimmed = {
            let mut items = self.items.borrow_mut();
            if left {
                items.push_front(v);
            } else {
                items.push_back(v);
            }
            match self.maxlen.get() {
                Some(m) if items.len() > m => {
                    if left {
                        items.pop_back()
                    } else {
                        items.pop_front()
                    }
                }
                _ => None,
            }
        };
        self.bump();
        drop(trimmed);
    }

    fn pop(&self, left: bool) -> Option<Value> {
        let v = {
            let mut items = self.items.borrow_mut();
            if left {
                items.pop_front()
            } else {
                items.pop_back()
            }
        };
        if v.is_some() {
            self.bump();
        }
        v
    }

    fn clear(&self) {
        let old = std::mem::take(&mut *self.items.borrow_mut());
        self.bump();
        drop(old);
    }

    fn item(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
}

fn mutated(vm: &Vm) -> crate::vm::PyErr {
    vm.runtime_error("deque mutated during iteration")
}

/// Adds the items of `iterable` on one side (a deque extended by itself uses a snapshot).
fn extend(vm: &Vm, this: &Value, d: &Deque, iterable: &Value, left: bool) -> PyResult<()> {
    if iterable.is(this) {
        let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
        for v in items {
            d.push(v, left);
        }
        return Ok(());
    }
    let it = vm.get_iter(iterable)?;
    while let Some(v) = vm.next(&it)? {
        d.push(v, left);
    }
    Ok(())
}

fn deque_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, DEQUE)?;
    Ok(new_native(cls, Deque::new(None)))
}

fn deque_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = dq(vm, &args[0])?;
    let p = bind_args(
        vm,
        "deque",
        &args[1..],
        kwnames,
        &["iterable", "maxlen"],
        2,
        0,
    )?;
    let maxlen = match &p[1] {
        None | Some(Value::None) => None,
        Some(m) => {
            if !matches!(m, Value::Int(_) | Value::Bool(_))
                && !matches!(m.payload(), Some(Payload::Int(_)))
            {
                return Err(vm.type_error("an integer is required"));
            }
            let n = vm.index_i64(m)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    if d.len() > 0 {
        d.clear();
    }
    d.maxlen.set(maxlen);
    if let Some(it) = &p[0] {
        extend(vm, &args[0], d, it, false)?;
    }
    Ok(Value::None)
}

/// METH_O argument check with CPython's message.
fn one_arg(vm: &Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    Ok(())
}

/// METH_NOARGS argument check with CPython's message.
fn no_args(vm: &Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(())
}

fn deque_append(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "deque.append", args, kw)?;
    dq(vm, &args[0])?.push(args[1].clone(), false);
    Ok(Value::None)
}

fn deque_appendleft(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "deque.appendleft", args, kw)?;
    dq(vm, &args[0])?.push(args[1].clone(), true);
    Ok(Value::None)
}

fn deque_pop(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "deque.pop", args, kw)?;
    dq(vm, &args[0])?
        .pop(false)
        .ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn deque_popleft(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "deque.popleft", args, kw)?;
    dq(vm, &args[0])?
        .pop(true)
        .ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn deque_extend(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "deque.extend", args, kw)?;
    extend(vm, &args[0], dq(vm, &args[0])?, &args[1], false)?;
    Ok(Value::None)
}

fn deque_extendleft(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "deque.extendleft", args, kw)?;
    extend(vm, &args[0], dq(vm, &args[0])?, &args[1], true)?;
    Ok(Value::None)
}

fn rotate(d: &Deque, n: i64) {
    let len = d.len();
    if len <= 1 {
        return;
    }
    d.bump();
    let k = n.rem_euclid(len as i64) as usize;
    d.items.borrow_mut().rotate_right(k);
}

fn deque_rotate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "deque.rotate", &args[1..], kw, 0, 1)?;
    let d = dq(vm, &args[0])?;
    let n = match args.get(1) {
        Some(n) => vm.index_i64(n)?,
        None => 1,
    };
    rotate(d, n);
    Ok(Value::None)
}

fn deque_clear(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "deque.clear", args, kw)?;
    dq(vm, &args[0])?.clear();
    Ok(Value::None)
}

/// `deque.copy()`: subclasses are copied by calling the class.
fn copy_of(vm: &Vm, this: &Value) -> PyResult<Value> {
    let d = dq(vm, this)?;
    let cls = vm.class_of(this).clone();
    let deque_t = vm.types.other(DEQUE);
    if std::rc::Rc::ptr_eq(&cls, &deque_t) {
        let new = Deque::new(d.maxlen.get());
        *new.items.borrow_mut() = d.items.borrow().clone();
        return Ok(new_native(cls, new));
    }
    let c = Value::Obj(cls.clone());
    let r = match d.maxlen.get() {
        None => vm.call(&c, std::slice::from_ref(this))?,
        Some(m) => vm.call(&c, &[this.clone(), Value::from(m)])?,
    };
    if as_deque(&r).is_none() {
        return Err(vm.type_error(format!(
            "{}() must return a deque, not {}",
            type_data(&cls).name.borrow(),
            vm.type_name(&r)
        )));
    }
    Ok(r)
}

fn deque_copy(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "deque.copy", args, kw)?;
    copy_of(vm, &args[0])
}

fn deque_copy_dunder(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "deque.__copy__", args, kw)?;
    copy_of(vm, &args[0])
}

/// The first index in `start..stop` whose item equals `x` (item compared first); `err` is
/// raised if the deque changes meanwhile.
fn find(
    vm: &Vm,
    d: &Deque,
    x: &Value,
    start: usize,
    stop: usize,
    err: fn(&Vm) -> crate::vm::PyErr,
) -> PyResult<Option<usize>> {
    let state = d.state.get();
    let n = d.len();
    for i in start..stop.min(n) {
        let Some(item) = d.item(i) else {
            return Err(err(vm));
        };
        let eq = vm.eq_identity_first(&item, x)?;
        if d.state.get() != state || d.len() != n {
            return Err(err(vm));
        }
        if eq {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn deque_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "deque.count", args, kw)?;
    let d = dq(vm, &args[0])?;
    let state = d.state.get();
    let n = d.len();
    let mut count = 0usize;
    for i in 0..n {
        let Some(item) = d.item(i) else {
            return Err(mutated(vm));
        };
        let eq = vm.eq_identity_first(&item, &args[1])?;
        if d.state.get() != state {
            return Err(mutated(vm));
        }
        if eq {
            count += 1;
        }
    }
    Ok(Value::from(count))
}

/// A start/stop argument of `index` (`_PyEval_SliceIndexNotNone`).
fn slice_index(vm: &Vm, v: &Value) -> PyResult<i64> {
    let ok = matches!(v, Value::Int(_) | Value::Bool(_))
        || matches!(v.payload(), Some(Payload::Int(_)))
        || vm.lookup_special(v, "__index__").is_some();
    if !ok {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    vm.index_clamped(v)
}

fn deque_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("index() takes no keyword arguments"));
    }
    let nargs = args.len() - 1;
    if nargs < 1 {
        return Err(vm.type_error(format!("index() takes at least 1 argument ({nargs} given)")));
    }
    if nargs > 3 {
        return Err(vm.type_error(format!("index() takes at most 3 arguments ({nargs} given)")));
    }
    let d = dq(vm, &args[0])?;
    let n = d.len() as i64;
    let mut start = match args.get(2) {
        Some(s) => slice_index(vm, s)?,
        None => 0,
    };
    let mut stop = match args.get(3) {
        Some(s) => slice_index(vm, s)?,
        None => n,
    };
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    stop = stop.min(n);
    start = start.min(stop);
    match find(vm, d, &args[1], start as usize, stop as usize, mutated)? {
        Some(i) => Ok(Value::from(i)),
        None => Err(vm.value_error(format!("{} is not in deque", vm.repr(&args[1])?))),
    }
}

fn deque_insert(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("insert() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "insert() takes exactly 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let d = dq(vm, &args[0])?;
    let i = vm.index_i64(&args[1])?;
    let n = d.len();
    if d.maxlen.get() == Some(n) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let n = n as i64;
    let at = if i >= n {
        n
    } else if i < 0 {
        (i + n).max(0)
    } else {
        i
    };
    d.items.borrow_mut().insert(at as usize, args[2].clone());
    d.bump();
    Ok(Value::None)
}

fn remove_mutated(vm: &Vm) -> crate::vm::PyErr {
    vm.index_error("deque mutated during iteration")
}

fn deque_remove(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "deque.remove", args, kw)?;
    let d = dq(vm, &args[0])?;
    match find(vm, d, &args[1], 0, usize::MAX, remove_mutated)? {
        Some(i) => {
            let old = d.items.borrow_mut().remove(i);
            d.bump();
            drop(old);
            Ok(Value::None)
        }
        None => Err(vm.value_error(format!("{} is not in deque", vm.repr(&args[1])?))),
    }
}

fn deque_reverse(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "deque.reverse", args, kw)?;
    let d = dq(vm, &args[0])?;
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(Value::None)
}

fn deque_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(dq(vm, &args[0])?.len()))
}

/// A sequence index into a deque of length `n` (negative counts from the end).
fn seq_index(vm: &Vm, key: &Value, n: usize) -> PyResult<usize> {
    let ok = matches!(key, Value::Int(_) | Value::Bool(_))
        || matches!(key.payload(), Some(Payload::Int(_)))
        || vm.lookup_special(key, "__index__").is_some();
    if !ok {
        return Err(vm.type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(key)
        )));
    }
    let i = match vm.index_value(key)? {
        Value::Int(i) => i,
        _ => {
            return Err(vm.index_error(format!(
                "cannot fit '{}' into an index-sized integer",
                vm.type_name(key)
            )));
        }
    };
    let i = if i < 0 { i + n as i64 } else { i };
    if i < 0 || i >= n as i64 {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(i as usize)
}

fn deque_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = dq(vm, &args[0])?;
    let i = seq_index(vm, &args[1], d.len())?;
    d.item(i)
        .ok_or_else(|| vm.index_error("deque index out of range"))
}

fn deque_setitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = dq(vm, &args[0])?;
    let i = seq_index(vm, &args[1], d.len())?;
    let old = d
        .items
        .borrow_mut()
        .get_mut(i)
        .map(|slot| std::mem::replace(slot, args[2].clone()));
    drop(old);
    Ok(Value::None)
}

fn deque_delitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = dq(vm, &args[0])?;
    let i = seq_index(vm, &args[1], d.len())?;
    let old = d.items.borrow_mut().remove(i);
    d.bump();
    drop(old);
    Ok(Value::None)
}

fn deque_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = dq(vm, &args[0])?;
    Ok(Value::bool(
        find(vm, d, &args[1], 0, usize::MAX, mutated)?.is_some(),
    ))
}

fn deque_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = dq(vm, &args[0])?;
    Ok(new_iter(vm, &args[0], d, 0, false))
}

fn deque_reversed(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "deque.__reversed__", args, kw)?;
    let d = dq(vm, &args[0])?;
    Ok(new_iter(vm, &args[0], d, 0, true))
}

fn deque_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let d = dq(vm, this)?;
    if !vm.repr_enter(this) {
        return Ok(vm.new_str("[...]"));
    }
    let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
    let parts: PyResult<Vec<String>> = items.iter().map(|v| vm.repr(v)).collect();
    vm.repr_leave(this);
    let list = format!("[{}]", parts?.join(", "));
    let name = vm.type_name(this);
    Ok(vm.new_string(match d.maxlen.get() {
        Some(m) => format!("{name}({list}, maxlen={m})"),
        None => format!("{name}({list})"),
    }))
}

fn deque_compare(vm: &Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (a, b) = (&args[0], &args[1]);
    let (Some(da), Some(db)) = (as_deque(a), as_deque(b)) else {
        return Ok(vm.not_implemented());
    };
    let (na, nb) = (da.len(), db.len());
    match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq_result = op == CmpOp::Eq;
            if a.is(b) {
                return Ok(Value::bool(eq_result));
            }
            if na != nb {
                return Ok(Value::bool(!eq_result));
            }
        }
        _ => {}
    }
    let (sa, sb) = (da.state.get(), db.state.get());
    let mut i = 0;
    let (x, y) = loop {
        if da.state.get() != sa || db.state.get() != sb {
            return Err(mutated(vm));
        }
        let x = if i < na { da.item(i) } else { None };
        let y = if i < nb { db.item(i) } else { None };
        let (Some(xv), Some(yv)) = (&x, &y) else {
            break (x, y);
        };
        if !vm.eq_identity_first(xv, yv)? {
            return vm.rich_compare(xv, yv, op);
        }
        i += 1;
    };
    let (xe, ye) = (x.is_none(), y.is_none());
    Ok(Value::bool(match op {
        CmpOp::Lt => !ye,
        CmpOp::Le => xe,
        CmpOp::Eq => xe && ye,
        CmpOp::Ne => xe != ye,
        CmpOp::Gt => !xe,
        CmpOp::Ge => ye,
    }))
}

crate::builtins::cmp_methods! {
    deque_compare:
    deque_lt => CmpOp::Lt;
    deque_le => CmpOp::Le;
    deque_eq => CmpOp::Eq;
    deque_ne => CmpOp::Ne;
    deque_gt => CmpOp::Gt;
    deque_ge => CmpOp::Ge;
}

fn deque_add(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if as_deque(&args[1]).is_none() {
        if crate::builtins::misc::reflected_in_python(vm, &args[1], "__radd__") {
            return Ok(vm.not_implemented());
        }
        return Err(vm.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(&args[1])
        )));
    }
    let new = copy_of(vm, &args[0])?;
    extend(vm, &new, dq(vm, &new)?, &args[1], false)?;
    Ok(new)
}

fn deque_iadd(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    extend(vm, &args[0], dq(vm, &args[0])?, &args[1], false)?;
    Ok(args[0].clone())
}

/// The count of a sequence repetition, or `None` if `n` is not an integer.
fn repeat_count(vm: &Vm, n: &Value) -> PyResult<Option<i64>> {
    let ok = matches!(n, Value::Int(_) | Value::Bool(_))
        || matches!(n.payload(), Some(Payload::Int(_)))
        || vm.lookup_special(n, "__index__").is_some();
    if !ok {
        return Ok(None);
    }
    match vm.index_value(n)? {
        Value::Int(i) => Ok(Some(i)),
        _ => Err(vm.overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            vm.type_name(n)
        ))),
    }
}

/// `d *= n`: the repetition, of which a bounded deque keeps the last `maxlen` items.
fn inplace_repeat(vm: &Vm, d: &Deque, n: i64) -> PyResult<()> {
    if n <= 0 {
        d.clear();
        return Ok(());
    }
    let len = d.len();
    if len == 0 || n == 1 {
        return Ok(());
    }
    let total = len as u128 * n as u128;
    let keep = match d.maxlen.get() {
        Some(m) => total.min(m as u128),
        None => total,
    };
    if keep > (isize::MAX as u128) / 16 {
        return Err(vm.new_exception(&vm.types.exceptions.memory_error, vec![]));
    }
    let snapshot: Vec<Value> = d.items.borrow().iter().cloned().collect();
    let mut new: VecDeque<Value> = VecDeque::new();
    if new.try_reserve_exact(keep as usize).is_err() {
        return Err(vm.new_exception(&vm.types.exceptions.memory_error, vec![]));
    }
    let first = total - keep;
    new.extend((first..total).map(|k| snapshot[(k % len as u128) as usize].clone()));
    let old = std::mem::replace(&mut *d.items.borrow_mut(), new);
    d.bump();
    drop(old);
    Ok(())
}

fn deque_mul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(n) = repeat_count(vm, &args[1])? else {
        if crate::builtins::misc::reflected_in_python(vm, &args[1], "__rmul__") {
            return Ok(vm.not_implemented());
        }
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(&args[1])
        )));
    };
    let new = copy_of(vm, &args[0])?;
    inplace_repeat(vm, dq(vm, &new)?, n)?;
    Ok(new)
}

fn deque_rmul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(n) = repeat_count(vm, &args[1])? else {
        return Ok(vm.not_implemented());
    };
    let new = copy_of(vm, &args[0])?;
    inplace_repeat(vm, dq(vm, &new)?, n)?;
    Ok(new)
}

fn deque_imul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(n) = repeat_count(vm, &args[1])? else {
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(&args[1])
        )));
    };
    inplace_repeat(vm, dq(vm, &args[0])?, n)?;
    Ok(args[0].clone())
}

fn deque_reduce(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "deque.__reduce__", args, kw)?;
    let this = &args[0];
    let d = dq(vm, this)?;
    let state = match this.as_obj().and_then(|o| o.dict.borrow().clone()) {
        Some(dict) if matches!(&dict.payload, Payload::Dict(dd) if !dd.borrow().is_empty()) => {
            Value::Obj(dict)
        }
        _ => Value::None,
    };
    let it = new_iter(vm, this, d, 0, false);
    let ctor_args = match d.maxlen.get() {
        None => vm.new_tuple(vec![]),
        Some(m) => vm.new_tuple(vec![vm.new_tuple(vec![]), Value::from(m)]),
    };
    Ok(vm.new_tuple(vec![vm.type_value(this), ctor_args, state, it]))
}

fn deque_maxlen(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(match dq(vm, v)?.maxlen.get() {
        Some(m) => Value::from(m),
        None => Value::None,
    })
}

/// `__reduce_ex__(protocol)`: the type's own `__reduce__`, as `object.__reduce_ex__` does
/// for a class that overrides `__reduce__` (what `copy.deepcopy` goes through).
pub(crate) fn reduce_ex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__reduce_ex__", &args[1..], kw, 1, 1)?;
    vm.call_method(&args[0], "__reduce__", &[])
}

// ---- deque iterators ----

pub struct DequeIter {
    deque: Value,
    /// Items already produced, counted from the iterator's starting end.
    pos: Cell<usize>,
    state: u64,
    left: Cell<usize>,
    reversed: bool,
}

impl NativeData for DequeIter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.deque);
    }
}

fn new_iter(vm: &Vm, this: &Value, d: &Deque, skip: usize, reversed: bool) -> Value {
    let n = d.len();
    let skip = skip.min(n);
    let key = if reversed {
        "_collections._deque_reverse_iterator"
    } else {
        "_collections._deque_iterator"
    };
    new_native(
        vm.types.other(key),
        DequeIter {
            deque: this.clone(),
            pos: Cell::new(skip),
            state: d.state.get(),
            left: Cell::new(n - skip),
            reversed,
        },
    )
}

fn deque_iter_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = native::<DequeIter>(vm, &args[0], "_collections._deque_iterator")?;
    let d = dq(vm, &it.deque)?;
    if d.state.get() != it.state {
        it.left.set(0);
        return Err(mutated(vm));
    }
    if it.left.get() == 0 {
        return Err(stop_iteration(vm));
    }
    let p = it.pos.get();
    let i = if it.reversed {
        d.len().checked_sub(p + 1)
    } else {
        Some(p)
    };
    it.pos.set(p + 1);
    it.left.set(it.left.get() - 1);
    i.and_then(|i| d.item(i)).ok_or_else(|| mutated(vm))
}

fn deque_iter_length_hint(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = native::<DequeIter>(vm, &args[0], "_collections._deque_iterator")?;
    Ok(Value::from(it.left.get()))
}

fn iter_self(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn deque_iter_new_impl(vm: &Vm, args: &[Value], kw: &[Value], reversed: bool) -> PyResult<Value> {
    let (key, name) = if reversed {
        (
            "_collections._deque_reverse_iterator",
            "_deque_reverse_iterator",
        )
    } else {
        ("_collections._deque_iterator", "_deque_iterator")
    };
    new_class(vm, args, key)?;
    check_count(vm, name, &args[1..], kw, 1, 2)?;
    let Some(d) = as_deque(&args[1]) else {
        return Err(vm.type_error(format!(
            "{name}() argument 1 must be collections.deque, not {}",
            vm.type_name(&args[1])
        )));
    };
    let skip = match args.get(2) {
        Some(i) => vm.index_i64(i)?.max(0) as usize,
        None => 0,
    };
    Ok(new_iter(vm, &args[1], d, skip, reversed))
}

fn deque_iter_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    deque_iter_new_impl(vm, args, kw, false)
}

fn deque_reviter_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    deque_iter_new_impl(vm, args, kw, true)
}

fn init_deque(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", deque_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__init__", deque_init),
            ("append", deque_append),
            ("appendleft", deque_appendleft),
            ("pop", deque_pop),
            ("popleft", deque_popleft),
            ("extend", deque_extend),
            ("extendleft", deque_extendleft),
            ("rotate", deque_rotate),
            ("clear", deque_clear),
            ("copy", deque_copy),
            ("__copy__", deque_copy_dunder),
            ("count", deque_count),
            ("index", deque_index),
            ("insert", deque_insert),
            ("remove", deque_remove),
            ("reverse", deque_reverse),
            ("__len__", deque_len),
            ("__getitem__", deque_getitem),
            ("__setitem__", deque_setitem),
            ("__delitem__", deque_delitem),
            ("__contains__", deque_contains),
            ("__iter__", deque_iter),
            ("__reversed__", deque_reversed),
            ("__repr__", deque_repr),
            ("__lt__", deque_lt),
            ("__le__", deque_le),
            ("__eq__", deque_eq),
            ("__ne__", deque_ne),
            ("__gt__", deque_gt),
            ("__ge__", deque_ge),
            ("__add__", deque_add),
            ("__iadd__", deque_iadd),
            ("__mul__", deque_mul),
            ("__rmul__", deque_rmul),
            ("__imul__", deque_imul),
            ("__reduce__", deque_reduce),
            ("__reduce_ex__", reduce_ex),
        ],
    );
    vm.add_methods_kind(
        t,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
    vm.add_attr(t, "__hash__", Value::None);
    let maxlen = crate::object::PyObject::new(
        vm.types.getset_descriptor.clone(),
        Payload::GetSet(Box::new(crate::builtins::function::GetSetDef {
            name: "maxlen",
            get: deque_maxlen,
            set: None,
            owner: DEQUE.into(),
        })),
    );
    vm.add_attr(t, "maxlen", Value::Obj(maxlen));
}

fn init_deque_iter(vm: &Vm, t: &PyRef) {
    let reversed = type_data(t).name.borrow().contains("reverse");
    vm.add_methods(
        t,
        &[
            ("__iter__", iter_self),
            ("__next__", deque_iter_next),
            ("__length_hint__", deque_iter_length_hint),
        ],
    );
    let new: crate::builtins::function::NativeFn = if reversed {
        deque_reviter_new
    } else {
        deque_iter_new
    };
    vm.add_methods_kind(t, &[("__new__", new)], MethodKind::Static);
}

// ---- defaultdict ----

const DEFAULTDICT: &str = "collections.defaultdict";

/// The instance-dict key under which a defaultdict keeps its `default_factory` (a
/// defaultdict's payload is the dict itself; exact defaultdicts have no `__dict__` of their
/// own, so the slot is free for this).
const FACTORY_KEY: &str = "default_factory";

fn factory_of(v: &Value) -> Value {
    let Some(o) = v.as_obj() else {
        return Value::None;
    };
    let d = o.dict.borrow();
    match d.as_ref().map(|d| &d.payload) {
        Some(Payload::Dict(dd)) => dd
            .borrow()
            .get_str(FACTORY_KEY)
            .cloned()
            .unwrap_or(Value::None),
        _ => Value::None,
    }
}

fn set_factory(vm: &Vm, v: &Value, f: Value) -> PyResult<()> {
    let Some(o) = v.as_obj() else {
        return Ok(());
    };
    let d = vm.instance_dict(o);
    let old = match &d.payload {
        Payload::Dict(dd) => dd.borrow_mut().set_str(vm.intern(FACTORY_KEY), f),
        _ => None,
    };
    drop(old);
    Ok(())
}

fn this_dd<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Value> {
    let t = vm.types.other(DEFAULTDICT);
    if crate::types::is_subtype(vm.class_of(v), &t) && matches!(v.payload(), Some(Payload::Dict(_)))
    {
        Ok(v)
    } else {
        Err(vm.type_error(format!(
            "descriptor requires a 'collections.defaultdict' object but received a '{}'",
            vm.type_name(v)
        )))
    }
}

fn dict_method(vm: &Vm, name: &str) -> PyResult<Value> {
    type_data(&vm.types.dict)
        .lookup(name)
        .ok_or_else(|| vm.attribute_error(name))
}

fn defaultdict_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let this = this_dd(vm, &args[0])?;
    let npos = args.len() - kwnames.len();
    let (factory, rest) = if npos >= 2 {
        (args[1].clone(), 2)
    } else {
        (Value::None, 1)
    };
    if !factory.is_none() && !is_callable(vm, &factory) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    set_factory(vm, this, factory)?;
    let init = dict_method(vm, "__init__")?;
    let mut full = Vec::with_capacity(args.len());
    full.push(this.clone());
    full.extend_from_slice(&args[rest..]);
    vm.call_with_kwnames(&init, &full, kwnames)
}

fn defaultdict_missing(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "defaultdict.__missing__", args, kw)?;
    let this = this_dd(vm, &args[0])?;
    let f = factory_of(this);
    if f.is_none() {
        return Err(vm.key_error(args[1].clone()));
    }
    let v = vm.call(&f, &[])?;
    vm.setitem(this, args[1].clone(), v.clone())?;
    Ok(v)
}

fn defaultdict_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = this_dd(vm, &args[0])?;
    let base = vm.call(&dict_method(vm, "__repr__")?, std::slice::from_ref(this))?;
    let base = vm.str(&base)?;
    let f = factory_of(this);
    let frepr = if f.is_none() {
        "None".to_string()
    } else if !vm.repr_enter(&f) {
        "...".to_string()
    } else {
        let r = vm.repr(&f);
        vm.repr_leave(&f);
        r?
    };
    Ok(vm.new_string(format!("{}({frepr}, {base})", vm.type_name(this))))
}

fn defaultdict_copy(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "defaultdict.copy", args, kw)?;
    let this = this_dd(vm, &args[0])?;
    vm.call(&vm.type_value(this), &[factory_of(this), this.clone()])
}

fn defaultdict_reduce(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "defaultdict.__reduce__", args, kw)?;
    let this = this_dd(vm, &args[0])?;
    let f = factory_of(this);
    let ctor_args = if f.is_none() {
        vm.new_tuple(vec![])
    } else {
        vm.new_tuple(vec![f])
    };
    let items = vm.call_method(this, "items", &[])?;
    let it = vm.get_iter(&items)?;
    Ok(vm.new_tuple(vec![
        vm.type_value(this),
        ctor_args,
        Value::None,
        Value::None,
        it,
    ]))
}

/// `left | right` where `left` (or, reflected, `right`) is the defaultdict `this`.
fn defaultdict_or_impl(vm: &Vm, this: &Value, left: &Value, right: &Value) -> PyResult<Value> {
    let other = if this.is(left) { right } else { left };
    if !matches!(other.payload(), Some(Payload::Dict(_))) {
        return Ok(vm.not_implemented());
    }
    let new = vm.call(&vm.type_value(this), &[factory_of(this), left.clone()])?;
    vm.call_method(&new, "update", std::slice::from_ref(right))?;
    Ok(new)
}

fn defaultdict_or(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = this_dd(vm, &args[0])?;
    defaultdict_or_impl(vm, this, &args[0], &args[1])
}

fn defaultdict_ror(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = this_dd(vm, &args[0])?;
    defaultdict_or_impl(vm, this, &args[1], &args[0])
}

fn get_default_factory(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(factory_of(this_dd(vm, v)?))
}

fn set_default_factory(vm: &Vm, v: &Value, f: Option<Value>) -> PyResult<()> {
    set_factory(vm, this_dd(vm, v)?, f.unwrap_or(Value::None))
}

fn init_defaultdict(vm: &Vm, t: &PyRef) {
    vm.add_methods(
        t,
        &[
            ("__init__", defaultdict_init),
            ("__missing__", defaultdict_missing),
            ("__repr__", defaultdict_repr),
            ("copy", defaultdict_copy),
            ("__copy__", defaultdict_copy),
            ("__reduce__", defaultdict_reduce),
            ("__reduce_ex__", reduce_ex),
            ("__or__", defaultdict_or),
            ("__ror__", defaultdict_ror),
        ],
    );
    let g = crate::object::PyObject::new(
        vm.types.getset_descriptor.clone(),
        Payload::GetSet(Box::new(crate::builtins::function::GetSetDef {
            name: "default_factory",
            get: get_default_factory,
            set: Some(set_default_factory),
            owner: DEFAULTDICT.into(),
        })),
    );
    vm.add_attr(t, "default_factory", Value::Obj(g));
}

// ---- _count_elements ----

fn count_elements(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_count_elements", args, kw, 2, 2)?;
    let (mapping, iterable) = (&args[0], &args[1]);
    let it = vm.get_iter(iterable)?;
    let cls = type_data(vm.class_of(mapping));
    let fast = match mapping.payload() {
        Some(Payload::Dict(d)) => {
            let same = |name: &str| match (cls.lookup(name), type_data(&vm.types.dict).own(name)) {
                (Some(a), Some(b)) => a.is(&b),
                _ => false,
            };
            (same("get") && same("__setitem__")).then_some(d)
        }
        _ => None,
    };
    if let Some(d) = fast {
        while let Some(elem) = vm.next(&it)? {
            let new = match crate::dict::lookup(vm, d, &elem)? {
                None => Value::Int(1),
                Some(old) => vm.binary_op(&old, &Value::Int(1), 0)?,
            };
            crate::dict::set_item(vm, d, elem, new)?;
        }
        return Ok(Value::None);
    }
    let get = vm.getattr_str(mapping, "get")?;
    while let Some(elem) = vm.next(&it)? {
        let old = vm.call(&get, &[elem.clone(), Value::Int(0)])?;
        let new = vm.binary_op(&old, &Value::Int(1), 0)?;
        vm.setitem(mapping, elem, new)?;
    }
    Ok(Value::None)
}

// ---- _tuplegetter ----

pub struct TupleGetter {
    index: usize,
    doc: RefCell<Value>,
}

impl NativeData for TupleGetter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(d) = self.doc.try_borrow() {
            visit(&d);
        }
    }
}

const TUPLEGETTER: &str = "_collections._tuplegetter";

fn tuplegetter_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, TUPLEGETTER)?;
    check_count(vm, "_tuplegetter", &args[1..], kw, 2, 2)?;
    let index = vm.index_i64(&args[1])?;
    Ok(new_native(
        cls,
        TupleGetter {
            index: index.max(0) as usize,
            doc: RefCell::new(args[2].clone()),
        },
    ))
}

fn tuplegetter_get(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = native::<TupleGetter>(vm, &args[0], TUPLEGETTER)?;
    let obj = &args[1];
    if obj.is_none() {
        return Ok(args[0].clone());
    }
    let Some(Payload::Tuple(items)) = obj.payload() else {
        return Err(vm.type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            vm.type_name(obj)
        )));
    };
    items
        .get(g.index)
        .cloned()
        .ok_or_else(|| vm.index_error("tuple index out of range"))
}

fn tuplegetter_set(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.attribute_error("can't set attribute"))
}

fn tuplegetter_delete(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.attribute_error("can't delete attribute"))
}

fn tuplegetter_reduce(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = native::<TupleGetter>(vm, &args[0], TUPLEGETTER)?;
    let doc = g.doc.borrow().clone();
    Ok(vm.new_tuple(vec![
        vm.type_value(&args[0]),
        vm.new_tuple(vec![Value::from(g.index), doc]),
    ]))
}

fn tuplegetter_doc(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(native::<TupleGetter>(vm, v, TUPLEGETTER)?
        .doc
        .borrow()
        .clone())
}

fn tuplegetter_set_doc(vm: &Vm, v: &Value, d: Option<Value>) -> PyResult<()> {
    let g = native::<TupleGetter>(vm, v, TUPLEGETTER)?;
    let old = std::mem::replace(&mut *g.doc.borrow_mut(), d.unwrap_or(Value::None));
    drop(old);
    Ok(())
}

fn init_tuplegetter(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", tuplegetter_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__get__", tuplegetter_get),
            ("__set__", tuplegetter_set),
            ("__delete__", tuplegetter_delete),
            ("__reduce__", tuplegetter_reduce),
        ],
    );
    vm.add_getsets(
        t,
        &[("__doc__", tuplegetter_doc, Some(tuplegetter_set_doc))],
    );
}

// ---- the module ----

/// Makes the `_collections` module.
pub fn module(vm: &Vm) -> Value {
    let deque = native_type(
        vm,
        DEQUE,
        None,
        Layout::Native,
        flags::BASETYPE | flags::SEQUENCE,
        init_deque,
    );
    let iter = native_type(
        vm,
        "_collections._deque_iterator",
        None,
        Layout::Native,
        0,
        init_deque_iter,
    );
    let reviter = native_type(
        vm,
        "_collections._deque_reverse_iterator",
        None,
        Layout::Native,
        0,
        init_deque_iter,
    );
    let dict = vm.types.dict.clone();
    let dd = native_type(
        vm,
        DEFAULTDICT,
        Some(&dict),
        Layout::Dict,
        flags::BASETYPE | flags::MAPPING,
        init_defaultdict,
    );
    let tg = native_type(vm, TUPLEGETTER, None, Layout::Native, 0, init_tuplegetter);
    let m = vm.new_module("_collections");
    let d = vm.module_dict(&m);
    for (name, t) in [
        ("deque", deque),
        ("_deque_iterator", iter),
        ("_deque_reverse_iterator", reviter),
        ("defaultdict", dd),
        ("_tuplegetter", tg),
    ] {
        let _ = vm.dict_set_str(&d, vm.intern(name), Value::Obj(t));
    }
    let _ = vm.dict_set_str(
        &d,
        vm.intern("_count_elements"),
        vm.new_builtin_function("_count_elements", count_elements),
    );
    Value::Obj(m)
}
