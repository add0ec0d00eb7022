//! `dict` and its views. The table itself is `crate::dict`.
//! Counterpart: Objects/dictobject.c (3.11).

use std::cell::RefCell;

use crate::builtins::function::{MethodKind, check_count};
use crate::dict::DictData;
use crate::object::{NativeData, Payload, PyObject};
use crate::types::TypeKind;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// A new empty exact dict.
pub fn new_dict() -> PyRef {
    crate::vm::with_types(|t| {
        PyObject::new(t.dict.clone(), Payload::Dict(RefCell::new(DictData::new())))
    })
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RefCell<DictData>> {
    match v.payload() {
        Some(Payload::Dict(d)) => Ok(d),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `target.update(m)` where `m` is a mapping (has `keys`) or an iterable of pairs.
pub fn update_from(vm: &Vm, target: &Value, m: &Value) -> PyResult<()> {
    let d = this(vm, target)?;
    if let Some(Payload::Dict(src)) = m.payload()
        && m.as_obj().is_some_and(|o| crate::types::kind_of(o) == TypeKind::Dict || vm.lookup_special(m, "keys").is_some_and(|k| matches!(k.payload(), Some(Payload::MethodDescriptor(md)) if md.owner == "dict")))
    {
        let items = src.borrow().items();
        for (k, v) in items {
            crate::dict::set_item(vm, d, k, v)?;
        }
        return Ok(());
    }
    if let Some(keys) = vm.getattr_opt(m, "keys")? {
        let ks = vm.call(&keys, &[])?;
        for k in vm.iterate(&ks)? {
            let v = vm.getitem(m, &k)?;
            crate::dict::set_item(vm, d, k, v)?;
        }
        return Ok(());
    }
    let it = vm.get_iter(m)?;
    let mut i = 0;
    while let Some(pair) = vm.next(&it)? {
        let kv = match vm.iterate(&pair) {
            Ok(kv) => kv,
            Err(e) if vm.exc_matches(&e, &vm.types.exceptions.type_error) => {
                return Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )));
            }
            Err(e) => return Err(e),
        };
        if kv.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        let mut kv = kv.into_iter();
        let (k, v) = (kv.next().unwrap_or_default(), kv.next().unwrap_or_default());
        crate::dict::set_item(vm, d, k, v)?;
        i += 1;
    }
    Ok(())
}

fn dict_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("dict.__new__(X): X is not a type object"));
    };
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Dict(RefCell::new(DictData::new())),
    )))
}

fn dict_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    merge_args(vm, "dict", args, kwnames)
}

/// `dict(m, **kw)` / `d.update(m, **kw)`: a mapping or pairs, then the keywords.
fn merge_args(vm: &Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos > 2 {
        return Err(vm.type_error(format!(
            "{name} expected at most 1 argument, got {}",
            npos - 1
        )));
    }
    if npos == 2 {
        update_from(vm, &args[0], &args[1])?;
    }
    let d = this(vm, &args[0])?;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        crate::dict::set_item(vm, d, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = this(vm, &args[0])?.borrow().items();
    if items.is_empty() {
        return Ok(vm.new_str("{}"));
    }
    if !vm.repr_enter(&args[0]) {
        return Ok(vm.new_str("{...}"));
    }
    let r = (|| {
        let mut out = String::from("{");
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr(k)?);
            out.push_str(": ");
            out.push_str(&vm.repr(v)?);
        }
        out.push('}');
        Ok(vm.new_string(out))
    })();
    vm.repr_leave(&args[0]);
    r
}

fn dict_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(this(vm, &args[0])?.borrow().len()))
}

fn dict_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(vm, &args[0])?;
    match crate::dict::lookup(vm, d, &args[1])? {
        Some(v) => Ok(v),
        None => {
            if let Value::Obj(o) = &args[0]
                && crate::types::kind_of(o) == TypeKind::Heap
                && let Some(m) = vm.lookup_special(&args[0], "__missing__")
            {
                return vm.call(&m, &[args[0].clone(), args[1].clone()]);
            }
            Err(vm.key_error(args[1].clone()))
        }
    }
}

fn dict_setitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::dict::set_item(vm, this(vm, &args[0])?, args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn dict_delitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match crate::dict::remove(vm, this(vm, &args[0])?, &args[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args[1].clone())),
    }
}

fn dict_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(
        crate::dict::lookup(vm, this(vm, &args[0])?, &args[1])?.is_some(),
    ))
}

