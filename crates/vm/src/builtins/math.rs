//! The `math` module: every function of CPython 3.11's, with its special values and its
//! "math domain error"/"math range error" classification. The C library computes what CPython
//! takes from it (so results agree to the bit); gamma/lgamma (Lanczos), remainder, hypot/dist
//! (compensated vector norm) and fsum are computed here the way CPython computes them.
//! Counterpart: Modules/mathmodule.c (3.11).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::function::{NativeFn, check_count, no_kwargs};
use crate::builtins::number_fast::{Num, int_to_f64, num_of};
use crate::object::Payload;
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

/// The C library's functions whose results CPython passes on unchanged (Rust's own versions
/// of some of them are computed differently, and CPython's results are libm's to the bit).
mod libm {
    unsafe extern "C" {
        pub safe fn erf(x: f64) -> f64;
        pub safe fn erfc(x: f64) -> f64;
        pub safe fn acosh(x: f64) -> f64;
        pub safe fn atanh(x: f64) -> f64;
        pub safe fn exp2(x: f64) -> f64;
        pub safe fn nextafter(x: f64, y: f64) -> f64;
        pub safe fn ldexp(x: f64, e: libc::c_int) -> f64;
        // Declared as `cmath` declares it (an unsafe fn), so that the two agree.
        #[link_name = "asinh"]
        fn c_asinh(x: f64) -> f64;
    }

    pub fn asinh(x: f64) -> f64 {
        // SAFETY: `asinh` is a pure function of a double, defined for every input.
        unsafe { c_asinh(x) }
    }

    /// The C library's `cbrt`, looked up at run time: a plain reference would bind to the
    /// Rust runtime's own `cbrt`, whose last bit differs from glibc's.
    pub fn cbrt(x: f64) -> f64 {
        type F = extern "C" fn(f64) -> f64;
        static FUNC: std::sync::OnceLock<Option<F>> = std::sync::OnceLock::new();
        let f = FUNC.get_or_init(|| {
            // SAFETY: dlopen/dlsym get valid NUL-terminated names; a non-null `cbrt` symbol
            // of the C math library is a function of this signature.
            unsafe {
                let h = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_NOW);
                if h.is_null() {
                    return None;
                }
                let p = libc::dlsym(h, c"cbrt".as_ptr());
                (!p.is_null()).then(|| std::mem::transmute::<*mut libc::c_void, F>(p))
            }
        });
        match f {
            Some(f) => f(x),
            None => x.cbrt(),
        }
    }
}

/// The error a computation reports, as C's `errno` does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

/// Turns a result and its `errno` into a float or CPython's exception (an ERANGE with a
/// result below 1.5 in magnitude is an underflow, which is not an error).
fn checked(vm: &Vm, r: f64, e: Errno) -> PyResult<Value> {
    match e {
        Errno::Dom => Err(domain_error(vm)),
        Errno::Range if r.abs() >= 1.5 => Err(range_error(vm)),
        _ => Ok(Value::float(r)),
    }
}

/// Applies `f` to one float argument with CPython's error classification: a NaN result from
/// a non-NaN argument is a domain error, an infinite one from a finite argument overflow
/// (or a domain error, for functions that cannot overflow: a singularity).
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
    Ok(Value::float(r))
}

