//! The numbers shared with `Lib/re/_constants.py`: opcodes, position and category codes,
//! flags, and the character predicates and case mappings the engine applies to them.
//! Counterpart: Modules/_sre/sre_constants.h and the character macros of Modules/_sre/sre.c
//! (3.11).

use super::case_tables::{LOWER, UPPER};

/// `_sre.MAGIC`: `re._constants` refuses to run against an engine with another number.
pub const MAGIC: i64 = 20220615;
/// Bytes per code word (`_sre.CODESIZE`).
pub const CODESIZE: i64 = 4;
/// The "no upper bound" repeat count (`_sre.MAXREPEAT`).
pub const MAXREPEAT: u32 = u32::MAX;
/// The most capturing groups a pattern may have (`_sre.MAXGROUPS`).
pub const MAXGROUPS: u32 = i32::MAX as u32 / 2;

// Opcodes, in `_constants.OPCODES` order.
pub const FAILURE: u32 = 0;
pub const SUCCESS: u32 = 1;
pub const ANY: u32 = 2;
pub const ANY_ALL: u32 = 3;
pub const ASSERT: u32 = 4;
pub const ASSERT_NOT: u32 = 5;
pub const AT: u32 = 6;
pub const BRANCH: u32 = 7;
pub const CATEGORY: u32 = 8;
pub const CHARSET: u32 = 9;
pub const BIGCHARSET: u32 = 10;
pub const GROUPREF: u32 = 11;
pub const GROUPREF_EXISTS: u32 = 12;
pub const IN: u32 = 13;
pub const INFO: u32 = 14;
pub const JUMP: u32 = 15;
pub const LITERAL: u32 = 16;
pub const MARK: u32 = 17;
pub const MAX_UNTIL: u32 = 18;
pub const MIN_UNTIL: u32 = 19;
pub const NOT_LITERAL: u32 = 20;
pub const NEGATE: u32 = 21;
pub const RANGE: u32 = 22;
pub const REPEAT: u32 = 23;
pub const REPEAT_ONE: u32 = 24;
pub const SUBPATTERN: u32 = 25;
pub const MIN_REPEAT_ONE: u32 = 26;
pub const ATOMIC_GROUP: u32 = 27;
pub const POSSESSIVE_REPEAT: u32 = 28;
pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
pub const GROUPREF_IGNORE: u32 = 30;
pub const IN_IGNORE: u32 = 31;
pub const LITERAL_IGNORE: u32 = 32;
pub const NOT_LITERAL_IGNORE: u32 = 33;
pub const GROUPREF_LOC_IGNORE: u32 = 34;
pub const IN_LOC_IGNORE: u32 = 35;
pub const LITERAL_LOC_IGNORE: u32 = 36;
pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
pub const GROUPREF_UNI_IGNORE: u32 = 38;
pub const IN_UNI_IGNORE: u32 = 39;
pub const LITERAL_UNI_IGNORE: u32 = 40;
pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
pub const RANGE_UNI_IGNORE: u32 = 42;

// Positions (`AT` operands), in `_constants.ATCODES` order.
pub const AT_BEGINNING: u32 = 0;
pub const AT_BEGINNING_LINE: u32 = 1;
pub const AT_BEGINNING_STRING: u32 = 2;
pub const AT_BOUNDARY: u32 = 3;
pub const AT_NON_BOUNDARY: u32 = 4;
pub const AT_END: u32 = 5;
pub const AT_END_LINE: u32 = 6;
pub const AT_END_STRING: u32 = 7;
pub const AT_LOC_BOUNDARY: u32 = 8;
pub const AT_LOC_NON_BOUNDARY: u32 = 9;
pub const AT_UNI_BOUNDARY: u32 = 10;
pub const AT_UNI_NON_BOUNDARY: u32 = 11;

// Character categories (`CATEGORY` operands), in `_constants.CHCODES` order.
pub const CATEGORY_DIGIT: u32 = 0;
pub const CATEGORY_NOT_DIGIT: u32 = 1;
pub const CATEGORY_SPACE: u32 = 2;
pub const CATEGORY_NOT_SPACE: u32 = 3;
pub const CATEGORY_WORD: u32 = 4;
pub const CATEGORY_NOT_WORD: u32 = 5;
pub const CATEGORY_LINEBREAK: u32 = 6;
pub const CATEGORY_NOT_LINEBREAK: u32 = 7;
pub const CATEGORY_LOC_WORD: u32 = 8;
pub const CATEGORY_LOC_NOT_WORD: u32 = 9;
pub const CATEGORY_UNI_DIGIT: u32 = 10;
pub const CATEGORY_UNI_NOT_DIGIT: u32 = 11;
pub const CATEGORY_UNI_SPACE: u32 = 12;
pub const CATEGORY_UNI_NOT_SPACE: u32 = 13;
pub const CATEGORY_UNI_WORD: u32 = 14;
pub const CATEGORY_UNI_NOT_WORD: u32 = 15;
pub const CATEGORY_UNI_LINEBREAK: u32 = 16;
pub const CATEGORY_UNI_NOT_LINEBREAK: u32 = 17;

