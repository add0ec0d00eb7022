//! `_io.FileIO`: a raw stream over an OS file descriptor.
//! Counterpart: Modules/_io/fileio.c (3.11).

use std::cell::Cell;

use super::{
    bytes_value, cls_arg, iobase_close_impl, os_error, size_arg, state, unsupported,
    writable_buffer_len, write_into,
};
use crate::builtins::function::{MethodKind, NativeFn, check_count, parse_args};
use crate::object::{NativeData, Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

pub struct FileIO {
    /// The descriptor; -1 when closed or not yet initialized.
    pub fd: Cell<i32>,
    pub readable: Cell<bool>,
    pub writable: Cell<bool>,
    appending: Cell<bool>,
    created: Cell<bool>,
    /// -1 unknown, 0 no, 1 yes.
    seekable: Cell<i8>,
    closefd: Cell<bool>,
    pub blksize: Cell<i64>,
}

impl NativeData for FileIO {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Drop for FileIO {
    fn drop(&mut self) {
        // Normally `__del__` has closed it; this only covers objects that never got there.
        let fd = self.fd.get();
        if fd >= 0 && self.closefd.get() {
            // SAFETY: the descriptor is owned by this object and closed once.
            unsafe { libc::close(fd) };
        }
    }
}

/// "I/O operation on closed file" (FileIO's message has no full stop).
fn closed(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on closed file")
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a FileIO> {
    state::<FileIO>(vm, v, "FileIO")
}

/// `this`, checked open.
fn open_file<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a FileIO> {
    let f = this(vm, v)?;
    if f.fd.get() < 0 {
        return Err(closed(vm));
    }
    Ok(f)
}

impl FileIO {
    /// Reads up to `n` bytes; `None` if the descriptor would block.
    pub fn read_n(&self, vm: &Vm, n: usize) -> PyResult<Option<Vec<u8>>> {
        let fd = self.fd.get();
        if fd < 0 {
            return Err(closed(vm));
        }
        if !self.readable.get() {
            return Err(unsupported(vm, "File not open for reading"));
        }
        // One read(2) returns what is there: for a large request, no more than what is left of
        // a regular file (or a megabyte of a pipe) needs room.
        let mut n = n;
        if n > 1 << 20 {
            // SAFETY: `stat` is plain old data, valid when zeroed.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            // SAFETY: plain system calls on a descriptor this object owns.
            let left = unsafe {
                if libc::fstat(fd, &mut st) == 0 && st.st_mode & libc::S_IFMT == libc::S_IFREG {
                    let pos = libc::lseek(fd, 0, libc::SEEK_CUR);
                    (pos >= 0).then(|| (st.st_size - pos).max(0) as usize)
                } else {
                    None
                }
            };
            n = n.min(left.map_or(1 << 20, |l| l + 1).max(1 << 20));
        }
        let mut buf = vec![0u8; n];
        loop {
            // SAFETY: `buf` has room for `n` bytes.
            let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n) };
            if r >= 0 {
                buf.truncate(r as usize);
                return Ok(Some(buf));
            }
            let e = super::errno();
            if e == libc::EINTR {
                continue;
            }
            if e == libc::EAGAIN {
                return Ok(None);
            }
            return Err(os_error(vm, e, None));
        }
    }

    /// Reads to the end of the file.
    pub fn read_all(&self, vm: &Vm) -> PyResult<Option<Vec<u8>>> {
        let fd = self.fd.get();
        if fd < 0 {
            return Err(closed(vm));
        }
        if !self.readable.get() {
            return Err(unsupported(vm, "File not open for reading"));
        }
        let mut out: Vec<u8> = Vec::new();
        // Size hint: what is left of a regular file.
        // SAFETY: `stat` is plain old data, valid when zeroed.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: plain system calls on a descriptor this object owns.
        let hint = unsafe {
            if libc::fstat(fd, &mut st) == 0 {
                let pos = libc::lseek(fd, 0, libc::SEEK_CUR);
                if pos >= 0 && st.st_size >= pos {
                    (st.st_size - pos) as usize
                } else {
                    0
                }
            } else {
                0
            }
        };
        let mut chunk = (hint + 1).max(8192);
        loop {
            let start = out.len();
            out.resize(start + chunk, 0);
            // SAFETY: `out` has room for `chunk` bytes after `start`.
            let r =
                unsafe { libc::read(fd, out.as_mut_ptr().add(start) as *mut libc::c_void, chunk) };
            if r < 0 {
                out.truncate(start);
                let e = super::errno();
                if e == libc::EINTR {
                    continue;
                }
                if e == libc::EAGAIN {
                    if out.is_empty() {
                        return Ok(None);
                    }
                    break;
                }
                return Err(os_error(vm, e, None));
            }
            out.truncate(start + r as usize);
            if r == 0 {
                break;
            }
            chunk = chunk.max(out.len() / 2).min(1 << 24);
        }
        Ok(Some(out))
    }

    /// Writes what it can of `data`; `None` if the descriptor would block.
    pub fn write_bytes(&self, vm: &Vm, data: &[u8]) -> PyResult<Option<usize>> {
        let fd = self.fd.get();
        if fd < 0 {
            return Err(closed(vm));
        }
        if !self.writable.get() {
            return Err(unsupported(vm, "File not open for writing"));
        }
        loop {
            // SAFETY: `data` is a valid slice.
            let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
            if r >= 0 {
                return Ok(Some(r as usize));
            }
            let e = super::errno();
            if e == libc::EINTR {
                continue;
            }
            if e == libc::EAGAIN {
                return Ok(None);
            }
            return Err(os_error(vm, e, None));
        }
    }

    pub fn seek_to(&self, vm: &Vm, pos: i64, whence: i32) -> PyResult<i64> {
        let fd = self.fd.get();
        if fd < 0 {
            return Err(closed(vm));
        }
        // SAFETY: plain system call.
        let r = unsafe { libc::lseek(fd, pos as libc::off_t, whence) };
        if r < 0 {
            return Err(os_error(vm, super::errno(), None));
        }
        Ok(r as i64)
    }

    fn close_fd(&self, vm: &Vm) -> PyResult<()> {
        let fd = self.fd.replace(-1);
        if fd >= 0 && self.closefd.get() {
            // SAFETY: the descriptor is owned by this object and closed once.
            if unsafe { libc::close(fd) } < 0 {
                return Err(os_error(vm, super::errno(), None));
            }
        }
        Ok(())
    }

    fn mode_string(&self) -> &'static str {
        let plus = self.readable.get() && self.writable.get();
        if self.created.get() {
            if plus { "xb+" } else { "xb" }
        } else if self.appending.get() {
            if plus { "ab+" } else { "ab" }
        } else if self.readable.get() {
            if plus { "rb+" } else { "rb" }
        } else {
            "wb"
        }
    }
}

