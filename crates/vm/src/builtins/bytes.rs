//! `bytes` and `bytearray` (core methods), and the text codecs the VM needs itself.
//! Counterpart: Objects/bytesobject.c, Objects/bytearrayobject.c, Objects/unicodeobject.c
//! codecs (3.11).

use std::cell::RefCell;

use crate::builtins::function::{MethodKind, check_count, parse_args};
use crate::object::{Payload, PyObject};
use crate::protocol::CmpOp;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn new_bytes(vm: &Vm, b: Vec<u8>) -> Value {
    Value::Obj(PyObject::new(vm.types.bytes.clone(), Payload::Bytes(b.into_boxed_slice())))
}

pub fn new_bytearray(vm: &Vm, b: Vec<u8>) -> Value {
    Value::Obj(PyObject::new(vm.types.bytearray.clone(), Payload::ByteArray(RefCell::new(b))))
}

/// The bytes of a bytes-like value.
pub fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Some(b.to_vec()),
        Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
        _ => None,
    }
}

fn normalize_encoding(enc: &str) -> String {
    enc.to_ascii_lowercase().replace(['-', ' '], "_")
}

/// `bytes.decode(encoding, errors)` for the codecs built into the VM.
pub fn decode_bytes(vm: &Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    match normalize_encoding(encoding).as_str() {
        "utf_8" | "utf8" | "u8" => match std::str::from_utf8(data) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => match errors {
                "replace" => Ok(String::from_utf8_lossy(data).to_string()),
                "ignore" => {
                    let s = String::from_utf8_lossy(data);
                    Ok(s.replace('\u{FFFD}', ""))
                }
                _ => {
                    let pos = e.valid_up_to();
                    let reason = if e.error_len().is_none() { "unexpected end of data" } else { "invalid start byte" };
                    Err(unicode_decode_error(vm, "utf-8", data, pos, pos + e.error_len().unwrap_or(data.len() - pos), reason))
                }
            },
        },
        "ascii" | "us_ascii" => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    match errors {
                        "replace" => out.push('\u{FFFD}'),
                        "ignore" => {}
                        _ => return Err(unicode_decode_error(vm, "ascii", data, i, i + 1, "ordinal not in range(128)")),
                    }
                }
            }
            Ok(out)
        }
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" => Ok(data.iter().map(|&b| b as char).collect()),
        _ => Err(vm.new_exception_msg(&vm.types.exceptions.lookup_error, &format!("unknown encoding: {encoding}"))),
    }
}

fn unicode_decode_error(vm: &Vm, enc: &str, data: &[u8], start: usize, end: usize, reason: &str) -> crate::vm::PyErr {
    let e = vm.new_exception(
        &vm.types.exceptions.unicode_decode_error,
        vec![vm.new_str(enc), new_bytes(vm, data.to_vec()), Value::from(start), Value::from(end), vm.new_str(reason)],
    );
    let _ = vm.set_attr_in_dict(&e, "encoding", vm.new_str(enc));
    let _ = vm.set_attr_in_dict(&e, "object", new_bytes(vm, data.to_vec()));
    let _ = vm.set_attr_in_dict(&e, "start", Value::from(start));
    let _ = vm.set_attr_in_dict(&e, "end", Value::from(end));
    let _ = vm.set_attr_in_dict(&e, "reason", vm.new_str(reason));
    e
}

