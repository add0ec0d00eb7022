//! The `math` module (the commonly used part).
//! Counterpart: Modules/mathmodule.c (3.11).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::function::{NativeFn, check_count};
use crate::builtins::number_fast::{Num, int_to_f64, num_of};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A real-number argument as f64 (ints converted exactly, `__float__` honoured).
fn arg_f64(vm: &Vm, v: &Value) -> PyResult<f64> {
    if let Some(n) = num_of(v, false) {
        return int_to_f64(vm, &n);
    }
    if let Some(r) = vm.call_special(v, "__float__", &[])? {
        if let Some(Num::Float(f)) = num_of(&r, false) {
            return Ok(f);
        }
        return Err(vm.type_error(format!(
            "{}.__float__ returned non-float (type {})",
            vm.type_name(v),
            vm.type_name(&r)
        )));
    }
    if vm.lookup_special(v, "__index__").is_some() {
        let i = vm.index_value(v)?;
        if let Some(n) = num_of(&i, false) {
            return int_to_f64(vm, &n);
        }
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

fn domain_error(vm: &Vm) -> crate::vm::PyErr {
    vm.value_error("math domain error")
}

fn range_error(vm: &Vm) -> crate::vm::PyErr {
    vm.overflow_error("math range error")
}

/// Applies `f` to one float argument with CPython's error classification: a NaN result from
/// a non-NaN argument is a domain error, an infinite one from a finite argument overflow.
fn unary(
    vm: &Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    check_count(vm, name, args, kw, 1, 1)?;
    let x = arg_f64(vm, &args[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm)
        });
    }
    Ok(Value::Float(r))
}

macro_rules! unary_fns {
    ($( $name:ident, $py:literal, $f:expr, $ovf:expr; )*) => {
        $(
            fn $name(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                unary(vm, args, kw, $py, $f, $ovf)
            }
        )*
    };
}

unary_fns! {
    m_sqrt, "sqrt", f64::sqrt, false;
    m_exp, "exp", f64::exp, true;
    m_sin, "sin", f64::sin, false;
    m_cos, "cos", f64::cos, false;
    m_tan, "tan", f64::tan, false;
    m_asin, "asin", f64::asin, false;
    m_acos, "acos", f64::acos, false;
    m_atan, "atan", f64::atan, false;
    m_sinh, "sinh", f64::sinh, true;
    m_cosh, "cosh", f64::cosh, true;
    m_tanh, "tanh", f64::tanh, false;
    m_fabs, "fabs", f64::abs, false;
    m_log2, "log2", f64::log2, false;
    m_log10, "log10", f64::log10, false;
    m_log1p, "log1p", f64::ln_1p, false;
    m_expm1, "expm1", f64::exp_m1, true;
    m_degrees, "degrees", f64::to_degrees, true;
    m_radians, "radians", f64::to_radians, false;
}

fn m_log(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "log", args, kw, 1, 2)?;
    let ln = |v: &Value| -> PyResult<f64> {
        // Big ints: log of the mantissa plus the exponent, so huge values work.
        if let Some(Num::Big(b)) = num_of(v, false) {
            if !b.is_positive() {
                return Err(domain_error(vm));
            }
            let bits = b.bits() as i64;
            let shift = (bits - 60).max(0) as usize;
            let top = (b >> shift).to_f64().unwrap_or(f64::INFINITY);
            return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
        }
        let x = arg_f64(vm, v)?;
        if x <= 0.0 {
            return Err(domain_error(vm));
        }
        Ok(x.ln())
    };
    let num = ln(&args[0])?;
    match args.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = ln(b)?;
            if den == 0.0 {
                return Err(vm.zero_division_error("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn m_pow(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "pow", args, kw, 2, 2)?;
    let (x, y) = (arg_f64(vm, &args[0])?, arg_f64(vm, &args[1])?);
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain_error(vm));
    }
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

fn m_atan2(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "atan2", args, kw, 2, 2)?;
    Ok(Value::Float(
        arg_f64(vm, &args[0])?.atan2(arg_f64(vm, &args[1])?),
    ))
}

