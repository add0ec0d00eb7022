//! `int` and `bool`: unbounded integers held inline while they fit in i64.
//! Counterpart: Objects/longobject.c and Objects/boolobject.c (3.11).

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

use crate::builtins::function::{MethodKind, check_count, parse_args};
use crate::builtins::number_fast::{Num, num_binary, num_compare, num_of, num_unary};
use crate::object::{Payload, PyObject};
use crate::protocol::CmpOp;
use crate::types::{TypeKind, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// CPython's limit on int ↔ decimal string conversion (`sys.int_info.default_max_str_digits`).
pub const MAX_STR_DIGITS: usize = 4300;

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
            if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q }
        }
        6 | 19 => {
            if y == 0 || y == -1 && x == i64::MIN {
                return None;
            }
            let r = x % y;
            if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }
        }
        1 | 14 => x & y,
        7 | 20 => x | y,
        12 | 25 => x ^ y,
        9 | 22 => {
            if y < 0 {
                return None;
            }
            if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y }
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
                return Some(Value::Float(x as f64 / y as f64));
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
        11 => Value::Float(int_true_divide(vm, a, b)?),
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
    if b.is_zero() {
        return Err(vm.zero_division_error("division by zero"));
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64())
        && x.unsigned_abs() < (1 << 53)
        && y.unsigned_abs() < (1 << 53)
    {
        return Ok(x as f64 / y as f64);
    }
    // Scale so the quotient has 55+ significant bits, then round once.
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    let shift = b.bits() as i64 - a.bits() as i64 + 55;
    let (num, den) = if shift > 0 { (a << shift as usize, b) } else { (a, b << (-shift) as usize) };
    let (q, r) = num.div_rem(&den);
    // Sticky bit keeps rounding correct.
    let q = if r.is_zero() { q } else { (q << 1usize) | BigInt::one() };
    let extra = if r.is_zero() { 0 } else { 1 };
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let exp = -(shift as i32) - extra;
    let result = libm_ldexp(qf, exp);
    if result.is_infinite() {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    Ok(if neg { -result } else { result })
}

fn libm_ldexp(x: f64, exp: i32) -> f64 {
    let mut x = x;
    let mut e = exp;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e)
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
            if b.bits() > 14_000 {
                let s = b.to_string();
                let digits = s.trim_start_matches('-').len();
                if digits > MAX_STR_DIGITS {
                    return Err(vm.value_error(format!(
                        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                    )));
                }
                return Ok(s);
            }
            Ok(b.to_string())
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
            pow_mod(vm, &as_bigint(&args[0]).unwrap_or_default(), &as_bigint(&args[1]).unwrap_or_default(), &m)
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
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let mabs = m.abs();
    let (base, exp) = if b.is_negative() {
        // Modular inverse.
        let g = a.mod_floor(&mabs).extended_gcd(&mabs);
        if !g.gcd.is_one() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        (g.x.mod_floor(&mabs), -b)
    } else {
        (a.mod_floor(&mabs), b.clone())
    };
    let mut r = base.modpow(&exp, &mabs);
    if m.is_negative() && !r.is_zero() {
        r += m;
    }
    Ok(Value::from_bigint(r))
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
    if b.is_zero() {
        return Err(vm.zero_division_error("integer division or modulo by zero"));
    }
    let (q, r) = a.div_mod_floor(b);
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
    let n = int_num(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    Ok(Value::Float(crate::builtins::number_fast::int_to_f64(vm, &n)?))
}

fn int_bool(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    Ok(Value::Bool(!n.is_zero()))
}

fn int_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    Ok(Value::Int(hash_big(&n)))
}

