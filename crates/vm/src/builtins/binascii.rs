//! The `binascii` module: hex (`hexlify`/`unhexlify`), base64, uuencode and quoted-printable
//! lines, `crc32` and `crc_hqx`, and the `Error` and `Incomplete` exceptions.
//! Counterpart: Modules/binascii.c (3.11).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::ToPrimitive;

use crate::builtins::bytes::{buffer_bytes, new_bytes};
use crate::builtins::function::{NativeFn, check_count, no_kwargs};
use crate::builtins::itertools::{bind_args, check_positional};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

const ERROR: &str = "binascii.Error";
const INCOMPLETE: &str = "binascii.Incomplete";

/// Lines of quoted-printable output are at most this long.
const MAXLINESIZE: usize = 76;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// ---- errors ----

/// The exception class registered as `key`, made once per VM.
fn exc_type(vm: &Vm, key: &'static str) -> PyRef {
    let existing = vm.types.others.borrow().get(key).cloned();
    if let Some(t) = existing {
        return t;
    }
    let (name, base) = if key == ERROR {
        ("Error", vm.types.exceptions.value_error.clone())
    } else {
        ("Incomplete", vm.types.exceptions.exception.clone())
    };
    let t = crate::builtins::type_::make_class(vm, name, vec![base], "binascii");
    vm.types.others.borrow_mut().insert(key, t.clone());
    t
}

fn error(vm: &Vm, msg: impl AsRef<str>) -> PyErr {
    vm.new_exception_msg(&exc_type(vm, ERROR), msg.as_ref())
}

// ---- arguments ----

/// A `Py_buffer` argument.
fn buffer_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    buffer_bytes(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// An `ascii_buffer` argument: a bytes-like object or an ASCII str.
fn ascii_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = crate::str::as_str(v) {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    buffer_bytes(v).ok_or_else(|| {
        vm.type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// A C `int` argument (the clinic `int` and `bool(accept={int})` converters).
fn c_int(vm: &Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index_value(v)?;
    let n = crate::builtins::int::as_bigint(&i).unwrap_or_default();
    match n.to_i32() {
        Some(x) => Ok(i64::from(x)),
        None if n.sign() == num_bigint::Sign::Minus => {
            Err(vm.overflow_error("Python int too small to convert to C int"))
        }
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// An optional flag argument, `default` when not given.
fn flag(vm: &Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => Ok(c_int(vm, v)? != 0),
        None => Ok(default),
    }
}

/// An `unsigned_int(bitwise=True)` argument: any int, reduced modulo 2**32.
fn bitwise_u32(vm: &Vm, v: &Value) -> PyResult<u32> {
    let i = vm.index_value(v)?;
    let n = crate::builtins::int::as_bigint(&i).unwrap_or_default();
    let m = n.mod_floor(&BigInt::from(1u64 << 32));
    Ok(m.to_u32().unwrap_or(0))
}

/// Binds `data, /, *, <flags>`: one positional-only argument and keyword-only flags, with
/// the clinic's messages.
fn data_and_flags(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    flags: &[&str],
) -> PyResult<(Value, Vec<Option<Value>>)> {
    let npos = args.len() - kwnames.len();
    let max = 1 + flags.len();
    if args.len() > max {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {max} {}arguments ({} given)",
            if npos == 0 { "keyword " } else { "" },
            args.len()
        )));
    }
    if npos != 1 {
        return Err(vm.type_error(format!(
            "{fname}() takes exactly 1 positional argument ({npos} given)"
        )));
    }
    let p = bind_args(vm, fname, &args[1..], kwnames, flags, 0, 0)?;
    Ok((args[0].clone(), p))
}

fn arg(p: &[Option<Value>], i: usize) -> Option<&Value> {
    p.get(i).and_then(Option::as_ref)
}

// ---- uuencode ----

fn a2b_uu(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "binascii.a2b_uu", args, kwnames, 1, 1)?;
    let data = ascii_arg(vm, &args[0])?;
    // An empty line reads the terminating NUL as its length byte, as CPython does.
    let first = data.first().copied().unwrap_or(0);
    let mut bin_len = (first.wrapping_sub(b' ') & 0o77) as usize;
    let mut out = Vec::with_capacity(bin_len);
    let mut rest = data.get(1..).unwrap_or(&[]).iter();
    let mut leftchar: u32 = 0;
    let mut leftbits = 0;
    while bin_len > 0 {
        let ch = match rest.next() {
            None | Some(b'\n' | b'\r') => 0,
            Some(&c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error(vm, "Illegal char"));
                }
                (c - b' ') & 0o77
            }
        };
        leftchar = (leftchar << 6) | u32::from(ch);
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push((leftchar >> leftbits) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    for &c in rest {
        if !matches!(c, b' ' | b'`' | b'\n' | b'\r') {
            return Err(error(vm, "Trailing garbage"));
        }
    }
    Ok(new_bytes(vm, out))
}

fn b2a_uu(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, p) = data_and_flags(vm, "b2a_uu", args, kwnames, &["backtick"])?;
    let data = buffer_arg(vm, &data)?;
    let backtick = flag(vm, arg(&p, 0), false)?;
    if data.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let enc = |c: u32| -> u8 {
        if backtick && c == 0 {
            b'`'
        } else {
            b' ' + c as u8
        }
    };
    let mut out = Vec::with_capacity(2 + data.len().div_ceil(3) * 4);
    out.push(enc(data.len() as u32));
    for chunk in data.chunks(3) {
        let mut b = [0u8; 3];
        b[..chunk.len()].copy_from_slice(chunk);
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in (0..4).rev() {
            out.push(enc((n >> (6 * k)) & 0x3f));
        }
    }
    out.push(b'\n');
    Ok(new_bytes(vm, out))
}

