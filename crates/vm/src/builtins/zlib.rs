//! The `zlib` module: one-shot `compress`/`decompress`, the streaming `Compress` and
//! `Decompress` objects made by `compressobj`/`decompressobj`, `crc32`, `adler32`, the
//! `error` exception and the constants. The deflate engine is zlib-rs (a Rust port of zlib,
//! through its C-style API), so raw deflate, zlib and gzip framing, header auto-detection,
//! preset dictionaries and stream copies behave as with zlib itself.
//! Counterpart: Modules/zlibmodule.c (3.11).

use std::cell::{Cell, RefCell};
use std::ffi::{CStr, c_char, c_int};

use libz_rs_sys as z;
use num_traits::ToPrimitive;

use crate::builtins::bytes::{buffer_bytes, new_bytes};
use crate::builtins::function::{MethodKind, NativeFn, no_kwargs};
use crate::builtins::itertools::{check_positional, native_type, new_native};
use crate::object::NativeData;
use crate::types::Layout;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

const ERROR: &str = "zlib.error";
const COMPRESS: &str = "zlib.Compress";
const DECOMPRESS: &str = "zlib.Decompress";

const MAX_WBITS: i64 = 15;
const DEFLATED: i64 = 8;
const DEF_MEM_LEVEL: i64 = 8;
const DEF_BUF_SIZE: usize = 16384;

// ---- errors ----

fn error_type(vm: &Vm) -> PyRef {
    let existing = vm.types.others.borrow().get(ERROR).cloned();
    if let Some(t) = existing {
        return t;
    }
    let base = vm.types.exceptions.exception.clone();
    let t = crate::builtins::type_::make_class(vm, "error", vec![base], "zlib");
    vm.types.others.borrow_mut().insert(ERROR, t.clone());
    t
}

fn error(vm: &Vm, msg: impl AsRef<str>) -> PyErr {
    vm.new_exception_msg(&error_type(vm), msg.as_ref())
}

fn memory_error(vm: &Vm, msg: &str) -> PyErr {
    vm.new_exception_msg(&vm.types.exceptions.memory_error, msg)
}

/// `zlib_error`: "Error <code> <what>", with zlib's message for the stream, or a generic
/// one for the code.
fn zlib_error(vm: &Vm, code: c_int, zmsg: Option<String>, what: &str) -> PyErr {
    let zmsg = if code == z::Z_VERSION_ERROR {
        Some("library version mismatch".to_string())
    } else {
        zmsg.or_else(|| {
            match code {
                z::Z_BUF_ERROR => Some("incomplete or truncated stream"),
                z::Z_STREAM_ERROR => Some("inconsistent stream state"),
                z::Z_DATA_ERROR => Some("invalid input data"),
                _ => None,
            }
            .map(str::to_string)
        })
    };
    match zmsg {
        Some(m) => error(vm, format!("Error {code} {what}: {m}")),
        None => error(vm, format!("Error {code} {what}")),
    }
}

// ---- the zlib stream ----

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Deflate,
    Inflate,
}

/// One zlib stream, boxed because zlib's state points back at it. `live` is false before a
/// successful init and after `end`.
struct Stream {
    z: Box<z::z_stream>,
    dir: Dir,
    live: bool,
}

fn version_ptr() -> *const c_char {
    z::zlibVersion()
}

const STREAM_SIZE: c_int = std::mem::size_of::<z::z_stream>() as c_int;

impl Stream {
    fn new(dir: Dir) -> Stream {
        Stream {
            z: Box::default(),
            dir,
            live: false,
        }
    }

    fn deflate_init(
        level: c_int,
        method: c_int,
        wbits: c_int,
        mem: c_int,
        strategy: c_int,
    ) -> (Stream, c_int) {
        let mut s = Stream::new(Dir::Deflate);
        // SAFETY: `s.z` is a default-initialised stream (allocator set), the version string
        // is the library's own and the size is that of the struct we pass.
        let err = unsafe {
            z::deflateInit2_(
                &mut *s.z,
                level,
                method,
                wbits,
                mem,
                strategy,
                version_ptr(),
                STREAM_SIZE,
            )
        };
        s.live = err == z::Z_OK;
        (s, err)
    }

