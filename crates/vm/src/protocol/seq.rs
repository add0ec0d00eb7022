//! Subscription and membership: `c[k]`, `c[k] = v`, `del c[k]`, `x in c`.
//! Counterpart: Objects/abstract.c `PyObject_GetItem`/`SetItem`/`DelItem`,
//! `PySequence_Contains` (3.11).

use crate::object::Payload;
use crate::types::{TypeKind, type_data};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `c[k]`.
    pub fn getitem(&self, c: &Value, k: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = c {
            let kind = crate::types::kind_of(o);
            match (&o.payload, kind, k) {
                (Payload::List(l), TypeKind::List, Value::Int(i)) => {
                    let l = l.borrow();
                    let n = l.len() as i64;
                    let j = if *i < 0 { i + n } else { *i };
                    return if j >= 0 && j < n {
                        Ok(l[j as usize].clone())
                    } else {
                        Err(self.index_error("list index out of range"))
                    };
                }
                (Payload::Tuple(t), TypeKind::Tuple, Value::Int(i)) => {
                    let n = t.len() as i64;
                    let j = if *i < 0 { i + n } else { *i };
                    return if j >= 0 && j < n {
                        Ok(t[j as usize].clone())
                    } else {
                        Err(self.index_error("tuple index out of range"))
                    };
                }
                (Payload::Dict(d), TypeKind::Dict, _) => {
                    return match crate::dict::lookup(self, d, k)? {
                        Some(v) => Ok(v),
                        None => Err(self.key_error(k.clone())),
                    };
                }
                (Payload::Type(_), _, _) => {
                    if let Some(m) = self.lookup_special(c, "__getitem__")
                        && type_data(o.class()).kind == TypeKind::Heap
                    {
                        return self.call(&m, &[c.clone(), k.clone()]);
                    }
                    if let Some(cg) = type_data(o).lookup("__class_getitem__") {
                        let f = self.descr_get(&cg, None, o)?;
                        return self.call(&f, std::slice::from_ref(k));
                    }
                    // `type[int]`: `PyObject_GetItem` special-cases `type` itself.
                    if std::rc::Rc::ptr_eq(o, &self.types.type_) {
                        return crate::builtins::misc::generic_alias(
                            self,
                            &[c.clone(), k.clone()],
                            &[],
                        );
                    }
                    return Err(self.type_error(format!(
                        "type '{}' is not subscriptable",
                        type_data(o).name.borrow()
                    )));
                }
                _ => {}
            }
        }
        match self.lookup_special(c, "__getitem__") {
            Some(m) if !m.is_none() => self.enter_native(|| self.call(&m, &[c.clone(), k.clone()])),
            _ => Err(self.type_error(format!("'{}' object is not subscriptable", self.tp_name(c)))),
        }
    }

    /// `c[k] = v`.
    pub fn setitem(&self, c: &Value, k: Value, v: Value) -> PyResult<()> {
        if let Value::Obj(o) = c {
            let kind = crate::types::kind_of(o);
            match (&o.payload, kind, &k) {
                (Payload::List(l), TypeKind::List, Value::Int(i)) => {
                    let mut l = l.borrow_mut();
                    let n = l.len() as i64;
                    let j = if *i < 0 { i + n } else { *i };
                    if j >= 0 && j < n {
                        let old = std::mem::replace(&mut l[j as usize], v);
                        drop(l);
                        drop(old);
                        return Ok(());
                    }
                    return Err(self.index_error("list assignment index out of range"));
                }
                (Payload::Dict(d), TypeKind::Dict, _) => {
                    return crate::dict::set_item(self, d, k, v);
                }
                _ => {}
            }
        }
        match self.lookup_special(c, "__setitem__") {
            Some(m) if !m.is_none() => self
                .enter_native(|| self.call(&m, &[c.clone(), k, v]))
                .map(|_| ()),
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.tp_name(c)
            ))),
        }
    }

    /// `del c[k]`.
    pub fn delitem(&self, c: &Value, k: &Value) -> PyResult<()> {
        if let Value::Obj(o) = c
            && let (Payload::Dict(d), TypeKind::Dict) = (&o.payload, crate::types::kind_of(o))
        {
            return match crate::dict::remove(self, d, k)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(k.clone())),
            };
        }
        match self.lookup_special(c, "__delitem__") {
            Some(m) if !m.is_none() => self.call(&m, &[c.clone(), k.clone()]).map(|_| ()),
            _ => Err(
                self.type_error(if self.lookup_special(c, "__getitem__").is_some() {
                    format!("'{}' object doesn't support item deletion", self.tp_name(c))
                } else {
                    format!(
                        "'{}' object does not support item deletion",
                        self.type_name(c)
                    )
                }),
            ),
        }
    }

    /// `x in c`.
    pub fn contains(&self, c: &Value, x: &Value) -> PyResult<bool> {
        if let Value::Obj(o) = c {
            let kind = crate::types::kind_of(o);
            match (&o.payload, kind) {
                (Payload::Dict(d), TypeKind::Dict) => {
                    return Ok(crate::dict::lookup(self, d, x)?.is_some());
                }
                (Payload::List(l), TypeKind::List) => {
                    let items = l.borrow().clone();
                    for item in &items {
                        if self.eq_identity_first(item, x)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                (Payload::Tuple(t), TypeKind::Tuple) => {
                    for item in t.iter() {
                        if self.eq_identity_first(item, x)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                (Payload::Str(s), TypeKind::Str) => {
                    return match crate::str::as_str(x) {
                        Some(needle) => Ok(s.as_str().contains(needle)),
                        None => Err(self.type_error(format!(
                            "'in <string>' requires string as left operand, not {}",
                            self.type_name(x)
                        ))),
                    };
                }
                _ => {}
            }
        }
        match self.lookup_special(c, "__contains__") {
            Some(m) if !m.is_none() => {
                let r = self.enter_native(|| self.call(&m, &[c.clone(), x.clone()]))?;
                self.truthy(&r)
            }
            _ => {
                let it = self.get_iter(c).map_err(|e| {
                    if self.exc_matches(&e, &self.types.exceptions.type_error) {
                        self.type_error(format!(
                            "argument of type '{}' is not iterable",
                            self.type_name(c)
                        ))
                    } else {
                        e
                    }
                })?;
                while let Some(item) = self.next(&it)? {
                    if self.eq_identity_first(&item, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}
