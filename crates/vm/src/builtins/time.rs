//! The `time` module: the clocks, `sleep`, `struct_time` and the conversions between
//! timestamps and broken-down time through the C library (`gmtime_r`, `localtime_r`,
//! `mktime`, `strftime`, the `TZ` rules of `tzset`).
//! Counterpart: Modules/timemodule.c and Python/pytime.c (3.11), Linux.
#![allow(
    clippy::unnecessary_cast,
    reason = "time_t and long are 64 bits here but not on every platform"
)]

use std::ffi::{CStr, CString};
use std::rc::Rc;

use crate::builtins::function::{MethodKind, NativeFn, check_count, no_kwargs, parse_args};
use crate::object::{Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

const NS_PER_SEC: i64 = 1_000_000_000;

unsafe extern "C" {
    /// POSIX `tzset` (the libc crate does not declare it).
    fn tzset();
}

/// The fields of `struct_time` that are tuple items.
const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

/// The attribute-only fields, kept in the instance dict.
const HIDDEN: [&str; 2] = ["tm_zone", "tm_gmtoff"];

const WDAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MON_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// OSError (or its errno subclass) for the C library's `errno`.
fn errno_error(vm: &Vm, errno: i32) -> PyErr {
    let args = vec![
        Value::Int(errno as i64),
        vm.new_string(crate::exceptions::strerror(errno)),
    ];
    match vm.call(&Value::Obj(vm.types.exceptions.os_error.clone()), &args) {
        Ok(Value::Obj(o)) => o,
        _ => vm.new_exception(&vm.types.exceptions.os_error, args),
    }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn time_t_overflow(vm: &Vm) -> PyErr {
    vm.overflow_error("timestamp out of range for platform time_t")
}

// ---------------------------------------------------------------------------------------
// clocks

/// `clock_gettime(clk)` in nanoseconds.
fn clock_ns(vm: &Vm, clk: libc::clockid_t) -> PyResult<i64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write into.
    if unsafe { libc::clock_gettime(clk, &mut ts) } != 0 {
        return Err(errno_error(vm, last_errno()));
    }
    Ok((ts.tv_sec as i64)
        .saturating_mul(NS_PER_SEC)
        .saturating_add(ts.tv_nsec as i64))
}

/// `_PyTime_AsSecondsDouble`: exact when the time is a whole number of seconds.
fn ns_to_secs(ns: i64) -> f64 {
    if ns % NS_PER_SEC == 0 {
        (ns / NS_PER_SEC) as f64
    } else {
        ns as f64 / 1e9
    }
}

fn secs_value(vm: &Vm, clk: libc::clockid_t) -> PyResult<Value> {
    Ok(Value::float(ns_to_secs(clock_ns(vm, clk)?)))
}

macro_rules! clock_fns {
    ($( $secs:ident, $ns:ident, $py:literal, $clk:expr; )*) => {
        $(
            fn $secs(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                no_args(vm, $py, args, kw)?;
                secs_value(vm, $clk)
            }

            fn $ns(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                no_args(vm, concat!($py, "_ns"), args, kw)?;
                Ok(Value::Int(clock_ns(vm, $clk)?))
            }
        )*
    };
}

clock_fns! {
    t_time, t_time_ns, "time", libc::CLOCK_REALTIME;
    t_monotonic, t_monotonic_ns, "monotonic", libc::CLOCK_MONOTONIC;
    t_perf_counter, t_perf_counter_ns, "perf_counter", libc::CLOCK_MONOTONIC;
    t_process_time, t_process_time_ns, "process_time", libc::CLOCK_PROCESS_CPUTIME_ID;
    t_thread_time, t_thread_time_ns, "thread_time", libc::CLOCK_THREAD_CPUTIME_ID;
}

/// `METH_NOARGS`.
fn no_args(vm: &Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("time.{name}() takes no keyword arguments")));
    }
    if !args.is_empty() {
        return Err(vm.type_error(format!(
            "time.{name}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

/// `METH_O`.
fn one_arg(vm: &Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("time.{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "time.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(())
}

/// A C `int` argument (`"i"`): `__index__`, range-checked.
fn c_int(vm: &Vm, v: &Value) -> PyResult<i32> {
    match vm.index_value(v)? {
        Value::Int(i) => i32::try_from(i).map_err(|_| {
            vm.overflow_error(if i < 0 {
                "signed integer is less than minimum"
            } else {
                "signed integer is greater than maximum"
            })
        }),
        big => Err(vm.overflow_error(
            if crate::builtins::int::as_bigint(&big)
                .is_some_and(|b| b.sign() == num_bigint::Sign::Minus)
            {
                "signed integer is less than minimum"
            } else {
                "signed integer is greater than maximum"
            },
        )),
    }
}

/// A C `long` argument.
fn c_long(vm: &Vm, v: &Value) -> PyResult<i64> {
    match vm.index_value(v)? {
        Value::Int(i) => Ok(i),
        _ => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

/// The `clk_id` argument of the `clock_*` functions (`"i"` format, or a C long for the
/// `_ns` forms).
fn clock_arg(vm: &Vm, name: &str, args: &[Value], kw: &[Value], n: usize) -> PyResult<i32> {
    no_kwargs(vm, name, kw)?;
    if args.len() != n {
        return Err(vm.type_error(format!(
            "{name}() takes exactly {n} argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            args.len()
        )));
    }
    if name.ends_with("_ns") {
        let l = c_long(vm, &args[0])?;
        return i32::try_from(l)
            .map_err(|_| vm.overflow_error("Python int too large to convert to C int"));
    }
    c_int(vm, &args[0])
}

fn t_clock_gettime(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let clk = clock_arg(vm, "clock_gettime", args, kw, 1)?;
    secs_value(vm, clk as libc::clockid_t)
}

fn t_clock_gettime_ns(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let clk = clock_arg(vm, "clock_gettime_ns", args, kw, 1)?;
    Ok(Value::Int(clock_ns(vm, clk as libc::clockid_t)?))
}

fn t_clock_getres(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let clk = clock_arg(vm, "clock_getres", args, kw, 1)?;
    Ok(Value::float(clock_res(vm, clk as libc::clockid_t)?))
}

fn clock_res(vm: &Vm, clk: libc::clockid_t) -> PyResult<f64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write into.
    if unsafe { libc::clock_getres(clk, &mut ts) } != 0 {
        return Err(errno_error(vm, last_errno()));
    }
    Ok(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
}

fn settime(vm: &Vm, clk: i32, ns: i64) -> PyResult<Value> {
    let ts = libc::timespec {
        tv_sec: ns.div_euclid(NS_PER_SEC) as libc::time_t,
        tv_nsec: ns.rem_euclid(NS_PER_SEC) as libc::c_long,
    };
    // SAFETY: `ts` is a valid timespec.
    if unsafe { libc::clock_settime(clk as libc::clockid_t, &ts) } != 0 {
        return Err(errno_error(vm, last_errno()));
    }
    Ok(Value::None)
}

fn t_clock_settime(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let clk = clock_arg(vm, "clock_settime", args, kw, 2)?;
    let ns = seconds_to_ns(vm, &args[1], Round::Floor)?;
    settime(vm, clk, ns)
}

fn t_clock_settime_ns(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let clk = clock_arg(vm, "clock_settime_ns", args, kw, 2)?;
    let ns = match vm.index_value(&args[1])? {
        Value::Int(i) => i,
        _ => return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t")),
    };
    settime(vm, clk, ns)
}

fn t_pthread_getcpuclockid(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "pthread_getcpuclockid", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "pthread_getcpuclockid() takes exactly 1 argument ({} given)",
            args.len()
        )));
    }
    // `"k"`: any int, reduced modulo 2**64.
    let Some(n) = crate::builtins::int::as_bigint(&args[0]) else {
        return Err(vm.type_error(format!(
            "pthread_getcpuclockid() argument 1 must be int, not {}",
            vm.type_name(&args[0])
        )));
    };
    let low: num_bigint::BigInt = n & num_bigint::BigInt::from(u64::MAX);
    let thread = u64::try_from(&low).unwrap_or(0);
    let mut clk: libc::clockid_t = 0;
    // SAFETY: `clk` is a valid out-pointer; glibc checks the thread id.
    let err = unsafe { libc::pthread_getcpuclockid(thread as libc::pthread_t, &mut clk) };
    if err != 0 {
        return Err(errno_error(vm, err));
    }
    Ok(Value::Int(clk as i64))
}

/// The clocks `get_clock_info` describes.
fn clock_info(name: &str) -> Option<(&'static str, bool, bool, libc::clockid_t)> {
    Some(match name {
        "time" => (
            "clock_gettime(CLOCK_REALTIME)",
            false,
            true,
            libc::CLOCK_REALTIME,
        ),
        "monotonic" | "perf_counter" => (
            "clock_gettime(CLOCK_MONOTONIC)",
            true,
            false,
            libc::CLOCK_MONOTONIC,
        ),
        "process_time" => (
            "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)",
            true,
            false,
            libc::CLOCK_PROCESS_CPUTIME_ID,
        ),
        "thread_time" => (
            "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
            true,
            false,
            libc::CLOCK_THREAD_CPUTIME_ID,
        ),
        _ => return None,
    })
}

fn t_get_clock_info(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "get_clock_info", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "get_clock_info() takes exactly 1 argument ({} given)",
            args.len()
        )));
    }
    let Some(name) = crate::str::as_str(&args[0]) else {
        return Err(vm.type_error(format!(
            "get_clock_info() argument 1 must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let Some((implementation, monotonic, adjustable, clk)) = clock_info(name) else {
        return Err(vm.value_error("unknown clock"));
    };
    let resolution = clock_res(vm, clk)?;
    // A types.SimpleNamespace, the class of sys.implementation.
    let ns_type = vm.class_of(&vm.sys_attr("implementation")?).clone();
    let ns = PyObject::new(ns_type, Payload::Object);
    vm.set_attr_in_dict(&ns, "implementation", vm.new_str(implementation))?;
    vm.set_attr_in_dict(&ns, "monotonic", Value::bool(monotonic))?;
    vm.set_attr_in_dict(&ns, "adjustable", Value::bool(adjustable))?;
    vm.set_attr_in_dict(&ns, "resolution", Value::float(resolution))?;
    Ok(Value::Obj(ns))
}

// ---------------------------------------------------------------------------------------
// seconds arguments

#[derive(Clone, Copy)]
enum Round {
    /// Towards minus infinity (timestamps).
    Floor,
    /// Away from zero (timeouts: never sleep too little).
    Up,
}

/// `_PyTime_ObjectToTime_t`: a timestamp in whole seconds.
fn object_to_time_t(vm: &Vm, v: &Value) -> PyResult<i64> {
    if let Some(d) = float_of(v) {
        if d.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let d = d.floor();
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&d) {
            return Err(time_t_overflow(vm));
        }
        return Ok(d as i64);
    }
    match vm.index_value(v)? {
        Value::Int(i) => Ok(i),
        _ => Err(time_t_overflow(vm)),
    }
}

/// The value of a float or float subclass instance.
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

/// `_PyTime_FromSecondsObject`: a duration in nanoseconds.
fn seconds_to_ns(vm: &Vm, v: &Value, round: Round) -> PyResult<i64> {
    if let Some(d) = float_of(v) {
        if d.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let x = d * 1e9;
        let x = match round {
            Round::Floor => x.floor(),
            Round::Up => {
                if x >= 0.0 {
                    x.ceil()
                } else {
                    x.floor()
                }
            }
        };
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&x) {
            return Err(time_t_overflow(vm));
        }
        return Ok(x as i64);
    }
    let too_large = || vm.overflow_error("timestamp too large to convert to C _PyTime_t");
    match vm.index_value(v)? {
        Value::Int(i) => i.checked_mul(NS_PER_SEC).ok_or_else(too_large),
        _ => Err(too_large()),
    }
}

