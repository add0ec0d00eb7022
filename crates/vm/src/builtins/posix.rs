//! The `posix` module: files, directories, file descriptors, processes and the environment,
//! the operating-system layer that `Lib/os.py` re-exports (`from posix import *`), with
//! `os.stat_result`, `os.DirEntry` and the other result types.
//! Counterpart: Modules/posixmodule.c (3.11).

use std::cell::{Cell, RefCell};
use std::ffi::{CStr, CString};
use std::os::unix::ffi::OsStringExt;

use num_bigint::BigInt;

use crate::builtins::function::{MethodKind, NativeFn, Parsed, check_count, parse_args};
use crate::builtins::sys::structseq_type;
use crate::object::{NativeData, Payload, PyObject};
use crate::types::type_data;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

// ---------------------------------------------------------------------------------------
// errors and small conversions

/// The calling thread's `errno`.
fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Sets `errno` to 0 (to tell the end of a directory from a `readdir` failure).
fn clear_errno() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // SAFETY: `__errno_location` gives the calling thread's errno slot, always writable.
    unsafe {
        *libc::__errno_location() = 0
    };
    #[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
    // SAFETY: `__error` gives the calling thread's errno slot, always writable.
    unsafe {
        *libc::__error() = 0
    };
}

/// The C library's message for an error number (`strerror`).
fn strerror_text(code: i32) -> String {
    // SAFETY: `strerror` returns a NUL-terminated string that stays valid until the next call
    // on this thread; it is copied before anything else runs.
    unsafe {
        let p = libc::strerror(code);
        if p.is_null() {
            format!("Unknown error {code}")
        } else {
            CStr::from_ptr(p).to_string_lossy().into_owned()
        }
    }
}

/// `OSError(errno, strerror[, filename[, None, filename2]])`: the constructor picks the
/// subclass (`FileNotFoundError`, …) from the error number, as CPython's does.
fn os_error(vm: &Vm, code: i32, f1: Option<&Value>, f2: Option<&Value>) -> PyErr {
    let mut args = vec![Value::Int(code as i64), vm.new_string(strerror_text(code))];
    if let Some(f) = f1 {
        args.push(f.clone());
        if let Some(f2) = f2 {
            args.push(Value::None);
            args.push(f2.clone());
        }
    }
    let cls = Value::Obj(vm.types.exceptions.os_error.clone());
    match vm.call(&cls, &args) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.system_error("OSError() did not return an exception"),
        Err(e) => e,
    }
}

/// An OSError from `errno`, naming `filename` if given.
fn last_error(vm: &Vm, filename: Option<&Value>) -> PyErr {
    os_error(vm, errno(), filename, None)
}

fn int_u64(v: u64) -> Value {
    match i64::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::from_bigint(BigInt::from(v)),
    }
}

fn int_i128(v: i128) -> Value {
    match i64::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::from_bigint(BigInt::from(v)),
    }
}

/// An `int` argument as a C int (Argument Clinic's `int` converter).
fn c_int(vm: &Vm, v: &Value) -> PyResult<i32> {
    match vm.index_value(v)? {
        Value::Int(i) => i32::try_from(i)
            .map_err(|_| vm.overflow_error("Python int too large to convert to C int")),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// A file descriptor given where a path may be (`_fd_converter`).
fn fd_index(vm: &Vm, v: &Value) -> PyResult<i32> {
    let i = vm.index_clamped(v)?;
    if i > i32::MAX as i64 {
        return Err(vm.overflow_error("fd is greater than maximum"));
    }
    if i < i32::MIN as i64 {
        return Err(vm.overflow_error("fd is less than minimum"));
    }
    Ok(i as i32)
}

/// An int or an object with `fileno()` (`PyObject_AsFileDescriptor`).
fn fildes(vm: &Vm, v: &Value) -> PyResult<i32> {
    let fd = if vm.lookup_special(v, "__index__").is_some() {
        c_int(vm, v)?
    } else if let Some(m) = vm.getattr_opt(v, "fileno")? {
        let r = vm.call(&m, &[])?;
        if vm.lookup_special(&r, "__index__").is_none() || matches!(r, Value::Float(_)) {
            return Err(vm.type_error("fileno() returned a non-integer"));
        }
        c_int(vm, &r)?
    } else {
        return Err(vm.type_error("argument must be an int, or have a fileno() method."));
    };
    if fd < 0 {
        return Err(vm.value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

/// The `dir_fd` keyword: None is the current directory.
fn dir_fd_arg(vm: &Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        None | Some(Value::None) => Ok(libc::AT_FDCWD),
        Some(v) if vm.lookup_special(v, "__index__").is_some() => fd_index(vm, v),
        Some(v) => Err(vm.type_error(format!(
            "argument should be integer or None, not {}",
            vm.type_name(v)
        ))),
    }
}

/// A bool keyword (`follow_symlinks=`): any object's truth value.
fn flag_arg(vm: &Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(default),
    }
}

/// Arguments of a function with keyword parameters (Argument Clinic's
/// `_PyArg_UnpackKeywords`): `params[..kwonly]` may be given by position, the first
/// `required` must be given.
fn kw_args(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    params: &[&str],
    kwonly: usize,
    required: usize,
) -> PyResult<Parsed> {
    let npos = args.len() - kwnames.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if args.len() > params.len() {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} {}argument{} ({} given)",
            params.len(),
            if npos == 0 { "keyword " } else { "" },
            plural(params.len()),
            args.len()
        )));
    }
    if npos > kwonly {
        return Err(vm.type_error(if kwonly == 0 {
            format!("{fname}() takes no positional arguments")
        } else {
            format!(
                "{fname}() takes {} {kwonly} positional argument{} ({npos} given)",
                if required < kwonly {
                    "at most"
                } else {
                    "exactly"
                },
                plural(kwonly)
            )
        }));
    }
    let p = parse_args(vm, fname, args, kwnames, params, 0, kwonly, 0)?;
    for (i, name) in params.iter().enumerate().take(required) {
        if p.get(i).is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(p)
}

/// Checks that a method without parameters got no arguments.
fn no_args(vm: &Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    if args.is_empty() && kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{fname}() takes no arguments")))
    }
}

// ---------------------------------------------------------------------------------------
// paths

/// A path argument after conversion (`path_t`).
struct PathArg {
    /// The argument as given (the `filename` of errors).
    object: Value,
    /// The path's bytes (checked free of NUL), when it is not a descriptor.
    bytes: Vec<u8>,
    /// A file descriptor given instead of a path.
    fd: Option<i32>,
    /// The path was bytes: names derived from it are bytes too.
    is_bytes: bool,
}

impl PathArg {
    fn cstr(&self) -> CString {
        CString::new(self.bytes.clone()).unwrap_or_default()
    }
}

/// What a path parameter accepts, for conversion and messages.
#[derive(Clone, Copy)]
struct PathSpec {
    fname: &'static str,
    arg: &'static str,
    allow_fd: bool,
    nullable: bool,
}

const fn spec(fname: &'static str, arg: &'static str, allow_fd: bool) -> PathSpec {
    PathSpec {
        fname,
        arg,
        allow_fd,
        nullable: false,
    }
}

/// `os.fspath()`: a str or bytes, through `__fspath__` for other objects; `None` when the
/// object is not path-like at all.
fn fspath_opt(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    if crate::str::as_str(v).is_some() || matches!(v.payload(), Some(Payload::Bytes(_))) {
        return Ok(Some(v.clone()));
    }
    let Some(r) = vm.call_special(v, "__fspath__", &[])? else {
        return Ok(None);
    };
    if crate::str::as_str(&r).is_some() || matches!(r.payload(), Some(Payload::Bytes(_))) {
        return Ok(Some(r));
    }
    Err(vm.type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        vm.type_name(v),
        vm.type_name(&r)
    )))
}

fn fspath(vm: &Vm, v: &Value) -> PyResult<Value> {
    fspath_opt(vm, v)?.ok_or_else(|| {
        vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(v)
        ))
    })
}

/// `PyUnicode_FSConverter`: the bytes of a str, bytes or path-like argument.
fn fs_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    let p = fspath(vm, v)?;
    let b = match crate::str::as_str(&p) {
        Some(s) => s.as_bytes().to_vec(),
        None => crate::builtins::bytes::bytes_of(&p).unwrap_or_default(),
    };
    if b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(b)
}

/// Converts a path argument (`path_converter`).
fn path_arg(vm: &Vm, sp: PathSpec, v: Option<&Value>) -> PyResult<PathArg> {
    let v = match v {
        None | Some(Value::None) if sp.nullable => {
            return Ok(PathArg {
                object: Value::None,
                bytes: b".".to_vec(),
                fd: None,
                is_bytes: false,
            });
        }
        None => &Value::None,
        Some(v) => v,
    };
    let is_text = crate::str::as_str(v).is_some();
    let is_bytes = matches!(v.payload(), Some(Payload::Bytes(_)));
    let buffer = if !is_text && !is_bytes {
        crate::builtins::bytes::buffer_bytes(v)
    } else {
        None
    };
    let is_index =
        sp.allow_fd && !is_text && !is_bytes && vm.lookup_special(v, "__index__").is_some();
    if is_index {
        return Ok(PathArg {
            object: v.clone(),
            bytes: Vec::new(),
            fd: Some(fd_index(vm, v)?),
            is_bytes: false,
        });
    }
    let mut object = v.clone();
    let (bytes, as_bytes) = if let Some(b) = buffer {
        (b, true)
    } else {
        let p = if is_text || is_bytes {
            v.clone()
        } else {
            match fspath_opt(vm, v)? {
                Some(p) => p,
                None => {
                    let allowed = match (sp.allow_fd, sp.nullable) {
                        (false, false) => "string, bytes or os.PathLike",
                        (true, false) => "string, bytes, os.PathLike or integer",
                        (false, true) => "string, bytes, os.PathLike or None",
                        (true, true) => "string, bytes, os.PathLike, integer or None",
                    };
                    return Err(vm.type_error(format!(
                        "{}: {} should be {allowed}, not {}",
                        sp.fname,
                        sp.arg,
                        vm.type_name(v)
                    )));
                }
            }
        };
        object = p.clone();
        match crate::str::as_str(&p) {
            Some(s) => {
                if s.contains('\0') {
                    return Err(vm.value_error("embedded null byte"));
                }
                (s.as_bytes().to_vec(), false)
            }
            None => (
                crate::builtins::bytes::bytes_of(&p).unwrap_or_default(),
                true,
            ),
        }
    };
    if as_bytes && bytes.contains(&0) {
        return Err(vm.value_error(format!(
            "{}: embedded null character in {}",
            sp.fname, sp.arg
        )));
    }
    Ok(PathArg {
        object,
        bytes,
        fd: None,
        is_bytes: as_bytes,
    })
}

/// A `dir_fd` only goes with a path, not with a descriptor.
fn dir_fd_with_fd(vm: &Vm, fname: &str, path: &PathArg, dir_fd: i32) -> PyResult<()> {
    if path.fd.is_some() && dir_fd != libc::AT_FDCWD {
        return Err(vm.value_error(format!(
            "{fname}: can't specify dir_fd without matching path"
        )));
    }
    Ok(())
}

