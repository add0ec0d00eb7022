//! `bytes`, and the methods `bytes` and `bytearray` share (the bytearray mutators are in
//! `bytearray.rs`, the codecs in `codecs.rs`); the algorithms are rpy-text's.
//! Counterpart: Objects/bytesobject.c and Objects/bytes_methods.c (3.11).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use rpy_text::strings::bytes as tb;

use crate::builtins::function::{MethodKind, NativeFn, check_count, parse_args};
use crate::builtins::text_err::ToPyErr;
use crate::object::{NativeData, Payload, PyObject};
use crate::protocol::CmpOp;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub use crate::builtins::codecs::{decode_bytes, encode_str};

pub fn new_bytes(vm: &Vm, b: Vec<u8>) -> Value {
    Value::Obj(PyObject::new(
        vm.types.bytes.clone(),
        Payload::Bytes(b.into_boxed_slice()),
    ))
}

pub fn new_bytearray(vm: &Vm, b: Vec<u8>) -> Value {
    Value::Obj(PyObject::new(
        vm.types.bytearray.clone(),
        Payload::ByteArray(RefCell::new(b)),
    ))
}

/// The bytes of a bytes or bytearray value.
pub fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Some(b.to_vec()),
        Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
        _ => None,
    }
}

/// The contents of any object with the buffer protocol: bytes, bytearray, memoryview.
pub fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Some(b.to_vec()),
        Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
        Some(Payload::Native(_)) => crate::builtins::memoryview::view_bytes(v)
            .or_else(|| crate::builtins::array::array_bytes(v)),
        _ => None,
    }
}

/// Whether `v` is a bytearray (subclasses included): results of its methods are bytearrays.
pub fn is_bytearray(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::ByteArray(_)))
}

/// A result of the same kind as `self_`: bytearray for a bytearray, else bytes.
fn same_kind(vm: &Vm, self_: &Value, b: Vec<u8>) -> Value {
    if is_bytearray(self_) {
        new_bytearray(vm, b)
    } else {
        new_bytes(vm, b)
    }
}

/// The bytes of `self`: borrowed from a bytes object, copied from a bytearray (whose buffer
/// Python code may resize while a method runs).
fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => return Ok(Cow::Borrowed(b)),
        Some(Payload::ByteArray(b)) => return Ok(Cow::Owned(b.borrow().clone())),
        _ => {}
    }
    Err(vm.type_error(format!(
        "descriptor requires a 'bytes' object but received a '{}'",
        vm.type_name(v)
    )))
}

/// A bytes-like argument (`Py_buffer`).
pub fn bytes_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    buffer_bytes(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// The `sub` of find/count/index: a bytes-like object or an int in range(256).
fn sub_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(v) {
        return Ok(b);
    }
    if vm.lookup_special(v, "__index__").is_none() {
        return Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(v)
        )));
    }
    let i = vm.index_clamped(v)?;
    if !(0..=255).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(vec![i as u8])
}

/// A `start`/`end` argument of find/count/startswith (`_PyEval_SliceIndex`), as rpy-text
/// takes it.
pub fn slice_index(vm: &Vm, v: Option<&Value>) -> PyResult<Option<isize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            if vm.lookup_special(v, "__index__").is_none() {
                return Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ));
            }
            Ok(Some(
                vm.index_clamped(v)?
                    .clamp(isize::MIN as i64, isize::MAX as i64) as isize,
            ))
        }
    }
}

/// An `__index__` argument as a C int, OverflowError beyond (`expandtabs`' tabsize).
pub fn c_int_arg(vm: &Vm, v: &Value) -> PyResult<isize> {
    let i = vm.index_clamped(v)?;
    i32::try_from(i).map(|i| i as isize).map_err(|_| {
        vm.overflow_error(if i < 0 {
            "Python int too small to convert to C int"
        } else {
            "Python int too large to convert to C int"
        })
    })
}

