//! Padding, alignment and digit grouping shared by the `format()` of every number type and
//! `str`. Counterpart: Python/formatter_unicode.c (`calc_number_widths`, `fill_number`,
//! `calc_padding`) and Objects/unicodeobject.c (`_PyUnicode_InsertThousandsGrouping`), 3.11.

use super::spec::{Align, FormatError};

/// Appends `n` copies of `c`, failing with [`FormatError::NoMemory`] instead of aborting when
/// the result cannot be allocated (CPython raises MemoryError for `format(1, '9223372036854775807')`).
pub(crate) fn push_fill(out: &mut String, c: char, n: usize) -> Result<(), FormatError> {
    // Most fields need no padding, and most padding is a few characters.
    if n <= 16 {
        for _ in 0..n {
            out.push(c);
        }
        return Ok(());
    }
    let mut buf = [0; 4];
    let unit: &str = c.encode_utf8(&mut buf);
    let bytes = n.checked_mul(unit.len()).ok_or(FormatError::NoMemory)?;
    out.try_reserve(bytes).map_err(|_| FormatError::NoMemory)?;
    // Copy a block of fill at a time: a wide padding costs a few memcpys, not a loop per char.
    const BLOCK: usize = 1024;
    let block = unit.repeat(n.min(BLOCK));
    let mut left = n;
    while left > 0 {
        let k = left.min(BLOCK);
        out.push_str(block.get(..k * unit.len()).unwrap_or(""));
        left -= k;
    }
    Ok(())
}

/// The left and right padding that centres, left- or right-aligns `len` characters in `width`.
/// `=` alignment pads on the left here; numbers handle it themselves.
pub fn padding(len: usize, width: Option<usize>, align: Align) -> (usize, usize) {
    let total = width.unwrap_or(0).saturating_sub(len);
    match align {
        Align::Left => (0, total),
        Align::Center => (total / 2, total - total / 2),
        Align::Right | Align::AfterSign => (total, 0),
    }
}

/// Pads `text` (whose length in code points is `len`) to `width` with `fill`.
pub(crate) fn pad_str(
    text: &str,
    len: usize,
    fill: char,
    width: Option<usize>,
    align: Align,
) -> Result<String, FormatError> {
    let (left, right) = padding(len, width, align);
    let mut out = String::new();
    out.try_reserve(text.len())
        .map_err(|_| FormatError::NoMemory)?;
    push_fill(&mut out, fill, left)?;
    out.push_str(text);
    push_fill(&mut out, fill, right)?;
    Ok(out)
}

/// A number split the way `format()` lays it out: `sign prefix DIGITS decimal remainder`,
/// where only the leading `digits` are grouped and zero-padded.
pub(crate) struct NumberParts<'a> {
    /// `-`, `+` or ` `.
    pub sign: Option<char>,
    /// `0x`, `0o`, `0b`, `0X` or empty.
    pub prefix: &'a str,
    /// ASCII digits of the integer part; empty for `inf`/`nan` and `c`.
    pub digits: &'a str,
    /// The decimal point, if there is one.
    pub decimal: Option<char>,
    /// Everything after: fraction, exponent, `%`, or the whole of `inf`/`nan`/the `c` character.
    pub remainder: &'a str,
}

/// Grouping of the integer digits: the separator and the group size (3, or 4 for `_` with
/// `b`/`o`/`x`/`X`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct GroupBy {
    pub sep: char,
    pub size: usize,
}

/// The padding and grouping options a number is laid out with.
pub(crate) struct Layout {
    pub fill: char,
    pub align: Align,
    pub width: Option<usize>,
    pub grouping: Option<GroupBy>,
}

/// Lays out a number. With `0` fill and `=` alignment the padding is made of zeros inside the
/// digit groups (`format(1234, '08,')` is `0,001,234`, one character wider than asked, since a
/// group never starts with a separator); otherwise the fill goes around the number.
pub(crate) fn layout_number(
    parts: &NumberParts<'_>,
    layout: &Layout,
) -> Result<String, FormatError> {
    let non_digits = usize::from(parts.sign.is_some())
        + parts.prefix.chars().count()
        + usize::from(parts.decimal.is_some())
        + parts.remainder.chars().count();
    let width = layout.width.unwrap_or(0);
    let min_width = if layout.fill == '0' && layout.align == Align::AfterSign {
        width.saturating_sub(non_digits)
    } else {
        0
    };
    // Without grouping or zero padding inside, the digits go out as they are.
    let grouped: std::borrow::Cow<'_, str> = if parts.digits.is_empty()
        || (layout.grouping.is_none() && min_width <= parts.digits.len())
    {
        std::borrow::Cow::Borrowed(parts.digits)
    } else {
        std::borrow::Cow::Owned(group_digits(parts.digits, layout.grouping, min_width)?)
    };
    let used = non_digits + grouped.len();
    let pad = width.saturating_sub(used);
    let (left, inner, right) = match layout.align {
        Align::Left => (0, 0, pad),
        Align::Center => (pad / 2, 0, pad - pad / 2),
        Align::AfterSign => (0, pad, 0),
        Align::Right => (pad, 0, 0),
    };
    // The exact size (the text usually becomes a str object, which would shrink a larger
    // buffer by copying it).
    let exact = pad.saturating_mul(layout.fill.len_utf8())
        + parts.sign.map_or(0, char::len_utf8)
        + parts.prefix.len()
        + grouped.len()
        + parts.decimal.map_or(0, char::len_utf8)
        + parts.remainder.len();
    let mut out = String::new();
    out.try_reserve_exact(exact)
        .map_err(|_| FormatError::NoMemory)?;
    push_fill(&mut out, layout.fill, left)?;
    if let Some(s) = parts.sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    push_fill(&mut out, layout.fill, inner)?;
    out.push_str(&grouped);
    if let Some(d) = parts.decimal {
        out.push(d);
    }
    out.push_str(parts.remainder);
    push_fill(&mut out, layout.fill, right)?;
    Ok(out)
}

