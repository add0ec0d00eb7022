//! The marshal writer. Counterpart: `w_object` in Python/marshal.c (3.11).
//!
//! CPython flags an object for back-references when its refcount is above one. We have no
//! refcounts, so a first pass counts occurrences instead: strings and bytes by value, shared
//! containers and code objects by identity; whatever occurs more than once is flagged at its
//! first occurrence and written as an `r` reference afterwards.

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::Sign;

use super::types::*;
use super::{MAX_DEPTH, VERSION};
use crate::code::CodeObject;
use crate::value::{PyStr, Value};

/// Serializes `value` with the given marshal version (0–4); `None` if it nests deeper than
/// CPython allows (`ValueError: object too deeply nested to marshal`).
pub fn dumps(value: &Value, version: u32) -> Option<Vec<u8>> {
    let mut w = Writer::new(version);
    w.count(value, 0);
    w.write(value, 0).then_some(w.out)
}

/// What identifies an occurrence for back-references.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Text(Rc<[u8]>, u8),
    Ptr(usize),
}

#[derive(Clone, Copy)]
enum Seen {
    /// Seen this many times by the counting pass.
    Count(u32),
    /// Written, with this reference index.
    Index(u32),
}

/// A marshal writer; `dumps` is the usual entry point.
pub struct Writer {
    out: Vec<u8>,
    version: u32,
    seen: HashMap<Key, Seen>,
    next_index: u32,
}

fn key_of(v: &Value) -> Option<Key> {
    Some(match v {
        Value::Str(s) => Key::Text(Rc::from(s.as_wtf8()), if s.is_interned() { 1 } else { 0 }),
        Value::Bytes(b) => Key::Text(b.clone(), 2),
        Value::Long(n) => Key::Ptr(Rc::as_ptr(n) as usize),
        Value::Tuple(t) | Value::List(t) | Value::Set(t) | Value::FrozenSet(t) => {
            Key::Ptr(t.as_ptr() as usize)
        }
        Value::Dict(d) => Key::Ptr(d.as_ptr() as usize),
        Value::Code(c) => Key::Ptr(Rc::as_ptr(c) as usize),
        _ => return None,
    })
}

