//! The `_socket` module behind `socket.py`: the `socket` type (AF_INET, AF_INET6, AF_UNIX;
//! stream and datagram; blocking, non-blocking and timeout modes), `socketpair`,
//! `getaddrinfo`/`getnameinfo` and the other name-service functions, address conversions
//! (`inet_*`, `hton*`), `dup`/`close`, the `gaierror`/`herror`/`timeout` exceptions and the
//! constants. A socket with a timeout is non-blocking at the OS level and waits with
//! `poll` before each call; calls interrupted by a signal run the Python handlers and are
//! retried (PEP 475).
//! Counterpart: Modules/socketmodule.c (3.11).

use std::cell::Cell;
use std::ffi::{CStr, CString};
use std::sync::atomic::{AtomicI64, Ordering};

use crate::builtins::function::{MethodKind, check_count, no_kwargs};
use crate::builtins::itertools::{bind_args, native, native_type, new_class};
use crate::builtins::oscall::{
    Round, c_int, errno, is_negative, monotonic_ns, os_error, seconds_to_ns,
};
use crate::object::{NativeData, Payload, PyObject};
use crate::types::{Layout, flags};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

const SOCKET: &str = "_socket.socket";
const GAIERROR: &str = "socket.gaierror";
const HERROR: &str = "socket.herror";

/// The error "number" of a socket call that timed out.
const TIMED_OUT: i32 = i32::MIN;

/// `socket.setdefaulttimeout`: nanoseconds, or -1 for blocking.
static DEFAULT_TIMEOUT: AtomicI64 = AtomicI64::new(-1);

unsafe extern "C" {
    fn inet_pton(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
    fn inet_ntop(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
    fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
}

// ---- errors ----

fn exc_class(vm: &Vm, key: &'static str) -> PyRef {
    let existing = vm.types.others.borrow().get(key).cloned();
    if let Some(t) = existing {
        return t;
    }
    let name = key.rsplit_once('.').map_or(key, |(_, n)| n);
    let t = crate::builtins::type_::make_class(
        vm,
        name,
        vec![vm.types.exceptions.os_error.clone()],
        "socket",
    );
    vm.types.others.borrow_mut().insert(key, t.clone());
    t
}

fn exc_with(vm: &Vm, cls: &PyRef, args: Vec<Value>) -> PyErr {
    match vm.call(&Value::Obj(cls.clone()), &args) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.system_error("exception class did not return an exception"),
        Err(e) => e,
    }
}

/// `set_gaierror`: a getaddrinfo/getnameinfo failure.
fn gai_error(vm: &Vm, code: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return os_error(vm, errno());
    }
    // SAFETY: `gai_strerror` gives a static NUL-terminated message.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned();
    exc_with(
        vm,
        &exc_class(vm, GAIERROR),
        vec![Value::Int(i64::from(code)), vm.new_string(msg)],
    )
}

fn os_error_msg(vm: &Vm, msg: &str) -> PyErr {
    vm.new_exception_msg(&vm.types.exceptions.os_error, msg)
}

/// OSError for an errno, TimeoutError("timed out") for a timeout.
fn sock_error(vm: &Vm, e: i32) -> PyErr {
    if e == TIMED_OUT {
        return vm.new_exception_msg(&vm.types.exceptions.timeout_error, "timed out");
    }
    os_error(vm, e)
}

/// PyArg_ParseTuple's count check for a `METH_VARARGS` method.
fn varargs(vm: &Vm, name: &str, n: usize, kw: &[Value], min: usize, max: usize) -> PyResult<()> {
    no_kwargs(vm, name, kw)?;
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min || n > max {
        let (how, k) = if min == max {
            ("exactly", min)
        } else if n < min {
            ("at least", min)
        } else {
            ("at most", max)
        };
        return Err(vm.type_error(format!(
            "{name}() takes {how} {k} argument{} ({n} given)",
            plural(k)
        )));
    }
    Ok(())
}

// ---- addresses ----

struct Addr {
    st: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl Addr {
    fn new() -> Addr {
        Addr {
            // SAFETY: plain data; all zeroes is a valid (empty) address.
            st: unsafe { std::mem::zeroed() },
            len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        (&self.st as *const libc::sockaddr_storage).cast()
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&mut self.st as *mut libc::sockaddr_storage).cast()
    }
    fn in4(&mut self) -> &mut libc::sockaddr_in {
        // SAFETY: sockaddr_storage is large and aligned enough for any address.
        unsafe { &mut *(self.mut_ptr().cast::<libc::sockaddr_in>()) }
    }
    fn in6(&mut self) -> &mut libc::sockaddr_in6 {
        // SAFETY: as above.
        unsafe { &mut *(self.mut_ptr().cast::<libc::sockaddr_in6>()) }
    }
}

/// `idna_converter`: a host name as bytes.
fn host_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    let b = if let Some(b) = crate::builtins::bytes::bytes_of(v) {
        b
    } else if let Some(s) = crate::str::as_str(v) {
        if s.is_ascii() {
            s.as_bytes().to_vec()
        } else {
            let enc = vm
                .call_method(v, "encode", &[vm.new_str("idna")])
                .map_err(|_| vm.type_error("encoding of hostname failed"))?;
            crate::builtins::bytes::bytes_of(&enc).unwrap_or_default()
        }
    } else {
        return Err(vm.type_error(format!(
            "str, bytes or bytearray expected, not {}",
            vm.type_name(v)
        )));
    };
    if b.contains(&0) {
        return Err(vm.type_error("host name must not contain null character"));
    }
    Ok(b)
}

/// Frees a getaddrinfo result list on drop.
struct AddrInfo(*mut libc::addrinfo);

impl Drop for AddrInfo {
    fn drop(&mut self) {
        if !self.0.is_null() {
            // SAFETY: a list from getaddrinfo, freed once.
            unsafe { libc::freeaddrinfo(self.0) };
        }
    }
}

impl AddrInfo {
    fn iter(&self) -> impl Iterator<Item = &libc::addrinfo> {
        let mut p = self.0;
        std::iter::from_fn(move || {
            if p.is_null() {
                return None;
            }
            // SAFETY: a node of the list, alive while `self` is.
            let node = unsafe { &*p };
            p = node.ai_next;
            Some(node)
        })
    }
}

fn getaddrinfo_raw(
    host: Option<&CStr>,
    port: Option<&CStr>,
    hints: &libc::addrinfo,
) -> Result<AddrInfo, i32> {
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: valid (or null) strings and hints; `res` receives a list we free.
    let r = unsafe {
        libc::getaddrinfo(
            host.map_or(std::ptr::null(), |h| h.as_ptr()),
            port.map_or(std::ptr::null(), |p| p.as_ptr()),
            hints,
            &mut res,
        )
    };
    if r != 0 {
        return Err(r);
    }
    Ok(AddrInfo(res))
}

fn hints(family: i32, socktype: i32, proto: i32, fl: i32) -> libc::addrinfo {
    // SAFETY: plain data; zeroes are the null pointers and no flags.
    let mut h: libc::addrinfo = unsafe { std::mem::zeroed() };
    h.ai_family = family;
    h.ai_socktype = socktype;
    h.ai_protocol = proto;
    h.ai_flags = fl;
    h
}

fn copy_ai(addr: &mut Addr, ai: &libc::addrinfo) {
    let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
    // SAFETY: `ai_addr` holds `ai_addrlen` bytes; the storage has room for `n`.
    unsafe {
        std::ptr::copy_nonoverlapping(ai.ai_addr.cast::<u8>(), addr.mut_ptr().cast::<u8>(), n);
    }
}

/// `setipaddr`: a host name or numeric address into `addr` (family `af` or any).
fn setipaddr(vm: &Vm, name: &[u8], addr: &mut Addr, af: i32) -> PyResult<()> {
    let cname = CString::new(name)
        .map_err(|_| vm.type_error("host name must not contain null character"))?;
    if name.is_empty() {
        let h = hints(af, libc::SOCK_DGRAM, 0, libc::AI_PASSIVE);
        let res = getaddrinfo_raw(None, Some(c"0"), &h).map_err(|e| gai_error(vm, e))?;
        let mut it = res.iter();
        let first = it
            .next()
            .ok_or_else(|| os_error_msg(vm, "unsupported address family"))?;
        if first.ai_family != libc::AF_INET && first.ai_family != libc::AF_INET6 {
            return Err(os_error_msg(vm, "unsupported address family"));
        }
        if it.next().is_some() {
            return Err(os_error_msg(vm, "wildcard resolved to multiple address"));
        }
        copy_ai(addr, first);
        return Ok(());
    }
    if name == b"255.255.255.255" || name == b"<broadcast>" {
        if af != libc::AF_INET && af != libc::AF_UNSPEC {
            return Err(os_error_msg(vm, "address family mismatched"));
        }
        let sin = addr.in4();
        sin.sin_family = libc::AF_INET as libc::sa_family_t;
        sin.sin_addr.s_addr = libc::INADDR_BROADCAST.to_be();
        return Ok(());
    }
    if af == libc::AF_UNSPEC || af == libc::AF_INET {
        let sin = addr.in4();
        // SAFETY: a NUL-terminated string and a 4-byte destination.
        if unsafe {
            inet_pton(
                libc::AF_INET,
                cname.as_ptr(),
                (&mut sin.sin_addr as *mut libc::in_addr).cast(),
            )
        } > 0
        {
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            return Ok(());
        }
    }
    if (af == libc::AF_UNSPEC || af == libc::AF_INET6) && !name.contains(&b'%') {
        let sin6 = addr.in6();
        // SAFETY: a NUL-terminated string and a 16-byte destination.
        if unsafe {
            inet_pton(
                libc::AF_INET6,
                cname.as_ptr(),
                (&mut sin6.sin6_addr as *mut libc::in6_addr).cast(),
            )
        } > 0
        {
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            return Ok(());
        }
    }
    let h = hints(af, 0, 0, 0);
    let res = getaddrinfo_raw(Some(&cname), None, &h).map_err(|e| gai_error(vm, e))?;
    let first = res
        .iter()
        .next()
        .ok_or_else(|| os_error_msg(vm, "unknown address family"))?;
    copy_ai(addr, first);
    let fam = i32::from(addr.st.ss_family);
    if fam != libc::AF_INET && fam != libc::AF_INET6 {
        return Err(os_error_msg(vm, "unknown address family"));
    }
    Ok(())
}

