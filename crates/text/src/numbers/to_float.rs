//! Correctly rounded conversion of exact binary and rational values to f64: ints to float,
//! int true division, and the last step of `float.fromhex` and `round(x, n)`.
//! Counterpart: Objects/longobject.c (`PyLong_AsDouble`, `long_true_divide`) and
//! Objects/floatobject.c (`float_fromhex`) (3.11).
//!
//! Everything funnels into [`scaled_to_f64`], which rounds `m × 2**e` half-to-even to the
//! nearest double, subnormals included.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use super::error::NumError;

/// Exponent of the lowest bit of the smallest subnormal double.
const MIN_EXP: i64 = -1074;
/// Exponent of the highest bit of the largest finite double.
const MAX_EXP: i64 = 1023;

/// The double nearest to `(m + δ) × 2**e` where `0 < δ < 1` if `sticky` and `δ = 0`
/// otherwise, ties to even; `None` if it is beyond the float range. `m` must be non-zero
/// and, when `sticky`, have at least two bits below the result's lowest kept bit (so that δ
/// can only ever break a tie).
pub(crate) fn scaled_to_f64(m: &BigUint, e: i64, sticky: bool) -> Option<f64> {
    let bits = m.bits() as i64;
    // The value lies in [2**top, 2**(top + 1)).
    let top = bits - 1 + e;
    if top > MAX_EXP {
        return None;
    }
    if top < MIN_EXP - 2 {
        // Below a quarter of the smallest subnormal: rounds to zero.
        return Some(0.0);
    }
    // The lowest bit the result can keep.
    let low = (top - 52).max(MIN_EXP);
    let shift = low - e;
    let mut kept: u64 = if shift <= 0 {
        (m << (-shift) as u64).to_u64()?
    } else {
        let shift = shift as u64;
        let kept = (m >> shift).to_u64()?;
        let half = BigUint::from(1u8) << (shift - 1);
        let rest = m - ((m >> shift) << shift);
        let round_up = match rest.cmp(&half) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => sticky || kept & 1 == 1,
            std::cmp::Ordering::Less => false,
        };
        kept + u64::from(round_up)
    };
    let mut low = low;
    if kept == 1 << 53 {
        kept = 1 << 52;
        low += 1;
    }
    if low + 52 > MAX_EXP {
        return None;
    }
    // kept × 2**low with kept < 2**53: for low == MIN_EXP the bit pattern is kept itself
    // (subnormal, or the smallest normals when kept >= 2**52); each step up in low adds one
    // to the biased exponent field.
    let biased = u64::try_from(low - MIN_EXP).ok()?;
    Some(f64::from_bits((biased << 52) + kept))
}

/// `float(n)`: the nearest double, ties to even; "int too large to convert to float".
pub fn int_to_f64(n: &BigInt) -> Result<f64, NumError> {
    if let Some(small) = n.to_i64()
        && small.unsigned_abs() <= 1 << 53
    {
        return Ok(small as f64);
    }
    let magnitude = scaled_to_f64(n.magnitude(), 0, false).ok_or(NumError::IntTooLargeForFloat)?;
    Ok(if n.sign() == Sign::Minus {
        -magnitude
    } else {
        magnitude
    })
}

/// The double nearest to `num / den` (both non-zero), ties to even; `None` on overflow.
pub(crate) fn ratio_to_f64(num: &BigUint, den: &BigUint) -> Option<f64> {
    // num / den lies in [2**(diff - 1), 2**(diff + 1)), so the result keeps no bit below
    // 2**max(diff - 53, MIN_EXP): scale so that the quotient has three more, and divide
    // with a sticky bit for the remainder.
    let diff = num.bits() as i64 - den.bits() as i64;
    let e = (diff - 53).max(MIN_EXP) - 3;
    let (q, r) = if e <= 0 {
        (num << (-e) as u64).div_rem(den)
    } else {
        num.div_rem(&(den << e as u64))
    };
    if q.is_zero() {
        return Some(0.0);
    }
    scaled_to_f64(&q, e, !r.is_zero())
}