fn m_hypot(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "hypot", args, kw, 0, usize::MAX)?;
    let mut acc = 0.0f64;
    for a in args {
        acc = acc.hypot(arg_f64(vm, a)?);
    }
    Ok(Value::Float(acc))
}

fn m_copysign(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "copysign", args, kw, 2, 2)?;
    Ok(Value::Float(
        arg_f64(vm, &args[0])?.copysign(arg_f64(vm, &args[1])?),
    ))
}

fn m_fmod(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "fmod", args, kw, 2, 2)?;
    let (x, y) = (arg_f64(vm, &args[0])?, arg_f64(vm, &args[1])?);
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::Float(x % y))
}

fn rounding(
    vm: &Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    check_count(vm, name, args, kw, 1, 1)?;
    let v = &args[0];
    if let Some(Num::Int(_) | Num::Big(_)) = num_of(v, false) {
        return vm.index_value(v);
    }
    if let Some(r) = vm.call_special(v, dunder, &[])?
        && !matches!(v, Value::Float(_))
    {
        return Ok(r);
    }
    crate::builtins::int::float_to_int(vm, f(arg_f64(vm, v)?))
}

fn m_floor(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rounding(vm, args, kw, "floor", "__floor__", f64::floor)
}

fn m_ceil(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rounding(vm, args, kw, "ceil", "__ceil__", f64::ceil)
}

fn m_trunc(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "trunc", args, kw, 1, 1)?;
    match vm.call_special(&args[0], "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(&args[0])
        ))),
    }
}

fn pred(vm: &Vm, args: &[Value], kw: &[Value], name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    check_count(vm, name, args, kw, 1, 1)?;
    Ok(Value::Bool(f(arg_f64(vm, &args[0])?)))
}

fn m_isnan(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pred(vm, args, kw, "isnan", f64::is_nan)
}

fn m_isinf(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pred(vm, args, kw, "isinf", f64::is_infinite)
}

fn m_isfinite(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pred(vm, args, kw, "isfinite", f64::is_finite)
}

fn int_arg(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    let i = vm.index_value(v)?;
    Ok(crate::builtins::int::as_bigint(&i).unwrap_or_default())
}

fn m_gcd(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "gcd", args, kw, 0, usize::MAX)?;
    let mut g = BigInt::zero();
    for a in args {
        g = g.gcd(&int_arg(vm, a)?);
    }
    Ok(Value::from_bigint(g))
}

fn m_lcm(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "lcm", args, kw, 0, usize::MAX)?;
    let mut l = BigInt::one();
    for a in args {
        let x = int_arg(vm, a)?;
        if x.is_zero() {
            return Ok(Value::Int(0));
        }
        l = l.lcm(&x);
    }
    Ok(Value::from_bigint(l.abs()))
}

