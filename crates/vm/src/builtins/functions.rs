//! The `builtins` module: its functions and the names it exports.
//! Counterpart: Python/bltinmodule.c (3.11).

use crate::builtins::function::{NativeFn, check_count, parse_args};
use crate::object::Payload;
use crate::protocol::CmpOp;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Emits a warning (through `warnings.warn` once that module is importable, else printed).
pub fn warn(vm: &Vm, category: &PyRef, msg: &str) -> PyResult<()> {
    if let Some(w) = vm.modules_get("warnings")
        && let Ok(f) = vm.getattr_str(&w, "warn")
    {
        vm.call(
            &f,
            &[vm.new_str(msg), Value::Obj(category.clone()), Value::Int(2)],
        )?;
        return Ok(());
    }
    let (file, line) = vm.current_location();
    let cat = crate::types::type_data(category).name.borrow().clone();
    vm.write_stderr(&format!("{file}:{line}: {cat}: {msg}\n"));
    Ok(())
}

fn b_abs(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "abs", args, kw, 1, 1)?;
    match &args[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(num_bigint::BigInt::from(*i).magnitude().clone().into()),
        }),
        Value::Float(f) => Ok(Value::float(f.get().abs())),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        v => match vm.call_special(v, "__abs__", &[])? {
            Some(r) => Ok(r),
            None => {
                Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v))))
            }
        },
    }
}

fn b_all(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "all", args, kw, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn b_any(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "any", args, kw, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn b_ascii(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "ascii", args, kw, 1, 1)?;
    Ok(vm.new_string(crate::builtins::str::ascii_escape(&vm.repr(&args[0])?)))
}

fn int_radix(vm: &Vm, v: &Value, radix: u32) -> PyResult<Value> {
    let i = vm.index_value(v)?;
    let n = crate::builtins::int::as_bigint(&i).unwrap_or_default();
    Ok(vm.new_string(rpy_text::numbers::int_to_prefixed_str(&n, radix)))
}

fn b_bin(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "bin", args, kw, 1, 1)?;
    int_radix(vm, &args[0], 2)
}

fn b_oct(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "oct", args, kw, 1, 1)?;
    int_radix(vm, &args[0], 8)
}

fn b_hex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "hex", args, kw, 1, 1)?;
    int_radix(vm, &args[0], 16)
}

fn b_callable(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "callable", args, kw, 1, 1)?;
    let v = &args[0];
    let r = match v.payload() {
        Some(
            Payload::Function(_)
            | Payload::BuiltinFunction(_)
            | Payload::BoundMethod { .. }
            | Payload::Type(_)
            | Payload::MethodDescriptor(_),
        ) => true,
        _ => vm.lookup_special(v, "__call__").is_some(),
    };
    Ok(Value::bool(r))
}

fn b_chr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "chr", args, kw, 1, 1)?;
    let i = match vm.index_value(&args[0])? {
        Value::Int(i) if i32::try_from(i).is_ok() => i,
        Value::Int(i) if i < 0 => {
            return Err(vm.overflow_error("Python int too small to convert to C int"));
        }
        Value::Obj(o) if matches!(&o.payload, Payload::Int(n) if n.sign() == num_bigint::Sign::Minus) =>
        {
            return Err(vm.overflow_error("Python int too small to convert to C int"));
        }
        _ => return Err(vm.overflow_error("Python int too large to convert to C int")),
    };
    if !(0..=0x10FFFF).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(vm.new_string(c.to_string())),
        None => Ok(vm.new_str("\u{FFFD}")),
    }
}

fn b_ord(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "ord", args, kw, 1, 1)?;
    if let Some(s) = crate::str::as_str(&args[0]) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::Int(c as i64)),
            _ => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.chars().count()
            ))),
        };
    }
    if let Some(b) = crate::builtins::bytes::bytes_of(&args[0]) {
        if b.len() == 1 {
            return Ok(Value::Int(b[0] as i64));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    Err(vm.type_error(format!(
        "ord() expected string of length 1, but {} found",
        vm.type_name(&args[0])
    )))
}

fn b_delattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "delattr", args, kw, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    vm.delattr(&args[0], &name)?;
    Ok(Value::None)
}

