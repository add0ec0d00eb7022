//! The attributes and behaviour of callables and descriptors as Python sees them: function,
//! method, builtin_function_or_method, method_descriptor, getset_descriptor, classmethod,
//! staticmethod, property, super, code.
//! Counterpart: Objects/funcobject.c, Objects/classobject.c, Objects/methodobject.c,
//! Objects/descrobject.c, Objects/typeobject.c (super), Objects/codeobject.c (3.11).

use std::cell::RefCell;

use crate::builtins::function::{FunctionData, MethodKind, check_count, parse_args};
use crate::object::{Payload, PropertyData, PyObject};
use crate::types::type_data;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn func<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a FunctionData> {
    match v.payload() {
        Some(Payload::Function(f)) => Ok(f),
        _ => Err(vm.type_error("expected a function")),
    }
}

macro_rules! func_attr {
    ($get:ident, $set:ident, $field:ident) => {
        fn $get(vm: &Vm, v: &Value) -> PyResult<Value> {
            Ok(func(vm, v)?.$field.borrow().clone())
        }
        fn $set(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
            *func(vm, v)?.$field.borrow_mut() = new.unwrap_or(Value::None);
            Ok(())
        }
    };
}

func_attr!(get_doc, set_doc, doc);
func_attr!(get_module, set_module, module);
func_attr!(get_defaults, set_defaults, defaults);
func_attr!(get_kwdefaults, set_kwdefaults, kwdefaults);

fn get_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(func(vm, v)?.name.borrow().clone())
}

fn set_name(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    match new {
        Some(n) if crate::str::as_str(&n).is_some() => {
            *func(vm, v)?.name.borrow_mut() = n;
            Ok(())
        }
        _ => Err(vm.type_error("__name__ must be set to a string object")),
    }
}

fn get_qualname(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(func(vm, v)?.qualname.borrow().clone())
}

fn set_qualname(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    match new {
        Some(n) if crate::str::as_str(&n).is_some() => {
            *func(vm, v)?.qualname.borrow_mut() = n;
            Ok(())
        }
        _ => Err(vm.type_error("__qualname__ must be set to a string object")),
    }
}

fn get_code(vm: &Vm, v: &Value) -> PyResult<Value> {
    let code = func(vm, v)?.code.borrow().clone();
    Ok(crate::builtins::frame::code_value(vm, &code))
}

fn set_code(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    match new.as_ref().and_then(|n| n.payload()) {
        Some(Payload::Code(c)) => {
            *func(vm, v)?.code.borrow_mut() = c.clone();
            Ok(())
        }
        _ => Err(vm.type_error("__code__ must be set to a code object")),
    }
}

fn get_globals(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(func(vm, v)?.globals.clone()))
}

fn get_builtins(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(func(vm, v)?.builtins.clone()))
}

fn get_closure(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(func(vm, v)?
        .closure
        .clone()
        .map(Value::Obj)
        .unwrap_or(Value::None))
}

fn get_annotations(vm: &Vm, v: &Value) -> PyResult<Value> {
    let f = func(vm, v)?;
    let a = f.annotations.borrow().clone();
    if a.is_none() {
        let d = Value::Obj(crate::builtins::dict::new_dict());
        *f.annotations.borrow_mut() = d.clone();
        return Ok(d);
    }
    Ok(a)
}

fn set_annotations(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    *func(vm, v)?.annotations.borrow_mut() = new.unwrap_or(Value::None);
    Ok(())
}

fn get_dict(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Obj(o) => Ok(Value::Obj(vm.instance_dict(o))),
        _ => Err(vm.type_error("no __dict__")),
    }
}

fn set_dict(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    match (v, new) {
        (Value::Obj(o), Some(Value::Obj(d))) if matches!(d.payload, Payload::Dict(_)) => {
            *o.dict.borrow_mut() = Some(d);
            Ok(())
        }
        _ => Err(vm.type_error("__dict__ must be set to a dictionary")),
    }
}

fn function_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = func(vm, &args[0])?;
    Ok(vm.new_string(format!(
        "<function {} at {:#x}>",
        crate::str::as_str(&f.qualname.borrow()).unwrap_or("?"),
        args[0].id()
    )))
}

