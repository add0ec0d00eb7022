//! The `_io` module: the I/O class hierarchy (`_IOBase` and its abstract subclasses), the
//! module functions `open`, `open_code` and `text_encoding`, and the helpers the concrete
//! classes share (argument conversions, errors, access to a raw or buffered stream).
//! Counterpart: Modules/_io/_iomodule.c and Modules/_io/iobase.c (3.11).
//!
//! The concrete classes live in `file.rs` (FileIO), `buffered.rs` (BufferedReader, …),
//! `text.rs` (TextIOWrapper, IncrementalNewlineDecoder) and `memio.rs` (BytesIO, StringIO).
//! Every `_io` class is subclassable from Python: each one's `__new__` makes an instance
//! carrying its native state, and `__init__` fills it in. The locale encoding is UTF-8.

pub mod buffered;
pub mod file;
pub mod memio;
pub mod text;

use std::cell::RefCell;

use crate::builtins::function::{MethodKind, NativeFn, check_count, parse_args};
use crate::object::{NativeData, Payload, PyObject};
use crate::types::{Layout, TypeKind, flags, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The state of an instance of a Python subclass of one of the abstract bases: none (the
/// closed flag lives in the instance dict, as `__IOBase_closed`).
pub struct IoBase;

impl NativeData for IoBase {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A registered `_io` type by its short name (`"FileIO"`, `"_IOBase"`, …).
pub fn io_type(vm: &Vm, name: &'static str) -> PyRef {
    vm.types.other(registry_key(name))
}

fn registry_key(name: &str) -> &'static str {
    match name {
        "_IOBase" => "io:_IOBase",
        "_RawIOBase" => "io:_RawIOBase",
        "_BufferedIOBase" => "io:_BufferedIOBase",
        "_TextIOBase" => "io:_TextIOBase",
        "FileIO" => "io:FileIO",
        "BytesIO" => "io:BytesIO",
        "StringIO" => "io:StringIO",
        "BufferedReader" => "io:BufferedReader",
        "BufferedWriter" => "io:BufferedWriter",
        "BufferedRandom" => "io:BufferedRandom",
        "BufferedRWPair" => "io:BufferedRWPair",
        "TextIOWrapper" => "io:TextIOWrapper",
        "IncrementalNewlineDecoder" => "io:IncrementalNewlineDecoder",
        _ => "io:UnsupportedOperation",
    }
}

// ---- errors ----

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &Vm, msg: &str) -> PyErr {
    vm.new_exception_msg(&io_type(vm, "UnsupportedOperation"), msg)
}

/// `ValueError: I/O operation on closed file.`
pub fn closed_error(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// `OSError(errno, strerror[, filename])`, of the subclass the error number picks.
pub fn os_error(vm: &Vm, errno: i32, filename: Option<&Value>) -> PyErr {
    let mut args = vec![
        Value::Int(errno as i64),
        vm.new_string(crate::exceptions::strerror(errno)),
    ];
    if let Some(f) = filename {
        args.push(f.clone());
    }
    match vm.call(&Value::Obj(vm.types.exceptions.os_error.clone()), &args) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.system_error("OSError() did not return an exception"),
        Err(e) => e,
    }
}

/// The calling thread's `errno`.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

// ---- argument helpers ----

/// A size argument: None means -1 (`_Py_convert_optional_to_ssize_t`).
pub fn size_arg(vm: &Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(-1),
        Some(v) => {
            if vm.lookup_special(v, "__index__").is_none() {
                return Err(vm.type_error(format!(
                    "argument should be integer or None, not '{}'",
                    vm.type_name(v)
                )));
            }
            vm.index_i64(v)
        }
    }
}

