//! printf-style `%` formatting for str and bytes: the format-string walk with its argument
//! bookkeeping (tuple, mapping or single value), and the conversions of ints, floats and text.
//! Counterpart: Objects/unicodeobject.c (`PyUnicode_Format`, `unicode_format_arg_parse`,
//! `_PyUnicode_FormatLong`, `formatfloat`) and Objects/bytesobject.c (`_PyBytes_FormatEx`), 3.11.
//!
//! The VM implements [`PrintfHost`] (item lookup, `*` arguments, and the conversion of one
//! value, for which it calls [`format_printf_int`], [`format_printf_float`] and
//! [`pad_printf_str`]/[`pad_printf_bytes`]); [`printf`] does the rest in CPython's order, so
//! that the first error raised is CPython's first error.

use std::fmt;
use std::ops::Range;

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::{Signed, ToPrimitive};

use super::apply::truncate_chars;
use super::dtoa::{DtoaFlags, double_to_parts};
use super::spec::{ErrorKind, FormatError};

/// The flags between `%` (or the mapping key) and the width.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrintfFlags {
    /// `-`: pad on the right (overrides `0`).
    pub left: bool,
    /// `+`: a sign even for non-negative numbers.
    pub sign: bool,
    /// ` `: a space in place of the `+`.
    pub blank: bool,
    /// `#`: the alternate form (`0x` prefixes, a decimal point always).
    pub alt: bool,
    /// `0`: pad numbers with zeros after the sign and prefix.
    pub zero: bool,
}

/// One conversion with its `*` arguments resolved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrintfSpec {
    pub flags: PrintfFlags,
    pub width: Option<usize>,
    pub precision: Option<usize>,
    /// The conversion character (`h`, `l` and `L` before it are dropped). [`printf`] only
    /// hands the host the ones CPython supports: `s r a d i u o x X e E f F g G c`, and `b`
    /// for bytes.
    pub conv: char,
}

/// The right operand of `%`, classified as CPython classifies it.
#[derive(Clone, Debug)]
pub enum PrintfArgs<V> {
    /// A tuple: its items are the arguments.
    Tuple(Vec<V>),
    /// An object that supports item lookup and is not a tuple, str (for str formatting) or
    /// bytes/bytearray/str (for bytes formatting): `%(key)` looks keys up in it, and it is also
    /// the single argument of conversions without a key. No "not all arguments converted".
    Mapping(V),
    /// Anything else: the one argument.
    Single(V),
}

/// The text being formatted: `str` or `[u8]`.
pub trait PrintfText: ToOwned {
    /// Whether this is bytes formatting (messages and the set of conversions differ).
    const IS_BYTES: bool;
    /// The format as bytes (UTF-8 for str: every special character is ASCII).
    fn as_bytes(&self) -> &[u8];
    /// The part of `self` at the byte range `r` (empty if `r` is not a valid range).
    fn part(&self, r: Range<usize>) -> &Self;
    /// Appends `part` to `out`.
    fn push(out: &mut Self::Owned, part: &Self);
    /// The "unsupported format character" error for the conversion at byte offset `pos`.
    fn unsupported(&self, pos: usize) -> PrintfError;
}

impl PrintfText for str {
    const IS_BYTES: bool = false;

    fn as_bytes(&self) -> &[u8] {
        str::as_bytes(self)
    }

    fn part(&self, r: Range<usize>) -> &str {
        self.get(r).unwrap_or("")
    }

    fn push(out: &mut String, part: &str) {
        out.push_str(part);
    }

    fn unsupported(&self, pos: usize) -> PrintfError {
        let index = self.get(..pos).map_or(pos, |s| s.chars().count());
        let ch = self
            .get(pos..)
            .and_then(|s| s.chars().next())
            .map_or(0, u32::from);
        PrintfError::Unsupported {
            ch,
            index,
            bytes: false,
        }
    }
}

impl PrintfText for [u8] {
    const IS_BYTES: bool = true;

    fn as_bytes(&self) -> &[u8] {
        self
    }

    fn part(&self, r: Range<usize>) -> &[u8] {
        self.get(r).unwrap_or(&[])
    }

    fn push(out: &mut Vec<u8>, part: &[u8]) {
        out.extend_from_slice(part);
    }

    fn unsupported(&self, pos: usize) -> PrintfError {
        PrintfError::Unsupported {
            ch: self.get(pos).copied().map_or(0, u32::from),
            index: pos,
            bytes: true,
        }
    }
}

/// What [`printf`] needs from the VM.
pub trait PrintfHost<S: PrintfText + ?Sized> {
    /// A Python object.
    type Value: Clone;
    /// The VM's exception type.
    type Error: From<PrintfError>;

    /// `mapping[key]`, for `%(key)s` (the key is a str or bytes object built from `key`).
    fn getitem(&mut self, mapping: &Self::Value, key: &S) -> Result<Self::Value, Self::Error>;

    /// The value of an int (bool included) given for a `*` width or precision; `None` for
    /// anything else ("* wants int").
    fn star_int(&mut self, value: &Self::Value) -> Option<BigInt>;

    /// Converts `value` as `spec.conv` says and appends the padded result to `out`. For str:
    /// `s`/`r`/`a` are `str()`/`repr()`/`ascii()` then [`pad_printf_str`]; `d i u o x X` take
    /// the int (`__index__`, or `int()` of a real number for `d i u`) then
    /// [`format_printf_int`]; `e E f F g G` take `float()` then [`format_printf_float`]; `c`
    /// takes an int ([`printf_char`]) or a one-character str, then [`pad_printf_char`]. Bytes
    /// are the same with `s`/`b` = buffer or `__bytes__`, `r`/`a` = `ascii()`,
    /// [`pad_printf_bytes`], and for `c` [`printf_byte`] or a one-byte bytes, then
    /// [`pad_printf_byte`].
    fn convert(
        &mut self,
        value: &Self::Value,
        spec: &PrintfSpec,
        out: &mut S::Owned,
    ) -> Result<(), Self::Error>;
}

/// Where the arguments of the conversions come from: CPython's `args`/`argidx`/`arglen`.
struct Cursor<V> {
    /// The tuple items, or the one current value (after a key lookup too), which can then
    /// be used once.
    items: Vec<V>,
    next: usize,
    mapping: Option<V>,
}

impl<V: Clone> Cursor<V> {
    fn new(args: PrintfArgs<V>) -> Cursor<V> {
        match args {
            PrintfArgs::Tuple(items) => Cursor {
                items,
                next: 0,
                mapping: None,
            },
            PrintfArgs::Mapping(m) => Cursor {
                items: vec![m.clone()],
                next: 0,
                mapping: Some(m),
            },
            PrintfArgs::Single(v) => Cursor {
                items: vec![v],
                next: 0,
                mapping: None,
            },
        }
    }

    fn next_arg(&mut self) -> Result<V, PrintfError> {
        let v = self
            .items
            .get(self.next)
            .cloned()
            .ok_or(PrintfError::NotEnoughArguments)?;
        self.next += 1;
        Ok(v)
    }

