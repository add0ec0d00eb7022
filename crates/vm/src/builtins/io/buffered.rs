//! `_io.BufferedReader`, `BufferedWriter`, `BufferedRandom` and `BufferedRWPair`: buffering
//! over a raw stream (a FileIO, reached directly, or any object with the raw methods).
//! Counterpart: Modules/_io/bufferedio.c (3.11).

use std::cell::{Cell, RefCell};

use super::file::FileIO;
use super::{
    bytes_value, check_able, cls_arg, is_exact_native, size_arg, state, tp_name,
    writable_buffer_len, write_into,
};
use crate::builtins::function::{MethodKind, NativeFn, check_count, parse_args};
use crate::object::{NativeData, Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reader,
    Writer,
    Random,
}

pub struct Buffered {
    kind: Kind,
    /// The raw stream; `Value::Null` before `__init__` and after `detach()`.
    raw: RefCell<Value>,
    detached: Cell<bool>,
    buffer_size: Cell<usize>,
    /// Read-ahead bytes and how many of them were consumed.
    rbuf: RefCell<Vec<u8>>,
    rpos: Cell<usize>,
    /// Bytes written but not yet passed to the raw stream.
    wbuf: RefCell<Vec<u8>>,
}

impl NativeData for Buffered {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(r) = self.raw.try_borrow() {
            visit(&r);
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.raw.borrow_mut());
        drop(old);
    }
}

impl Drop for Buffered {
    fn drop(&mut self) {
        // Normally `__del__` has flushed; this covers objects that never got there.
        let pending = std::mem::take(self.wbuf.get_mut());
        if pending.is_empty() {
            return;
        }
        if let Some(f) = raw_file(self.raw.get_mut()) {
            let fd = f.fd.get();
            if fd >= 0 && f.writable.get() {
                // SAFETY: a plain write of an owned slice to an open descriptor.
                unsafe { libc::write(fd, pending.as_ptr() as *const libc::c_void, pending.len()) };
            }
        }
    }
}

/// The FileIO under a raw value, when it is exactly a FileIO (no Python overrides).
fn raw_file(raw: &Value) -> Option<&FileIO> {
    if !is_exact_native(raw) {
        return None;
    }
    raw.as_obj().and_then(|o| o.downcast_native::<FileIO>())
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Buffered> {
    state::<Buffered>(vm, v, "BufferedReader")
}

impl Buffered {
    /// The raw stream, checking the object is initialized and attached.
    fn raw(&self, vm: &Vm) -> PyResult<Value> {
        let r = self.raw.borrow().clone();
        if r.is_null() {
            return Err(vm.value_error(if self.detached.get() {
                "raw stream has been detached"
            } else {
                "I/O operation on uninitialized object"
            }));
        }
        Ok(r)
    }

    fn unread(&self) -> usize {
        self.rbuf.borrow().len() - self.rpos.get()
    }

    fn take_unread(&self, max: usize) -> Vec<u8> {
        let rb = self.rbuf.borrow();
        let p = self.rpos.get();
        let n = max.min(rb.len() - p);
        let out = rb[p..p + n].to_vec();
        drop(rb);
        self.rpos.set(p + n);
        out
    }

    fn set_rbuf(&self, data: Vec<u8>) {
        *self.rbuf.borrow_mut() = data;
        self.rpos.set(0);
    }
}

// ---- raw stream access ----

fn raw_read(vm: &Vm, raw: &Value, n: usize) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = raw_file(raw) {
        return f.read_n(vm, n);
    }
    super::check_alloc(vm, n)?;
    let b = crate::builtins::bytes::new_bytearray(vm, vec![0; n]);
    let r = vm.call_method(raw, "readinto", std::slice::from_ref(&b))?;
    if r.is_none() {
        return Ok(None);
    }
    let got = vm.index_i64(&r)?;
    if got < 0 || got as usize > n {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.os_error,
            &format!(
                "raw readinto() returned invalid length {got} (should have been between 0 and {n})"
            ),
        ));
    }
    let mut data = crate::builtins::bytes::bytes_of(&b).unwrap_or_default();
    data.truncate(got as usize);
    Ok(Some(data))
}

