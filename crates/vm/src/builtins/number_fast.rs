//! Arithmetic and comparison on the built-in numbers (bool, int, float), shared by the eval
//! loop's fast paths and by the int/float dunder methods.
//! Counterpart: Objects/longobject.c and Objects/floatobject.c number slots (3.11).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::object::Payload;
use crate::protocol::CmpOp;
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A built-in number, borrowed from a value.
pub enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
}

/// The number in `v` if it is an exact bool/int/float (`exact`) or any int/float instance.
pub fn num_of(v: &Value, exact: bool) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Bool(b) => Some(Num::Int(*b as i64)),
        Value::Float(f) => Some(Num::Float(f.get())),
        Value::Obj(o) => {
            if exact && crate::types::kind_of(o) == TypeKind::Heap {
                return None;
            }
            match &o.payload {
                Payload::Int(n) => Some(match n.to_i64() {
                    Some(i) => Num::Int(i),
                    None => Num::Big(n),
                }),
                Payload::Float(f) => Some(Num::Float(*f)),
                _ => None,
            }
        }
        _ => None,
    }
}

fn big(n: &Num<'_>) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => (*b).clone(),
        Num::Float(_) => BigInt::zero(),
    }
}

/// An int converted to float, as CPython does (correctly rounded; OverflowError if huge).
pub fn int_to_f64(vm: &Vm, n: &Num<'_>) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Float(f) => Ok(*f),
        Num::Big(b) => rpy_text::numbers::int_to_f64(b)
            .map_err(|_| vm.overflow_error("int too large to convert to float")),
    }
}

/// Binary arithmetic on two exact built-in numbers; `None` when either operand is not one.
pub fn binary(vm: &Vm, a: &Value, b: &Value, op: u32) -> Option<PyResult<Value>> {
    let x = num_of(a, true)?;
    let y = num_of(b, true)?;
    let r = num_binary(vm, &x, &y, op);
    // Operators these types do not implement (`@`, float shifts…) take the generic path,
    // which reports the TypeError.
    if let Ok(v) = &r
        && vm.is_not_implemented(v)
    {
        return None;
    }
    Some(r)
}

/// `x OP y` for built-in numbers (NB_* code without the in-place offset).
pub fn num_binary(vm: &Vm, x: &Num<'_>, y: &Num<'_>, op: u32) -> PyResult<Value> {
    match (x, y) {
        (Num::Float(_), _) | (_, Num::Float(_)) => {
            if matches!(op, 1 | 3 | 4 | 7 | 9 | 12) {
                return Ok(vm.not_implemented());
            }
            let fx = int_to_f64(vm, x)?;
            let fy = int_to_f64(vm, y)?;
            crate::builtins::float::float_binary(vm, fx, fy, op)
        }
        (Num::Int(i), Num::Int(j)) => {
            if let Some(r) = crate::builtins::int::small_binop(*i, *j, op) {
                return Ok(r);
            }
            crate::builtins::int::big_binary(vm, &BigInt::from(*i), &BigInt::from(*j), op)
        }
        _ => {
            if op == 4 {
                return Ok(vm.not_implemented());
            }
            crate::builtins::int::big_binary(vm, &big(x), &big(y), op)
        }
    }
}

/// Compares two built-in numbers (or two exact strs); `None` for anything else.
pub fn compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    if let (Some(s), Some(t)) = (crate::str::exact_str(a), crate::str::exact_str(b)) {
        return Some(op.test(s.cmp(t)));
    }
    let x = num_of(a, true)?;
    let y = num_of(b, true)?;
    num_compare(&x, &y, op)
}

/// Compares built-in numbers exactly (an int and a float compare by value, not by
/// converting the int). `None` only for NaN-free unordered cases that cannot happen.
pub fn num_compare(x: &Num<'_>, y: &Num<'_>, op: CmpOp) -> Option<bool> {
    use std::cmp::Ordering;
    let ord: Option<Ordering> = match (x, y) {
        (Num::Int(i), Num::Int(j)) => Some(i.cmp(j)),
        (Num::Float(f), Num::Float(g)) => f.partial_cmp(g),
        (Num::Float(f), other) => cmp_float_int(*f, other),
        (other, Num::Float(f)) => cmp_float_int(*f, other).map(Ordering::reverse),
        _ => Some(big(x).cmp(&big(y))),
    };
    match ord {
        Some(o) => Some(op.test(o)),
        // NaN: every comparison is false except !=.
        None => Some(op == CmpOp::Ne),
    }
}

/// Orders a float against an int exactly.
fn cmp_float_int(f: f64, n: &Num<'_>) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    if let Num::Int(i) = n
        && i.unsigned_abs() < (1u64 << 53)
    {
        return f.partial_cmp(&(*i as f64));
    }
    // Compare floor(f) with n, then the fraction.
    let fl = f.floor();
    let fb = BigInt::from(fl as i128);
    let fb = if fl.abs() < 1e38 {
        fb
    } else {
        float_to_bigint(fl)
    };
    let nb = big(n);
    match fb.cmp(&nb) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Greater)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

/// The exact integer value of an integral, finite float.
pub fn float_to_bigint(f: f64) -> BigInt {
    if f.abs() < 9.2e18 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let m = BigInt::from(mant);
    let r = if exp >= 0 {
        m << exp as usize
    } else {
        m >> (-exp) as usize
    };
    if f < 0.0 { -r } else { r }
}

/// Unary operators on exact built-in numbers; `None` for anything else.
pub fn unary(vm: &Vm, v: &Value, name: &str) -> Option<PyResult<Value>> {
    let n = num_of(v, true)?;
    Some(num_unary(vm, &n, name))
}

pub fn num_unary(vm: &Vm, n: &Num<'_>, name: &str) -> PyResult<Value> {
    Ok(match (n, name) {
        (Num::Int(i), "__neg__") => match i.checked_neg() {
            Some(r) => Value::Int(r),
            None => Value::from_bigint(-BigInt::from(*i)),
        },
        (Num::Int(i), "__pos__") => Value::Int(*i),
        (Num::Int(i), "__invert__") => Value::Int(!i),
        (Num::Big(b), "__neg__") => Value::from_bigint(-(*b).clone()),
        (Num::Big(b), "__pos__") => Value::from_bigint((*b).clone()),
        (Num::Big(b), "__invert__") => Value::from_bigint(-(*b).clone() - 1),
        (Num::Float(f), "__neg__") => Value::float(-f),
        (Num::Float(f), "__pos__") => Value::float(*f),
        (Num::Float(_), _) => {
            return Err(vm.type_error("bad operand type for unary ~: 'float'"));
        }
        _ => return Err(vm.system_error("bad unary operator")),
    })
}

/// Floor division and modulo with Python's sign rules on big ints.
pub fn big_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    a.div_mod_floor(b)
}

pub fn is_negative(n: &Num<'_>) -> bool {
    match n {
        Num::Int(i) => *i < 0,
        Num::Big(b) => b.is_negative(),
        Num::Float(f) => *f < 0.0,
    }
}