    /// After `%(key)`: the looked-up value is the next (single) argument.
    fn set_keyed(&mut self, v: V) {
        self.items = vec![v];
        self.next = 0;
    }

    fn all_used(&self) -> bool {
        self.mapping.is_some() || self.next >= self.items.len()
    }
}

/// `fmt % args`, CPython's `PyUnicode_Format` (for `S = str`) or `_PyBytes_FormatEx` (for
/// `S = [u8]`). The format is read lazily, so an error late in it only shows once everything
/// before has been converted, as in CPython.
pub fn printf<S, H>(host: &mut H, fmt: &S, args: PrintfArgs<H::Value>) -> Result<S::Owned, H::Error>
where
    S: PrintfText + ?Sized,
    S::Owned: Default,
    H: PrintfHost<S>,
{
    let bytes = fmt.as_bytes();
    let mut cursor = Cursor::new(args);
    let mut out = S::Owned::default();
    let mut pos = 0;
    while pos < bytes.len() {
        let start = pos;
        while pos < bytes.len() && bytes[pos] != b'%' {
            pos += 1;
        }
        if pos > start {
            S::push(&mut out, fmt.part(start..pos));
            continue;
        }
        pos += 1; // the '%'
        if bytes.get(pos) == Some(&b'%') {
            S::push(&mut out, fmt.part(pos..pos + 1));
            pos += 1;
            continue;
        }
        let (spec, conv_at) = parse_spec(host, fmt, &mut pos, &mut cursor)?;
        let value = cursor.next_arg()?;
        let supported = if S::IS_BYTES {
            "sbradiuoxXeEfFgGc"
        } else {
            "sradiuoxXeEfFgGc"
        };
        if !supported.contains(spec.conv) {
            let err = fmt.unsupported(conv_at.pos);
            let negative_char = matches!(
                err,
                PrintfError::Unsupported {
                    ch: 0x80..,
                    bytes: true,
                    ..
                }
            );
            if negative_char && !conv_at.after_digits {
                return Err(PrintfError::CharArgumentRange.into());
            }
            return Err(err.into());
        }
        host.convert(&value, &spec, &mut out)?;
    }
    if !cursor.all_used() {
        return Err(PrintfError::NotAllConverted { bytes: S::IS_BYTES }.into());
    }
    Ok(out)
}

/// Where the conversion character is, for the "unsupported format character" error.
struct ConvAt {
    /// Byte offset in the format.
    pos: usize,
    /// Whether a width or precision digit loop read it. Elsewhere CPython's bytes formatter
    /// reads a C `char`, which is negative for bytes >= 0x80 and makes its error message fail
    /// with an OverflowError instead.
    after_digits: bool,
}

/// Reads one conversion spec after its `%`, fetching `*` arguments and the mapping item as it
/// goes (CPython's order). Returns the spec and where its conversion character is.
fn parse_spec<S, H>(
    host: &mut H,
    fmt: &S,
    pos: &mut usize,
    cursor: &mut Cursor<H::Value>,
) -> Result<(PrintfSpec, ConvAt), H::Error>
where
    S: PrintfText + ?Sized,
    H: PrintfHost<S>,
{
    let bytes = fmt.as_bytes();
    let mut spec = PrintfSpec::default();
    if bytes.get(*pos) == Some(&b'(') {
        let mapping = cursor.mapping.clone().ok_or(PrintfError::MappingRequired)?;
        let key_start = *pos + 1;
        let mut depth = 1;
        let mut i = key_start;
        while depth > 0 {
            match bytes.get(i) {
                None => return Err(PrintfError::IncompleteKey.into()),
                Some(b'(') => depth += 1,
                Some(b')') => depth -= 1,
                Some(_) => {}
            }
            i += 1;
        }
        let value = host.getitem(&mapping, fmt.part(key_start..i - 1))?;
        cursor.set_keyed(value);
        *pos = i;
    }
    let next = |pos: &mut usize| -> Result<u8, PrintfError> {
        let c = *bytes.get(*pos).ok_or(PrintfError::Incomplete)?;
        *pos += 1;
        Ok(c)
    };
    let mut c = next(pos)?;
    let mut after_digits = false;
    loop {
        match c {
            b'-' => spec.flags.left = true,
            b'+' => spec.flags.sign = true,
            b' ' => spec.flags.blank = true,
            b'#' => spec.flags.alt = true,
            b'0' => spec.flags.zero = true,
            _ => break,
        }
        c = next(pos)?;
    }
    if c == b'*' {
        let v = cursor.next_arg()?;
        let n = host.star_int(&v).ok_or(PrintfError::StarWantsInt)?;
        let n = n.to_i64().ok_or(PrintfError::StarOverflowSsize)?;
        if n < 0 {
            spec.flags.left = true;
        }
        // CPython negates in a Py_ssize_t, so -2**63 stays negative and means no width.
        spec.width = usize::try_from(n.wrapping_abs()).ok();
        c = next(pos)?;
    } else if c.is_ascii_digit() {
        let mut w: usize = 0;
        while c.is_ascii_digit() {
            w = w
                .checked_mul(10)
                .and_then(|w| w.checked_add(usize::from(c - b'0')))
                .filter(|&w| w <= isize::MAX as usize)
                .ok_or(PrintfError::WidthTooBig)?;
            c = next(pos)?;
        }
        spec.width = Some(w);
        after_digits = true;
    }
    if c == b'.' {
        c = next(pos)?;
        after_digits = false;
        if c == b'*' {
            let v = cursor.next_arg()?;
            let n = host.star_int(&v).ok_or(PrintfError::StarWantsInt)?;
            let n = n.to_i32().ok_or(PrintfError::StarOverflowInt)?;
            spec.precision = Some(usize::try_from(n).unwrap_or(0));
            c = next(pos)?;
        } else {
            let mut p: usize = 0;
            while c.is_ascii_digit() {
                p = p
                    .checked_mul(10)
                    .and_then(|p| p.checked_add(usize::from(c - b'0')))
                    .filter(|&p| p <= i32::MAX as usize)
                    .ok_or(PrintfError::PrecisionTooBig { bytes: S::IS_BYTES })?;
                c = next(pos)?;
                after_digits = true;
            }
            spec.precision = Some(p);
        }
    }
    if matches!(c, b'h' | b'l' | b'L') {
        c = next(pos)?;
        after_digits = false;
    }
    let conv_at = ConvAt {
        pos: *pos - 1,
        after_digits,
    };
    // A non-ASCII byte starts a character no conversion matches; keep a placeholder.
    spec.conv = if c.is_ascii() {
        char::from(c)
    } else {
        '\u{80}'
    };
    if S::IS_BYTES {
        // Bytes formatting reports `%i` as `%d`.
        if spec.conv == 'i' {
            spec.conv = 'd';
        }
    }
    Ok((spec, conv_at))
}