fn attr_name(vm: &Vm, v: &Value) -> PyResult<PyRef> {
    match crate::str::as_str(v) {
        Some(s) => Ok(vm.intern(s)),
        None => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn b_getattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "getattr", args, kw, 2, 3)?;
    let name = attr_name(vm, &args[1])?;
    match vm.getattr(&args[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && vm.exc_matches(&e, &vm.types.exceptions.attribute_error) => {
            Ok(args[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn b_setattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "setattr", args, kw, 3, 3)?;
    let name = attr_name(vm, &args[1])?;
    vm.setattr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn b_hasattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "hasattr", args, kw, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    match vm.getattr(&args[0], &name) {
        Ok(_) => Ok(Value::TRUE),
        Err(e) if vm.exc_matches(&e, &vm.types.exceptions.attribute_error) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn b_dir(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "dir", args, kw, 0, 1)?;
    if args.is_empty() {
        let locals = b_locals(vm, &[], &[])?;
        let keys = vm.call_method(&locals, "keys", &[])?;
        let l = vm.new_list(vm.iterate(&keys)?);
        vm.call_method(&l, "sort", &[])?;
        return Ok(l);
    }
    let d = match vm.lookup_special(&args[0], "__dir__") {
        Some(m) => vm.call(&m, &args[..1])?,
        None => return Err(vm.type_error("object does not provide __dir__")),
    };
    let l = vm.new_list(vm.iterate(&d)?);
    vm.call_method(&l, "sort", &[])?;
    Ok(l)
}

fn b_divmod(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "divmod", args, kw, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if let Some(m) = vm.lookup_special(a, "__divmod__") {
        let r = vm.call(&m, &[a.clone(), b.clone()])?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(m) = vm.lookup_special(b, "__rdivmod__") {
        let r = vm.call(&m, &[b.clone(), a.clone()])?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.tp_name(a),
        vm.tp_name(b)
    )))
}

fn b_format(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "format", args, kw, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => crate::str::as_str(s)
            .ok_or_else(|| {
                vm.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    vm.type_name(s)
                ))
            })?
            .to_string(),
        None => String::new(),
    };
    vm.format(&args[0], &spec)
}

fn b_hash(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "hash", args, kw, 1, 1)?;
    Ok(Value::Int(vm.hash(&args[0])?))
}

fn b_id(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "id", args, kw, 1, 1)?;
    Ok(Value::Int(args[0].id()))
}

fn b_isinstance(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "isinstance", args, kw, 2, 2)?;
    Ok(Value::bool(vm.isinstance(&args[0], &args[1])?))
}

fn b_issubclass(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "issubclass", args, kw, 2, 2)?;
    Ok(Value::bool(vm.issubclass(&args[0], &args[1])?))
}

fn b_iter(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "iter", args, kw, 1, 2)?;
    if args.len() == 2 {
        if !vm.truthy(&b_callable(vm, &args[..1], &[])?)? {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(crate::builtins::iterators::new_callable_iter(
            vm,
            args[0].clone(),
            args[1].clone(),
        ));
    }
    vm.get_iter(&args[0])
}

fn b_aiter(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "aiter", args, kw, 1, 1)?;
    match vm.lookup_special(&args[0], "__aiter__") {
        Some(m) => vm.call(&m, &args[..1]),
        None => Err(vm.type_error(format!(
            "'{}' object is not an async iterable",
            vm.type_name(&args[0])
        ))),
    }
}

fn b_anext(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "anext", args, kw, 1, 2)?;
    let awaitable = match vm.lookup_special(&args[0], "__anext__") {
        Some(m) => vm.call(&m, &args[..1])?,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object is not an async iterator",
                vm.type_name(&args[0])
            )));
        }
    };
    match args.get(1) {
        None => Ok(awaitable),
        Some(default) => {
            // Await the __anext__ result; StopAsyncIteration turns into the default.
            let it = vm.op_get_awaitable_pub(awaitable)?;
            Ok(crate::builtins::asyncgen::new_anext_awaitable(
                vm,
                it,
                default.clone(),
            ))
        }
    }
}

fn b_len(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "len", args, kw, 1, 1)?;
    Ok(Value::from(vm.len(&args[0])?))
}

fn b_next(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "next", args, kw, 1, 2)?;
    if vm.lookup_special(&args[0], "__next__").is_none()
        && !matches!(args[0].payload(), Some(Payload::SeqIter(_)))
    {
        return Err(vm.type_error(format!(
            "'{}' object is not an iterator",
            vm.tp_name(&args[0])
        )));
    }
    // Generators and __next__ methods raise StopIteration with a value; keep it.
    let r = match args[0].payload() {
        Some(Payload::Generator(_)) => match args[0].as_obj() {
            Some(g) => crate::generator::gen_send(vm, g, Value::None).map(Some),
            None => Ok(None),
        },
        Some(Payload::SeqIter(_) | Payload::Native(_)) => vm.next(&args[0]),
        _ => {
            let m = vm
                .lookup_special(&args[0], "__next__")
                .unwrap_or(Value::None);
            vm.call(&m, &args[..1]).map(Some)
        }
    };
    match r {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_exception(&vm.types.exceptions.stop_iteration, vec![])),
        },
        Err(e) if args.len() == 2 && vm.exc_matches(&e, &vm.types.exceptions.stop_iteration) => {
            Ok(args[1].clone())
        }
        Err(e) => Err(e),
    }
}