/// An `unsigned int` converter that does not check the range (`I`).
fn uint_arg(vm: &Vm, v: &Value) -> PyResult<u32> {
    match vm.index_value(v)? {
        Value::Int(n) => Ok(n as u32),
        other => {
            let n = crate::builtins::int::as_bigint(&other).unwrap_or_default();
            let m = n & num_bigint::BigInt::from(u32::MAX);
            Ok(u32::try_from(m).unwrap_or(0))
        }
    }
}

/// A port (`i`, then checked to 0..=65535).
fn port_arg(vm: &Vm, v: &Value, caller: &str) -> PyResult<i32> {
    c_int(vm, v).map_err(|e| {
        if vm.exc_matches(&e, &vm.types.exceptions.overflow_error) {
            vm.overflow_error(format!("{caller}(): port must be 0-65535."))
        } else {
            e
        }
    })
}

/// `getsockaddrarg`: the address argument of bind/connect/sendto for the socket's family.
fn sockaddr_arg(vm: &Vm, family: i32, v: &Value, caller: &str) -> PyResult<Addr> {
    let mut addr = Addr::new();
    match family {
        libc::AF_UNIX => {
            let path = match crate::str::as_str(v) {
                Some(s) => s.as_bytes().to_vec(),
                None => crate::builtins::bytes::bytes_arg(vm, v)?,
            };
            let base = std::mem::size_of::<libc::sa_family_t>();
            // SAFETY: the storage has room for a sockaddr_un.
            let un = unsafe { &mut *(addr.mut_ptr().cast::<libc::sockaddr_un>()) };
            let room = un.sun_path.len();
            let len = if path.is_empty() || path[0] == 0 {
                if path.len() > room {
                    return Err(os_error_msg(vm, "AF_UNIX path too long"));
                }
                path.len() + base
            } else {
                if path.len() >= room {
                    return Err(os_error_msg(vm, "AF_UNIX path too long"));
                }
                path.len() + base + 1
            };
            un.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, s) in un.sun_path.iter_mut().zip(&path) {
                *d = *s as libc::c_char;
            }
            addr.len = len as libc::socklen_t;
        }
        libc::AF_INET | libc::AF_INET6 => {
            let fam_name = if family == libc::AF_INET {
                "AF_INET"
            } else {
                "AF_INET6"
            };
            let Some(Payload::Tuple(t)) = v.payload() else {
                return Err(vm.type_error(format!(
                    "{caller}(): {fam_name} address must be tuple, not {}",
                    vm.type_name(v)
                )));
            };
            let ok_len = if family == libc::AF_INET {
                t.len() == 2
            } else {
                (2..=4).contains(&t.len())
            };
            if !ok_len {
                return Err(vm.type_error(if family == libc::AF_INET {
                    "AF_INET address must be a pair (host, port)"
                } else {
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
                }));
            }
            let host = host_arg(vm, &t[0])?;
            let port = port_arg(vm, &t[1], caller)?;
            let flowinfo = match t.get(2) {
                Some(f) => uint_arg(vm, f)?,
                None => 0,
            };
            let scope_id = match t.get(3) {
                Some(s) => uint_arg(vm, s)?,
                None => 0,
            };
            setipaddr(vm, &host, &mut addr, family)?;
            if !(0..=0xffff).contains(&port) {
                return Err(vm.overflow_error(format!("{caller}(): port must be 0-65535.")));
            }
            if family == libc::AF_INET {
                let sin = addr.in4();
                sin.sin_family = libc::AF_INET as libc::sa_family_t;
                sin.sin_port = (port as u16).to_be();
                addr.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
            } else {
                if flowinfo > 0xfffff {
                    return Err(
                        vm.overflow_error(format!("{caller}(): flowinfo must be 0-1048575."))
                    );
                }
                let sin6 = addr.in6();
                sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
                sin6.sin6_port = (port as u16).to_be();
                sin6.sin6_flowinfo = flowinfo.to_be();
                sin6.sin6_scope_id = scope_id;
                addr.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            }
        }
        _ => return Err(os_error_msg(vm, &format!("{caller}(): bad family"))),
    }
    Ok(addr)
}

fn ntop(af: i32, src: *const libc::c_void) -> String {
    let mut buf = [0 as libc::c_char; 64];
    // SAFETY: `src` points at an address of family `af`; the buffer is large enough.
    let p = unsafe { inet_ntop(af, src, buf.as_mut_ptr(), buf.len() as libc::socklen_t) };
    if p.is_null() {
        return String::new();
    }
    // SAFETY: `inet_ntop` wrote a NUL-terminated string into `buf`.
    unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned()
}

/// `makesockaddr`: an address as Python sees it.
fn sockaddr_value(vm: &Vm, addr: &Addr) -> Value {
    if addr.len == 0 {
        return Value::None;
    }
    let fam = i32::from(addr.st.ss_family);
    match fam {
        libc::AF_INET => {
            // SAFETY: the storage holds a sockaddr_in.
            let sin = unsafe { &*(addr.ptr().cast::<libc::sockaddr_in>()) };
            let ip = ntop(
                libc::AF_INET,
                (&sin.sin_addr as *const libc::in_addr).cast(),
            );
            vm.new_tuple(vec![
                vm.new_string(ip),
                Value::Int(i64::from(u16::from_be(sin.sin_port))),
            ])
        }
        libc::AF_INET6 => {
            // SAFETY: the storage holds a sockaddr_in6.
            let sin6 = unsafe { &*(addr.ptr().cast::<libc::sockaddr_in6>()) };
            let ip = ntop(
                libc::AF_INET6,
                (&sin6.sin6_addr as *const libc::in6_addr).cast(),
            );
            vm.new_tuple(vec![
                vm.new_string(ip),
                Value::Int(i64::from(u16::from_be(sin6.sin6_port))),
                Value::Int(i64::from(u32::from_be(sin6.sin6_flowinfo))),
                Value::Int(i64::from(sin6.sin6_scope_id)),
            ])
        }
        libc::AF_UNIX => {
            // SAFETY: the storage holds a sockaddr_un.
            let un = unsafe { &*(addr.ptr().cast::<libc::sockaddr_un>()) };
            let base = std::mem::size_of::<libc::sa_family_t>();
            let n = (addr.len as usize)
                .saturating_sub(base)
                .min(un.sun_path.len());
            let path: Vec<u8> = un.sun_path[..n].iter().map(|&c| c as u8).collect();
            if n > 0 && path[0] == 0 {
                return crate::builtins::bytes::new_bytes(vm, path);
            }
            let end = path.iter().position(|&c| c == 0).unwrap_or(path.len());
            vm.new_string(String::from_utf8_lossy(&path[..end]).into_owned())
        }
        _ => {
            // SAFETY: every address starts like a sockaddr.
            let sa = unsafe { &*addr.ptr() };
            let data: Vec<u8> = sa.sa_data.iter().map(|&c| c as u8).collect();
            vm.new_tuple(vec![
                Value::Int(i64::from(fam)),
                crate::builtins::bytes::new_bytes(vm, data),
            ])
        }
    }
}

// ---- the socket type ----

pub struct Sock {
    fd: Cell<i32>,
    family: Cell<i32>,
    kind: Cell<i32>,
    proto: Cell<i32>,
    /// Nanoseconds; -1 means blocking.
    timeout: Cell<i64>,
}

impl NativeData for Sock {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Drop for Sock {
    fn drop(&mut self) {
        let fd = self.fd.replace(-1);
        if fd >= 0 {
            // SAFETY: closing the descriptor this object owns.
            unsafe { libc::close(fd) };
        }
    }
}

fn sock_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Sock> {
    native::<Sock>(vm, v, SOCKET)
}

fn new_sock(cls: PyRef) -> Value {
    Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(Sock {
            fd: Cell::new(-1),
            family: Cell::new(0),
            kind: Cell::new(0),
            proto: Cell::new(0),
            timeout: Cell::new(-1),
        })),
    ))
}

/// `internal_setblocking`.
fn set_os_blocking(vm: &Vm, fd: i32, block: bool) -> PyResult<()> {
    // SAFETY: plain descriptor calls.
    let r = unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        if fl < 0 {
            -1
        } else {
            let new = if block {
                fl & !libc::O_NONBLOCK
            } else {
                fl | libc::O_NONBLOCK
            };
            if new == fl {
                0
            } else {
                libc::fcntl(fd, libc::F_SETFL, new)
            }
        }
    };
    if r < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(())
}

