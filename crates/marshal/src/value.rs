//! The values marshal can carry: the constants of code objects and the payload of a `.pyc`.
//! Counterpart: the object types handled by Python/marshal.c (3.11).
//!
//! This is the format crate's own value type, immutable and cheap to clone (`Rc`); the VM
//! converts it to its objects. Strings may hold lone surrogates, as CPython's can, so `PyStr`
//! keeps CPython's "surrogatepass" UTF-8 bytes rather than a Rust `String`.

use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::code::CodeObject;

/// A marshalled value.
#[derive(Clone, Debug)]
pub enum Value {
    None,
    True,
    False,
    Ellipsis,
    /// The `StopIteration` class (marshal type `S`).
    StopIteration,
    /// An int that fits in i64.
    Int(i64),
    /// An int outside i64 (never holds a value that fits in i64).
    Long(Rc<BigInt>),
    Float(f64),
    Complex(f64, f64),
    Str(PyStr),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Value]>),
    List(Rc<[Value]>),
    /// Key/value pairs in marshal order.
    Dict(Rc<[(Value, Value)]>),
    Set(Rc<[Value]>),
    FrozenSet(Rc<[Value]>),
    Code(Rc<CodeObject>),
}

impl Value {
    /// An int from a big integer, normalized to `Int` when it fits in i64.
    pub fn from_bigint(n: BigInt) -> Value {
        match i64::try_from(&n) {
            Ok(small) => Value::Int(small),
            Err(_) => Value::Long(Rc::new(n)),
        }
    }

    pub fn str(s: &str) -> Value {
        Value::Str(PyStr::new(s))
    }

    pub fn as_str(&self) -> Option<&PyStr> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_code(&self) -> Option<&Rc<CodeObject>> {
        match self {
            Value::Code(c) => Some(c),
            _ => None,
        }
    }

    /// CPython's type name for this value (`type(v).__name__`).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::True | Value::False => "bool",
            Value::Ellipsis => "ellipsis",
            Value::StopIteration => "type",
            Value::Int(_) | Value::Long(_) => "int",
            Value::Float(_) => "float",
            Value::Complex(..) => "complex",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::Tuple(_) => "tuple",
            Value::List(_) => "list",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Code(_) => "code",
        }
    }
}

/// Structural equality, as marshal round trips need it: floats compare by bits (so `nan`
/// equals itself and `-0.0` differs from `0.0`), strings by content (not interning), sets
/// regardless of order.
impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None)
            | (True, True)
            | (False, False)
            | (Ellipsis, Ellipsis)
            | (StopIteration, StopIteration) => true,
            (Int(a), Int(b)) => a == b,
            (Long(a), Long(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex(a, b), Complex(c, d)) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) | (List(a), List(b)) => a == b,
            // Sets compare as sets: marshal writers order items by their own serialization,
            // which depends on the writer's reference flags.
            (Set(a), Set(b)) | (FrozenSet(a), FrozenSet(b)) => {
                a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| x == y))
            }
            (Dict(a), Dict(b)) => a == b,
            (Code(a), Code(b)) => Rc::ptr_eq(a, b) || a == b,
            _ => false,
        }
    }
}

