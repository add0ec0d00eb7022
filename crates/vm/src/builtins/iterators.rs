//! Built-in iterator types: sequence, range, dict and set iterators, enumerate, zip, map,
//! filter, reversed, and `iter(callable, sentinel)`.
//! Counterpart: Objects/iterobject.c, Objects/enumobject.c, Python/bltinmodule.c (zip, map,
//! filter) (3.11).

use std::cell::{Cell, RefCell};

use crate::builtins::dict::{DictIter, dict_iter_next};
use crate::builtins::function::{MethodKind, check_count, parse_args};
use crate::builtins::misc::{RangeIter, range_iter_next};
use crate::builtins::set::{SetIter, set_iter_next};
use crate::object::{NativeData, Payload, PyObject};
use crate::types::TypeKind;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Fast `iter()` for exact built-in containers; `None` to use `__iter__`.
pub fn native_iter(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let Value::Obj(o) = v else { return Ok(None) };
    Ok(match (&o.payload, crate::types::kind_of(o)) {
        (Payload::Dict(_), TypeKind::Dict) => Some(crate::builtins::dict::new_dict_iter(
            vm,
            v,
            crate::builtins::dict::ViewKind::Keys,
            false,
        )),
        (Payload::Range(r), _) => Some(crate::builtins::misc::range_iter_value(vm, r)?),
        _ => None,
    })
}

/// `next()` for native iterator payloads; `None` if `n` is not one.
pub fn native_next(vm: &Vm, o: &PyRef, n: &dyn NativeData) -> Option<PyResult<Option<Value>>> {
    let any = n.as_any();
    if let Some(r) = any.downcast_ref::<RangeIter>() {
        return Some(Ok(range_iter_next(r)));
    }
    if let Some(d) = any.downcast_ref::<DictIter>() {
        return Some(dict_iter_next(vm, d));
    }
    if let Some(s) = any.downcast_ref::<SetIter>() {
        return Some(set_iter_next(vm, s));
    }
    if let Some(e) = any.downcast_ref::<Enumerate>() {
        return Some(enumerate_next(vm, e));
    }
    if let Some(z) = any.downcast_ref::<Zip>() {
        return Some(zip_next(vm, z));
    }
    if let Some(m) = any.downcast_ref::<Map>() {
        return Some(map_next(vm, m));
    }
    if let Some(f) = any.downcast_ref::<Filter>() {
        return Some(filter_next(vm, f));
    }
    if let Some(c) = any.downcast_ref::<CallableIter>() {
        return Some(callable_next(vm, c));
    }
    let _ = o;
    None
}

pub struct Enumerate {
    it: Value,
    count: RefCell<Value>,
}

impl NativeData for Enumerate {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
    }
}

fn enumerate_next(vm: &Vm, e: &Enumerate) -> PyResult<Option<Value>> {
    let Some(x) = vm.next(&e.it)? else {
        return Ok(None);
    };
    let c = e.count.borrow().clone();
    let next = vm.binary_op(&c, &Value::Int(1), 0)?;
    *e.count.borrow_mut() = next;
    Ok(Some(vm.new_tuple(vec![c, x])))
}

fn enumerate_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() == 1 {
        // CPython's own check, before its argument parser.
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    }
    let cls = vm.is_type(&args[0]).unwrap_or(vm.types.other("enumerate"));
    let p = parse_args(
        vm,
        "enumerate",
        &args[1..],
        kwnames,
        &["iterable", "start"],
        0,
        2,
        1,
    )?;
    let it = vm.get_iter(p.get(0).unwrap_or(&Value::None))?;
    let start = match p.get(1) {
        Some(s) => vm.index_value(s)?,
        None => Value::Int(0),
    };
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(Enumerate {
            it,
            count: RefCell::new(start),
        })),
    )))
}

pub struct Zip {
    its: Vec<Value>,
    strict: bool,
    done: Cell<bool>,
}

impl NativeData for Zip {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for i in &self.its {
            visit(i);
        }
    }
}