/// Inserts separators into the ASCII `digits`, padding with leading zeros until the grouped
/// text is at least `min_width` characters (possibly one more, so it never starts with a
/// separator). Without grouping, only the zero padding is done.
pub(crate) fn group_digits(
    digits: &str,
    grouping: Option<GroupBy>,
    min_width: usize,
) -> Result<String, FormatError> {
    let digits = digits.as_bytes();
    let Some(GroupBy { sep, size }) = grouping.filter(|g| g.size > 0) else {
        let zeros = min_width.saturating_sub(digits.len());
        let mut out = String::new();
        push_fill(&mut out, '0', zeros)?;
        out.extend(digits.iter().map(|&b| char::from(b)));
        return Ok(out);
    };
    // Work right to left, collecting the groups reversed.
    let estimate = min_width.max(digits.len() + digits.len() / size + 1);
    let mut rev: Vec<u8> = Vec::new();
    rev.try_reserve(estimate)
        .map_err(|_| FormatError::NoMemory)?;
    let mut remaining = digits.len();
    let mut min_left = min_width as i128;
    let mut first = true;
    loop {
        if !first {
            rev.extend(sep.encode_utf8(&mut [0; 4]).bytes().rev());
            min_left -= 1;
        }
        first = false;
        let want = (remaining as i128).max(min_left).max(1);
        let len = (size as i128).min(want) as usize;
        let take = remaining.min(len);
        rev.extend(digits[remaining - take..remaining].iter().rev());
        rev.extend(std::iter::repeat_n(b'0', len - take));
        remaining -= take;
        min_left -= len as i128;
        if remaining == 0 && min_left <= 0 {
            break;
        }
    }
    rev.reverse();
    String::from_utf8(rev).map_err(|_| FormatError::NoMemory)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(digits: &str, sep: char, size: usize, min_width: usize) -> String {
        group_digits(digits, Some(GroupBy { sep, size }), min_width).unwrap()
    }

    #[test]
    fn grouping_pads_like_cpython() {
        // format(1234, '0N,') in python3.11 for N = 6..9, and friends.
        assert_eq!(group("1234", ',', 3, 0), "1,234");
        assert_eq!(group("1234", ',', 3, 6), "01,234");
        assert_eq!(group("1234", ',', 3, 7), "001,234");
        assert_eq!(group("1234", ',', 3, 8), "0,001,234");
        assert_eq!(group("1234", ',', 3, 9), "0,001,234");
        assert_eq!(group("0", ',', 3, 4), "0,000");
        assert_eq!(group("0", ',', 3, 5), "0,000");
        assert_eq!(group("0", ',', 3, 1), "0");
        assert_eq!(group("100000", '_', 4, 10), "0_0010_0000");
        assert_eq!(group("100000", '_', 4, 12), "00_0010_0000");
        assert_eq!(group("123", ',', 3, 0), "123");
        assert_eq!(group("1234567", ',', 3, 0), "1,234,567");
        assert_eq!(group_digits("12", None, 5).unwrap(), "00012");
        assert_eq!(group_digits("12", None, 0).unwrap(), "12");
    }

    #[test]
    fn padding_sides() {
        assert_eq!(padding(3, Some(8), Align::Center), (2, 3));
        assert_eq!(padding(3, Some(8), Align::Left), (0, 5));
        assert_eq!(padding(3, Some(8), Align::Right), (5, 0));
        assert_eq!(padding(9, Some(8), Align::Right), (0, 0));
        assert_eq!(padding(3, None, Align::Center), (0, 0));
    }

    #[test]
    fn huge_fill_is_an_error_not_an_abort() {
        let mut s = String::new();
        assert_eq!(
            push_fill(&mut s, 'x', usize::MAX / 2),
            Err(FormatError::NoMemory)
        );
        assert_eq!(
            group_digits("1", None, usize::MAX / 2),
            Err(FormatError::NoMemory)
        );
    }
}
