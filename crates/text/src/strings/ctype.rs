//! Unicode character properties of one code point, as python3.11's str methods see them.
//! Counterpart: Objects/unicodectype.c (`_PyUnicode_IsWhitespace`, `_PyUnicode_IsAlpha`,
//! `_PyUnicode_ToDecimalDigit`, …) and Objects/unicodeobject.c (`Py_UNICODE_ISLINEBREAK`).
//!
//! The data is the generated [`ctype_tables`](super::ctype_tables): runs of code points with
//! equal flags, found by binary search, with an ASCII fast path in front.

use super::ctype_tables::{CTYPE_RUNS, DECIMAL_RUNS};

const SPACE: u16 = 1 << 0;
const ALPHA: u16 = 1 << 1;
const DECIMAL: u16 = 1 << 2;
const DIGIT: u16 = 1 << 3;
const NUMERIC: u16 = 1 << 4;
const UPPER: u16 = 1 << 5;
const LOWER: u16 = 1 << 6;
const TITLE: u16 = 1 << 7;
const CASED: u16 = 1 << 8;
const CASE_IGNORABLE: u16 = 1 << 9;
const XID_START: u16 = 1 << 10;
const XID_CONTINUE: u16 = 1 << 11;

/// The flags of one code point.
fn flags(c: char) -> u16 {
    let cp = u32::from(c);
    // The run containing cp is the last one starting at or before it; the first run starts
    // at 0, so there always is one.
    let i = CTYPE_RUNS.partition_point(|&(start, _)| start <= cp);
    match i.checked_sub(1).and_then(|i| CTYPE_RUNS.get(i)) {
        Some(&(_, f)) => f,
        None => 0,
    }
}

/// `chr(c).isspace()`: Unicode White_Space as CPython defines it (bidirectional class WS, B
/// or S, or category Zs), which includes `\x1c`..`\x1f` and `\x85` but not `\u200b`.
pub fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t'..='\r' | '\x1c'..='\x1f' => true,
        _ if c.is_ascii() => false,
        _ => flags(c) & SPACE != 0,
    }
}

/// `chr(c).isalpha()`: categories Lm, Lt, Lu, Ll and Lo.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    flags(c) & ALPHA != 0
}

/// `chr(c).isdecimal()`: the character has a decimal digit value (category Nd).
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    flags(c) & DECIMAL != 0
}

/// `chr(c).isdigit()`: the character has a digit value (decimals, superscripts, …).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    flags(c) & DIGIT != 0
}

/// `chr(c).isnumeric()`: the character has a numeric value (digits, fractions, numerals, …).
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    flags(c) & NUMERIC != 0
}

/// `chr(c).isalnum()`: alpha, decimal, digit or numeric.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    flags(c) & (ALPHA | DECIMAL | DIGIT | NUMERIC) != 0
}

/// `chr(c).isupper()`: category Lu or Other_Uppercase.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    flags(c) & UPPER != 0
}

/// `chr(c).islower()`: category Ll or Other_Lowercase.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    flags(c) & LOWER != 0
}

/// Title-case letter (category Lt, e.g. `'ǅ'`).
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && flags(c) & TITLE != 0
}

/// Unicode Cased: what `str.title()` and the final-sigma rule treat as a letter with case.
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    flags(c) & CASED != 0
}

/// Unicode Case_Ignorable: skipped when the final-sigma rule looks for cased neighbours.
pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    flags(c) & CASE_IGNORABLE != 0
}

/// May start an identifier: XID_Start or `_`.
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    flags(c) & XID_START != 0
}

/// May continue an identifier: XID_Continue (which includes `_` and the digits).
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    flags(c) & XID_CONTINUE != 0
}

/// `chr(c).isprintable()`: what `repr()` leaves unescaped.
pub fn is_printable(c: char) -> bool {
    rpy_marshal::repr::is_printable(u32::from(c))
}

/// A line boundary for `str.splitlines()`: `\n \v \f \r \x1c \x1d \x1e \x85 \u2028 \u2029`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `unicodedata.decimal(c)`: the value of a decimal digit (what `int()` and `float()` accept
/// in place of `0`..`9`), or `None`.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = u32::from(c);
    let i = DECIMAL_RUNS.partition_point(|&(first, _, _)| first <= cp);
    let &(first, last, value) = DECIMAL_RUNS.get(i.checked_sub(1)?)?;
    (cp <= last).then(|| u32::from(value) + (cp - first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_matches_python() {
        // python3.11: [hex(c) for c in range(0x110000) if chr(c).isspace()]
        let expected: Vec<u32> = vec![
            0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000,
            0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
            0x2029, 0x202f, 0x205f, 0x3000,
        ];
        let got: Vec<u32> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_space(c))
            .map(u32::from)
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn single_character_properties() {
        // python3.11: c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric()
        assert!(is_alpha('ª') && is_alpha('ǅ') && !is_alpha('²') && !is_alpha('_'));
        assert!(is_decimal('٣') && !is_decimal('²') && is_digit('²') && !is_digit('½'));
        assert!(is_numeric('½') && is_numeric('Ⅻ') && is_numeric('〇') && !is_numeric('a'));
        assert!(is_alnum('½') && is_alnum('ª') && !is_alnum('-'));
        // 'Ⅰ'.isupper() is True (Other_Uppercase); 'ͅ'.islower() is True; 'ǅ' is neither.
        assert!(is_upper('Ⅰ') && is_lower('\u{345}') && is_lower('ª'));
        assert!(!is_upper('ǅ') && !is_lower('ǅ') && is_title('ǅ') && is_title('ᾼ'));
        assert!(is_cased('\u{345}') && is_case_ignorable('\u{345}') && is_case_ignorable('·'));
        assert!(is_case_ignorable('\'') && !is_cased('\'') && !is_case_ignorable('a'));
        assert!(is_xid_start('ª') && !is_xid_start('·') && is_xid_continue('·'));
        // '℘'.isidentifier() is True (Other_ID_Start).
        assert!(is_xid_start('℘'));
    }

    #[test]
    fn decimal_values() {
        // python3.11: unicodedata.decimal('٣') == 3, unicodedata.decimal('𝟗') == 9
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('\u{1D7D7}'), Some(9));
        assert_eq!(decimal_value('²'), None);
        assert_eq!(decimal_value('a'), None);
        let count = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| decimal_value(c).is_some())
            .count();
        // python3.11: sum(chr(c).isdecimal() for c in range(0x110000))
        assert_eq!(count, 660);
    }

    #[test]
    fn linebreaks() {
        let got: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_linebreak(c))
            .collect();
        assert_eq!(got.len(), 10);
    }
}
