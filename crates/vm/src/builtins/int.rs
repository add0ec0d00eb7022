//! `int` and `bool`: unbounded integers held inline while they fit in i64.
//! Counterpart: Objects/longobject.c and Objects/boolobject.c (3.11).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

use crate::builtins::function::{MethodKind, check_count, parse_args};
use crate::builtins::number_fast::{Num, num_binary, num_compare, num_of, num_unary};
use crate::builtins::text_err::ToPyErr;
use crate::object::{Payload, PyObject};
use crate::protocol::CmpOp;
use crate::types::{TypeKind, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// CPython's limit on int ↔ decimal string conversion (`sys.int_info.default_max_str_digits`).
pub const MAX_STR_DIGITS: usize = rpy_text::numbers::DEFAULT_MAX_STR_DIGITS;

thread_local! {
    /// The current `sys.get_int_max_str_digits()` (0 = no limit).
    static STR_DIGITS_LIMIT: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_STR_DIGITS) };
}

/// `sys.get_int_max_str_digits()`.
pub fn max_str_digits() -> usize {
    STR_DIGITS_LIMIT.with(|c| c.get())
}

/// `sys.set_int_max_str_digits(n)` (the caller checks `n == 0 || n >= 640`).
pub fn set_max_str_digits(n: usize) {
    STR_DIGITS_LIMIT.with(|c| c.set(n));
}

