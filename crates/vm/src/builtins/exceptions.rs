//! The methods and attributes of the built-in exception classes.
//! Counterpart: Objects/exceptions.c (3.11).

use crate::builtins::function::{MethodKind, check_count};
use crate::exceptions::ExcData;
use crate::object::{Payload, PyObject};
use crate::types::is_subtype;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn data<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a ExcData> {
    match v.payload() {
        Some(Payload::Exception(d)) => Ok(d),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'BaseException' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn args_of(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    let a = data(vm, v)?.args.borrow().clone();
    Ok(match a.payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    })
}

fn base_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("BaseException.__new__(X): X is not a type object"));
    };
    if !is_subtype(&cls, &vm.types.exceptions.base_exception) {
        let n = crate::types::type_data(&cls).name.borrow().clone();
        return Err(vm.type_error(format!(
            "BaseException.__new__({n}): {n} is not a subtype of BaseException"
        )));
    }
    let npos = args.len() - kwnames.len();
    let a = vm.new_tuple(args[1..npos].to_vec());
    let e = PyObject::new(cls, Payload::Exception(Box::new(ExcData::new(a))));
    Ok(Value::Obj(e))
}

fn base_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!(
            "{}() takes no keyword arguments",
            vm.type_name(&args[0])
        )));
    }
    *data(vm, &args[0])?.args.borrow_mut() = vm.new_tuple(args[1..].to_vec());
    Ok(Value::None)
}

fn base_str(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = args_of(vm, &args[0])?;
    match a.len() {
        0 => Ok(vm.new_str("")),
        1 => vm.str_obj(&a[0]),
        _ => Ok(vm.new_string(vm.repr(&vm.new_tuple(a))?)),
    }
}

fn base_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = args_of(vm, &args[0])?;
    let name = crate::types::type_data(vm.class_of(&args[0]))
        .name
        .borrow()
        .clone();
    Ok(vm.new_string(match a.len() {
        1 => format!("{name}({})", vm.repr(&a[0])?),
        _ => format!("{name}{}", vm.repr(&vm.new_tuple(a))?),
    }))
}

fn get_args(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(data(vm, v)?.args.borrow().clone())
}

fn set_args(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let Some(new) = new else {
        return Err(vm.type_error("args may not be deleted"));
    };
    let t = vm.new_tuple(vm.iterate(&new)?);
    *data(vm, v)?.args.borrow_mut() = t;
    Ok(())
}

fn get_traceback(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(data(vm, v)?.traceback.borrow().clone())
}

fn set_traceback(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let new = new.ok_or_else(|| vm.type_error("__traceback__ may not be deleted"))?;
    if !new.is_none() && !matches!(new.payload(), Some(Payload::Traceback(_))) {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    *data(vm, v)?.traceback.borrow_mut() = new;
    Ok(())
}

fn get_cause(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(data(vm, v)?.cause.borrow().clone())
}

fn set_cause(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let new = new.ok_or_else(|| vm.type_error("__cause__ may not be deleted"))?;
    if !new.is_none()
        && !new
            .as_obj()
            .is_some_and(|o| is_subtype(o.class(), &vm.types.exceptions.base_exception))
    {
        return Err(vm.type_error("exception cause must be None or derive from BaseException"));
    }
    let d = data(vm, v)?;
    *d.cause.borrow_mut() = new;
    d.suppress_context.set(true);
    Ok(())
}

fn get_context(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(data(vm, v)?.context.borrow().clone())
}

fn set_context(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let new = new.ok_or_else(|| vm.type_error("__context__ may not be deleted"))?;
    if !new.is_none()
        && !new
            .as_obj()
            .is_some_and(|o| is_subtype(o.class(), &vm.types.exceptions.base_exception))
    {
        return Err(vm.type_error("exception context must be None or derive from BaseException"));
    }
    *data(vm, v)?.context.borrow_mut() = new;
    Ok(())
}

fn get_suppress(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(data(vm, v)?.suppress_context.get()))
}

fn set_suppress(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let b = match new {
        Some(n) => vm.truthy(&n)?,
        None => false,
    };
    data(vm, v)?.suppress_context.set(b);
    Ok(())
}

fn with_traceback(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "BaseException.with_traceback", &args[1..], kw, 1, 1)?;
    set_traceback(vm, &args[0], Some(args[1].clone()))?;
    Ok(args[0].clone())
}

/// `e.add_note(note)`.
pub fn add_note(vm: &Vm, e: &PyRef, note: &str) -> PyResult<()> {
    add_note_value(vm, &Value::Obj(e.clone()), vm.new_str(note))
}

