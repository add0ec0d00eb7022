//! `_io.BytesIO` and `_io.StringIO`: in-memory binary and text streams.
//! Counterpart: Modules/_io/bytesio.c and Modules/_io/stringio.c (3.11).

use std::cell::{Cell, RefCell};

use super::{bytes_value, closed_error, cls_arg, size_arg, state, writable_buffer_len, write_into};
use crate::builtins::function::{MethodKind, NativeFn, check_count, parse_args};
use crate::object::{NativeData, Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

// ---- BytesIO ----

pub struct BytesIO {
    buf: RefCell<Vec<u8>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
}

impl NativeData for BytesIO {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The BytesIO of `self`, checked open.
fn bio<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a BytesIO> {
    let b = state::<BytesIO>(vm, v, "BytesIO")?;
    if b.closed.get() {
        return Err(closed_error(vm));
    }
    Ok(b)
}

/// A seek position argument (an int, not a float).
fn pos_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::Float(_)) || vm.lookup_special(v, "__index__").is_none() {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    }
    vm.index_i64(v)
}

impl BytesIO {
    fn read_upto(&self, n: i64) -> Vec<u8> {
        let buf = self.buf.borrow();
        let pos = self.pos.get().min(buf.len());
        let end = if n < 0 {
            buf.len()
        } else {
            (pos + n as usize).min(buf.len())
        };
        self.pos.set(end.max(self.pos.get()));
        buf[pos..end].to_vec()
    }

    fn readline(&self, limit: i64) -> Vec<u8> {
        let buf = self.buf.borrow();
        let pos = self.pos.get().min(buf.len());
        let rest = &buf[pos..];
        let mut end = match rest.iter().position(|&c| c == b'\n') {
            Some(i) => i + 1,
            None => rest.len(),
        };
        if limit >= 0 {
            end = end.min(limit as usize);
        }
        self.pos.set(pos + end);
        rest[..end].to_vec()
    }

    fn write(&self, vm: &Vm, data: &[u8]) -> PyResult<usize> {
        super::check_alloc(vm, self.pos.get().saturating_add(data.len()))?;
        let mut buf = self.buf.borrow_mut();
        let pos = self.pos.get();
        if pos > buf.len() {
            buf.resize(pos, 0);
        }
        let end = pos + data.len();
        if end > buf.len() {
            buf.resize(end, 0);
        }
        buf[pos..end].copy_from_slice(data);
        self.pos.set(end);
        Ok(data.len())
    }
}

fn bytesio_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, args, "BytesIO")?;
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(BytesIO {
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            closed: Cell::new(false),
        })),
    )))
}

fn bytesio_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "BytesIO",
        &args[1..],
        kwnames,
        &["initial_bytes"],
        0,
        1,
        0,
    )?;
    let b = state::<BytesIO>(vm, &args[0], "BytesIO")?;
    let data = match p.get(0) {
        None | Some(Value::None) => Vec::new(),
        Some(v) => crate::builtins::bytes::bytes_arg(vm, v)?,
    };
    *b.buf.borrow_mut() = data;
    b.pos.set(0);
    Ok(Value::None)
}

fn bytesio_getvalue(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "getvalue", &args[1..], kw, 0, 0)?;
    let b = bio(vm, &args[0])?;
    let data = b.buf.borrow().clone();
    Ok(bytes_value(vm, data))
}

fn bytesio_getbuffer(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "getbuffer", &args[1..], kw, 0, 0)?;
    let b = bio(vm, &args[0])?;
    // A view of a copy: writes through it do not reach the stream.
    let data = b.buf.borrow().clone();
    let ba = crate::builtins::bytes::new_bytearray(vm, data);
    vm.call(&Value::Obj(vm.types.other("memoryview")), &[ba])
}

fn bytesio_read(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "read", &args[1..], kw, 0, 1)?;
    let b = bio(vm, &args[0])?;
    let n = size_arg(vm, args.get(1))?;
    Ok(bytes_value(vm, b.read_upto(n)))
}

