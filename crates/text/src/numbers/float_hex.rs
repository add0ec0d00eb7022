//! `float.hex()` and `float.fromhex()`.
//! Counterpart: Objects/floatobject.c (`float_hex`, `float_fromhex`) (3.11).

use num_bigint::BigUint;
use num_traits::Zero;

use super::error::NumError;
use super::float_parse::{inf_or_nan, take_sign, trim_ascii_space};
use super::to_float::scaled_to_f64;

/// `x.hex()`: `'0x1.8000000000000p+0'` for 1.5; subnormals as `'0x0.…p-1022'`, zeros as
/// `'0x0.0p+0'`, and `'inf'`, `'-inf'`, `'nan'`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (lead, exponent) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let exp_sign = if exponent < 0 { '-' } else { '+' };
    format!(
        "{sign}0x{lead}.{fraction:013x}p{exp_sign}{}",
        exponent.unsigned_abs()
    )
}

/// A run of hex digits and the rest of the input.
fn take_hex_digits(s: &[u8]) -> (&[u8], &[u8]) {
    let end = s
        .iter()
        .position(|b| !b.is_ascii_hexdigit())
        .unwrap_or(s.len());
    s.split_at(end)
}

/// `float.fromhex(s)`: `[sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits]` or
/// `inf`/`infinity`/`nan`, with ASCII whitespace around it; correctly rounded, ties to even.
/// Fails with "invalid hexadecimal floating-point string" (`ValueError`) or "hexadecimal
/// value too large to represent as a float" (`OverflowError`).
pub fn float_fromhex(s: &str) -> Result<f64, NumError> {
    let (negative, body) = take_sign(trim_ascii_space(s.as_bytes()));
    let magnitude = match inf_or_nan(body) {
        Some(special) => special,
        None => hex_magnitude(body)?,
    };
    Ok(if negative { -magnitude } else { magnitude })
}