fn t_sleep(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "sleep", args, kw)?;
    let ns = seconds_to_ns(vm, &args[0], Round::Up)?;
    if ns < 0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    // Interrupted by a signal, the handlers run (an exception they raise ends the sleep),
    // then the sleep goes on for the time left (PEP 475).
    let deadline = crate::builtins::oscall::monotonic_ns().saturating_add(ns);
    let mut left = ns;
    while left > 0 {
        let ts = libc::timespec {
            tv_sec: left / NS_PER_SEC,
            tv_nsec: left % NS_PER_SEC,
        };
        // SAFETY: a valid request; the remainder is not needed (the deadline is used).
        if unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) } == 0 {
            break;
        }
        vm.check_signals()?;
        left = deadline - crate::builtins::oscall::monotonic_ns();
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------------------------------
// broken-down time

fn zeroed_tm() -> libc::tm {
    libc::tm {
        tm_sec: 0,
        tm_min: 0,
        tm_hour: 0,
        tm_mday: 0,
        tm_mon: 0,
        tm_year: 0,
        tm_wday: 0,
        tm_yday: 0,
        tm_isdst: 0,
        tm_gmtoff: 0,
        tm_zone: std::ptr::null(),
    }
}

/// `gmtime_r` or `localtime_r` of a timestamp.
fn broken_down(vm: &Vm, t: i64, local: bool) -> PyResult<libc::tm> {
    // time_t is 64 bits wide on the Linux targets rpy supports.
    let tt = t as libc::time_t;
    let mut tm = zeroed_tm();
    // SAFETY: both pointers are valid for the call; `tm_zone` then points into the C
    // library's static zone names, which live for the whole process.
    let r = unsafe {
        if local {
            libc::localtime_r(&tt, &mut tm)
        } else {
            libc::gmtime_r(&tt, &mut tm)
        }
    };
    if r.is_null() {
        let e = last_errno();
        return Err(errno_error(vm, if e == 0 { libc::EINVAL } else { e }));
    }
    Ok(tm)
}

