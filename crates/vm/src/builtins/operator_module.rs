//! The `_operator` module: the operator functions (`add`, `getitem`, `iadd`, …,
//! `length_hint`, `call`, `_compare_digest`) and the `itemgetter`, `attrgetter` and
//! `methodcaller` types with their reprs and pickling support.
//! Counterpart: Modules/_operator.c (3.11).

use rpy_marshal::Opcode;

use crate::builtins::function::{MethodKind, NativeFn, check_count, no_kwargs};
use crate::builtins::itertools::{check_positional, native, native_type, new_native};
use crate::object::Payload;
use crate::protocol::CmpOp;
use crate::types::{Layout, TypeKind};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

const ITEMGETTER: &str = "operator.itemgetter";
const ATTRGETTER: &str = "operator.attrgetter";
const METHODCALLER: &str = "operator.methodcaller";

// ---- the functions ----

/// A function of one argument (`METH_O`).
fn one<'a>(vm: &Vm, name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a Value> {
    check_count(vm, format_args!("_operator.{name}"), args, kw, 1, 1)?;
    Ok(&args[0])
}

/// A function of `n` positional arguments (argument clinic).
fn fixed<'a>(
    vm: &Vm,
    name: &str,
    args: &'a [Value],
    kw: &[Value],
    n: usize,
) -> PyResult<&'a [Value]> {
    no_kwargs(vm, format_args!("_operator.{name}"), kw)?;
    check_positional(vm, name, args.len(), n, n)?;
    Ok(args)
}

macro_rules! binary_ops {
    ($($fname:ident, $name:literal => $code:expr;)*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let a = fixed(vm, $name, args, kw, 2)?;
                vm.binary_op(&a[0], &a[1], $code)
            }
        )*
    };
}

binary_ops! {
    op_add, "add" => 0;
    op_and, "and_" => 1;
    op_floordiv, "floordiv" => 2;
    op_lshift, "lshift" => 3;
    op_matmul, "matmul" => 4;
    op_mul, "mul" => 5;
    op_mod, "mod" => 6;
    op_or, "or_" => 7;
    op_pow, "pow" => 8;
    op_rshift, "rshift" => 9;
    op_sub, "sub" => 10;
    op_truediv, "truediv" => 11;
    op_xor, "xor" => 12;
    op_iadd, "iadd" => 13;
    op_iand, "iand" => 14;
    op_ifloordiv, "ifloordiv" => 15;
    op_ilshift, "ilshift" => 16;
    op_imatmul, "imatmul" => 17;
    op_imul, "imul" => 18;
    op_imod, "imod" => 19;
    op_ior, "ior" => 20;
    op_ipow, "ipow" => 21;
    op_irshift, "irshift" => 22;
    op_isub, "isub" => 23;
    op_itruediv, "itruediv" => 24;
    op_ixor, "ixor" => 25;
}

macro_rules! compare_ops {
    ($($fname:ident, $name:literal => $op:expr;)*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let a = fixed(vm, $name, args, kw, 2)?;
                vm.rich_compare(&a[0], &a[1], $op)
            }
        )*
    };
}

compare_ops! {
    op_lt, "lt" => CmpOp::Lt;
    op_le, "le" => CmpOp::Le;
    op_eq, "eq" => CmpOp::Eq;
    op_ne, "ne" => CmpOp::Ne;
    op_gt, "gt" => CmpOp::Gt;
    op_ge, "ge" => CmpOp::Ge;
}

fn op_neg(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.unary_op(one(vm, "neg", args, kw)?, Opcode::UnaryNegative)
}

fn op_pos(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.unary_op(one(vm, "pos", args, kw)?, Opcode::UnaryPositive)
}

fn op_inv(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.unary_op(one(vm, "inv", args, kw)?, Opcode::UnaryInvert)
}

fn op_invert(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.unary_op(one(vm, "invert", args, kw)?, Opcode::UnaryInvert)
}

