//! The `_functools` module: `reduce`, `cmp_to_key`, `partial` and `_lru_cache_wrapper`.
//! Counterpart: Modules/_functoolsmodule.c (3.11).

use std::cell::RefCell;

use crate::builtins::function::{MethodKind, check_count};
use crate::builtins::itertools::{
    bind_args, is_callable, native, native_type, new_class, new_native,
};
use crate::object::{NativeData, Payload};
use crate::protocol::CmpOp;
use crate::types::{Layout, flags, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

// ---- reduce ----

fn reduce(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "reduce", args, kw, 2, 3)?;
    let it = vm.get_iter(&args[1]).map_err(|e| {
        if vm.exc_matches(&e, &vm.types.exceptions.type_error) {
            vm.type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = args.get(2).cloned();
    while let Some(item) = vm.next(&it)? {
        acc = Some(match acc {
            None => item,
            Some(a) => vm.call(&args[0], &[a, item])?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}

// ---- cmp_to_key ----

const KEYWRAPPER: &str = "functools.KeyWrapper";

pub struct KeyWrapper {
    cmp: Value,
    obj: RefCell<Option<Value>>,
}

impl NativeData for KeyWrapper {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cmp);
        if let Ok(o) = self.obj.try_borrow()
            && let Some(o) = o.as_ref()
        {
            visit(o);
        }
    }
    fn clear(&self) {
        let old = self.obj.try_borrow_mut().ok().and_then(|mut o| o.take());
        drop(old);
    }
}

fn cmp_to_key(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = bind_args(vm, "cmp_to_key", args, kwnames, &["mycmp"], 1, 1)?;
    Ok(new_native(
        vm.types.other(KEYWRAPPER),
        KeyWrapper {
            cmp: p[0].clone().unwrap_or(Value::None),
            obj: RefCell::new(None),
        },
    ))
}

fn keywrapper_call(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let k = native::<KeyWrapper>(vm, &args[0], KEYWRAPPER)?;
    let p = bind_args(vm, "K", &args[1..], kwnames, &["obj"], 1, 1)?;
    Ok(new_native(
        vm.types.other(KEYWRAPPER),
        KeyWrapper {
            cmp: k.cmp.clone(),
            obj: RefCell::new(p[0].clone()),
        },
    ))
}

fn keywrapper_compare(vm: &Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let k = native::<KeyWrapper>(vm, &args[0], KEYWRAPPER)?;
    let Some(other) = args[1]
        .as_obj()
        .and_then(|o| o.downcast_native::<KeyWrapper>())
    else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (Some(x), Some(y)) = (k.obj.borrow().clone(), other.obj.borrow().clone()) else {
        return Err(vm.attribute_error("object"));
    };
    let r = vm.call(&k.cmp, &[x, y])?;
    vm.rich_compare(&r, &Value::Int(0), op)
}

crate::builtins::cmp_methods! {
    keywrapper_compare:
    key_lt => CmpOp::Lt;
    key_le => CmpOp::Le;
    key_eq => CmpOp::Eq;
    key_ne => CmpOp::Ne;
    key_gt => CmpOp::Gt;
    key_ge => CmpOp::Ge;
}

fn keywrapper_obj(vm: &Vm, v: &Value) -> PyResult<Value> {
    let k = native::<KeyWrapper>(vm, v, KEYWRAPPER)?;
    Ok(k.obj.borrow().clone().unwrap_or(Value::None))
}

fn keywrapper_set_obj(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let k = native::<KeyWrapper>(vm, v, KEYWRAPPER)?;
    let old = std::mem::replace(&mut *k.obj.borrow_mut(), new);
    drop(old);
    Ok(())
}

fn init_keywrapper(vm: &Vm, t: &PyRef) {
    vm.add_methods(
        t,
        &[
            ("__call__", keywrapper_call),
            ("__lt__", key_lt),
            ("__le__", key_le),
            ("__eq__", key_eq),
            ("__ne__", key_ne),
            ("__gt__", key_gt),
            ("__ge__", key_ge),
        ],
    );
    vm.add_attr(t, "__hash__", Value::None);
    vm.add_getsets(t, &[("obj", keywrapper_obj, Some(keywrapper_set_obj))]);
}

// ---- partial ----

const PARTIAL: &str = "functools.partial";

pub struct Partial {
    func: RefCell<Value>,
    /// A tuple.
    args: RefCell<Value>,
    /// A dict.
    kw: RefCell<Value>,
}

impl NativeData for Partial {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for cell in [&self.func, &self.args, &self.kw] {
            if let Ok(v) = cell.try_borrow() {
                visit(&v);
            }
        }
    }
    fn clear(&self) {
        for cell in [&self.func, &self.args, &self.kw] {
            let old = cell
                .try_borrow_mut()
                .ok()
                .map(|mut c| std::mem::replace(&mut *c, Value::None));
            drop(old);
        }
    }
}

fn partial_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Partial> {
    native::<Partial>(vm, v, PARTIAL)
}

fn tuple_items(v: &Value) -> Vec<Value> {
    match v.payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn dict_items(v: &Value) -> Vec<(Value, Value)> {
    match v.payload() {
        Some(Payload::Dict(d)) => d.borrow().items(),
        _ => Vec::new(),
    }
}

fn new_dict_from(vm: &Vm, items: Vec<(Value, Value)>) -> PyResult<Value> {
    let d = Value::Obj(crate::builtins::dict::new_dict());
    if let Some(Payload::Dict(dd)) = d.payload() {
        for (k, v) in items {
            crate::dict::set_item(vm, dd, k, v)?;
        }
    }
    Ok(d)
}

/// The function, positional and keyword arguments of a partial being absorbed.
type Flattened = (Value, Vec<Value>, Vec<(Value, Value)>);

/// Whether `v` is a partial that a new partial may absorb: called by partial's own
/// `__call__` and without an instance dict.
fn flattenable(vm: &Vm, v: &Value) -> Option<Flattened> {
    let o = v.as_obj()?;
    let p = o.downcast_native::<Partial>()?;
    if o.dict.borrow().is_some() {
        return None;
    }
    let own_call = type_data(&vm.types.other(PARTIAL)).own("__call__")?;
    if !type_data(o.class()).lookup("__call__")?.is(&own_call) {
        return None;
    }
    let func = p.func.borrow().clone();
    let args = tuple_items(&p.args.borrow());
    let kw = dict_items(&p.kw.borrow());
    Some((func, args, kw))
}

fn partial_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, PARTIAL)?;
    let npos = args.len() - kwnames.len();
    if npos < 2 {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    }
    let mut func = args[1].clone();
    if !is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut pargs = Vec::new();
    let mut pkw = Vec::new();
    if let Some((f, a, k)) = flattenable(vm, &func) {
        func = f;
        pargs = a;
        pkw = k;
    }
    pargs.extend_from_slice(&args[2..npos]);
    let kw = new_dict_from(vm, pkw)?;
    if let Some(Payload::Dict(dd)) = kw.payload() {
        for (k, v) in kwnames.iter().zip(&args[npos..]) {
            crate::dict::set_item(vm, dd, k.clone(), v.clone())?;
        }
    }
    Ok(new_native(
        cls,
        Partial {
            func: RefCell::new(func),
            args: RefCell::new(vm.new_tuple(pargs)),
            kw: RefCell::new(kw),
        },
    ))
}

fn partial_call(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = partial_of(vm, &args[0])?;
    let func = p.func.borrow().clone();
    let npos = args.len() - kwnames.len();
    let mut all = tuple_items(&p.args.borrow());
    all.extend_from_slice(&args[1..npos]);
    let stored = dict_items(&p.kw.borrow());
    if stored.is_empty() {
        all.extend_from_slice(&args[npos..]);
        return vm.call_with_kwnames(&func, &all, kwnames);
    }
    let mut names: Vec<Value> = Vec::with_capacity(stored.len() + kwnames.len());
    let mut values: Vec<Value> = Vec::with_capacity(stored.len() + kwnames.len());
    for (k, v) in stored {
        if crate::str::as_str(&k).is_none() {
            return Err(vm.type_error("keywords must be strings"));
        }
        names.push(k);
        values.push(v);
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let name = crate::str::as_str(k);
        match names.iter().position(|n| crate::str::as_str(n) == name) {
            Some(i) => values[i] = v.clone(),
            None => {
                names.push(k.clone());
                values.push(v.clone());
            }
        }
    }
    all.extend(values);
    vm.call_with_kwnames(&func, &all, &names)
}

fn partial_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let p = partial_of(vm, this)?;
    if !vm.repr_enter(this) {
        return Ok(vm.new_str("..."));
    }
    let r = (|| -> PyResult<String> {
        let func = p.func.borrow().clone();
        let mut out = vm.repr(&func)?;
        for a in tuple_items(&p.args.borrow()) {
            out.push_str(", ");
            out.push_str(&vm.repr(&a)?);
        }
        for (k, v) in dict_items(&p.kw.borrow()) {
            out.push_str(", ");
            out.push_str(&vm.str(&k)?);
            out.push('=');
            out.push_str(&vm.repr(&v)?);
        }
        Ok(out)
    })();
    vm.repr_leave(this);
    let inner = r?;
    let exact = std::rc::Rc::ptr_eq(vm.class_of(this), &vm.types.other(PARTIAL));
    let name = if exact {
        PARTIAL.to_string()
    } else {
        vm.type_name(this)
    };
    Ok(vm.new_string(format!("{name}({inner})")))
}

fn partial_reduce(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let p = partial_of(vm, this)?;
    let func = p.func.borrow().clone();
    let dict = match this.as_obj().and_then(|o| o.dict.borrow().clone()) {
        Some(d) => Value::Obj(d),
        None => Value::None,
    };
    let state = vm.new_tuple(vec![
        func.clone(),
        p.args.borrow().clone(),
        p.kw.borrow().clone(),
        dict,
    ]);
    Ok(vm.new_tuple(vec![vm.type_value(this), vm.new_tuple(vec![func]), state]))
}

fn partial_setstate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__setstate__", &args[1..], kw, 1, 1)?;
    let this = &args[0];
    let p = partial_of(vm, this)?;
    let invalid = || vm.type_error("invalid partial state");
    let state = match args[1].payload() {
        Some(Payload::Tuple(t)) if t.len() == 4 => t.to_vec(),
        _ => return Err(invalid()),
    };
    let (func, fnargs, kwv, dict) = (&state[0], &state[1], &state[2], &state[3]);
    if !is_callable(vm, func)
        || !matches!(fnargs.payload(), Some(Payload::Tuple(_)))
        || (!kwv.is_none() && !matches!(kwv.payload(), Some(Payload::Dict(_))))
        || (!dict.is_none() && !matches!(dict.payload(), Some(Payload::Dict(_))))
    {
        return Err(invalid());
    }
    let fnargs = vm.new_tuple(tuple_items(fnargs));
    let kwv = new_dict_from(vm, dict_items(kwv))?;
    let old = (
        std::mem::replace(&mut *p.func.borrow_mut(), func.clone()),
        std::mem::replace(&mut *p.args.borrow_mut(), fnargs),
        std::mem::replace(&mut *p.kw.borrow_mut(), kwv),
    );
    drop(old);
    if let Some(o) = this.as_obj() {
        let new = dict.as_obj().cloned();
        let old = std::mem::replace(&mut *o.dict.borrow_mut(), new);
        drop(old);
    }
    Ok(Value::None)
}

