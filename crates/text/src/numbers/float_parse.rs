//! `float(x)` for str, bytes and bytearray: whitespace, sign, `inf`/`infinity`/`nan`,
//! underscores between digits, non-ASCII decimal digits, correctly rounded results.
//! Counterpart: Objects/floatobject.c (`PyFloat_FromString`, `float_from_string_inner`),
//! Python/pystrtod.c (`PyOS_string_to_double`, `_Py_parse_inf_or_nan`) and
//! `_Py_string_to_number_with_underscores` (3.11).
//!
//! The syntax is checked here and rewritten as a plain ASCII literal; the standard library's
//! `str::parse::<f64>`, which is correctly rounded, does the conversion.

use std::borrow::Cow;
use std::fmt;

use rpy_marshal::PyStr;
use rpy_marshal::repr::{bytes_repr, str_repr};

use super::error::ExcKind;
use super::int_parse::transform_char;

/// `float(x)` failed: "could not convert string to float: REPR". A `ValueError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FloatParseError {
    /// The argument's repr, in full.
    pub repr: String,
}

impl FloatParseError {
    /// The Python exception class: `ValueError`.
    pub fn kind(&self) -> ExcKind {
        ExcKind::ValueError
    }
}

impl fmt::Display for FloatParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not convert string to float: {}", self.repr)
    }
}

impl std::error::Error for FloatParseError {}

/// `float(s)` for a str. Leading and trailing whitespace (ASCII `" \t\n\r\v\f"` and
/// non-ASCII Unicode whitespace) is skipped and Unicode decimal digits count as ASCII ones.
pub fn parse_float(s: &str) -> Result<f64, FloatParseError> {
    let ascii: Cow<[u8]> = if s.is_ascii() {
        Cow::Borrowed(s.as_bytes())
    } else {
        Cow::Owned(s.chars().map(transform_char).collect())
    };
    parse_ascii(&ascii).ok_or_else(|| FloatParseError {
        repr: str_repr(&PyStr::new(s)),
    })
}

/// `float(b)` for bytes or bytearray (ASCII only).
pub fn parse_float_bytes(b: &[u8]) -> Result<f64, FloatParseError> {
    parse_ascii(b).ok_or_else(|| FloatParseError {
        repr: bytes_repr(b),
    })
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// Strips `Py_ISSPACE` whitespace from both ends.
pub(crate) fn trim_ascii_space(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|&b| !is_ascii_space(b))
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|&b| !is_ascii_space(b))
        .map_or(start, |i| i + 1);
    &s[start..end]
}

/// Splits off a leading `+` or `-`; true when negative.
pub(crate) fn take_sign(s: &[u8]) -> (bool, &[u8]) {
    match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, s),
    }
}

/// `inf`, `infinity` or `nan` in any case, as an unsigned value.
pub(crate) fn inf_or_nan(s: &[u8]) -> Option<f64> {
    if s.eq_ignore_ascii_case(b"inf") || s.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if s.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// Appends a run of decimal digits in which single underscores may separate digits, and
/// returns the rest; `None` if an underscore is misplaced. The run may be empty.
fn take_digits<'a>(s: &'a [u8], out: &mut String) -> Option<&'a [u8]> {
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        match b {
            b'0'..=b'9' => out.push(char::from(b)),
            b'_' => {
                let after_digit = i > 0 && s[i - 1].is_ascii_digit();
                let before_digit = s.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !(after_digit && before_digit) {
                    return None;
                }
            }
            _ => break,
        }
        i += 1;
    }
    Some(&s[i..])
}