/// `a / b` on ints: the correctly rounded quotient, however large the operands
/// (`10**400 / 10**399 == 10.0`).
pub fn int_true_divide(a: &BigInt, b: &BigInt) -> Result<f64, NumError> {
    if b.is_zero() {
        return Err(NumError::DivisionByZero);
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    if a.is_zero() {
        // As the float division 0.0 / b would: 0 / -5 == -0.0.
        return Ok(if b.sign() == Sign::Minus { -0.0 } else { 0.0 });
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64())
        && x.unsigned_abs() <= 1 << 53
        && y.unsigned_abs() <= 1 << 53
    {
        // Both exact as doubles: one IEEE division rounds correctly.
        return Ok(x as f64 / y as f64);
    }
    let q = ratio_to_f64(a.magnitude(), b.magnitude()).ok_or(NumError::DivisionResultTooLarge)?;
    Ok(if negative { -q } else { q })
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::{One, Pow};

    fn big(s: &str) -> BigInt {
        s.parse().unwrap_or_default()
    }

    fn ten_pow(n: u32) -> BigInt {
        BigInt::from(10).pow(n)
    }

    fn pow2(e: u32) -> BigInt {
        BigInt::one() << e
    }

    #[test]
    fn int_to_float() {
        // Expected values printed by python3.11.
        assert_eq!(int_to_f64(&(pow2(53) + 1)), Ok(9007199254740992.0));
        assert_eq!(int_to_f64(&(-(pow2(53) + 3u8))), Ok(-9007199254740996.0));
        assert_eq!(int_to_f64(&pow2(1024)), Err(NumError::IntTooLargeForFloat));
        assert_eq!(
            int_to_f64(&(pow2(1024) - pow2(970))),
            Err(NumError::IntTooLargeForFloat)
        );
        assert_eq!(int_to_f64(&(pow2(1024) - pow2(970) - 1)), Ok(f64::MAX));
        assert_eq!(int_to_f64(&big("-5")), Ok(-5.0));
        assert_eq!(int_to_f64(&BigInt::from(10).pow(300u32)), Ok(1e300));
        assert_eq!(
            NumError::IntTooLargeForFloat.to_string(),
            "int too large to convert to float"
        );
    }

    #[test]
    fn true_division() {
        let t = |a: &BigInt, b: &BigInt| int_true_divide(a, b);
        assert_eq!(t(&ten_pow(400), &ten_pow(399)), Ok(10.0));
        assert_eq!(
            t(&pow2(2000), &BigInt::from(3)),
            Err(NumError::DivisionResultTooLarge)
        );
        assert_eq!(t(&BigInt::one(), &pow2(2000)), Ok(0.0));
        assert_eq!(t(&BigInt::one(), &pow2(1075)), Ok(0.0));
        assert_eq!(t(&BigInt::from(3), &pow2(1076)), Ok(5e-324));
        assert_eq!(t(&(-(pow2(1075) + 1u8)), &pow2(2150)), Ok(-5e-324));
        assert_eq!(
            t(&pow2(1024), &BigInt::one()),
            Err(NumError::DivisionResultTooLarge)
        );
        assert_eq!(
            t(&BigInt::from(5), &BigInt::zero()),
            Err(NumError::DivisionByZero)
        );
        let q = t(&BigInt::from(-5), &ten_pow(400));
        assert!(q.is_ok_and(|q| q == 0.0 && q.is_sign_negative()));
        assert_eq!(t(&BigInt::from(1), &BigInt::from(3)), Ok(1.0 / 3.0));
        let z = t(&BigInt::zero(), &-ten_pow(400));
        assert!(z.is_ok_and(|z| z == 0.0 && z.is_sign_negative()));
        assert!(t(&BigInt::zero(), &BigInt::from(5)).is_ok_and(|z| z.is_sign_positive()));
        assert_eq!(
            t(&(ten_pow(30) + 1), &ten_pow(30)),
            Ok(1.0),
            "just above a tie must not be rounded as one"
        );
        assert_eq!(
            NumError::DivisionResultTooLarge.to_string(),
            "integer division result too large for a float"
        );
    }
}
