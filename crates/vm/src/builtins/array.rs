//! The `array` module: the `array` type (typed arrays of machine numbers or wide characters,
//! stored as native bytes, with the sequence API, byte and file conversions, comparisons,
//! `+`/`*` and pickling support), `typecodes`, `ArrayType` and `_array_reconstructor`.
//! Its bytes are readable as a buffer (`bytes(a)`, `zlib.compress(a)`, `f.write(a)`).
//! Counterpart: Modules/arraymodule.c (3.11).

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::builtins::bytes::{buffer_bytes, new_bytes};
use crate::builtins::function::{MethodKind, check_count, no_kwargs};
use crate::builtins::itertools::{check_positional, native, native_type, new_class, new_native};
use crate::object::{NativeData, Payload};
use crate::protocol::CmpOp;
use crate::types::{Layout, flags};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

const ARRAY: &str = "array.array";
const ITER: &str = "array.arrayiterator";
const RECONSTRUCTOR: &str = "array._array_reconstructor";
const TYPECODES: &str = "bBuhHiIlLqQfd";

fn itemsize(tc: u8) -> usize {
    match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

/// The machine format code `__reduce_ex__` names a typecode's layout by (little-endian).
fn mformat_code(tc: u8) -> i64 {
    match tc {
        b'B' => 0,
        b'b' => 1,
        b'H' => 2,
        b'h' => 4,
        b'I' => 6,
        b'i' => 8,
        b'L' | b'Q' => 10,
        b'l' | b'q' => 12,
        b'f' => 14,
        b'd' => 16,
        _ => 20,
    }
}

pub struct Array {
    tc: u8,
    data: RefCell<Vec<u8>>,
}

impl NativeData for Array {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Array {
    fn size(&self) -> usize {
        itemsize(self.tc)
    }

    fn len(&self) -> usize {
        self.data.borrow().len() / self.size()
    }

    fn raw(&self, i: usize) -> [u8; 8] {
        let n = self.size();
        let mut b = [0u8; 8];
        b[..n].copy_from_slice(&self.data.borrow()[i * n..(i + 1) * n]);
        b
    }
}

fn as_array(v: &Value) -> Option<&Array> {
    v.as_obj().and_then(|o| o.downcast_native::<Array>())
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Array> {
    native(vm, v, "array.array")
}

/// The bytes of an array, for the buffer protocol.
pub fn array_bytes(v: &Value) -> Option<Vec<u8>> {
    as_array(v).map(|a| a.data.borrow().clone())
}

fn new_array(vm: &Vm, tc: u8, data: Vec<u8>) -> Value {
    new_native(
        vm.types.other(ARRAY),
        Array {
            tc,
            data: RefCell::new(data),
        },
    )
}

// ---- items ----

/// The Python value of the item stored as `b`.
fn decode(vm: &Vm, tc: u8, b: [u8; 8]) -> Value {
    let i64_of = |n: i64| Value::Int(n);
    match tc {
        b'b' => i64_of(i64::from(b[0] as i8)),
        b'B' => i64_of(i64::from(b[0])),
        b'h' => i64_of(i64::from(i16::from_ne_bytes([b[0], b[1]]))),
        b'H' => i64_of(i64::from(u16::from_ne_bytes([b[0], b[1]]))),
        b'i' => i64_of(i64::from(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]))),
        b'I' => i64_of(i64::from(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))),
        b'l' | b'q' => i64_of(i64::from_ne_bytes(b)),
        b'L' | b'Q' => {
            let n = u64::from_ne_bytes(b);
            match i64::try_from(n) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::from_bigint(BigInt::from(n)),
            }
        }
        b'f' => Value::float(f64::from(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]))),
        b'd' => Value::float(f64::from_ne_bytes(b)),
        _ => {
            let cp = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
            let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
            vm.new_string(c.to_string())
        }
    }
}

fn overflow(vm: &Vm, msg: &str) -> PyErr {
    vm.overflow_error(msg)
}