/// A file name as the caller's kind of path: bytes, or str (decoded as UTF-8).
fn name_value(vm: &Vm, b: &[u8], as_bytes: bool) -> Value {
    if as_bytes {
        crate::builtins::bytes::new_bytes(vm, b.to_vec())
    } else {
        vm.new_string(String::from_utf8_lossy(b).into_owned())
    }
}

// ---------------------------------------------------------------------------------------
// struct sequences with hidden fields

/// The fields of `os.stat_result` past its ten tuple items.
const STAT_HIDDEN: [&str; 9] = [
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

/// Attribute-only fields of a struct sequence type (by the type's name).
fn hidden_fields(name: &str) -> &'static [&'static str] {
    match name {
        "stat_result" => &STAT_HIDDEN,
        "statvfs_result" => &["f_fsid"],
        _ => &[],
    }
}

/// An instance of a struct sequence: `visible` are the tuple items, `hidden` the
/// attribute-only fields (kept in the instance dict).
fn seq_instance(vm: &Vm, t: &PyRef, visible: Vec<Value>, hidden: Vec<(&str, Value)>) -> Value {
    let payload = Payload::Tuple(visible.into_boxed_slice());
    if hidden.is_empty() {
        return Value::Obj(PyObject::new(t.clone(), payload));
    }
    let d = crate::builtins::dict::new_dict();
    if let Payload::Dict(dd) = &d.payload {
        let mut dd = dd.borrow_mut();
        for (n, v) in hidden {
            let _ = dd.set_str(vm.intern(n), v);
        }
    }
    Value::Obj(PyObject::with_dict(t.clone(), payload, d))
}

fn type_int_attr(t: &PyRef, name: &str) -> usize {
    match type_data(t).lookup(name) {
        Some(Value::Int(i)) => i.max(0) as usize,
        _ => 0,
    }
}

/// `structseq.__new__(cls, sequence, dict=None)`.
fn structseq_py_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("structseq.__new__(X): X is not a type object"));
    };
    let td = type_data(&cls);
    let name = td.name.borrow().clone();
    if td.lookup("n_sequence_fields").is_none()
        || !crate::types::is_subtype(&cls, &vm.types.tuple)
        || td.layout != crate::types::Layout::Tuple
    {
        return Err(vm.type_error(format!(
            "structseq.__new__({name}): {name} is not a struct sequence type"
        )));
    }
    let module = td
        .lookup("__module__")
        .and_then(|m| crate::str::as_str(&m).map(|s| s.to_string()))
        .unwrap_or_default();
    let full = format!("{module}.{name}");
    let p = parse_args(
        vm,
        &name,
        &args[1..],
        kwnames,
        &["sequence", "dict"],
        0,
        2,
        1,
    )?;
    let seq = p.get(0).cloned().unwrap_or(Value::None);
    let items = if matches!(seq.payload(), Some(Payload::Tuple(_) | Payload::List(_)))
        || vm.lookup_special(&seq, "__iter__").is_some()
    {
        vm.iterate(&seq)?
    } else {
        return Err(vm.type_error("constructor requires a sequence"));
    };
    let dict = match p.get(1) {
        None | Some(Value::None) => None,
        Some(d) if matches!(d.payload(), Some(Payload::Dict(_))) => Some(d.clone()),
        Some(_) => {
            return Err(vm.type_error(format!("{full}() takes a dict as second arg, if any")));
        }
    };
    let n_seq = type_int_attr(&cls, "n_sequence_fields");
    let n_fields = type_int_attr(&cls, "n_fields").max(n_seq);
    let len = items.len();
    if len < n_seq {
        return Err(vm.type_error(if n_seq == n_fields {
            format!("{full}() takes a {n_seq}-sequence ({len}-sequence given)")
        } else {
            format!("{full}() takes an at least {n_seq}-sequence ({len}-sequence given)")
        }));
    }
    if len > n_fields {
        return Err(vm.type_error(if n_seq == n_fields {
            format!("{full}() takes a {n_seq}-sequence ({len}-sequence given)")
        } else {
            format!("{full}() takes an at most {n_fields}-sequence ({len}-sequence given)")
        }));
    }
    let visible = items[..n_seq].to_vec();
    let mut hidden = Vec::new();
    for (i, h) in hidden_fields(&name).iter().enumerate() {
        let v = match items.get(n_seq + i) {
            Some(v) => v.clone(),
            None => match &dict {
                Some(d) => match vm.getitem(d, &vm.new_str(h)) {
                    Ok(v) => v,
                    Err(e) if vm.exc_matches(&e, &vm.types.exceptions.key_error) => Value::None,
                    Err(e) => return Err(e),
                },
                None => Value::None,
            },
        };
        hidden.push((*h, v));
    }
    // stat_result: float times missing from the sequence come from the int ones.
    if name == "stat_result" {
        for (i, (_, v)) in hidden.iter_mut().take(3).enumerate() {
            if v.is_none() {
                *v = visible[7 + i].clone();
            }
        }
    }
    Ok(seq_instance(vm, &cls, visible, hidden))
}

/// `structseq.__reduce__()`: `(cls, (items, hidden_fields_dict))`.
fn structseq_reduce(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let items = match this.payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => return Err(vm.type_error("descriptor '__reduce__' requires a struct sequence")),
    };
    let cls = vm.class_of(this).clone();
    let name = type_data(&cls).name.borrow().clone();
    let d = Value::Obj(crate::builtins::dict::new_dict());
    for h in hidden_fields(&name) {
        let v = vm.getattr_str(this, h)?;
        vm.setitem(&d, vm.new_str(h), v)?;
    }
    Ok(vm.new_tuple(vec![
        Value::Obj(cls),
        vm.new_tuple(vec![vm.new_tuple(items), d]),
    ]))
}

/// `__new__` of types whose instances only native code makes.
fn no_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args
        .first()
        .and_then(|c| vm.is_type(c))
        .map(|t| type_data(&t).name.borrow().clone())
        .unwrap_or_default();
    Err(vm.type_error(format!("cannot create 'posix.{name}' instances")))
}

/// A struct sequence type with a `__new__`; `visible` name the tuple items.
fn make_seq_type(
    vm: &Vm,
    module: &str,
    name: &'static str,
    visible: &[&str],
    n_unnamed: usize,
) -> PyRef {
    let t = structseq_type(vm, module, name, visible);
    vm.add_methods_kind(&t, &[("__new__", structseq_py_new)], MethodKind::Static);
    vm.add_methods(&t, &[("__reduce__", structseq_reduce)]);
    let hidden = hidden_fields(name).len();
    vm.add_attr(&t, "n_fields", Value::from(visible.len() + hidden));
    vm.add_attr(&t, "n_unnamed_fields", Value::from(n_unnamed));
    t
}

fn other_type(vm: &Vm, name: &'static str) -> PyRef {
    vm.types.other(name)
}

// ---------------------------------------------------------------------------------------
// stat

#[allow(
    clippy::unnecessary_cast,
    reason = "the widths of the stat fields differ between platforms"
)]
fn stat_value(vm: &Vm, st: &libc::stat) -> Value {
    let t = other_type(vm, "os.stat_result");
    let times = [
        (st.st_atime as i64, st.st_atime_nsec as i64),
        (st.st_mtime as i64, st.st_mtime_nsec as i64),
        (st.st_ctime as i64, st.st_ctime_nsec as i64),
    ];
    let mut visible = vec![
        Value::Int(st.st_mode as i64),
        int_u64(st.st_ino as u64),
        int_u64(st.st_dev as u64),
        int_u64(st.st_nlink as u64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size as i64),
    ];
    visible.extend(times.iter().map(|(s, _)| Value::Int(*s)));
    let mut hidden: Vec<(&str, Value)> = Vec::new();
    for (i, (s, ns)) in times.iter().enumerate() {
        hidden.push((STAT_HIDDEN[i], Value::float(*s as f64 + *ns as f64 * 1e-9)));
    }
    for (i, (s, ns)) in times.iter().enumerate() {
        hidden.push((
            STAT_HIDDEN[3 + i],
            int_i128(*s as i128 * 1_000_000_000 + *ns as i128),
        ));
    }
    hidden.push(("st_blksize", Value::Int(st.st_blksize as i64)));
    hidden.push(("st_blocks", Value::Int(st.st_blocks as i64)));
    hidden.push(("st_rdev", int_u64(st.st_rdev as u64)));
    seq_instance(vm, &t, visible, hidden)
}

/// `fstatat`/`fstat` into a C struct; the error number on failure.
fn raw_stat(fd: Option<i32>, dir_fd: i32, path: &CStr, follow: bool) -> Result<libc::stat, i32> {
    // SAFETY: an all-zero `stat` is a valid value of the plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = match fd {
        // SAFETY: `st` is a valid, writable stat buffer.
        Some(fd) => unsafe { libc::fstat(fd, &mut st) },
        None => {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: `path` is NUL-terminated and `st` is a valid, writable stat buffer.
            unsafe { libc::fstatat(dir_fd, path.as_ptr(), &mut st, flags) }
        }
    };
    if r == 0 { Ok(st) } else { Err(errno()) }
}

fn do_stat(vm: &Vm, path: &PathArg, dir_fd: i32, follow: bool) -> PyResult<Value> {
    let c = path.cstr();
    match raw_stat(path.fd, dir_fd, &c, follow) {
        Ok(st) => Ok(stat_value(vm, &st)),
        Err(code) => Err(os_error(vm, code, Some(&path.object), None)),
    }
}

fn p_stat(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(
        vm,
        "stat",
        args,
        kw,
        &["path", "dir_fd", "follow_symlinks"],
        1,
        1,
    )?;
    let path = path_arg(vm, spec("stat", "path", true), p.get(0))?;
    let dir_fd = dir_fd_arg(vm, p.get(1))?;
    let follow = flag_arg(vm, p.get(2), true)?;
    dir_fd_with_fd(vm, "stat", &path, dir_fd)?;
    do_stat(vm, &path, dir_fd, follow)
}

fn p_lstat(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "lstat", args, kw, &["path", "dir_fd"], 1, 1)?;
    let path = path_arg(vm, spec("lstat", "path", false), p.get(0))?;
    let dir_fd = dir_fd_arg(vm, p.get(1))?;
    do_stat(vm, &path, dir_fd, false)
}

fn p_fstat(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "fstat", args, kw, &["fd"], 1, 1)?;
    let fd = c_int(vm, p.get(0).unwrap_or(&Value::None))?;
    match raw_stat(Some(fd), 0, c"", true) {
        Ok(st) => Ok(stat_value(vm, &st)),
        Err(code) => Err(os_error(vm, code, None, None)),
    }
}

