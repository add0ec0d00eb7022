//! The bytecode cache: `__pycache__/NAME.rpy-311[.opt-N].pyc` beside each imported source,
//! reused while the source is unchanged, rewritten when it changes.
//! Counterpart: `cache_from_source`, `SourceLoader.get_code`, `SourcelessFileLoader`,
//! `_write_atomic` in Lib/importlib/_bootstrap_external.py (3.11), whose rules and `-v`
//! messages this follows.
//!
//! Loading a source module: stat the source; read the cached pyc; use it if its header is
//! valid (magic 3495, known flags) and it matches the source (timestamp pycs: the source's
//! mtime and size, both truncated to 32 bits; hash-based pycs: SipHash-1-3 of the source when
//! checked). Otherwise compile the source and, unless bytecode writing is off, write the pyc
//! atomically (a temporary file renamed over the old one) with the source's permission bits.
//! One deliberate difference from CPython: a pyc whose header is valid but whose body does not
//! unmarshal into a code object is treated as stale (recompiled and replaced) instead of
//! failing the import (see docs/differences.md).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use rpy_marshal::PycHeader;
use rpy_marshal::pyc::Invalidation;

use crate::code::Code;
use crate::vm::{PyResult, Vm};

/// `sys.implementation.cache_tag`.
pub const CACHE_TAG: &str = "rpy-311";

impl Vm {
    /// `sys.pycache_prefix` as it is now (a program may change it).
    pub fn pycache_prefix(&self) -> Option<PathBuf> {
        let v = self.sys_attr("pycache_prefix").ok()?;
        crate::str::as_str(&v).map(PathBuf::from)
    }

    /// `sys.dont_write_bytecode` as it is now.
    pub fn dont_write_bytecode(&self) -> bool {
        match self.sys_attr("dont_write_bytecode") {
            Ok(v) => self.truthy(&v).unwrap_or(true),
            Err(_) => true,
        }
    }
}

/// `importlib.util.cache_from_source(path, optimization)`: where the pyc of `source` lives.
/// `prefix` is `sys.pycache_prefix`.
pub fn cache_from_source(source: &Path, optimize: u8, prefix: Option<&Path>) -> PathBuf {
    let tail = source
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    // CPython: base, sep, rest = tail.rpartition('.'); (base or rest) + sep + tag.
    let mut name = String::with_capacity(tail.len() + 24);
    match tail.rsplit_once('.') {
        Some(("", rest)) => name.push_str(rest),
        Some((base, _)) => name.push_str(base),
        None => name.push_str(&tail),
    }
    if tail.contains('.') {
        name.push('.');
    }
    name.push_str(CACHE_TAG);
    if optimize > 0 {
        use std::fmt::Write;
        let _ = write!(name, ".opt-{optimize}");
    }
    name.push_str(".pyc");
    let head = source.parent().unwrap_or(Path::new(""));
    match prefix {
        Some(prefix) => {
            let head = if head.is_absolute() {
                head.to_path_buf()
            } else {
                std::env::current_dir().unwrap_or_default().join(head)
            };
            let rel: PathBuf = head
                .components()
                .filter(|c| !matches!(c, std::path::Component::RootDir))
                .collect();
            prefix.join(rel).join(name)
        }
        None => head.join("__pycache__").join(name),
    }
}

/// `verbose` with the message made only when it is printed (imports call this on every
/// search step).
pub fn verbose_lazy(vm: &Vm, level: u8, msg: impl FnOnce() -> String) {
    if vm.options.verbose >= level {
        verbose(vm, level, &msg());
    }
}

/// Prints an import-tracing message when `sys.flags.verbose >= level` (`_verbose_message`).
pub fn verbose(vm: &Vm, level: u8, msg: &str) {
    if vm.options.verbose < level {
        return;
    }
    let line = if msg.starts_with('#') || msg.starts_with("import ") {
        format!("{msg}\n")
    } else {
        format!("# {msg}\n")
    };
    match vm.sys_attr("stderr") {
        Ok(err) if !err.is_none() => {
            let _ = vm.write_to(&err, &line);
        }
        _ => eprint!("{line}"),
    }
}

/// `repr()` of a path string, as the messages print it.
fn path_repr(p: &Path) -> String {
    quoted(&p.to_string_lossy())
}

/// The code of a source module, from its cache when valid; compiles (and caches) otherwise.
/// Returns the code and the pyc path (`__cached__`).
pub fn source_code(vm: &Vm, fullname: &str, source_path: &Path) -> PyResult<(Rc<Code>, PathBuf)> {
    source_code_with(vm, fullname, source_path, None)
}