/// `%d %i %u %o %x %X` of an int: sign, `#` prefix, precision (minimum digits) and width.
pub fn format_printf_int(value: &BigInt, spec: &PrintfSpec) -> Result<String, PrintfError> {
    let (radix, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let precision = spec.precision.unwrap_or(0);
    if precision > i32::MAX as usize - 3 {
        return Err(PrintfError::PrecisionTooLarge);
    }
    let mut digits = value.abs().to_str_radix(radix);
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let zeros = precision.saturating_sub(digits.len());
    let sign = sign_of(value.sign() == BigSign::Minus, &spec.flags);
    let prefix = if spec.flags.alt { prefix } else { "" };
    assemble(sign, prefix, zeros, &digits, spec)
}

/// `%e %E %f %F %g %G` of a float (precision 6 unless given).
pub fn format_printf_float(value: f64, spec: &PrintfSpec) -> Result<String, PrintfError> {
    let precision = spec.precision.unwrap_or(6);
    if precision > i32::MAX as usize {
        return Err(PrintfError::PrecisionTooBig { bytes: false });
    }
    let flags = DtoaFlags {
        alt: spec.flags.alt,
        ..DtoaFlags::default()
    };
    let (negative, body) = double_to_parts(value, spec.conv, precision, flags)?;
    assemble(sign_of(negative, &spec.flags), "", 0, &body, spec)
}

fn sign_of(negative: bool, flags: &PrintfFlags) -> &'static str {
    if negative {
        "-"
    } else if flags.sign {
        "+"
    } else if flags.blank {
        " "
    } else {
        ""
    }
}

/// `sign prefix zeros body`, padded to the width: spaces on the left, spaces on the right with
/// `-`, or zeros after the prefix with `0`.
fn assemble(
    sign: &str,
    prefix: &str,
    zeros: usize,
    body: &str,
    spec: &PrintfSpec,
) -> Result<String, PrintfError> {
    let len = sign.len() + prefix.len() + zeros + body.len();
    let pad = spec.width.unwrap_or(0).saturating_sub(len);
    let (left, inner, right) = if spec.flags.left {
        (0, 0, pad)
    } else if spec.flags.zero {
        (0, pad, 0)
    } else {
        (pad, 0, 0)
    };
    let total = len.checked_add(pad).ok_or(PrintfError::NoMemory)?;
    let mut out = String::new();
    out.try_reserve(total).map_err(|_| PrintfError::NoMemory)?;
    out.extend(std::iter::repeat_n(' ', left));
    out.push_str(sign);
    out.push_str(prefix);
    out.extend(std::iter::repeat_n('0', inner + zeros));
    out.push_str(body);
    out.extend(std::iter::repeat_n(' ', right));
    Ok(out)
}

/// `%s %r %a` for str: the text cut to the precision (in code points) and padded with
/// spaces to the width (`0`, `+`, ` ` and `#` do nothing here).
pub fn pad_printf_str(text: &str, spec: &PrintfSpec) -> Result<String, PrintfError> {
    let (text, len) = truncate_chars(text, spec.precision);
    let pad = spec.width.unwrap_or(0).saturating_sub(len);
    let mut out = String::new();
    out.try_reserve(text.len().saturating_add(pad))
        .map_err(|_| PrintfError::NoMemory)?;
    if !spec.flags.left {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    out.push_str(text);
    if spec.flags.left {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    Ok(out)
}

/// `%s %b %r %a` for bytes: cut to the precision and padded with spaces to the width.
pub fn pad_printf_bytes(data: &[u8], spec: &PrintfSpec) -> Result<Vec<u8>, PrintfError> {
    let data = data
        .get(..spec.precision.unwrap_or(usize::MAX))
        .unwrap_or(data);
    let pad = spec.width.unwrap_or(0).saturating_sub(data.len());
    let mut out = Vec::new();
    out.try_reserve(data.len().saturating_add(pad))
        .map_err(|_| PrintfError::NoMemory)?;
    if !spec.flags.left {
        out.extend(std::iter::repeat_n(b' ', pad));
    }
    out.extend_from_slice(data);
    if spec.flags.left {
        out.extend(std::iter::repeat_n(b' ', pad));
    }
    Ok(out)
}

/// `%c` for str: the character padded to the width (the precision does not apply).
pub fn pad_printf_char(c: char, spec: &PrintfSpec) -> Result<String, PrintfError> {
    let spec = PrintfSpec {
        precision: None,
        ..*spec
    };
    pad_printf_str(c.encode_utf8(&mut [0; 4]), &spec)
}

/// `%c` for bytes: the byte padded to the width (the precision does not apply).
pub fn pad_printf_byte(b: u8, spec: &PrintfSpec) -> Result<Vec<u8>, PrintfError> {
    let spec = PrintfSpec {
        precision: None,
        ..*spec
    };
    pad_printf_bytes(&[b], &spec)
}

/// The character `%c` makes of an int in a str format.
pub fn printf_char(value: &BigInt) -> Result<char, PrintfError> {
    let cp = value
        .to_u32()
        .filter(|&cp| cp < 0x110000)
        .ok_or(PrintfError::CharRange)?;
    char::from_u32(cp).ok_or(PrintfError::Surrogate(cp))
}

/// The byte `%c` makes of an int in a bytes format.
pub fn printf_byte(value: &BigInt) -> Result<u8, PrintfError> {
    value.to_u8().ok_or(PrintfError::BytesCharRange)
}

/// An error of `%` formatting; `Display` is CPython's message, [`PrintfError::kind`] the class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintfError {
    /// The format ends inside a conversion spec.
    Incomplete,
    /// `%(` without its `)`.
    IncompleteKey,
    /// A conversion character CPython does not know; `ch` is the code point (str) or byte,
    /// `index` its code-point (str) or byte offset.
    Unsupported {
        ch: u32,
        index: usize,
        bytes: bool,
    },
    /// How CPython's bytes formatting reports most unknown conversion bytes >= 0x80: its
    /// message formatting fails on the negative C `char` (OverflowError).
    CharArgumentRange,
    WidthTooBig,
    /// A precision above `INT_MAX` (bytes say "prec").
    PrecisionTooBig {
        bytes: bool,
    },
    /// An int precision above `INT_MAX - 3` (OverflowError).
    PrecisionTooLarge,
    StarWantsInt,
    /// A `*` width beyond a `Py_ssize_t` (OverflowError).
    StarOverflowSsize,
    /// A `*` precision beyond a C int (OverflowError).
    StarOverflowInt,
    NotEnoughArguments,
    NotAllConverted {
        bytes: bool,
    },
    MappingRequired,
    /// `%d`, `%i`, `%u` of something that is not a real number.
    RealNumberRequired {
        conv: char,
        type_name: String,
    },
    /// `%o`, `%x`, `%X` of something that is not an integer.
    IntegerRequired {
        conv: char,
        type_name: String,
    },
    /// A float conversion of something `float()` does not take (str formatting).
    MustBeRealNumber {
        type_name: String,
    },
    /// A float conversion of something that is not a number (bytes formatting).
    FloatRequired {
        type_name: String,
    },
    /// An int too big for a float conversion (OverflowError).
    IntTooLargeForFloat,
    /// `%c` of a str that is not one character, or of a non-int.
    CharRequired,
    /// `%c` of an int outside `range(0x110000)` (OverflowError).
    CharRange,
    BytesCharRequired,
    /// `%c` of an int outside `range(256)` in bytes (OverflowError).
    BytesCharRange,
    /// `%b`/`%s` of something that is neither a buffer nor has `__bytes__`.
    BytesLikeRequired {
        type_name: String,
    },
    /// The result would not fit in memory (MemoryError).
    NoMemory,
    /// `%c` of a surrogate code point, which this VM's `str` cannot hold.
    Surrogate(u32),
}

impl PrintfError {
    /// The Python exception class for this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            PrintfError::Incomplete
            | PrintfError::IncompleteKey
            | PrintfError::WidthTooBig
            | PrintfError::PrecisionTooBig { .. }
            | PrintfError::Surrogate(_) => ErrorKind::ValueError,
            PrintfError::Unsupported { .. } => ErrorKind::ValueError,
            PrintfError::CharArgumentRange
            | PrintfError::PrecisionTooLarge
            | PrintfError::StarOverflowSsize
            | PrintfError::StarOverflowInt
            | PrintfError::IntTooLargeForFloat
            | PrintfError::CharRange
            | PrintfError::BytesCharRange => ErrorKind::OverflowError,
            PrintfError::NoMemory => ErrorKind::MemoryError,
            _ => ErrorKind::TypeError,
        }
    }
}