fn now(vm: &Vm) -> PyResult<i64> {
    Ok(clock_ns(vm, libc::CLOCK_REALTIME)?.div_euclid(NS_PER_SEC))
}

/// The `struct_time` class.
fn struct_time_type(vm: &Vm) -> PyRef {
    vm.types.other("time.struct_time")
}

/// A `struct_time` from its nine items and two hidden fields.
fn new_struct_time(vm: &Vm, t: &PyRef, items: Vec<Value>, zone: Value, gmtoff: Value) -> Value {
    let d = crate::builtins::dict::new_dict();
    if let Payload::Dict(dd) = &d.payload {
        let mut dd = dd.borrow_mut();
        let _ = dd.set_str(vm.intern(HIDDEN[0]), zone);
        let _ = dd.set_str(vm.intern(HIDDEN[1]), gmtoff);
    }
    Value::Obj(PyObject::with_dict(
        t.clone(),
        Payload::Tuple(items.into_boxed_slice()),
        d,
    ))
}

/// `tmtotuple`.
fn tm_to_struct(vm: &Vm, tm: &libc::tm) -> Value {
    let items = vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
    ];
    let zone = if tm.tm_zone.is_null() {
        Value::None
    } else {
        // SAFETY: a non-null `tm_zone` from the C library is a NUL-terminated string.
        let s = unsafe { CStr::from_ptr(tm.tm_zone) };
        vm.new_string(s.to_string_lossy().into_owned())
    };
    new_struct_time(
        vm,
        &struct_time_type(vm),
        items,
        zone,
        Value::Int(tm.tm_gmtoff as i64),
    )
}

