//! Printing ints: `str()`/`repr()` in base 10 with the 3.11 digit limit, `bin`/`oct`/`hex`,
//! and any base from 2 to 36.
//! Counterpart: Objects/longobject.c (`long_to_decimal_string_internal`,
//! `long_format_binary`, `_PyLong_Format`) (3.11).

use std::f64::consts::LOG10_2;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Pow;

use super::error::NumError;

/// `n` written in `base` (clamped to 2..=36) with lower-case digits and a leading `-` when
/// negative, without a prefix. num-bigint's conversion is sub-quadratic for base 10 (about
/// 8 ms for 10**5 digits).
pub fn int_to_str(n: &BigInt, base: u32) -> String {
    n.to_str_radix(base.clamp(2, 36))
}

/// `bin(n)`, `oct(n)` or `hex(n)` for `base` 2, 8 or 16 (`hex(-255) == '-0xff'`); other
/// bases are written without a prefix.
pub fn int_to_prefixed_str(n: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let digits = n.magnitude().to_str_radix(base.clamp(2, 36));
    let sign = if n.sign() == Sign::Minus { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// Whether `|n|` has more than `limit` decimal digits; `limit == 0` means no limit. Decided
/// from the bit length when it can be, by one comparison with `10**limit` otherwise.
pub fn exceeds_str_digits(n: &BigInt, limit: usize) -> bool {
    if limit == 0 {
        return false;
    }
    let bits = n.bits() as f64;
    // |n| < 2**bits = 10**(bits × log10(2)); the margin of one digit absorbs rounding.
    if bits * LOG10_2 < limit as f64 - 1.0 {
        return false;
    }
    // |n| >= 2**(bits - 1) = 10**((bits - 1) × log10(2)).
    if (bits - 1.0) * LOG10_2 > limit as f64 + 1.0 {
        return true;
    }
    let bound: BigUint = BigUint::from(10u8).pow(limit);
    *n.magnitude() >= bound
}

/// `str(n)` under `sys.set_int_max_str_digits(limit)` (0 = no limit): the error CPython
/// raises when `|n|` has more than `limit` digits.
pub fn check_str_digits(n: &BigInt, limit: usize) -> Result<(), NumError> {
    if exceeds_str_digits(n, limit) {
        Err(NumError::StrDigitsLimit { limit })
    } else {
        Ok(())
    }
}

/// `str(n)` / `repr(n)` with the digit limit applied (0 = no limit).
pub fn int_to_decimal_str(n: &BigInt, limit: usize) -> Result<String, NumError> {
    check_str_digits(n, limit)?;
    Ok(n.to_str_radix(10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::One;

    #[test]
    fn bases() {
        // Expected values printed by python3.11.
        assert_eq!(int_to_prefixed_str(&BigInt::from(-255), 16), "-0xff");
        assert_eq!(int_to_prefixed_str(&BigInt::from(-5), 2), "-0b101");
        assert_eq!(int_to_prefixed_str(&BigInt::from(8), 8), "0o10");
        assert_eq!(int_to_prefixed_str(&BigInt::from(0), 16), "0x0");
        assert_eq!(int_to_str(&BigInt::from(-35), 36), "-z");
        assert_eq!(int_to_str(&BigInt::from(12345), 10), "12345");
        assert_eq!(int_to_str(&BigInt::from(7), 1), "111");
        assert_eq!(int_to_str(&BigInt::from(35), 99), "z");
    }

    #[test]
    fn digit_limit() {
        let ten = BigInt::from(10);
        let big = Pow::pow(&ten, 4300u32);
        assert_eq!(
            int_to_decimal_str(&(&big - 1u8), 4300).map(|s| s.len()),
            Ok(4300)
        );
        assert_eq!(
            int_to_decimal_str(&(1u8 - &big), 4300).map(|s| s.len()),
            Ok(4301)
        );
        assert_eq!(
            int_to_decimal_str(&big, 4300),
            Err(NumError::StrDigitsLimit { limit: 4300 })
        );
        assert!(int_to_decimal_str(&big, 0).is_ok());
        assert!(exceeds_str_digits(&(BigInt::one() << 100_000u32), 4300));
        assert!(!exceeds_str_digits(&(BigInt::one() << 14_000u32), 4300));
        assert!(exceeds_str_digits(&(BigInt::one() << 14_300u32), 4300));
        for limit in [640, 1000, 4300] {
            for delta in [-2i64, -1, 0, 1, 2] {
                let digits = (limit as i64 + delta) as u32;
                let n = Pow::pow(&ten, digits - 1);
                assert_eq!(
                    exceeds_str_digits(&n, limit),
                    digits as usize > limit,
                    "10**{} under limit {limit}",
                    digits - 1
                );
            }
        }
    }
}