fn zip_next(vm: &Vm, z: &Zip) -> PyResult<Option<Value>> {
    if z.done.get() || z.its.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(z.its.len());
    for (i, it) in z.its.iter().enumerate() {
        match vm.next(it)? {
            Some(x) => items.push(x),
            None => {
                z.done.set(true);
                if z.strict {
                    if i > 0 {
                        let plural = if i == 1 { " " } else { "s 1-" };
                        return Err(vm.value_error(format!(
                            "zip() argument {} is shorter than argument{plural}{}",
                            i + 1,
                            i
                        )));
                    }
                    for (j, other) in z.its.iter().enumerate().skip(1) {
                        if vm.next(other)?.is_some() {
                            let plural = if j == 1 { " " } else { "s 1-" };
                            return Err(vm.value_error(format!(
                                "zip() argument {} is longer than argument{plural}{}",
                                j + 1,
                                j
                            )));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple(items)))
}

fn zip_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = vm.is_type(&args[0]).unwrap_or(vm.types.other("zip"));
    let npos = args.len() - kwnames.len();
    let mut strict = false;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        if crate::str::as_str(k) == Some("strict") {
            strict = vm.truthy(v)?;
        } else {
            return Err(vm.type_error(format!(
                "zip() got an unexpected keyword argument '{}'",
                crate::str::as_str(k).unwrap_or("")
            )));
        }
    }
    let mut its = Vec::new();
    for (i, a) in args[1..npos].iter().enumerate() {
        let _ = i;
        its.push(vm.get_iter(a)?);
    }
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(Zip {
            its,
            strict,
            done: Cell::new(false),
        })),
    )))
}

pub struct Map {
    func: Value,
    its: Vec<Value>,
}

impl NativeData for Map {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        for i in &self.its {
            visit(i);
        }
    }
}

fn map_next(vm: &Vm, m: &Map) -> PyResult<Option<Value>> {
    let mut items = Vec::with_capacity(m.its.len());
    for it in &m.its {
        match vm.next(it)? {
            Some(x) => items.push(x),
            None => return Ok(None),
        }
    }
    vm.call(&m.func, &items).map(Some)
}

fn map_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = vm.is_type(&args[0]).unwrap_or(vm.types.other("map"));
    if !kwnames.is_empty() {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &args[2..] {
        its.push(vm.get_iter(a)?);
    }
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(Map {
            func: args[1].clone(),
            its,
        })),
    )))
}

pub struct Filter {
    func: Value,
    it: Value,
}

impl NativeData for Filter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.it);
    }
}

fn filter_next(vm: &Vm, f: &Filter) -> PyResult<Option<Value>> {
    loop {
        let Some(x) = vm.next(&f.it)? else {
            return Ok(None);
        };
        let keep = if f.func.is_none() || f.func.is(&Value::Obj(vm.types.bool_.clone())) {
            vm.truthy(&x)?
        } else {
            let r = vm.call(&f.func, std::slice::from_ref(&x))?;
            vm.truthy(&r)?
        };
        if keep {
            return Ok(Some(x));
        }
    }
}

fn filter_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = vm.is_type(&args[0]).unwrap_or(vm.types.other("filter"));
    if !kwnames.is_empty() {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "filter expected 2 arguments, got {}",
            args.len() - 1
        )));
    }
    let it = vm.get_iter(&args[2])?;
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(Filter {
            func: args[1].clone(),
            it,
        })),
    )))
}

pub struct CallableIter {
    func: RefCell<Option<Value>>,
    sentinel: Value,
}

impl NativeData for CallableIter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn callable_next(vm: &Vm, c: &CallableIter) -> PyResult<Option<Value>> {
    let Some(f) = c.func.borrow().clone() else {
        return Ok(None);
    };
    let v = match vm.call(&f, &[]) {
        Ok(v) => v,
        Err(e) if vm.exc_matches(&e, &vm.types.exceptions.stop_iteration) => {
            c.func.borrow_mut().take();
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if vm.eq(&v, &c.sentinel)? {
        c.func.borrow_mut().take();
        return Ok(None);
    }
    Ok(Some(v))
}

pub fn new_callable_iter(vm: &Vm, func: Value, sentinel: Value) -> Value {
    Value::Obj(PyObject::new(
        vm.types.other("callable_iterator"),
        Payload::Native(Box::new(CallableIter {
            func: RefCell::new(Some(func)),
            sentinel,
        })),
    ))
}

fn reversed_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    check_count(vm, "reversed", &args[1..], &[], 1, 1)?;
    let seq = &args[1];
    if let Some(r) = vm.lookup_special(seq, "__reversed__") {
        if r.is_none() {
            return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(seq))));
        }
        return vm.call(&r, std::slice::from_ref(seq));
    }
    if vm.lookup_special(seq, "__getitem__").is_none()
        || vm.lookup_special(seq, "__len__").is_none()
        || matches!(seq.payload(), Some(Payload::Dict(_)))
    {
        return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(seq))));
    }
    let n = vm.len(seq)?;
    Ok(Value::Obj(PyObject::new(
        vm.types.other("reversed"),
        Payload::Native(Box::new(Reversed {
            seq: RefCell::new(Some(seq.clone())),
            index: Cell::new(n),
        })),
    )))
}

