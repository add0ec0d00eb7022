//! `int(x, base)` for str, bytes and bytearray: whitespace, sign, base prefixes and base-0
//! autodetection, underscores, non-ASCII decimal digits, the 3.11 digit limit, and
//! sub-quadratic conversion of long digit strings.
//! Counterpart: Objects/longobject.c (`PyLong_FromString`, `PyLong_FromUnicodeObject`,
//! `_PyLong_FromBytes`) and `_PyUnicode_TransformDecimalAndSpaceToASCII` (3.11).

use std::borrow::Cow;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;
use rpy_marshal::PyStr;
use rpy_marshal::repr::{bytes_repr, str_repr};

use super::error::ExcKind;
use crate::strings::ctype;

/// CPython 3.11's default for `sys.set_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// Why `int(x, base)` failed. All are `ValueError`s; `Display` gives CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntParseError {
    /// The base is neither 0 nor in 2..=36.
    InvalidBase,
    /// Not an integer literal in that base; `repr` is the argument's repr, cut to 200
    /// characters as CPython's `%.200R` does.
    InvalidLiteral { base: u32, repr: String },
    /// More digits than the limit (`sys.get_int_max_str_digits()`) in a base that is not a
    /// power of two.
    TooManyDigits { limit: usize, digits: usize },
}

impl IntParseError {
    /// The Python exception class: always `ValueError`.
    pub fn kind(&self) -> ExcKind {
        ExcKind::ValueError
    }
}

impl fmt::Display for IntParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntParseError::InvalidBase => f.write_str("int() base must be >= 2 and <= 36, or 0"),
            IntParseError::InvalidLiteral { base, repr } => {
                write!(f, "invalid literal for int() with base {base}: {repr}")
            }
            IntParseError::TooManyDigits { limit, digits } => write!(
                f,
                "Exceeds the limit ({limit} digits) for integer string conversion: value has \
                 {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            ),
        }
    }
}

impl std::error::Error for IntParseError {}

/// How the ASCII-level parse failed, before the argument's repr is attached.
enum Failure {
    Base,
    Literal,
    Limit(usize),
}

/// `int(s, base)` without a digit limit (as for `sys.set_int_max_str_digits(0)`).
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, IntParseError> {
    parse_int_limited(s, base, 0)
}

/// `int(s, base)` for a str, rejecting more than `max_str_digits` digits in bases that are not
/// powers of two (0 means no limit; CPython's default is [`DEFAULT_MAX_STR_DIGITS`]).
///
/// Leading and trailing whitespace is skipped (ASCII `" \t\n\r\v\f"` and non-ASCII Unicode
/// whitespace, but not `\x1c`..`\x1f`), and any Unicode decimal digit counts as its ASCII
/// twin (`int('١٢٣') == 123`).
pub fn parse_int_limited(
    s: &str,
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, IntParseError> {
    let ascii: Cow<[u8]> = if s.is_ascii() {
        Cow::Borrowed(s.as_bytes())
    } else {
        Cow::Owned(s.chars().map(transform_char).collect())
    };
    parse_ascii(&ascii, base, max_str_digits)
        .map_err(|failure| describe(failure, base, max_str_digits, || str_repr(&PyStr::new(s))))
}

/// `int(b, base)` for bytes or bytearray: like [`parse_int_limited`] but ASCII only.
pub fn parse_int_bytes(
    b: &[u8],
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, IntParseError> {
    parse_ascii(b, base, max_str_digits)
        .map_err(|failure| describe(failure, base, max_str_digits, || bytes_repr(b)))
}

/// What `_PyUnicode_TransformDecimalAndSpaceToASCII` makes of one character: ASCII as is,
/// Unicode whitespace as a space, decimal digits as ASCII digits, anything else invalid.
pub(crate) fn transform_char(c: char) -> u8 {
    if c.is_ascii() {
        return c as u8;
    }
    if ctype::is_space(c) {
        return b' ';
    }
    match ctype::decimal_value(c) {
        Some(d) => b'0' + d as u8,
        None => b'?',
    }
}

fn describe(
    failure: Failure,
    base: u32,
    limit: usize,
    repr: impl FnOnce() -> String,
) -> IntParseError {
    match failure {
        Failure::Base => IntParseError::InvalidBase,
        Failure::Limit(digits) => IntParseError::TooManyDigits { limit, digits },
        Failure::Literal => {
            let repr = repr();
            let repr = match repr.char_indices().nth(200) {
                Some((cut, _)) => repr[..cut].to_string(),
                None => repr,
            };
            IntParseError::InvalidLiteral { base, repr }
        }
    }
}

/// `Py_ISSPACE`.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// The value of an ASCII digit or letter (`a`/`A` = 10 … `z`/`Z` = 35), or 99.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 99,
    }
}

