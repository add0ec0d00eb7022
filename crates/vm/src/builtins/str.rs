//! `str`: the type's methods. The representation is in `crate::str`; the text algorithms
//! live in rpy-text.
//! Counterpart: Objects/unicodeobject.c (3.11).

use crate::builtins::function::{MethodKind, check_count, parse_args};
use crate::object::{Payload, PyObject};
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

fn arg_str<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    crate::str::as_str(v).ok_or_else(|| {
        vm.type_error(format!("{what} must be str, not {}", vm.type_name(v)))
    })
}

/// Formats `v` with a format spec (int, float and str presentation types).
pub fn format_with_spec(vm: &Vm, v: &Value, spec: &str) -> PyResult<Value> {
    crate::builtins::format::format_value(vm, v, spec)
}

fn str_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("str.__new__(X): X is not a type object"));
    };
    let mut p = parse_args(vm, "str", &args[1..], kwnames, &["object", "encoding", "errors"], 0, 3, 0)?;
    let obj = p.take(0);
    let encoding = p.take(1);
    let errors = p.take(2);
    let s = match obj {
        None => String::new(),
        Some(o) => {
            if encoding.is_some() || errors.is_some() {
                let data: Vec<u8> = match o.payload() {
                    Some(Payload::Bytes(b)) => b.to_vec(),
                    Some(Payload::ByteArray(b)) => b.borrow().clone(),
                    _ => {
                        return Err(vm.type_error(format!(
                            "decoding to str: need a bytes-like object, {} found",
                            vm.type_name(&o)
                        )));
                    }
                };
                let enc = encoding.as_ref().and_then(crate::str::as_str).unwrap_or("utf-8").to_string();
                let err = errors.as_ref().and_then(crate::str::as_str).unwrap_or("strict").to_string();
                crate::builtins::misc::decode_bytes(vm, &data, &enc, &err)?
            } else {
                vm.str(&o)?
            }
        }
    };
    Ok(new_str_of(vm, &cls, s))
}

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

fn str_add(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let Some(b) = crate::str::as_str(&args[1]) else {
        return Err(vm.type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            vm.type_name(&args[1])
        )));
    };
    let mut s = String::with_capacity(a.as_str().len() + b.len());
    s.push_str(a.as_str());
    s.push_str(b);
    Ok(vm.new_string(s))
}

fn str_mul(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    let n = match &args[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        other => {
            if vm.lookup_special(other, "__index__").is_none() {
                return Ok(vm.not_implemented());
            }
            vm.index_i64(other)?
        }
    };
    if n <= 0 {
        return Ok(vm.new_str(""));
    }
    if (a.as_str().len() as u128) * (n as u128) > isize::MAX as u128 / 2 {
        return Err(vm.new_exception(&vm.types.exceptions.memory_error, vec![]));
    }
    Ok(vm.new_string(a.as_str().repeat(n as usize)))
}

fn str_mod(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, &args[0])?;
    crate::builtins::format::percent_format(vm, a.as_str(), &args[1])
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
    Ok(Value::Bool(a.as_str().contains(b)))
}

macro_rules! str_cmps {
    ($( $fname:ident, $op:expr; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let a = this(vm, &args[0])?;
                let Some(b) = args.get(1).and_then(crate::str::as_str) else {
                    return Ok(vm.not_implemented());
                };
                Ok(Value::Bool($op.test(a.as_str().cmp(b))))
            }
        )*
    };
}

use crate::protocol::CmpOp;
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
            let st = start.max(0) as usize;
            return Ok(vm.new_str(s.substring(st, st + n)));
        }
        let chars: Vec<char> = s.as_str().chars().collect();
        let mut out = String::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(chars[i as usize]);
            i += step;
        }
        return Ok(vm.new_string(out));
    }
    let i = vm.index_value(k).map_err(|_| {
        vm.type_error(format!("string indices must be integers, not '{}'", vm.type_name(k)))
    })?;
    let n = s.char_len() as i64;
    let i = match i {
        Value::Int(i) => i,
        _ => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
    };
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

fn str_format_m(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?;
    let spec = arg_str(vm, &args[1], "format spec")?;
    if spec.is_empty() {
        return Ok(vm.new_str(s.as_str()));
    }
    format_with_spec(vm, &vm.new_str(s.as_str()), spec)
}

