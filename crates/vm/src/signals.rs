//! SIGINT → KeyboardInterrupt. The handler only records the signal; the eval loop checks
//! the record on backward jumps (every loop iteration) and raises KeyboardInterrupt in the
//! running frame, as CPython's eval breaker does.
//! Counterpart: Modules/signalmodule.c (`signal_handler`, `PyErr_CheckSignals`) (3.11).

use std::sync::atomic::{AtomicBool, Ordering};

use crate::vm::{PyResult, Vm};

static SIGINT_PENDING: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_: libc::c_int) {
    SIGINT_PENDING.store(true, Ordering::Relaxed);
}

/// Installs the SIGINT handler (the `rpy` binary does, as CPython does at start-up).
pub fn install_sigint_handler() {
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(
            libc::SIGINT,
            on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t,
        );
    }
}

/// Whether a SIGINT arrived since the last check (and forgets it).
pub fn take_sigint() -> bool {
    SIGINT_PENDING.swap(false, Ordering::Relaxed)
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

impl Vm {
    /// Raises KeyboardInterrupt if SIGINT arrived (`PyErr_CheckSignals`).
    #[inline]
    pub fn check_signals(&self) -> PyResult<()> {
        if SIGINT_PENDING.load(Ordering::Relaxed) && take_sigint() {
            return Err(self.new_exception(&self.types.exceptions.keyboard_interrupt, Vec::new()));
        }
        Ok(())
    }
}
