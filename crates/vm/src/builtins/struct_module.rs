//! The `_struct` module behind `struct`: `pack`, `unpack`, `pack_into`, `unpack_from`,
//! `iter_unpack`, `calcsize`, the `Struct` class, its `unpack_iterator` and `struct.error`.
//! Formats follow x86-64 Linux for native sizes and alignment; the little-endian tables use
//! the native packers where the sizes agree, as CPython does (hence its messages).
//! Counterpart: Modules/_struct.c (3.11).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::builtins::bytes::{buffer_bytes, new_bytes};
use crate::builtins::function::{MethodKind, NativeFn, check_count, no_kwargs};
use crate::builtins::itertools::{bind_args, native, native_type, new_class, new_native};
use crate::builtins::number_fast::{Num, int_to_f64, num_of};
use crate::object::{NativeData, Payload};
use crate::types::{Layout as TypeLayout, flags};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

const STRUCT: &str = "_struct.Struct";
const UNPACK_ITER: &str = "_struct.unpack_iterator";
const ERROR: &str = "struct.error";

/// The module-level functions keep at most this many compiled formats.
const MAX_CACHE: usize = 100;

// ---- errors ----

/// `struct.error`, made once per VM.
fn error_type(vm: &Vm) -> PyRef {
    let existing = vm.types.others.borrow().get(ERROR).cloned();
    if let Some(t) = existing {
        return t;
    }
    let t = crate::builtins::type_::make_class(
        vm,
        "error",
        vec![vm.types.exceptions.exception.clone()],
        "struct",
    );
    vm.types.others.borrow_mut().insert(ERROR, t.clone());
    t
}

fn struct_error(vm: &Vm, msg: impl AsRef<str>) -> PyErr {
    vm.new_exception_msg(&error_type(vm), msg.as_ref())
}

// ---- formats ----

/// Byte order and size/alignment rules of a format (its first character).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Order {
    /// `@` or nothing: native sizes and alignment.
    Native,
    /// `<` and `=`: standard sizes, little-endian.
    Little,
    /// `>` and `!`: standard sizes, big-endian.
    Big,
}

/// One format code: `repeat` items of `code`, the first at `offset`, each `size` bytes (for
/// `s` and `p`, one item of `size` bytes).
#[derive(Clone, Debug)]
struct Code {
    code: u8,
    offset: usize,
    size: usize,
    repeat: usize,
}

/// A compiled format.
#[derive(Debug)]
pub struct Compiled {
    /// The format as given (ASCII).
    format: Vec<u8>,
    order: Order,
    /// Total size in bytes (-1 for a Struct made by `__new__` alone).
    size: i64,
    /// Number of values packed or unpacked (-1 likewise).
    len: i64,
    codes: Vec<Code>,
}

impl Compiled {
    fn unset() -> Compiled {
        Compiled {
            format: Vec::new(),
            order: Order::Native,
            size: -1,
            len: -1,
            codes: Vec::new(),
        }
    }

    fn size(&self) -> usize {
        self.size.max(0) as usize
    }
}

/// Size and alignment of format character `c` under `order`, if it is one.
fn entry(order: Order, c: u8) -> Option<(usize, usize)> {
    let native = order == Order::Native;
    let size = match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((size, if native { size } else { 1 }))
}

