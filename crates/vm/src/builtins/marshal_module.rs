//! The `marshal` module: `dumps`, `loads`, `dump`, `load` and `version`.
//! Counterpart: Python/marshal.c (3.11).
//!
//! The format constants and the code-object layout come from `rpy_marshal`; the reader and
//! writer here work on VM values directly, so that, as in CPython, shared objects are written
//! once and read back as one object (object identity and self-referencing lists and dicts
//! survive a round trip), and a file is read exactly as far as the object goes.
//!
//! CPython flags an object for back-references when its reference count is above one. Heap
//! objects have a count here too (`Rc::strong_count`); inline ints and floats do not, and are
//! always flagged (as literal constants are in CPython). A str counts as interned when it is
//! shared and made only of identifier characters, the strings CPython interns.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::{BigInt, BigUint, Sign};
use rpy_marshal::CodeObject;
use rpy_marshal::marshal::MAX_DEPTH;
use rpy_marshal::marshal::types::*;
use rpy_marshal::value::{PyStr, Value as M};

use crate::builtins::function::NativeFn;
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// `marshal.version`.
const VERSION: i32 = 4;

/// Counts above this (`SIZE32_MAX`) are refused by the writer.
const SIZE32_MAX: usize = i32::MAX as usize;

// ---------------------------------------------------------------------------------------
// writing

/// Why an object could not be written.
enum WErr {
    Unmarshallable,
    TooDeep,
}

type WResult = Result<(), WErr>;

/// What identifies an object for back-references.
#[derive(Clone, PartialEq, Eq, Hash)]
enum RefKey {
    /// A heap object, by address.
    Obj(usize),
    /// Inline ints and floats, by value (CPython's small ints are shared objects too).
    Int(i64),
    Float(u64),
    /// An interned str inside a code object, by content (equal interned strs are one object).
    Interned(Rc<[u8]>),
}

struct Writer<'a> {
    vm: &'a Vm,
    out: Vec<u8>,
    version: i32,
    refs: HashMap<RefKey, u32>,
}

/// True for the strings CPython interns: identifier characters only.
fn name_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn is_exact(o: &PyRef, t: &PyRef) -> bool {
    Rc::ptr_eq(o.class(), t)
}

