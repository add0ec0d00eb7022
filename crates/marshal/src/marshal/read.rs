//! The marshal reader. Counterpart: `r_object` in Python/marshal.c (3.11).
//!
//! Every length is checked against the bytes that remain before anything is allocated, and
//! nesting is bounded by `MAX_DEPTH`, so hostile input gives a `MarshalError`, never a panic
//! or a huge allocation.

use std::rc::Rc;

use num_bigint::{BigInt, BigUint, Sign};

use super::types::*;
use super::{ErrorKind, MAX_DEPTH, MarshalError};
use crate::code::CodeObject;
use crate::value::{PyStr, Value};

/// Reads one object from the start of `data` (trailing bytes are ignored, as `marshal.loads`
/// ignores them).
pub fn loads(data: &[u8]) -> Result<Value> {
    Reader::new(data).read_object()
}

/// A marshal reader over a byte slice.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Flagged objects in pre-order; `None` while a code object or frozenset is being built.
    refs: Vec<Option<Value>>,
    /// Items of the containers being read, innermost last (one buffer for all, so building
    /// a tuple costs one allocation: its own).
    scratch: Vec<Value>,
    depth: usize,
}

type Result<T> = std::result::Result<T, MarshalError>;

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Reader<'a> {
        Reader {
            data,
            pos: 0,
            refs: Vec::new(),
            scratch: Vec::new(),
            depth: 0,
        }
    }

    /// Bytes consumed so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    fn err<T>(&self, offset: usize, kind: ErrorKind) -> Result<T> {
        Err(MarshalError { offset, kind })
    }

    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    #[inline]
    fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.remaining() {
            return self.err(self.data.len(), ErrorKind::Eof);
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    #[inline]
    fn u8(&mut self) -> Result<u8> {
        match self.data.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => self.err(self.pos, ErrorKind::Eof),
        }
    }

    #[inline]
    fn i32(&mut self) -> Result<i32> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f64(&mut self) -> Result<f64> {
        let b = self.bytes(8)?;
        Ok(f64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    /// A u32 count that must fit what remains, each element taking at least `min_each` bytes.
    fn count(&mut self, what: &'static str, min_each: usize) -> Result<usize> {
        let at = self.pos;
        let n = self.i32()?;
        if n < 0 {
            return self.err(at, ErrorKind::SizeOutOfRange(what));
        }
        let n = n as usize;
        if n.saturating_mul(min_each) > self.remaining() {
            return self.err(self.data.len(), ErrorKind::Eof);
        }
        Ok(n)
    }

    /// Reads one complete object; a NULL is an error here.
    pub fn read_object(&mut self) -> Result<Value> {
        let at = self.pos;
        match self.r_object()? {
            Some(v) => Ok(v),
            None => self.err(at, ErrorKind::NullObject("object")),
        }
    }

    fn item(&mut self, what: &'static str) -> Result<Value> {
        let at = self.pos;
        match self.r_object()? {
            Some(v) => Ok(v),
            None => self.err(at, ErrorKind::NullObject(what)),
        }
    }

    /// Reads `n` items (n already checked against the remaining bytes).
    fn items(&mut self, n: usize, what: &'static str) -> Result<Rc<[Value]>> {
        let start = self.scratch.len();
        for _ in 0..n {
            match self.item(what) {
                Ok(v) => self.scratch.push(v),
                Err(e) => {
                    self.scratch.truncate(start);
                    return Err(e);
                }
            }
        }
        Ok(self.scratch.drain(start..).collect())
    }

    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn fill(&mut self, slot: Option<usize>, v: &Value) {
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
    }

    /// `r_object`: `Ok(None)` is marshal's NULL (type `0`).
    fn r_object(&mut self) -> Result<Option<Value>> {
        let at = self.pos;
        let code = self.u8()?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return self.err(at, ErrorKind::RecursionLimit);
        }
        let depth = self.depth;
        let result = crate::stack::guard(depth, || {
            self.r_typed(at, code & !FLAG_REF, code & FLAG_REF != 0)
        });
        self.depth -= 1;
        result
    }

    fn r_typed(&mut self, at: usize, ty: u8, flag: bool) -> Result<Option<Value>> {
        // Singletons are never registered, even when flagged (as in CPython).
        let v = match ty {
            NULL => return Ok(None),
            NONE => return Ok(Some(Value::None)),
            TRUE => return Ok(Some(Value::True)),
            FALSE => return Ok(Some(Value::False)),
            ELLIPSIS => return Ok(Some(Value::Ellipsis)),
            STOPITER => return Ok(Some(Value::StopIteration)),
            REF => {
                let n = self.i32()? as u32;
                return match self.refs.get(n as usize) {
                    Some(Some(v)) => Ok(Some(v.clone())),
                    _ => self.err(at, ErrorKind::InvalidReference(n)),
                };
            }
            INT => Value::Int(self.i32()? as i64),
            INT64 => {
                let b = self.bytes(8)?;
                Value::Int(i64::from_le_bytes(b.try_into().expect("8 bytes")))
            }
            LONG => self.r_long(at)?,
            BINARY_FLOAT => Value::Float(self.f64()?),
            BINARY_COMPLEX => {
                let re = self.f64()?;
                Value::Complex(re, self.f64()?)
            }
            FLOAT => Value::Float(self.text_float(at)?),
            COMPLEX => {
                let re = self.text_float(at)?;
                Value::Complex(re, self.text_float(at)?)
            }
            STRING => {
                let n = self.count("bytes object", 1)?;
                Value::Bytes(Rc::from(self.bytes(n)?))
            }
            UNICODE | INTERNED => {
                let n = self.count("string", 1)?;
                let b = self.bytes(n)?;
                match PyStr::from_wtf8(b, ty == INTERNED) {
                    Some(s) => Value::Str(s),
                    None => return self.err(at, ErrorKind::BadUtf8),
                }
            }
            ASCII | ASCII_INTERNED => {
                let n = self.count("string", 1)?;
                Value::Str(PyStr::from_latin1(self.bytes(n)?, ty == ASCII_INTERNED))
            }
            SHORT_ASCII | SHORT_ASCII_INTERNED => {
                let n = self.u8()? as usize;
                Value::Str(PyStr::from_latin1(
                    self.bytes(n)?,
                    ty == SHORT_ASCII_INTERNED,
                ))
            }
            SMALL_TUPLE | TUPLE => {
                let n = if ty == SMALL_TUPLE {
                    self.u8()? as usize
                } else {
                    self.count("tuple", 1)?
                };
                let slot = self.reserve(flag);
                let items = self.items(n, "tuple")?;
                let v = Value::Tuple(items);
                self.fill(slot, &v);
                return Ok(Some(v));
            }
            LIST => {
                let n = self.count("list", 1)?;
                let slot = self.reserve(flag);
                let v = Value::List(self.items(n, "list")?);
                self.fill(slot, &v);
                return Ok(Some(v));
            }
            DICT => {
                let slot = self.reserve(flag);
                let mut items = Vec::new();
                // A NULL key or value ends the dict (CPython stops at either).
                while let Some(k) = self.r_object()? {
                    match self.r_object()? {
                        Some(v) => items.push((k, v)),
                        None => break,
                    }
                }
                let v = Value::Dict(Rc::from(items));
                self.fill(slot, &v);
                return Ok(Some(v));
            }
            SET | FROZENSET => {
                let n = self.count("set", 1)?;
                let slot = self.reserve(flag);
                let items = self.items(n, "set")?;
                let v = if ty == SET {
                    Value::Set(items)
                } else {
                    Value::FrozenSet(items)
                };
                self.fill(slot, &v);
                return Ok(Some(v));
            }
            CODE => {
                let slot = self.reserve(flag);
                let v = Value::Code(Rc::new(self.r_code(at)?));
                self.fill(slot, &v);
                return Ok(Some(v));
            }
            other => return self.err(at, ErrorKind::UnknownType(other)),
        };
        if flag {
            self.refs.push(Some(v.clone()));
        }
        Ok(Some(v))
    }

    fn text_float(&mut self, at: usize) -> Result<f64> {
        let n = self.u8()? as usize;
        let text = self.bytes(n)?;
        std::str::from_utf8(text)
            .ok()
            .and_then(|t| t.trim().parse::<f64>().ok())
            .map_or_else(|| self.err(at, ErrorKind::BadFloat), Ok)
    }

    /// `r_PyLong`: a signed count of 15-bit digits, least significant first.
    fn r_long(&mut self, at: usize) -> Result<Value> {
        let n = self.i32()?;
        let len = n.unsigned_abs() as usize;
        if len.saturating_mul(2) > self.remaining() {
            return self.err(self.data.len(), ErrorKind::Eof);
        }
        let raw = self.bytes(len * 2)?;
        let mut digits = Vec::with_capacity(len);
        for pair in raw.chunks_exact(2) {
            let d = u16::from_le_bytes([pair[0], pair[1]]);
            if d >= 1 << 15 {
                return self.err(at, ErrorKind::DigitOutOfRange);
            }
            digits.push(d);
        }
        if digits.last() == Some(&0) {
            return self.err(at, ErrorKind::UnnormalizedLong);
        }
        if len <= 4 {
            let mag = digits
                .iter()
                .rev()
                .fold(0u64, |acc, &d| (acc << 15) | d as u64);
            if let Ok(m) = i64::try_from(mag) {
                return Ok(Value::Int(if n < 0 { -m } else { m }));
            }
        }
        // Pack the 15-bit digits into 32-bit words without quadratic shifting.
        let mut words = vec![0u32; (len * 15).div_ceil(32) + 1];
        for (i, &d) in digits.iter().enumerate() {
            let bit = i * 15;
            let (w, off) = (bit / 32, bit % 32);
            let wide = (d as u64) << off;
            words[w] |= wide as u32;
            words[w + 1] |= (wide >> 32) as u32;
        }
        let mag = BigUint::new(words);
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        Ok(Value::from_bigint(BigInt::from_biguint(sign, mag)))
    }

    fn r_code(&mut self, at: usize) -> Result<CodeObject> {
        let int_field = |r: &mut Self, what: &'static str| -> Result<u32> {
            let v = r.i32()?;
            u32::try_from(v).map_err(|_| bad_code(at, what))
        };
        let argcount = int_field(self, "co_argcount is negative")?;
        let posonlyargcount = int_field(self, "co_posonlyargcount is negative")?;
        let kwonlyargcount = int_field(self, "co_kwonlyargcount is negative")?;
        let stacksize = int_field(self, "co_stacksize is negative")?;
        let flags = int_field(self, "co_flags is negative")?;
        let code = self.bytes_field(at, "co_code is not bytes")?;
        let consts = match self.item("code")? {
            Value::Tuple(t) => t,
            _ => return Err(bad_code(at, "co_consts is not a tuple")),
        };
        let names = self.str_tuple_field(at, "co_names is not a tuple of str")?;
        let localsplusnames =
            self.str_tuple_field(at, "co_localsplusnames is not a tuple of str")?;
        let localspluskinds = self.bytes_field(at, "co_localspluskinds is not bytes")?;
        let filename = self.str_field(at, "co_filename is not a str")?;
        let name = self.str_field(at, "co_name is not a str")?;
        let qualname = self.str_field(at, "co_qualname is not a str")?;
        let firstlineno = self.i32()?;
        let linetable = self.bytes_field(at, "co_linetable is not bytes")?;
        let exceptiontable = self.bytes_field(at, "co_exceptiontable is not bytes")?;
        let code = CodeObject {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        };
        code.validate().map_err(|e| MarshalError {
            offset: at,
            kind: ErrorKind::BadCode(e.to_string()),
        })?;
        Ok(code)
    }

    fn bytes_field(&mut self, at: usize, what: &'static str) -> Result<Rc<[u8]>> {
        match self.item("code")? {
            Value::Bytes(b) => Ok(b),
            _ => Err(bad_code(at, what)),
        }
    }

    fn str_field(&mut self, at: usize, what: &'static str) -> Result<PyStr> {
        match self.item("code")? {
            Value::Str(s) => Ok(s),
            _ => Err(bad_code(at, what)),
        }
    }

    fn str_tuple_field(&mut self, at: usize, what: &'static str) -> Result<Rc<[PyStr]>> {
        // Fast path: an unflagged tuple (nothing can refer to it) is read straight into the
        // name list, without building the intermediate tuple.
        if let Some(&ty @ (SMALL_TUPLE | TUPLE)) = self.data.get(self.pos) {
            self.pos += 1;
            self.depth += 1;
            let n = if ty == SMALL_TUPLE {
                self.u8()? as usize
            } else {
                self.count("tuple", 1)?
            };
            let mut names = Vec::with_capacity(n);
            for _ in 0..n {
                match self.item("tuple")? {
                    Value::Str(s) => names.push(s),
                    _ => return Err(bad_code(at, what)),
                }
            }
            self.depth -= 1;
            return Ok(Rc::from(names));
        }
        match self.item("code")? {
            Value::Tuple(items) => items
                .iter()
                .map(|v| v.as_str().cloned())
                .collect::<Option<_>>()
                .ok_or_else(|| bad_code(at, what)),
            _ => Err(bad_code(at, what)),
        }
    }
}