/// `function(code, globals, name=None, argdefs=None, closure=None)` (`types.FunctionType`).
fn function_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let params = ["code", "globals", "name", "argdefs", "closure"];
    // Argument Clinic's wording for a missing argument, whatever else was given.
    let npos = args.len() - 1 - kwnames.len();
    for (i, name) in params.iter().enumerate().take(2).skip(npos) {
        if npos <= params.len() && !kwnames.iter().any(|k| crate::str::as_str(k) == Some(name)) {
            return Err(vm.type_error(format!(
                "function() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    let mut p = parse_args(vm, "function", &args[1..], kwnames, &params, 0, 5, 2)?;
    let code_arg = p.take(0).unwrap_or(Value::None);
    let Some(Payload::Code(code)) = code_arg.payload() else {
        return Err(vm.type_error(format!(
            "function() argument 'code' must be code, not {}",
            vm.type_name(&code_arg)
        )));
    };
    let globals = p.take(1).unwrap_or(Value::None);
    let globals = match &globals {
        Value::Obj(g) if matches!(g.payload, Payload::Dict(_)) => g.clone(),
        _ => {
            return Err(vm.type_error(format!(
                "function() argument 'globals' must be dict, not {}",
                vm.type_name(&globals)
            )));
        }
    };
    let name = p.take(2).unwrap_or(Value::None);
    if !name.is_none() && crate::str::as_str(&name).is_none() {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    }
    let defaults = p.take(3).unwrap_or(Value::None);
    if !defaults.is_none() && !matches!(defaults.payload(), Some(Payload::Tuple(_))) {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let closure = p.take(4).unwrap_or(Value::None);
    let cells: &[Value] = match closure.payload() {
        Some(Payload::Tuple(items)) => items,
        _ if closure.is_none() && code.nfree > 0 => {
            return Err(vm.type_error("arg 5 (closure) must be tuple"));
        }
        _ if closure.is_none() => &[],
        _ => return Err(vm.type_error("arg 5 (closure) must be None or tuple")),
    };
    if cells.len() != code.nfree {
        return Err(vm.value_error(format!(
            "{} requires closure of length {}, not {}",
            crate::protocol::attr::str_of(&code.name),
            code.nfree,
            cells.len()
        )));
    }
    if let Some(bad) = cells
        .iter()
        .find(|c| !matches!(c.payload(), Some(Payload::Cell(_))))
    {
        return Err(vm.type_error(format!(
            "arg 5 (closure) expected cell, found {}",
            vm.type_name(bad)
        )));
    }
    let doc = code.docstring(vm);
    let module = match &globals.payload {
        Payload::Dict(d) => d.borrow().get_str("__name__").cloned(),
        _ => None,
    };
    let fd = FunctionData {
        name: RefCell::new(if name.is_none() {
            Value::Obj(code.name.clone())
        } else {
            name
        }),
        qualname: RefCell::new(Value::Obj(code.qualname.clone())),
        code: RefCell::new(code.clone()),
        builtins: vm.builtins_for(&globals),
        globals,
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(Value::None),
        closure: closure.as_obj().cloned(),
        doc: RefCell::new(doc),
        annotations: RefCell::new(Value::None),
        module: RefCell::new(module.unwrap_or(Value::None)),
    };
    Ok(Value::Obj(PyObject::new(
        vm.types.function.clone(),
        Payload::Function(Box::new(fd)),
    )))
}

/// `method(function, instance)` (`types.MethodType`): `function` bound to `instance`.
fn method_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "method", &args[1..], kwnames, 2, 2)?;
    if !crate::builtins::itertools::is_callable(vm, &args[1]) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if args[2].is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(vm.new_bound_method(args[1].clone(), args[2].clone()))
}

fn function_get(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(args[0].clone());
    }
    Ok(vm.new_bound_method(args[0].clone(), obj))
}

fn function_call(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.call_with_kwnames(&args[0], &args[1..], kw)
}

// ---- bound methods ----

fn method_parts(vm: &Vm, v: &Value) -> PyResult<(Value, Value)> {
    match v.payload() {
        Some(Payload::BoundMethod { func, self_ }) => Ok((func.clone(), self_.clone())),
        _ => Err(vm.type_error("expected a method")),
    }
}

fn method_func(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(method_parts(vm, v)?.0)
}

fn method_self(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(method_parts(vm, v)?.1)
}

fn method_doc(vm: &Vm, v: &Value) -> PyResult<Value> {
    let (f, _) = method_parts(vm, v)?;
    Ok(vm.getattr_opt(&f, "__doc__")?.unwrap_or(Value::None))
}

fn method_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, s) = method_parts(vm, &args[0])?;
    let name = match vm.getattr_opt(&f, "__qualname__")? {
        Some(q) => crate::str::as_str(&q).unwrap_or("?").to_string(),
        None => "?".into(),
    };
    Ok(vm.new_string(format!("<bound method {name} of {}>", vm.repr(&s)?)))
}

