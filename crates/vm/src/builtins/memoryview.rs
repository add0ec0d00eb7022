//! `memoryview`, kept basic: one-dimensional views of bytes and bytearray objects with
//! slicing, item assignment into a bytearray, `cast` to the native integer and float formats
//! (and a shape for `tolist`), `tobytes`, `tolist`, `hex` and `release`.
//! Counterpart: Objects/memoryobject.c (3.11).

use std::cell::Cell;

use crate::builtins::function::{MethodKind, check_count, parse_args};
use crate::object::{NativeData, Payload, PyObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct MemoryView {
    /// The exporting object: a bytes or bytearray.
    obj: Value,
    released: Cell<bool>,
    /// Byte offset of item 0 in the exporter, and bytes from one item to the next.
    start: isize,
    stride: isize,
    /// Number of items.
    len: usize,
    format: String,
    itemsize: usize,
    /// Set by `cast(fmt, shape)`; the one-dimensional `(len,)` otherwise.
    shape: Option<Vec<usize>>,
}

impl NativeData for MemoryView {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.obj);
    }
}

fn view(v: &Value) -> Option<&MemoryView> {
    v.as_obj().and_then(|o| o.downcast_native::<MemoryView>())
}

fn live<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a MemoryView> {
    let m = view(v).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'memoryview' object but received a '{}'",
            vm.type_name(v)
        ))
    })?;
    if m.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

fn exporter_bytes(obj: &Value) -> Vec<u8> {
    match obj.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        _ => Vec::new(),
    }
}

impl MemoryView {
    /// The bytes of item `i` (in the exporter's current contents `data`).
    fn item<'a>(&self, data: &'a [u8], i: usize) -> &'a [u8] {
        let at = self.start + i as isize * self.stride;
        let at = usize::try_from(at).unwrap_or(0);
        data.get(at..at + self.itemsize).unwrap_or(&[])
    }

    fn bytes(&self) -> Vec<u8> {
        let data = exporter_bytes(&self.obj);
        let mut out = Vec::with_capacity(self.len * self.itemsize);
        for i in 0..self.len {
            out.extend_from_slice(self.item(&data, i));
        }
        out
    }

    fn shape(&self) -> Vec<usize> {
        self.shape.clone().unwrap_or_else(|| vec![self.len])
    }
}

/// The bytes a (live) memoryview shows, for the buffer protocol.
pub fn view_bytes(v: &Value) -> Option<Vec<u8>> {
    let m = view(v)?;
    if m.released.get() {
        return None;
    }
    Some(m.bytes())
}

/// The Python value of one item in struct format `fmt`.
fn unpack(vm: &Vm, fmt: &str, b: &[u8]) -> Value {
    let mut le = [0u8; 8];
    let n = b.len().min(8);
    le[..n].copy_from_slice(&b[..n]);
    let unsigned = u64::from_le_bytes(le);
    let signed = |bits: u32| -> i64 {
        let shift = 64 - bits;
        ((unsigned << shift) as i64) >> shift
    };
    match fmt {
        "c" => crate::builtins::bytes::new_bytes(vm, b.to_vec()),
        "b" => Value::Int(signed(8)),
        "h" => Value::Int(signed(16)),
        "i" | "l" if b.len() == 4 => Value::Int(signed(32)),
        "l" | "q" | "n" => Value::Int(signed(64)),
        "?" => Value::bool(unsigned != 0),
        "f" => Value::float(f32::from_le_bytes([le[0], le[1], le[2], le[3]]) as f64),
        "d" => Value::float(f64::from_le_bytes(le)),
        _ => Value::from(unsigned as usize),
    }
}

fn format_itemsize(fmt: &str) -> Option<usize> {
    Some(match fmt.strip_prefix('@').unwrap_or(fmt) {
        "B" | "b" | "c" | "?" => 1,
        "H" | "h" => 2,
        "I" | "i" | "f" => 4,
        "L" | "l" | "Q" | "q" | "N" | "n" | "d" | "P" => 8,
        _ => return None,
    })
}