/// The item `v` as stored for typecode `tc`, with CPython's conversion messages.
fn encode(vm: &Vm, tc: u8, v: &Value) -> PyResult<[u8; 8]> {
    let mut out = [0u8; 8];
    match tc {
        b'u' => {
            let c = crate::str::as_str(v).and_then(|s| {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            });
            let Some(c) = c else {
                return Err(vm.type_error("array item must be unicode character"));
            };
            out[..4].copy_from_slice(&u32::from(c).to_ne_bytes());
        }
        b'f' | b'd' => {
            let x = crate::builtins::cmath::real_arg(vm, v)?;
            if tc == b'f' {
                out[..4].copy_from_slice(&(x as f32).to_ne_bytes());
            } else {
                out.copy_from_slice(&x.to_ne_bytes());
            }
        }
        _ => {
            let i = vm.index_value(v)?;
            let n = crate::builtins::int::as_bigint(&i).unwrap_or_default();
            let long = || {
                n.to_i64()
                    .ok_or_else(|| overflow(vm, "Python int too large to convert to C long"))
            };
            let range = |x: i64, lo: i64, hi: i64, name: &str| -> PyResult<i64> {
                if x < lo {
                    Err(overflow(vm, &format!("{name} is less than minimum")))
                } else if x > hi {
                    Err(overflow(vm, &format!("{name} is greater than maximum")))
                } else {
                    Ok(x)
                }
            };
            let unsigned = |neg_msg: &str, big_msg: &str| -> PyResult<u64> {
                if n.is_negative() {
                    return Err(overflow(vm, neg_msg));
                }
                n.to_u64().ok_or_else(|| overflow(vm, big_msg))
            };
            match tc {
                b'b' => {
                    let x = range(long()?, -32768, 32767, "signed short integer")?;
                    let x = range(x, -128, 127, "signed char")?;
                    out[0] = x as i8 as u8;
                }
                b'B' => {
                    let x = range(long()?, 0, 255, "unsigned byte integer")?;
                    out[0] = x as u8;
                }
                b'h' => {
                    let x = range(long()?, -32768, 32767, "signed short integer")?;
                    out[..2].copy_from_slice(&(x as i16).to_ne_bytes());
                }
                b'H' => {
                    let x = range(long()?, i32::MIN.into(), i32::MAX.into(), "signed integer")?;
                    let x = range(x, 0, 65535, "unsigned short")?;
                    out[..2].copy_from_slice(&(x as u16).to_ne_bytes());
                }
                b'i' => {
                    let x = range(long()?, i32::MIN.into(), i32::MAX.into(), "signed integer")?;
                    out[..4].copy_from_slice(&(x as i32).to_ne_bytes());
                }
                b'I' => {
                    let x = unsigned(
                        "can't convert negative value to unsigned int",
                        "Python int too large to convert to C unsigned long",
                    )?;
                    let x = u32::try_from(x)
                        .map_err(|_| overflow(vm, "unsigned int is greater than maximum"))?;
                    out[..4].copy_from_slice(&x.to_ne_bytes());
                }
                b'l' => out.copy_from_slice(&long()?.to_ne_bytes()),
                b'L' => {
                    let x = unsigned(
                        "can't convert negative value to unsigned int",
                        "Python int too large to convert to C unsigned long",
                    )?;
                    out.copy_from_slice(&x.to_ne_bytes());
                }
                b'q' => {
                    let x = n
                        .to_i64()
                        .ok_or_else(|| overflow(vm, "int too big to convert"))?;
                    out.copy_from_slice(&x.to_ne_bytes());
                }
                _ => {
                    let x = unsigned(
                        "can't convert negative int to unsigned",
                        "int too big to convert",
                    )?;
                    out.copy_from_slice(&x.to_ne_bytes());
                }
            }
        }
    }
    Ok(out)
}

fn push(vm: &Vm, a: &Array, v: &Value) -> PyResult<()> {
    let b = encode(vm, a.tc, v)?;
    a.data.borrow_mut().extend_from_slice(&b[..a.size()]);
    Ok(())
}

fn items(vm: &Vm, a: &Array) -> Vec<Value> {
    (0..a.len()).map(|i| decode(vm, a.tc, a.raw(i))).collect()
}

/// `PyObject_RichCompareBool(item, v, Py_EQ)` on a freshly made item: never identical to
/// anything, so a NaN item equals nothing.
fn item_eq(vm: &Vm, item: &Value, v: &Value) -> PyResult<bool> {
    let r = vm.rich_compare(item, v, CmpOp::Eq)?;
    vm.truthy(&r)
}

fn get(vm: &Vm, a: &Array, i: usize) -> Option<Value> {
    (i < a.len()).then(|| decode(vm, a.tc, a.raw(i)))
}

// ---- construction ----

