//! Attribute access: the generic algorithm with descriptors, instance dicts and
//! `__getattr__`, the variant for type objects, and method loading for LOAD_METHOD.
//! Counterpart: Objects/object.c `PyObject_GenericGetAttr`/`_PyObject_GetMethod`,
//! Objects/typeobject.c `type_getattro`/`type_setattro` (3.11).

use std::rc::Rc;

use crate::builtins::function::{BuiltinFn, MethodKind};
use crate::builtins::misc::Member;
use crate::object::{Payload, PyObject};
use crate::types::{TypeKind, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// How a value found in a class namespace behaves as a descriptor.
pub(crate) enum Descr {
    /// Not a descriptor: returned as is.
    Plain,
    /// Has `__get__` only.
    NonData,
    /// Has `__set__` or `__delete__`.
    Data,
}

impl Vm {
    pub(crate) fn descr_kind(&self, d: &Value) -> Descr {
        match d.payload() {
            Some(Payload::Function(_))
            | Some(Payload::MethodDescriptor(_))
            | Some(Payload::ClassMethod(_))
            | Some(Payload::StaticMethod(_)) => Descr::NonData,
            Some(Payload::Property(_)) | Some(Payload::GetSet(_)) => Descr::Data,
            Some(p) => {
                let o = d.as_obj().expect("payload implies object");
                // Built-in values (numbers, strings, containers) are never descriptors; native
                // helper types (member descriptors, …) and user classes may be.
                if crate::types::is_builtin_exact(o) && !matches!(p, Payload::Native(_)) {
                    return Descr::Plain;
                }
                if o.downcast_native::<Member>().is_some() {
                    return Descr::Data;
                }
                let t = type_data(o.class());
                if t.lookup("__set__").is_some() || t.lookup("__delete__").is_some() {
                    Descr::Data
                } else if t.lookup("__get__").is_some() {
                    Descr::NonData
                } else {
                    Descr::Plain
                }
            }
            None => Descr::Plain,
        }
    }

    /// `descr.__get__(obj, owner)`; `obj` is `None` for access through the class.
    pub fn descr_get(&self, descr: &Value, obj: Option<&Value>, owner: &PyRef) -> PyResult<Value> {
        match descr.payload() {
            Some(Payload::Function(_)) => Ok(match obj {
                Some(o) => self.new_bound_method(descr.clone(), o.clone()),
                None => descr.clone(),
            }),
            Some(Payload::MethodDescriptor(md)) => match md.kind {
                MethodKind::Instance => Ok(match obj {
                    Some(o) => Value::Obj(PyObject::new(
                        if crate::builtins::function::is_slot_wrapper(md.name) {
                            self.types.other("method-wrapper")
                        } else {
                            self.types.builtin_function.clone()
                        },
                        Payload::BuiltinFunction(BuiltinFn {
                            name: md.name,
                            func: md.func,
                            arity: md.arity,
                            self_: Some(o.clone()),
                            owner: Some(md.owner),
                        }),
                    )),
                    None => descr.clone(),
                }),
                MethodKind::Class => Ok(Value::Obj(PyObject::new(
                    self.types.builtin_function.clone(),
                    Payload::BuiltinFunction(BuiltinFn {
                        name: md.name,
                        func: md.func,
                        arity: md.arity,
                        self_: Some(Value::Obj(owner.clone())),
                        owner: Some(md.owner),
                    }),
                ))),
                MethodKind::Static => Ok(descr.clone()),
            },
            Some(Payload::ClassMethod(f)) => {
                let f = f.borrow().clone();
                Ok(self.new_bound_method(f, Value::Obj(owner.clone())))
            }
            Some(Payload::StaticMethod(f)) => Ok(f.borrow().clone()),
            Some(Payload::Property(p)) => match obj {
                None => Ok(descr.clone()),
                Some(o) => {
                    if p.fget.is_none() || p.fget.is_null() {
                        return Err(self.attribute_error(format!(
                            "property {} of '{}' object has no getter",
                            self.property_name(descr),
                            self.type_name(o)
                        )));
                    }
                    self.call(&p.fget, std::slice::from_ref(o))
                }
            },
            Some(Payload::GetSet(g)) => match obj {
                None => Ok(descr.clone()),
                Some(o) => (g.get)(self, o),
            },
            Some(_) => {
                let d = descr.as_obj().expect("object");
                if let Some(m) = d.downcast_native::<Member>() {
                    return match obj {
                        Some(o) => m.get(self, o),
                        None => Ok(descr.clone()),
                    };
                }
                match type_data(d.class()).lookup("__get__") {
                    Some(get) => {
                        let inst = obj.cloned().unwrap_or(Value::None);
                        self.call(&get, &[descr.clone(), inst, Value::Obj(owner.clone())])
                    }
                    None => Ok(descr.clone()),
                }
            }
            None => Ok(descr.clone()),
        }
    }

    fn property_name(&self, descr: &Value) -> String {
        if let Some(Payload::Property(p)) = descr.payload()
            && let Some(n) = crate::str::as_str(&p.name.borrow())
        {
            return format!("'{n}'");
        }
        if let Some(Payload::Property(p)) = descr.payload()
            && let Some(Payload::Function(fd)) = p.fget.payload().or(p.fset.payload())
        {
            return format!("'{}'", crate::str::as_str(&fd.name.borrow()).unwrap_or("?"));
        }
        "?".into()
    }

    pub fn new_bound_method(&self, func: Value, self_: Value) -> Value {
        Value::Obj(PyObject::new(
            self.types.method.clone(),
            Payload::BoundMethod { func, self_ },
        ))
    }

    /// `getattr(obj, name)`.
    pub fn getattr(&self, obj: &Value, name: &PyRef) -> PyResult<Value> {
        let cls = self.class_of(obj);
        let td = type_data(cls);
        // A class may override __getattribute__ (super does too); __getattr__ is the
        // fallback.
        if !td.generic_getattribute_known()
            && let Some(ga) = td.lookup("__getattribute__")
            && !self.is_object_getattribute(&ga)
        {
            let r = self.call(&ga, &[obj.clone(), Value::Obj(name.clone())]);
            return self.getattr_fallback(obj, name, r);
        }
        if let Value::Obj(o) = obj {
            match &o.payload {
                Payload::Type(_) => return self.type_getattr(o, name),
                Payload::Module(_) => {
                    return crate::builtins::module::module_getattr(self, o, name);
                }
                _ => {}
            }
        }
        let r = self.generic_getattr(obj, name);
        if r.is_err() {
            return self.getattr_fallback(obj, name, r);
        }
        r
    }

    /// Whether instances of `td` use the generic `__getattribute__` (remembered per version).
    pub(crate) fn has_generic_getattribute(&self, td: &crate::types::TypeData) -> bool {
        if td.generic_getattribute_known() {
            return true;
        }
        let generic = td
            .lookup("__getattribute__")
            .is_none_or(|g| self.is_object_getattribute(&g));
        if generic {
            td.set_generic_getattribute_known();
        }
        generic
    }

    /// Whether instances of `td` use `object.__setattr__`.
    pub(crate) fn has_generic_setattr(&self, td: &crate::types::TypeData) -> bool {
        td.lookup("__setattr__").is_some_and(|sa| {
            matches!(sa.payload(), Some(Payload::MethodDescriptor(md)) if md.owner == "object")
        })
    }

    /// Whether `v` is the generic `__getattribute__` of object, type or module (identity
    /// checks: this runs on every attribute access).
    fn is_object_getattribute(&self, v: &Value) -> bool {
        let generic = self.generic_getattributes.get_or_init(|| {
            [&self.types.object, &self.types.type_, &self.types.module].map(|t| {
                crate::types::type_data(t)
                    .own("__getattribute__")
                    .unwrap_or(Value::Null)
            })
        });
        generic.iter().any(|g| g.is(v))
    }

    fn getattr_fallback(&self, obj: &Value, name: &PyRef, r: PyResult<Value>) -> PyResult<Value> {
        match r {
            Err(e) if self.exc_matches(&e, &self.types.exceptions.attribute_error) => {
                match type_data(self.class_of(obj)).lookup("__getattr__") {
                    Some(ga) => self.call(&ga, &[obj.clone(), Value::Obj(name.clone())]),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    pub fn getattr_str(&self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    /// `getattr(obj, name, None)`-like: `None` when the attribute is missing.
    pub fn getattr_opt(&self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if self.surely_missing(obj, name) {
            return Ok(None);
        }
        match self.getattr_str(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, &self.types.exceptions.attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether looking `name` up on `obj` would certainly raise AttributeError: the lookup
    /// is the generic one (no `__getattribute__` or `__getattr__` of its own) and neither the
    /// type, nor the metatype for a class, nor the instance dict has the name. Lets
    /// `getattr_opt` answer without building the exception (`__mro_entries__`, `__prepare__`
    /// and other optional hooks are probed this way on every class statement).
    fn surely_missing(&self, obj: &Value, name: &str) -> bool {
        let td = type_data(self.class_of(obj));
        if !self.has_generic_getattribute(td) || td.lookup("__getattr__").is_some() {
            return false;
        }
        if td.lookup(name).is_some() {
            return false;
        }
        match obj {
            Value::Obj(o) => match &o.payload {
                // A module: its namespace, then PEP 562's `__getattr__` there.
                Payload::Module(m) => match &m.dict.payload {
                    Payload::Dict(d) => {
                        let d = d.borrow();
                        name != "__dict__"
                            && d.get_str(name).is_none()
                            && d.get_str("__getattr__").is_none()
                    }
                    _ => false,
                },
                Payload::Type(t) => t.lookup(name).is_none(),
                _ => match o.dict.borrow().as_ref().map(|d| &d.payload) {
                    Some(Payload::Dict(d)) => d.borrow().get_str(name).is_none(),
                    Some(_) => false,
                    None => true,
                },
            },
            _ => true,
        }
    }

    /// `object.__getattribute__`.
    pub fn generic_getattr(&self, obj: &Value, name: &PyRef) -> PyResult<Value> {
        let name_s = str_of(name);
        let cls = self.class_of(obj).clone();
        let td = type_data(&cls);
        let descr = td.lookup(name_s);
        if let Some(d) = &descr
            && let Descr::Data = self.descr_kind(d)
        {
            return self.descr_get(d, Some(obj), &cls);
        }
        if let Value::Obj(o) = obj
            && let Some(dict) = o.dict.borrow().as_ref()
            && let Payload::Dict(dd) = &dict.payload
        {
            let found = dd.borrow().get_name(name).cloned();
            if let Some(v) = found {
                return Ok(v);
            }
        }
        if let Some(d) = descr {
            return match self.descr_kind(&d) {
                Descr::Plain => Ok(d),
                _ => self.descr_get(&d, Some(obj), &cls),
            };
        }
        Err(self.no_attribute(obj, name_s))
    }

    pub fn no_attribute(&self, obj: &Value, name: &str) -> crate::vm::PyErr {
        let e = self.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.tp_name(obj),
            name
        ));
        let _ = self.set_attr_in_dict(&e, "name", self.new_str(name));
        let _ = self.set_attr_in_dict(&e, "obj", obj.clone());
        e
    }

    /// `type.__getattribute__`.
    pub fn type_getattr(&self, t: &PyRef, name: &PyRef) -> PyResult<Value> {
        let name_s = str_of(name);
        let meta = t.class().clone();
        let meta_attr = type_data(&meta).lookup(name_s);
        if let Some(ma) = &meta_attr
            && let Descr::Data = self.descr_kind(ma)
        {
            return self.descr_get(ma, Some(&Value::Obj(t.clone())), &meta);
        }
        if let Some(a) = type_data(t).lookup(name_s) {
            return match a.payload() {
                Some(Payload::Function(_))
                | Some(Payload::Property(_))
                | Some(Payload::GetSet(_)) => Ok(a),
                Some(Payload::MethodDescriptor(md)) if md.kind == MethodKind::Instance => Ok(a),
                _ => match self.descr_kind(&a) {
                    Descr::Plain => Ok(a),
                    _ => self.descr_get(&a, None, t),
                },
            };
        }
        if let Some(ma) = meta_attr {
            return match self.descr_kind(&ma) {
                Descr::Plain => Ok(ma),
                _ => self.descr_get(&ma, Some(&Value::Obj(t.clone())), &meta),
            };
        }
        // A metaclass may define __getattr__.
        if type_data(&meta).kind == TypeKind::Heap
            && let Some(ga) = type_data(&meta).lookup("__getattr__")
        {
            return self.call(&ga, &[Value::Obj(t.clone()), Value::Obj(name.clone())]);
        }
        let e = self.attribute_error(format!(
            "type object '{}' has no attribute '{}'",
            type_data(t).name.borrow(),
            name_s
        ));
        let _ = self.set_attr_in_dict(&e, "name", Value::Obj(name.clone()));
        let _ = self.set_attr_in_dict(&e, "obj", Value::Obj(t.clone()));
        Err(e)
    }

    /// LOAD_METHOD: `(function, true)` when the attribute is a plain method found on the
    /// class (call it with `obj` first), else `(attribute, false)`.
    pub fn get_method(&self, obj: &Value, name: &PyRef) -> PyResult<(Value, bool)> {
        let cls = self.class_of(obj);
        let td = type_data(cls);
        let generic = match obj {
            Value::Obj(o) => !matches!(o.payload, Payload::Type(_) | Payload::Module(_)),
            _ => true,
        };
        if generic && self.has_generic_getattribute(td) {
            let name_s = str_of(name);
            if let Some(d) = td.lookup(name_s) {
                let is_method = match d.payload() {
                    Some(Payload::Function(_)) => true,
                    Some(Payload::MethodDescriptor(md)) => md.kind == MethodKind::Instance,
                    _ => false,
                };
                if is_method {
                    let in_dict = match obj {
                        Value::Obj(o) => {
                            o.dict
                                .borrow()
                                .as_ref()
                                .is_some_and(|dict| match &dict.payload {
                                    Payload::Dict(dd) => dd.borrow().get_name(name).is_some(),
                                    _ => false,
                                })
                        }
                        _ => false,
                    };
                    if !in_dict {
                        return Ok((d, true));
                    }
                }
            }
        }
        Ok((self.getattr(obj, name)?, false))
    }

    /// `setattr(obj, name, value)`.
    pub fn setattr(&self, obj: &Value, name: &PyRef, value: Value) -> PyResult<()> {
        self.setattr_opt(obj, name, Some(value))
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&self, obj: &Value, name: &PyRef) -> PyResult<()> {
        self.setattr_opt(obj, name, None)
    }

    fn setattr_opt(&self, obj: &Value, name: &PyRef, value: Option<Value>) -> PyResult<()> {
        let cls = self.class_of(obj).clone();
        let td = type_data(&cls);
        // Classes, and native types that forward attribute writes (weakref proxies).
        if matches!(td.kind, TypeKind::Heap | TypeKind::Other) {
            let hook = if value.is_some() {
                "__setattr__"
            } else {
                "__delattr__"
            };
            if let Some(sa) = td.lookup(hook)
                && !matches!(sa.payload(), Some(Payload::MethodDescriptor(md)) if md.owner == "object" || md.owner == "type")
            {
                let mut args = vec![obj.clone(), Value::Obj(name.clone())];
                if let Some(v) = value {
                    args.push(v);
                }
                self.call(&sa, &args)?;
                return Ok(());
            }
        }
        if let Value::Obj(o) = obj
            && let Payload::Type(t) = &o.payload
        {
            return self.type_setattr(o, t, name, value);
        }
        self.generic_setattr(obj, name, value)
    }

    /// `object.__setattr__` / `object.__delattr__` (value `None`).
    pub fn generic_setattr(&self, obj: &Value, name: &PyRef, value: Option<Value>) -> PyResult<()> {
        let name_s = str_of(name);
        let cls = self.class_of(obj).clone();
        let td = type_data(&cls);
        let descr = td.lookup(name_s);
        if let Some(d) = &descr {
            match d.payload() {
                Some(Payload::Property(p)) => {
                    let f = if value.is_some() { &p.fset } else { &p.fdel };
                    if f.is_none() || f.is_null() {
                        return Err(self.attribute_error(format!(
                            "property {} of '{}' object has no {}",
                            self.property_name(d),
                            self.type_name(obj),
                            if value.is_some() { "setter" } else { "deleter" }
                        )));
                    }
                    let mut args = vec![obj.clone()];
                    if let Some(v) = value {
                        args.push(v);
                    }
                    self.call(f, &args)?;
                    return Ok(());
                }
                Some(Payload::GetSet(g)) => {
                    return match g.set {
                        Some(set) => set(self, obj, value),
                        None => Err(self.attribute_error(format!(
                            "attribute '{}' of '{}' objects is not writable",
                            name_s, g.owner
                        ))),
                    };
                }
                Some(Payload::Native(n)) if n.as_any().is::<Member>() => {
                    let m = d.as_obj().and_then(|o| o.downcast_native::<Member>());
                    return m.expect("a member").set(self, obj, value);
                }
                _ => {
                    if let Descr::Data = self.descr_kind(d) {
                        let dt = type_data(self.class_of(d));
                        let hook = if value.is_some() {
                            "__set__"
                        } else {
                            "__delete__"
                        };
                        return match dt.lookup(hook) {
                            Some(h) => {
                                let mut args = vec![d.clone(), obj.clone()];
                                if let Some(v) = value {
                                    args.push(v);
                                }
                                self.call(&h, &args).map(|_| ())
                            }
                            None => {
                                Err(self
                                    .attribute_error(format!("__{}__", &hook[2..hook.len() - 2])))
                            }
                        };
                    }
                }
            }
        }
        let Value::Obj(o) = obj else {
            return Err(self.readonly_attr_error(obj, name_s, descr.is_some()));
        };
        // Without a __dict__ (built-in types, __slots__ classes) only descriptors are settable;
        // a slots class keeps its slot values in a hidden store, not in a real __dict__.
        if !td.has_flag(crate::types::flags::HAS_DICT)
            && !matches!(
                o.payload,
                Payload::Type(_) | Payload::Function(_) | Payload::Module(_)
            )
        {
            return Err(self.readonly_attr_error(obj, name_s, descr.is_some()));
        }
        if o.dict.borrow().is_none() && !matches!(o.payload, Payload::Module(_)) {
            if value.is_none() {
                return Err(self.no_attribute(obj, name_s));
            }
            self.instance_dict(o);
        }
        let dict = self.instance_dict(o);
        match value {
            Some(v) => self.dict_set_str(&dict, name.clone(), v),
            None => {
                let removed = match &dict.payload {
                    Payload::Dict(dd) => dd.borrow_mut().remove_str(name_s),
                    _ => None,
                };
                match removed {
                    Some(_) => Ok(()),
                    None => Err(self.no_attribute(obj, name_s)),
                }
            }
        }
    }

    fn readonly_attr_error(&self, obj: &Value, name: &str, exists: bool) -> crate::vm::PyErr {
        if exists {
            self.attribute_error(format!(
                "'{}' object attribute '{}' is read-only",
                self.type_name(obj),
                name
            ))
        } else {
            self.no_attribute(obj, name)
        }
    }

    pub(crate) fn type_setattr(
        &self,
        t: &PyRef,
        td: &crate::types::TypeData,
        name: &PyRef,
        value: Option<Value>,
    ) -> PyResult<()> {
        let name_s = str_of(name);
        // Data descriptors of the metatype (`__name__`, `__doc__`, …) come first.
        let meta = t.class().clone();
        if let Some(d) = type_data(&meta).lookup(name_s)
            && let Descr::Data = self.descr_kind(&d)
        {
            if let Some(Payload::GetSet(g)) = d.payload() {
                return match g.set {
                    Some(set) => set(self, &Value::Obj(t.clone()), value),
                    None => Err(self.attribute_error(format!(
                        "attribute '{}' of '{}' objects is not writable",
                        name_s, g.owner
                    ))),
                };
            }
            return self.generic_setattr(&Value::Obj(t.clone()), name, value);
        }
        if !td.has_flag(crate::types::flags::HEAPTYPE) {
            return Err(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name_s,
                td.name.borrow()
            )));
        }
        match value {
            Some(v) => {
                let old = td.dict_mut().set_str(name.clone(), v);
                drop(old);
                Ok(())
            }
            None => match td.dict_mut().remove_str(name_s) {
                Some(_) => Ok(()),
                None => Err(self.attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    td.name.borrow(),
                    name_s
                ))),
            },
        }
    }

    /// Looks a special method up on the type (never the instance), as CPython's slots do.
    pub fn lookup_special(&self, obj: &Value, name: &str) -> Option<Value> {
        type_data(self.class_of(obj)).lookup(name)
    }

    /// Calls a special method found on the type, binding `obj`; `None` if it is missing.
    pub fn call_special(&self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        let Some(m) = self.lookup_special(obj, name) else {
            return Ok(None);
        };
        if m.is_none() {
            return Ok(None);
        }
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend_from_slice(args);
        match m.payload() {
            Some(Payload::Function(_)) | Some(Payload::MethodDescriptor(_)) => {
                self.call(&m, &full).map(Some)
            }
            _ => {
                let cls = self.class_of(obj).clone();
                let bound = self.descr_get(&m, Some(obj), &cls)?;
                self.call(&bound, args).map(Some)
            }
        }
    }

    /// Whether `a` and `b` are the same object.
    pub fn same_obj(a: &PyRef, b: &PyRef) -> bool {
        Rc::ptr_eq(a, b)
    }
}

/// The text of an interned name.
pub fn str_of(name: &PyRef) -> &str {
    match &name.payload {
        Payload::Str(s) => s.as_str(),
        _ => "",
    }
}
