//! The `_signal` module behind `signal.py`: `signal`, `getsignal`, `default_int_handler`,
//! the `SIG*` numbers, `alarm`, `pause`, `raise_signal`, `strsignal`, `siginterrupt`,
//! `set_wakeup_fd`, `setitimer`/`getitimer`, `pthread_sigmask`, `pthread_kill`,
//! `sigpending`, `sigwait` and `valid_signals`. The handlers live in `vm.signal_handlers`;
//! crate::signals records arrivals and runs them.
//! Counterpart: Modules/signalmodule.c (3.11).

use crate::builtins::function::{check_count, no_kwargs};
use crate::builtins::itertools::{check_positional, is_callable};
use crate::builtins::oscall::{Round, c_int, last_error, os_error, seconds_to_ns};
use crate::signals::{Disposition, NSIG, disposition, set_disposition};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

const ITIMER_ERROR: &str = "signal.itimer_error";

const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGIOT", libc::SIGIOT),
    ("SIGABRT", libc::SIGABRT),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGBUS", libc::SIGBUS),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGSYS", libc::SIGSYS),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGPWR", libc::SIGPWR),
    ("SIGIO", libc::SIGIO),
    ("SIGURG", libc::SIGURG),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGCONT", libc::SIGCONT),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGSTKFLT", libc::SIGSTKFLT),
];

/// The signal-number argument of most functions: a C int in 1..NSIG.
fn signum_arg(vm: &Vm, v: &Value) -> PyResult<i32> {
    let n = c_int(vm, v)?;
    if n < 1 || n as usize >= NSIG {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n)
}

/// Whether `v` is the exact int `n` (`compare_handler`).
fn is_exact_int(v: &Value, n: i64) -> bool {
    matches!(v, Value::Int(i) if *i == n)
}

/// Fills the handler table from the C dispositions (`signal_get_set_handlers`) and installs
/// `default_int_handler` for SIGINT if nothing else handles it.
fn init_handlers(vm: &Vm, default_int_handler: &Value) {
    if !vm.signal_handlers.borrow().is_empty() {
        return;
    }
    let mut table = vec![Value::None; NSIG];
    for (sig, slot) in table.iter_mut().enumerate().skip(1) {
        *slot = match disposition(sig as i32) {
            Disposition::Default => Value::Int(0),
            Disposition::Ignore => Value::Int(1),
            Disposition::Python | Disposition::Other => Value::None,
        };
    }
    let sigint = libc::SIGINT as usize;
    let d = disposition(libc::SIGINT);
    if d == Disposition::Default || d == Disposition::Python {
        table[sigint] = default_int_handler.clone();
        let _ = set_disposition(libc::SIGINT, Disposition::Python);
    }
    *vm.signal_handlers.borrow_mut() = table;
}

fn s_default_int_handler(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "default_int_handler", kw)?;
    check_positional(vm, "default_int_handler", args.len(), 2, 2)?;
    c_int(vm, &args[0])?;
    Err(vm.new_exception(&vm.types.exceptions.keyboard_interrupt, Vec::new()))
}

fn s_signal(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "signal", kw)?;
    check_positional(vm, "signal", args.len(), 2, 2)?;
    let sig = c_int(vm, &args[0])?;
    if sig < 1 || sig as usize >= NSIG {
        return Err(vm.value_error("signal number out of range"));
    }
    let handler = &args[1];
    let d = if is_callable(vm, handler) {
        Disposition::Python
    } else if is_exact_int(handler, 1) {
        Disposition::Ignore
    } else if is_exact_int(handler, 0) {
        Disposition::Default
    } else {
        return Err(vm.type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    };
    vm.check_signals()?;
    if let Err(e) = set_disposition(sig, d) {
        return Err(os_error(vm, e));
    }
    let old = {
        let mut table = vm.signal_handlers.borrow_mut();
        match table.get_mut(sig as usize) {
            Some(slot) => std::mem::replace(slot, handler.clone()),
            None => Value::None,
        }
    };
    Ok(old)
}

