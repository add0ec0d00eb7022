//! The `cmath` module: complex exponentials, logarithms, roots, trigonometric and hyperbolic
//! functions and their inverses, `phase`, `polar`, `rect`, `isfinite`/`isinf`/`isnan`,
//! `isclose` and the constants. Finite arguments are computed with the usual
//! overflow-avoiding formulas; arguments with an infinite or NaN part take their result from
//! tables (`special.rs`, generated from python3.11 by `tools/gen_cmath_special.py`), and the
//! domain and range errors are CPython's ("math domain error", "math range error").
//! Counterpart: Modules/cmathmodule.c (3.11).

mod special;

use std::f64::consts::{E, LN_2, LN_10, PI};

use crate::builtins::complex::new_complex;
use crate::builtins::function::{NativeFn, check_count};
use crate::builtins::number_fast::{int_to_f64, num_of};
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A complex value as (re, im).
type C = (f64, f64);

/// The error a computation reports, as C's `errno`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

unsafe extern "C" {
    /// The C library's `asinh` (Rust's `f64::asinh` is computed differently, and CPython's
    /// results are the C library's to the last bit).
    #[link_name = "asinh"]
    fn libm_asinh(x: f64) -> f64;
}

fn asinh(x: f64) -> f64 {
    // SAFETY: `asinh` is a pure function of a double, defined for every input.
    unsafe { libm_asinh(x) }
}

const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
/// sqrt(LARGE_DOUBLE) and log(LARGE_DOUBLE).
fn sqrt_large_double() -> f64 {
    LARGE_DOUBLE.sqrt()
}
fn log_large_double() -> f64 {
    LARGE_DOUBLE.ln()
}
fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

/// The class of one part, as the special-value tables index it.
fn class(x: f64) -> usize {
    if x.is_nan() {
        6
    } else if x.is_infinite() {
        if x > 0.0 { 5 } else { 0 }
    } else if x == 0.0 {
        if x.is_sign_negative() { 2 } else { 3 }
    } else if x < 0.0 {
        1
    } else {
        4
    }
}

fn finite(z: C) -> bool {
    z.0.is_finite() && z.1.is_finite()
}

fn lookup(table: &special::Table, z: C) -> C {
    table[class(z.0)][class(z.1)]
}

fn neg(z: C) -> C {
    (-z.0, -z.1)
}

// ---- the functions on (re, im) ----

fn c_sqrt(z: C) -> (C, Errno) {
    if !finite(z) {
        return (lookup(&special::SQRT, z), Errno::Ok);
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return ((0.0, z.1), Errno::Ok);
    }
    let mut ax = z.0.abs();
    let ay = z.1.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Scale subnormal parts up by 2**53, and the root down by 2**27.
        ax *= 2f64.powi(53);
        let s = (ax + ax.hypot(ay * 2f64.powi(53))).sqrt();
        s * 2f64.powi(-27)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.0 >= 0.0 {
        (s, d.copysign(z.1))
    } else {
        (d, s.copysign(z.1))
    };
    (r, Errno::Ok)
}

fn c_acos(z: C) -> (C, Errno) {
    if !finite(z) {
        return (lookup(&special::ACOS, z), Errno::Ok);
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        let re = z.1.abs().atan2(z.0);
        let l = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        let im = if z.0 < 0.0 {
            -l.copysign(z.1)
        } else {
            l.copysign(-z.1)
        };
        (re, im)
    } else {
        let s1 = c_sqrt((1.0 - z.0, -z.1)).0;
        let s2 = c_sqrt((1.0 + z.0, z.1)).0;
        (2.0 * s1.0.atan2(s2.0), asinh(s2.0 * s1.1 - s2.1 * s1.0))
    };
    (r, Errno::Ok)
}