fn raw_readall(vm: &Vm, raw: &Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = raw_file(raw) {
        return f.read_all(vm);
    }
    let r = if vm.getattr_opt(raw, "readall")?.is_some() {
        vm.call_method(raw, "readall", &[])?
    } else {
        let mut out = Vec::new();
        loop {
            let c = vm.call_method(raw, "read", &[])?;
            match crate::builtins::bytes::bytes_of(&c) {
                Some(c) if !c.is_empty() => out.extend(c),
                _ => break,
            }
        }
        bytes_value(vm, out)
    };
    if r.is_none() {
        return Ok(None);
    }
    match crate::builtins::bytes::bytes_of(&r) {
        Some(b) => Ok(Some(b)),
        None => Err(vm.type_error("readall() should return bytes")),
    }
}

fn raw_write(vm: &Vm, raw: &Value, data: &[u8]) -> PyResult<Option<usize>> {
    if let Some(f) = raw_file(raw) {
        return f.write_bytes(vm, data);
    }
    let r = vm.call_method(raw, "write", &[bytes_value(vm, data.to_vec())])?;
    if r.is_none() {
        return Ok(None);
    }
    let n = vm.index_i64(&r)?;
    if n < 0 || n as usize > data.len() {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.os_error,
            &format!(
                "raw write() returned invalid length {n} (should have been between 0 and {})",
                data.len()
            ),
        ));
    }
    Ok(Some(n as usize))
}

fn raw_seek(vm: &Vm, raw: &Value, pos: i64, whence: i32) -> PyResult<i64> {
    let n = if let Some(f) = raw_file(raw) {
        f.seek_to(vm, pos, whence)?
    } else {
        let r = vm.call_method(raw, "seek", &[Value::Int(pos), Value::Int(whence as i64)])?;
        vm.index_i64(&r)?
    };
    if n < 0 {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.os_error,
            &format!("Raw stream returned invalid position {n}"),
        ));
    }
    Ok(n)
}

fn raw_tell(vm: &Vm, raw: &Value) -> PyResult<i64> {
    let n = if let Some(f) = raw_file(raw) {
        f.seek_to(vm, 0, libc::SEEK_CUR)?
    } else {
        let r = vm.call_method(raw, "tell", &[])?;
        vm.index_i64(&r)?
    };
    if n < 0 {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.os_error,
            &format!("Raw stream returned invalid position {n}"),
        ));
    }
    Ok(n)
}

fn raw_closed(vm: &Vm, raw: &Value) -> PyResult<bool> {
    if let Some(f) = raw_file(raw) {
        return Ok(f.fd.get() < 0);
    }
    super::attr_closed(vm, raw)
}

// ---- the buffer logic ----

/// Passes the write buffer to the raw stream.
fn flush_writes(vm: &Vm, b: &Buffered, raw: &Value) -> PyResult<()> {
    loop {
        let data = std::mem::take(&mut *b.wbuf.borrow_mut());
        if data.is_empty() {
            return Ok(());
        }
        let mut off = 0;
        while off < data.len() {
            let r = raw_write(vm, raw, &data[off..]);
            match r {
                Ok(Some(n)) if n > 0 => off += n,
                Ok(_) => {
                    restore_writes(b, &data[off..]);
                    return Err(vm.new_exception(
                        &vm.types.exceptions.blocking_io_error,
                        vec![
                            Value::Int(libc::EAGAIN as i64),
                            vm.new_str("write could not complete without blocking"),
                            Value::Int(0),
                        ],
                    ));
                }
                Err(e) => {
                    restore_writes(b, &data[off..]);
                    return Err(e);
                }
            }
        }
    }
}

fn restore_writes(b: &Buffered, rest: &[u8]) {
    let mut w = b.wbuf.borrow_mut();
    let mut v = rest.to_vec();
    v.extend_from_slice(&w);
    *w = v;
}