fn bytesio_readinto(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "readinto", &args[1..], kw, 1, 1)?;
    let b = bio(vm, &args[0])?;
    let n = writable_buffer_len(vm, &args[1], "readinto")?;
    let data = b.read_upto(n as i64);
    write_into(vm, &args[1], &data)?;
    Ok(Value::from(data.len()))
}

fn bytesio_readline(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "readline", &args[1..], kw, 0, 1)?;
    let b = bio(vm, &args[0])?;
    let n = size_arg(vm, args.get(1))?;
    Ok(bytes_value(vm, b.readline(n)))
}

fn bytesio_readlines(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "readlines", &args[1..], kw, 0, 1)?;
    let b = bio(vm, &args[0])?;
    let hint = size_arg(vm, args.get(1))?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    loop {
        let line = b.readline(-1);
        if line.is_empty() {
            break;
        }
        total += line.len();
        lines.push(bytes_value(vm, line));
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn bytesio_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = bio(vm, &args[0])?;
    let line = b.readline(-1);
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(bytes_value(vm, line))
}

fn bytesio_write(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "write", &args[1..], kw, 1, 1)?;
    let b = bio(vm, &args[0])?;
    let data = crate::builtins::bytes::bytes_arg(vm, &args[1])?;
    Ok(Value::from(b.write(vm, &data)?))
}

fn bytesio_writelines(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "writelines", &args[1..], kw, 1, 1)?;
    bio(vm, &args[0])?;
    let it = vm.get_iter(&args[1])?;
    while let Some(line) = vm.next(&it)? {
        let b = bio(vm, &args[0])?;
        let data = crate::builtins::bytes::bytes_arg(vm, &line)?;
        b.write(vm, &data)?;
    }
    Ok(Value::None)
}

fn bytesio_seek(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "seek", &args[1..], kw, 1, 2)?;
    let b = bio(vm, &args[0])?;
    let pos = pos_arg(vm, &args[1])?;
    let whence = match args.get(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    let new = match whence {
        0 => {
            if pos < 0 {
                return Err(vm.value_error(format!("negative seek value {pos}")));
            }
            pos
        }
        1 => (b.pos.get() as i64 + pos).max(0),
        2 => (b.buf.borrow().len() as i64 + pos).max(0),
        _ => {
            return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")));
        }
    };
    b.pos.set(new as usize);
    Ok(Value::Int(new))
}

fn bytesio_tell(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "tell", &args[1..], kw, 0, 0)?;
    Ok(Value::from(bio(vm, &args[0])?.pos.get()))
}

fn bytesio_truncate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "truncate", &args[1..], kw, 0, 1)?;
    let b = bio(vm, &args[0])?;
    let size = match args.get(1) {
        None | Some(Value::None) => b.pos.get() as i64,
        Some(v) => size_arg(vm, Some(v))?,
    };
    if size < 0 {
        return Err(vm.value_error(format!("negative size value {size}")));
    }
    let mut buf = b.buf.borrow_mut();
    if (size as usize) < buf.len() {
        buf.truncate(size as usize);
    }
    Ok(Value::Int(size))
}

fn bytesio_true(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    bio(vm, &args[0])?;
    Ok(Value::TRUE)
}

fn bytesio_isatty(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    bio(vm, &args[0])?;
    Ok(Value::FALSE)
}

fn bytesio_flush(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    bio(vm, &args[0])?;
    Ok(Value::None)
}

fn bytesio_close(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "close", &args[1..], kw, 0, 0)?;
    let b = state::<BytesIO>(vm, &args[0], "BytesIO")?;
    b.closed.set(true);
    let old = std::mem::take(&mut *b.buf.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn bytesio_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(
        state::<BytesIO>(vm, v, "BytesIO")?.closed.get(),
    ))
}

/// A copy of the instance dict, or None if there is none.
fn dict_copy(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = v.as_obj().and_then(|o| o.dict.borrow().clone());
    match d {
        Some(d) => vm.call_method(&Value::Obj(d), "copy", &[]),
        None => Ok(Value::None),
    }
}

