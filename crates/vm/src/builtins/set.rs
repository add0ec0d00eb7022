//! `set` and `frozenset`. The table is `crate::set`.
//! Counterpart: Objects/setobject.c (3.11).

use std::cell::{Cell, RefCell};

use crate::builtins::function::{MethodKind, check_count};
use crate::object::{NativeData, Payload, PyObject};
use crate::set::SetData;
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The table of a set or frozenset value.
fn table_of(v: &Value) -> Option<SetRef<'_>> {
    match v.payload() {
        Some(Payload::Set(s)) => Some(SetRef::Mutable(s)),
        Some(Payload::FrozenSet(s)) => Some(SetRef::Frozen(s)),
        _ => None,
    }
}

enum SetRef<'a> {
    Mutable(&'a RefCell<SetData>),
    Frozen(&'a SetData),
}

impl SetRef<'_> {
    fn items(&self) -> Vec<Value> {
        match self {
            SetRef::Mutable(s) => s.borrow().items(),
            SetRef::Frozen(s) => s.items(),
        }
    }

    fn len(&self) -> usize {
        match self {
            SetRef::Mutable(s) => s.borrow().len(),
            SetRef::Frozen(s) => s.len(),
        }
    }

    fn data(&self) -> SetData {
        match self {
            SetRef::Mutable(s) => s.borrow().clone(),
            SetRef::Frozen(s) => (*s).clone(),
        }
    }
}

fn contains_in(vm: &Vm, v: &Value, key: &Value) -> PyResult<bool> {
    match v.payload() {
        Some(Payload::Set(s)) => crate::set::contains(vm, s, key),
        Some(Payload::FrozenSet(s)) => {
            let cell = RefCell::new(s.clone());
            crate::set::contains(vm, &cell, key)
        }
        _ => vm.contains(v, key),
    }
}

/// A key for set membership: unhashable sets are looked up as frozensets.
fn as_key(vm: &Vm, key: &Value) -> PyResult<Value> {
    if let Some(Payload::Set(s)) = key.payload() {
        return Ok(new_frozenset(vm, s.borrow().clone()));
    }
    Ok(key.clone())
}

pub fn new_set(vm: &Vm, data: SetData) -> Value {
    Value::Obj(PyObject::new(
        vm.types.set.clone(),
        Payload::Set(RefCell::new(data)),
    ))
}

pub fn new_frozenset(vm: &Vm, data: SetData) -> Value {
    Value::Obj(PyObject::new(
        vm.types.frozenset.clone(),
        Payload::FrozenSet(data),
    ))
}

/// Fills `data` from an iterable, with CPython's bulk paths for sets and dicts.
pub fn fill_from(vm: &Vm, data: &RefCell<SetData>, iterable: &Value) -> PyResult<()> {
    match iterable.payload() {
        Some(Payload::Set(_) | Payload::FrozenSet(_)) => {
            let other = table_of(iterable).map(|t| t.data()).unwrap_or_default();
            let mut d = data.borrow_mut();
            if d.is_empty() {
                d.copy_from(&other);
                return Ok(());
            }
            d.reserve_for(other.len());
            for (h, v) in other.entries() {
                d.add_simple(h, v);
            }
            Ok(())
        }
        Some(Payload::Dict(dd))
            if iterable
                .as_obj()
                .is_some_and(|o| crate::types::kind_of(o) == TypeKind::Dict) =>
        {
            let keys = dd.borrow().keys();
            data.borrow_mut().reserve_for(keys.len());
            for k in keys {
                crate::set::add(vm, data, k)?;
            }
            Ok(())
        }
        _ => {
            let it = vm.get_iter(iterable)?;
            while let Some(x) = vm.next(&it)? {
                crate::set::add(vm, data, x)?;
            }
            Ok(())
        }
    }
}

/// `set(iterable)`.
pub fn set_from_iterable(vm: &Vm, iterable: &Value) -> PyResult<Value> {
    let data = RefCell::new(SetData::new());
    fill_from(vm, &data, iterable)?;
    Ok(new_set(vm, data.into_inner()))
}

impl Vm {
    pub(crate) fn new_set_from(&self, items: Vec<Value>) -> PyResult<Value> {
        let data = RefCell::new(SetData::new());
        for v in items {
            crate::set::add(self, &data, v)?;
        }
        Ok(new_set(self, data.into_inner()))
    }