fn typecode_arg(vm: &Vm, fname: &str, v: &Value) -> PyResult<u8> {
    let c = crate::str::as_str(v).and_then(|s| {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    });
    let Some(c) = c else {
        return Err(vm.type_error(format!(
            "{fname}() argument 1 must be a unicode character, not {}",
            vm.type_name(v)
        )));
    };
    if c.is_ascii() && TYPECODES.as_bytes().contains(&(c as u8)) {
        return Ok(c as u8);
    }
    Err(vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"))
}

fn frombytes_into(vm: &Vm, a: &Array, b: &[u8]) -> PyResult<()> {
    if !b.len().is_multiple_of(a.size()) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    a.data.borrow_mut().extend_from_slice(b);
    Ok(())
}

fn fromunicode_into(a: &Array, s: &str) {
    let mut d = a.data.borrow_mut();
    for c in s.chars() {
        d.extend_from_slice(&u32::from(c).to_ne_bytes());
    }
}

/// Appends every item of `iterable` (an array of the same kind, or any iterable).
fn extend_from(vm: &Vm, a: &Array, iterable: &Value) -> PyResult<()> {
    if let Some(other) = as_array(iterable) {
        if other.tc != a.tc {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        let b = other.data.borrow().clone();
        a.data.borrow_mut().extend_from_slice(&b);
        return Ok(());
    }
    let it = vm.get_iter(iterable)?;
    while let Some(v) = vm.next(&it)? {
        push(vm, a, &v)?;
    }
    Ok(())
}

fn array_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, ARRAY)?;
    let args = &args[1..];
    if !kwnames.is_empty() && crate::types::type_data(&cls).name.borrow().as_str() == "array" {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let args = &args[..args.len() - kwnames.len()];
    if args.is_empty() {
        return Err(vm.type_error("array() takes at least 1 argument (0 given)"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let tc = typecode_arg(vm, "array", &args[0])?;
    let a = Array {
        tc,
        data: RefCell::new(Vec::new()),
    };
    if let Some(init) = args.get(1) {
        let is_str = crate::str::as_str(init).is_some();
        if tc != b'u' {
            if is_str {
                return Err(vm.type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    tc as char
                )));
            }
            if as_array(init).is_some_and(|o| o.tc == b'u') {
                return Err(vm.type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{}'",
                    tc as char
                )));
            }
        }
        match init.payload() {
            Some(Payload::List(l)) => {
                let items = l.borrow().clone();
                for v in &items {
                    push(vm, &a, v)?;
                }
            }
            Some(Payload::Tuple(t)) => {
                for v in t.iter() {
                    push(vm, &a, v)?;
                }
            }
            Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
                frombytes_into(vm, &a, &buffer_bytes(init).unwrap_or_default())?;
            }
            _ if is_str => fromunicode_into(&a, crate::str::as_str(init).unwrap_or("")),
            // An array of another kind is read item by item, like any iterable.
            _ => {
                let it = vm.get_iter(init)?;
                while let Some(v) = vm.next(&it)? {
                    push(vm, &a, &v)?;
                }
            }
        }
    }
    Ok(new_native(cls, a))
}

// ---- methods ----

fn m_append(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.append", &args[1..], kw, 1, 1)?;
    push(vm, a, &args[1])?;
    Ok(Value::None)
}

fn m_extend(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.extend", &args[1..], kw, 1, 1)?;
    extend_from(vm, a, &args[1])?;
    Ok(Value::None)
}

fn m_buffer_info(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.buffer_info", &args[1..], kw, 0, 0)?;
    let addr = a.data.borrow().as_ptr() as usize;
    Ok(vm.new_tuple(vec![Value::from(addr), Value::from(a.len())]))
}

fn m_byteswap(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.byteswap", &args[1..], kw, 0, 0)?;
    let n = a.size();
    for item in a.data.borrow_mut().chunks_exact_mut(n) {
        item.reverse();
    }
    Ok(Value::None)
}

fn m_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.count", &args[1..], kw, 1, 1)?;
    let mut count = 0i64;
    let mut i = 0;
    while let Some(v) = get(vm, a, i) {
        if item_eq(vm, &v, &args[1])? {
            count += 1;
        }
        i += 1;
    }
    Ok(Value::Int(count))
}

/// A start/stop argument of `index` (`_PyEval_SliceIndexNotNone`), made relative to `len`.
fn slice_index(vm: &Vm, v: &Value, len: usize) -> PyResult<usize> {
    let has_index = matches!(v, Value::Int(_) | Value::Bool(_))
        || matches!(v.payload(), Some(Payload::Int(_)))
        || vm.lookup_special(v, "__index__").is_some();
    if !has_index {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let i = vm.index_clamped(v)?;
    let n = len as i64;
    Ok(if i < 0 { (i + n).max(0) } else { i.min(n) } as usize)
}

fn m_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    no_kwargs(vm, "array.index", kw)?;
    check_positional(vm, "index", args.len() - 1, 1, 3)?;
    let len = a.len();
    let start = match args.get(2) {
        Some(v) => slice_index(vm, v, len)?,
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => slice_index(vm, v, len)?,
        None => len,
    };
    let mut i = start;
    while i < stop {
        let Some(v) = get(vm, a, i) else { break };
        if item_eq(vm, &v, &args[1])? {
            return Ok(Value::from(i));
        }
        i += 1;
    }
    Err(vm.value_error("array.index(x): x not in array"))
}

