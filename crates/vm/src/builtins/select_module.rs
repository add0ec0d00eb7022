//! The `select` module: `select()`, `poll` objects and `epoll` objects with their
//! constants; `error` is OSError. Waits interrupted by a signal run the Python handlers and
//! go on with the time left (PEP 475).
//! Counterpart: Modules/selectmodule.c (3.11).

use std::cell::{Cell, RefCell};

use crate::builtins::function::{MethodKind, check_count, no_kwargs};
use crate::builtins::itertools::{bind_args, check_positional, native, native_type, new_class};
use crate::builtins::oscall::{
    Round, c_int, errno, fileno_arg, millis_to_ns, monotonic_ns, os_error, seconds_to_ns,
};
use crate::object::{NativeData, Payload, PyObject};
use crate::types::{Layout, flags};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

const POLL: &str = "select.poll";
const EPOLL: &str = "select.epoll";

// ---- select() ----

/// The objects of one of select's lists, with their descriptors.
fn seq2set(vm: &Vm, seq: &Value, set: &mut libc::fd_set) -> PyResult<(Vec<(Value, i32)>, i32)> {
    let items = match seq.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => match vm.iterate(seq) {
            Ok(v) => v,
            Err(e) if vm.exc_matches(&e, &vm.types.exceptions.type_error) => {
                return Err(vm.type_error("arguments 1-3 must be sequences"));
            }
            Err(e) => return Err(e),
        },
    };
    let mut out = Vec::with_capacity(items.len());
    let mut max = -1;
    for o in items {
        let fd = fileno_arg(vm, &o)?;
        if fd as usize >= libc::FD_SETSIZE {
            return Err(vm.value_error("filedescriptor out of range in select()"));
        }
        max = max.max(fd);
        // SAFETY: `fd` is within the set's size.
        unsafe { libc::FD_SET(fd, set) };
        out.push((o, fd));
    }
    Ok((out, max + 1))
}

fn set2list(vm: &Vm, objs: &[(Value, i32)], set: &libc::fd_set) -> Value {
    let ready = objs
        .iter()
        // SAFETY: each fd was checked against the set's size.
        .filter(|(_, fd)| unsafe { libc::FD_ISSET(*fd, set) })
        .map(|(o, _)| o.clone())
        .collect();
    vm.new_list(ready)
}

/// Nanoseconds to a `timeval`, microseconds rounded away from zero.
fn timeval_of(ns: i64) -> libc::timeval {
    let us = if ns >= 0 {
        ns / 1000 + i64::from(ns % 1000 != 0)
    } else {
        ns / 1000 - i64::from(ns % 1000 != 0)
    };
    libc::timeval {
        tv_sec: us.div_euclid(1_000_000),
        tv_usec: us.rem_euclid(1_000_000),
    }
}

fn select_select(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "select", kw)?;
    check_positional(vm, "select", args.len(), 3, 4)?;
    let timeout = match args.get(3) {
        None | Some(Value::None) => None,
        Some(t) => {
            let ns = seconds_to_ns(vm, t, Round::Timeout).map_err(|e| {
                if vm.exc_matches(&e, &vm.types.exceptions.type_error) {
                    vm.type_error("timeout must be a float or None")
                } else {
                    e
                }
            })?;
            if timeval_of(ns).tv_sec < 0 {
                return Err(vm.value_error("timeout must be non-negative"));
            }
            Some(ns)
        }
    };
    // SAFETY: fd_set is plain data; zeroed is the empty set.
    let mut sets: [libc::fd_set; 3] = unsafe { std::mem::zeroed() };
    let mut objs = Vec::with_capacity(3);
    let mut max = 0;
    for (i, set) in sets.iter_mut().enumerate() {
        let (o, m) = seq2set(vm, &args[i], set)?;
        objs.push(o);
        max = max.max(m);
    }
    let initial = sets;
    let deadline = timeout.map(|t| monotonic_ns().saturating_add(t));
    let mut left = timeout;
    loop {
        let mut tv = left.map(timeval_of);
        let tvp = tv
            .as_mut()
            .map_or(std::ptr::null_mut(), |t| t as *mut libc::timeval);
        let [r, w, x] = &mut sets;
        let ptr = |s: &mut libc::fd_set, used: bool| {
            if used {
                s as *mut libc::fd_set
            } else {
                std::ptr::null_mut()
            }
        };
        let (ru, wu, xu) = (
            !objs[0].is_empty(),
            !objs[1].is_empty(),
            !objs[2].is_empty(),
        );
        // SAFETY: valid sets (or null) and timeout.
        let n = unsafe { libc::select(max, ptr(r, ru), ptr(w, wu), ptr(x, xu), tvp) };
        if n >= 0 {
            break;
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(os_error(vm, e));
        }
        vm.check_signals()?;
        sets = initial;
        if let Some(d) = deadline {
            let l = d - monotonic_ns();
            if l < 0 {
                // SAFETY: as above: the empty sets.
                sets = unsafe { std::mem::zeroed() };
                break;
            }
            left = Some(l);
        }
    }
    Ok(vm.new_tuple(vec![
        set2list(vm, &objs[0], &sets[0]),
        set2list(vm, &objs[1], &sets[1]),
        set2list(vm, &objs[2], &sets[2]),
    ]))
}