fn op_abs(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one(vm, "abs", args, kw)?;
    let abs = match &vm.builtins_dict.payload {
        Payload::Dict(d) => d.borrow().get_str("abs").cloned(),
        _ => None,
    };
    match abs {
        Some(f) => vm.call(&f, std::slice::from_ref(v)),
        None => Err(vm.runtime_error("lost builtins.abs")),
    }
}

fn op_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.index_value(one(vm, "index", args, kw)?)
}

fn op_truth(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(vm.truthy(one(vm, "truth", args, kw)?)?))
}

fn op_not(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(!vm.truthy(one(vm, "not_", args, kw)?)?))
}

fn op_is(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = fixed(vm, "is_", args, kw, 2)?;
    Ok(Value::bool(a[0].is(&a[1])))
}

fn op_is_not(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = fixed(vm, "is_not", args, kw, 2)?;
    Ok(Value::bool(!a[0].is(&a[1])))
}

fn op_contains(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = fixed(vm, "contains", args, kw, 2)?;
    Ok(Value::bool(vm.contains(&a[0], &a[1])?))
}

fn op_getitem(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = fixed(vm, "getitem", args, kw, 2)?;
    vm.getitem(&a[0], &a[1])
}

fn op_setitem(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = fixed(vm, "setitem", args, kw, 3)?;
    vm.setitem(&a[0], a[1].clone(), a[2].clone())?;
    Ok(Value::None)
}

fn op_delitem(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = fixed(vm, "delitem", args, kw, 2)?;
    vm.delitem(&a[0], &a[1])?;
    Ok(Value::None)
}

/// `PySequence_Check`: has `__getitem__` and is not a dict.
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    if matches!(v.payload(), Some(Payload::Dict(_))) {
        return false;
    }
    vm.lookup_special(v, "__getitem__").is_some()
}

/// Whether `v` is one of the built-in sequences with a native concatenation.
fn native_concat(v: &Value) -> bool {
    match v {
        Value::Obj(o) => matches!(
            crate::types::kind_of(o),
            TypeKind::Str
                | TypeKind::Bytes
                | TypeKind::ByteArray
                | TypeKind::List
                | TypeKind::Tuple
        ),
        _ => false,
    }
}

/// `PySequence_Concat` / `PySequence_InPlaceConcat`.
fn concat(vm: &Vm, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
    if native_concat(a) {
        return vm.binary_op(a, b, if inplace { 13 } else { 0 });
    }
    if is_sequence(vm, a) && is_sequence(vm, b) {
        if inplace && let Some(m) = vm.lookup_special(a, "__iadd__") {
            let r = vm.call(&m, &[a.clone(), b.clone()])?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(r) = vm.binary_op1(a, b, 0)? {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "'{}' object can't be concatenated",
        vm.type_name(a)
    )))
}

fn op_concat(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = fixed(vm, "concat", args, kw, 2)?;
    concat(vm, &a[0], &a[1], false)
}

fn op_iconcat(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = fixed(vm, "iconcat", args, kw, 2)?;
    concat(vm, &a[0], &a[1], true)
}

/// `_PySequence_IterSearch`'s iterator: a TypeError says the argument is not iterable.
fn search_iter(vm: &Vm, seq: &Value) -> PyResult<Value> {
    vm.get_iter(seq).map_err(|e| {
        if vm.exc_matches(&e, &vm.types.exceptions.type_error) {
            vm.type_error(format!(
                "argument of type '{}' is not iterable",
                vm.type_name(seq)
            ))
        } else {
            e
        }
    })
}