fn readonly(vm: &Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

fn partial_func(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(partial_of(vm, v)?.func.borrow().clone())
}

fn partial_args(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(partial_of(vm, v)?.args.borrow().clone())
}

fn partial_keywords(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(partial_of(vm, v)?.kw.borrow().clone())
}

fn partial_dict(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.as_obj() {
        Some(o) => Ok(Value::Obj(vm.instance_dict(o))),
        None => Err(vm.attribute_error("__dict__")),
    }
}

fn partial_set_dict(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let Some(o) = v.as_obj() else {
        return Err(vm.attribute_error("__dict__"));
    };
    match new {
        Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => {
            let old = o.dict.borrow_mut().replace(d);
            drop(old);
            Ok(())
        }
        Some(other) => Err(vm.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            vm.type_name(&other)
        ))),
        None => Err(vm.type_error("cannot delete __dict__")),
    }
}

fn init_partial(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", partial_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__call__", partial_call),
            ("__repr__", partial_repr),
            ("__reduce__", partial_reduce),
            ("__reduce_ex__", crate::builtins::collections::reduce_ex),
            ("__setstate__", partial_setstate),
        ],
    );
    vm.add_methods_kind(
        t,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
    vm.add_getsets(
        t,
        &[
            ("func", partial_func, Some(readonly)),
            ("args", partial_args, Some(readonly)),
            ("keywords", partial_keywords, Some(readonly)),
            ("__dict__", partial_dict, Some(partial_set_dict)),
        ],
    );
}

