//! `str`: the type's methods. The representation is in `crate::str`; the text algorithms
//! (Unicode predicates and case mapping, search, split, padding) are rpy-text's.
//! Counterpart: Objects/unicodeobject.c (3.11).

use rpy_text::strings as ts;

use crate::builtins::bytes::{isize_arg, slice_index};
use crate::builtins::function::{MethodKind, NativeFn, check_count, no_kwargs, parse_args};
use crate::builtins::text_err::ToPyErr;
use crate::object::{Payload, PyObject};
use crate::protocol::CmpOp;
use crate::str::PyStrData;
use crate::types::TypeKind;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// `repr(str)`.
pub fn repr_str(s: &str) -> String {
    rpy_marshal::repr::str_repr(&rpy_marshal::PyStr::new(s))
}

/// `ascii()`'s escaping of non-ASCII characters in a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

/// A str instance of class `cls`.
pub fn new_str_of(vm: &Vm, cls: &PyRef, s: String) -> Value {
    if std::rc::Rc::ptr_eq(cls, &vm.types.str) {
        vm.new_string(s)
    } else {
        Value::Obj(PyObject::new(cls.clone(), Payload::Str(PyStrData::new(s))))
    }
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a PyStrData> {
    crate::str::as_str_data(v).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

/// Formats `v` with a format spec (int, float, complex and str presentation types).
pub fn format_with_spec(vm: &Vm, v: &Value, spec: &str) -> PyResult<Value> {
    crate::builtins::format::format_value(vm, v, spec)
}

/// `self` unchanged when it is an exact str and `r` is all of it (a borrowed result:
/// CPython returns the same object), else a new exact str holding `r`.
fn same_or_new(vm: &Vm, self_: &Value, r: &str) -> Value {
    if let Some(s) = crate::str::exact_str(self_)
        && std::ptr::eq(s.as_ptr(), r.as_ptr())
        && s.len() == r.len()
    {
        return self_.clone();
    }
    vm.new_str(r)
}

/// The argument count check of the methods CPython parses with `PyArg_ParseTuple`
/// ("find() takes at least 1 argument (0 given)").
fn tuple_args(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_kwargs(vm, format_args!("str.{name}"), kw)?;
    let n = args.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(vm.type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok(())
}

/// `str.name` in messages of no-argument methods.
fn noargs<'a>(vm: &Vm, args: &'a [Value], kw: &[Value], name: &str) -> PyResult<&'a str> {
    check_count(vm, format_args!("str.{name}"), &args[1..], kw, 0, 0)?;
    Ok(this(vm, &args[0])?.as_str())
}

fn str_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("str.__new__(X): X is not a type object"));
    };
    let mut p = parse_args(
        vm,
        "str",
        &args[1..],
        kwnames,
        &["object", "encoding", "errors"],
        0,
        3,
        0,
    )?;
    let obj = p.take(0);
    let mut names = [None, None];
    for (i, what) in ["encoding", "errors"].iter().enumerate() {
        if let Some(v) = p.get(i + 1) {
            names[i] = Some(crate::str::as_str(v).map(str::to_string).ok_or_else(|| {
                vm.type_error(format!(
                    "str() argument '{what}' must be str, not {}",
                    vm.type_name(v)
                ))
            })?);
        }
    }
    let s = match obj {
        None => String::new(),
        Some(o) => {
            if names.iter().any(Option::is_some) {
                let Some(data) = crate::builtins::bytes::buffer_bytes(&o) else {
                    return Err(vm.type_error(format!(
                        "decoding to str: need a bytes-like object, {} found",
                        vm.type_name(&o)
                    )));
                };
                let enc = names[0].as_deref().unwrap_or("utf-8");
                let err = names[1].as_deref().unwrap_or("strict");
                crate::builtins::codecs::decode_bytes(vm, &data, enc, err)?
            } else {
                if std::rc::Rc::ptr_eq(&cls, &vm.types.str) {
                    return vm.str_obj(&o);
                }
                vm.str(&o)?
            }
        }
    };
    Ok(new_str_of(vm, &cls, s))
}