/// One float argument for a function whose result is never an error.
fn one_f64(vm: &Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<f64> {
    check_count(vm, name, args, kw, 1, 1)?;
    arg_f64(vm, &args[0])
}

/// The two float arguments of a two-argument function (`math.name()` has no keywords).
fn two_f64(vm: &Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<(f64, f64)> {
    no_kwargs(vm, format_args!("math.{name}"), kw)?;
    check_count(vm, name, args, &[], 2, 2)?;
    Ok((arg_f64(vm, &args[0])?, arg_f64(vm, &args[1])?))
}

/// A two-argument function's result with CPython's classification: NaN from non-NaN
/// arguments is a domain error, an infinity from finite ones an overflow.
fn binary_result(vm: &Vm, x: f64, y: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
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
    m_sqrt, "math.sqrt", f64::sqrt, false;
    m_exp, "math.exp", f64::exp, true;
    m_exp2, "math.exp2", |x| libm::exp2(x), true;
    m_sin, "math.sin", f64::sin, false;
    m_cos, "math.cos", f64::cos, false;
    m_tan, "math.tan", f64::tan, false;
    m_asin, "math.asin", f64::asin, false;
    m_acos, "math.acos", f64::acos, false;
    m_atan, "math.atan", f64::atan, false;
    m_sinh, "math.sinh", f64::sinh, true;
    m_cosh, "math.cosh", f64::cosh, true;
    m_tanh, "math.tanh", f64::tanh, false;
    m_asinh, "math.asinh", libm::asinh, false;
    m_acosh, "math.acosh", |x| libm::acosh(x), false;
    m_atanh, "math.atanh", |x| libm::atanh(x), false;
    m_cbrt, "math.cbrt", libm::cbrt, false;
    m_fabs, "math.fabs", f64::abs, false;
    m_log1p, "math.log1p", f64::ln_1p, false;
    m_expm1, "math.expm1", f64::exp_m1, true;
}

fn m_erf(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(libm::erf(one_f64(vm, args, kw, "math.erf")?)))
}

fn m_erfc(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(libm::erfc(one_f64(
        vm,
        args,
        kw,
        "math.erfc",
    )?)))
}

fn m_degrees(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_f64(vm, args, kw, "math.degrees")?;
    Ok(Value::float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_f64(vm, args, kw, "math.radians")?;
    Ok(Value::float(x * (std::f64::consts::PI / 180.0)))
}

// ----- Gamma and log-gamma: the Lanczos approximation (N = 13, g = 6.0246800407767296),
// written as a rational function; negative arguments go through the reflection formula.

const LANCZOS_G: f64 = 6.02468004077673;
const LANCZOS_G_MINUS_HALF: f64 = 5.52468004077673;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.41076,
    42919803642.6491,
    35711959237.35567,
    17921034426.03721,
    6039542586.352028,
    1439720407.3117216,
    248874557.86205417,
    31426415.585400194,
    2876370.6289353725,
    186056.26539522348,
    8071.672002365816,
    210.82427775157936,
    2.5066282746310002,
];
/// The denominator's coefficients: x*(x+1)*...*(x+11) expanded.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const LOG_PI: f64 = 1.1447298858494002;

/// The Lanczos sum for x > 0 (in 1/x for large x, to avoid overflow).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for (n, d) in LANCZOS_NUM.iter().zip(&LANCZOS_DEN).rev() {
            num = num * x + n;
            den = den * x + d;
        }
    } else {
        for (n, d) in LANCZOS_NUM.iter().zip(&LANCZOS_DEN) {
            num = num / x + n;
            den = den / x + d;
        }
    }
    num / den
}

