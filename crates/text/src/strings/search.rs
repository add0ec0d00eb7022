//! Substring search on str: `find`, `rfind`, `index`, `rindex`, `count`, `startswith`,
//! `endswith`, `replace`, `partition`, `rpartition`, with Python's `start`/`end` semantics.
//! Counterpart: Objects/unicodeobject.c (`any_find_slice`, `unicode_count`, `tailmatch`,
//! `replace`) and Objects/stringlib/partition.h.
//!
//! Indices are code points. The search itself runs on the UTF-8 bytes with the standard
//! library's two-way matcher: a match of valid UTF-8 in valid UTF-8 always starts on a
//! character boundary, so only the window and the result need converting.

use super::error::{StrError, string_with_capacity};
use super::index::{adjust_indices, byte_offset, char_index, char_len};

/// Haystacks up to this long are searched byte by byte: setting up the two-way matcher
/// costs more than the whole naive search.
const SHORT_HAYSTACK: usize = 64;

/// The byte offset of the first `needle` in `hay`. One-byte needles and short haystacks get a
/// plain scan; the standard library's two-way matcher (linear in the worst case) takes the
/// rest. A match of UTF-8 in UTF-8 always starts on a character boundary.
#[inline]
pub fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    match n.len() {
        0 => Some(0),
        1 => h.iter().position(|&b| b == n[0]),
        len if h.len() <= SHORT_HAYSTACK => {
            let last = h.len().checked_sub(len)?;
            (0..=last).find(|&i| h[i] == n[0] && &h[i..i + len] == n)
        }
        _ => hay.find(needle),
    }
}

/// Non-overlapping occurrences of the non-empty `needle` in `hay`, at most `limit`.
fn count_str(hay: &str, needle: &str, limit: usize) -> usize {
    let mut n = 0;
    let mut rest = hay;
    while n < limit {
        let Some(at) = find_str(rest, needle) else {
            break;
        };
        n += 1;
        rest = &rest[at + needle.len()..];
    }
    n
}

/// The part of `s` that `start`/`end` select, with the code-point index it starts at, or
/// `None` when `start > end` after adjustment (nothing can match, not even "").
fn window(s: &str, start: Option<isize>, end: Option<isize>) -> Option<(&str, usize)> {
    if start.is_none() && end.is_none() {
        return Some((s, 0));
    }
    let (start, end) = adjust_indices(start, end, char_len(s));
    if start > end {
        return None;
    }
    let from = byte_offset(s, start);
    let to = byte_offset(s, end);
    Some((&s[from..to], start))
}

