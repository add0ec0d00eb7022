//! The `_posixsubprocess` module: `fork_exec`, which `subprocess.Popen` uses to start a
//! child: fork, then in the child the pipe plumbing (stdin/stdout/stderr onto fds 0-2), the
//! working directory, umask, signal dispositions, session/process group, ids, `preexec_fn`,
//! closing the other descriptors, and exec of each candidate executable in turn. A failure in
//! the child is reported to the parent through the error pipe as
//! `OSError:<hex errno>:[noexec]` or `SubprocessError:0:<message>`.
//! Counterpart: Modules/_posixsubprocess.c (3.11).

use std::ffi::CString;

use crate::builtins::oscall::{c_int, os_error};
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `os.fspath()` then the bytes (`PyUnicode_FSConverter`).
fn fs_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    let p = if crate::str::as_str(v).is_some() || matches!(v.payload(), Some(Payload::Bytes(_))) {
        v.clone()
    } else {
        match vm.call_special(v, "__fspath__", &[])? {
            Some(r)
                if crate::str::as_str(&r).is_some()
                    || matches!(r.payload(), Some(Payload::Bytes(_))) =>
            {
                r
            }
            Some(r) => {
                return Err(vm.type_error(format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    vm.type_name(v),
                    vm.type_name(&r)
                )));
            }
            None => {
                return Err(vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    vm.type_name(v)
                )));
            }
        }
    };
    let b = match crate::str::as_str(&p) {
        Some(s) => s.as_bytes().to_vec(),
        None => crate::builtins::bytes::bytes_of(&p).unwrap_or_default(),
    };
    if b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(b)
}

/// `_PySequence_BytesToCharpArray`: a sequence of bytes objects.
fn bytes_array(vm: &Vm, v: &Value) -> PyResult<Vec<CString>> {
    let mut out = Vec::new();
    for item in vm.iterate(v)? {
        let Some(Payload::Bytes(b)) = item.payload() else {
            return Err(vm.type_error(format!("expected bytes, {} found", vm.type_name(&item))));
        };
        out.push(CString::new(b.to_vec()).map_err(|_| vm.value_error("embedded null byte"))?);
    }
    Ok(out)
}

/// A NULL-terminated array of pointers into `strings` (which must outlive it).
fn pointers(strings: &[CString]) -> Vec<*const libc::c_char> {
    let mut v: Vec<*const libc::c_char> = strings.iter().map(|s| s.as_ptr()).collect();
    v.push(std::ptr::null());
    v
}

/// A uid or gid argument (`_Py_Uid_Converter`): a non-negative int, or -1.
fn id_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<u32> {
    let n = match vm.index_value(v)? {
        Value::Int(n) => n,
        _ => -2,
    };
    if n == -1 {
        return Ok(u32::MAX);
    }
    u32::try_from(n)
        .ok()
        .filter(|&x| x != u32::MAX)
        .ok_or_else(|| vm.overflow_error(format!("{what} is greater than maximum")))
}

/// Everything the child needs, converted before the fork (the child allocates nothing).
struct ChildPlan<'a> {
    exec_array: &'a [*const libc::c_char],
    argv: *const *const libc::c_char,
    envp: Option<*const *const libc::c_char>,
    cwd: Option<&'a CString>,
    fds: [i32; 8],
    close_fds: bool,
    restore_signals: bool,
    call_setsid: bool,
    pgid_to_set: i32,
    gid: Option<u32>,
    groups: Option<&'a [libc::gid_t]>,
    uid: Option<u32>,
    child_umask: i32,
    fds_to_keep: &'a [i32],
    preexec_fn: Option<&'a Value>,
}

fn set_inheritable(fd: i32, inheritable: bool) -> bool {
    // SAFETY: plain descriptor calls (async-signal-safe).
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFD);
        if flags < 0 {
            return false;
        }
        let new = if inheritable {
            flags & !libc::FD_CLOEXEC
        } else {
            flags | libc::FD_CLOEXEC
        };
        new == flags || libc::fcntl(fd, libc::F_SETFD, new) == 0
    }
}