/// sin(pi*x) for finite x, exact at the integers.
fn sin_pi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn tgamma(x: f64) -> (f64, Errno) {
    use std::f64::consts::PI;
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::Ok);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= 23.0 {
            // Exact factorials for the small integers.
            let mut r = 1.0f64;
            for i in 2..(x as i64) {
                r *= i as f64;
            }
            return (r, Errno::Ok);
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        return (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::Ok
            },
        );
    }
    if ax > 200.0 {
        if x < 0.0 {
            return (0.0 / sin_pi(x), Errno::Ok);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = ax + LANCZOS_G_MINUS_HALF;
    // The rounding error in y, scaled: a first-order correction of pow/exp below.
    let z = if ax > LANCZOS_G_MINUS_HALF {
        (y - ax) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - ax
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sin_pi(ax) / ax * y.exp() / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r /= y.powf(ax - 0.5);
        } else {
            let s = y.powf(ax / 2.0 - 0.25);
            r /= s;
            r /= s;
        }
    } else {
        r = lanczos_sum(ax) / y.exp();
        r += z * r;
        if ax < 140.0 {
            r *= y.powf(ax - 0.5);
        } else {
            let s = y.powf(ax / 2.0 - 0.25);
            r *= s;
            r *= s;
        }
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        return (if x.is_nan() { x } else { f64::INFINITY }, Errno::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::Ok);
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return (-ax.ln(), Errno::Ok);
    }
    let mut r = lanczos_sum(ax).ln() - LANCZOS_G;
    r += (ax - 0.5) * ((ax + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sin_pi(ax).abs().ln() - ax.ln() - r;
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

fn m_gamma(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (r, e) = tgamma(one_f64(vm, args, kw, "math.gamma")?);
    checked(vm, r, e)
}

fn m_lgamma(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (r, e) = lgamma(one_f64(vm, args, kw, "math.lgamma")?);
    checked(vm, r, e)
}

/// A logarithm (`f` is ln, log2 or log10) of an int of any size or of a real number.
fn log_of(vm: &Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    let big;
    let n = match num_of(v, false) {
        Some(Num::Int(i)) => BigInt::from(i),
        Some(Num::Big(b)) => {
            big = b.clone();
            big
        }
        _ => {
            let x = arg_f64(vm, v)?;
            if x.is_nan() || x == f64::INFINITY {
                return Ok(x);
            }
            if x <= 0.0 {
                return Err(domain_error(vm));
            }
            return Ok(f(x));
        }
    };
    if !n.is_positive() {
        return Err(domain_error(vm));
    }
    if let Ok(x) = rpy_text::numbers::int_to_f64(&n) {
        return Ok(f(x));
    }
    // Too large for a float: n ~= m * 2**e with m in [0.5, 1) rounded to 53 bits.
    let bits = n.bits();
    let top: BigInt = &n >> (bits - 64);
    let sticky = (&top << (bits - 64)) != n;
    let top = top.to_u64().unwrap_or(u64::MAX) | sticky as u64;
    let mut m = top as f64 / 18446744073709551616.0;
    let mut e = bits as f64;
    if m == 1.0 {
        m = 0.5;
        e += 1.0;
    }
    Ok(f(m) + f(2.0) * e)
}

fn m_log(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "log", kw)?;
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, &args[0], f64::ln)?;
    match args.get(1) {
        None => Ok(Value::float(num)),
        Some(b) => {
            let den = log_of(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(vm.zero_division_error("float division by zero"));
            }
            Ok(Value::float(num / den))
        }
    }
}

fn m_log2(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "math.log2", args, kw, 1, 1)?;
    Ok(Value::float(log_of(vm, &args[0], f64::log2)?))
}

fn m_log10(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "math.log10", args, kw, 1, 1)?;
    Ok(Value::float(log_of(vm, &args[0], f64::log10)?))
}

fn m_pow(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (x, y) = two_f64(vm, args, kw, "pow")?;
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() && r.is_infinite() && x == 0.0 {
        // (+-0)**negative: a singularity.
        return Err(domain_error(vm));
    }
    binary_result(vm, x, y, r)
}

fn m_atan2(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (y, x) = two_f64(vm, args, kw, "atan2")?;
    binary_result(vm, y, x, y.atan2(x))
}

fn m_copysign(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (x, y) = two_f64(vm, args, kw, "copysign")?;
    binary_result(vm, x, y, x.copysign(y))
}

fn m_fmod(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (x, y) = two_f64(vm, args, kw, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::float(r))
}

/// IEEE 754 remainder: x - n*y for the integer n nearest x/y (even on a tie); always exact.
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        // Compare m with ay - m rather than with ay / 2 (which may be inexact).
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // A tie: ax = n*ay + m; keep m when n is even, else -m.
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn m_remainder(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (x, y) = two_f64(vm, args, kw, "remainder")?;
    binary_result(vm, x, y, remainder(x, y))
}