/// A broken-down time argument with the C string its `tm_zone` points into.
struct TmArg {
    tm: libc::tm,
    _zone: Option<CString>,
}

/// `gettmarg`: a 9-tuple (or `struct_time`, whose zone and offset are kept) as a C `tm`.
fn gettmarg(vm: &Vm, v: &Value, fname: &str) -> PyResult<TmArg> {
    let items = match v.payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => return Err(vm.type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i32; 9];
    for (slot, x) in f.iter_mut().zip(&items) {
        *slot = c_int(vm, x)?;
    }
    if f[0] < i32::MIN + 1900 {
        return Err(vm.overflow_error("year out of range"));
    }
    let mut tm = zeroed_tm();
    tm.tm_year = f[0] - 1900;
    tm.tm_mon = f[1].wrapping_sub(1);
    tm.tm_mday = f[2];
    tm.tm_hour = f[3];
    tm.tm_min = f[4];
    tm.tm_sec = f[5];
    tm.tm_wday = f[6].wrapping_add(1) % 7;
    tm.tm_yday = f[7].wrapping_sub(1);
    tm.tm_isdst = f[8];
    let mut zone = None;
    if let Value::Obj(o) = v
        && Rc::ptr_eq(o.class(), &struct_time_type(vm))
    {
        let z = vm.getattr_str(v, HIDDEN[0])?;
        if !z.is_none() {
            let Some(s) = crate::str::as_str(&z) else {
                return Err(vm.type_error("bad argument type for built-in operation"));
            };
            let c = CString::new(s).map_err(|_| vm.value_error("embedded null character"))?;
            tm.tm_zone = c.as_ptr();
            zone = Some(c);
        }
        let off = vm.getattr_str(v, HIDDEN[1])?;
        if !off.is_none() {
            tm.tm_gmtoff = c_long(vm, &off)? as libc::c_long;
        }
    }
    Ok(TmArg { tm, _zone: zone })
}