fn op_count_of(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = fixed(vm, "countOf", args, kw, 2)?;
    let it = search_iter(vm, &a[0])?;
    let mut n: i64 = 0;
    while let Some(x) = vm.next(&it)? {
        if vm.eq_identity_first(&x, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn op_index_of(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = fixed(vm, "indexOf", args, kw, 2)?;
    let it = search_iter(vm, &a[0])?;
    let mut i: i64 = 0;
    while let Some(x) = vm.next(&it)? {
        if vm.eq_identity_first(&x, &a[1])? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

/// `PyObject_LengthHint`.
fn length_hint(vm: &Vm, obj: &Value, default: i64) -> PyResult<i64> {
    if vm.lookup_special(obj, "__len__").is_some() {
        match vm.len(obj) {
            Ok(n) => return Ok(n as i64),
            Err(e) if vm.exc_matches(&e, &vm.types.exceptions.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = vm
        .lookup_special(obj, "__length_hint__")
        .filter(|h| !h.is_none())
    else {
        return Ok(default);
    };
    let r = match vm.call(&hint, std::slice::from_ref(obj)) {
        Ok(r) => r,
        Err(e) if vm.exc_matches(&e, &vm.types.exceptions.type_error) => return Ok(default),
        Err(e) => return Err(e),
    };
    if vm.is_not_implemented(&r) {
        return Ok(default);
    }
    if crate::builtins::int::as_bigint(&r).is_none() {
        return Err(vm.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(&r)
        )));
    }
    let n = vm.index_i64(&r)?;
    if n < 0 {
        return Err(vm.value_error("__length_hint__() should return >= 0"));
    }
    Ok(n)
}

fn op_length_hint(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "_operator.length_hint", kw)?;
    check_positional(vm, "length_hint", args.len(), 1, 2)?;
    let default = match args.get(1) {
        Some(d) => {
            let d = vm.index_value(d)?;
            crate::builtins::oscall::c_long(vm, &d)
                .map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))?
        }
        None => 0,
    };
    Ok(Value::Int(length_hint(vm, &args[0], default)?))
}

fn op_call(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() - kwnames.len() < 1 {
        return Err(vm.type_error(format!(
            "call expected at least 1 argument, got {}",
            args.len() - kwnames.len()
        )));
    }
    vm.call_with_kwnames(&args[0], &args[1..], kwnames)
}

/// Constant-time comparison (the time depends on the length of `b` only).
fn tscmp(a: &[u8], b: &[u8]) -> bool {
    let mut result: u8 = u8::from(a.len() != b.len());
    let left = if a.len() == b.len() { a } else { b };
    for (x, y) in left.iter().zip(b) {
        result |= x ^ y;
    }
    result == 0
}

fn op_compare_digest(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = fixed(vm, "_compare_digest", args, kw, 2)?;
    if let (Some(x), Some(y)) = (crate::str::as_str(&a[0]), crate::str::as_str(&a[1])) {
        if !x.is_ascii() || !y.is_ascii() {
            return Err(
                vm.type_error("comparing strings with non-ASCII characters is not supported")
            );
        }
        return Ok(Value::bool(tscmp(x.as_bytes(), y.as_bytes())));
    }
    let (ba, bb) = (
        crate::builtins::bytes::buffer_bytes(&a[0]),
        crate::builtins::bytes::buffer_bytes(&a[1]),
    );
    if ba.is_none() && bb.is_none() {
        return Err(vm.type_error(format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            vm.type_name(&a[0]),
            vm.type_name(&a[1])
        )));
    }
    let x = crate::builtins::bytes::bytes_arg(vm, &a[0])?;
    let y = crate::builtins::bytes::bytes_arg(vm, &a[1])?;
    Ok(Value::bool(tscmp(&x, &y)))
}

// ---- itemgetter ----

pub struct ItemGetter {
    items: Vec<Value>,
}

impl crate::object::NativeData for ItemGetter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for v in &self.items {
            visit(v);
        }
    }
}

fn itemgetter_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "itemgetter", kw)?;
    let items = &args[1..];
    if items.is_empty() {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(new_native(
        vm.types.other(ITEMGETTER),
        ItemGetter {
            items: items.to_vec(),
        },
    ))
}

/// `obj[item]`, indexing exact lists and tuples directly.
fn get_one(vm: &Vm, obj: &Value, item: &Value) -> PyResult<Value> {
    if let (Value::Obj(o), Value::Int(i)) = (obj, item) {
        let i = *i;
        match (&o.payload, crate::types::kind_of(o)) {
            (Payload::Tuple(t), TypeKind::Tuple) if i >= 0 && (i as usize) < t.len() => {
                return Ok(t[i as usize].clone());
            }
            (Payload::List(l), TypeKind::List) => {
                let l = l.borrow();
                if i >= 0 && (i as usize) < l.len() {
                    return Ok(l[i as usize].clone());
                }
            }
            _ => {}
        }
    }
    vm.getitem(obj, item)
}

