//! Float to text in the styles `e`, `f`, `g` and `r` (repr), with CPython's flags for the
//! sign, `#`, `z` and the `.0` of integral reprs. Counterpart: Python/pystrtod.c
//! (`PyOS_double_to_string`, `format_float_short`), 3.11.
//!
//! Digits come from Rust's formatter, which is exact and rounds half to even like David Gay's
//! `dtoa` that CPython uses; shortest round-trip digits come from `rpy_marshal::repr::float_repr`.

use rpy_marshal::repr::float_repr;

use super::layout::push_fill;
use super::spec::FormatError;

/// Options of [`double_to_string`], named after CPython's `Py_DTSF_*` flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: write `+` for non-negative values.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral values get `.0`; with `g`, switch to exponent notation
    /// one digit earlier (the rule of `format(x, '.3')`).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: keep trailing zeros (`g`) and always write the decimal point.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: drop the sign of a result that reads as zero (the `z` option).
    pub no_neg_0: bool,
}

/// The largest number of significant digits a double's exact decimal expansion can need
/// (767), rounded up; asking Rust for more only adds zeros.
const MAX_SIG_DIGITS: usize = 800;
/// The largest number of fraction digits a double's exact expansion can need (1074).
const MAX_FRAC_DIGITS: usize = 1100;

/// Decimal digits without leading or trailing zeros, and the position of the decimal point:
/// the value is `0.DIGITS × 10**decpt`. Zero is `("0", 1)`.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

impl Digits {
    /// From text like `123.4500`, `0.001` or `1.25e-7` (what Rust and `float_repr` print).
    fn from_text(text: &str) -> Digits {
        let (mantissa, exp) = match text.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
            None => (text, 0),
        };
        let int_len = mantissa.find('.').unwrap_or(mantissa.len()) as i64;
        let mut digits: Vec<u8> = Vec::with_capacity(mantissa.len());
        digits.extend(mantissa.bytes().filter(u8::is_ascii_digit));
        let lead = digits.iter().take_while(|&&b| b == b'0').count();
        if lead == digits.len() {
            digits.clear();
            digits.push(b'0');
            return Digits { digits, decpt: 1 };
        }
        let trail = digits.iter().rev().take_while(|&&b| b == b'0').count();
        digits.truncate(digits.len() - trail);
        digits.drain(..lead);
        Digits {
            digits,
            decpt: int_len - lead as i64 + exp,
        }
    }

    /// `ndigits` significant digits, correctly rounded.
    fn significant(x: f64, ndigits: usize) -> Digits {
        use std::fmt::Write;
        let n = ndigits.clamp(1, MAX_SIG_DIGITS);
        // Sized up front: the formatter would otherwise grow the text a few times.
        let mut text = String::with_capacity(n + 8);
        let _ = write!(text, "{:.*e}", n - 1, x);
        Digits::from_text(&text)
    }

    /// Rounded to `ndigits` digits after the decimal point.
    fn fixed(x: f64, ndigits: usize) -> Digits {
        if let Some(d) = Digits::fixed_small(x, ndigits) {
            return d;
        }
        use std::fmt::Write;
        let n = ndigits.min(MAX_FRAC_DIGITS);
        // A double below 2**1024 has at most 309 integer digits.
        let int_digits = if x.abs() < 1e16 { 17 } else { 310 };
        let mut text = String::with_capacity(int_digits + n + 2);
        let _ = write!(text, "{:.*}", n, x);
        Digits::from_text(&text)
    }

    /// [`Digits::fixed`] in exact integer arithmetic, for a finite non-negative `x` below
    /// 2**63 and at most 19 fraction digits (nearly every `'%.2f'`): `x` is `m * 2**e`
    /// exactly, so `x * 10**ndigits` is the integer `m * 10**ndigits` shifted by `e`, rounded
    /// half to even on the bits shifted out, all within a u128. `None` outside that range.
    fn fixed_small(x: f64, ndigits: usize) -> Option<Digits> {
        const TWO_TO_63: f64 = (1u64 << 63) as f64;
        if ndigits > 19 || !(0.0..TWO_TO_63).contains(&x) {
            return None;
        }
        let bits = x.to_bits();
        let exp_bits = ((bits >> 52) & 0x7ff) as i32;
        let frac = bits & ((1u64 << 52) - 1);
        // x = m * 2**e.
        let (m, e) = if exp_bits == 0 {
            (frac, -1074)
        } else {
            (frac | (1u64 << 52), exp_bits - 1075)
        };
        let scaled = u128::from(m) * 10u128.pow(ndigits as u32);
        let q = if e >= 0 {
            // x < 2**63, so m * 2**e < 2**63 and the product stays below 2**127.
            scaled << e
        } else if e > -128 {
            let k = (-e) as u32;
            let q = scaled >> k;
            let rest = scaled & ((1u128 << k) - 1);
            let half = 1u128 << (k - 1);
            if rest > half || (rest == half && q & 1 == 1) {
                q + 1
            } else {
                q
            }
        } else {
            // x < 2**-74: x * 10**19 is far below one half.
            0
        };
        if q == 0 {
            return Some(Digits {
                digits: vec![b'0'],
                decpt: 1,
            });
        }
        let mut buf = [0u8; 40];
        let mut i = buf.len();
        let mut v = q;
        while v > 0 {
            i -= 1;
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        let text = &buf[i..];
        let decpt = text.len() as i64 - ndigits as i64;
        let end = text.len() - text.iter().rev().take_while(|&&b| b == b'0').count();
        Some(Digits {
            digits: text[..end].to_vec(),
            decpt,
        })
    }

    /// The shortest digits that read back as `x`.
    fn shortest(x: f64) -> Digits {
        Digits::from_text(&float_repr(x))
    }

    fn is_zero(&self) -> bool {
        self.digits == b"0"
    }
}