/// `init_sockobject`.
fn init_sock(vm: &Vm, s: &Sock, fd: i32, family: i32, kind: i32, proto: i32) -> PyResult<()> {
    s.fd.set(fd);
    s.family.set(family);
    s.kind
        .set(kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.proto.set(proto);
    if kind & libc::SOCK_NONBLOCK != 0 {
        s.timeout.set(0);
    } else {
        let d = DEFAULT_TIMEOUT.load(Ordering::Relaxed);
        s.timeout.set(d);
        if d >= 0 {
            set_os_blocking(vm, fd, false)?;
        }
    }
    Ok(())
}

/// Waits for the socket to be ready (`internal_select`): `Ok(true)` on timeout.
fn wait_ready(fd: i32, writing: bool, interval: i64, connect: bool) -> Result<bool, i32> {
    let mut events = if writing { libc::POLLOUT } else { libc::POLLIN };
    if connect {
        events |= libc::POLLERR;
    }
    let mut p = libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    let ms = if interval < 0 {
        -1
    } else {
        let ms = interval / 1_000_000 + i64::from(interval % 1_000_000 != 0);
        ms.min(i64::from(i32::MAX)) as i32
    };
    // SAFETY: one valid pollfd.
    let n = unsafe { libc::poll(&mut p, 1, ms) };
    if n < 0 {
        return Err(errno());
    }
    Ok(n == 0)
}

/// `sock_call_ex`: runs `f` (which gives `None` on failure, with errno set), waiting for
/// readiness first if the socket has a timeout, retrying after signals; `Ok(Err(errno))`
/// (or `TIMED_OUT`) when it fails.
fn sock_call<T>(
    vm: &Vm,
    s: &Sock,
    writing: bool,
    connect: bool,
    timeout: i64,
    mut f: impl FnMut(i32) -> Option<T>,
) -> PyResult<Result<T, i32>> {
    let has_timeout = timeout > 0;
    let mut deadline: Option<i64> = None;
    loop {
        let fd = s.fd.get();
        if has_timeout || connect {
            let interval = if has_timeout {
                match deadline {
                    None => {
                        deadline = Some(monotonic_ns().saturating_add(timeout));
                        timeout
                    }
                    Some(d) => d - monotonic_ns(),
                }
            } else {
                timeout
            };
            let r = if has_timeout && interval < 0 {
                Ok(true)
            } else {
                wait_ready(fd, writing, interval, connect)
            };
            match r {
                Err(e) if e == libc::EINTR => {
                    vm.check_signals()?;
                    continue;
                }
                Err(e) => return Ok(Err(e)),
                Ok(true) => return Ok(Err(TIMED_OUT)),
                Ok(false) => {}
            }
        }
        let e = loop {
            if let Some(v) = f(s.fd.get()) {
                return Ok(Ok(v));
            }
            let e = errno();
            if e != libc::EINTR {
                break e;
            }
            vm.check_signals()?;
        };
        if s.timeout.get() > 0 && (e == libc::EWOULDBLOCK || e == libc::EAGAIN) {
            continue;
        }
        return Ok(Err(e));
    }
}

/// `sock_call` raising on failure.
fn call_or_raise<T>(
    vm: &Vm,
    s: &Sock,
    writing: bool,
    f: impl FnMut(i32) -> Option<T>,
) -> PyResult<T> {
    match sock_call(vm, s, writing, false, s.timeout.get(), f)? {
        Ok(v) => Ok(v),
        Err(e) => Err(sock_error(vm, e)),
    }
}

fn ok_if<T: PartialOrd + Default>(r: T) -> Option<T> {
    if r >= T::default() { Some(r) } else { None }
}

fn sock_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, SOCKET)?;
    Ok(new_sock(cls))
}

fn sockopt_int(fd: i32, opt: i32) -> Result<i32, i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: an int-sized out-parameter.
    let r = unsafe {
        libc::getsockopt(
            fd,
            libc::SOL_SOCKET,
            opt,
            (&mut v as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    if r == 0 { Ok(v) } else { Err(errno()) }
}

fn sock_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = sock_of(vm, &args[0])?;
    let p = bind_args(
        vm,
        "socket",
        &args[1..],
        kwnames,
        &["family", "type", "proto", "fileno"],
        4,
        0,
    )?;
    let int_or = |i: usize| -> PyResult<i32> {
        match &p[i] {
            Some(v) => c_int(vm, v),
            None => Ok(-1),
        }
    };
    let (mut family, mut kind, mut proto) = (int_or(0)?, int_or(1)?, int_or(2)?);
    let fd = match p[3].as_ref().filter(|v| !v.is_none()) {
        Some(fdobj) => {
            let fd = match vm.index_value(fdobj)? {
                Value::Int(n) if n < 0 => return Err(vm.value_error("negative file descriptor")),
                Value::Int(n) if n <= i64::from(i32::MAX) => n as i32,
                _ => return Err(vm.overflow_error("Python int too large to convert to C int")),
            };
            let mut addr = Addr::new();
            // SAFETY: valid out-parameters.
            let r = unsafe { libc::getsockname(fd, addr.mut_ptr(), &mut addr.len) };
            if r == 0 {
                if family == -1 {
                    family = i32::from(addr.st.ss_family);
                }
            } else {
                let e = errno();
                if family == -1 || e == libc::EBADF || e == libc::ENOTSOCK {
                    return Err(os_error(vm, e));
                }
            }
            if kind == -1 {
                kind = sockopt_int(fd, libc::SO_TYPE).map_err(|e| os_error(vm, e))?;
            }
            if proto == -1 {
                proto = sockopt_int(fd, libc::SO_PROTOCOL).map_err(|e| os_error(vm, e))?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if kind == -1 {
                kind = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: plain system call.
            let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(os_error(vm, errno()));
            }
            fd
        }
    };
    init_sock(vm, s, fd, family, kind, proto)?;
    Ok(Value::None)
}

fn sock_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = sock_of(vm, &args[0])?;
    Ok(vm.new_string(format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.get(),
        s.family.get(),
        s.kind.get(),
        s.proto.get()
    )))
}

fn sock_fileno(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "fileno", &args[1..], kw, 0, 0)?;
    Ok(Value::Int(i64::from(sock_of(vm, &args[0])?.fd.get())))
}

fn sock_close(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "close", &args[1..], kw, 0, 0)?;
    let s = sock_of(vm, &args[0])?;
    let fd = s.fd.replace(-1);
    if fd >= 0 {
        // SAFETY: closing the descriptor this object owned.
        if unsafe { libc::close(fd) } < 0 {
            let e = errno();
            if e != libc::ECONNRESET {
                return Err(os_error(vm, e));
            }
        }
    }
    Ok(Value::None)
}

fn sock_detach(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "detach", &args[1..], kw, 0, 0)?;
    let s = sock_of(vm, &args[0])?;
    Ok(Value::Int(i64::from(s.fd.replace(-1))))
}

fn sock_bind(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "bind", &args[1..], kw, 1, 1)?;
    let s = sock_of(vm, &args[0])?;
    let addr = sockaddr_arg(vm, s.family.get(), &args[1], "bind")?;
    // SAFETY: a valid address of `len` bytes.
    if unsafe { libc::bind(s.fd.get(), addr.ptr(), addr.len) } < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::None)
}

fn sock_listen(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "listen", args.len() - 1, kw, 0, 1)?;
    let s = sock_of(vm, &args[0])?;
    let backlog = match args.get(1) {
        Some(b) => c_int(vm, b)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    // SAFETY: plain system call.
    if unsafe { libc::listen(s.fd.get(), backlog) } < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::None)
}

fn sock_accept(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_accept", &args[1..], kw, 0, 0)?;
    let s = sock_of(vm, &args[0])?;
    let mut addr = Addr::new();
    let fd = call_or_raise(vm, s, false, |fd| {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: valid out-parameters.
        ok_if(unsafe { libc::accept4(fd, addr.mut_ptr(), &mut addr.len, libc::SOCK_CLOEXEC) })
    })?;
    Ok(vm.new_tuple(vec![Value::Int(i64::from(fd)), sockaddr_value(vm, &addr)]))
}

/// `internal_connect`: `Ok(0)` when connected, else the error number.
fn connect_inner(vm: &Vm, s: &Sock, addr: &Addr) -> PyResult<i32> {
    // SAFETY: a valid address of `len` bytes.
    let r = unsafe { libc::connect(s.fd.get(), addr.ptr(), addr.len) };
    if r == 0 {
        return Ok(0);
    }
    let err = errno();
    let wait = if err == libc::EINTR {
        vm.check_signals()?;
        s.timeout.get() != 0
    } else {
        s.timeout.get() > 0 && err == libc::EINPROGRESS
    };
    if !wait {
        return Ok(err);
    }
    let r = sock_call(vm, s, true, true, s.timeout.get(), |fd| {
        match sockopt_int(fd, libc::SO_ERROR) {
            Ok(0) => Some(()),
            Ok(e) if e == libc::EISCONN => Some(()),
            Ok(e) => {
                // SAFETY: the calling thread's errno slot.
                unsafe { *libc::__errno_location() = e };
                None
            }
            Err(_) => None,
        }
    })?;
    Ok(match r {
        Ok(()) => 0,
        Err(TIMED_OUT) => TIMED_OUT,
        Err(e) => e,
    })
}

fn sock_connect(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "connect", &args[1..], kw, 1, 1)?;
    let s = sock_of(vm, &args[0])?;
    let addr = sockaddr_arg(vm, s.family.get(), &args[1], "connect")?;
    match connect_inner(vm, s, &addr)? {
        0 => Ok(Value::None),
        e => Err(sock_error(vm, e)),
    }
}

fn sock_connect_ex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "connect_ex", &args[1..], kw, 1, 1)?;
    let s = sock_of(vm, &args[0])?;
    let addr = sockaddr_arg(vm, s.family.get(), &args[1], "connect_ex")?;
    let e = connect_inner(vm, s, &addr)?;
    Ok(Value::Int(i64::from(if e == TIMED_OUT {
        libc::EWOULDBLOCK
    } else {
        e
    })))
}

fn flags_arg(vm: &Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        Some(v) => c_int(vm, v),
        None => Ok(0),
    }
}

fn sock_send(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "send", args.len() - 1, kw, 1, 2)?;
    let s = sock_of(vm, &args[0])?;
    let data = crate::builtins::bytes::bytes_arg(vm, &args[1])?;
    let fl = flags_arg(vm, args.get(2))?;
    let n = call_or_raise(vm, s, true, |fd| {
        // SAFETY: the buffer is readable for its length.
        ok_if(unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), fl) })
    })?;
    Ok(Value::Int(n as i64))
}