/// The native state of `self`, or a TypeError naming the class the method belongs to.
pub fn state<'a, T: 'static>(vm: &Vm, v: &'a Value, class: &str) -> PyResult<&'a T> {
    v.as_obj()
        .and_then(|o| o.downcast_native::<T>())
        .ok_or_else(|| {
            vm.type_error(format!(
                "descriptor for '_io.{class}' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))
        })
}

/// Largest buffer the module allocates at once; beyond it, MemoryError (a Rust allocation
/// failure would abort the process).
pub const MAX_ALLOC: usize = 1 << 34;

/// MemoryError unless `n` bytes may be allocated.
pub fn check_alloc(vm: &Vm, n: usize) -> PyResult<()> {
    if n > MAX_ALLOC {
        return Err(vm.new_exception(&vm.types.exceptions.memory_error, vec![]));
    }
    Ok(())
}

/// `bytes(data)` as a value.
pub fn bytes_value(vm: &Vm, data: Vec<u8>) -> Value {
    crate::builtins::bytes::new_bytes(vm, data)
}

/// Copies `data` into the writable buffer `b` (a bytearray or a memoryview of one).
pub fn write_into(vm: &Vm, b: &Value, data: &[u8]) -> PyResult<()> {
    if let Some(Payload::ByteArray(ba)) = b.payload() {
        let mut ba = ba.borrow_mut();
        let n = data.len().min(ba.len());
        ba[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    if data.is_empty() {
        return Ok(());
    }
    let sl = vm.new_slice(Value::Int(0), Value::from(data.len()), Value::None);
    vm.setitem(b, sl, bytes_value(vm, data.to_vec()))
}

/// The length of a writable buffer argument (`readinto`), checking it is writable.
pub fn writable_buffer_len(vm: &Vm, b: &Value, fname: &str) -> PyResult<usize> {
    match b.payload() {
        Some(Payload::ByteArray(ba)) => Ok(ba.borrow().len()),
        Some(Payload::Native(_)) if crate::builtins::bytes::buffer_bytes(b).is_some() => {
            let ro = vm.getattr_opt(b, "readonly")?;
            if let Some(ro) = ro
                && vm.truthy(&ro)?
            {
                return Err(vm.type_error(format!(
                    "{fname}() argument must be read-write bytes-like object, not memoryview"
                )));
            }
            vm.len(b)
        }
        _ => Err(vm.type_error(format!(
            "{fname}() argument must be read-write bytes-like object, not {}",
            vm.type_name(b)
        ))),
    }
}

/// Whether `v` is an instance of exactly the native class (not a Python subclass).
pub fn is_exact_native(v: &Value) -> bool {
    v.as_obj()
        .is_some_and(|o| !type_data(o.class()).has_flag(flags::HEAPTYPE))
}

/// The class name CPython's reprs show: `_io.FileIO` for the native classes, the bare name
/// for Python subclasses.
pub fn tp_name(vm: &Vm, v: &Value) -> String {
    if is_exact_native(v) {
        format!("_io.{}", vm.type_name(v))
    } else {
        vm.type_name(v)
    }
}

/// `obj.closed`, as a bool.
pub fn attr_closed(vm: &Vm, obj: &Value) -> PyResult<bool> {
    let c = vm.getattr_str(obj, "closed")?;
    vm.truthy(&c)
}

/// Calls `obj.name()` and checks the result is a bool-like truth.
fn call_bool(vm: &Vm, obj: &Value, name: &str) -> PyResult<bool> {
    let r = vm.call_method(obj, name, &[])?;
    vm.truthy(&r)
}

/// `_PyIOBase_check_readable` and friends: `UnsupportedOperation` unless `obj.<what>()`.
pub fn check_able(vm: &Vm, obj: &Value, what: &str) -> PyResult<()> {
    if call_bool(vm, obj, what)? {
        return Ok(());
    }
    let word = match what {
        "readable" => "readable",
        "writable" => "writable",
        _ => "seekable",
    };
    Err(unsupported(vm, &format!("File or stream is not {word}.")))
}

// ---- _IOBase ----

/// The closed flag of `_IOBase` (an instance attribute, as in CPython).
fn iobase_is_closed(vm: &Vm, obj: &Value) -> bool {
    let Value::Obj(o) = obj else {
        return false;
    };
    let d = o.dict.borrow();
    let Some(d) = d.as_ref() else {
        return false;
    };
    let v = match &d.payload {
        Payload::Dict(dd) => dd.borrow().get_str("__IOBase_closed").cloned(),
        _ => None,
    };
    let _ = vm;
    v.is_some_and(|v| !matches!(v, Value::Bool(crate::value::Truth::False) | Value::None))
}

/// `_IOBase.close` on `obj`: flush, then mark closed (even if the flush failed).
pub fn iobase_close_impl(vm: &Vm, obj: &Value) -> PyResult<()> {
    if iobase_is_closed(vm, obj) {
        return Ok(());
    }
    let r = vm.call_method(obj, "flush", &[]);
    if let Value::Obj(o) = obj {
        vm.set_attr_in_dict(o, "__IOBase_closed", Value::TRUE)?;
    }
    r.map(|_| ())
}

/// Raises ValueError if `obj.closed` (the attribute, so subclasses' properties count).
pub fn check_closed_attr(vm: &Vm, obj: &Value) -> PyResult<()> {
    if attr_closed(vm, obj)? {
        return Err(closed_error(vm));
    }
    Ok(())
}

fn base_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, args, "_IOBase")?;
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(IoBase)),
    )))
}