/// i64 arithmetic for BINARY_OP; `None` on overflow, division by zero, or an operator that
/// needs the general path.
#[inline]
pub fn small_binop(x: i64, y: i64, op: u32) -> Option<Value> {
    Some(Value::Int(match op {
        0 | 13 => x.checked_add(y)?,
        10 | 23 => x.checked_sub(y)?,
        5 | 18 => x.checked_mul(y)?,
        2 | 15 => {
            if y == 0 || (x == i64::MIN && y == -1) {
                return None;
            }
            let q = x / y;
            if x % y != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        6 | 19 => {
            if y == 0 || y == -1 && x == i64::MIN {
                return None;
            }
            let r = x % y;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        1 | 14 => x & y,
        7 | 20 => x | y,
        12 | 25 => x ^ y,
        9 | 22 => {
            if y < 0 {
                return None;
            }
            if y >= 64 {
                if x < 0 { -1 } else { 0 }
            } else {
                x >> y
            }
        }
        3 | 16 => {
            if !(0..63).contains(&y) {
                return None;
            }
            let r = x.checked_shl(y as u32)?;
            if (r >> y) != x {
                return None;
            }
            r
        }
        11 | 24 => {
            if y == 0 {
                return None;
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return Some(Value::float(x as f64 / y as f64));
            }
            return None;
        }
        8 | 21 => {
            if y < 0 || y > u32::MAX as i64 {
                return None;
            }
            x.checked_pow(y as u32)?
        }
        _ => return None,
    }))
}

/// Integer arithmetic on big ints (NB_* code).
pub fn big_binary(vm: &Vm, a: &BigInt, b: &BigInt, op: u32) -> PyResult<Value> {
    let op = op % 13;
    Ok(match op {
        0 => Value::from_bigint(a + b),
        10 => Value::from_bigint(a - b),
        5 => Value::from_bigint(a * b),
        2 => {
            if b.is_zero() {
                return Err(vm.zero_division_error("integer division or modulo by zero"));
            }
            Value::from_bigint(a.div_floor(b))
        }
        6 => {
            if b.is_zero() {
                return Err(vm.zero_division_error("integer modulo by zero"));
            }
            Value::from_bigint(a.mod_floor(b))
        }
        1 => Value::from_bigint(a & b),
        7 => Value::from_bigint(a | b),
        12 => Value::from_bigint(a ^ b),
        3 => {
            if b.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            if a.is_zero() {
                return Ok(Value::Int(0));
            }
            let Some(s) = b.to_usize().filter(|s| *s < (1 << 40)) else {
                return Err(vm.overflow_error("too many digits in integer"));
            };
            Value::from_bigint(a << s)
        }
        9 => {
            if b.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match b.to_usize() {
                Some(s) => Value::from_bigint(a >> s),
                None => Value::Int(if a.is_negative() { -1 } else { 0 }),
            }
        }
        11 => Value::float(int_true_divide(vm, a, b)?),
        8 => {
            if b.is_negative() {
                if a.is_zero() {
                    return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
                }
                let fa = crate::builtins::number_fast::int_to_f64(vm, &Num::Big(a))?;
                let fb = crate::builtins::number_fast::int_to_f64(vm, &Num::Big(b))?;
                return crate::builtins::float::float_binary(vm, fa, fb, 8);
            }
            if a.is_one() || a.is_zero() {
                return Ok(Value::from_bigint(a.clone()));
            }
            if *a == BigInt::from(-1) {
                return Ok(Value::Int(if b.is_even() { 1 } else { -1 }));
            }
            let Some(e) = b.to_u32() else {
                return Err(vm.overflow_error("exponent too large"));
            };
            Value::from_bigint(Pow::pow(a, e))
        }
        _ => vm.not_implemented(),
    })
}

/// `a / b` for ints, correctly rounded.
pub fn int_true_divide(vm: &Vm, a: &BigInt, b: &BigInt) -> PyResult<f64> {
    rpy_text::numbers::int_true_divide(a, b).map_err(|e| e.to_py(vm))
}

pub fn hash_i64(n: i64) -> i64 {
    const MODULUS: u64 = (1 << 61) - 1;
    let m = (n.unsigned_abs() % MODULUS) as i64;
    let h = if n < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

pub fn hash_big(n: &BigInt) -> i64 {
    const MODULUS: u64 = (1 << 61) - 1;
    let m = (n.abs() % BigInt::from(MODULUS)).to_i64().unwrap_or(0);
    let h = if n.is_negative() { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// Whether a heap int object is of the exact `int` class.
pub fn is_exact_obj(o: &PyRef) -> bool {
    crate::types::kind_of(o) == TypeKind::Int
}

/// The integer in `v` (bool, int, or an int subclass instance).
pub fn as_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(n) => Some(n.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn int_num(v: &Value) -> Option<Num<'_>> {
    match num_of(v, false)? {
        Num::Float(_) => None,
        n => Some(n),
    }
}

/// `repr(int)`, with CPython's digit limit.
pub fn int_repr(vm: &Vm, v: &Value) -> PyResult<String> {
    match int_num(v) {
        Some(Num::Int(i)) => Ok(i.to_string()),
        Some(Num::Big(b)) => {
            rpy_text::numbers::int_to_decimal_str(b, max_str_digits()).map_err(|e| e.to_py(vm))
        }
        _ => Err(vm.type_error("descriptor '__repr__' requires a 'int' object")),
    }
}

macro_rules! int_binops {
    ($( $name:ident, $rname:ident, $op:expr; )*) => {
        $(
            fn $name(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                check_count(vm, stringify!($name), &args[1..], kw, 1, 1)?;
                let (Some(a), Some(b)) = (int_num(&args[0]), int_num(&args[1])) else {
                    return Ok(vm.not_implemented());
                };
                num_binary(vm, &a, &b, $op)
            }
            fn $rname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                check_count(vm, stringify!($rname), &args[1..], kw, 1, 1)?;
                let (Some(a), Some(b)) = (int_num(&args[0]), int_num(&args[1])) else {
                    return Ok(vm.not_implemented());
                };
                num_binary(vm, &b, &a, $op)
            }
        )*
    };
}

int_binops! {
    int_add, int_radd, 0;
    int_and, int_rand, 1;
    int_floordiv, int_rfloordiv, 2;
    int_lshift, int_rlshift, 3;
    int_mul, int_rmul, 5;
    int_mod, int_rmod, 6;
    int_or, int_ror, 7;
    int_rshift, int_rrshift, 9;
    int_sub, int_rsub, 10;
    int_truediv, int_rtruediv, 11;
    int_xor, int_rxor, 12;
}

fn int_pow(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__pow__", &args[1..], kw, 1, 2)?;
    let (Some(a), Some(b)) = (int_num(&args[0]), int_num(&args[1])) else {
        return Ok(vm.not_implemented());
    };
    match args.get(2) {
        None | Some(Value::None) => num_binary(vm, &a, &b, 8),
        Some(m) => {
            let Some(m) = as_bigint(m) else {
                return Ok(vm.not_implemented());
            };
            pow_mod(
                vm,
                &as_bigint(&args[0]).unwrap_or_default(),
                &as_bigint(&args[1]).unwrap_or_default(),
                &m,
            )
        }
    }
}

fn int_rpow(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__rpow__", &args[1..], kw, 1, 2)?;
    let (Some(a), Some(b)) = (int_num(&args[0]), int_num(&args[1])) else {
        return Ok(vm.not_implemented());
    };
    num_binary(vm, &b, &a, 8)
}

/// `pow(a, b, m)`.
pub fn pow_mod(vm: &Vm, a: &BigInt, b: &BigInt, m: &BigInt) -> PyResult<Value> {
    rpy_text::numbers::int_pow_mod(a, b, m)
        .map(Value::from_bigint)
        .map_err(|e| e.to_py(vm))
}

fn int_divmod(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__divmod__", &args[1..], kw, 1, 1)?;
    let (Some(a), Some(b)) = (as_bigint(&args[0]), as_bigint(&args[1])) else {
        return Ok(vm.not_implemented());
    };
    divmod_ints(vm, &a, &b)
}

fn int_rdivmod(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__rdivmod__", &args[1..], kw, 1, 1)?;
    let (Some(a), Some(b)) = (as_bigint(&args[0]), as_bigint(&args[1])) else {
        return Ok(vm.not_implemented());
    };
    divmod_ints(vm, &b, &a)
}

fn divmod_ints(vm: &Vm, a: &BigInt, b: &BigInt) -> PyResult<Value> {
    let (q, r) = rpy_text::numbers::int_divmod(a, b).map_err(|e| e.to_py(vm))?;
    Ok(vm.new_tuple(vec![Value::from_bigint(q), Value::from_bigint(r)]))
}

macro_rules! int_unops {
    ($( $fname:ident, $dunder:literal; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                check_count(vm, $dunder, &args[1..], kw, 0, 0)?;
                let Some(a) = int_num(&args[0]) else {
                    return Err(vm.type_error(concat!("descriptor '", $dunder, "' requires a 'int' object")));
                };
                num_unary(vm, &a, $dunder)
            }
        )*
    };
}

int_unops! {
    int_neg, "__neg__";
    int_pos, "__pos__";
    int_invert, "__invert__";
}

fn int_abs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    Ok(Value::from_bigint(n.abs()))
}

/// `int(v)` for an int subclass instance or bool: the plain int.
fn int_int(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    Ok(Value::from_bigint(n))
}

fn int_float(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    Ok(Value::float(
        rpy_text::numbers::int_to_f64(&n).map_err(|e| e.to_py(vm))?,
    ))
}

fn int_bool(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    Ok(Value::bool(!n.is_zero()))
}

fn int_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    Ok(Value::Int(hash_big(&n)))
}

fn int_repr_m(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Value::Bool(b) = &args[0] {
        return Ok(vm.new_str(if b.get() { "True" } else { "False" }));
    }
    if let Value::Obj(o) = &args[0]
        && crate::types::is_subtype(o.class(), &vm.types.bool_)
        && let Payload::Int(n) = &o.payload
    {
        return Ok(vm.new_str(if n.is_zero() { "False" } else { "True" }));
    }
    Ok(vm.new_string(int_repr(vm, &args[0])?))
}

macro_rules! int_cmps {
    ($( $fname:ident, $op:expr; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                check_count(vm, "comparison", &args[1..], kw, 1, 1)?;
                let (Some(a), Some(b)) = (int_num(&args[0]), num_of(&args[1], false)) else {
                    return Ok(vm.not_implemented());
                };
                if matches!(b, Num::Float(_)) {
                    return Ok(vm.not_implemented());
                }
                Ok(Value::bool(num_compare(&a, &b, $op).unwrap_or(false)))
            }
        )*
    };
}