fn child_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Writes all of `data` to `fd`, retrying on EINTR, ignoring errors.
fn write_all(fd: i32, data: &[u8]) {
    let mut off = 0;
    while off < data.len() {
        // SAFETY: the slice is readable for its length.
        let r = unsafe { libc::write(fd, data[off..].as_ptr().cast(), data.len() - off) };
        if r < 0 {
            if child_errno() == libc::EINTR {
                continue;
            }
            return;
        }
        off += r as usize;
    }
}

/// Closes every descriptor from 3 up except those in `keep` (sorted).
fn close_open_fds(keep: &[i32]) {
    let mut start: u32 = 3;
    let mut ok = true;
    for &k in keep.iter().chain(std::iter::once(&i32::MAX)) {
        let k = k as u32;
        if k < start {
            continue;
        }
        if k > start {
            // SAFETY: close_range on a range of descriptors.
            let r = unsafe { libc::syscall(libc::SYS_close_range, start, k - 1, 0) };
            if r != 0 {
                ok = false;
                break;
            }
        }
        start = k.saturating_add(1);
    }
    if ok {
        return;
    }
    // No close_range: every possible descriptor.
    // SAFETY: a plain query.
    let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    let max = if max > 0 {
        max.min(1 << 20) as i32
    } else {
        256
    };
    for fd in 3..max {
        if keep.binary_search(&fd).is_err() {
            // SAFETY: closing a descriptor we may not own is harmless in the child.
            unsafe { libc::close(fd) };
        }
    }
}