// ---- base64 ----

fn b64_value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

fn a2b_base64(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, p) = data_and_flags(vm, "a2b_base64", args, kwnames, &["strict_mode"])?;
    let data = ascii_arg(vm, &data)?;
    let strict = flag(vm, arg(&p, 0), false)?;
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len().div_ceil(4) * 3);
    let mut quad = 0;
    let mut left: u8 = 0;
    let mut pads = 0;
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    // A complete pad sequence ends the data.
                    if strict && i + 1 < data.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    return Ok(new_bytes(vm, out));
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                left = v;
                quad = 1;
            }
            1 => {
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
                quad = 2;
            }
            2 => {
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
                quad = 3;
            }
            _ => {
                out.push((left << 6) | v);
                left = 0;
                quad = 0;
            }
        }
    }
    match quad {
        0 => Ok(new_bytes(vm, out)),
        1 => Err(error(
            vm,
            format!(
                "Invalid base64-encoded string: number of data characters ({}) cannot be 1 \
                 more than a multiple of 4",
                out.len() / 3 * 4 + 1
            ),
        )),
        _ => Err(error(vm, "Incorrect padding")),
    }
}

fn b2a_base64(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (data, p) = data_and_flags(vm, "b2a_base64", args, kwnames, &["newline"])?;
    let data = buffer_arg(vm, &data)?;
    let newline = flag(vm, arg(&p, 0), true)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let mut b = [0u8; 3];
        b[..chunk.len()].copy_from_slice(chunk);
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let digits = chunk.len() + 1;
        for k in 0..4 {
            if k < digits {
                out.push(B64[((n >> (18 - 6 * k)) & 0x3f) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(vm, out))
}

// ---- CRCs ----

/// The CRC-32 (IEEE 802.3, as zlib computes it) of `data`, continuing from `crc`.
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (n, slot) in t.iter_mut().enumerate() {
            let mut c = n as u32;
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    });
    let mut c = !crc;
    for &b in data {
        c = table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// The CRC-CCITT (XMODEM polynomial 0x1021) of `data`, continuing from `crc`.
fn crc_hqx_update(crc: u32, data: &[u8]) -> u32 {
    let mut crc = crc & 0xffff;
    for &b in data {
        crc ^= u32::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
        crc &= 0xffff;
    }
    crc
}

fn crc32(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "binascii.crc32", kwnames)?;
    check_positional(vm, "crc32", args.len(), 1, 2)?;
    let data = buffer_arg(vm, &args[0])?;
    let crc = match args.get(1) {
        Some(v) => bitwise_u32(vm, v)?,
        None => 0,
    };
    Ok(Value::Int(i64::from(crc32_update(crc, &data))))
}

fn crc_hqx(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "binascii.crc_hqx", kwnames)?;
    check_positional(vm, "crc_hqx", args.len(), 2, 2)?;
    let data = buffer_arg(vm, &args[0])?;
    let crc = bitwise_u32(vm, &args[1])?;
    Ok(Value::Int(i64::from(crc_hqx_update(crc, &data))))
}

// ---- hex ----

/// `_Py_strhex_bytes_with_sep`: the separator byte, if one is given.
fn hex_sep(vm: &Vm, sep: &Value) -> PyResult<u8> {
    let len = vm.len(sep)?;
    if len != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    if let Some(s) = crate::str::as_str(sep) {
        let c = s.chars().next().map_or(0, u32::from);
        if c > 0xff {
            return Err(vm.value_error("sep must be ASCII."));
        }
        return Ok(c as u8);
    }
    match sep.payload() {
        Some(crate::object::Payload::Bytes(b)) => Ok(b[0]),
        _ => Err(vm.type_error("sep must be str or bytes.")),
    }
}

fn hex_impl(vm: &Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = bind_args(
        vm,
        fname,
        args,
        kwnames,
        &["data", "sep", "bytes_per_sep"],
        3,
        1,
    )?;
    let data = buffer_arg(vm, arg(&p, 0).unwrap_or(&Value::None))?;
    let sep = match arg(&p, 1) {
        Some(s) => Some(hex_sep(vm, s)?),
        None => None,
    };
    let per = match arg(&p, 2) {
        Some(v) => c_int(vm, v)?,
        None => 1,
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = match sep {
        Some(sep) if per != 0 && !data.is_empty() => {
            let g = (per.unsigned_abs() as usize).min(data.len());
            // Groups are counted from the right for a positive count.
            let first = if per > 0 { (data.len() - 1) % g + 1 } else { g };
            Some((sep, g, first))
        }
        _ => None,
    };
    for (i, &b) in data.iter().enumerate() {
        if let Some((sep, g, first)) = group
            && i > 0
            && (i + g - first).is_multiple_of(g)
        {
            out.push(sep);
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    Ok(new_bytes(vm, out))
}

fn b2a_hex(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    hex_impl(vm, "b2a_hex", args, kwnames)
}

fn hexlify(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    hex_impl(vm, "hexlify", args, kwnames)
}

fn unhex(vm: &Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, fname, args, kwnames, 1, 1)?;
    let data = ascii_arg(vm, &args[0])?;
    if data.len() % 2 == 1 {
        return Err(error(vm, "Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(a), Some(b)) => out.push((a * 16 + b) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(vm, out))
}

fn a2b_hex(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    unhex(vm, "binascii.a2b_hex", args, kwnames)
}

fn unhexlify(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    unhex(vm, "binascii.unhexlify", args, kwnames)
}

// ---- quoted-printable ----

fn a2b_qp(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = bind_args(vm, "a2b_qp", args, kwnames, &["data", "header"], 2, 1)?;
    let data = ascii_arg(vm, arg(&p, 0).unwrap_or(&Value::None))?;
    let header = flag(vm, arg(&p, 1), false)?;
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len());
    let n = data.len();
    let mut i = 0;
    while i < n {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= n {
                break;
            }
            match data[i] {
                // A soft line break: skip to after the end of the line.
                b'\n' | b'\r' => {
                    while i < n && data[i] != b'\n' {
                        i += 1;
                    }
                    if i < n {
                        i += 1;
                    }
                }
                b'=' => {
                    out.push(b'=');
                    i += 1;
                }
                a if i + 1 < n && hex(a).is_some() && hex(data[i + 1]).is_some() => {
                    out.push((hex(a).unwrap_or(0) * 16 + hex(data[i + 1]).unwrap_or(0)) as u8);
                    i += 2;
                }
                _ => out.push(b'='),
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(new_bytes(vm, out))
}

fn push_hex(out: &mut Vec<u8>, c: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'=');
    out.push(HEX[(c >> 4) as usize]);
    out.push(HEX[(c & 15) as usize]);
}

fn b2a_qp(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = bind_args(
        vm,
        "b2a_qp",
        args,
        kwnames,
        &["data", "quotetabs", "istext", "header"],
        4,
        1,
    )?;
    let data = buffer_arg(vm, arg(&p, 0).unwrap_or(&Value::None))?;
    let quotetabs = flag(vm, arg(&p, 1), false)?;
    let istext = flag(vm, arg(&p, 2), true)?;
    let header = flag(vm, arg(&p, 3), false)?;
    let n = data.len();
    // Line ends are written as the first one in the data is (CRLF or LF).
    let crlf = data
        .iter()
        .position(|&c| c == b'\n')
        .is_some_and(|i| i > 0 && data[i - 1] == b'\r');
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut out = Vec::with_capacity(n * 3 / 2);
    let mut linelen = 0;
    let mut i = 0;
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n' | b'\r' | 0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && next.is_none())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if quote {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            push_hex(&mut out, c);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Whitespace at the end of a line is quoted.
            if let Some(&last) = out.last()
                && (last == b' ' || last == b'\t')
            {
                out.pop();
                push_hex(&mut out, last);
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if next.is_some() && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    Ok(new_bytes(vm, out))
}

/// Makes the `binascii` module.
pub fn module(vm: &Vm) -> Value {
    let m = vm.new_module("binascii");
    let d = vm.module_dict(&m);
    let functions: [(&'static str, NativeFn); 12] = [
        ("a2b_uu", a2b_uu),
        ("b2a_uu", b2a_uu),
        ("a2b_base64", a2b_base64),
        ("b2a_base64", b2a_base64),
        ("a2b_hex", a2b_hex),
        ("b2a_hex", b2a_hex),
        ("hexlify", hexlify),
        ("unhexlify", unhexlify),
        ("crc_hqx", crc_hqx),
        ("crc32", crc32),
        ("a2b_qp", a2b_qp),
        ("b2a_qp", b2a_qp),
    ];
    for (n, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, f));
    }
    let _ = vm.dict_set_str(&d, vm.intern("Error"), Value::Obj(exc_type(vm, ERROR)));
    let _ = vm.dict_set_str(
        &d,
        vm.intern("Incomplete"),
        Value::Obj(exc_type(vm, INCOMPLETE)),
    );
    let _ = vm.dict_set_str(
        &d,
        vm.intern("__doc__"),
        vm.new_str("Conversion between binary data and ASCII"),
    );
    Value::Obj(m)
}
