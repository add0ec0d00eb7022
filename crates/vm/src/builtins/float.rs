//! `float`: IEEE doubles, held inline in the value word.
//! Counterpart: Objects/floatobject.c (3.11).

use crate::builtins::function::{MethodKind, check_count};
use crate::builtins::number_fast::{Num, num_binary, num_compare, num_of};
use crate::builtins::text_err::ToPyErr;
use crate::object::{Payload, PyObject};
use crate::protocol::CmpOp;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Float arithmetic for BINARY_OP when no error is possible; `None` otherwise.
#[inline]
pub fn small_binop(x: f64, y: f64, op: u32) -> Option<Value> {
    Some(Value::float(match op {
        0 | 13 => x + y,
        10 | 23 => x - y,
        5 | 18 => x * y,
        11 | 24 => {
            if y == 0.0 {
                return None;
            }
            x / y
        }
        _ => return None,
    }))
}

/// Python's float `%` (the divisor is non-zero).
pub fn float_mod(x: f64, y: f64) -> f64 {
    rpy_text::numbers::float_mod(x, y).unwrap_or(f64::NAN)
}

/// Python's float `divmod` (the divisor is non-zero).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    rpy_text::numbers::float_divmod(x, y).unwrap_or((f64::NAN, f64::NAN))
}

/// Float arithmetic with CPython's errors (NB_* code).
pub fn float_binary(vm: &Vm, x: f64, y: f64, op: u32) -> PyResult<Value> {
    let op = op % 13;
    Ok(Value::float(match op {
        0 => x + y,
        10 => x - y,
        5 => x * y,
        11 => rpy_text::numbers::float_div(x, y).map_err(|e| e.to_py(vm))?,
        2 => rpy_text::numbers::float_floordiv(x, y).map_err(|e| e.to_py(vm))?,
        6 => rpy_text::numbers::float_mod(x, y).map_err(|e| e.to_py(vm))?,
        8 => return float_pow(vm, x, y),
        _ => return Ok(vm.not_implemented()),
    }))
}

/// `x ** y` for floats (a negative base to a fractional power gives a complex).
pub fn float_pow(vm: &Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::float(if y == 0.0 { 1.0 } else { x }));
    }
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.is_finite() && y != y.floor() {
        return crate::builtins::misc::complex_pow(vm, x, 0.0, y, 0.0);
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.new_exception(
            &vm.types.exceptions.overflow_error,
            vec![Value::Int(34), vm.new_str("Numerical result out of range")],
        ));
    }
    Ok(Value::float(r))
}

/// `hash(float)`; NaN hashes by identity as in CPython 3.10+.
pub fn hash_f64(f: f64, v: &Value) -> i64 {
    match rpy_marshal::pyhash::hash_float(f) {
        Some(h) => h,
        None => crate::protocol::compare::id_hash(v),
    }
}

/// `i == f` exactly.
pub fn int_float_eq(i: i64, f: f64) -> bool {
    num_compare(&Num::Int(i), &Num::Float(f), CmpOp::Eq).unwrap_or(false)
}

fn float_num(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(f.get()),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

/// Either operand as a number for float methods (ints convert).
fn operand(v: &Value) -> Option<Num<'_>> {
    num_of(v, false)
}

macro_rules! float_binops {
    ($( $name:ident, $rname:ident, $op:expr; )*) => {
        $(
            fn $name(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                check_count(vm, stringify!($name), &args[1..], kw, 1, 1)?;
                let (Some(a), Some(b)) = (float_num(&args[0]), operand(&args[1])) else {
                    return Ok(vm.not_implemented());
                };
                num_binary(vm, &Num::Float(a), &b, $op)
            }
            fn $rname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                check_count(vm, stringify!($rname), &args[1..], kw, 1, 1)?;
                let (Some(a), Some(b)) = (float_num(&args[0]), operand(&args[1])) else {
                    return Ok(vm.not_implemented());
                };
                num_binary(vm, &b, &Num::Float(a), $op)
            }
        )*
    };
}

float_binops! {
    float_add, float_radd, 0;
    float_sub, float_rsub, 10;
    float_mul, float_rmul, 5;
    float_truediv, float_rtruediv, 11;
    float_floordiv, float_rfloordiv, 2;
    float_mod_m, float_rmod, 6;
}

