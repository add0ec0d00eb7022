//! Trimming and padding str: `strip`, `lstrip`, `rstrip`, `removeprefix`, `removesuffix`,
//! `center`, `ljust`, `rjust`, `zfill`, `expandtabs`.
//! Counterpart: Objects/unicodeobject.c (`do_strip`, `do_argstrip`, `pad`, `unicode_center`,
//! `unicode_zfill`, `unicode_expandtabs`).
//!
//! Widths count code points. The padding functions borrow the input when it is already wide
//! enough, so that the caller can return the original object as CPython does.

use std::borrow::Cow;

use super::ctype::is_space;
use super::error::{StrError, string_with_capacity};
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

fn padded(s: &str, left: usize, right: usize, fill: char) -> Result<String, StrError> {
    let fill_bytes = (left.checked_add(right)).and_then(|n| n.checked_mul(fill.len_utf8()));
    let mut out = string_with_capacity(fill_bytes.and_then(|n| n.checked_add(s.len())))?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// `s.center(width, fill)`: `Cow::Borrowed(s)` when `s` is at least `width` long (CPython
/// then returns the same object). When the padding is odd the extra fill character goes
/// left if `width` is odd (`'ab'.center(5, '*') == '**ab*'`), right otherwise.
pub fn center<'a>(s: &'a str, width: isize, fill: char) -> Result<Cow<'a, str>, StrError> {
    let Some(pad) = shortfall(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    let left = pad / 2 + (pad & width as usize & 1);
    padded(s, left, pad - left, fill).map(Cow::Owned)
}

/// `s.ljust(width, fill)`: `Cow::Borrowed(s)` when `s` is at least `width` long.
pub fn ljust<'a>(s: &'a str, width: isize, fill: char) -> Result<Cow<'a, str>, StrError> {
    match shortfall(s, width) {
        Some(pad) => padded(s, 0, pad, fill).map(Cow::Owned),
        None => Ok(Cow::Borrowed(s)),
    }
}

/// `s.rjust(width, fill)`: `Cow::Borrowed(s)` when `s` is at least `width` long.
pub fn rjust<'a>(s: &'a str, width: isize, fill: char) -> Result<Cow<'a, str>, StrError> {
    match shortfall(s, width) {
        Some(pad) => padded(s, pad, 0, fill).map(Cow::Owned),
        None => Ok(Cow::Borrowed(s)),
    }
}

/// `s.zfill(width)`: zeros on the left, after a leading sign; `Cow::Borrowed(s)` when `s` is
/// at least `width` long.
pub fn zfill(s: &str, width: isize) -> Result<Cow<'_, str>, StrError> {
    let Some(pad) = shortfall(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    let (sign, digits) = match s.as_bytes().first() {
        Some(b'+' | b'-') => s.split_at(1),
        _ => ("", s),
    };
    let mut out = padded(digits, pad, 0, '0')?;
    out.insert_str(0, sign);
    Ok(Cow::Owned(out))
}

/// `s.expandtabs(tabsize)`: each tab replaced by spaces up to the next multiple of `tabsize`
/// columns (tabs are dropped when `tabsize <= 0`); `\n` and `\r` reset the column. Fails
/// with "new string is too long" (`OverflowError`) or `MemoryError` for absurd results.
pub fn expandtabs(s: &str, tabsize: isize) -> Result<String, StrError> {
    let size = usize::try_from(tabsize).unwrap_or(0);
    let too_long = StrError::TooLong("new string is too long");
    // First pass: the result's size, checked, so that nothing huge is ever attempted.
    let (mut column, mut spaces, mut tabs) = (0usize, 0usize, 0usize);
    for c in s.chars() {
        match c {
            '\t' => {
                tabs += 1;
                if size > 0 {
                    let width = size - column % size;
                    spaces = spaces.checked_add(width).ok_or(too_long)?;
                    column = column.checked_add(width).ok_or(too_long)?;
                }
            }
            '\n' | '\r' => column = 0,
            _ => column += 1,
        }
    }
    if spaces > isize::MAX as usize || char_len(s) - tabs > isize::MAX as usize - spaces {
        return Err(too_long);
    }
    let mut out = string_with_capacity((s.len() - tabs).checked_add(spaces))?;
    column = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let width = size - column % size;
                    out.extend(std::iter::repeat_n(' ', width));
                    column += width;
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
    Ok(out)
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
        let c = |s, w| center(s, w, '*').map(Cow::into_owned);
        assert_eq!(c("ab", 5).as_deref(), Ok("**ab*"));
        assert_eq!(c("a", 4).as_deref(), Ok("*a**"));
        assert_eq!(c("abc", 6).as_deref(), Ok("*abc**"));
        assert_eq!(c("abc", 8).as_deref(), Ok("**abc***"));
        assert_eq!(c("ab", 7).as_deref(), Ok("***ab**"));
        assert!(matches!(center("ab", 2, '*'), Ok(Cow::Borrowed("ab"))));
        assert!(matches!(center("ab", -1, '*'), Ok(Cow::Borrowed("ab"))));
        assert_eq!(ljust("é", 3, 'ß').as_deref(), Ok("éßß"));
        assert_eq!(rjust("é", 3, ' ').as_deref(), Ok("  é"));
        assert_eq!(zfill("-42", 6).as_deref(), Ok("-00042"));
        assert_eq!(zfill("+", 3).as_deref(), Ok("+00"));
        assert_eq!(zfill("", 3).as_deref(), Ok("000"));
        assert!(matches!(zfill("42", 1), Ok(Cow::Borrowed("42"))));
        assert_eq!(zfill("a-1", 5).as_deref(), Ok("00a-1"));
        // python3.11: 'a'.center(sys.maxsize) and 'a'.ljust(2**62) raise MemoryError.
        assert_eq!(center("a", isize::MAX, '*'), Err(StrError::MemoryError));
        assert_eq!(ljust("a", 1 << 62, '€'), Err(StrError::MemoryError));
        assert_eq!(zfill("a", isize::MAX), Err(StrError::MemoryError));
    }

    #[test]
    fn tabs() {
        assert_eq!(
            expandtabs("a\tb\r\tc\n\td", 4).as_deref(),
            Ok("a   b\r    c\n    d")
        );
        assert_eq!(expandtabs("a\tb", 0).as_deref(), Ok("ab"));
        assert_eq!(expandtabs("a\tb", -1).as_deref(), Ok("ab"));
        assert_eq!(expandtabs("éé\tx", 8).as_deref(), Ok("éé      x"));
        assert_eq!(
            expandtabs("\t\t", isize::MAX),
            Err(StrError::TooLong("new string is too long"))
        );
        assert_eq!(
            expandtabs("a\tb\tc", isize::MAX),
            Err(StrError::TooLong("new string is too long"))
        );
    }
}