fn mv_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(vm, "memoryview", &args[1..], kwnames, &["object"], 0, 1, 1)?;
    let obj = p.get(0).cloned().unwrap_or(Value::None);
    if let Some(m) = view(&obj) {
        if m.released.get() {
            return Err(vm.value_error("operation forbidden on released memoryview object"));
        }
        let mut c = m.clone();
        c.released = Cell::new(false);
        return Ok(new_view(vm, c));
    }
    let len = match obj.payload() {
        Some(Payload::Bytes(b)) => b.len(),
        Some(Payload::ByteArray(b)) => b.borrow().len(),
        _ => {
            return Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                vm.type_name(&obj)
            )));
        }
    };
    Ok(new_view(
        vm,
        MemoryView {
            obj,
            released: Cell::new(false),
            start: 0,
            stride: 1,
            len,
            format: "B".into(),
            itemsize: 1,
            shape: None,
        },
    ))
}

impl Clone for MemoryView {
    fn clone(&self) -> MemoryView {
        MemoryView {
            obj: self.obj.clone(),
            released: Cell::new(self.released.get()),
            start: self.start,
            stride: self.stride,
            len: self.len,
            format: self.format.clone(),
            itemsize: self.itemsize,
            shape: self.shape.clone(),
        }
    }
}

fn new_view(vm: &Vm, m: MemoryView) -> Value {
    Value::Obj(PyObject::new(
        vm.types.other("memoryview"),
        Payload::Native(Box::new(m)),
    ))
}

fn mv_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = live(vm, &args[0])?;
    Ok(Value::from(m.shape().first().copied().unwrap_or(1)))
}

fn item_index(vm: &Vm, m: &MemoryView, key: &Value) -> PyResult<usize> {
    let i = vm.index_clamped(key)?;
    let n = m.len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

fn mv_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = live(vm, &args[0])?;
    let key = &args[1];
    if let Some(Payload::Slice(..)) = key.payload() {
        let (start, _, step, n) = crate::builtins::misc::slice_indices(vm, key, m.len)?;
        let mut sub = m.clone();
        sub.start = m.start + start as isize * m.stride;
        sub.stride = m.stride * step as isize;
        sub.len = n;
        sub.shape = None;
        return Ok(new_view(vm, sub));
    }
    if vm.lookup_special(key, "__index__").is_none() {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let i = item_index(vm, m, key)?;
    let data = exporter_bytes(&m.obj);
    Ok(unpack(vm, &m.format, m.item(&data, i)))
}

fn mv_setitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = live(vm, &args[0])?;
    let Some(Payload::ByteArray(cell)) = m.obj.payload() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let key = &args[1];
    let (positions, new): (Vec<usize>, Vec<u8>) = if let Some(Payload::Slice(..)) = key.payload() {
        let (start, _, step, n) = crate::builtins::misc::slice_indices(vm, key, m.len)?;
        let src = crate::builtins::bytes::buffer_bytes(&args[2]).ok_or_else(|| {
            vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&args[2])
            ))
        })?;
        if src.len() != n * m.itemsize {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        (
            (0..n).map(|k| (start + k as i64 * step) as usize).collect(),
            src,
        )
    } else {
        if m.itemsize != 1 || m.format == "c" {
            return Err(vm.type_error(format!(
                "memoryview: invalid type for format '{}'",
                m.format
            )));
        }
        let i = item_index(vm, m, key)?;
        let v = vm.index_value(&args[2]).map_err(|_| {
            vm.type_error(format!(
                "memoryview: invalid type for format '{}'",
                m.format
            ))
        })?;
        let ok = match v {
            Value::Int(x) if m.format == "b" => (-128..=127).contains(&x).then_some(x as u8),
            Value::Int(x) => (0..=255).contains(&x).then_some(x as u8),
            _ => None,
        };
        let Some(b) = ok else {
            return Err(vm.value_error(format!(
                "memoryview: invalid value for format '{}'",
                m.format
            )));
        };
        (vec![i], vec![b])
    };
    let mut data = cell.borrow_mut();
    for (k, &item) in positions.iter().enumerate() {
        let at = usize::try_from(m.start + item as isize * m.stride).unwrap_or(0);
        for j in 0..m.itemsize {
            if let (Some(slot), Some(&b)) = (data.get_mut(at + j), new.get(k * m.itemsize + j)) {
                *slot = b;
            }
        }
    }
    Ok(Value::None)
}