impl<'a> Writer<'a> {
    fn new(vm: &'a Vm, version: i32) -> Writer<'a> {
        Writer {
            vm,
            out: Vec::new(),
            version,
            refs: HashMap::new(),
        }
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn long(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> WResult {
        if n > SIZE32_MAX {
            return Err(WErr::Unmarshallable);
        }
        self.long(n as i32);
        Ok(())
    }

    fn pstring(&mut self, data: &[u8]) -> WResult {
        self.size(data.len())?;
        self.out.extend_from_slice(data);
        Ok(())
    }

    /// `w_ref`: writes a back-reference if `key` was written before and returns `None`;
    /// otherwise the flag for the type byte (registering the object if it is shared).
    fn reference(&mut self, key: RefKey, shared: bool) -> Result<Option<u8>, WErr> {
        if self.version < 3 || !shared {
            return Ok(Some(0));
        }
        if let Some(&i) = self.refs.get(&key) {
            self.byte(REF);
            self.long(i as i32);
            return Ok(None);
        }
        let n = self.refs.len();
        if n >= SIZE32_MAX {
            return Err(WErr::Unmarshallable);
        }
        self.refs.insert(key, n as u32);
        Ok(Some(FLAG_REF))
    }

    /// `w_object`; `extra` counts references CPython would hold that this VM does not
    /// (the sort pairs of a set's items).
    fn object(&mut self, v: &Value, depth: usize, extra: usize) -> WResult {
        if depth > MAX_DEPTH {
            return Err(WErr::TooDeep);
        }
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            self.object_inner(v, depth, extra)
        })
    }

    fn object_inner(&mut self, v: &Value, depth: usize, extra: usize) -> WResult {
        match v {
            Value::Null => self.byte(NULL),
            Value::None => self.byte(NONE),
            Value::Bool(b) => self.byte(if b.get() { TRUE } else { FALSE }),
            Value::Int(i) => {
                if let Some(flag) = self.reference(RefKey::Int(*i), true)? {
                    self.int(*i, flag);
                }
            }
            Value::Float(x) => {
                if let Some(flag) = self.reference(RefKey::Float(x.to_bits()), true)? {
                    self.float(x.get(), flag);
                }
            }
            Value::Obj(o) => {
                let vm = self.vm;
                if Rc::ptr_eq(o, &vm.types.exceptions.stop_iteration) {
                    self.byte(STOPITER);
                } else if Rc::ptr_eq(o, &vm.types.ellipsis) {
                    self.byte(ELLIPSIS);
                } else {
                    let shared = Rc::strong_count(o) + extra > 1;
                    let key = RefKey::Obj(Rc::as_ptr(o) as usize);
                    if let Some(flag) = self.reference(key, shared)? {
                        self.complex_object(v, o, flag, shared, depth)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn int(&mut self, i: i64, flag: u8) {
        match i32::try_from(i) {
            Ok(small) => {
                self.byte(INT | flag);
                self.long(small);
            }
            Err(_) => self.big(&BigInt::from(i), flag),
        }
    }

    /// `w_PyLong`: the magnitude in 15-bit digits, the sign on the digit count.
    fn big(&mut self, n: &BigInt, flag: u8) {
        let mut digits: Vec<u16> = Vec::new();
        let (mut acc, mut bits) = (0u32, 0u32);
        for b in n.magnitude().to_bytes_le() {
            acc |= (b as u32) << bits;
            bits += 8;
            if bits >= 15 {
                digits.push((acc & 0x7FFF) as u16);
                acc >>= 15;
                bits -= 15;
            }
        }
        digits.push(acc as u16);
        while digits.last() == Some(&0) {
            digits.pop();
        }
        let count = digits.len() as i32;
        self.byte(LONG | flag);
        self.long(if n.sign() == Sign::Minus {
            -count
        } else {
            count
        });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn float(&mut self, x: f64, flag: u8) {
        if self.version > 1 {
            self.byte(BINARY_FLOAT | flag);
            self.out.extend_from_slice(&x.to_le_bytes());
        } else {
            self.byte(FLOAT | flag);
            self.text_float(x);
        }
    }

    fn complex(&mut self, re: f64, im: f64, flag: u8) {
        if self.version > 1 {
            self.byte(BINARY_COMPLEX | flag);
            self.out.extend_from_slice(&re.to_le_bytes());
            self.out.extend_from_slice(&im.to_le_bytes());
        } else {
            self.byte(COMPLEX | flag);
            self.text_float(re);
            self.text_float(im);
        }
    }

    /// `w_float_str`: `%.17g` text behind a length byte.
    fn text_float(&mut self, x: f64) {
        let text = rpy_marshal::repr::format_g(x, 17);
        self.byte(text.len() as u8);
        self.out.extend_from_slice(text.as_bytes());
    }

    /// A str given as surrogatepass UTF-8 bytes.
    fn str(&mut self, data: &[u8], interned: bool, flag: u8) -> WResult {
        if self.version >= 4 && data.is_ascii() {
            if data.len() < 256 {
                let t = if interned {
                    SHORT_ASCII_INTERNED
                } else {
                    SHORT_ASCII
                };
                self.byte(t | flag);
                self.byte(data.len() as u8);
                self.out.extend_from_slice(data);
                Ok(())
            } else {
                self.byte(if interned { ASCII_INTERNED } else { ASCII } | flag);
                self.pstring(data)
            }
        } else {
            let t = if self.version >= 3 && interned {
                INTERNED
            } else {
                UNICODE
            };
            self.byte(t | flag);
            self.pstring(data)
        }
    }

    fn tuple_header(&mut self, n: usize, flag: u8) -> WResult {
        if self.version >= 4 && n < 256 {
            self.byte(SMALL_TUPLE | flag);
            self.byte(n as u8);
            Ok(())
        } else {
            self.byte(TUPLE | flag);
            self.size(n)
        }
    }

    /// `w_complex_object`: everything but the singletons, by exact type.
    fn complex_object(
        &mut self,
        v: &Value,
        o: &PyRef,
        flag: u8,
        shared: bool,
        depth: usize,
    ) -> WResult {
        let vm = self.vm;
        let t = &vm.types;
        match &o.payload {
            Payload::Int(n) if is_exact(o, &t.int) => match i64::try_from(n) {
                Ok(i) => self.int(i, flag),
                Err(_) => self.big(n, flag),
            },
            Payload::Float(x) if is_exact(o, &t.float) => self.float(*x, flag),
            Payload::Complex(re, im) if is_exact(o, &t.complex) => self.complex(*re, *im, flag),
            Payload::Bytes(b) if is_exact(o, &t.bytes) => {
                self.byte(STRING | flag);
                self.pstring(b)?;
            }
            Payload::Str(s) if is_exact(o, &t.str) => {
                let interned = shared && name_like(s.as_str());
                self.str(s.as_str().as_bytes(), interned, flag)?;
            }
            Payload::Tuple(items) if is_exact(o, &t.tuple) => {
                self.tuple_header(items.len(), flag)?;
                for x in items.iter() {
                    self.object(x, depth + 1, 0)?;
                }
            }
            Payload::List(items) if is_exact(o, &t.list) => {
                // Writing runs no Python code, so the list cannot change under the borrow.
                let items = items.borrow();
                self.byte(LIST | flag);
                self.size(items.len())?;
                for x in items.iter() {
                    self.object(x, depth + 1, 0)?;
                }
            }
            Payload::Dict(d) if is_exact(o, &t.dict) => {
                let d = d.borrow();
                self.byte(DICT | flag);
                for (k, x) in d.iter() {
                    self.object(k, depth + 1, 0)?;
                    self.object(x, depth + 1, 0)?;
                }
                self.byte(NULL);
            }
            Payload::Set(s) if is_exact(o, &t.set) => {
                let s = s.borrow();
                self.byte(SET | flag);
                self.set_items(s.iter(), s.len(), depth)?;
            }
            Payload::FrozenSet(s) if is_exact(o, &t.frozenset) => {
                self.byte(FROZENSET | flag);
                self.set_items(s.iter(), s.len(), depth)?;
            }
            Payload::Code(code) => self.code(&code.obj, flag, depth)?,
            _ => match crate::builtins::bytes::buffer_bytes(v) {
                // Other bytes-like objects are written as bytes.
                Some(b) => {
                    self.byte(STRING | flag);
                    self.pstring(&b)?;
                }
                None => {
                    self.byte(b'?');
                    return Err(WErr::Unmarshallable);
                }
            },
        }
        Ok(())
    }

    /// The items of a set, in the order of their own marshal bytes (reproducible output
    /// whatever the hash seed).
    fn set_items<'v>(
        &mut self,
        items: impl Iterator<Item = &'v Value>,
        n: usize,
        depth: usize,
    ) -> WResult {
        self.size(n)?;
        let mut keyed = Vec::with_capacity(n);
        for x in items {
            let mut w = Writer::new(self.vm, self.version);
            if w.object(x, 1, 0).is_err() {
                return Err(WErr::Unmarshallable);
            }
            keyed.push((w.out, x));
        }
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, x) in keyed {
            // CPython holds each item in a sort pair while writing it.
            self.object(x, depth + 1, 1)?;
        }
        Ok(())
    }

    /// A code object, from its stored form.
    fn code(&mut self, c: &CodeObject, flag: u8, depth: usize) -> WResult {
        self.byte(CODE | flag);
        for n in [
            c.argcount,
            c.posonlyargcount,
            c.kwonlyargcount,
            c.stacksize,
            c.flags,
        ] {
            self.long(n as i32);
        }
        let d = depth + 1;
        self.stored_bytes(&c.code, d)?;
        self.stored(&M::Tuple(c.consts.clone()), d)?;
        self.stored_names(&c.names, d)?;
        self.stored_names(&c.localsplusnames, d)?;
        self.stored_bytes(&c.localspluskinds, d)?;
        self.stored_str(&c.filename, d)?;
        self.stored_str(&c.name, d)?;
        self.stored_str(&c.qualname, d)?;
        self.long(c.firstlineno);
        self.stored_bytes(&c.linetable, d)?;
        self.stored_bytes(&c.exceptiontable, d)
    }

    fn stored_bytes(&mut self, b: &[u8], depth: usize) -> WResult {
        if depth > MAX_DEPTH {
            return Err(WErr::TooDeep);
        }
        self.byte(STRING);
        self.pstring(b)
    }

    fn stored_str(&mut self, s: &PyStr, depth: usize) -> WResult {
        if depth > MAX_DEPTH {
            return Err(WErr::TooDeep);
        }
        let flag = if s.is_interned() {
            let key = RefKey::Interned(Rc::from(s.as_wtf8()));
            match self.reference(key, true)? {
                Some(f) => f,
                None => return Ok(()),
            }
        } else {
            0
        };
        self.str(s.as_wtf8(), s.is_interned(), flag)
    }

    fn stored_names(&mut self, names: &[PyStr], depth: usize) -> WResult {
        if depth > MAX_DEPTH {
            return Err(WErr::TooDeep);
        }
        self.tuple_header(names.len(), 0)?;
        for n in names {
            self.stored_str(n, depth + 1)?;
        }
        Ok(())
    }

    /// A value of a code object's stored form (its constants).
    fn stored(&mut self, v: &M, depth: usize) -> WResult {
        if depth > MAX_DEPTH {
            return Err(WErr::TooDeep);
        }
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stored_inner(v, depth))
    }

    fn stored_inner(&mut self, v: &M, depth: usize) -> WResult {
        match v {
            M::None => self.byte(NONE),
            M::True => self.byte(TRUE),
            M::False => self.byte(FALSE),
            M::Ellipsis => self.byte(ELLIPSIS),
            M::StopIteration => self.byte(STOPITER),
            M::Int(i) => self.int(*i, 0),
            M::Long(n) => self.big(n, 0),
            M::Float(x) => self.float(*x, 0),
            M::Complex(re, im) => self.complex(*re, *im, 0),
            M::Str(s) => return self.stored_str(s, depth),
            M::Bytes(b) => return self.stored_bytes(b, depth),
            M::Tuple(items) | M::List(items) => {
                if matches!(v, M::Tuple(_)) {
                    self.tuple_header(items.len(), 0)?;
                } else {
                    self.byte(LIST);
                    self.size(items.len())?;
                }
                for x in items.iter() {
                    self.stored(x, depth + 1)?;
                }
            }
            M::Dict(pairs) => {
                self.byte(DICT);
                for (k, x) in pairs.iter() {
                    self.stored(k, depth + 1)?;
                    self.stored(x, depth + 1)?;
                }
                self.byte(NULL);
            }
            M::Set(items) | M::FrozenSet(items) => {
                self.byte(if matches!(v, M::Set(_)) {
                    SET
                } else {
                    FROZENSET
                });
                self.size(items.len())?;
                let mut keyed = Vec::with_capacity(items.len());
                for x in items.iter() {
                    let mut w = Writer::new(self.vm, self.version);
                    if w.stored(x, 1).is_err() {
                        return Err(WErr::Unmarshallable);
                    }
                    keyed.push((w.out, x));
                }
                keyed.sort_by(|a, b| a.0.cmp(&b.0));
                for (_, x) in keyed {
                    self.stored(x, depth + 1)?;
                }
            }
            M::Code(c) => return self.code(c, 0, depth),
        }
        Ok(())
    }
}

/// `PyMarshal_WriteObjectToString`.
fn write_object(vm: &Vm, v: &Value, version: i32) -> PyResult<Vec<u8>> {
    let mut w = Writer::new(vm, version);
    match w.object(v, 1, 0) {
        Ok(()) => Ok(w.out),
        Err(WErr::Unmarshallable) => Err(vm.value_error("unmarshallable object")),
        Err(WErr::TooDeep) => Err(vm.value_error("object too deeply nested to marshal")),
    }
}

// ---------------------------------------------------------------------------------------
// reading

/// Where the bytes come from: a buffer (`loads`) or a file's `readinto` (`load`).
enum Source<'a> {
    Buffer(&'a [u8], usize),
    File(&'a Value),
}

struct Reader<'a> {
    vm: &'a Vm,
    src: Source<'a>,
    /// Flagged objects in read order; `None` while one is still being built.
    refs: Vec<Option<Value>>,
    depth: usize,
}

fn eof_error(vm: &Vm, msg: &str) -> PyErr {
    vm.new_exception_msg(&vm.types.exceptions.eof_error, msg)
}

fn bad_data(vm: &Vm, what: &str) -> PyErr {
    vm.value_error(format!("bad marshal data ({what})"))
}

impl<'a> Reader<'a> {
    fn new(vm: &'a Vm, src: Source<'a>) -> Reader<'a> {
        Reader {
            vm,
            src,
            refs: Vec::new(),
            depth: 0,
        }
    }

    /// `r_string`: exactly `n` bytes.
    fn take(&mut self, n: usize) -> PyResult<Cow<'a, [u8]>> {
        match &mut self.src {
            Source::Buffer(data, pos) => {
                let data: &'a [u8] = data;
                if data.len() - *pos < n {
                    return Err(eof_error(self.vm, "marshal data too short"));
                }
                let s = &data[*pos..*pos + n];
                *pos += n;
                Ok(Cow::Borrowed(s))
            }
            Source::File(f) => {
                let vm = self.vm;
                let f: &Value = f;
                let buf = crate::builtins::bytes::new_bytearray(vm, vec![0; n]);
                let view = vm.call(
                    &Value::Obj(vm.types.other("memoryview")),
                    std::slice::from_ref(&buf),
                )?;
                let res = vm.call_method(f, "readinto", std::slice::from_ref(&view));
                let _ = vm.call_method(&view, "release", &[]);
                let res = vm.index_value(&res?)?;
                let read = match &res {
                    Value::Int(i) => *i,
                    _ => {
                        return Err(vm.value_error(format!(
                            "cannot fit '{}' into an index-sized integer",
                            vm.type_name(&res)
                        )));
                    }
                };
                if read != n as i64 {
                    return Err(if read > n as i64 {
                        vm.value_error(format!(
                            "read() returned too much data: {n} bytes requested, {read} returned"
                        ))
                    } else {
                        eof_error(vm, "EOF read where not expected")
                    });
                }
                let out = crate::builtins::bytes::bytes_of(&buf).unwrap_or_default();
                if out.len() < n {
                    return Err(eof_error(vm, "EOF read where not expected"));
                }
                Ok(Cow::Owned(out[..n].to_vec()))
            }
        }
    }

    /// `r_byte`: `None` at the end of the data.
    fn byte(&mut self) -> PyResult<Option<u8>> {
        match &mut self.src {
            Source::Buffer(data, pos) => Ok(data.get(*pos).map(|&b| {
                *pos += 1;
                b
            })),
            Source::File(_) => match self.take(1) {
                Ok(b) => Ok(Some(b[0])),
                Err(e) if self.vm.exc_matches(&e, &self.vm.types.exceptions.eof_error) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    /// A one-byte size: the end of the data here is an error.
    fn size_byte(&mut self) -> PyResult<usize> {
        match self.byte()? {
            Some(b) => Ok(b as usize),
            None => Err(eof_error(self.vm, "EOF read where not expected")),
        }
    }

    fn long(&mut self) -> PyResult<i32> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A four-byte count that must not be negative.
    fn count(&mut self, what: &str) -> PyResult<usize> {
        let n = self.long()?;
        if n < 0 {
            return Err(bad_data(self.vm, &format!("{what} size out of range")));
        }
        Ok(n as usize)
    }

    /// Room for items: a bound on what a buffer can still hold, so a bogus count cannot
    /// allocate much.
    fn capacity(&self, n: usize) -> usize {
        match &self.src {
            Source::Buffer(data, pos) => n.min(data.len() - pos),
            Source::File(_) => n.min(1024),
        }
    }

    fn f64(&mut self) -> PyResult<f64> {
        let b = self.take(8)?;
        Ok(f64::from_le_bytes(b[..8].try_into().unwrap_or([0; 8])))
    }

    /// `r_float_str`: a length byte, then text as `float()` reads it (no spaces or `_`).
    fn text_float(&mut self) -> PyResult<f64> {
        let n = self.size_byte()?;
        let b = self.take(n)?;
        let b = match b.iter().position(|&c| c == 0) {
            Some(end) => &b[..end],
            None => &b[..],
        };
        let text = String::from_utf8_lossy(b);
        let parsed = if text
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'+' || c == b'-')
        {
            text.parse::<f64>().ok()
        } else {
            None
        };
        parsed.ok_or_else(|| {
            self.vm
                .value_error(format!("could not convert string to float: '{text}'"))
        })
    }

    /// Reserves a reference slot for an object registered once it is complete.
    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn fill(&mut self, idx: Option<usize>, v: &Value) {
        if let Some(i) = idx {
            self.refs[i] = Some(v.clone());
        }
    }

    fn register(&mut self, flag: bool, v: Value) -> Value {
        if flag {
            self.refs.push(Some(v.clone()));
        }
        v
    }

    /// `r_object`: `None` is marshal's NULL.
    fn object(&mut self) -> PyResult<Option<Value>> {
        let Some(code) = self.byte()? else {
            return Err(eof_error(self.vm, "EOF read where object expected"));
        };
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH {
            Err(self.vm.value_error("recursion limit exceeded"))
        } else {
            stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.object_inner(code))
        };
        self.depth -= 1;
        r
    }

    /// An item of a container: NULL is an error naming the container.
    fn item(&mut self, what: &str) -> PyResult<Value> {
        match self.object()? {
            Some(v) => Ok(v),
            None => Err(self
                .vm
                .type_error(format!("NULL object in marshal data for {what}"))),
        }
    }

    fn object_inner(&mut self, code: u8) -> PyResult<Option<Value>> {
        let vm = self.vm;
        let flag = code & FLAG_REF != 0;
        let v = match code & !FLAG_REF {
            NULL => return Ok(None),
            NONE => Value::None,
            STOPITER => Value::Obj(vm.types.exceptions.stop_iteration.clone()),
            ELLIPSIS => Value::Obj(vm.types.ellipsis.clone()),
            FALSE => Value::FALSE,
            TRUE => Value::TRUE,
            INT => {
                let n = self.long()?;
                self.register(flag, Value::Int(n as i64))
            }
            INT64 => {
                let b = self.take(8)?;
                let n = i64::from_le_bytes(b[..8].try_into().unwrap_or([0; 8]));
                self.register(flag, Value::Int(n))
            }
            LONG => {
                let n = self.read_long()?;
                self.register(flag, n)
            }
            FLOAT => {
                let x = self.text_float()?;
                self.register(flag, Value::float(x))
            }
            BINARY_FLOAT => {
                let x = self.f64()?;
                self.register(flag, Value::float(x))
            }
            COMPLEX => {
                let re = self.text_float()?;
                let im = self.text_float()?;
                let c = crate::builtins::complex::new_complex(vm, re, im);
                self.register(flag, c)
            }
            BINARY_COMPLEX => {
                let re = self.f64()?;
                let im = self.f64()?;
                let c = crate::builtins::complex::new_complex(vm, re, im);
                self.register(flag, c)
            }
            STRING => {
                let n = self.count("bytes object")?;
                let b = self.take(n)?.into_owned();
                let b = crate::builtins::bytes::new_bytes(vm, b);
                self.register(flag, b)
            }
            ASCII | ASCII_INTERNED => {
                let n = self.count("string")?;
                let s = self.latin1(n, code & !FLAG_REF == ASCII_INTERNED)?;
                self.register(flag, s)
            }
            SHORT_ASCII | SHORT_ASCII_INTERNED => {
                let n = self.size_byte()?;
                let s = self.latin1(n, code & !FLAG_REF == SHORT_ASCII_INTERNED)?;
                self.register(flag, s)
            }
            UNICODE | INTERNED => {
                let n = self.count("string")?;
                let b = self.take(n)?;
                let s = decode_str(vm, &b)?;
                let s = if code & !FLAG_REF == INTERNED {
                    Value::Obj(vm.intern(&s))
                } else {
                    vm.new_string(s)
                };
                self.register(flag, s)
            }
            SMALL_TUPLE => {
                let n = self.size_byte()?;
                self.tuple(n, flag)?
            }
            TUPLE => {
                let n = self.count("tuple")?;
                self.tuple(n, flag)?
            }
            LIST => {
                let n = self.count("list")?;
                let list = vm.new_list(Vec::with_capacity(self.capacity(n)));
                let list = self.register(flag, list);
                for _ in 0..n {
                    let x = self.item("list")?;
                    if let Some(Payload::List(l)) = list.payload() {
                        l.borrow_mut().push(x);
                    }
                }
                list
            }
            DICT => {
                let d = Value::Obj(crate::builtins::dict::new_dict());
                let d = self.register(flag, d);
                loop {
                    let Some(k) = self.object()? else { break };
                    let Some(x) = self.object()? else { break };
                    vm.setitem(&d, k, x)?;
                }
                d
            }
            SET => {
                let n = self.count("set")?;
                let s = crate::builtins::set::new_set(vm, crate::set::SetData::new());
                let s = self.register(flag, s);
                for _ in 0..n {
                    let x = self.item("set")?;
                    if let Some(Payload::Set(data)) = s.payload() {
                        crate::set::add(vm, data, x)?;
                    }
                }
                s
            }
            FROZENSET => {
                let n = self.count("set")?;
                let idx = self.reserve(flag);
                let data = RefCell::new(crate::set::SetData::new());
                for _ in 0..n {
                    let x = self.item("set")?;
                    crate::set::add(vm, &data, x)?;
                }
                let s = crate::builtins::set::new_frozenset(vm, data.into_inner());
                self.fill(idx, &s);
                s
            }
            CODE => {
                let idx = self.reserve(flag);
                let c = self.code()?;
                self.fill(idx, &c);
                c
            }
            REF => {
                let n = self.long()?;
                match usize::try_from(n).ok().and_then(|i| self.refs.get(i)) {
                    Some(Some(v)) => v.clone(),
                    _ => return Err(bad_data(vm, "invalid reference")),
                }
            }
            _ => return Err(bad_data(vm, "unknown type code")),
        };
        Ok(Some(v))
    }

    /// A tuple: registered when complete (a reference to it from inside is refused).
    fn tuple(&mut self, n: usize, flag: bool) -> PyResult<Value> {
        let idx = self.reserve(flag);
        let mut items = Vec::with_capacity(self.capacity(n));
        for _ in 0..n {
            items.push(self.item("tuple")?);
        }
        let t = self.vm.new_tuple(items);
        self.fill(idx, &t);
        Ok(t)
    }

    fn latin1(&mut self, n: usize, interned: bool) -> PyResult<Value> {
        let b = self.take(n)?;
        let s: String = b.iter().map(|&c| char::from(c)).collect();
        Ok(if interned {
            Value::Obj(self.vm.intern(&s))
        } else {
            self.vm.new_string(s)
        })
    }

    /// `r_PyLong`: a signed count of 15-bit digits.
    fn read_long(&mut self) -> PyResult<Value> {
        let vm = self.vm;
        let n = self.long()?;
        if n == 0 {
            return Ok(Value::Int(0));
        }
        if n == i32::MIN {
            return Err(bad_data(vm, "long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        let mut digits = Vec::with_capacity(self.capacity(count));
        for i in 0..count {
            let b = self.take(2)?;
            let d = i16::from_le_bytes([b[0], b[1]]);
            if d < 0 {
                return Err(bad_data(vm, "digit out of range in long"));
            }
            if d == 0 && i == count - 1 {
                return Err(bad_data(vm, "unnormalized long data"));
            }
            digits.push(d as u16);
        }
        // Repack the 15-bit digits as bytes.
        let mut bytes = Vec::with_capacity(digits.len() * 15 / 8 + 2);
        let (mut acc, mut nbits) = (0u32, 0u32);
        for d in &digits {
            acc |= (*d as u32) << nbits;
            nbits += 15;
            while nbits >= 8 {
                bytes.push(acc as u8);
                acc >>= 8;
                nbits -= 8;
            }
        }
        bytes.push(acc as u8);
        let bits = BigUint::from_bytes_le(&bytes);
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        Ok(Value::from_bigint(BigInt::from_biguint(sign, bits)))
    }

    /// A code object: its fields are read as objects, then checked and translated.
    fn code(&mut self) -> PyResult<Value> {
        let vm = self.vm;
        let mut ints = [0i32; 5];
        for n in ints.iter_mut() {
            *n = self.long()?;
        }
        let code = self.item("object")?;
        let consts = self.item("object")?;
        let names = self.item("object")?;
        let lpnames = self.item("object")?;
        let lpkinds = self.item("object")?;
        let filename = self.item("object")?;
        let name = self.item("object")?;
        let qualname = self.item("object")?;
        let firstlineno = self.long()?;
        let linetable = self.item("object")?;
        let exceptiontable = self.item("object")?;
        let bad = || vm.system_error("bad argument to internal function");
        let bytes = |v: &Value| match v.payload() {
            Some(Payload::Bytes(b)) => Ok(Rc::<[u8]>::from(&b[..])),
            _ => Err(bad()),
        };
        let tuple = |v: &Value| match v.payload() {
            Some(Payload::Tuple(t)) => Ok(t.to_vec()),
            _ => Err(bad()),
        };
        let text = |v: &Value, interned: bool| match crate::str::as_str(v) {
            Some(s) if interned => Ok(PyStr::interned(s)),
            Some(s) => Ok(PyStr::new(s)),
            None => Err(bad()),
        };
        let name_tuple = |v: &Value| -> PyResult<Rc<[PyStr]>> {
            let items = tuple(v)?;
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                out.push(
                    text(x, true).map_err(|_| vm.system_error("non-string found in code slot"))?,
                );
            }
            Ok(out.into())
        };
        let mut const_values = Vec::new();
        for c in tuple(&consts)? {
            const_values.push(to_marshal(vm, &c)?);
        }
        let co = CodeObject {
            argcount: ints[0] as u32,
            posonlyargcount: ints[1] as u32,
            kwonlyargcount: ints[2] as u32,
            stacksize: ints[3] as u32,
            flags: ints[4] as u32,
            code: bytes(&code)?,
            consts: const_values.into(),
            names: name_tuple(&names)?,
            localsplusnames: name_tuple(&lpnames)?,
            localspluskinds: bytes(&lpkinds)?,
            filename: text(&filename, false)?,
            name: text(&name, true)?,
            qualname: text(&qualname, false)?,
            firstlineno,
            linetable: bytes(&linetable)?,
            exceptiontable: bytes(&exceptiontable)?,
        };
        if let Err(e) = co.validate() {
            return Err(match e {
                rpy_marshal::code::CodeError::BadArgument(_) => bad(),
                other => vm.value_error(other.to_string()),
            });
        }
        let code = crate::interp::load_code(vm, &Rc::new(co))?;
        Ok(crate::builtins::frame::code_value(vm, &code))
    }
}

/// A `u`/`t` string: UTF-8 where lone surrogates are allowed (they cannot live in this VM's
/// str and become U+FFFD).
fn decode_str(vm: &Vm, b: &[u8]) -> PyResult<String> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Ok(s.to_string());
    }
    match PyStr::from_wtf8(b, false) {
        Some(s) => Ok(s.to_string_lossy()),
        None => crate::builtins::bytes::decode_bytes(vm, b, "utf-8", "strict"),
    }
}

/// Reads one object; a NULL at the top is an error.
fn read_object(r: &mut Reader<'_>) -> PyResult<Value> {
    match r.object()? {
        Some(v) => Ok(v),
        None => Err(r.vm.type_error("NULL object in marshal data for object")),
    }
}

/// A VM value as the format crate's value (for code-object constants). Fails for what
/// marshal cannot carry.
pub fn to_marshal(vm: &Vm, v: &Value) -> PyResult<M> {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || to_marshal_inner(vm, v, 0))
}

fn to_marshal_inner(vm: &Vm, v: &Value, depth: usize) -> PyResult<M> {
    if depth > MAX_DEPTH {
        return Err(vm.value_error("object too deeply nested to marshal"));
    }
    let seq = |items: &[Value]| -> PyResult<Rc<[M]>> {
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            out.push(stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
                to_marshal_inner(vm, x, depth + 1)
            })?);
        }
        Ok(out.into())
    };
    let t = &vm.types;
    Ok(match v {
        Value::Null | Value::None => M::None,
        Value::Bool(b) => {
            if b.get() {
                M::True
            } else {
                M::False
            }
        }
        Value::Int(i) => M::Int(*i),
        Value::Float(x) => M::Float(x.get()),
        Value::Obj(o) => {
            if Rc::ptr_eq(o, &t.exceptions.stop_iteration) {
                return Ok(M::StopIteration);
            }
            if Rc::ptr_eq(o, &t.ellipsis) {
                return Ok(M::Ellipsis);
            }
            match &o.payload {
                Payload::Int(n) if is_exact(o, &t.int) => M::from_bigint(n.clone()),
                Payload::Float(x) if is_exact(o, &t.float) => M::Float(*x),
                Payload::Complex(re, im) if is_exact(o, &t.complex) => M::Complex(*re, *im),
                Payload::Bytes(b) if is_exact(o, &t.bytes) => M::Bytes(Rc::from(&b[..])),
                Payload::Str(s) if is_exact(o, &t.str) => {
                    let s = s.as_str();
                    M::Str(if name_like(s) {
                        PyStr::interned(s)
                    } else {
                        PyStr::new(s)
                    })
                }
                Payload::Tuple(items) if is_exact(o, &t.tuple) => M::Tuple(seq(items)?),
                Payload::List(items) if is_exact(o, &t.list) => {
                    let items = items.borrow().clone();
                    M::List(seq(&items)?)
                }
                Payload::Dict(d) if is_exact(o, &t.dict) => {
                    let pairs = d.borrow().items();
                    let mut out = Vec::with_capacity(pairs.len());
                    for (k, x) in &pairs {
                        out.push((
                            to_marshal_inner(vm, k, depth + 1)?,
                            to_marshal_inner(vm, x, depth + 1)?,
                        ));
                    }
                    M::Dict(out.into())
                }
                Payload::Set(s) if is_exact(o, &t.set) => {
                    let items = s.borrow().items();
                    M::Set(seq(&items)?)
                }
                Payload::FrozenSet(s) if is_exact(o, &t.frozenset) => {
                    M::FrozenSet(seq(&s.items())?)
                }
                Payload::Code(c) => M::Code(c.obj.clone()),
                _ => match crate::builtins::bytes::buffer_bytes(v) {
                    Some(b) => M::Bytes(b.into()),
                    None => return Err(vm.value_error("unmarshallable object")),
                },
            }
        }
    })
}