fn m_remove(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.remove", &args[1..], kw, 1, 1)?;
    let mut i = 0;
    while let Some(v) = get(vm, a, i) {
        if item_eq(vm, &v, &args[1])? {
            let n = a.size();
            a.data.borrow_mut().drain(i * n..(i + 1) * n);
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("array.remove(x): x not in array"))
}

fn m_insert(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    no_kwargs(vm, "array.insert", kw)?;
    check_positional(vm, "insert", args.len() - 1, 2, 2)?;
    let i = vm.index_clamped(&args[1])?;
    let b = encode(vm, a.tc, &args[2])?;
    let len = a.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    let n = a.size();
    a.data
        .borrow_mut()
        .splice(i * n..i * n, b[..n].iter().copied());
    Ok(Value::None)
}

fn m_pop(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    no_kwargs(vm, "array.pop", kw)?;
    check_positional(vm, "pop", args.len() - 1, 0, 1)?;
    let i = match args.get(1) {
        Some(v) => vm.index_clamped(v)?,
        None => -1,
    };
    let len = a.len() as i64;
    if len == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    let j = j as usize;
    let v = decode(vm, a.tc, a.raw(j));
    let n = a.size();
    a.data.borrow_mut().drain(j * n..(j + 1) * n);
    Ok(v)
}

fn m_reverse(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.reverse", &args[1..], kw, 0, 0)?;
    let n = a.size();
    let mut d = a.data.borrow_mut();
    let rev: Vec<u8> = d.chunks_exact(n).rev().flatten().copied().collect();
    *d = rev;
    Ok(Value::None)
}

fn m_frombytes(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.frombytes", &args[1..], kw, 1, 1)?;
    let b = buffer_bytes(&args[1]).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args[1])
        ))
    })?;
    frombytes_into(vm, a, &b)?;
    Ok(Value::None)
}

fn m_tobytes(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.tobytes", &args[1..], kw, 0, 0)?;
    let b = a.data.borrow().clone();
    Ok(new_bytes(vm, b))
}

fn m_tolist(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.tolist", &args[1..], kw, 0, 0)?;
    Ok(vm.new_list(items(vm, a)))
}

fn m_fromlist(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.fromlist", &args[1..], kw, 1, 1)?;
    let Some(Payload::List(l)) = args[1].payload() else {
        return Err(vm.type_error("arg must be list"));
    };
    let list = l.borrow().clone();
    // All or nothing: on a bad item the array keeps its old length.
    let old = a.data.borrow().len();
    for v in &list {
        if let Err(e) = push(vm, a, v) {
            a.data.borrow_mut().truncate(old);
            return Err(e);
        }
    }
    Ok(Value::None)
}

fn m_fromunicode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.fromunicode", &args[1..], kw, 1, 1)?;
    let Some(s) = crate::str::as_str(&args[1]) else {
        return Err(vm.type_error(format!(
            "fromunicode() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    if a.tc != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    fromunicode_into(a, s);
    Ok(Value::None)
}

fn unicode_of(a: &Array) -> String {
    a.data
        .borrow()
        .chunks_exact(4)
        .map(|c| char::from_u32(u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{FFFD}'))
        .collect()
}

fn m_tounicode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.tounicode", &args[1..], kw, 0, 0)?;
    if a.tc != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    Ok(vm.new_string(unicode_of(a)))
}

fn m_fromfile(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    no_kwargs(vm, "array.fromfile", kw)?;
    check_positional(vm, "fromfile", args.len() - 1, 2, 2)?;
    let n = vm.index_i64(&args[2])?;
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let size = a.size() as i64;
    let nbytes = n
        .checked_mul(size)
        .ok_or_else(|| vm.new_exception(&vm.types.exceptions.memory_error, vec![]))?;
    let r = vm.call_method(&args[1], "read", &[Value::Int(nbytes)])?;
    let Some(Payload::Bytes(b)) = r.payload() else {
        return Err(vm.type_error("read() didn't return bytes"));
    };
    let whole = b.len() - b.len() % a.size();
    a.data.borrow_mut().extend_from_slice(&b[..whole]);
    if (b.len() as i64) != nbytes {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.eof_error,
            "read() didn't return enough bytes",
        ));
    }
    Ok(Value::None)
}

fn m_tofile(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.tofile", &args[1..], kw, 1, 1)?;
    const BLOCK: usize = 64 * 1024;
    let data = a.data.borrow().clone();
    if data.is_empty() {
        return Ok(Value::None);
    }
    for chunk in data.chunks(BLOCK) {
        vm.call_method(&args[1], "write", &[new_bytes(vm, chunk.to_vec())])?;
    }
    Ok(Value::None)
}

/// A copy as a plain `array.array` (of a subclass instance too, as CPython's slice copy).
fn copy_of(vm: &Vm, v: &Value) -> PyResult<Value> {
    let a = this(vm, v)?;
    let d = a.data.borrow().clone();
    Ok(new_array(vm, a.tc, d))
}

fn m_copy(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?;
    check_count(vm, "array.__copy__", &args[1..], kw, 0, 0)?;
    copy_of(vm, &args[0])
}

fn m_deepcopy(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?;
    check_count(vm, "array.__deepcopy__", &args[1..], kw, 1, 1)?;
    copy_of(vm, &args[0])
}

fn m_sizeof(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    Ok(Value::from(64 + a.data.borrow().capacity()))
}

fn m_reduce_ex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    check_count(vm, "array.__reduce_ex__", &args[1..], kw, 1, 1)?;
    let protocol = match &args[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(b.get()),
        v if matches!(v.payload(), Some(Payload::Int(_))) => i64::MAX,
        _ => return Err(vm.type_error("__reduce_ex__ argument should be an integer")),
    };
    let Value::Obj(o) = &args[0] else {
        return Err(vm.type_error("expected an array"));
    };
    let cls = Value::Obj(o.class().clone());
    let dict = o.dict.borrow().clone().map_or(Value::None, Value::Obj);
    let tc = vm.new_string((a.tc as char).to_string());
    if protocol < 3 {
        let args = vm.new_tuple(vec![tc, vm.new_list(items(vm, a))]);
        return Ok(vm.new_tuple(vec![cls, args, dict]));
    }
    let data = a.data.borrow().clone();
    let rec = Value::Obj(vm.types.other(RECONSTRUCTOR));
    let args = vm.new_tuple(vec![
        cls,
        tc,
        Value::Int(mformat_code(a.tc)),
        new_bytes(vm, data),
    ]);
    Ok(vm.new_tuple(vec![rec, args, dict]))
}

fn no_reduce(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.type_error("cannot pickle 'array' object"))
}