fn str_join(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "join", &args[1..], kw, 1, 1)?;
    let sep = this(vm, &args[0])?.as_str();
    let items = vm.iterate(&args[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match crate::str::as_str(it) {
            Some(s) => out.push_str(s),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(it)
                )));
            }
        }
    }
    Ok(vm.new_string(out))
}

fn opt_str_arg<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<Option<&'a str>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(arg_str(vm, v, "separator")?)),
    }
}

fn str_split_impl(vm: &Vm, args: &[Value], kwnames: &[Value], right: bool) -> PyResult<Value> {
    let name = if right { "rsplit" } else { "split" };
    let s = this(vm, &args[0])?.as_str();
    let p = parse_args(vm, name, &args[1..], kwnames, &["sep", "maxsplit"], 0, 2, 0)?;
    let sep = opt_str_arg(vm, p.get(0))?;
    let maxsplit = match p.get(1) {
        Some(m) => vm.index_i64(m)?,
        None => -1,
    };
    let parts: Vec<String> = match sep {
        Some("") => return Err(vm.value_error("empty separator")),
        Some(sep) => {
            if maxsplit < 0 {
                s.split(sep).map(|x| x.to_string()).collect()
            } else if right {
                let mut v: Vec<String> = s.rsplitn(maxsplit as usize + 1, sep).map(|x| x.to_string()).collect();
                v.reverse();
                v
            } else {
                s.splitn(maxsplit as usize + 1, sep).map(|x| x.to_string()).collect()
            }
        }
        None => split_whitespace(s, maxsplit, right),
    };
    Ok(vm.new_list(parts.into_iter().map(|p| vm.new_string(p)).collect()))
}

fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

fn split_whitespace(s: &str, maxsplit: i64, right: bool) -> Vec<String> {
    let mut out = Vec::new();
    if right {
        let chars: Vec<char> = s.chars().collect();
        let mut end = chars.len();
        let mut splits = 0;
        loop {
            while end > 0 && is_py_space(chars[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            if maxsplit >= 0 && splits >= maxsplit {
                out.push(chars[..end].iter().collect());
                break;
            }
            let mut start = end;
            while start > 0 && !is_py_space(chars[start - 1]) {
                start -= 1;
            }
            out.push(chars[start..end].iter().collect());
            splits += 1;
            end = start;
        }
        out.reverse();
        return out;
    }
    let mut rest = s.trim_start_matches(is_py_space);
    let mut splits = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && splits >= maxsplit {
            out.push(rest.to_string());
            break;
        }
        let end = rest.find(is_py_space).unwrap_or(rest.len());
        out.push(rest[..end].to_string());
        splits += 1;
        rest = rest[end..].trim_start_matches(is_py_space);
    }
    out
}

fn str_split(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    str_split_impl(vm, args, kw, false)
}

fn str_rsplit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    str_split_impl(vm, args, kw, true)
}

fn strip_impl(vm: &Vm, args: &[Value], kw: &[Value], left: bool, right: bool, name: &str) -> PyResult<Value> {
    check_count(vm, name, &args[1..], kw, 0, 1)?;
    let s = this(vm, &args[0])?.as_str();
    let chars: Option<Vec<char>> = match args.get(1) {
        None | Some(Value::None) => None,
        Some(c) => Some(arg_str(vm, c, &format!("{name} arg"))?.chars().collect()),
    };
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_py_space(c),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    Ok(vm.new_str(r))
}

fn str_strip(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, true, true, "strip")
}

fn str_lstrip(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, true, false, "lstrip")
}

fn str_rstrip(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, false, true, "rstrip")
}

fn str_upper(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_string(this(vm, &args[0])?.as_str().to_uppercase()))
}

fn str_lower(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_string(this(vm, &args[0])?.as_str().to_lowercase()))
}

fn str_replace(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "replace", &args[1..], kw, 2, 3)?;
    let s = this(vm, &args[0])?.as_str();
    let old = arg_str(vm, &args[1], "replace() argument 1")?;
    let new = arg_str(vm, &args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(c) => vm.index_i64(c)?,
        None => -1,
    };
    if count < 0 {
        if old.is_empty() {
            let mut out = String::from(new);
            for c in s.chars() {
                out.push(c);
                out.push_str(new);
            }
            return Ok(vm.new_string(out));
        }
        return Ok(vm.new_string(s.replace(old, new)));
    }
    if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in s.chars() {
            if n < count {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(new);
        }
        return Ok(vm.new_string(out));
    }
    Ok(vm.new_string(s.replacen(old, new, count as usize)))
}