// ---- poll ----

pub struct Poll {
    /// (fd, events) in registration order.
    fds: RefCell<Vec<(i32, i16)>>,
    running: Cell<bool>,
}

impl NativeData for Poll {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn poll_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Poll> {
    native::<Poll>(vm, v, POLL)
}

/// An `unsigned short` argument.
fn ushort_arg(vm: &Vm, v: &Value) -> PyResult<i16> {
    match vm.index_value(v)? {
        Value::Int(n) if (0..=0xffff).contains(&n) => Ok(n as u16 as i16),
        Value::Int(n) if n < 0 => Err(vm.value_error("value must be positive")),
        n if crate::builtins::oscall::is_negative(&n) => {
            Err(vm.value_error("value must be positive"))
        }
        _ => Err(vm.overflow_error("Python int too large for C unsigned short")),
    }
}

fn select_poll(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "select.poll", args, kw, 0, 0)?;
    let t = native_type(vm, POLL, None, Layout::Native, 0, init_poll);
    Ok(Value::Obj(PyObject::new(
        t,
        Payload::Native(Box::new(Poll {
            fds: RefCell::new(Vec::new()),
            running: Cell::new(false),
        })),
    )))
}

fn poll_register(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "register", kw)?;
    check_positional(vm, "register", args.len() - 1, 1, 2)?;
    let p = poll_of(vm, &args[0])?;
    let fd = fileno_arg(vm, &args[1])?;
    let events = match args.get(2) {
        Some(m) => ushort_arg(vm, m)?,
        None => libc::POLLIN | libc::POLLPRI | libc::POLLOUT,
    };
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(slot) => slot.1 = events,
        None => fds.push((fd, events)),
    }
    Ok(Value::None)
}

fn poll_modify(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "modify", kw)?;
    check_positional(vm, "modify", args.len() - 1, 2, 2)?;
    let p = poll_of(vm, &args[0])?;
    let fd = fileno_arg(vm, &args[1])?;
    let events = ushort_arg(vm, &args[2])?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(slot) => slot.1 = events,
        None => {
            drop(fds);
            return Err(os_error(vm, libc::ENOENT));
        }
    }
    Ok(Value::None)
}

fn poll_unregister(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "unregister", &args[1..], kw, 1, 1)?;
    let p = poll_of(vm, &args[0])?;
    let fd = fileno_arg(vm, &args[1])?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            fds.remove(i);
            Ok(Value::None)
        }
        None => {
            drop(fds);
            Err(vm.key_error(Value::Int(i64::from(fd))))
        }
    }
}