fn method_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f1, s1) = method_parts(vm, &args[0])?;
    let Ok((f2, s2)) = method_parts(vm, &args[1]) else {
        return Ok(vm.not_implemented());
    };
    Ok(Value::bool(vm.eq(&f1, &f2)? && s1.is(&s2)))
}

fn method_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, s) = method_parts(vm, &args[0])?;
    Ok(Value::Int(
        vm.hash(&f)? ^ crate::protocol::compare::id_hash(&s),
    ))
}

fn method_getattr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, _) = method_parts(vm, &args[0])?;
    let Value::Obj(name) = &args[1] else {
        return Err(vm.type_error("attribute name must be string"));
    };
    vm.getattr(&f, name)
}

// ---- builtin functions and method descriptors ----

fn builtin_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some(Payload::BuiltinFunction(bf)) = args[0].payload()
        && let Some(s) = &bf.self_
        && vm.type_name(&args[0]) == "method-wrapper"
    {
        return Ok(vm.new_string(format!(
            "<method-wrapper '{}' of {} object at {:#x}>",
            bf.name,
            vm.type_name(s),
            s.id()
        )));
    }
    match args[0].payload() {
        Some(Payload::BuiltinFunction(bf)) => Ok(vm.new_string(match (&bf.self_, bf.owner) {
            (Some(s), Some(_)) => format!(
                "<built-in method {} of {} object at {:#x}>",
                bf.name,
                vm.type_name(s),
                s.id()
            ),
            _ => format!("<built-in function {}>", bf.name),
        })),
        _ => Err(vm.type_error("expected a builtin function")),
    }
}

fn builtin_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::BuiltinFunction(bf)) => Ok(vm.new_str(bf.name)),
        Some(Payload::MethodDescriptor(md)) => Ok(vm.new_str(md.name)),
        Some(Payload::GetSet(g)) => Ok(vm.new_str(g.name)),
        _ => Err(vm.type_error("expected a builtin")),
    }
}

fn builtin_qualname(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::BuiltinFunction(bf)) => Ok(match (bf.owner, &bf.self_) {
            (Some(_), Some(s)) => {
                let owner = match vm.is_type(s) {
                    Some(t) => type_data(&t).name.borrow().clone(),
                    None => vm.type_name(s),
                };
                vm.new_string(format!("{owner}.{}", bf.name))
            }
            (Some(o), None) => vm.new_string(format!("{o}.{}", bf.name)),
            _ => vm.new_str(bf.name),
        }),
        Some(Payload::MethodDescriptor(md)) => {
            Ok(vm.new_string(format!("{}.{}", md.owner, md.name)))
        }
        Some(Payload::GetSet(g)) => Ok(vm.new_string(format!("{}.{}", g.owner, g.name))),
        _ => Err(vm.type_error("expected a builtin")),
    }
}

fn builtin_self(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::BuiltinFunction(bf)) => Ok(bf
            .self_
            .clone()
            .unwrap_or_else(|| vm.modules_get("builtins").unwrap_or(Value::None))),
        _ => Err(vm.type_error("expected a builtin")),
    }
}

fn builtin_module(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::BuiltinFunction(bf)) if bf.self_.is_none() => Ok(vm.new_str("builtins")),
        _ => Ok(Value::None),
    }
}

fn builtin_doc(_vm: &Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::None)
}

fn descr_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match args[0].payload() {
        Some(Payload::MethodDescriptor(md)) => Ok(vm.new_string(
            if vm.type_name(&args[0]) == "wrapper_descriptor" {
                format!("<slot wrapper '{}' of '{}' objects>", md.name, md.owner)
            } else {
                format!("<method '{}' of '{}' objects>", md.name, md.owner)
            },
        )),
        Some(Payload::GetSet(g)) => {
            Ok(vm.new_string(format!("<attribute '{}' of '{}' objects>", g.name, g.owner)))
        }
        _ => Err(vm.type_error("expected a descriptor")),
    }
}

fn descr_get_m(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    let owner = match args.get(2) {
        Some(o) if !o.is_none() => vm.is_type(o).unwrap_or_else(|| vm.class_of(&obj).clone()),
        _ => vm.class_of(&obj).clone(),
    };
    if obj.is_none() {
        return vm.descr_get(&args[0], None, &owner);
    }
    vm.descr_get(&args[0], Some(&obj), &owner)
}

fn getset_set(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__set__", &args[1..], kw, 2, 2)?;
    match args[0].payload() {
        Some(Payload::GetSet(g)) => match g.set {
            Some(set) => set(vm, &args[1], Some(args[2].clone())).map(|_| Value::None),
            None => Err(vm.attribute_error(format!(
                "attribute '{}' of '{}' objects is not writable",
                g.name, g.owner
            ))),
        },
        _ => Err(vm.type_error("expected a getset descriptor")),
    }
}