/// Buffers `data`; what does not fit goes to the raw stream (CPython's
/// `bufferedwriter_write`: the buffer is flushed first, then whole buffer-sized runs are
/// written directly, the rest is kept).
fn write_data(vm: &Vm, b: &Buffered, raw: &Value, data: &[u8]) -> PyResult<()> {
    if b.kind == Kind::Random && !b.rbuf.borrow().is_empty() {
        rewind_reads(vm, b, raw)?;
    }
    let bs = b.buffer_size.get();
    {
        let mut w = b.wbuf.borrow_mut();
        if w.len() + data.len() <= bs {
            w.extend_from_slice(data);
            return Ok(());
        }
    }
    flush_writes(vm, b, raw)?;
    let mut off = 0;
    while data.len() - off > bs {
        match raw_write(vm, raw, &data[off..])? {
            Some(n) if n > 0 => off += n,
            _ => break,
        }
    }
    b.wbuf.borrow_mut().extend_from_slice(&data[off..]);
    Ok(())
}

/// Moves the raw position back over unread read-ahead bytes, dropping them.
fn rewind_reads(vm: &Vm, b: &Buffered, raw: &Value) -> PyResult<()> {
    let unread = b.unread();
    b.set_rbuf(Vec::new());
    if unread > 0 {
        raw_seek(vm, raw, -(unread as i64), 1)?;
    }
    Ok(())
}

fn check_open(vm: &Vm, b: &Buffered, raw: &Value, what: &str) -> PyResult<()> {
    if raw_closed(vm, raw)? {
        // A write buffer with data can still be flushed while closing.
        if what == "flush" && !b.wbuf.borrow().is_empty() {
            return Ok(());
        }
        return Err(vm.value_error(format!("{what} of closed file")));
    }
    Ok(())
}

/// `read(n)` for n >= 0: whole blocks straight from the raw stream, the tail through the
/// buffer (as CPython's `_bufferedreader_read_generic`).
fn read_n(vm: &Vm, b: &Buffered, raw: &Value, n: usize) -> PyResult<Option<Vec<u8>>> {
    if b.unread() >= n {
        return Ok(Some(b.take_unread(n)));
    }
    let mut out = b.take_unread(n);
    let mut remaining = n - out.len();
    b.set_rbuf(Vec::new());
    if b.kind == Kind::Random {
        flush_writes(vm, b, raw)?;
    }
    let bs = b.buffer_size.get();
    while remaining > 0 {
        let r = bs * (remaining / bs);
        if r == 0 {
            break;
        }
        match raw_read(vm, raw, r)? {
            None if out.is_empty() => return Ok(None),
            None => return Ok(Some(out)),
            Some(c) if c.is_empty() => return Ok(Some(out)),
            Some(c) => {
                remaining -= c.len();
                out.extend(c);
            }
        }
    }
    while remaining > 0 && b.rbuf.borrow().len() < bs {
        let space = bs - b.rbuf.borrow().len();
        match raw_read(vm, raw, space)? {
            None if out.is_empty() => return Ok(None),
            Some(c) if !c.is_empty() => b.rbuf.borrow_mut().extend(c),
            _ => break,
        }
        let got = b.take_unread(remaining);
        remaining -= got.len();
        out.extend(got);
    }
    Ok(Some(out))
}

fn read_all(vm: &Vm, b: &Buffered, raw: &Value) -> PyResult<Option<Vec<u8>>> {
    let mut out = b.take_unread(usize::MAX);
    b.set_rbuf(Vec::new());
    if b.kind == Kind::Random {
        flush_writes(vm, b, raw)?;
    }
    match raw_readall(vm, raw)? {
        Some(rest) => out.extend(rest),
        None if out.is_empty() => return Ok(None),
        None => {}
    }
    Ok(Some(out))
}

/// Fills the read buffer if it is empty; false at end of file.
fn fill(vm: &Vm, b: &Buffered, raw: &Value) -> PyResult<bool> {
    if b.unread() > 0 {
        return Ok(true);
    }
    if b.kind == Kind::Random {
        flush_writes(vm, b, raw)?;
    }
    match raw_read(vm, raw, b.buffer_size.get())? {
        Some(c) if !c.is_empty() => {
            b.set_rbuf(c);
            Ok(true)
        }
        _ => {
            b.set_rbuf(Vec::new());
            Ok(false)
        }
    }
}