/// Code-point `start`/`end` arguments of find/count/startswith, clamped like a slice.
fn span(vm: &Vm, s: &PyStrData, start: Option<&Value>, end: Option<&Value>) -> PyResult<(usize, usize)> {
    let n = s.char_len() as i64;
    let norm = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = vm.index_clamped(v)?;
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    let a = norm(start, 0)?;
    let b = norm(end, n)?;
    Ok((a as usize, b as usize))
}

fn find_impl(vm: &Vm, args: &[Value], kw: &[Value], name: &str, reverse: bool) -> PyResult<Option<usize>> {
    check_count(vm, name, &args[1..], kw, 1, 3)?;
    let s = this(vm, &args[0])?;
    let sub = arg_str(vm, &args[1], "must be str, not")
        .map_err(|_| vm.type_error(format!("must be str, not {}", vm.type_name(&args[1]))))?;
    let (a, b) = span(vm, s, args.get(2), args.get(3))?;
    if a > b {
        return Ok(None);
    }
    let hay = s.substring(a, b);
    let found = if reverse { hay.rfind(sub) } else { hay.find(sub) };
    Ok(found.map(|byte| a + hay[..byte].chars().count()))
}

fn str_find(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, kw, "find", false)?.map(|i| i as i64).unwrap_or(-1)))
}

fn str_rfind(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, kw, "rfind", true)?.map(|i| i as i64).unwrap_or(-1)))
}

fn str_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match find_impl(vm, args, kw, "index", false)? {
        Some(i) => Ok(Value::from(i)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_rindex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match find_impl(vm, args, kw, "rindex", true)? {
        Some(i) => Ok(Value::from(i)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "count", &args[1..], kw, 1, 3)?;
    let s = this(vm, &args[0])?;
    let sub = arg_str(vm, &args[1], "must be str, not")?;
    let (a, b) = span(vm, s, args.get(2), args.get(3))?;
    if a > b {
        return Ok(Value::Int(0));
    }
    let hay = s.substring(a, b);
    if sub.is_empty() {
        return Ok(Value::from(hay.chars().count() + 1));
    }
    Ok(Value::from(hay.matches(sub).count()))
}

fn affix_impl(vm: &Vm, args: &[Value], kw: &[Value], name: &str, start: bool) -> PyResult<Value> {
    check_count(vm, name, &args[1..], kw, 1, 3)?;
    let s = this(vm, &args[0])?;
    let (a, b) = span(vm, s, args.get(2), args.get(3))?;
    let hay = if a > b { None } else { Some(s.substring(a, b)) };
    let test = |p: &str| match hay {
        Some(h) => {
            if start {
                h.starts_with(p)
            } else {
                h.ends_with(p)
            }
        }
        None => false,
    };
    match args[1].payload() {
        Some(Payload::Tuple(items)) => {
            for it in items.iter() {
                let p = crate::str::as_str(it).ok_or_else(|| {
                    vm.type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        vm.type_name(it)
                    ))
                })?;
                if test(p) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        _ => match crate::str::as_str(&args[1]) {
            Some(p) => Ok(Value::Bool(test(p))),
            None => Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                vm.type_name(&args[1])
            ))),
        },
    }
}

fn str_startswith(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_impl(vm, args, kw, "startswith", true)
}

fn str_endswith(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_impl(vm, args, kw, "endswith", false)
}

fn str_encode(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str().to_string();
    let p = parse_args(vm, "encode", &args[1..], kwnames, &["encoding", "errors"], 0, 2, 0)?;
    let enc = p.get(0).and_then(crate::str::as_str).unwrap_or("utf-8").to_string();
    let err = p.get(1).and_then(crate::str::as_str).unwrap_or("strict").to_string();
    let b = crate::builtins::misc::encode_str(vm, &s, &enc, &err)?;
    Ok(crate::builtins::misc::new_bytes(vm, b))
}

macro_rules! str_preds {
    ($( $fname:ident, $pred:expr, $empty:expr; )*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                let s = this(vm, &args[0])?.as_str();
                if s.is_empty() {
                    return Ok(Value::Bool($empty));
                }
                let f: fn(char) -> bool = $pred;
                Ok(Value::Bool(s.chars().all(f)))
            }
        )*
    };
}