#[allow(
    clippy::unnecessary_cast,
    reason = "the widths of the statvfs fields differ between platforms"
)]
fn statvfs_value(vm: &Vm, st: &libc::statvfs) -> Value {
    let t = other_type(vm, "os.statvfs_result");
    let visible = vec![
        int_u64(st.f_bsize as u64),
        int_u64(st.f_frsize as u64),
        int_u64(st.f_blocks as u64),
        int_u64(st.f_bfree as u64),
        int_u64(st.f_bavail as u64),
        int_u64(st.f_files as u64),
        int_u64(st.f_ffree as u64),
        int_u64(st.f_favail as u64),
        int_u64(st.f_flag as u64),
        int_u64(st.f_namemax as u64),
    ];
    seq_instance(vm, &t, visible, vec![("f_fsid", int_u64(st.f_fsid as u64))])
}

fn raw_statvfs(fd: Option<i32>, path: &CStr) -> Result<libc::statvfs, i32> {
    // SAFETY: an all-zero `statvfs` is a valid value of the plain C struct.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    let r = match fd {
        // SAFETY: `st` is a valid, writable buffer.
        Some(fd) => unsafe { libc::fstatvfs(fd, &mut st) },
        // SAFETY: `path` is NUL-terminated and `st` is a valid, writable buffer.
        None => unsafe { libc::statvfs(path.as_ptr(), &mut st) },
    };
    if r == 0 { Ok(st) } else { Err(errno()) }
}

fn p_statvfs(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "statvfs", args, kw, &["path"], 1, 1)?;
    let path = path_arg(vm, spec("statvfs", "path", true), p.get(0))?;
    match raw_statvfs(path.fd, &path.cstr()) {
        Ok(st) => Ok(statvfs_value(vm, &st)),
        Err(code) => Err(os_error(vm, code, Some(&path.object), None)),
    }
}

fn p_fstatvfs(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.fstatvfs", args, kw, 1, 1)?;
    let fd = c_int(vm, &args[0])?;
    match raw_statvfs(Some(fd), c"") {
        Ok(st) => Ok(statvfs_value(vm, &st)),
        Err(code) => Err(os_error(vm, code, None, None)),
    }
}

// ---------------------------------------------------------------------------------------
// directories

/// An open directory stream (`DIR *`), closed when dropped.
struct Dir {
    dir: Cell<*mut libc::DIR>,
    /// Opened from a descriptor: rewound before closing, so the caller's descriptor can be
    /// read again.
    from_fd: bool,
}

impl Dir {
    fn open(path: &PathArg) -> Result<Dir, i32> {
        let d = match path.fd {
            Some(fd) => {
                // SAFETY: plain descriptor calls; the duplicate is owned by the stream.
                unsafe {
                    let fd2 = libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0);
                    if fd2 < 0 {
                        return Err(errno());
                    }
                    let d = libc::fdopendir(fd2);
                    if d.is_null() {
                        let e = errno();
                        libc::close(fd2);
                        return Err(e);
                    }
                    d
                }
            }
            None => {
                let c = path.cstr();
                // SAFETY: `c` is NUL-terminated.
                let d = unsafe { libc::opendir(c.as_ptr()) };
                if d.is_null() {
                    return Err(errno());
                }
                d
            }
        };
        Ok(Dir {
            dir: Cell::new(d),
            from_fd: path.fd.is_some(),
        })
    }

    /// The next entry other than `.` and `..`: (name, d_type, inode).
    #[allow(
        clippy::unnecessary_cast,
        reason = "the width of d_ino differs between platforms"
    )]
    fn next(&self) -> Result<Option<(Vec<u8>, u8, u64)>, i32> {
        let d = self.dir.get();
        if d.is_null() {
            return Ok(None);
        }
        loop {
            clear_errno();
            // SAFETY: `d` is an open stream owned by this `Dir`.
            let e = unsafe { libc::readdir(d) };
            if e.is_null() {
                let code = errno();
                return if code != 0 { Err(code) } else { Ok(None) };
            }
            // SAFETY: a non-null `readdir` result points to a valid entry until the next call
            // on this stream; its name is NUL-terminated. Everything is copied out here.
            let (name, d_type, ino) = unsafe {
                let ent = &*e;
                (
                    CStr::from_ptr(ent.d_name.as_ptr()).to_bytes().to_vec(),
                    ent.d_type,
                    ent.d_ino as u64,
                )
            };
            if name == b"." || name == b".." {
                continue;
            }
            return Ok(Some((name, d_type, ino)));
        }
    }

    fn close(&self) {
        let d = self.dir.replace(std::ptr::null_mut());
        if !d.is_null() {
            // SAFETY: `d` was open and is closed exactly once (the cell is now null).
            unsafe {
                if self.from_fd {
                    libc::rewinddir(d);
                }
                libc::closedir(d);
            }
        }
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        self.close();
    }
}

fn p_listdir(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "listdir", args, kw, &["path"], 1, 0)?;
    let sp = PathSpec {
        nullable: true,
        ..spec("listdir", "path", true)
    };
    let path = path_arg(vm, sp, p.get(0))?;
    let err = |code| {
        let f = if path.object.is_none() {
            vm.new_str(".")
        } else {
            path.object.clone()
        };
        os_error(vm, code, Some(&f), None)
    };
    let dir = Dir::open(&path).map_err(err)?;
    let mut out = Vec::new();
    while let Some((name, _, _)) = dir.next().map_err(err)? {
        out.push(name_value(vm, &name, path.is_bytes));
    }
    Ok(vm.new_list(out))
}

/// `os.DirEntry`.
pub struct DirEntry {
    name: Value,
    path: Value,
    /// What to stat: the full path, or the name relative to `dir_fd`.
    stat_path: CString,
    dir_fd: i32,
    d_type: u8,
    ino: u64,
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
}

impl NativeData for DirEntry {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `os.scandir()`'s iterator.
pub struct ScandirIter {
    dir: Dir,
    /// The directory path given (entries' paths are joined to it).
    prefix: Vec<u8>,
    is_bytes: bool,
    fd: Option<i32>,
    object: Value,
}

impl NativeData for ScandirIter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn p_scandir(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "scandir", args, kw, &["path"], 1, 0)?;
    let sp = PathSpec {
        nullable: true,
        ..spec("scandir", "path", true)
    };
    let path = path_arg(vm, sp, p.get(0))?;
    let dir = Dir::open(&path).map_err(|code| {
        let f = if path.object.is_none() {
            vm.new_str(".")
        } else {
            path.object.clone()
        };
        os_error(vm, code, Some(&f), None)
    })?;
    Ok(Value::Obj(PyObject::new(
        other_type(vm, "posix.ScandirIterator"),
        Payload::Native(Box::new(ScandirIter {
            dir,
            prefix: path.bytes,
            is_bytes: path.is_bytes,
            fd: path.fd,
            object: path.object,
        })),
    )))
}

fn scandir_iter<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a ScandirIter> {
    v.as_obj()
        .and_then(|o| o.downcast_native::<ScandirIter>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'posix.ScandirIterator' object"))
}

fn scandir_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = scandir_iter(vm, &args[0])?;
    let next = it.dir.next().map_err(|code| {
        let f = if it.object.is_none() {
            vm.new_str(".")
        } else {
            it.object.clone()
        };
        os_error(vm, code, Some(&f), None)
    })?;
    let Some((name, d_type, ino)) = next else {
        it.dir.close();
        return Err(vm.stop_iteration(Value::None));
    };
    let (path, stat_path, dir_fd) = match it.fd {
        Some(fd) => (name.clone(), name.clone(), fd),
        None => {
            let mut full = it.prefix.clone();
            if !full.is_empty() && !full.ends_with(b"/") {
                full.push(b'/');
            }
            full.extend_from_slice(&name);
            (full.clone(), full, libc::AT_FDCWD)
        }
    };
    Ok(Value::Obj(PyObject::new(
        other_type(vm, "posix.DirEntry"),
        Payload::Native(Box::new(DirEntry {
            name: name_value(vm, &name, it.is_bytes),
            path: name_value(vm, &path, it.is_bytes),
            stat_path: CString::new(stat_path).unwrap_or_default(),
            dir_fd,
            d_type,
            ino,
            stat: RefCell::new(None),
            lstat: RefCell::new(None),
        })),
    )))
}

fn scandir_self(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    scandir_iter(vm, &args[0])?;
    Ok(args[0].clone())
}

fn scandir_close(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    scandir_iter(vm, &args[0])?.dir.close();
    Ok(Value::None)
}

fn scandir_exit(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    scandir_iter(vm, &args[0])?.dir.close();
    Ok(Value::FALSE)
}

fn entry<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a DirEntry> {
    v.as_obj()
        .and_then(|o| o.downcast_native::<DirEntry>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'posix.DirEntry' object"))
}

fn entry_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(entry(vm, v)?.name.clone())
}

fn entry_path(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(entry(vm, v)?.path.clone())
}

/// The entry's stat (following symlinks) or lstat, fetched once.
fn entry_stat(vm: &Vm, e: &DirEntry, follow: bool) -> PyResult<Value> {
    let follow = follow && entry_is_symlink(vm, e)?;
    let cache = if follow { &e.stat } else { &e.lstat };
    if let Some(v) = cache.borrow().clone() {
        return Ok(v);
    }
    let st = raw_stat(None, e.dir_fd, &e.stat_path, follow)
        .map_err(|code| os_error(vm, code, Some(&e.path), None))?;
    let v = stat_value(vm, &st);
    let old = cache.replace(Some(v.clone()));
    drop(old);
    Ok(v)
}

fn entry_is_symlink(vm: &Vm, e: &DirEntry) -> PyResult<bool> {
    if e.d_type != libc::DT_UNKNOWN {
        return Ok(e.d_type == libc::DT_LNK);
    }
    let st = entry_stat(vm, e, false)?;
    Ok(stat_mode(&st) & libc::S_IFMT as i64 == libc::S_IFLNK as i64)
}

fn stat_mode(st: &Value) -> i64 {
    match st.payload() {
        Some(Payload::Tuple(t)) => match t.first() {
            Some(Value::Int(m)) => *m,
            _ => 0,
        },
        _ => 0,
    }
}

/// `is_dir()`/`is_file()`: from the directory entry's type when it can tell, else by stat
/// (a missing file is neither).
fn entry_test_mode(
    vm: &Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    dir: bool,
) -> PyResult<Value> {
    let e = entry(vm, &args[0])?;
    let p = kw_args(vm, name, &args[1..], kw, &["follow_symlinks"], 0, 0)?;
    let follow = flag_arg(vm, p.get(0), true)?;
    let need_stat = e.d_type == libc::DT_UNKNOWN || (follow && e.d_type == libc::DT_LNK);
    if !need_stat {
        return Ok(Value::bool(if dir {
            e.d_type == libc::DT_DIR
        } else {
            e.d_type == libc::DT_REG
        }));
    }
    match entry_stat(vm, e, follow) {
        Ok(st) => {
            let want = if dir { libc::S_IFDIR } else { libc::S_IFREG };
            Ok(Value::bool(
                stat_mode(&st) & libc::S_IFMT as i64 == want as i64,
            ))
        }
        Err(err) if vm.exc_matches(&err, &vm.types.exceptions.file_not_found_error) => {
            Ok(Value::FALSE)
        }
        Err(err) => Err(err),
    }
}

fn entry_is_dir(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    entry_test_mode(vm, args, kw, "is_dir", true)
}

fn entry_is_file(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    entry_test_mode(vm, args, kw, "is_file", false)
}