/// An `__index__` argument as an isize, OverflowError beyond.
pub fn isize_arg(vm: &Vm, v: &Value) -> PyResult<isize> {
    let i = vm.index_i64(v)?;
    isize::try_from(i)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

// ---------------------------------------------------------------------------------------
// construction

/// Bytes from the argument of `bytes(x)` / `bytearray(x)` (`name` says which), after the
/// str and `__bytes__` cases.
pub fn bytes_from_arg(vm: &Vm, x: &Value, name: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(x) {
        return Ok(b);
    }
    if crate::str::as_str(x).is_some() {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if vm.lookup_special(x, "__index__").is_some() {
        let n = vm.index_i64(x).map_err(|e| {
            if vm.exc_matches(&e, &vm.types.exceptions.overflow_error) {
                vm.overflow_error("cannot fit 'int' into an index-sized integer")
            } else {
                e
            }
        })?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut out = Vec::new();
        out.try_reserve_exact(n as usize)
            .map_err(|_| vm.new_exception(&vm.types.exceptions.memory_error, vec![]))?;
        out.resize(n as usize, 0);
        return Ok(out);
    }
    let range_msg = if name == "bytes" {
        "bytes must be in range(0, 256)"
    } else {
        "byte must be in range(0, 256)"
    };
    iterable_bytes(vm, x, range_msg, |vm, x| {
        vm.type_error(format!(
            "cannot convert '{}' object to {name}",
            vm.type_name(x)
        ))
    })
}

/// The bytes of an iterable of ints in range(256) (`range_msg` when one is not);
/// `not_iterable` makes the error for an object that cannot be iterated.
pub fn iterable_bytes(
    vm: &Vm,
    x: &Value,
    range_msg: &str,
    not_iterable: impl Fn(&Vm, &Value) -> crate::vm::PyErr,
) -> PyResult<Vec<u8>> {
    let it = match vm.get_iter(x) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, &vm.types.exceptions.type_error) => {
            return Err(not_iterable(vm, x));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(i) = vm.next(&it)? {
        match vm.index_value(&i)? {
            Value::Int(n) if (0..=255).contains(&n) => out.push(n as u8),
            _ => return Err(vm.value_error(range_msg)),
        }
    }
    Ok(out)
}

/// An int in range(256) (`__index__`), as bytearray item assignment takes it.
pub fn byte_value(vm: &Vm, v: &Value) -> PyResult<u8> {
    let i = vm.index_value(v)?;
    match i {
        Value::Int(n) if (0..=255).contains(&n) => Ok(n as u8),
        _ => Err(vm.value_error("byte must be in range(0, 256)")),
    }
}

/// `bytes(source, encoding, errors)` / `bytearray(...)` (`name`): the initial contents.
pub fn new_impl(vm: &Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Vec<u8>> {
    let p = parse_args(
        vm,
        name,
        args,
        kwnames,
        &["source", "encoding", "errors"],
        0,
        3,
        0,
    )?;
    let enc = match p.get(1) {
        Some(e) => Some(crate::str::as_str(e).ok_or_else(|| {
            vm.type_error(format!(
                "{name}() argument 'encoding' must be str, not {}",
                vm.type_name(e)
            ))
        })?),
        None => None,
    };
    let errors = match p.get(2) {
        Some(e) => Some(crate::str::as_str(e).ok_or_else(|| {
            vm.type_error(format!(
                "{name}() argument 'errors' must be str, not {}",
                vm.type_name(e)
            ))
        })?),
        None => None,
    };
    let Some(s) = p.get(0) else {
        if enc.is_some() || errors.is_some() {
            let what = if enc.is_some() { "encoding" } else { "errors" };
            return Err(vm.type_error(format!("{what} without a string argument")));
        }
        return Ok(Vec::new());
    };
    if let Some(text) = crate::str::as_str(s) {
        return match enc {
            Some(enc) => encode_str(vm, text, enc, errors.unwrap_or("strict")),
            None => Err(vm.type_error("string argument without an encoding")),
        };
    }
    if enc.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    // bytes() asks `__bytes__` first; bytearray() does not.
    if name == "bytes"
        && let Some(m) = vm.lookup_special(s, "__bytes__")
    {
        let r = vm.call(&m, std::slice::from_ref(s))?;
        return match r.payload() {
            Some(Payload::Bytes(b)) => Ok(b.to_vec()),
            _ => Err(vm.type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    bytes_from_arg(vm, s, name)
}

fn is_bytes_or_bytearray(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_)))
}

fn bytes_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("bytes.__new__(X): X is not a type object"));
    };
    // `bytes(b)` of an exact bytes is the same object.
    if std::rc::Rc::ptr_eq(&cls, &vm.types.bytes)
        && args.len() == 2
        && kwnames.is_empty()
        && let Value::Obj(o) = &args[1]
        && matches!(o.payload, Payload::Bytes(_))
        && std::rc::Rc::ptr_eq(o.class(), &vm.types.bytes)
    {
        return Ok(args[1].clone());
    }
    let b = new_impl(vm, &args[1..], kwnames, "bytes")?;
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Bytes(b.into_boxed_slice()),
    )))
}

// ---------------------------------------------------------------------------------------
// the sequence and number protocols

fn bytes_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    let r = rpy_marshal::repr::bytes_repr(&b);
    if is_bytearray(&args[0]) {
        return Ok(vm.new_string(format!("{}({r})", vm.type_name(&args[0]))));
    }
    Ok(vm.new_string(r))
}