fn objclass(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::MethodDescriptor(md)) => md
            .owner_type
            .upgrade()
            .map(Value::Obj)
            .ok_or_else(|| vm.attribute_error("__objclass__")),
        _ => Err(vm.attribute_error("__objclass__")),
    }
}

// ---- classmethod / staticmethod ----

fn wrapped<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RefCell<Value>> {
    match v.payload() {
        Some(Payload::ClassMethod(f)) | Some(Payload::StaticMethod(f)) => Ok(f),
        _ => Err(vm.type_error("expected a classmethod or staticmethod")),
    }
}

fn cm_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("classmethod.__new__(X): X is not a type object"));
    };
    let f = args.get(1).cloned().unwrap_or(Value::None);
    let payload = if crate::types::is_subtype(&cls, &vm.types.staticmethod) {
        Payload::StaticMethod(RefCell::new(f))
    } else {
        Payload::ClassMethod(RefCell::new(f))
    };
    Ok(Value::Obj(PyObject::new(cls, payload)))
}

fn cm_init(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let name = if matches!(args[0].payload(), Some(Payload::StaticMethod(_))) {
        "staticmethod"
    } else {
        "classmethod"
    };
    check_count(vm, name, &args[1..], kw, 1, 1)?;
    *wrapped(vm, &args[0])?.borrow_mut() = args[1].clone();
    // Copy the wrapped function's metadata (functools.wraps-like, as 3.10+ does).
    if let Value::Obj(o) = &args[0] {
        for attr in ["__module__", "__name__", "__qualname__", "__doc__"] {
            if let Some(v) = vm.getattr_opt(&args[1], attr)? {
                let _ = vm.set_attr_in_dict(o, attr, v);
            }
        }
        let _ = vm.set_attr_in_dict(o, "__wrapped__", args[1].clone());
    }
    Ok(Value::None)
}

fn cm_func(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(wrapped(vm, v)?.borrow().clone())
}

fn cm_isabstract(vm: &Vm, v: &Value) -> PyResult<Value> {
    let f = wrapped(vm, v)?.borrow().clone();
    match vm.getattr_opt(&f, "__isabstractmethod__")? {
        Some(x) => Ok(Value::bool(vm.truthy(&x)?)),
        None => Ok(Value::FALSE),
    }
}

fn sm_call(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let f = wrapped(vm, &args[0])?.borrow().clone();
    vm.call_with_kwnames(&f, &args[1..], kw)
}

fn cm_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = wrapped(vm, &args[0])?.borrow().clone();
    Ok(vm.new_string(format!("<{}({})>", vm.type_name(&args[0]), vm.repr(&f)?)))
}

// ---- property ----

fn prop<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a PropertyData> {
    match v.payload() {
        Some(Payload::Property(p)) => Ok(p),
        _ => Err(vm.type_error("expected a property")),
    }
}

fn property_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("property.__new__(X): X is not a type object"));
    };
    let p = parse_args(
        vm,
        "property",
        &args[1..],
        kwnames,
        &["fget", "fset", "fdel", "doc"],
        0,
        4,
        0,
    )?;
    let get = |i: usize| p.get(i).cloned().unwrap_or(Value::None);
    let mut doc = get(3);
    if doc.is_none() {
        let fget = get(0);
        if !fget.is_none()
            && let Some(d) = vm.getattr_opt(&fget, "__doc__")?
        {
            doc = d;
        }
    }
    let data = PropertyData {
        fget: get(0),
        fset: get(1),
        fdel: get(2),
        doc: RefCell::new(doc),
        name: RefCell::new(Value::None),
    };
    let obj = PyObject::new(cls.clone(), Payload::Property(Box::new(data)));
    Ok(Value::Obj(obj))
}

fn property_init(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn property_set_name(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__set_name__", &args[1..], kw, 2, 2)?;
    let old = std::mem::replace(&mut *prop(vm, &args[0])?.name.borrow_mut(), args[2].clone());
    drop(old);
    Ok(Value::None)
}

fn property_copy(
    vm: &Vm,
    this: &Value,
    fget: Option<Value>,
    fset: Option<Value>,
    fdel: Option<Value>,
) -> PyResult<Value> {
    let p = prop(vm, this)?;
    let fget = fget.unwrap_or_else(|| p.fget.clone());
    let fset = fset.unwrap_or_else(|| p.fset.clone());
    let fdel = fdel.unwrap_or_else(|| p.fdel.clone());
    let doc = p.doc.borrow().clone();
    let cls = vm.type_value(this);
    vm.call(&cls, &[fget, fset, fdel, doc])
}

fn property_getter(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "getter", &args[1..], kw, 1, 1)?;
    property_copy(vm, &args[0], Some(args[1].clone()), None, None)
}