/// Updates the instance dict from the state's dict item.
fn dict_update(vm: &Vm, v: &Value, d: &Value, owner: &str) -> PyResult<()> {
    if d.is_none() {
        return Ok(());
    }
    if !matches!(d.payload(), Some(Payload::Dict(_))) {
        return Err(vm.type_error(format!(
            "third item of state should be a dict, got a {}",
            vm.type_name(d)
        )));
    }
    let _ = owner;
    if let Value::Obj(o) = v {
        let inst = Value::Obj(vm.instance_dict(o));
        vm.call_method(&inst, "update", std::slice::from_ref(d))?;
    }
    Ok(())
}

/// The items of a `__setstate__` tuple of `n` items.
fn state_items(vm: &Vm, state: &Value, n: usize, owner: &str) -> PyResult<Vec<Value>> {
    match state.payload() {
        Some(Payload::Tuple(t)) if t.len() == n => Ok(t.to_vec()),
        _ => Err(vm.type_error(format!(
            "{owner}.__setstate__ argument should be {n}-tuple, got {}",
            vm.type_name(state)
        ))),
    }
}

fn bytesio_getstate(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = bio(vm, &args[0])?;
    let data = b.buf.borrow().clone();
    Ok(vm.new_tuple(vec![
        bytes_value(vm, data),
        Value::from(b.pos.get()),
        dict_copy(vm, &args[0])?,
    ]))
}

fn bytesio_setstate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__setstate__", &args[1..], kw, 1, 1)?;
    let b = bio(vm, &args[0])?;
    let items = state_items(vm, &args[1], 3, "_io.BytesIO")?;
    let data = crate::builtins::bytes::bytes_arg(vm, &items[0])?;
    if vm.lookup_special(&items[1], "__index__").is_none() {
        return Err(vm.type_error(format!(
            "second item of state must be an integer, not {}",
            vm.type_name(&items[1])
        )));
    }
    let pos = vm.index_i64(&items[1])?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    *b.buf.borrow_mut() = data;
    b.pos.set(pos as usize);
    dict_update(vm, &args[0], &items[2], "BytesIO")?;
    Ok(Value::None)
}

fn stringio_getstate(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = sio(vm, &args[0])?;
    let (text, newline, pos): (String, Option<String>, usize) =
        s.with(|st| (st.buf.iter().collect(), st.newline.clone(), st.pos));
    Ok(vm.new_tuple(vec![
        vm.new_string(text),
        match newline {
            Some(n) => vm.new_string(n),
            None => Value::None,
        },
        Value::from(pos),
        dict_copy(vm, &args[0])?,
    ]))
}

fn stringio_setstate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__setstate__", &args[1..], kw, 1, 1)?;
    let s = state::<StringIO>(vm, &args[0], "StringIO")?;
    if s.closed.get() {
        return Err(sio_closed(vm));
    }
    let items = state_items(vm, &args[1], 4, "_io.StringIO")?;
    // Initialize as `StringIO(value, newline)`, then restore the (already translated) text.
    stringio_init(
        vm,
        &[args[0].clone(), items[0].clone(), items[1].clone()],
        &[],
    )?;
    let Some(text) = crate::str::as_str(&items[0]) else {
        return Err(vm.type_error(format!(
            "initial_value must be str, not {}",
            vm.type_name(&items[0])
        )));
    };
    if vm.lookup_special(&items[2], "__index__").is_none() {
        return Err(vm.type_error(format!(
            "third item of state must be an integer, got {}",
            vm.type_name(&items[2])
        )));
    }
    let pos = vm.index_i64(&items[2])?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    let s = sio(vm, &args[0])?;
    s.with(|st| {
        st.buf = text.chars().collect();
        st.pos = pos as usize;
    });
    if !items[3].is_none() && !matches!(items[3].payload(), Some(Payload::Dict(_))) {
        return Err(vm.type_error(format!(
            "fourth item of state should be a dict, got a {}",
            vm.type_name(&items[3])
        )));
    }
    dict_update(vm, &args[0], &items[3], "StringIO")?;
    Ok(Value::None)
}