str_preds! {
    str_isdigit, |c: char| c.is_ascii_digit() || c.is_numeric() && c.to_digit(10).is_some(), false;
    str_isdecimal, |c: char| c.is_ascii_digit(), false;
    str_isnumeric, |c: char| c.is_numeric(), false;
    str_isalpha, |c: char| c.is_alphabetic(), false;
    str_isalnum, |c: char| c.is_alphanumeric(), false;
    str_isspace, is_py_space, false;
    str_isascii, |c: char| c.is_ascii(), true;
    str_isprintable, |c: char| rpy_marshal::repr::is_printable(c as u32), true;
}

fn str_isupper(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    Ok(Value::Bool(s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase())))
}

fn str_islower(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    Ok(Value::Bool(s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase())))
}

fn str_isidentifier(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    let mut chars = s.chars();
    let ok = match chars.next() {
        Some(c) => (c == '_' || c.is_alphabetic()) && chars.all(|c| c == '_' || c.is_alphanumeric()),
        None => false,
    };
    Ok(Value::Bool(ok))
}

fn str_capitalize(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
    }
    for c in chars {
        out.extend(c.to_lowercase());
    }
    Ok(vm.new_string(out))
}

fn str_title(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic() && (c.is_uppercase() || c.is_lowercase());
    }
    Ok(vm.new_string(out))
}

fn str_swapcase(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(vm.new_string(out))
}

fn pad_impl(vm: &Vm, args: &[Value], kw: &[Value], name: &str, align: char) -> PyResult<Value> {
    check_count(vm, name, &args[1..], kw, 1, 2)?;
    let s = this(vm, &args[0])?;
    let width = vm.index_i64(&args[1])?;
    let fill = match args.get(2) {
        Some(f) => {
            let fs = arg_str(vm, f, "fill character")?;
            let mut it = fs.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(vm.type_error(
                        "The fill character must be exactly one character long",
                    ));
                }
            }
        }
        None => ' ',
    };
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(vm.new_str(s.as_str()));
    }
    let total = (width - len) as usize;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(vm.new_string(out))
}

fn str_ljust(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl(vm, args, kw, "ljust", '<')
}

fn str_rjust(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl(vm, args, kw, "rjust", '>')
}

fn str_center(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_impl(vm, args, kw, "center", '^')
}

fn str_zfill(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "zfill", &args[1..], kw, 1, 1)?;
    let s = this(vm, &args[0])?;
    let width = vm.index_i64(&args[1])?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(vm.new_str(s.as_str()));
    }
    let pad = "0".repeat((width - len) as usize);
    let t = s.as_str();
    let out = if t.starts_with('+') || t.starts_with('-') {
        format!("{}{}{}", &t[..1], pad, &t[1..])
    } else {
        format!("{pad}{t}")
    };
    Ok(vm.new_string(out))
}

fn str_partition_impl(vm: &Vm, args: &[Value], kw: &[Value], right: bool) -> PyResult<Value> {
    check_count(vm, if right { "rpartition" } else { "partition" }, &args[1..], kw, 1, 1)?;
    let s = this(vm, &args[0])?.as_str();
    let sep = arg_str(vm, &args[1], "must be str, not")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if right { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => (s[..i].to_string(), sep.to_string(), s[i + sep.len()..].to_string()),
        None => {
            if right {
                (String::new(), String::new(), s.to_string())
            } else {
                (s.to_string(), String::new(), String::new())
            }
        }
    };
    Ok(vm.new_tuple(vec![vm.new_string(parts.0), vm.new_string(parts.1), vm.new_string(parts.2)]))
}

fn str_partition(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    str_partition_impl(vm, args, kw, false)
}

fn str_rpartition(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    str_partition_impl(vm, args, kw, true)
}

fn str_splitlines(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    let p = parse_args(vm, "splitlines", &args[1..], kwnames, &["keepends"], 0, 1, 0)?;
    let keep = match p.get(0) {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = b + c.len_utf8();
            if c == '\r' && chars.get(i + 1).is_some_and(|(_, n)| *n == '\n') {
                end += 1;
                i += 1;
            }
            out.push(if keep { &s[start..end] } else { &s[start..b] });
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    Ok(vm.new_list(out.into_iter().map(|p| vm.new_str(p)).collect()))
}

fn str_expandtabs(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    let p = parse_args(vm, "expandtabs", &args[1..], kwnames, &["tabsize"], 0, 1, 0)?;
    let ts = match p.get(0) {
        Some(t) => vm.index_i64(t)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_string(out))
}

fn str_format(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str().to_string();
    crate::builtins::format::str_format(vm, &s, &args[1..], kwnames)
}

fn str_format_map(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "format_map", &args[1..], kw, 1, 1)?;
    let s = this(vm, &args[0])?.as_str().to_string();
    crate::builtins::format::str_format_map(vm, &s, &args[1])
}