fn entry_is_symlink_m(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "is_symlink", &args[1..], kw)?;
    let e = entry(vm, &args[0])?;
    Ok(Value::bool(entry_is_symlink(vm, e)?))
}

fn entry_stat_m(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let e = entry(vm, &args[0])?;
    let p = kw_args(vm, "stat", &args[1..], kw, &["follow_symlinks"], 0, 0)?;
    let follow = flag_arg(vm, p.get(0), true)?;
    entry_stat(vm, e, follow)
}

fn entry_inode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "inode", &args[1..], kw)?;
    Ok(int_u64(entry(vm, &args[0])?.ino))
}

fn entry_fspath(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(entry(vm, &args[0])?.path.clone())
}

fn entry_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = entry(vm, &args[0])?;
    Ok(vm.new_string(format!("<DirEntry {}>", vm.repr(&e.name)?)))
}

fn p_getcwd_bytes(vm: &Vm) -> PyResult<Vec<u8>> {
    std::env::current_dir()
        .map(|p| p.into_os_string().into_vec())
        .map_err(|e| os_error(vm, e.raw_os_error().unwrap_or(libc::EIO), None, None))
}

fn p_getcwd(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.getcwd", args, kw, 0, 0)?;
    Ok(name_value(vm, &p_getcwd_bytes(vm)?, false))
}

fn p_getcwdb(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.getcwdb", args, kw, 0, 0)?;
    Ok(name_value(vm, &p_getcwd_bytes(vm)?, true))
}

/// Checks a `-1`-on-error result, raising OSError naming `path`.
fn check(vm: &Vm, r: i32, path: Option<&Value>) -> PyResult<Value> {
    if r < 0 {
        Err(last_error(vm, path))
    } else {
        Ok(Value::None)
    }
}

fn p_chdir(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "chdir", args, kw, &["path"], 1, 1)?;
    let path = path_arg(vm, spec("chdir", "path", true), p.get(0))?;
    let r = match path.fd {
        // SAFETY: plain descriptor call.
        Some(fd) => unsafe { libc::fchdir(fd) },
        // SAFETY: the path is NUL-terminated.
        None => unsafe { libc::chdir(path.cstr().as_ptr()) },
    };
    check(vm, r, Some(&path.object))
}

fn p_fchdir(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "fchdir", args, kw, &["fd"], 1, 1)?;
    let fd = fildes(vm, p.get(0).unwrap_or(&Value::None))?;
    // SAFETY: plain descriptor call.
    check(vm, unsafe { libc::fchdir(fd) }, None)
}

fn p_mkdir(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "mkdir", args, kw, &["path", "mode", "dir_fd"], 2, 1)?;
    let path = path_arg(vm, spec("mkdir", "path", false), p.get(0))?;
    let mode = match p.get(1) {
        Some(m) => c_int(vm, m)?,
        None => 0o777,
    };
    let dir_fd = dir_fd_arg(vm, p.get(2))?;
    // SAFETY: the path is NUL-terminated.
    let r = unsafe { libc::mkdirat(dir_fd, path.cstr().as_ptr(), mode as libc::mode_t) };
    check(vm, r, Some(&path.object))
}

/// `unlinkat` with `flags` (rmdir, unlink, remove).
fn unlink_like(
    vm: &Vm,
    args: &[Value],
    kw: &[Value],
    fname: &'static str,
    flags: i32,
) -> PyResult<Value> {
    let p = kw_args(vm, fname, args, kw, &["path", "dir_fd"], 1, 1)?;
    let path = path_arg(vm, spec(fname, "path", false), p.get(0))?;
    let dir_fd = dir_fd_arg(vm, p.get(1))?;
    // SAFETY: the path is NUL-terminated.
    let r = unsafe { libc::unlinkat(dir_fd, path.cstr().as_ptr(), flags) };
    check(vm, r, Some(&path.object))
}

fn p_rmdir(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unlink_like(vm, args, kw, "rmdir", libc::AT_REMOVEDIR)
}

fn p_unlink(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unlink_like(vm, args, kw, "unlink", 0)
}

fn p_remove(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unlink_like(vm, args, kw, "remove", 0)
}

fn rename_like(vm: &Vm, args: &[Value], kw: &[Value], fname: &'static str) -> PyResult<Value> {
    let p = kw_args(
        vm,
        fname,
        args,
        kw,
        &["src", "dst", "src_dir_fd", "dst_dir_fd"],
        2,
        2,
    )?;
    let src = path_arg(vm, spec(fname, "src", false), p.get(0))?;
    let dst = path_arg(vm, spec(fname, "dst", false), p.get(1))?;
    let sfd = dir_fd_arg(vm, p.get(2))?;
    let dfd = dir_fd_arg(vm, p.get(3))?;
    // SAFETY: both paths are NUL-terminated.
    let r = unsafe { libc::renameat(sfd, src.cstr().as_ptr(), dfd, dst.cstr().as_ptr()) };
    if r < 0 {
        return Err(os_error(vm, errno(), Some(&src.object), Some(&dst.object)));
    }
    Ok(Value::None)
}

fn p_rename(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rename_like(vm, args, kw, "rename")
}

fn p_replace(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rename_like(vm, args, kw, "replace")
}

fn p_readlink(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "readlink", args, kw, &["path", "dir_fd"], 1, 1)?;
    let path = path_arg(vm, spec("readlink", "path", false), p.get(0))?;
    let dir_fd = dir_fd_arg(vm, p.get(1))?;
    let c = path.cstr();
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: `c` is NUL-terminated and `buf` is writable for its length.
        let n = unsafe { libc::readlinkat(dir_fd, c.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
        if n < 0 {
            return Err(last_error(vm, Some(&path.object)));
        }
        let n = n as usize;
        if n < buf.len() {
            buf.truncate(n);
            return Ok(name_value(vm, &buf, path.is_bytes));
        }
        buf.resize(buf.len() * 2, 0);
    }
}

fn p_symlink(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(
        vm,
        "symlink",
        args,
        kw,
        &["src", "dst", "target_is_directory", "dir_fd"],
        3,
        2,
    )?;
    let src = path_arg(vm, spec("symlink", "src", false), p.get(0))?;
    let dst = path_arg(vm, spec("symlink", "dst", false), p.get(1))?;
    let dir_fd = dir_fd_arg(vm, p.get(3))?;
    // SAFETY: both paths are NUL-terminated.
    let r = unsafe { libc::symlinkat(src.cstr().as_ptr(), dir_fd, dst.cstr().as_ptr()) };
    if r < 0 {
        return Err(os_error(vm, errno(), Some(&src.object), Some(&dst.object)));
    }
    Ok(Value::None)
}

fn p_link(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(
        vm,
        "link",
        args,
        kw,
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
        2,
        2,
    )?;
    let src = path_arg(vm, spec("link", "src", false), p.get(0))?;
    let dst = path_arg(vm, spec("link", "dst", false), p.get(1))?;
    let sfd = dir_fd_arg(vm, p.get(2))?;
    let dfd = dir_fd_arg(vm, p.get(3))?;
    let flags = if flag_arg(vm, p.get(4), true)? {
        libc::AT_SYMLINK_FOLLOW
    } else {
        0
    };
    // SAFETY: both paths are NUL-terminated.
    let r = unsafe { libc::linkat(sfd, src.cstr().as_ptr(), dfd, dst.cstr().as_ptr(), flags) };
    if r < 0 {
        return Err(os_error(vm, errno(), Some(&src.object), Some(&dst.object)));
    }
    Ok(Value::None)
}