// ---- sequence protocol ----

fn m_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(this(vm, &args[0])?.len()))
}

/// An item index, negative counting from the end; `None` when out of range.
fn item_index(vm: &Vm, key: &Value, len: usize) -> PyResult<Option<usize>> {
    let has_index = matches!(key, Value::Int(_) | Value::Bool(_))
        || matches!(key.payload(), Some(Payload::Int(_)))
        || vm.lookup_special(key, "__index__").is_some();
    if !has_index {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = match vm.index_value(key)? {
        Value::Int(i) => i,
        _ => {
            return Err(vm.index_error(format!(
                "cannot fit '{}' into an index-sized integer",
                vm.type_name(key)
            )));
        }
    };
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    Ok((0..n).contains(&j).then_some(j as usize))
}

fn is_slice(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Slice(..)))
}

fn m_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let len = a.len();
    if is_slice(&args[1]) {
        let (start, _, step, count) = crate::builtins::misc::slice_indices(vm, &args[1], len)?;
        let n = a.size();
        let d = a.data.borrow();
        let mut out = Vec::with_capacity(count * n);
        let mut i = start;
        for _ in 0..count {
            let at = i as usize * n;
            out.extend_from_slice(&d[at..at + n]);
            i += step;
        }
        drop(d);
        return Ok(new_array(vm, a.tc, out));
    }
    match item_index(vm, &args[1], len)? {
        Some(i) => Ok(decode(vm, a.tc, a.raw(i))),
        None => Err(vm.index_error("array index out of range")),
    }
}

/// The positions (in items) a slice selects.
fn slice_positions(vm: &Vm, slice: &Value, len: usize) -> PyResult<(i64, i64, Vec<usize>)> {
    let (start, stop, step, count) = crate::builtins::misc::slice_indices(vm, slice, len)?;
    let pos = (0..count as i64)
        .map(|k| (start + k * step) as usize)
        .collect();
    Ok((start, stop, pos))
}

fn assign_slice(vm: &Vm, a: &Array, slice: &Value, value: Option<&Value>) -> PyResult<()> {
    let n = a.size();
    let src: Vec<u8> = match value {
        None => Vec::new(),
        Some(v) => match as_array(v) {
            Some(o) if o.tc == a.tc => o.data.borrow().clone(),
            Some(_) => return Err(vm.type_error("bad argument type for built-in operation")),
            None => {
                return Err(vm.type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    vm.type_name(v)
                )));
            }
        },
    };
    let len = a.len();
    let Some(Payload::Slice(_, _, step)) = slice.payload() else {
        return Ok(());
    };
    let (start, stop, pos) = slice_positions(vm, slice, len)?;
    let step_is_one = step.is_none() || vm.index_clamped(step)? == 1;
    let mut d = a.data.borrow_mut();
    if step_is_one {
        let lo = start.max(0) as usize;
        let hi = (stop.max(start)).max(0) as usize;
        d.splice(lo * n..hi * n, src);
        return Ok(());
    }
    let count = src.len() / n;
    if value.is_none() {
        let mut sorted = pos;
        sorted.sort_unstable();
        for &p in sorted.iter().rev() {
            d.drain(p * n..(p + 1) * n);
        }
        return Ok(());
    }
    if count != pos.len() {
        return Err(vm.value_error(format!(
            "attempt to assign array of size {count} to extended slice of size {}",
            pos.len()
        )));
    }
    for (k, &p) in pos.iter().enumerate() {
        d[p * n..(p + 1) * n].copy_from_slice(&src[k * n..(k + 1) * n]);
    }
    Ok(())
}