fn minmax(vm: &Vm, args: &[Value], kwnames: &[Value], name: &str, op: CmpOp) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let mut key = None;
    let mut default = None;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match crate::str::as_str(k) {
            Some("key") => key = Some(v.clone()).filter(|k| !k.is_none()),
            Some("default") => default = Some(v.clone()),
            Some(o) => {
                return Err(
                    vm.type_error(format!("{name}() got an unexpected keyword argument '{o}'"))
                );
            }
            None => {}
        }
    }
    let items: Vec<Value> = match npos {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.iterate(&args[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args[..npos].to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&it))?,
            None => it.clone(),
        };
        best = match best {
            None => Some((k, it)),
            Some((bk, bv)) => {
                let r = vm.rich_compare(&k, &bk, op)?;
                if vm.truthy(&r)? {
                    Some((k, it))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn b_max(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    minmax(vm, args, kw, "max", CmpOp::Gt)
}

fn b_min(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    minmax(vm, args, kw, "min", CmpOp::Lt)
}

fn b_pow(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(vm, "pow", args, kwnames, &["base", "exp", "mod"], 0, 3, 2)?;
    let base = p.get(0).cloned().unwrap_or(Value::None);
    let exp = p.get(1).cloned().unwrap_or(Value::None);
    match p.get(2) {
        None | Some(Value::None) => vm.binary_op(&base, &exp, 8),
        Some(m) => {
            if let (Some(a), Some(b), Some(c)) = (
                crate::builtins::int::as_bigint(&base),
                crate::builtins::int::as_bigint(&exp),
                crate::builtins::int::as_bigint(m),
            ) {
                return crate::builtins::int::pow_mod(vm, &a, &b, &c);
            }
            match vm.call_special(&base, "__pow__", &[exp.clone(), m.clone()])? {
                Some(r) if !vm.is_not_implemented(&r) => Ok(r),
                _ => Err(vm.type_error(format!(
                    "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                    vm.tp_name(&base),
                    vm.tp_name(&exp),
                    vm.tp_name(m)
                ))),
            }
        }
    }
}

fn b_print(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let (mut sep, mut end, mut file, mut flush) = (None, None, None, false);
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match crate::str::as_str(k) {
            Some("sep") => sep = Some(v.clone()),
            Some("end") => end = Some(v.clone()),
            Some("file") => file = Some(v.clone()),
            Some("flush") => flush = vm.truthy(v)?,
            Some(o) => {
                return Err(
                    vm.type_error(format!("'{o}' is an invalid keyword argument for print()"))
                );
            }
            None => {}
        }
    }
    let text_arg = |v: Option<Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(s) => crate::str::as_str(&s)
                .map(|s| s.to_string())
                .ok_or_else(|| {
                    vm.type_error(format!(
                        "{what} must be None or a string, not {}",
                        vm.type_name(&s)
                    ))
                }),
        }
    };
    let sep = text_arg(sep, "sep", " ")?;
    let end = text_arg(end, "end", "\n")?;
    let file = match file {
        None | Some(Value::None) => vm.sys_attr("stdout")?,
        Some(f) => f,
    };
    if file.is_none() {
        return Ok(Value::None);
    }
    let mut out = String::new();
    for (i, a) in args[..npos].iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str(a)?);
    }
    out.push_str(&end);
    vm.write_to(&file, &out)?;
    if flush {
        vm.call_method(&file, "flush", &[])?;
    }
    Ok(Value::None)
}

fn b_repr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "repr", args, kw, 1, 1)?;
    Ok(vm.new_string(vm.repr(&args[0])?))
}

fn b_round(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(vm, "round", args, kwnames, &["number", "ndigits"], 0, 2, 1)?;
    let n = p.get(0).cloned().unwrap_or(Value::None);
    let Some(m) = vm.lookup_special(&n, "__round__") else {
        return Err(vm.type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(&n)
        )));
    };
    match p.get(1) {
        None | Some(Value::None) => vm.call(&m, &[n]),
        Some(d) => vm.call(&m, &[n, d.clone()]),
    }
}

