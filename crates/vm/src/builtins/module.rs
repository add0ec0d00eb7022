//! Module objects.
//! Counterpart: Objects/moduleobject.c (3.11).

use crate::builtins::function::{MethodKind, parse_args};
use crate::object::{ModuleData, Payload, PyObject};
use crate::protocol::attr::str_of;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// A module named `name` whose namespace is `dict`.
pub fn new_module_with_dict(name: &str, dict: PyRef) -> PyRef {
    if let Payload::Dict(d) = &dict.payload {
        let mut d = d.borrow_mut();
        let _ = d.set_str(crate::str::new_str("__name__"), crate::str::str_value(name));
        for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
            if d.get_str(k).is_none() {
                let _ = d.set_str(crate::str::new_str(k), Value::None);
            }
        }
    }
    crate::vm::with_types(|t| PyObject::new(t.module.clone(), Payload::Module(ModuleData { dict })))
}

impl Vm {
    /// A new module with an empty namespace.
    pub fn new_module(&self, name: &str) -> PyRef {
        new_module_with_dict(name, crate::builtins::dict::new_dict())
    }

    /// The namespace of a module object.
    pub fn module_dict(&self, m: &PyRef) -> PyRef {
        match &m.payload {
            Payload::Module(md) => md.dict.clone(),
            _ => self.instance_dict(m),
        }
    }
}

/// `module.__getattribute__`: the namespace, then a module-level `__getattr__` (PEP 562).
pub fn module_getattr(vm: &Vm, m: &PyRef, name: &PyRef) -> PyResult<Value> {
    let n = str_of(name);
    // Data descriptors of the module type first (`__dict__`, `__class__`).
    if n == "__dict__"
        && let Payload::Module(md) = &m.payload
    {
        return Ok(Value::Obj(md.dict.clone()));
    }
    if let Payload::Module(md) = &m.payload
        && let Payload::Dict(d) = &md.dict.payload
    {
        let found = d.borrow().get_str(n).cloned();
        if let Some(v) = found {
            return Ok(v);
        }
    }
    match vm.generic_getattr(&Value::Obj(m.clone()), name) {
        Ok(v) => Ok(v),
        Err(e) if vm.exc_matches(&e, &vm.types.exceptions.attribute_error) => {
            let (getattr, modname) = match &m.payload {
                Payload::Module(md) => match &md.dict.payload {
                    Payload::Dict(d) => {
                        let d = d.borrow();
                        (
                            d.get_str("__getattr__").cloned(),
                            d.get_str("__name__").cloned(),
                        )
                    }
                    _ => (None, None),
                },
                _ => (None, None),
            };
            if let Some(g) = getattr {
                return vm.call(&g, &[Value::Obj(name.clone())]);
            }
            let modname = modname
                .as_ref()
                .and_then(crate::str::as_str)
                .map(|s| s.to_string());
            let msg = match modname {
                Some(mn) => {
                    if crate::import::is_initializing(vm, &mn) {
                        format!(
                            "partially initialized module '{mn}' has no attribute '{n}' (most likely due to a circular import)"
                        )
                    } else {
                        format!("module '{mn}' has no attribute '{n}'")
                    }
                }
                None => format!("module has no attribute '{n}'"),
            };
            let e = vm.attribute_error(msg);
            let _ = vm.set_attr_in_dict(&e, "name", Value::Obj(name.clone()));
            let _ = vm.set_attr_in_dict(&e, "obj", Value::Obj(m.clone()));
            Err(e)
        }
        Err(e) => Err(e),
    }
}

fn module_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("module.__new__(X): X is not a type object"));
    };
    let d = crate::builtins::dict::new_dict();
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Module(ModuleData { dict: d }),
    )))
}

fn module_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(vm, "module", &args[1..], kwnames, &["name", "doc"], 0, 2, 1)?;
    let Some(Payload::Module(md)) = args[0].payload() else {
        return Err(vm.type_error("module.__init__ requires a module"));
    };
    let name = p.get(0).cloned().unwrap_or(Value::None);
    if crate::str::as_str(&name).is_none() {
        return Err(vm.type_error(format!(
            "module() argument 'name' must be str, not {}",
            vm.type_name(&name)
        )));
    }
    if let Payload::Dict(d) = &md.dict.payload {
        let mut d = d.borrow_mut();
        let _ = d.set_str(vm.intern("__name__"), name);
        let _ = d.set_str(
            vm.intern("__doc__"),
            p.get(1).cloned().unwrap_or(Value::None),
        );
        for k in ["__package__", "__loader__", "__spec__"] {
            if d.get_str(k).is_none() {
                let _ = d.set_str(vm.intern(k), Value::None);
            }
        }
    }
    Ok(Value::None)
}

fn module_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = &args[0];
    let name = vm
        .getattr_opt(m, "__name__")?
        .and_then(|n| crate::str::as_str(&n).map(|s| s.to_string()))
        .unwrap_or_else(|| "?".into());
    if let Some(f) = vm.getattr_opt(m, "__file__")?
        && let Some(fs) = crate::str::as_str(&f)
    {
        return Ok(vm.new_string(format!("<module '{name}' from '{fs}'>")));
    }
    if let Some(spec) = vm.getattr_opt(m, "__spec__")?
        && !spec.is_none()
        && let Some(origin) = vm.getattr_opt(&spec, "origin")?
        && crate::str::as_str(&origin) == Some("built-in")
    {
        return Ok(vm.new_string(format!("<module '{name}' (built-in)>")));
    }
    if let Some(loader) = vm.getattr_opt(m, "__loader__")?
        && !loader.is_none()
    {
        return Ok(vm.new_string(format!("<module '{name}' ({})>", vm.repr(&loader)?)));
    }
    Ok(vm.new_string(format!("<module '{name}'>")))
}

fn module_dir(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::Module(md)) = args[0].payload() else {
        return Err(vm.type_error("module required"));
    };
    if let Payload::Dict(d) = &md.dict.payload
        && let Some(dirf) = d.borrow().get_str("__dir__").cloned()
    {
        return vm.call(&dirf, &[]);
    }
    let keys = match &md.dict.payload {
        Payload::Dict(d) => d.borrow().keys(),
        _ => Vec::new(),
    };
    let l = vm.new_list(keys);
    vm.call_method(&l, "sort", &[])?;
    Ok(l)
}

fn module_dict_get(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::Module(md)) => Ok(Value::Obj(md.dict.clone())),
        _ => Err(vm.type_error("module required")),
    }
}

pub fn init(vm: &Vm) {
    let t = &vm.types.module;
    vm.add_methods(
        t,
        &[
            ("__init__", module_init),
            ("__repr__", module_repr),
            ("__dir__", module_dir),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", module_new)], MethodKind::Static);
    vm.add_getsets(t, &[("__dict__", module_dict_get, None)]);
}