/// `str.encode(encoding, errors)`.
pub fn encode_str(vm: &Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    match normalize_encoding(encoding).as_str() {
        "utf_8" | "utf8" | "u8" => Ok(s.as_bytes().to_vec()),
        "ascii" | "us_ascii" | "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" => {
            let limit = if normalize_encoding(encoding).contains("ascii") { 0x80 } else { 0x100 };
            let mut out = Vec::with_capacity(s.len());
            for (i, c) in s.chars().enumerate() {
                let cp = c as u32;
                if cp < limit {
                    out.push(cp as u8);
                } else {
                    match errors {
                        "replace" => out.push(b'?'),
                        "ignore" => {}
                        "backslashreplace" => out.extend(crate::builtins::str::ascii_escape(&c.to_string()).bytes()),
                        "xmlcharrefreplace" => out.extend(format!("&#{cp};").bytes()),
                        _ => {
                            let name = if limit == 0x80 { "ascii" } else { "latin-1" };
                            let e = vm.new_exception(
                                &vm.types.exceptions.unicode_encode_error,
                                vec![
                                    vm.new_str(name),
                                    vm.new_str(s),
                                    Value::from(i),
                                    Value::from(i + 1),
                                    vm.new_string(format!("ordinal not in range({limit})")),
                                ],
                            );
                            return Err(e);
                        }
                    }
                }
            }
            Ok(out)
        }
        _ => Err(vm.new_exception_msg(&vm.types.exceptions.lookup_error, &format!("unknown encoding: {encoding}"))),
    }
}

fn this(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_of(v).ok_or_else(|| vm.type_error(format!("descriptor requires a 'bytes' object but received a '{}'", vm.type_name(v))))
}

/// Bytes from the argument of `bytes(x)` / `bytearray(x)`.
fn bytes_from_arg(vm: &Vm, x: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_of(x) {
        return Ok(b);
    }
    if crate::str::as_str(x).is_some() {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if let Value::Int(_) | Value::Bool(_) = x {
        let n = vm.index_i64(x)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    if let Some(m) = vm.lookup_special(x, "__bytes__") {
        let r = vm.call(&m, std::slice::from_ref(x))?;
        return bytes_of(&r).ok_or_else(|| vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r))));
    }
    if vm.lookup_special(x, "__index__").is_some() {
        let n = vm.index_i64(x)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    let items = vm.iterate(x).map_err(|_| vm.type_error(format!("cannot convert '{}' object to bytes", vm.type_name(x))))?;
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        let v = vm.index_i64(&i).map_err(|_| vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&i))))?;
        if !(0..=255).contains(&v) {
            return Err(vm.value_error("bytes must be in range(0, 256)"));
        }
        out.push(v as u8);
    }
    Ok(out)
}

fn new_impl(vm: &Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Vec<u8>> {
    let p = parse_args(vm, name, &args[1..], kwnames, &["source", "encoding", "errors"], 0, 3, 0)?;
    match (p.get(0), p.get(1)) {
        (None, None) => Ok(Vec::new()),
        (Some(s), Some(enc)) => {
            let s = crate::str::as_str(s).ok_or_else(|| vm.type_error("encoding without a string argument"))?;
            let enc = crate::str::as_str(enc).unwrap_or("utf-8");
            let err = p.get(2).and_then(crate::str::as_str).unwrap_or("strict");
            encode_str(vm, s, enc, err)
        }
        (None, Some(_)) => Err(vm.type_error("encoding without a string argument")),
        (Some(x), None) => bytes_from_arg(vm, x),
    }
}

fn bytes_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("bytes.__new__(X): X is not a type object"));
    };
    let b = new_impl(vm, args, kwnames, "bytes")?;
    Ok(Value::Obj(PyObject::new(cls, Payload::Bytes(b.into_boxed_slice()))))
}

fn bytearray_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("bytearray.__new__(X): X is not a type object"));
    };
    Ok(Value::Obj(PyObject::new(cls, Payload::ByteArray(RefCell::new(Vec::new())))))
}

fn bytearray_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = new_impl(vm, args, kwnames, "bytearray")?;
    if let Some(Payload::ByteArray(ba)) = args[0].payload() {
        *ba.borrow_mut() = b;
    }
    Ok(Value::None)
}

fn bytes_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    let r = rpy_marshal::repr::bytes_repr(&b);
    if matches!(args[0].payload(), Some(Payload::ByteArray(_))) {
        return Ok(vm.new_string(format!("{}({r})", vm.type_name(&args[0]))));
    }
    Ok(vm.new_string(r))
}

fn bytes_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(this(vm, &args[0])?.len()))
}

