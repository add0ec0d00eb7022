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
use super::layout::push_fill;
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
    push_fill(&mut out, ' ', left)?;
    out.push_str(sign);
    out.push_str(prefix);
    push_fill(&mut out, '0', inner.saturating_add(zeros))?;
    out.push_str(body);
    push_fill(&mut out, ' ', right)?;
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
    let (left, right) = if spec.flags.left { (0, pad) } else { (pad, 0) };
    push_fill(&mut out, ' ', left)?;
    out.push_str(text);
    push_fill(&mut out, ' ', right)?;
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
        out.resize(pad, b' ');
    }
    out.extend_from_slice(data);
    if spec.flags.left {
        out.resize(out.len() + pad, b' ');
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
