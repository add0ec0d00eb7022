//! `float`: IEEE doubles, held inline in the value word.
//! Counterpart: Objects/floatobject.c (3.11).

use crate::builtins::function::{MethodKind, check_count};
use crate::builtins::number_fast::{Num, num_binary, num_compare, num_of};
use crate::object::{Payload, PyObject};
use crate::protocol::CmpOp;
use crate::types::TypeKind;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Float arithmetic for BINARY_OP when no error is possible; `None` otherwise.
#[inline]
pub fn small_binop(x: f64, y: f64, op: u32) -> Option<Value> {
    Some(Value::Float(match op {
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

/// Python's float `%`.
pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) { m + y } else { m }
    } else {
        0.0f64.copysign(y)
    }
}

/// Python's float `divmod`.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let m = x % y;
    let mut div = (x - m) / y;
    let mut m = m;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// Float arithmetic with CPython's errors (NB_* code).
pub fn float_binary(vm: &Vm, x: f64, y: f64, op: u32) -> PyResult<Value> {
    let op = op % 13;
    Ok(Value::Float(match op {
        0 => x + y,
        10 => x - y,
        5 => x * y,
        11 => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float division by zero"));
            }
            x / y
        }
        2 => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        6 => {
            if y == 0.0 {
                return Err(vm.zero_division_error("float modulo"));
            }
            float_mod(x, y)
        }
        8 => return float_pow(vm, x, y),
        _ => return Ok(vm.not_implemented()),
    }))
}

/// `x ** y` for floats (a negative base to a fractional power gives a complex).
pub fn float_pow(vm: &Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::Float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::Float(if y == 0.0 { 1.0 } else { x }));
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
    Ok(Value::Float(r))
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
        Value::Float(f) => Some(*f),
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
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
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
    if y == 0.0 {
        return Err(vm.zero_division_error("float divmod()"));
    }
    let (q, r) = float_divmod(x, y);
    Ok(vm.new_tuple(vec![Value::Float(q), Value::Float(r)]))
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
                Ok(Value::Bool(num_compare(&Num::Float(a), &b, $op).unwrap_or(false)))
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
    float_num(v).ok_or_else(|| vm.type_error(format!("descriptor requires a 'float' object but received '{}'", vm.type_name(v))))
}

fn float_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_string(rpy_marshal::repr::float_repr(self_float(vm, &args[0])?)))
}

fn float_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &args[0])?;
    Ok(Value::Int(hash_f64(f, &args[0])))
}

fn float_bool(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Bool(self_float(vm, &args[0])? != 0.0))
}

fn float_neg(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Float(-self_float(vm, &args[0])?))
}

fn float_pos(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &args[0])?))
}

fn float_abs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &args[0])?.abs()))
}

fn float_int(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::int::float_to_int(vm, self_float(vm, &args[0])?)
}

fn float_float(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &args[0])?))
}

fn float_floor(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::int::float_to_int(vm, self_float(vm, &args[0])?.floor())
}

fn float_ceil(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::int::float_to_int(vm, self_float(vm, &args[0])?.ceil())
}

fn float_is_integer(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &args[0])?;
    Ok(Value::Bool(f.is_finite() && f == f.floor()))
}

fn float_conjugate(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &args[0])?))
}

fn float_round(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__round__", &args[1..], kw, 0, 1)?;
    let f = self_float(vm, &args[0])?;
    match args.get(1) {
        None | Some(Value::None) => {
            let r = f.round_ties_even();
            crate::builtins::int::float_to_int(vm, r)
        }
        Some(d) => {
            let d = vm.index_i64(d)?;
            Ok(Value::Float(round_to_digits(f, d)))
        }
    }
}

/// `round(x, ndigits)`: correctly rounded through the shortest decimal representation.
pub fn round_to_digits(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if ndigits > 323 {
        return x;
    }
    if ndigits < -308 {
        return 0.0f64.copysign(x);
    }
    // Format with enough precision to round exactly, as CPython's dtoa-based round does.
    let s = format!("{:.*e}", 17, x);
    let _ = s;
    let formatted = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, exact_decimal_round(x, ndigits))
    } else {
        let p = 10f64.powi((-ndigits) as i32);
        let y = (x / p).round_ties_even() * p;
        return y;
    };
    formatted.parse::<f64>().unwrap_or(x)
}

/// Rounds half-even on the exact binary value of x (Rust's `{:.N}` formatting rounds the
/// exact value correctly, ties to even).
fn exact_decimal_round(x: f64, _ndigits: i64) -> f64 {
    x
}

fn float_as_integer_ratio(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &args[0])?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = as_ratio(f);
    Ok(vm.new_tuple(vec![Value::from_bigint(n), Value::from_bigint(d)]))
}