fn int_repr_m(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Value::Bool(b) = &args[0] {
        return Ok(vm.new_str(if *b { "True" } else { "False" }));
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
                Ok(Value::Bool(num_compare(&a, &b, $op).unwrap_or(false)))
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
        Value::Float(f) => return float_to_int(vm, *f),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) if crate::types::kind_of(o) == TypeKind::Float => return float_to_int(vm, *f),
            Payload::Str(s) => return parse_int_str(vm, s.as_str(), 10, x),
            Payload::Bytes(b) => {
                let s = String::from_utf8_lossy(b).to_string();
                return parse_int_str(vm, &s, 10, x);
            }
            Payload::ByteArray(b) => {
                let s = String::from_utf8_lossy(&b.borrow()).to_string();
                return parse_int_str(vm, &s, 10, x);
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
    if let Some(r) = vm.call_special(x, "__trunc__", &[])? {
        return match as_bigint(&r) {
            Some(n) => Ok(Value::from_bigint(n)),
            None => vm.index_value(&r).map_err(|_| {
                vm.type_error(format!("__trunc__ returned non-Integral (type {})", vm.type_name(&r)))
            }),
        };
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

pub fn float_to_int(vm: &Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(Value::from_bigint(crate::builtins::number_fast::float_to_bigint(t)))
}

/// `int(s, base)`.
pub fn parse_int_str(vm: &Vm, s: &str, base: u32, orig: &Value) -> PyResult<Value> {
    let bad = || {
        let r = vm.repr(orig).unwrap_or_default();
        vm.value_error(format!("invalid literal for int() with base {base}: {r}"))
    };
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match base {
        0 => {
            if let Some(r) = lower.strip_prefix("0x") {
                (16, r.to_string())
            } else if let Some(r) = lower.strip_prefix("0o") {
                (8, r.to_string())
            } else if let Some(r) = lower.strip_prefix("0b") {
                (2, r.to_string())
            } else {
                if lower.len() > 1 && lower.starts_with('0') && lower.trim_start_matches(['0', '_']).len() > 0 {
                    return Err(bad());
                }
                (10, lower.clone())
            }
        }
        16 => (16, lower.strip_prefix("0x").map(|r| r.to_string()).unwrap_or(lower.clone())),
        8 => (8, lower.strip_prefix("0o").map(|r| r.to_string()).unwrap_or(lower.clone())),
        2 => (2, lower.strip_prefix("0b").map(|r| r.to_string()).unwrap_or(lower.clone())),
        b => (b, lower.clone()),
    };
    let prefixed = digits.len() != lower.len();
    let digits = if prefixed { digits.strip_prefix('_').map(|d| d.to_string()).unwrap_or(digits) } else { digits };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(bad());
    }
    let clean: String = digits
        .chars()
        .filter(|&c| c != '_')
        .map(|c| if c.is_ascii() { c } else { char::from_digit(c.to_digit(10).unwrap_or(99), 10).unwrap_or('?') })
        .collect();
    if base == 10 && clean.len() > MAX_STR_DIGITS {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), base).ok_or_else(bad)?;
    Ok(Value::from_bigint(if neg { -n } else { n }))
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
            let b = vm.index_i64(&b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let s = match x.payload() {
                Some(Payload::Str(s)) => s.as_str().to_string(),
                Some(Payload::Bytes(bs)) => String::from_utf8_lossy(bs).to_string(),
                Some(Payload::ByteArray(bs)) => String::from_utf8_lossy(&bs.borrow()).to_string(),
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            };
            parse_int_str(vm, &s, b as u32, &x)?
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
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn int_format(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__format__", &args[1..], kw, 1, 1)?;
    let spec = crate::str::as_str(&args[1]).ok_or_else(|| vm.type_error("format spec must be a str"))?;
    if spec.is_empty() {
        return vm.str_obj(&args[0]);
    }
    crate::builtins::float::format_number(vm, &args[0], spec)
}

fn int_bit_length(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "bit_length", &args[1..], kw, 0, 0)?;
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    Ok(Value::Int(n.bits() as i64))
}

fn int_bit_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "bit_count", &args[1..], kw, 0, 0)?;
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    let (_, mag) = n.to_bytes_le();
    Ok(Value::Int(mag.iter().map(|b| b.count_ones() as i64).sum()))
}

fn int_conjugate(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    int_int(vm, args, &[])
}