fn s_getsignal(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_signal.getsignal", args, kw, 1, 1)?;
    let sig = signum_arg(vm, &args[0])?;
    let h = vm.signal_handlers.borrow().get(sig as usize).cloned();
    Ok(h.unwrap_or(Value::None))
}

fn s_alarm(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_signal.alarm", args, kw, 1, 1)?;
    let secs = c_int(vm, &args[0])?;
    // SAFETY: plain system call.
    let left = unsafe { libc::alarm(secs as libc::c_uint) };
    Ok(Value::Int(i64::from(left)))
}

fn s_pause(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_signal.pause", args, kw, 0, 0)?;
    // SAFETY: plain system call; it returns when a handled signal arrives.
    unsafe { libc::pause() };
    vm.check_signals()?;
    Ok(Value::None)
}

fn s_raise_signal(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_signal.raise_signal", args, kw, 1, 1)?;
    let sig = c_int(vm, &args[0])?;
    // SAFETY: plain system call.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(last_error(vm));
    }
    vm.check_signals()?;
    Ok(Value::None)
}

fn s_strsignal(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_signal.strsignal", args, kw, 1, 1)?;
    let sig = signum_arg(vm, &args[0])?;
    // SAFETY: `strsignal` gives a NUL-terminated string, copied at once.
    let text = unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return Ok(Value::None);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    if text.contains("Unknown signal") {
        return Ok(Value::None);
    }
    Ok(vm.new_string(text))
}

fn s_siginterrupt(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "siginterrupt", kw)?;
    check_positional(vm, "siginterrupt", args.len(), 2, 2)?;
    let sig = signum_arg(vm, &args[0])?;
    let flag = c_int(vm, &args[1])?;
    // SAFETY: a query then an update of the same signal's action.
    let r = unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut act);
        if flag != 0 {
            act.sa_flags &= !libc::SA_RESTART;
        } else {
            act.sa_flags |= libc::SA_RESTART;
        }
        libc::sigaction(sig, &act, std::ptr::null_mut())
    };
    if r < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

fn s_set_wakeup_fd(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return Err(vm.type_error(format!(
            "set_wakeup_fd() takes at most 1 positional argument ({npos} given)"
        )));
    }
    for k in kwnames {
        let name = crate::str::as_str(k).unwrap_or("");
        if name != "warn_on_full_buffer" {
            return Err(vm.type_error(format!(
                "'{name}' is an invalid keyword argument for set_wakeup_fd()"
            )));
        }
    }
    if npos == 0 {
        return Err(vm.type_error("set_wakeup_fd() takes exactly 1 positional argument (0 given)"));
    }
    let fd = c_int(vm, &args[0])?;
    for v in &args[npos..] {
        vm.truthy(v)?;
    }
    if fd != -1 {
        // SAFETY: a zeroed out-parameter for `fstat`.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: plain descriptor call.
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(last_error(vm));
        }
        // SAFETY: plain descriptor call.
        let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if fl < 0 {
            return Err(last_error(vm));
        }
        if fl & libc::O_NONBLOCK == 0 {
            return Err(vm.value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    Ok(Value::Int(i64::from(crate::signals::set_wakeup_fd(fd))))
}

fn itimer_error(vm: &Vm) -> PyRef {
    let existing = vm.types.others.borrow().get(ITIMER_ERROR).cloned();
    if let Some(t) = existing {
        return t;
    }
    let t = crate::builtins::type_::make_class(
        vm,
        "itimer_error",
        vec![vm.types.exceptions.os_error.clone()],
        "signal",
    );
    vm.types.others.borrow_mut().insert(ITIMER_ERROR, t.clone());
    t
}

fn itimer_err(vm: &Vm) -> PyErr {
    let code = crate::builtins::oscall::errno();
    let args = vec![
        Value::Int(i64::from(code)),
        vm.new_string(crate::exceptions::strerror(code)),
    ];
    match vm.call(&Value::Obj(itimer_error(vm)), &args) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.system_error("itimer_error() did not return an exception"),
        Err(e) => e,
    }
}