fn b_sorted(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {npos}")));
    }
    let l = vm.new_list(vm.iterate(&args[0])?);
    let mut full = vec![l.clone()];
    full.extend_from_slice(&args[1..]);
    let sort = vm.getattr_str(&l, "sort")?;
    vm.call_with_kwnames(&sort, &args[1..], kwnames)?;
    Ok(l)
}

fn b_sum(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(vm, "sum", args, kwnames, &["iterable", "start"], 1, 2, 1)?;
    let mut acc = p.get(1).cloned().unwrap_or(Value::Int(0));
    if crate::str::as_str(&acc).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if matches!(acc.payload(), Some(Payload::Bytes(_))) {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if matches!(acc.payload(), Some(Payload::ByteArray(_))) {
        return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = vm.get_iter(p.get(0).unwrap_or(&Value::None))?;
    // Plain additions, as in 3.11 (compensated float summation came in 3.12); machine-sized
    // ints and floats skip the operator dispatch, as CPython's fast paths do.
    while let Some(x) = vm.next(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::float(a.get() + b.get()),
            _ => vm.binary_op(&acc, &x, 0)?,
        };
    }
    Ok(acc)
}

fn b_vars(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "vars", args, kw, 0, 1)?;
    if args.is_empty() {
        return b_locals(vm, &[], &[]);
    }
    vm.getattr_str(&args[0], "__dict__").map_err(|e| {
        if vm.exc_matches(&e, &vm.types.exceptions.attribute_error) {
            vm.type_error("vars() argument must have __dict__ attribute")
        } else {
            e
        }
    })
}

fn b_globals(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let frames = vm.frames.borrow();
    match frames.last() {
        Some(f) => Ok(Value::Obj(f.globals.clone())),
        None => Err(vm.system_error("globals(): no current frame")),
    }
}

fn b_locals(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let frames = vm.frames.borrow();
    match frames.last() {
        Some(f) => Ok(match &f.locals {
            Some(l) => l.clone(),
            None => crate::builtins::frame::fast_locals_dict(vm, f),
        }),
        None => Err(vm.system_error("locals(): no current frame")),
    }
}

fn b_input(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "input", args, kw, 0, 1)?;
    let stdout = vm.sys_attr("stdout")?;
    if let Some(p) = args.first() {
        vm.write_to(&stdout, &vm.str(p)?)?;
    }
    let _ = vm.call_method(&stdout, "flush", &[]);
    let stdin = vm.sys_attr("stdin")?;
    let line = vm.call_method(&stdin, "readline", &[])?;
    let s = crate::str::as_str(&line).unwrap_or("").to_string();
    if s.is_empty() {
        return Err(vm.new_exception_msg(&vm.types.exceptions.eof_error, "EOF when reading a line"));
    }
    Ok(vm.new_string(s.strip_suffix('\n').unwrap_or(&s).to_string()))
}

fn b_import(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "__import__",
        args,
        kwnames,
        &["name", "globals", "locals", "fromlist", "level"],
        0,
        5,
        1,
    )?;
    let name = p.get(0).cloned().unwrap_or(Value::None);
    let Some(n) = crate::str::as_str(&name) else {
        return Err(vm.type_error(format!(
            "__import__() argument 1 must be str, not {}",
            vm.type_name(&name)
        )));
    };
    let globals = p.get(1).cloned().unwrap_or(Value::None);
    let fromlist = p.get(3).cloned().unwrap_or(Value::None);
    let level = match p.get(4) {
        Some(l) => vm.index_i64(l)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    crate::import::import_module_level(vm, n, &globals, &fromlist, level)
}

fn b_compile(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // Trees (an `ast` object to compile, or `PyCF_ONLY_AST`) are the `_ast` module's.
    if let Some(r) = crate::builtins::ast::compile(vm, args, kwnames)? {
        return Ok(r);
    }
    crate::interp::builtin_compile(vm, args, kwnames)
}

fn b_exec(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::interp::builtin_exec(vm, args, kwnames, false)
}

fn b_eval(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::interp::builtin_exec(vm, args, kwnames, true)
}

fn b_build_class(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::type_::build_class(vm, args, kwnames)
}