// ---------------------------------------------------------------------------------------
// protocols

fn str_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_string(repr_str(this(vm, &args[0])?.as_str())))
}

fn str_str(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?;
    if let Value::Obj(o) = &args[0]
        && crate::types::kind_of(o) == TypeKind::Str
    {
        return Ok(args[0].clone());
    }
    Ok(vm.new_str(s.as_str()))
}

fn str_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args[0])?.hash()))
}

fn str_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(this(vm, &args[0])?.char_len()))
}

fn str_sizeof(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "str.__sizeof__", &args[1..], kw, 0, 0)?;
    let s = this(vm, &args[0])?;
    let n = s.char_len() + 1;
    let size = match s.as_str().chars().map(|c| c as u32).max().unwrap_or(0) {
        0..=0x7F => 48 + n,
        0x80..=0xFF => 72 + n,
        0x100..=0xFFFF => 72 + 2 * n,
        _ => 72 + 4 * n,
    };
    Ok(Value::from(size))
}

fn str_add(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let Some(b) = crate::str::as_str(&args[1]) else {
        return Err(vm.type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            vm.type_name(&args[1])
        )));
    };
    let mut s = String::new();
    s.try_reserve(a.as_str().len() + b.len())
        .map_err(|_| vm.new_exception(&vm.types.exceptions.memory_error, vec![]))?;
    s.push_str(a.as_str());
    s.push_str(b);
    Ok(vm.new_string(s))
}

fn str_mul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let Some(n) = crate::builtins::bytes::repeat_count(vm, &args[1])? else {
        return Ok(vm.not_implemented());
    };
    if n <= 0 || a.as_str().is_empty() {
        return Ok(vm.new_str(""));
    }
    if n == 1 && crate::str::exact_str(&args[0]).is_some() {
        return Ok(args[0].clone());
    }
    if (a.char_len() as u128) * (n as u128) > isize::MAX as u128 {
        return Err(vm.overflow_error("repeated string is too long"));
    }
    let total = (a.as_str().len() as u128) * (n as u128);
    let mut s = String::new();
    if total > isize::MAX as u128 || s.try_reserve(total as usize).is_err() {
        return Err(vm.new_exception(&vm.types.exceptions.memory_error, vec![]));
    }
    for _ in 0..n {
        s.push_str(a.as_str());
    }
    Ok(vm.new_string(s))
}

fn str_mod(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(a) = crate::str::as_str(&args[0]) else {
        return Ok(vm.not_implemented());
    };
    crate::builtins::format::percent_format(vm, a, &args[1])
}

fn str_rmod(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn str_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let Some(b) = crate::str::as_str(&args[1]) else {
        return Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(&args[1])
        )));
    };
    Ok(Value::bool(a.as_str().contains(b)))
}

macro_rules! str_cmps {
    ($( $fname:ident, $op:expr; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let a = this(vm, &args[0])?;
                let Some(b) = args.get(1).and_then(crate::str::as_str) else {
                    return Ok(vm.not_implemented());
                };
                Ok(Value::bool($op.test(a.as_str().cmp(b))))
            }
        )*
    };
}

str_cmps! {
    str_lt, CmpOp::Lt;
    str_le, CmpOp::Le;
    str_eq, CmpOp::Eq;
    str_ne, CmpOp::Ne;
    str_gt, CmpOp::Gt;
    str_ge, CmpOp::Ge;
}

/// Resolves a Python slice or index over `len` items.
pub fn slice_indices(vm: &Vm, slice: &Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    crate::builtins::misc::slice_indices(vm, slice, len)
}

