//! The bytes and bytearray methods that differ from str's: ASCII-only predicates and case
//! mapping, whitespace `b' \t\n\r\x0b\x0c'`, line ends `\n \r \r\n` only, and byte indices.
//! Counterpart: Objects/bytes_methods.c (`_Py_bytes_isspace`, `_Py_bytes_lower`,
//! `_Py_bytes_find`, `_Py_bytes_tailmatch`, …), Objects/bytesobject.c and
//! Objects/stringlib (split.h, partition.h, transmogrify.h).

use super::index::adjust_indices;
use std::borrow::Cow;

use super::error::{StrError, bytes_with_capacity};

/// `Py_ISSPACE`: the ASCII whitespace of bytes methods (no `\x1c`..`\x1f`, unlike str).
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn all_nonempty(b: &[u8], pred: impl Fn(&u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(pred)
}

/// `b.isspace()`.
pub fn isspace(b: &[u8]) -> bool {
    all_nonempty(b, |&c| is_space(c))
}

/// `b.isalpha()`.
pub fn isalpha(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_alphabetic)
}

/// `b.isalnum()`.
pub fn isalnum(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_alphanumeric)
}

/// `b.isdigit()`.
pub fn isdigit(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_digit)
}

/// `b.isascii()`: true for empty bytes too.
pub fn isascii(b: &[u8]) -> bool {
    b.is_ascii()
}

/// `b.isupper()`: some upper-case ASCII letter and no lower-case one.
pub fn isupper(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
}

/// `b.islower()`: some lower-case ASCII letter and no upper-case one.
pub fn islower(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
}

/// `b.istitle()`: some letter; upper-case letters only after non-letters, lower-case ones
/// only after letters.
pub fn istitle(b: &[u8]) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for &c in b {
        if c.is_ascii_uppercase() {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `b.lower()`.
pub fn lower(b: &[u8]) -> Vec<u8> {
    b.to_ascii_lowercase()
}

/// `b.upper()`.
pub fn upper(b: &[u8]) -> Vec<u8> {
    b.to_ascii_uppercase()
}

/// `b.swapcase()`.
pub fn swapcase(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|&c| if c.is_ascii_alphabetic() { c ^ 0x20 } else { c })
        .collect()
}

/// `b.capitalize()`: the first byte upper-cased, the rest lowered.
pub fn capitalize(b: &[u8]) -> Vec<u8> {
    let mut out = b.to_ascii_lowercase();
    if let Some(first) = out.first_mut() {
        first.make_ascii_uppercase();
    }
    out
}

/// `b.title()`: letters after letters lowered, other letters upper-cased.
pub fn title(b: &[u8]) -> Vec<u8> {
    let mut previous_is_cased = false;
    b.iter()
        .map(|&c| {
            let out = if previous_is_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            previous_is_cased = c.is_ascii_alphabetic();
            out
        })
        .collect()
}

/// The first index of `needle` in `hay` (Horspool's skip loop; `needle` non-empty).
fn find_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let n = needle.len();
    let (&last, init) = needle.split_last()?;
    if n == 1 {
        return hay.iter().position(|&c| c == last);
    }
    if n > hay.len() {
        return None;
    }
    let mut skip = [n; 256];
    for (i, &c) in init.iter().enumerate() {
        skip[usize::from(c)] = n - 1 - i;
    }
    let mut at = 0;
    while at + n <= hay.len() {
        let c = hay[at + n - 1];
        if c == last && hay[at..at + n - 1] == *init {
            return Some(at);
        }
        at += skip[usize::from(c)];
    }
    None
}

/// The last index of `needle` in `hay` (Horspool's skip loop run backwards).
fn rfind_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let n = needle.len();
    let (&first, tail) = needle.split_first()?;
    if n == 1 {
        return hay.iter().rposition(|&c| c == first);
    }
    if n > hay.len() {
        return None;
    }
    let mut skip = [n; 256];
    for (i, &c) in tail.iter().enumerate().rev() {
        skip[usize::from(c)] = i + 1;
    }
    let mut at = hay.len() - n;
    loop {
        let c = hay[at];
        if c == first && hay[at + 1..at + n] == *tail {
            return Some(at);
        }
        at = at.checked_sub(skip[usize::from(c)])?;
    }
}