/// Formats `x` like CPython's `PyOS_double_to_string(x, code, precision, flags)`:
/// `code` is one of `e E f F g G r` (any other behaves as `r`); `precision` is ignored for `r`
/// and a `g` precision of 0 means 1. Upper-case codes give `E`, `INF` and `NAN`.
pub fn double_to_string(
    x: f64,
    code: char,
    precision: usize,
    flags: DtoaFlags,
) -> Result<String, FormatError> {
    let (negative, body) = double_to_parts(x, code, precision, flags)?;
    let mut out = String::new();
    out.try_reserve(body.len() + 1)
        .map_err(|_| FormatError::NoMemory)?;
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    out.push_str(&body);
    Ok(out)
}

/// [`double_to_string`] without the sign: whether a `-` belongs in front, and the rest.
pub(crate) fn double_to_parts(
    x: f64,
    code: char,
    precision: usize,
    flags: DtoaFlags,
) -> Result<(bool, String), FormatError> {
    let upper = code.is_ascii_uppercase();
    if x.is_nan() {
        return Ok((false, if upper { "NAN" } else { "nan" }.to_string()));
    }
    let negative = x.is_sign_negative();
    if x.is_infinite() {
        return Ok((negative, if upper { "INF" } else { "inf" }.to_string()));
    }
    let a = x.abs();
    // `vend`: how many digit positions (from the first digit) to show, padding with zeros.
    let (d, use_exp, vend) = match code.to_ascii_lowercase() {
        'e' => {
            let n = precision.saturating_add(1);
            let d = Digits::significant(a, n);
            (d, true, clamp_i64(n))
        }
        'f' => {
            let d = Digits::fixed(a, precision);
            let vend = d.decpt.saturating_add(clamp_i64(precision));
            (d, false, vend)
        }
        'g' => {
            let p = precision.max(1);
            let d = Digits::significant(a, p);
            let limit = clamp_i64(p) - i64::from(flags.add_dot_0);
            let use_exp = d.decpt <= -4 || d.decpt > limit;
            let vend = if flags.alt {
                clamp_i64(p)
            } else {
                d.digits.len() as i64
            };
            (d, use_exp, vend)
        }
        _ => {
            let d = Digits::shortest(a);
            let use_exp = d.decpt <= -4 || d.decpt > 16;
            let vend = d.digits.len() as i64;
            (d, use_exp, vend)
        }
    };
    let negative = negative && !(flags.no_neg_0 && d.is_zero());
    let body = lay_out(&d, use_exp, vend, flags, upper)?;
    Ok((negative, body))
}

