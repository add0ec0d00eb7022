//! Float operations whose rules are Python's: `as_integer_ratio`, `round` (correctly rounded,
//! half to even on the exact binary value), `is_integer`, `int(x)`, and `/`, `//`, `%`,
//! `divmod` with the sign of the divisor, plus `math.fmod`.
//! Counterpart: Objects/floatobject.c (`float_as_integer_ratio`, `float___round___impl`,
//! `double_round`, `float_div`, `float_rem`, `float_divmod`, `float_floor_div`,
//! `PyLong_FromDouble`) and Modules/mathmodule.c (`math_fmod_impl`) (3.11).

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Zero};

use super::error::NumError;
use super::to_float::{int_to_f64, ratio_to_f64};

/// A finite non-zero `|x|` as `m × 2**e` with `m` odd.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.abs().to_bits();
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    let zeros = m.trailing_zeros();
    (m >> zeros, e + i64::from(zeros))
}

fn with_sign(negative: bool, magnitude: BigUint) -> BigInt {
    BigInt::from_biguint(if negative { Sign::Minus } else { Sign::Plus }, magnitude)
}

/// `x.as_integer_ratio()`: the exact value as a fraction in lowest terms with a positive
/// denominator.
pub fn as_integer_ratio(x: f64) -> Result<(BigInt, BigInt), NumError> {
    if x.is_nan() {
        return Err(NumError::NanToRatio);
    }
    if x.is_infinite() {
        return Err(NumError::InfinityToRatio);
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let (m, e) = decompose(x);
    let m = BigUint::from(m);
    let (num, den) = if e >= 0 {
        (m << e as u64, BigUint::one())
    } else {
        (m, BigUint::one() << e.unsigned_abs())
    };
    Ok((with_sign(x < 0.0, num), BigInt::from(den)))
}

/// `int(x)`: truncation toward zero, exact for any finite float.
pub fn float_to_int(x: f64) -> Result<BigInt, NumError> {
    if x.is_nan() {
        return Err(NumError::NanToInt);
    }
    if x.is_infinite() {
        return Err(NumError::InfinityToInt);
    }
    let t = x.trunc();
    if t == 0.0 {
        return Ok(BigInt::zero());
    }
    let (m, e) = decompose(t);
    // t is an integer, so e >= 0 once m is odd.
    Ok(with_sign(t < 0.0, BigUint::from(m) << e.max(0) as u64))
}

/// `x.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

/// The result of [`float_round`]: `round(x)` is an int, `round(x, n)` a float.
#[derive(Debug, Clone, PartialEq)]
pub enum Rounded {
    Int(BigInt),
    Float(f64),
}

/// `round(x, ndigits)`: [`float_round_to_int`] when `ndigits` is `None`, else
/// [`float_round_digits`]. (Python clamps an enormous `ndigits` into range first.)
pub fn float_round(x: f64, ndigits: Option<i64>) -> Result<Rounded, NumError> {
    match ndigits {
        None => float_round_to_int(x).map(Rounded::Int),
        Some(n) => float_round_digits(x, n).map(Rounded::Float),
    }
}

/// `round(x)`: the nearest int, ties to even (`round(0.5) == 0`, `round(1.5) == 2`).
pub fn float_round_to_int(x: f64) -> Result<BigInt, NumError> {
    float_to_int(x.round_ties_even())
}

/// Beyond this many digits every float rounds to itself: CPython's
/// `(int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103)`, 0.30103 bounding log10(2) above.
const NDIGITS_MAX: i64 = 323;
/// Below this many digits every float rounds to zero: `-(int)((DBL_MAX_EXP + 1) * 0.30103)`.
const NDIGITS_MIN: i64 = -308;

/// `q = num / den` rounded half to even.
fn div_round_half_even(num: &BigUint, den: &BigUint) -> BigUint {
    let (q, r) = num.div_rem(den);
    let twice = r << 1u8;
    if twice > *den || (twice == *den && q.is_odd()) {
        q + 1u8
    } else {
        q
    }
}

/// `round(x, ndigits)`: `x` rounded to the nearest multiple of `10**-ndigits` on its exact
/// binary value, ties to even (`round(2.675, 2) == 2.67` because 2.675 is really
/// 2.67499999…, `round(0.125, 2) == 0.12`), then correctly rounded back to a float.
/// Infinities and NaN round to themselves; "rounded value too large to represent" when
/// the result overflows.
pub fn float_round_digits(x: f64, ndigits: i64) -> Result<f64, NumError> {
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let (m, e) = decompose(x);
    let m = BigUint::from(m);
    let ten_pow = |n: u64| -> BigUint { Pow::pow(BigUint::from(10u8), n) };
    let scale = ten_pow(ndigits.unsigned_abs());
    // k = round(|x| × 10**ndigits), exactly.
    let k = if ndigits >= 0 {
        let num = m * Pow::pow(BigUint::from(5u8), ndigits as u64);
        let e2 = e + ndigits;
        if e2 >= 0 {
            num << e2 as u64
        } else {
            div_round_half_even(&num, &(BigUint::one() << e2.unsigned_abs()))
        }
    } else if e >= 0 {
        div_round_half_even(&(m << e as u64), &scale)
    } else {
        div_round_half_even(&m, &(&scale << e.unsigned_abs()))
    };
    if k.is_zero() {
        return Ok(0.0f64.copysign(x));
    }
    let magnitude = if ndigits >= 0 {
        ratio_to_f64(&k, &scale).ok_or(NumError::RoundedTooLarge)?
    } else {
        int_to_f64(&BigInt::from(k * scale)).map_err(|_| NumError::RoundedTooLarge)?
    };
    Ok(magnitude.copysign(x))
}

/// `a / b` on floats.
pub fn float_div(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::FloatDivisionByZero);
    }
    Ok(a / b)
}