fn str_removeprefix(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "removeprefix", &args[1..], kw, 1, 1)?;
    let s = this(vm, &args[0])?.as_str();
    let p = arg_str(vm, &args[1], "removeprefix() argument")?;
    Ok(vm.new_str(s.strip_prefix(p).unwrap_or(s)))
}

fn str_removesuffix(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "removesuffix", &args[1..], kw, 1, 1)?;
    let s = this(vm, &args[0])?.as_str();
    let p = arg_str(vm, &args[1], "removesuffix() argument")?;
    Ok(vm.new_str(s.strip_suffix(p).unwrap_or(s)))
}

fn str_casefold(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    Ok(vm.new_string(s.to_lowercase().replace('ß', "ss")))
}

fn str_getnewargs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(vm, &args[0])?.as_str();
    Ok(vm.new_tuple(vec![vm.new_str(s)]))
}

fn str_translate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "translate", &args[1..], kw, 1, 1)?;
    let s = this(vm, &args[0])?.as_str().to_string();
    let mut out = String::new();
    for c in s.chars() {
        match vm.getitem(&args[1], &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(v) => {
                if let Some(t) = crate::str::as_str(&v) {
                    out.push_str(t);
                } else if let Value::Int(i) = v {
                    out.push(char::from_u32(i as u32).ok_or_else(|| vm.value_error("character mapping must be in range(0x110000)"))?);
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
        let items = vm.call_method(&args[0], "items", &[])?;
        for pair in vm.iterate(&items)? {
            let kv = vm.unpack_sequence(&pair, 2)?;
            let k = match crate::str::as_str(&kv[0]) {
                Some(s) if s.chars().count() == 1 => Value::Int(s.chars().next().unwrap_or('\0') as i64),
                Some(_) => return Err(vm.value_error("string keys in translate table must be of length 1")),
                None => kv[0].clone(),
            };
            vm.setitem(&dv, k, kv[1].clone())?;
        }
        return Ok(dv);
    }
    let x: Vec<char> = arg_str(vm, &args[0], "maketrans() argument 1")?.chars().collect();
    let y: Vec<char> = arg_str(vm, &args[1], "maketrans() argument 2")?.chars().collect();
    if x.len() != y.len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.iter().zip(&y) {
        vm.setitem(&dv, Value::Int(*a as i64), Value::Int(*b as i64))?;
    }
    if let Some(z) = args.get(2) {
        for c in arg_str(vm, z, "maketrans() argument 3")?.chars() {
            vm.setitem(&dv, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(dv)
}

pub fn init(vm: &Vm) {
    let t = &vm.types.str;
    vm.add_methods(
        t,
        &[
            ("__repr__", str_repr),
            ("__str__", str_str),
            ("__hash__", str_hash),
            ("__len__", str_len),
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
            ("__format__", str_format_m),
            ("__getnewargs__", str_getnewargs),
            ("join", str_join),
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("splitlines", str_splitlines),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("upper", str_upper),
            ("lower", str_lower),
            ("casefold", str_casefold),
            ("capitalize", str_capitalize),
            ("title", str_title),
            ("swapcase", str_swapcase),
            ("replace", str_replace),
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("rindex", str_rindex),
            ("count", str_count),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("encode", str_encode),
            ("isdigit", str_isdigit),
            ("isdecimal", str_isdecimal),
            ("isnumeric", str_isnumeric),
            ("isalpha", str_isalpha),
            ("isalnum", str_isalnum),
            ("isspace", str_isspace),
            ("isascii", str_isascii),
            ("isprintable", str_isprintable),
            ("isupper", str_isupper),
            ("islower", str_islower),
            ("isidentifier", str_isidentifier),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("center", str_center),
            ("zfill", str_zfill),
            ("partition", str_partition),
            ("rpartition", str_rpartition),
            ("expandtabs", str_expandtabs),
            ("format", str_format),
            ("format_map", str_format_map),
            ("removeprefix", str_removeprefix),
            ("removesuffix", str_removesuffix),
            ("translate", str_translate),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", str_new)], MethodKind::Static);
    vm.add_methods_kind(t, &[("maketrans", str_maketrans)], MethodKind::Static);
}
