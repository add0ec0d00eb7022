//! `tuple`.
//! Counterpart: Objects/tupleobject.c (3.11).

use crate::builtins::function::{MethodKind, check_count};
use crate::builtins::list::seq_compare;
use crate::object::{Payload, PyObject};
use crate::protocol::CmpOp;
use crate::types::TypeKind;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

pub fn is_exact(o: &PyRef) -> bool {
    crate::types::kind_of(o) == TypeKind::Tuple
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a [Value]> {
    match v.payload() {
        Some(Payload::Tuple(t)) => Ok(t),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'tuple' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn tuple_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("tuple.__new__(X): X is not a type object"));
    };
    if !kw.is_empty() {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "tuple expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let items = match args.get(1) {
        Some(it) => {
            if let (Some(Payload::Tuple(_)), true) =
                (it.payload(), std::rc::Rc::ptr_eq(&cls, &vm.types.tuple))
                && it.as_obj().is_some_and(is_exact)
            {
                return Ok(it.clone());
            }
            vm.iterate(it)?
        }
        None => Vec::new(),
    };
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Tuple(items.into_boxed_slice()),
    )))
}

fn tuple_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = this(vm, &args[0])?;
    if items.is_empty() {
        return Ok(vm.new_str("()"));
    }
    if !vm.repr_enter(&args[0]) {
        return Ok(vm.new_str("(...)"));
    }
    let r = (|| {
        let mut out = String::from("(");
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr(it)?);
        }
        if items.len() == 1 {
            out.push(',');
        }
        out.push(')');
        Ok(vm.new_string(out))
    })();
    vm.repr_leave(&args[0]);
    r
}

fn tuple_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(this(vm, &args[0])?.len()))
}

fn tuple_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = this(vm, &args[0])?;
    Ok(Value::Int(vm.hash_tuple(items)?))
}

fn tuple_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(vm, &args[0])?;
    if let Some(Payload::Slice(..)) = args[1].payload() {
        let (start, _, step, n) = crate::builtins::misc::slice_indices(vm, &args[1], t.len())?;
        if step == 1 && n == t.len() && args[0].as_obj().is_some_and(is_exact) {
            return Ok(args[0].clone());
        }
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(t[i as usize].clone());
            i += step;
        }
        return Ok(vm.new_tuple(out));
    }
    let i = vm.index_value(&args[1]).map_err(|e| {
        if vm.lookup_special(&args[1], "__index__").is_some() {
            return e;
        }
        vm.type_error(format!(
            "tuple indices must be integers or slices, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    let n = t.len() as i64;
    let i = match i {
        Value::Int(i) => i,
        _ => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("tuple index out of range"));
    }
    Ok(t[j as usize].clone())
}

fn tuple_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?;
    Ok(vm.new_seq_iter(args[0].clone(), false))
}

fn tuple_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    for it in this(vm, &args[0])? {
        if vm.eq_identity_first(it, &args[1])? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn tuple_add(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let Some(Payload::Tuple(b)) = args[1].payload() else {
        return Err(vm.type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            vm.type_name(&args[1])
        )));
    };
    let mut out = a.to_vec();
    out.extend(b.iter().cloned());
    Ok(vm.new_tuple(out))
}

fn tuple_mul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let n = match &args[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        other => {
            if vm.lookup_special(other, "__index__").is_none() {
                return Ok(vm.not_implemented());
            }
            vm.index_i64(other)?
        }
    };
    if n == 1 && args[0].as_obj().is_some_and(is_exact) {
        return Ok(args[0].clone());
    }
    let mut out = Vec::new();
    for _ in 0..n.max(0) {
        out.extend(a.iter().cloned());
    }
    Ok(vm.new_tuple(out))
}

fn tuple_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "index", &args[1..], kw, 1, 3)?;
    let items = this(vm, &args[0])?;
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
        if vm.eq_identity_first(&items[i as usize], &args[1])? {
            return Ok(Value::Int(i));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "count", &args[1..], kw, 1, 1)?;
    let mut c = 0;
    for it in this(vm, &args[0])? {
        if vm.eq_identity_first(it, &args[1])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

fn tuple_getnewargs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(vm, &args[0])?.to_vec();
    Ok(vm.new_tuple(vec![vm.new_tuple(t)]))
}

macro_rules! tuple_cmps {
    ($( $fname:ident, $op:expr; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let a = this(vm, &args[0])?;
                let Some(Payload::Tuple(b)) = args[1].payload() else {
                    return Ok(vm.not_implemented());
                };
                Ok(Value::bool(seq_compare(vm, a, b, $op)?))
            }
        )*
    };
}

tuple_cmps! {
    tuple_lt, CmpOp::Lt;
    tuple_le, CmpOp::Le;
    tuple_eq, CmpOp::Eq;
    tuple_ne, CmpOp::Ne;
    tuple_gt, CmpOp::Gt;
    tuple_ge, CmpOp::Ge;
}

pub fn init(vm: &Vm) {
    let t = &vm.types.tuple;
    vm.add_methods(
        t,
        &[
            ("__repr__", tuple_repr),
            ("__len__", tuple_len),
            ("__hash__", tuple_hash),
            ("__getitem__", tuple_getitem),
            ("__iter__", tuple_iter),
            ("__contains__", tuple_contains),
            ("__add__", tuple_add),
            ("__mul__", tuple_mul),
            ("__rmul__", tuple_mul),
            ("__lt__", tuple_lt),
            ("__le__", tuple_le),
            ("__eq__", tuple_eq),
            ("__ne__", tuple_ne),
            ("__gt__", tuple_gt),
            ("__ge__", tuple_ge),
            ("__getnewargs__", tuple_getnewargs),
            ("index", tuple_index),
            ("count", tuple_count),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", tuple_new)], MethodKind::Static);
    vm.add_methods_kind(
        t,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
}