/// `source_code`, given the source's metadata when the caller has just read it.
pub fn source_code_with(
    vm: &Vm,
    fullname: &str,
    source_path: &Path,
    meta: Option<std::fs::Metadata>,
) -> PyResult<(Rc<Code>, PathBuf)> {
    let prefix = vm.pycache_prefix();
    let bytecode_path = cache_from_source(source_path, vm.options.optimize, prefix.as_deref());
    let meta = match meta {
        Some(m) => m,
        None => std::fs::metadata(source_path).map_err(|e| vm.os_error_from_io(&e, source_path))?,
    };
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let size = meta.len();
    let mut source_bytes: Option<Vec<u8>> = None;
    let mut hash_based: Option<bool> = None; // Some(check_source) for a hash-based pyc
    if let Ok(data) = read_small_file(&bytecode_path) {
        let valid = validate(
            vm,
            fullname,
            &data,
            source_path,
            mtime,
            size,
            &mut source_bytes,
            &mut hash_based,
        );
        if valid {
            verbose_lazy(vm, 1, || {
                format!(
                    "{} matches {}",
                    bytecode_path.display(),
                    source_path.display()
                )
            });
            if let Some(code) = code_from_pyc_body(vm, &data[16..], &bytecode_path, source_path)? {
                return Ok((code, bytecode_path));
            }
        }
    }
    let source_bytes = match source_bytes {
        Some(b) => b,
        None => std::fs::read(source_path).map_err(|e| vm.os_error_from_io(&e, source_path))?,
    };
    let filename = source_path.to_string_lossy();
    let co = crate::interp::compile_to_code_object(
        vm,
        &source_bytes,
        &filename,
        rpy_compiler::Mode::Exec,
        vm.options.optimize as u32,
    )?;
    verbose_lazy(vm, 1, || {
        format!("code object from {}", source_path.display())
    });
    if !vm.dont_write_bytecode() {
        let header = match hash_based {
            Some(check_source) => PycHeader::hash_based(&source_bytes, check_source),
            None => PycHeader::timestamp(mtime, source_bytes.len() as u64),
        };
        let data = rpy_marshal::write_pyc(&header, &co);
        cache_bytecode(vm, source_path, &bytecode_path, &data);
    }
    let code = crate::interp::load_code(vm, &co)?;
    Ok((code, bytecode_path))
}

/// The contents of a regular file that is usually small (a pyc): one `read` for the whole
/// file instead of `std::fs::read`'s size query, read and end-of-file probe. A read shorter
/// than asked is the end of a regular file; should one ever stop short anyway, the pyc is
/// incomplete, fails to unmarshal and is recompiled.
fn read_small_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::os::fd::AsRawFd;
    let f = std::fs::File::open(path)?;
    let mut data: Vec<u8> = Vec::with_capacity(16 * 1024);
    loop {
        let room = data.capacity() - data.len();
        // SAFETY: the kernel writes at most `room` bytes into the vector's spare capacity,
        // and the length grows by exactly what it wrote.
        let n = unsafe {
            libc::read(
                f.as_raw_fd(),
                data.as_mut_ptr().add(data.len()).cast(),
                room,
            )
        };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        let n = n as usize;
        // SAFETY: see above.
        unsafe { data.set_len(data.len() + n) };
        if n < room {
            return Ok(data);
        }
        data.reserve(data.capacity());
    }
}

/// Whether a cached pyc's header is valid and matches the source (`_classify_pyc` and the
/// validators); false means recompile.
#[expect(
    clippy::too_many_arguments,
    reason = "the state get_code threads through"
)]
fn validate(
    vm: &Vm,
    fullname: &str,
    data: &[u8],
    source_path: &Path,
    mtime: u64,
    size: u64,
    source_bytes: &mut Option<Vec<u8>>,
    hash_based: &mut Option<bool>,
) -> bool {
    let Ok(header) = classify(vm, fullname, data) else {
        return false;
    };
    match header.invalidation {
        Invalidation::Hash { hash, check_source } => {
            *hash_based = Some(check_source);
            let mode = vm.options.check_hash_based_pycs.as_str();
            if mode != "never" && (check_source || mode == "always") {
                let Ok(src) = std::fs::read(source_path) else {
                    return false;
                };
                let ok = rpy_marshal::pyc::source_hash(&src) == hash;
                *source_bytes = Some(src);
                if !ok {
                    return false;
                }
            }
            true
        }
        Invalidation::Timestamp {
            mtime: pyc_mtime,
            source_size,
        } => {
            if pyc_mtime != mtime as u32 {
                verbose_lazy(vm, 1, || {
                    format!("bytecode is stale for {}", quoted(fullname))
                });
                return false;
            }
            if source_size != size as u32 {
                return false;
            }
            true
        }
    }
}

fn quoted(s: &str) -> String {
    crate::builtins::str::repr_str(s)
}

