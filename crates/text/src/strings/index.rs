//! Code-point indexing of UTF-8 strings, and Python's index normalisation for slices and the
//! `start`/`end` arguments of the search methods.
//! Counterpart: Objects/sliceobject.c (`PySlice_AdjustIndices`), Objects/unicodeobject.c
//! (`unicode_subscript`, `ADJUST_INDICES` in Objects/stringlib).
//!
//! A Python str indexes code points while a Rust `&str` indexes bytes. Every function here has
//! an ASCII fast path, where the two coincide.

/// Whether `b` starts a UTF-8 encoded character (is not a continuation byte).
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// `len(s)`: the number of code points.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.bytes().filter(|&b| is_char_start(b)).count()
}

/// The byte offset of code point `index` of `s`; `s.len()` if `index` is at or past the end.
pub fn byte_offset(s: &str, index: usize) -> usize {
    if index >= s.len() {
        return s.len();
    }
    if s.as_bytes().get(..index).is_some_and(<[u8]>::is_ascii) {
        return index;
    }
    s.char_indices().nth(index).map_or(s.len(), |(at, _)| at)
}

/// The code-point index of byte offset `byte` of `s` (the number of characters that start
/// before it); offsets past the end count all of them.
pub fn char_index(s: &str, byte: usize) -> usize {
    let prefix = s.as_bytes().get(..byte).unwrap_or(s.as_bytes());
    if prefix.is_ascii() {
        return prefix.len();
    }
    prefix.iter().filter(|&&b| is_char_start(b)).count()
}

/// `s[index]` for an index already known to be in `0..len(s)`; `None` past the end.
pub fn char_at(s: &str, index: usize) -> Option<char> {
    if s.is_ascii() {
        return s.as_bytes().get(index).map(|&b| char::from(b));
    }
    s.chars().nth(index)
}

/// `s[start:stop]` for code-point indices that are non-negative (indices past the end are
/// clamped; an empty string results when `start >= stop`).
pub fn slice(s: &str, start: usize, stop: usize) -> &str {
    if start >= stop {
        return "";
    }
    if s.is_ascii() {
        let len = s.len();
        return s.get(start.min(len)..stop.min(len)).unwrap_or("");
    }
    let from = byte_offset(s, start);
    let rest = &s[from..];
    let to = from + byte_offset(rest, stop - start);
    &s[from..to]
}