fn sock_sendall(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "sendall", args.len() - 1, kw, 1, 2)?;
    let s = sock_of(vm, &args[0])?;
    let data = crate::builtins::bytes::bytes_arg(vm, &args[1])?;
    let fl = flags_arg(vm, args.get(2))?;
    let timeout = s.timeout.get();
    let deadline = monotonic_ns().saturating_add(timeout);
    let mut off = 0;
    while off < data.len() {
        let left = if timeout > 0 {
            let l = deadline - monotonic_ns();
            if l <= 0 {
                return Err(sock_error(vm, TIMED_OUT));
            }
            l
        } else {
            timeout
        };
        let chunk = &data[off..];
        let r = sock_call(vm, s, true, false, left, |fd| {
            // SAFETY: the buffer is readable for its length.
            ok_if(unsafe { libc::send(fd, chunk.as_ptr().cast(), chunk.len(), fl) })
        })?;
        match r {
            Ok(n) => off += n as usize,
            Err(e) => return Err(sock_error(vm, e)),
        }
        vm.check_signals()?;
    }
    Ok(Value::None)
}

fn sock_sendto(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "sendto", kw)?;
    let n = args.len() - 1;
    if !(2..=3).contains(&n) {
        return Err(vm.type_error(format!("sendto() takes 2 or 3 arguments ({n} given)")));
    }
    let s = sock_of(vm, &args[0])?;
    let data = crate::builtins::bytes::bytes_arg(vm, &args[1])?;
    let (fl, target) = if n == 3 {
        (c_int(vm, &args[2])?, &args[3])
    } else {
        (0, &args[2])
    };
    let addr = sockaddr_arg(vm, s.family.get(), target, "sendto")?;
    let r = call_or_raise(vm, s, true, |fd| {
        // SAFETY: the buffer and address are valid for their lengths.
        ok_if(unsafe {
            libc::sendto(
                fd,
                data.as_ptr().cast(),
                data.len(),
                fl,
                addr.ptr(),
                addr.len,
            )
        })
    })?;
    Ok(Value::Int(r as i64))
}

fn bufsize_arg(vm: &Vm, v: &Value, fname: &str) -> PyResult<usize> {
    let n = crate::builtins::oscall::c_long(vm, v)?;
    if n < 0 {
        return Err(vm.value_error(format!("negative buffersize in {fname}")));
    }
    Ok(n as usize)
}

/// Receives up to `n` bytes (and the sender's address, if asked).
fn recv_raw(vm: &Vm, s: &Sock, n: usize, fl: i32, from: bool) -> PyResult<(Vec<u8>, Value)> {
    let mut buf = vec![0u8; n];
    let mut addr = Addr::new();
    let got = call_or_raise(vm, s, false, |fd| {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: the buffer has room for `n` bytes; valid address out-parameters.
        ok_if(unsafe {
            if from {
                libc::recvfrom(
                    fd,
                    buf.as_mut_ptr().cast(),
                    n,
                    fl,
                    addr.mut_ptr(),
                    &mut addr.len,
                )
            } else {
                libc::recv(fd, buf.as_mut_ptr().cast(), n, fl)
            }
        })
    })?;
    buf.truncate(got as usize);
    let a = if from {
        sockaddr_value(vm, &addr)
    } else {
        Value::None
    };
    Ok((buf, a))
}

fn sock_recv(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "recv", args.len() - 1, kw, 1, 2)?;
    let s = sock_of(vm, &args[0])?;
    let n = bufsize_arg(vm, &args[1], "recv")?;
    let fl = flags_arg(vm, args.get(2))?;
    let (buf, _) = recv_raw(vm, s, n, fl, false)?;
    Ok(crate::builtins::bytes::new_bytes(vm, buf))
}

fn sock_recvfrom(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "recvfrom", args.len() - 1, kw, 1, 2)?;
    let s = sock_of(vm, &args[0])?;
    let n = bufsize_arg(vm, &args[1], "recvfrom")?;
    let fl = flags_arg(vm, args.get(2))?;
    let (buf, addr) = recv_raw(vm, s, n, fl, true)?;
    Ok(vm.new_tuple(vec![crate::builtins::bytes::new_bytes(vm, buf), addr]))
}

/// `recv_into` / `recvfrom_into`.
fn recv_into_impl(vm: &Vm, args: &[Value], kwnames: &[Value], from: bool) -> PyResult<Value> {
    let fname = if from { "recvfrom_into" } else { "recv_into" };
    let p = bind_args(
        vm,
        fname,
        &args[1..],
        kwnames,
        &["buffer", "nbytes", "flags"],
        3,
        1,
    )?;
    let s = sock_of(vm, &args[0])?;
    let buffer = p[0].clone().unwrap_or(Value::None);
    let cap = crate::builtins::io::writable_buffer_len(vm, &buffer, fname).map_err(|e| {
        if vm.exc_matches(&e, &vm.types.exceptions.type_error) {
            vm.type_error(format!(
                "{fname}() argument 1 must be read-write bytes-like object, not {}",
                vm.type_name(&buffer)
            ))
        } else {
            e
        }
    })?;
    let mut n = match &p[1] {
        Some(v) => crate::builtins::oscall::c_long(vm, v)?,
        None => 0,
    };
    let fl = flags_arg(vm, p[2].as_ref())?;
    if n < 0 {
        return Err(vm.value_error(format!("negative buffersize in {fname}")));
    }
    if n == 0 {
        n = cap as i64;
    } else if n as usize > cap {
        return Err(vm.value_error(if from {
            "nbytes is greater than the length of the buffer"
        } else {
            "buffer too small for requested bytes"
        }));
    }
    let (data, addr) = recv_raw(vm, s, n as usize, fl, from)?;
    crate::builtins::io::write_into(vm, &buffer, &data)?;
    let got = Value::from(data.len());
    Ok(if from {
        vm.new_tuple(vec![got, addr])
    } else {
        got
    })
}

fn sock_recv_into(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    recv_into_impl(vm, args, kw, false)
}

fn sock_recvfrom_into(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    recv_into_impl(vm, args, kw, true)
}

fn sock_name(vm: &Vm, args: &[Value], kw: &[Value], peer: bool) -> PyResult<Value> {
    let fname = if peer { "getpeername" } else { "getsockname" };
    check_count(vm, fname, &args[1..], kw, 0, 0)?;
    let s = sock_of(vm, &args[0])?;
    let mut addr = Addr::new();
    // SAFETY: valid out-parameters.
    let r = unsafe {
        if peer {
            libc::getpeername(s.fd.get(), addr.mut_ptr(), &mut addr.len)
        } else {
            libc::getsockname(s.fd.get(), addr.mut_ptr(), &mut addr.len)
        }
    };
    if r < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(sockaddr_value(vm, &addr))
}

fn sock_getsockname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    sock_name(vm, args, kw, false)
}

fn sock_getpeername(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    sock_name(vm, args, kw, true)
}

fn sock_setsockopt(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "setsockopt", kw)?;
    let n = args.len() - 1;
    if !(3..=4).contains(&n) {
        return Err(vm.type_error(format!(
            "setsockopt() takes exactly {} arguments ({n} given)",
            if n < 3 { 3 } else { 4 }
        )));
    }
    let s = sock_of(vm, &args[0])?;
    let level = c_int(vm, &args[1])?;
    let opt = c_int(vm, &args[2])?;
    let value = &args[3];
    let r = if n == 4 {
        if !value.is_none() {
            return Err(vm.type_error(format!(
                "setsockopt() argument 3 must be NoneType, not {}",
                vm.type_name(value)
            )));
        }
        let len = uint_arg(vm, &args[4])?;
        // SAFETY: a NULL option value with the given length.
        unsafe { libc::setsockopt(s.fd.get(), level, opt, std::ptr::null(), len) }
    } else if crate::builtins::int::as_bigint(value).is_some() {
        let flag = c_int(vm, value)?;
        // SAFETY: an int-sized option value.
        unsafe {
            libc::setsockopt(
                s.fd.get(),
                level,
                opt,
                (&flag as *const i32).cast(),
                std::mem::size_of::<i32>() as libc::socklen_t,
            )
        }
    } else {
        let buf = crate::builtins::bytes::bytes_arg(vm, value)?;
        // SAFETY: the buffer is readable for its length.
        unsafe {
            libc::setsockopt(
                s.fd.get(),
                level,
                opt,
                buf.as_ptr().cast(),
                buf.len() as libc::socklen_t,
            )
        }
    };
    if r < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::None)
}

fn sock_getsockopt(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "getsockopt", args.len() - 1, kw, 2, 3)?;
    let s = sock_of(vm, &args[0])?;
    let level = c_int(vm, &args[1])?;
    let opt = c_int(vm, &args[2])?;
    match args.get(3) {
        None => {
            let mut v: libc::c_int = 0;
            let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
            // SAFETY: an int-sized out-parameter.
            let r = unsafe {
                libc::getsockopt(
                    s.fd.get(),
                    level,
                    opt,
                    (&mut v as *mut i32).cast(),
                    &mut len,
                )
            };
            if r < 0 {
                return Err(os_error(vm, errno()));
            }
            Ok(Value::Int(i64::from(v)))
        }
        Some(b) => {
            let buflen = c_int(vm, b)?;
            if buflen <= 0 || buflen > 1024 {
                return Err(os_error_msg(vm, "getsockopt buflen out of range"));
            }
            let mut buf = vec![0u8; buflen as usize];
            let mut len = buflen as libc::socklen_t;
            // SAFETY: a buffer of `len` bytes.
            let r = unsafe {
                libc::getsockopt(s.fd.get(), level, opt, buf.as_mut_ptr().cast(), &mut len)
            };
            if r < 0 {
                return Err(os_error(vm, errno()));
            }
            buf.truncate(len as usize);
            Ok(crate::builtins::bytes::new_bytes(vm, buf))
        }
    }
}

/// A timeout argument (`socket_parse_timeout`): `None` → -1 (blocking).
fn timeout_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    if v.is_none() {
        return Ok(-1);
    }
    let ns = seconds_to_ns(vm, v, Round::Timeout)?;
    if ns < 0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Ok(ns)
}

fn timeout_value(ns: i64) -> Value {
    if ns < 0 {
        Value::None
    } else {
        Value::float(ns as f64 / 1e9)
    }
}

fn sock_settimeout(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "settimeout", &args[1..], kw, 1, 1)?;
    let s = sock_of(vm, &args[0])?;
    let t = timeout_arg(vm, &args[1])?;
    s.timeout.set(t);
    if s.fd.get() >= 0 {
        set_os_blocking(vm, s.fd.get(), t < 0)?;
    }
    Ok(Value::None)
}