fn int_as_integer_ratio(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = int_int(vm, args, &[])?;
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

fn int_round(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__round__", &args[1..], kw, 0, 1)?;
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    match args.get(1) {
        None | Some(Value::None) => Ok(Value::from_bigint(n)),
        Some(d) => {
            let d = vm.index_i64(d)?;
            if d >= 0 {
                return Ok(Value::from_bigint(n));
            }
            let Some(e) = u32::try_from(-d).ok() else {
                return Ok(Value::Int(0));
            };
            let p = Pow::pow(BigInt::from(10), e);
            let (q, r) = n.div_mod_floor(&p);
            let twice: BigInt = &r * 2;
            let q = match twice.cmp(&p) {
                std::cmp::Ordering::Greater => q + 1,
                std::cmp::Ordering::Equal if q.is_odd() => q + 1,
                _ => q,
            };
            Ok(Value::from_bigint(q * p))
        }
    }
}

fn int_to_bytes(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut p = parse_args(vm, "to_bytes", &args[1..], kwnames, &["length", "byteorder", "signed"], 0, 2, 0)?;
    let n = as_bigint(&args[0]).ok_or_else(|| vm.type_error("int required"))?;
    let length = match p.take(0) {
        Some(l) => vm.index_i64(&l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let order = match p.take(1) {
        Some(o) => crate::str::as_str(&o).map(|s| s.to_string()).ok_or_else(|| vm.type_error("to_bytes() argument 'byteorder' must be str"))?,
        None => "big".to_string(),
    };
    let signed = match p.take(2) {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    if order != "big" && order != "little" {
        return Err(vm.value_error("byteorder must be either 'little' or 'big'"));
    }
    if !signed && n.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
    if n.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length as usize {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && n.is_negative() { 0xFF } else { 0 };
    bytes.resize(length as usize, fill);
    if order == "big" {
        bytes.reverse();
    }
    Ok(crate::builtins::misc::new_bytes(vm, bytes))
}

fn int_from_bytes(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut p = parse_args(vm, "from_bytes", &args[1..], kwnames, &["bytes", "byteorder", "signed"], 0, 2, 1)?;
    let cls = vm.is_type(&args[0]).unwrap_or(vm.types.int.clone());
    let data = p.take(0).unwrap_or(Value::None);
    let bytes: Vec<u8> = match data.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        _ => {
            let items = vm.iterate(&data)?;
            let mut out = Vec::new();
            for i in items {
                let v = vm.index_i64(&i)?;
                if !(0..=255).contains(&v) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                out.push(v as u8);
            }
            out
        }
    };
    let order = match p.take(1) {
        Some(o) => crate::str::as_str(&o).unwrap_or("").to_string(),
        None => "big".to_string(),
    };
    if order != "big" && order != "little" {
        return Err(vm.value_error("byteorder must be either 'little' or 'big'"));
    }
    let signed = match p.take(2) {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let n = match (order.as_str(), signed) {
        ("big", false) => BigInt::from_bytes_be(Sign::Plus, &bytes),
        ("big", true) => BigInt::from_signed_bytes_be(&bytes),
        (_, false) => BigInt::from_bytes_le(Sign::Plus, &bytes),
        (_, true) => BigInt::from_signed_bytes_le(&bytes),
    };
    let v = new_int_of(vm, &cls, n);
    if type_data(&cls).kind == TypeKind::Heap {
        return vm.call(&Value::Obj(cls), &[v]);
    }
    Ok(v)
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
            ("__format__", int_format),
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
        &[("__repr__", int_repr_m), ("__and__", bool_and), ("__or__", bool_or), ("__xor__", bool_xor), ("__rand__", bool_and), ("__ror__", bool_or), ("__rxor__", bool_xor)],
    );
    vm.add_methods_kind(b, &[("__new__", bool_new)], MethodKind::Static);
}

fn bool_logic(vm: &Vm, args: &[Value], op: u32) -> PyResult<Value> {
    match (&args[0], args.get(1)) {
        (Value::Bool(a), Some(Value::Bool(b))) => Ok(Value::Bool(match op {
            1 => *a & *b,
            7 => *a | *b,
            _ => *a ^ *b,
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
    as_bigint(v).ok_or_else(|| vm.type_error(format!("an integer is required (got type {})", vm.type_name(v))))
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