fn m_setitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    if is_slice(&args[1]) {
        assign_slice(vm, a, &args[1], Some(&args[2]))?;
        return Ok(Value::None);
    }
    let Some(i) = item_index(vm, &args[1], a.len())? else {
        return Err(vm.index_error("array assignment index out of range"));
    };
    let b = encode(vm, a.tc, &args[2])?;
    let n = a.size();
    a.data.borrow_mut()[i * n..(i + 1) * n].copy_from_slice(&b[..n]);
    Ok(Value::None)
}

fn m_delitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    if is_slice(&args[1]) {
        assign_slice(vm, a, &args[1], None)?;
        return Ok(Value::None);
    }
    let Some(i) = item_index(vm, &args[1], a.len())? else {
        return Err(vm.index_error("array assignment index out of range"));
    };
    let n = a.size();
    a.data.borrow_mut().drain(i * n..(i + 1) * n);
    Ok(Value::None)
}

fn m_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let mut i = 0;
    while let Some(v) = get(vm, a, i) {
        if item_eq(vm, &v, &args[1])? {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn m_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let name = vm.type_name(&args[0]);
    let name = name.rsplit('.').next().unwrap_or("array").to_string();
    if a.len() == 0 {
        return Ok(vm.new_string(format!("{name}('{}')", a.tc as char)));
    }
    let body = if a.tc == b'u' {
        vm.repr(&vm.new_string(unicode_of(a)))?
    } else {
        vm.repr(&vm.new_list(items(vm, a)))?
    };
    Ok(vm.new_string(format!("{name}('{}', {body})", a.tc as char)))
}

fn compare(vm: &Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (Some(va), Some(wa)) = (as_array(&args[0]), as_array(&args[1])) else {
        return Ok(vm.not_implemented());
    };
    let (na, nb) = (va.len(), wa.len());
    if na != nb && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    let mut i = 0;
    loop {
        let (Some(x), Some(y)) = (get(vm, va, i), get(vm, wa, i)) else {
            break;
        };
        if !item_eq(vm, &x, &y)? {
            return match op {
                CmpOp::Eq => Ok(Value::FALSE),
                CmpOp::Ne => Ok(Value::TRUE),
                _ => vm.rich_compare(&x, &y, op),
            };
        }
        i += 1;
    }
    let (na, nb) = (va.len(), wa.len());
    Ok(Value::bool(match op {
        CmpOp::Lt => na < nb,
        CmpOp::Le => na <= nb,
        CmpOp::Eq => na == nb,
        CmpOp::Ne => na != nb,
        CmpOp::Gt => na > nb,
        CmpOp::Ge => na >= nb,
    }))
}

crate::builtins::cmp_methods! {
    compare:
    m_lt => CmpOp::Lt;
    m_le => CmpOp::Le;
    m_eq => CmpOp::Eq;
    m_ne => CmpOp::Ne;
    m_gt => CmpOp::Gt;
    m_ge => CmpOp::Ge;
}

fn m_add(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    match as_array(&args[1]) {
        Some(b) if b.tc == a.tc => {
            let mut d = a.data.borrow().clone();
            d.extend_from_slice(&b.data.borrow());
            Ok(new_array(vm, a.tc, d))
        }
        Some(_) => Err(vm.type_error("bad argument type for built-in operation")),
        None => {
            if crate::builtins::misc::reflected_in_python(vm, &args[1], "__radd__") {
                return Ok(vm.not_implemented());
            }
            Err(vm.type_error(format!(
                "can only append array (not \"{}\") to array",
                vm.type_name(&args[1])
            )))
        }
    }
}

fn m_iadd(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    if as_array(&args[1]).is_none() {
        return Err(vm.type_error(format!(
            "can only extend array with array (not \"{}\")",
            vm.type_name(&args[1])
        )));
    }
    extend_from(vm, a, &args[1])?;
    Ok(args[0].clone())
}

/// The count of a repetition, or `None` when `n` is not an integer.
fn repeat_count(vm: &Vm, n: &Value) -> PyResult<Option<i64>> {
    let ok = matches!(n, Value::Int(_) | Value::Bool(_))
        || matches!(n.payload(), Some(Payload::Int(_)))
        || vm.lookup_special(n, "__index__").is_some();
    if !ok {
        return Ok(None);
    }
    match vm.index_value(n)? {
        Value::Int(i) => Ok(Some(i)),
        _ => Err(vm.overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            vm.type_name(n)
        ))),
    }
}