fn str_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?;
    let k = &args[1];
    if let Some(Payload::Slice(..)) = k.payload() {
        let (start, _stop, step, n) = slice_indices(vm, k, s.char_len())?;
        if step == 1 {
            if n == s.char_len() && crate::str::exact_str(&args[0]).is_some() {
                return Ok(args[0].clone());
            }
            let st = start.max(0) as usize;
            return Ok(vm.new_str(s.substring(st, st + n)));
        }
        return Ok(vm.new_string(ts::slice_step(s.as_str(), start as isize, step as isize, n)));
    }
    if vm.lookup_special(k, "__index__").is_none() {
        return Err(vm.type_error(format!(
            "string indices must be integers, not '{}'",
            vm.type_name(k)
        )));
    }
    let i = match vm.index_value(k)? {
        Value::Int(i) => i,
        _ => {
            return Err(vm.index_error(format!(
                "cannot fit '{}' into an index-sized integer",
                vm.type_name(k)
            )));
        }
    };
    let n = s.char_len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("string index out of range"));
    }
    let c = s.char_at(j as usize).unwrap_or('\0');
    let mut b = [0u8; 4];
    Ok(vm.new_str(c.encode_utf8(&mut b)))
}

fn str_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(vm, &args[0])?;
    Ok(vm.new_seq_iter(args[0].clone(), false))
}

fn str_getnewargs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    Ok(vm.new_tuple(vec![vm.new_str(s)]))
}

// ---------------------------------------------------------------------------------------
// search

fn sub_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a str> {
    crate::str::as_str(v)
        .ok_or_else(|| vm.type_error(format!("must be str, not {}", vm.type_name(v))))
}

type FindArgs<'a> = (&'a str, &'a str, Option<isize>, Option<isize>);

fn find_args<'a>(vm: &Vm, args: &'a [Value], kw: &[Value], name: &str) -> PyResult<FindArgs<'a>> {
    tuple_args(vm, name, &args[1..], kw, 1, 3)?;
    let s = this(vm, &args[0])?.as_str();
    let sub = sub_arg(vm, &args[1])?;
    let start = slice_index(vm, args.get(2))?;
    let end = slice_index(vm, args.get(3))?;
    Ok((s, sub, start, end))
}

type FindFn = fn(&str, &str, Option<isize>, Option<isize>) -> Option<usize>;

fn find_impl(
    vm: &Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    f: FindFn,
    raise: bool,
) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, args, kw, name)?;
    match f(s, sub, start, end) {
        Some(i) => Ok(Value::from(i)),
        None if raise => Err(ts::StrError::SubstringNotFound.to_py(vm)),
        None => Ok(Value::Int(-1)),
    }
}

fn str_find(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_impl(vm, args, kw, "find", ts::find, false)
}

fn str_rfind(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_impl(vm, args, kw, "rfind", ts::rfind, false)
}

fn str_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_impl(vm, args, kw, "index", ts::find, true)
}

fn str_rindex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_impl(vm, args, kw, "rindex", ts::rfind, true)
}

fn str_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, args, kw, "count")?;
    Ok(Value::from(ts::count(s, sub, start, end)))
}

fn affix_impl(
    vm: &Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    start_side: bool,
) -> PyResult<Value> {
    tuple_args(vm, name, &args[1..], kw, 1, 3)?;
    let s = this(vm, &args[0])?.as_str();
    let start = slice_index(vm, args.get(2))?;
    let end = slice_index(vm, args.get(3))?;
    let test = |p: &str| {
        if start_side {
            ts::startswith(s, p, start, end)
        } else {
            ts::endswith(s, p, start, end)
        }
    };
    if let Some(Payload::Tuple(items)) = args[1].payload() {
        for it in items.iter() {
            let p = crate::str::as_str(it).ok_or_else(|| {
                vm.type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    vm.type_name(it)
                ))
            })?;
            if test(p) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    match crate::str::as_str(&args[1]) {
        Some(p) => Ok(Value::bool(test(p))),
        None => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(&args[1])
        ))),
    }
}

fn str_startswith(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_impl(vm, args, kw, "startswith", true)
}

fn str_endswith(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_impl(vm, args, kw, "endswith", false)
}