fn readline_bytes(vm: &Vm, b: &Buffered, raw: &Value, limit: i64) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        if limit >= 0 && out.len() as i64 >= limit {
            break;
        }
        if !fill(vm, b, raw)? {
            break;
        }
        let room = if limit >= 0 {
            (limit as usize) - out.len()
        } else {
            usize::MAX
        };
        let (n, found) = {
            let rb = b.rbuf.borrow();
            let avail = &rb[b.rpos.get()..];
            match avail.iter().position(|&c| c == b'\n') {
                Some(i) if i < room => (i + 1, true),
                _ => (avail.len().min(room), false),
            }
        };
        out.extend(b.take_unread(n));
        if found {
            break;
        }
    }
    Ok(out)
}

// ---- methods ----

fn make_new(vm: &Vm, args: &[Value], kind: Kind, name: &'static str) -> PyResult<Value> {
    let cls = cls_arg(vm, args, name)?;
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(Buffered {
            kind,
            raw: RefCell::new(Value::Null),
            detached: Cell::new(false),
            buffer_size: Cell::new(super::DEFAULT_BUFFER_SIZE),
            rbuf: RefCell::new(Vec::new()),
            rpos: Cell::new(0),
            wbuf: RefCell::new(Vec::new()),
        })),
    )))
}

fn reader_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_new(vm, args, Kind::Reader, "BufferedReader")
}

fn writer_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_new(vm, args, Kind::Writer, "BufferedWriter")
}

fn random_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_new(vm, args, Kind::Random, "BufferedRandom")
}

fn buffered_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    let fname = match b.kind {
        Kind::Reader => "BufferedReader",
        Kind::Writer => "BufferedWriter",
        Kind::Random => "BufferedRandom",
    };
    let p = parse_args(
        vm,
        fname,
        &args[1..],
        kwnames,
        &["raw", "buffer_size"],
        0,
        2,
        1,
    )?;
    let raw = p.get(0).cloned().unwrap_or(Value::None);
    if b.kind == Kind::Random {
        check_able(vm, &raw, "seekable")?;
    }
    if b.kind != Kind::Writer {
        check_able(vm, &raw, "readable")?;
    }
    if b.kind != Kind::Reader {
        check_able(vm, &raw, "writable")?;
    }
    let size = match p.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => super::DEFAULT_BUFFER_SIZE as i64,
    };
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    super::check_alloc(vm, size as usize)?;
    b.buffer_size.set(size as usize);
    b.detached.set(false);
    b.set_rbuf(Vec::new());
    let old_w = std::mem::take(&mut *b.wbuf.borrow_mut());
    drop(old_w);
    let old = super::replace_value(&b.raw, raw);
    drop(old);
    if b.kind != Kind::Reader {
        super::register_writer(&args[0]);
    }
    Ok(Value::None)
}

fn buffered_read(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "read", &args[1..], kw, 0, 1)?;
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    let n = size_arg(vm, args.get(1))?;
    if n < -1 {
        return Err(vm.value_error("read length must be non-negative or -1"));
    }
    check_open(vm, b, &raw, "read")?;
    let r = if n < 0 {
        read_all(vm, b, &raw)?
    } else {
        read_n(vm, b, &raw, n as usize)?
    };
    Ok(match r {
        Some(d) => bytes_value(vm, d),
        None => Value::None,
    })
}

fn read1_bytes(vm: &Vm, b: &Buffered, raw: &Value, n: i64) -> PyResult<Vec<u8>> {
    let n = if n < 0 {
        b.buffer_size.get()
    } else {
        n as usize
    };
    if n == 0 {
        return Ok(Vec::new());
    }
    if b.unread() > 0 {
        return Ok(b.take_unread(n));
    }
    b.set_rbuf(Vec::new());
    if b.kind == Kind::Random {
        flush_writes(vm, b, raw)?;
    }
    Ok(raw_read(vm, raw, n)?.unwrap_or_default())
}