impl From<FormatError> for PrintfError {
    fn from(e: FormatError) -> PrintfError {
        match e {
            FormatError::Surrogate(cp) => PrintfError::Surrogate(cp),
            FormatError::IntTooLargeForFloat => PrintfError::IntTooLargeForFloat,
            _ => PrintfError::NoMemory,
        }
    }
}

impl fmt::Display for PrintfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrintfError::Incomplete => f.write_str("incomplete format"),
            PrintfError::IncompleteKey => f.write_str("incomplete format key"),
            PrintfError::CharArgumentRange => {
                f.write_str("character argument not in range(0x110000)")
            }
            PrintfError::Unsupported { ch, index, bytes } => {
                let shown = match char::from_u32(*ch) {
                    Some(c) if *bytes || (31..=126).contains(ch) => c,
                    _ => '?',
                };
                write!(
                    f,
                    "unsupported format character '{shown}' (0x{ch:x}) at index {index}"
                )
            }
            PrintfError::WidthTooBig => f.write_str("width too big"),
            PrintfError::PrecisionTooBig { bytes: false } => f.write_str("precision too big"),
            PrintfError::PrecisionTooBig { bytes: true } => f.write_str("prec too big"),
            PrintfError::PrecisionTooLarge => f.write_str("precision too large"),
            PrintfError::StarWantsInt => f.write_str("* wants int"),
            PrintfError::StarOverflowSsize => {
                f.write_str("Python int too large to convert to C ssize_t")
            }
            PrintfError::StarOverflowInt => f.write_str("Python int too large to convert to C int"),
            PrintfError::NotEnoughArguments => {
                f.write_str("not enough arguments for format string")
            }
            PrintfError::NotAllConverted { bytes: false } => {
                f.write_str("not all arguments converted during string formatting")
            }
            PrintfError::NotAllConverted { bytes: true } => {
                f.write_str("not all arguments converted during bytes formatting")
            }
            PrintfError::MappingRequired => f.write_str("format requires a mapping"),
            PrintfError::RealNumberRequired { conv, type_name } => write!(
                f,
                "%{conv} format: a real number is required, not {}",
                super::spec::TypeName(type_name)
            ),
            PrintfError::IntegerRequired { conv, type_name } => write!(
                f,
                "%{conv} format: an integer is required, not {}",
                super::spec::TypeName(type_name)
            ),
            PrintfError::MustBeRealNumber { type_name } => write!(
                f,
                "must be real number, not {}",
                super::spec::TypeName(type_name)
            ),
            PrintfError::FloatRequired { type_name } => write!(
                f,
                "float argument required, not {}",
                super::spec::TypeName(type_name)
            ),
            PrintfError::IntTooLargeForFloat => f.write_str("int too large to convert to float"),
            PrintfError::CharRequired => f.write_str("%c requires int or char"),
            PrintfError::CharRange => f.write_str("%c arg not in range(0x110000)"),
            PrintfError::BytesCharRequired => {
                f.write_str("%c requires an integer in range(256) or a single byte")
            }
            PrintfError::BytesCharRange => f.write_str("%c arg not in range(256)"),
            PrintfError::BytesLikeRequired { type_name } => write!(
                f,
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                super::spec::TypeName(type_name)
            ),
            PrintfError::NoMemory => Ok(()),
            PrintfError::Surrogate(cp) => {
                write!(f, "lone surrogate U+{cp:04X} cannot be stored in a str")
            }
        }
    }
}