/// `prepare_s`: compiles a format.
fn compile(vm: &Vm, fmt: &[u8]) -> PyResult<Compiled> {
    if fmt.contains(&0) {
        return Err(struct_error(vm, "embedded null character"));
    }
    let (order, body) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'<' | b'=') => (Order::Little, &fmt[1..]),
        Some(b'>' | b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let too_long = || struct_error(vm, "total struct size too long");
    const MAX: usize = isize::MAX as usize;
    let mut size: usize = 0;
    let mut len: usize = 0;
    let mut codes = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() || c == 0x0b {
            continue;
        }
        let num = if c.is_ascii_digit() {
            let mut num = (c - b'0') as usize;
            loop {
                c = body.get(i).copied().unwrap_or(0);
                i += 1;
                if !c.is_ascii_digit() {
                    break;
                }
                let d = (c - b'0') as usize;
                if num >= MAX / 10 && (num > MAX / 10 || d > MAX % 10) {
                    return Err(too_long());
                }
                num = num * 10 + d;
            }
            if c == 0 {
                return Err(struct_error(
                    vm,
                    "repeat count given without format specifier",
                ));
            }
            num
        } else {
            1
        };
        let (itemsize, align) =
            entry(order, c).ok_or_else(|| struct_error(vm, "bad char in struct format"))?;
        if align > 1 && size > 0 {
            let extra = (align - 1) - (size - 1) % align;
            if extra > MAX - size {
                return Err(too_long());
            }
            size += extra;
        }
        if num > (MAX - size) / itemsize {
            return Err(too_long());
        }
        match c {
            b's' | b'p' => {
                len += 1;
                codes.push(Code {
                    code: c,
                    offset: size,
                    size: num,
                    repeat: 1,
                });
            }
            b'x' => {}
            _ => {
                len += num;
                if num > 0 {
                    codes.push(Code {
                        code: c,
                        offset: size,
                        size: itemsize,
                        repeat: num,
                    });
                }
            }
        }
        size += num * itemsize;
    }
    Ok(Compiled {
        format: fmt.to_vec(),
        order,
        size: size as i64,
        len: len as i64,
        codes,
    })
}

/// The bytes of a format argument: a str (ASCII only) or a bytes object.
fn format_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = crate::str::as_str(v) {
        return crate::builtins::bytes::encode_str(vm, s, "ascii", "strict");
    }
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(b.to_vec());
    }
    Err(vm.type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        vm.type_name(v)
    )))
}

/// Compiled formats by (is bytes, format).
type Cache = HashMap<(bool, Vec<u8>), Rc<Compiled>>;

thread_local! {
    /// The compiled formats of the module-level functions.
    static CACHE: RefCell<Cache> = RefCell::new(HashMap::new());
}

/// `cache_struct_converter`: the compiled format for a module-level function.
fn cached(vm: &Vm, fmt: &Value) -> PyResult<Rc<Compiled>> {
    let key = (
        matches!(fmt.payload(), Some(Payload::Bytes(_))),
        format_bytes(vm, fmt)?,
    );
    if let Some(c) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(c);
    }
    let compiled = Rc::new(compile(vm, &key.1)?);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MAX_CACHE {
            c.clear();
        }
        c.insert(key, compiled.clone());
    });
    Ok(compiled)
}

// ---- values ----

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.payload(), Some(Payload::Int(_)))
}

/// `get_pylong`: an int, through `__index__` when needed.
fn get_pylong(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(n) = crate::builtins::int::as_bigint(v) {
        return Ok(n);
    }
    if vm.lookup_special(v, "__index__").is_none() {
        return Err(struct_error(vm, "required argument is not an integer"));
    }
    let i = vm.index_value(v)?;
    Ok(crate::builtins::int::as_bigint(&i).unwrap_or_default())
}

fn out_of_range(vm: &Vm) -> PyErr {
    struct_error(vm, "argument out of range")
}

/// `get_long` (C long, 64 bits here).
fn get_long(vm: &Vm, v: &Value) -> PyResult<i64> {
    get_pylong(vm, v)?.to_i64().ok_or_else(|| out_of_range(vm))
}

/// `get_ulong` (C unsigned long, 64 bits here).
fn get_ulong(vm: &Vm, v: &Value) -> PyResult<u64> {
    get_pylong(vm, v)?.to_u64().ok_or_else(|| out_of_range(vm))
}

/// `RANGE_ERROR` for format `c` of `size` bytes.
fn range_error(vm: &Vm, c: u8, size: usize, unsigned: bool) -> PyErr {
    let bits = size * 8;
    let msg = if unsigned {
        let max = if bits >= 64 {
            u64::MAX
        } else {
            (1u64 << bits) - 1
        };
        format!("'{}' format requires 0 <= number <= {max}", c as char)
    } else {
        let max = (1i64 << (bits - 1)) - 1;
        format!(
            "'{}' format requires {} <= number <= {max}",
            c as char,
            -max - 1
        )
    };
    struct_error(vm, msg)
}