fn p_access(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(
        vm,
        "access",
        args,
        kw,
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        2,
    )?;
    let path = path_arg(vm, spec("access", "path", false), p.get(0))?;
    let mode = c_int(vm, p.get(1).unwrap_or(&Value::None))?;
    let dir_fd = dir_fd_arg(vm, p.get(2))?;
    let mut flags = 0;
    if flag_arg(vm, p.get(3), false)? {
        flags |= libc::AT_EACCESS;
    }
    if !flag_arg(vm, p.get(4), true)? {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    // SAFETY: the path is NUL-terminated.
    let r = unsafe { libc::faccessat(dir_fd, path.cstr().as_ptr(), mode, flags) };
    Ok(Value::bool(r == 0))
}

fn p_chmod(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(
        vm,
        "chmod",
        args,
        kw,
        &["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        2,
    )?;
    let path = path_arg(vm, spec("chmod", "path", true), p.get(0))?;
    let mode = c_int(vm, p.get(1).unwrap_or(&Value::None))? as libc::mode_t;
    let dir_fd = dir_fd_arg(vm, p.get(2))?;
    let follow = flag_arg(vm, p.get(3), true)?;
    let r = match path.fd {
        // SAFETY: plain descriptor call.
        Some(fd) => unsafe { libc::fchmod(fd, mode) },
        None => {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: the path is NUL-terminated.
            unsafe { libc::fchmodat(dir_fd, path.cstr().as_ptr(), mode, flags) }
        }
    };
    if r < 0 {
        let code = errno();
        if !follow && (code == libc::ENOTSUP || code == libc::EOPNOTSUPP) {
            return Err(vm.new_exception_msg(
                &vm.types.exceptions.not_implemented_error,
                "chmod: follow_symlinks unavailable on this platform",
            ));
        }
        return Err(os_error(vm, code, Some(&path.object), None));
    }
    Ok(Value::None)
}

fn p_fchmod(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "fchmod", args, kw, &["fd", "mode"], 2, 2)?;
    let fd = c_int(vm, p.get(0).unwrap_or(&Value::None))?;
    let mode = c_int(vm, p.get(1).unwrap_or(&Value::None))?;
    // SAFETY: plain descriptor call.
    check(vm, unsafe { libc::fchmod(fd, mode as libc::mode_t) }, None)
}

/// A uid or gid argument (-1 means unchanged).
fn id_arg(vm: &Vm, v: &Value) -> PyResult<u32> {
    let i = vm.index_i64(v)?;
    if i == -1 {
        return Ok(u32::MAX);
    }
    u32::try_from(i).map_err(|_| {
        vm.overflow_error(if i < 0 {
            "uid is less than minimum"
        } else {
            "uid is greater than maximum"
        })
    })
}

fn p_chown(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(
        vm,
        "chown",
        args,
        kw,
        &["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        3,
        3,
    )?;
    let path = path_arg(vm, spec("chown", "path", true), p.get(0))?;
    let uid = id_arg(vm, p.get(1).unwrap_or(&Value::None))?;
    let gid = id_arg(vm, p.get(2).unwrap_or(&Value::None))?;
    let dir_fd = dir_fd_arg(vm, p.get(3))?;
    let follow = flag_arg(vm, p.get(4), true)?;
    if path.fd.is_some() && dir_fd != libc::AT_FDCWD {
        return Err(vm.value_error("chown: can't specify both dir_fd and fd"));
    }
    let r = match path.fd {
        // SAFETY: plain descriptor call.
        Some(fd) => unsafe { libc::fchown(fd, uid, gid) },
        None => {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: the path is NUL-terminated.
            unsafe { libc::fchownat(dir_fd, path.cstr().as_ptr(), uid, gid, flags) }
        }
    };
    check(vm, r, Some(&path.object))
}

fn p_lchown(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "lchown", args, kw, &["path", "uid", "gid"], 3, 3)?;
    let path = path_arg(vm, spec("lchown", "path", false), p.get(0))?;
    let uid = id_arg(vm, p.get(1).unwrap_or(&Value::None))?;
    let gid = id_arg(vm, p.get(2).unwrap_or(&Value::None))?;
    // SAFETY: the path is NUL-terminated.
    let r = unsafe {
        libc::fchownat(
            libc::AT_FDCWD,
            path.cstr().as_ptr(),
            uid,
            gid,
            libc::AT_SYMLINK_NOFOLLOW,
        )
    };
    check(vm, r, Some(&path.object))
}

fn p_umask(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.umask", args, kw, 1, 1)?;
    let m = c_int(vm, &args[0])?;
    // SAFETY: plain process call.
    let old = unsafe { libc::umask(m as libc::mode_t) };
    Ok(Value::Int(old as i64))
}

/// A time in seconds (int or float) as (seconds, nanoseconds), rounded toward -inf.
fn timespec_of(vm: &Vm, v: &Value) -> PyResult<(i64, i64)> {
    if let Value::Float(f) = v {
        let f = f.get();
        if !f.is_finite() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let int = f.floor();
        let mut ns = ((f - int) * 1e9).floor();
        let mut s = int;
        if ns >= 1e9 {
            ns -= 1e9;
            s += 1.0;
        }
        if !(-9.2e18..9.2e18).contains(&s) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok((s as i64, ns as i64));
    }
    Ok((vm.index_i64(v)?, 0))
}

fn p_utime(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(
        vm,
        "utime",
        args,
        kw,
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        2,
        1,
    )?;
    let path = path_arg(vm, spec("utime", "path", true), p.get(0))?;
    let times = p.get(1).filter(|t| !t.is_none());
    let ns = p.get(2);
    if times.is_some() && ns.is_some() {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let pair = |v: &Value| match v.payload() {
        Some(Payload::Tuple(t)) if t.len() == 2 => Some((t[0].clone(), t[1].clone())),
        _ => None,
    };
    let mut ts = [libc::timespec {
        tv_sec: 0,
        tv_nsec: libc::UTIME_NOW,
    }; 2];
    let set = |ts: &mut libc::timespec, (s, n): (i64, i64)| {
        ts.tv_sec = s as libc::time_t;
        ts.tv_nsec = n as _;
    };
    if let Some(t) = times {
        let Some((a, m)) = pair(t) else {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        };
        set(&mut ts[0], timespec_of(vm, &a)?);
        set(&mut ts[1], timespec_of(vm, &m)?);
    } else if let Some(n) = ns {
        let Some((a, m)) = pair(n) else {
            return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
        };
        for (slot, v) in ts.iter_mut().zip([a, m]) {
            let n = vm.index_i64(&v)?;
            set(
                slot,
                (n.div_euclid(1_000_000_000), n.rem_euclid(1_000_000_000)),
            );
        }
    }
    let dir_fd = dir_fd_arg(vm, p.get(3))?;
    let follow = flag_arg(vm, p.get(4), true)?;
    dir_fd_with_fd(vm, "utime", &path, dir_fd)?;
    let r = match path.fd {
        // SAFETY: `ts` holds two valid timespecs.
        Some(fd) => unsafe { libc::futimens(fd, ts.as_ptr()) },
        None => {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: the path is NUL-terminated and `ts` holds two valid timespecs.
            unsafe { libc::utimensat(dir_fd, path.cstr().as_ptr(), ts.as_ptr(), flags) }
        }
    };
    check(vm, r, Some(&path.object))
}

fn p_truncate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "truncate", args, kw, &["path", "length"], 2, 2)?;
    let path = path_arg(vm, spec("truncate", "path", true), p.get(0))?;
    let len = vm.index_i64(p.get(1).unwrap_or(&Value::None))?;
    let r = match path.fd {
        // SAFETY: plain descriptor call.
        Some(fd) => unsafe { libc::ftruncate(fd, len as libc::off_t) },
        // SAFETY: the path is NUL-terminated.
        None => unsafe { libc::truncate(path.cstr().as_ptr(), len as libc::off_t) },
    };
    check(vm, r, path.fd.is_none().then_some(&path.object))
}

fn p_mkfifo(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "mkfifo", args, kw, &["path", "mode", "dir_fd"], 2, 1)?;
    let path = path_arg(vm, spec("mkfifo", "path", false), p.get(0))?;
    let mode = match p.get(1) {
        Some(m) => c_int(vm, m)?,
        None => 0o666,
    };
    let dir_fd = dir_fd_arg(vm, p.get(2))?;
    // SAFETY: the path is NUL-terminated.
    let r = unsafe { libc::mkfifoat(dir_fd, path.cstr().as_ptr(), mode as libc::mode_t) };
    check(vm, r, None)
}

fn p_mknod(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(
        vm,
        "mknod",
        args,
        kw,
        &["path", "mode", "device", "dir_fd"],
        3,
        1,
    )?;
    let path = path_arg(vm, spec("mknod", "path", false), p.get(0))?;
    let mode = match p.get(1) {
        Some(m) => c_int(vm, m)?,
        None => 0o600,
    };
    let dev = match p.get(2) {
        Some(d) => vm.index_i64(d)?,
        None => 0,
    };
    let dir_fd = dir_fd_arg(vm, p.get(3))?;
    // SAFETY: the path is NUL-terminated.
    let r = unsafe {
        libc::mknodat(
            dir_fd,
            path.cstr().as_ptr(),
            mode as libc::mode_t,
            dev as libc::dev_t,
        )
    };
    check(vm, r, None)
}

fn p_major(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.major", args, kw, 1, 1)?;
    let dev = vm.index_i64(&args[0])? as libc::dev_t;
    Ok(Value::Int(libc::major(dev) as i64))
}

fn p_minor(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.minor", args, kw, 1, 1)?;
    let dev = vm.index_i64(&args[0])? as libc::dev_t;
    Ok(Value::Int(libc::minor(dev) as i64))
}

fn p_makedev(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "makedev", args, kw, 2, 2)?;
    let major = vm.index_i64(&args[0])? as libc::c_uint;
    let minor = vm.index_i64(&args[1])? as libc::c_uint;
    Ok(int_u64(libc::makedev(major, minor) as u64))
}

// ---------------------------------------------------------------------------------------
// file descriptors

fn p_open(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(
        vm,
        "open",
        args,
        kw,
        &["path", "flags", "mode", "dir_fd"],
        3,
        2,
    )?;
    let path = path_arg(vm, spec("open", "path", false), p.get(0))?;
    let flags = c_int(vm, p.get(1).unwrap_or(&Value::None))?;
    let mode = match p.get(2) {
        Some(m) => c_int(vm, m)?,
        None => 0o777,
    };
    let dir_fd = dir_fd_arg(vm, p.get(3))?;
    let c = path.cstr();
    loop {
        // SAFETY: the path is NUL-terminated; the mode is passed as the variadic argument.
        let fd = unsafe {
            libc::openat(
                dir_fd,
                c.as_ptr(),
                flags | libc::O_CLOEXEC,
                mode as libc::c_uint,
            )
        };
        if fd >= 0 {
            return Ok(Value::Int(fd as i64));
        }
        let code = errno();
        if code != libc::EINTR {
            return Err(os_error(vm, code, Some(&path.object), None));
        }
    }
}

fn p_close(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "close", args, kw, &["fd"], 1, 1)?;
    let fd = c_int(vm, p.get(0).unwrap_or(&Value::None))?;
    // SAFETY: plain descriptor call.
    check(vm, unsafe { libc::close(fd) }, None)
}

fn p_closerange(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "closerange", args, kw, 2, 2)?;
    let lo = c_int(vm, &args[0])?.max(0);
    let hi = c_int(vm, &args[1])?;
    // SAFETY: plain process query.
    let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    let hi = if max > 0 { hi.min(max as i32) } else { hi };
    for fd in lo..hi {
        // SAFETY: plain descriptor call; errors are ignored as CPython does.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

fn p_read(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "read", args, kw, 2, 2)?;
    let fd = c_int(vm, &args[0])?;
    let n = vm.index_i64(&args[1])?;
    if n < 0 {
        return Err(os_error(vm, libc::EINVAL, None, None));
    }
    let mut buf: Vec<u8> = Vec::new();
    if buf.try_reserve_exact(n as usize).is_err() {
        return Err(vm.new_exception(&vm.types.exceptions.memory_error, vec![]));
    }
    loop {
        // SAFETY: the reserved capacity is writable for `n` bytes (uninitialized memory is
        // fine to write into).
        let r = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), n as usize) };
        if r >= 0 {
            // SAFETY: `read` initialized the first `r` (≤ capacity) bytes.
            unsafe { buf.set_len(r as usize) };
            return Ok(crate::builtins::bytes::new_bytes(vm, buf));
        }
        let code = errno();
        if code != libc::EINTR {
            return Err(os_error(vm, code, None, None));
        }
    }
}

fn p_write(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "write", args, kw, 2, 2)?;
    let fd = c_int(vm, &args[0])?;
    let data = crate::builtins::bytes::bytes_arg(vm, &args[1])?;
    loop {
        // SAFETY: `data` is readable for its length.
        let r = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if r >= 0 {
            return Ok(Value::Int(r as i64));
        }
        let code = errno();
        if code != libc::EINTR {
            return Err(os_error(vm, code, None, None));
        }
    }
}

fn p_lseek(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "lseek", args, kw, 3, 3)?;
    let fd = c_int(vm, &args[0])?;
    let pos = vm.index_i64(&args[1])?;
    let how = c_int(vm, &args[2])?;
    // SAFETY: plain descriptor call.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, how) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(r as i64))
}

fn p_fdatasync(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "fdatasync", args, kw, &["fd"], 1, 1)?;
    let fd = fildes(vm, p.get(0).unwrap_or(&Value::None))?;
    // SAFETY: plain descriptor call.
    check(vm, unsafe { libc::fdatasync(fd) }, None)
}

fn p_sync(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.sync", args, kw, 0, 0)?;
    // SAFETY: plain system call.
    unsafe { libc::sync() };
    Ok(Value::None)
}

fn p_fsync(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "fsync", args, kw, &["fd"], 1, 1)?;
    let fd = fildes(vm, p.get(0).unwrap_or(&Value::None))?;
    // SAFETY: plain descriptor call.
    check(vm, unsafe { libc::fsync(fd) }, None)
}

fn p_ftruncate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "ftruncate", args, kw, 2, 2)?;
    let fd = c_int(vm, &args[0])?;
    let len = vm.index_i64(&args[1])?;
    // SAFETY: plain descriptor call.
    check(vm, unsafe { libc::ftruncate(fd, len as libc::off_t) }, None)
}

fn p_dup(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.dup", args, kw, 1, 1)?;
    let fd = c_int(vm, &args[0])?;
    // SAFETY: plain descriptor call.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(r as i64))
}