fn parse_ascii(s: &[u8]) -> Option<f64> {
    let (negative, body) = take_sign(trim_ascii_space(s));
    let magnitude = match inf_or_nan(body) {
        Some(special) => special,
        None => {
            let mut literal = String::with_capacity(body.len() + 1);
            let rest = take_digits(body, &mut literal)?;
            let mut digits = literal.len();
            let rest = match rest.split_first() {
                Some((b'.', fraction)) => {
                    literal.push('.');
                    let before = literal.len();
                    let rest = take_digits(fraction, &mut literal)?;
                    digits += literal.len() - before;
                    rest
                }
                _ => rest,
            };
            if digits == 0 {
                return None;
            }
            let rest = match rest.split_first() {
                Some((b'e' | b'E', exponent)) => {
                    literal.push('e');
                    let (exp_negative, exponent) = take_sign(exponent);
                    if exp_negative {
                        literal.push('-');
                    }
                    let before = literal.len();
                    let rest = take_digits(exponent, &mut literal)?;
                    if literal.len() == before {
                        return None;
                    }
                    rest
                }
                _ => rest,
            };
            if !rest.is_empty() {
                return None;
            }
            literal.parse::<f64>().ok()?
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> String {
        match parse_float(s) {
            Ok(x) => rpy_marshal::repr::float_repr(x),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn accepted() {
        // Expected values printed by python3.11.
        for (input, expected) in [
            ("1.5", "1.5"),
            (" 1.5 ", "1.5"),
            ("1_000.5", "1000.5"),
            ("1e1_0", "10000000000.0"),
            (".5", "0.5"),
            ("5.", "5.0"),
            ("+1e-5", "1e-05"),
            ("-.5e+3", "-500.0"),
            ("inf", "inf"),
            ("-Infinity", "-inf"),
            ("+iNf", "inf"),
            ("nan", "nan"),
            ("-nan", "nan"),
            ("١.٥", "1.5"),
            ("\u{3000} 2.5\u{85}", "2.5"),
            ("1e500", "inf"),
            ("-1e500", "-inf"),
            ("1e-500", "0.0"),
            ("١٢١٢", "1212.0"),
            ("0_0", "0.0"),
            ("00.5", "0.5"),
            ("1_0e1_0", "100000000000.0"),
            (".5_5", "0.55"),
            ("𝟏.𝟓", "1.5"),
            ("1.2e3_4", "1.2e+34"),
            ("-0", "-0.0"),
            ("1e99999999999999999999", "inf"),
            ("0.1", "0.1"),
            ("2.2250738585072011e-308", "2.225073858507201e-308"),
        ] {
            assert_eq!(f(input), expected, "float({input:?})");
        }
        assert_eq!(f(&"12".repeat(200)), "inf");
        assert!(parse_float("-nan").is_ok_and(|x| x.is_nan() && x.is_sign_negative()));
    }

    #[test]
    fn rejected() {
        for (input, repr) in [
            ("1__0", "'1__0'"),
            ("_1", "'_1'"),
            ("1_", "'1_'"),
            ("1._5", "'1._5'"),
            ("1_.5", "'1_.5'"),
            ("1e_10", "'1e_10'"),
            ("1_e10", "'1_e10'"),
            (".", "'.'"),
            ("e5", "'e5'"),
            ("1e", "'1e'"),
            ("1e+", "'1e+'"),
            ("infinit", "'infinit'"),
            ("infinityy", "'infinityy'"),
            ("nan(1)", "'nan(1)'"),
            ("0x1p3", "'0x1p3'"),
            ("\x1c1", "'\\x1c1'"),
            ("1\x1f", "'1\\x1f'"),
            ("", "''"),
            (" ", "' '"),
            ("1.5j", "'1.5j'"),
            ("+-1", "'+-1'"),
            ("1 .5", "'1 .5'"),
            ("-_1", "'-_1'"),
            ("5_.", "'5_.'"),
            ("1e5.5", "'1e5.5'"),
            ("infinity_", "'infinity_'"),
            ("1.5\x00", "'1.5\\x00'"),
            ("٠x1", "'٠x1'"),
            ("-.e1", "'-.e1'"),
        ] {
            assert_eq!(
                f(input),
                format!("could not convert string to float: {repr}"),
                "float({input:?})"
            );
        }
        let long = "a".repeat(300);
        assert_eq!(f(&long).len(), 35 + 302);
    }

    #[test]
    fn bytes_input() {
        assert_eq!(parse_float_bytes(b" 1.5\x0b"), Ok(1.5));
        assert_eq!(parse_float_bytes(b"1_0"), Ok(10.0));
        assert_eq!(
            parse_float_bytes(b"\x1c1").map_err(|e| e.to_string()),
            Err("could not convert string to float: b'\\x1c1'".to_string())
        );
    }
}