/// The part of `b` that `start`/`end` select and its offset, or `None` when `start > end`.
fn window(b: &[u8], start: Option<isize>, end: Option<isize>) -> Option<(&[u8], usize)> {
    let (start, end) = adjust_indices(start, end, b.len());
    b.get(start..end).map(|w| (w, start))
}

/// `b.find(sub, start, end)`: the lowest index of `sub` in `b[start:end]`, or `None`.
pub fn find(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> Option<usize> {
    let (w, offset) = window(b, start, end)?;
    if sub.is_empty() {
        return Some(offset);
    }
    find_in(w, sub).map(|at| offset + at)
}

/// `b.rfind(sub, start, end)`: the highest such index, or `None`.
pub fn rfind(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> Option<usize> {
    let (w, offset) = window(b, start, end)?;
    if sub.is_empty() {
        return Some(offset + w.len());
    }
    rfind_in(w, sub).map(|at| offset + at)
}

/// `b.index(sub, start, end)`: like [`find`], failing with "subsection not found".
pub fn index(
    b: &[u8],
    sub: &[u8],
    start: Option<isize>,
    end: Option<isize>,
) -> Result<usize, StrError> {
    find(b, sub, start, end).ok_or(StrError::SubsectionNotFound)
}

/// `b.rindex(sub, start, end)`: like [`rfind`], failing with "subsection not found".
pub fn rindex(
    b: &[u8],
    sub: &[u8],
    start: Option<isize>,
    end: Option<isize>,
) -> Result<usize, StrError> {
    rfind(b, sub, start, end).ok_or(StrError::SubsectionNotFound)
}

/// `b.count(sub, start, end)`: non-overlapping occurrences; `len + 1` for empty `sub`.
pub fn count(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> usize {
    let Some((mut w, _)) = window(b, start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return w.len() + 1;
    }
    let mut n = 0;
    while let Some(at) = find_in(w, sub) {
        n += 1;
        w = &w[at + sub.len()..];
    }
    n
}

/// `b.startswith(prefix, start, end)`.
pub fn startswith(b: &[u8], prefix: &[u8], start: Option<isize>, end: Option<isize>) -> bool {
    window(b, start, end).is_some_and(|(w, _)| w.starts_with(prefix))
}

/// `b.endswith(suffix, start, end)`.
pub fn endswith(b: &[u8], suffix: &[u8], start: Option<isize>, end: Option<isize>) -> bool {
    window(b, start, end).is_some_and(|(w, _)| w.ends_with(suffix))
}

/// `b.replace(old, new, count)`: the first `count` occurrences (all when negative); an empty
/// `old` matches before each byte and at the end. "replace bytes is too long" or a failed
/// allocation for absurd results.
pub fn replace(b: &[u8], old: &[u8], new: &[u8], count: isize) -> Result<Vec<u8>, StrError> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let mut positions = Vec::new();
    if old.is_empty() {
        positions.extend((0..=b.len()).take(limit));
    } else {
        let mut from = 0;
        while positions.len() < limit {
            let Some(at) = find_in(&b[from..], old) else {
                break;
            };
            positions.push(from + at);
            from += at + old.len();
        }
    }
    let matches = positions.len();
    let len = matches
        .checked_mul(new.len())
        .and_then(|n| n.checked_add(b.len() - matches * old.len()))
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or(StrError::TooLong("replace bytes is too long"))?;
    let mut out = bytes_with_capacity(Some(len))?;
    let mut from = 0;
    for at in positions {
        out.extend_from_slice(&b[from..at]);
        out.extend_from_slice(new);
        from = at + old.len();
    }
    out.extend_from_slice(&b[from..]);
    Ok(out)
}

/// What `partition` and `rpartition` return: before, separator, after.
pub type Parts<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// `b.partition(sep)`: `(before, sep, after)` around the first `sep`, or `(b, b"", b"")`.
pub fn partition<'a>(b: &'a [u8], sep: &[u8]) -> Result<Parts<'a>, StrError> {
    if sep.is_empty() {
        return Err(StrError::EmptySeparator);
    }
    Ok(match find_in(b, sep) {
        Some(at) => (&b[..at], &b[at..at + sep.len()], &b[at + sep.len()..]),
        None => (b, &[], &[]),
    })
}