fn add_note_value(vm: &Vm, e: &Value, note: Value) -> PyResult<()> {
    if crate::str::as_str(&note).is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(&note))));
    }
    let notes = match vm.getattr_opt(e, "__notes__")? {
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]);
            vm.setattr(e, &vm.intern("__notes__"), l.clone())?;
            l
        }
    };
    match notes.payload() {
        Some(Payload::List(l)) => {
            l.borrow_mut().push(note);
            Ok(())
        }
        _ => Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
}

fn add_note_m(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "BaseException.add_note", &args[1..], kw, 1, 1)?;
    add_note_value(vm, &args[0], args[1].clone())?;
    Ok(Value::None)
}

fn base_reduce(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = data(vm, &args[0])?.args.borrow().clone();
    Ok(vm.new_tuple(vec![vm.type_value(&args[0]), a]))
}

fn set_dict_attrs(vm: &Vm, e: &Value, pairs: &[(&str, Value)]) -> PyResult<()> {
    if let Value::Obj(o) = e {
        for (k, v) in pairs {
            vm.set_attr_in_dict(o, k, v.clone())?;
        }
    }
    Ok(())
}

fn stop_iteration_init(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    base_init(vm, args, kw)?;
    let value = args.get(1).cloned().unwrap_or(Value::None);
    set_dict_attrs(vm, &args[0], &[("value", value)])?;
    Ok(Value::None)
}

/// `StopIteration.value` / `SystemExit.code`: set explicitly, or derived from `args`.
fn derived_attr(
    vm: &Vm,
    v: &Value,
    name: &str,
    from_args: fn(&Vm, Vec<Value>) -> Value,
) -> PyResult<Value> {
    if let Value::Obj(o) = v
        && let Some(d) = o.dict.borrow().as_ref()
        && let Payload::Dict(dd) = &d.payload
        && let Some(x) = dd.borrow().get_str(name)
    {
        return Ok(x.clone());
    }
    Ok(from_args(vm, args_of(vm, v)?))
}

fn stop_value(vm: &Vm, v: &Value) -> PyResult<Value> {
    derived_attr(vm, v, "value", |_, a| {
        a.first().cloned().unwrap_or(Value::None)
    })
}

fn set_stop_value(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    set_dict_attrs(vm, v, &[("value", new.unwrap_or(Value::None))])
}

fn exit_code(vm: &Vm, v: &Value) -> PyResult<Value> {
    derived_attr(vm, v, "code", |vm, a| match a.len() {
        0 => Value::None,
        1 => a[0].clone(),
        _ => vm.new_tuple(a),
    })
}

fn set_exit_code(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    set_dict_attrs(vm, v, &[("code", new.unwrap_or(Value::None))])
}

fn system_exit_init(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    base_init(vm, args, kw)?;
    let code = match args.len() - 1 {
        0 => Value::None,
        1 => args[1].clone(),
        _ => vm.new_tuple(args[1..].to_vec()),
    };
    set_dict_attrs(vm, &args[0], &[("code", code)])?;
    Ok(Value::None)
}

fn key_error_str(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = args_of(vm, &args[0])?;
    if a.len() == 1 {
        return Ok(vm.new_string(vm.repr(&a[0])?));
    }
    base_str(vm, args, &[])
}

fn import_error_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    *data(vm, &args[0])?.args.borrow_mut() = vm.new_tuple(args[1..npos].to_vec());
    let mut name = Value::None;
    let mut path = Value::None;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match crate::str::as_str(k) {
            Some("name") => name = v.clone(),
            Some("path") => path = v.clone(),
            Some(other) => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for ImportError()"
                )));
            }
            None => {}
        }
    }
    let msg = if npos == 2 {
        args[1].clone()
    } else {
        Value::None
    };
    set_dict_attrs(
        vm,
        &args[0],
        &[("name", name), ("path", path), ("msg", msg)],
    )?;
    Ok(Value::None)
}

fn import_error_str(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some(m) = vm.getattr_opt(&args[0], "msg")?
        && !m.is_none()
    {
        return vm.str_obj(&m);
    }
    base_str(vm, args, &[])
}

fn name_error_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    *data(vm, &args[0])?.args.borrow_mut() = vm.new_tuple(args[1..npos].to_vec());
    let mut name = Value::None;
    let mut obj = Value::None;
    let is_attr = vm.isinstance(
        &args[0],
        &Value::Obj(vm.types.exceptions.attribute_error.clone()),
    )?;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match crate::str::as_str(k) {
            Some("name") => name = v.clone(),
            Some("obj") if is_attr => obj = v.clone(),
            Some(other) => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for {}()",
                    vm.type_name(&args[0])
                )));
            }
            None => {}
        }
    }
    set_dict_attrs(vm, &args[0], &[("name", name)])?;
    if is_attr {
        set_dict_attrs(vm, &args[0], &[("obj", obj)])?;
    }
    Ok(Value::None)
}