/// `checktm`: the ranges `strftime` and `asctime` index by (0 meaning the lowest value for
/// month, day of month and day of year).
fn checktm(vm: &Vm, tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

/// The optional `secs` of `gmtime`, `localtime` and `ctime` (`None` or absent: now).
fn secs_arg(vm: &Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<i64> {
    no_kwargs(vm, name, kw)?;
    let p = parse_args(vm, name, args, kw, &["secs"], 1, 1, 0)?;
    match p.get(0) {
        None | Some(Value::None) => now(vm),
        Some(v) => object_to_time_t(vm, v),
    }
}

fn t_gmtime(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let t = secs_arg(vm, "gmtime", args, kw)?;
    Ok(tm_to_struct(vm, &broken_down(vm, t, false)?))
}

fn t_localtime(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let t = secs_arg(vm, "localtime", args, kw)?;
    Ok(tm_to_struct(vm, &broken_down(vm, t, true)?))
}

/// `_asctime`: `Sun Jun 20 23:21:05 1993`.
fn asctime_text(tm: &libc::tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        WDAY_NAMES[tm.tm_wday.rem_euclid(7) as usize],
        MON_NAMES[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

fn t_asctime(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "asctime", args, kw, 0, 1)?;
    let tm = match args.first() {
        None => broken_down(vm, now(vm)?, true)?,
        Some(v) => {
            let mut a = gettmarg(vm, v, "asctime")?;
            checktm(vm, &mut a.tm)?;
            a.tm
        }
    };
    Ok(vm.new_string(asctime_text(&tm)))
}

fn t_ctime(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let t = secs_arg(vm, "ctime", args, kw)?;
    let tm = broken_down(vm, t, true)?;
    Ok(vm.new_string(asctime_text(&tm)))
}

fn t_mktime(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "mktime", args, kw)?;
    let mut a = gettmarg(vm, &args[0], "mktime")?;
    // A sentinel: a successful mktime always sets the weekday.
    a.tm.tm_wday = -1;
    // SAFETY: `a.tm` is a valid tm; its zone string (if any) outlives the call.
    let t = unsafe { libc::mktime(&mut a.tm) };
    if t == -1 && a.tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(Value::float(t as f64))
}

fn t_strftime(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "strftime", kw)?;
    let p = parse_args(vm, "strftime", args, kw, &["format", "t"], 2, 2, 1)?;
    let fmt_v = p.get(0).cloned().unwrap_or(Value::None);
    let Some(fmt) = crate::str::as_str(&fmt_v) else {
        return Err(vm.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(&fmt_v)
        )));
    };
    let arg = match p.get(1) {
        None => TmArg {
            tm: broken_down(vm, now(vm)?, true)?,
            _zone: None,
        },
        Some(v) => {
            let mut a = gettmarg(vm, v, "strftime")?;
            checktm(vm, &mut a.tm)?;
            a
        }
    };
    let mut tm = arg.tm;
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    let cfmt = CString::new(fmt).map_err(|_| vm.value_error("embedded null character"))?;
    let fmtlen = fmt.len();
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes, `cfmt` is NUL-terminated and `tm` (with
        // the zone string `arg` keeps alive) is valid.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                cfmt.as_ptr(),
                &tm,
            )
        };
        // An empty result with room to spare is a genuinely empty result (an empty format,
        // `%Z` with no zone name).
        if n > 0 || size >= 256 * fmtlen {
            buf.truncate(n);
            return Ok(vm.new_string(String::from_utf8_lossy(&buf).into_owned()));
        }
        size *= 2;
    }
}

fn t_strptime(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "strptime", kw)?;
    let m = crate::import::import_absolute(vm, "_strptime")?;
    let f = vm.getattr_str(&m, "_strptime_time")?;
    vm.call(&f, args)
}

// ---------------------------------------------------------------------------------------
// time zone

