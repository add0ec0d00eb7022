//! `format(value, spec)` for int, float, complex and str once the spec is parsed: the checks
//! each type makes, the presentation types, signs, prefixes, grouping and padding.
//! Counterpart: Python/formatter_unicode.c (`format_long_internal`, `format_float_internal`,
//! `format_complex_internal`, `format_string_internal`), 3.11.
//!
//! The locale is always the C locale: `n` groups nothing and uses `.` as the decimal point.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::{Signed, ToPrimitive};

use super::dtoa::{DtoaFlags, double_to_parts};
use super::layout::{GroupBy, Layout, NumberParts, layout_number, pad_str, padding, push_fill};
use super::spec::{Align, FormatError, FormatSpec, Grouping, Sign, SpecKind};

/// `format(value, spec)` for an int (`int.__format__` with a non-empty spec). The float
/// presentation types (`e E f F g G %`) convert the int to a float first.
pub fn format_int(value: &BigInt, spec: &FormatSpec) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = value.to_f64().filter(|x| x.is_finite());
            let x = x.ok_or(FormatError::IntTooLargeForFloat)?;
            format_float_typed(x, spec, Some(ty))
        }
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_int_typed(value, spec, ty),
        _ => Err(FormatError::UnknownFormatCode {
            code: ty,
            type_name: "int".into(),
        }),
    }
}

fn format_int_typed(value: &BigInt, spec: &FormatSpec, ty: char) -> Result<String, FormatError> {
    if spec.precision.is_some() {
        return Err(FormatError::IntPrecision);
    }
    if spec.no_neg_zero {
        return Err(FormatError::IntNoNegZero);
    }
    let layout = |grouping| Layout {
        fill: spec.fill_char(),
        align: spec.alignment(),
        width: spec.width,
        grouping,
    };
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::IntCharSign);
        }
        if spec.alternate {
            return Err(FormatError::IntCharAlternate);
        }
        let c = char_of(value)?;
        let text = c.to_string();
        // The character is laid out as a "remainder": never grouped, never zero-filled inside.
        let parts = NumberParts {
            sign: None,
            prefix: "",
            digits: "",
            decimal: None,
            remainder: &text,
        };
        return layout_number(&parts, &layout(None));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = match value.to_i64().map(i64::unsigned_abs) {
        // Machine-sized values (nearly all) without big-int arithmetic.
        Some(u) => match radix {
            2 => format!("{u:b}"),
            8 => format!("{u:o}"),
            16 => format!("{u:x}"),
            _ => u.to_string(),
        },
        None => value.abs().to_str_radix(radix),
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let group_size = if radix == 10 { 3 } else { 4 };
    let grouping = match (ty, spec.grouping) {
        ('n', _) | (_, None) => None,
        (_, Some(Grouping::Comma)) => Some(GroupBy { sep: ',', size: 3 }),
        (_, Some(Grouping::Underscore)) => Some(GroupBy {
            sep: '_',
            size: group_size,
        }),
    };
    let parts = NumberParts {
        sign: sign_char(value.sign() == BigSign::Minus, spec.sign),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        decimal: None,
        remainder: "",
    };
    layout_number(&parts, &layout(grouping))
}

/// The character `format(value, 'c')` stands for.
fn char_of(value: &BigInt) -> Result<char, FormatError> {
    // CPython converts to a C long first, so huge values fail with a different message.
    let n = value.to_i64().ok_or(FormatError::CharTooLarge)?;
    let cp = u32::try_from(n)
        .ok()
        .filter(|&cp| cp < 0x110000)
        .ok_or(FormatError::CharRange)?;
    char::from_u32(cp).ok_or(FormatError::Surrogate(cp))
}

fn sign_char(negative: bool, sign: Option<Sign>) -> Option<char> {
    match (negative, sign) {
        (true, _) => Some('-'),
        (false, Some(Sign::Plus)) => Some('+'),
        (false, Some(Sign::Space)) => Some(' '),
        (false, _) => None,
    }
}

/// `format(value, spec)` for a float (`float.__format__` with a non-empty spec).
pub fn format_float(value: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_typed(value, spec, spec.ty)
        }
        Some(code) => Err(FormatError::UnknownFormatCode {
            code,
            type_name: "float".into(),
        }),
    }
}

/// How a float presentation type maps onto [`double_to_parts`]: the code, the precision and
/// the flags, for `float` and the two halves of `complex` alike.
struct FloatPlan {
    code: char,
    precision: usize,
    flags: DtoaFlags,
    percent: bool,
}