fn str_replace(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "replace", &args[1..], kw, 2, 3)?;
    let s = this(vm, &args[0])?.as_str();
    let mut parts = ["", ""];
    for (i, part) in parts.iter_mut().enumerate() {
        *part = crate::str::as_str(&args[i + 1]).ok_or_else(|| {
            vm.type_error(format!(
                "replace() argument {} must be str, not {}",
                i + 1,
                vm.type_name(&args[i + 1])
            ))
        })?;
    }
    let count = match args.get(3) {
        Some(c) => isize_arg(vm, c)?,
        None => -1,
    };
    let r = ts::replace(s, parts[0], parts[1], count).map_err(|e| e.to_py(vm))?;
    Ok(same_or_new(vm, &args[0], &r))
}

fn partition_impl(vm: &Vm, args: &[Value], kw: &[Value], right: bool) -> PyResult<Value> {
    let name = if right {
        "str.rpartition"
    } else {
        "str.partition"
    };
    check_count(vm, name, &args[1..], kw, 1, 1)?;
    let s = this(vm, &args[0])?.as_str();
    let sep = sub_arg(vm, &args[1])?;
    let (a, b, c) = if right {
        ts::rpartition(s, sep)
    } else {
        ts::partition(s, sep)
    }
    .map_err(|e| e.to_py(vm))?;
    Ok(vm.new_tuple(vec![vm.new_str(a), vm.new_str(b), vm.new_str(c)]))
}

fn str_partition(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_impl(vm, args, kw, false)
}

fn str_rpartition(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_impl(vm, args, kw, true)
}

// ---------------------------------------------------------------------------------------
// split and join

fn str_join(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "str.join", &args[1..], kw, 1, 1)?;
    let sep = this(vm, &args[0])?.as_str();
    // A list or tuple is joined in place (reading str items runs no Python code, so the list
    // cannot change meanwhile); anything else is gathered first, as CPython's
    // `PySequence_Fast` does.
    if let Value::Obj(o) = &args[1] {
        match (&o.payload, crate::types::kind_of(o)) {
            (Payload::List(l), TypeKind::List) => return join_items(vm, sep, &l.borrow()),
            (Payload::Tuple(t), TypeKind::Tuple) => return join_items(vm, sep, t),
            _ => {}
        }
    }
    let it = vm.get_iter(&args[1]).map_err(|e| {
        if vm.exc_matches(&e, &vm.types.exceptions.type_error) {
            vm.type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let mut items = Vec::new();
    while let Some(item) = vm.next(&it)? {
        items.push(item);
    }
    join_items(vm, sep, &items)
}

/// `sep.join(items)`: one allocation of the exact size.
fn join_items(vm: &Vm, sep: &str, items: &[Value]) -> PyResult<Value> {
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, item) in items.iter().enumerate() {
        match crate::str::as_str(item) {
            Some(s) => total = total.saturating_add(s.len()),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(item)
                )));
            }
        }
    }
    let mut out = String::new();
    out.try_reserve_exact(total)
        .map_err(|_| vm.new_exception(&vm.types.exceptions.memory_error, vec![]))?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(crate::str::as_str(item).unwrap_or_default());
    }
    Ok(vm.new_string(out))
}

fn split_impl(vm: &Vm, args: &[Value], kwnames: &[Value], right: bool) -> PyResult<Value> {
    let name = if right { "rsplit" } else { "split" };
    let s = this(vm, &args[0])?.as_str();
    let p = parse_args(vm, name, &args[1..], kwnames, &["sep", "maxsplit"], 0, 2, 0)?;
    let sep = match p.get(0) {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::str::as_str(v).ok_or_else(|| {
            vm.type_error(format!("must be str or None, not {}", vm.type_name(v)))
        })?),
    };
    let maxsplit = match p.get(1) {
        Some(m) => isize_arg(vm, m)?,
        None => -1,
    };
    let parts = if right {
        ts::rsplit(s, sep, maxsplit)
    } else {
        ts::split(s, sep, maxsplit)
    }
    .map_err(|e| e.to_py(vm))?;
    Ok(vm.new_list(parts.into_iter().map(|x| vm.new_str(x)).collect()))
}

