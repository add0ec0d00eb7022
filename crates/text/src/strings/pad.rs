//! Trimming and padding str: `strip`, `lstrip`, `rstrip`, `removeprefix`, `removesuffix`,
//! `center`, `ljust`, `rjust`, `zfill`, `expandtabs`.
//! Counterpart: Objects/unicodeobject.c (`do_strip`, `do_argstrip`, `pad`, `unicode_center`,
//! `unicode_zfill`, `unicode_expandtabs`).
//!
//! Widths count code points. The padding functions return `None` when the string is already
//! wide enough, so that the caller can return the original object as CPython does.

use super::ctype::is_space;
use super::index::char_len;

/// `s.strip(chars)`: leading and trailing characters removed — Python whitespace when
/// `chars` is `None`, else any character of `chars`.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`: like [`strip`] at the start only.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// `s.rstrip(chars)`: like [`strip`] at the end only.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

/// The number of fill characters needed to widen `s` to `width`, if any.
fn shortfall(s: &str, width: isize) -> Option<usize> {
    let width = usize::try_from(width).ok()?;
    let len = char_len(s);
    (width > len).then(|| width - len)
}

fn padded(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `s.center(width, fill)`; `None` when `s` is at least `width` long. When the padding is
/// odd the extra fill character goes left if `width` is odd (`'ab'.center(5, '*') ==
/// '**ab*'`), right otherwise.
pub fn center(s: &str, width: isize, fill: char) -> Option<String> {
    let pad = shortfall(s, width)?;
    let left = pad / 2 + (pad & width as usize & 1);
    Some(padded(s, left, pad - left, fill))
}

/// `s.ljust(width, fill)`; `None` when `s` is at least `width` long.
pub fn ljust(s: &str, width: isize, fill: char) -> Option<String> {
    let pad = shortfall(s, width)?;
    Some(padded(s, 0, pad, fill))
}

/// `s.rjust(width, fill)`; `None` when `s` is at least `width` long.
pub fn rjust(s: &str, width: isize, fill: char) -> Option<String> {
    let pad = shortfall(s, width)?;
    Some(padded(s, pad, 0, fill))
}

/// `s.zfill(width)`: zeros on the left, after a leading sign; `None` when `s` is at least
/// `width` long.
pub fn zfill(s: &str, width: isize) -> Option<String> {
    let pad = shortfall(s, width)?;
    let (sign, digits) = match s.as_bytes().first() {
        Some(b'+' | b'-') => s.split_at(1),
        _ => ("", s),
    };
    let mut out = String::with_capacity(s.len() + pad);
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', pad));
    out.push_str(digits);
    Some(out)
}

/// `s.expandtabs(tabsize)`: each tab replaced by spaces up to the next multiple of `tabsize`
/// columns (tabs are dropped when `tabsize <= 0`); `\n` and `\r` reset the column.
pub fn expandtabs(s: &str, tabsize: isize) -> String {
    let mut out = String::with_capacity(s.len());
    let mut column = 0usize;
    for c in s.chars() {
        match c {
            '\t' => {
                if let Ok(size) = usize::try_from(tabsize)
                    && size > 0
                {
                    let spaces = size - column % size;
                    out.extend(std::iter::repeat_n(' ', spaces));
                    column += spaces;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripping() {
        // Expected values printed by python3.11.
        assert_eq!(strip("  ab  ", None), "ab");
        assert_eq!(strip("xyabyx", Some("xy")), "ab");
        assert_eq!(lstrip("xyabyx", Some("yx")), "abyx");
        assert_eq!(rstrip("xyabyx", Some("xy")), "xyab");
        assert_eq!(strip("\x1c a\u{85}", None), "a");
        assert_eq!(strip("\u{200b}a", None), "\u{200b}a");
        assert_eq!(strip("ééaé", Some("é")), "a");
        assert_eq!(strip("abc", Some("")), "abc");
        assert_eq!(removeprefix("abc", "ab"), "c");
        assert_eq!(removesuffix("abc", "x"), "abc");
    }

    #[test]
    fn padding() {
        let c = |s, w| center(s, w, '*').unwrap_or_default();
        assert_eq!(c("ab", 5), "**ab*");
        assert_eq!(c("a", 4), "*a**");
        assert_eq!(c("abc", 6), "*abc**");
        assert_eq!(c("abc", 8), "**abc***");
        assert_eq!(c("ab", 7), "***ab**");
        assert_eq!(center("ab", 2, '*'), None);
        assert_eq!(center("ab", -1, '*'), None);
        assert_eq!(ljust("é", 3, 'ß').as_deref(), Some("éßß"));
        assert_eq!(rjust("é", 3, ' ').as_deref(), Some("  é"));
        assert_eq!(zfill("-42", 6).as_deref(), Some("-00042"));
        assert_eq!(zfill("+", 3).as_deref(), Some("+00"));
        assert_eq!(zfill("", 3).as_deref(), Some("000"));
        assert_eq!(zfill("42", 1), None);
        assert_eq!(zfill("a-1", 5).as_deref(), Some("00a-1"));
    }

    #[test]
    fn tabs() {
        assert_eq!(expandtabs("a\tb\r\tc\n\td", 4), "a   b\r    c\n    d");
        assert_eq!(expandtabs("a\tb", 0), "ab");
        assert_eq!(expandtabs("a\tb", -1), "ab");
        assert_eq!(expandtabs("éé\tx", 8), "éé      x");
    }
}