fn plan_float(
    spec: &FormatSpec,
    ty: Option<char>,
    add_dot_0: bool,
) -> Result<FloatPlan, FormatError> {
    let precision = match spec.precision {
        Some(p) if p > i32::MAX as usize => return Err(FormatError::PrecisionTooBig),
        p => p,
    };
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_zero,
        ..DtoaFlags::default()
    };
    let (code, default_precision) = match ty {
        None => {
            // Like repr() without a precision, else like 'g' (with at least one digit after
            // the point for float).
            flags.add_dot_0 = add_dot_0;
            ('r', 0)
        }
        Some('n') => ('g', 6),
        Some('%') => ('f', 6),
        Some(c) => (c, 6),
    };
    let code = if code == 'r' && precision.is_some() {
        'g'
    } else {
        code
    };
    Ok(FloatPlan {
        code,
        precision: precision.unwrap_or(default_precision),
        flags,
        percent: ty == Some('%'),
    })
}

fn float_grouping(spec: &FormatSpec, ty: Option<char>) -> Option<GroupBy> {
    match (ty, spec.grouping) {
        (Some('n'), _) | (_, None) => None,
        (_, Some(Grouping::Comma)) => Some(GroupBy { sep: ',', size: 3 }),
        (_, Some(Grouping::Underscore)) => Some(GroupBy { sep: '_', size: 3 }),
    }
}

/// Splits the unsigned text of a number into its leading digits, decimal point and the rest.
fn split_number(body: &str) -> (&str, Option<char>, &str) {
    let n = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n);
    match rest.strip_prefix('.') {
        Some(after) => (digits, Some('.'), after),
        None => (digits, None, rest),
    }
}

fn format_float_typed(x: f64, spec: &FormatSpec, ty: Option<char>) -> Result<String, FormatError> {
    let plan = plan_float(spec, ty, true)?;
    let x = if plan.percent { x * 100.0 } else { x };
    let (negative, mut body) = double_to_parts(x, plan.code, plan.precision, plan.flags)?;
    if plan.percent {
        body.push('%');
    }
    let (digits, decimal, remainder) = split_number(&body);
    let parts = NumberParts {
        sign: sign_char(negative, spec.sign),
        prefix: "",
        digits,
        decimal,
        remainder,
    };
    let layout = Layout {
        fill: spec.fill_char(),
        align: spec.alignment(),
        width: spec.width,
        grouping: float_grouping(spec, ty),
    };
    layout_number(&parts, &layout)
}

/// `format(complex(re, im), spec)` (`complex.__format__` with a non-empty spec). Without a
/// presentation type it looks like `str()`: parentheses unless the real part is +0, which is
/// then left out.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::PrecisionTooBig);
    }
    if spec.fill_char() == '0' {
        return Err(FormatError::ComplexZeroPadding);
    }
    if spec.alignment() == Align::AfterSign {
        return Err(FormatError::ComplexAfterSignAlign);
    }
    let ty = spec.ty;
    if let Some(code) = ty.filter(|c| !"eEfFgGn".contains(*c)) {
        return Err(FormatError::UnknownFormatCode {
            code,
            type_name: "complex".into(),
        });
    }
    let plain = ty.is_none();
    let skip_re = plain && re == 0.0 && re.is_sign_positive();
    let parens = plain && !skip_re;
    let plan = plan_float(spec, ty, false)?;
    let grouping = float_grouping(spec, ty);
    let part = |x: f64, sign: Option<Sign>| -> Result<String, FormatError> {
        let (negative, body) = double_to_parts(x, plan.code, plan.precision, plan.flags)?;
        let (digits, decimal, remainder) = split_number(&body);
        let parts = NumberParts {
            sign: sign_char(negative, sign),
            prefix: "",
            digits,
            decimal,
            remainder,
        };
        let layout = Layout {
            fill: ' ',
            align: Align::Left,
            width: None,
            grouping,
        };
        layout_number(&parts, &layout)
    };
    let mut text = String::new();
    if parens {
        text.push('(');
    }
    if !skip_re {
        text.push_str(&part(re, spec.sign)?);
    }
    let im_sign = if skip_re { spec.sign } else { Some(Sign::Plus) };
    text.push_str(&part(im, im_sign)?);
    text.push('j');
    if parens {
        text.push(')');
    }
    let len = text.chars().count();
    pad_str(&text, len, spec.fill_char(), spec.width, spec.alignment())
}