    pub(crate) fn set_add(&self, target: &Value, v: Value) -> PyResult<()> {
        match target.payload() {
            Some(Payload::Set(s)) => crate::set::add(self, s, v),
            _ => Err(self.system_error("SET_ADD on a non-set")),
        }
    }

    pub(crate) fn set_update(&self, target: &Value, it: &Value) -> PyResult<()> {
        match target.payload() {
            Some(Payload::Set(s)) => fill_from(self, s, it),
            _ => Err(self.system_error("SET_UPDATE on a non-set")),
        }
    }
}

fn is_frozen(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::FrozenSet(_)))
}

/// A result of the same kind as `like` (set or frozenset; subclasses give the base type).
fn same_kind(vm: &Vm, like: &Value, data: SetData) -> Value {
    if is_frozen(like) {
        new_frozenset(vm, data)
    } else {
        new_set(vm, data)
    }
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<SetRef<'a>> {
    table_of(v).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn mutable<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RefCell<SetData>> {
    match v.payload() {
        Some(Payload::Set(s)) => Ok(s),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn set_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("set.__new__(X): X is not a type object"));
    };
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Set(RefCell::new(SetData::new())),
    )))
}

fn set_init(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "set expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let s = mutable(vm, &args[0])?;
    s.borrow_mut().clear();
    if let Some(it) = args.get(1) {
        fill_from(vm, s, it)?;
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("frozenset.__new__(X): X is not a type object"));
    };
    if !kw.is_empty() {
        return Err(vm.type_error("frozenset() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "frozenset expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let exact = std::rc::Rc::ptr_eq(&cls, &vm.types.frozenset);
    if let Some(it) = args.get(1)
        && exact
        && is_frozen(it)
        && it
            .as_obj()
            .is_some_and(|o| crate::types::kind_of(o) == TypeKind::FrozenSet)
    {
        return Ok(it.clone());
    }
    let data = RefCell::new(SetData::new());
    if let Some(it) = args.get(1) {
        fill_from(vm, &data, it)?;
    }
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::FrozenSet(data.into_inner()),
    )))
}

fn set_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = this(vm, &args[0])?.items();
    let name = vm.type_name(&args[0]);
    let frozen = is_frozen(&args[0]);
    if items.is_empty() {
        return Ok(vm.new_string(format!("{name}()")));
    }
    if !vm.repr_enter(&args[0]) {
        return Ok(vm.new_string(format!("{name}(...)")));
    }
    let r = (|| {
        let mut parts = Vec::with_capacity(items.len());
        for it in &items {
            parts.push(vm.repr(it)?);
        }
        let body = format!("{{{}}}", parts.join(", "));
        Ok(vm.new_string(if name == "set" && !frozen {
            body
        } else {
            format!("{name}({body})")
        }))
    })();
    vm.repr_leave(&args[0]);
    r
}

fn set_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(this(vm, &args[0])?.len()))
}

fn set_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?;
    let k = as_key(vm, &args[1])?;
    Ok(Value::bool(contains_in(vm, &args[0], &k)?))
}

fn set_add_m(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "set.add", &args[1..], kw, 1, 1)?;
    crate::set::add(vm, mutable(vm, &args[0])?, args[1].clone())?;
    Ok(Value::None)
}

fn set_discard(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "set.discard", &args[1..], kw, 1, 1)?;
    let k = as_key(vm, &args[1])?;
    crate::set::discard(vm, mutable(vm, &args[0])?, &k)?;
    Ok(Value::None)
}

fn set_remove(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "set.remove", &args[1..], kw, 1, 1)?;
    let k = as_key(vm, &args[1])?;
    if !crate::set::discard(vm, mutable(vm, &args[0])?, &k)? {
        return Err(vm.key_error(args[1].clone()));
    }
    Ok(Value::None)
}

fn set_pop(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match mutable(vm, &args[0])?.borrow_mut().pop() {
        Some(v) => Ok(v),
        None => Err(vm.key_error(vm.new_str("pop from an empty set"))),
    }
}