/// `s.find(sub, start, end)`: the lowest code-point index where `sub` occurs within
/// `s[start:end]`, or `None` (Python's -1).
pub fn find(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> Option<usize> {
    let (w, offset) = window(s, start, end)?;
    let at = find_str(w, sub)?;
    Some(offset + char_index(w, at))
}

/// `s.rfind(sub, start, end)`: the highest such index, or `None`.
pub fn rfind(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> Option<usize> {
    let (w, offset) = window(s, start, end)?;
    let at = w.rfind(sub)?;
    Some(offset + char_index(w, at))
}

/// `s.index(sub, start, end)`: like [`find`], failing with "substring not found".
pub fn index(
    s: &str,
    sub: &str,
    start: Option<isize>,
    end: Option<isize>,
) -> Result<usize, StrError> {
    find(s, sub, start, end).ok_or(StrError::SubstringNotFound)
}

/// `s.rindex(sub, start, end)`: like [`rfind`], failing with "substring not found".
pub fn rindex(
    s: &str,
    sub: &str,
    start: Option<isize>,
    end: Option<isize>,
) -> Result<usize, StrError> {
    rfind(s, sub, start, end).ok_or(StrError::SubstringNotFound)
}

/// `s.count(sub, start, end)`: non-overlapping occurrences within `s[start:end]`; the empty
/// string occurs once per position (`'abc'.count('') == 4`).
pub fn count(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> usize {
    let Some((w, _)) = window(s, start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return char_len(w) + 1;
    }
    count_str(w, sub, usize::MAX)
}

/// `s.startswith(prefix, start, end)`: whether `s[start:end]` starts with `prefix`.
pub fn startswith(s: &str, prefix: &str, start: Option<isize>, end: Option<isize>) -> bool {
    window(s, start, end).is_some_and(|(w, _)| w.starts_with(prefix))
}

/// `s.endswith(suffix, start, end)`: whether `s[start:end]` ends with `suffix`.
pub fn endswith(s: &str, suffix: &str, start: Option<isize>, end: Option<isize>) -> bool {
    window(s, start, end).is_some_and(|(w, _)| w.ends_with(suffix))
}

/// `s.replace(old, new, count)`: the first `count` occurrences replaced, all of them when
/// `count` is negative. An empty `old` matches before each character and at the end
/// (`'abc'.replace('', '-') == '-a-b-c-'`). The result is sized before it is built, so an
/// absurd one fails with "replace string is too long" (`OverflowError`) or `MemoryError`.
pub fn replace(s: &str, old: &str, new: &str, count: isize) -> Result<String, StrError> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    if let ([o], [n]) = (old.as_bytes(), new.as_bytes()) {
        // One ASCII byte for another (a one-byte str is ASCII): the result has the length of
        // `s` and is made in one pass.
        let (o, n) = (*o, *n);
        let mut left = limit;
        let bytes: Vec<u8> = s
            .bytes()
            .map(|b| {
                if b == o && left > 0 {
                    left -= 1;
                    n
                } else {
                    b
                }
            })
            .collect();
        return Ok(String::from_utf8(bytes).expect("an ASCII byte replaced by an ASCII byte"));
    }
    let matches = if old.is_empty() {
        char_len(s).saturating_add(1).min(limit)
    } else {
        count_str(s, old, limit)
    };
    // Code points and bytes of the result; CPython bounds the former by Py_ssize_t.
    let too_long = StrError::TooLong("replace string is too long");
    let grow = |len: usize, old_len: usize, new_len: usize| -> Option<usize> {
        (len - matches * old_len).checked_add(matches.checked_mul(new_len)?)
    };
    let chars = grow(char_len(s), char_len(old), char_len(new)).ok_or(too_long)?;
    if chars > isize::MAX as usize {
        return Err(too_long);
    }
    let mut out = string_with_capacity(grow(s.len(), old.len(), new.len()))?;
    if old.is_empty() {
        let mut done = 0;
        for c in s.chars() {
            if done < matches {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < matches {
            out.push_str(new);
        }
    } else {
        let mut rest = s;
        for _ in 0..matches {
            let Some(at) = find_str(rest, old) else {
                break;
            };
            out.push_str(&rest[..at]);
            out.push_str(new);
            rest = &rest[at + old.len()..];
        }
        out.push_str(rest);
    }
    Ok(out)
}

/// `s.partition(sep)`: `(before, sep, after)` around the first `sep`, or `(s, "", "")`.
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), StrError> {
    if sep.is_empty() {
        return Err(StrError::EmptySeparator);
    }
    Ok(match find_str(s, sep) {
        Some(at) => (&s[..at], &s[at..at + sep.len()], &s[at + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`: `(before, sep, after)` around the last `sep`, or `("", "", s)`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), StrError> {
    if sep.is_empty() {
        return Err(StrError::EmptySeparator);
    }
    Ok(match s.rfind(sep) {
        Some(at) => (&s[..at], &s[at..at + sep.len()], &s[at + sep.len()..]),
        None => ("", "", s),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_byte_replace_honours_the_count() {
        assert_eq!(replace("banana", "a", "o", -1).unwrap(), "bonono");
        assert_eq!(replace("banana", "a", "o", 2).unwrap(), "bonona");
        assert_eq!(replace("banana", "a", "o", 0).unwrap(), "banana");
        assert_eq!(replace("é a é", "a", "b", -1).unwrap(), "é b é");
    }

    #[test]
    fn find_str_agrees_with_the_two_way_matcher() {
        let long = "ab".repeat(100) + "abc" + &"é".repeat(40);
        let hays = [
            "",
            "a",
            "abc",
            "aaab",
            "xéyé€z",
            "the eta theta",
            long.as_str(),
        ];
        let needles = [
            "", "a", "b", "c", "ab", "abc", "aab", "é", "yé", "€z", "eta", "zz",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(find_str(h, n), h.find(n), "{h:?} {n:?}");
                if !n.is_empty() {
                    assert_eq!(
                        count_str(h, n, usize::MAX),
                        h.matches(n).count(),
                        "{h:?} {n:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn find_family() {
        // Expected values printed by python3.11.
        assert_eq!(find("abc", "", Some(5), None), None);
        assert_eq!(find("abc", "", Some(3), None), Some(3));
        assert_eq!(find("abc", "", Some(2), Some(1)), None);
        assert_eq!(find("abcabc", "c", Some(-3), None), Some(5));
        assert_eq!(find("aé€😀aé", "é", Some(2), None), Some(5));
        assert_eq!(find("aé€😀aé", "😀a", None, None), Some(3));
        assert_eq!(find("aé€😀aé", "😀a", None, Some(4)), None);
        assert_eq!(rfind("abc", "", None, None), Some(3));
        assert_eq!(rfind("abc", "", Some(1), Some(2)), Some(2));
        assert_eq!(rfind("aé€😀aé", "é", None, Some(-1)), Some(1));
        assert_eq!(
            index("a", "b", None, None),
            Err(StrError::SubstringNotFound)
        );
        assert_eq!(rindex("abab", "ab", None, None), Ok(2));
        assert_eq!(
            StrError::SubstringNotFound.to_string(),
            "substring not found"
        );
    }

    #[test]
    fn count_and_affixes() {
        assert_eq!(count("abc", "", Some(1), Some(2)), 2);
        assert_eq!(count("abc", "", Some(5), None), 0);
        assert_eq!(count("abc", "", Some(3), None), 1);
        assert_eq!(count("aé€", "", None, None), 4);
        assert_eq!(count("aaaa", "aa", None, None), 2);
        assert!(startswith("abc", "", Some(3), None));
        assert!(!startswith("abc", "", Some(4), None));
        assert!(!endswith("abc", "", Some(4), None));
        assert!(!endswith("abc", "", Some(3), Some(2)));
        assert!(endswith("abc", "c", Some(-1), None));
        assert!(!startswith("abc", "abc", Some(0), Some(2)));
        assert!(startswith("aé€", "é€", Some(1), None));
    }

    #[test]
    fn replacing() {
        let r = |s, old, new, count| replace(s, old, new, count).unwrap_or_default();
        assert_eq!(r("abc", "", "-", 2), "-a-bc");
        assert_eq!(r("abc", "", "-", -1), "-a-b-c-");
        assert_eq!(r("", "", "x", -1), "x");
        assert_eq!(r("", "", "x", 0), "");
        assert_eq!(r("aaa", "a", "b", -5), "bbb");
        assert_eq!(r("aaaa", "aa", "x", -1), "xx");
        assert_eq!(r("aé€é", "é", "E", 1), "aE€é");
        assert_eq!(r("aé€é", "é", "", -1), "a€");
        // 16 TiB: python3.11 raises MemoryError.
        let huge = "x".repeat(1 << 22);
        assert_eq!(
            replace(&"a".repeat(1 << 22), "a", &huge, -1),
            Err(StrError::MemoryError)
        );
    }

    #[test]
    fn partitions() {
        assert_eq!(partition("a=b=c", "="), Ok(("a", "=", "b=c")));
        assert_eq!(rpartition("a=b=c", "="), Ok(("a=b", "=", "c")));
        assert_eq!(partition("abc", "="), Ok(("abc", "", "")));
        assert_eq!(rpartition("abc", "="), Ok(("", "", "abc")));
        assert_eq!(partition("abc", ""), Err(StrError::EmptySeparator));
        assert_eq!(StrError::EmptySeparator.to_string(), "empty separator");
    }
}