fn itemgetter_call(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let g = native::<ItemGetter>(vm, &args[0], ITEMGETTER)?;
    no_kwargs(vm, "itemgetter", kw)?;
    check_positional(vm, "itemgetter", args.len() - 1, 1, 1)?;
    let obj = &args[1];
    if let [item] = g.items.as_slice() {
        return get_one(vm, obj, item);
    }
    let mut out = Vec::with_capacity(g.items.len());
    for item in &g.items {
        out.push(get_one(vm, obj, item)?);
    }
    Ok(vm.new_tuple(out))
}

fn itemgetter_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let g = native::<ItemGetter>(vm, this, ITEMGETTER)?;
    if !vm.repr_enter(this) {
        return Ok(vm.new_str("operator.itemgetter(...)"));
    }
    let r = (|| -> PyResult<String> {
        let parts: Vec<String> = g
            .items
            .iter()
            .map(|v| vm.repr(v))
            .collect::<PyResult<_>>()?;
        Ok(if parts.len() == 1 {
            format!("operator.itemgetter({})", parts[0])
        } else {
            format!("operator.itemgetter({})", parts.join(", "))
        })
    })();
    vm.repr_leave(this);
    Ok(vm.new_string(r?))
}

fn itemgetter_reduce(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = native::<ItemGetter>(vm, &args[0], ITEMGETTER)?;
    Ok(vm.new_tuple(vec![vm.type_value(&args[0]), vm.new_tuple(g.items.clone())]))
}

fn init_itemgetter(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", itemgetter_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__call__", itemgetter_call),
            ("__repr__", itemgetter_repr),
            ("__reduce__", itemgetter_reduce),
        ],
    );
    vm.add_attr(
        t,
        "__doc__",
        vm.new_str(
            "itemgetter(item, ...) --> itemgetter object\n\n\
             Return a callable object that fetches the given item(s) from its operand.\n\
             After f = itemgetter(2), the call f(r) returns r[2].\n\
             After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
        ),
    );
}

// ---- attrgetter ----

pub struct AttrGetter {
    /// Per attribute: its dotted parts (interned names).
    attrs: Vec<Vec<PyRef>>,
}

impl crate::object::NativeData for AttrGetter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn attrgetter_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "attrgetter", kw)?;
    let names = &args[1..];
    if names.is_empty() {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut attrs = Vec::with_capacity(names.len());
    for n in names {
        let Some(s) = crate::str::as_str(n) else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        attrs.push(s.split('.').map(|p| vm.intern(p)).collect());
    }
    Ok(new_native(vm.types.other(ATTRGETTER), AttrGetter { attrs }))
}

fn dotted_get(vm: &Vm, obj: &Value, parts: &[PyRef]) -> PyResult<Value> {
    let mut v = obj.clone();
    for p in parts {
        v = vm.getattr(&v, p)?;
    }
    Ok(v)
}

fn attrgetter_call(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let g = native::<AttrGetter>(vm, &args[0], ATTRGETTER)?;
    no_kwargs(vm, "attrgetter", kw)?;
    check_positional(vm, "attrgetter", args.len() - 1, 1, 1)?;
    let obj = &args[1];
    if let [one] = g.attrs.as_slice() {
        return dotted_get(vm, obj, one);
    }
    let mut out = Vec::with_capacity(g.attrs.len());
    for a in &g.attrs {
        out.push(dotted_get(vm, obj, a)?);
    }
    Ok(vm.new_tuple(out))
}

/// The attribute names as given (dotted again).
fn attr_strings(vm: &Vm, g: &AttrGetter) -> Vec<Value> {
    g.attrs
        .iter()
        .map(|parts| {
            let joined: Vec<&str> = parts.iter().map(crate::protocol::attr::str_of).collect();
            vm.new_string(joined.join("."))
        })
        .collect()
}