/// `PyFloat_AsDouble`.
fn as_double(vm: &Vm, v: &Value) -> PyResult<f64> {
    if let Some(n) = num_of(v, false) {
        return match n {
            Num::Float(f) => Ok(f),
            n => int_to_f64(vm, &n),
        };
    }
    if let Some(r) = vm.call_special(v, "__float__", &[])? {
        return match num_of(&r, false) {
            Some(Num::Float(f)) => Ok(f),
            _ => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&r)
            ))),
        };
    }
    if vm.lookup_special(v, "__index__").is_some() {
        let i = vm.index_value(v)?;
        if let Some(n) = num_of(&i, false) {
            return int_to_f64(vm, &n);
        }
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// The float to pack, any failure reported as CPython's struct does.
fn get_double(vm: &Vm, v: &Value) -> PyResult<f64> {
    as_double(vm, v).map_err(|_| struct_error(vm, "required argument is not a float"))
}

/// `frexp` for a finite positive normal double: (m, e) with `x == m * 2**e`, 0.5 <= m < 1.
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: far below the half-float range, so the exponent only has to be small.
        return (0.5, -1074);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// `PyFloat_Pack2`: IEEE 754 binary16 bits, rounded half to even; `None` on overflow.
pub fn pack_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x == 0.0 {
        return Some(sign);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let (mut f, mut e) = frexp(x.abs());
    if e > 16 {
        return None;
    }
    if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -13 {
        // Subnormal result.
        f *= 2f64.powi(14 + e);
        e = 0;
    } else {
        e += 14;
        f = f * 2.0 - 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u16;
    let rest = f - f64::from(bits);
    if rest > 0.5 || (rest == 0.5 && bits & 1 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(sign | ((e as u16) << 10) | bits)
}

/// `PyFloat_Unpack2`.
pub fn unpack_half(h: u16) -> f64 {
    let negative = h & 0x8000 != 0;
    let e = i32::from((h >> 10) & 0x1f);
    let f = h & 0x3ff;
    let x = if e == 0x1f {
        if f == 0 { f64::INFINITY } else { f64::NAN }
    } else {
        let mut x = f64::from(f) / 1024.0;
        let e = if e == 0 {
            -14
        } else {
            x += 1.0;
            e - 15
        };
        x * 2f64.powi(e)
    };
    if negative { -x } else { x }
}

/// Writes `x`'s low `n` bytes into `out` in `order`.
fn put_int(out: &mut [u8], x: u64, n: usize, order: Order) {
    let le = x.to_le_bytes();
    match order {
        Order::Big => {
            for (k, b) in out[..n].iter_mut().enumerate() {
                *b = le[n - 1 - k];
            }
        }
        _ => out[..n].copy_from_slice(&le[..n]),
    }
}

/// Reads `n` bytes of `data` in `order` as an unsigned value.
fn get_uint(data: &[u8], n: usize, order: Order) -> u64 {
    let mut le = [0u8; 8];
    match order {
        Order::Big => {
            for k in 0..n {
                le[k] = data[n - 1 - k];
            }
        }
        _ => le[..n].copy_from_slice(&data[..n]),
    }
    u64::from_le_bytes(le)
}

/// Packs one value of `code` (`size` bytes) into `out`.
fn pack_one(
    vm: &Vm,
    order: Order,
    code: u8,
    size: usize,
    v: &Value,
    out: &mut [u8],
) -> PyResult<()> {
    let big = order == Order::Big;
    match code {
        b'c' => match v.payload() {
            Some(Payload::Bytes(b)) if b.len() == 1 => out[0] = b[0],
            _ => {
                return Err(struct_error(
                    vm,
                    "char format requires a bytes object of length 1",
                ));
            }
        },
        b's' | b'p' => {
            let data = match v.payload() {
                Some(Payload::Bytes(b)) => b.to_vec(),
                Some(Payload::ByteArray(b)) => b.borrow().clone(),
                _ => {
                    return Err(struct_error(
                        vm,
                        format!("argument for '{}' must be a bytes object", code as char),
                    ));
                }
            };
            if code == b's' {
                let n = data.len().min(size);
                out[..n].copy_from_slice(&data[..n]);
            } else if size > 0 {
                let n = data.len().min(size - 1);
                out[1..=n].copy_from_slice(&data[..n]);
                out[0] = n.min(255) as u8;
            }
        }
        b'?' => out[0] = u8::from(vm.truthy(v)?),
        b'b' => {
            let x = get_long(vm, v)?;
            if !(-128..=127).contains(&x) {
                return Err(struct_error(
                    vm,
                    "byte format requires -128 <= number <= 127",
                ));
            }
            out[0] = x as u8;
        }
        b'B' => {
            let x = get_long(vm, v)?;
            if !(0..=255).contains(&x) {
                return Err(struct_error(vm, "ubyte format requires 0 <= number <= 255"));
            }
            out[0] = x as u8;
        }
        b'h' => {
            let x = get_long(vm, v)?;
            if !(-32768..=32767).contains(&x) {
                return Err(if big {
                    range_error(vm, code, 2, false)
                } else {
                    struct_error(vm, "short format requires -32768 <= number <= 32767")
                });
            }
            put_int(out, x as u64, 2, order);
        }
        b'H' => {
            let x = if big {
                get_ulong(vm, v)? as i64
            } else {
                get_long(vm, v)?
            };
            if !(0..=65535).contains(&x) {
                return Err(if big {
                    range_error(vm, code, 2, true)
                } else {
                    struct_error(vm, "ushort format requires 0 <= number <= 65535")
                });
            }
            put_int(out, x as u64, 2, order);
        }
        b'i' | b'l' if size == 4 => {
            let x = get_long(vm, v)?;
            if i32::try_from(x).is_err() {
                return Err(range_error(vm, code, 4, false));
            }
            put_int(out, x as u64, 4, order);
        }
        b'I' | b'L' if size == 4 => {
            let x = get_ulong(vm, v)?;
            if u32::try_from(x).is_err() {
                return Err(range_error(vm, code, 4, true));
            }
            put_int(out, x, 4, order);
        }
        b'l' | b'q' | b'n' => {
            let n = get_pylong(vm, v)?;
            let x = match n.to_i64() {
                Some(x) => x,
                None if big => return Err(vm.overflow_error("int too large to convert")),
                None => return Err(out_of_range(vm)),
            };
            put_int(out, x as u64, 8, order);
        }
        b'L' | b'Q' | b'N' => {
            let n = get_pylong(vm, v)?;
            let x = match n.to_u64() {
                Some(x) => x,
                None if big && n.sign() == num_bigint::Sign::Minus => {
                    return Err(vm.overflow_error("can't convert negative int to unsigned"));
                }
                None if big => return Err(vm.overflow_error("int too large to convert")),
                None => return Err(out_of_range(vm)),
            };
            put_int(out, x, 8, order);
        }
        b'P' => {
            let n = get_pylong(vm, v)?;
            let x = if n.sign() == num_bigint::Sign::Minus {
                n.to_i64()
                    .map(|x| x as u64)
                    .ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))?
            } else {
                n.to_u64().ok_or_else(|| {
                    vm.overflow_error("Python int too large to convert to C unsigned long")
                })?
            };
            put_int(out, x, 8, order);
        }
        b'e' => {
            let x = get_double(vm, v)?;
            let h = pack_half(x)
                .ok_or_else(|| vm.overflow_error("float too large to pack with e format"))?;
            put_int(out, u64::from(h), 2, order);
        }
        b'f' => {
            let x = get_double(vm, v)?;
            let y = x as f32;
            if order != Order::Native && y.is_infinite() && !x.is_infinite() {
                return Err(vm.overflow_error("float too large to pack with f format"));
            }
            put_int(out, u64::from(y.to_bits()), 4, order);
        }
        b'd' => {
            let x = get_double(vm, v)?;
            put_int(out, x.to_bits(), 8, order);
        }
        _ => {}
    }
    Ok(())
}

/// Unpacks one value of `code` (`size` bytes) from `data`.
fn unpack_one(vm: &Vm, order: Order, code: u8, size: usize, data: &[u8]) -> Value {
    let sext = |x: u64, n: usize| -> i64 {
        let shift = 64 - 8 * n as u32;
        ((x << shift) as i64) >> shift
    };
    match code {
        b'c' => new_bytes(vm, data[..1].to_vec()),
        b's' => new_bytes(vm, data[..size].to_vec()),
        b'p' => {
            if size == 0 {
                return new_bytes(vm, Vec::new());
            }
            let n = (data[0] as usize).min(size - 1);
            new_bytes(vm, data[1..=n].to_vec())
        }
        b'?' => Value::bool(data[0] != 0),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            Value::Int(sext(get_uint(data, size, order), size))
        }
        b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => {
            let x = get_uint(data, size, order);
            match i64::try_from(x) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::from_bigint(BigInt::from(x)),
            }
        }
        b'e' => Value::float(unpack_half(get_uint(data, 2, order) as u16)),
        b'f' => Value::float(f64::from(f32::from_bits(get_uint(data, 4, order) as u32))),
        b'd' => Value::float(f64::from_bits(get_uint(data, 8, order))),
        _ => Value::None,
    }
}