/// errno → OSError subclass, as CPython maps them.
fn os_error_subclass(vm: &Vm, errno: i64) -> Option<PyRef> {
    let e = &vm.types.exceptions;
    Some(match errno {
        11 | 114 | 115 => e.blocking_io_error.clone(),
        10 => e.child_process_error.clone(),
        32 | 108 => e.broken_pipe_error.clone(),
        103 => e.connection_aborted_error.clone(),
        111 => e.connection_refused_error.clone(),
        104 => e.connection_reset_error.clone(),
        17 => e.file_exists_error.clone(),
        2 => e.file_not_found_error.clone(),
        4 => e.interrupted_error.clone(),
        21 => e.is_a_directory_error.clone(),
        20 => e.not_a_directory_error.clone(),
        1 | 13 => e.permission_error.clone(),
        3 => e.process_lookup_error.clone(),
        110 => e.timeout_error.clone(),
        _ => return None,
    })
}

fn os_error_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(mut cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("OSError.__new__(X): X is not a type object"));
    };
    let npos = args.len() - kwnames.len();
    if std::rc::Rc::ptr_eq(&cls, &vm.types.exceptions.os_error)
        && (2..=6).contains(&(npos - 1))
        && let Value::Int(errno) = &args[1]
        && let Some(sub) = os_error_subclass(vm, *errno)
    {
        cls = sub;
    }
    let a = vm.new_tuple(args[1..npos].to_vec());
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Exception(Box::new(ExcData::new(a))),
    )))
}

fn os_error_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let a = &args[1..npos];
    let (mut errno, mut strerror, mut filename, mut filename2) =
        (Value::None, Value::None, Value::None, Value::None);
    if (2..=5).contains(&a.len()) {
        errno = a[0].clone();
        strerror = a[1].clone();
        if a.len() >= 3 {
            filename = a[2].clone();
        }
        if a.len() >= 5 {
            filename2 = a[4].clone();
        }
        // args keeps only (errno, strerror) when a filename was given.
        *data(vm, &args[0])?.args.borrow_mut() = vm.new_tuple(a[..2].to_vec());
    } else {
        *data(vm, &args[0])?.args.borrow_mut() = vm.new_tuple(a.to_vec());
    }
    set_dict_attrs(
        vm,
        &args[0],
        &[
            ("errno", errno),
            ("strerror", strerror),
            ("filename", filename),
            ("filename2", filename2),
        ],
    )?;
    Ok(Value::None)
}

fn os_error_str(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let get = |n: &str| {
        vm.getattr_opt(&args[0], n)
            .map(|v| v.unwrap_or(Value::None))
    };
    let (errno, strerror, f1, f2) = (
        get("errno")?,
        get("strerror")?,
        get("filename")?,
        get("filename2")?,
    );
    if !f1.is_none() {
        if !f2.is_none() {
            return Ok(vm.new_string(format!(
                "[Errno {}] {}: {} -> {}",
                vm.str(&errno)?,
                vm.str(&strerror)?,
                vm.repr(&f1)?,
                vm.repr(&f2)?
            )));
        }
        return Ok(vm.new_string(format!(
            "[Errno {}] {}: {}",
            vm.str(&errno)?,
            vm.str(&strerror)?,
            vm.repr(&f1)?
        )));
    }
    if !errno.is_none() && !strerror.is_none() {
        return Ok(vm.new_string(format!(
            "[Errno {}] {}",
            vm.str(&errno)?,
            vm.str(&strerror)?
        )));
    }
    base_str(vm, args, &[])
}