    fn inflate_init(wbits: c_int) -> (Stream, c_int) {
        let mut s = Stream::new(Dir::Inflate);
        // SAFETY: as in `deflate_init`.
        let err = unsafe { z::inflateInit2_(&mut *s.z, wbits, version_ptr(), STREAM_SIZE) };
        s.live = err == z::Z_OK;
        (s, err)
    }

    /// The stream's message for its last error, if zlib set one.
    fn msg(&self) -> Option<String> {
        if self.z.msg.is_null() {
            return None;
        }
        // SAFETY: zlib sets `msg` to a NUL-terminated static string or leaves it null.
        let s = unsafe { CStr::from_ptr(self.z.msg) };
        Some(s.to_string_lossy().into_owned())
    }

    /// One call of deflate/inflate on `input[*pos..]`, appending at most `room` bytes to
    /// `out`; advances `*pos` past the input consumed. Returns zlib's code and whether the
    /// output room was filled.
    fn step(
        &mut self,
        input: &[u8],
        pos: &mut usize,
        out: &mut Vec<u8>,
        room: usize,
        flush: c_int,
    ) -> (c_int, bool) {
        if !self.live {
            return (z::Z_STREAM_ERROR, false);
        }
        let avail_in = (input.len() - *pos).min(u32::MAX as usize);
        let room = room.min(u32::MAX as usize);
        let start = out.len();
        out.resize(start + room, 0);
        self.z.next_in = input[*pos..].as_ptr();
        self.z.avail_in = avail_in as u32;
        self.z.next_out = out[start..].as_mut_ptr();
        self.z.avail_out = room as u32;
        // SAFETY: the stream was initialised for this direction and not ended; `next_in`
        // and `next_out` point into live slices of the lengths given, used only during
        // this call.
        let err = unsafe {
            match self.dir {
                Dir::Deflate => z::deflate(&mut *self.z, flush),
                Dir::Inflate => z::inflate(&mut *self.z, flush),
            }
        };
        let left_out = self.z.avail_out as usize;
        *pos += avail_in - self.z.avail_in as usize;
        out.truncate(start + room - left_out);
        // No buffer is lent between calls; the pointers stay non-null (with nothing
        // available) because inflateCopy refuses a stream without an output pointer.
        self.z.next_in = std::ptr::NonNull::dangling().as_ptr();
        self.z.avail_in = 0;
        self.z.next_out = std::ptr::NonNull::dangling().as_ptr();
        self.z.avail_out = 0;
        (err, left_out == 0 && room > 0)
    }

    /// Ends the stream (deflateEnd / inflateEnd), returning zlib's code.
    fn end(&mut self) -> c_int {
        if !self.live {
            return z::Z_OK;
        }
        self.live = false;
        // SAFETY: the stream was initialised for this direction and is ended once.
        unsafe {
            match self.dir {
                Dir::Deflate => z::deflateEnd(&mut *self.z),
                Dir::Inflate => z::inflateEnd(&mut *self.z),
            }
        }
    }

    fn set_dictionary(&mut self, dict: &[u8]) -> c_int {
        if !self.live {
            return z::Z_STREAM_ERROR;
        }
        let Ok(len) = u32::try_from(dict.len()) else {
            return z::Z_STREAM_ERROR;
        };
        // SAFETY: the stream is initialised; `dict` is a live slice of `len` bytes.
        unsafe {
            match self.dir {
                Dir::Deflate => z::deflateSetDictionary(&mut *self.z, dict.as_ptr(), len),
                Dir::Inflate => z::inflateSetDictionary(&mut *self.z, dict.as_ptr(), len),
            }
        }
    }