/// A Python `str`: UTF-8 bytes in which lone surrogates (U+D800..U+DFFF) are encoded as
/// ordinary three-byte sequences, exactly as CPython's `surrogatepass` error handler does.
#[derive(Clone)]
pub struct PyStr {
    bytes: Rc<[u8]>,
    /// Whether marshal marked it interned (`t`, `A`, `Z`); not part of the value.
    interned: bool,
    /// Whether the bytes are plain UTF-8 (no lone surrogate): checked once, when made.
    utf8: bool,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr {
            bytes: Rc::from(s.as_bytes()),
            interned: false,
            utf8: true,
        }
    }

    pub fn interned(s: &str) -> PyStr {
        PyStr {
            bytes: Rc::from(s.as_bytes()),
            interned: true,
            utf8: true,
        }
    }

    /// Builds a string from surrogatepass UTF-8; `None` if the bytes are not such UTF-8.
    pub fn from_wtf8(bytes: &[u8], interned: bool) -> Option<PyStr> {
        let utf8 = std::str::from_utf8(bytes).is_ok();
        if !utf8 && !is_surrogatepass_utf8(bytes) {
            return Option::None;
        }
        Some(PyStr {
            bytes: Rc::from(bytes),
            interned,
            utf8,
        })
    }

    /// Builds a string from Latin-1 bytes (marshal's ASCII forms read this way).
    pub fn from_latin1(bytes: &[u8], interned: bool) -> PyStr {
        if bytes.is_ascii() {
            return PyStr {
                bytes: Rc::from(bytes),
                interned,
                utf8: true,
            };
        }
        let s: String = bytes.iter().map(|&b| char::from(b)).collect();
        PyStr {
            bytes: Rc::from(s.as_bytes()),
            interned,
            utf8: true,
        }
    }

    /// Builds a string from code points (surrogates allowed).
    pub fn from_code_points(points: impl IntoIterator<Item = u32>, interned: bool) -> PyStr {
        let mut out = Vec::new();
        for cp in points {
            push_code_point(&mut out, cp);
        }
        let utf8 = std::str::from_utf8(&out).is_ok();
        PyStr {
            bytes: Rc::from(out),
            interned,
            utf8,
        }
    }

    /// The surrogatepass UTF-8 bytes.
    pub fn as_wtf8(&self) -> &[u8] {
        &self.bytes
    }

    /// The text as `&str`, unless it holds a lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        if self.utf8 {
            // SAFETY: `utf8` is set only for bytes checked (or built) to be UTF-8, and the
            // bytes never change.
            Some(unsafe { std::str::from_utf8_unchecked(&self.bytes) })
        } else {
            None
        }
    }

    /// The text, with any lone surrogate replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> String {
        self.code_points()
            .map(|cp| char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    }

    pub fn is_interned(&self) -> bool {
        self.interned
    }

    pub fn is_ascii(&self) -> bool {
        self.bytes.is_ascii()
    }

    /// Length in code points (`len(s)`).
    pub fn char_len(&self) -> usize {
        self.bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }

    /// The code points, in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            bytes: &self.bytes,
            pos: 0,
        }
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.bytes == other.bytes
    }
}

impl Eq for PyStr {}

impl std::hash::Hash for PyStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.bytes.hash(state);
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_string_lossy())
    }
}

impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

/// Iterator over the code points of a `PyStr`.
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let b = &self.bytes[self.pos..];
        let (&first, _) = b.split_first()?;
        let (len, init) = match first {
            0x00..=0x7F => (1, first as u32),
            0xC0..=0xDF => (2, (first & 0x1F) as u32),
            0xE0..=0xEF => (3, (first & 0x0F) as u32),
            _ => (4, (first & 0x07) as u32),
        };
        let cp = b[1..len.min(b.len())]
            .iter()
            .fold(init, |acc, &c| (acc << 6) | (c & 0x3F) as u32);
        self.pos += len.min(b.len());
        Some(cp)
    }
}

/// Appends one code point (surrogates included) in UTF-8 form.
pub fn push_code_point(out: &mut Vec<u8>, cp: u32) {
    match cp {
        0..=0x7F => out.push(cp as u8),
        0x80..=0x7FF => out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]),
        0x800..=0xFFFF => out.extend_from_slice(&[
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
        _ => out.extend_from_slice(&[
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
    }
}

/// True if `bytes` is UTF-8 in which three-byte encodings of U+D800..U+DFFF are also allowed.
fn is_surrogatepass_utf8(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, min) = match b {
            0x00..=0x7F => {
                i += 1;
                continue;
            }
            0xC2..=0xDF => (2, 0x80),
            0xE0..=0xEF => (3, 0x800),
            0xF0..=0xF4 => (4, 0x10000),
            _ => return false,
        };
        let Some(tail) = bytes.get(i + 1..i + len) else {
            return false;
        };
        if tail.iter().any(|&c| c & 0xC0 != 0x80) {
            return false;
        }
        let cp = tail.iter().fold((b as u32) & (0x7F >> len), |acc, &c| {
            (acc << 6) | (c & 0x3F) as u32
        });
        if cp < min || cp > 0x10FFFF {
            return false;
        }
        i += len;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogates_round_trip() {
        let s = PyStr::from_code_points([0x68, 0xD800, 0x1F600], false);
        assert_eq!(
            s.code_points().collect::<Vec<_>>(),
            vec![0x68, 0xD800, 0x1F600]
        );
        assert!(s.as_str().is_none());
        assert_eq!(s.char_len(), 3);
        assert!(PyStr::from_wtf8(s.as_wtf8(), false).is_some());
        assert!(PyStr::from_wtf8(b"\xff", false).is_none());
        assert!(PyStr::from_wtf8(b"\xc0\x80", false).is_none());
    }

    #[test]
    fn latin1() {
        let s = PyStr::from_latin1(b"caf\xe9", false);
        assert_eq!(s.as_str(), Some("café"));
    }
}