fn c_acosh(z: C) -> (C, Errno) {
    if !finite(z) {
        return (lookup(&special::ACOSH, z), Errno::Ok);
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        (
            (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0,
            z.1.atan2(z.0),
        )
    } else {
        let s1 = c_sqrt((z.0 - 1.0, z.1)).0;
        let s2 = c_sqrt((z.0 + 1.0, z.1)).0;
        (asinh(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * s1.1.atan2(s2.0))
    };
    (r, Errno::Ok)
}

fn c_asinh(z: C) -> (C, Errno) {
    if !finite(z) {
        return (lookup(&special::ASINH, z), Errno::Ok);
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        let l = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        let re = if z.1 >= 0.0 {
            l.copysign(z.0)
        } else {
            -l.copysign(-z.0)
        };
        (re, z.1.atan2(z.0.abs()))
    } else {
        let s1 = c_sqrt((1.0 + z.1, -z.0)).0;
        let s2 = c_sqrt((1.0 - z.1, z.0)).0;
        (
            asinh(s1.0 * s2.1 - s2.0 * s1.1),
            z.1.atan2(s1.0 * s2.0 - s1.1 * s2.1),
        )
    };
    (r, Errno::Ok)
}

/// `-i * f(i * z)`, the way asin, atan, sin and tan come from their hyperbolic partners.
fn rotated(f: fn(C) -> (C, Errno), z: C) -> (C, Errno) {
    let (s, e) = f((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_asin(z: C) -> (C, Errno) {
    rotated(c_asinh, z)
}

fn c_atanh(z: C) -> (C, Errno) {
    if !finite(z) {
        return (lookup(&special::ATANH, z), Errno::Ok);
    }
    if z.0 < 0.0 {
        let (r, e) = c_atanh(neg(z));
        return (neg(r), e);
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large_double() || ay > sqrt_large_double() {
        let h = (z.0 / 2.0).hypot(z.1 / 2.0);
        return ((z.0 / 4.0 / h / h, -(PI / 2.0).copysign(-z.1)), Errno::Ok);
    }
    if z.0 == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return ((f64::INFINITY, z.1), Errno::Dom);
        }
        return (
            (
                -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
                (2.0f64.atan2(-ay) / 2.0).copysign(z.1),
            ),
            Errno::Ok,
        );
    }
    let one_minus = 1.0 - z.0;
    (
        (
            (4.0 * z.0 / (one_minus * one_minus + ay * ay)).ln_1p() / 4.0,
            -(-2.0 * z.1).atan2(one_minus * (1.0 + z.0) - ay * ay) / 2.0,
        ),
        Errno::Ok,
    )
}

fn c_atan(z: C) -> (C, Errno) {
    rotated(c_atanh, z)
}

/// cosh, sinh and exp of an argument with an infinite real part and a finite nonzero
/// imaginary part: infinities (or zeros) signed like cos and sin of the imaginary part.
fn c_cosh(z: C) -> (C, Errno) {
    if !finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = f64::INFINITY.copysign(z.1.sin());
            (
                f64::INFINITY.copysign(z.1.cos()),
                if z.0 > 0.0 { im } else { -im },
            )
        } else {
            lookup(&special::COSH, z)
        };
        let e = if z.1.is_infinite() && !z.0.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.0.abs() > log_large_double() {
        let x = z.0 - 1f64.copysign(z.0);
        (z.1.cos() * x.cosh() * E, z.1.sin() * x.sinh() * E)
    } else {
        (z.1.cos() * z.0.cosh(), z.1.sin() * z.0.sinh())
    };
    (r, overflow(r))
}

fn overflow(r: C) -> Errno {
    if r.0.is_infinite() || r.1.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    }
}

fn c_sinh(z: C) -> (C, Errno) {
    if !finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let re = f64::INFINITY.copysign(z.1.cos());
            (
                if z.0 > 0.0 { re } else { -re },
                f64::INFINITY.copysign(z.1.sin()),
            )
        } else {
            lookup(&special::SINH, z)
        };
        let e = if z.1.is_infinite() && !z.0.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.0.abs() > log_large_double() {
        let x = z.0 - 1f64.copysign(z.0);
        (z.1.cos() * x.sinh() * E, z.1.sin() * x.cosh() * E)
    } else {
        (z.1.cos() * z.0.sinh(), z.1.sin() * z.0.cosh())
    };
    (r, overflow(r))
}

fn c_cos(z: C) -> (C, Errno) {
    c_cosh((-z.1, z.0))
}

fn c_sin(z: C) -> (C, Errno) {
    rotated(c_sinh, z)
}

fn c_tanh(z: C) -> (C, Errno) {
    if !finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            (
                if z.0 > 0.0 { 1.0 } else { -1.0 },
                0f64.copysign(2.0 * z.1.sin() * z.1.cos()),
            )
        } else {
            lookup(&special::TANH, z)
        };
        let e = if z.1.is_infinite() && z.0.is_finite() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.0.abs() > log_large_double() {
        (
            1f64.copysign(z.0),
            4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp(),
        )
    } else {
        let tx = z.0.tanh();
        let ty = z.1.tan();
        let cx = 1.0 / z.0.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

fn c_tan(z: C) -> (C, Errno) {
    rotated(c_tanh, z)
}

fn c_exp(z: C) -> (C, Errno) {
    if !finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (
                    f64::INFINITY.copysign(z.1.cos()),
                    f64::INFINITY.copysign(z.1.sin()),
                )
            } else {
                (0f64.copysign(z.1.cos()), 0f64.copysign(z.1.sin()))
            }
        } else {
            lookup(&special::EXP, z)
        };
        let e = if z.1.is_infinite() && (z.0.is_finite() || z.0 == f64::INFINITY) {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.0 > log_large_double() {
        let l = (z.0 - 1.0).exp();
        (l * z.1.cos() * E, l * z.1.sin() * E)
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    (r, overflow(r))
}

fn c_log(z: C) -> (C, Errno) {
    if !finite(z) {
        return (lookup(&special::LOG, z), Errno::Ok);
    }
    let ax = z.0.abs();
    let ay = z.1.abs();
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // A subnormal modulus: scale by 2**53 first.
            let k = 2f64.powi(53);
            (ax * k).hypot(ay * k).ln() - 53.0 * LN_2
        } else {
            return ((f64::NEG_INFINITY, z.1.atan2(z.0)), Errno::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    ((re, z.1.atan2(z.0)), Errno::Ok)
}

fn c_log10(z: C) -> (C, Errno) {
    let (r, e) = c_log(z);
    ((r.0 / LN_10, r.1 / LN_10), e)
}

/// Complex division as `complex.__truediv__` does it; division by zero is a domain error.
fn c_quot(a: C, b: C) -> (C, Errno) {
    let abs_re = b.0.abs();
    let abs_im = b.1.abs();
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return ((0.0, 0.0), Errno::Dom);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        (
            ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom),
            Errno::Ok,
        )
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        (
            ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom),
            Errno::Ok,
        )
    } else {
        ((f64::NAN, f64::NAN), Errno::Ok)
    }
}

