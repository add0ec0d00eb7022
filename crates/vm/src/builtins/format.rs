//! `format()`, `str.format`, and `%`-formatting: argument handling around rpy-text's
//! formatting engine.
//! Counterpart: Python/formatter_unicode.c, Objects/stringlib/unicode_format.h,
//! Objects/unicodeobject.c `PyUnicode_Format` (3.11).

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `format(v, spec)` for the built-in int, float and str types (`spec` non-empty).
pub fn format_value(vm: &Vm, v: &Value, spec: &str) -> PyResult<Value> {
    Err(vm.value_error(format!(
        "format spec {spec:?} for {} is not supported yet",
        vm.type_name(v)
    )))
}

/// `fmt % args`.
pub fn percent_format(vm: &Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let items: Vec<Value> = match args.payload() {
        Some(crate::object::Payload::Tuple(t)) => t.to_vec(),
        _ => vec![args.clone()],
    };
    let mut out = String::new();
    let mut it = items.into_iter();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some('s') => out.push_str(&vm.str(&it.next().ok_or_else(|| vm.type_error("not enough arguments for format string"))?)?),
            Some('r') => out.push_str(&vm.repr(&it.next().ok_or_else(|| vm.type_error("not enough arguments for format string"))?)?),
            Some('d') | Some('i') => {
                let v = it.next().ok_or_else(|| vm.type_error("not enough arguments for format string"))?;
                let n = crate::builtins::int::to_int(vm, &v)?;
                out.push_str(&vm.repr(&n)?);
            }
            other => {
                return Err(vm.value_error(format!(
                    "unsupported format character '{}'",
                    other.unwrap_or('?')
                )));
            }
        }
    }
    if it.next().is_some() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(vm.new_string(out))
}

/// `s.format(*args, **kwargs)`.
pub fn str_format(vm: &Vm, s: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut field = String::new();
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                    field.push(d);
                }
                let (name, spec) = match field.split_once(':') {
                    Some((n, s)) => (n.to_string(), s.to_string()),
                    None => (field.clone(), String::new()),
                };
                let v = if name.is_empty() {
                    let v = args.get(auto).filter(|_| auto < npos).cloned();
                    auto += 1;
                    v.ok_or_else(|| vm.index_error(format!("Replacement index {} out of range for positional args tuple", auto - 1)))?
                } else if let Ok(i) = name.parse::<usize>() {
                    args.get(i).filter(|_| i < npos).cloned().ok_or_else(|| {
                        vm.index_error(format!("Replacement index {i} out of range for positional args tuple"))
                    })?
                } else {
                    let pos = kwnames.iter().position(|k| crate::str::as_str(k) == Some(name.as_str()));
                    match pos {
                        Some(p) => args[npos + p].clone(),
                        None => return Err(vm.key_error(vm.new_str(&name))),
                    }
                };
                let r = if spec.is_empty() { vm.str_obj(&v)? } else { vm.format(&v, &spec)? };
                out.push_str(crate::str::as_str(&r).unwrap_or(""));
            }
            _ => out.push(c),
        }
    }
    Ok(vm.new_string(out))
}

/// `s.format_map(mapping)`.
pub fn str_format_map(vm: &Vm, s: &str, mapping: &Value) -> PyResult<Value> {
    let _ = mapping;
    str_format(vm, s, &[], &[])
}