/// The class argument of a `__new__`.
pub fn cls_arg(vm: &Vm, args: &[Value], name: &'static str) -> PyResult<PyRef> {
    match args.first().and_then(|c| vm.is_type(c)) {
        Some(c) => Ok(c),
        None => Err(vm.type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

fn base_init(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn base_seek(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "seek"))
}

fn base_truncate(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "truncate"))
}

fn base_fileno(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

fn base_tell(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "tell", &args[1..], kw, 0, 0)?;
    vm.call_method(&args[0], "seek", &[Value::Int(0), Value::Int(1)])
}

fn base_flush(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if iobase_is_closed(vm, &args[0]) {
        return Err(closed_error(vm));
    }
    Ok(Value::None)
}

fn base_close(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "close", &args[1..], kw, 0, 0)?;
    iobase_close_impl(vm, &args[0])?;
    Ok(Value::None)
}

fn base_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(iobase_is_closed(vm, v)))
}

fn base_false(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}

fn base_check_closed(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_closed_attr(vm, &args[0])?;
    Ok(Value::None)
}

fn base_check_readable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_able(vm, &args[0], "readable")?;
    Ok(Value::None)
}

fn base_check_writable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_able(vm, &args[0], "writable")?;
    Ok(Value::None)
}

fn base_check_seekable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_able(vm, &args[0], "seekable")?;
    Ok(Value::None)
}

fn base_enter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_closed_attr(vm, &args[0])?;
    Ok(args[0].clone())
}

fn base_exit(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.call_method(&args[0], "close", &[])
}

fn base_isatty(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_closed_attr(vm, &args[0])?;
    Ok(Value::FALSE)
}

fn base_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_closed_attr(vm, &args[0])?;
    Ok(args[0].clone())
}

fn base_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let line = vm.call_method(&args[0], "readline", &[])?;
    if vm.len(&line)? == 0 {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(line)
}

/// `_IOBase.readline(size=-1)`: byte lines through `peek` (if any) and `read`.
fn base_readline(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "readline", &args[1..], kw, 0, 1)?;
    let limit = size_arg(vm, args.get(1))?;
    let this = &args[0];
    let peek = vm.getattr_opt(this, "peek")?;
    let mut out: Vec<u8> = Vec::new();
    while limit < 0 || (out.len() as i64) < limit {
        let mut n: i64 = 1;
        if let Some(peek) = &peek {
            let ahead = vm.call(peek, &[Value::Int(1)])?;
            let Some(ahead) = crate::builtins::bytes::bytes_of(&ahead) else {
                return Err(vm.type_error(format!(
                    "peek() should have returned a bytes object, not '{}'",
                    vm.type_name(&ahead)
                )));
            };
            if !ahead.is_empty() {
                n = match ahead.iter().position(|&c| c == b'\n') {
                    Some(i) => i as i64 + 1,
                    None => ahead.len() as i64,
                };
                if limit >= 0 {
                    n = n.min(limit - out.len() as i64);
                }
            }
        }
        let b = vm.call_method(this, "read", &[Value::Int(n)])?;
        let Some(b) = crate::builtins::bytes::bytes_of(&b) else {
            return Err(vm.type_error(format!(
                "read() should have returned a bytes object, not '{}'",
                vm.type_name(&b)
            )));
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(&b);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(bytes_value(vm, out))
}

fn base_readlines(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "readlines", &args[1..], kw, 0, 1)?;
    let hint = size_arg(vm, args.get(1))?;
    let it = vm.get_iter(&args[0])?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    while let Some(line) = vm.next(&it)? {
        total += vm.len(&line)?;
        lines.push(line);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn base_writelines(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "writelines", &args[1..], kw, 1, 1)?;
    check_closed_attr(vm, &args[0])?;
    let it = vm.get_iter(&args[1])?;
    while let Some(line) = vm.next(&it)? {
        vm.call_method(&args[0], "write", &[line])?;
    }
    Ok(Value::None)
}

/// Finalizer: closes the object if it is not closed yet; errors are swallowed.
fn base_del(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let closed = match vm.getattr_str(&args[0], "closed") {
        Ok(c) => vm.truthy(&c).unwrap_or(true),
        Err(_) => true,
    };
    if !closed {
        let _ = vm.call_method(&args[0], "close", &[]);
    }
    Ok(Value::None)
}

fn base_dict(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Obj(o) => Ok(Value::Obj(vm.instance_dict(o))),
        _ => Err(vm.attribute_error("__dict__")),
    }
}