fn buffered_read1(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "read1", &args[1..], kw, 0, 1)?;
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    let n = size_arg(vm, args.get(1))?;
    check_open(vm, b, &raw, "read")?;
    Ok(bytes_value(vm, read1_bytes(vm, b, &raw, n)?))
}

fn buffered_readinto_with(vm: &Vm, args: &[Value], kw: &[Value], one: bool) -> PyResult<Value> {
    let fname = if one { "readinto1" } else { "readinto" };
    check_count(vm, fname, &args[1..], kw, 1, 1)?;
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    let n = writable_buffer_len(vm, &args[1], fname)?;
    check_open(vm, b, &raw, "readinto")?;
    let data = if one {
        read1_bytes(vm, b, &raw, n as i64)?
    } else {
        match read_n(vm, b, &raw, n)? {
            Some(d) => d,
            None => return Ok(Value::None),
        }
    };
    write_into(vm, &args[1], &data)?;
    Ok(Value::from(data.len()))
}

fn buffered_readinto(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    buffered_readinto_with(vm, args, kw, false)
}

fn buffered_readinto1(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    buffered_readinto_with(vm, args, kw, true)
}

fn buffered_peek(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "peek", &args[1..], kw, 0, 1)?;
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    check_open(vm, b, &raw, "peek")?;
    fill(vm, b, &raw)?;
    let rb = b.rbuf.borrow();
    let data = rb[b.rpos.get()..].to_vec();
    drop(rb);
    Ok(bytes_value(vm, data))
}

fn buffered_readline(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "readline", &args[1..], kw, 0, 1)?;
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    let limit = size_arg(vm, args.get(1))?;
    check_open(vm, b, &raw, "readline")?;
    Ok(bytes_value(vm, readline_bytes(vm, b, &raw, limit)?))
}

fn buffered_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    check_open(vm, b, &raw, "readline")?;
    let line = readline_bytes(vm, b, &raw, -1)?;
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(bytes_value(vm, line))
}

fn buffered_write(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "write", &args[1..], kw, 1, 1)?;
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    let data = crate::builtins::bytes::bytes_arg(vm, &args[1])?;
    if raw_closed(vm, &raw)? {
        return Err(vm.value_error("write to closed file"));
    }
    write_data(vm, b, &raw, &data)?;
    Ok(Value::from(data.len()))
}

fn buffered_flush(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "flush", &args[1..], kw, 0, 0)?;
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    if b.kind == Kind::Reader {
        return vm.call_method(&raw, "flush", &[]);
    }
    check_open(vm, b, &raw, "flush")?;
    flush_writes(vm, b, &raw)?;
    if b.kind == Kind::Random && !b.rbuf.borrow().is_empty() {
        rewind_reads(vm, b, &raw)?;
    }
    Ok(Value::None)
}

fn buffered_tell(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "tell", &args[1..], kw, 0, 0)?;
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    let pos = raw_tell(vm, &raw)?;
    let pos = pos - b.unread() as i64 + b.wbuf.borrow().len() as i64;
    Ok(Value::Int(pos.max(0)))
}

fn buffered_seek(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "seek", &args[1..], kw, 1, 2)?;
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    if matches!(args[1], Value::Float(_)) || vm.lookup_special(&args[1], "__index__").is_none() {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&args[1])
        )));
    }
    let mut target = vm.index_i64(&args[1])?;
    let whence = match args.get(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("whence value {whence} unsupported")));
    }
    check_open(vm, b, &raw, "seek")?;
    check_able(vm, &raw, "seekable")?;
    if b.kind != Kind::Reader {
        flush_writes(vm, b, &raw)?;
    }
    if whence == 1 {
        target -= b.unread() as i64;
    }
    b.set_rbuf(Vec::new());
    Ok(Value::Int(raw_seek(vm, &raw, target, whence as i32)?))
}