fn dict_get(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "get", &args[1..], kw, 1, 2)?;
    Ok(crate::dict::lookup(vm, this(vm, &args[0])?, &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_setdefault(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "setdefault", &args[1..], kw, 1, 2)?;
    let d = this(vm, &args[0])?;
    if let Some(v) = crate::dict::lookup(vm, d, &args[1])? {
        return Ok(v);
    }
    let v = args.get(2).cloned().unwrap_or(Value::None);
    crate::dict::set_item(vm, d, args[1].clone(), v.clone())?;
    Ok(v)
}

fn dict_pop(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "pop", &args[1..], kw, 1, 2)?;
    match crate::dict::remove(vm, this(vm, &args[0])?, &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.key_error(args[1].clone())),
        },
    }
}

fn dict_popitem(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "dict.popitem", &args[1..], kw, 0, 0)?;
    match this(vm, &args[0])?.borrow_mut().pop_last() {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => Err(vm.key_error(vm.new_str("popitem(): dictionary is empty"))),
    }
}

fn dict_keys(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "dict.keys", &args[1..], kw, 0, 0)?;
    this(vm, &args[0])?;
    Ok(new_view(vm, &args[0], ViewKind::Keys))
}

fn dict_values(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "dict.values", &args[1..], kw, 0, 0)?;
    this(vm, &args[0])?;
    Ok(new_view(vm, &args[0], ViewKind::Values))
}

fn dict_items(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "dict.items", &args[1..], kw, 0, 0)?;
    this(vm, &args[0])?;
    Ok(new_view(vm, &args[0], ViewKind::Items))
}

fn dict_update(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    merge_args(vm, "update", args, kwnames)
}

fn dict_clear(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "dict.clear", &args[1..], kw, 0, 0)?;
    let old = std::mem::take(&mut *this(vm, &args[0])?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn dict_copy(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "dict.copy", &args[1..], kw, 0, 0)?;
    let d = this(vm, &args[0])?.borrow().clone();
    Ok(Value::Obj(PyObject::new(
        vm.types.dict.clone(),
        Payload::Dict(RefCell::new(d)),
    )))
}

fn dict_fromkeys(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "fromkeys", &args[1..], kw, 1, 2)?;
    let d = vm.call(&args[0], &[])?;
    let v = args.get(2).cloned().unwrap_or(Value::None);
    for k in vm.iterate(&args[1])? {
        vm.setitem(&d, k, v.clone())?;
    }
    Ok(d)
}

fn dict_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?;
    Ok(new_dict_iter(vm, &args[0], ViewKind::Keys, false))
}

fn dict_reversed(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?;
    Ok(new_dict_iter(vm, &args[0], ViewKind::Keys, true))
}

fn dict_eq_impl(vm: &Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let da = this(vm, a)?;
    let Some(Payload::Dict(db)) = b.payload() else {
        return Ok(None);
    };
    if da.borrow().len() != db.borrow().len() {
        return Ok(Some(false));
    }
    let items = da.borrow().items();
    for (k, v) in items {
        match crate::dict::lookup(vm, db, &k)? {
            Some(w) => {
                if !vm.eq_identity_first(&v, &w)? {
                    return Ok(Some(false));
                }
            }
            None => return Ok(Some(false)),
        }
    }
    Ok(Some(true))
}

fn dict_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(match dict_eq_impl(vm, &args[0], &args[1])? {
        Some(r) => Value::bool(r),
        None => vm.not_implemented(),
    })
}

fn dict_ne(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(match dict_eq_impl(vm, &args[0], &args[1])? {
        Some(r) => Value::bool(!r),
        None => vm.not_implemented(),
    })
}

fn dict_or(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if !matches!(args[1].payload(), Some(Payload::Dict(_))) {
        return Ok(vm.not_implemented());
    }
    let new = dict_copy(vm, &args[..1], &[])?;
    update_from(vm, &new, &args[1])?;
    Ok(new)
}

fn dict_ror(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if !matches!(args[1].payload(), Some(Payload::Dict(_))) {
        return Ok(vm.not_implemented());
    }
    let new = dict_copy(vm, &args[1..2], &[])?;
    update_from(vm, &new, &args[0])?;
    Ok(new)
}

fn dict_ior(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    update_from(vm, &args[0], &args[1])?;
    Ok(args[0].clone())
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// A dict view (`dict_keys`, `dict_values`, `dict_items`).
pub struct DictView {
    pub dict: Value,
    pub kind: ViewKind,
}

impl NativeData for DictView {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict);
    }
}

/// An iterator over a dict, by position, that notices size changes.
pub struct DictIter {
    pub dict: RefCell<Option<Value>>,
    pub pos: std::cell::Cell<usize>,
    pub len: usize,
    pub kind: ViewKind,
    pub reversed: bool,
}

impl NativeData for DictIter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(d) = &*self.dict.borrow() {
            visit(d);
        }
    }
    fn clear(&self) {
        self.dict.borrow_mut().take();
    }
}