fn p_dup2(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "dup2", args, kw, &["fd", "fd2", "inheritable"], 3, 2)?;
    let fd = c_int(vm, p.get(0).unwrap_or(&Value::None))?;
    let fd2 = c_int(vm, p.get(1).unwrap_or(&Value::None))?;
    let inheritable = flag_arg(vm, p.get(2), true)?;
    // SAFETY: plain descriptor calls.
    let r = unsafe { libc::dup2(fd, fd2) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    if !inheritable {
        set_cloexec(vm, r, true)?;
    }
    Ok(Value::Int(r as i64))
}

fn set_cloexec(vm: &Vm, fd: i32, on: bool) -> PyResult<()> {
    // SAFETY: plain descriptor calls.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFD);
        if flags < 0 {
            return Err(last_error(vm, None));
        }
        let new = if on {
            flags | libc::FD_CLOEXEC
        } else {
            flags & !libc::FD_CLOEXEC
        };
        if new != flags && libc::fcntl(fd, libc::F_SETFD, new) < 0 {
            return Err(last_error(vm, None));
        }
    }
    Ok(())
}

fn p_pipe(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.pipe", args, kw, 0, 0)?;
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { libc::pipe(fds.as_mut_ptr()) } < 0 {
        return Err(last_error(vm, None));
    }
    set_cloexec(vm, fds[0], true)?;
    set_cloexec(vm, fds[1], true)?;
    Ok(vm.new_tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

fn p_isatty(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.isatty", args, kw, 1, 1)?;
    let fd = c_int(vm, &args[0])?;
    // SAFETY: plain descriptor call.
    Ok(Value::bool(unsafe { libc::isatty(fd) } == 1))
}

fn p_get_inheritable(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.get_inheritable", args, kw, 1, 1)?;
    let fd = c_int(vm, &args[0])?;
    // SAFETY: plain descriptor call.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if flags < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::bool(flags & libc::FD_CLOEXEC == 0))
}

fn p_set_inheritable(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "set_inheritable", args, kw, 2, 2)?;
    let fd = c_int(vm, &args[0])?;
    let inheritable = c_int(vm, &args[1])? != 0;
    set_cloexec(vm, fd, !inheritable)?;
    Ok(Value::None)
}

fn p_get_blocking(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.get_blocking", args, kw, 1, 1)?;
    let fd = c_int(vm, &args[0])?;
    // SAFETY: plain descriptor call.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::bool(flags & libc::O_NONBLOCK == 0))
}

fn p_set_blocking(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "set_blocking", args, kw, 2, 2)?;
    let fd = c_int(vm, &args[0])?;
    let blocking = c_int(vm, &args[1])? != 0;
    // SAFETY: plain descriptor calls.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 {
            return Err(last_error(vm, None));
        }
        let new = if blocking {
            flags & !libc::O_NONBLOCK
        } else {
            flags | libc::O_NONBLOCK
        };
        if new != flags && libc::fcntl(fd, libc::F_SETFL, new) < 0 {
            return Err(last_error(vm, None));
        }
    }
    Ok(Value::None)
}

fn p_device_encoding(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "device_encoding", args, kw, &["fd"], 1, 1)?;
    let fd = c_int(vm, p.get(0).unwrap_or(&Value::None))?;
    // SAFETY: plain descriptor call.
    Ok(if unsafe { libc::isatty(fd) } == 1 {
        vm.new_str("UTF-8")
    } else {
        Value::None
    })
}

fn p_get_terminal_size(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "get_terminal_size", args, kw, 0, 1)?;
    let fd = match args.first() {
        Some(v) => c_int(vm, v)?,
        None => 1,
    };
    // SAFETY: an all-zero `winsize` is valid; the ioctl fills it.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one `winsize` through the pointer.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } < 0 {
        return Err(last_error(vm, None));
    }
    let t = other_type(vm, "os.terminal_size");
    Ok(seq_instance(
        vm,
        &t,
        vec![Value::Int(w.ws_col as i64), Value::Int(w.ws_row as i64)],
        vec![],
    ))
}

// ---------------------------------------------------------------------------------------
// processes and the system

macro_rules! id_fns {
    ($( $name:ident, $py:literal, $call:path; )*) => {
        $(
            fn $name(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                check_count(vm, $py, args, kw, 0, 0)?;
                // SAFETY: a plain process query that cannot fail.
                Ok(Value::Int(unsafe { $call() } as i64))
            }
        )*
    };
}

id_fns! {
    p_getpid, "posix.getpid", libc::getpid;
    p_getppid, "posix.getppid", libc::getppid;
    p_getuid, "posix.getuid", libc::getuid;
    p_geteuid, "posix.geteuid", libc::geteuid;
    p_getgid, "posix.getgid", libc::getgid;
    p_getegid, "posix.getegid", libc::getegid;
    p_getpgrp, "posix.getpgrp", libc::getpgrp;
}

fn p_getgroups(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.getgroups", args, kw, 0, 0)?;
    // SAFETY: a zero-sized query writes nothing.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n < 0 {
        return Err(last_error(vm, None));
    }
    let mut groups = vec![0 as libc::gid_t; n as usize];
    // SAFETY: `groups` has room for `n` entries.
    let n = unsafe { libc::getgroups(n, groups.as_mut_ptr()) };
    if n < 0 {
        return Err(last_error(vm, None));
    }
    groups.truncate(n as usize);
    Ok(vm.new_list(groups.into_iter().map(|g| Value::Int(g as i64)).collect()))
}

fn p_getlogin(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.getlogin", args, kw, 0, 0)?;
    clear_errno();
    // SAFETY: `getlogin` returns a NUL-terminated static string or null; it is copied at once.
    let name = unsafe {
        let p = libc::getlogin();
        if p.is_null() {
            None
        } else {
            Some(CStr::from_ptr(p).to_bytes().to_vec())
        }
    };
    match name {
        Some(n) => Ok(name_value(vm, &n, false)),
        None => {
            let code = errno();
            if code == 0 {
                Err(vm.new_exception_msg(
                    &vm.types.exceptions.os_error,
                    "unable to determine login name",
                ))
            } else {
                Err(os_error(vm, code, None, None))
            }
        }
    }
}

fn p_uname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.uname", args, kw, 0, 0)?;
    // SAFETY: an all-zero `utsname` is valid; `uname` fills it with NUL-terminated fields.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid, writable buffer.
    if unsafe { libc::uname(&mut u) } < 0 {
        return Err(last_error(vm, None));
    }
    let field = |f: &[libc::c_char]| {
        let b: Vec<u8> = f
            .iter()
            .take_while(|&&c| c != 0)
            .map(|&c| c as u8)
            .collect();
        name_value(vm, &b, false)
    };
    let t = other_type(vm, "posix.uname_result");
    Ok(seq_instance(
        vm,
        &t,
        vec![
            field(&u.sysname),
            field(&u.nodename),
            field(&u.release),
            field(&u.version),
            field(&u.machine),
        ],
        vec![],
    ))
}

fn p_times(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.times", args, kw, 0, 0)?;
    // SAFETY: an all-zero `tms` is valid; `times` fills it.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a valid, writable buffer.
    let c = unsafe { libc::times(&mut t) };
    if c as i64 == -1 {
        return Err(last_error(vm, None));
    }
    // SAFETY: plain process query.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let f = |x: libc::clock_t| Value::float(x as f64 / ticks);
    let ty = other_type(vm, "posix.times_result");
    Ok(seq_instance(
        vm,
        &ty,
        vec![
            f(t.tms_utime),
            f(t.tms_stime),
            f(t.tms_cutime),
            f(t.tms_cstime),
            f(c),
        ],
        vec![],
    ))
}

/// The `sysconf` names this module knows (a subset of CPython's table).
fn sysconf_table() -> Vec<(&'static str, i32)> {
    vec![
        ("SC_ARG_MAX", libc::_SC_ARG_MAX),
        ("SC_CHILD_MAX", libc::_SC_CHILD_MAX),
        ("SC_CLK_TCK", libc::_SC_CLK_TCK),
        ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX),
        ("SC_OPEN_MAX", libc::_SC_OPEN_MAX),
        ("SC_PAGESIZE", libc::_SC_PAGESIZE),
        ("SC_PAGE_SIZE", libc::_SC_PAGESIZE),
        ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
        ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN),
        ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
        ("SC_LINE_MAX", libc::_SC_LINE_MAX),
        ("SC_LOGIN_NAME_MAX", libc::_SC_LOGIN_NAME_MAX),
        ("SC_IOV_MAX", libc::_SC_IOV_MAX),
        ("SC_SEM_NSEMS_MAX", libc::_SC_SEM_NSEMS_MAX),
    ]
}

/// The `confstr` names this module knows.
fn confstr_table() -> Vec<(&'static str, i32)> {
    #[allow(unused_mut, reason = "more names on some platforms")]
    let mut v = vec![("CS_PATH", libc::_CS_PATH)];
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    v.push(("CS_GNU_LIBC_VERSION", libc::_CS_GNU_LIBC_VERSION));
    v
}

/// A configuration name: an int, or a str from `table`.
fn conf_name(vm: &Vm, v: &Value, table: &[(&'static str, i32)]) -> PyResult<i32> {
    if let Some(s) = crate::str::as_str(v) {
        return table
            .iter()
            .find(|(n, _)| *n == s)
            .map(|(_, c)| *c)
            .ok_or_else(|| vm.value_error("unrecognized configuration name"));
    }
    if vm.lookup_special(v, "__index__").is_some() {
        return c_int(vm, v);
    }
    Err(vm.type_error("configuration names must be strings or integers"))
}

fn names_dict(vm: &Vm, table: &[(&'static str, i32)]) -> PyResult<Value> {
    let d = Value::Obj(crate::builtins::dict::new_dict());
    for (n, c) in table {
        vm.setitem(&d, vm.new_str(n), Value::Int(*c as i64))?;
    }
    Ok(d)
}

fn p_sysconf(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.sysconf", args, kw, 1, 1)?;
    let name = conf_name(vm, &args[0], &sysconf_table())?;
    clear_errno();
    // SAFETY: plain system query.
    let r = unsafe { libc::sysconf(name) };
    if r == -1 && errno() != 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(r as i64))
}

fn p_confstr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.confstr", args, kw, 1, 1)?;
    let name = conf_name(vm, &args[0], &confstr_table())?;
    let mut buf = vec![0u8; 256];
    loop {
        clear_errno();
        // SAFETY: `buf` is writable for its length.
        let n = unsafe { libc::confstr(name, buf.as_mut_ptr().cast(), buf.len()) };
        if n == 0 {
            return if errno() != 0 {
                Err(last_error(vm, None))
            } else {
                Ok(Value::None)
            };
        }
        if n <= buf.len() {
            buf.truncate(n - 1);
            return Ok(name_value(vm, &buf, false));
        }
        buf.resize(n, 0);
    }
}

fn p_getloadavg(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.getloadavg", args, kw, 0, 0)?;
    let mut l = [0f64; 3];
    // SAFETY: `l` has room for the three averages.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.os_error,
            "Load averages are unobtainable",
        ));
    }
    Ok(vm.new_tuple(l.iter().map(|x| Value::float(*x)).collect()))
}