fn bytes_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match args[0].payload() {
        Some(Payload::Bytes(b)) => Ok(Value::from(b.len())),
        Some(Payload::ByteArray(b)) => Ok(Value::from(b.borrow().len())),
        _ => Err(vm.type_error("descriptor '__len__' requires a 'bytes' object")),
    }
}

/// `self[index]` / `self[slice]` for bytes and bytearray.
pub fn bytes_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let ba = is_bytearray(&args[0]);
    let key = &args[1];
    if let Some(Payload::Slice(..)) = key.payload() {
        let b = this(vm, &args[0])?;
        let (start, _, step, n) = crate::builtins::misc::slice_indices(vm, key, b.len())?;
        let out: Vec<u8> = if step == 1 {
            b[start as usize..start as usize + n].to_vec()
        } else {
            (0..n)
                .map(|k| b[(start + k as i64 * step) as usize])
                .collect()
        };
        return Ok(if ba {
            new_bytearray(vm, out)
        } else {
            new_bytes(vm, out)
        });
    }
    if vm.lookup_special(key, "__index__").is_none() {
        return Err(vm.type_error(format!(
            "{} indices must be integers or slices, not {}",
            if ba { "bytearray" } else { "byte" },
            vm.type_name(key)
        )));
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
    let get = |b: &[u8]| -> Option<u8> {
        let n = b.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            None
        } else {
            Some(b[j as usize])
        }
    };
    let r = match args[0].payload() {
        Some(Payload::Bytes(b)) => get(b),
        Some(Payload::ByteArray(b)) => get(&b.borrow()),
        _ => return Err(vm.type_error("bytes required")),
    };
    match r {
        Some(x) => Ok(Value::Int(x as i64)),
        None => Err(vm.index_error(if ba {
            "bytearray index out of range"
        } else {
            "index out of range"
        })),
    }
}

/// The iterator over a bytes or bytearray object (`bytes_iterator`, `bytearray_iterator`).
pub struct BytesIter {
    seq: RefCell<Option<Value>>,
    index: Cell<usize>,
}

impl NativeData for BytesIter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(v) = &*self.seq.borrow() {
            visit(v);
        }
    }
    fn clear(&self) {
        self.seq.borrow_mut().take();
    }
}

fn bytes_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = if is_bytearray(&args[0]) {
        "bytearray_iterator"
    } else {
        "bytes_iterator"
    };
    this(vm, &args[0])?;
    let it = BytesIter {
        seq: RefCell::new(Some(args[0].clone())),
        index: Cell::new(0),
    };
    Ok(Value::Obj(PyObject::new(
        vm.types.other(name),
        Payload::Native(Box::new(it)),
    )))
}

fn iter_data<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a BytesIter> {
    v.as_obj()
        .and_then(|o| o.downcast_native::<BytesIter>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'bytes_iterator' object"))
}

fn bytes_iter_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = iter_data(vm, &args[0])?;
    let i = it.index.get();
    let item = match &*it.seq.borrow() {
        Some(s) => match s.payload() {
            Some(Payload::Bytes(b)) => b.get(i).copied(),
            Some(Payload::ByteArray(b)) => b.borrow().get(i).copied(),
            _ => None,
        },
        None => None,
    };
    match item {
        Some(x) => {
            it.index.set(i + 1);
            Ok(Value::Int(x as i64))
        }
        None => {
            it.seq.borrow_mut().take();
            Err(vm.stop_iteration(Value::None))
        }
    }
}

fn bytes_iter_self(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn bytes_iter_length_hint(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = iter_data(vm, &args[0])?;
    let n = match &*it.seq.borrow() {
        Some(s) => match s.payload() {
            Some(Payload::Bytes(b)) => b.len(),
            Some(Payload::ByteArray(b)) => b.borrow().len(),
            _ => 0,
        },
        None => 0,
    };
    Ok(Value::from(n.saturating_sub(it.index.get())))
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
    let Some(b) = buffer_bytes(&args[1]) else {
        return Err(vm.type_error(format!(
            "can't concat {} to {}",
            vm.type_name(&args[1]),
            vm.type_name(&args[0])
        )));
    };
    let mut out = a.into_owned();
    out.extend(b);
    Ok(same_kind(vm, &args[0], out))
}

/// The repeat count of `*`, or `None` (NotImplemented) for a non-int.
pub fn repeat_count(vm: &Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        other => {
            if vm.lookup_special(other, "__index__").is_none() {
                return Ok(None);
            }
            match vm.index_value(other)? {
                Value::Int(i) => Ok(Some(i)),
                _ => Err(vm.overflow_error(format!(
                    "cannot fit '{}' into an index-sized integer",
                    vm.type_name(other)
                ))),
            }
        }
    }
}