/// A millisecond count for `poll`/`epoll_wait`, checked to fit a C int.
fn ms_of(vm: &Vm, ns: i64, round: Round) -> PyResult<i32> {
    let ms = match round {
        Round::Ceiling => ns.div_euclid(1_000_000) + i64::from(ns.rem_euclid(1_000_000) != 0),
        Round::Timeout if ns >= 0 => ns / 1_000_000 + i64::from(ns % 1_000_000 != 0),
        Round::Timeout => ns / 1_000_000 - i64::from(ns % 1_000_000 != 0),
    };
    i32::try_from(ms).map_err(|_| vm.overflow_error("timeout is too large"))
}

fn int_timeout_error(vm: &Vm, e: crate::vm::PyErr) -> crate::vm::PyErr {
    if vm.exc_matches(&e, &vm.types.exceptions.type_error) {
        vm.type_error("timeout must be an integer or None")
    } else {
        e
    }
}

fn poll_poll(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "poll", kw)?;
    check_positional(vm, "poll", args.len() - 1, 0, 1)?;
    let p = poll_of(vm, &args[0])?;
    let mut timeout: i64 = -1;
    let mut ms: i32 = -1;
    if let Some(t) = args.get(1).filter(|t| !t.is_none()) {
        timeout = millis_to_ns(vm, t, Round::Timeout).map_err(|e| int_timeout_error(vm, e))?;
        ms = ms_of(vm, timeout, Round::Timeout)?;
    }
    if ms < 0 {
        ms = -1;
    }
    let deadline = monotonic_ns().saturating_add(timeout);
    if p.running.get() {
        return Err(vm.runtime_error("concurrent poll() invocation"));
    }
    let mut ufds: Vec<libc::pollfd> = p
        .fds
        .borrow()
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    p.running.set(true);
    let r = loop {
        // SAFETY: a valid array of pollfd.
        let n = unsafe { libc::poll(ufds.as_mut_ptr(), ufds.len() as libc::nfds_t, ms) };
        if n >= 0 {
            break Ok(n);
        }
        let e = errno();
        if e != libc::EINTR {
            break Err(os_error(vm, e));
        }
        if let Err(e) = vm.check_signals() {
            break Err(e);
        }
        if timeout >= 0 {
            let left = deadline - monotonic_ns();
            if left < 0 {
                break Ok(0);
            }
            ms = ms_of(vm, left, Round::Ceiling).unwrap_or(i32::MAX);
        }
    };
    p.running.set(false);
    let n = r?;
    let mut out = Vec::with_capacity(n.max(0) as usize);
    if n > 0 {
        for u in &ufds {
            if u.revents != 0 {
                out.push(vm.new_tuple(vec![
                    Value::Int(i64::from(u.fd)),
                    Value::Int(i64::from(u.revents as u16)),
                ]));
            }
        }
    }
    Ok(vm.new_list(out))
}

fn no_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args
        .first()
        .and_then(|c| vm.is_type(c))
        .map(|t| crate::types::type_data(&t).name.borrow().clone())
        .unwrap_or_default();
    Err(vm.type_error(format!("cannot create 'select.{name}' instances")))
}

fn init_poll(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", no_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("register", poll_register),
            ("modify", poll_modify),
            ("unregister", poll_unregister),
            ("poll", poll_poll),
        ],
    );
}

// ---- epoll ----

pub struct Epoll {
    epfd: Cell<i32>,
}

impl NativeData for Epoll {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Drop for Epoll {
    fn drop(&mut self) {
        let fd = self.epfd.replace(-1);
        if fd >= 0 {
            // SAFETY: closing the descriptor this object owns.
            unsafe { libc::close(fd) };
        }
    }
}

fn epoll_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Epoll> {
    native::<Epoll>(vm, v, EPOLL)
}

fn closed_error(vm: &Vm) -> crate::vm::PyErr {
    vm.value_error("I/O operation on closed epoll object")
}

/// The open control descriptor.
fn epfd(vm: &Vm, v: &Value) -> PyResult<i32> {
    let fd = epoll_of(vm, v)?.epfd.get();
    if fd < 0 {
        return Err(closed_error(vm));
    }
    Ok(fd)
}

fn new_epoll(cls: PyRef, fd: i32) -> Value {
    Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(Epoll {
            epfd: Cell::new(fd),
        })),
    ))
}