fn syntax_error_init(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    base_init(vm, args, kw)?;
    let a = &args[1..];
    let msg = a.first().cloned().unwrap_or(Value::None);
    let mut fields = vec![("msg", msg)];
    let names = [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ];
    let info: Vec<Value> = match a.get(1).and_then(|i| i.payload()) {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    if a.len() >= 2 && !(4..=6).contains(&info.len()) {
        return Err(vm.index_error("tuple index out of range"));
    }
    for (i, n) in names.iter().enumerate() {
        fields.push((n, info.get(i).cloned().unwrap_or(Value::None)));
    }
    fields.push(("print_file_and_line", Value::None));
    set_dict_attrs(vm, &args[0], &fields)?;
    Ok(Value::None)
}

fn syntax_error_str(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let get = |n: &str| {
        vm.getattr_opt(&args[0], n)
            .map(|v| v.unwrap_or(Value::None))
    };
    let msg = get("msg")?;
    let msg_s = if msg.is_none() {
        base_str(vm, args, &[]).and_then(|s| vm.str(&s))?
    } else {
        vm.str(&msg)?
    };
    let filename = get("filename")?;
    let lineno = get("lineno")?;
    let fname = crate::str::as_str(&filename).map(|f| {
        std::path::Path::new(f)
            .file_name()
            .map(|b| b.to_string_lossy().to_string())
            .unwrap_or(f.to_string())
    });
    let line = match lineno {
        Value::Int(l) => Some(l),
        _ => None,
    };
    Ok(vm.new_string(match (fname, line) {
        (Some(f), Some(l)) => format!("{msg_s} ({f}, line {l})"),
        (Some(f), None) => format!("{msg_s} ({f})"),
        (None, Some(l)) => format!("{msg_s} (line {l})"),
        (None, None) => msg_s,
    }))
}

fn unicode_error_str(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let get = |n: &str| {
        vm.getattr_opt(&args[0], n)
            .map(|v| v.unwrap_or(Value::None))
    };
    let a = args_of(vm, &args[0])?;
    if a.len() != 5 {
        return base_str(vm, args, &[]);
    }
    let enc = vm.str(&a[0])?;
    let start = match &a[2] {
        Value::Int(i) => *i,
        _ => 0,
    };
    let end = match &a[3] {
        Value::Int(i) => *i,
        _ => 0,
    };
    let reason = vm.str(&a[4])?;
    let is_decode = vm.isinstance(
        &args[0],
        &Value::Obj(vm.types.exceptions.unicode_decode_error.clone()),
    )?;
    let _ = get;
    if is_decode {
        let b = crate::builtins::bytes::bytes_of(&a[1]).unwrap_or_default();
        if end == start + 1 {
            let byte = b.get(start as usize).copied().unwrap_or(0);
            return Ok(vm.new_string(format!(
                "'{enc}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"
            )));
        }
        return Ok(vm.new_string(format!(
            "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )));
    }
    let s = crate::str::as_str(&a[1]).unwrap_or("").to_string();
    if end == start + 1 {
        let c = s.chars().nth(start as usize).map(|c| c as u32).unwrap_or(0);
        let ch = if c < 0x100 {
            format!("\\x{c:02x}")
        } else if c < 0x10000 {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        return Ok(vm.new_string(format!(
            "'{enc}' codec can't encode character '{ch}' in position {start}: {reason}"
        )));
    }
    Ok(vm.new_string(format!(
        "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
        end - 1
    )))
}

pub fn init(vm: &Vm) {
    let e = &vm.types.exceptions;
    let b = &e.base_exception;
    vm.add_methods(
        b,
        &[
            ("__init__", base_init),
            ("__str__", base_str),
            ("__repr__", base_repr),
            ("with_traceback", with_traceback),
            ("add_note", add_note_m),
            ("__reduce__", base_reduce),
        ],
    );
    vm.add_methods_kind(b, &[("__new__", base_new)], MethodKind::Static);
    vm.add_getsets(
        b,
        &[
            ("args", get_args, Some(set_args)),
            ("__traceback__", get_traceback, Some(set_traceback)),
            ("__cause__", get_cause, Some(set_cause)),
            ("__context__", get_context, Some(set_context)),
            ("__suppress_context__", get_suppress, Some(set_suppress)),
        ],
    );
    vm.add_methods(&e.stop_iteration, &[("__init__", stop_iteration_init)]);
    vm.add_getsets(
        &e.stop_iteration,
        &[("value", stop_value, Some(set_stop_value))],
    );
    vm.add_getsets(&e.system_exit, &[("code", exit_code, Some(set_exit_code))]);
    vm.add_methods(&e.system_exit, &[("__init__", system_exit_init)]);
    vm.add_methods(&e.key_error, &[("__str__", key_error_str)]);
    vm.add_methods(
        &e.import_error,
        &[
            ("__init__", import_error_init),
            ("__str__", import_error_str),
        ],
    );
    // `name`, `path` and `msg` read as None until set (CPython's member descriptors), also on
    // ImportErrors the import system makes without calling `__init__`.
    {
        let td = crate::types::type_data(&e.import_error);
        let mut d = td.dict_mut();
        for attr in ["name", "path", "msg"] {
            let old = d.set_str(vm.intern(attr), Value::None);
            drop(old);
        }
    }
    vm.add_methods(&e.name_error, &[("__init__", name_error_init)]);
    vm.add_methods(&e.attribute_error, &[("__init__", name_error_init)]);
    vm.add_methods(
        &e.os_error,
        &[("__init__", os_error_init), ("__str__", os_error_str)],
    );
    vm.add_methods_kind(
        &e.os_error,
        &[("__new__", os_error_new)],
        MethodKind::Static,
    );
    vm.add_methods(
        &e.syntax_error,
        &[
            ("__init__", syntax_error_init),
            ("__str__", syntax_error_str),
        ],
    );
    vm.add_methods(&e.unicode_error, &[("__str__", unicode_error_str)]);
    for (name, t) in &e.all {
        vm.add_attr(t, "__module__", vm.new_str("builtins"));
        let _ = name;
    }
}