fn fileio_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, args, "FileIO")?;
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(FileIO {
            fd: Cell::new(-1),
            readable: Cell::new(false),
            writable: Cell::new(false),
            appending: Cell::new(false),
            created: Cell::new(false),
            seekable: Cell::new(-1),
            closefd: Cell::new(true),
            blksize: Cell::new(super::DEFAULT_BUFFER_SIZE as i64),
        })),
    )))
}

/// `os.fspath(v)` as bytes for the system call (str, bytes or an os.PathLike).
pub fn fspath_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    let path = if crate::str::as_str(v).is_some() || matches!(v.payload(), Some(Payload::Bytes(_)))
    {
        v.clone()
    } else {
        match vm.lookup_special(v, "__fspath__") {
            Some(f) => {
                let r = vm.call(&f, &[])?;
                if crate::str::as_str(&r).is_none()
                    && !matches!(r.payload(), Some(Payload::Bytes(_)))
                {
                    return Err(vm.type_error(format!(
                        "expected {}.__fspath__() to return str or bytes, not {}",
                        vm.type_name(v),
                        vm.type_name(&r)
                    )));
                }
                r
            }
            None => {
                return Err(vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    vm.type_name(v)
                )));
            }
        }
    };
    let bytes = match crate::str::as_str(&path) {
        Some(s) => s.as_bytes().to_vec(),
        None => crate::builtins::bytes::bytes_of(&path).unwrap_or_default(),
    };
    if bytes.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(bytes)
}