fn buffered_truncate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "truncate", &args[1..], kw, 0, 1)?;
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    check_open(vm, b, &raw, "truncate")?;
    if b.kind == Kind::Reader {
        return Err(super::unsupported(vm, "truncate"));
    }
    flush_writes(vm, b, &raw)?;
    let pos = match args.get(1) {
        None | Some(Value::None) => buffered_tell(vm, &args[..1], &[])?,
        Some(v) => v.clone(),
    };
    if b.kind == Kind::Random {
        rewind_reads(vm, b, &raw)?;
    }
    vm.call_method(&raw, "truncate", &[pos])
}

fn buffered_close(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "close", &args[1..], kw, 0, 0)?;
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    if raw_closed(vm, &raw)? {
        return Ok(Value::None);
    }
    let flushed = vm.call_method(&args[0], "flush", &[]);
    b.set_rbuf(Vec::new());
    let closed = vm.call_method(&raw, "close", &[]);
    match (flushed, closed) {
        (Err(e), Err(e2)) => {
            if let Some(d) = crate::exceptions::exc_data(&e2) {
                *d.context.borrow_mut() = Value::Obj(e);
            }
            Err(e2)
        }
        (Err(e), Ok(_)) => Err(e),
        (Ok(_), r) => r.map(|_| Value::None),
    }
}

fn buffered_detach(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "detach", &args[1..], kw, 0, 0)?;
    let b = this(vm, &args[0])?;
    b.raw(vm)?;
    vm.call_method(&args[0], "flush", &[])?;
    let raw = super::replace_value(&b.raw, Value::Null);
    b.detached.set(true);
    Ok(raw)
}

/// Methods passed to the raw stream.
fn delegate(vm: &Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let b = this(vm, &args[0])?;
    let raw = b.raw(vm)?;
    vm.call_method(&raw, name, &[])
}

fn buffered_fileno(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "fileno")
}

fn buffered_isatty(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "isatty")
}

fn buffered_seekable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "seekable")
}

fn buffered_readable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "readable")
}

fn buffered_writable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "writable")
}

fn buffered_dealloc_warn(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn buffered_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let tname = tp_name(vm, &args[0]);
    let name = match vm.getattr_opt(&args[0], "name") {
        Ok(n) => n,
        Err(e) if vm.exc_matches(&e, &vm.types.exceptions.value_error) => None,
        Err(e) => return Err(e),
    };
    match name {
        None => Ok(vm.new_string(format!("<{tname}>"))),
        Some(n) => {
            if !vm.repr_enter(&args[0]) {
                return Err(vm.runtime_error(format!("reentrant call inside {tname}.__repr__")));
            }
            let r = vm.repr(&n);
            vm.repr_leave(&args[0]);
            Ok(vm.new_string(format!("<{tname} name={}>", r?)))
        }
    }
}

fn buffered_raw(vm: &Vm, v: &Value) -> PyResult<Value> {
    this(vm, v)?.raw(vm)
}

fn buffered_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    let raw = this(vm, v)?.raw(vm)?;
    vm.getattr_str(&raw, "closed")
}

fn buffered_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    let raw = this(vm, v)?.raw(vm)?;
    vm.getattr_str(&raw, "name")
}

fn buffered_mode(vm: &Vm, v: &Value) -> PyResult<Value> {
    let raw = this(vm, v)?.raw(vm)?;
    vm.getattr_str(&raw, "mode")
}

fn buffered_getstate(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.type_error(format!("cannot pickle '{}' object", vm.type_name(&args[0]))))
}

// ---- BufferedRWPair ----

pub struct RWPair {
    reader: RefCell<Value>,
    writer: RefCell<Value>,
}

impl NativeData for RWPair {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(r) = self.reader.try_borrow() {
            visit(&r);
        }
        if let Ok(w) = self.writer.try_borrow() {
            visit(&w);
        }
    }
    fn clear(&self) {
        let r = std::mem::take(&mut *self.reader.borrow_mut());
        let w = std::mem::take(&mut *self.writer.borrow_mut());
        drop(r);
        drop(w);
    }
}

fn pair_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, args, "BufferedRWPair")?;
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(RWPair {
            reader: RefCell::new(Value::Null),
            writer: RefCell::new(Value::Null),
        })),
    )))
}