fn property_setter(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "setter", &args[1..], kw, 1, 1)?;
    property_copy(vm, &args[0], None, Some(args[1].clone()), None)
}

fn property_deleter(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "deleter", &args[1..], kw, 1, 1)?;
    property_copy(vm, &args[0], None, None, Some(args[1].clone()))
}

fn property_get_m(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(args[0].clone());
    }
    let owner = vm.class_of(&obj).clone();
    vm.descr_get(&args[0], Some(&obj), &owner)
}

fn property_set_m(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__set__", &args[1..], kw, 2, 2)?;
    let p = prop(vm, &args[0])?;
    if p.fset.is_none() {
        return Err(vm.attribute_error("can't set attribute"));
    }
    vm.call(&p.fset, &[args[1].clone(), args[2].clone()])?;
    Ok(Value::None)
}

fn property_delete_m(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__delete__", &args[1..], kw, 1, 1)?;
    let p = prop(vm, &args[0])?;
    if p.fdel.is_none() {
        return Err(vm.attribute_error("can't delete attribute"));
    }
    vm.call(&p.fdel, &[args[1].clone()])?;
    Ok(Value::None)
}

fn p_fget(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(prop(vm, v)?.fget.clone())
}
fn p_fset(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(prop(vm, v)?.fset.clone())
}
fn p_fdel(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(prop(vm, v)?.fdel.clone())
}
fn p_doc(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(prop(vm, v)?.doc.borrow().clone())
}
fn p_set_doc(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    *prop(vm, v)?.doc.borrow_mut() = new.unwrap_or(Value::None);
    Ok(())
}
fn p_isabstract(vm: &Vm, v: &Value) -> PyResult<Value> {
    let p = prop(vm, v)?;
    for f in [&p.fget, &p.fset, &p.fdel] {
        if let Some(x) = vm.getattr_opt(f, "__isabstractmethod__")?
            && vm.truthy(&x)?
        {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

// ---- super ----

fn super_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    let (start, obj) = match args.len() - 1 {
        0 => zero_arg_super(vm)?,
        1 => (args[1].clone(), Value::None),
        2 => (args[1].clone(), args[2].clone()),
        n => return Err(vm.type_error(format!("super() takes at most 2 arguments ({n} given)"))),
    };
    let Some(start_t) = vm.is_type(&start) else {
        return Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(&start)
        )));
    };
    if !obj.is_none() {
        let ok = crate::types::is_subtype(vm.class_of(&obj), &start_t)
            || vm
                .is_type(&obj)
                .is_some_and(|t| crate::types::is_subtype(&t, &start_t));
        if !ok {
            return Err(
                vm.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
    }
    Ok(Value::Obj(PyObject::new(
        vm.types.super_.clone(),
        Payload::Super(start, obj),
    )))
}

/// `super()` without arguments: `__class__` and the first argument of the calling frame.
fn zero_arg_super(vm: &Vm) -> PyResult<(Value, Value)> {
    let frames = vm.frames.borrow();
    let Some(f) = frames.last() else {
        return Err(vm.runtime_error("super(): no current frame"));
    };
    let code = &f.code;
    if code.argcount() == 0 && code.flags() & rpy_marshal::code::flags::VARARGS == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let mut first = f.slots.first().cloned().unwrap_or(Value::Null);
    if code.kind(0) & rpy_marshal::code::kinds::CELL != 0 {
        let inner = match first.payload() {
            Some(Payload::Cell(c)) => Some(c.borrow().clone()),
            _ => None,
        };
        if let Some(v) = inner {
            first = v;
        }
    }
    if first.is_null() {
        return Err(vm.runtime_error("super(): arg[0] deleted"));
    }
    for (i, name) in code.body().localsplus_names.iter().enumerate() {
        if crate::protocol::attr::str_of(name) == "__class__"
            && code.kind(i) & rpy_marshal::code::kinds::FREE != 0
        {
            let cell = f.slots.get(i).cloned().unwrap_or(Value::Null);
            let cls = crate::builtins::cell::get(&cell);
            if cls.is_null() {
                return Err(vm.runtime_error("super(): empty __class__ cell"));
            }
            if vm.is_type(&cls).is_none() {
                return Err(vm.runtime_error(format!(
                    "super(): __class__ is not a type ({})",
                    vm.type_name(&cls)
                )));
            }
            return Ok((cls, first));
        }
    }
    Err(vm.runtime_error("super(): __class__ cell not found"))
}

fn super_parts(vm: &Vm, v: &Value) -> PyResult<(Value, Value)> {
    match v.payload() {
        Some(Payload::Super(t, o)) => Ok((t.clone(), o.clone())),
        _ => Err(vm.type_error("expected a super object")),
    }
}

fn super_getattribute(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (start, obj) = super_parts(vm, &args[0])?;
    let Value::Obj(name) = &args[1] else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let n = crate::protocol::attr::str_of(name);
    if !obj.is_none() && n != "__class__" {
        let obj_type = match vm.is_type(&obj) {
            Some(t)
                if !crate::types::is_subtype(
                    vm.class_of(&obj),
                    &vm.is_type(&start).unwrap_or(t.clone()),
                ) =>
            {
                t
            }
            _ => vm.class_of(&obj).clone(),
        };
        let mro = type_data(&obj_type).mro.borrow().clone();
        let start_t = vm.is_type(&start);
        let pos = mro
            .iter()
            .position(|t| start_t.as_ref().is_some_and(|s| std::rc::Rc::ptr_eq(t, s)));
        if let Some(p) = pos {
            for t in &mro[p + 1..] {
                if let Some(v) = type_data(t).own(n) {
                    let inst = if vm
                        .is_type(&obj)
                        .is_some_and(|o| std::rc::Rc::ptr_eq(&o, &obj_type))
                    {
                        None
                    } else {
                        Some(&obj)
                    };
                    return vm.descr_get(&v, inst, &obj_type);
                }
            }
        }
    }
    vm.generic_getattr(&args[0], name).map_err(|e| {
        if vm.exc_matches(&e, &vm.types.exceptions.attribute_error) {
            vm.attribute_error(format!("'super' object has no attribute '{n}'"))
        } else {
            e
        }
    })
}

fn super_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, o) = super_parts(vm, &args[0])?;
    let tn = vm
        .is_type(&t)
        .map(|t| type_data(&t).name.borrow().clone())
        .unwrap_or_default();
    Ok(vm.new_string(if o.is_none() {
        format!("<super: <class '{tn}'>, NULL>")
    } else {
        format!("<super: <class '{tn}'>, <{} object>>", vm.type_name(&o))
    }))
}