/// `b * n` with CPython's size checks.
pub fn repeat_bytes(vm: &Vm, a: &[u8], n: i64) -> PyResult<Vec<u8>> {
    if n <= 0 || a.is_empty() {
        return Ok(Vec::new());
    }
    let total = (a.len() as u128) * (n as u128);
    if total > isize::MAX as u128 {
        return Err(vm.new_exception(&vm.types.exceptions.memory_error, vec![]));
    }
    let mut out = Vec::new();
    out.try_reserve_exact(total as usize)
        .map_err(|_| vm.new_exception(&vm.types.exceptions.memory_error, vec![]))?;
    for _ in 0..n {
        out.extend_from_slice(a);
    }
    Ok(out)
}

fn bytes_mul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let Some(n) = repeat_count(vm, &args[1])? else {
        return Ok(vm.not_implemented());
    };
    Ok(same_kind(vm, &args[0], repeat_bytes(vm, &a, n)?))
}

fn bytes_mod(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(a) = bytes_of(&args[0]) else {
        return Ok(vm.not_implemented());
    };
    let out = crate::builtins::format::bytes_percent_format(vm, &a, &args[1])?;
    Ok(same_kind(vm, &args[0], out))
}

fn bytes_rmod(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn bytes_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let v = &args[1];
    if vm.lookup_special(v, "__index__").is_some() {
        let i = vm.index_clamped(v)?;
        if !(0..=255).contains(&i) {
            return Err(vm.value_error("byte must be in range(0, 256)"));
        }
        return Ok(Value::bool(a.contains(&(i as u8))));
    }
    let sub = bytes_arg(vm, v)?;
    Ok(Value::bool(tb::find(&a, &sub, None, None).is_some()))
}

macro_rules! bytes_cmps {
    ($( $fname:ident, $op:expr; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let a = this(vm, &args[0])?;
                let Some(b) = buffer_bytes(&args[1]) else {
                    return Ok(vm.not_implemented());
                };
                if !is_bytearray(&args[0]) && !is_bytes_or_bytearray(&args[1]) {
                    // bytes only compares with bytes and bytearray (a memoryview compares
                    // from its own side).
                    return Ok(vm.not_implemented());
                }
                Ok(Value::bool($op.test((*a).cmp(&b[..]))))
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

fn bytes_getnewargs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    Ok(vm.new_tuple(vec![new_bytes(vm, b.into_owned())]))
}

fn bytes_bytes(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Value::Obj(o) = &args[0]
        && std::rc::Rc::ptr_eq(o.class(), &vm.types.bytes)
    {
        return Ok(args[0].clone());
    }
    Ok(new_bytes(vm, this(vm, &args[0])?.into_owned()))
}

fn bytes_sizeof(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    Ok(Value::from(33 + b.len()))
}

// ---------------------------------------------------------------------------------------
// text-like methods

fn bytes_decode(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    let p = parse_args(
        vm,
        "decode",
        &args[1..],
        kwnames,
        &["encoding", "errors"],
        0,
        2,
        0,
    )?;
    let mut names = ["utf-8", "strict"];
    for (i, what) in ["encoding", "errors"].iter().enumerate() {
        if let Some(v) = p.get(i) {
            names[i] = crate::str::as_str(v).ok_or_else(|| {
                vm.type_error(format!(
                    "decode() argument '{what}' must be str, not {}",
                    vm.type_name(v)
                ))
            })?;
        }
    }
    Ok(vm.new_string(decode_bytes(vm, &b, names[0], names[1])?))
}

/// `hex(sep, bytes_per_sep)` of bytes, bytearray and memoryview.
pub fn hex_impl(vm: &Vm, data: &[u8], args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(vm, "hex", args, kwnames, &["sep", "bytes_per_sep"], 0, 2, 0)?;
    let sep: Option<u8> = match p.get(0) {
        None => None,
        Some(s) => {
            let (len, ascii, first) = if let Some(t) = crate::str::as_str(s) {
                (t.chars().count(), t.is_ascii(), t.bytes().next())
            } else if let Some(b) = buffer_bytes(s) {
                (b.len(), true, b.first().copied())
            } else {
                return Err(
                    vm.type_error(format!("object of type '{}' has no len()", vm.tp_name(s)))
                );
            };
            if len != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !ascii || first.is_some_and(|b| b >= 128) {
                return Err(vm.value_error("sep must be ASCII."));
            }
            first
        }
    };
    let per = match p.get(1) {
        Some(v) => vm.index_clamped(v)?,
        None => 1,
    };
    Ok(vm.new_string(hex_string(data, sep, per)))
}

/// The hex digits of `data`, with `sep` between groups of `|per|` bytes counted from the
/// right when `per > 0`, from the left when `per < 0` (no separator when `per == 0`).
fn hex_string(data: &[u8], sep: Option<u8>, per: i64) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 3);
    let group = match sep {
        Some(sep) if per != 0 && !data.is_empty() => {
            let g = per.unsigned_abs().min(data.len() as u64) as usize;
            let first = if per > 0 { (data.len() - 1) % g + 1 } else { g };
            Some((sep, g, first))
        }
        _ => None,
    };
    for (i, &b) in data.iter().enumerate() {
        if let Some((sep, g, first)) = group
            && i > 0
            && (i + g - first).is_multiple_of(g)
        {
            out.push(sep as char);
        }
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

fn bytes_hex(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    hex_impl(vm, &b, &args[1..], kwnames)
}

fn bytes_join(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "join", &args[1..], kw, 1, 1)?;
    let sep = this(vm, &args[0])?;
    let mut out = Vec::new();
    for (i, it) in vm.iterate(&args[1])?.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        let b = buffer_bytes(it).ok_or_else(|| {
            vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(it)
            ))
        })?;
        out.extend(b);
    }
    Ok(same_kind(vm, &args[0], out))
}