fn attrgetter_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = native::<AttrGetter>(vm, &args[0], ATTRGETTER)?;
    let parts: Vec<String> = attr_strings(vm, g)
        .iter()
        .map(|v| vm.repr(v))
        .collect::<PyResult<_>>()?;
    Ok(vm.new_string(format!("operator.attrgetter({})", parts.join(", "))))
}

fn attrgetter_reduce(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = native::<AttrGetter>(vm, &args[0], ATTRGETTER)?;
    Ok(vm.new_tuple(vec![
        vm.type_value(&args[0]),
        vm.new_tuple(attr_strings(vm, g)),
    ]))
}

fn init_attrgetter(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", attrgetter_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__call__", attrgetter_call),
            ("__repr__", attrgetter_repr),
            ("__reduce__", attrgetter_reduce),
        ],
    );
    vm.add_attr(
        t,
        "__doc__",
        vm.new_str(
            "attrgetter(attr, ...) --> attrgetter object\n\n\
             Return a callable object that fetches the given attribute(s) from its operand.\n\
             After f = attrgetter('name'), the call f(r) returns r.name.\n\
             After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n\
             After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n\
             (r.name.first, r.name.last).",
        ),
    );
}

// ---- methodcaller ----

pub struct MethodCaller {
    name: PyRef,
    args: Vec<Value>,
    /// (keyword name, value) pairs.
    kwargs: Vec<(Value, Value)>,
}

impl crate::object::NativeData for MethodCaller {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for v in &self.args {
            visit(v);
        }
        for (_, v) in &self.kwargs {
            visit(v);
        }
    }
}

fn methodcaller_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos < 2 {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    let Some(name) = crate::str::as_str(&args[1]) else {
        return Err(vm.type_error("method name must be a string"));
    };
    let kwargs = kwnames
        .iter()
        .cloned()
        .zip(args[npos..].iter().cloned())
        .collect();
    Ok(new_native(
        vm.types.other(METHODCALLER),
        MethodCaller {
            name: vm.intern(name),
            args: args[2..npos].to_vec(),
            kwargs,
        },
    ))
}

fn methodcaller_call(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let m = native::<MethodCaller>(vm, &args[0], METHODCALLER)?;
    no_kwargs(vm, "methodcaller", kw)?;
    check_positional(vm, "methodcaller", args.len() - 1, 1, 1)?;
    let method = vm.getattr(&args[1], &m.name)?;
    if m.kwargs.is_empty() {
        return vm.call(&method, &m.args);
    }
    let mut all = m.args.clone();
    let mut names = Vec::with_capacity(m.kwargs.len());
    for (k, v) in &m.kwargs {
        names.push(k.clone());
        all.push(v.clone());
    }
    vm.call_with_kwnames(&method, &all, &names)
}

fn methodcaller_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let m = native::<MethodCaller>(vm, this, METHODCALLER)?;
    if !vm.repr_enter(this) {
        return Ok(vm.new_str("operator.methodcaller(...)"));
    }
    let r = (|| -> PyResult<String> {
        let mut parts = vec![vm.repr(&Value::Obj(m.name.clone()))?];
        for a in &m.args {
            parts.push(vm.repr(a)?);
        }
        for (k, v) in &m.kwargs {
            parts.push(format!("{}={}", vm.str(k)?, vm.repr(v)?));
        }
        Ok(format!("operator.methodcaller({})", parts.join(", ")))
    })();
    vm.repr_leave(this);
    Ok(vm.new_string(r?))
}

fn methodcaller_reduce(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let m = native::<MethodCaller>(vm, this, METHODCALLER)?;
    let cls = vm.type_value(this);
    let name = Value::Obj(m.name.clone());
    if m.kwargs.is_empty() {
        let mut a = vec![name];
        a.extend(m.args.iter().cloned());
        return Ok(vm.new_tuple(vec![cls, vm.new_tuple(a)]));
    }
    // partial(type(self), name, **kwargs), args
    let functools = crate::import::import(vm, "functools")?;
    let partial = vm.getattr_str(&functools, "partial")?;
    let mut pargs = vec![cls, name];
    let mut names = Vec::with_capacity(m.kwargs.len());
    for (k, v) in &m.kwargs {
        names.push(k.clone());
        pargs.push(v.clone());
    }
    let p = vm.call_with_kwnames(&partial, &pargs, &names)?;
    Ok(vm.new_tuple(vec![p, vm.new_tuple(m.args.clone())]))
}