// ---- _lru_cache_wrapper ----

const LRU: &str = "functools._lru_cache_wrapper";

/// A cache entry of a bounded cache, in a doubly linked list by recency (index 0 is the
/// root: its `next` is the least recently used entry, its `prev` the most recent).
struct Link {
    prev: usize,
    next: usize,
    key: Value,
    result: Value,
}

impl Link {
    fn root() -> Link {
        Link {
            prev: 0,
            next: 0,
            key: Value::None,
            result: Value::None,
        }
    }
}

pub struct LruCache {
    func: Value,
    cache_info_type: Value,
    /// Separates positional from keyword arguments in keys.
    kwd_mark: Value,
    typed: bool,
    /// `None`: unbounded; `Some(0)`: no caching.
    maxsize: Option<usize>,
    /// Key → result (unbounded) or key → index of its `Link` (bounded).
    cache: RefCell<crate::dict::DictData>,
    links: RefCell<Vec<Link>>,
    hits: std::cell::Cell<u64>,
    misses: std::cell::Cell<u64>,
}

impl NativeData for LruCache {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.cache_info_type);
        if let Ok(c) = self.cache.try_borrow() {
            c.traverse(visit);
        }
        if let Ok(links) = self.links.try_borrow() {
            for l in links.iter() {
                visit(&l.key);
                visit(&l.result);
            }
        }
    }
    fn clear(&self) {
        let old = (
            self.cache
                .try_borrow_mut()
                .map(|mut c| std::mem::take(&mut *c)),
            self.links
                .try_borrow_mut()
                .map(|mut l| std::mem::replace(&mut *l, vec![Link::root()])),
        );
        drop(old);
    }
}