fn bad_mode(vm: &Vm) -> PyErr {
    vm.value_error("Must have exactly one of create/read/write/append mode and at most one plus")
}

fn fileio_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "FileIO",
        &args[1..],
        kwnames,
        &["file", "mode", "closefd", "opener"],
        0,
        4,
        1,
    )?;
    let f = this(vm, &args[0])?;
    let Value::Obj(obj) = &args[0] else {
        return Ok(Value::None);
    };
    if f.fd.get() >= 0 {
        if f.closefd.get() {
            f.close_fd(vm)?;
        } else {
            f.fd.set(-1);
        }
    }
    let name = p.get(0).cloned().unwrap_or(Value::None);
    let mode = match p.get(1) {
        None => "r".to_string(),
        Some(m) => match crate::str::as_str(m) {
            Some(s) => s.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    vm.type_name(m)
                )));
            }
        },
    };
    let closefd = match p.get(2) {
        None => true,
        Some(v) => vm.truthy(v)?,
    };
    let opener = p.get(3).cloned().unwrap_or(Value::None);

    let mut fd: i32 = -1;
    let is_int = matches!(name, Value::Int(_) | Value::Bool(_))
        || matches!(name.payload(), Some(Payload::Int(_)));
    if is_int {
        let n = vm.index_i64(&name)?;
        if n < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        fd = i32::try_from(n).map_err(|_| vm.overflow_error("fd is greater than maximum"))?;
    }
    let path = if is_int {
        None
    } else {
        Some(fspath_bytes(vm, &name)?)
    };

    let (mut readable, mut writable, mut appending, mut created) = (false, false, false, false);
    let mut rwa = false;
    let mut plus = false;
    let mut flags: i32 = 0;
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad_mode(vm));
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true;
                        flags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => readable = true,
                    'w' => {
                        writable = true;
                        flags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        writable = true;
                        appending = true;
                        flags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            'b' => {}
            '+' => {
                if plus {
                    return Err(bad_mode(vm));
                }
                readable = true;
                writable = true;
                plus = true;
            }
            _ => return Err(vm.value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad_mode(vm));
    }
    flags |= if readable && writable {
        libc::O_RDWR
    } else if readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    flags |= libc::O_CLOEXEC;

    f.readable.set(readable);
    f.writable.set(writable);
    f.appending.set(appending);
    f.created.set(created);
    f.seekable.set(-1);
    let mut opened_here = false;
    if let Some(path) = path {
        if !closefd {
            return Err(vm.value_error("Cannot use closefd=False with file name"));
        }
        if opener.is_none() {
            let c =
                std::ffi::CString::new(path).map_err(|_| vm.value_error("embedded null byte"))?;
            loop {
                // SAFETY: `c` is a NUL-terminated path.
                let r = unsafe { libc::open(c.as_ptr(), flags, 0o666 as libc::c_uint) };
                if r >= 0 {
                    fd = r;
                    break;
                }
                let e = super::errno();
                if e != libc::EINTR {
                    return Err(os_error(vm, e, Some(&name)));
                }
            }
        } else {
            let r = vm.call(&opener, &[name.clone(), Value::Int(flags as i64)])?;
            if vm.lookup_special(&r, "__index__").is_none() || matches!(r, Value::Float(_)) {
                return Err(vm.type_error("expected integer from opener"));
            }
            let n = vm.index_i64(&r)?;
            if n < 0 {
                return Err(vm.value_error(format!("opener returned {n}")));
            }
            fd = n as i32;
        }
        opened_here = true;
    }
    f.closefd.set(closefd);
    // SAFETY: `stat` is plain old data, valid when zeroed.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: a plain system call on a descriptor this object owns.
    if unsafe { libc::fstat(fd, &mut st) } < 0 {
        let e = super::errno();
        if opened_here {
            // SAFETY: a plain system call on a descriptor this object owns.
            unsafe { libc::close(fd) };
        }
        return Err(os_error(vm, e, None));
    }
    if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
        if opened_here {
            // SAFETY: a plain system call on a descriptor this object owns.
            unsafe { libc::close(fd) };
        }
        return Err(os_error(vm, libc::EISDIR, Some(&name)));
    }
    if st.st_blksize > 1 {
        f.blksize.set(st.st_blksize as i64);
    }
    f.fd.set(fd);
    vm.set_attr_in_dict(obj, "name", name)?;
    if appending {
        // For consistent behaviour, the position starts at the end of the file.
        // SAFETY: a plain system call on a descriptor this object owns.
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    Ok(Value::None)
}