fn p_cpu_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.cpu_count", args, kw, 0, 0)?;
    // SAFETY: plain process query.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n >= 1 {
        Value::Int(n as i64)
    } else {
        Value::None
    })
}

fn p_urandom(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    use std::io::Read;
    check_count(vm, "posix.urandom", args, kw, 1, 1)?;
    let n = vm.index_i64(&args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| os_error(vm, e.raw_os_error().unwrap_or(libc::EIO), None, None))?;
    Ok(crate::builtins::bytes::new_bytes(vm, buf))
}

fn p_strerror(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.strerror", args, kw, 1, 1)?;
    let code = c_int(vm, &args[0])?;
    Ok(vm.new_string(strerror_text(code)))
}

fn p_fspath(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "fspath", args, kw, &["path"], 1, 1)?;
    fspath(vm, p.get(0).unwrap_or(&Value::None))
}

fn p_kill(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "kill", args, kw, 2, 2)?;
    let pid = c_int(vm, &args[0])?;
    let sig = c_int(vm, &args[1])?;
    // SAFETY: plain process call.
    check(vm, unsafe { libc::kill(pid, sig) }, None)
}

fn wait_for(vm: &Vm, pid: i32, options: i32) -> PyResult<Value> {
    let mut status = 0;
    loop {
        // SAFETY: `status` is a valid, writable int.
        let r = unsafe { libc::waitpid(pid, &mut status, options) };
        if r >= 0 {
            return Ok(vm.new_tuple(vec![Value::Int(r as i64), Value::Int(status as i64)]));
        }
        let code = errno();
        if code != libc::EINTR {
            return Err(os_error(vm, code, None, None));
        }
    }
}

fn p_waitpid(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "waitpid", args, kw, 2, 2)?;
    let pid = c_int(vm, &args[0])?;
    let options = c_int(vm, &args[1])?;
    wait_for(vm, pid, options)
}

/// `os.pidfd_open(pid, flags=0)`: a file descriptor referring to the process (what asyncio's
/// `PidfdChildWatcher` waits on).
fn p_pidfd_open(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "pidfd_open", args, kw, &["pid", "flags"], 2, 1)?;
    let pid = c_int(vm, p.get(0).unwrap_or(&Value::None))?;
    let flags = match p.get(1) {
        None => 0u32,
        Some(f) => {
            let n = vm.index_i64(f)?;
            u32::try_from(n).map_err(|_| {
                if n < 0 {
                    vm.value_error("value must be positive")
                } else {
                    vm.overflow_error("Python int too large to convert to C unsigned long")
                }
            })?
        }
    };
    // SAFETY: the pidfd_open system call takes a pid and flags and touches no memory.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, flags) };
    if fd < 0 {
        return Err(os_error(vm, errno(), None, None));
    }
    Ok(Value::Int(fd as i64))
}

fn p_wait(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.wait", args, kw, 0, 0)?;
    wait_for(vm, -1, 0)
}

/// The `status` argument of the `W*` functions.
fn status_arg(vm: &Vm, fname: &str, args: &[Value], kw: &[Value]) -> PyResult<i32> {
    let p = kw_args(vm, fname, args, kw, &["status"], 1, 1)?;
    c_int(vm, p.get(0).unwrap_or(&Value::None))
}

macro_rules! wait_fns {
    ($( $name:ident, $py:literal, $f:path, $wrap:expr; )*) => {
        $(
            fn $name(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let s = status_arg(vm, $py, args, kw)?;
                Ok($wrap($f(s)))
            }
        )*
    };
}

fn as_bool(b: bool) -> Value {
    Value::bool(b)
}

fn as_int(i: i32) -> Value {
    Value::Int(i as i64)
}

wait_fns! {
    p_wifexited, "WIFEXITED", libc::WIFEXITED, as_bool;
    p_wifsignaled, "WIFSIGNALED", libc::WIFSIGNALED, as_bool;
    p_wifstopped, "WIFSTOPPED", libc::WIFSTOPPED, as_bool;
    p_wifcontinued, "WIFCONTINUED", libc::WIFCONTINUED, as_bool;
    p_wcoredump, "WCOREDUMP", libc::WCOREDUMP, as_bool;
    p_wexitstatus, "WEXITSTATUS", libc::WEXITSTATUS, as_int;
    p_wtermsig, "WTERMSIG", libc::WTERMSIG, as_int;
    p_wstopsig, "WSTOPSIG", libc::WSTOPSIG, as_int;
}

fn p_waitstatus_to_exitcode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = status_arg(vm, "waitstatus_to_exitcode", args, kw)?;
    if libc::WIFEXITED(s) {
        return Ok(Value::Int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::Int(-(libc::WTERMSIG(s) as i64)));
    }
    if libc::WIFSTOPPED(s) {
        return Err(vm.value_error(format!(
            "process stopped by delivery of signal {}",
            libc::WSTOPSIG(s)
        )));
    }
    Err(vm.value_error(format!("invalid wait status: {s}")))
}

fn p_exit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "_exit", args, kw, &["status"], 1, 1)?;
    let status = c_int(vm, p.get(0).unwrap_or(&Value::None))?;
    // SAFETY: ends the process at once, as `os._exit` does.
    unsafe { libc::_exit(status) }
}

/// The `argv` of the exec functions as C strings.
fn exec_argv(vm: &Vm, fname: &str, v: &Value) -> PyResult<Vec<CString>> {
    if !matches!(v.payload(), Some(Payload::Tuple(_) | Payload::List(_))) {
        return Err(vm.type_error(format!("{fname}() arg 2 must be a tuple or list")));
    }
    let items = vm.iterate(v)?;
    if items.is_empty() {
        return Err(vm.value_error(format!("{fname}() arg 2 must not be empty")));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, a) in items.iter().enumerate() {
        let b = fs_bytes(vm, a)?;
        if i == 0 && b.is_empty() {
            return Err(vm.value_error(format!("{fname}() arg 2 first element cannot be empty")));
        }
        out.push(CString::new(b).unwrap_or_default());
    }
    Ok(out)
}

/// Replaces the process image; returns only on failure.
fn exec_with(vm: &Vm, path: &PathArg, argv: &[CString], env: Option<&[CString]>) -> PyErr {
    let mut argv_p: Vec<*const libc::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
    argv_p.push(std::ptr::null());
    let c = path.cstr();
    match env {
        Some(env) => {
            let mut env_p: Vec<*const libc::c_char> = env.iter().map(|a| a.as_ptr()).collect();
            env_p.push(std::ptr::null());
            // SAFETY: the path and every string are NUL-terminated; both arrays end in null.
            unsafe { libc::execve(c.as_ptr(), argv_p.as_ptr(), env_p.as_ptr()) };
        }
        // SAFETY: the path and every argument are NUL-terminated; the array ends in null.
        None => unsafe {
            libc::execv(c.as_ptr(), argv_p.as_ptr());
        },
    }
    last_error(vm, None)
}

fn p_execv(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "execv", args, kw, 2, 2)?;
    let path = path_arg(vm, spec("execv", "path", false), Some(&args[0]))?;
    let argv = exec_argv(vm, "execv", &args[1])?;
    Err(exec_with(vm, &path, &argv, None))
}

fn p_execve(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "execve", args, kw, &["path", "argv", "env"], 3, 3)?;
    let path = path_arg(vm, spec("execve", "path", false), p.get(0))?;
    let argv = exec_argv(vm, "execve", p.get(1).unwrap_or(&Value::None))?;
    let env = p.get(2).cloned().unwrap_or(Value::None);
    if vm.lookup_special(&env, "keys").is_none() || vm.lookup_special(&env, "__getitem__").is_none()
    {
        return Err(vm.type_error("execve: environment must be a mapping object"));
    }
    let keys = vm.call_method(&env, "keys", &[])?;
    let mut envp = Vec::new();
    for k in vm.iterate(&keys)? {
        let v = vm.getitem(&env, &k)?;
        let mut kb = fs_bytes(vm, &k)?;
        if kb.is_empty() || kb.contains(&b'=') {
            return Err(vm.value_error("illegal environment variable name"));
        }
        kb.push(b'=');
        kb.extend(fs_bytes(vm, &v)?);
        envp.push(CString::new(kb).unwrap_or_default());
    }
    Err(exec_with(vm, &path, &argv, Some(&envp)))
}

fn p_system(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = kw_args(vm, "system", args, kw, &["command"], 1, 1)?;
    let cmd = fs_bytes(vm, p.get(0).unwrap_or(&Value::None))?;
    let c = CString::new(cmd).unwrap_or_default();
    // SAFETY: the command is NUL-terminated.
    let r = unsafe { libc::system(c.as_ptr()) };
    Ok(Value::Int(r as i64))
}

// ---------------------------------------------------------------------------------------
// the environment

fn p_putenv(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "putenv", args, kw, 2, 2)?;
    let name = fs_bytes(vm, &args[0])?;
    let value = fs_bytes(vm, &args[1])?;
    if name.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    let n = CString::new(name).unwrap_or_default();
    let v = CString::new(value).unwrap_or_default();
    // SAFETY: both strings are NUL-terminated; the VM is single-threaded, so nothing reads
    // the environment concurrently.
    let r = unsafe { libc::setenv(n.as_ptr(), v.as_ptr(), 1) };
    check(vm, r, None)
}

fn p_unsetenv(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "posix.unsetenv", args, kw, 1, 1)?;
    let name = fs_bytes(vm, &args[0])?;
    let n = CString::new(name).unwrap_or_default();
    // SAFETY: the name is NUL-terminated; the VM is single-threaded.
    let r = unsafe { libc::unsetenv(n.as_ptr()) };
    check(vm, r, None)
}

/// `posix.environ`: the environment at start-up, bytes to bytes.
fn environ_dict(vm: &Vm) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    let d = Value::Obj(crate::builtins::dict::new_dict());
    for (k, v) in std::env::vars_os() {
        let k = crate::builtins::bytes::new_bytes(vm, k.as_bytes().to_vec());
        let v = crate::builtins::bytes::new_bytes(vm, v.as_bytes().to_vec());
        vm.setitem(&d, k, v)?;
    }
    Ok(d)
}

// ---------------------------------------------------------------------------------------
// the module

/// The `HAVE_*` capabilities `os.py` reads to build `supports_dir_fd` and friends.
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LCHOWN",
    "HAVE_LINKAT",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_MKNODAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