impl std::error::Error for PrintfError {}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::FromPrimitive;
    use rpy_marshal::PyStr;
    use rpy_marshal::repr::{bytes_repr, float_repr, str_repr};

    /// A toy object model: just what the tests format.
    #[derive(Clone, Debug)]
    enum V {
        Int(BigInt),
        Float(f64),
        Str(String),
        Bytes(Vec<u8>),
        None,
        Dict(Vec<(V, V)>),
    }

    #[derive(Debug, PartialEq)]
    enum MockErr {
        P(PrintfError),
        Other(&'static str, String),
    }

    impl From<PrintfError> for MockErr {
        fn from(e: PrintfError) -> MockErr {
            MockErr::P(e)
        }
    }

    impl MockErr {
        fn show(&self) -> String {
            match self {
                MockErr::P(e) => format!("{:?}:{e}", e.kind()),
                MockErr::Other(k, m) => format!("{k}:{m}"),
            }
        }
    }

    impl V {
        fn type_name(&self) -> &'static str {
            match self {
                V::Int(_) => "int",
                V::Float(_) => "float",
                V::Str(_) => "str",
                V::Bytes(_) => "bytes",
                V::None => "NoneType",
                V::Dict(_) => "dict",
            }
        }

        fn repr(&self) -> String {
            match self {
                V::Int(i) => i.to_string(),
                V::Float(x) => float_repr(*x),
                V::Str(s) => str_repr(&PyStr::new(s)),
                V::Bytes(b) => bytes_repr(b),
                V::None => "None".into(),
                V::Dict(items) => {
                    let parts: Vec<String> = items
                        .iter()
                        .map(|(k, v)| format!("{}: {}", k.repr(), v.repr()))
                        .collect();
                    format!("{{{}}}", parts.join(", "))
                }
            }
        }

        fn str(&self) -> String {
            match self {
                V::Str(s) => s.clone(),
                _ => self.repr(),
            }
        }

        fn ascii(&self) -> String {
            let mut out = String::new();
            for c in self.repr().chars() {
                match c as u32 {
                    0..=0x7F => out.push(c),
                    cp @ 0x80..=0xFF => out.push_str(&format!("\\x{cp:02x}")),
                    cp @ 0x100..=0xFFFF => out.push_str(&format!("\\u{cp:04x}")),
                    cp => out.push_str(&format!("\\U{cp:08x}")),
                }
            }
            out
        }

        /// `int()` of a real number, for `%d`.
        fn to_int(&self, conv: char) -> Result<BigInt, MockErr> {
            match self {
                V::Int(i) => Ok(i.clone()),
                V::Float(x) if x.is_nan() => Err(MockErr::Other(
                    "ValueError",
                    "cannot convert float NaN to integer".into(),
                )),
                V::Float(x) if x.is_infinite() => Err(MockErr::Other(
                    "OverflowError",
                    "cannot convert float infinity to integer".into(),
                )),
                V::Float(x) => Ok(BigInt::from_f64(x.trunc()).unwrap()),
                _ => Err(PrintfError::RealNumberRequired {
                    conv,
                    type_name: self.type_name().into(),
                }
                .into()),
            }
        }

        fn to_float(&self, bytes: bool) -> Result<f64, MockErr> {
            match self {
                V::Int(i) => Ok(i
                    .to_f64()
                    .filter(|x| x.is_finite())
                    .ok_or(PrintfError::IntTooLargeForFloat)?),
                V::Float(x) => Ok(*x),
                _ if bytes => Err(PrintfError::FloatRequired {
                    type_name: self.type_name().into(),
                }
                .into()),
                _ => Err(PrintfError::MustBeRealNumber {
                    type_name: self.type_name().into(),
                }
                .into()),
            }
        }
    }

    struct Host;

    fn lookup(mapping: &V, key: &V) -> Result<V, MockErr> {
        let V::Dict(items) = mapping else {
            return Err(MockErr::Other("TypeError", "not a dict".into()));
        };
        items
            .iter()
            .find(|(k, _)| k.repr() == key.repr())
            .map(|(_, v)| v.clone())
            .ok_or_else(|| MockErr::Other("KeyError", key.repr()))
    }

    fn numeric(v: &V, spec: &PrintfSpec, bytes: bool) -> Result<Option<String>, MockErr> {
        Ok(Some(match spec.conv {
            'd' | 'i' | 'u' => format_printf_int(&v.to_int(spec.conv)?, spec)?,
            'o' | 'x' | 'X' => match v {
                V::Int(i) => format_printf_int(i, spec)?,
                _ => {
                    return Err(PrintfError::IntegerRequired {
                        conv: spec.conv,
                        type_name: v.type_name().into(),
                    }
                    .into());
                }
            },
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => format_printf_float(v.to_float(bytes)?, spec)?,
            _ => return Ok(None),
        }))
    }

    impl PrintfHost<str> for Host {
        type Value = V;
        type Error = MockErr;

        fn getitem(&mut self, mapping: &V, key: &str) -> Result<V, MockErr> {
            lookup(mapping, &V::Str(key.into()))
        }

        fn star_int(&mut self, value: &V) -> Option<BigInt> {
            match value {
                V::Int(i) => Some(i.clone()),
                _ => None,
            }
        }

        fn convert(&mut self, v: &V, spec: &PrintfSpec, out: &mut String) -> Result<(), MockErr> {
            if let Some(s) = numeric(v, spec, false)? {
                out.push_str(&s);
                return Ok(());
            }
            let text = match (spec.conv, v) {
                ('s', _) => v.str(),
                ('r', _) => v.repr(),
                ('a', _) => v.ascii(),
                ('c', _) => {
                    let c = match v {
                        V::Int(i) => printf_char(i)?,
                        V::Str(s) if s.chars().count() == 1 => s.chars().next().unwrap(),
                        _ => return Err(PrintfError::CharRequired.into()),
                    };
                    out.push_str(&pad_printf_char(c, spec)?);
                    return Ok(());
                }
                _ => unreachable!("printf only passes supported conversions"),
            };
            out.push_str(&pad_printf_str(&text, spec)?);
            Ok(())
        }
    }

    impl PrintfHost<[u8]> for Host {
        type Value = V;
        type Error = MockErr;

        fn getitem(&mut self, mapping: &V, key: &[u8]) -> Result<V, MockErr> {
            lookup(mapping, &V::Bytes(key.to_vec()))
        }

        fn star_int(&mut self, value: &V) -> Option<BigInt> {
            match value {
                V::Int(i) => Some(i.clone()),
                _ => None,
            }
        }

        fn convert(&mut self, v: &V, spec: &PrintfSpec, out: &mut Vec<u8>) -> Result<(), MockErr> {
            if let Some(s) = numeric(v, spec, true)? {
                out.extend_from_slice(s.as_bytes());
                return Ok(());
            }
            let data = match (spec.conv, v) {
                ('s' | 'b', V::Bytes(b)) => b.clone(),
                ('s' | 'b', _) => {
                    return Err(PrintfError::BytesLikeRequired {
                        type_name: v.type_name().into(),
                    }
                    .into());
                }
                ('r' | 'a', _) => v.ascii().into_bytes(),
                ('c', _) => {
                    let byte = match v {
                        V::Int(i) => printf_byte(i)?,
                        V::Bytes(b) if b.len() == 1 => b[0],
                        _ => return Err(PrintfError::BytesCharRequired.into()),
                    };
                    out.extend_from_slice(&pad_printf_byte(byte, spec)?);
                    return Ok(());
                }
                _ => unreachable!("printf only passes supported conversions"),
            };
            out.extend_from_slice(&pad_printf_bytes(&data, spec)?);
            Ok(())
        }
    }

    fn int(i: i64) -> V {
        V::Int(BigInt::from(i))
    }

    fn s(text: &str) -> V {
        V::Str(text.into())
    }

    fn run(fmt: &str, args: PrintfArgs<V>) -> String {
        match printf(&mut Host, fmt, args) {
            Ok(text) => text,
            Err(e) => e.show(),
        }
    }

    fn run_bytes(fmt: &[u8], args: PrintfArgs<V>) -> String {
        match printf(&mut Host, fmt, args) {
            Ok(data) => String::from_utf8_lossy(&data).into_owned(),
            Err(e) => e.show(),
        }
    }

    fn tuple(items: &[V]) -> PrintfArgs<V> {
        PrintfArgs::Tuple(items.to_vec())
    }

    #[test]
    fn parse_errors_and_order() {
        // Expected strings from python3.11 `fmt % args`.
        let one = || PrintfArgs::Single(int(1));
        let none = || tuple(&[]);
        for (fmt, args, want) in [
            (
                "%y",
                one(),
                "ValueError:unsupported format character 'y' (0x79) at index 1",
            ),
            (
                "a%yb",
                one(),
                "ValueError:unsupported format character 'y' (0x79) at index 2",
            ),
            (
                "%é",
                one(),
                "ValueError:unsupported format character '?' (0xe9) at index 1",
            ),
            (
                "é%é",
                one(),
                "ValueError:unsupported format character '?' (0xe9) at index 2",
            ),
            (
                "%\u{1F600}",
                one(),
                "ValueError:unsupported format character '?' (0x1f600) at index 1",
            ),
            (
                "%\0",
                one(),
                "ValueError:unsupported format character '?' (0x0) at index 1",
            ),
            (
                "%\x1f",
                one(),
                "ValueError:unsupported format character '\x1f' (0x1f) at index 1",
            ),
            (
                "%\x7f",
                one(),
                "ValueError:unsupported format character '?' (0x7f) at index 1",
            ),
            (
                "%~",
                one(),
                "ValueError:unsupported format character '~' (0x7e) at index 1",
            ),
            ("% ", one(), "ValueError:incomplete format"),
            ("%", none(), "ValueError:incomplete format"),
            ("abc%", none(), "ValueError:incomplete format"),
            ("%5", one(), "ValueError:incomplete format"),
            ("%5.", one(), "ValueError:incomplete format"),
            ("%.", one(), "ValueError:incomplete format"),
            ("%h", one(), "ValueError:incomplete format"),
            (
                "%hh",
                one(),
                "ValueError:unsupported format character 'h' (0x68) at index 2",
            ),
            (
                "%lld",
                one(),
                "ValueError:unsupported format character 'l' (0x6c) at index 2",
            ),
            (
                "%5%",
                none(),
                "TypeError:not enough arguments for format string",
            ),
            (
                "%5%",
                one(),
                "ValueError:unsupported format character '%' (0x25) at index 2",
            ),
            (
                "%.3%",
                none(),
                "TypeError:not enough arguments for format string",
            ),
            (
                "%*",
                none(),
                "TypeError:not enough arguments for format string",
            ),
            ("%*", tuple(&[int(5)]), "ValueError:incomplete format"),
            ("%.*", tuple(&[int(5)]), "ValueError:incomplete format"),
            (
                "%*.*",
                tuple(&[int(1)]),
                "TypeError:not enough arguments for format string",
            ),
            ("%*d", tuple(&[s("x"), int(1)]), "TypeError:* wants int"),
            (
                "%.*d",
                tuple(&[V::Float(1.0), int(1)]),
                "TypeError:* wants int",
            ),
            ("%99999999999999999999d", one(), "ValueError:width too big"),
            (
                "%.99999999999999999999d",
                one(),
                "ValueError:precision too big",
            ),
            ("%.2147483648d", one(), "ValueError:precision too big"),
            ("%.2147483645d", one(), "OverflowError:precision too large"),
            (
                "%(a",
                PrintfArgs::Single(int(5)),
                "TypeError:format requires a mapping",
            ),
            (
                "%d%(a)s",
                PrintfArgs::Single(int(5)),
                "TypeError:format requires a mapping",
            ),
            (
                "%(a)s",
                tuple(&[int(1)]),
                "TypeError:format requires a mapping",
            ),
            (
                "%(a)s",
                PrintfArgs::Single(s("ab")),
                "TypeError:format requires a mapping",
            ),
            (
                "%s %y",
                tuple(&[int(1)]),
                "TypeError:not enough arguments for format string",
            ),
            (
                "%s %y",
                tuple(&[int(1), int(2)]),
                "ValueError:unsupported format character 'y' (0x79) at index 4",
            ),
            (
                "%c %y",
                none(),
                "TypeError:not enough arguments for format string",
            ),
            ("%d %", tuple(&[int(1)]), "ValueError:incomplete format"),
            (
                "%d %",
                tuple(&[s("x")]),
                "TypeError:%d format: a real number is required, not str",
            ),
            (
                "%y %",
                tuple(&[int(1)]),
                "ValueError:unsupported format character 'y' (0x79) at index 1",
            ),
            (
                "%d %d",
                tuple(&[int(1)]),
                "TypeError:not enough arguments for format string",
            ),
            (
                "%d",
                tuple(&[int(1), int(2)]),
                "TypeError:not all arguments converted during string formatting",
            ),
            (
                "x",
                tuple(&[int(1)]),
                "TypeError:not all arguments converted during string formatting",
            ),
            (
                "x",
                one(),
                "TypeError:not all arguments converted during string formatting",
            ),
            (
                "%s %s",
                one(),
                "TypeError:not enough arguments for format string",
            ),
            ("x", none(), "x"),
            ("%%", none(), "%"),
            ("%s%%", one(), "1%"),
        ] {
            assert_eq!(run(fmt, args), want, "{fmt:?}");
        }
        let star = |v: BigInt| tuple(&[V::Int(v), s("a")]);
        let big = BigInt::from(2).pow(63u32);
        assert_eq!(
            run("%*s", star(big.clone())),
            "OverflowError:Python int too large to convert to C ssize_t"
        );
        assert_eq!(
            run("%.*s", star(BigInt::from(2).pow(31u32))),
            "OverflowError:Python int too large to convert to C int"
        );
        assert_eq!(run("%*d|", tuple(&[V::Int(-big), int(1)])), "1|");
    }

    #[test]
    fn mappings() {
        let dict =
            |pairs: &[(&str, V)]| V::Dict(pairs.iter().map(|(k, v)| (s(k), v.clone())).collect());
        let m = |pairs: &[(&str, V)]| PrintfArgs::Mapping(dict(pairs));
        assert_eq!(run("%(a)s", m(&[("a", int(1))])), "1");
        assert_eq!(
            run("%(a)d %(b)x", m(&[("a", int(1)), ("b", int(255))])),
            "1 ff"
        );
        assert_eq!(run("%(a(b))s", m(&[("a(b)", int(1))])), "1");
        assert_eq!(run("%((a))s", m(&[("(a)", int(1))])), "1");
        assert_eq!(
            run("%(a(b)s", m(&[("a(b", int(1))])),
            "ValueError:incomplete format key"
        );
        assert_eq!(run("%()s", m(&[("", int(2))])), "2");
        assert_eq!(
            run("%(a)s %s", m(&[("a", int(1))])),
            "TypeError:not enough arguments for format string"
        );
        assert_eq!(run("%s %(a)s", m(&[("a", int(1))])), "{'a': 1} 1");
        assert_eq!(run("%s", m(&[("a", int(1))])), "{'a': 1}");
        assert_eq!(
            run("%(a)*d", m(&[("a", int(1))])),
            "TypeError:not enough arguments for format string"
        );
        assert_eq!(
            run("%(a)*", m(&[("a", int(5))])),
            "ValueError:incomplete format"
        );
        assert_eq!(
            run("%(x)5%", m(&[("x", int(1))])),
            "ValueError:unsupported format character '%' (0x25) at index 5"
        );
        assert_eq!(run("%(a)", m(&[])), "KeyError:'a'");
        assert_eq!(run("%(a)s%(b)s", m(&[("a", int(1))])), "KeyError:'b'");
        assert_eq!(
            run("%(a", m(&[("a", int(1))])),
            "ValueError:incomplete format key"
        );
        assert_eq!(
            run("%(a)z", m(&[("a", int(1))])),
            "ValueError:unsupported format character 'z' (0x7a) at index 4"
        );
        assert_eq!(run("x", m(&[])), "x");
    }

    #[test]
    fn conversions() {
        let f = |x: f64| V::Float(x);
        for (fmt, args, want) in [
            ("%*d", tuple(&[int(5), int(1)]), "    1"),
            ("%-*d", tuple(&[int(5), int(1)]), "1    "),
            ("%*d", tuple(&[int(-5), int(1)]), "1    "),
            ("%.*d", tuple(&[int(-5), int(1)]), "1"),
            ("%.*f", tuple(&[int(-5), f(1.0)]), "1"),
            ("%.*s", tuple(&[int(-1), s("abc")]), ""),
            ("%*.*f", tuple(&[int(8), int(2), f(3.25159)]), "    3.25"),
            ("%5d", tuple(&[int(-3)]), "   -3"),
            ("%-5d|", tuple(&[int(-3)]), "-3   |"),
            ("%05d", tuple(&[int(-3)]), "-0003"),
            ("%+05d", tuple(&[int(3)]), "+0003"),
            ("% d", tuple(&[int(3)]), " 3"),
            ("%+ d", tuple(&[int(3)]), "+3"),
            ("%.5d", tuple(&[int(12)]), "00012"),
            ("%8.5d", tuple(&[int(-12)]), "  -00012"),
            ("%08.5d", tuple(&[int(-12)]), "-0000012"),
            ("%#.5x", tuple(&[int(255)]), "0x000ff"),
            ("%#8.5x", tuple(&[int(255)]), " 0x000ff"),
            ("%#08x", tuple(&[int(255)]), "0x0000ff"),
            ("%#x", tuple(&[int(-255)]), "-0xff"),
            ("%#o", tuple(&[int(8)]), "0o10"),
            ("%#X", tuple(&[int(255)]), "0XFF"),
            ("%X", tuple(&[int(-255)]), "-FF"),
            ("%o", tuple(&[int(-8)]), "-10"),
            ("%ld %hi %Lu", tuple(&[int(5), int(6), int(7)]), "5 6 7"),
            ("%d", tuple(&[f(3.7)]), "3"),
            ("% 010d", tuple(&[int(5)]), " 000000005"),
            ("%-+010d|", tuple(&[int(-5)]), "-5        |"),
            ("%#010o", tuple(&[int(8)]), "0o00000010"),
            ("%#-010o|", tuple(&[int(8)]), "0o10      |"),
            ("%# x", tuple(&[int(255)]), " 0xff"),
            ("%#.0x", tuple(&[int(0)]), "0x0"),
            ("%+.0d", tuple(&[int(0)]), "+0"),
            ("%#.1o", tuple(&[int(8)]), "0o10"),
            ("%c", tuple(&[int(65)]), "A"),
            ("%c", tuple(&[s("é")]), "é"),
            ("%c", tuple(&[int(256)]), "Ā"),
            ("%5c", tuple(&[int(65)]), "    A"),
            ("%-5c|", tuple(&[int(65)]), "A    |"),
            ("%05c", tuple(&[int(65)]), "    A"),
            ("%.0c", tuple(&[int(65)]), "A"),
            ("%-3.0c|", tuple(&[s("é")]), "é  |"),
            ("%05s", tuple(&[s("abc")]), "  abc"),
            ("%5.1s", tuple(&[s("abc")]), "    a"),
            ("%.2r", tuple(&[s("abc")]), "'a"),
            ("%a", tuple(&[s("é")]), "'\\xe9'"),
            ("%5r", tuple(&[s("é")]), "  'é'"),
            ("%+s %#s", tuple(&[s("a"), s("b")]), "a b"),
            ("%F", tuple(&[f(f64::INFINITY)]), "INF"),
            ("%+f", tuple(&[f(f64::NAN)]), "+nan"),
            ("%010f", tuple(&[f(f64::NEG_INFINITY)]), "-000000inf"),
            ("%08.3E", tuple(&[f(f64::NAN)]), "00000NAN"),
            ("%010.2f", tuple(&[f(-1.5)]), "-000001.50"),
            ("%-10.2f|", tuple(&[f(-1.5)]), "-1.50     |"),
            ("%#.0f", tuple(&[f(1.0)]), "1."),
            ("%#g", tuple(&[f(1.0)]), "1.00000"),
            ("%#.0e", tuple(&[f(1.0)]), "1.e+00"),
            ("% f", tuple(&[f(1.0)]), " 1.000000"),
            ("%+.3e", tuple(&[f(12345.0)]), "+1.234e+04"),
            ("%.0g", tuple(&[f(123.0)]), "1e+02"),
            ("%f", tuple(&[int(1)]), "1.000000"),
            ("%s", tuple(&[f(1.5)]), "1.5"),
            ("%r", tuple(&[V::None]), "None"),
        ] {
            assert_eq!(run(fmt, args), want, "{fmt:?}");
        }
        for (fmt, v, want) in [
            (
                "%x",
                f(3.0),
                "TypeError:%x format: an integer is required, not float",
            ),
            (
                "%d",
                s("s"),
                "TypeError:%d format: a real number is required, not str",
            ),
            (
                "%i",
                s("x"),
                "TypeError:%i format: a real number is required, not str",
            ),
            (
                "%u",
                s("x"),
                "TypeError:%u format: a real number is required, not str",
            ),
            ("%f", s("s"), "TypeError:must be real number, not str"),
            ("%g", V::None, "TypeError:must be real number, not NoneType"),
            ("%c", s("AB"), "TypeError:%c requires int or char"),
            ("%c", f(1.0), "TypeError:%c requires int or char"),
            (
                "%c",
                int(0x110000),
                "OverflowError:%c arg not in range(0x110000)",
            ),
            ("%c", int(-1), "OverflowError:%c arg not in range(0x110000)"),
        ] {
            assert_eq!(run(fmt, tuple(&[v])), want, "{fmt:?}");
        }
        let huge = V::Int(BigInt::from(2).pow(1024u32));
        assert_eq!(
            run("%f", tuple(&[huge])),
            "OverflowError:int too large to convert to float"
        );
        assert_eq!(
            run("%c", tuple(&[V::Int(BigInt::from(2).pow(63u32))])),
            "OverflowError:%c arg not in range(0x110000)"
        );
        assert_eq!(
            run("%c", tuple(&[int(0xDC00)])),
            "ValueError:lone surrogate U+DC00 cannot be stored in a str"
        );
        assert_eq!(
            run("%9223372036854775807d", tuple(&[int(1)])),
            "MemoryError:"
        );
    }

    #[test]
    fn bytes_formatting() {
        let b = |data: &[u8]| V::Bytes(data.to_vec());
        for (fmt, args, want) in [
            (
                &b"%y"[..],
                tuple(&[int(1)]),
                "ValueError:unsupported format character 'y' (0x79) at index 1",
            ),
            (
                b"%\xe9",
                tuple(&[int(1)]),
                "OverflowError:character argument not in range(0x110000)",
            ),
            (
                b"%5\xe9",
                tuple(&[int(1)]),
                "ValueError:unsupported format character '\u{e9}' (0xe9) at index 2",
            ),
            (
                b"%.5\xe9",
                tuple(&[int(1)]),
                "ValueError:unsupported format character '\u{e9}' (0xe9) at index 3",
            ),
            (
                b"%5.\xe9",
                tuple(&[int(1)]),
                "OverflowError:character argument not in range(0x110000)",
            ),
            (
                b"%0\xe9",
                tuple(&[int(1)]),
                "OverflowError:character argument not in range(0x110000)",
            ),
            (
                b"%l\xe9",
                tuple(&[int(1)]),
                "OverflowError:character argument not in range(0x110000)",
            ),
            (
                b"%\x00",
                tuple(&[int(1)]),
                "ValueError:unsupported format character '\0' (0x0) at index 1",
            ),
            (
                b"%\x7f",
                tuple(&[int(1)]),
                "ValueError:unsupported format character '\x7f' (0x7f) at index 1",
            ),
            (
                b"% \x01",
                tuple(&[int(1)]),
                "ValueError:unsupported format character '\x01' (0x1) at index 2",
            ),
            (
                b"%s",
                tuple(&[s("a")]),
                "TypeError:%b requires a bytes-like object, or an object that implements __bytes__, not 'str'",
            ),
            (b"%s", tuple(&[b(b"a")]), "a"),
            (b"%b", tuple(&[b(b"a")]), "a"),
            (b"%r", tuple(&[b(b"a")]), "b'a'"),
            (b"%.3a", tuple(&[s("é")]), "'\\x"),
            (
                b"%c",
                tuple(&[int(256)]),
                "OverflowError:%c arg not in range(256)",
            ),
            (
                b"%c",
                tuple(&[b(b"ab")]),
                "TypeError:%c requires an integer in range(256) or a single byte",
            ),
            (
                b"%c",
                tuple(&[s("a")]),
                "TypeError:%c requires an integer in range(256) or a single byte",
            ),
            (b"%c", tuple(&[b(b"a")]), "a"),
            (
                b"%i",
                tuple(&[s("x")]),
                "TypeError:%d format: a real number is required, not str",
            ),
            (
                b"%u",
                tuple(&[s("x")]),
                "TypeError:%u format: a real number is required, not str",
            ),
            (
                b"%f",
                tuple(&[s("x")]),
                "TypeError:float argument required, not str",
            ),
            (
                b"x",
                tuple(&[int(1)]),
                "TypeError:not all arguments converted during bytes formatting",
            ),
            (b"%", tuple(&[]), "ValueError:incomplete format"),
            (b"%5.1s", tuple(&[b(b"abc")]), "    a"),
            (b"%-5c|", tuple(&[int(65)]), "A    |"),
            (b"%#x", tuple(&[int(255)]), "0xff"),
            (b"%05s", tuple(&[b(b"a")]), "    a"),
            (
                b"%.99999999999d",
                tuple(&[int(1)]),
                "ValueError:prec too big",
            ),
            (
                b"%99999999999999999999d",
                tuple(&[int(1)]),
                "ValueError:width too big",
            ),
            (
                b"%5%",
                tuple(&[int(1)]),
                "ValueError:unsupported format character '%' (0x25) at index 2",
            ),
            (b"%lx", tuple(&[int(255)]), "ff"),
        ] {
            assert_eq!(
                run_bytes(fmt, args),
                want,
                "{:?}",
                String::from_utf8_lossy(fmt)
            );
        }
        let m = PrintfArgs::Mapping(V::Dict(vec![(b(b"a"), b(b"1"))]));
        assert_eq!(run_bytes(b"%(a)s", m), "1");
    }

    #[test]
    fn primitives() {
        let spec = |conv, width, precision, flags| PrintfSpec {
            flags,
            width,
            precision,
            conv,
        };
        let left = PrintfFlags {
            left: true,
            ..PrintfFlags::default()
        };
        assert_eq!(
            format_printf_int(&BigInt::from(-42), &spec('x', Some(6), None, left)).unwrap(),
            "-2a   "
        );
        assert_eq!(
            format_printf_float(2.5, &spec('f', None, Some(0), PrintfFlags::default())).unwrap(),
            "2"
        );
        assert_eq!(
            pad_printf_str("héllo", &spec('s', Some(4), Some(2), left)).unwrap(),
            "hé  "
        );
        assert_eq!(
            pad_printf_bytes(b"abc", &spec('s', Some(4), Some(9), PrintfFlags::default())).unwrap(),
            b" abc"
        );
        assert_eq!(printf_byte(&BigInt::from(255)), Ok(255));
        assert_eq!(printf_char(&BigInt::from(0x1F600)), Ok('\u{1F600}'));
    }

    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('\\') {
            out.push_str(&rest[..i]);
            rest = &rest[i + 1..];
            if let Some(r) = rest.strip_prefix('\\') {
                out.push('\\');
                rest = r;
            } else {
                let end = rest.find('}').unwrap();
                let cp = u32::from_str_radix(&rest[2..end], 16).unwrap();
                out.push(char::from_u32(cp).unwrap());
                rest = &rest[end + 1..];
            }
        }
        out.push_str(rest);
        out
    }

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
            .collect()
    }

    fn decode_value(s: &str) -> V {
        let (tag, rest) = s.split_at(1);
        match tag {
            "i" => V::Int(rest.parse().unwrap()),
            "f" => V::Float(rest.parse().unwrap()),
            "s" => V::Str(rest.into()),
            "b" => V::Bytes(unhex(rest)),
            _ => V::None,
        }
    }

    #[test]
    fn generated_table_matches_python() {
        let table = include_str!("testdata/printf_cases.txt");
        let mut count = 0;
        for line in table.lines() {
            let f: Vec<String> = line.split('\t').map(unescape).collect();
            let (kind, fmt, args, want) = (&f[0], &f[1], &f[2], &f[3]);
            let bytes = kind == "bytes";
            let (tag, body) = args.split_at(1);
            let items: Vec<&str> = if body.is_empty() {
                vec![]
            } else {
                body.split('\u{1}').collect()
            };
            let args = match tag {
                "T" => PrintfArgs::Tuple(items.iter().map(|v| decode_value(v)).collect()),
                "S" => PrintfArgs::Single(decode_value(body)),
                _ => PrintfArgs::Mapping(V::Dict(
                    items
                        .iter()
                        .map(|kv| {
                            let (k, v) = kv.split_once('\u{2}').unwrap();
                            let key = if bytes {
                                V::Bytes(unhex(k))
                            } else {
                                V::Str(k.into())
                            };
                            (key, decode_value(v))
                        })
                        .collect(),
                )),
            };
            let got = if bytes {
                printf(&mut Host, &unhex(fmt)[..], args)
                    .map(|d| d.iter().map(|b| format!("{b:02x}")).collect::<String>())
            } else {
                printf(&mut Host, fmt.as_str(), args)
            };
            let got = match got {
                Ok(text) => format!("ok:{text}"),
                Err(e) => format!("err:{}", e.show()),
            };
            assert_eq!(&got, want, "{kind} {fmt:?} % {line}");
            count += 1;
        }
        assert!(count > 2000);
    }
}