// ---- _RawIOBase ----

fn raw_read(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "read", &args[1..], kw, 0, 1)?;
    let n = size_arg(vm, args.get(1))?;
    if n < 0 {
        return vm.call_method(&args[0], "readall", &[]);
    }
    check_alloc(vm, n as usize)?;
    let b = crate::builtins::bytes::new_bytearray(vm, vec![0; n as usize]);
    let r = vm.call_method(&args[0], "readinto", std::slice::from_ref(&b))?;
    if r.is_none() {
        return Ok(Value::None);
    }
    let got = vm.index_i64(&r)?;
    let data = crate::builtins::bytes::bytes_of(&b).unwrap_or_default();
    if got < 0 || got as usize > data.len() {
        return Err(vm.value_error(format!(
            "readinto returned {got} outside buffer size {}",
            data.len()
        )));
    }
    Ok(bytes_value(vm, data[..got as usize].to_vec()))
}

fn raw_readall(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "readall", &args[1..], kw, 0, 0)?;
    let mut out = Vec::new();
    loop {
        let chunk = vm.call_method(&args[0], "read", &[Value::from(DEFAULT_BUFFER_SIZE)])?;
        if chunk.is_none() {
            if out.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let Some(c) = crate::builtins::bytes::bytes_of(&chunk) else {
            return Err(vm.type_error("read() should return bytes"));
        };
        if c.is_empty() {
            break;
        }
        out.extend_from_slice(&c);
    }
    Ok(bytes_value(vm, out))
}

fn not_implemented(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.new_exception(&vm.types.exceptions.not_implemented_error, vec![]))
}

// ---- _BufferedIOBase ----

fn bbase_read(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "read"))
}

fn bbase_read1(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "read1"))
}

fn bbase_write(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "write"))
}

fn bbase_detach(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "detach"))
}

fn bbase_readinto_with(vm: &Vm, args: &[Value], kw: &[Value], method: &str) -> PyResult<Value> {
    check_count(vm, method, &args[1..], kw, 1, 1)?;
    let n = writable_buffer_len(vm, &args[1], method)?;
    let data = vm.call_method(
        &args[0],
        if method == "readinto" {
            "read"
        } else {
            "read1"
        },
        &[Value::from(n)],
    )?;
    let Some(data) = crate::builtins::bytes::bytes_of(&data) else {
        return Err(vm.type_error("read() should return bytes"));
    };
    if data.len() > n {
        return Err(vm.value_error(format!(
            "read() returned too much data: {n} bytes requested, {} returned",
            data.len()
        )));
    }
    write_into(vm, &args[1], &data)?;
    Ok(Value::from(data.len()))
}

fn bbase_readinto(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    bbase_readinto_with(vm, args, kw, "readinto")
}

fn bbase_readinto1(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    bbase_readinto_with(vm, args, kw, "readinto1")
}

// ---- _TextIOBase ----

fn tbase_read(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "read"))
}

fn tbase_readline(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "readline"))
}

fn tbase_write(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "write"))
}

fn tbase_none(_vm: &Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::None)
}

// ---- module functions ----