fn bytes_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    let ba = matches!(args[0].payload(), Some(Payload::ByteArray(_)));
    if let Some(Payload::Slice(..)) = args[1].payload() {
        let (start, _, step, n) = crate::builtins::misc::slice_indices(vm, &args[1], b.len())?;
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(b[i as usize]);
            i += step;
        }
        return Ok(if ba { new_bytearray(vm, out) } else { new_bytes(vm, out) });
    }
    let i = vm.index_value(&args[1]).map_err(|_| {
        vm.type_error(format!(
            "{} indices must be integers or slices, not {}",
            if ba { "bytearray" } else { "byte" },
            vm.type_name(&args[1])
        ))
    })?;
    let i = match i {
        Value::Int(i) => i,
        _ => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
    };
    let n = b.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error(if ba { "bytearray index out of range" } else { "index out of range" }));
    }
    Ok(Value::Int(b[j as usize] as i64))
}

fn bytes_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    let items: Vec<Value> = b.iter().map(|&x| Value::Int(x as i64)).collect();
    vm.get_iter(&vm.new_tuple(items))
}

fn bytes_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    if b.is_empty() {
        return Ok(Value::Int(0));
    }
    let h = rpy_marshal::siphash::siphash13(0, 0, &b) as i64;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn bytes_add(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let Some(b) = bytes_of(&args[1]) else {
        return Err(vm.type_error(format!("can't concat {} to {}", vm.type_name(&args[1]), vm.type_name(&args[0]))));
    };
    let mut out = a;
    out.extend(b);
    Ok(if matches!(args[0].payload(), Some(Payload::ByteArray(_))) { new_bytearray(vm, out) } else { new_bytes(vm, out) })
}

fn bytes_mul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    if vm.lookup_special(&args[1], "__index__").is_none() {
        return Ok(vm.not_implemented());
    }
    let n = vm.index_i64(&args[1])?.max(0) as usize;
    let out = a.repeat(n);
    Ok(if matches!(args[0].payload(), Some(Payload::ByteArray(_))) { new_bytearray(vm, out) } else { new_bytes(vm, out) })
}

fn bytes_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    if let Some(sub) = bytes_of(&args[1]) {
        return Ok(Value::Bool(sub.is_empty() || a.windows(sub.len()).any(|w| w == sub.as_slice())));
    }
    let v = vm.index_i64(&args[1])?;
    if !(0..=255).contains(&v) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(Value::Bool(a.contains(&(v as u8))))
}

macro_rules! bytes_cmps {
    ($( $fname:ident, $op:expr; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let a = this(vm, &args[0])?;
                let Some(b) = bytes_of(&args[1]) else {
                    return Ok(vm.not_implemented());
                };
                Ok(Value::Bool($op.test(a.cmp(&b))))
            }
        )*
    };
}

bytes_cmps! {
    bytes_lt, CmpOp::Lt;
    bytes_le, CmpOp::Le;
    bytes_eq, CmpOp::Eq;
    bytes_ne, CmpOp::Ne;
    bytes_gt, CmpOp::Gt;
    bytes_ge, CmpOp::Ge;
}

fn bytes_decode(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    let p = parse_args(vm, "decode", &args[1..], kwnames, &["encoding", "errors"], 0, 2, 0)?;
    let enc = p.get(0).and_then(crate::str::as_str).unwrap_or("utf-8").to_string();
    let err = p.get(1).and_then(crate::str::as_str).unwrap_or("strict").to_string();
    Ok(vm.new_string(decode_bytes(vm, &b, &enc, &err)?))
}

fn bytes_hex(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    Ok(vm.new_string(b.iter().map(|x| format!("{x:02x}")).collect()))
}

