//! The representation of `str` objects: UTF-8 text with a cached hash and code-point length.
//! Counterpart: Include/cpython/unicodeobject.h (3.11). CPython stores 1, 2 or 4 bytes per
//! code point (PEP 393); we keep UTF-8 and remember whether the text is ASCII, which makes
//! indexing O(1) for the common case. Lone surrogates are not representable (see
//! docs/differences.md).

use std::cell::Cell;

use rpy_marshal::siphash::siphash13;

use crate::object::{Payload, PyObject};
use crate::value::{PyRef, Value};

pub struct PyStrData {
    s: Box<str>,
    /// Length in code points.
    chars: usize,
    /// `hash()`, or -1 until computed (CPython's convention: -1 is never a hash).
    hash: Cell<i64>,
}

impl PyStrData {
    pub fn new(s: impl Into<Box<str>>) -> PyStrData {
        let s = s.into();
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStrData {
            s,
            chars,
            hash: Cell::new(-1),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }

    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_str(&self.s);
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0 ≤ i < len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// Byte offset of code point `i` (i ≤ len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i.min(self.s.len());
        }
        self.s
            .char_indices()
            .nth(i)
            .map(|(b, _)| b)
            .unwrap_or(self.s.len())
    }

    /// The substring of code points `start..end`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if end <= start {
            return "";
        }
        let b0 = self.byte_offset(start);
        let b1 = self.byte_offset(end);
        &self.s[b0..b1]
    }
}

/// CPython's str hash with hash randomization off (as under `PYTHONHASHSEED=0`): SipHash-1-3
/// over the PEP 393 representation (1, 2 or 4 bytes per code point).
pub fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let h = if s.is_ascii() {
        siphash13(0, 0, s.as_bytes())
    } else {
        let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
        let mut data = Vec::with_capacity(s.len() * 2);
        for c in s.chars() {
            let cp = c as u32;
            match max {
                0..=0xFF => data.push(cp as u8),
                0x100..=0xFFFF => data.extend_from_slice(&(cp as u16).to_le_bytes()),
                _ => data.extend_from_slice(&cp.to_le_bytes()),
            }
        }
        siphash13(0, 0, &data)
    };
    let h = h as i64;
    if h == -1 { -2 } else { h }
}

/// A new exact `str` object.
pub fn new_str(s: &str) -> PyRef {
    crate::vm::with_types(|t| str_object(t, s))
}

pub fn new_string(s: String) -> PyRef {
    crate::vm::with_types(|t| str_object(t, s))
}

/// A str object of the type table `types` (`Vm::new_str` passes its own, sparing the
/// thread-local lookup).
#[inline]
pub fn str_object(types: &crate::types::Types, s: impl Into<Box<str>>) -> PyRef {
    PyObject::new(types.str.clone(), Payload::Str(PyStrData::new(s)))
}

/// A `str` value.
pub fn str_value(s: &str) -> Value {
    Value::Obj(new_str(s))
}

/// Whether the object's class is exactly `str`.
#[inline]
pub fn is_exact(o: &PyRef) -> bool {
    crate::types::kind_of(o) == crate::types::TypeKind::Str
}

/// The text of an exact `str` value.
#[inline]
pub fn exact_str(v: &Value) -> Option<&str> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) if is_exact(o) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

/// The text of any `str` value (subclasses included).
#[inline]
pub fn as_str(v: &Value) -> Option<&str> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

pub fn as_str_data(v: &Value) -> Option<&PyStrData> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}