fn mv_tobytes(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let m = live(vm, &args[0])?;
    parse_args(vm, "tobytes", &args[1..], kwnames, &["order"], 0, 1, 0)?;
    Ok(crate::builtins::bytes::new_bytes(vm, m.bytes()))
}

fn mv_tolist(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "memoryview.tolist", &args[1..], kw, 0, 0)?;
    let m = live(vm, &args[0])?;
    let data = exporter_bytes(&m.obj);
    let items: Vec<Value> = (0..m.len)
        .map(|i| unpack(vm, &m.format, m.item(&data, i)))
        .collect();
    let shape = m.shape();
    Ok(nest(vm, &items, &shape))
}

/// Items grouped into nested lists by `shape` (row-major).
fn nest(vm: &Vm, items: &[Value], shape: &[usize]) -> Value {
    match shape {
        [] | [_] => vm.new_list(items.to_vec()),
        [first, rest @ ..] => {
            let per = rest.iter().product::<usize>().max(1);
            let rows = (0..*first)
                .map(|r| nest(vm, items.get(r * per..(r + 1) * per).unwrap_or(&[]), rest))
                .collect();
            vm.new_list(rows)
        }
    }
}

fn mv_hex(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let m = live(vm, &args[0])?;
    crate::builtins::bytes::hex_impl(vm, &m.bytes(), &args[1..], kwnames)
}

fn mv_release(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some(m) = view(&args[0]) {
        m.released.set(true);
        return Ok(Value::None);
    }
    Err(vm.type_error("descriptor 'release' requires a 'memoryview' object"))
}

fn mv_enter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    live(vm, &args[0])?;
    Ok(args[0].clone())
}

fn mv_exit(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mv_release(vm, &args[..1], &[])
}

fn mv_cast(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let m = live(vm, &args[0])?;
    let p = parse_args(
        vm,
        "cast",
        &args[1..],
        kwnames,
        &["format", "shape"],
        0,
        2,
        1,
    )?;
    let fmt = p
        .get(0)
        .and_then(crate::str::as_str)
        .ok_or_else(|| vm.type_error("memoryview: format argument must be a string"))?;
    let Some(itemsize) = format_itemsize(fmt) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if m.stride != m.itemsize as isize {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let nbytes = m.len * m.itemsize;
    if nbytes % itemsize != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let len = nbytes / itemsize;
    let shape = match p.get(1) {
        None => None,
        Some(s) => {
            let dims: Vec<usize> = vm
                .iterate(s)?
                .iter()
                .map(|d| vm.index_i64(d).map(|x| x.max(0) as usize))
                .collect::<PyResult<_>>()?;
            if dims.iter().product::<usize>() != len {
                return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            Some(dims)
        }
    };
    let mut v = m.clone();
    v.format = fmt.trim_start_matches('@').to_string();
    v.itemsize = itemsize;
    v.stride = itemsize as isize;
    v.len = len;
    v.shape = shape;
    Ok(new_view(vm, v))
}

fn mv_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(m) = view(&args[0]) else {
        return Ok(vm.not_implemented());
    };
    if let Some(o) = view(&args[1])
        && (o.released.get() || m.released.get())
    {
        return Ok(Value::bool(args[0].is(&args[1])));
    }
    if m.released.get() {
        return Ok(Value::FALSE);
    }
    match crate::builtins::bytes::buffer_bytes(&args[1]) {
        Some(b) => Ok(Value::bool(m.bytes() == b)),
        None => Ok(vm.not_implemented()),
    }
}

fn mv_ne(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match mv_eq(vm, args, kw)? {
        Value::Bool(b) => Ok(Value::bool(!b.get())),
        other => Ok(other),
    }
}

fn mv_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = live(vm, &args[0])?;
    if matches!(m.obj.payload(), Some(Payload::ByteArray(_))) {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    vm.hash(&crate::builtins::bytes::new_bytes(vm, m.bytes()))
        .map(Value::Int)
}

fn mv_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let released = view(&args[0]).is_some_and(|m| m.released.get());
    let what = if released {
        "released memory"
    } else {
        "memory"
    };
    Ok(vm.new_string(format!("<{what} at {:#x}>", args[0].id())))
}