fn str_split(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_impl(vm, args, kw, false)
}

fn str_rsplit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_impl(vm, args, kw, true)
}

fn str_splitlines(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    if args.len() - kwnames.len() > 2 {
        return Err(vm.type_error(format!(
            "splitlines() takes at most 1 argument ({} given)",
            args.len() - 1
        )));
    }
    let p = parse_args(
        vm,
        "splitlines",
        &args[1..],
        kwnames,
        &["keepends"],
        0,
        1,
        0,
    )?;
    let keep = match p.get(0) {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    Ok(vm.new_list(
        ts::splitlines(s, keep)
            .into_iter()
            .map(|x| vm.new_str(x))
            .collect(),
    ))
}

// ---------------------------------------------------------------------------------------
// strip and pad

type StripFn = for<'a> fn(&'a str, Option<&str>) -> &'a str;

fn strip_impl(vm: &Vm, args: &[Value], kw: &[Value], name: &str, f: StripFn) -> PyResult<Value> {
    check_count(vm, name, &args[1..], kw, 0, 1)?;
    let s = this(vm, &args[0])?.as_str();
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(c) => Some(
            crate::str::as_str(c)
                .ok_or_else(|| vm.type_error(format!("{name} arg must be None or str")))?,
        ),
    };
    Ok(same_or_new(vm, &args[0], f(s, chars)))
}

fn str_strip(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", ts::strip)
}

fn str_lstrip(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", ts::lstrip)
}

fn str_rstrip(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", ts::rstrip)
}

type AffixFn = for<'a> fn(&'a str, &str) -> &'a str;

fn remove_affix(vm: &Vm, args: &[Value], kw: &[Value], name: &str, f: AffixFn) -> PyResult<Value> {
    check_count(vm, format_args!("str.{name}"), &args[1..], kw, 1, 1)?;
    let s = this(vm, &args[0])?.as_str();
    let a = crate::str::as_str(&args[1]).ok_or_else(|| {
        vm.type_error(format!(
            "{name}() argument must be str, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    Ok(same_or_new(vm, &args[0], f(s, a)))
}

fn str_removeprefix(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    remove_affix(vm, args, kw, "removeprefix", ts::removeprefix)
}

fn str_removesuffix(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    remove_affix(vm, args, kw, "removesuffix", ts::removesuffix)
}

type PadFn = for<'a> fn(&'a str, isize, char) -> Result<std::borrow::Cow<'a, str>, ts::StrError>;

fn pad_impl(vm: &Vm, args: &[Value], kw: &[Value], name: &str, f: PadFn) -> PyResult<Value> {
    check_count(vm, name, &args[1..], kw, 1, 2)?;
    let s = this(vm, &args[0])?.as_str();
    let width = isize_arg(vm, &args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(f) => {
            let Some(fs) = crate::str::as_str(f) else {
                return Err(vm.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(f)
                )));
            };
            let mut it = fs.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    );
                }
            }
        }
    };
    let r = f(s, width, fill).map_err(|e| e.to_py(vm))?;
    Ok(same_or_new(vm, &args[0], &r))
}

fn str_ljust(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl(vm, args, kw, "ljust", ts::ljust)
}

fn str_rjust(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl(vm, args, kw, "rjust", ts::rjust)
}

fn str_center(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl(vm, args, kw, "center", ts::center)
}

fn str_zfill(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "str.zfill", &args[1..], kw, 1, 1)?;
    let s = this(vm, &args[0])?.as_str();
    let width = isize_arg(vm, &args[1])?;
    let r = ts::zfill(s, width).map_err(|e| e.to_py(vm))?;
    Ok(same_or_new(vm, &args[0], &r))
}

