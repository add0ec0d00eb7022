//! `object`: the root of every class.
//! Counterpart: Objects/typeobject.c `object_*` functions (3.11).

use std::cell::RefCell;

use crate::builtins::function::check_count;
use crate::object::{Payload, PyObject};
use crate::protocol::CmpOp;
use crate::types::{Layout, flags, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &Vm) {
    let t = &vm.types.object;
    vm.add_methods(
        t,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__hash__", object_hash),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__lt__", object_not_implemented),
            ("__le__", object_not_implemented),
            ("__gt__", object_not_implemented),
            ("__ge__", object_not_implemented),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__format__", object_format),
            ("__dir__", object_dir),
            ("__reduce_ex__", object_reduce_ex),
            ("__reduce__", object_reduce),
            ("__getstate__", object_getstate),
            ("__sizeof__", object_sizeof),
        ],
    );
    vm.add_methods_kind(
        t,
        &[("__new__", object_new)],
        crate::builtins::function::MethodKind::Static,
    );
    vm.add_methods_kind(
        t,
        &[
            ("__init_subclass__", object_init_subclass),
            ("__subclasshook__", object_subclasshook),
        ],
        crate::builtins::function::MethodKind::Class,
    );
    vm.add_getsets(t, &[("__class__", get_class, Some(set_class))]);
    vm.add_attr(t, "__doc__", vm.new_str("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"));
}

/// `object.__new__(cls, ...)`: a plain instance (or one with the layout of a built-in base).
/// "Can't instantiate abstract class A with abstract methods f, g": the names sorted and
/// joined as CPython 3.11 does (errors of the sort or of a non-str name propagate).
fn abstract_class_error(vm: &Vm, cls: &PyRef) -> crate::vm::PyErr {
    let td = type_data(cls);
    let Some(abstracts) = td.lookup("__abstractmethods__") else {
        return vm.attribute_error("__abstractmethods__");
    };
    let names = match vm.iterate(&abstracts) {
        Ok(n) => vm.new_list(n),
        Err(e) => return e,
    };
    if let Err(e) = vm.call_method(&names, "sort", &[]) {
        return e;
    }
    let items = match names.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    };
    let mut joined = Vec::with_capacity(items.len());
    for (i, n) in items.iter().enumerate() {
        match crate::str::as_str(n) {
            Some(s) => joined.push(s.to_string()),
            None => {
                return vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(n)
                ));
            }
        }
    }
    vm.type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        td.name.borrow(),
        if joined.len() > 1 { "s" } else { "" },
        joined.join(", ")
    ))
}

pub fn object_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    let td = type_data(&cls);
    if args.len() > 1 || !kwnames.is_empty() {
        // Extra arguments are an error unless __init__ is overridden and __new__ is not.
        let overrides_init = td
            .lookup("__init__")
            .is_some_and(|i| !is_object_method(&i, "__init__"));
        let overrides_new = td
            .lookup("__new__")
            .is_some_and(|n| !is_object_static_new(&n));
        if overrides_new || !overrides_init {
            return Err(vm.type_error(format!("{}() takes no arguments", td.name.borrow())));
        }
    }
    if td.has_flag(flags::ABSTRACT) {
        return Err(abstract_class_error(vm, &cls));
    }
    if td.layout == Layout::Native {
        return Err(vm.type_error(format!("cannot create '{}' instances", td.name.borrow())));
    }
    if td.layout != Layout::Object {
        return Err(vm.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            td.name.borrow(),
            td.name.borrow()
        )));
    }
    Ok(Value::Obj(new_instance(vm, &cls, instance_payload(&cls))))
}

/// The payload `object.__new__` gives an instance of `cls`: its `__slots__`, if any.
pub fn instance_payload(cls: &crate::value::PyRef) -> Payload {
    let n = crate::builtins::misc::slot_count(cls);
    if n == 0 {
        Payload::Object
    } else {
        Payload::Slots(RefCell::new(vec![Value::Null; n].into_boxed_slice()))
    }
}

/// An instance of `cls` with `payload`, with a `__dict__` if the class gives instances one.
pub fn new_instance(vm: &Vm, cls: &crate::value::PyRef, payload: Payload) -> crate::value::PyRef {
    let _ = vm;
    PyObject::new(cls.clone(), payload)
}

fn is_object_method(v: &Value, name: &str) -> bool {
    matches!(v.payload(), Some(Payload::MethodDescriptor(md)) if md.owner == "object" && md.name == name)
}

pub(crate) fn is_object_static_new(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::StaticMethod(f)) => {
            matches!(f.borrow().payload(), Some(Payload::BuiltinFunction(bf)) if bf.owner == Some("object") && bf.name == "__new__")
        }
        _ => false,
    }
}