fn hex_magnitude(body: &[u8]) -> Result<f64, NumError> {
    let body = match body {
        [b'0', b'x' | b'X', rest @ ..] => rest,
        _ => body,
    };
    let (int_digits, rest) = take_hex_digits(body);
    let (frac_digits, rest) = match rest.split_first() {
        Some((b'.', fraction)) => take_hex_digits(fraction),
        _ => (&[][..], rest),
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(NumError::InvalidHex);
    }
    let (exponent, rest) = match rest.split_first() {
        Some((b'p' | b'P', exponent)) => {
            let (exp_negative, exponent) = take_sign(exponent);
            let end = exponent
                .iter()
                .position(|b| !b.is_ascii_digit())
                .unwrap_or(exponent.len());
            if end == 0 {
                return Err(NumError::InvalidHex);
            }
            // Saturating: the mantissa has at most as many bits as the input has characters,
            // so beyond ±10**15 the result no longer depends on the exponent.
            let value = exponent[..end].iter().fold(0i64, |acc, &d| {
                (acc * 10 + i64::from(d - b'0')).min(1_000_000_000_000_000)
            });
            (if exp_negative { -value } else { value }, &exponent[end..])
        }
        _ => (0, rest),
    };
    if !rest.is_empty() {
        return Err(NumError::InvalidHex);
    }
    let digits: Vec<u8> = int_digits
        .iter()
        .chain(frac_digits)
        .map(|&b| char::from(b).to_digit(16).unwrap_or(0) as u8)
        .collect();
    let mantissa = BigUint::from_radix_be(&digits, 16).unwrap_or_default();
    if mantissa.is_zero() {
        return Ok(0.0);
    }
    let exponent = exponent - 4 * frac_digits.len() as i64;
    scaled_to_f64(&mantissa, exponent, false).ok_or(NumError::HexTooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex() {
        // Expected values printed by python3.11.
        assert_eq!(float_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_hex(0.0), "0x0.0p+0");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(
            float_hex(2.2250738585072014e-308),
            "0x1.0000000000000p-1022"
        );
        assert_eq!(float_hex(2.225073858507201e-308), "0x0.fffffffffffffp-1022");
        assert_eq!(float_hex(f64::MAX), "0x1.fffffffffffffp+1023");
        assert_eq!(float_hex(-2.5), "-0x1.4000000000000p+1");
        assert_eq!(float_hex(1e-310), "0x0.012688b70e62bp-1022");
        assert_eq!(float_hex(f64::INFINITY), "inf");
        assert_eq!(float_hex(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_hex(-f64::NAN), "nan");
    }

    #[test]
    fn fromhex() {
        let h = |s: &str| match float_fromhex(s) {
            Ok(x) => float_hex(x),
            Err(e) => e.to_string(),
        };
        let invalid = "invalid hexadecimal floating-point string";
        let too_large = "hexadecimal value too large to represent as a float";
        for (input, expected) in [
            ("0x1.8p0", "0x1.8000000000000p+0"),
            ("1.8p0", "0x1.8000000000000p+0"),
            (" 0x1.8p+0 ", "0x1.8000000000000p+0"),
            ("-0X1P-1074", "-0x0.0000000000001p-1022"),
            ("0x1p-1075", "0x0.0p+0"),
            ("0x1.8p-1075", "0x0.0000000000001p-1022"),
            ("0x1.0000000000001p-1075", "0x0.0000000000001p-1022"),
            ("0x3p-1076", "0x0.0000000000001p-1022"),
            ("0x1.fffffffffffff8p1023", too_large),
            ("0x1.fffffffffffff7ffp1023", "0x1.fffffffffffffp+1023"),
            ("0x1p1024", too_large),
            ("0x.8p1", "0x1.0000000000000p+0"),
            ("0x1.p1", "0x1.0000000000000p+1"),
            ("0x.p1", invalid),
            ("0x", invalid),
            ("", invalid),
            ("-Infinity", "-inf"),
            ("0x1p", invalid),
            ("0x1p+", invalid),
            ("1p99999999999999999999", too_large),
            ("0x0p99999999999999999999", "0x0.0p+0"),
            ("0x1p-99999999999999999999", "0x0.0p+0"),
            ("0x1_0p1", invalid),
            ("0x1.8", "0x1.8000000000000p+0"),
            ("a", "0x1.4000000000000p+3"),
            (" 1a ", "0x1.a000000000000p+4"),
            ("0x1.8p0 x", invalid),
            ("\u{3000}0x1p0", invalid),
            ("\x1c1p0", invalid),
            ("0x١p0", invalid),
            ("0x1.00000000000008p0", "0x1.0000000000000p+0"),
            ("0x1.00000000000018p0", "0x1.0000000000002p+0"),
            ("0x1.000000000000080000001p0", "0x1.0000000000001p+0"),
            ("-0x0p0", "-0x0.0p+0"),
            ("0x1.ffffffffffffffp-1023", "0x1.0000000000000p-1022"),
            ("0x1.fffffffffffff8p-1023", "0x1.0000000000000p-1022"),
            ("0xp1", invalid),
            ("- inf", invalid),
            ("0x1.8p1e", invalid),
            ("0x10000000000000000000p-80", "0x1.0000000000000p-4"),
        ] {
            assert_eq!(h(input), expected, "float.fromhex({input:?})");
        }
        assert!(float_fromhex("-nan").is_ok_and(|x| x.is_nan() && x.is_sign_negative()));
        let many = format!("0x{}1p-2000", "0".repeat(500));
        assert_eq!(float_fromhex(&many), Ok(0.0));
        let many = format!("0x{}p-4000", "f".repeat(300));
        assert_eq!(float_fromhex(&many), Ok(0.0));
        assert_eq!(
            NumError::HexTooLarge.kind(),
            crate::numbers::ExcKind::OverflowError
        );
    }
}