    /// A copy of a live stream (deflateCopy / inflateCopy).
    fn copy(&mut self) -> (Stream, c_int) {
        let mut s = Stream::new(self.dir);
        if !self.live {
            return (s, z::Z_STREAM_ERROR);
        }
        self.z.next_in = std::ptr::NonNull::dangling().as_ptr();
        self.z.avail_in = 0;
        self.z.next_out = std::ptr::NonNull::dangling().as_ptr();
        self.z.avail_out = 0;
        // SAFETY: the source is an initialised stream; the destination is a fresh struct
        // that the copy fills in completely.
        let err = unsafe {
            match self.dir {
                Dir::Deflate => z::deflateCopy(&mut *s.z, &mut *self.z),
                Dir::Inflate => z::inflateCopy(&mut *s.z, &*self.z),
            }
        };
        s.live = err == z::Z_OK;
        (s, err)
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        self.end();
    }
}

/// The next output chunk: the first is `first`, then each doubles the output so far, up
/// to 1 MiB at a time.
fn chunk(out_len: usize, first: usize) -> usize {
    if out_len == 0 {
        first.max(1)
    } else {
        out_len.clamp(DEF_BUF_SIZE, 1 << 20)
    }
}

// ---- arguments ----

/// Binds a clinic signature whose first `posonly` parameters are positional-only (the
/// first `required` of them mandatory), with the clinic's messages.
fn clinic(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    params: &[&str],
    posonly: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let nkw = kwnames.len();
    let npos = args.len() - nkw;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if args.len() > params.len() {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} argument{} ({} given)",
            params.len(),
            plural(params.len()),
            args.len()
        )));
    }
    if npos < required {
        return Err(vm.type_error(format!(
            "{fname}() takes {} {required} positional argument{} ({npos} given)",
            if params.len() == required {
                "exactly"
            } else {
                "at least"
            },
            plural(required)
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; params.len()];
    for (i, a) in args[..npos].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let name = crate::str::as_str(k).unwrap_or("");
        match params.iter().position(|p| *p == name) {
            Some(i) if i >= posonly && i < npos => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
            Some(i) if i >= posonly => out[i] = Some(v.clone()),
            _ => {
                return Err(vm.type_error(format!(
                    "'{name}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    Ok(out)
}

fn no_args(vm: &Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    if args.len() > 1 || !kwnames.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no arguments")));
    }
    Ok(())
}

/// A C `int` argument, `default` when absent.
fn c_int_arg(vm: &Vm, v: Option<&Value>, default: i64) -> PyResult<c_int> {
    let Some(v) = v else {
        return Ok(default as c_int);
    };
    let i = vm.index_value(v)?;
    let n = crate::builtins::int::as_bigint(&i).unwrap_or_default();
    n.to_i32()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

/// A `Py_ssize_t` argument, `default` when absent.
fn ssize_arg(vm: &Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => vm.index_i64(v),
        None => Ok(default),
    }
}

/// A `Py_buffer` argument.
fn buffer_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    buffer_bytes(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// An `unsigned_int(bitwise=True)` argument: any int, reduced modulo 2**32.
fn bitwise_u32(vm: &Vm, v: &Value) -> PyResult<u32> {
    let i = vm.index_value(v)?;
    let n = crate::builtins::int::as_bigint(&i).unwrap_or_default();
    let m = num_integer::Integer::mod_floor(&n, &num_bigint::BigInt::from(1u64 << 32));
    Ok(m.to_u32().unwrap_or(0))
}

// ---- one-shot functions ----

fn compress(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = clinic(
        vm,
        "compress",
        args,
        kwnames,
        &["data", "level", "wbits"],
        1,
        1,
    )?;
    let data = buffer_arg(vm, p[0].as_ref().unwrap_or(&Value::None))?;
    let level = c_int_arg(vm, p[1].as_ref(), -1)?;
    let wbits = c_int_arg(vm, p[2].as_ref(), MAX_WBITS)?;
    let (mut s, err) =
        Stream::deflate_init(level, DEFLATED as c_int, wbits, DEF_MEM_LEVEL as c_int, 0);
    match err {
        z::Z_OK => {}
        z::Z_MEM_ERROR => return Err(memory_error(vm, "Out of memory while compressing data")),
        z::Z_STREAM_ERROR => return Err(error(vm, "Bad compression level")),
        _ => {
            let m = s.msg();
            s.end();
            return Err(zlib_error(vm, err, m, "while compressing data"));
        }
    }
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let room = chunk(out.len(), DEF_BUF_SIZE);
        let (err, full) = s.step(&data, &mut pos, &mut out, room, z::Z_FINISH);
        if err == z::Z_STREAM_ERROR {
            let m = s.msg();
            s.end();
            return Err(zlib_error(vm, err, m, "while compressing data"));
        }
        if !full {
            break;
        }
    }
    let err = s.end();
    if err != z::Z_OK {
        return Err(zlib_error(vm, err, s.msg(), "while finishing compression"));
    }
    Ok(new_bytes(vm, out))
}

fn decompress(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = clinic(
        vm,
        "decompress",
        args,
        kwnames,
        &["data", "wbits", "bufsize"],
        1,
        1,
    )?;
    let data = buffer_arg(vm, p[0].as_ref().unwrap_or(&Value::None))?;
    let wbits = c_int_arg(vm, p[1].as_ref(), MAX_WBITS)?;
    let bufsize = ssize_arg(vm, p[2].as_ref(), DEF_BUF_SIZE as i64)?;
    if bufsize < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    let bufsize = (bufsize.max(1) as usize).min(1 << 30);
    let (mut s, err) = Stream::inflate_init(wbits);
    match err {
        z::Z_OK => {}
        z::Z_MEM_ERROR => return Err(memory_error(vm, "Out of memory while decompressing data")),
        _ => {
            let m = s.msg();
            s.end();
            return Err(zlib_error(vm, err, m, "while preparing to decompress data"));
        }
    }
    let mut out = Vec::new();
    let mut pos = 0;
    let err = loop {
        let room = chunk(out.len(), bufsize);
        let (err, full) = s.step(&data, &mut pos, &mut out, room, z::Z_FINISH);
        match err {
            z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
            z::Z_MEM_ERROR => {
                s.end();
                return Err(memory_error(vm, "Out of memory while decompressing data"));
            }
            _ => {
                let m = s.msg();
                s.end();
                return Err(zlib_error(vm, err, m, "while decompressing data"));
            }
        }
        if !full {
            break err;
        }
    };
    if err != z::Z_STREAM_END {
        let m = s.msg();
        s.end();
        return Err(zlib_error(vm, err, m, "while decompressing data"));
    }
    let err = s.end();
    if err != z::Z_OK {
        return Err(zlib_error(
            vm,
            err,
            s.msg(),
            "while finishing decompression",
        ));
    }
    Ok(new_bytes(vm, out))
}

fn crc32(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "zlib.crc32", kwnames)?;
    check_positional(vm, "crc32", args.len(), 1, 2)?;
    let data = buffer_arg(vm, &args[0])?;
    let start = match args.get(1) {
        Some(v) => bitwise_u32(vm, v)?,
        None => 0,
    };
    Ok(Value::Int(i64::from(zlib_rs::crc32(start, &data))))
}

fn adler32(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "zlib.adler32", kwnames)?;
    check_positional(vm, "adler32", args.len(), 1, 2)?;
    let data = buffer_arg(vm, &args[0])?;
    let start = match args.get(1) {
        Some(v) => bitwise_u32(vm, v)?,
        None => 1,
    };
    Ok(Value::Int(i64::from(zlib_rs::adler32(start, &data))))
}

// ---- Compress ----

struct CompressObj {
    s: RefCell<Stream>,
}

impl NativeData for CompressObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn this_c<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a CompressObj> {
    crate::builtins::itertools::native(vm, v, "zlib.Compress")
}

fn compressobj(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = clinic(
        vm,
        "compressobj",
        args,
        kwnames,
        &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
        0,
        0,
    )?;
    let level = c_int_arg(vm, p[0].as_ref(), -1)?;
    let method = c_int_arg(vm, p[1].as_ref(), DEFLATED)?;
    let wbits = c_int_arg(vm, p[2].as_ref(), MAX_WBITS)?;
    let mem = c_int_arg(vm, p[3].as_ref(), DEF_MEM_LEVEL)?;
    let strategy = c_int_arg(vm, p[4].as_ref(), 0)?;
    let zdict = match p[5].as_ref() {
        Some(v) => Some(buffer_arg(vm, v)?),
        None => None,
    };
    let (mut s, err) = Stream::deflate_init(level, method, wbits, mem, strategy);
    match err {
        z::Z_OK => {}
        z::Z_MEM_ERROR => {
            return Err(memory_error(
                vm,
                "Can't allocate memory for compression object",
            ));
        }
        z::Z_STREAM_ERROR => return Err(vm.value_error("Invalid initialization option")),
        _ => {
            return Err(zlib_error(
                vm,
                err,
                s.msg(),
                "while creating compression object",
            ));
        }
    }
    if let Some(d) = zdict {
        match s.set_dictionary(&d) {
            z::Z_OK => {}
            z::Z_STREAM_ERROR => return Err(vm.value_error("Invalid dictionary")),
            err => return Err(vm.value_error(format!("deflateSetDictionary() failed ({err})"))),
        }
    }
    Ok(new_native(
        vm.types.other(COMPRESS),
        CompressObj { s: RefCell::new(s) },
    ))
}

/// Runs the stream over `data` with `flush` until the output room is no longer filled.
fn run(s: &mut Stream, data: &[u8], flush: c_int, first: usize) -> (Vec<u8>, c_int) {
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let room = chunk(out.len(), first);
        let (err, full) = s.step(data, &mut pos, &mut out, room, flush);
        if err == z::Z_STREAM_ERROR || !full {
            return (out, err);
        }
    }
}

fn c_compress(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let c = this_c(vm, &args[0])?;
    let p = clinic(vm, "compress", &args[1..], kwnames, &["data"], 1, 1)?;
    let data = buffer_arg(vm, p[0].as_ref().unwrap_or(&Value::None))?;
    let mut s = c.s.borrow_mut();
    let (out, err) = run(&mut s, &data, z::Z_NO_FLUSH, DEF_BUF_SIZE);
    if err == z::Z_STREAM_ERROR {
        return Err(zlib_error(vm, err, s.msg(), "while compressing data"));
    }
    drop(s);
    Ok(new_bytes(vm, out))
}

fn c_flush(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let c = this_c(vm, &args[0])?;
    let p = clinic(vm, "flush", &args[1..], kwnames, &["mode"], 1, 0)?;
    let mode = c_int_arg(vm, p[0].as_ref(), i64::from(z::Z_FINISH))?;
    if mode == z::Z_NO_FLUSH {
        return Ok(new_bytes(vm, Vec::new()));
    }
    let mut s = c.s.borrow_mut();
    let (out, err) = run(&mut s, &[], mode, DEF_BUF_SIZE);
    if err == z::Z_STREAM_ERROR {
        return Err(zlib_error(vm, err, s.msg(), "while flushing"));
    }
    if mode == z::Z_FINISH && err == z::Z_STREAM_END {
        let err = s.end();
        if err != z::Z_OK {
            return Err(zlib_error(vm, err, s.msg(), "while finishing compression"));
        }
    } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
        return Err(zlib_error(vm, err, s.msg(), "while flushing"));
    }
    drop(s);
    Ok(new_bytes(vm, out))
}

fn c_copy_impl(vm: &Vm, v: &Value) -> PyResult<Value> {
    let c = this_c(vm, v)?;
    let mut s = c.s.borrow_mut();
    if !s.live {
        return Err(vm.value_error("Inconsistent stream state"));
    }
    let (copy, err) = s.copy();
    drop(s);
    match err {
        z::Z_OK => Ok(new_native(
            vm.types.other(COMPRESS),
            CompressObj {
                s: RefCell::new(copy),
            },
        )),
        z::Z_STREAM_ERROR => Err(vm.value_error("Inconsistent stream state")),
        z::Z_MEM_ERROR => Err(memory_error(
            vm,
            "Can't allocate memory for compression object",
        )),
        _ => Err(zlib_error(
            vm,
            err,
            None,
            "while copying compression object",
        )),
    }
}

fn c_copy(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this_c(vm, &args[0])?;
    no_args(vm, "copy", args, kwnames)?;
    c_copy_impl(vm, &args[0])
}

fn c_copy_dunder(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this_c(vm, &args[0])?;
    no_args(vm, "__copy__", args, kwnames)?;
    c_copy_impl(vm, &args[0])
}

fn c_deepcopy(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this_c(vm, &args[0])?;
    clinic(vm, "__deepcopy__", &args[1..], kwnames, &["memo"], 1, 1)?;
    c_copy_impl(vm, &args[0])
}

// ---- Decompress ----

struct DecompressObj {
    s: RefCell<Stream>,
    unused_data: RefCell<Vec<u8>>,
    unconsumed_tail: RefCell<Vec<u8>>,
    eof: Cell<bool>,
    zdict: Option<Vec<u8>>,
}

impl NativeData for DecompressObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn this_d<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a DecompressObj> {
    crate::builtins::itertools::native(vm, v, "zlib.Decompress")
}

fn decompressobj(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = clinic(
        vm,
        "decompressobj",
        args,
        kwnames,
        &["wbits", "zdict"],
        0,
        0,
    )?;
    let wbits = c_int_arg(vm, p[0].as_ref(), MAX_WBITS)?;
    let zdict = match p[1].as_ref() {
        Some(v) => Some(
            buffer_bytes(v)
                .ok_or_else(|| vm.type_error("zdict argument must support the buffer protocol"))?,
        ),
        None => None,
    };
    let (mut s, err) = Stream::inflate_init(wbits);
    match err {
        z::Z_OK => {}
        z::Z_STREAM_ERROR => return Err(vm.value_error("Invalid initialization option")),
        z::Z_MEM_ERROR => {
            return Err(memory_error(
                vm,
                "Can't allocate memory for decompression object",
            ));
        }
        _ => {
            return Err(zlib_error(
                vm,
                err,
                s.msg(),
                "while creating decompression object",
            ));
        }
    }
    // A raw stream has no header to ask for the dictionary: it is set at once.
    if let Some(d) = &zdict
        && wbits < 0
    {
        let err = s.set_dictionary(d);
        if err != z::Z_OK {
            return Err(zlib_error(vm, err, s.msg(), "while setting zdict"));
        }
    }
    Ok(new_native(
        vm.types.other(DECOMPRESS),
        DecompressObj {
            s: RefCell::new(s),
            unused_data: RefCell::new(Vec::new()),
            unconsumed_tail: RefCell::new(Vec::new()),
            eof: Cell::new(false),
            zdict,
        },
    ))
}

/// Inflates `data` with `flush`, at most `limit` output bytes, setting the dictionary when
/// the stream asks for it. Returns the output, the last code and the input left over.
fn inflate_some(
    vm: &Vm,
    d: &DecompressObj,
    s: &mut Stream,
    data: &[u8],
    flush: c_int,
    limit: usize,
    first: usize,
) -> PyResult<(Vec<u8>, c_int, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    let err = loop {
        if out.len() >= limit {
            break z::Z_OK;
        }
        let room = chunk(out.len(), first).min(limit - out.len());
        let (err, full) = s.step(data, &mut pos, &mut out, room, flush);
        match err {
            z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
            z::Z_NEED_DICT if d.zdict.is_some() => {
                let dict = d.zdict.as_deref().unwrap_or(&[]);
                let e = s.set_dictionary(dict);
                if e != z::Z_OK {
                    return Err(zlib_error(vm, e, s.msg(), "while setting zdict"));
                }
                continue;
            }
            _ => break err,
        }
        if !full {
            break err;
        }
    };
    // When the limit stopped the loop, the code is that of the last call.
    Ok((out, err, data.len() - pos))
}

/// `save_unconsumed_input`: input left after the end of the stream goes to `unused_data`,
/// input left when the output limit was reached to `unconsumed_tail`.
fn save_unconsumed(d: &DecompressObj, data: &[u8], err: c_int, left: usize) {
    let mut left = left;
    if err == z::Z_STREAM_END && left > 0 {
        d.unused_data
            .borrow_mut()
            .extend_from_slice(&data[data.len() - left..]);
        left = 0;
    }
    let mut tail = d.unconsumed_tail.borrow_mut();
    if left > 0 || !tail.is_empty() {
        *tail = data[data.len() - left..].to_vec();
    }
}

fn d_decompress(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = this_d(vm, &args[0])?;
    let p = clinic(
        vm,
        "decompress",
        &args[1..],
        kwnames,
        &["data", "max_length"],
        1,
        1,
    )?;
    let data = buffer_arg(vm, p[0].as_ref().unwrap_or(&Value::None))?;
    let max_length = ssize_arg(vm, p[1].as_ref(), 0)?;
    if max_length < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let limit = if max_length == 0 {
        usize::MAX
    } else {
        max_length as usize
    };
    let mut s = d.s.borrow_mut();
    let (out, err, left) =
        inflate_some(vm, d, &mut s, &data, z::Z_SYNC_FLUSH, limit, DEF_BUF_SIZE)?;
    save_unconsumed(d, &data, err, left);
    if err == z::Z_STREAM_END {
        d.eof.set(true);
    } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
        return Err(zlib_error(vm, err, s.msg(), "while decompressing data"));
    }
    drop(s);
    Ok(new_bytes(vm, out))
}

fn d_flush(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = this_d(vm, &args[0])?;
    let p = clinic(vm, "flush", &args[1..], kwnames, &["length"], 1, 0)?;
    let length = ssize_arg(vm, p[0].as_ref(), DEF_BUF_SIZE as i64)?;
    if length <= 0 {
        return Err(vm.value_error("length must be greater than zero"));
    }
    let data = d.unconsumed_tail.borrow().clone();
    let mut s = d.s.borrow_mut();
    let first = (length as usize).min(1 << 30);
    let (out, err, left) = inflate_some(vm, d, &mut s, &data, z::Z_FINISH, usize::MAX, first)?;
    save_unconsumed(d, &data, err, left);
    if err == z::Z_STREAM_END {
        d.eof.set(true);
        let err = s.end();
        if err != z::Z_OK {
            return Err(zlib_error(
                vm,
                err,
                s.msg(),
                "while finishing decompression",
            ));
        }
    }
    drop(s);
    Ok(new_bytes(vm, out))
}

fn d_copy_impl(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = this_d(vm, v)?;
    let mut s = d.s.borrow_mut();
    if !s.live {
        return Err(vm.value_error("Inconsistent stream state"));
    }
    let (copy, err) = s.copy();
    drop(s);
    match err {
        z::Z_OK => Ok(new_native(
            vm.types.other(DECOMPRESS),
            DecompressObj {
                s: RefCell::new(copy),
                unused_data: RefCell::new(d.unused_data.borrow().clone()),
                unconsumed_tail: RefCell::new(d.unconsumed_tail.borrow().clone()),
                eof: Cell::new(d.eof.get()),
                zdict: d.zdict.clone(),
            },
        )),
        z::Z_STREAM_ERROR => Err(vm.value_error("Inconsistent stream state")),
        z::Z_MEM_ERROR => Err(memory_error(
            vm,
            "Can't allocate memory for decompression object",
        )),
        _ => Err(zlib_error(
            vm,
            err,
            None,
            "while copying decompression object",
        )),
    }
}

fn d_copy(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this_d(vm, &args[0])?;
    no_args(vm, "copy", args, kwnames)?;
    d_copy_impl(vm, &args[0])
}

fn d_copy_dunder(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this_d(vm, &args[0])?;
    no_args(vm, "__copy__", args, kwnames)?;
    d_copy_impl(vm, &args[0])
}

fn d_deepcopy(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    this_d(vm, &args[0])?;
    clinic(vm, "__deepcopy__", &args[1..], kwnames, &["memo"], 1, 1)?;
    d_copy_impl(vm, &args[0])
}

fn d_unused_data(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = this_d(vm, v)?;
    let b = d.unused_data.borrow().clone();
    Ok(new_bytes(vm, b))
}

fn d_unconsumed_tail(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = this_d(vm, v)?;
    let b = d.unconsumed_tail.borrow().clone();
    Ok(new_bytes(vm, b))
}

fn d_eof(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(this_d(vm, v)?.eof.get()))
}