fn self_iter(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

// ---- StringIO ----

struct StrState {
    /// The `newline` argument (for `__getstate__`).
    newline: Option<String>,
    buf: Vec<char>,
    pos: usize,
    readuniversal: bool,
    readtranslate: bool,
    /// The line ending `readline` looks for when it is one fixed string.
    readnl: Option<String>,
    writenl: Option<String>,
    /// Whether writes go through the universal-newline decoder (newline None or '').
    decode: bool,
    seennl: u8,
}

pub struct StringIO {
    st: RefCell<Option<StrState>>,
    closed: Cell<bool>,
}

impl NativeData for StringIO {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// "I/O operation on closed file" (StringIO's message has no full stop).
fn sio_closed(vm: &Vm) -> crate::vm::PyErr {
    vm.value_error("I/O operation on closed file")
}

fn sio_this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a StringIO> {
    let s = state::<StringIO>(vm, v, "StringIO")?;
    if s.st.borrow().is_none() {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(s)
}

/// The StringIO of `self`, checked open.
fn sio<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a StringIO> {
    let s = sio_this(vm, v)?;
    if s.closed.get() {
        return Err(sio_closed(vm));
    }
    Ok(s)
}

impl StringIO {
    fn with<R>(&self, f: impl FnOnce(&mut StrState) -> R) -> R {
        let mut st = self.st.borrow_mut();
        f(st.as_mut().expect("initialized StringIO"))
    }
}

impl StrState {
    fn write(&mut self, vm: &Vm, s: &str) -> PyResult<()> {
        super::check_alloc(vm, self.pos.saturating_add(s.len()).saturating_mul(4))?;
        let mut text = s.to_string();
        if self.decode {
            let crlf = text.matches("\r\n").count();
            let cr = text.matches('\r').count() - crlf;
            let lf = text.matches('\n').count() - crlf;
            if crlf > 0 {
                self.seennl |= SEEN_CRLF;
            }
            if cr > 0 {
                self.seennl |= SEEN_CR;
            }
            if lf > 0 {
                self.seennl |= SEEN_LF;
            }
            if self.readtranslate {
                text = text.replace("\r\n", "\n").replace('\r', "\n");
            }
        }
        if let Some(nl) = &self.writenl {
            text = text.replace('\n', nl);
        }
        let chars: Vec<char> = text.chars().collect();
        if self.pos > self.buf.len() {
            self.buf.resize(self.pos, '\0');
        }
        let end = self.pos + chars.len();
        if end > self.buf.len() {
            self.buf.resize(end, '\0');
        }
        self.buf[self.pos..end].copy_from_slice(&chars);
        self.pos = end;
        Ok(())
    }

    fn read(&mut self, n: i64) -> String {
        let pos = self.pos.min(self.buf.len());
        let end = if n < 0 {
            self.buf.len()
        } else {
            (pos + n as usize).min(self.buf.len())
        };
        self.pos = self.pos.max(end);
        self.buf[pos..end].iter().collect()
    }

    fn readline(&mut self, limit: i64) -> String {
        let pos = self.pos.min(self.buf.len());
        let rest = &self.buf[pos..];
        let mut end = rest.len();
        if self.readtranslate {
            if let Some(i) = rest.iter().position(|&c| c == '\n') {
                end = i + 1;
            }
        } else if self.readuniversal {
            if let Some(i) = rest.iter().position(|&c| c == '\n' || c == '\r') {
                end = if rest[i] == '\r' && rest.get(i + 1) == Some(&'\n') {
                    i + 2
                } else {
                    i + 1
                };
            }
        } else {
            let nl: Vec<char> = self.readnl.as_deref().unwrap_or("\n").chars().collect();
            if let Some(i) = rest.windows(nl.len()).position(|w| w == nl.as_slice()) {
                end = i + nl.len();
            }
        }
        if limit >= 0 {
            end = end.min(limit as usize);
        }
        self.pos = pos + end;
        rest[..end].iter().collect()
    }
}

fn stringio_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, args, "StringIO")?;
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(StringIO {
            st: RefCell::new(None),
            closed: Cell::new(false),
        })),
    )))
}