pub struct Reversed {
    seq: RefCell<Option<Value>>,
    index: Cell<usize>,
}

impl NativeData for Reversed {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn reversed_next(vm: &Vm, r: &Reversed) -> PyResult<Option<Value>> {
    let Some(seq) = r.seq.borrow().clone() else {
        return Ok(None);
    };
    let i = r.index.get();
    if i == 0 {
        r.seq.borrow_mut().take();
        return Ok(None);
    }
    r.index.set(i - 1);
    match vm.getitem(&seq, &Value::from(i - 1)) {
        Ok(v) => Ok(Some(v)),
        Err(e)
            if vm.exc_matches(&e, &vm.types.exceptions.index_error)
                || vm.exc_matches(&e, &vm.types.exceptions.stop_iteration) =>
        {
            r.seq.borrow_mut().take();
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn iter_self(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn iter_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = &args[0];
    let r = match it.as_obj() {
        Some(o) => match &o.payload {
            Payload::SeqIter(_) => vm.next(it)?,
            Payload::Native(n) => {
                if let Some(r) = n.as_any().downcast_ref::<Reversed>() {
                    reversed_next(vm, r)?
                } else {
                    match native_next(vm, o, n.as_ref()) {
                        Some(r) => r?,
                        None => return Err(vm.type_error("not an iterator")),
                    }
                }
            }
            _ => return Err(vm.type_error("not an iterator")),
        },
        None => return Err(vm.type_error("not an iterator")),
    };
    match r {
        Some(v) => Ok(v),
        None => Err(vm.new_exception(&vm.types.exceptions.stop_iteration, vec![])),
    }
}

fn length_hint(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(o) = args[0].as_obj() else {
        return Ok(Value::Int(0));
    };
    match &o.payload {
        Payload::SeqIter(s) => {
            let seq = s.seq.borrow().clone();
            let Some(seq) = seq else {
                return Ok(Value::Int(0));
            };
            let n = vm.len(&seq).unwrap_or(0);
            let i = s.index.get();
            Ok(Value::from(if s.reversed {
                i
            } else {
                n.saturating_sub(i)
            }))
        }
        Payload::Native(n) => {
            if let Some(r) = n.as_any().downcast_ref::<RangeIter>() {
                if let Some(big) = &r.big {
                    return Ok(Value::from_bigint(big.borrow().2.clone()));
                }
                return Ok(Value::Int(r.remaining.get().max(0)));
            }
            if let Some(d) = n.as_any().downcast_ref::<DictIter>() {
                return Ok(Value::from(if d.dict.borrow().is_some() {
                    d.len
                } else {
                    0
                }));
            }
            if let Some(s) = n.as_any().downcast_ref::<SetIter>() {
                return Ok(Value::from(if s.set.borrow().is_some() {
                    s.len
                } else {
                    0
                }));
            }
            if let Some(r) = n.as_any().downcast_ref::<Reversed>() {
                return Ok(Value::from(r.index.get()));
            }
            Ok(vm.not_implemented())
        }
        _ => Ok(vm.not_implemented()),
    }
}

pub fn init(vm: &Vm) {
    for name in [
        "list_iterator",
        "list_reverseiterator",
        "tuple_iterator",
        "str_ascii_iterator",
        "range_iterator",
        "dict_keyiterator",
        "dict_valueiterator",
        "dict_itemiterator",
        "dict_reversekeyiterator",
        "dict_reversevalueiterator",
        "dict_reverseitemiterator",
        "set_iterator",
        "callable_iterator",
        "enumerate",
        "zip",
        "map",
        "filter",
        "reversed",
    ] {
        let t = vm.types.other(name);
        vm.add_methods(
            &t,
            &[
                ("__iter__", iter_self),
                ("__next__", iter_next),
                ("__length_hint__", length_hint),
            ],
        );
    }
    let t = vm.types.seq_iter.clone();
    vm.add_methods(
        &t,
        &[
            ("__iter__", iter_self),
            ("__next__", iter_next),
            ("__length_hint__", length_hint),
        ],
    );
    for (name, f) in [
        (
            "enumerate",
            enumerate_new as crate::builtins::function::NativeFn,
        ),
        ("zip", zip_new),
        ("map", map_new),
        ("filter", filter_new),
        ("reversed", reversed_new),
    ] {
        let t = vm.types.other(name);
        crate::types::type_data(&t)
            .flags
            .set(crate::types::flags::BASETYPE);
        vm.add_methods_kind(&t, &[("__new__", f)], MethodKind::Static);
    }
}