/// `fmod` then moved into the divisor's sign: the remainder of Python's `%` and `divmod`.
fn python_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m == 0.0 {
        0.0f64.copysign(b)
    } else if (b < 0.0) != (m < 0.0) {
        m + b
    } else {
        m
    }
}

/// `a % b` on floats: the result takes the divisor's sign (`-7.5 % 2 == 0.5`,
/// `0.0 % -5 == -0.0`, `3 % -inf == -inf`).
pub fn float_mod(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::FloatModuloByZero);
    }
    Ok(python_mod(a, b))
}

fn floor_div_mod(a: f64, b: f64) -> (f64, f64) {
    let m = a % b;
    // a - m is (nearly) an exact multiple of b.
    let mut div = (a - m) / b;
    let rem = if m == 0.0 {
        0.0f64.copysign(b)
    } else if (b < 0.0) != (m < 0.0) {
        div -= 1.0;
        m + b
    } else {
        m
    };
    let quotient = if div == 0.0 {
        0.0f64.copysign(a / b)
    } else {
        let floor = div.floor();
        // Snap to the integer nearest to div, which is off by a little from rounding.
        if div - floor > 0.5 {
            floor + 1.0
        } else {
            floor
        }
    };
    (quotient, rem)
}

/// `a // b` on floats (`-7.5 // 2 == -4.0`, `-0.0 // 1 == -0.0`).
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::FloatFloorDivisionByZero);
    }
    Ok(floor_div_mod(a, b).0)
}

/// `divmod(a, b)` on floats (`divmod(-7.5, 2) == (-4.0, 0.5)`).
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), NumError> {
    if b == 0.0 {
        return Err(NumError::FloatDivmodByZero);
    }
    Ok(floor_div_mod(a, b))
}