fn m_factorial(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "factorial", args, kw, 1, 1)?;
    if matches!(args[0], Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(vm, &args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64() else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    let mut r = BigInt::one();
    for i in 2..=n {
        r *= i;
    }
    Ok(Value::from_bigint(r))
}

fn m_isqrt(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "isqrt", args, kw, 1, 1)?;
    let n = int_arg(vm, &args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn comb_perm(vm: &Vm, args: &[Value], kw: &[Value], comb: bool) -> PyResult<Value> {
    let name = if comb { "comb" } else { "perm" };
    check_count(vm, name, args, kw, if comb { 2 } else { 1 }, 2)?;
    let n = int_arg(vm, &args[0])?;
    let k = match args.get(1) {
        Some(k) if !k.is_none() => int_arg(vm, k)?,
        _ => n.clone(),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = if comb && &k * 2 > n { &n - &k } else { k };
    let Some(k) = k.to_u64() else {
        return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
        if comb {
            r /= i + 1;
        }
    }
    Ok(Value::from_bigint(r))
}

fn m_comb(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    comb_perm(vm, args, kw, true)
}

fn m_perm(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    comb_perm(vm, args, kw, false)
}

/// `math.fsum`: exact sum of floats (Shewchuk's partials), correctly rounded.
fn m_fsum(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "fsum", args, kw, 1, 1)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    for v in vm.iterate(&args[0])? {
        let mut x = arg_f64(vm, &v)?;
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if special.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    // Round the partials' sum correctly (half-even on the last partial).
    let mut hi = 0.0f64;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn m_prod(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = crate::builtins::function::parse_args(
        vm,
        "prod",
        args,
        kwnames,
        &["iterable", "start"],
        1,
        1,
        1,
    )?;
    let mut acc = p.get(1).cloned().unwrap_or(Value::Int(1));
    for v in vm.iterate(p.get(0).unwrap_or(&Value::None))? {
        acc = vm.binary_op(&acc, &v, 5)?;
    }
    Ok(acc)
}

fn m_isclose(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = crate::builtins::function::parse_args(
        vm,
        "isclose",
        args,
        kwnames,
        &["a", "b", "rel_tol", "abs_tol"],
        0,
        2,
        2,
    )?;
    let a = arg_f64(vm, p.get(0).unwrap_or(&Value::None))?;
    let b = arg_f64(vm, p.get(1).unwrap_or(&Value::None))?;
    let rel = match p.get(2) {
        Some(v) => arg_f64(vm, v)?,
        None => 1e-9,
    };
    let abs = match p.get(3) {
        Some(v) => arg_f64(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

fn m_modf(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "modf", args, kw, 1, 1)?;
    let x = arg_f64(vm, &args[0])?;
    if x.is_infinite() {
        return Ok(vm.new_tuple(vec![Value::Float(0.0f64.copysign(x)), Value::Float(x)]));
    }
    let i = x.trunc();
    Ok(vm.new_tuple(vec![Value::Float((x - i).copysign(x)), Value::Float(i)]))
}

fn m_frexp(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "frexp", args, kw, 1, 1)?;
    let x = arg_f64(vm, &args[0])?;
    if x == 0.0 || !x.is_finite() {
        return Ok(vm.new_tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let mut e = x.abs().log2().floor() as i64 + 1;
    let mut m = x / 2f64.powi(e as i32);
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    } else if m.abs() < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn m_ldexp(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "ldexp", args, kw, 2, 2)?;
    let x = arg_f64(vm, &args[0])?;
    let e = vm.index_clamped(&args[1])?.clamp(-1_000_000, 1_000_000) as i32;
    let mut r = x;
    let mut e = e;
    while e > 1000 {
        r *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        r *= 2f64.powi(-1000);
        e += 1000;
    }
    r *= 2f64.powi(e);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

/// Makes the `math` module.
pub fn module(vm: &Vm) -> Value {
    let functions: &[(&'static str, NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("fabs", m_fabs),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("expm1", m_expm1),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("pow", m_pow),
        ("atan2", m_atan2),
        ("hypot", m_hypot),
        ("copysign", m_copysign),
        ("fmod", m_fmod),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("isnan", m_isnan),
        ("isinf", m_isinf),
        ("isfinite", m_isfinite),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("factorial", m_factorial),
        ("isqrt", m_isqrt),
        ("comb", m_comb),
        ("perm", m_perm),
        ("fsum", m_fsum),
        ("prod", m_prod),
        ("isclose", m_isclose),
        ("modf", m_modf),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
    ];
    let m = vm.new_module("math");
    let d = vm.module_dict(&m);
    for (n, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, *f));
    }
    for (n, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let v = if v.is_nan() {
            crate::builtins::float::new_float_of(vm, &vm.types.float, v)
        } else {
            Value::Float(v)
        };
        let _ = vm.dict_set_str(&d, vm.intern(n), v);
    }
    Value::Obj(m)
}