fn epoll_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, EPOLL)?;
    let p = bind_args(
        vm,
        "epoll",
        &args[1..],
        kwnames,
        &["sizehint", "flags"],
        2,
        0,
    )?;
    let sizehint = match &p[0] {
        Some(v) => c_int(vm, v)?,
        None => -1,
    };
    let fl = match &p[1] {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    if sizehint != -1 && sizehint <= 0 {
        return Err(vm.value_error("negative sizehint"));
    }
    if fl != 0 && fl != libc::EPOLL_CLOEXEC {
        return Err(vm.new_exception_msg(&vm.types.exceptions.os_error, "invalid flags"));
    }
    // SAFETY: plain system call.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(new_epoll(cls, fd))
}

fn epoll_fromfd(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "fromfd", &args[1..], kw, 1, 1)?;
    let cls = new_class(vm, args, EPOLL)?;
    let fd = c_int(vm, &args[1])?;
    Ok(new_epoll(cls, fd))
}

fn epoll_close(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "close", &args[1..], kw, 0, 0)?;
    let e = epoll_of(vm, &args[0])?;
    let fd = e.epfd.replace(-1);
    // SAFETY: closing the descriptor this object owned.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::None)
}

fn epoll_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(epoll_of(vm, v)?.epfd.get() < 0))
}

fn epoll_fileno(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "fileno", &args[1..], kw, 0, 0)?;
    Ok(Value::Int(i64::from(epfd(vm, &args[0])?)))
}

/// An `unsigned int` argument that wraps (`bitwise=True`).
fn uint_bitwise(vm: &Vm, v: &Value) -> PyResult<u32> {
    match vm.index_value(v)? {
        Value::Int(n) => Ok(n as u32),
        other => {
            let n = crate::builtins::int::as_bigint(&other).unwrap_or_default();
            let m = n & num_bigint::BigInt::from(u32::MAX);
            Ok(u32::try_from(m).unwrap_or(0))
        }
    }
}

fn epoll_ctl(vm: &Vm, this: &Value, op: i32, fd: i32, events: u32) -> PyResult<Value> {
    let ep = epfd(vm, this)?;
    let mut ev = libc::epoll_event {
        events,
        u64: fd as u32 as u64,
    };
    // SAFETY: a valid event structure.
    if unsafe { libc::epoll_ctl(ep, op, fd, &mut ev) } < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::None)
}

fn epoll_register(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = bind_args(
        vm,
        "register",
        &args[1..],
        kwnames,
        &["fd", "eventmask"],
        2,
        1,
    )?;
    let fd = fileno_arg(vm, p[0].as_ref().unwrap_or(&Value::None))?;
    let events = match &p[1] {
        Some(m) => uint_bitwise(vm, m)?,
        None => (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32,
    };
    epoll_ctl(vm, &args[0], libc::EPOLL_CTL_ADD, fd, events)
}

fn epoll_modify(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = bind_args(
        vm,
        "modify",
        &args[1..],
        kwnames,
        &["fd", "eventmask"],
        2,
        2,
    )?;
    let fd = fileno_arg(vm, p[0].as_ref().unwrap_or(&Value::None))?;
    let events = uint_bitwise(vm, p[1].as_ref().unwrap_or(&Value::None))?;
    epoll_ctl(vm, &args[0], libc::EPOLL_CTL_MOD, fd, events)
}

fn epoll_unregister(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = bind_args(vm, "unregister", &args[1..], kwnames, &["fd"], 1, 1)?;
    let fd = fileno_arg(vm, p[0].as_ref().unwrap_or(&Value::None))?;
    epoll_ctl(vm, &args[0], libc::EPOLL_CTL_DEL, fd, 0)
}

fn epoll_poll(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = bind_args(
        vm,
        "poll",
        &args[1..],
        kwnames,
        &["timeout", "maxevents"],
        2,
        0,
    )?;
    let ep = epfd(vm, &args[0])?;
    let mut timeout: i64 = -1;
    let mut ms: i32 = -1;
    if let Some(t) = p[0].as_ref().filter(|t| !t.is_none()) {
        timeout = seconds_to_ns(vm, t, Round::Timeout).map_err(|e| int_timeout_error(vm, e))?;
        ms = ms_of(vm, timeout, Round::Ceiling)?;
        if ms < 0 {
            ms = -1;
        }
    }
    let maxevents = match &p[1] {
        Some(v) => c_int(vm, v)?,
        None => -1,
    };
    let maxevents = if maxevents == -1 {
        libc::FD_SETSIZE as i32 - 1
    } else if maxevents < 1 {
        return Err(vm.value_error(format!("maxevents must be greater than 0, got {maxevents}")));
    } else {
        maxevents
    };
    let deadline = monotonic_ns().saturating_add(timeout);
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents as usize];
    let n = loop {
        // SAFETY: room for `maxevents` events.
        let n = unsafe { libc::epoll_wait(ep, evs.as_mut_ptr(), maxevents, ms) };
        if n >= 0 {
            break n;
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(os_error(vm, e));
        }
        vm.check_signals()?;
        if timeout >= 0 {
            let left = deadline - monotonic_ns();
            if left < 0 {
                break 0;
            }
            ms = ms_of(vm, left, Round::Ceiling).unwrap_or(i32::MAX);
        }
    };
    let out = evs[..n as usize]
        .iter()
        .map(|e| {
            let (data, events) = (e.u64, e.events);
            vm.new_tuple(vec![
                Value::Int(i64::from(data as u32 as i32)),
                Value::Int(i64::from(events)),
            ])
        })
        .collect();
    Ok(vm.new_list(out))
}