// Pattern flags.
pub const FLAG_TEMPLATE: i64 = 1;
pub const FLAG_IGNORECASE: i64 = 2;
pub const FLAG_LOCALE: i64 = 4;
pub const FLAG_MULTILINE: i64 = 8;
pub const FLAG_DOTALL: i64 = 16;
pub const FLAG_UNICODE: i64 = 32;
pub const FLAG_VERBOSE: i64 = 64;
pub const FLAG_DEBUG: i64 = 128;
pub const FLAG_ASCII: i64 = 256;

// Flags of the INFO block.
pub const INFO_PREFIX: u32 = 1;
pub const INFO_LITERAL: u32 = 2;
pub const INFO_CHARSET: u32 = 4;

/// `\d` without the UNICODE flag.
#[inline]
pub fn is_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}

/// `\s` without the UNICODE flag: ASCII whitespace.
#[inline]
pub fn is_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

/// `\w` without the UNICODE flag: ASCII letters, digits and `_`.
#[inline]
pub fn is_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

#[inline]
pub fn is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}

/// `\w` under LOCALE: `isalnum()` of the C library for one byte. Python runs with a UTF-8
/// or "C" LC_CTYPE, where that is ASCII's.
#[inline]
pub fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}

fn as_char(ch: u32) -> Option<char> {
    char::from_u32(ch)
}

#[inline]
pub fn is_uni_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_digit(ch);
    }
    as_char(ch).is_some_and(rpy_text::strings::ctype::is_decimal)
}

#[inline]
pub fn is_uni_space(ch: u32) -> bool {
    if ch < 128 {
        return matches!(ch, 9..=13 | 28..=32);
    }
    as_char(ch).is_some_and(rpy_text::strings::ctype::is_space)
}

#[inline]
pub fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_word(ch);
    }
    as_char(ch).is_some_and(rpy_text::strings::ctype::is_alnum)
}

#[inline]
pub fn is_uni_linebreak(ch: u32) -> bool {
    matches!(
        ch,
        0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029
    )
}

/// Whether `ch` belongs to category `code` (a `CATEGORY_*` number).
#[inline]
pub fn category(code: u32, ch: u32) -> bool {
    match code {
        CATEGORY_DIGIT => is_digit(ch),
        CATEGORY_NOT_DIGIT => !is_digit(ch),
        CATEGORY_SPACE => is_space(ch),
        CATEGORY_NOT_SPACE => !is_space(ch),
        CATEGORY_WORD => is_word(ch),
        CATEGORY_NOT_WORD => !is_word(ch),
        CATEGORY_LINEBREAK => is_linebreak(ch),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(ch),
        CATEGORY_LOC_WORD => is_loc_word(ch),
        CATEGORY_LOC_NOT_WORD => !is_loc_word(ch),
        CATEGORY_UNI_DIGIT => is_uni_digit(ch),
        CATEGORY_UNI_NOT_DIGIT => !is_uni_digit(ch),
        CATEGORY_UNI_SPACE => is_uni_space(ch),
        CATEGORY_UNI_NOT_SPACE => !is_uni_space(ch),
        CATEGORY_UNI_WORD => is_uni_word(ch),
        CATEGORY_UNI_NOT_WORD => !is_uni_word(ch),
        CATEGORY_UNI_LINEBREAK => is_uni_linebreak(ch),
        CATEGORY_UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => false,
    }
}

#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

#[inline]
pub fn upper_ascii(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

/// The locale's `tolower()` of one byte (see [`is_loc_word`]).
#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    upper_ascii(ch)
}

fn lookup(table: &[(u32, u32)], ch: u32) -> u32 {
    match table.binary_search_by_key(&ch, |e| e.0) {
        Ok(i) => table.get(i).map_or(ch, |e| e.1),
        Err(_) => ch,
    }
}

/// `Py_UNICODE_TOLOWER`: the first character of the full lower-case mapping.
#[inline]
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    lookup(&LOWER, ch)
}

/// `Py_UNICODE_TOUPPER`: the first character of the full upper-case mapping.
#[inline]
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_ascii(ch);
    }
    lookup(&UPPER, ch)
}

/// Whether `ch` matches the pattern character `pattern` ignoring case under LOCALE.
#[inline]
pub fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}