fn super_thisclass(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(super_parts(vm, v)?.0)
}

fn super_self(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(super_parts(vm, v)?.1)
}

fn super_self_class(vm: &Vm, v: &Value) -> PyResult<Value> {
    let (_, o) = super_parts(vm, v)?;
    if o.is_none() {
        return Ok(Value::None);
    }
    Ok(match vm.is_type(&o) {
        Some(t) => Value::Obj(t),
        None => vm.type_value(&o),
    })
}

// ---- code ----

fn code_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a std::rc::Rc<crate::code::Code>> {
    match v.payload() {
        Some(Payload::Code(c)) => Ok(c),
        _ => Err(vm.type_error("expected a code object")),
    }
}

macro_rules! code_int_attr {
    ($( $fname:ident, $expr:expr; )*) => {
        $(
            fn $fname(vm: &Vm, v: &Value) -> PyResult<Value> {
                let c = code_of(vm, v)?;
                let f: fn(&crate::code::Code) -> i64 = $expr;
                Ok(Value::Int(f(c)))
            }
        )*
    };
}

code_int_attr! {
    co_argcount, |c| c.obj.argcount as i64;
    co_posonlyargcount, |c| c.obj.posonlyargcount as i64;
    co_kwonlyargcount, |c| c.obj.kwonlyargcount as i64;
    co_stacksize, |c| c.obj.stacksize as i64;
    co_flags, |c| c.obj.flags as i64;
    co_firstlineno, |c| c.obj.firstlineno as i64;
    co_nlocals, |c| c.obj.nlocals() as i64;
}

fn names_tuple(vm: &Vm, names: Vec<rpy_marshal::PyStr>) -> Value {
    vm.new_tuple(
        names
            .iter()
            .map(|n| vm.new_string(n.to_string_lossy()))
            .collect(),
    )
}