fn bytes_fromhex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "fromhex", &args[1..], kw, 1, 1)?;
    let Some(s) = crate::str::as_str(&args[1]) else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let bad = |pos: usize| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    if !s.is_ascii() {
        return Err(bad(s.chars().position(|c| !c.is_ascii()).unwrap_or(0)));
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    while i < b.len() {
        if tb::is_space(b[i]) {
            i += 1;
            continue;
        }
        let hi = (b[i] as char).to_digit(16).ok_or_else(|| bad(i))?;
        let lo = b
            .get(i + 1)
            .and_then(|&c| (c as char).to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let cls = vm.is_type(&args[0]).unwrap_or(vm.types.bytes.clone());
    if std::rc::Rc::ptr_eq(&cls, &vm.types.bytearray) {
        return Ok(new_bytearray(vm, out));
    }
    if std::rc::Rc::ptr_eq(&cls, &vm.types.bytes) {
        return Ok(new_bytes(vm, out));
    }
    let base = if crate::types::is_subtype(&cls, &vm.types.bytearray) {
        new_bytearray(vm, out)
    } else {
        new_bytes(vm, out)
    };
    vm.call(&Value::Obj(cls), &[base])
}

fn bytes_maketrans(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "maketrans", args, kw, 2, 2)?;
    let from = bytes_arg(vm, &args[0])?;
    let to = bytes_arg(vm, &args[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (a, b) in from.iter().zip(&to) {
        table[*a as usize] = *b;
    }
    Ok(new_bytes(vm, table))
}

fn bytes_translate(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    let p = parse_args(
        vm,
        "translate",
        &args[1..],
        kwnames,
        &["table", "delete"],
        1,
        2,
        1,
    )?;
    let table = match p.get(0) {
        None | Some(Value::None) => None,
        Some(t) => {
            let t = bytes_arg(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match p.get(1) {
        Some(d) => bytes_arg(vm, d)?,
        None => Vec::new(),
    };
    let mut deleted = [false; 256];
    for &d in &delete {
        deleted[d as usize] = true;
    }
    let out: Vec<u8> = b
        .iter()
        .filter(|&&c| !deleted[c as usize])
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(same_kind(vm, &args[0], out))
}

type FindFn = fn(&[u8], &[u8], Option<isize>, Option<isize>) -> Option<usize>;

/// `self`, `sub`, `start`, `end` of find/count/index.
type FindArgs<'a> = (Cow<'a, [u8]>, Vec<u8>, Option<isize>, Option<isize>);

fn find_args<'a>(vm: &Vm, args: &'a [Value], kw: &[Value], name: &str) -> PyResult<FindArgs<'a>> {
    check_count(vm, name, &args[1..], kw, 1, 3)?;
    let b = this(vm, &args[0])?;
    let sub = sub_arg(vm, &args[1])?;
    let start = slice_index(vm, args.get(2))?;
    let end = slice_index(vm, args.get(3))?;
    Ok((b, sub, start, end))
}

fn find_impl(
    vm: &Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    f: FindFn,
    raise: bool,
) -> PyResult<Value> {
    let (b, sub, start, end) = find_args(vm, args, kw, name)?;
    match f(&b, &sub, start, end) {
        Some(i) => Ok(Value::from(i)),
        None if raise => Err(rpy_text::strings::StrError::SubsectionNotFound.to_py(vm)),
        None => Ok(Value::Int(-1)),
    }
}

fn bytes_find(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_impl(vm, args, kw, "find", tb::find, false)
}

fn bytes_rfind(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_impl(vm, args, kw, "rfind", tb::rfind, false)
}

fn bytes_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_impl(vm, args, kw, "index", tb::find, true)
}

fn bytes_rindex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_impl(vm, args, kw, "rindex", tb::rfind, true)
}

fn bytes_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, sub, start, end) = find_args(vm, args, kw, "count")?;
    Ok(Value::from(tb::count(&b, &sub, start, end)))
}