fn float_pow_m(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__pow__", &args[1..], kw, 1, 2)?;
    if args.get(2).is_some_and(|m| !m.is_none()) {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let (Some(a), Some(b)) = (float_num(&args[0]), operand(&args[1])) else {
        return Ok(vm.not_implemented());
    };
    num_binary(vm, &Num::Float(a), &b, 8)
}

fn float_rpow(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__rpow__", &args[1..], kw, 1, 2)?;
    let (Some(a), Some(b)) = (float_num(&args[0]), operand(&args[1])) else {
        return Ok(vm.not_implemented());
    };
    num_binary(vm, &b, &Num::Float(a), 8)
}

fn divmod_values(vm: &Vm, x: f64, y: f64) -> PyResult<Value> {
    let (q, r) = rpy_text::numbers::float_divmod(x, y).map_err(|e| e.to_py(vm))?;
    Ok(vm.new_tuple(vec![Value::float(q), Value::float(r)]))
}

fn float_divmod_m(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__divmod__", &args[1..], kw, 1, 1)?;
    let (Some(a), Some(b)) = (float_num(&args[0]), operand(&args[1])) else {
        return Ok(vm.not_implemented());
    };
    let b = crate::builtins::number_fast::int_to_f64(vm, &b)?;
    divmod_values(vm, a, b)
}

fn float_rdivmod(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__rdivmod__", &args[1..], kw, 1, 1)?;
    let (Some(a), Some(b)) = (float_num(&args[0]), operand(&args[1])) else {
        return Ok(vm.not_implemented());
    };
    let b = crate::builtins::number_fast::int_to_f64(vm, &b)?;
    divmod_values(vm, b, a)
}

macro_rules! float_cmps {
    ($( $fname:ident, $op:expr; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                check_count(vm, "comparison", &args[1..], kw, 1, 1)?;
                let (Some(a), Some(b)) = (float_num(&args[0]), operand(&args[1])) else {
                    return Ok(vm.not_implemented());
                };
                Ok(Value::bool(num_compare(&Num::Float(a), &b, $op).unwrap_or(false)))
            }
        )*
    };
}

float_cmps! {
    float_lt, CmpOp::Lt;
    float_le, CmpOp::Le;
    float_eq, CmpOp::Eq;
    float_ne, CmpOp::Ne;
    float_gt, CmpOp::Gt;
    float_ge, CmpOp::Ge;
}

fn self_float(vm: &Vm, v: &Value) -> PyResult<f64> {
    float_num(v).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'float' object but received '{}'",
            vm.type_name(v)
        ))
    })
}

fn float_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_string(rpy_marshal::repr::float_repr(self_float(vm, &args[0])?)))
}

fn float_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &args[0])?;
    Ok(Value::Int(hash_f64(f, &args[0])))
}

fn float_bool(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(self_float(vm, &args[0])? != 0.0))
}

fn float_neg(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(-self_float(vm, &args[0])?))
}

fn float_pos(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(self_float(vm, &args[0])?))
}

fn float_abs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(self_float(vm, &args[0])?.abs()))
}

fn float_int(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::int::float_to_int(vm, self_float(vm, &args[0])?)
}

fn float_float(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(self_float(vm, &args[0])?))
}

fn float_floor(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::int::float_to_int(vm, self_float(vm, &args[0])?.floor())
}

fn float_ceil(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::int::float_to_int(vm, self_float(vm, &args[0])?.ceil())
}

fn float_is_integer(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "float.is_integer", &args[1..], kw, 0, 0)?;
    let f = self_float(vm, &args[0])?;
    Ok(Value::bool(rpy_text::numbers::float_is_integer(f)))
}

fn float_conjugate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "float.conjugate", &args[1..], kw, 0, 0)?;
    Ok(Value::float(self_float(vm, &args[0])?))
}

fn float_round(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__round__", &args[1..], kw, 0, 1)?;
    let f = self_float(vm, &args[0])?;
    let ndigits = match args.get(1) {
        None | Some(Value::None) => None,
        Some(d) => Some(vm.index_clamped(d)?),
    };
    match rpy_text::numbers::float_round(f, ndigits).map_err(|e| e.to_py(vm))? {
        rpy_text::numbers::Rounded::Int(n) => Ok(Value::from_bigint(n)),
        rpy_text::numbers::Rounded::Float(x) => Ok(Value::float(x)),
    }
}

fn float_as_integer_ratio(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "float.as_integer_ratio", &args[1..], kw, 0, 0)?;
    let f = self_float(vm, &args[0])?;
    let (n, d) = rpy_text::numbers::as_integer_ratio(f).map_err(|e| e.to_py(vm))?;
    Ok(vm.new_tuple(vec![Value::from_bigint(n), Value::from_bigint(d)]))
}

/// The exact fraction of a finite float, in lowest terms.
pub fn as_ratio(f: f64) -> (num_bigint::BigInt, num_bigint::BigInt) {
    rpy_text::numbers::as_integer_ratio(f).unwrap_or_default()
}

fn float_getnewargs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_tuple(vec![Value::float(self_float(vm, &args[0])?)]))
}

/// `format(number, spec)` for ints and floats.
pub fn format_number(vm: &Vm, v: &Value, spec: &str) -> PyResult<Value> {
    crate::builtins::format::format_value(vm, v, spec)
}