fn parse_ascii(s: &[u8], base: u32, max_str_digits: usize) -> Result<BigInt, Failure> {
    if base == 1 || base > 36 {
        return Err(Failure::Base);
    }
    let mut i = s
        .iter()
        .position(|&b| !is_ascii_space(b))
        .unwrap_or(s.len());
    let sign = match s.get(i) {
        Some(b'-') => {
            i += 1;
            Sign::Minus
        }
        Some(b'+') => {
            i += 1;
            Sign::Plus
        }
        _ => Sign::Plus,
    };
    let prefix_base = match (s.get(i), s.get(i + 1)) {
        (Some(b'0'), Some(b'x' | b'X')) => 16,
        (Some(b'0'), Some(b'o' | b'O')) => 8,
        (Some(b'0'), Some(b'b' | b'B')) => 2,
        _ => 0,
    };
    // Base 0 with a leading zero and no prefix allows only zeros ('00', '0_0', not '010').
    let mut zeros_only = false;
    let base = match base {
        0 if prefix_base != 0 => prefix_base,
        0 => {
            zeros_only = s.get(i) == Some(&b'0');
            10
        }
        _ => base,
    };
    if prefix_base == base {
        i += 2;
        // One underscore may separate the prefix from the digits.
        if s.get(i) == Some(&b'_') {
            i += 1;
        }
    }
    // The digit run: digits, each underscore between two digits.
    let mut digits: Vec<u8> = Vec::with_capacity(s.len().saturating_sub(i));
    let first = s.get(i).map_or(99, |&b| digit_value(b));
    if first >= base {
        return Err(Failure::Literal);
    }
    while let Some(&b) = s.get(i) {
        if b == b'_' {
            match s.get(i + 1) {
                Some(&next) if digit_value(next) < base => {}
                _ => return Err(Failure::Literal),
            }
        } else if digit_value(b) < base {
            digits.push(digit_value(b) as u8);
        } else {
            break;
        }
        i += 1;
    }
    if !base.is_power_of_two() && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(Failure::Limit(digits.len()));
    }
    let magnitude = digits_to_biguint(&digits, base).ok_or(Failure::Literal)?;
    if zeros_only && !magnitude.is_zero() {
        return Err(Failure::Literal);
    }
    if s[i..].iter().any(|&b| !is_ascii_space(b)) {
        return Err(Failure::Literal);
    }
    Ok(BigInt::from_biguint(sign, magnitude))
}

/// Up to this many digits, num-bigint's own (quadratic) conversion is fastest.
const LEAF_DIGITS: usize = 1024;

/// The value of big-endian digit values (each below `base`), in sub-quadratic time for long
/// inputs: `high × base**k + low` with the low part a power-of-two multiple of
/// [`LEAF_DIGITS`] long, so the powers are shared and computed once.
pub(crate) fn digits_to_biguint(digits: &[u8], base: u32) -> Option<BigUint> {
    if base.is_power_of_two() || digits.len() <= LEAF_DIGITS {
        return BigUint::from_radix_be(digits, base);
    }
    let mut powers: Vec<BigUint> = vec![BigUint::from(base).pow(LEAF_DIGITS as u32)];
    combine(digits, base, &mut powers)
}