impl LruCache {
    /// Unlinks entry `i` from the recency list.
    fn extract(&self, i: usize) {
        let mut links = self.links.borrow_mut();
        let Some((prev, next)) = links.get(i).map(|l| (l.prev, l.next)) else {
            return;
        };
        if let Some(p) = links.get_mut(prev) {
            p.next = next;
        }
        if let Some(n) = links.get_mut(next) {
            n.prev = prev;
        }
    }

    /// Links entry `i` in as the most recently used.
    fn append(&self, i: usize) {
        let mut links = self.links.borrow_mut();
        if i == 0 || i >= links.len() {
            return;
        }
        let last = links[0].prev;
        links[i].prev = last;
        links[i].next = 0;
        links[last].next = i;
        links[0].prev = i;
    }

    fn make_key(&self, vm: &Vm, args: &[Value], kwnames: &[Value]) -> Value {
        let npos = args.len() - kwnames.len();
        let pos = &args[..npos];
        if !self.typed && kwnames.is_empty() {
            if let [one] = pos {
                let scalar = match one {
                    Value::Int(_) => true,
                    Value::Obj(o) => {
                        matches!(
                            crate::types::kind_of(o),
                            crate::types::TypeKind::Str | crate::types::TypeKind::Int
                        )
                    }
                    _ => false,
                };
                if scalar {
                    return one.clone();
                }
            }
            return vm.new_tuple(pos.to_vec());
        }
        let mut key = pos.to_vec();
        if !kwnames.is_empty() {
            key.push(self.kwd_mark.clone());
            for (k, v) in kwnames.iter().zip(&args[npos..]) {
                key.push(k.clone());
                key.push(v.clone());
            }
        }
        if self.typed {
            for a in pos {
                key.push(vm.type_value(a));
            }
            for v in &args[npos..] {
                key.push(vm.type_value(v));
            }
        }
        vm.new_tuple(key)
    }
}