fn timeval_of(vm: &Vm, v: Option<&Value>) -> PyResult<libc::timeval> {
    let ns = match v {
        Some(v) => seconds_to_ns(vm, v, Round::Ceiling)?,
        None => 0,
    };
    // Microseconds, rounded up as CPython's `_PyTime_AsTimeval(..., ROUND_CEILING)`.
    let us = ns.div_euclid(1000) + i64::from(ns.rem_euclid(1000) != 0);
    Ok(libc::timeval {
        tv_sec: us.div_euclid(1_000_000),
        tv_usec: us.rem_euclid(1_000_000),
    })
}

fn itimer_value(vm: &Vm, it: &libc::itimerval) -> Value {
    let f = |tv: &libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1_000_000.0;
    vm.new_tuple(vec![
        Value::float(f(&it.it_value)),
        Value::float(f(&it.it_interval)),
    ])
}

fn s_setitimer(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "setitimer", kw)?;
    check_positional(vm, "setitimer", args.len(), 2, 3)?;
    let which = c_int(vm, &args[0])?;
    let new = libc::itimerval {
        it_value: timeval_of(vm, Some(&args[1]))?,
        it_interval: timeval_of(vm, args.get(2))?,
    };
    // SAFETY: a zeroed out-parameter.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: valid in and out parameters.
    if unsafe { libc::setitimer(which, &new, &mut old) } != 0 {
        return Err(itimer_err(vm));
    }
    Ok(itimer_value(vm, &old))
}

fn s_getitimer(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_signal.getitimer", args, kw, 1, 1)?;
    let which = c_int(vm, &args[0])?;
    // SAFETY: a zeroed out-parameter.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: a valid out-parameter.
    if unsafe { libc::getitimer(which, &mut old) } != 0 {
        return Err(itimer_err(vm));
    }
    Ok(itimer_value(vm, &old))
}

/// `_Py_Sigset_Converter`: an iterable of signal numbers.
fn sigset_arg(vm: &Vm, v: &Value) -> PyResult<libc::sigset_t> {
    // SAFETY: a zeroed set, then emptied by the C library.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: a valid set.
    unsafe { libc::sigemptyset(&mut set) };
    let it = vm.get_iter(v)?;
    while let Some(item) = vm.next(&it)? {
        let n = match vm.index_value(&item)? {
            Value::Int(n) => n,
            _ => -1,
        };
        if n <= 0 || n as usize >= NSIG {
            return Err(vm.value_error(format!("signal number {n} out of range [1; {}]", NSIG - 1)));
        }
        // SAFETY: a valid set; invalid numbers are reported by the return value.
        if unsafe { libc::sigaddset(&mut set, n as i32) } != 0 {
            crate::builtins::functions::warn(
                vm,
                &vm.types.exceptions.runtime_warning,
                &format!("invalid signal number {n}, please use valid_signals()"),
            )?;
        }
    }
    Ok(set)
}

fn sigset_value(vm: &Vm, set: &libc::sigset_t) -> PyResult<Value> {
    let mut items = Vec::new();
    for sig in 1..NSIG as i32 {
        // SAFETY: a valid set.
        if unsafe { libc::sigismember(set, sig) } == 1 {
            items.push(Value::Int(i64::from(sig)));
        }
    }
    vm.new_set_from(items)
}

fn s_pthread_sigmask(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "pthread_sigmask", kw)?;
    check_positional(vm, "pthread_sigmask", args.len(), 2, 2)?;
    let how = c_int(vm, &args[0])?;
    let mask = sigset_arg(vm, &args[1])?;
    // SAFETY: a zeroed out-parameter.
    let mut previous: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: valid sets.
    let err = unsafe { libc::pthread_sigmask(how, &mask, &mut previous) };
    if err != 0 {
        return Err(os_error(vm, err));
    }
    vm.check_signals()?;
    sigset_value(vm, &previous)
}

fn s_sigpending(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_signal.sigpending", args, kw, 0, 0)?;
    // SAFETY: a zeroed out-parameter.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: a valid out-parameter.
    if unsafe { libc::sigpending(&mut set) } != 0 {
        return Err(last_error(vm));
    }
    sigset_value(vm, &set)
}