fn object_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kwnames.is_empty() {
        let td = type_data(vm.class_of(&args[0]));
        let overrides_new = td
            .lookup("__new__")
            .is_some_and(|n| !is_object_static_new(&n));
        let overrides_init = td
            .lookup("__init__")
            .is_some_and(|i| !is_object_method(&i, "__init__"));
        if overrides_init || !overrides_new {
            return Err(vm.type_error(if overrides_init {
                "object.__init__() takes exactly one argument (the instance to initialize)"
                    .to_string()
            } else {
                format!("{}() takes no arguments", td.name.borrow())
            }));
        }
    }
    Ok(Value::None)
}

fn object_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_string(vm.default_repr(&args[0])))
}

fn object_str(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_string(vm.repr(&args[0])?))
}

fn object_hash(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(crate::protocol::compare::id_hash(&args[0])))
}

fn object_eq(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__eq__", &args[1..], kw, 1, 1)?;
    Ok(if args[0].is(&args[1]) {
        Value::TRUE
    } else {
        vm.not_implemented()
    })
}

fn object_ne(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__ne__", &args[1..], kw, 1, 1)?;
    // Delegates to __eq__ and inverts, unless NotImplemented.
    let eq = match vm.lookup_special(&args[0], "__eq__") {
        Some(m) => vm.call(&m, &[args[0].clone(), args[1].clone()])?,
        None => vm.not_implemented(),
    };
    if vm.is_not_implemented(&eq) {
        return Ok(eq);
    }
    Ok(Value::bool(!vm.truthy(&eq)?))
}

fn object_not_implemented(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn object_getattribute(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__getattribute__", &args[1..], kw, 1, 1)?;
    let Value::Obj(name) = &args[1] else {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&args[1])
        )));
    };
    if let Payload::Type(_) = args[0].payload().unwrap_or(&Payload::Object)
        && let Value::Obj(t) = &args[0]
    {
        return vm.type_getattr(t, name);
    }
    vm.generic_getattr(&args[0], name)
}

fn object_setattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__setattr__", &args[1..], kw, 2, 2)?;
    let Value::Obj(name) = &args[1] else {
        return Err(vm.type_error("attribute name must be string"));
    };
    set_or_delete(vm, &args[0], name, Some(args[2].clone()))
}

/// `object.__setattr__`/`__delattr__`; on a class (reached through `super()` in a
/// metaclass) they act as `type.__setattr__`/`__delattr__`: on the class namespace.
fn set_or_delete(vm: &Vm, obj: &Value, name: &PyRef, value: Option<Value>) -> PyResult<Value> {
    if let Value::Obj(t) = obj
        && let Payload::Type(td) = &t.payload
    {
        vm.type_setattr(t, td, name, value)?;
    } else {
        vm.generic_setattr(obj, name, value)?;
    }
    Ok(Value::None)
}

fn object_delattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__delattr__", &args[1..], kw, 1, 1)?;
    let Value::Obj(name) = &args[1] else {
        return Err(vm.type_error("attribute name must be string"));
    };
    set_or_delete(vm, &args[0], name, None)
}

fn object_format(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__format__", &args[1..], kw, 1, 1)?;
    let spec = crate::str::as_str(&args[1]).ok_or_else(|| {
        vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&args[1])
        ))
    })?;
    if !spec.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&args[0])
        )));
    }
    vm.str_obj(&args[0])
}

/// `object.__dir__`: the keys of the object's `__dict__` attribute, then those of the class
/// its `__class__` attribute names and of that class's `__bases__`, recursively (all looked
/// up as attributes, so proxies and custom `__dict__` properties take part).
fn object_dir(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let obj = &args[0];
    let names = crate::builtins::dict::new_dict();
    if let Some(d) = vm.getattr_opt(obj, "__dict__")?
        && let Some(Payload::Dict(dd)) = d.payload()
    {
        let keys = dd.borrow().keys();
        add_names(vm, &names, keys)?;
    }
    if let Some(cls) = vm.getattr_opt(obj, "__class__")? {
        merge_class_names(vm, &names, &cls)?;
    }
    let Payload::Dict(dd) = &names.payload else {
        return Ok(vm.new_list(Vec::new()));
    };
    let keys = dd.borrow().keys();
    Ok(vm.new_list(keys))
}

fn add_names(vm: &Vm, names: &PyRef, keys: Vec<Value>) -> PyResult<()> {
    let target = Value::Obj(names.clone());
    for k in keys {
        vm.setitem(&target, k, Value::None)?;
    }
    Ok(())
}