impl Writer {
    pub fn new(version: u32) -> Writer {
        Writer {
            out: Vec::new(),
            version: version.min(VERSION),
            seen: HashMap::new(),
            next_index: 0,
        }
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    /// First pass: count occurrences (only when references exist, version ≥ 3).
    fn count(&mut self, v: &Value, depth: usize) {
        if self.version < 3 || depth > MAX_DEPTH {
            return;
        }
        crate::stack::guard(depth, || self.count_inner(v, depth));
    }

    fn count_inner(&mut self, v: &Value, depth: usize) {
        let Some(key) = key_of(v) else { return };
        // Empty strings and tuples are cheaper to repeat than to reference.
        if matches!(v, Value::Tuple(t) if t.is_empty()) {
            return;
        }
        let entry = self.seen.entry(key).or_insert(Seen::Count(0));
        let Seen::Count(n) = entry else { return };
        *n += 1;
        if *n > 1 {
            return;
        }
        match v {
            Value::Tuple(t) | Value::List(t) | Value::Set(t) | Value::FrozenSet(t) => {
                t.iter().for_each(|x| self.count(x, depth + 1));
            }
            Value::Dict(d) => d.iter().for_each(|(k, x)| {
                self.count(k, depth + 1);
                self.count(x, depth + 1);
            }),
            Value::Code(c) => self.count_code(c, depth + 1),
            _ => {}
        }
    }

    fn count_code(&mut self, c: &CodeObject, depth: usize) {
        let strs = |s: &Rc<[PyStr]>| s.iter().cloned().map(Value::Str).collect::<Vec<_>>();
        let mut fields = vec![Value::Bytes(c.code.clone()), Value::Tuple(c.consts.clone())];
        fields.push(Value::Tuple(Rc::from(strs(&c.names))));
        fields.push(Value::Tuple(Rc::from(strs(&c.localsplusnames))));
        fields.push(Value::Bytes(c.localspluskinds.clone()));
        fields.push(Value::Str(c.filename.clone()));
        fields.push(Value::Str(c.name.clone()));
        fields.push(Value::Str(c.qualname.clone()));
        fields.push(Value::Bytes(c.linetable.clone()));
        fields.push(Value::Bytes(c.exceptiontable.clone()));
        for f in &fields {
            match f {
                // Freshly built name tuples have no identity worth sharing; count their items.
                Value::Tuple(t) if !Rc::ptr_eq(t, &c.consts) => {
                    t.iter().for_each(|x| self.count(x, depth + 1))
                }
                _ => self.count(f, depth),
            }
        }
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn i32(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn size(&mut self, n: usize) {
        self.i32(n as i32);
    }

    /// Emits a reference if `v` was written before; otherwise returns the flag bit to put on
    /// its type byte (and registers it when it will be referenced later).
    fn reference(&mut self, v: &Value) -> Option<u8> {
        if self.version < 3 {
            return Some(0);
        }
        let Some(key) = key_of(v) else { return Some(0) };
        match self.seen.get(&key).copied() {
            Some(Seen::Index(i)) => {
                self.byte(REF);
                self.i32(i as i32);
                None
            }
            Some(Seen::Count(n)) if n > 1 => {
                self.seen.insert(key, Seen::Index(self.next_index));
                self.next_index += 1;
                Some(FLAG_REF)
            }
            _ => Some(0),
        }
    }

    /// Writes one object; false if it nests too deeply.
    pub fn write(&mut self, v: &Value, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        crate::stack::guard(depth, || self.write_inner(v, depth))
    }

    fn write_inner(&mut self, v: &Value, depth: usize) -> bool {
        match v {
            Value::None => self.byte(NONE),
            Value::True => self.byte(TRUE),
            Value::False => self.byte(FALSE),
            Value::Ellipsis => self.byte(ELLIPSIS),
            Value::StopIteration => self.byte(STOPITER),
            Value::Int(n) => match i32::try_from(*n) {
                Ok(small) => {
                    self.byte(INT);
                    self.i32(small);
                }
                Err(_) => self.long(*n < 0, &n.unsigned_abs().to_le_bytes(), 0),
            },
            Value::Long(n) => {
                let Some(flag) = self.reference(v) else {
                    return true;
                };
                let (sign, mag) = n.to_bytes_le();
                self.long(sign == Sign::Minus, &mag, flag);
            }
            Value::Float(x) => {
                if self.version > 1 {
                    self.byte(BINARY_FLOAT);
                    self.out.extend_from_slice(&x.to_le_bytes());
                } else {
                    self.byte(FLOAT);
                    self.text_float(*x);
                }
            }
            Value::Complex(re, im) => {
                if self.version > 1 {
                    self.byte(BINARY_COMPLEX);
                    self.out.extend_from_slice(&re.to_le_bytes());
                    self.out.extend_from_slice(&im.to_le_bytes());
                } else {
                    self.byte(COMPLEX);
                    self.text_float(*re);
                    self.text_float(*im);
                }
            }
            Value::Str(s) => {
                let Some(flag) = self.reference(v) else {
                    return true;
                };
                self.str(s, flag);
            }
            Value::Bytes(b) => {
                let Some(flag) = self.reference(v) else {
                    return true;
                };
                self.byte(STRING | flag);
                self.size(b.len());
                self.out.extend_from_slice(b);
            }
            Value::Tuple(items) => {
                let Some(flag) = self.reference(v) else {
                    return true;
                };
                if self.version >= 4 && items.len() < 256 {
                    self.byte(SMALL_TUPLE | flag);
                    self.byte(items.len() as u8);
                } else {
                    self.byte(TUPLE | flag);
                    self.size(items.len());
                }
                return items.iter().all(|x| self.write(x, depth + 1));
            }
            Value::List(items) => {
                let Some(flag) = self.reference(v) else {
                    return true;
                };
                self.byte(LIST | flag);
                self.size(items.len());
                return items.iter().all(|x| self.write(x, depth + 1));
            }
            Value::Dict(items) => {
                let Some(flag) = self.reference(v) else {
                    return true;
                };
                self.byte(DICT | flag);
                for (k, x) in items.iter() {
                    if !(self.write(k, depth + 1) && self.write(x, depth + 1)) {
                        return false;
                    }
                }
                self.byte(NULL);
            }
            Value::Set(items) | Value::FrozenSet(items) => {
                let Some(flag) = self.reference(v) else {
                    return true;
                };
                let ty = if matches!(v, Value::Set(_)) {
                    SET
                } else {
                    FROZENSET
                };
                self.byte(ty | flag);
                self.size(items.len());
                // Items go in the order of their own marshal bytes, so output is reproducible.
                let mut keyed: Vec<(Vec<u8>, &Value)> = Vec::with_capacity(items.len());
                for x in items.iter() {
                    let Some(bytes) = dumps(x, self.version) else {
                        return false;
                    };
                    keyed.push((bytes, x));
                }
                keyed.sort_by(|a, b| a.0.cmp(&b.0));
                return keyed.into_iter().all(|(_, x)| self.write(x, depth + 1));
            }
            Value::Code(c) => {
                let Some(flag) = self.reference(v) else {
                    return true;
                };
                return self.code(c, flag, depth);
            }
        }
        true
    }

    fn str(&mut self, s: &PyStr, flag: u8) {
        let data = s.as_wtf8();
        if self.version >= 4 && s.is_ascii() {
            let interned = s.is_interned();
            if data.len() < 256 {
                self.byte(
                    if interned {
                        SHORT_ASCII_INTERNED
                    } else {
                        SHORT_ASCII
                    } | flag,
                );
                self.byte(data.len() as u8);
            } else {
                self.byte(if interned { ASCII_INTERNED } else { ASCII } | flag);
                self.size(data.len());
            }
        } else {
            let interned = self.version >= 3 && s.is_interned();
            self.byte(if interned { INTERNED } else { UNICODE } | flag);
            self.size(data.len());
        }
        self.out.extend_from_slice(data);
    }

    /// `w_PyLong`: sign and magnitude (little-endian bytes) as 15-bit digits.
    fn long(&mut self, negative: bool, mag: &[u8], flag: u8) {
        let mut digits = Vec::new();
        let mut acc = 0u32;
        let mut bits = 0;
        for &b in mag {
            acc |= (b as u32) << bits;
            bits += 8;
            while bits >= 15 {
                digits.push((acc & 0x7FFF) as u16);
                acc >>= 15;
                bits -= 15;
            }
        }
        digits.push(acc as u16);
        while digits.last() == Some(&0) {
            digits.pop();
        }
        self.byte(LONG | flag);
        let n = digits.len() as i32;
        self.i32(if negative { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn text_float(&mut self, x: f64) {
        let text = crate::repr::format_g(x, 17);
        self.byte(text.len() as u8);
        self.out.extend_from_slice(text.as_bytes());
    }

    fn code(&mut self, c: &CodeObject, flag: u8, depth: usize) -> bool {
        self.byte(CODE | flag);
        for n in [
            c.argcount,
            c.posonlyargcount,
            c.kwonlyargcount,
            c.stacksize,
            c.flags,
        ] {
            self.i32(n as i32);
        }
        let d = depth + 1;
        let strs = |s: &Rc<[PyStr]>| {
            Value::Tuple(s.iter().cloned().map(Value::Str).collect::<Vec<_>>().into())
        };
        self.write(&Value::Bytes(c.code.clone()), d)
            && self.write(&Value::Tuple(c.consts.clone()), d)
            && self.write(&strs(&c.names), d)
            && self.write(&strs(&c.localsplusnames), d)
            && self.write(&Value::Bytes(c.localspluskinds.clone()), d)
            && self.write(&Value::Str(c.filename.clone()), d)
            && self.write(&Value::Str(c.name.clone()), d)
            && self.write(&Value::Str(c.qualname.clone()), d)
            && {
                self.i32(c.firstlineno);
                true
            }
            && self.write(&Value::Bytes(c.linetable.clone()), d)
            && self.write(&Value::Bytes(c.exceptiontable.clone()), d)
    }
}