/// `float(x)`.
pub fn to_float(vm: &Vm, x: &Value) -> PyResult<f64> {
    if let Some(f) = float_num(x) {
        return Ok(f);
    }
    if let Some(n) = crate::builtins::int::as_bigint(x) {
        return rpy_text::numbers::int_to_f64(&n).map_err(|e| e.to_py(vm));
    }
    if let Some(s) = crate::str::as_str(x) {
        return rpy_text::numbers::parse_float(s).map_err(|e| e.to_py(vm));
    }
    if let Some(r) = vm.call_special(x, "__float__", &[])? {
        return match float_num(&r) {
            Some(f) => Ok(f),
            None => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(x),
                vm.type_name(&r)
            ))),
        };
    }
    if vm.lookup_special(x, "__index__").is_some() {
        let i = vm.index_value(x)?;
        let n = crate::builtins::int::as_bigint(&i).unwrap_or_default();
        return rpy_text::numbers::int_to_f64(&n).map_err(|e| e.to_py(vm));
    }
    if let Some(b) = crate::builtins::bytes::buffer_bytes(x) {
        return rpy_text::numbers::parse_float_bytes(&b).map_err(|e| e.to_py(vm));
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(x)
    )))
}

/// Parses a float literal as `float(str)` accepts it.
pub fn parse_float_str(vm: &Vm, s: &str, _orig: &Value) -> PyResult<f64> {
    rpy_text::numbers::parse_float(s).map_err(|e| e.to_py(vm))
}

fn float_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("float.__new__(X): X is not a type object"));
    };
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "float expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let f = match args.get(1) {
        Some(x) => to_float(vm, x)?,
        None => 0.0,
    };
    Ok(new_float_of(vm, &cls, f))
}

pub fn new_float_of(vm: &Vm, cls: &PyRef, f: f64) -> Value {
    // A NaN made by float() gets an identity of its own (CPython's `nan in [nan]` is true only
    // for the same object); other floats are immediates.
    if std::rc::Rc::ptr_eq(cls, &vm.types.float) && !f.is_nan() {
        Value::float(f)
    } else {
        Value::Obj(PyObject::new(cls.clone(), Payload::Float(f)))
    }
}

fn float_hex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "float.hex", &args[1..], kw, 0, 0)?;
    let f = self_float(vm, &args[0])?;
    Ok(vm.new_string(float_hex_str(f)))
}

/// `float.hex()`.
pub fn float_hex_str(f: f64) -> String {
    rpy_text::numbers::float_hex(f)
}

fn float_fromhex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "float.fromhex", &args[1..], kw, 1, 1)?;
    let Some(s) = crate::str::as_str(&args[1]) else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let f = rpy_text::numbers::float_fromhex(s).map_err(|e| e.to_py(vm))?;
    let cls = vm.is_type(&args[0]).unwrap_or(vm.types.float.clone());
    if std::rc::Rc::ptr_eq(&cls, &vm.types.float) {
        return Ok(Value::float(f));
    }
    vm.call(&Value::Obj(cls), &[Value::float(f)])
}

fn float_getformat(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "float.__getformat__", &args[1..], kw, 1, 1)?;
    match crate::str::as_str(&args[1]) {
        Some("double" | "float") => Ok(vm.new_str("IEEE, little-endian")),
        Some(_) => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => Err(vm.type_error(format!(
            "__getformat__() argument must be str, not {}",
            vm.type_name(&args[1])
        ))),
    }
}

fn get_real(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::float(self_float(vm, v)?))
}

fn get_imag(_vm: &Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::float(0.0))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.float;
    vm.add_methods(
        t,
        &[
            ("__add__", float_add),
            ("__radd__", float_radd),
            ("__sub__", float_sub),
            ("__rsub__", float_rsub),
            ("__mul__", float_mul),
            ("__rmul__", float_rmul),
            ("__truediv__", float_truediv),
            ("__rtruediv__", float_rtruediv),
            ("__floordiv__", float_floordiv),
            ("__rfloordiv__", float_rfloordiv),
            ("__mod__", float_mod_m),
            ("__rmod__", float_rmod),
            ("__divmod__", float_divmod_m),
            ("__rdivmod__", float_rdivmod),
            ("__pow__", float_pow_m),
            ("__rpow__", float_rpow),
            ("__lt__", float_lt),
            ("__le__", float_le),
            ("__eq__", float_eq),
            ("__ne__", float_ne),
            ("__gt__", float_gt),
            ("__ge__", float_ge),
            ("__repr__", float_repr),
            ("__hash__", float_hash),
            ("__bool__", float_bool),
            ("__neg__", float_neg),
            ("__pos__", float_pos),
            ("__abs__", float_abs),
            ("__int__", float_int),
            ("__float__", float_float),
            ("__trunc__", float_int),
            ("__floor__", float_floor),
            ("__ceil__", float_ceil),
            ("__round__", float_round),
            ("__format__", crate::builtins::format::dunder_format),
            ("__getnewargs__", float_getnewargs),
            ("is_integer", float_is_integer),
            ("conjugate", float_conjugate),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", float_new)], MethodKind::Static);
    vm.add_methods_kind(
        t,
        &[
            ("fromhex", float_fromhex),
            ("__getformat__", float_getformat),
        ],
        MethodKind::Class,
    );
    vm.add_getsets(t, &[("real", get_real, None), ("imag", get_imag, None)]);
}