fn sock_gettimeout(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "gettimeout", &args[1..], kw, 0, 0)?;
    Ok(timeout_value(sock_of(vm, &args[0])?.timeout.get()))
}

fn sock_setblocking(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "setblocking", &args[1..], kw, 1, 1)?;
    let s = sock_of(vm, &args[0])?;
    let block = crate::builtins::oscall::c_long(vm, &args[1])? != 0;
    s.timeout.set(if block { -1 } else { 0 });
    if s.fd.get() >= 0 {
        set_os_blocking(vm, s.fd.get(), block)?;
    }
    Ok(Value::None)
}

fn sock_getblocking(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "getblocking", &args[1..], kw, 0, 0)?;
    Ok(Value::bool(sock_of(vm, &args[0])?.timeout.get() != 0))
}

fn sock_shutdown(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "shutdown", &args[1..], kw, 1, 1)?;
    let s = sock_of(vm, &args[0])?;
    let how = c_int(vm, &args[1])?;
    // SAFETY: plain system call.
    if unsafe { libc::shutdown(s.fd.get(), how) } < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::None)
}

fn get_family(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(i64::from(sock_of(vm, v)?.family.get())))
}

fn get_type(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(i64::from(sock_of(vm, v)?.kind.get())))
}

fn get_proto(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(i64::from(sock_of(vm, v)?.proto.get())))
}

fn get_timeout(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(timeout_value(sock_of(vm, v)?.timeout.get()))
}

fn init_socket_type(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", sock_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__init__", sock_init),
            ("__repr__", sock_repr),
            ("_accept", sock_accept),
            ("bind", sock_bind),
            ("close", sock_close),
            ("connect", sock_connect),
            ("connect_ex", sock_connect_ex),
            ("detach", sock_detach),
            ("fileno", sock_fileno),
            ("getpeername", sock_getpeername),
            ("getsockname", sock_getsockname),
            ("getsockopt", sock_getsockopt),
            ("setsockopt", sock_setsockopt),
            ("listen", sock_listen),
            ("recv", sock_recv),
            ("recv_into", sock_recv_into),
            ("recvfrom", sock_recvfrom),
            ("recvfrom_into", sock_recvfrom_into),
            ("send", sock_send),
            ("sendall", sock_sendall),
            ("sendto", sock_sendto),
            ("setblocking", sock_setblocking),
            ("getblocking", sock_getblocking),
            ("settimeout", sock_settimeout),
            ("gettimeout", sock_gettimeout),
            ("shutdown", sock_shutdown),
        ],
    );
    vm.add_getsets(
        t,
        &[
            ("family", get_family, None),
            ("type", get_type, None),
            ("proto", get_proto, None),
            ("timeout", get_timeout, None),
        ],
    );
}

// ---- module functions ----

fn m_socketpair(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "socketpair", args.len(), kw, 0, 3)?;
    let family = match args.first() {
        Some(v) => c_int(vm, v)?,
        None => libc::AF_UNIX,
    };
    let kind = match args.get(1) {
        Some(v) => c_int(vm, v)?,
        None => libc::SOCK_STREAM,
    };
    let proto = match args.get(2) {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    let mut fds = [0i32; 2];
    // SAFETY: room for two descriptors.
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0 {
        return Err(os_error(vm, errno()));
    }
    let t = vm.types.other(SOCKET);
    let mut out = Vec::with_capacity(2);
    for fd in fds {
        let v = new_sock(t.clone());
        init_sock(vm, sock_of(vm, &v)?, fd, family, kind, proto)?;
        out.push(v);
    }
    Ok(vm.new_tuple(out))
}

fn opt_cstring(vm: &Vm, b: Vec<u8>) -> PyResult<CString> {
    CString::new(b).map_err(|_| vm.value_error("embedded null byte"))
}

fn m_getaddrinfo(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = bind_args(
        vm,
        "getaddrinfo",
        args,
        kwnames,
        &["host", "port", "family", "type", "proto", "flags"],
        6,
        2,
    )?;
    let host = match p[0].as_ref().unwrap_or(&Value::None) {
        Value::None => None,
        h if crate::str::as_str(h).is_some() => Some(opt_cstring(vm, host_arg(vm, h)?)?),
        h => match h.payload() {
            Some(Payload::Bytes(b)) => Some(opt_cstring(vm, b.to_vec())?),
            _ => return Err(vm.type_error("getaddrinfo() argument 1 must be string or None")),
        },
    };
    let port = match p[1].as_ref().unwrap_or(&Value::None) {
        Value::None => None,
        v if crate::builtins::int::as_bigint(v).is_some() => {
            let n = crate::builtins::oscall::c_long(vm, v)?;
            Some(opt_cstring(vm, n.to_string().into_bytes())?)
        }
        v if crate::str::as_str(v).is_some() => Some(opt_cstring(
            vm,
            crate::str::as_str(v).unwrap_or("").as_bytes().to_vec(),
        )?),
        v => match v.payload() {
            Some(Payload::Bytes(b)) => Some(opt_cstring(vm, b.to_vec())?),
            _ => return Err(os_error_msg(vm, "Int or String expected")),
        },
    };
    let int = |i: usize| -> PyResult<i32> {
        match &p[i] {
            Some(v) => c_int(vm, v),
            None => Ok(0),
        }
    };
    let h = hints(int(2)?, int(3)?, int(4)?, int(5)?);
    let res =
        getaddrinfo_raw(host.as_deref(), port.as_deref(), &h).map_err(|e| gai_error(vm, e))?;
    let mut out = Vec::new();
    for ai in res.iter() {
        let mut addr = Addr::new();
        copy_ai(&mut addr, ai);
        addr.len = ai.ai_addrlen;
        let canon = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated string of the result list.
            unsafe { CStr::from_ptr(ai.ai_canonname) }
                .to_string_lossy()
                .into_owned()
        };
        out.push(vm.new_tuple(vec![
            Value::Int(i64::from(ai.ai_family)),
            Value::Int(i64::from(ai.ai_socktype)),
            Value::Int(i64::from(ai.ai_protocol)),
            vm.new_string(canon),
            sockaddr_value(vm, &addr),
        ]));
    }
    Ok(vm.new_list(out))
}

fn m_getnameinfo(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "getnameinfo", args.len(), kw, 2, 2)?;
    let Some(Payload::Tuple(t)) = args[0].payload() else {
        return Err(vm.type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let fl = c_int(vm, &args[1])?;
    if !(2..=4).contains(&t.len()) || crate::str::as_str(&t[0]).is_none() {
        return Err(vm.type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let host = opt_cstring(
        vm,
        crate::str::as_str(&t[0]).unwrap_or("").as_bytes().to_vec(),
    )?;
    let port = c_int(vm, &t[1])?;
    let flowinfo = match t.get(2) {
        Some(v) => uint_arg(vm, v)?,
        None => 0,
    };
    let scope_id = match t.get(3) {
        Some(v) => uint_arg(vm, v)?,
        None => 0,
    };
    if flowinfo > 0xfffff {
        return Err(vm.overflow_error("getnameinfo(): flowinfo must be 0-1048575."));
    }
    let pbuf = opt_cstring(vm, port.to_string().into_bytes())?;
    let h = hints(libc::AF_UNSPEC, libc::SOCK_DGRAM, 0, libc::AI_NUMERICHOST);
    let res = getaddrinfo_raw(Some(&host), Some(&pbuf), &h).map_err(|e| gai_error(vm, e))?;
    let mut it = res.iter();
    let Some(ai) = it.next() else {
        return Err(os_error_msg(vm, "sockaddr resolved to multiple addresses"));
    };
    if it.next().is_some() {
        return Err(os_error_msg(vm, "sockaddr resolved to multiple addresses"));
    }
    let mut addr = Addr::new();
    copy_ai(&mut addr, ai);
    addr.len = ai.ai_addrlen;
    match ai.ai_family {
        libc::AF_INET if t.len() != 2 => {
            return Err(os_error_msg(vm, "IPv4 sockaddr must be 2 tuple"));
        }
        libc::AF_INET6 => {
            let sin6 = addr.in6();
            sin6.sin6_flowinfo = flowinfo.to_be();
            sin6.sin6_scope_id = scope_id;
        }
        _ => {}
    }
    let mut hbuf = [0 as libc::c_char; 1025];
    let mut sbuf = [0 as libc::c_char; 32];
    // SAFETY: a valid address and output buffers of the given sizes.
    let r = unsafe {
        libc::getnameinfo(
            addr.ptr(),
            addr.len,
            hbuf.as_mut_ptr(),
            hbuf.len() as libc::socklen_t,
            sbuf.as_mut_ptr(),
            sbuf.len() as libc::socklen_t,
            fl,
        )
    };
    if r != 0 {
        return Err(gai_error(vm, r));
    }
    // SAFETY: getnameinfo wrote NUL-terminated strings.
    let (hs, ss) = unsafe { (CStr::from_ptr(hbuf.as_ptr()), CStr::from_ptr(sbuf.as_ptr())) };
    Ok(vm.new_tuple(vec![
        vm.new_string(hs.to_string_lossy().into_owned()),
        vm.new_string(ss.to_string_lossy().into_owned()),
    ]))
}

fn m_gethostname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "gethostname", args, kw, 0, 0)?;
    let mut buf = [0 as libc::c_char; 1024];
    // SAFETY: a buffer of the given size.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) } < 0 {
        return Err(os_error(vm, errno()));
    }
    // SAFETY: NUL-terminated (the last byte stays 0).
    let s = unsafe { CStr::from_ptr(buf.as_ptr()) };
    Ok(vm.new_string(s.to_string_lossy().into_owned()))
}