fn fileio_read(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "read", &args[1..], kw, 0, 1)?;
    let f = open_file(vm, &args[0])?;
    if !f.readable.get() {
        return Err(unsupported(vm, "File not open for reading"));
    }
    let n = size_arg(vm, args.get(1))?;
    let r = if n < 0 {
        f.read_all(vm)?
    } else {
        f.read_n(vm, n as usize)?
    };
    Ok(match r {
        Some(b) => bytes_value(vm, b),
        None => Value::None,
    })
}

fn fileio_readall(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "readall", &args[1..], kw, 0, 0)?;
    let f = open_file(vm, &args[0])?;
    Ok(match f.read_all(vm)? {
        Some(b) => bytes_value(vm, b),
        None => Value::None,
    })
}

fn fileio_readinto(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "readinto", &args[1..], kw, 1, 1)?;
    let f = open_file(vm, &args[0])?;
    if !f.readable.get() {
        return Err(unsupported(vm, "File not open for reading"));
    }
    let n = writable_buffer_len(vm, &args[1], "readinto")?;
    match f.read_n(vm, n)? {
        Some(b) => {
            write_into(vm, &args[1], &b)?;
            Ok(Value::from(b.len()))
        }
        None => Ok(Value::None),
    }
}

fn fileio_write(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "write", &args[1..], kw, 1, 1)?;
    let f = open_file(vm, &args[0])?;
    if !f.writable.get() {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let data = crate::builtins::bytes::bytes_arg(vm, &args[1])?;
    Ok(match f.write_bytes(vm, &data)? {
        Some(n) => Value::from(n),
        None => Value::None,
    })
}

fn fileio_seek(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "seek", &args[1..], kw, 1, 2)?;
    let f = open_file(vm, &args[0])?;
    if matches!(args[1], Value::Float(_)) {
        return Err(vm.type_error("an integer is required"));
    }
    let pos = vm.index_i64(&args[1])?;
    let whence = match args.get(2) {
        Some(w) => vm.index_i64(w)? as i32,
        None => 0,
    };
    Ok(Value::Int(f.seek_to(vm, pos, whence)?))
}

fn fileio_tell(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "tell", &args[1..], kw, 0, 0)?;
    let f = open_file(vm, &args[0])?;
    Ok(Value::Int(f.seek_to(vm, 0, libc::SEEK_CUR)?))
}

fn fileio_truncate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "truncate", &args[1..], kw, 0, 1)?;
    let f = open_file(vm, &args[0])?;
    if !f.writable.get() {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let size = match args.get(1) {
        None | Some(Value::None) => f.seek_to(vm, 0, libc::SEEK_CUR)?,
        Some(v) => vm.index_i64(v)?,
    };
    // SAFETY: plain system call.
    if unsafe { libc::ftruncate(f.fd.get(), size as libc::off_t) } < 0 {
        return Err(os_error(vm, super::errno(), None));
    }
    Ok(Value::Int(size))
}

