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
            Value::Bool(b) => Ok(*b),
            Value::None | Value::Null => Ok(false),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
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
                        Value::Bool(b) => Ok(b),
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
            Value::Bool(b) => return Ok(if *b { "True" } else { "False" }.into()),
            Value::Int(i) => return Ok(i.to_string()),
            Value::Float(f) => return Ok(rpy_marshal::repr::float_repr(*f)),
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
        let module = td.own("__module__");
        let qual = td.qualname.borrow().clone();
        let name = match module.as_ref().and_then(crate::str::as_str) {
            Some(m) if m != "builtins" => format!("{m}.{qual}"),
            _ => qual,
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

    /// `isinstance(v, cls)`.
    pub fn isinstance(&self, v: &Value, cls: &Value) -> PyResult<bool> {
        if let Value::Obj(c) = cls
            && let Payload::Type(_) = &c.payload
        {
            if crate::types::is_subtype(self.class_of(v), c) {
                return Ok(true);
            }
            // A metaclass may define __instancecheck__ (ABCs).
            if type_data(c.class()).kind == TypeKind::Heap
                && let Some(check) = type_data(c.class()).lookup("__instancecheck__")
            {
                let r = self.call(&check, &[cls.clone(), v.clone()])?;
                return self.truthy(&r);
            }
            // `__class__` may differ from the type (proxies).
            return Ok(false);
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
        Err(self.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
    }

    /// `issubclass(c, cls)`.
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
            let Value::Obj(co) = c else {
                return Err(self.type_error("issubclass() arg 1 must be a class"));
            };
            if co.as_type().is_none() {
                return Err(self.type_error("issubclass() arg 1 must be a class"));
            }
            return Ok(crate::types::is_subtype(co, k));
        }
        if let Some(check) = self.lookup_special(cls, "__subclasscheck__") {
            let r = self.call(&check, &[cls.clone(), c.clone()])?;
            return self.truthy(&r);
        }
        Err(self.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    }

    /// `len(v)`.
    pub fn len(&self, v: &Value) -> PyResult<usize> {
        if let Value::Obj(o) = v {
            match &o.payload {
                Payload::Str(s) => return Ok(s.char_len()),
                Payload::List(l) if crate::types::kind_of(o) == TypeKind::List => {
                    return Ok(l.borrow().len());
                }
                Payload::Tuple(t) if crate::types::kind_of(o) == TypeKind::Tuple => {
                    return Ok(t.len());
                }
                Payload::Dict(d) if crate::types::kind_of(o) == TypeKind::Dict => {
                    return Ok(d.borrow().len());
                }
                _ => {}
            }
        }
        let Some(m) = self.lookup_special(v, "__len__") else {
            return Err(self.type_error(format!(
                "object of type '{}' has no len()",
                self.type_name(v)
            )));
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