/// The parsed `mode` of `open()`.
struct OpenMode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_open_mode(vm: &Vm, mode: &str) -> PyResult<OpenMode> {
    let mut m = OpenMode {
        creating: false,
        reading: false,
        writing: false,
        appending: false,
        updating: false,
        text: false,
        binary: false,
    };
    let invalid = || vm.value_error(format!("invalid mode: '{mode}'"));
    for (i, c) in mode.chars().enumerate() {
        if !"xrwabt+".contains(c) || mode.chars().skip(i + 1).any(|d| d == c) {
            return Err(invalid());
        }
        match c {
            'x' => m.creating = true,
            'r' => m.reading = true,
            'w' => m.writing = true,
            'a' => m.appending = true,
            '+' => m.updating = true,
            't' => m.text = true,
            _ => m.binary = true,
        }
    }
    if m.text && m.binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if m.creating as u8 + m.reading as u8 + m.writing as u8 + m.appending as u8 > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if !(m.creating || m.reading || m.writing || m.appending) {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    Ok(m)
}

/// An optional str argument of `open()`: None or a str.
fn opt_str_arg(vm: &Vm, v: Option<&Value>, fname: &str, name: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match crate::str::as_str(v) {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(vm.type_error(format!(
                "{fname}() argument '{name}' must be str or None, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

fn io_open(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "open",
        args,
        kwnames,
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        0,
        8,
        1,
    )?;
    let file = p.get(0).cloned().unwrap_or(Value::None);
    let mode = match p.get(1) {
        None => "r".to_string(),
        Some(m) => match crate::str::as_str(m) {
            Some(s) => s.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    vm.type_name(m)
                )));
            }
        },
    };
    let mut buffering = match p.get(2) {
        None => -1,
        Some(b) => {
            if matches!(b, Value::Float(_)) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.index_i64(b)?
        }
    };
    let encoding = opt_str_arg(vm, p.get(3), "open", "encoding")?;
    let errors = opt_str_arg(vm, p.get(4), "open", "errors")?;
    let newline = opt_str_arg(vm, p.get(5), "open", "newline")?;
    let closefd = match p.get(6) {
        None => true,
        Some(v) => vm.truthy(v)?,
    };
    let opener = p.get(7).cloned().unwrap_or(Value::None);
    let m = parse_open_mode(vm, &mode)?;
    if m.binary && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if m.binary && errors.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if m.binary && newline.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    if m.binary && buffering == 1 {
        crate::builtins::functions::warn(
            vm,
            &vm.types.exceptions.runtime_warning,
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
        )?;
    }
    let mut rawmode = String::new();
    if m.creating {
        rawmode.push('x');
    }
    if m.reading {
        rawmode.push('r');
    }
    if m.writing {
        rawmode.push('w');
    }
    if m.appending {
        rawmode.push('a');
    }
    if m.updating {
        rawmode.push('+');
    }
    if !m.binary {
        // Checked before the file is opened, as the TextIOWrapper would.
        if let Some(nl) = &newline {
            text::check_newline(vm, nl)?;
        }
        if let Some(enc) = &encoding {
            text::check_encoding(vm, enc)?;
        }
    }
    let raw = vm.call(
        &Value::Obj(io_type(vm, "FileIO")),
        &[file, vm.new_string(rawmode), Value::bool(closefd), opener],
    )?;
    let result = (|| -> PyResult<Value> {
        let mut line_buffering = false;
        if buffering == 1 || (buffering < 0 && call_bool(vm, &raw, "isatty")?) {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            buffering = match raw
                .as_obj()
                .and_then(|o| o.downcast_native::<file::FileIO>())
            {
                Some(f) => f.blksize.get(),
                None => DEFAULT_BUFFER_SIZE as i64,
            };
        }
        if buffering == 0 {
            if m.binary {
                return Ok(raw.clone());
            }
            return Err(vm.value_error("can't have unbuffered text I/O"));
        }
        let cls = if m.updating {
            "BufferedRandom"
        } else if m.creating || m.writing || m.appending {
            "BufferedWriter"
        } else {
            "BufferedReader"
        };
        let buffer = vm.call(
            &Value::Obj(io_type(vm, cls)),
            &[raw.clone(), Value::Int(buffering)],
        )?;
        if m.binary {
            return Ok(buffer);
        }
        let opt = |s: &Option<String>| match s {
            Some(s) => vm.new_str(s),
            None => Value::None,
        };
        let wrapper = vm.call(
            &Value::Obj(io_type(vm, "TextIOWrapper")),
            &[
                buffer,
                opt(&encoding),
                opt(&errors),
                opt(&newline),
                Value::bool(line_buffering),
            ],
        )?;
        vm.setattr(&wrapper, &vm.intern("mode"), vm.new_str(&mode))?;
        Ok(wrapper)
    })();
    match result {
        Ok(v) => Ok(v),
        Err(e) => {
            let _ = vm.call_method(&raw, "close", &[]);
            Err(e)
        }
    }
}

fn io_open_code(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(vm, "open_code", args, kwnames, &["path"], 0, 1, 1)?;
    let path = p.get(0).cloned().unwrap_or(Value::None);
    if crate::str::as_str(&path).is_none() {
        return Err(vm.type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            vm.type_name(&path)
        )));
    }
    io_open(vm, &[path, vm.new_str("rb")], &[])
}