/// `s_pack_internal`: packs `args` (as many as the format takes) into `out`.
fn pack_into_buf(vm: &Vm, c: &Compiled, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut it = args.iter();
    for code in &c.codes {
        for k in 0..code.repeat {
            let Some(v) = it.next() else {
                return Ok(());
            };
            let at = code.offset + k * code.size;
            let dst = &mut out[at..at + code.size];
            if let Err(e) = pack_one(vm, c.order, code.code, code.size, v, dst) {
                if is_int(v) && vm.exc_matches(&e, &vm.types.exceptions.overflow_error) {
                    return Err(struct_error(vm, "int too large to convert"));
                }
                return Err(e);
            }
        }
    }
    Ok(())
}

/// `s_unpack_internal`: the tuple of values in `data` (at least the format's size).
fn unpack_buf(vm: &Vm, c: &Compiled, data: &[u8]) -> Value {
    let mut items = Vec::with_capacity(c.len.max(0) as usize);
    for code in &c.codes {
        for k in 0..code.repeat {
            let at = code.offset + k * code.size;
            items.push(unpack_one(vm, c.order, code.code, code.size, &data[at..]));
        }
    }
    vm.new_tuple(items)
}

/// A zeroed output buffer of the format's size.
fn alloc(vm: &Vm, size: usize) -> PyResult<Vec<u8>> {
    if size > isize::MAX as usize - 64 {
        return Err(vm.overflow_error("byte string is too large"));
    }
    let mut v = Vec::new();
    if v.try_reserve_exact(size).is_err() {
        return Err(vm.new_exception(&vm.types.exceptions.memory_error, Vec::new()));
    }
    v.resize(size, 0);
    Ok(v)
}