fn clamp_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Writes the digit positions `vstart..vend` (counted from the first significant digit, with
/// zeros outside the real digits), the decimal point, and the exponent.
fn lay_out(
    d: &Digits,
    use_exp: bool,
    vend: i64,
    flags: DtoaFlags,
    upper: bool,
) -> Result<String, FormatError> {
    let (decpt, exp) = if use_exp {
        (1, Some(d.decpt - 1))
    } else {
        (d.decpt, None)
    };
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    let min_end = if exp.is_none() && flags.add_dot_0 {
        decpt + 1
    } else {
        decpt
    };
    let vend = vend.max(min_end);
    let len = usize::try_from(vend.saturating_sub(vstart)).unwrap_or(usize::MAX);
    let mut out = String::new();
    out.try_reserve(len.saturating_add(8))
        .map_err(|_| FormatError::NoMemory)?;
    // Runs of zeros are pushed in bulk; only the real digits are walked one by one.
    let ndigits = d.digits.len() as i64;
    let mut i = vstart;
    while i < vend {
        if i == decpt {
            out.push('.');
        }
        if i < 0 || i >= ndigits {
            // A stretch of padding zeros, up to the point or the next real digit.
            let mut stop = if i < 0 { 0.min(vend) } else { vend };
            if decpt > i && decpt < stop {
                stop = decpt;
            }
            push_fill(&mut out, '0', usize::try_from(stop - i).unwrap_or(0))?;
            i = stop;
        } else {
            out.push(char::from(d.digits[i as usize]));
            i += 1;
        }
    }
    if decpt == vend && flags.alt {
        out.push('.');
    }
    if let Some(e) = exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if e < 0 { '-' } else { '+' });
        let mag = e.unsigned_abs();
        if mag < 10 {
            out.push('0');
        }
        let _ = std::fmt::Write::write_fmt(&mut out, format_args!("{mag}"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The integer shortcut of `Digits::fixed` agrees with Rust's exact formatter on values
    /// spread over its whole range (and the ties and subnormals at its edges).
    #[test]
    fn fixed_small_matches_the_exact_formatter() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut values = vec![
            0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 5e-324, 1e-300, 2.675, 1.005,
        ];
        values.extend([9.2e18, 4503599627370496.5, 0.045, 1e-5, 123.456, 999.9995]);
        for _ in 0..20000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state >> 1);
            if x.is_finite() {
                values.push(x);
                // Also a value of everyday size with the same low bits.
                values.push((state % 100_000_000) as f64 / 1024.0);
            }
        }
        for &x in &values {
            for p in 0..=19 {
                let Some(fast) = Digits::fixed_small(x, p) else {
                    continue;
                };
                let exact = Digits::from_text(&format!("{:.*}", p, x));
                assert_eq!(
                    (fast.digits, fast.decpt),
                    (exact.digits, exact.decpt),
                    "{x:e} with {p} digits"
                );
            }
        }
    }

    fn dts(x: f64, code: char, precision: usize) -> String {
        double_to_string(x, code, precision, DtoaFlags::default()).unwrap()
    }

    fn flags(sign: bool, add_dot_0: bool, alt: bool, no_neg_0: bool) -> DtoaFlags {
        DtoaFlags {
            sign,
            add_dot_0,
            alt,
            no_neg_0,
        }
    }

    #[test]
    fn printf_styles() {
        // Expected strings from python3.11 `'%.<p><code>' % x`.
        for (x, code, p, want) in [
            (1.5, 'f', 6, "1.500000"),
            (1.5, 'e', 6, "1.500000e+00"),
            (1.5, 'E', 6, "1.500000E+00"),
            (1.5, 'g', 6, "1.5"),
            (1e-10, 'G', 6, "1E-10"),
            (f64::INFINITY, 'F', 6, "INF"),
            (f64::NAN, 'f', 6, "nan"),
            (-f64::NAN, 'f', 6, "nan"),
            (0.5, 'f', 0, "0"),
            (1.5, 'f', 0, "2"),
            (2.5, 'f', 0, "2"),
            (0.125, 'f', 2, "0.12"),
            (0.375, 'f', 2, "0.38"),
            (2.675, 'f', 2, "2.67"),
            (1e16, 'g', 6, "1e+16"),
            (123456789.0, 'g', 6, "1.23457e+08"),
            (0.1, 'g', 20, "0.10000000000000000555"),
            (0.0001234, 'g', 3, "0.000123"),
            (123.0, 'g', 0, "1e+02"),
            (-0.0, 'f', 6, "-0.000000"),
            (-0.04, 'f', 1, "-0.0"),
            (1e300, 'e', 6, "1.000000e+300"),
            (1e22, 'f', 0, "10000000000000000000000"),
            (0.1, 'e', 20, "1.00000000000000005551e-01"),
            (5e-324, 'g', 3, "4.94e-324"),
            (0.0, 'e', 6, "0.000000e+00"),
            (0.0, 'g', 6, "0"),
            (9.99, 'f', 1, "10.0"),
            (999999.5, 'g', 6, "1e+06"),
            (99999.5, 'g', 6, "99999.5"),
            (0.001, 'f', 2, "0.00"),
            (0.05, 'f', 1, "0.1"),
            (1e-5, 'g', 6, "1e-05"),
            (1e-4, 'g', 6, "0.0001"),
            (12345.678, 'g', 6, "12345.7"),
        ] {
            assert_eq!(dts(x, code, p), want, "{x} {code} {p}");
        }
    }

    #[test]
    fn repr_style() {
        for (x, want) in [
            (1.5, "1.5"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000"),
            (0.0001, "0.0001"),
            (1e-5, "1e-05"),
            (5e-324, "5e-324"),
            (1e22, "1e+22"),
            (0.0, "0"),
            (-0.0, "-0"),
            (123456789.125, "123456789.125"),
        ] {
            assert_eq!(dts(x, 'r', 0), want, "{x}");
        }
        let dot0 = flags(false, true, false, false);
        assert_eq!(
            double_to_string(1e15, 'r', 0, dot0).unwrap(),
            "1000000000000000.0"
        );
        assert_eq!(double_to_string(-0.0, 'r', 0, dot0).unwrap(), "-0.0");
        assert_eq!(double_to_string(1e16, 'r', 0, dot0).unwrap(), "1e+16");
    }

    #[test]
    fn flag_effects() {
        let alt = flags(false, false, true, false);
        assert_eq!(double_to_string(1.0, 'f', 0, alt).unwrap(), "1.");
        assert_eq!(double_to_string(1.0, 'e', 0, alt).unwrap(), "1.e+00");
        assert_eq!(double_to_string(1.0, 'g', 6, alt).unwrap(), "1.00000");
        assert_eq!(double_to_string(123.0, 'g', 0, alt).unwrap(), "1.e+02");
        assert_eq!(double_to_string(0.0, 'g', 6, alt).unwrap(), "0.00000");
        assert_eq!(double_to_string(1e20, 'r', 0, alt).unwrap(), "1.e+20");
        let dot0_alt = flags(false, true, true, false);
        assert_eq!(double_to_string(1.0, 'g', 3, dot0_alt).unwrap(), "1.00");
        assert_eq!(double_to_string(100.0, 'g', 1, dot0_alt).unwrap(), "1.e+02");
        let dot0 = flags(false, true, false, false);
        assert_eq!(double_to_string(123.0, 'g', 3, dot0).unwrap(), "1.23e+02");
        assert_eq!(double_to_string(1.0, 'g', 3, dot0).unwrap(), "1.0");
        assert_eq!(double_to_string(0.0, 'g', 1, dot0).unwrap(), "0e+00");
        assert_eq!(double_to_string(0.0, 'g', 3, dot0).unwrap(), "0.0");
        let sign = flags(true, false, false, false);
        assert_eq!(double_to_string(f64::NAN, 'f', 6, sign).unwrap(), "+nan");
        assert_eq!(double_to_string(1.0, 'e', 3, sign).unwrap(), "+1.000e+00");
        let z = flags(false, false, false, true);
        assert_eq!(double_to_string(-0.0001, 'f', 2, z).unwrap(), "0.00");
        assert_eq!(double_to_string(-0.0001, 'e', 1, z).unwrap(), "-1.0e-04");
        assert_eq!(double_to_string(-0.5, 'f', 0, z).unwrap(), "0");
        assert_eq!(double_to_string(-0.6, 'f', 0, z).unwrap(), "-1");
        assert_eq!(
            double_to_string(f64::NEG_INFINITY, 'f', 0, z).unwrap(),
            "-inf"
        );
    }

    #[test]
    fn huge_precision_pads_without_asking_for_more_digits() {
        let s = dts(0.1, 'f', 2000);
        assert_eq!(s.len(), 2002);
        assert!(s.starts_with("0.1000000000000000055511151231257827021181583404541015625000"));
        let s = dts(1.0, 'e', 1500);
        assert_eq!(s.len(), 1502 + 4);
        assert_eq!(
            dts(0.1, 'g', 1000),
            "0.1000000000000000055511151231257827021181583404541015625"
        );
        assert_eq!(dts(1.0, 'g', usize::MAX), "1");
    }
}