/// The child's side: never returns.
fn child_exec(vm: &Vm, p: &ChildPlan) -> ! {
    let [
        p2cread,
        p2cwrite,
        c2pread,
        mut c2pwrite,
        errread,
        mut errwrite,
        errpipe_read,
        errpipe_write,
    ] = p.fds;
    let mut reached_preexec = false;
    let mut err_msg: &[u8] = b"";
    // The body is a closure so that `?`-like early exits land on the error report.
    let mut run = || -> Result<(), ()> {
        macro_rules! posix {
            ($e:expr) => {{
                // SAFETY: plain system calls on descriptors and the process.
                let r = unsafe { $e };
                if r == -1 {
                    return Err(());
                }
                r
            }};
        }
        for &fd in p.fds_to_keep {
            if fd != errpipe_write && !set_inheritable(fd, true) {
                return Err(());
            }
        }
        if p2cwrite != -1 {
            posix!(libc::close(p2cwrite));
        }
        if c2pread != -1 {
            posix!(libc::close(c2pread));
        }
        if errread != -1 {
            posix!(libc::close(errread));
        }
        posix!(libc::close(errpipe_read));
        if c2pwrite == 0 {
            c2pwrite = posix!(libc::dup(c2pwrite));
            if !set_inheritable(c2pwrite, false) {
                return Err(());
            }
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = posix!(libc::dup(errwrite));
            if !set_inheritable(errwrite, false) {
                return Err(());
            }
        }
        if p2cread == 0 {
            if !set_inheritable(p2cread, true) {
                return Err(());
            }
        } else if p2cread != -1 {
            posix!(libc::dup2(p2cread, 0));
        }
        if c2pwrite == 1 {
            if !set_inheritable(c2pwrite, true) {
                return Err(());
            }
        } else if c2pwrite != -1 {
            posix!(libc::dup2(c2pwrite, 1));
        }
        if errwrite == 2 {
            if !set_inheritable(errwrite, true) {
                return Err(());
            }
        } else if errwrite != -1 {
            posix!(libc::dup2(errwrite, 2));
        }
        if let Some(cwd) = p.cwd {
            posix!(libc::chdir(cwd.as_ptr()));
        }
        if p.child_umask >= 0 {
            // SAFETY: always succeeds.
            unsafe { libc::umask(p.child_umask as libc::mode_t) };
        }
        if p.restore_signals {
            let _ = crate::signals::set_disposition(
                libc::SIGPIPE,
                crate::signals::Disposition::Default,
            );
            let _ = crate::signals::set_disposition(
                libc::SIGXFSZ,
                crate::signals::Disposition::Default,
            );
        }
        if p.call_setsid {
            posix!(libc::setsid());
        }
        if p.pgid_to_set >= 0 {
            posix!(libc::setpgid(0, p.pgid_to_set));
        }
        if let Some(groups) = p.groups {
            posix!(libc::setgroups(groups.len(), groups.as_ptr()));
        }
        if let Some(gid) = p.gid {
            posix!(libc::setregid(gid, gid));
        }
        if let Some(uid) = p.uid {
            posix!(libc::setreuid(uid, uid));
        }
        reached_preexec = true;
        if let Some(f) = p.preexec_fn
            && vm.call(f, &[]).is_err()
        {
            err_msg = b"Exception occurred in preexec_fn.";
            // SAFETY: the calling thread's errno slot.
            unsafe { *libc::__errno_location() = 0 };
            return Err(());
        }
        if p.close_fds {
            close_open_fds(p.fds_to_keep);
        }
        let mut saved = 0;
        for &exe in p.exec_array {
            if exe.is_null() {
                break;
            }
            // SAFETY: NULL-terminated arrays of NUL-terminated strings, built before the fork.
            unsafe {
                match p.envp {
                    Some(envp) => libc::execve(exe, p.argv, envp),
                    None => libc::execv(exe, p.argv),
                };
            }
            let e = child_errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        if saved != 0 {
            // SAFETY: the calling thread's errno slot.
            unsafe { *libc::__errno_location() = saved };
        }
        Err(())
    };
    let _ = run();
    let saved = child_errno();
    if saved != 0 {
        write_all(errpipe_write, b"OSError:");
        let mut hex = [0u8; 8];
        let mut i = hex.len();
        let mut n = saved as u32;
        while n != 0 && i > 0 {
            i -= 1;
            hex[i] = b"0123456789ABCDEF"[(n % 16) as usize];
            n /= 16;
        }
        write_all(errpipe_write, &hex[i..]);
        write_all(errpipe_write, b":");
        if !reached_preexec {
            write_all(errpipe_write, b"noexec");
        }
    } else {
        write_all(errpipe_write, b"SubprocessError:0:");
        write_all(errpipe_write, err_msg);
    }
    // SAFETY: ends the child without running the parent's exit handlers.
    unsafe { libc::_exit(255) }
}

fn fork_exec(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_kwargs(vm, "fork_exec", kw)?;
    if args.len() != 23 {
        return Err(vm.type_error(format!(
            "fork_exec() takes exactly 23 arguments ({} given)",
            args.len()
        )));
    }
    let process_args = &args[0];
    let executable_list = &args[1];
    let close_fds = vm.truthy(&args[2])?;
    let Some(Payload::Tuple(keep_items)) = args[3].payload() else {
        return Err(vm.type_error(format!(
            "fork_exec() argument 4 must be tuple, not {}",
            vm.type_name(&args[3])
        )));
    };
    let cwd_obj = &args[4];
    let env_list = &args[5];
    let mut fds = [0i32; 8];
    for (slot, v) in fds.iter_mut().zip(&args[6..14]) {
        *slot = c_int(vm, v)?;
    }
    let restore_signals = c_int(vm, &args[14])? != 0;
    let call_setsid = c_int(vm, &args[15])? != 0;
    let pgid_to_set = c_int(vm, &args[16])?;
    let (gid_obj, groups_obj, uid_obj) = (&args[17], &args[18], &args[19]);
    let child_umask = c_int(vm, &args[20])?;
    let preexec_fn = &args[21];
    vm.truthy(&args[22])?;

    if close_fds && fds[7] < 3 {
        return Err(vm.value_error("errpipe_write must be >= 3"));
    }
    let mut fds_to_keep = Vec::with_capacity(keep_items.len());
    let mut prev = -1i64;
    for v in keep_items.iter() {
        let fd = match v {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => -1,
        };
        if fd < 0 || fd <= prev || fd > i64::from(i32::MAX) {
            return Err(vm.value_error("bad value(s) in fds_to_keep"));
        }
        prev = fd;
        fds_to_keep.push(fd as i32);
    }

    let exec_strings = bytes_array(vm, executable_list)?;
    let exec_array = pointers(&exec_strings);
    let argv_strings = if process_args.is_none() {
        Vec::new()
    } else {
        let items = match process_args.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            Some(Payload::List(l)) => l.borrow().clone(),
            _ => return Err(vm.type_error("argv must be a tuple")),
        };
        let mut out = Vec::with_capacity(items.len());
        for a in &items {
            out.push(
                CString::new(fs_bytes(vm, a)?).map_err(|_| vm.value_error("embedded null byte"))?,
            );
        }
        out
    };
    let argv = pointers(&argv_strings);
    let env_strings = if env_list.is_none() {
        None
    } else {
        Some(bytes_array(vm, env_list)?)
    };
    let envp = env_strings.as_ref().map(|e| pointers(e));
    let cwd = if cwd_obj.is_none() {
        None
    } else {
        Some(
            CString::new(fs_bytes(vm, cwd_obj)?)
                .map_err(|_| vm.value_error("embedded null byte"))?,
        )
    };
    let groups: Option<Vec<libc::gid_t>> = if groups_obj.is_none() {
        None
    } else {
        let Some(Payload::List(l)) = groups_obj.payload() else {
            return Err(vm.type_error("setgroups argument must be a list"));
        };
        let items = l.borrow().clone();
        let mut out = Vec::with_capacity(items.len());
        for g in &items {
            if crate::builtins::int::as_bigint(g).is_none() {
                return Err(vm.type_error("groups must be integers"));
            }
            out.push(id_arg(vm, g, "gid").map_err(|_| vm.value_error("invalid group id"))?);
        }
        Some(out)
    };
    let gid = if gid_obj.is_none() {
        None
    } else {
        Some(id_arg(vm, gid_obj, "gid")?)
    };
    let uid = if uid_obj.is_none() {
        None
    } else {
        Some(id_arg(vm, uid_obj, "uid")?)
    };

    let plan = ChildPlan {
        exec_array: &exec_array,
        argv: argv.as_ptr(),
        envp: envp.as_ref().map(|e| e.as_ptr()),
        cwd: cwd.as_ref(),
        fds,
        close_fds,
        restore_signals,
        call_setsid,
        pgid_to_set,
        gid,
        groups: groups.as_deref(),
        uid,
        child_umask,
        fds_to_keep: &fds_to_keep,
        preexec_fn: if preexec_fn.is_none() {
            None
        } else {
            Some(preexec_fn)
        },
    };
    // SAFETY: fork; the child only runs `child_exec`, which ends in exec or `_exit` (so
    // buffered output is never written twice).
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        child_exec(vm, &plan);
    }
    if pid < 0 {
        return Err(os_error(vm, crate::builtins::oscall::errno()));
    }
    Ok(Value::Int(i64::from(pid)))
}

/// Makes the `_posixsubprocess` module.
pub fn module(vm: &Vm) -> Value {
    let m = vm.new_module("_posixsubprocess");
    let d = vm.module_dict(&m);
    let _ = vm.dict_set_str(
        &d,
        vm.intern("fork_exec"),
        vm.new_builtin_function("fork_exec", fork_exec),
    );
    let _ = vm.dict_set_str(
        &d,
        vm.intern("__doc__"),
        vm.new_str("A POSIX helper for the subprocess module."),
    );
    Value::Obj(m)
}