fn affix_impl(
    vm: &Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    start_side: bool,
) -> PyResult<Value> {
    check_count(vm, name, &args[1..], kw, 1, 3)?;
    let b = this(vm, &args[0])?;
    let start = slice_index(vm, args.get(2))?;
    let end = slice_index(vm, args.get(3))?;
    let test = |p: &[u8]| {
        if start_side {
            tb::startswith(&b, p, start, end)
        } else {
            tb::endswith(&b, p, start, end)
        }
    };
    if let Some(Payload::Tuple(items)) = args[1].payload() {
        for it in items.iter() {
            if test(&bytes_arg(vm, it)?) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    match buffer_bytes(&args[1]) {
        Some(p) => Ok(Value::bool(test(&p))),
        None => Err(vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(&args[1])
        ))),
    }
}

fn bytes_startswith(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_impl(vm, args, kw, "startswith", true)
}

fn bytes_endswith(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_impl(vm, args, kw, "endswith", false)
}

fn bytes_replace(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "replace", &args[1..], kw, 2, 3)?;
    let b = this(vm, &args[0])?;
    let old = bytes_arg(vm, &args[1])?;
    let new = bytes_arg(vm, &args[2])?;
    let count = match args.get(3) {
        Some(c) => isize_arg(vm, c)?,
        None => -1,
    };
    let out = tb::replace(&b, &old, &new, count).map_err(|e| e.to_py(vm))?;
    Ok(same_kind(vm, &args[0], out))
}

fn split_impl(vm: &Vm, args: &[Value], kwnames: &[Value], right: bool) -> PyResult<Value> {
    let name = if right { "rsplit" } else { "split" };
    let b = this(vm, &args[0])?;
    let p = parse_args(vm, name, &args[1..], kwnames, &["sep", "maxsplit"], 0, 2, 0)?;
    let sep = match p.get(0) {
        None | Some(Value::None) => None,
        Some(s) => Some(bytes_arg(vm, s)?),
    };
    let maxsplit = match p.get(1) {
        Some(m) => isize_arg(vm, m)?,
        None => -1,
    };
    let parts = if right {
        tb::rsplit(&b, sep.as_deref(), maxsplit)
    } else {
        tb::split(&b, sep.as_deref(), maxsplit)
    }
    .map_err(|e| e.to_py(vm))?;
    Ok(vm.new_list(
        parts
            .into_iter()
            .map(|x| same_kind(vm, &args[0], x.to_vec()))
            .collect(),
    ))
}

fn bytes_split(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_impl(vm, args, kw, false)
}

fn bytes_rsplit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_impl(vm, args, kw, true)
}

fn bytes_splitlines(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    if args.len() - kwnames.len() > 2 {
        return Err(vm.type_error(format!(
            "splitlines() takes at most 1 argument ({} given)",
            args.len() - 1
        )));
    }
    let p = parse_args(
        vm,
        "splitlines",
        &args[1..],
        kwnames,
        &["keepends"],
        0,
        1,
        0,
    )?;
    let keep = match p.get(0) {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    let parts = tb::splitlines(&b, keep);
    Ok(vm.new_list(
        parts
            .into_iter()
            .map(|x| same_kind(vm, &args[0], x.to_vec()))
            .collect(),
    ))
}

fn partition_impl(vm: &Vm, args: &[Value], kw: &[Value], right: bool) -> PyResult<Value> {
    check_count(
        vm,
        if right { "rpartition" } else { "partition" },
        &args[1..],
        kw,
        1,
        1,
    )?;
    let b = this(vm, &args[0])?;
    let sep = bytes_arg(vm, &args[1])?;
    let (x, y, z) = if right {
        tb::rpartition(&b, &sep)
    } else {
        tb::partition(&b, &sep)
    }
    .map_err(|e| e.to_py(vm))?;
    let mk = |p: &[u8]| same_kind(vm, &args[0], p.to_vec());
    Ok(vm.new_tuple(vec![mk(x), mk(y), mk(z)]))
}

fn bytes_partition(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_impl(vm, args, kw, false)
}

fn bytes_rpartition(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_impl(vm, args, kw, true)
}

type StripFn = for<'a> fn(&'a [u8], Option<&[u8]>) -> &'a [u8];