int_cmps! {
    int_lt, CmpOp::Lt;
    int_le, CmpOp::Le;
    int_eq, CmpOp::Eq;
    int_ne, CmpOp::Ne;
    int_gt, CmpOp::Gt;
    int_ge, CmpOp::Ge;
}

/// Makes an int instance of class `cls` (exact int → normalized value).
pub fn new_int_of(vm: &Vm, cls: &PyRef, n: BigInt) -> Value {
    if std::rc::Rc::ptr_eq(cls, &vm.types.int) {
        return Value::from_bigint(n);
    }
    Value::Obj(PyObject::new(cls.clone(), Payload::Int(n)))
}

/// `int(x)` conversion of any object (no base).
pub fn to_int(vm: &Vm, x: &Value) -> PyResult<Value> {
    if let Some(n) = as_bigint(x) {
        return Ok(Value::from_bigint(n));
    }
    match x {
        Value::Float(f) => return float_to_int(vm, f.get()),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) if crate::types::kind_of(o) == TypeKind::Float => {
                return float_to_int(vm, *f);
            }
            Payload::Str(s) => return parse_int_str(vm, s.as_str(), 10),
            Payload::Bytes(_) | Payload::ByteArray(_) => {
                let b = crate::builtins::bytes::bytes_of(x).unwrap_or_default();
                return parse_int_bytes(vm, &b, 10);
            }
            _ => {}
        },
        _ => {}
    }
    for name in ["__int__", "__index__"] {
        if let Some(r) = vm.call_special(x, name, &[])? {
            return match as_bigint(&r) {
                Some(n) => Ok(Value::from_bigint(n)),
                None => Err(vm.type_error(format!(
                    "{name} returned non-int (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
    }
    if let Some(b) = crate::builtins::bytes::buffer_bytes(x) {
        return parse_int_bytes(vm, &b, 10);
    }
    if let Some(r) = vm.call_special(x, "__trunc__", &[])? {
        return match as_bigint(&r) {
            Some(n) => Ok(Value::from_bigint(n)),
            None => vm.index_value(&r).map_err(|_| {
                vm.type_error(format!(
                    "__trunc__ returned non-Integral (type {})",
                    vm.type_name(&r)
                ))
            }),
        };
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

pub fn float_to_int(vm: &Vm, f: f64) -> PyResult<Value> {
    if f.is_finite() && f.abs() < 9.2e18 {
        return Ok(Value::Int(f.trunc() as i64));
    }
    rpy_text::numbers::float_to_int(f)
        .map(Value::from_bigint)
        .map_err(|e| e.to_py(vm))
}

/// `int(s, base)` for a str.
pub fn parse_int_str(vm: &Vm, s: &str, base: u32) -> PyResult<Value> {
    rpy_text::numbers::parse_int_limited(s, base, max_str_digits())
        .map(Value::from_bigint)
        .map_err(|e| e.to_py(vm))
}

/// `int(b, base)` for bytes and bytearray.
pub fn parse_int_bytes(vm: &Vm, b: &[u8], base: u32) -> PyResult<Value> {
    rpy_text::numbers::parse_int_bytes(b, base, max_str_digits())
        .map(Value::from_bigint)
        .map_err(|e| e.to_py(vm))
}

fn int_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("int.__new__(X): X is not a type object"));
    };
    let mut p = parse_args(vm, "int", &args[1..], kwnames, &["x", "base"], 1, 2, 0)?;
    let x = p.take(0);
    let base = p.take(1);
    let v = match (x, base) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => to_int(vm, &x)?,
        (Some(x), Some(b)) => {
            let b = vm.index_clamped(&b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            match x.payload() {
                Some(Payload::Str(s)) => parse_int_str(vm, s.as_str(), b as u32)?,
                Some(Payload::Bytes(_) | Payload::ByteArray(_)) => parse_int_bytes(
                    vm,
                    &crate::builtins::bytes::bytes_of(&x).unwrap_or_default(),
                    b as u32,
                )?,
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            }
        }
    };
    if std::rc::Rc::ptr_eq(&cls, &vm.types.int) {
        return Ok(v);
    }
    Ok(new_int_of(vm, &cls, as_bigint(&v).unwrap_or_default()))
}

fn bool_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "bool", &args[1..], kwnames, 0, 1)?;
    match args.get(1) {
        Some(v) => Ok(Value::bool(vm.truthy(v)?)),
        None => Ok(Value::FALSE),
    }
}

fn int_bit_length(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "int.bit_length", &args[1..], kw, 0, 0)?;
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    Ok(Value::from(rpy_text::numbers::bit_length(&n) as usize))
}

