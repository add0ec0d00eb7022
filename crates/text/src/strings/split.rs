//! Splitting str: `split`, `rsplit` (on whitespace or a separator, with `maxsplit`) and
//! `splitlines`.
//! Counterpart: Objects/stringlib/split.h (`split_whitespace`, `split`, `rsplit_whitespace`,
//! `rsplit`, `splitlines`) as Objects/unicodeobject.c instantiates it.

use super::ctype::{is_linebreak, is_space};
use super::error::StrError;

/// The split limit: a negative `maxsplit` means no limit.
fn limit(maxsplit: isize) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

/// `s.split(sep, maxsplit)`: on runs of whitespace when `sep` is `None` (dropping empty
/// pieces), else on each `sep`; at most `maxsplit` splits, none when it is negative.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: isize) -> Result<Vec<&'a str>, StrError> {
    match sep {
        None => Ok(split_whitespace(s, limit(maxsplit))),
        Some("") => Err(StrError::EmptySeparator),
        Some(sep) => {
            let max = limit(maxsplit);
            let mut pieces = Vec::new();
            let mut rest = s;
            while pieces.len() < max {
                let Some(at) = super::search::find_str(rest, sep) else {
                    break;
                };
                pieces.push(&rest[..at]);
                rest = &rest[at + sep.len()..];
            }
            pieces.push(rest);
            Ok(pieces)
        }
    }
}

/// `s.rsplit(sep, maxsplit)`: like [`split`] but the splits are made from the right.
pub fn rsplit<'a>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: isize,
) -> Result<Vec<&'a str>, StrError> {
    let mut pieces = match sep {
        None => rsplit_whitespace(s, limit(maxsplit)),
        Some("") => return Err(StrError::EmptySeparator),
        Some(sep) => s.rsplitn(limit(maxsplit).saturating_add(1), sep).collect(),
    };
    pieces.reverse();
    Ok(pieces)
}

/// Whitespace split: words in order; once `max` splits are made, the rest of the string
/// (leading whitespace dropped, trailing whitespace kept) is the last piece.
fn split_whitespace(s: &str, max: usize) -> Vec<&str> {
    if s.is_ascii() {
        return split_ascii_whitespace(s, max);
    }
    let mut pieces = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() {
            break;
        }
        if pieces.len() == max {
            pieces.push(rest);
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        pieces.push(&rest[..end]);
        rest = &rest[end..];
    }
    pieces
}

/// ASCII whitespace as `str.isspace` sees it: `\t`–`\r`, the separators `\x1c`–`\x1f`, space.
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ')
}

/// [`split_whitespace`] of ASCII text, a byte at a time.
fn split_ascii_whitespace(s: &str, max: usize) -> Vec<&str> {
    let b = s.as_bytes();
    let mut pieces = Vec::with_capacity(8);
    let mut i = 0;
    loop {
        while i < b.len() && is_ascii_space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        if pieces.len() == max {
            pieces.push(&s[i..]);
            break;
        }
        let start = i;
        while i < b.len() && !is_ascii_space(b[i]) {
            i += 1;
        }
        // Both ends are at ASCII bytes: char boundaries.
        pieces.push(&s[start..i]);
    }
    pieces
}

/// Whitespace split from the right; the pieces come out last first.
fn rsplit_whitespace(s: &str, max: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_end_matches(is_space);
        if rest.is_empty() {
            break;
        }
        if pieces.len() == max {
            pieces.push(rest);
            break;
        }
        let start = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| is_space(c))
            .map_or(0, |(at, c)| at + c.len_utf8());
        pieces.push(&rest[start..]);
        rest = &rest[..start];
    }
    pieces
}

/// `s.splitlines(keepends)`: lines ended by any of `\n \r \r\n \v \f \x1c \x1d \x1e \x85
/// \u2028 \u2029`, with the line ending kept when `keepends`. A final line without an ending
/// counts; there is no empty line after a final ending.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut end = at + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
            chars.next();
            end += 1;
        }
        lines.push(&s[line_start..if keepends { end } else { at }]);
        line_start = end;
    }
    if line_start < s.len() {
        lines.push(&s[line_start..]);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp<'a>(s: &'a str, sep: Option<&str>, maxsplit: isize) -> Vec<&'a str> {
        split(s, sep, maxsplit).unwrap_or_default()
    }

    fn rsp<'a>(s: &'a str, sep: Option<&str>, maxsplit: isize) -> Vec<&'a str> {
        rsplit(s, sep, maxsplit).unwrap_or_default()
    }

    #[test]
    fn whitespace() {
        // Expected values printed by python3.11.
        assert_eq!(sp("  a b  c  ", None, 1), ["a", "b  c  "]);
        assert_eq!(rsp("  a b  c  ", None, 1), ["  a b", "c"]);
        assert_eq!(sp("  a b ", None, 0), ["a b "]);
        assert_eq!(rsp("  a b ", None, 0), ["  a b"]);
        assert_eq!(sp("", None, -1), Vec::<&str>::new());
        assert_eq!(sp(" ", None, 0), Vec::<&str>::new());
        assert_eq!(sp("a\x1cb\u{85}c\u{3000}d", None, -1), ["a", "b", "c", "d"]);
        assert_eq!(rsp("a\u{3000}b c", None, -1), ["a", "b", "c"]);
        // ASCII text takes the byte scan: every ASCII space, and maxsplit.
        assert_eq!(
            sp("\ta\x0bb\x0cc\rd\x1fe\x1cf g\n", None, -1),
            ["a", "b", "c", "d", "e", "f", "g"]
        );
        assert_eq!(sp(" a  b c ", None, 2), ["a", "b", "c "]);
        assert_eq!(sp("\x1b\x7f", None, -1), ["\x1b\x7f"]);
    }

    #[test]
    fn separator() {
        assert_eq!(sp("", Some(","), -1), [""]);
        assert_eq!(sp("a,b,,c", Some(","), -1), ["a", "b", "", "c"]);
        assert_eq!(sp("a,b,c", Some(","), 1), ["a", "b,c"]);
        assert_eq!(rsp("a,b,c", Some(","), 1), ["a,b", "c"]);
        assert_eq!(sp("a,,b", Some(","), 0), ["a,,b"]);
        assert_eq!(rsp("a,,b", Some(","), -3), ["a", "", "b"]);
        assert_eq!(rsp("aaa", Some("aa"), -1), ["a", ""]);
        assert_eq!(sp("aaa", Some("aa"), -1), ["", "a"]);
        assert_eq!(split("a", Some(""), -1), Err(StrError::EmptySeparator));
        assert_eq!(rsplit("a", Some(""), -1), Err(StrError::EmptySeparator));
    }

    #[test]
    fn lines() {
        let s = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\u{85}j\u{2028}k\u{2029}l";
        assert_eq!(
            splitlines(s, false),
            ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]
        );
        assert_eq!(splitlines("a\n\nb\r\n", true), ["a\n", "\n", "b\r\n"]);
        assert_eq!(splitlines("", false), Vec::<&str>::new());
        assert_eq!(splitlines("\n", false), [""]);
        assert_eq!(splitlines("x\r", true), ["x\r"]);
        assert_eq!(splitlines("x\r\r\n", false), ["x", ""]);
    }
}