fn m_nextafter(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (x, y) = two_f64(vm, args, kw, "nextafter")?;
    Ok(Value::float(libm::nextafter(x, y)))
}

fn m_ulp(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_f64(vm, args, kw, "math.ulp")?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::float(x));
    }
    let up = libm::nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return Ok(Value::float(x - libm::nextafter(x, f64::NEG_INFINITY)));
    }
    Ok(Value::float(up - x))
}

/// The Euclidean norm of `vec` (absolute values, `max` their maximum): scaled by a power of
/// two, squares split exactly (Veltkamp-Dekker) and summed with compensation, then the square
/// root corrected by one Newton step; nearly always correctly rounded.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0; // 2**27 + 1
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let max_e = frexp(max).1;
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    let split = |x: f64| {
        let t = x * T27;
        let hi = t - (t - x);
        (hi, x - hi)
    };
    // Adds `x` to csum (|csum| >= |x|), keeping the rounding error in `frac`.
    let add = |csum: &mut f64, frac: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    };
    if max_e >= -1023 {
        let scale = libm::ldexp(1.0, -max_e);
        for &v in vec {
            let (hi, lo) = split(v * scale);
            add(&mut csum, &mut frac1, hi * hi);
            add(&mut csum, &mut frac2, 2.0 * hi * lo);
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let (hi, lo) = split(h);
        add(&mut csum, &mut frac1, -hi * hi);
        add(&mut csum, &mut frac2, -2.0 * hi * lo);
        add(&mut csum, &mut frac3, -lo * lo);
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Tiny values: 2**-max_e would overflow, so divide by max instead.
    for &v in vec {
        let x = v / max;
        add(&mut csum, &mut frac1, x * x);
    }
    max * (csum - 1.0 + frac1).sqrt()
}

/// A float argument as CPython's hypot/dist/fsum read it.
fn norm_input(
    vm: &Vm,
    v: &Value,
    vec: &mut Vec<f64>,
    max: &mut f64,
    nan: &mut bool,
) -> PyResult<()> {
    let x = arg_f64(vm, v)?.abs();
    vec.push(x);
    *nan |= x.is_nan();
    if x > *max {
        *max = x;
    }
    Ok(())
}

fn m_hypot(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "math.hypot", kw)?;
    let (mut vec, mut max, mut nan) = (Vec::with_capacity(args.len()), 0.0f64, false);
    for a in args {
        norm_input(vm, a, &mut vec, &mut max, &mut nan)?;
    }
    Ok(Value::float(vector_norm(&vec, max, nan)))
}

fn m_dist(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "math.dist", kw)?;
    check_count(vm, "dist", args, &[], 2, 2)?;
    let items = |v: &Value| -> PyResult<Vec<Value>> {
        match v.payload() {
            Some(Payload::Tuple(t)) => Ok(t.to_vec()),
            _ => vm.iterate(v),
        }
    };
    let p = items(&args[0])?;
    let q = items(&args[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let (mut vec, mut max, mut nan) = (Vec::with_capacity(p.len()), 0.0f64, false);
    for (a, b) in p.iter().zip(&q) {
        let d = arg_f64(vm, a)? - arg_f64(vm, b)?;
        norm_input(vm, &Value::float(d), &mut vec, &mut max, &mut nan)?;
    }
    Ok(Value::float(vector_norm(&vec, max, nan)))
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
    rounding(vm, args, kw, "math.floor", "__floor__", f64::floor)
}

fn m_ceil(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rounding(vm, args, kw, "math.ceil", "__ceil__", f64::ceil)
}

fn m_trunc(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "math.trunc", args, kw, 1, 1)?;
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
    Ok(Value::bool(f(arg_f64(vm, &args[0])?)))
}