fn repeated(vm: &Vm, d: &[u8], n: i64) -> PyResult<Vec<u8>> {
    let n = n.max(0) as usize;
    if d.len()
        .checked_mul(n)
        .is_none_or(|t| t > isize::MAX as usize / 2)
    {
        return Err(vm.new_exception(&vm.types.exceptions.memory_error, vec![]));
    }
    Ok(d.repeat(n))
}

fn m_mul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let Some(n) = repeat_count(vm, &args[1])? else {
        if crate::builtins::misc::reflected_in_python(vm, &args[1], "__rmul__") {
            return Ok(vm.not_implemented());
        }
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(&args[1])
        )));
    };
    let d = repeated(vm, &a.data.borrow(), n)?;
    Ok(new_array(vm, a.tc, d))
}

fn m_rmul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let Some(n) = repeat_count(vm, &args[1])? else {
        return Ok(vm.not_implemented());
    };
    let d = repeated(vm, &a.data.borrow(), n)?;
    Ok(new_array(vm, a.tc, d))
}

fn m_imul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let n = vm.index_i64(&args[1])?;
    let d = repeated(vm, &a.data.borrow(), n)?;
    *a.data.borrow_mut() = d;
    Ok(args[0].clone())
}

fn typecode_get(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_string((this(vm, v)?.tc as char).to_string()))
}

fn itemsize_get(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::from(this(vm, v)?.size()))
}

fn set_typecode(vm: &Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.attribute_error("attribute 'typecode' of 'array.array' objects is not writable"))
}

fn set_itemsize(vm: &Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.attribute_error("attribute 'itemsize' of 'array.array' objects is not writable"))
}

// ---- iterator ----

struct ArrayIter {
    array: RefCell<Option<Value>>,
    index: Cell<usize>,
}

impl NativeData for ArrayIter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(a) = &*self.array.borrow() {
            visit(a);
        }
    }
    fn clear(&self) {
        let old = self.array.borrow_mut().take();
        drop(old);
    }
}

fn m_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?;
    Ok(new_native(
        vm.types.other(ITER),
        ArrayIter {
            array: RefCell::new(Some(args[0].clone())),
            index: Cell::new(0),
        },
    ))
}

fn iter_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it: &ArrayIter = native(vm, &args[0], "array.arrayiterator")?;
    let current = it.array.borrow().clone();
    if let Some(v) = current
        && let Some(a) = as_array(&v)
    {
        let i = it.index.get();
        if let Some(item) = get(vm, a, i) {
            it.index.set(i + 1);
            return Ok(item);
        }
        let old = it.array.borrow_mut().take();
        drop(old);
    }
    Err(vm.stop_iteration(Value::None))
}

