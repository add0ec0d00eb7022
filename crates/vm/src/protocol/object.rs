//! Truth, repr/str, isinstance/issubclass, len.
//! Counterpart: Objects/object.c `PyObject_IsTrue`, `PyObject_Repr`, `PyObject_Str`;
//! Objects/abstract.c `PyObject_IsInstance`, `PyObject_Size` (3.11).

use crate::object::Payload;
use crate::types::{TypeKind, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `bool(v)`.
    pub fn truthy(&self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(b.get()),
            Value::None | Value::Null => Ok(false),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(f.get() != 0.0),
            Value::Obj(o) => {
                let kind = crate::types::kind_of(o);
                if kind != TypeKind::Heap {
                    match &o.payload {
                        Payload::Str(s) => return Ok(s.char_len() > 0),
                        Payload::List(l) => return Ok(!l.borrow().is_empty()),
                        Payload::Tuple(t) => return Ok(!t.is_empty()),
                        Payload::Dict(d) => return Ok(!d.borrow().is_empty()),
                        Payload::Int(n) => return Ok(!num_traits::Zero::is_zero(n)),
                        _ => {}
                    }
                }
                if let Some(b) = self.lookup_special(v, "__bool__") {
                    let r = self.call(&b, std::slice::from_ref(v))?;
                    return match r {
                        Value::Bool(b) => Ok(b.get()),
                        _ => Err(self.type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&r)
                        ))),
                    };
                }
                if self.lookup_special(v, "__len__").is_some() {
                    return Ok(self.len(v)? > 0);
                }
                Ok(true)
            }
        }
    }

    /// `repr(v)` as a Rust string.
    pub fn repr(&self, v: &Value) -> PyResult<String> {
        match v {
            Value::None => return Ok("None".into()),
            Value::Bool(b) => return Ok(if b.get() { "True" } else { "False" }.into()),
            Value::Int(i) => return Ok(i.to_string()),
            Value::Float(f) => return Ok(rpy_marshal::repr::float_repr(f.get())),
            Value::Null => return Ok("<NULL>".into()),
            Value::Obj(o) => {
                if let Payload::Str(s) = &o.payload
                    && crate::types::kind_of(o) == TypeKind::Str
                {
                    return Ok(crate::builtins::str::repr_str(s.as_str()));
                }
            }
        }
        let r = self.enter_native(|| match self.lookup_special(v, "__repr__") {
            Some(m) => self.call(&m, std::slice::from_ref(v)),
            None => Ok(self.new_string(self.default_repr(v))),
        })?;
        match crate::str::as_str(&r) {
            Some(s) => Ok(s.to_string()),
            None => Err(self.type_error(format!(
                "__repr__ returned non-string (type {})",
                self.type_name(&r)
            ))),
        }
    }

    /// `<module.Class object at 0x...>`.
    pub fn default_repr(&self, v: &Value) -> String {
        let cls = self.class_of(v);
        let td = type_data(cls);
        let qual = td.qualname.borrow().clone();
        let name = match crate::builtins::type_::type_module_name(td) {
            Some(m) if m != "builtins" => format!("{m}.{qual}"),
            _ => td.name.borrow().clone(),
        };
        format!("<{} object at {:#x}>", name, v.id())
    }

    /// `str(v)` as a Rust string.
    pub fn str(&self, v: &Value) -> PyResult<String> {
        match v {
            Value::Obj(o) => {
                if let Payload::Str(s) = &o.payload
                    && crate::types::kind_of(o) == TypeKind::Str
                {
                    return Ok(s.as_str().to_string());
                }
            }
            _ => return self.repr(v),
        }
        let r = self.enter_native(|| match self.lookup_special(v, "__str__") {
            Some(m) => self.call(&m, std::slice::from_ref(v)),
            None => self.repr(v).map(|s| self.new_string(s)),
        })?;
        match crate::str::as_str(&r) {
            Some(s) => Ok(s.to_string()),
            None => Err(self.type_error(format!(
                "__str__ returned non-string (type {})",
                self.type_name(&r)
            ))),
        }
    }

    /// `str(v)` as a str object (the same object for an exact str).
    pub fn str_obj(&self, v: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = v
            && crate::types::kind_of(o) == TypeKind::Str
        {
            return Ok(v.clone());
        }
        Ok(self.new_string(self.str(v)?))
    }

    /// `isinstance(v, cls)` (`PyObject_IsInstance`).
    pub fn isinstance(&self, v: &Value, cls: &Value) -> PyResult<bool> {
        if let Value::Obj(c) = cls
            && let Payload::Type(_) = &c.payload
        {
            if std::rc::Rc::ptr_eq(self.class_of(v), c) {
                return Ok(true);
            }
            // A metaclass may define __instancecheck__ (ABCs).
            if type_data(c.class()).kind == TypeKind::Heap
                && let Some(check) = type_data(c.class()).lookup("__instancecheck__")
            {
                let r = self.call(&check, &[cls.clone(), v.clone()])?;
                return self.truthy(&r);
            }
            return self.type_isinstance(v, c);
        }
        if let Some(Payload::Tuple(items)) = cls.payload() {
            for c in items.iter() {
                if self.enter_native(|| self.isinstance(v, c))? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(check) = self.lookup_special(cls, "__instancecheck__") {
            let r = self.call(&check, &[cls.clone(), v.clone()])?;
            return self.truthy(&r);
        }
        // A class-like object (one with a `__bases__` tuple): `v.__class__` derives from it.
        const MSG: &str = "isinstance() arg 2 must be a type, a tuple of types, or a union";
        if self.class_bases(cls)?.is_none() {
            return Err(self.type_error(MSG));
        }
        match self.getattr_opt(v, "__class__")? {
            Some(icls) => self.abstract_issubclass(&icls, cls),
            None => Ok(false),
        }
    }

    /// `type.__instancecheck__`: `type(v)` derives from `cls`, or else the class `v` claims
    /// through its `__class__` attribute does (proxies, mocks).
    pub fn type_isinstance(&self, v: &Value, cls: &PyRef) -> PyResult<bool> {
        let vcls = self.class_of(v);
        if crate::types::is_subtype(vcls, cls) {
            return Ok(true);
        }
        // Unless the class overrides `__class__` or `__getattribute__`, `v.__class__` is
        // `type(v)` (object's data descriptor wins over the instance dict).
        let td = type_data(vcls);
        let plain_class = td.lookup("__class__").is_some_and(
            |c| matches!(c.payload(), Some(Payload::GetSet(g)) if g.owner == "object"),
        );
        if plain_class && self.has_generic_getattribute(td) {
            return Ok(false);
        }
        match self.getattr_opt(v, "__class__")? {
            Some(Value::Obj(ic)) if !std::rc::Rc::ptr_eq(&ic, vcls) && ic.as_type().is_some() => {
                Ok(crate::types::is_subtype(&ic, cls))
            }
            _ => Ok(false),
        }
    }

    /// `cls.__bases__` if it is a tuple (`abstract_get_bases`): what makes an object a class
    /// for isinstance/issubclass.
    fn class_bases(&self, cls: &Value) -> PyResult<Option<Value>> {
        if let Value::Obj(c) = cls
            && let Some(td) = c.as_type()
        {
            let bases = td.bases.borrow().iter().cloned().map(Value::Obj).collect();
            return Ok(Some(self.new_tuple(bases)));
        }
        Ok(self
            .getattr_opt(cls, "__bases__")?
            .filter(|b| matches!(b.payload(), Some(Payload::Tuple(_)))))
    }

    /// Whether `derived` is `cls` or reaches it through `__bases__` (`abstract_issubclass`).
    fn abstract_issubclass(&self, derived: &Value, cls: &Value) -> PyResult<bool> {
        let mut derived = derived.clone();
        loop {
            if derived.is(cls) {
                return Ok(true);
            }
            let Some(bases) = self.class_bases(&derived)? else {
                return Ok(false);
            };
            let Some(Payload::Tuple(items)) = bases.payload() else {
                return Ok(false);
            };
            match &items[..] {
                [] => return Ok(false),
                [only] => derived = only.clone(),
                many => {
                    for b in many {
                        if self.enter_native(|| self.abstract_issubclass(b, cls))? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
            }
        }
    }

    /// `type.__subclasscheck__` (`recursive_issubclass`): two types compare by MRO, other
    /// class-like objects through `__bases__`.
    pub fn recursive_issubclass(&self, c: &Value, cls: &Value) -> PyResult<bool> {
        if let (Some(co), Some(k)) = (self.is_type(c), self.is_type(cls)) {
            return Ok(crate::types::is_subtype(&co, &k));
        }
        if self.class_bases(c)?.is_none() {
            return Err(self.type_error("issubclass() arg 1 must be a class"));
        }
        if self.class_bases(cls)?.is_none() {
            return Err(self
                .type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
        }
        self.abstract_issubclass(c, cls)
    }

    /// `issubclass(c, cls)` (`PyObject_IsSubclass`).
    pub fn issubclass(&self, c: &Value, cls: &Value) -> PyResult<bool> {
        if let Some(Payload::Tuple(items)) = cls.payload() {
            for t in items.iter() {
                if self.enter_native(|| self.issubclass(c, t))? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Value::Obj(k) = cls
            && let Payload::Type(_) = &k.payload
        {
            if type_data(k.class()).kind == TypeKind::Heap
                && let Some(check) = type_data(k.class()).lookup("__subclasscheck__")
            {
                let r = self.call(&check, &[cls.clone(), c.clone()])?;
                return self.truthy(&r);
            }
            return self.recursive_issubclass(c, cls);
        }
        if let Some(check) = self.lookup_special(cls, "__subclasscheck__") {
            let r = self.call(&check, &[cls.clone(), c.clone()])?;
            return self.truthy(&r);
        }
        self.recursive_issubclass(c, cls)
    }

    /// `len(v)`.
    pub fn len(&self, v: &Value) -> PyResult<usize> {
        if let Some(n) = exact_len(v) {
            return Ok(n);
        }
        let Some(m) = self.lookup_special(v, "__len__") else {
            return Err(
                self.type_error(format!("object of type '{}' has no len()", self.tp_name(v)))
            );
        };
        let r = self.call(&m, std::slice::from_ref(v))?;
        let n = self.index_value(&r).map_err(|_| {
            self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(&r)
            ))
        })?;
        match n {
            Value::Int(i) if i >= 0 => Ok(i as usize),
            Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
            _ => Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
        }
    }

    /// The class of a value as a `Value`.
    pub fn type_value(&self, v: &Value) -> Value {
        Value::Obj(self.class_of(v).clone())
    }

    pub fn is_type(&self, v: &Value) -> Option<PyRef> {
        match v {
            Value::Obj(o) if o.as_type().is_some() => Some(o.clone()),
            _ => None,
        }
    }
}

/// `len(v)` of an exact str, list, tuple or dict: no Python code can be involved (a
/// subclass may define `__len__`).
#[inline]
pub(crate) fn exact_len(v: &Value) -> Option<usize> {
    let Value::Obj(o) = v else {
        return None;
    };
    match &o.payload {
        Payload::Str(s) if crate::types::kind_of(o) == TypeKind::Str => Some(s.char_len()),
        Payload::List(l) if crate::types::kind_of(o) == TypeKind::List => Some(l.borrow().len()),
        Payload::Tuple(t) if crate::types::kind_of(o) == TypeKind::Tuple => Some(t.len()),
        Payload::Dict(d) if crate::types::kind_of(o) == TypeKind::Dict => Some(d.borrow().len()),
        _ => None,
    }
}