fn init_methodcaller(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", methodcaller_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__call__", methodcaller_call),
            ("__repr__", methodcaller_repr),
            ("__reduce__", methodcaller_reduce),
        ],
    );
    vm.add_attr(
        t,
        "__doc__",
        vm.new_str(
            "methodcaller(name, ...) --> methodcaller object\n\n\
             Return a callable object that calls the given method on its operand.\n\
             After f = methodcaller('name'), the call f(r) returns r.name().\n\
             After g = methodcaller('name', 'date', foo=1), the call g(r) returns\n\
             r.name('date', foo=1).",
        ),
    );
}

// ---- the module ----

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("abs", op_abs),
    ("add", op_add),
    ("and_", op_and),
    ("call", op_call),
    ("concat", op_concat),
    ("contains", op_contains),
    ("countOf", op_count_of),
    ("delitem", op_delitem),
    ("eq", op_eq),
    ("floordiv", op_floordiv),
    ("ge", op_ge),
    ("getitem", op_getitem),
    ("gt", op_gt),
    ("iadd", op_iadd),
    ("iand", op_iand),
    ("iconcat", op_iconcat),
    ("ifloordiv", op_ifloordiv),
    ("ilshift", op_ilshift),
    ("imatmul", op_imatmul),
    ("imod", op_imod),
    ("imul", op_imul),
    ("index", op_index),
    ("indexOf", op_index_of),
    ("inv", op_inv),
    ("invert", op_invert),
    ("ior", op_ior),
    ("ipow", op_ipow),
    ("irshift", op_irshift),
    ("is_", op_is),
    ("is_not", op_is_not),
    ("isub", op_isub),
    ("itruediv", op_itruediv),
    ("ixor", op_ixor),
    ("le", op_le),
    ("length_hint", op_length_hint),
    ("lshift", op_lshift),
    ("lt", op_lt),
    ("matmul", op_matmul),
    ("mod", op_mod),
    ("mul", op_mul),
    ("ne", op_ne),
    ("neg", op_neg),
    ("not_", op_not),
    ("or_", op_or),
    ("pos", op_pos),
    ("pow", op_pow),
    ("rshift", op_rshift),
    ("setitem", op_setitem),
    ("sub", op_sub),
    ("truediv", op_truediv),
    ("truth", op_truth),
    ("xor", op_xor),
    ("_compare_digest", op_compare_digest),
];

/// Makes the `_operator` module.
pub fn module(vm: &Vm) -> PyResult<Value> {
    let ig = native_type(vm, ITEMGETTER, None, Layout::Native, 0, init_itemgetter);
    let ag = native_type(vm, ATTRGETTER, None, Layout::Native, 0, init_attrgetter);
    let mc = native_type(vm, METHODCALLER, None, Layout::Native, 0, init_methodcaller);
    let m = vm.new_module("_operator");
    let d = vm.module_dict(&m);
    let set = |name: &str, v: Value| vm.dict_set_str(&d, vm.intern(name), v);
    for (n, f) in FUNCTIONS {
        set(n, vm.new_builtin_function(n, *f))?;
    }
    set("itemgetter", Value::Obj(ig))?;
    set("attrgetter", Value::Obj(ag))?;
    set("methodcaller", Value::Obj(mc))?;
    set(
        "__doc__",
        vm.new_str(
            "Operator interface.\n\nThis module exports a set of functions implemented in C \
             corresponding\nto the intrinsic operators of Python.  For example, \
             operator.add(x, y)\nis equivalent to the expression x+y.  The function names \
             are those\nused for special methods; variants without leading and trailing\n'__' \
             are also provided for convenience.",
        ),
    )?;
    Ok(Value::Obj(m))
}