fn epoll_enter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    epfd(vm, &args[0])?;
    Ok(args[0].clone())
}

fn epoll_exit(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    epoll_close(vm, &args[..1], &[])
}

fn init_epoll(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", epoll_new)], MethodKind::Static);
    vm.add_methods_kind(t, &[("fromfd", epoll_fromfd)], MethodKind::Class);
    vm.add_methods(
        t,
        &[
            ("close", epoll_close),
            ("fileno", epoll_fileno),
            ("register", epoll_register),
            ("modify", epoll_modify),
            ("unregister", epoll_unregister),
            ("poll", epoll_poll),
            ("__enter__", epoll_enter),
            ("__exit__", epoll_exit),
        ],
    );
    vm.add_getsets(t, &[("closed", epoll_closed, None)]);
}

// ---- the module ----

const CONSTANTS: &[(&str, i64)] = &[
    ("POLLIN", libc::POLLIN as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", libc::POLLRDHUP as i64),
    ("EPOLLIN", libc::EPOLLIN as i64),
    ("EPOLLOUT", libc::EPOLLOUT as i64),
    ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLERR", libc::EPOLLERR as i64),
    ("EPOLLHUP", libc::EPOLLHUP as i64),
    ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
    ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
    ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
    ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
    ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ("PIPE_BUF", libc::PIPE_BUF as i64),
];

/// Makes the `select` module.
pub fn module(vm: &Vm) -> PyResult<Value> {
    native_type(vm, POLL, None, Layout::Native, 0, init_poll);
    let epoll = native_type(vm, EPOLL, None, Layout::Native, flags::BASETYPE, init_epoll);
    let m = vm.new_module("select");
    let d = vm.module_dict(&m);
    let set = |name: &str, v: Value| vm.dict_set_str(&d, vm.intern(name), v);
    set("select", vm.new_builtin_function("select", select_select))?;
    set("poll", vm.new_builtin_function("poll", select_poll))?;
    set("epoll", Value::Obj(epoll))?;
    set("error", Value::Obj(vm.types.exceptions.os_error.clone()))?;
    for (n, v) in CONSTANTS {
        set(n, Value::Int(*v))?;
    }
    set(
        "__doc__",
        vm.new_str(
            "This module supports asynchronous I/O on multiple file descriptors.\n\n\
             *** IMPORTANT NOTICE ***\n\
             On Windows, only sockets are supported; on Unix, all file descriptors.",
        ),
    )?;
    Ok(Value::Obj(m))
}