/// `format(value, spec)` for a str (`str.__format__` with a non-empty spec): truncation to the
/// precision and padding, both counted in code points.
pub fn format_str(value: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    if spec.ty != Some('s') {
        return Err(FormatError::UnknownFormatCode {
            code: spec.ty.unwrap_or('\0'),
            type_name: "str".into(),
        });
    }
    match spec.sign {
        Some(Sign::Space) => return Err(FormatError::StrSpace),
        Some(_) => return Err(FormatError::StrSign),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(FormatError::StrNoNegZero);
    }
    if spec.alternate {
        return Err(FormatError::StrAlternate);
    }
    if spec.alignment() == Align::AfterSign {
        return Err(FormatError::StrAfterSignAlign);
    }
    let (text, len) = truncate_chars(value, spec.precision);
    pad_str(text, len, spec.fill_char(), spec.width, spec.alignment())
}

/// The first `precision` code points of `s` (all of it without a precision), and their count.
pub fn truncate_chars(s: &str, precision: Option<usize>) -> (&str, usize) {
    let limit = precision.unwrap_or(usize::MAX);
    match s.char_indices().nth(limit) {
        Some((end, _)) => (s.get(..end).unwrap_or(s), limit),
        None => (s, s.chars().count()),
    }
}

/// Pads already-formatted text to `width` code points with `fill` on the side(s) `align`
/// says — the last step of `format()` for any type, exposed for types that format their own
/// text (`=` counts as right alignment here).
pub fn pad(
    text: &str,
    fill: char,
    width: Option<usize>,
    align: Align,
) -> Result<String, FormatError> {
    let len = text.chars().count();
    let (left, right) = padding(len, width, align);
    let mut out = String::new();
    push_fill(&mut out, fill, left)?;
    out.push_str(text);
    push_fill(&mut out, fill, right)?;
    Ok(out)
}