/// `b.rpartition(sep)`: `(before, sep, after)` around the last `sep`, or `(b"", b"", b)`.
pub fn rpartition<'a>(b: &'a [u8], sep: &[u8]) -> Result<Parts<'a>, StrError> {
    if sep.is_empty() {
        return Err(StrError::EmptySeparator);
    }
    Ok(match rfind_in(b, sep) {
        Some(at) => (&b[..at], &b[at..at + sep.len()], &b[at + sep.len()..]),
        None => (&[], &[], b),
    })
}

fn limit(maxsplit: isize) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

/// `b.split(sep, maxsplit)`: on runs of ASCII whitespace when `sep` is `None`, else on each
/// `sep`; at most `maxsplit` splits, unlimited when negative.
pub fn split<'a>(
    b: &'a [u8],
    sep: Option<&[u8]>,
    maxsplit: isize,
) -> Result<Vec<&'a [u8]>, StrError> {
    let max = limit(maxsplit);
    let mut pieces = Vec::new();
    let mut rest = b;
    match sep {
        Some([]) => return Err(StrError::EmptySeparator),
        Some(sep) => {
            while pieces.len() < max {
                let Some(at) = find_in(rest, sep) else {
                    break;
                };
                pieces.push(&rest[..at]);
                rest = &rest[at + sep.len()..];
            }
            pieces.push(rest);
        }
        None => loop {
            rest = lstrip(rest, None);
            if rest.is_empty() {
                break;
            }
            if pieces.len() == max {
                pieces.push(rest);
                break;
            }
            let end = rest.iter().position(|&c| is_space(c)).unwrap_or(rest.len());
            pieces.push(&rest[..end]);
            rest = &rest[end..];
        },
    }
    Ok(pieces)
}

/// `b.rsplit(sep, maxsplit)`: like [`split`] with the splits made from the right.
pub fn rsplit<'a>(
    b: &'a [u8],
    sep: Option<&[u8]>,
    maxsplit: isize,
) -> Result<Vec<&'a [u8]>, StrError> {
    let max = limit(maxsplit);
    let mut pieces = Vec::new();
    let mut rest = b;
    match sep {
        Some([]) => return Err(StrError::EmptySeparator),
        Some(sep) => {
            while pieces.len() < max {
                let Some(at) = rfind_in(rest, sep) else {
                    break;
                };
                pieces.push(&rest[at + sep.len()..]);
                rest = &rest[..at];
            }
            pieces.push(rest);
        }
        None => loop {
            rest = rstrip(rest, None);
            if rest.is_empty() {
                break;
            }
            if pieces.len() == max {
                pieces.push(rest);
                break;
            }
            let start = rest
                .iter()
                .rposition(|&c| is_space(c))
                .map_or(0, |at| at + 1);
            pieces.push(&rest[start..]);
            rest = &rest[..start];
        },
    }
    pieces.reverse();
    Ok(pieces)
}

/// `b.splitlines(keepends)`: lines ended by `\n`, `\r` or `\r\n` only.
pub fn splitlines(b: &[u8], keepends: bool) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\n' && c != b'\r' {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if c == b'\r' && b.get(end) == Some(&b'\n') {
            end += 1;
        }
        lines.push(&b[line_start..if keepends { end } else { i }]);
        line_start = end;
        i = end;
    }
    if line_start < b.len() {
        lines.push(&b[line_start..]);
    }
    lines
}

/// `b.lstrip(chars)`: leading ASCII whitespace, or bytes of `chars`, removed.
pub fn lstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let keep = |c: &u8| match chars {
        None => !is_space(*c),
        Some(set) => !set.contains(c),
    };
    let start = b.iter().position(keep).unwrap_or(b.len());
    &b[start..]
}

/// `b.rstrip(chars)`: trailing ASCII whitespace, or bytes of `chars`, removed.
pub fn rstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let keep = |c: &u8| match chars {
        None => !is_space(*c),
        Some(set) => !set.contains(c),
    };
    let end = b.iter().rposition(keep).map_or(0, |at| at + 1);
    &b[..end]
}

/// `b.strip(chars)`.
pub fn strip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    rstrip(lstrip(b, chars), chars)
}

fn padded(b: &[u8], left: usize, right: usize, fill: u8) -> Result<Vec<u8>, StrError> {
    let len = left.checked_add(right).and_then(|n| n.checked_add(b.len()));
    let mut out = bytes_with_capacity(len)?;
    out.resize(left, fill);
    out.extend_from_slice(b);
    out.resize(out.len() + right, fill);
    Ok(out)
}