fn readonly(vm: &Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

fn no_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args
        .first()
        .and_then(|c| vm.is_type(c))
        .map(|t| crate::types::type_data(&t).name.borrow().clone())
        .unwrap_or_default();
    Err(vm.type_error(format!("cannot create 'zlib.{name}' instances")))
}

fn init_compress(vm: &Vm, t: &PyRef) {
    vm.add_methods(
        t,
        &[
            ("compress", c_compress),
            ("flush", c_flush),
            ("copy", c_copy),
            ("__copy__", c_copy_dunder),
            ("__deepcopy__", c_deepcopy),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", no_new)], MethodKind::Static);
}

fn init_decompress(vm: &Vm, t: &PyRef) {
    vm.add_methods(
        t,
        &[
            ("decompress", d_decompress),
            ("flush", d_flush),
            ("copy", d_copy),
            ("__copy__", d_copy_dunder),
            ("__deepcopy__", d_deepcopy),
        ],
    );
    vm.add_getsets(
        t,
        &[
            ("unused_data", d_unused_data, Some(readonly)),
            ("unconsumed_tail", d_unconsumed_tail, Some(readonly)),
            ("eof", d_eof, Some(readonly)),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", no_new)], MethodKind::Static);
}

/// The library's version string.
fn library_version() -> String {
    // SAFETY: `zlibVersion` returns a pointer to a static NUL-terminated string.
    let s = unsafe { CStr::from_ptr(z::zlibVersion()) };
    s.to_string_lossy().into_owned()
}

/// Makes the `zlib` module.
pub fn module(vm: &Vm) -> Value {
    let m = vm.new_module("zlib");
    let d = vm.module_dict(&m);
    let set = |name: &str, v: Value| {
        let _ = vm.dict_set_str(&d, vm.intern(name), v);
    };
    let functions: [(&'static str, NativeFn); 6] = [
        ("adler32", adler32),
        ("compress", compress),
        ("compressobj", compressobj),
        ("crc32", crc32),
        ("decompress", decompress),
        ("decompressobj", decompressobj),
    ];
    for (n, f) in functions {
        set(n, vm.new_builtin_function(n, f));
    }
    native_type(vm, COMPRESS, None, Layout::Native, 0, init_compress);
    native_type(vm, DECOMPRESS, None, Layout::Native, 0, init_decompress);
    set("error", Value::Obj(error_type(vm)));
    let ints: [(&str, i64); 20] = [
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", DEFLATED),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE as i64),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ];
    for (n, v) in ints {
        set(n, Value::Int(v));
    }
    let version = library_version();
    set("ZLIB_VERSION", vm.new_str(&version));
    set("ZLIB_RUNTIME_VERSION", vm.new_str(&version));
    set("__version__", vm.new_str("1.0"));
    set(
        "__doc__",
        vm.new_str(
            "The functions in this module allow compression and decompression using the\n\
             zlib library, which is based on GNU zip.",
        ),
    );
    Value::Obj(m)
}