/// `s[start:stop:step]` for indices as [`adjust_slice`] returns them (`step != 0`), taking
/// `length` characters.
pub fn slice_step(s: &str, start: isize, step: isize, length: usize) -> String {
    if length == 0 {
        return String::new();
    }
    if step == 1 {
        let start = start.max(0) as usize;
        return slice(s, start, start.saturating_add(length)).to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(length);
    let mut i = start as i128;
    for _ in 0..length {
        match usize::try_from(i).ok().and_then(|i| chars.get(i)) {
            Some(&c) => out.push(c),
            None => break,
        }
        i += step as i128;
    }
    out
}

/// `PySlice_AdjustIndices`: normalises a slice's `start` and `stop` (`None` when omitted)
/// for a sequence of `len` items and a non-zero `step`, returning `(start, stop, length)`
/// where `length` is the number of items selected. A zero `step` selects nothing.
pub fn adjust_slice(
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
    len: usize,
) -> (isize, isize, usize) {
    if step == 0 {
        return (0, 0, 0);
    }
    let len = len as i128;
    let step = i128::from(step as i64);
    let backwards = step < 0;
    let clamp = |index: Option<isize>, default_fwd: i128, default_back: i128| -> i128 {
        let Some(index) = index else {
            return if backwards { default_back } else { default_fwd };
        };
        let mut index = index as i128;
        if index < 0 {
            index += len;
            if index < 0 {
                index = if backwards { -1 } else { 0 };
            }
        } else if index >= len {
            index = if backwards { len - 1 } else { len };
        }
        index
    };
    let start = clamp(start, 0, len - 1);
    let stop = clamp(stop, len, -1);
    let length = if backwards {
        if stop < start {
            (start - stop - 1) / -step + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start as isize, stop as isize, length as usize)
}

/// The `start` and `end` arguments of `find`, `count`, `startswith` and friends for a
/// sequence of `len` items: negative values count from the end, then everything is clamped
/// to `0..=len` — except that a `start` past the end stays past it, so that
/// `'abc'.find('', 5) == -1`. The result may have `start > end`.
pub fn adjust_indices(start: Option<isize>, end: Option<isize>, len: usize) -> (usize, usize) {
    let from_end = |i: isize| -> usize {
        if i >= 0 {
            i as usize
        } else {
            len.saturating_sub(i.unsigned_abs())
        }
    };
    let end = end.map_or(len, from_end).min(len);
    let start = start.map_or(0, from_end);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_offsets() {
        assert_eq!(char_len("abc"), 3);
        assert_eq!(char_len("aé€😀"), 4);
        assert_eq!(byte_offset("aé€😀", 2), 3);
        assert_eq!(byte_offset("aé€😀", 4), 10);
        assert_eq!(byte_offset("aé€😀", 9), 10);
        assert_eq!(char_index("aé€😀", 6), 3);
        assert_eq!(char_index("aé€😀", 99), 4);
        assert_eq!(char_at("aé€😀", 3), Some('😀'));
        assert_eq!(char_at("aé€😀", 4), None);
        assert_eq!(char_at("abc", 1), Some('b'));
    }

    #[test]
    fn slicing() {
        assert_eq!(slice("aé€😀", 1, 3), "é€");
        assert_eq!(slice("aé€😀", 1, 99), "é€😀");
        assert_eq!(slice("aé€😀", 3, 1), "");
        assert_eq!(slice("hello", 1, 3), "el");
        assert_eq!(slice("hello", 7, 9), "");
        // python3.11: 'aé€😀xyz'[::-2] == 'zx€a', [1:6:2] == 'é😀y'
        let s = "aé€😀xyz";
        let (start, _, n) = adjust_slice(None, None, -2, 7);
        assert_eq!(slice_step(s, start, -2, n), "zx€a");
        let (start, _, n) = adjust_slice(Some(1), Some(6), 2, 7);
        assert_eq!(slice_step(s, start, 2, n), "é😀y");
        let (start, _, n) = adjust_slice(Some(-100), Some(100), 1, 7);
        assert_eq!(slice_step(s, start, 1, n), s);
    }

    #[test]
    fn slice_adjustment_matches_python() {
        // python3.11: slice(a, b, c).indices(5) and len(range(5)[a:b:c])
        assert_eq!(adjust_slice(None, None, 1, 5), (0, 5, 5));
        assert_eq!(adjust_slice(None, None, -1, 5), (4, -1, 5));
        assert_eq!(adjust_slice(Some(-2), None, 1, 5), (3, 5, 2));
        assert_eq!(adjust_slice(Some(10), Some(-10), -1, 5), (4, -1, 5));
        assert_eq!(adjust_slice(Some(-10), Some(10), 3, 5), (0, 5, 2));
        assert_eq!(adjust_slice(Some(1), Some(1), 1, 5), (1, 1, 0));
        assert_eq!(
            adjust_slice(Some(isize::MIN), Some(isize::MAX), isize::MIN, 5),
            (-1, 4, 0)
        );
        assert_eq!(adjust_slice(None, None, isize::MAX, 5), (0, 5, 1));
    }

    #[test]
    fn search_index_adjustment() {
        assert_eq!(adjust_indices(None, None, 3), (0, 3));
        assert_eq!(adjust_indices(Some(5), None, 3), (5, 3));
        assert_eq!(adjust_indices(Some(-1), Some(-5), 3), (2, 0));
        assert_eq!(
            adjust_indices(Some(isize::MIN), Some(isize::MAX), 3),
            (0, 3)
        );
    }
}