fn ip_string(addr: &Addr) -> String {
    match i32::from(addr.st.ss_family) {
        libc::AF_INET => {
            // SAFETY: the storage holds a sockaddr_in.
            let sin = unsafe { &*(addr.ptr().cast::<libc::sockaddr_in>()) };
            ntop(
                libc::AF_INET,
                (&sin.sin_addr as *const libc::in_addr).cast(),
            )
        }
        _ => {
            // SAFETY: the storage holds a sockaddr_in6.
            let sin6 = unsafe { &*(addr.ptr().cast::<libc::sockaddr_in6>()) };
            ntop(
                libc::AF_INET6,
                (&sin6.sin6_addr as *const libc::in6_addr).cast(),
            )
        }
    }
}

fn m_gethostbyname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "gethostbyname", args, kw, 1, 1)?;
    let name = host_arg(vm, &args[0])?;
    let mut addr = Addr::new();
    setipaddr(vm, &name, &mut addr, libc::AF_INET)?;
    Ok(vm.new_string(ip_string(&addr)))
}

fn m_gethostbyname_ex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "gethostbyname_ex", args, kw, 1, 1)?;
    let name = host_arg(vm, &args[0])?;
    let c = opt_cstring(vm, name.clone())?;
    let h = hints(libc::AF_INET, libc::SOCK_STREAM, 0, libc::AI_CANONNAME);
    let res = getaddrinfo_raw(Some(&c), None, &h).map_err(|e| gai_error(vm, e))?;
    let mut canon = String::from_utf8_lossy(&name).into_owned();
    let mut ips: Vec<String> = Vec::new();
    for (i, ai) in res.iter().enumerate() {
        if i == 0 && !ai.ai_canonname.is_null() {
            // SAFETY: a NUL-terminated string of the result list.
            canon = unsafe { CStr::from_ptr(ai.ai_canonname) }
                .to_string_lossy()
                .into_owned();
        }
        let mut a = Addr::new();
        copy_ai(&mut a, ai);
        let ip = ip_string(&a);
        if !ips.contains(&ip) {
            ips.push(ip);
        }
    }
    Ok(vm.new_tuple(vec![
        vm.new_string(canon),
        vm.new_list(vec![]),
        vm.new_list(ips.into_iter().map(|s| vm.new_string(s)).collect()),
    ]))
}

fn m_gethostbyaddr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "gethostbyaddr", args, kw, 1, 1)?;
    let name = host_arg(vm, &args[0])?;
    let mut addr = Addr::new();
    setipaddr(vm, &name, &mut addr, libc::AF_UNSPEC)?;
    addr.len = if i32::from(addr.st.ss_family) == libc::AF_INET {
        std::mem::size_of::<libc::sockaddr_in>()
    } else {
        std::mem::size_of::<libc::sockaddr_in6>()
    } as libc::socklen_t;
    let mut hbuf = [0 as libc::c_char; 1025];
    // SAFETY: a valid address and output buffer.
    let r = unsafe {
        libc::getnameinfo(
            addr.ptr(),
            addr.len,
            hbuf.as_mut_ptr(),
            hbuf.len() as libc::socklen_t,
            std::ptr::null_mut(),
            0,
            libc::NI_NAMEREQD,
        )
    };
    if r != 0 {
        return Err(exc_with(
            vm,
            &exc_class(vm, HERROR),
            vec![Value::Int(1), vm.new_str("Unknown host")],
        ));
    }
    // SAFETY: NUL-terminated by getnameinfo.
    let host = unsafe { CStr::from_ptr(hbuf.as_ptr()) }
        .to_string_lossy()
        .into_owned();
    Ok(vm.new_tuple(vec![
        vm.new_string(host),
        vm.new_list(vec![]),
        vm.new_list(vec![vm.new_string(ip_string(&addr))]),
    ]))
}

fn proto_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Option<CString>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(p) => match crate::str::as_str(p) {
            Some(s) => Ok(Some(opt_cstring(vm, s.as_bytes().to_vec())?)),
            None => Err(vm.type_error(format!(
                "argument must be str or None, not {}",
                vm.type_name(p)
            ))),
        },
    }
}

fn m_getservbyname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "getservbyname", args.len(), kw, 1, 2)?;
    let Some(name) = crate::str::as_str(&args[0]) else {
        return Err(vm.type_error(format!(
            "getservbyname() argument 1 must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let name = opt_cstring(vm, name.as_bytes().to_vec())?;
    let proto = proto_arg(vm, args.get(1))?;
    // SAFETY: NUL-terminated strings; the result points into static storage, read at once.
    let port = unsafe {
        let se = libc::getservbyname(
            name.as_ptr(),
            proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
        );
        if se.is_null() {
            return Err(os_error_msg(vm, "service/proto not found"));
        }
        (*se).s_port
    };
    Ok(Value::Int(i64::from(u16::from_be(port as u16))))
}

fn m_getservbyport(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "getservbyport", args.len(), kw, 1, 2)?;
    let port = c_int(vm, &args[0])?;
    if !(0..=0xffff).contains(&port) {
        return Err(vm.overflow_error("getservbyport: port must be 0-65535."));
    }
    let proto = proto_arg(vm, args.get(1))?;
    // SAFETY: as in getservbyname.
    let name = unsafe {
        let se = libc::getservbyport(
            i32::from((port as u16).to_be()),
            proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
        );
        if se.is_null() {
            return Err(os_error_msg(vm, "port/proto not found"));
        }
        CStr::from_ptr((*se).s_name).to_string_lossy().into_owned()
    };
    Ok(vm.new_string(name))
}

fn m_getprotobyname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "getprotobyname", args, kw, 1, 1)?;
    let Some(name) = crate::str::as_str(&args[0]) else {
        return Err(vm.type_error(format!(
            "getprotobyname() argument must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let name = opt_cstring(vm, name.as_bytes().to_vec())?;
    // SAFETY: a NUL-terminated string; the result is read at once.
    let proto = unsafe {
        let pe = libc::getprotobyname(name.as_ptr());
        if pe.is_null() {
            return Err(os_error_msg(vm, "protocol not found"));
        }
        (*pe).p_proto
    };
    Ok(Value::Int(i64::from(proto)))
}

fn m_getdefaulttimeout(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "getdefaulttimeout", args, kw, 0, 0)?;
    Ok(timeout_value(DEFAULT_TIMEOUT.load(Ordering::Relaxed)))
}

fn m_setdefaulttimeout(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "setdefaulttimeout", args, kw, 1, 1)?;
    let t = timeout_arg(vm, &args[0])?;
    DEFAULT_TIMEOUT.store(t, Ordering::Relaxed);
    Ok(Value::None)
}

/// htons/ntohs: a 16-bit value.
fn short_swap(vm: &Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<Value> {
    check_count(vm, name, args, kw, 1, 1)?;
    let v = vm.index_value(&args[0])?;
    if is_negative(&v) {
        return Err(vm.overflow_error(format!(
            "{name}: can't convert negative Python int to C 16-bit unsigned integer"
        )));
    }
    match v {
        Value::Int(n) if n <= 0xffff => Ok(Value::Int(i64::from((n as u16).swap_bytes()))),
        _ => Err(vm.overflow_error(format!(
            "{name}: Python int too large to convert to C 16-bit unsigned integer"
        ))),
    }
}

fn m_htons(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    short_swap(vm, args, kw, "htons")
}

fn m_ntohs(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    short_swap(vm, args, kw, "ntohs")
}

/// htonl/ntohl: a 32-bit value.
fn long_swap(vm: &Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<Value> {
    check_count(vm, name, args, kw, 1, 1)?;
    let v = &args[0];
    if crate::builtins::int::as_bigint(v).is_none() {
        return Err(vm.type_error(format!("expected int, {} found", vm.type_name(v))));
    }
    if is_negative(v) {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    match vm.index_value(v)? {
        Value::Int(n) if n <= 0xffff_ffff => Ok(Value::Int(i64::from((n as u32).swap_bytes()))),
        _ => Err(vm.overflow_error("int larger than 32 bits")),
    }
}

fn m_htonl(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    long_swap(vm, args, kw, "htonl")
}

fn m_ntohl(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    long_swap(vm, args, kw, "ntohl")
}

fn str_arg<'a>(vm: &Vm, v: &'a Value, fname: &str) -> PyResult<&'a str> {
    crate::str::as_str(v).ok_or_else(|| {
        vm.type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            vm.type_name(v)
        ))
    })
}

fn m_inet_aton(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "inet_aton", args, kw, 1, 1)?;
    let s = str_arg(vm, &args[0], "inet_aton")?;
    let c = opt_cstring(vm, s.as_bytes().to_vec())?;
    let mut a = libc::in_addr { s_addr: 0 };
    // SAFETY: a NUL-terminated string and a valid out-parameter.
    if unsafe { inet_aton(c.as_ptr(), &mut a) } == 0 {
        return Err(os_error_msg(
            vm,
            "illegal IP address string passed to inet_aton",
        ));
    }
    Ok(crate::builtins::bytes::new_bytes(
        vm,
        a.s_addr.to_ne_bytes().to_vec(),
    ))
}

fn m_inet_ntoa(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "inet_ntoa", args, kw, 1, 1)?;
    let b = crate::builtins::bytes::bytes_arg(vm, &args[0])?;
    if b.len() != 4 {
        return Err(os_error_msg(vm, "packed IP wrong length for inet_ntoa"));
    }
    Ok(vm.new_string(format!("{}.{}.{}.{}", b[0], b[1], b[2], b[3])))
}