fn int_bit_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "int.bit_count", &args[1..], kw, 0, 0)?;
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    Ok(Value::from(rpy_text::numbers::bit_count(&n) as usize))
}

fn int_conjugate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "int.conjugate", &args[1..], kw, 0, 0)?;
    int_int(vm, args, &[])
}

fn int_as_integer_ratio(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "int.as_integer_ratio", &args[1..], kw, 0, 0)?;
    let n = int_int(vm, args, &[])?;
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

fn int_round(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__round__", &args[1..], kw, 0, 1)?;
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    match args.get(1) {
        None | Some(Value::None) => Ok(Value::from_bigint(n)),
        Some(d) => {
            let d = vm.index_clamped(d)?;
            Ok(Value::from_bigint(rpy_text::numbers::int_round(&n, d)))
        }
    }
}

/// The `byteorder` argument of `to_bytes`/`from_bytes`.
fn byteorder_arg(vm: &Vm, fname: &str, v: Option<Value>) -> PyResult<rpy_text::numbers::ByteOrder> {
    let Some(v) = v else {
        return Ok(rpy_text::numbers::ByteOrder::Big);
    };
    match crate::str::as_str(&v) {
        Some("big") => Ok(rpy_text::numbers::ByteOrder::Big),
        Some("little") => Ok(rpy_text::numbers::ByteOrder::Little),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        None => Err(vm.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            vm.type_name(&v)
        ))),
    }
}