/// The alignment `format()` uses for a kind of value when the spec gives none: numbers to the
/// right, strings to the left.
pub fn default_align(kind: SpecKind) -> Align {
    kind.default_align()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(s: &str, kind: SpecKind, name: &str) -> Result<FormatSpec, FormatError> {
        FormatSpec::parse(s, kind, name)
    }

    fn show(r: Result<String, FormatError>) -> String {
        match r {
            Ok(s) => s,
            Err(e) => format!("{:?}: {e}", e.kind()),
        }
    }

    fn int(v: &str, s: &str) -> String {
        let v: BigInt = v.parse().unwrap();
        show(spec(s, SpecKind::Int, "int").and_then(|sp| format_int(&v, &sp)))
    }

    fn float(v: f64, s: &str) -> String {
        show(spec(s, SpecKind::Float, "float").and_then(|sp| format_float(v, &sp)))
    }

    fn complex(re: f64, im: f64, s: &str) -> String {
        show(spec(s, SpecKind::Complex, "complex").and_then(|sp| format_complex(re, im, &sp)))
    }

    fn string(v: &str, s: &str) -> String {
        show(spec(s, SpecKind::Str, "str").and_then(|sp| format_str(v, &sp)))
    }

    #[test]
    fn ints() {
        // Expected strings from python3.11 `format(int(v), spec)`.
        for (v, s, want) in [
            ("1234", "06,", "01,234"),
            ("1234", "08,", "0,001,234"),
            ("1234", "x=9,", "xxxx1,234"),
            ("1234", "010_", "00_001_234"),
            ("-1234", "010,", "-0,001,234"),
            ("1234", "+010,", "+0,001,234"),
            ("0", "04,", "0,000"),
            ("255", "#x", "0xff"),
            ("255", "#X", "0XFF"),
            ("255", "#o", "0o377"),
            ("255", "#b", "0b11111111"),
            ("-255", "#x", "-0xff"),
            ("255", "#010x", "0x000000ff"),
            ("-255", "#010x", "-0x00000ff"),
            ("255", "#_b", "0b1111_1111"),
            ("1048576", "_b", "1_0000_0000_0000_0000_0000"),
            ("1048576", "#012_x", "0x0_0010_0000"),
            ("1048576", "#014_x", "0x00_0010_0000"),
            ("255", "_o", "377"),
            ("1234", "n", "1234"),
            ("-1234", "08n", "-0001234"),
            ("1234", "^+10", "  +1234   "),
            ("-1234", "*=10", "-*****1234"),
            ("1234", "*^11", "***1234****"),
            ("1234", "0^8", "00123400"),
            ("1234", "#>8x", "#####4d2"),
            ("1234", "0", "1234"),
            ("1234", "00", "1234"),
            ("1234", " d", " 1234"),
            ("-10", "-", "-10"),
            ("5", "\u{1F600}^5", "\u{1F600}\u{1F600}5\u{1F600}\u{1F600}"),
            ("5", "<<5", "5<<<<"),
            (
                "-1000000000000000000000000000000",
                "_x",
                "-c_9f2c_9cd0_4674_edea_4000_0000",
            ),
            (
                "1000000000000000000000000000000",
                ",",
                "1,000,000,000,000,000,000,000,000,000,000",
            ),
            ("0", "#b", "0b0"),
            ("65", "c", "A"),
            ("65", "^5c", "  A  "),
            ("65", "05c", "0000A"),
            ("65", "x=5c", "xxxxA"),
            ("1114111", "c", "\u{10FFFF}"),
            ("1234", "e", "1.234000e+03"),
            ("1234", "%", "123400.000000%"),
            ("1234", ",.2f", "1,234.00"),
            ("0", "z.2f", "0.00"),
            ("1", "c", "\u{1}"),
            ("1", "x", "1"),
        ] {
            assert_eq!(int(v, s), want, "format({v}, {s:?})");
        }
    }

    #[test]
    fn int_errors() {
        for (v, s, want) in [
            (
                "1",
                ".2",
                "ValueError: Precision not allowed in integer format specifier",
            ),
            (
                "1",
                "z",
                "ValueError: Negative zero coercion (z) not allowed in integer format specifier",
            ),
            (
                "1",
                "+c",
                "ValueError: Sign not allowed with integer format specifier 'c'",
            ),
            (
                "1",
                "-c",
                "ValueError: Sign not allowed with integer format specifier 'c'",
            ),
            (
                "1",
                "#c",
                "ValueError: Alternate form (#) not allowed with integer format specifier 'c'",
            ),
            (
                "1114112",
                "c",
                "OverflowError: %c arg not in range(0x110000)",
            ),
            ("-1", "c", "OverflowError: %c arg not in range(0x110000)"),
            (
                "18446744073709551616",
                "c",
                "OverflowError: Python int too large to convert to C long",
            ),
            (
                "-18446744073709551616",
                "c",
                "OverflowError: Python int too large to convert to C long",
            ),
            (
                "1",
                "s",
                "ValueError: Unknown format code 's' for object of type 'int'",
            ),
            ("5", "9223372036854775807", "MemoryError: "),
            (
                "1",
                ".9223372036854775807",
                "ValueError: Precision not allowed in integer format specifier",
            ),
        ] {
            assert_eq!(int(v, s), want, "format({v}, {s:?})");
        }
        let big = num_traits::pow(BigInt::from(2), 1024);
        let sp = spec("e", SpecKind::Int, "int").unwrap();
        assert_eq!(format_int(&big, &sp), Err(FormatError::IntTooLargeForFloat));
        let sp = spec("c", SpecKind::Int, "int").unwrap();
        assert_eq!(
            format_int(&BigInt::from(0xD800), &sp),
            Err(FormatError::Surrogate(0xD800))
        );
        let bool_spec = spec("y", SpecKind::Int, "bool").unwrap_err().to_string();
        assert_eq!(
            bool_spec,
            "Unknown format code 'y' for object of type 'bool'"
        );
    }

    #[test]
    fn floats() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        for (v, s, want) in [
            (-nan, "f", "nan"),
            (nan, "+", "+nan"),
            (-0.0, "z", "0.0"),
            (-0.0, "z.1f", "0.0"),
            (-0.0001, "z.2f", "0.00"),
            (-0.0001, "z.1%", "0.0%"),
            (-0.0001, "z.1e", "-1.0e-04"),
            (-0.4, "z.0f", "0"),
            (-0.5, "z.0f", "0"),
            (1e20, "#", "1.e+20"),
            (1.0, "#", "1.0"),
            (1.0, "#.0f", "1."),
            (1.0, "#.3", "1.00"),
            (123.0, ".3", "1.23e+02"),
            (123.0, ".2", "1.2e+02"),
            (1e16, ".17", "1e+16"),
            (1e16, ".16", "1e+16"),
            (1e15, "10", "1000000000000000.0"),
            (1.0, ".3", "1.0"),
            (1e-5, ".3", "1e-05"),
            (1234.5, "08n", "001234.5"),
            (inf, "08", "00000inf"),
            (inf, "08,", "00000inf"),
            (-inf, "=+10", "-      inf"),
            (nan, "F", "NAN"),
            (inf, "%", "inf%"),
            (1.0, "%", "100.000000%"),
            (0.5, ".0%", "50%"),
            (1234567.891, ",", "1,234,567.891"),
            (1234567.891, "_", "1_234_567.891"),
            (1234567.891, "015,.2f", "0,001,234,567.89"),
            (1234567.891, "016,.2f", "0,001,234,567.89"),
            (1234567.891, "0=20,.3e", "0,000,000,001.235e+06"),
            (1.5, "*=+10", "+******1.5"),
            (1.5, "0<10", "1.50000000"),
            (1.5, "0^10", "0001.50000"),
            (-1.5, "010", "-0000001.5"),
            (-1.5, "<010", "-1.5000000"),
            (-1.5, "x<010", "-1.5xxxxxx"),
            (0.0, ".0", "0e+00"),
            (0.0, ".3", "0.0"),
            (100.0, "#.1", "1.e+02"),
            (12.0, "#n", "12.0000"),
            (12.0, ".0n", "1e+01"),
            (1e23, ",", "1e+23"),
            (123456.0, ",g", "123,456"),
            (1234567.0, ",.10g", "1,234,567"),
            (1.0, ".2147483647", "1.0"),
            (1.0, "#.0%", "100.%"),
            (-0.0, "%", "-0.000000%"),
            (12.5, " ", " 12.5"),
        ] {
            assert_eq!(float(v, s), want, "format({v}, {s:?})");
        }
        assert_eq!(float(1.0, ".2147483648f"), "ValueError: precision too big");
        assert_eq!(
            float(1.0, "010.2147483648"),
            "ValueError: precision too big"
        );
        assert_eq!(
            float(1.5, "c"),
            "ValueError: Unknown format code 'c' for object of type 'float'"
        );
        let s = float(1e300, ",f");
        assert!(s.starts_with("1,000,000,000,000,000,052,504,760,255,204,420,248,704,468,"));
    }

    #[test]
    fn complexes() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        for (re, im, s, want) in [
            (1.0, 2.0, "10", "    (1+2j)"),
            (1.0, 2.0, "<15", "(1+2j)         "),
            (1.5, 2.0, ".2", "(1.5+2j)"),
            (1.5, 2.0, ".2f", "1.50+2.00j"),
            (-1.5, -2.0, "+.2f", "-1.50-2.00j"),
            (0.0, 1.0, "+", "+1j"),
            (0.0, 1.0, "f", "0.000000+1.000000j"),
            (-0.0, -1.0, "5", "(-0-1j)"),
            (1e20, 1.0, ",", "(1e+20+1j)"),
            (1e20, 1.0, ",.1f", "100,000,000,000,000,000,000.0+1.0j"),
            (1.0, 1.0, "E", "1.000000E+00+1.000000E+00j"),
            (1.0, 1.0, "n", "1+1j"),
            (1.0, 1.0, "#", "(1.+1.j)"),
            (1.0, 1.0, "#.0f", "1.+1.j"),
            (nan, inf, "<", "(nan+infj)"),
            (nan, -inf, "F", "NAN-INFj"),
            (-0.0, -0.0, "z", "(0+0j)"),
            (-1e-9, -1e-9, "z.1f", "0.0+0.0j"),
            (1.0, 2.0, "*^20", "*******(1+2j)*******"),
            (1.0, 2.0, " ", "( 1+2j)"),
            (0.0, 2.0, " ", " 2j"),
            (0.0, 2.0, "+.1f", "+0.0+2.0j"),
            (12345.6, 2.0, "_", "(12_345.6+2j)"),
            (1.5, 2.5, ".0f", "2+2j"),
            (1e-5, 1e16, ".3", "(1e-05+1e+16j)"),
        ] {
            assert_eq!(
                complex(re, im, s),
                want,
                "format(complex({re}, {im}), {s:?})"
            );
        }
        for (s, want) in [
            (
                "0<10",
                "ValueError: Zero padding is not allowed in complex format specifier",
            ),
            (
                "010",
                "ValueError: Zero padding is not allowed in complex format specifier",
            ),
            (
                "x=10",
                "ValueError: '=' alignment flag is not allowed in complex format specifier",
            ),
            ("010.2147483648", "ValueError: precision too big"),
            (
                "%",
                "ValueError: Unknown format code '%' for object of type 'complex'",
            ),
        ] {
            assert_eq!(complex(1.0, 2.0, s), want, "{s:?}");
        }
    }

    #[test]
    fn strings() {
        for (v, s, want) in [
            ("abc", "5", "abc  "),
            ("abc", ">5", "  abc"),
            ("abc", "^6", " abc  "),
            ("abc", ".2", "ab"),
            ("abc", ".0", ""),
            ("abc", "*^10.2", "****ab****"),
            ("héllo", ".2", "hé"),
            ("\u{1F600}x", "^5", " \u{1F600}x  "),
            ("abc", "05", "abc00"),
            ("abc", "0>5", "00abc"),
            ("", "3", "   "),
            ("abc", ".9223372036854775807", "abc"),
            (
                "abc",
                " ",
                "ValueError: Space not allowed in string format specifier",
            ),
            (
                "abc",
                "z",
                "ValueError: Negative zero coercion (z) not allowed in string format specifier",
            ),
            (
                "abc",
                "+s",
                "ValueError: Sign not allowed in string format specifier",
            ),
            (
                "abc",
                "#s",
                "ValueError: Alternate form (#) not allowed in string format specifier",
            ),
            (
                "abc",
                "+#",
                "ValueError: Sign not allowed in string format specifier",
            ),
            (
                "abc",
                "=#",
                "ValueError: Alternate form (#) not allowed in string format specifier",
            ),
            (
                "abc",
                "0=5",
                "ValueError: '=' alignment not allowed in string format specifier",
            ),
        ] {
            assert_eq!(string(v, s), want, "format({v:?}, {s:?})");
        }
        assert_eq!(truncate_chars("héllo", Some(2)), ("hé", 2));
        assert_eq!(truncate_chars("hé", Some(5)), ("hé", 2));
        assert_eq!(pad("ab", '*', Some(5), Align::Center).unwrap(), "*ab**");
        assert_eq!(default_align(SpecKind::Str), Align::Left);
        assert_eq!(default_align(SpecKind::Int), Align::Right);
    }

    /// Decodes a field of the generated table (see crates/text/tools/gen_format_cases.py).
    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('\\') {
            out.push_str(&rest[..i]);
            rest = &rest[i + 1..];
            if let Some(r) = rest.strip_prefix('\\') {
                out.push('\\');
                rest = r;
            } else {
                let end = rest.find('}').unwrap();
                let cp = u32::from_str_radix(&rest[2..end], 16).unwrap();
                out.push(char::from_u32(cp).unwrap());
                rest = &rest[end + 1..];
            }
        }
        out.push_str(rest);
        out
    }

    fn parse_float(s: &str) -> f64 {
        match s {
            "nan" => f64::NAN,
            "-nan" => -f64::NAN,
            _ => s.parse().unwrap(),
        }
    }

    #[test]
    fn generated_table_matches_python() {
        let table = include_str!("testdata/format_cases.txt");
        let mut count = 0;
        for line in table.lines() {
            let f: Vec<String> = line.split('\t').map(unescape).collect();
            let (kind, value, s, want) = (&f[0], &f[1], &f[2], &f[3]);
            let got = match kind.as_str() {
                "int" => {
                    let v: BigInt = value.parse().unwrap();
                    spec(s, SpecKind::Int, "int").and_then(|sp| format_int(&v, &sp))
                }
                "float" => spec(s, SpecKind::Float, "float")
                    .and_then(|sp| format_float(parse_float(value), &sp)),
                "complex" => {
                    let (re, im) = value.split_once(',').unwrap();
                    spec(s, SpecKind::Complex, "complex")
                        .and_then(|sp| format_complex(parse_float(re), parse_float(im), &sp))
                }
                _ => spec(s, SpecKind::Str, "str").and_then(|sp| format_str(value, &sp)),
            };
            let got = match got {
                Ok(text) => format!("ok:{text}"),
                Err(e) => format!("err:{:?}:{e}", e.kind()),
            };
            assert_eq!(&got, want, "format({kind} {value}, {s:?})");
            count += 1;
        }
        assert!(count > 5000);
    }
}
