//! `repr()` of the values marshal carries, exactly as CPython 3.11 prints them: shortest
//! round-trip floats, complex numbers, str and bytes escaping, containers, code objects.
//! Counterpart: Python/pystrtod.c (`PyOS_double_to_string`), Objects/unicodeobject.c
//! (`unicode_repr`), Objects/bytesobject.c, Objects/complexobject.c (3.11).

use std::fmt::Write;

use crate::unicode_printable::NON_PRINTABLE;
use crate::value::{PyStr, Value};

/// `str.isprintable()` for one code point.
pub fn is_printable(cp: u32) -> bool {
    if (0x20..0x7F).contains(&cp) {
        return true;
    }
    if cp < 0xA0 {
        return false;
    }
    NON_PRINTABLE
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_err()
}

/// Shortest round-trip digits of a finite, non-zero `x`'s magnitude and its decimal
/// exponent `e` such that |x| = 0.DIGITS × 10**e.
///
/// Like David Gay's `dtoa` mode 0 (which CPython uses): the fewest digits that read back as
/// `x` and, among those, the ones closest to `x`, ties going to even. Rust's `{:e}` gives the
/// fewest digits but may break a tie the other way (2**-25 → `…95313e-8`, CPython `…95312e-08`),
/// so the correctly rounded string of that length is preferred whenever it also reads back.
fn shortest_digits(x: f64) -> (String, i32) {
    let x = x.abs();
    let shortest = format!("{x:e}");
    let (mantissa, _) = shortest.split_once('e').expect("exponent");
    let ndigits = mantissa.chars().filter(char::is_ascii_digit).count();
    let rounded = format!("{:.*e}", ndigits - 1, x);
    let chosen = if rounded.parse::<f64>() == Ok(x) {
        rounded
    } else {
        shortest
    };
    let (mantissa, exp) = chosen.split_once('e').expect("exponent");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse::<i32>().expect("exponent") + 1)
}

/// Lays out `digits` with decimal point position `decpt` the way `format_float_short` does
/// for `repr` (`'r'`): fixed notation when -4 < decpt <= 16, otherwise exponent notation.
fn layout_repr(digits: &str, decpt: i32, add_dot_0: bool) -> String {
    let n = digits.len() as i32;
    let mut out = String::new();
    if -4 < decpt && decpt <= 16 {
        if decpt <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-decpt) as usize));
            out.push_str(digits);
        } else if decpt >= n {
            out.push_str(digits);
            out.extend(std::iter::repeat_n('0', (decpt - n) as usize));
            if add_dot_0 {
                out.push_str(".0");
            }
        } else {
            out.push_str(&digits[..decpt as usize]);
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        let _ = write!(out, "e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    }
    out
}

fn float_repr_flags(x: f64, add_dot_0: bool, always_sign: bool) -> String {
    let sign = if x.is_sign_negative() && !x.is_nan() {
        "-"
    } else if always_sign {
        "+"
    } else {
        ""
    };
    let body = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        "inf".to_string()
    } else if x == 0.0 {
        if add_dot_0 {
            "0.0".to_string()
        } else {
            "0".to_string()
        }
    } else {
        let (digits, decpt) = shortest_digits(x);
        layout_repr(&digits, decpt, add_dot_0)
    };
    format!("{sign}{body}")
}

/// `repr(float)`.
pub fn float_repr(x: f64) -> String {
    float_repr_flags(x, true, false)
}

/// `repr(complex)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", float_repr_flags(im, false, false))
    } else {
        format!(
            "({}{}j)",
            float_repr_flags(re, false, false),
            float_repr_flags(im, false, true)
        )
    }
}

/// C's `"%.{precision}g"` (used by marshal versions 0 and 1 for floats).
pub fn format_g(x: f64, precision: usize) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let p = precision.max(1);
    let sci = format!("{:.*e}", p - 1, x);
    let (mantissa, exp) = sci.split_once('e').expect("exponent");
    let exp: i32 = exp.parse().expect("exponent");
    let strip = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if exp < -4 || exp >= p as i32 {
        format!(
            "{}e{}{:02}",
            strip(mantissa),
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    } else {
        strip(&format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x))
    }
}