/// `timezone`, `altzone`, `daylight` and `tzname` from the local times of January and July
/// of the current year (as CPython computes them on glibc).
fn zone_values(vm: &Vm) -> PyResult<[(&'static str, Value); 4]> {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let t = now(vm)?.div_euclid(YEAR) * YEAR;
    let zone = |tm: &libc::tm| -> (String, i64) {
        let name = if tm.tm_zone.is_null() {
            "   ".to_string()
        } else {
            // SAFETY: a non-null `tm_zone` from the C library is a NUL-terminated string.
            let s = unsafe { CStr::from_ptr(tm.tm_zone) }.to_bytes();
            String::from_utf8_lossy(&s[..s.len().min(9)]).into_owned()
        };
        (name, -(tm.tm_gmtoff as i64))
    };
    let (jan_name, jan) = zone(&broken_down(vm, t, true)?);
    let (jul_name, jul) = zone(&broken_down(vm, t + YEAR / 2, true)?);
    const MAX_TIMEZONE: i64 = 48 * 3600;
    if jan.abs() > MAX_TIMEZONE || jul.abs() > MAX_TIMEZONE {
        return Err(vm.runtime_error("invalid GMT offset"));
    }
    // DST is reversed in the southern hemisphere.
    let (std, dst, std_name, dst_name) = if jan < jul {
        (jul, jan, jul_name, jan_name)
    } else {
        (jan, jul, jan_name, jul_name)
    };
    Ok([
        ("timezone", Value::Int(std)),
        ("altzone", Value::Int(dst)),
        ("daylight", Value::Int((jan != jul) as i64)),
        (
            "tzname",
            vm.new_tuple(vec![vm.new_string(std_name), vm.new_string(dst_name)]),
        ),
    ])
}

fn set_zone_values(vm: &Vm, d: &PyRef) -> PyResult<()> {
    for (n, v) in zone_values(vm)? {
        vm.dict_set_str(d, vm.intern(n), v)?;
    }
    Ok(())
}

fn t_tzset(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "tzset", args, kw)?;
    // SAFETY: tzset only rereads TZ into the C library's own state.
    unsafe { tzset() };
    if let Some(Value::Obj(m)) = vm.modules_get("time")
        && matches!(m.payload, Payload::Module(_))
    {
        set_zone_values(vm, &vm.module_dict(&m))?;
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------------------------------
// struct_time

/// `struct_time(sequence, dict=None)`.
fn st_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("structseq.__new__(X): X is not a type object"));
    };
    let p = parse_args(
        vm,
        "structseq",
        &args[1..],
        kw,
        &["sequence", "dict"],
        0,
        2,
        1,
    )?;
    let seq = p.get(0).cloned().unwrap_or(Value::None);
    let is_seq = matches!(seq.payload(), Some(Payload::Tuple(_) | Payload::List(_)))
        || vm.lookup_special(&seq, "__iter__").is_some()
        || vm.lookup_special(&seq, "__getitem__").is_some();
    if !is_seq {
        return Err(vm.type_error("constructor requires a sequence"));
    }
    let items = vm.iterate(&seq)?;
    let dict = match p.get(1) {
        None | Some(Value::None) => None,
        Some(d) if matches!(d.payload(), Some(Payload::Dict(_))) => Some(d.clone()),
        Some(_) => {
            return Err(vm.type_error("time.struct_time() takes a dict as second arg, if any"));
        }
    };
    let len = items.len();
    if len < FIELDS.len() {
        return Err(vm.type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({len}-sequence given)"
        )));
    }
    if len > FIELDS.len() + HIDDEN.len() {
        return Err(vm.type_error(format!(
            "time.struct_time() takes an at most 11-sequence ({len}-sequence given)"
        )));
    }
    let mut hidden = Vec::with_capacity(HIDDEN.len());
    for (i, name) in HIDDEN.iter().enumerate() {
        let v = match items.get(FIELDS.len() + i) {
            Some(v) => v.clone(),
            None => match &dict {
                Some(d) => match vm.getitem(d, &vm.new_str(name)) {
                    Ok(v) => v,
                    Err(e) if vm.exc_matches(&e, &vm.types.exceptions.key_error) => Value::None,
                    Err(e) => return Err(e),
                },
                None => Value::None,
            },
        };
        hidden.push(v);
    }
    let gmtoff = hidden.pop().unwrap_or(Value::None);
    let zone = hidden.pop().unwrap_or(Value::None);
    Ok(new_struct_time(
        vm,
        &cls,
        items[..FIELDS.len()].to_vec(),
        zone,
        gmtoff,
    ))
}