fn do_pack(vm: &Vm, c: &Compiled, args: &[Value]) -> PyResult<Value> {
    if args.len() as i64 != c.len {
        return Err(struct_error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                c.len,
                args.len()
            ),
        ));
    }
    let mut out = alloc(vm, c.size())?;
    pack_into_buf(vm, c, args, &mut out)?;
    Ok(new_bytes(vm, out))
}

/// A bytes-like argument (`y*`).
fn buffer_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    buffer_bytes(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn do_unpack(vm: &Vm, c: &Compiled, buffer: &Value) -> PyResult<Value> {
    let data = buffer_arg(vm, buffer)?;
    if data.len() as i64 != c.size {
        return Err(struct_error(
            vm,
            format!("unpack requires a buffer of {} bytes", c.size),
        ));
    }
    Ok(unpack_buf(vm, c, &data))
}

fn do_unpack_from(
    vm: &Vm,
    c: &Compiled,
    buffer: &Value,
    offset: Option<&Value>,
) -> PyResult<Value> {
    let data = buffer_arg(vm, buffer)?;
    let mut offset = match offset {
        Some(o) => vm.index_i64(o)?,
        None => 0,
    };
    let len = data.len() as i64;
    if offset < 0 {
        if offset + c.size > 0 {
            return Err(struct_error(
                vm,
                format!(
                    "not enough data to unpack {} bytes at offset {offset}",
                    c.size
                ),
            ));
        }
        if offset + len < 0 {
            return Err(struct_error(
                vm,
                format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        offset += len;
    }
    if len - offset < c.size {
        return Err(struct_error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at \
                 offset {offset} (actual buffer size is {len})",
                c.size as i128 + offset as i128,
                c.size
            ),
        ));
    }
    Ok(unpack_buf(vm, c, &data[offset as usize..]))
}

/// `s_pack_into`: `args` are the buffer, the offset and the values.
fn do_pack_into(vm: &Vm, c: &Compiled, args: &[Value]) -> PyResult<Value> {
    if args.len() as i64 != c.len + 2 {
        return Err(struct_error(
            vm,
            match args.len() {
                0 => "pack_into expected buffer argument".to_string(),
                1 => "pack_into expected offset argument".to_string(),
                n => format!(
                    "pack_into expected {} items for packing (got {})",
                    c.len,
                    n - 2
                ),
            },
        ));
    }
    let target = &args[0];
    let writable = match target.payload() {
        Some(Payload::ByteArray(_)) => true,
        Some(Payload::Native(_)) if buffer_bytes(target).is_some() => {
            matches!(
                vm.getattr_str(target, "readonly"),
                Ok(Value::Bool(crate::value::Truth::False))
            )
        }
        _ => false,
    };
    if !writable {
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(target)
        )));
    }
    let buflen = match target.payload() {
        Some(Payload::ByteArray(b)) => b.borrow().len(),
        _ => buffer_bytes(target).map(|b| b.len()).unwrap_or(0),
    } as i64;
    let mut offset = match num_of(&args[1], false) {
        Some(Num::Int(i)) => i,
        _ => match vm.index_value(&args[1])? {
            Value::Int(i) => i,
            _ => {
                return Err(vm.index_error(format!(
                    "cannot fit '{}' into an index-sized integer",
                    vm.type_name(&args[1])
                )));
            }
        },
    };
    if offset < 0 {
        if offset + c.size > 0 {
            return Err(struct_error(
                vm,
                format!("no space to pack {} bytes at offset {offset}", c.size),
            ));
        }
        if offset + buflen < 0 {
            return Err(struct_error(
                vm,
                format!("offset {offset} out of range for {buflen}-byte buffer"),
            ));
        }
        offset += buflen;
    }
    if buflen - offset < c.size {
        return Err(struct_error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset \
                 {offset} (actual buffer size is {buflen})",
                c.size as i128 + offset as i128,
                c.size
            ),
        ));
    }
    let mut out = vec![0u8; c.size()];
    pack_into_buf(vm, c, &args[2..], &mut out)?;
    let at = offset as usize;
    match target.payload() {
        Some(Payload::ByteArray(b)) => {
            let mut b = b.borrow_mut();
            if at + out.len() <= b.len() {
                b[at..at + out.len()].copy_from_slice(&out);
            }
        }
        _ => {
            // A writable memoryview: assign through a byte view of it.
            let view = match vm.getattr_str(target, "itemsize")? {
                Value::Int(1) => target.clone(),
                _ => vm.call_method(target, "cast", &[vm.new_str("B")])?,
            };
            let key = vm.new_slice(Value::from(at), Value::from(at + out.len()), Value::None);
            vm.setitem(&view, key, new_bytes(vm, out))?;
        }
    }
    Ok(Value::None)
}