fn lru_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, LRU)?;
    let p = bind_args(
        vm,
        "lru_cache",
        &args[1..],
        kwnames,
        &["user_function", "maxsize", "typed", "cache_info_type"],
        4,
        4,
    )?;
    let arg = |i: usize| p[i].clone().unwrap_or(Value::None);
    let func = arg(0);
    let typed = vm.truthy(&arg(2))?;
    if !is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let maxsize = match arg(1) {
        Value::None => None,
        m @ (Value::Int(_) | Value::Bool(_)) => Some(vm.index_i64(&m)?.max(0) as usize),
        m if matches!(m.payload(), Some(Payload::Int(_))) => {
            Some(vm.index_i64(&m)?.max(0) as usize)
        }
        _ => return Err(vm.type_error("maxsize should be integer or None")),
    };
    let kwd_mark = Value::Obj(crate::object::PyObject::new(
        vm.types.object.clone(),
        Payload::Object,
    ));
    Ok(new_native(
        cls,
        LruCache {
            func,
            cache_info_type: arg(3),
            kwd_mark,
            typed,
            maxsize,
            cache: RefCell::new(crate::dict::DictData::new()),
            links: RefCell::new(vec![Link::root()]),
            hits: std::cell::Cell::new(0),
            misses: std::cell::Cell::new(0),
        },
    ))
}

fn lru_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a LruCache> {
    native::<LruCache>(vm, v, LRU)
}

fn lru_call(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let c = lru_of(vm, &args[0])?;
    let call_args = &args[1..];
    let call = || vm.call_with_kwnames(&c.func, call_args, kwnames);
    let Some(maxsize) = c.maxsize else {
        let key = c.make_key(vm, call_args, kwnames);
        let hash = vm.hash(&key)?;
        if let Some((_, r)) = crate::dict::lookup_hashed(vm, &c.cache, &key, hash)? {
            c.hits.set(c.hits.get() + 1);
            return Ok(r);
        }
        c.misses.set(c.misses.get() + 1);
        let r = call()?;
        crate::dict::set_item_hashed(vm, &c.cache, key, hash, r.clone())?;
        return Ok(r);
    };
    if maxsize == 0 {
        c.misses.set(c.misses.get() + 1);
        return call();
    }
    let key = c.make_key(vm, call_args, kwnames);
    let hash = vm.hash(&key)?;
    if let Some((_, Value::Int(i))) = crate::dict::lookup_hashed(vm, &c.cache, &key, hash)? {
        let i = i as usize;
        let hit = c.links.borrow().get(i).map(|l| l.result.clone());
        if let Some(r) = hit {
            c.extract(i);
            c.append(i);
            c.hits.set(c.hits.get() + 1);
            return Ok(r);
        }
    }
    c.misses.set(c.misses.get() + 1);
    let r = call()?;
    if crate::dict::lookup_hashed(vm, &c.cache, &key, hash)?.is_some() {
        // The call itself cached this key (recursion): keep that entry.
        return Ok(r);
    }
    let (len, oldest) = {
        let links = c.links.borrow();
        (c.cache.borrow().len(), links[0].next)
    };
    if len < maxsize || oldest == 0 {
        let i = {
            let mut links = c.links.borrow_mut();
            links.push(Link {
                prev: 0,
                next: 0,
                key: key.clone(),
                result: r.clone(),
            });
            links.len() - 1
        };
        crate::dict::set_item_hashed(vm, &c.cache, key, hash, Value::from(i))?;
        c.append(i);
        return Ok(r);
    }
    // Full: the least recently used entry makes room, and its link is reused.
    c.extract(oldest);
    let old_key = c.links.borrow().get(oldest).map(|l| l.key.clone());
    let Some(old_key) = old_key else {
        return Ok(r);
    };
    if crate::dict::remove(vm, &c.cache, &old_key)?.is_none() {
        return Ok(r);
    }
    let old = {
        let mut links = c.links.borrow_mut();
        match links.get_mut(oldest) {
            Some(l) => Some((
                std::mem::replace(&mut l.key, key.clone()),
                std::mem::replace(&mut l.result, r.clone()),
            )),
            None => None,
        }
    };
    if old.is_none() {
        return Ok(r);
    }
    drop(old);
    crate::dict::set_item_hashed(vm, &c.cache, key, hash, Value::from(oldest))?;
    c.append(oldest);
    Ok(r)
}