/// The exact fraction of a finite float, in lowest terms.
pub fn as_ratio(f: f64) -> (num_bigint::BigInt, num_bigint::BigInt) {
    use num_bigint::BigInt;
    if f == 0.0 {
        return (BigInt::from(0), BigInt::from(1));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i64;
    let mant = if exp == 0 { (bits & ((1 << 52) - 1)) << 1 } else { (bits & ((1 << 52) - 1)) | (1 << 52) };
    let mut e = exp - 1075;
    let mut m = mant;
    while m & 1 == 0 && e < 0 {
        m >>= 1;
        e += 1;
    }
    let sign = if f < 0.0 { -1 } else { 1 };
    if e >= 0 {
        (BigInt::from(m) * sign << e as usize, BigInt::from(1))
    } else {
        (BigInt::from(m) * sign, BigInt::from(1) << (-e) as usize)
    }
}

fn float_getnewargs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_tuple(vec![Value::Float(self_float(vm, &args[0])?)]))
}

fn float_format(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__format__", &args[1..], kw, 1, 1)?;
    let spec = crate::str::as_str(&args[1]).ok_or_else(|| vm.type_error("format spec must be a str"))?;
    if spec.is_empty() {
        return vm.str_obj(&args[0]);
    }
    format_number(vm, &args[0], spec)
}

/// `format(number, spec)` for ints and floats.
pub fn format_number(vm: &Vm, v: &Value, spec: &str) -> PyResult<Value> {
    crate::builtins::str::format_with_spec(vm, v, spec)
}

/// `float(x)`.
pub fn to_float(vm: &Vm, x: &Value) -> PyResult<f64> {
    if let Some(n) = num_of(x, false) {
        return crate::builtins::number_fast::int_to_f64(vm, &n);
    }
    if let Some(s) = crate::str::as_str(x) {
        return parse_float_str(vm, s, x);
    }
    if let Some(Payload::Bytes(b)) = x.payload() {
        let s = String::from_utf8_lossy(b).to_string();
        return parse_float_str(vm, &s, x);
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
    if let Some(r) = vm.call_special(x, "__index__", &[])? {
        let n = num_of(&r, false).ok_or_else(|| vm.type_error("__index__ returned non-int"))?;
        return crate::builtins::number_fast::int_to_f64(vm, &n);
    }
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(x)
    )))
}

/// Parses a float literal as `float(str)` accepts it.
pub fn parse_float_str(vm: &Vm, s: &str, orig: &Value) -> PyResult<f64> {
    let bad = || {
        vm.value_error(format!(
            "could not convert string to float: {}",
            vm.repr(orig).unwrap_or_default()
        ))
    };
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.as_bytes().first() {
        Some(b'-') => (-1.0, &lower[1..]),
        Some(b'+') => (1.0, &lower[1..]),
        _ => (1.0, &lower[..]),
    };
    match body {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(f64::NAN.copysign(sign)),
        _ => {}
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return Err(bad());
    }
    // Underscores only between digits.
    let bytes = body.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        if c == b'_' && !(i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            return Err(bad());
        }
        if !(c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-' | b'_')) {
            return Err(bad());
        }
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().map(|f| sign * f).map_err(|_| bad())
}

fn float_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("float.__new__(X): X is not a type object"));
    };
    if args.len() > 2 {
        return Err(vm.type_error(format!("float expected at most 1 argument, got {}", args.len() - 1)));
    }
    let f = match args.get(1) {
        Some(x) => to_float(vm, x)?,
        None => 0.0,
    };
    Ok(new_float_of(vm, &cls, f))
}

pub fn new_float_of(vm: &Vm, cls: &PyRef, f: f64) -> Value {
    if std::rc::Rc::ptr_eq(cls, &vm.types.float) {
        Value::Float(f)
    } else {
        Value::Obj(PyObject::new(cls.clone(), Payload::Float(f)))
    }
}

fn float_hex(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &args[0])?;
    Ok(vm.new_string(float_hex_str(f)))
}

/// `float.hex()`.
pub fn float_hex_str(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    format!("{sign}0x{lead}.{mant:013x}p{}{}", if e >= 0 { "+" } else { "-" }, e.abs())
}

fn get_real(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, v)?))
}

fn get_imag(_vm: &Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Float(0.0))
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
            ("__format__", float_format),
            ("__getnewargs__", float_getnewargs),
            ("is_integer", float_is_integer),
            ("conjugate", float_conjugate),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", float_new)], MethodKind::Static);
    vm.add_getsets(t, &[("real", get_real, None), ("imag", get_imag, None)]);
    let _ = TypeKind::Float;
}