fn pair_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("BufferedRWPair() takes no keyword arguments"));
    }
    let p = state::<RWPair>(vm, &args[0], "BufferedRWPair")?;
    let n = args.len() - 1;
    if !(2..=3).contains(&n) {
        return Err(vm.type_error(format!(
            "BufferedRWPair expected {} arguments, got {n}",
            if n < 2 { "at least 2" } else { "at most 3" }
        )));
    }
    check_able(vm, &args[1], "readable")?;
    check_able(vm, &args[2], "writable")?;
    let mut rargs = vec![args[1].clone()];
    let mut wargs = vec![args[2].clone()];
    if let Some(s) = args.get(3) {
        rargs.push(s.clone());
        wargs.push(s.clone());
    }
    let r = vm.call(&Value::Obj(super::io_type(vm, "BufferedReader")), &rargs)?;
    let w = vm.call(&Value::Obj(super::io_type(vm, "BufferedWriter")), &wargs)?;
    let old_r = super::replace_value(&p.reader, r);
    let old_w = super::replace_value(&p.writer, w);
    drop(old_r);
    drop(old_w);
    Ok(Value::None)
}

fn pair_part(vm: &Vm, v: &Value, writer: bool) -> PyResult<Value> {
    let p = state::<RWPair>(vm, v, "BufferedRWPair")?;
    let r = if writer {
        p.writer.borrow().clone()
    } else {
        p.reader.borrow().clone()
    };
    if r.is_null() {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(r)
}

macro_rules! pair_forward {
    ($fname:ident, $name:literal, $writer:expr) => {
        fn $fname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let part = pair_part(vm, &args[0], $writer)?;
            let m = vm.getattr_str(&part, $name)?;
            vm.call_with_kwnames(&m, &args[1..], kw)
        }
    };
}

pair_forward!(pair_read, "read", false);
pair_forward!(pair_peek, "peek", false);
pair_forward!(pair_read1, "read1", false);
pair_forward!(pair_readinto, "readinto", false);
pair_forward!(pair_readinto1, "readinto1", false);
pair_forward!(pair_readable, "readable", false);
pair_forward!(pair_write, "write", true);
pair_forward!(pair_flush, "flush", true);
pair_forward!(pair_writable, "writable", true);

fn pair_isatty(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let w = pair_part(vm, &args[0], true)?;
    let r = vm.call_method(&w, "isatty", &[])?;
    if vm.truthy(&r)? {
        return Ok(r);
    }
    let rd = pair_part(vm, &args[0], false)?;
    vm.call_method(&rd, "isatty", &[])
}

fn pair_close(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let w = pair_part(vm, &args[0], true)?;
    let rd = pair_part(vm, &args[0], false)?;
    let r1 = vm.call_method(&w, "close", &[]);
    let r2 = vm.call_method(&rd, "close", &[]);
    r1?;
    r2
}

fn pair_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    let w = pair_part(vm, v, true)?;
    vm.getattr_str(&w, "closed")
}