fn shortfall(b: &[u8], width: isize) -> Option<usize> {
    let width = usize::try_from(width).ok()?;
    (width > b.len()).then(|| width - b.len())
}

/// `b.center(width, fill)`; `Cow::Borrowed(b)` when `b` is at least `width` long (see
/// [`center`](super::center) for where the odd fill byte goes).
pub fn center(b: &[u8], width: isize, fill: u8) -> Result<Cow<'_, [u8]>, StrError> {
    let Some(pad) = shortfall(b, width) else {
        return Ok(Cow::Borrowed(b));
    };
    let left = pad / 2 + (pad & width as usize & 1);
    padded(b, left, pad - left, fill).map(Cow::Owned)
}

/// `b.ljust(width, fill)`; `Cow::Borrowed(b)` when `b` is at least `width` long.
pub fn ljust(b: &[u8], width: isize, fill: u8) -> Result<Cow<'_, [u8]>, StrError> {
    match shortfall(b, width) {
        Some(pad) => padded(b, 0, pad, fill).map(Cow::Owned),
        None => Ok(Cow::Borrowed(b)),
    }
}

/// `b.rjust(width, fill)`; `Cow::Borrowed(b)` when `b` is at least `width` long.
pub fn rjust(b: &[u8], width: isize, fill: u8) -> Result<Cow<'_, [u8]>, StrError> {
    match shortfall(b, width) {
        Some(pad) => padded(b, pad, 0, fill).map(Cow::Owned),
        None => Ok(Cow::Borrowed(b)),
    }
}

/// `b.zfill(width)`: zeros after a leading sign; `Cow::Borrowed(b)` when `b` is at least
/// `width` long.
pub fn zfill(b: &[u8], width: isize) -> Result<Cow<'_, [u8]>, StrError> {
    let Some(pad) = shortfall(b, width) else {
        return Ok(Cow::Borrowed(b));
    };
    let sign = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let mut out = padded(&b[sign..], pad, 0, b'0')?;
    if sign == 1 {
        out.insert(0, b[0]);
    }
    Ok(Cow::Owned(out))
}