fn m_inet_pton(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "inet_pton", args.len(), kw, 2, 2)?;
    let af = c_int(vm, &args[0])?;
    let s = crate::str::as_str(&args[1]).ok_or_else(|| {
        vm.type_error(format!(
            "inet_pton() argument 2 must be str, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    let c = opt_cstring(vm, s.as_bytes().to_vec())?;
    let mut buf = [0u8; 16];
    // SAFETY: a NUL-terminated string and a 16-byte destination.
    let r = unsafe { inet_pton(af, c.as_ptr(), buf.as_mut_ptr().cast()) };
    if r < 0 {
        return Err(os_error(vm, errno()));
    }
    if r == 0 {
        return Err(os_error_msg(
            vm,
            "illegal IP address string passed to inet_pton",
        ));
    }
    let n = if af == libc::AF_INET { 4 } else { 16 };
    Ok(crate::builtins::bytes::new_bytes(vm, buf[..n].to_vec()))
}

fn m_inet_ntop(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    varargs(vm, "inet_ntop", args.len(), kw, 2, 2)?;
    let af = c_int(vm, &args[0])?;
    let b = crate::builtins::bytes::bytes_arg(vm, &args[1])?;
    let want = match af {
        libc::AF_INET => 4,
        libc::AF_INET6 => 16,
        _ => return Err(vm.value_error(format!("unknown address family {af}"))),
    };
    if b.len() != want {
        return Err(vm.value_error("invalid length of packed IP address string"));
    }
    Ok(vm.new_string(ntop(af, b.as_ptr().cast())))
}

fn m_dup(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "dup", args, kw, 1, 1)?;
    let fd = c_int(vm, &args[0])?;
    // SAFETY: plain descriptor call.
    let n = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if n < 0 {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::Int(i64::from(n)))
}

fn m_close(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "close", args, kw, 1, 1)?;
    let fd = c_int(vm, &args[0])?;
    // SAFETY: plain descriptor call.
    if unsafe { libc::close(fd) } < 0 && errno() != libc::ECONNRESET {
        return Err(os_error(vm, errno()));
    }
    Ok(Value::None)
}

fn m_if_nametoindex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "if_nametoindex", args, kw, 1, 1)?;
    let name = match crate::str::as_str(&args[0]) {
        Some(s) => s.as_bytes().to_vec(),
        None => crate::builtins::bytes::bytes_arg(vm, &args[0])?,
    };
    let c = opt_cstring(vm, name)?;
    // SAFETY: a NUL-terminated name.
    let i = unsafe { libc::if_nametoindex(c.as_ptr()) };
    if i == 0 {
        return Err(os_error_msg(vm, "no interface with this name"));
    }
    Ok(Value::Int(i64::from(i)))
}

fn m_if_indextoname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "if_indextoname", args, kw, 1, 1)?;
    let i = uint_arg(vm, &args[0])?;
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE];
    // SAFETY: a buffer of IF_NAMESIZE bytes.
    let p = unsafe { libc::if_indextoname(i, buf.as_mut_ptr()) };
    if p.is_null() {
        return Err(os_error(vm, errno()));
    }
    // SAFETY: NUL-terminated by if_indextoname.
    let s = unsafe { CStr::from_ptr(buf.as_ptr()) };
    Ok(vm.new_string(s.to_string_lossy().into_owned()))
}

fn m_if_nameindex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "if_nameindex", args, kw, 0, 0)?;
    // SAFETY: the list is walked up to its zero entry, then freed once.
    unsafe {
        let list = libc::if_nameindex();
        if list.is_null() {
            return Err(os_error(vm, errno()));
        }
        let mut out = Vec::new();
        let mut p = list;
        while (*p).if_index != 0 {
            let name = CStr::from_ptr((*p).if_name).to_string_lossy().into_owned();
            out.push(vm.new_tuple(vec![
                Value::Int(i64::from((*p).if_index)),
                vm.new_string(name),
            ]));
            p = p.add(1);
        }
        libc::if_freenameindex(list);
        Ok(vm.new_list(out))
    }
}

// ---- constants ----