fn m_isnan(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pred(vm, args, kw, "math.isnan", f64::is_nan)
}

fn m_isinf(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pred(vm, args, kw, "math.isinf", f64::is_infinite)
}

fn m_isfinite(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pred(vm, args, kw, "math.isfinite", f64::is_finite)
}

fn int_arg(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    let i = vm.index_value(v)?;
    Ok(crate::builtins::int::as_bigint(&i).unwrap_or_default())
}

fn m_gcd(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "math.gcd", args, kw, 0, usize::MAX)?;
    let mut g = BigInt::zero();
    for a in args {
        g = g.gcd(&int_arg(vm, a)?);
    }
    Ok(Value::from_bigint(g))
}

fn m_lcm(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "math.lcm", args, kw, 0, usize::MAX)?;
    let mut l = BigInt::one();
    for a in args {
        let x = int_arg(vm, a)?;
        l = if x.is_zero() { x } else { l.lcm(&x) };
    }
    Ok(Value::from_bigint(l.abs()))
}

fn m_factorial(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "math.factorial", args, kw, 1, 1)?;
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
    check_count(vm, "math.isqrt", args, kw, 1, 1)?;
    let n = int_arg(vm, &args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn comb_perm(vm: &Vm, args: &[Value], kw: &[Value], comb: bool) -> PyResult<Value> {
    let name = if comb { "comb" } else { "perm" };
    no_kwargs(vm, format_args!("math.{name}"), kw)?;
    check_count(vm, name, args, &[], if comb { 2 } else { 1 }, 2)?;
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
    check_count(vm, "math.fsum", args, kw, 1, 1)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    for v in vm.iterate(&args[0])? {
        let mut x = arg_f64(vm, &v)?;
        let xsave = x;
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
        if x != 0.0 {
            if !x.is_finite() {
                // An infinity or NaN among the inputs, or an overflow of the partial sums.
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special));
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
    Ok(Value::float(hi))
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
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b - a).abs();
    Ok(Value::bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

fn m_modf(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "math.modf", args, kw, 1, 1)?;
    let x = arg_f64(vm, &args[0])?;
    if x.is_infinite() {
        return Ok(vm.new_tuple(vec![Value::float(0.0f64.copysign(x)), Value::float(x)]));
    }
    let i = x.trunc();
    Ok(vm.new_tuple(vec![Value::float((x - i).copysign(x)), Value::float(i)]))
}

/// (m, e) with x = m * 2**e and 0.5 <= |m| < 1, for finite non-zero x (else (x, 0)).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, adjust) = if x.abs() < f64::MIN_POSITIVE {
        (x * 18446744073709551616.0, -64) // subnormal: scale by 2**64 (exact)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32 - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e + adjust)
}

fn m_frexp(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (m, e) = frexp(one_f64(vm, args, kw, "math.frexp")?);
    Ok(vm.new_tuple(vec![Value::float(m), Value::Int(e as i64)]))
}

fn m_ldexp(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "math.ldexp", kw)?;
    check_count(vm, "ldexp", args, &[], 2, 2)?;
    let x = arg_f64(vm, &args[0])?;
    let e = match num_of(&args[1], false) {
        Some(Num::Int(i)) => i,
        Some(Num::Big(b)) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
    };
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if e > i32::MAX as i64 {
        return Err(range_error(vm));
    } else if e < i32::MIN as i64 {
        0.0f64.copysign(x)
    } else {
        libm::ldexp(x, e as i32)
    };
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

/// Makes the `math` module.
pub fn module(vm: &Vm) -> Value {
    let functions: &[(&'static str, NativeFn)] = &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", m_comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", m_factorial),
        ("floor", m_floor),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", m_gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", m_perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
        ("ulp", m_ulp),
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
            Value::float(v)
        };
        let _ = vm.dict_set_str(&d, vm.intern(n), v);
    }
    Value::Obj(m)
}