fn strip_impl(vm: &Vm, args: &[Value], kw: &[Value], name: &str, f: StripFn) -> PyResult<Value> {
    check_count(vm, name, &args[1..], kw, 0, 1)?;
    let b = this(vm, &args[0])?;
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(c) => Some(bytes_arg(vm, c)?),
    };
    let r = f(&b, chars.as_deref()).to_vec();
    Ok(same_kind(vm, &args[0], r))
}

fn bytes_strip(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", tb::strip)
}

fn bytes_lstrip(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", tb::lstrip)
}

fn bytes_rstrip(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", tb::rstrip)
}

type AffixFn = for<'a> fn(&'a [u8], &[u8]) -> &'a [u8];

fn remove_affix(vm: &Vm, args: &[Value], kw: &[Value], name: &str, f: AffixFn) -> PyResult<Value> {
    check_count(vm, name, &args[1..], kw, 1, 1)?;
    let b = this(vm, &args[0])?;
    let a = bytes_arg(vm, &args[1])?;
    let r = f(&b, &a).to_vec();
    Ok(same_kind(vm, &args[0], r))
}

fn bytes_removeprefix(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    remove_affix(vm, args, kw, "removeprefix", tb::removeprefix)
}

fn bytes_removesuffix(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    remove_affix(vm, args, kw, "removesuffix", tb::removesuffix)
}

type PadFn =
    fn(&[u8], isize, u8) -> Result<std::borrow::Cow<'_, [u8]>, rpy_text::strings::StrError>;

fn pad_impl(vm: &Vm, args: &[Value], kw: &[Value], name: &str, f: PadFn) -> PyResult<Value> {
    check_count(vm, name, &args[1..], kw, 1, 2)?;
    let b = this(vm, &args[0])?;
    let width = isize_arg(vm, &args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(f) => match bytes_of(f) {
            Some(v) if v.len() == 1 => v[0],
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(f)
                )));
            }
        },
    };
    let r = f(&b, width, fill).map_err(|e| e.to_py(vm))?.into_owned();
    Ok(same_kind(vm, &args[0], r))
}

fn bytes_center(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl(vm, args, kw, "center", tb::center)
}

fn bytes_ljust(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl(vm, args, kw, "ljust", tb::ljust)
}

fn bytes_rjust(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl(vm, args, kw, "rjust", tb::rjust)
}

fn bytes_zfill(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "zfill", &args[1..], kw, 1, 1)?;
    let b = this(vm, &args[0])?;
    let width = isize_arg(vm, &args[1])?;
    let r = tb::zfill(&b, width).map_err(|e| e.to_py(vm))?.into_owned();
    Ok(same_kind(vm, &args[0], r))
}

fn bytes_expandtabs(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    let p = parse_args(vm, "expandtabs", &args[1..], kwnames, &["tabsize"], 0, 1, 0)?;
    let ts = match p.get(0) {
        Some(t) => c_int_arg(vm, t)?,
        None => 8,
    };
    let r = tb::expandtabs(&b, ts).map_err(|e| e.to_py(vm))?;
    Ok(same_kind(vm, &args[0], r))
}

/// A no-argument method of bytes/bytearray named `bytes.name` in messages.
fn noargs<'a>(vm: &Vm, args: &'a [Value], kw: &[Value], name: &str) -> PyResult<Cow<'a, [u8]>> {
    let owner = if is_bytearray(&args[0]) {
        "bytearray"
    } else {
        "bytes"
    };
    check_count(vm, format_args!("{owner}.{name}"), &args[1..], kw, 0, 0)?;
    this(vm, &args[0])
}

macro_rules! bytes_preds {
    ($( $fname:ident, $name:literal, $f:path; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let b = noargs(vm, args, kw, $name)?;
                Ok(Value::bool($f(&b)))
            }
        )*
    };
}

bytes_preds! {
    bytes_isalnum, "isalnum", tb::isalnum;
    bytes_isalpha, "isalpha", tb::isalpha;
    bytes_isascii, "isascii", tb::isascii;
    bytes_isdigit, "isdigit", tb::isdigit;
    bytes_islower, "islower", tb::islower;
    bytes_isspace, "isspace", tb::isspace;
    bytes_istitle, "istitle", tb::istitle;
    bytes_isupper, "isupper", tb::isupper;
}

macro_rules! bytes_cases {
    ($( $fname:ident, $name:literal, $f:path; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let b = noargs(vm, args, kw, $name)?;
                Ok(same_kind(vm, &args[0], $f(&b)))
            }
        )*
    };
}