const CONSTANTS: &[(&str, i64)] = &[
    ("AF_APPLETALK", libc::AF_APPLETALK as i64),
    ("AF_ASH", libc::AF_ASH as i64),
    ("AF_ATMPVC", libc::AF_ATMPVC as i64),
    ("AF_ATMSVC", libc::AF_ATMSVC as i64),
    ("AF_AX25", libc::AF_AX25 as i64),
    ("AF_BRIDGE", libc::AF_BRIDGE as i64),
    ("AF_CAN", libc::AF_CAN as i64),
    ("AF_DECnet", libc::AF_DECnet as i64),
    ("AF_ECONET", libc::AF_ECONET as i64),
    ("AF_INET", libc::AF_INET as i64),
    ("AF_INET6", libc::AF_INET6 as i64),
    ("AF_IPX", libc::AF_IPX as i64),
    ("AF_IRDA", libc::AF_IRDA as i64),
    ("AF_KEY", libc::AF_KEY as i64),
    ("AF_LLC", libc::AF_LLC as i64),
    ("AF_NETBEUI", libc::AF_NETBEUI as i64),
    ("AF_NETLINK", libc::AF_NETLINK as i64),
    ("AF_NETROM", libc::AF_NETROM as i64),
    ("AF_PACKET", libc::AF_PACKET as i64),
    ("AF_PPPOX", libc::AF_PPPOX as i64),
    ("AF_QIPCRTR", 42),
    ("AF_RDS", libc::AF_RDS as i64),
    ("AF_ROSE", libc::AF_ROSE as i64),
    ("AF_ROUTE", libc::AF_NETLINK as i64),
    ("AF_SECURITY", libc::AF_SECURITY as i64),
    ("AF_SNA", libc::AF_SNA as i64),
    ("AF_TIPC", libc::AF_TIPC as i64),
    ("AF_UNIX", libc::AF_UNIX as i64),
    ("AF_UNSPEC", libc::AF_UNSPEC as i64),
    ("AF_VSOCK", libc::AF_VSOCK as i64),
    ("AF_WANPIPE", libc::AF_WANPIPE as i64),
    ("AF_X25", libc::AF_X25 as i64),
    ("AF_ALG", libc::AF_ALG as i64),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG as i64),
    ("AI_ALL", libc::AI_ALL as i64),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64),
    ("AI_V4MAPPED", libc::AI_V4MAPPED as i64),
    ("EAI_ADDRFAMILY", -9),
    ("EAI_AGAIN", libc::EAI_AGAIN as i64),
    ("EAI_BADFLAGS", libc::EAI_BADFLAGS as i64),
    ("EAI_FAIL", libc::EAI_FAIL as i64),
    ("EAI_FAMILY", libc::EAI_FAMILY as i64),
    ("EAI_MEMORY", libc::EAI_MEMORY as i64),
    ("EAI_NODATA", libc::EAI_NODATA as i64),
    ("EAI_NONAME", libc::EAI_NONAME as i64),
    ("EAI_OVERFLOW", libc::EAI_OVERFLOW as i64),
    ("EAI_SERVICE", libc::EAI_SERVICE as i64),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE as i64),
    ("EAI_SYSTEM", libc::EAI_SYSTEM as i64),
    ("INADDR_ALLHOSTS_GROUP", 0xe000_0001),
    ("INADDR_ANY", libc::INADDR_ANY as i64),
    ("INADDR_BROADCAST", libc::INADDR_BROADCAST as i64),
    ("INADDR_LOOPBACK", libc::INADDR_LOOPBACK as i64),
    ("INADDR_MAX_LOCAL_GROUP", 0xe000_00ff),
    ("INADDR_NONE", libc::INADDR_NONE as i64),
    ("INADDR_UNSPEC_GROUP", 0xe000_0000),
    ("IPPORT_RESERVED", 1024),
    ("IPPORT_USERRESERVED", 5000),
    ("IPPROTO_AH", libc::IPPROTO_AH as i64),
    ("IPPROTO_DSTOPTS", libc::IPPROTO_DSTOPTS as i64),
    ("IPPROTO_EGP", libc::IPPROTO_EGP as i64),
    ("IPPROTO_ESP", libc::IPPROTO_ESP as i64),
    ("IPPROTO_FRAGMENT", libc::IPPROTO_FRAGMENT as i64),
    ("IPPROTO_GRE", libc::IPPROTO_GRE as i64),
    ("IPPROTO_HOPOPTS", libc::IPPROTO_HOPOPTS as i64),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP as i64),
    ("IPPROTO_ICMPV6", libc::IPPROTO_ICMPV6 as i64),
    ("IPPROTO_IDP", libc::IPPROTO_IDP as i64),
    ("IPPROTO_IGMP", libc::IPPROTO_IGMP as i64),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64),
    ("IPPROTO_IPIP", libc::IPPROTO_IPIP as i64),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64),
    ("IPPROTO_NONE", libc::IPPROTO_NONE as i64),
    ("IPPROTO_PIM", libc::IPPROTO_PIM as i64),
    ("IPPROTO_PUP", libc::IPPROTO_PUP as i64),
    ("IPPROTO_RAW", libc::IPPROTO_RAW as i64),
    ("IPPROTO_ROUTING", libc::IPPROTO_ROUTING as i64),
    ("IPPROTO_RSVP", libc::IPPROTO_RSVP as i64),
    ("IPPROTO_SCTP", libc::IPPROTO_SCTP as i64),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64),
    ("IPPROTO_TP", libc::IPPROTO_TP as i64),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64),
    ("IPPROTO_UDPLITE", libc::IPPROTO_UDPLITE as i64),
    ("IPPROTO_MPTCP", 262),
    ("IPV6_CHECKSUM", libc::IPV6_CHECKSUM as i64),
    ("IPV6_DONTFRAG", libc::IPV6_DONTFRAG as i64),
    ("IPV6_DSTOPTS", libc::IPV6_DSTOPTS as i64),
    ("IPV6_HOPLIMIT", libc::IPV6_HOPLIMIT as i64),
    ("IPV6_HOPOPTS", libc::IPV6_HOPOPTS as i64),
    ("IPV6_JOIN_GROUP", libc::IPV6_ADD_MEMBERSHIP as i64),
    ("IPV6_LEAVE_GROUP", libc::IPV6_DROP_MEMBERSHIP as i64),
    ("IPV6_MULTICAST_HOPS", libc::IPV6_MULTICAST_HOPS as i64),
    ("IPV6_MULTICAST_IF", libc::IPV6_MULTICAST_IF as i64),
    ("IPV6_MULTICAST_LOOP", libc::IPV6_MULTICAST_LOOP as i64),
    ("IPV6_NEXTHOP", libc::IPV6_NEXTHOP as i64),
    ("IPV6_PATHMTU", libc::IPV6_PATHMTU as i64),
    ("IPV6_PKTINFO", libc::IPV6_PKTINFO as i64),
    ("IPV6_RECVDSTOPTS", libc::IPV6_RECVDSTOPTS as i64),
    ("IPV6_RECVHOPLIMIT", libc::IPV6_RECVHOPLIMIT as i64),
    ("IPV6_RECVHOPOPTS", libc::IPV6_RECVHOPOPTS as i64),
    ("IPV6_RECVPATHMTU", libc::IPV6_RECVPATHMTU as i64),
    ("IPV6_RECVPKTINFO", libc::IPV6_RECVPKTINFO as i64),
    ("IPV6_RECVRTHDR", libc::IPV6_RECVRTHDR as i64),
    ("IPV6_RECVTCLASS", libc::IPV6_RECVTCLASS as i64),
    ("IPV6_RTHDR", libc::IPV6_RTHDR as i64),
    ("IPV6_RTHDRDSTOPTS", libc::IPV6_RTHDRDSTOPTS as i64),
    ("IPV6_RTHDR_TYPE_0", 0),
    ("IPV6_TCLASS", libc::IPV6_TCLASS as i64),
    ("IPV6_UNICAST_HOPS", libc::IPV6_UNICAST_HOPS as i64),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64),
    ("IP_ADD_MEMBERSHIP", libc::IP_ADD_MEMBERSHIP as i64),
    ("IP_DEFAULT_MULTICAST_LOOP", 1),
    ("IP_DEFAULT_MULTICAST_TTL", 1),
    ("IP_DROP_MEMBERSHIP", libc::IP_DROP_MEMBERSHIP as i64),
    ("IP_HDRINCL", libc::IP_HDRINCL as i64),
    ("IP_MAX_MEMBERSHIPS", 20),
    ("IP_MULTICAST_IF", libc::IP_MULTICAST_IF as i64),
    ("IP_MULTICAST_LOOP", libc::IP_MULTICAST_LOOP as i64),
    ("IP_MULTICAST_TTL", libc::IP_MULTICAST_TTL as i64),
    ("IP_OPTIONS", libc::IP_OPTIONS as i64),
    ("IP_RECVOPTS", libc::IP_RECVOPTS as i64),
    ("IP_RECVRETOPTS", 7),
    ("IP_RECVTOS", libc::IP_RECVTOS as i64),
    ("IP_RETOPTS", libc::IP_RETOPTS as i64),
    ("IP_TOS", libc::IP_TOS as i64),
    ("IP_TRANSPARENT", libc::IP_TRANSPARENT as i64),
    ("IP_TTL", libc::IP_TTL as i64),
    (
        "IP_BIND_ADDRESS_NO_PORT",
        libc::IP_BIND_ADDRESS_NO_PORT as i64,
    ),
    ("MSG_CMSG_CLOEXEC", libc::MSG_CMSG_CLOEXEC as i64),
    ("MSG_CONFIRM", libc::MSG_CONFIRM as i64),
    ("MSG_CTRUNC", libc::MSG_CTRUNC as i64),
    ("MSG_DONTROUTE", libc::MSG_DONTROUTE as i64),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64),
    ("MSG_EOR", libc::MSG_EOR as i64),
    ("MSG_ERRQUEUE", libc::MSG_ERRQUEUE as i64),
    ("MSG_FASTOPEN", libc::MSG_FASTOPEN as i64),
    ("MSG_MORE", libc::MSG_MORE as i64),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL as i64),
    ("MSG_OOB", libc::MSG_OOB as i64),
    ("MSG_PEEK", libc::MSG_PEEK as i64),
    ("MSG_TRUNC", libc::MSG_TRUNC as i64),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64),
    ("NI_DGRAM", libc::NI_DGRAM as i64),
    ("NI_MAXHOST", 1025),
    ("NI_MAXSERV", 32),
    ("NI_NAMEREQD", libc::NI_NAMEREQD as i64),
    ("NI_NOFQDN", libc::NI_NOFQDN as i64),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST as i64),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV as i64),
    ("SCM_CREDENTIALS", libc::SCM_CREDENTIALS as i64),
    ("SCM_RIGHTS", libc::SCM_RIGHTS as i64),
    ("SHUT_RD", libc::SHUT_RD as i64),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64),
    ("SHUT_WR", libc::SHUT_WR as i64),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC as i64),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK as i64),
    ("SOCK_RAW", libc::SOCK_RAW as i64),
    ("SOCK_RDM", libc::SOCK_RDM as i64),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64),
    ("SOCK_STREAM", libc::SOCK_STREAM as i64),
    ("SOL_IP", libc::SOL_IP as i64),
    ("SOL_SOCKET", libc::SOL_SOCKET as i64),
    ("SOL_TCP", libc::SOL_TCP as i64),
    ("SOL_UDP", libc::SOL_UDP as i64),
    ("SOMAXCONN", libc::SOMAXCONN as i64),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN as i64),
    ("SO_BINDTODEVICE", libc::SO_BINDTODEVICE as i64),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64),
    ("SO_DEBUG", libc::SO_DEBUG as i64),
    ("SO_DOMAIN", libc::SO_DOMAIN as i64),
    ("SO_DONTROUTE", libc::SO_DONTROUTE as i64),
    ("SO_ERROR", libc::SO_ERROR as i64),
    ("SO_INCOMING_CPU", 49),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
    ("SO_LINGER", libc::SO_LINGER as i64),
    ("SO_MARK", libc::SO_MARK as i64),
    ("SO_OOBINLINE", libc::SO_OOBINLINE as i64),
    ("SO_PASSCRED", libc::SO_PASSCRED as i64),
    ("SO_PASSSEC", libc::SO_PASSSEC as i64),
    ("SO_PEERCRED", libc::SO_PEERCRED as i64),
    ("SO_PEERSEC", libc::SO_PEERSEC as i64),
    ("SO_PRIORITY", libc::SO_PRIORITY as i64),
    ("SO_PROTOCOL", libc::SO_PROTOCOL as i64),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64),
    ("SO_RCVLOWAT", libc::SO_RCVLOWAT as i64),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO as i64),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64),
    ("SO_SNDLOWAT", libc::SO_SNDLOWAT as i64),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO as i64),
    ("SO_TYPE", libc::SO_TYPE as i64),
    ("TCP_CONGESTION", libc::TCP_CONGESTION as i64),
    ("TCP_CORK", libc::TCP_CORK as i64),
    ("TCP_DEFER_ACCEPT", libc::TCP_DEFER_ACCEPT as i64),
    ("TCP_FASTOPEN", libc::TCP_FASTOPEN as i64),
    ("TCP_INFO", libc::TCP_INFO as i64),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT as i64),
    ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE as i64),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL as i64),
    ("TCP_LINGER2", libc::TCP_LINGER2 as i64),
    ("TCP_MAXSEG", libc::TCP_MAXSEG as i64),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64),
    ("TCP_NOTSENT_LOWAT", libc::TCP_NOTSENT_LOWAT as i64),
    ("TCP_QUICKACK", libc::TCP_QUICKACK as i64),
    ("TCP_SYNCNT", libc::TCP_SYNCNT as i64),
    ("TCP_USER_TIMEOUT", libc::TCP_USER_TIMEOUT as i64),
    ("TCP_WINDOW_CLAMP", libc::TCP_WINDOW_CLAMP as i64),
];

/// Makes the `_socket` module.
pub fn module(vm: &Vm) -> PyResult<Value> {
    let t = native_type(
        vm,
        SOCKET,
        None,
        Layout::Native,
        flags::BASETYPE,
        init_socket_type,
    );
    let m = vm.new_module("_socket");
    let d = vm.module_dict(&m);
    let set = |name: &str, v: Value| vm.dict_set_str(&d, vm.intern(name), v);
    let functions: &[(&'static str, crate::builtins::function::NativeFn)] = &[
        ("socketpair", m_socketpair),
        ("getaddrinfo", m_getaddrinfo),
        ("getnameinfo", m_getnameinfo),
        ("gethostname", m_gethostname),
        ("gethostbyname", m_gethostbyname),
        ("gethostbyname_ex", m_gethostbyname_ex),
        ("gethostbyaddr", m_gethostbyaddr),
        ("getservbyname", m_getservbyname),
        ("getservbyport", m_getservbyport),
        ("getprotobyname", m_getprotobyname),
        ("getdefaulttimeout", m_getdefaulttimeout),
        ("setdefaulttimeout", m_setdefaulttimeout),
        ("htons", m_htons),
        ("ntohs", m_ntohs),
        ("htonl", m_htonl),
        ("ntohl", m_ntohl),
        ("inet_aton", m_inet_aton),
        ("inet_ntoa", m_inet_ntoa),
        ("inet_pton", m_inet_pton),
        ("inet_ntop", m_inet_ntop),
        ("dup", m_dup),
        ("close", m_close),
        ("if_nametoindex", m_if_nametoindex),
        ("if_indextoname", m_if_indextoname),
        ("if_nameindex", m_if_nameindex),
    ];
    for (n, f) in functions {
        set(n, vm.new_builtin_function(n, *f))?;
    }
    set("socket", Value::Obj(t.clone()))?;
    set("SocketType", Value::Obj(t))?;
    set("error", Value::Obj(vm.types.exceptions.os_error.clone()))?;
    set(
        "timeout",
        Value::Obj(vm.types.exceptions.timeout_error.clone()),
    )?;
    set("gaierror", Value::Obj(exc_class(vm, GAIERROR)))?;
    set("herror", Value::Obj(exc_class(vm, HERROR)))?;
    set("has_ipv6", Value::TRUE)?;
    for (n, v) in CONSTANTS {
        set(n, Value::Int(*v))?;
    }
    set(
        "__doc__",
        vm.new_str("Implementation module for socket operations.\n\nSee the socket module for documentation."),
    )?;
    Ok(Value::Obj(m))
}