fn bytes_join(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "join", &args[1..], kw, 1, 1)?;
    let sep = this(vm, &args[0])?;
    let mut out = Vec::new();
    for (i, it) in vm.iterate(&args[1])?.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        let b = bytes_of(it).ok_or_else(|| {
            vm.type_error(format!("sequence item {i}: expected a bytes-like object, {} found", vm.type_name(it)))
        })?;
        out.extend(b);
    }
    Ok(if matches!(args[0].payload(), Some(Payload::ByteArray(_))) { new_bytearray(vm, out) } else { new_bytes(vm, out) })
}

fn bytearray_append(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "append", &args[1..], kw, 1, 1)?;
    let v = vm.index_i64(&args[1])?;
    if !(0..=255).contains(&v) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    if let Some(Payload::ByteArray(b)) = args[0].payload() {
        b.borrow_mut().push(v as u8);
    }
    Ok(Value::None)
}

fn bytearray_extend(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "extend", &args[1..], kw, 1, 1)?;
    let more = bytes_from_arg(vm, &args[1])?;
    if let Some(Payload::ByteArray(b)) = args[0].payload() {
        b.borrow_mut().extend(more);
    }
    Ok(Value::None)
}

fn bytearray_setitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::ByteArray(b)) = args[0].payload() else {
        return Err(vm.type_error("bytearray required"));
    };
    let i = vm.index_i64(&args[1])?;
    let v = vm.index_i64(&args[2])?;
    if !(0..=255).contains(&v) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    let mut b = b.borrow_mut();
    let n = b.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("bytearray index out of range"));
    }
    b[j as usize] = v as u8;
    Ok(Value::None)
}

fn bytes_fromhex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "fromhex", &args[1..], kw, 1, 1)?;
    let s = crate::str::as_str(&args[1]).ok_or_else(|| vm.type_error("fromhex() argument must be str"))?;
    let digits: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = Vec::new();
    for (i, pair) in digits.chunks(2).enumerate() {
        let hex: String = pair.iter().collect();
        match u8::from_str_radix(&hex, 16) {
            Ok(b) if pair.len() == 2 => out.push(b),
            _ => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i * 2 + if pair[0].is_ascii_hexdigit() { 1 } else { 0 }
                )));
            }
        }
    }
    let cls = vm.is_type(&args[0]).unwrap_or(vm.types.bytes.clone());
    if std::rc::Rc::ptr_eq(&cls, &vm.types.bytearray) {
        return Ok(new_bytearray(vm, out));
    }
    Ok(new_bytes(vm, out))
}

pub fn init(vm: &Vm) {
    let common: &[(&'static str, crate::builtins::function::NativeFn)] = &[
        ("__repr__", bytes_repr),
        ("__len__", bytes_len),
        ("__getitem__", bytes_getitem),
        ("__iter__", bytes_iter),
        ("__add__", bytes_add),
        ("__mul__", bytes_mul),
        ("__rmul__", bytes_mul),
        ("__contains__", bytes_contains),
        ("__lt__", bytes_lt),
        ("__le__", bytes_le),
        ("__eq__", bytes_eq),
        ("__ne__", bytes_ne),
        ("__gt__", bytes_gt),
        ("__ge__", bytes_ge),
        ("decode", bytes_decode),
        ("hex", bytes_hex),
        ("join", bytes_join),
    ];
    let b = &vm.types.bytes;
    vm.add_methods(b, common);
    vm.add_methods(b, &[("__hash__", bytes_hash)]);
    vm.add_methods_kind(b, &[("__new__", bytes_new)], MethodKind::Static);
    vm.add_methods_kind(b, &[("fromhex", bytes_fromhex)], MethodKind::Class);
    let ba = &vm.types.bytearray;
    vm.add_methods(ba, common);
    vm.add_methods(
        ba,
        &[("__init__", bytearray_init), ("append", bytearray_append), ("extend", bytearray_extend), ("__setitem__", bytearray_setitem)],
    );
    vm.add_methods_kind(ba, &[("__new__", bytearray_new)], MethodKind::Static);
    vm.add_methods_kind(ba, &[("fromhex", bytes_fromhex)], MethodKind::Class);
    vm.add_attr(ba, "__hash__", Value::None);
}