/// `struct_time.__reduce__()`: `(struct_time, (items, {'tm_zone': .., 'tm_gmtoff': ..}))`.
fn st_reduce(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let Some(Payload::Tuple(items)) = this.payload() else {
        return Err(vm.type_error("descriptor '__reduce__' requires a 'time.struct_time' object"));
    };
    let items = items.to_vec();
    let d = Value::Obj(crate::builtins::dict::new_dict());
    for name in HIDDEN {
        let v = vm.getattr_str(this, name)?;
        vm.setitem(&d, vm.new_str(name), v)?;
    }
    Ok(vm.new_tuple(vec![
        Value::Obj(vm.class_of(this).clone()),
        vm.new_tuple(vec![vm.new_tuple(items), d]),
    ]))
}

/// Attributes of a `struct_time` cannot be set or deleted: the fields are read-only and
/// there is nowhere to put others.
fn st_setattr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args.get(1).and_then(crate::str::as_str).unwrap_or("");
    if FIELDS.contains(&name) || HIDDEN.contains(&name) {
        return Err(vm.attribute_error("readonly attribute"));
    }
    Err(vm.attribute_error(format!(
        "'time.struct_time' object has no attribute '{name}'"
    )))
}

fn make_struct_time(vm: &Vm) -> PyRef {
    let t = crate::builtins::sys::structseq_type(vm, "time", "struct_time", &FIELDS);
    vm.add_methods_kind(&t, &[("__new__", st_new)], MethodKind::Static);
    vm.add_methods(
        &t,
        &[
            ("__reduce__", st_reduce),
            ("__setattr__", st_setattr),
            ("__delattr__", st_setattr),
        ],
    );
    vm.add_attr(&t, "n_fields", Value::from(FIELDS.len() + HIDDEN.len()));
    vm.add_attr(&t, "n_unnamed_fields", Value::Int(0));
    vm.add_attr(
        &t,
        "__match_args__",
        vm.new_tuple(FIELDS.iter().map(|f| vm.new_str(f)).collect()),
    );
    t
}

/// Makes the `time` module.
pub fn module(vm: &Vm) -> PyResult<Value> {
    if !vm.types.others.borrow().contains_key("time.struct_time") {
        let t = make_struct_time(vm);
        vm.types.others.borrow_mut().insert("time.struct_time", t);
    }
    // SAFETY: tzset only reads TZ into the C library's own state.
    unsafe { tzset() };
    let functions: &[(&'static str, NativeFn)] = &[
        ("time", t_time),
        ("time_ns", t_time_ns),
        ("clock_gettime", t_clock_gettime),
        ("clock_gettime_ns", t_clock_gettime_ns),
        ("clock_settime", t_clock_settime),
        ("clock_settime_ns", t_clock_settime_ns),
        ("clock_getres", t_clock_getres),
        ("pthread_getcpuclockid", t_pthread_getcpuclockid),
        ("sleep", t_sleep),
        ("gmtime", t_gmtime),
        ("localtime", t_localtime),
        ("asctime", t_asctime),
        ("ctime", t_ctime),
        ("mktime", t_mktime),
        ("strftime", t_strftime),
        ("strptime", t_strptime),
        ("tzset", t_tzset),
        ("monotonic", t_monotonic),
        ("monotonic_ns", t_monotonic_ns),
        ("process_time", t_process_time),
        ("process_time_ns", t_process_time_ns),
        ("thread_time", t_thread_time),
        ("thread_time_ns", t_thread_time_ns),
        ("perf_counter", t_perf_counter),
        ("perf_counter_ns", t_perf_counter_ns),
        ("get_clock_info", t_get_clock_info),
    ];
    let m = vm.new_module("time");
    let d = vm.module_dict(&m);
    for (n, f) in functions {
        vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, *f))?;
    }
    set_zone_values(vm, &d)?;
    for (n, v) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        vm.dict_set_str(&d, vm.intern(n), Value::Int(v as i64))?;
    }
    vm.dict_set_str(
        &d,
        vm.intern("_STRUCT_TM_ITEMS"),
        Value::from(FIELDS.len() + HIDDEN.len()),
    )?;
    vm.dict_set_str(
        &d,
        vm.intern("struct_time"),
        Value::Obj(struct_time_type(vm)),
    )?;
    Ok(Value::Obj(m))
}