pub fn new_view(vm: &Vm, d: &Value, kind: ViewKind) -> Value {
    let name = match kind {
        ViewKind::Keys => "dict_keys",
        ViewKind::Values => "dict_values",
        ViewKind::Items => "dict_items",
    };
    Value::Obj(PyObject::new(
        vm.types.other(name),
        Payload::Native(Box::new(DictView {
            dict: d.clone(),
            kind,
        })),
    ))
}

pub fn new_dict_iter(vm: &Vm, d: &Value, kind: ViewKind, reversed: bool) -> Value {
    let (len, dense) = match d.payload() {
        Some(Payload::Dict(dd)) => (dd.borrow().len(), dd.borrow().dense_len()),
        _ => (0, 0),
    };
    let name = match (kind, reversed) {
        (ViewKind::Keys, false) => "dict_keyiterator",
        (ViewKind::Values, false) => "dict_valueiterator",
        (ViewKind::Items, false) => "dict_itemiterator",
        (ViewKind::Keys, true) => "dict_reversekeyiterator",
        (ViewKind::Values, true) => "dict_reversevalueiterator",
        (ViewKind::Items, true) => "dict_reverseitemiterator",
    };
    Value::Obj(PyObject::new(
        vm.types.other(name),
        Payload::Native(Box::new(DictIter {
            dict: RefCell::new(Some(d.clone())),
            pos: std::cell::Cell::new(if reversed { dense } else { 0 }),
            len,
            kind,
            reversed,
        })),
    ))
}

/// `next()` on a dict iterator.
pub fn dict_iter_next(vm: &Vm, it: &DictIter) -> PyResult<Option<Value>> {
    let Some(d) = it.dict.borrow().clone() else {
        return Ok(None);
    };
    let Some(Payload::Dict(dd)) = d.payload() else {
        return Ok(None);
    };
    let dd = dd.borrow();
    if dd.len() != it.len {
        it.pos.set(usize::MAX / 2);
        return Err(vm.runtime_error("dictionary changed size during iteration"));
    }
    let found = if it.reversed {
        let mut p = it.pos.get();
        let mut r = None;
        while p > 0 {
            p -= 1;
            if let Some((_, e)) = dd.entry_at(p)
                && dd.entry_at(p).map(|(n, _)| n) == Some(p + 1)
            {
                r = Some((p, e.key.clone(), e.value.clone()));
                break;
            }
        }
        match r {
            Some((p, k, v)) => {
                it.pos.set(p);
                Some((k, v))
            }
            None => {
                it.pos.set(0);
                None
            }
        }
    } else {
        match dd.entry_at(it.pos.get()) {
            Some((next, e)) => {
                it.pos.set(next);
                Some((e.key.clone(), e.value.clone()))
            }
            None => None,
        }
    };
    drop(dd);
    match found {
        Some((k, v)) => Ok(Some(match it.kind {
            ViewKind::Keys => k,
            ViewKind::Values => v,
            ViewKind::Items => vm.new_tuple(vec![k, v]),
        })),
        None => {
            it.dict.borrow_mut().take();
            Ok(None)
        }
    }
}

fn view_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a DictView> {
    v.as_obj()
        .and_then(|o| o.downcast_native::<DictView>())
        .ok_or_else(|| vm.type_error("expected a dict view"))
}

fn view_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = view_of(vm, &args[0])?;
    vm.len(&v.dict).map(Value::from)
}

fn view_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = view_of(vm, &args[0])?;
    Ok(new_dict_iter(vm, &v.dict, v.kind, false))
}

fn view_reversed(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = view_of(vm, &args[0])?;
    Ok(new_dict_iter(vm, &v.dict, v.kind, true))
}

fn view_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = view_of(vm, &args[0])?;
    let name = vm.type_name(&args[0]);
    let items = vm.iterate(&args[0])?;
    let mut parts = Vec::new();
    for i in &items {
        parts.push(vm.repr(i)?);
    }
    let _ = v;
    Ok(vm.new_string(format!("{name}([{}])", parts.join(", "))))
}

fn view_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = view_of(vm, &args[0])?;
    let Some(Payload::Dict(d)) = v.dict.payload() else {
        return Ok(Value::FALSE);
    };
    match v.kind {
        ViewKind::Keys => Ok(Value::bool(crate::dict::lookup(vm, d, &args[1])?.is_some())),
        ViewKind::Items => {
            let Some(Payload::Tuple(kv)) = args[1].payload() else {
                return Ok(Value::FALSE);
            };
            if kv.len() != 2 {
                return Ok(Value::FALSE);
            }
            match crate::dict::lookup(vm, d, &kv[0])? {
                Some(val) => Ok(Value::bool(vm.eq_identity_first(&val, &kv[1])?)),
                None => Ok(Value::FALSE),
            }
        }
        ViewKind::Values => {
            for val in d.borrow().values() {
                if vm.eq_identity_first(&val, &args[1])? {
                    return Ok(Value::TRUE);
                }
            }
            Ok(Value::FALSE)
        }
    }
}