fn lru_cache_info(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "cache_info", &args[1..], kw, 0, 0)?;
    let c = lru_of(vm, &args[0])?;
    let maxsize = match c.maxsize {
        Some(m) => Value::from(m),
        None => Value::None,
    };
    let size = c.cache.borrow().len();
    vm.call(
        &c.cache_info_type,
        &[
            Value::from(c.hits.get() as usize),
            Value::from(c.misses.get() as usize),
            maxsize,
            Value::from(size),
        ],
    )
}

fn lru_cache_clear(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "cache_clear", &args[1..], kw, 0, 0)?;
    let c = lru_of(vm, &args[0])?;
    c.hits.set(0);
    c.misses.set(0);
    let old = (
        std::mem::take(&mut *c.cache.borrow_mut()),
        std::mem::replace(&mut *c.links.borrow_mut(), vec![Link::root()]),
    );
    drop(old);
    Ok(Value::None)
}

fn lru_get(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    lru_of(vm, &args[0])?;
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(args[0].clone());
    }
    Ok(vm.new_bound_method(args[0].clone(), obj))
}

fn lru_reduce(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.getattr_str(&args[0], "__qualname__")
}

fn lru_copy(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn init_lru(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", lru_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__call__", lru_call),
            ("__get__", lru_get),
            ("cache_info", lru_cache_info),
            ("cache_clear", lru_cache_clear),
            ("__reduce__", lru_reduce),
            ("__copy__", lru_copy),
            ("__deepcopy__", lru_copy),
        ],
    );
    vm.add_getsets(t, &[("__dict__", partial_dict, Some(partial_set_dict))]);
}

// ---- the module ----

/// Makes the `_functools` module.
pub fn module(vm: &Vm) -> Value {
    native_type(vm, KEYWRAPPER, None, Layout::Native, 0, init_keywrapper);
    let partial = native_type(
        vm,
        PARTIAL,
        None,
        Layout::Native,
        flags::BASETYPE | flags::HAS_DICT,
        init_partial,
    );
    let lru = native_type(vm, LRU, None, Layout::Native, flags::HAS_DICT, init_lru);
    let m = vm.new_module("_functools");
    let d = vm.module_dict(&m);
    let _ = vm.dict_set_str(&d, vm.intern("partial"), Value::Obj(partial));
    let _ = vm.dict_set_str(&d, vm.intern("_lru_cache_wrapper"), Value::Obj(lru));
    let _ = vm.dict_set_str(
        &d,
        vm.intern("reduce"),
        vm.new_builtin_function("reduce", reduce),
    );
    let _ = vm.dict_set_str(
        &d,
        vm.intern("cmp_to_key"),
        vm.new_builtin_function("cmp_to_key", cmp_to_key),
    );
    Value::Obj(m)
}