fn iter_self(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn init_iter(vm: &Vm, t: &PyRef) {
    vm.add_methods(t, &[("__iter__", iter_self), ("__next__", iter_next)]);
}

// ---- the reconstructor ----

/// `_array_reconstructor(arraytype, typecode, mformat_code, items)`: an array from the
/// bytes of any machine format.
fn reconstructor(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "_array_reconstructor", kw)?;
    check_positional(vm, "_array_reconstructor", args.len(), 4, 4)?;
    let Some(cls) = vm.is_type(&args[0]) else {
        return Err(vm.type_error(format!(
            "first argument must be a type object, not {}",
            vm.type_name(&args[0])
        )));
    };
    if !crate::types::is_subtype(&cls, &vm.types.other(ARRAY)) {
        return Err(vm.type_error(format!(
            "{} is not a subtype of array.array",
            crate::types::type_data(&cls).name.borrow()
        )));
    }
    let tc = typecode_arg(vm, "_array_reconstructor", &args[1])
        .map_err(|_| vm.value_error("second argument must be a valid type code"))?;
    let code = vm.index_i64(&args[2])?;
    if !(0..=21).contains(&code) {
        return Err(vm.value_error("third argument must be a valid machine format code."));
    }
    let Some(Payload::Bytes(b)) = args[3].payload() else {
        return Err(vm.type_error(format!(
            "fourth argument should be bytes, not {}",
            vm.type_name(&args[3])
        )));
    };
    let a = Array {
        tc,
        data: RefCell::new(Vec::new()),
    };
    if code == mformat_code(tc) {
        frombytes_into(vm, &a, b)?;
        return Ok(new_native(cls, a));
    }
    // Another machine's layout: decode each item and store it natively.
    let code = code as usize;
    let size = match code {
        0 | 1 => 1,
        2..=5 => 2,
        6..=9 | 14 | 15 | 20 | 21 => 4,
        18 | 19 => 2,
        _ => 8,
    };
    if !b.len().is_multiple_of(size) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    let big = matches!(code, 3 | 5 | 7 | 9 | 11 | 13 | 15 | 17 | 19 | 21);
    let signed = matches!(code, 1 | 4 | 5 | 8 | 9 | 12 | 13);
    let mut values = Vec::with_capacity(b.len() / size);
    if code == 18 || code == 19 {
        let units: Vec<u16> = b
            .chunks_exact(2)
            .map(|c| {
                if big {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        for c in char::decode_utf16(units) {
            values.push(vm.new_string(c.unwrap_or('\u{FFFD}').to_string()));
        }
    } else {
        for c in b.chunks_exact(size) {
            let mut raw = c.to_vec();
            if big {
                raw.reverse();
            }
            let mut le = [0u8; 8];
            le[..size].copy_from_slice(&raw);
            let u = u64::from_le_bytes(le);
            values.push(match code {
                14 | 15 => Value::float(f64::from(f32::from_bits(u as u32))),
                16 | 17 => Value::float(f64::from_bits(u)),
                20 | 21 => {
                    vm.new_string(char::from_u32(u as u32).unwrap_or('\u{FFFD}').to_string())
                }
                _ if signed => {
                    let shift = 64 - 8 * size as u32;
                    Value::Int(((u << shift) as i64) >> shift)
                }
                _ => match i64::try_from(u) {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::from_bigint(BigInt::from(u)),
                },
            });
        }
    }
    for v in &values {
        push(vm, &a, v)?;
    }
    Ok(new_native(cls, a))
}

fn reconstructor_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    reconstructor(vm, &args[1..], kw)
}

fn init_reconstructor(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", reconstructor_new)], MethodKind::Static);
    vm.add_attr(
        t,
        "__doc__",
        vm.new_str("Internal. Used for pickling support."),
    );
}

fn init_array(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", array_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("append", m_append),
            ("buffer_info", m_buffer_info),
            ("byteswap", m_byteswap),
            ("count", m_count),
            ("extend", m_extend),
            ("frombytes", m_frombytes),
            ("fromfile", m_fromfile),
            ("fromlist", m_fromlist),
            ("fromunicode", m_fromunicode),
            ("index", m_index),
            ("insert", m_insert),
            ("pop", m_pop),
            ("remove", m_remove),
            ("reverse", m_reverse),
            ("tobytes", m_tobytes),
            ("tofile", m_tofile),
            ("tolist", m_tolist),
            ("tounicode", m_tounicode),
            ("__copy__", m_copy),
            ("__deepcopy__", m_deepcopy),
            ("__reduce_ex__", m_reduce_ex),
            ("__reduce__", no_reduce),
            ("__sizeof__", m_sizeof),
            ("__len__", m_len),
            ("__getitem__", m_getitem),
            ("__setitem__", m_setitem),
            ("__delitem__", m_delitem),
            ("__contains__", m_contains),
            ("__iter__", m_iter),
            ("__repr__", m_repr),
            ("__lt__", m_lt),
            ("__le__", m_le),
            ("__eq__", m_eq),
            ("__ne__", m_ne),
            ("__gt__", m_gt),
            ("__ge__", m_ge),
            ("__add__", m_add),
            ("__iadd__", m_iadd),
            ("__mul__", m_mul),
            ("__rmul__", m_rmul),
            ("__imul__", m_imul),
        ],
    );
    vm.add_getsets(
        t,
        &[
            ("typecode", typecode_get, Some(set_typecode)),
            ("itemsize", itemsize_get, Some(set_itemsize)),
        ],
    );
    vm.add_attr(t, "__hash__", Value::None);
}

/// Makes the `array` module.
pub fn module(vm: &Vm) -> Value {
    let m = vm.new_module("array");
    let d = vm.module_dict(&m);
    let set = |name: &str, v: Value| {
        let _ = vm.dict_set_str(&d, vm.intern(name), v);
    };
    let t = native_type(
        vm,
        ARRAY,
        None,
        Layout::Native,
        flags::BASETYPE | flags::SEQUENCE,
        init_array,
    );
    native_type(vm, ITER, None, Layout::Native, 0, init_iter);
    // A class rather than a function, so that pickle can name it (`array._array_reconstructor`).
    let rec = native_type(
        vm,
        RECONSTRUCTOR,
        None,
        Layout::Native,
        0,
        init_reconstructor,
    );
    set("array", Value::Obj(t.clone()));
    set("ArrayType", Value::Obj(t));
    set("_array_reconstructor", Value::Obj(rec));
    set("typecodes", vm.new_str(TYPECODES));
    set(
        "__doc__",
        vm.new_str(
            "This module defines an object type which can efficiently represent\n\
             an array of basic values: characters, integers, floating point\n\
             numbers.  Arrays are sequence types and behave very much like lists,\n\
             except that the type of objects stored in them is constrained.\n",
        ),
    );
    Value::Obj(m)
}