/// `repr(str)`.
pub fn str_repr(s: &PyStr) -> String {
    let bytes = s.as_wtf8();
    let has_single = bytes.contains(&b'\'');
    let quote = if has_single && !bytes.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push(quote);
    for cp in s.code_points() {
        match cp {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7E => out.push(cp as u8 as char),
            _ if is_printable(cp) => out.push(char::from_u32(cp).expect("printable is a char")),
            0..=0xFF => {
                let _ = write!(out, "\\x{cp:02x}");
            }
            0x100..=0xFFFF => {
                let _ = write!(out, "\\u{cp:04x}");
            }
            _ => {
                let _ = write!(out, "\\U{cp:08x}");
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7E => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// `repr(value)`. Sets print in the order python3.11 iterates them under `PYTHONHASHSEED=0`
/// when that order is reproducible, otherwise in marshal order.
pub fn repr(v: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, v, 0);
    out
}

fn write_items<'a>(out: &mut String, items: impl Iterator<Item = &'a Value>, depth: usize) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(out, item, depth + 1);
    }
}

fn write_repr(out: &mut String, v: &Value, depth: usize) {
    crate::stack::guard(depth, || write_repr_inner(out, v, depth))
}

fn write_repr_inner(out: &mut String, v: &Value, depth: usize) {
    match v {
        Value::None => out.push_str("None"),
        Value::True => out.push_str("True"),
        Value::False => out.push_str("False"),
        Value::Ellipsis => out.push_str("Ellipsis"),
        Value::StopIteration => out.push_str("<class 'StopIteration'>"),
        Value::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Long(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Float(x) => out.push_str(&float_repr(*x)),
        Value::Complex(re, im) => out.push_str(&complex_repr(*re, *im)),
        Value::Str(s) => out.push_str(&str_repr(s)),
        Value::Bytes(b) => out.push_str(&bytes_repr(b)),
        Value::Tuple(items) => {
            out.push('(');
            write_items(out, items.iter(), depth);
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Value::List(items) => {
            out.push('[');
            write_items(out, items.iter(), depth);
            out.push(']');
        }
        Value::Dict(items) => {
            out.push('{');
            for (i, (k, x)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, k, depth + 1);
                out.push_str(": ");
                write_repr(out, x, depth + 1);
            }
            out.push('}');
        }
        Value::Set(items) | Value::FrozenSet(items) => {
            let frozen = matches!(v, Value::FrozenSet(_));
            if items.is_empty() {
                out.push_str(if frozen { "frozenset()" } else { "set()" });
                return;
            }
            if frozen {
                out.push_str("frozenset(");
            }
            out.push('{');
            match crate::pyhash::set_iteration_order(items) {
                Some(order) => write_items(out, order.iter().map(|&i| &items[i]), depth),
                None => write_items(out, items.iter(), depth),
            }
            out.push('}');
            if frozen {
                out.push(')');
            }
        }
        Value::Code(c) => {
            let _ = write!(
                out,
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name,
                std::rc::Rc::as_ptr(c) as usize,
                c.filename,
                c.firstlineno
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats() {
        for (x, want) in [
            (1.5, "1.5"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-0.0, "-0.0"),
            (123456789.125, "123456789.125"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (2f64.powi(-25), "2.9802322387695312e-08"),
        ] {
            assert_eq!(float_repr(x), want);
        }
    }

    #[test]
    fn complexes() {
        assert_eq!(complex_repr(0.0, 2.0), "2j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(-0.0, -1.5), "(-0-1.5j)");
        assert_eq!(complex_repr(1.0, f64::NAN), "(1+nanj)");
        assert_eq!(complex_repr(0.0, 1e20), "1e+20j");
    }

    #[test]
    fn format_g_matches_c() {
        assert_eq!(format_g(0.1, 17), "0.10000000000000001");
        assert_eq!(format_g(1.0, 17), "1");
        assert_eq!(format_g(1e22, 17), "1e+22");
        assert_eq!(format_g(1.5e-7, 17), "1.4999999999999999e-07");
        assert_eq!(format_g(123.0, 3), "123");
    }

    #[test]
    fn strings() {
        assert_eq!(str_repr(&PyStr::new("a'b")), "\"a'b\"");
        assert_eq!(str_repr(&PyStr::new("a'b\"")), "'a\\'b\"'");
        assert_eq!(
            str_repr(&PyStr::new("\x00\n\u{7f}é\u{200b}😀")),
            "'\\x00\\n\\x7fé\\u200b😀'"
        );
        assert_eq!(
            str_repr(&PyStr::from_code_points([0xDC80, 0xE0001], false)),
            "'\\udc80\\U000e0001'"
        );
        assert_eq!(bytes_repr(b"a'\x00\xff"), "b\"a'\\x00\\xff\"");
    }

    #[test]
    fn containers() {
        let t = Value::Tuple(vec![Value::Int(1)].into());
        assert_eq!(repr(&t), "(1,)");
        let fs = Value::FrozenSet(vec![Value::Int(3), Value::Int(1), Value::Int(2)].into());
        assert_eq!(repr(&fs), "frozenset({1, 2, 3})");
    }
}