/// `_classify_pyc`: the header, or the ImportError/EOFError CPython raises (with its
/// verbose message).
fn classify(vm: &Vm, fullname: &str, data: &[u8]) -> PyResult<PycHeader> {
    let magic = &data[..data.len().min(4)];
    if magic != rpy_marshal::pyc::MAGIC {
        let msg = format!(
            "bad magic number in {}: {}",
            quoted(fullname),
            rpy_marshal::repr::bytes_repr(magic)
        );
        verbose(vm, 1, &msg);
        return Err(vm.new_exception_msg(&vm.types.exceptions.import_error, &msg));
    }
    if data.len() < 16 {
        let msg = format!(
            "reached EOF while reading pyc header of {}",
            quoted(fullname)
        );
        verbose(vm, 1, &msg);
        return Err(vm.new_exception_msg(&vm.types.exceptions.eof_error, &msg));
    }
    match PycHeader::parse(data) {
        Ok(h) => Ok(h),
        Err(_) => {
            let flags = u32::from_le_bytes([data[4], data[5], data[6], data[7]]);
            Err(vm.new_exception_msg(
                &vm.types.exceptions.import_error,
                &format!("invalid flags {flags} in {}", quoted(fullname)),
            ))
        }
    }
}

/// `_compile_bytecode`: the code object of a pyc body, its filenames fixed to `source_path`.
/// `None` when the body is not a valid code object (then the caller recompiles).
fn code_from_pyc_body(
    vm: &Vm,
    body: &[u8],
    bytecode_path: &Path,
    source_path: &Path,
) -> PyResult<Option<Rc<Code>>> {
    let Ok(rpy_marshal::Value::Code(co)) = rpy_marshal::loads(body) else {
        return Ok(None);
    };
    verbose_lazy(vm, 1, || {
        format!("code object from {}", path_repr(bytecode_path))
    });
    let co = rpy_marshal::code::with_filename(&co, &source_path.to_string_lossy());
    match crate::interp::load_code(vm, &co) {
        Ok(code) => Ok(Some(code)),
        // A body that unmarshals but does not translate (corrupt operands): recompile.
        Err(_) => Ok(None),
    }
}

/// The code of a sourceless module (`mod.pyc` where `mod.py` would be): errors propagate,
/// as in `SourcelessFileLoader.get_code`.
pub fn sourceless_code(vm: &Vm, fullname: &str, path: &Path) -> PyResult<Rc<Code>> {
    let data = std::fs::read(path).map_err(|e| vm.os_error_from_io(&e, path))?;
    classify(vm, fullname, &data)?;
    let co = match rpy_marshal::loads(&data[16..]) {
        Ok(rpy_marshal::Value::Code(co)) => co,
        Ok(_) => {
            return Err(vm.new_exception_msg(
                &vm.types.exceptions.import_error,
                &format!("Non-code object in {}", path_repr(path)),
            ));
        }
        Err(e) => {
            let (kind, msg) = e.python_exception();
            let t = match kind {
                "EOFError" => &vm.types.exceptions.eof_error,
                "TypeError" => &vm.types.exceptions.type_error,
                _ => &vm.types.exceptions.value_error,
            };
            return Err(vm.new_exception_msg(t, &msg));
        }
    };
    verbose_lazy(vm, 1, || format!("code object from {}", path_repr(path)));
    crate::interp::load_code(vm, &co)
}

/// `_cache_bytecode` / `set_data`: creates the missing directories, then writes atomically;
/// any failure (read-only directory or file system) is silent but for `-v`.
fn cache_bytecode(vm: &Vm, source_path: &Path, bytecode_path: &Path, data: &[u8]) {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mode = std::fs::metadata(source_path)
        .map(|m| m.permissions().mode())
        .unwrap_or(0o666)
        | 0o200;
    // Missing parents, outermost first.
    let mut missing = Vec::new();
    let mut parent = bytecode_path.parent();
    while let Some(p) = parent {
        if p.as_os_str().is_empty() || p.is_dir() {
            break;
        }
        missing.push(p.to_path_buf());
        parent = p.parent();
    }
    for dir in missing.iter().rev() {
        match std::fs::create_dir(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                verbose_lazy(vm, 1, || {
                    format!("could not create {}: {}", path_repr(dir), os_error_repr(&e))
                });
                return;
            }
        }
    }
    // `_write_atomic`: a temporary file beside the target, renamed over it.
    let tmp = {
        let mut s = bytecode_path.as_os_str().to_owned();
        s.push(format!(
            ".{}",
            std::process::id() as u64 * 1_000_003 + tmp_counter()
        ));
        PathBuf::from(s)
    };
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode & 0o666)
        .open(&tmp)
        .and_then(|mut f| f.write_all(data))
        .and_then(|()| std::fs::rename(&tmp, bytecode_path));
    match written {
        Ok(()) => verbose_lazy(vm, 1, || format!("created {}", path_repr(bytecode_path))),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            verbose_lazy(vm, 1, || {
                format!(
                    "could not create {}: {}",
                    path_repr(bytecode_path),
                    os_error_repr(&e)
                )
            });
        }
    }
}

fn tmp_counter() -> u64 {
    thread_local! {
        static N: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    N.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

/// The `repr()` of the OSError CPython would have raised (its class from the errno, as
/// `OSError.__new__` picks it; the filename is not part of the repr).
fn os_error_repr(e: &std::io::Error) -> String {
    let errno = e.raw_os_error().unwrap_or(0);
    let class = match errno {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        _ => "OSError",
    };
    let text = crate::exceptions::strerror(errno);
    format!("{class}({errno}, {})", quoted(&text))
}