/// `math.fmod(x, y)`: C's `fmod` (the result takes the dividend's sign, `math.fmod(-7.5, 2)
/// == -1.5`), with "math domain error" for an infinite `x` or zero `y` unless an argument
/// is NaN, and `x` returned unchanged for an infinite `y`.
pub fn math_fmod(x: f64, y: f64) -> Result<f64, NumError> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(NumError::MathDomain);
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repr(x: f64) -> String {
        rpy_marshal::repr::float_repr(x)
    }

    fn pair((a, b): (f64, f64)) -> String {
        format!("({}, {})", repr(a), repr(b))
    }

    #[test]
    fn integer_ratio() {
        // Expected values printed by python3.11.
        let r = |x: f64| as_integer_ratio(x).map(|(n, d)| format!("{n}/{d}"));
        assert_eq!(r(1.5), Ok("3/2".to_string()));
        assert_eq!(r(0.1), Ok("3602879701896397/36028797018963968".to_string()));
        assert_eq!(r(-0.0), Ok("0/1".to_string()));
        assert_eq!(r(-2.0), Ok("-2/1".to_string()));
        assert_eq!(r(1e300).map(|s| s.ends_with("/1")), Ok(true));
        assert_eq!(
            as_integer_ratio(5e-324).map(|(_, d)| d == BigInt::one() << 1074u32),
            Ok(true)
        );
        assert_eq!(r(f64::INFINITY), Err(NumError::InfinityToRatio));
        assert_eq!(r(f64::NEG_INFINITY), Err(NumError::InfinityToRatio));
        assert_eq!(r(f64::NAN), Err(NumError::NanToRatio));
        assert_eq!(
            NumError::InfinityToRatio.to_string(),
            "cannot convert Infinity to integer ratio"
        );
    }

    #[test]
    fn to_int() {
        assert_eq!(float_to_int(-1.9), Ok(BigInt::from(-1)));
        assert_eq!(float_to_int(-0.5), Ok(BigInt::zero()));
        assert_eq!(float_to_int(1e300).map(|n| n.to_string().len()), Ok(301));
        assert_eq!(float_to_int(f64::INFINITY), Err(NumError::InfinityToInt));
        assert_eq!(float_to_int(f64::NAN), Err(NumError::NanToInt));
        assert!(float_is_integer(1.0) && !float_is_integer(1.5));
        assert!(!float_is_integer(f64::INFINITY) && !float_is_integer(f64::NAN));
    }

    #[test]
    fn rounding() {
        let r = |x: f64, n: i64| float_round_digits(x, n).map(repr);
        assert_eq!(r(2.675, 2), Ok("2.67".to_string()));
        assert_eq!(r(-0.4, 0), Ok("-0.0".to_string()));
        assert_eq!(r(0.125, 2), Ok("0.12".to_string()));
        assert_eq!(r(0.375, 2), Ok("0.38".to_string()));
        assert_eq!(r(1.7e308, -308), Err(NumError::RoundedTooLarge));
        assert_eq!(r(1250.0, -2), Ok("1200.0".to_string()));
        assert_eq!(r(1350.0, -2), Ok("1400.0".to_string()));
        assert_eq!(r(5e-324, 323), Ok("0.0".to_string()));
        assert_eq!(r(5e-324, 324), Ok("5e-324".to_string()));
        assert_eq!(r(1.5, -309), Ok("0.0".to_string()));
        assert_eq!(r(-1.5, -309), Ok("-0.0".to_string()));
        assert_eq!(r(f64::INFINITY, 2), Ok("inf".to_string()));
        assert_eq!(r(2.5, 0), Ok("2.0".to_string()));
        assert_eq!(r(-2.5, 0), Ok("-2.0".to_string()));
        assert_eq!(r(123.456, -1), Ok("120.0".to_string()));
        assert_eq!(r(1e22, -22), Ok("1e+22".to_string()));
        assert_eq!(r(5e22, -23), Ok("0.0".to_string()));
        assert_eq!(r(1.0000000000000002, 15), Ok("1.0".to_string()));
        assert_eq!(r(0.1, 20), Ok("0.1".to_string()));
        let i = |x: f64| float_round(x, None);
        assert_eq!(i(0.5), Ok(Rounded::Int(BigInt::zero())));
        assert_eq!(i(1.5), Ok(Rounded::Int(BigInt::from(2))));
        assert_eq!(i(-0.5), Ok(Rounded::Int(BigInt::zero())));
        assert_eq!(i(f64::INFINITY), Err(NumError::InfinityToInt));
        assert_eq!(i(f64::NAN), Err(NumError::NanToInt));
        assert_eq!(
            float_round_to_int(1e300).map(|n| n.to_string()[..20].to_string()),
            Ok("10000000000000000525".to_string())
        );
        assert_eq!(float_round(2.675, Some(2)), Ok(Rounded::Float(2.67)));
    }

    #[test]
    fn division_and_modulo() {
        let dm = |a: f64, b: f64| float_divmod(a, b).map(pair);
        assert_eq!(dm(-7.5, 2.0), Ok("(-4.0, 0.5)".to_string()));
        assert_eq!(dm(7.5, -2.0), Ok("(-4.0, -0.5)".to_string()));
        assert_eq!(dm(-0.0, 1.0), Ok("(-0.0, 0.0)".to_string()));
        assert_eq!(dm(0.0, -1.0), Ok("(-0.0, -0.0)".to_string()));
        assert_eq!(dm(f64::INFINITY, 1.0), Ok("(nan, nan)".to_string()));
        assert_eq!(dm(1.0, f64::INFINITY), Ok("(0.0, 1.0)".to_string()));
        assert_eq!(dm(-1.0, f64::INFINITY), Ok("(-1.0, inf)".to_string()));
        assert_eq!(dm(f64::NAN, 1.0), Ok("(nan, nan)".to_string()));
        assert_eq!(dm(1.0, 0.0), Err(NumError::FloatDivmodByZero));
        let m = |a: f64, b: f64| float_mod(a, b).map(repr);
        assert_eq!(m(-0.0, 5.0), Ok("0.0".to_string()));
        assert_eq!(m(0.0, -5.0), Ok("-0.0".to_string()));
        assert_eq!(m(-7.5, 2.0), Ok("0.5".to_string()));
        assert_eq!(m(1e-300, -1e300), Ok("-1e+300".to_string()));
        assert_eq!(m(-1.0, f64::INFINITY), Ok("inf".to_string()));
        assert_eq!(m(3.0, f64::NEG_INFINITY), Ok("-inf".to_string()));
        assert_eq!(m(-3.0, f64::NEG_INFINITY), Ok("-3.0".to_string()));
        assert_eq!(m(f64::NEG_INFINITY, 3.0), Ok("nan".to_string()));
        assert_eq!(m(1.0, 0.0), Err(NumError::FloatModuloByZero));
        let f = |a: f64, b: f64| float_floordiv(a, b).map(repr);
        assert_eq!(f(-7.5, 2.0), Ok("-4.0".to_string()));
        assert_eq!(f(-0.0, 1.0), Ok("-0.0".to_string()));
        assert_eq!(f(0.0, -1.0), Ok("-0.0".to_string()));
        assert_eq!(f(1.0, f64::NEG_INFINITY), Ok("-1.0".to_string()));
        assert_eq!(f(1e308, 1e-308), Ok("inf".to_string()));
        assert_eq!(f(1.0, 0.0), Err(NumError::FloatFloorDivisionByZero));
        assert_eq!(float_div(1.0, 0.0), Err(NumError::FloatDivisionByZero));
        assert_eq!(float_div(1.0, 4.0), Ok(0.25));
    }

    #[test]
    fn fmod() {
        assert_eq!(math_fmod(-7.5, 2.0), Ok(-1.5));
        assert_eq!(math_fmod(f64::INFINITY, 1.0), Err(NumError::MathDomain));
        assert_eq!(math_fmod(1.0, 0.0), Err(NumError::MathDomain));
        assert_eq!(math_fmod(1.0, f64::INFINITY), Ok(1.0));
        assert!(math_fmod(f64::NAN, 0.0).is_ok_and(f64::is_nan));
        assert_eq!(NumError::MathDomain.to_string(), "math domain error");
    }
}
