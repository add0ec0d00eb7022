//! Case mapping of str: `lower`, `upper`, `casefold`, `swapcase`, `capitalize`, `title`.
//! Counterpart: Objects/unicodeobject.c (`do_lower`, `do_upper`, `do_casefold`,
//! `do_swapcase`, `do_capitalize`, `do_title`, `handle_capital_sigma`) and
//! Objects/unicodectype.c (`_PyUnicode_ToLowerFull` and friends).
//!
//! Mappings are the full ones (`'ß'.upper() == 'SS'`), read from the generated
//! [`case_tables`](super::case_tables); the one context-dependent rule, Greek final sigma, is
//! applied here.

use super::case_tables::{CASE_EXTRA, CASE_MAP, MULTI};
use super::ctype::{is_case_ignorable, is_cased, is_lower, is_upper};

#[derive(Clone, Copy)]
enum Field {
    Lower,
    Upper,
    Title,
    Fold,
}

const CAPITAL_SIGMA: char = '\u{3A3}';

/// Appends the `field` mapping of `c` to `out`.
fn push_mapped(out: &mut String, c: char, field: Field) {
    if c.is_ascii() {
        out.push(match field {
            Field::Lower | Field::Fold => c.to_ascii_lowercase(),
            Field::Upper | Field::Title => c.to_ascii_uppercase(),
        });
        return;
    }
    let cp = u32::from(c);
    let Ok(i) = CASE_MAP.binary_search_by_key(&cp, |e| e.0) else {
        out.push(c);
        return;
    };
    let Some(&(_, lower, upper, title, fold)) = CASE_MAP.get(i) else {
        out.push(c);
        return;
    };
    let code = match field {
        Field::Lower => lower,
        Field::Upper => upper,
        Field::Title => title,
        Field::Fold => fold,
    };
    if code & MULTI == 0 {
        out.push(char::from_u32(code).unwrap_or(c));
        return;
    }
    let len = ((code >> 16) & 0x7FFF) as usize;
    let offset = (code & 0xFFFF) as usize;
    match CASE_EXTRA.get(offset..offset + len) {
        Some(chars) => out.extend(chars),
        None => out.push(c),
    }
}

/// Whether the capital sigma that starts at byte `at` of `s` is word-final: preceded by a
/// cased letter and not followed by one, skipping case-ignorable characters both ways.
fn is_final_sigma(s: &str, at: usize) -> bool {
    let (before, after) = (&s[..at], &s[at + CAPITAL_SIGMA.len_utf8()..]);
    let preceded = before
        .chars()
        .rev()
        .find(|&c| !is_case_ignorable(c))
        .is_some_and(is_cased);
    preceded
        && !after
            .chars()
            .find(|&c| !is_case_ignorable(c))
            .is_some_and(is_cased)
}

/// Lower-cases the character `c` found at byte `at` of `s`, with the final-sigma rule.
fn push_lower_at(out: &mut String, s: &str, at: usize, c: char) {
    if c == CAPITAL_SIGMA {
        out.push(if is_final_sigma(s, at) {
            '\u{3C2}'
        } else {
            '\u{3C3}'
        });
    } else {
        push_mapped(out, c, Field::Lower);
    }
}

fn map_all(s: &str, field: Field) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_mapped(&mut out, c, field);
    }
    out
}

/// `str.lower()`: full lowercase mapping; a capital sigma at the end of a word becomes
/// `'ς'` (`'ΑΣ'.lower() == 'ας'`) and `'İ'` becomes `'i̇'`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (at, c) in s.char_indices() {
        push_lower_at(&mut out, s, at, c);
    }
    out
}

/// `str.upper()`: full uppercase mapping (`'ß'.upper() == 'SS'`).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    map_all(s, Field::Upper)
}

/// `str.casefold()`: full case folding (`'ß'.casefold() == 'ss'`).
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    map_all(s, Field::Fold)
}

/// `str.swapcase()`: upper-case letters lowered (final sigma included), lower-case letters
/// uppered; title-case letters such as `'ǅ'` are left alone.
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (at, c) in s.char_indices() {
        if is_upper(c) {
            push_lower_at(&mut out, s, at, c);
        } else if is_lower(c) {
            push_mapped(&mut out, c, Field::Upper);
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.capitalize()`: the first character title-cased (since 3.8, `'ǆa'` → `'ǅa'`), the
/// rest lowered.
pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (at, c) in s.char_indices() {
        if at == 0 {
            push_mapped(&mut out, c, Field::Title);
        } else {
            push_lower_at(&mut out, s, at, c);
        }
    }
    out
}

/// `str.title()`: a character after a cased one is lowered, any other is title-cased
/// (`"they're".title() == "They'Re"`).
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (at, c) in s.char_indices() {
        if previous_is_cased {
            push_lower_at(&mut out, s, at, c);
        } else {
            push_mapped(&mut out, c, Field::Title);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_mappings() {
        // Each expected value printed by python3.11.
        assert_eq!(upper("ß"), "SS");
        assert_eq!(upper("ﬃ"), "FFI");
        assert_eq!(upper("ŉ"), "ʼN");
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(casefold("ß"), "ss");
        assert_eq!(casefold("ẞ"), "ss");
        assert_eq!(lower("ẞ"), "ß");
        assert_eq!(title("ǆ"), "ǅ");
        assert_eq!(upper("ǅ"), "Ǆ");
        assert_eq!(lower("ǅ"), "ǆ");
        assert_eq!(upper("ᾳ"), "ΑΙ");
        assert_eq!(title("ᾳ"), "ᾼ");
        assert_eq!(casefold("ᾼ"), "αι");
        assert_eq!(upper("abc-DEF"), "ABC-DEF");
        assert_eq!(lower("ÀÉ"), "àé");
    }

    #[test]
    fn final_sigma() {
        assert_eq!(lower("ΑΣ"), "ας");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("ΑΣΑ"), "ασα");
        assert_eq!(lower("ΑΣ'"), "ας'");
        assert_eq!(lower("ΑΣ'Α"), "ασ'α");
        assert_eq!(lower("Α'Σ"), "α'ς");
        assert_eq!(lower("ΑΣ Α"), "ας α");
        assert_eq!(lower(" Σ"), " σ");
        assert_eq!(lower("ΣΣ"), "σς");
        assert_eq!(title("ΑΣ"), "Ας");
        assert_eq!(capitalize("ΑΣ"), "Ας");
        assert_eq!(swapcase("ΑΣ"), "ας");
        assert_eq!(casefold("ΑΣ"), "ασ");
    }

    #[test]
    fn swapcase_capitalize_title() {
        assert_eq!(swapcase("Hello World ǅ ß"), "hELLO wORLD ǅ SS");
        assert_eq!(capitalize("ǆa"), "ǅa");
        assert_eq!(capitalize("hELLO"), "Hello");
        assert_eq!(capitalize("ßx"), "Ssx");
        assert_eq!(capitalize(""), "");
        assert_eq!(title("they're bill's friends"), "They'Re Bill'S Friends");
        assert_eq!(title("ǆungla ǉ"), "ǅungla ǈ");
        assert_eq!(title("ßa"), "Ssa");
        assert_eq!(title("a1b c_d"), "A1B C_D");
        assert_eq!(title("ʰa"), "ʰa");
    }
}