fn set_clear(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let old = std::mem::take(&mut *mutable(vm, &args[0])?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn set_copy(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(vm, &args[0])?;
    if is_frozen(&args[0])
        && args[0]
            .as_obj()
            .is_some_and(|o| crate::types::kind_of(o) == TypeKind::FrozenSet)
    {
        return Ok(args[0].clone());
    }
    let mut d = SetData::new();
    d.copy_from(&t.data());
    Ok(same_kind(vm, &args[0], d))
}

fn set_update_m(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = mutable(vm, &args[0])?;
    for other in &args[1..] {
        fill_from(vm, s, other)?;
    }
    Ok(Value::None)
}

fn union(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(vm, &args[0])?;
    let mut d = SetData::new();
    d.copy_from(&t.data());
    let cell = RefCell::new(d);
    for other in &args[1..] {
        fill_from(vm, &cell, other)?;
    }
    Ok(same_kind(vm, &args[0], cell.into_inner()))
}

fn intersection_data(vm: &Vm, a: &Value, b: &Value) -> PyResult<SetData> {
    let out = RefCell::new(SetData::new());
    let (small, big) = match (table_of(a), table_of(b)) {
        (Some(x), Some(y)) if y.len() < x.len() => (b, a),
        _ => (a, b),
    };
    let items: Vec<Value> = if table_of(small).is_some() {
        table_of(small).map(|t| t.items()).unwrap_or_default()
    } else {
        vm.iterate(small)?
    };
    let big_is_set = table_of(big).is_some();
    let big_set = if big_is_set {
        big.clone()
    } else {
        set_from_iterable(vm, big)?
    };
    let _ = small;
    for x in items {
        if contains_in(vm, &big_set, &x)? {
            crate::set::add(vm, &out, x)?;
        }
    }
    Ok(out.into_inner())
}

fn intersection(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?;
    let mut cur = args[0].clone();
    let mut data = this(vm, &args[0])?.data();
    for other in &args[1..] {
        data = intersection_data(vm, &cur, other)?;
        cur = new_set(vm, data.clone());
    }
    if args.len() == 1 {
        let mut d = SetData::new();
        d.copy_from(&data);
        data = d;
    }
    Ok(same_kind(vm, &args[0], data))
}

fn intersection_update(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = mutable(vm, &args[0])?;
    let mut cur = args[0].clone();
    for other in &args[1..] {
        let d = intersection_data(vm, &cur, other)?;
        cur = new_set(vm, d);
    }
    if let Some(Payload::Set(c)) = cur.payload() {
        let d = c.borrow().clone();
        *s.borrow_mut() = d;
    }
    Ok(Value::None)
}

fn difference_data(vm: &Vm, a: &Value, others: &[Value]) -> PyResult<SetData> {
    let mut d = SetData::new();
    d.copy_from(&this(vm, a)?.data());
    let cell = RefCell::new(d);
    for o in others {
        let items: Vec<Value> = match table_of(o) {
            Some(t) => t.items(),
            None => vm.iterate(o)?,
        };
        for x in items {
            crate::set::discard(vm, &cell, &x)?;
        }
    }
    Ok(cell.into_inner())
}

fn difference(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = difference_data(vm, &args[0], &args[1..])?;
    Ok(same_kind(vm, &args[0], d))
}

fn difference_update(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = mutable(vm, &args[0])?;
    for o in &args[1..] {
        let items: Vec<Value> = match table_of(o) {
            Some(t) => t.items(),
            None => vm.iterate(o)?,
        };
        for x in items {
            crate::set::discard(vm, s, &x)?;
        }
    }
    Ok(Value::None)
}

fn symdiff_data(vm: &Vm, a: &Value, b: &Value) -> PyResult<SetData> {
    let mut d = SetData::new();
    d.copy_from(&this(vm, a)?.data());
    let cell = RefCell::new(d);
    let other = match table_of(b) {
        Some(_) => b.clone(),
        None => set_from_iterable(vm, b)?,
    };
    for x in table_of(&other).map(|t| t.items()).unwrap_or_default() {
        if !crate::set::discard(vm, &cell, &x)? {
            crate::set::add(vm, &cell, x)?;
        }
    }
    Ok(cell.into_inner())
}

fn symmetric_difference(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "symmetric_difference", &args[1..], kw, 1, 1)?;
    let d = symdiff_data(vm, &args[0], &args[1])?;
    Ok(same_kind(vm, &args[0], d))
}

fn symmetric_difference_update(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "symmetric_difference_update", &args[1..], kw, 1, 1)?;
    let s = mutable(vm, &args[0])?;
    let d = symdiff_data(vm, &args[0], &args[1])?;
    *s.borrow_mut() = d;
    Ok(Value::None)
}