/// `_Py_c_abs`: the modulus, with an overflow reported as a range error.
fn c_abs(z: C) -> (f64, Errno) {
    if !finite(z) {
        if z.0.is_infinite() {
            return (z.0.abs(), Errno::Ok);
        }
        if z.1.is_infinite() {
            return (z.1.abs(), Errno::Ok);
        }
        return (f64::NAN, Errno::Ok);
    }
    let r = z.0.hypot(z.1);
    (
        r,
        if r.is_finite() {
            Errno::Ok
        } else {
            Errno::Range
        },
    )
}

/// The argument of `z`, with the C99 values for infinite and zero parts; an underflow of
/// the C library's `atan2` is a range error, as its `errno` reports it to CPython.
fn c_phase(z: C) -> (f64, Errno) {
    if z.0.is_nan() || z.1.is_nan() {
        return (f64::NAN, Errno::Ok);
    }
    if z.1.is_infinite() {
        if z.0.is_infinite() {
            let q = if z.0.is_sign_positive() { 0.25 } else { 0.75 };
            return ((q * PI).copysign(z.1), Errno::Ok);
        }
        return ((0.5 * PI).copysign(z.1), Errno::Ok);
    }
    if z.0.is_infinite() || z.1 == 0.0 {
        let r = if z.0.is_sign_positive() {
            0f64.copysign(z.1)
        } else {
            PI.copysign(z.1)
        };
        return (r, Errno::Ok);
    }
    let r = z.1.atan2(z.0);
    (r, if r == 0.0 { Errno::Range } else { Errno::Ok })
}