fn str_expandtabs(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    let p = parse_args(vm, "expandtabs", &args[1..], kwnames, &["tabsize"], 0, 1, 0)?;
    let ts_ = match p.get(0) {
        Some(t) => crate::builtins::bytes::c_int_arg(vm, t)?,
        None => 8,
    };
    let r = ts::expandtabs(s, ts_).map_err(|e| e.to_py(vm))?;
    Ok(same_or_new(vm, &args[0], &r))
}

// ---------------------------------------------------------------------------------------
// case and predicates

macro_rules! str_cases {
    ($( $fname:ident, $name:literal, $f:path; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let s = noargs(vm, args, kw, $name)?;
                Ok(vm.new_string($f(s)))
            }
        )*
    };
}

str_cases! {
    str_upper, "upper", ts::upper;
    str_lower, "lower", ts::lower;
    str_casefold, "casefold", ts::casefold;
    str_capitalize, "capitalize", ts::capitalize;
    str_title, "title", ts::title;
    str_swapcase, "swapcase", ts::swapcase;
}

macro_rules! str_preds {
    ($( $fname:ident, $name:literal, $f:path; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let s = noargs(vm, args, kw, $name)?;
                Ok(Value::bool($f(s)))
            }
        )*
    };
}

str_preds! {
    str_isdigit, "isdigit", ts::isdigit;
    str_isdecimal, "isdecimal", ts::isdecimal;
    str_isnumeric, "isnumeric", ts::isnumeric;
    str_isalpha, "isalpha", ts::isalpha;
    str_isalnum, "isalnum", ts::isalnum;
    str_isspace, "isspace", ts::isspace;
    str_isascii, "isascii", ts::isascii;
    str_isprintable, "isprintable", ts::isprintable;
    str_isupper, "isupper", ts::isupper;
    str_islower, "islower", ts::islower;
    str_istitle, "istitle", ts::istitle;
    str_isidentifier, "isidentifier", ts::isidentifier;
}

// ---------------------------------------------------------------------------------------
// encode, format, translate

fn str_encode(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    let p = parse_args(
        vm,
        "encode",
        &args[1..],
        kwnames,
        &["encoding", "errors"],
        0,
        2,
        0,
    )?;
    let mut names = ["utf-8", "strict"];
    for (i, what) in ["encoding", "errors"].iter().enumerate() {
        if let Some(v) = p.get(i) {
            names[i] = crate::str::as_str(v).ok_or_else(|| {
                vm.type_error(format!(
                    "encode() argument '{what}' must be str, not {}",
                    vm.type_name(v)
                ))
            })?;
        }
    }
    let b = crate::builtins::codecs::encode_str(vm, s, names[0], names[1])?;
    Ok(crate::builtins::bytes::new_bytes(vm, b))
}

fn str_format(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    crate::builtins::format::str_format(vm, s, &args[1..], kwnames)
}

fn str_format_map(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "str.format_map", &args[1..], kw, 1, 1)?;
    let s = this(vm, &args[0])?.as_str();
    crate::builtins::format::str_format_map(vm, s, &args[1])
}