fn subset(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let items = this(vm, a)?.items();
    if let (Some(x), Some(y)) = (table_of(a), table_of(b))
        && x.len() > y.len()
    {
        return Ok(false);
    }
    for x in items {
        if !contains_in(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issubset(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "issubset", &args[1..], kw, 1, 1)?;
    let other = if table_of(&args[1]).is_some() {
        args[1].clone()
    } else {
        set_from_iterable(vm, &args[1])?
    };
    Ok(Value::bool(subset(vm, &args[0], &other)?))
}

fn issuperset(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "issuperset", &args[1..], kw, 1, 1)?;
    let other = if table_of(&args[1]).is_some() {
        args[1].clone()
    } else {
        set_from_iterable(vm, &args[1])?
    };
    Ok(Value::bool(subset(vm, &other, &args[0])?))
}

fn isdisjoint(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "isdisjoint", &args[1..], kw, 1, 1)?;
    this(vm, &args[0])?;
    for x in vm.iterate(&args[1])? {
        if contains_in(vm, &args[0], &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn binop(
    vm: &Vm,
    args: &[Value],
    f: fn(&Vm, &[Value], &[Value]) -> PyResult<Value>,
) -> PyResult<Value> {
    if table_of(&args[1]).is_none() {
        return Ok(vm.not_implemented());
    }
    f(vm, &args[..2], &[])
}

fn set_or(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    binop(vm, args, union)
}

fn set_and(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    binop(vm, args, intersection)
}

fn set_sub(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    binop(vm, args, difference)
}

fn set_xor(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    binop(vm, args, symmetric_difference)
}

fn set_rsub(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if table_of(&args[1]).is_none() {
        return Ok(vm.not_implemented());
    }
    difference(vm, &[args[1].clone(), args[0].clone()], &[])
}

fn set_ror(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if table_of(&args[1]).is_none() {
        return Ok(vm.not_implemented());
    }
    union(vm, &[args[1].clone(), args[0].clone()], &[])
}

fn set_rand(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if table_of(&args[1]).is_none() {
        return Ok(vm.not_implemented());
    }
    intersection(vm, &[args[1].clone(), args[0].clone()], &[])
}

fn set_rxor(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if table_of(&args[1]).is_none() {
        return Ok(vm.not_implemented());
    }
    symmetric_difference(vm, &[args[1].clone(), args[0].clone()], &[])
}

fn inplace(
    vm: &Vm,
    args: &[Value],
    f: fn(&Vm, &[Value], &[Value]) -> PyResult<Value>,
) -> PyResult<Value> {
    if table_of(&args[1]).is_none() {
        return Ok(vm.not_implemented());
    }
    f(vm, &args[..2], &[])?;
    Ok(args[0].clone())
}

fn set_ior(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    inplace(vm, args, set_update_m)
}

fn set_iand(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    inplace(vm, args, intersection_update)
}

fn set_isub(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    inplace(vm, args, difference_update)
}

fn set_ixor(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    inplace(vm, args, symmetric_difference_update)
}

fn cmp(vm: &Vm, args: &[Value], op: crate::protocol::CmpOp) -> PyResult<Value> {
    use crate::protocol::CmpOp::*;
    let Some(b) = table_of(&args[1]) else {
        return Ok(vm.not_implemented());
    };
    let a = this(vm, &args[0])?;
    let (la, lb) = (a.len(), b.len());
    Ok(Value::bool(match op {
        Eq => la == lb && subset(vm, &args[0], &args[1])?,
        Ne => !(la == lb && subset(vm, &args[0], &args[1])?),
        Le => subset(vm, &args[0], &args[1])?,
        Lt => la < lb && subset(vm, &args[0], &args[1])?,
        Ge => subset(vm, &args[1], &args[0])?,
        Gt => la > lb && subset(vm, &args[1], &args[0])?,
    }))
}

fn set_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cmp(vm, args, crate::protocol::CmpOp::Eq)
}
fn set_ne(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cmp(vm, args, crate::protocol::CmpOp::Ne)
}
fn set_lt(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cmp(vm, args, crate::protocol::CmpOp::Lt)
}
fn set_le(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cmp(vm, args, crate::protocol::CmpOp::Le)
}
fn set_gt(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cmp(vm, args, crate::protocol::CmpOp::Gt)
}
fn set_ge(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cmp(vm, args, crate::protocol::CmpOp::Ge)
}

fn frozenset_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::FrozenSet(s)) = args[0].payload() else {
        return Err(vm.type_error("frozenset required"));
    };
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut hash: u64 = 0;
    for (h, _) in s.entries() {
        hash ^= shuffle(h as u64);
    }
    hash ^= (s.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    Ok(Value::Int(hash as i64))
}

/// Iterator over a set's table.
pub struct SetIter {
    pub set: RefCell<Option<Value>>,
    pub pos: Cell<usize>,
    pub len: usize,
}

impl NativeData for SetIter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = &*self.set.borrow() {
            visit(s);
        }
    }
    fn clear(&self) {
        self.set.borrow_mut().take();
    }
}