fn c_rect(r: f64, phi: f64) -> (C, Errno) {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (c, s) = (
                f64::INFINITY.copysign(phi.cos()),
                f64::INFINITY.copysign(phi.sin()),
            );
            if r > 0.0 { (c, s) } else { (-c, -s) }
        } else {
            lookup(&special::RECT, (r, phi))
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (z, e);
    }
    if phi == 0.0 {
        return ((r, r * phi), Errno::Ok);
    }
    ((r * phi.cos(), r * phi.sin()), Errno::Ok)
}

// ---- arguments and errors ----

fn math_error(vm: &Vm, e: Errno) -> PyErr {
    match e {
        Errno::Range => vm.overflow_error("math range error"),
        _ => vm.value_error("math domain error"),
    }
}

/// A real-number argument (`double` converter): a float, an int, `__float__` or
/// `__index__`.
pub(crate) fn real_arg(vm: &Vm, v: &Value) -> PyResult<f64> {
    if let Some(n) = num_of(v, false) {
        return int_to_f64(vm, &n);
    }
    if let Some(r) = vm.call_special(v, "__float__", &[])? {
        return match num_of(&r, false) {
            Some(crate::builtins::number_fast::Num::Float(f)) => Ok(f),
            _ => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&r)
            ))),
        };
    }
    if vm.lookup_special(v, "__index__").is_some() {
        let i = vm.index_value(v)?;
        if let Some(n) = num_of(&i, false) {
            return int_to_f64(vm, &n);
        }
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// A complex argument (`Py_complex` converter): a complex, `__complex__`, or a real number.
fn complex_arg(vm: &Vm, v: &Value) -> PyResult<C> {
    if let Some(Payload::Complex(re, im)) = v.payload() {
        return Ok((*re, *im));
    }
    if let Some(r) = vm.call_special(v, "__complex__", &[])? {
        return match r.payload() {
            Some(Payload::Complex(re, im)) => Ok((*re, *im)),
            _ => Err(vm.type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Ok((real_arg(vm, v)?, 0.0))
}

fn unary(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    f: fn(C) -> (C, Errno),
) -> PyResult<Value> {
    check_count(vm, format_args!("cmath.{name}"), args, kw, 1, 1)?;
    let z = complex_arg(vm, &args[0])?;
    let (r, e) = f(z);
    if e != Errno::Ok {
        return Err(math_error(vm, e));
    }
    Ok(new_complex(vm, r.0, r.1))
}

macro_rules! unary_fns {
    ($($name:ident, $py:literal, $f:expr;)*) => {
        $(
            fn $name(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                unary(vm, $py, args, kw, $f)
            }
        )*
    };
}

unary_fns! {
    m_acos, "acos", c_acos;
    m_acosh, "acosh", c_acosh;
    m_asin, "asin", c_asin;
    m_asinh, "asinh", c_asinh;
    m_atan, "atan", c_atan;
    m_atanh, "atanh", c_atanh;
    m_cos, "cos", c_cos;
    m_cosh, "cosh", c_cosh;
    m_exp, "exp", c_exp;
    m_log10, "log10", c_log10;
    m_sin, "sin", c_sin;
    m_sinh, "sinh", c_sinh;
    m_sqrt, "sqrt", c_sqrt;
    m_tan, "tan", c_tan;
    m_tanh, "tanh", c_tanh;
}

fn m_log(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_kwargs(vm, "cmath.log", kw)?;
    crate::builtins::itertools::check_positional(vm, "log", args.len(), 1, 2)?;
    let x = complex_arg(vm, &args[0])?;
    let (mut r, mut e) = c_log(x);
    if let Some(b) = args.get(1) {
        let y = complex_arg(vm, b)?;
        let (ly, ey) = c_log(y);
        let (q, eq) = c_quot(r, ly);
        r = q;
        e = if eq != Errno::Ok { eq } else { ey };
    }
    if e != Errno::Ok {
        return Err(math_error(vm, e));
    }
    Ok(new_complex(vm, r.0, r.1))
}

fn m_phase(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "cmath.phase", args, kw, 1, 1)?;
    let z = complex_arg(vm, &args[0])?;
    let (phi, e) = c_phase(z);
    if e != Errno::Ok {
        return Err(math_error(vm, e));
    }
    Ok(Value::float(phi))
}

fn m_polar(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "cmath.polar", args, kw, 1, 1)?;
    let z = complex_arg(vm, &args[0])?;
    // The modulus is computed last: its status is the one reported.
    let (phi, _) = c_phase(z);
    let (r, e) = c_abs(z);
    if e != Errno::Ok {
        return Err(math_error(vm, e));
    }
    Ok(vm.new_tuple(vec![Value::float(r), Value::float(phi)]))
}

fn m_rect(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_kwargs(vm, "cmath.rect", kw)?;
    crate::builtins::itertools::check_positional(vm, "rect", args.len(), 2, 2)?;
    let r = real_arg(vm, &args[0])?;
    let phi = real_arg(vm, &args[1])?;
    let (z, e) = c_rect(r, phi);
    if e != Errno::Ok {
        return Err(math_error(vm, e));
    }
    Ok(new_complex(vm, z.0, z.1))
}

fn predicate(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    f: fn(C) -> bool,
) -> PyResult<Value> {
    check_count(vm, format_args!("cmath.{name}"), args, kw, 1, 1)?;
    let z = complex_arg(vm, &args[0])?;
    Ok(Value::bool(f(z)))
}

fn m_isfinite(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    predicate(vm, "isfinite", args, kw, finite)
}

fn m_isinf(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    predicate(vm, "isinf", args, kw, |z| {
        z.0.is_infinite() || z.1.is_infinite()
    })
}

fn m_isnan(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    predicate(vm, "isnan", args, kw, |z| z.0.is_nan() || z.1.is_nan())
}

fn m_isclose(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = crate::builtins::itertools::bind_args(
        vm,
        "isclose",
        args,
        kwnames,
        &["a", "b", "rel_tol", "abs_tol"],
        2,
        2,
    )?;
    let a = complex_arg(vm, p[0].as_ref().unwrap_or(&Value::None))?;
    let b = complex_arg(vm, p[1].as_ref().unwrap_or(&Value::None))?;
    let rel_tol = match &p[2] {
        Some(v) => real_arg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match &p[3] {
        Some(v) => real_arg(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a.0 == b.0 && a.1 == b.1 {
        return Ok(Value::TRUE);
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = c_abs((a.0 - b.0, a.1 - b.1)).0;
    let close = diff <= rel_tol * c_abs(b).0 || diff <= rel_tol * c_abs(a).0 || diff <= abs_tol;
    Ok(Value::bool(close))
}

/// Makes the `cmath` module.
pub fn module(vm: &Vm) -> Value {
    let m = vm.new_module("cmath");
    let d = vm.module_dict(&m);
    let set = |name: &str, v: Value| {
        let _ = vm.dict_set_str(&d, vm.intern(name), v);
    };
    let functions: [(&'static str, NativeFn); 23] = [
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atanh", m_atanh),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("exp", m_exp),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("log", m_log),
        ("log10", m_log10),
        ("phase", m_phase),
        ("polar", m_polar),
        ("rect", m_rect),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
    ];
    for (n, f) in functions {
        set(n, vm.new_builtin_function(n, f));
    }
    set("pi", Value::float(PI));
    set("e", Value::float(E));
    set("tau", Value::float(std::f64::consts::TAU));
    set("inf", Value::float(f64::INFINITY));
    set("nan", Value::float(f64::NAN));
    set("infj", new_complex(vm, 0.0, f64::INFINITY));
    set("nanj", new_complex(vm, 0.0, f64::NAN));
    set(
        "__doc__",
        vm.new_str("This module provides access to mathematical functions for complex\nnumbers."),
    );
    Value::Obj(m)
}