fn stringio_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "StringIO",
        &args[1..],
        kwnames,
        &["initial_value", "newline"],
        0,
        2,
        0,
    )?;
    let s = state::<StringIO>(vm, &args[0], "StringIO")?;
    let newline: Option<String> = match p.get(1) {
        None => Some("\n".to_string()),
        Some(Value::None) => None,
        Some(v) => match crate::str::as_str(v) {
            Some(n) => {
                if !matches!(n, "" | "\n" | "\r" | "\r\n") {
                    return Err(vm.value_error(format!("illegal newline value: {}", vm.repr(v)?)));
                }
                Some(n.to_string())
            }
            None => {
                return Err(vm.type_error(format!(
                    "newline must be str or None, not {}",
                    vm.type_name(v)
                )));
            }
        },
    };
    let initial = match p.get(0) {
        None | Some(Value::None) => String::new(),
        Some(v) => match crate::str::as_str(v) {
            Some(t) => t.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "initial_value must be str or None, not {}",
                    vm.type_name(v)
                )));
            }
        },
    };
    let nl = newline.as_deref();
    let mut st = StrState {
        newline: newline.clone(),
        buf: Vec::new(),
        pos: 0,
        readuniversal: matches!(nl, None | Some("")),
        readtranslate: nl.is_none(),
        readnl: match nl {
            Some(n) if !n.is_empty() => Some(n.to_string()),
            _ => None,
        },
        writenl: match nl {
            Some(n) if n.starts_with('\r') => Some(n.to_string()),
            _ => None,
        },
        decode: matches!(nl, None | Some("")),
        seennl: 0,
    };
    if !initial.is_empty() {
        st.write(vm, &initial)?;
        st.pos = 0;
    }
    *s.st.borrow_mut() = Some(st);
    s.closed.set(false);
    Ok(Value::None)
}

fn stringio_getvalue(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "getvalue", &args[1..], kw, 0, 0)?;
    let s = sio(vm, &args[0])?;
    let text: String = s.with(|st| st.buf.iter().collect());
    Ok(vm.new_string(text))
}

fn stringio_read(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "read", &args[1..], kw, 0, 1)?;
    let s = sio(vm, &args[0])?;
    let n = size_arg(vm, args.get(1))?;
    Ok(vm.new_string(s.with(|st| st.read(n))))
}

fn stringio_readline(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "readline", &args[1..], kw, 0, 1)?;
    let s = sio(vm, &args[0])?;
    let n = size_arg(vm, args.get(1))?;
    Ok(vm.new_string(s.with(|st| st.readline(n))))
}

fn stringio_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let line = if super::is_exact_native(&args[0]) {
        let s = sio(vm, &args[0])?;
        vm.new_string(s.with(|st| st.readline(-1)))
    } else {
        sio(vm, &args[0])?;
        let l = vm.call_method(&args[0], "readline", &[])?;
        if crate::str::as_str(&l).is_none() {
            return Err(vm.new_exception_msg(
                &vm.types.exceptions.os_error,
                &format!(
                    "readline() should have returned a str object, not '{}'",
                    vm.type_name(&l)
                ),
            ));
        }
        l
    };
    if vm.len(&line)? == 0 {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(line)
}

fn stringio_write(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "write", &args[1..], kw, 1, 1)?;
    let s = sio(vm, &args[0])?;
    let Some(text) = crate::str::as_str(&args[1]) else {
        return Err(vm.type_error(format!(
            "string argument expected, got '{}'",
            vm.type_name(&args[1])
        )));
    };
    s.with(|st| st.write(vm, text))?;
    Ok(Value::from(text.chars().count()))
}

fn stringio_seek(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "seek", &args[1..], kw, 1, 2)?;
    let s = sio(vm, &args[0])?;
    let pos = pos_arg(vm, &args[1])?;
    let whence = match args.get(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(vm.value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.os_error,
            "Can't do nonzero cur-relative seeks",
        ));
    }
    let new = s.with(|st| {
        match whence {
            0 => st.pos = pos as usize,
            2 => st.pos = st.buf.len(),
            _ => {}
        }
        st.pos
    });
    Ok(Value::from(new))
}

fn stringio_tell(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "tell", &args[1..], kw, 0, 0)?;
    let s = sio(vm, &args[0])?;
    Ok(Value::from(s.with(|st| st.pos)))
}