// ---------------------------------------------------------------------------------------
// the module functions

fn no_kwargs(vm: &Vm, name: &str, kw: &[Value]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("marshal.{name}() takes no keyword arguments")))
    }
}

/// The `version` argument: a C int.
fn version_arg(vm: &Vm, v: Option<&Value>) -> PyResult<i32> {
    let Some(v) = v else { return Ok(VERSION) };
    let i = vm.index_value(v)?;
    match i {
        Value::Int(n) => i32::try_from(n)
            .map_err(|_| vm.overflow_error("Python int too large to convert to C int")),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn m_dumps(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "dumps", kw)?;
    crate::builtins::function::check_count(vm, "dumps", args, kw, 1, 2)?;
    let version = version_arg(vm, args.get(1))?;
    let out = write_object(vm, &args[0], version)?;
    Ok(crate::builtins::bytes::new_bytes(vm, out))
}

fn m_dump(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "dump", kw)?;
    crate::builtins::function::check_count(vm, "dump", args, kw, 2, 3)?;
    let version = version_arg(vm, args.get(2))?;
    let out = write_object(vm, &args[0], version)?;
    let b = crate::builtins::bytes::new_bytes(vm, out);
    vm.call_method(&args[1], "write", &[b])
}

fn one_arg(vm: &Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    no_kwargs(vm, name, kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "marshal.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(())
}

fn m_loads(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "loads", args, kw)?;
    let data = crate::builtins::bytes::bytes_arg(vm, &args[0])?;
    let mut r = Reader::new(vm, Source::Buffer(&data, 0));
    read_object(&mut r)
}

fn m_load(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "load", args, kw)?;
    let file = &args[0];
    // A zero-byte read first checks that the file reads bytes.
    let probe = vm.call_method(file, "read", &[Value::Int(0)])?;
    if !matches!(probe.payload(), Some(Payload::Bytes(_))) {
        return Err(vm.type_error(format!(
            "file.read() returned not bytes but {}",
            vm.type_name(&probe)
        )));
    }
    let mut r = Reader::new(vm, Source::File(file));
    read_object(&mut r)
}

/// Makes the `marshal` module.
pub fn module(vm: &Vm) -> Value {
    let functions: &[(&'static str, NativeFn)] = &[
        ("dump", m_dump),
        ("load", m_load),
        ("dumps", m_dumps),
        ("loads", m_loads),
    ];
    let m = vm.new_module("marshal");
    let d = vm.module_dict(&m);
    for (n, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, *f));
    }
    let _ = vm.dict_set_str(&d, vm.intern("version"), Value::Int(VERSION as i64));
    Value::Obj(m)
}