/// CPython reports malformed code fields as `SystemError: bad argument to internal function`.
#[cold]
fn bad_code(at: usize, what: &'static str) -> MarshalError {
    MarshalError {
        offset: at,
        kind: ErrorKind::BadCode(format!("bad argument to internal function ({what})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(data: &[u8]) -> MarshalError {
        loads(data).expect_err("should fail")
    }

    fn kind_at(data: &[u8]) -> (ErrorKind, usize) {
        let e = err(data);
        (e.kind, e.offset)
    }

    #[test]
    fn digest_dumps_read_back() {
        let cases: &[(&[u8], Value)] = &[
            (b"N", Value::None),
            (b"\xe9\x00\x00\x00\x00", Value::Int(0)),
            (b"\xe9\xff\xff\xff\xff", Value::Int(-1)),
            (
                b"\xec\x03\x00\x00\x00\x00\x00\x00\x00\x02\x00",
                Value::Int(1 << 31),
            ),
            (
                b"\xec\xfc\xff\xff\xff\x05\x00\x00\x00\x00\x00\x01\x00",
                Value::Int(-((1 << 45) + 5)),
            ),
            (b"\xe7\x00\x00\x00\x00\x00\x00\xf8\x3f", Value::Float(1.5)),
            (b"\xf3\x02\x00\x00\x00ab", Value::Bytes(b"ab"[..].into())),
            (b"\xda\x02ab", Value::str("ab")),
            (b"\xf5\x03\x00\x00\x00h\xc3\xa9", Value::str("h\u{e9}")),
            (
                b"\xa9\x02\xda\x01ar\x01\x00\x00\x00",
                Value::Tuple(vec![Value::str("a"), Value::str("a")].into()),
            ),
            (
                b"\xfb\xda\x01a\xe9\x01\x00\x00\x000",
                Value::Dict(vec![(Value::str("a"), Value::Int(1))].into()),
            ),
            (
                b"(\x02\x00\x00\x00u\x01\x00\x00\x00au\x01\x00\x00\x00a",
                Value::Tuple(vec![Value::str("a"), Value::str("a")].into()),
            ),
        ];
        for (bytes, want) in cases {
            assert_eq!(&loads(bytes).unwrap(), want, "{bytes:?}");
        }
    }

    #[test]
    fn truncated_data() {
        assert_eq!(kind_at(b""), (ErrorKind::Eof, 0));
        assert_eq!(kind_at(b"i\x01\x00"), (ErrorKind::Eof, 3));
        assert_eq!(kind_at(b"\xa9\x02N"), (ErrorKind::Eof, 3));
        assert_eq!(kind_at(b"z\x05ab"), (ErrorKind::Eof, 4));
        assert_eq!(kind_at(b"g\x00\x00"), (ErrorKind::Eof, 3));
    }

    #[test]
    fn unknown_type_code() {
        assert_eq!(kind_at(b"\x01"), (ErrorKind::UnknownType(1), 0));
        assert_eq!(kind_at(b")\x01\xff"), (ErrorKind::UnknownType(0x7f), 2));
        let (ty, msg) = err(b"?").python_exception();
        assert_eq!(
            (ty, msg.as_str()),
            ("ValueError", "bad marshal data (unknown type code)")
        );
        assert!(err(b"?").to_string().contains("at byte 0"));
    }

    #[test]
    fn negative_and_huge_lengths_allocate_nothing() {
        assert_eq!(
            kind_at(b"(\xff\xff\xff\xff"),
            (ErrorKind::SizeOutOfRange("tuple"), 1)
        );
        assert_eq!(
            kind_at(b"s\xfe\xff\xff\xff"),
            (ErrorKind::SizeOutOfRange("bytes object"), 1)
        );
        // Lengths near 2**31 fail on the bytes that remain, before any allocation.
        for data in [
            &b"(\xff\xff\xff\x7f"[..],
            b"[\xff\xff\xff\x7f",
            b"<\xff\xff\xff\x7f",
            b"s\xff\xff\xff\x7f",
            b"a\xff\xff\xff\x7f",
            b"l\xff\xff\xff\x7f",
            b"l\x00\x00\x00\x80",
        ] {
            assert_eq!(kind_at(data).0, ErrorKind::Eof, "{data:?}");
        }
    }

    #[test]
    fn bad_longs() {
        assert_eq!(
            kind_at(b"l\x01\x00\x00\x00\x00\x80").0,
            ErrorKind::DigitOutOfRange
        );
        assert_eq!(
            kind_at(b"l\x02\x00\x00\x00\x01\x00\x00\x00").0,
            ErrorKind::UnnormalizedLong
        );
        assert_eq!(loads(b"l\x00\x00\x00\x00").unwrap(), Value::Int(0));
    }

    #[test]
    fn nesting_is_bounded_like_cpython() {
        let nest = |n: usize| {
            let mut v = b"[\x01\x00\x00\x00".repeat(n);
            v.push(b'N');
            v
        };
        assert!(loads(&nest(MAX_DEPTH - 1)).is_ok());
        assert_eq!(kind_at(&nest(MAX_DEPTH)).0, ErrorKind::RecursionLimit);
        assert_eq!(kind_at(&nest(100_000)).0, ErrorKind::RecursionLimit);
    }

    #[test]
    fn references_must_name_finished_objects() {
        assert_eq!(
            kind_at(b"r\x00\x00\x00\x00"),
            (ErrorKind::InvalidReference(0), 0)
        );
        assert_eq!(
            kind_at(b")\x02\xe9\x01\x00\x00\x00r\x01\x00\x00\x00").0,
            ErrorKind::InvalidReference(1)
        );
        // A tuple that refers to itself while it is being read.
        assert_eq!(
            kind_at(b"\xa9\x01r\x00\x00\x00\x00"),
            (ErrorKind::InvalidReference(0), 2)
        );
        // Flagged singletons are not registered (CPython does not register them either).
        assert_eq!(
            kind_at(b")\x02\xcer\x00\x00\x00\x00").0,
            ErrorKind::InvalidReference(0)
        );
    }

    #[test]
    fn nulls() {
        assert_eq!(kind_at(b"0"), (ErrorKind::NullObject("object"), 0));
        assert_eq!(kind_at(b")\x010"), (ErrorKind::NullObject("tuple"), 2));
        // A NULL value ends a dict, as in CPython.
        assert_eq!(loads(b"{N0").unwrap(), Value::Dict(Vec::new().into()));
    }

    #[test]
    fn bad_strings() {
        assert_eq!(kind_at(b"u\x01\x00\x00\x00\xff").0, ErrorKind::BadUtf8);
        let s = loads(b"u\x03\x00\x00\x00\xed\xb2\x80").unwrap();
        assert_eq!(
            s.as_str().unwrap().code_points().collect::<Vec<_>>(),
            vec![0xDC80]
        );
        assert_eq!(loads(b"z\x01\xe9").unwrap(), Value::str("\u{e9}"));
    }

    #[test]
    fn bad_code_objects() {
        // argcount -1.
        let mut c = b"c\xff\xff\xff\xff".to_vec();
        c.extend_from_slice(&[0; 16]);
        assert!(matches!(kind_at(&c).0, ErrorKind::BadCode(_)));
        // A code object whose co_code is an int.
        let mut c = b"c".to_vec();
        c.extend_from_slice(&[0; 20]);
        c.extend_from_slice(b"i\x00\x00\x00\x00");
        c.extend_from_slice(b")\x00)\x00)\x00s\x00\x00\x00\x00z\x00z\x00z\x00\x00\x00\x00\x00s\x00\x00\x00\x00s\x00\x00\x00\x00");
        let e = err(&c);
        assert!(
            matches!(e.kind, ErrorKind::BadCode(ref m) if m.contains("co_code")),
            "{e}"
        );
    }
}