fn stringio_truncate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "truncate", &args[1..], kw, 0, 1)?;
    let s = sio(vm, &args[0])?;
    let size = match args.get(1) {
        None | Some(Value::None) => s.with(|st| st.pos) as i64,
        Some(v) => size_arg(vm, Some(v))?,
    };
    if size < 0 {
        return Err(vm.value_error(format!("Negative size value {size}")));
    }
    s.with(|st| {
        if (size as usize) < st.buf.len() {
            st.buf.truncate(size as usize);
        }
    });
    Ok(Value::Int(size))
}

fn stringio_true(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    sio(vm, &args[0])?;
    Ok(Value::TRUE)
}

fn stringio_close(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "close", &args[1..], kw, 0, 0)?;
    let s = state::<StringIO>(vm, &args[0], "StringIO")?;
    s.closed.set(true);
    if let Some(st) = s.st.borrow_mut().as_mut() {
        st.buf = Vec::new();
    }
    Ok(Value::None)
}

fn stringio_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(sio_this(vm, v)?.closed.get()))
}

fn stringio_line_buffering(vm: &Vm, v: &Value) -> PyResult<Value> {
    sio(vm, v)?;
    Ok(Value::FALSE)
}

fn stringio_newlines(vm: &Vm, v: &Value) -> PyResult<Value> {
    let s = sio(vm, v)?;
    let (decode, seen) = s.with(|st| (st.decode, st.seennl));
    if !decode {
        return Ok(Value::None);
    }
    let mut kinds: Vec<&str> = Vec::new();
    if seen & SEEN_CR != 0 {
        kinds.push("\r");
    }
    if seen & SEEN_LF != 0 {
        kinds.push("\n");
    }
    if seen & SEEN_CRLF != 0 {
        kinds.push("\r\n");
    }
    Ok(match kinds.len() {
        0 => Value::None,
        1 => vm.new_str(kinds[0]),
        _ => vm.new_tuple(kinds.iter().map(|k| vm.new_str(k)).collect()),
    })
}

pub fn init(vm: &Vm, bytes_t: &PyRef, string_t: &PyRef) {
    vm.add_methods_kind(bytes_t, &[("__new__", bytesio_new)], MethodKind::Static);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", bytesio_init),
        ("getvalue", bytesio_getvalue),
        ("getbuffer", bytesio_getbuffer),
        ("read", bytesio_read),
        ("read1", bytesio_read),
        ("readinto", bytesio_readinto),
        ("readline", bytesio_readline),
        ("readlines", bytesio_readlines),
        ("write", bytesio_write),
        ("writelines", bytesio_writelines),
        ("seek", bytesio_seek),
        ("tell", bytesio_tell),
        ("truncate", bytesio_truncate),
        ("readable", bytesio_true),
        ("writable", bytesio_true),
        ("seekable", bytesio_true),
        ("isatty", bytesio_isatty),
        ("flush", bytesio_flush),
        ("close", bytesio_close),
        ("__iter__", self_iter),
        ("__next__", bytesio_next),
        ("__getstate__", bytesio_getstate),
        ("__setstate__", bytesio_setstate),
    ];
    vm.add_methods(bytes_t, methods);
    vm.add_getsets(bytes_t, &[("closed", bytesio_closed, None)]);

    vm.add_methods_kind(string_t, &[("__new__", stringio_new)], MethodKind::Static);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", stringio_init),
        ("getvalue", stringio_getvalue),
        ("read", stringio_read),
        ("readline", stringio_readline),
        ("write", stringio_write),
        ("seek", stringio_seek),
        ("tell", stringio_tell),
        ("truncate", stringio_truncate),
        ("readable", stringio_true),
        ("writable", stringio_true),
        ("seekable", stringio_true),
        ("close", stringio_close),
        ("__next__", stringio_next),
        ("__getstate__", stringio_getstate),
        ("__setstate__", stringio_setstate),
    ];
    vm.add_methods(string_t, methods);
    vm.add_getsets(
        string_t,
        &[
            ("closed", stringio_closed, None),
            ("line_buffering", stringio_line_buffering, None),
            ("newlines", stringio_newlines, None),
        ],
    );
}