// ---- Struct ----

pub struct StructObj {
    compiled: RefCell<Rc<Compiled>>,
}

impl NativeData for StructObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn this(vm: &Vm, v: &Value) -> PyResult<Rc<Compiled>> {
    Ok(native::<StructObj>(vm, v, STRUCT)?
        .compiled
        .borrow()
        .clone())
}

fn s_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = new_class(vm, args, STRUCT)?;
    Ok(new_native(
        cls,
        StructObj {
            compiled: RefCell::new(Rc::new(Compiled::unset())),
        },
    ))
}

fn s_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = native::<StructObj>(vm, &args[0], STRUCT)?;
    let p = bind_args(vm, "Struct", &args[1..], kwnames, &["format"], 1, 1)?;
    let fmt = p[0].clone().unwrap_or(Value::None);
    let compiled = Rc::new(compile(vm, &format_bytes(vm, &fmt)?)?);
    let old = std::mem::replace(&mut *s.compiled.borrow_mut(), compiled);
    drop(old);
    Ok(Value::None)
}

fn s_pack(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "Struct.pack", kwnames)?;
    let c = this(vm, &args[0])?;
    do_pack(vm, &c, &args[1..])
}

fn s_pack_into(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "Struct.pack_into", kwnames)?;
    let c = this(vm, &args[0])?;
    do_pack_into(vm, &c, &args[1..])
}

fn s_unpack(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "Struct.unpack", &args[1..], kwnames, 1, 1)?;
    let c = this(vm, &args[0])?;
    do_unpack(vm, &c, &args[1])
}