bytes_cases! {
    bytes_lower, "lower", tb::lower;
    bytes_upper, "upper", tb::upper;
    bytes_swapcase, "swapcase", tb::swapcase;
    bytes_capitalize, "capitalize", tb::capitalize;
    bytes_title, "title", tb::title;
}

/// The methods bytes and bytearray share.
pub const COMMON_METHODS: &[(&str, NativeFn)] = &[
    ("__repr__", bytes_repr),
    ("__len__", bytes_len),
    ("__getitem__", bytes_getitem),
    ("__iter__", bytes_iter),
    ("__add__", bytes_add),
    ("__mul__", bytes_mul),
    ("__rmul__", bytes_mul),
    ("__mod__", bytes_mod),
    ("__rmod__", bytes_rmod),
    ("__contains__", bytes_contains),
    ("__lt__", bytes_lt),
    ("__le__", bytes_le),
    ("__eq__", bytes_eq),
    ("__ne__", bytes_ne),
    ("__gt__", bytes_gt),
    ("__ge__", bytes_ge),
    ("capitalize", bytes_capitalize),
    ("center", bytes_center),
    ("count", bytes_count),
    ("decode", bytes_decode),
    ("endswith", bytes_endswith),
    ("expandtabs", bytes_expandtabs),
    ("find", bytes_find),
    ("hex", bytes_hex),
    ("index", bytes_index),
    ("isalnum", bytes_isalnum),
    ("isalpha", bytes_isalpha),
    ("isascii", bytes_isascii),
    ("isdigit", bytes_isdigit),
    ("islower", bytes_islower),
    ("isspace", bytes_isspace),
    ("istitle", bytes_istitle),
    ("isupper", bytes_isupper),
    ("join", bytes_join),
    ("ljust", bytes_ljust),
    ("lower", bytes_lower),
    ("lstrip", bytes_lstrip),
    ("partition", bytes_partition),
    ("removeprefix", bytes_removeprefix),
    ("removesuffix", bytes_removesuffix),
    ("replace", bytes_replace),
    ("rfind", bytes_rfind),
    ("rindex", bytes_rindex),
    ("rjust", bytes_rjust),
    ("rpartition", bytes_rpartition),
    ("rsplit", bytes_rsplit),
    ("rstrip", bytes_rstrip),
    ("split", bytes_split),
    ("splitlines", bytes_splitlines),
    ("startswith", bytes_startswith),
    ("strip", bytes_strip),
    ("swapcase", bytes_swapcase),
    ("title", bytes_title),
    ("translate", bytes_translate),
    ("upper", bytes_upper),
    ("zfill", bytes_zfill),
];

/// Registers the class and static methods bytes and bytearray share on `t`.
pub fn add_common_class_methods(vm: &Vm, t: &crate::value::PyRef) {
    vm.add_methods_kind(t, &[("fromhex", bytes_fromhex)], MethodKind::Class);
    vm.add_methods_kind(t, &[("maketrans", bytes_maketrans)], MethodKind::Static);
}

pub fn init(vm: &Vm) {
    let b = &vm.types.bytes;
    vm.add_methods(b, COMMON_METHODS);
    vm.add_methods(
        b,
        &[
            ("__hash__", bytes_hash),
            ("__getnewargs__", bytes_getnewargs),
            ("__bytes__", bytes_bytes),
            ("__sizeof__", bytes_sizeof),
        ],
    );
    vm.add_methods_kind(b, &[("__new__", bytes_new)], MethodKind::Static);
    add_common_class_methods(vm, b);
    for name in ["bytes_iterator", "bytearray_iterator"] {
        let t = vm.types.other(name);
        vm.add_methods(
            &t,
            &[
                ("__iter__", bytes_iter_self),
                ("__next__", bytes_iter_next),
                ("__length_hint__", bytes_iter_length_hint),
            ],
        );
    }
    crate::builtins::bytearray::init(vm);
    crate::builtins::memoryview::init(vm);
}

#[cfg(test)]
mod tests {
    use super::hex_string;

    #[test]
    fn hex_groups() {
        // Expected values printed by python3.11.
        assert_eq!(hex_string(b"abcdef", Some(b':'), 2), "6162:6364:6566");
        assert_eq!(hex_string(b"abcde", Some(b':'), 2), "61:6263:6465");
        assert_eq!(hex_string(b"abcde", Some(b':'), -2), "6162:6364:65");
        assert_eq!(hex_string(b"abc", Some(b'-'), 1), "61-62-63");
        assert_eq!(hex_string(b"abc", Some(b':'), 0), "616263");
        assert_eq!(hex_string(b"abc", Some(b':'), i64::MIN), "616263");
        assert_eq!(hex_string(b"", Some(b':'), 3), "");
        assert_eq!(hex_string(b"\x00\xff", None, 1), "00ff");
    }
}