fn io_text_encoding(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "text_encoding",
        args,
        kwnames,
        &["encoding", "stacklevel"],
        2,
        2,
        1,
    )?;
    match p.get(0) {
        Some(Value::None) | None => Ok(vm.new_str("locale")),
        Some(e) => Ok(e.clone()),
    }
}

// ---- the module ----

/// Makes a class of the module.
fn new_class(vm: &Vm, name: &'static str, base: &PyRef) -> PyRef {
    let mut d = crate::dict::DictData::new();
    let _ = d.set_str(vm.intern("__module__"), vm.new_str("_io"));
    let t = crate::types::new_type(
        &vm.types.type_,
        name,
        vec![base.clone()],
        d,
        TypeKind::Heap,
        Layout::Native,
        flags::BASETYPE | flags::HAS_DICT,
    );
    let mro = crate::types::compute_mro(&t).unwrap_or_else(|_| vec![t.clone()]);
    type_data(&t).set_mro(mro);
    vm.types
        .others
        .borrow_mut()
        .insert(registry_key(name), t.clone());
    t
}

pub fn make_types(vm: &Vm) {
    if vm.types.others.borrow().contains_key("io:_IOBase") {
        return;
    }
    let unsupported_t = crate::builtins::type_::make_class(
        vm,
        "UnsupportedOperation",
        vec![
            vm.types.exceptions.os_error.clone(),
            vm.types.exceptions.value_error.clone(),
        ],
        "io",
    );
    vm.types
        .others
        .borrow_mut()
        .insert("io:UnsupportedOperation", unsupported_t);

    let iobase = new_class(vm, "_IOBase", &vm.types.object);
    vm.add_methods_kind(&iobase, &[("__new__", base_new)], MethodKind::Static);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", base_init),
        ("seek", base_seek),
        ("tell", base_tell),
        ("truncate", base_truncate),
        ("flush", base_flush),
        ("close", base_close),
        ("seekable", base_false),
        ("readable", base_false),
        ("writable", base_false),
        ("_checkClosed", base_check_closed),
        ("_checkReadable", base_check_readable),
        ("_checkWritable", base_check_writable),
        ("_checkSeekable", base_check_seekable),
        ("fileno", base_fileno),
        ("isatty", base_isatty),
        ("__enter__", base_enter),
        ("__exit__", base_exit),
        ("__iter__", base_iter),
        ("__next__", base_next),
        ("readline", base_readline),
        ("readlines", base_readlines),
        ("writelines", base_writelines),
        ("__del__", base_del),
    ];
    vm.add_methods(&iobase, methods);
    vm.add_getsets(
        &iobase,
        &[("closed", base_closed, None), ("__dict__", base_dict, None)],
    );

    let rawbase = new_class(vm, "_RawIOBase", &iobase);
    vm.add_methods(
        &rawbase,
        &[
            ("read", raw_read),
            ("readall", raw_readall),
            ("readinto", not_implemented),
            ("write", not_implemented),
        ],
    );
    let bufbase = new_class(vm, "_BufferedIOBase", &iobase);
    vm.add_methods(
        &bufbase,
        &[
            ("read", bbase_read),
            ("read1", bbase_read1),
            ("readinto", bbase_readinto),
            ("readinto1", bbase_readinto1),
            ("write", bbase_write),
            ("detach", bbase_detach),
        ],
    );
    let textbase = new_class(vm, "_TextIOBase", &iobase);
    vm.add_methods(
        &textbase,
        &[
            ("read", tbase_read),
            ("readline", tbase_readline),
            ("write", tbase_write),
            ("detach", bbase_detach),
        ],
    );
    vm.add_getsets(
        &textbase,
        &[
            ("encoding", tbase_none, None),
            ("newlines", tbase_none, None),
            ("errors", tbase_none, None),
        ],
    );
    // `builtins.open` is `_io.open`, from the start (it needs no Python module).
    if let Value::Obj(open) = vm.new_builtin_function("open", io_open) {
        let _ = vm.dict_set_str(
            &vm.builtins_dict,
            vm.intern("open"),
            Value::Obj(open.clone()),
        );
        vm.types.others.borrow_mut().insert("io:open", open);
    }
    let file_t = new_class(vm, "FileIO", &rawbase);
    file::init(vm, &file_t);
    let bytes_t = new_class(vm, "BytesIO", &bufbase);
    let string_t = new_class(vm, "StringIO", &textbase);
    memio::init(vm, &bytes_t, &string_t);
    let reader = new_class(vm, "BufferedReader", &bufbase);
    let writer = new_class(vm, "BufferedWriter", &bufbase);
    let random = new_class(vm, "BufferedRandom", &bufbase);
    let pair = new_class(vm, "BufferedRWPair", &bufbase);
    buffered::init(vm, &reader, &writer, &random, &pair);
    let wrapper = new_class(vm, "TextIOWrapper", &textbase);
    let nldec = new_class(vm, "IncrementalNewlineDecoder", &vm.types.object);
    text::init(vm, &wrapper, &nldec);
}