fn str_translate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "str.translate", &args[1..], kw, 1, 1)?;
    let s = this(vm, &args[0])?.as_str();
    let table = &args[1];
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match vm.getitem(table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(v) => {
                if let Some(t) = crate::str::as_str(&v) {
                    out.push_str(t);
                } else if let Some(n) = crate::builtins::int::as_bigint(&v) {
                    let cp = num_traits::ToPrimitive::to_u32(&n)
                        .filter(|&cp| cp < 0x110000)
                        .ok_or_else(|| {
                            vm.value_error("character mapping must be in range(0x110000)")
                        })?;
                    out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            }
            Err(e) if vm.exc_matches(&e, &vm.types.exceptions.lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(vm.new_string(out))
}

fn str_maketrans(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "maketrans", args, kw, 1, 3)?;
    let d = crate::builtins::dict::new_dict();
    let dv = Value::Obj(d);
    if args.len() == 1 {
        if !matches!(args[0].payload(), Some(Payload::Dict(_))) {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        let items = vm.call_method(&args[0], "items", &[])?;
        for pair in vm.iterate(&items)? {
            let kv = vm.unpack_sequence(&pair, 2)?;
            let k = if let Some(s) = crate::str::as_str(&kv[0]) {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Value::Int(c as i64),
                    _ => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        );
                    }
                }
            } else if crate::builtins::int::as_bigint(&kv[0]).is_some() {
                kv[0].clone()
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            vm.setitem(&dv, k, kv[1].clone())?;
        }
        return Ok(dv);
    }
    let Some(x) = crate::str::as_str(&args[0]) else {
        return Err(vm.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let y = crate::str::as_str(&args[1]).ok_or_else(|| {
        vm.type_error(format!(
            "maketrans() argument 2 must be str, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    let z = match args.get(2) {
        Some(z) => Some(crate::str::as_str(z).ok_or_else(|| {
            vm.type_error(format!(
                "maketrans() argument 3 must be str, not {}",
                vm.type_name(z)
            ))
        })?),
        None => None,
    };
    if x.chars().count() != y.chars().count() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        vm.setitem(&dv, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    for c in z.unwrap_or("").chars() {
        vm.setitem(&dv, Value::Int(c as i64), Value::None)?;
    }
    Ok(dv)
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__repr__", str_repr),
    ("__str__", str_str),
    ("__hash__", str_hash),
    ("__len__", str_len),
    ("__sizeof__", str_sizeof),
    ("__add__", str_add),
    ("__mul__", str_mul),
    ("__rmul__", str_mul),
    ("__mod__", str_mod),
    ("__rmod__", str_rmod),
    ("__contains__", str_contains),
    ("__lt__", str_lt),
    ("__le__", str_le),
    ("__eq__", str_eq),
    ("__ne__", str_ne),
    ("__gt__", str_gt),
    ("__ge__", str_ge),
    ("__getitem__", str_getitem),
    ("__iter__", str_iter),
    ("__format__", crate::builtins::format::dunder_format),
    ("__getnewargs__", str_getnewargs),
    ("capitalize", str_capitalize),
    ("casefold", str_casefold),
    ("center", str_center),
    ("count", str_count),
    ("encode", str_encode),
    ("endswith", str_endswith),
    ("expandtabs", str_expandtabs),
    ("find", str_find),
    ("format", str_format),
    ("format_map", str_format_map),
    ("index", str_index),
    ("isalnum", str_isalnum),
    ("isalpha", str_isalpha),
    ("isascii", str_isascii),
    ("isdecimal", str_isdecimal),
    ("isdigit", str_isdigit),
    ("isidentifier", str_isidentifier),
    ("islower", str_islower),
    ("isnumeric", str_isnumeric),
    ("isprintable", str_isprintable),
    ("isspace", str_isspace),
    ("istitle", str_istitle),
    ("isupper", str_isupper),
    ("join", str_join),
    ("ljust", str_ljust),
    ("lower", str_lower),
    ("lstrip", str_lstrip),
    ("partition", str_partition),
    ("removeprefix", str_removeprefix),
    ("removesuffix", str_removesuffix),
    ("replace", str_replace),
    ("rfind", str_rfind),
    ("rindex", str_rindex),
    ("rjust", str_rjust),
    ("rpartition", str_rpartition),
    ("rsplit", str_rsplit),
    ("rstrip", str_rstrip),
    ("split", str_split),
    ("splitlines", str_splitlines),
    ("startswith", str_startswith),
    ("strip", str_strip),
    ("swapcase", str_swapcase),
    ("title", str_title),
    ("translate", str_translate),
    ("upper", str_upper),
    ("zfill", str_zfill),
];

pub fn init(vm: &Vm) {
    let t = &vm.types.str;
    vm.add_methods(t, METHODS);
    vm.add_methods_kind(t, &[("__new__", str_new)], MethodKind::Static);
    vm.add_methods_kind(t, &[("maketrans", str_maketrans)], MethodKind::Static);
}