fn co_varnames(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(names_tuple(vm, code_of(vm, v)?.obj.varnames()))
}
fn co_cellvars(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(names_tuple(vm, code_of(vm, v)?.obj.cellvars()))
}
fn co_freevars(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(names_tuple(vm, code_of(vm, v)?.obj.freevars()))
}
fn co_names(vm: &Vm, v: &Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    Ok(vm.new_tuple(
        c.built(vm)
            .names
            .iter()
            .map(|n| Value::Obj(n.clone()))
            .collect(),
    ))
}
fn co_consts(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_tuple(code_of(vm, v)?.built(vm).consts.to_vec()))
}
fn co_code(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::builtins::bytes::new_bytes(
        vm,
        code_of(vm, v)?.obj.code.to_vec(),
    ))
}
/// `code._varname_from_oparg(oparg)`: the local, cell or free variable an oparg names (what
/// `dis` prints for LOAD_FAST, LOAD_DEREF…).
fn code_varname_from_oparg(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::builtins::function::check_count(vm, "_varname_from_oparg", &args[1..], kw, 1, 1)?;
    let c = code_of(vm, &args[0])?;
    let i = vm.index_i64(&args[1])?;
    usize::try_from(i)
        .ok()
        .and_then(|i| c.built(vm).localsplus_names.get(i))
        .map(|n| Value::Obj(n.clone()))
        .ok_or_else(|| vm.index_error("tuple index out of range"))
}

fn co_linetable(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::builtins::bytes::new_bytes(
        vm,
        code_of(vm, v)?.obj.linetable.to_vec(),
    ))
}
fn co_exceptiontable(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::builtins::bytes::new_bytes(
        vm,
        code_of(vm, v)?.obj.exceptiontable.to_vec(),
    ))
}
fn co_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(code_of(vm, v)?.name.clone()))
}
fn co_qualname(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(code_of(vm, v)?.qualname.clone()))
}
fn co_filename(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(code_of(vm, v)?.filename.clone()))
}

fn opt_int(v: Option<i32>) -> Value {
    v.map(|i| Value::Int(i as i64)).unwrap_or(Value::None)
}

fn code_positions(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = code_of(vm, &args[0])?;
    let items: Vec<Value> = c
        .positions()
        .iter()
        .map(|p| {
            vm.new_tuple(vec![
                opt_int(p.line),
                opt_int(p.end_line),
                opt_int(p.col),
                opt_int(p.end_col),
            ])
        })
        .collect();
    vm.get_iter(&vm.new_list(items))
}

fn code_lines(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = code_of(vm, &args[0])?;
    let items: Vec<Value> = c
        .obj
        .lines()
        .iter()
        .map(|r| {
            vm.new_tuple(vec![
                Value::Int(r.start as i64),
                Value::Int(r.end as i64),
                opt_int(r.line),
            ])
        })
        .collect();
    vm.get_iter(&vm.new_list(items))
}