/// The names in `cls.__dict__` and, recursively, in those of `cls.__bases__`
/// (`merge_class_dict`).
fn merge_class_names(vm: &Vm, names: &PyRef, cls: &Value) -> PyResult<()> {
    if let Some(mut d) = vm.getattr_opt(cls, "__dict__")? {
        if let Some(p) = d
            .as_obj()
            .and_then(|o| o.downcast_native::<crate::builtins::misc::MappingProxy>())
        {
            let inner = p.0.clone();
            d = inner;
        }
        let keys = match d.payload() {
            Some(Payload::Dict(dd)) => dd.borrow().keys(),
            _ => {
                let k = vm.call_method(&d, "keys", &[])?;
                vm.iterate(&k)?
            }
        };
        add_names(vm, names, keys)?;
    }
    if let Some(bases) = vm.getattr_opt(cls, "__bases__")? {
        for b in vm.iterate(&bases)? {
            vm.enter_native(|| merge_class_names(vm, names, &b))?;
        }
    }
    Ok(())
}

/// `object.__reduce_ex__(protocol)`: the class's own `__reduce__` when it has one, else the
/// default reduction (`copyreg.__newobj__` for protocol 2 and up, `copyreg._reduce_ex`
/// below).
fn object_reduce_ex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__reduce_ex__", &args[1..], kw, 1, 1)?;
    let obj = &args[0];
    let protocol = vm.index_i64(&args[1])?;
    let cls = vm.class_of(obj).clone();
    if let Some(reduce) = type_data(&cls).lookup("__reduce__")
        && !matches!(reduce.payload(), Some(Payload::MethodDescriptor(md)) if md.owner == "object")
    {
        let bound = vm.getattr_str(obj, "__reduce__")?;
        return vm.call(&bound, &[]);
    }
    common_reduce(vm, obj, protocol)
}

/// `object.__reduce__()`: the protocol-0 reduction.
fn object_reduce(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__reduce__", &args[1..], kw, 0, 0)?;
    common_reduce(vm, &args[0], 0)
}

fn common_reduce(vm: &Vm, obj: &Value, protocol: i64) -> PyResult<Value> {
    let copyreg = crate::import::import(vm, "copyreg")?;
    if protocol < 2 {
        let f = vm.getattr_str(&copyreg, "_reduce_ex")?;
        return vm.call(&f, &[obj.clone(), Value::Int(protocol)]);
    }
    reduce_newobj(vm, obj, &copyreg)
}

/// The protocol-2 reduction: `(copyreg.__newobj__, (cls, *args), state, listitems,
/// dictitems)`, or `__newobj_ex__` with keyword arguments from `__getnewargs_ex__`.
fn reduce_newobj(vm: &Vm, obj: &Value, copyreg: &Value) -> PyResult<Value> {
    let cls = vm.class_of(obj).clone();
    let (args, kwargs) = if let Some(f) = vm.getattr_opt(obj, "__getnewargs_ex__")? {
        let r = vm.call(&f, &[])?;
        let items = match r.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => {
                return Err(vm.type_error(format!(
                    "__getnewargs_ex__ should return a tuple, not '{}'",
                    vm.type_name(&r)
                )));
            }
        };
        if items.len() != 2 {
            return Err(vm.value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                items.len()
            )));
        }
        if !matches!(items[0].payload(), Some(Payload::Tuple(_))) {
            return Err(vm.type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                vm.type_name(&items[0])
            )));
        }
        if !matches!(items[1].payload(), Some(Payload::Dict(_))) {
            return Err(vm.type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                vm.type_name(&items[1])
            )));
        }
        (Some(items[0].clone()), Some(items[1].clone()))
    } else if let Some(f) = vm.getattr_opt(obj, "__getnewargs__")? {
        let r = vm.call(&f, &[])?;
        if !matches!(r.payload(), Some(Payload::Tuple(_))) {
            return Err(vm.type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                vm.type_name(&r)
            )));
        }
        (Some(r), None)
    } else {
        (None, None)
    };
    let is_list = matches!(obj.payload(), Some(Payload::List(_)));
    let is_dict = matches!(obj.payload(), Some(Payload::Dict(_)));
    let has_args = args.is_some();
    let kwargs_empty = match &kwargs {
        None => true,
        Some(k) => vm.len(k)? == 0,
    };
    let (newobj, newargs) = if kwargs_empty {
        let mut items = vec![Value::Obj(cls.clone())];
        if let Some(a) = &args {
            items.extend(vm.iterate(a)?);
        }
        (vm.getattr_str(copyreg, "__newobj__")?, vm.new_tuple(items))
    } else {
        (
            vm.getattr_str(copyreg, "__newobj_ex__")?,
            vm.new_tuple(vec![
                Value::Obj(cls.clone()),
                args.unwrap_or_else(|| vm.new_tuple(Vec::new())),
                kwargs.unwrap_or(Value::None),
            ]),
        )
    };
    let required = !(has_args || is_list || is_dict);
    let state = get_state(vm, obj, required)?;
    let listitems = if is_list {
        vm.get_iter(obj)?
    } else {
        Value::None
    };
    let dictitems = if is_dict {
        let items = vm.getattr_str(obj, "items")?;
        let items = vm.call(&items, &[])?;
        vm.get_iter(&items)?
    } else {
        Value::None
    };
    Ok(vm.new_tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

/// The state a reduction carries: the object's own `__getstate__` when it has one, else the
/// default of `object.__getstate__`.
fn get_state(vm: &Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let cls = vm.class_of(obj).clone();
    match type_data(&cls).lookup("__getstate__") {
        Some(g) if !matches!(g.payload(), Some(Payload::MethodDescriptor(md)) if md.owner == "object") =>
        {
            let bound = vm.getattr_str(obj, "__getstate__")?;
            vm.call(&bound, &[])
        }
        _ => default_state(vm, obj, required),
    }
}

/// `object.__getstate__()`: None, the instance `__dict__` (a copy), and `__slots__` values as
/// `(dict_or_None, slots_dict)`. Instances of built-in types holding native state cannot be
/// reduced this way ("cannot pickle").
fn object_getstate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__getstate__", &args[1..], kw, 0, 0)?;
    default_state(vm, &args[0], false)
}