fn s_unpack_from(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let c = this(vm, &args[0])?;
    let p = bind_args(
        vm,
        "unpack_from",
        &args[1..],
        kwnames,
        &["buffer", "offset"],
        2,
        1,
    )?;
    let buffer = p[0].clone().unwrap_or(Value::None);
    do_unpack_from(vm, &c, &buffer, p[1].as_ref())
}

fn s_iter_unpack(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "Struct.iter_unpack", &args[1..], kwnames, 1, 1)?;
    let c = this(vm, &args[0])?;
    make_iter(vm, c, &args[1])
}

fn s_sizeof(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "Struct.__sizeof__", &args[1..], kwnames, 0, 0)?;
    let c = this(vm, &args[0])?;
    Ok(Value::from(56 + 32 * (c.codes.len() + 1)))
}

fn s_format(vm: &Vm, v: &Value) -> PyResult<Value> {
    let c = this(vm, v)?;
    Ok(vm.new_string(c.format.iter().map(|&b| b as char).collect()))
}

fn s_size(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(this(vm, v)?.size))
}

/// `format` and `size` cannot be set or deleted (the VM's generic message names the class
/// without its module).
fn s_set_format(vm: &Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.attribute_error("attribute 'format' of '_struct.Struct' objects is not writable"))
}

fn s_set_size(vm: &Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.attribute_error("attribute 'size' of '_struct.Struct' objects is not writable"))
}

fn init_struct(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", s_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__init__", s_init),
            ("pack", s_pack),
            ("pack_into", s_pack_into),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
            ("iter_unpack", s_iter_unpack),
            ("__sizeof__", s_sizeof),
        ],
    );
    vm.add_getsets(
        t,
        &[
            ("format", s_format, Some(s_set_format)),
            ("size", s_size, Some(s_set_size)),
        ],
    );
    vm.add_attr(
        t,
        "__doc__",
        vm.new_str(
            "Struct(fmt) --> compiled struct object\n\n\
             Return a new Struct object which writes and reads binary data according to\n\
             the format string fmt.  See help(struct) for more on format strings.",
        ),
    );
}

// ---- unpack_iterator ----

pub struct UnpackIter {
    compiled: Rc<Compiled>,
    data: Vec<u8>,
    pos: Cell<usize>,
}

impl NativeData for UnpackIter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn make_iter(vm: &Vm, c: Rc<Compiled>, buffer: &Value) -> PyResult<Value> {
    if c.size <= 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = buffer_arg(vm, buffer)?;
    if data.len() % c.size() != 0 {
        return Err(struct_error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                c.size
            ),
        ));
    }
    let t = vm.types.other(UNPACK_ITER);
    Ok(new_native(
        t,
        UnpackIter {
            compiled: c,
            data,
            pos: Cell::new(0),
        },
    ))
}

fn it_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = native::<UnpackIter>(vm, &args[0], UNPACK_ITER)?;
    let pos = it.pos.get();
    let size = it.compiled.size();
    if pos + size > it.data.len() {
        return Err(crate::builtins::itertools::stop_iteration(vm));
    }
    it.pos.set(pos + size);
    Ok(unpack_buf(vm, &it.compiled, &it.data[pos..]))
}

fn it_iter(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn it_length_hint(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = native::<UnpackIter>(vm, &args[0], UNPACK_ITER)?;
    let left = it.data.len().saturating_sub(it.pos.get());
    Ok(Value::from(left / it.compiled.size().max(1)))
}

fn it_new(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.type_error("Cannot create 'unpack_iterator objects"))
}

fn init_iter(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", it_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__iter__", it_iter),
            ("__next__", it_next),
            ("__length_hint__", it_length_hint),
        ],
    );
}

// ---- module functions ----

fn m_pack(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "_struct.pack", kwnames)?;
    let Some(fmt) = args.first() else {
        return Err(vm.type_error("missing format argument"));
    };
    let c = cached(vm, fmt)?;
    do_pack(vm, &c, &args[1..])
}

fn m_pack_into(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "_struct.pack_into", kwnames)?;
    let Some(fmt) = args.first() else {
        return Err(vm.type_error("missing format argument"));
    };
    let c = cached(vm, fmt)?;
    do_pack_into(vm, &c, &args[1..])
}