pub fn init(vm: &Vm, reader: &PyRef, writer: &PyRef, random: &PyRef, pair: &PyRef) {
    vm.add_methods_kind(reader, &[("__new__", reader_new)], MethodKind::Static);
    vm.add_methods_kind(writer, &[("__new__", writer_new)], MethodKind::Static);
    vm.add_methods_kind(random, &[("__new__", random_new)], MethodKind::Static);
    let common: &[(&'static str, NativeFn)] = &[
        ("__init__", buffered_init),
        ("flush", buffered_flush),
        ("close", buffered_close),
        ("detach", buffered_detach),
        ("seek", buffered_seek),
        ("tell", buffered_tell),
        ("truncate", buffered_truncate),
        ("fileno", buffered_fileno),
        ("isatty", buffered_isatty),
        ("seekable", buffered_seekable),
        ("_dealloc_warn", buffered_dealloc_warn),
        ("__repr__", buffered_repr),
        ("__getstate__", buffered_getstate),
    ];
    let reads: &[(&'static str, NativeFn)] = &[
        ("read", buffered_read),
        ("read1", buffered_read1),
        ("readinto", buffered_readinto),
        ("readinto1", buffered_readinto1),
        ("readline", buffered_readline),
        ("peek", buffered_peek),
        ("__next__", buffered_next),
    ];
    let writes: &[(&'static str, NativeFn)] = &[("write", buffered_write)];
    for (t, r, w) in [
        (reader, true, false),
        (writer, false, true),
        (random, true, true),
    ] {
        vm.add_methods(t, common);
        if r {
            vm.add_methods(t, reads);
            vm.add_methods(t, &[("readable", buffered_readable)]);
        }
        if w {
            vm.add_methods(t, writes);
            vm.add_methods(t, &[("writable", buffered_writable)]);
        }
        vm.add_getsets(
            t,
            &[
                ("raw", buffered_raw, None),
                ("closed", buffered_closed, None),
                ("name", buffered_name, None),
                ("mode", buffered_mode, None),
            ],
        );
    }
    vm.add_methods_kind(pair, &[("__new__", pair_new)], MethodKind::Static);
    vm.add_methods(
        pair,
        &[
            ("__init__", pair_init),
            ("read", pair_read),
            ("peek", pair_peek),
            ("read1", pair_read1),
            ("readinto", pair_readinto),
            ("readinto1", pair_readinto1),
            ("readable", pair_readable),
            ("write", pair_write),
            ("flush", pair_flush),
            ("writable", pair_writable),
            ("isatty", pair_isatty),
            ("close", pair_close),
        ],
    );
    vm.add_getsets(pair, &[("closed", pair_closed, None)]);
}

/// Hands bytes left in a dying text wrapper to its buffer without running Python code: into
/// the write buffer of an exact buffered writer (whose own finalization writes it out), or
/// straight to an exact FileIO.
pub fn salvage(buffer: &Value, data: &[u8]) {
    if let Some(f) = raw_file(buffer) {
        if f.fd.get() >= 0 && f.writable.get() {
            // SAFETY: a plain write of a valid slice to an open descriptor.
            unsafe { libc::write(f.fd.get(), data.as_ptr() as *const libc::c_void, data.len()) };
        }
        return;
    }
    if !is_exact_native(buffer) {
        return;
    }
    if let Some(b) = buffer
        .as_obj()
        .and_then(|o| o.downcast_native::<Buffered>())
        && b.kind != Kind::Reader
        && let Ok(mut w) = b.wbuf.try_borrow_mut()
    {
        w.extend_from_slice(data);
    }
}

/// Whether `buffer` is closed, when that can be known without Python code: an exact native
/// FileIO, or an exact buffered object over one.
pub fn native_closed(buffer: &Value) -> Option<bool> {
    if let Some(f) = raw_file(buffer) {
        return Some(f.fd.get() < 0);
    }
    if !is_exact_native(buffer) {
        return None;
    }
    let b = buffer.as_obj()?.downcast_native::<Buffered>()?;
    let raw = b.raw.borrow();
    raw_file(&raw).map(|f| f.fd.get() < 0)
}

/// `buffer.write(data)` done directly when `buffer` is exactly a native BufferedWriter or
/// BufferedRandom; false (nothing done) otherwise.
pub fn fast_write(vm: &Vm, buffer: &Value, data: &[u8]) -> PyResult<bool> {
    if let Some(f) = raw_file(buffer) {
        // A raw FileIO (unbuffered standard streams): write all of it.
        let mut off = 0;
        while off < data.len() {
            match f.write_bytes(vm, &data[off..])? {
                Some(n) if n > 0 => off += n,
                _ => break,
            }
        }
        return Ok(true);
    }
    if !is_exact_native(buffer) {
        return Ok(false);
    }
    let Some(b) = buffer
        .as_obj()
        .and_then(|o| o.downcast_native::<Buffered>())
    else {
        return Ok(false);
    };
    if b.kind == Kind::Reader {
        return Ok(false);
    }
    let raw = b.raw(vm)?;
    if raw_closed(vm, &raw)? {
        return Err(vm.value_error("write to closed file"));
    }
    write_data(vm, b, &raw, data)?;
    Ok(true)
}