/// `b.expandtabs(tabsize)`: tabs to spaces up to the next multiple of `tabsize` (dropped
/// when `tabsize <= 0`); `\n` and `\r` reset the column. "result too long" or a failed
/// allocation for absurd results.
pub fn expandtabs(b: &[u8], tabsize: isize) -> Result<Vec<u8>, StrError> {
    let size = usize::try_from(tabsize).unwrap_or(0);
    let too_long = StrError::TooLong("result too long");
    let (mut column, mut len) = (0usize, 0usize);
    for &c in b {
        match c {
            b'\t' if size > 0 => {
                let width = size - column % size;
                len = len.checked_add(width).ok_or(too_long)?;
                column = column.checked_add(width).ok_or(too_long)?;
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                len += 1;
                column = 0;
            }
            _ => {
                len += 1;
                column += 1;
            }
        }
    }
    if len > isize::MAX as usize {
        return Err(too_long);
    }
    let mut out = bytes_with_capacity(Some(len))?;
    column = 0;
    for &c in b {
        match c {
            b'\t' => {
                if size > 0 {
                    let spaces = size - column % size;
                    out.resize(out.len() + spaces, b' ');
                    column += spaces;
                }
            }
            b'\n' | b'\r' => {
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

/// `b.removeprefix(prefix)`.
pub fn removeprefix<'a>(b: &'a [u8], prefix: &[u8]) -> &'a [u8] {
    b.strip_prefix(prefix).unwrap_or(b)
}

/// `b.removesuffix(suffix)`.
pub fn removesuffix<'a>(b: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    b.strip_suffix(suffix).unwrap_or(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicates_and_case() {
        // Expected values printed by python3.11.
        assert!(!isspace(b"\x1c") && isspace(b" \t\n\r\x0b\x0c") && !isspace(b""));
        assert!(isalpha(b"abC") && !isalpha("é".as_bytes()) && isalnum(b"a1"));
        assert!(isdigit(b"123") && !isdigit(b"") && isascii(b"") && !isascii(b"\x80"));
        assert!(isupper(b"AB1") && !isupper(b"1") && islower(b"a1") && !islower(b"aB"));
        assert!(istitle(b"Hello World") && !istitle(b"HEllo") && !istitle(b""));
        assert_eq!(swapcase(b"aB\xe9"), b"Ab\xe9");
        assert_eq!(capitalize(b"hELLO wORLD"), b"Hello world");
        assert_eq!(title(b"they're bill's"), b"They'Re Bill'S");
        assert_eq!(lower(b"\xc9A"), b"\xc9a");
    }

    #[test]
    fn searching() {
        assert_eq!(find(b"abcabc", b"c", Some(-3), None), Some(5));
        assert_eq!(find(b"abc", b"", Some(5), None), None);
        assert_eq!(find(b"abc", b"", Some(3), None), Some(3));
        assert_eq!(rfind(b"abcabc", b"ab", None, None), Some(3));
        assert_eq!(rfind(b"abcabc", b"ab", None, Some(4)), Some(0));
        assert_eq!(rfind(b"abc", b"", Some(1), Some(2)), Some(2));
        assert_eq!(find(b"xxabxabxab", b"xab", Some(2), None), Some(4));
        assert_eq!(
            index(b"a", b"b", None, None),
            Err(StrError::SubsectionNotFound)
        );
        assert_eq!(
            StrError::SubsectionNotFound.to_string(),
            "subsection not found"
        );
        assert_eq!(count(b"aaaa", b"aa", None, None), 2);
        assert_eq!(count(b"abc", b"", Some(1), Some(2)), 2);
        assert!(startswith(b"abc", b"", Some(3), None) && !startswith(b"abc", b"", Some(4), None));
        assert!(endswith(b"abc", b"bc", None, None));
        let r = |b, old, new, count| replace(b, old, new, count).unwrap_or_default();
        assert_eq!(r(b"abc", b"", b"-", 2), b"-a-bc");
        assert_eq!(r(b"aaaa", b"aa", b"x", -1), b"xx");
        assert_eq!(r(b"", b"", b"x", -1), b"x");
        assert_eq!(
            partition(b"a=b=c", b"="),
            Ok((&b"a"[..], &b"="[..], &b"b=c"[..]))
        );
        assert_eq!(
            rpartition(b"abc", b"="),
            Ok((&b""[..], &b""[..], &b"abc"[..]))
        );
    }

    #[test]
    fn splitting_and_padding() {
        let sp = |b, sep, n| split(b, sep, n).unwrap_or_default();
        let rsp = |b, sep, n| rsplit(b, sep, n).unwrap_or_default();
        assert_eq!(sp(b"a\x1cb \x0bc", None, -1), [&b"a\x1cb"[..], b"c"]);
        assert_eq!(sp(b"  a b  c  ", None, 1), [&b"a"[..], b"b  c  "]);
        assert_eq!(rsp(b"  a b  c  ", None, 1), [&b"  a b"[..], b"c"]);
        assert_eq!(sp(b"a,b,,c", Some(b","), -1), [&b"a"[..], b"b", b"", b"c"]);
        assert_eq!(rsp(b"aaa", Some(b"aa"), -1), [&b"a"[..], b""]);
        assert_eq!(split(b"a", Some(b""), -1), Err(StrError::EmptySeparator));
        assert_eq!(
            splitlines(b"a\x0bb\x1cc\r\nd\n", false),
            [&b"a\x0bb\x1cc"[..], b"d"]
        );
        assert_eq!(splitlines(b"a\r\rb", true), [&b"a\r"[..], b"\r", b"b"]);
        assert_eq!(strip(b"\x1c a\x0b", None), b"\x1c a");
        assert_eq!(strip(b"xyaxy", Some(b"yx")), b"a");
        assert_eq!(center(b"ab", 5, b'*').as_deref(), Ok(&b"**ab*"[..]));
        assert!(matches!(center(b"ab", 1, b'*'), Ok(Cow::Borrowed(b"ab"))));
        assert_eq!(zfill(b"-42", 6).as_deref(), Ok(&b"-00042"[..]));
        assert_eq!(
            expandtabs(b"a\tb\n\tc", 4).as_deref(),
            Ok(&b"a   b\n    c"[..])
        );
        // python3.11: b"a".center(sys.maxsize) raises OverflowError.
        assert_eq!(
            center(b"a", isize::MAX, b' '),
            Err(StrError::TooLong("byte string is too large"))
        );
        assert_eq!(ljust(b"a", 1 << 60, b' '), Err(StrError::MemoryError));
        assert_eq!(
            expandtabs(b"\t\t\t", isize::MAX),
            Err(StrError::TooLong("result too long"))
        );
    }
}