fn b_breakpoint(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

pub fn init(vm: &Vm) {
    let functions: &[(&'static str, NativeFn)] = &[
        ("abs", b_abs),
        ("all", b_all),
        ("any", b_any),
        ("ascii", b_ascii),
        ("bin", b_bin),
        ("oct", b_oct),
        ("hex", b_hex),
        ("callable", b_callable),
        ("chr", b_chr),
        ("ord", b_ord),
        ("delattr", b_delattr),
        ("getattr", b_getattr),
        ("setattr", b_setattr),
        ("hasattr", b_hasattr),
        ("dir", b_dir),
        ("divmod", b_divmod),
        ("format", b_format),
        ("hash", b_hash),
        ("id", b_id),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("iter", b_iter),
        ("aiter", b_aiter),
        ("anext", b_anext),
        ("len", b_len),
        ("next", b_next),
        ("max", b_max),
        ("min", b_min),
        ("pow", b_pow),
        ("print", b_print),
        ("repr", b_repr),
        ("round", b_round),
        ("sorted", b_sorted),
        ("sum", b_sum),
        ("vars", b_vars),
        ("globals", b_globals),
        ("locals", b_locals),
        ("input", b_input),
        ("__import__", b_import),
        ("compile", b_compile),
        ("exec", b_exec),
        ("eval", b_eval),
        ("__build_class__", b_build_class),
        ("breakpoint", b_breakpoint),
    ];
    let d = vm.builtins_dict.clone();
    let Payload::Dict(dd) = &d.payload else {
        return;
    };
    {
        let mut dd = dd.borrow_mut();
        for (name, f) in functions {
            let func = vm.new_builtin_function(name, *f);
            if *name == "len"
                && let Value::Obj(o) = &func
            {
                let _ = vm.builtin_len.set(o.clone());
            }
            let _ = dd.set_str(vm.intern(name), func);
        }
        let t = &vm.types;
        let types: Vec<(&str, &PyRef)> = vec![
            ("object", &t.object),
            ("type", &t.type_),
            ("int", &t.int),
            ("bool", &t.bool_),
            ("float", &t.float),
            ("complex", &t.complex),
            ("str", &t.str),
            ("bytes", &t.bytes),
            ("bytearray", &t.bytearray),
            ("tuple", &t.tuple),
            ("list", &t.list),
            ("dict", &t.dict),
            ("set", &t.set),
            ("frozenset", &t.frozenset),
            ("range", &t.range),
            ("slice", &t.slice),
            ("classmethod", &t.classmethod),
            ("staticmethod", &t.staticmethod),
            ("property", &t.property),
            ("super", &t.super_),
        ];
        for (name, ty) in types {
            let _ = dd.set_str(vm.intern(name), Value::Obj(ty.clone()));
        }
        for name in ["enumerate", "zip", "map", "filter", "reversed"] {
            let _ = dd.set_str(vm.intern(name), Value::Obj(t.other(name)));
        }
        let _ = dd.set_str(vm.intern("None"), Value::None);
        let _ = dd.set_str(vm.intern("True"), Value::TRUE);
        let _ = dd.set_str(vm.intern("False"), Value::FALSE);
        let _ = dd.set_str(vm.intern("Ellipsis"), Value::Obj(t.ellipsis.clone()));
        let _ = dd.set_str(
            vm.intern("NotImplemented"),
            Value::Obj(t.not_implemented.clone()),
        );
        let _ = dd.set_str(
            vm.intern("__debug__"),
            Value::bool(vm.options.optimize == 0),
        );
        for (name, e) in &t.exceptions.all {
            let _ = dd.set_str(vm.intern(name), Value::Obj(e.clone()));
        }
        for alias in ["EnvironmentError", "IOError"] {
            let _ = dd.set_str(vm.intern(alias), Value::Obj(t.exceptions.os_error.clone()));
        }
        let _ = dd.set_str(vm.intern("__name__"), vm.new_str("builtins"));
    }
}

/// Emits a warning attributed to `filename:lineno` (compile-time warnings).
pub fn warn_explicit(
    vm: &Vm,
    category: &PyRef,
    msg: &str,
    filename: &str,
    lineno: i32,
) -> PyResult<()> {
    if let Some(w) = vm.modules_get("warnings")
        && let Ok(f) = vm.getattr_str(&w, "warn_explicit")
    {
        vm.call(
            &f,
            &[
                vm.new_str(msg),
                Value::Obj(category.clone()),
                vm.new_str(filename),
                Value::Int(lineno as i64),
            ],
        )?;
        return Ok(());
    }
    let cat = crate::types::type_data(category).name.borrow().clone();
    vm.write_stderr(&format!("{filename}:{lineno}: {cat}: {msg}\n"));
    Ok(())
}