fn default_state(vm: &Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let cannot = || vm.type_error(format!("cannot pickle '{}' object", vm.tp_name(obj)));
    let Value::Obj(o) = obj else {
        return if required {
            Err(cannot())
        } else {
            Ok(Value::None)
        };
    };
    if required
        && !matches!(
            o.payload,
            Payload::Object | Payload::Slots(_) | Payload::List(_) | Payload::Dict(_)
        )
    {
        return Err(cannot());
    }
    // A `__slots__` class without `__dict__` keeps its slot values in the object's store: they
    // are reported as slots below, not as a dict.
    let cls = vm.class_of(obj).clone();
    let dict = if type_data(&cls).has_flag(flags::HAS_DICT) {
        o.dict.borrow().clone()
    } else {
        None
    };
    let mut state = match dict {
        Some(d) if vm.len(&Value::Obj(d.clone()))? > 0 => {
            let copy = vm.getattr_str(&Value::Obj(d), "copy")?;
            vm.call(&copy, &[])?
        }
        _ => Value::None,
    };
    let copyreg = crate::import::import(vm, "copyreg")?;
    let slotnames = vm.getattr_str(&copyreg, "_slotnames")?;
    let names = vm.call(&slotnames, &[Value::Obj(cls)])?;
    let names = vm.iterate(&names)?;
    if !names.is_empty() {
        let slots = Value::Obj(crate::builtins::dict::new_dict());
        let mut any = false;
        for n in names {
            let Some(ns) = crate::str::as_str(&n).map(|s| s.to_string()) else {
                continue;
            };
            if let Some(v) = vm.getattr_opt(obj, &ns)? {
                vm.setitem(&slots, n, v)?;
                any = true;
            }
        }
        if any {
            state = vm.new_tuple(vec![state, slots]);
        }
    }
    Ok(state)
}

fn object_sizeof(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(16))
}

fn object_init_subclass(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() > 1 {
        let name = args
            .first()
            .and_then(|c| vm.is_type(c))
            .map(|t| type_data(&t).qualname.borrow().clone())
            .unwrap_or_default();
        return Err(vm.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

fn object_subclasshook(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn get_class(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.type_value(v))
}

fn set_class(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let Some(new) = new else {
        return Err(vm.type_error("can't delete __class__ attribute"));
    };
    let Some(nt) = vm.is_type(&new) else {
        return Err(vm.type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            vm.type_name(&new)
        )));
    };
    let Value::Obj(o) = v else {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    };
    let old = vm.class_of(v).clone();
    let (ot, ntd) = (type_data(&old), type_data(&nt));
    if !ot.has_flag(flags::HEAPTYPE) || !ntd.has_flag(flags::HEAPTYPE) || ot.layout != ntd.layout {
        return Err(vm.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            ntd.name.borrow(),
            ot.name.borrow()
        )));
    }
    if let Some(prev) = o.replace_class(nt) {
        // Keep the old class alive: a borrowed reference to it may be in use above us.
        vm.keep_alive(Value::Obj(prev));
    }
    Ok(())
}

/// `object.__lt__` etc. are not used directly; this helper compares identity for `==`.
pub fn identity_compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    match op {
        CmpOp::Eq => Some(a.is(b)),
        CmpOp::Ne => Some(!a.is(b)),
        _ => None,
    }
}
