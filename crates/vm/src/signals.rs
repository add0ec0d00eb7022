//! Signals. The C-level handler only records which signal arrived (and writes its number to
//! the wakeup fd, if one is set); the eval loop checks the record at safe points (backward
//! jumps, after native calls) and runs the Python handler installed with `signal.signal` in
//! the running frame, as CPython's eval breaker does. Before the `_signal` module exists (or
//! when its handler is `default_int_handler`) SIGINT raises KeyboardInterrupt.
//! Counterpart: Modules/signalmodule.c (`signal_handler`, `trip_signal`,
//! `PyErr_CheckSignals`) and `PyOS_setsig` in Python/pylifecycle.c (3.11).

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// One more than the highest signal number (`Py_NSIG`).
pub const NSIG: usize = 65;

/// Per signal: arrived since the last check.
static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// Some signal arrived since the last check (`is_tripped`).
static ANY_TRIPPED: AtomicBool = AtomicBool::new(false);
/// The wakeup fd (`signal.set_wakeup_fd`), or -1.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

fn errno_slot() -> *mut libc::c_int {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // SAFETY: gives the calling thread's errno slot.
    unsafe {
        libc::__errno_location()
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    // SAFETY: gives the calling thread's errno slot.
    unsafe {
        libc::__error()
    }
}

extern "C" fn on_signal(sig: libc::c_int) {
    // SAFETY: only atomics, `write` and errno are touched: all async-signal-safe.
    unsafe {
        let saved = *errno_slot();
        if let Some(t) = TRIPPED.get(sig as usize) {
            t.store(true, Ordering::Relaxed);
        }
        ANY_TRIPPED.store(true, Ordering::SeqCst);
        let fd = WAKEUP_FD.load(Ordering::Relaxed);
        if fd >= 0 {
            let byte = sig as u8;
            libc::write(fd, (&byte as *const u8).cast(), 1);
        }
        *errno_slot() = saved;
    }
}

/// What a signal does at the C level.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Disposition {
    Default,
    Ignore,
    /// Recorded for a Python handler.
    Python,
    /// Some other C handler.
    Other,
}

/// The current disposition of `sig`.
pub fn disposition(sig: i32) -> Disposition {
    // SAFETY: a query with a null new action and a zeroed out-parameter.
    let handler = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
            return Disposition::Other;
        }
        old.sa_sigaction
    };
    if handler == libc::SIG_DFL {
        Disposition::Default
    } else if handler == libc::SIG_IGN {
        Disposition::Ignore
    } else if handler == on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t {
        Disposition::Python
    } else {
        Disposition::Other
    }
}

/// Sets the C-level action of `sig` (`PyOS_setsig`: no SA_RESTART, so blocking calls fail
/// with EINTR and the Python handler runs); the OS error number on failure.
pub fn set_disposition(sig: i32, d: Disposition) -> Result<(), i32> {
    let handler = match d {
        Disposition::Default | Disposition::Other => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Python => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
    };
    // SAFETY: a fully initialized action; the handler is async-signal-safe.
    let r = unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = handler;
        libc::sigemptyset(&mut act.sa_mask);
        act.sa_flags = libc::SA_ONSTACK;
        libc::sigaction(sig, &act, std::ptr::null_mut())
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(0))
    }
}

/// The start-up signal set-up of CPython: SIGPIPE and SIGXFSZ ignored (errors are reported
/// by the failing call instead), and SIGINT recorded (→ KeyboardInterrupt) unless it is
/// ignored (a background job). The `rpy` binary calls this.
pub fn install_sigint_handler() {
    let _ = set_disposition(libc::SIGPIPE, Disposition::Ignore);
    let _ = set_disposition(libc::SIGXFSZ, Disposition::Ignore);
    if disposition(libc::SIGINT) == Disposition::Default {
        let _ = set_disposition(libc::SIGINT, Disposition::Python);
    }
}

/// Blocks every signal in the calling thread, so that the kernel delivers process-directed
/// signals to the interpreter's thread (the `rpy` binary's main thread only waits for it).
pub fn block_signals_in_this_thread() {
    // SAFETY: a set filled by the C library, applied to the calling thread.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Sets the wakeup fd (-1 for none); gives the previous one.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::SeqCst)
}

/// Whether a SIGINT arrived since the last check (and forgets it).
pub fn take_sigint() -> bool {
    TRIPPED[libc::SIGINT as usize].swap(false, Ordering::Relaxed)
}

/// Ends the process the way CPython does after an uncaught KeyboardInterrupt: by SIGINT with
/// the default action, so that the parent sees "killed by SIGINT" (a shell shows status 130).
pub fn exit_by_sigint() -> ! {
    // SAFETY: restoring the default disposition and signalling ourselves.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::kill(libc::getpid(), libc::SIGINT);
    }
    std::process::exit(130)
}

/// Whether a signal arrived that `Vm::check_signals` has not handled yet.
#[inline(always)]
pub fn any_tripped() -> bool {
    ANY_TRIPPED.load(Ordering::Relaxed)
}

impl Vm {
    /// Runs the Python handlers of the signals that arrived (`PyErr_CheckSignals`); without
    /// a Python handler, SIGINT raises KeyboardInterrupt.
    #[inline]
    pub fn check_signals(&self) -> PyResult<()> {
        if ANY_TRIPPED.load(Ordering::Relaxed) {
            return self.run_signal_handlers();
        }
        Ok(())
    }

    #[cold]
    fn run_signal_handlers(&self) -> PyResult<()> {
        ANY_TRIPPED.store(false, Ordering::SeqCst);
        for (sig, tripped) in TRIPPED.iter().enumerate().skip(1) {
            if !tripped.swap(false, Ordering::Relaxed) {
                continue;
            }
            let handler = self.signal_handlers.borrow().get(sig).cloned();
            let r = match handler {
                // No `_signal` module yet: SIGINT is KeyboardInterrupt, the rest is ignored.
                None if sig == libc::SIGINT as usize => {
                    Err(self.new_exception(&self.types.exceptions.keyboard_interrupt, Vec::new()))
                }
                None | Some(Value::None | Value::Int(_)) => continue,
                Some(h) => {
                    let frame = {
                        let mut frames = self.frames.borrow_mut();
                        match frames.last_mut() {
                            Some(f) => Value::Obj(crate::builtins::frame::frame_object(self, f)),
                            None => Value::None,
                        }
                    };
                    self.call(&h, &[Value::from(sig), frame]).map(drop)
                }
            };
            if let Err(e) = r {
                // The signals not yet handled are handled at the next check.
                ANY_TRIPPED.store(true, Ordering::SeqCst);
                return Err(e);
            }
        }
        Ok(())
    }
}