fn constants() -> Vec<(&'static str, i64)> {
    let mut c: Vec<(&'static str, i64)> = vec![
        ("F_OK", libc::F_OK as i64),
        ("R_OK", libc::R_OK as i64),
        ("W_OK", libc::W_OK as i64),
        ("X_OK", libc::X_OK as i64),
        ("O_RDONLY", libc::O_RDONLY as i64),
        ("O_WRONLY", libc::O_WRONLY as i64),
        ("O_RDWR", libc::O_RDWR as i64),
        ("O_ACCMODE", libc::O_ACCMODE as i64),
        ("O_APPEND", libc::O_APPEND as i64),
        ("O_CREAT", libc::O_CREAT as i64),
        ("O_EXCL", libc::O_EXCL as i64),
        ("O_TRUNC", libc::O_TRUNC as i64),
        ("O_NONBLOCK", libc::O_NONBLOCK as i64),
        ("O_NDELAY", libc::O_NONBLOCK as i64),
        ("O_SYNC", libc::O_SYNC as i64),
        ("O_DSYNC", libc::O_DSYNC as i64),
        ("O_NOCTTY", libc::O_NOCTTY as i64),
        ("O_CLOEXEC", libc::O_CLOEXEC as i64),
        ("O_DIRECTORY", libc::O_DIRECTORY as i64),
        ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
        ("O_ASYNC", libc::O_ASYNC as i64),
        ("SEEK_DATA", libc::SEEK_DATA as i64),
        ("SEEK_HOLE", libc::SEEK_HOLE as i64),
        ("WNOHANG", libc::WNOHANG as i64),
        ("WUNTRACED", libc::WUNTRACED as i64),
        ("WCONTINUED", libc::WCONTINUED as i64),
        ("EX_OK", 0),
        ("EX_USAGE", 64),
        ("EX_DATAERR", 65),
        ("EX_NOINPUT", 66),
        ("EX_NOUSER", 67),
        ("EX_NOHOST", 68),
        ("EX_UNAVAILABLE", 69),
        ("EX_SOFTWARE", 70),
        ("EX_OSERR", 71),
        ("EX_OSFILE", 72),
        ("EX_CANTCREAT", 73),
        ("EX_IOERR", 74),
        ("EX_TEMPFAIL", 75),
        ("EX_PROTOCOL", 76),
        ("EX_NOPERM", 77),
        ("EX_CONFIG", 78),
        ("F_LOCK", libc::F_LOCK as i64),
        ("F_TLOCK", libc::F_TLOCK as i64),
        ("F_ULOCK", libc::F_ULOCK as i64),
        ("F_TEST", libc::F_TEST as i64),
        ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
        ("PRIO_PGRP", libc::PRIO_PGRP as i64),
        ("PRIO_USER", libc::PRIO_USER as i64),
        ("RTLD_LAZY", libc::RTLD_LAZY as i64),
        ("RTLD_NOW", libc::RTLD_NOW as i64),
        ("RTLD_GLOBAL", libc::RTLD_GLOBAL as i64),
        ("RTLD_LOCAL", libc::RTLD_LOCAL as i64),
        ("RTLD_NODELETE", libc::RTLD_NODELETE as i64),
        ("RTLD_NOLOAD", libc::RTLD_NOLOAD as i64),
        ("ST_RDONLY", libc::ST_RDONLY as i64),
        ("ST_NOSUID", libc::ST_NOSUID as i64),
    ];
    #[cfg(any(target_os = "linux", target_os = "android"))]
    c.extend([
        ("O_RSYNC", libc::O_RSYNC as i64),
        ("O_FSYNC", libc::O_FSYNC as i64),
        ("O_DIRECT", libc::O_DIRECT as i64),
        ("O_LARGEFILE", 0),
        ("O_NOATIME", libc::O_NOATIME as i64),
        ("O_PATH", libc::O_PATH as i64),
        ("O_TMPFILE", libc::O_TMPFILE as i64),
        ("WEXITED", libc::WEXITED as i64),
        ("WSTOPPED", libc::WSTOPPED as i64),
        ("WNOWAIT", libc::WNOWAIT as i64),
        ("RTLD_DEEPBIND", libc::RTLD_DEEPBIND as i64),
        ("NGROUPS_MAX", 65536),
        ("TMP_MAX", 238328),
    ]);
    c
}

/// Makes a native type of this module (not subclassable, not instantiable from Python).
fn native_type(vm: &Vm, name: &str, module: &str) -> PyRef {
    let mut d = crate::dict::DictData::new();
    let _ = d.set_str(vm.intern("__module__"), vm.new_str(module));
    let t = crate::types::new_type(
        &vm.types.type_,
        name,
        vec![vm.types.object.clone()],
        d,
        crate::types::TypeKind::Heap,
        crate::types::Layout::Native,
        0,
    );
    type_data(&t).set_mro(vec![t.clone(), vm.types.object.clone()]);
    vm.add_methods_kind(&t, &[("__new__", no_new)], MethodKind::Static);
    t
}

fn make_types(vm: &Vm) -> Vec<(&'static str, PyRef)> {
    let stat = make_seq_type(
        vm,
        "os",
        "stat_result",
        &[
            "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime",
            "st_mtime", "st_ctime",
        ],
        3,
    );
    let statvfs = make_seq_type(
        vm,
        "os",
        "statvfs_result",
        &[
            "f_bsize",
            "f_frsize",
            "f_blocks",
            "f_bfree",
            "f_bavail",
            "f_files",
            "f_ffree",
            "f_favail",
            "f_flag",
            "f_namemax",
        ],
        0,
    );
    let term = make_seq_type(vm, "os", "terminal_size", &["columns", "lines"], 0);
    let uname = make_seq_type(
        vm,
        "posix",
        "uname_result",
        &["sysname", "nodename", "release", "version", "machine"],
        0,
    );
    let times = make_seq_type(
        vm,
        "posix",
        "times_result",
        &[
            "user",
            "system",
            "children_user",
            "children_system",
            "elapsed",
        ],
        0,
    );

    let entry = native_type(vm, "DirEntry", "posix");
    vm.add_methods(
        &entry,
        &[
            ("is_dir", entry_is_dir),
            ("is_file", entry_is_file),
            ("is_symlink", entry_is_symlink_m),
            ("stat", entry_stat_m),
            ("inode", entry_inode),
            ("__fspath__", entry_fspath),
            ("__repr__", entry_repr),
        ],
    );
    vm.add_methods_kind(
        &entry,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
    vm.add_getsets(
        &entry,
        &[("name", entry_name, None), ("path", entry_path, None)],
    );

    let it = native_type(vm, "ScandirIterator", "posix");
    vm.add_methods(
        &it,
        &[
            ("__iter__", scandir_self),
            ("__next__", scandir_next),
            ("__enter__", scandir_self),
            ("__exit__", scandir_exit),
            ("close", scandir_close),
        ],
    );
    let mut others = vm.types.others.borrow_mut();
    for (k, t) in [
        ("os.stat_result", &stat),
        ("os.statvfs_result", &statvfs),
        ("os.terminal_size", &term),
        ("posix.uname_result", &uname),
        ("posix.times_result", &times),
        ("posix.DirEntry", &entry),
        ("posix.ScandirIterator", &it),
    ] {
        others.insert(k, t.clone());
    }
    vec![
        ("stat_result", stat),
        ("statvfs_result", statvfs),
        ("terminal_size", term),
        ("uname_result", uname),
        ("times_result", times),
        ("DirEntry", entry),
    ]
}

/// Makes the `posix` module.
pub fn module(vm: &Vm) -> PyResult<Value> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("stat", p_stat),
        ("lstat", p_lstat),
        ("fstat", p_fstat),
        ("statvfs", p_statvfs),
        ("fstatvfs", p_fstatvfs),
        ("listdir", p_listdir),
        ("scandir", p_scandir),
        ("getcwd", p_getcwd),
        ("getcwdb", p_getcwdb),
        ("chdir", p_chdir),
        ("fchdir", p_fchdir),
        ("mkdir", p_mkdir),
        ("rmdir", p_rmdir),
        ("unlink", p_unlink),
        ("remove", p_remove),
        ("rename", p_rename),
        ("replace", p_replace),
        ("readlink", p_readlink),
        ("symlink", p_symlink),
        ("link", p_link),
        ("access", p_access),
        ("chmod", p_chmod),
        ("fchmod", p_fchmod),
        ("chown", p_chown),
        ("lchown", p_lchown),
        ("sysconf", p_sysconf),
        ("confstr", p_confstr),
        ("getloadavg", p_getloadavg),
        ("umask", p_umask),
        ("utime", p_utime),
        ("truncate", p_truncate),
        ("open", p_open),
        ("close", p_close),
        ("closerange", p_closerange),
        ("read", p_read),
        ("write", p_write),
        ("lseek", p_lseek),
        ("fsync", p_fsync),
        ("ftruncate", p_ftruncate),
        ("dup", p_dup),
        ("dup2", p_dup2),
        ("pipe", p_pipe),
        ("isatty", p_isatty),
        ("get_inheritable", p_get_inheritable),
        ("set_inheritable", p_set_inheritable),
        ("get_blocking", p_get_blocking),
        ("set_blocking", p_set_blocking),
        ("device_encoding", p_device_encoding),
        ("get_terminal_size", p_get_terminal_size),
        ("getpid", p_getpid),
        ("getppid", p_getppid),
        ("getuid", p_getuid),
        ("geteuid", p_geteuid),
        ("getgid", p_getgid),
        ("getegid", p_getegid),
        ("getpgrp", p_getpgrp),
        ("getgroups", p_getgroups),
        ("getlogin", p_getlogin),
        ("uname", p_uname),
        ("times", p_times),
        ("cpu_count", p_cpu_count),
        ("urandom", p_urandom),
        ("strerror", p_strerror),
        ("fspath", p_fspath),
        ("kill", p_kill),
        ("waitpid", p_waitpid),
        ("pidfd_open", p_pidfd_open),
        ("wait", p_wait),
        ("WIFEXITED", p_wifexited),
        ("WIFSIGNALED", p_wifsignaled),
        ("WIFSTOPPED", p_wifstopped),
        ("WIFCONTINUED", p_wifcontinued),
        ("WCOREDUMP", p_wcoredump),
        ("WEXITSTATUS", p_wexitstatus),
        ("WTERMSIG", p_wtermsig),
        ("WSTOPSIG", p_wstopsig),
        ("waitstatus_to_exitcode", p_waitstatus_to_exitcode),
        ("_exit", p_exit),
        ("system", p_system),
        ("execv", p_execv),
        ("execve", p_execve),
        ("mkfifo", p_mkfifo),
        ("mknod", p_mknod),
        ("major", p_major),
        ("minor", p_minor),
        ("makedev", p_makedev),
        ("fdatasync", p_fdatasync),
        ("sync", p_sync),
        ("putenv", p_putenv),
        ("unsetenv", p_unsetenv),
    ];
    let m = vm.new_module("posix");
    let d = vm.module_dict(&m);
    let set = |name: &str, v: Value| vm.dict_set_str(&d, vm.intern(name), v);
    for (n, f) in functions {
        set(n, vm.new_builtin_function(n, *f))?;
    }
    for (n, v) in constants() {
        set(n, Value::Int(v))?;
    }
    for (n, t) in make_types(vm) {
        set(n, Value::Obj(t))?;
    }
    set("environ", environ_dict(vm)?)?;
    set("sysconf_names", names_dict(vm, &sysconf_table())?)?;
    set("confstr_names", names_dict(vm, &confstr_table())?)?;
    set("error", Value::Obj(vm.types.exceptions.os_error.clone()))?;
    set(
        "_have_functions",
        vm.new_list(HAVE_FUNCTIONS.iter().map(|h| vm.new_str(h)).collect()),
    )?;
    Ok(Value::Obj(m))
}