/// Argument clinic's message for too many positional arguments before a keyword-only
/// `signed` (`to_bytes`/`from_bytes` take at most 2 positionally, 3 in all).
fn check_positional(vm: &Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let npos = args.len() - kwnames.len();
    if npos > 2 && args.len() <= 3 {
        return Err(vm.type_error(format!(
            "{fname}() takes at most 2 positional arguments ({npos} given)"
        )));
    }
    Ok(())
}

fn int_to_bytes(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_positional(vm, "to_bytes", &args[1..], kwnames)?;
    let mut p = parse_args(
        vm,
        "to_bytes",
        &args[1..],
        kwnames,
        &["length", "byteorder", "signed"],
        0,
        2,
        0,
    )?;
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    let length = match p.take(0) {
        Some(l) => crate::builtins::bytes::isize_arg(vm, &l)?,
        None => 1,
    };
    let order = byteorder_arg(vm, "to_bytes", p.take(1))?;
    let signed = match p.take(2) {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let bytes =
        rpy_text::numbers::int_to_bytes(&n, length, order, signed).map_err(|e| e.to_py(vm))?;
    Ok(crate::builtins::bytes::new_bytes(vm, bytes))
}

fn int_from_bytes(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_positional(vm, "from_bytes", &args[1..], kwnames)?;
    let mut p = parse_args(
        vm,
        "from_bytes",
        &args[1..],
        kwnames,
        &["bytes", "byteorder", "signed"],
        0,
        2,
        1,
    )?;
    let cls = vm.is_type(&args[0]).unwrap_or(vm.types.int.clone());
    let data = p.take(0).unwrap_or(Value::None);
    let order = byteorder_arg(vm, "from_bytes", p.take(1))?;
    let signed = match p.take(2) {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    if crate::str::as_str(&data).is_some() {
        return Err(vm.type_error("cannot convert 'str' object to bytes"));
    }
    let bytes = crate::builtins::bytes::new_impl(vm, std::slice::from_ref(&data), &[], "bytes")?;
    let n = rpy_text::numbers::int_from_bytes(&bytes, order, signed);
    if std::rc::Rc::ptr_eq(&cls, &vm.types.int) {
        return Ok(Value::from_bigint(n));
    }
    if type_data(&cls).kind == TypeKind::Heap {
        return vm.call(&Value::Obj(cls), &[Value::from_bigint(n)]);
    }
    Ok(new_int_of(vm, &cls, n))
}

fn get_real(vm: &Vm, v: &Value) -> PyResult<Value> {
    int_int(vm, std::slice::from_ref(v), &[])
}

fn get_imag(_vm: &Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn get_one(_vm: &Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Int(1))
}

fn int_getnewargs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = int_int(vm, args, &[])?;
    Ok(vm.new_tuple(vec![n]))
}

fn int_trunc(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    int_int(vm, args, &[])
}

pub fn init(vm: &Vm) {
    let t = &vm.types.int;
    vm.add_methods(
        t,
        &[
            ("__add__", int_add),
            ("__radd__", int_radd),
            ("__sub__", int_sub),
            ("__rsub__", int_rsub),
            ("__mul__", int_mul),
            ("__rmul__", int_rmul),
            ("__floordiv__", int_floordiv),
            ("__rfloordiv__", int_rfloordiv),
            ("__truediv__", int_truediv),
            ("__rtruediv__", int_rtruediv),
            ("__mod__", int_mod),
            ("__rmod__", int_rmod),
            ("__divmod__", int_divmod),
            ("__rdivmod__", int_rdivmod),
            ("__pow__", int_pow),
            ("__rpow__", int_rpow),
            ("__lshift__", int_lshift),
            ("__rlshift__", int_rlshift),
            ("__rshift__", int_rshift),
            ("__rrshift__", int_rrshift),
            ("__and__", int_and),
            ("__rand__", int_rand),
            ("__or__", int_or),
            ("__ror__", int_ror),
            ("__xor__", int_xor),
            ("__rxor__", int_rxor),
            ("__neg__", int_neg),
            ("__pos__", int_pos),
            ("__invert__", int_invert),
            ("__abs__", int_abs),
            ("__int__", int_int),
            ("__index__", int_int),
            ("__float__", int_float),
            ("__bool__", int_bool),
            ("__hash__", int_hash),
            ("__repr__", int_repr_m),
            ("__lt__", int_lt),
            ("__le__", int_le),
            ("__eq__", int_eq),
            ("__ne__", int_ne),
            ("__gt__", int_gt),
            ("__ge__", int_ge),
            ("__format__", crate::builtins::format::dunder_format),
            ("__trunc__", int_trunc),
            ("__floor__", int_trunc),
            ("__ceil__", int_trunc),
            ("__round__", int_round),
            ("__getnewargs__", int_getnewargs),
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("conjugate", int_conjugate),
            ("as_integer_ratio", int_as_integer_ratio),
            ("to_bytes", int_to_bytes),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", int_new)], MethodKind::Static);
    vm.add_methods_kind(t, &[("from_bytes", int_from_bytes)], MethodKind::Class);
    vm.add_getsets(
        t,
        &[
            ("real", get_real, None),
            ("imag", get_imag, None),
            ("numerator", get_real, None),
            ("denominator", get_one, None),
        ],
    );
    let b = &vm.types.bool_;
    vm.add_methods(
        b,
        &[
            ("__repr__", int_repr_m),
            ("__and__", bool_and),
            ("__or__", bool_or),
            ("__xor__", bool_xor),
            ("__rand__", bool_and),
            ("__ror__", bool_or),
            ("__rxor__", bool_xor),
        ],
    );
    vm.add_methods_kind(b, &[("__new__", bool_new)], MethodKind::Static);
}

fn bool_logic(vm: &Vm, args: &[Value], op: u32) -> PyResult<Value> {
    match (&args[0], args.get(1)) {
        (Value::Bool(a), Some(Value::Bool(b))) => Ok(Value::bool(match op {
            1 => a.get() & b.get(),
            7 => a.get() | b.get(),
            _ => a.get() ^ b.get(),
        })),
        (_, Some(b)) => {
            let (Some(x), Some(y)) = (int_num(&args[0]), int_num(b)) else {
                return Ok(vm.not_implemented());
            };
            num_binary(vm, &x, &y, op)
        }
        _ => Err(vm.type_error("expected 1 argument")),
    }
}

fn bool_and(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    bool_logic(vm, args, 1)
}

fn bool_or(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    bool_logic(vm, args, 7)
}

fn bool_xor(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    bool_logic(vm, args, 12)
}

/// Checks a value is an int (for natives that take `self: int`).
pub fn expect_int(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    as_bigint(v).ok_or_else(|| {
        vm.type_error(format!(
            "an integer is required (got type {})",
            vm.type_name(v)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_signs() {
        let f = |x, y| match small_binop(x, y, 2) {
            Some(Value::Int(i)) => i,
            _ => panic!(),
        };
        assert_eq!(f(7, 2), 3);
        assert_eq!(f(-7, 2), -4);
        assert_eq!(f(7, -2), -4);
        assert_eq!(f(-7, -2), 3);
        let m = |x, y| match small_binop(x, y, 6) {
            Some(Value::Int(i)) => i,
            _ => panic!(),
        };
        assert_eq!(m(-7, 2), 1);
        assert_eq!(m(7, -2), -1);
        assert_eq!(m(-7, -2), -1);
    }
}