/// `_PyArg_CheckPositional` with CPython's "name expected N arguments, got M".
fn positional(vm: &Vm, name: &str, args: &[Value], kwnames: &[Value], n: usize) -> PyResult<()> {
    no_kwargs(vm, format_args!("_struct.{name}"), kwnames)?;
    crate::builtins::itertools::check_positional(vm, name, args.len(), n, n)
}

fn m_unpack(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, "unpack", args, kwnames, 2)?;
    let c = cached(vm, &args[0])?;
    do_unpack(vm, &c, &args[1])
}

fn m_unpack_from(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos == 0 {
        if args.len() > 3 {
            return Err(vm.type_error(format!(
                "unpack_from() takes at most 3 arguments ({} given)",
                args.len()
            )));
        }
        return Err(vm.type_error("unpack_from() takes at least 1 positional argument (0 given)"));
    }
    let p = bind_args(
        vm,
        "unpack_from",
        args,
        kwnames,
        &["format", "buffer", "offset"],
        3,
        2,
    )?;
    let fmt = p[0].clone().unwrap_or(Value::None);
    let buffer = p[1].clone().unwrap_or(Value::None);
    let c = cached(vm, &fmt)?;
    do_unpack_from(vm, &c, &buffer, p[2].as_ref())
}

fn m_iter_unpack(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, "iter_unpack", args, kwnames, 2)?;
    let c = cached(vm, &args[0])?;
    make_iter(vm, c, &args[1])
}

fn m_calcsize(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "_struct.calcsize", args, kwnames, 1, 1)?;
    Ok(Value::Int(cached(vm, &args[0])?.size))
}

fn m_clearcache(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "_struct._clearcache", args, kwnames, 0, 0)?;
    let old = CACHE.with(|c| std::mem::take(&mut *c.borrow_mut()));
    drop(old);
    Ok(Value::None)
}

const MODULE_DOC: &str = "Functions to convert between Python values and C structs.
Python bytes objects are used to hold the data representing the C struct
and also as format strings (explained below) to describe the layout of data
in the C struct.

The optional first format char indicates byte order, size and alignment:
  @: native order, size & alignment (default)
  =: native order, std. size & alignment
  <: little-endian, std. size & alignment
  >: big-endian, std. size & alignment
  !: same as >

The remaining chars indicate types of args and must match exactly;
these can be preceded by a decimal repeat count:
  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;
  ?: _Bool (requires C99; if not available, char is used instead)
  h:short; H:unsigned short; i:int; I:unsigned int;
  l:long; L:unsigned long; f:float; d:double; e:half-float.
Special cases (preceding decimal count indicates length):
  s:string (array of char); p: pascal string (with count byte).
Special cases (only available in native format):
  n:ssize_t; N:size_t;
  P:an integer type that is wide enough to hold a pointer.
Special case (not in native mode unless 'long long' in platform C):
  q:long long; Q:unsigned long long
Whitespace between formats is ignored.

The variable struct.error is an exception raised on errors.
";

/// Makes the `_struct` module.
pub fn module(vm: &Vm) -> Value {
    native_type(
        vm,
        STRUCT,
        None,
        TypeLayout::Native,
        flags::BASETYPE,
        init_struct,
    );
    native_type(vm, UNPACK_ITER, None, TypeLayout::Native, 0, init_iter);
    let m = vm.new_module("_struct");
    let d = vm.module_dict(&m);
    let functions: [(&'static str, NativeFn); 7] = [
        ("pack", m_pack),
        ("pack_into", m_pack_into),
        ("unpack", m_unpack),
        ("unpack_from", m_unpack_from),
        ("iter_unpack", m_iter_unpack),
        ("calcsize", m_calcsize),
        ("_clearcache", m_clearcache),
    ];
    for (n, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, f));
    }
    let _ = vm.dict_set_str(&d, vm.intern("Struct"), Value::Obj(vm.types.other(STRUCT)));
    let _ = vm.dict_set_str(&d, vm.intern("error"), Value::Obj(error_type(vm)));
    let _ = vm.dict_set_str(&d, vm.intern("__doc__"), vm.new_str(MODULE_DOC));
    Value::Obj(m)
}