fn fileio_close(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "close", &args[1..], kw, 0, 0)?;
    let f = this(vm, &args[0])?;
    let r = iobase_close_impl(vm, &args[0]);
    let r2 = f.close_fd(vm);
    r?;
    r2?;
    Ok(Value::None)
}

fn fileio_seekable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = open_file(vm, &args[0])?;
    if f.seekable.get() < 0 {
        // SAFETY: plain system call.
        let r = unsafe { libc::lseek(f.fd.get(), 0, libc::SEEK_CUR) };
        f.seekable.set((r >= 0) as i8);
    }
    Ok(Value::bool(f.seekable.get() == 1))
}

fn fileio_readable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(open_file(vm, &args[0])?.readable.get()))
}

fn fileio_writable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(open_file(vm, &args[0])?.writable.get()))
}

fn fileio_fileno(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(open_file(vm, &args[0])?.fd.get() as i64))
}

fn fileio_isatty(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = open_file(vm, &args[0])?;
    // SAFETY: plain system call.
    Ok(Value::bool(unsafe { libc::isatty(f.fd.get()) } == 1))
}

fn fileio_noop(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn fileio_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(vm, &args[0])?;
    let tname = "_io.FileIO";
    if f.fd.get() < 0 {
        return Ok(vm.new_string(format!("<{tname} [closed]>")));
    }
    let closefd = if f.closefd.get() { "True" } else { "False" };
    let name = match vm.getattr_opt(&args[0], "name") {
        Ok(n) => n,
        Err(e) if vm.exc_matches(&e, &vm.types.exceptions.value_error) => None,
        Err(e) => return Err(e),
    };
    Ok(vm.new_string(match name {
        None => format!(
            "<{tname} fd={} mode='{}' closefd={closefd}>",
            f.fd.get(),
            f.mode_string()
        ),
        Some(n) => {
            if !vm.repr_enter(&args[0]) {
                return Err(vm.runtime_error(format!("reentrant call inside {tname}.__repr__")));
            }
            let r = vm.repr(&n);
            vm.repr_leave(&args[0]);
            format!(
                "<{tname} name={} mode='{}' closefd={closefd}>",
                r?,
                f.mode_string()
            )
        }
    }))
}

fn fileio_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(this(vm, v)?.fd.get() < 0))
}

fn fileio_closefd(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(this(vm, v)?.closefd.get()))
}

fn fileio_mode(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_str(this(vm, v)?.mode_string()))
}

fn fileio_blksize(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(this(vm, v)?.blksize.get()))
}

fn fileio_getstate(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.type_error(format!("cannot pickle '{}' object", vm.type_name(&args[0]))))
}

pub fn init(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", fileio_new)], MethodKind::Static);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", fileio_init),
        ("read", fileio_read),
        ("readall", fileio_readall),
        ("readinto", fileio_readinto),
        ("write", fileio_write),
        ("seek", fileio_seek),
        ("tell", fileio_tell),
        ("truncate", fileio_truncate),
        ("close", fileio_close),
        ("seekable", fileio_seekable),
        ("readable", fileio_readable),
        ("writable", fileio_writable),
        ("fileno", fileio_fileno),
        ("isatty", fileio_isatty),
        ("_dealloc_warn", fileio_noop),
        ("__repr__", fileio_repr),
        ("__getstate__", fileio_getstate),
    ];
    vm.add_methods(t, methods);
    vm.add_getsets(
        t,
        &[
            ("closed", fileio_closed, None),
            ("closefd", fileio_closefd, None),
            ("mode", fileio_mode, None),
            ("_blksize", fileio_blksize, None),
        ],
    );
}
