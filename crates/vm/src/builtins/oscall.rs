//! Helpers shared by the native modules that wrap system calls (`_signal`, `select`,
//! `_socket`, `_posixsubprocess`): C integer arguments, timeouts in seconds, OSError from
//! `errno`, and the retry-on-EINTR loop of PEP 475 (which runs the Python signal handlers).
//! Counterpart: Python/getargs.c (`i`, `l` converters), Python/pytime.c
//! (`_PyTime_FromSecondsObject`), Python/errors.c (`PyErr_SetFromErrno`) (3.11).

use num_traits::Signed;

use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The calling thread's `errno`.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `OSError(code, strerror(code))`, of the subclass the number picks.
pub fn os_error(vm: &Vm, code: i32) -> PyErr {
    crate::builtins::io::os_error(vm, code, None)
}

/// The OSError of the last failed call.
pub fn last_error(vm: &Vm) -> PyErr {
    os_error(vm, errno())
}

/// A C `int` argument (`_PyLong_AsInt` through `__index__`).
pub fn c_int(vm: &Vm, v: &Value) -> PyResult<i32> {
    match vm.index_value(v)? {
        Value::Int(x) if i32::try_from(x).is_ok() => Ok(x as i32),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// A C `long` argument.
pub fn c_long(vm: &Vm, v: &Value) -> PyResult<i64> {
    match vm.index_value(v)? {
        Value::Int(x) => Ok(x),
        _ => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

/// Whether an int value is negative.
pub fn is_negative(v: &Value) -> bool {
    match v {
        Value::Int(i) => *i < 0,
        _ => crate::builtins::int::as_bigint(v).is_some_and(|n| n.is_negative()),
    }
}

/// How a duration in seconds is rounded to nanoseconds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Round {
    /// Towards plus infinity (`_PyTime_ROUND_CEILING`).
    Ceiling,
    /// Away from zero (`_PyTime_ROUND_TIMEOUT`).
    Timeout,
}

fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(f.get()),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

/// `_PyTime_FromSecondsObject`: an int or float number of seconds, in nanoseconds.
pub fn seconds_to_ns(vm: &Vm, v: &Value, round: Round) -> PyResult<i64> {
    scaled_to_ns(vm, v, round, 1_000_000_000)
}

/// `_PyTime_FromMillisecondsObject`: an int or float number of milliseconds, in nanoseconds.
pub fn millis_to_ns(vm: &Vm, v: &Value, round: Round) -> PyResult<i64> {
    scaled_to_ns(vm, v, round, 1_000_000)
}

fn scaled_to_ns(vm: &Vm, v: &Value, round: Round, unit: i64) -> PyResult<i64> {
    let too_large = || vm.overflow_error("timestamp too large to convert to C _PyTime_t");
    if let Some(d) = float_of(v) {
        if d.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let x = d * unit as f64;
        let x = match round {
            Round::Ceiling => x.ceil(),
            Round::Timeout if x >= 0.0 => x.ceil(),
            Round::Timeout => x.floor(),
        };
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&x) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(x as i64);
    }
    match vm.index_value(v)? {
        Value::Int(i) => i.checked_mul(unit).ok_or_else(too_large),
        _ => Err(too_large()),
    }
}

/// `PyObject_AsFileDescriptor`: an int, or an object whose `fileno()` gives one.
pub fn fileno_arg(vm: &Vm, v: &Value) -> PyResult<i32> {
    let fd = if crate::builtins::int::as_bigint(v).is_some() {
        c_int(vm, v)?
    } else if let Some(m) = vm.getattr_opt(v, "fileno")? {
        let r = vm.call(&m, &[])?;
        if crate::builtins::int::as_bigint(&r).is_none() {
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

/// Runs a system call until it does not fail with EINTR, running the Python signal handlers
/// after each interruption (an exception they raise ends the call); `Err(errno)` for other
/// failures, as the `Ok` value is the call's result (`r < 0` means failure).
pub fn retry<T: Copy + PartialOrd + Default>(
    vm: &Vm,
    mut call: impl FnMut() -> T,
) -> PyResult<Result<T, i32>> {
    loop {
        let r = call();
        if r >= T::default() {
            return Ok(Ok(r));
        }
        let e = errno();
        if e != libc::EINTR {
            return Ok(Err(e));
        }
        vm.check_signals()?;
    }
}

/// As `retry`, with other failures as OSError.
pub fn retry_os<T: Copy + PartialOrd + Default>(vm: &Vm, call: impl FnMut() -> T) -> PyResult<T> {
    match retry(vm, call)? {
        Ok(r) => Ok(r),
        Err(e) => Err(os_error(vm, e)),
    }
}

/// A monotonic clock reading in nanoseconds (for deadlines of interrupted waits).
pub fn monotonic_ns() -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-parameter.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}