fn set_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let len = this(vm, &args[0])?.len();
    Ok(Value::Obj(PyObject::new(
        vm.types.other("set_iterator"),
        Payload::Native(Box::new(SetIter {
            set: RefCell::new(Some(args[0].clone())),
            pos: Cell::new(0),
            len,
        })),
    )))
}

/// `next()` on a set iterator.
pub fn set_iter_next(vm: &Vm, it: &SetIter) -> PyResult<Option<Value>> {
    let Some(s) = it.set.borrow().clone() else {
        return Ok(None);
    };
    let r = match s.payload() {
        Some(Payload::Set(d)) => {
            let d = d.borrow();
            if d.len() != it.len {
                it.pos.set(usize::MAX / 2);
                return Err(vm.runtime_error("Set changed size during iteration"));
            }
            d.item_at(it.pos.get()).map(|(n, v)| (n, v.clone()))
        }
        Some(Payload::FrozenSet(d)) => d.item_at(it.pos.get()).map(|(n, v)| (n, v.clone())),
        _ => None,
    };
    match r {
        Some((n, v)) => {
            it.pos.set(n);
            Ok(Some(v))
        }
        None => {
            it.set.borrow_mut().take();
            Ok(None)
        }
    }
}

fn set_reduce(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = this(vm, &args[0])?.items();
    Ok(vm.new_tuple(vec![
        vm.type_value(&args[0]),
        vm.new_tuple(vec![vm.new_list(items)]),
        Value::None,
    ]))
}

pub fn init(vm: &Vm) {
    let common: &[(&'static str, crate::builtins::function::NativeFn)] = &[
        ("__repr__", set_repr),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("__or__", set_or),
        ("__and__", set_and),
        ("__sub__", set_sub),
        ("__xor__", set_xor),
        ("__ror__", set_ror),
        ("__rand__", set_rand),
        ("__rsub__", set_rsub),
        ("__rxor__", set_rxor),
        ("__eq__", set_eq),
        ("__ne__", set_ne),
        ("__lt__", set_lt),
        ("__le__", set_le),
        ("__gt__", set_gt),
        ("__ge__", set_ge),
        ("__reduce__", set_reduce),
        ("copy", set_copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    let s = &vm.types.set;
    vm.add_methods(s, common);
    vm.add_methods(
        s,
        &[
            ("__init__", set_init),
            ("__ior__", set_ior),
            ("__iand__", set_iand),
            ("__isub__", set_isub),
            ("__ixor__", set_ixor),
            ("add", set_add_m),
            ("discard", set_discard),
            ("remove", set_remove),
            ("pop", set_pop),
            ("clear", set_clear),
            ("update", set_update_m),
            ("intersection_update", intersection_update),
            ("difference_update", difference_update),
            ("symmetric_difference_update", symmetric_difference_update),
        ],
    );
    vm.add_methods_kind(s, &[("__new__", set_new)], MethodKind::Static);
    vm.add_methods_kind(
        s,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
    vm.add_attr(s, "__hash__", Value::None);
    let f = &vm.types.frozenset;
    vm.add_methods(f, common);
    vm.add_methods(f, &[("__hash__", frozenset_hash)]);
    vm.add_methods_kind(f, &[("__new__", frozenset_new)], MethodKind::Static);
    vm.add_methods_kind(
        f,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
}