/// The `_io` module.
pub fn module(vm: &Vm) -> Value {
    make_types(vm);
    let m = vm.new_module("_io");
    let d = vm.module_dict(&m);
    let set = |name: &str, v: Value| {
        let _ = vm.dict_set_str(&d, vm.intern(name), v);
    };
    let functions: &[(&'static str, NativeFn)] = &[
        ("open_code", io_open_code),
        ("text_encoding", io_text_encoding),
    ];
    for (name, f) in functions {
        set(name, vm.new_builtin_function(name, *f));
    }
    // `builtins.open` is `io.open` from now on.
    set("open", Value::Obj(vm.types.other("io:open")));
    set("DEFAULT_BUFFER_SIZE", Value::from(DEFAULT_BUFFER_SIZE));
    set(
        "BlockingIOError",
        Value::Obj(vm.types.exceptions.blocking_io_error.clone()),
    );
    for name in [
        "UnsupportedOperation",
        "_IOBase",
        "_RawIOBase",
        "_BufferedIOBase",
        "_TextIOBase",
        "FileIO",
        "BytesIO",
        "StringIO",
        "BufferedReader",
        "BufferedWriter",
        "BufferedRandom",
        "BufferedRWPair",
        "TextIOWrapper",
        "IncrementalNewlineDecoder",
    ] {
        set(name, Value::Obj(io_type(vm, name)));
    }
    Value::Obj(m)
}

thread_local! {
    /// Text wrappers and buffered writers made so far (weakly), for `flush_at_exit`.
    static WRITERS: RefCell<Vec<std::rc::Weak<PyObject>>> = const { RefCell::new(Vec::new()) };
}

/// Notes a writer for `flush_at_exit`.
pub fn register_writer(v: &Value) {
    if let Value::Obj(o) = v {
        WRITERS.with(|w| {
            let mut w = w.borrow_mut();
            if w.len() >= 64 && w.len().is_power_of_two() {
                w.retain(|x| x.strong_count() > 0);
            }
            w.push(std::rc::Rc::downgrade(o));
        });
    }
}

/// Flushes every text wrapper and buffered writer still alive, text layers first: what
/// CPython's finalization achieves by destroying the module namespaces that hold them.
/// Errors are ignored.
pub fn flush_at_exit(vm: &Vm) {
    let live: Vec<PyRef> = WRITERS.with(|w| {
        let mut w = w.borrow_mut();
        let live = w.iter().filter_map(|x| x.upgrade()).collect();
        w.clear();
        live
    });
    for text_first in [true, false] {
        for o in &live {
            let is_text = o.downcast_native::<text::TextIO>().is_some();
            if is_text != text_first {
                continue;
            }
            let v = Value::Obj(o.clone());
            if matches!(attr_closed(vm, &v), Ok(false)) {
                let _ = vm.call_method(&v, "flush", &[]);
            }
        }
    }
    drop(live);
}

/// A standard stream (`sys.stdin`, `sys.stdout`, `sys.stderr`) over descriptor `fd`: a
/// TextIOWrapper over a BufferedReader/BufferedWriter over a FileIO that does not close the
/// descriptor, as CPython's `create_stdio` makes them. `unbuffered` (`-u`) puts the text layer
/// straight on the FileIO and writes through. None if the descriptor is not open.
pub fn std_stream(vm: &Vm, fd: i32, unbuffered: bool) -> Value {
    make_types(vm);
    let (name, write) = match fd {
        0 => ("<stdin>", false),
        1 => ("<stdout>", true),
        _ => ("<stderr>", true),
    };
    let make = || -> PyResult<Value> {
        let raw = vm.call(
            &Value::Obj(io_type(vm, "FileIO")),
            &[
                Value::Int(fd as i64),
                vm.new_str(if write { "wb" } else { "rb" }),
                Value::FALSE,
            ],
        )?;
        if let Value::Obj(o) = &raw {
            vm.set_attr_in_dict(o, "name", vm.new_str(name))?;
        }
        let direct = unbuffered && write;
        let buffer = if direct {
            raw.clone()
        } else {
            vm.call(
                &Value::Obj(io_type(
                    vm,
                    if write {
                        "BufferedWriter"
                    } else {
                        "BufferedReader"
                    },
                )),
                std::slice::from_ref(&raw),
            )?
        };
        let line_buffering = !direct && (fd == 2 || (fd == 1 && call_bool(vm, &raw, "isatty")?));
        let (encoding, errors) = stdio_encoding(vm, fd);
        let wrapper = vm.call(
            &Value::Obj(io_type(vm, "TextIOWrapper")),
            &[
                buffer,
                vm.new_string(encoding),
                vm.new_string(errors),
                vm.new_str("\n"),
                Value::bool(line_buffering),
                Value::bool(direct),
            ],
        )?;
        vm.setattr(
            &wrapper,
            &vm.intern("mode"),
            vm.new_str(if write { "w" } else { "r" }),
        )?;
        Ok(wrapper)
    };
    make().unwrap_or(Value::None)
}

/// The encoding and error handler of a standard stream: PYTHONIOENCODING
/// (`encoding[:errors]`) if set, else UTF-8 with `surrogateescape` (`backslashreplace` for
/// stderr), as in CPython's UTF-8 mode.
fn stdio_encoding(vm: &Vm, fd: i32) -> (String, String) {
    let mut encoding = "utf-8".to_string();
    let mut errors = if fd == 2 {
        "backslashreplace"
    } else {
        "surrogateescape"
    }
    .to_string();
    if !vm.options.ignore_environment
        && let Ok(v) = std::env::var("PYTHONIOENCODING")
        && !v.is_empty()
    {
        let (e, err) = match v.split_once(':') {
            Some((e, err)) => (e, Some(err)),
            None => (v.as_str(), None),
        };
        if !e.is_empty() && text::check_encoding(vm, e).is_ok() {
            encoding = e.to_string();
        }
        match err {
            Some(err) if !err.is_empty() => errors = err.to_string(),
            _ if fd != 2 => errors = "strict".to_string(),
            _ => {}
        }
    }
    (encoding, errors)
}

/// A `RefCell` slot holding a value that is taken out before it is dropped.
pub fn replace_value(cell: &RefCell<Value>, v: Value) -> Value {
    std::mem::replace(&mut *cell.borrow_mut(), v)
}