fn code_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = code_of(vm, &args[0])?;
    Ok(vm.new_string(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        crate::protocol::attr::str_of(&c.name),
        args[0].id(),
        crate::protocol::attr::str_of(&c.filename),
        c.obj.firstlineno
    )))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.function;
    vm.add_methods(
        t,
        &[
            ("__repr__", function_repr),
            ("__get__", function_get),
            ("__call__", function_call),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", function_new)], MethodKind::Static);
    vm.add_getsets(
        t,
        &[
            ("__name__", get_name, Some(set_name)),
            ("__qualname__", get_qualname, Some(set_qualname)),
            ("__doc__", get_doc, Some(set_doc)),
            ("__module__", get_module, Some(set_module)),
            ("__defaults__", get_defaults, Some(set_defaults)),
            ("__kwdefaults__", get_kwdefaults, Some(set_kwdefaults)),
            ("__code__", get_code, Some(set_code)),
            ("__globals__", get_globals, None),
            ("__builtins__", get_builtins, None),
            ("__closure__", get_closure, None),
            ("__annotations__", get_annotations, Some(set_annotations)),
            ("__dict__", get_dict, Some(set_dict)),
        ],
    );
    let t = &vm.types.method;
    vm.add_methods(
        t,
        &[
            ("__repr__", method_repr),
            ("__eq__", method_eq),
            ("__hash__", method_hash),
            ("__getattr__", method_getattr),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", method_new)], MethodKind::Static);
    vm.add_getsets(
        t,
        &[
            ("__func__", method_func, None),
            ("__self__", method_self, None),
            ("__doc__", method_doc, None),
        ],
    );
    let wrapper = vm.types.other("method-wrapper");
    let slot = vm.types.other("wrapper_descriptor");
    let t = &vm.types.builtin_function;
    for t in [t, &wrapper] {
        vm.add_methods(t, &[("__repr__", builtin_repr)]);
        vm.add_getsets(
            t,
            &[
                ("__name__", builtin_name, None),
                ("__qualname__", builtin_qualname, None),
                ("__self__", builtin_self, None),
                ("__module__", builtin_module, None),
                ("__doc__", builtin_doc, None),
            ],
        );
    }
    vm.add_methods(&slot, &[("__repr__", descr_repr), ("__get__", descr_get_m)]);
    vm.add_getsets(
        &slot,
        &[
            ("__name__", builtin_name, None),
            ("__qualname__", builtin_qualname, None),
            ("__objclass__", objclass, None),
            ("__doc__", builtin_doc, None),
        ],
    );
    vm.add_getsets(
        t,
        &[
            ("__name__", builtin_name, None),
            ("__qualname__", builtin_qualname, None),
            ("__self__", builtin_self, None),
            ("__module__", builtin_module, None),
            ("__doc__", builtin_doc, None),
        ],
    );
    for t in [&vm.types.method_descriptor, &vm.types.getset_descriptor] {
        vm.add_methods(t, &[("__repr__", descr_repr), ("__get__", descr_get_m)]);
        vm.add_getsets(
            t,
            &[
                ("__name__", builtin_name, None),
                ("__qualname__", builtin_qualname, None),
                ("__objclass__", objclass, None),
                ("__doc__", builtin_doc, None),
            ],
        );
    }
    vm.add_methods(&vm.types.getset_descriptor, &[("__set__", getset_set)]);
    for t in [&vm.types.classmethod, &vm.types.staticmethod] {
        vm.add_methods(
            t,
            &[
                ("__init__", cm_init),
                ("__get__", descr_get_m),
                ("__repr__", cm_repr),
            ],
        );
        vm.add_methods_kind(t, &[("__new__", cm_new)], MethodKind::Static);
        vm.add_getsets(
            t,
            &[
                ("__func__", cm_func, None),
                ("__isabstractmethod__", cm_isabstract, None),
            ],
        );
    }
    vm.add_methods(&vm.types.staticmethod, &[("__call__", sm_call)]);
    let t = &vm.types.property;
    vm.add_methods(
        t,
        &[
            ("__init__", property_init),
            ("__set_name__", property_set_name),
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get_m),
            ("__set__", property_set_m),
            ("__delete__", property_delete_m),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", property_new)], MethodKind::Static);
    vm.add_getsets(
        t,
        &[
            ("fget", p_fget, None),
            ("fset", p_fset, None),
            ("fdel", p_fdel, None),
            ("__doc__", p_doc, Some(p_set_doc)),
            ("__isabstractmethod__", p_isabstract, None),
        ],
    );
    let t = &vm.types.super_;
    vm.add_methods(
        t,
        &[
            ("__getattribute__", super_getattribute),
            ("__repr__", super_repr),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", super_new)], MethodKind::Static);
    vm.add_getsets(
        t,
        &[
            ("__thisclass__", super_thisclass, None),
            ("__self__", super_self, None),
            ("__self_class__", super_self_class, None),
        ],
    );
    let t = &vm.types.code;
    vm.add_methods(
        t,
        &[
            ("co_positions", code_positions),
            ("co_lines", code_lines),
            ("_varname_from_oparg", code_varname_from_oparg),
            ("__repr__", code_repr),
            ("replace", crate::builtins::code_type::code_replace),
            ("__eq__", crate::builtins::code_type::code_eq),
            ("__ne__", crate::builtins::code_type::code_ne),
            ("__hash__", crate::builtins::code_type::code_hash),
        ],
    );
    vm.add_methods_kind(
        t,
        &[("__new__", crate::builtins::code_type::code_new)],
        MethodKind::Static,
    );
    vm.add_getsets(
        t,
        &[
            ("co_argcount", co_argcount, None),
            ("co_posonlyargcount", co_posonlyargcount, None),
            ("co_kwonlyargcount", co_kwonlyargcount, None),
            ("co_stacksize", co_stacksize, None),
            ("co_flags", co_flags, None),
            ("co_firstlineno", co_firstlineno, None),
            ("co_nlocals", co_nlocals, None),
            ("co_varnames", co_varnames, None),
            ("co_cellvars", co_cellvars, None),
            ("co_freevars", co_freevars, None),
            ("co_names", co_names, None),
            ("co_consts", co_consts, None),
            ("co_code", co_code, None),
            ("_co_code_adaptive", co_code, None),
            ("co_linetable", co_linetable, None),
            ("co_exceptiontable", co_exceptiontable, None),
            ("co_name", co_name, None),
            ("co_qualname", co_qualname, None),
            ("co_filename", co_filename, None),
        ],
    );
}