fn combine(digits: &[u8], base: u32, powers: &mut Vec<BigUint>) -> Option<BigUint> {
    if digits.len() <= LEAF_DIGITS {
        return BigUint::from_radix_be(digits, base);
    }
    // The largest LEAF_DIGITS × 2**level below the length.
    let mut level = 0;
    while LEAF_DIGITS << (level + 1) < digits.len() {
        level += 1;
    }
    while powers.len() <= level {
        let last = powers.last()?;
        let next = last * last;
        powers.push(next);
    }
    let split = digits.len() - (LEAF_DIGITS << level);
    let high = combine(&digits[..split], base, powers)?;
    let low = combine(&digits[split..], base, powers)?;
    Some(high * powers.get(level)? + low)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str, base: u32) -> String {
        match parse_int_limited(s, base, DEFAULT_MAX_STR_DIGITS) {
            Ok(n) => n.to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn literals() {
        // Expected values printed by python3.11.
        assert_eq!(ok(" 12 ", 10), "12");
        assert_eq!(ok("-0x10", 16), "-16");
        assert_eq!(ok("0b1", 16), "177");
        assert_eq!(ok("00", 0), "0");
        assert_eq!(ok("0_0", 0), "0");
        assert_eq!(ok("1_000", 10), "1000");
        assert_eq!(ok("0x_1", 0), "1");
        assert_eq!(ok("0B_1", 0), "1");
        assert_eq!(ok("0O17", 8), "15");
        assert_eq!(ok("-0", 0), "0");
        assert_eq!(ok("z", 36), "35");
        assert_eq!(ok("Z", 36), "35");
        assert_eq!(ok("١٢٣", 10), "123");
        assert_eq!(ok("\u{3000} 12", 10), "12");
        assert_eq!(ok("12\u{85}", 10), "12");
        assert_eq!(ok("٠x10", 0), "16");
        assert_eq!(ok("0x١٠", 0), "16");
        assert_eq!(ok("１_２", 10), "12");
        assert_eq!(ok("+1", 10), "1");
    }

    #[test]
    fn invalid_literals() {
        let invalid = |s: &str, base: u32, repr: &str| {
            assert_eq!(
                ok(s, base),
                format!("invalid literal for int() with base {base}: {repr}")
            );
        };
        invalid("abc", 10, "'abc'");
        invalid("+ 1", 10, "'+ 1'");
        invalid("0x", 16, "'0x'");
        invalid("010", 0, "'010'");
        invalid("_1", 10, "'_1'");
        invalid("1__0", 10, "'1__0'");
        invalid("1_", 10, "'1_'");
        invalid("0x__1", 16, "'0x__1'");
        invalid("0_x1", 0, "'0_x1'");
        invalid("0_", 0, "'0_'");
        invalid("0b", 2, "'0b'");
        invalid("0b102", 0, "'0b102'");
        invalid("12\x1c", 10, "'12\\x1c'");
        invalid("1\x002", 10, "'1\\x002'");
        invalid("", 10, "''");
        invalid("  ", 10, "'  '");
        invalid("--1", 10, "'--1'");
        invalid("1.5", 10, "'1.5'");
        invalid("²", 10, "'²'");
        let long = "a".repeat(300);
        invalid(&long, 10, &format!("'{}", "a".repeat(199)));
        assert_eq!(ok("10", 37), "int() base must be >= 2 and <= 36, or 0");
        assert_eq!(ok("10", 1), "int() base must be >= 2 and <= 36, or 0");
    }

    #[test]
    fn bytes_literals() {
        let b = |s: &[u8]| match parse_int_bytes(s, 10, DEFAULT_MAX_STR_DIGITS) {
            Ok(n) => n.to_string(),
            Err(e) => e.to_string(),
        };
        assert_eq!(b(b" 12 "), "12");
        assert_eq!(b(b"\x0b12\x0c"), "12");
        assert_eq!(b(b"1_0"), "10");
        assert_eq!(
            b(b"\x1c12"),
            "invalid literal for int() with base 10: b'\\x1c12'"
        );
        assert_eq!(
            b(b"\xff"),
            "invalid literal for int() with base 10: b'\\xff'"
        );
    }

    #[test]
    fn digit_limit() {
        let limit = |n: usize| {
            format!(
                "Exceeds the limit (4300 digits) for integer string conversion: value has {n} \
                 digits; use sys.set_int_max_str_digits() to increase the limit"
            )
        };
        let ones = "1".repeat(5000);
        assert_eq!(ok(&ones, 10), limit(5000));
        assert_eq!(ok(&"1".repeat(4301), 10), limit(4301));
        assert!(ok(&"1".repeat(4300), 10).starts_with("1111"));
        assert_eq!(ok(&format!("{ones}x"), 10), limit(5000));
        assert_eq!(ok(&format!("{ones} x"), 10), limit(5000));
        assert!(ok(&format!("{ones}_"), 10).starts_with("invalid literal"));
        assert!(ok(&format!("x{ones}"), 10).starts_with("invalid literal"));
        assert_eq!(ok(&format!("{}1", "0".repeat(5000)), 0), limit(5001));
        assert_eq!(ok(&"١".repeat(5000), 10), limit(5000));
        assert!(!ok(&"1_".repeat(3000), 10).starts_with("Exceeds"));
        assert_eq!(ok(&format!("{}1", "1_".repeat(3000)), 10).len(), 3001);
        assert_eq!(ok(&format!("0x{ones}"), 0).len(), 6020);
        assert_eq!(ok(&ones, 36), limit(5000));
        assert_eq!(ok(&ones, 32).len(), 7525);
        assert_eq!(
            parse_int(&ones, 10).map(|n| n.to_string()),
            Ok(ones.clone())
        );
    }

    #[test]
    fn long_inputs_convert_exactly() {
        // Digit strings across the divide-and-conquer boundaries.
        for len in [1023, 1024, 1025, 2048, 2049, 5000, 12345] {
            let s: String = (0..len)
                .map(|i| char::from(b'0' + (i * 7 % 10) as u8))
                .collect();
            let expected = BigInt::parse_bytes(s.as_bytes(), 10);
            assert_eq!(parse_int(&s, 10).ok(), expected, "{len} digits");
            let expected = BigInt::parse_bytes(s.as_bytes(), 7);
            let sevens: String = s.chars().map(|c| if c > '6' { '6' } else { c }).collect();
            let expected_sevens = BigInt::parse_bytes(sevens.as_bytes(), 7);
            assert!(expected.is_none() || expected == expected_sevens);
            assert_eq!(
                parse_int(&sevens, 7).ok(),
                expected_sevens,
                "{len} base-7 digits"
            );
        }
    }
}