fn s_sigwait(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_signal.sigwait", args, kw, 1, 1)?;
    let set = sigset_arg(vm, &args[0])?;
    let mut sig: libc::c_int = 0;
    // SAFETY: valid set and out-parameter.
    let err = unsafe { libc::sigwait(&set, &mut sig) };
    if err != 0 {
        return Err(os_error(vm, err));
    }
    Ok(Value::Int(i64::from(sig)))
}

fn s_valid_signals(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_signal.valid_signals", args, kw, 0, 0)?;
    // SAFETY: a zeroed set, then filled by the C library.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: a valid set.
    if unsafe { libc::sigemptyset(&mut set) } != 0 || unsafe { libc::sigfillset(&mut set) } != 0 {
        return Err(last_error(vm));
    }
    sigset_value(vm, &set)
}

fn s_pthread_kill(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "pthread_kill", kw)?;
    check_positional(vm, "pthread_kill", args.len(), 2, 2)?;
    let ident = crate::builtins::int::as_bigint(&vm.index_value(&args[0])?);
    let sig = c_int(vm, &args[1])?;
    // rpy runs one thread, whose identity (`threading.get_ident()`) is 1.
    if ident.is_none_or(|n| n != num_bigint::BigInt::from(1)) {
        return Err(os_error(vm, libc::ESRCH));
    }
    // SAFETY: signalling the calling thread.
    let err = unsafe { libc::pthread_kill(libc::pthread_self(), sig) };
    if err != 0 {
        return Err(os_error(vm, err));
    }
    vm.check_signals()?;
    Ok(Value::None)
}

/// Makes the `_signal` module.
pub fn module(vm: &Vm) -> PyResult<Value> {
    let functions: &[(&'static str, crate::builtins::function::NativeFn)] = &[
        ("alarm", s_alarm),
        ("setitimer", s_setitimer),
        ("getitimer", s_getitimer),
        ("signal", s_signal),
        ("raise_signal", s_raise_signal),
        ("strsignal", s_strsignal),
        ("getsignal", s_getsignal),
        ("set_wakeup_fd", s_set_wakeup_fd),
        ("siginterrupt", s_siginterrupt),
        ("pause", s_pause),
        ("pthread_kill", s_pthread_kill),
        ("pthread_sigmask", s_pthread_sigmask),
        ("sigpending", s_sigpending),
        ("sigwait", s_sigwait),
        ("valid_signals", s_valid_signals),
    ];
    let m = vm.new_module("_signal");
    let d = vm.module_dict(&m);
    let set = |name: &str, v: Value| vm.dict_set_str(&d, vm.intern(name), v);
    for (n, f) in functions {
        set(n, vm.new_builtin_function(n, *f))?;
    }
    set("NSIG", Value::from(NSIG))?;
    set("SIG_BLOCK", Value::Int(i64::from(libc::SIG_BLOCK)))?;
    set("SIG_UNBLOCK", Value::Int(i64::from(libc::SIG_UNBLOCK)))?;
    set("SIG_SETMASK", Value::Int(i64::from(libc::SIG_SETMASK)))?;
    for (n, v) in SIGNALS {
        set(n, Value::Int(i64::from(*v)))?;
    }
    set("SIGRTMIN", Value::Int(i64::from(libc::SIGRTMIN())))?;
    set("SIGRTMAX", Value::Int(i64::from(libc::SIGRTMAX())))?;
    set("ITIMER_REAL", Value::Int(i64::from(libc::ITIMER_REAL)))?;
    set(
        "ITIMER_VIRTUAL",
        Value::Int(i64::from(libc::ITIMER_VIRTUAL)),
    )?;
    set("ITIMER_PROF", Value::Int(i64::from(libc::ITIMER_PROF)))?;
    set("SIG_DFL", Value::Int(0))?;
    set("SIG_IGN", Value::Int(1))?;
    set("ItimerError", Value::Obj(itimer_error(vm)))?;
    set(
        "__doc__",
        vm.new_str("This module provides mechanisms to use signal handlers in Python."),
    )?;
    let dih = vm.new_builtin_function("default_int_handler", s_default_int_handler);
    set("default_int_handler", dih.clone())?;
    init_handlers(vm, &dih);
    Ok(Value::Obj(m))
}