fn mv_iter(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let list = mv_tolist(vm, args, kw)?;
    vm.get_iter(&list)
}

fn get_obj(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(live(vm, v)?.obj.clone())
}

fn get_nbytes(vm: &Vm, v: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    Ok(Value::from(m.len * m.itemsize))
}

fn get_readonly(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(!matches!(
        live(vm, v)?.obj.payload(),
        Some(Payload::ByteArray(_))
    )))
}

fn get_itemsize(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::from(live(vm, v)?.itemsize))
}

fn get_format(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_str(&live(vm, v)?.format))
}

fn get_ndim(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::from(live(vm, v)?.shape().len()))
}

fn get_shape(vm: &Vm, v: &Value) -> PyResult<Value> {
    let shape = live(vm, v)?.shape();
    Ok(vm.new_tuple(shape.into_iter().map(Value::from).collect()))
}

fn get_strides(vm: &Vm, v: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    let shape = m.shape();
    let mut strides = vec![m.stride as i64; shape.len()];
    for k in (0..shape.len().saturating_sub(1)).rev() {
        strides[k] = strides[k + 1] * shape[k + 1] as i64;
    }
    Ok(vm.new_tuple(strides.into_iter().map(Value::Int).collect()))
}

fn get_released(_vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(view(v).is_some_and(|m| m.released.get())))
}

fn get_contiguous(vm: &Vm, v: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    Ok(Value::bool(m.stride == m.itemsize as isize || m.len <= 1))
}

pub fn init(vm: &Vm) {
    let t = vm.types.other("memoryview");
    vm.add_methods(
        &t,
        &[
            ("__len__", mv_len),
            ("__getitem__", mv_getitem),
            ("__setitem__", mv_setitem),
            ("__eq__", mv_eq),
            ("__ne__", mv_ne),
            ("__hash__", mv_hash),
            ("__repr__", mv_repr),
            ("__iter__", mv_iter),
            ("__enter__", mv_enter),
            ("__exit__", mv_exit),
            ("tobytes", mv_tobytes),
            ("tolist", mv_tolist),
            ("hex", mv_hex),
            ("release", mv_release),
            ("cast", mv_cast),
        ],
    );
    vm.add_methods_kind(&t, &[("__new__", mv_new)], MethodKind::Static);
    vm.add_getsets(
        &t,
        &[
            ("obj", get_obj, None),
            ("nbytes", get_nbytes, None),
            ("readonly", get_readonly, None),
            ("itemsize", get_itemsize, None),
            ("format", get_format, None),
            ("ndim", get_ndim, None),
            ("shape", get_shape, None),
            ("strides", get_strides, None),
            ("released", get_released, None),
            ("c_contiguous", get_contiguous, None),
            ("contiguous", get_contiguous, None),
        ],
    );
    // A memoryview is a sequence for `match` (Py_TPFLAGS_SEQUENCE).
    let td = crate::types::type_data(&t);
    td.flags.set(td.flags.get() | crate::types::flags::SEQUENCE);
    let d = vm.builtins_dict.clone();
    if let Payload::Dict(dd) = &d.payload {
        let old = dd
            .borrow_mut()
            .set_str(vm.intern("memoryview"), Value::Obj(t));
        drop(old);
    }
}