fn view_setop(vm: &Vm, args: &[Value], op: &str) -> PyResult<Value> {
    let s = crate::builtins::set::set_from_iterable(vm, &args[0])?;
    vm.call_method(&s, op, &args[1..2])
}

fn view_and(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_setop(vm, args, "intersection")
}

fn view_or(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_setop(vm, args, "union")
}

fn view_sub(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_setop(vm, args, "difference")
}

fn view_xor(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_setop(vm, args, "symmetric_difference")
}

fn view_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = view_of(vm, &args[0])?;
    if v.kind == ViewKind::Values {
        return Ok(Value::bool(args[0].is(&args[1])));
    }
    let a = crate::builtins::set::set_from_iterable(vm, &args[0])?;
    let is_setlike = matches!(
        args[1].payload(),
        Some(Payload::Set(_) | Payload::FrozenSet(_))
    ) || args[1]
        .as_obj()
        .and_then(|o| o.downcast_native::<DictView>())
        .is_some_and(|w| w.kind != ViewKind::Values);
    if !is_setlike {
        return Ok(vm.not_implemented());
    }
    let b = crate::builtins::set::set_from_iterable(vm, &args[1])?;
    Ok(Value::bool(vm.eq(&a, &b)?))
}

fn view_cmp(vm: &Vm, args: &[Value], op: &str) -> PyResult<Value> {
    let is_setlike = matches!(
        args[1].payload(),
        Some(Payload::Set(_) | Payload::FrozenSet(_))
    ) || args[1]
        .as_obj()
        .and_then(|o| o.downcast_native::<DictView>())
        .is_some_and(|w| w.kind != ViewKind::Values);
    if !is_setlike {
        return Ok(vm.not_implemented());
    }
    let a = crate::builtins::set::set_from_iterable(vm, &args[0])?;
    let b = crate::builtins::set::set_from_iterable(vm, &args[1])?;
    vm.call_method(&a, op, &[b])
}

fn view_le(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_cmp(vm, args, "__le__")
}

fn view_lt(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_cmp(vm, args, "__lt__")
}

fn view_ge(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_cmp(vm, args, "__ge__")
}

fn view_gt(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_cmp(vm, args, "__gt__")
}

fn view_isdisjoint(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    for x in vm.iterate(&args[1])? {
        if vm.contains(&args[0], &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn view_mapping(vm: &Vm, v: &Value) -> PyResult<Value> {
    let view = view_of(vm, v)?;
    Ok(crate::builtins::misc::new_mappingproxy(
        vm,
        view.dict.clone(),
    ))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.dict;
    vm.add_methods(
        t,
        &[
            ("__init__", dict_init),
            ("__repr__", dict_repr),
            ("__len__", dict_len),
            ("__getitem__", dict_getitem),
            ("__setitem__", dict_setitem),
            ("__delitem__", dict_delitem),
            ("__contains__", dict_contains),
            ("__iter__", dict_iter),
            ("__reversed__", dict_reversed),
            ("__eq__", dict_eq),
            ("__ne__", dict_ne),
            ("__or__", dict_or),
            ("__ror__", dict_ror),
            ("__ior__", dict_ior),
            ("get", dict_get),
            ("setdefault", dict_setdefault),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("update", dict_update),
            ("clear", dict_clear),
            ("copy", dict_copy),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", dict_new)], MethodKind::Static);
    vm.add_methods_kind(t, &[("fromkeys", dict_fromkeys)], MethodKind::Class);
    vm.add_methods_kind(
        t,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
    vm.add_attr(t, "__hash__", Value::None);
    for name in ["dict_keys", "dict_values", "dict_items"] {
        let vt = vm.types.other(name);
        vm.add_methods(
            &vt,
            &[
                ("__len__", view_len),
                ("__iter__", view_iter),
                ("__reversed__", view_reversed),
                ("__repr__", view_repr),
                ("__contains__", view_contains),
            ],
        );
        vm.add_getsets(&vt, &[("mapping", view_mapping, None)]);
        if name != "dict_values" {
            vm.add_methods(
                &vt,
                &[
                    ("__and__", view_and),
                    ("__rand__", view_and),
                    ("__or__", view_or),
                    ("__ror__", view_or),
                    ("__sub__", view_sub),
                    ("__xor__", view_xor),
                    ("__rxor__", view_xor),
                    ("__eq__", view_eq),
                    ("__le__", view_le),
                    ("__lt__", view_lt),
                    ("__ge__", view_ge),
                    ("__gt__", view_gt),
                    ("isdisjoint", view_isdisjoint),
                ],
            );
            vm.add_attr(&vt, "__hash__", Value::None);
        }
    }
}
