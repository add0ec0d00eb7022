//! Handlers that build containers and strings, and unpack sequences.
//! Counterpart: the BUILD_*/LIST_*/SET_*/DICT_*/FORMAT_VALUE/UNPACK_* cases of
//! Python/ceval.c (3.11).

use crate::object::{Payload, PyObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    pub(crate) fn op_list_extend(&self, target: &Value, it: &Value) -> PyResult<()> {
        let items = self.iterate(it).map_err(|e| {
            if self.exc_matches(&e, &self.types.exceptions.type_error)
                && self.lookup_special(it, "__iter__").is_none()
                && self.lookup_special(it, "__getitem__").is_none()
            {
                self.type_error(format!(
                    "Value after * must be an iterable, not {}",
                    self.type_name(it)
                ))
            } else {
                e
            }
        })?;
        if let Some(Payload::List(l)) = target.payload() {
            l.borrow_mut().extend(items);
        }
        Ok(())
    }

    pub(crate) fn op_build_map(&self, items: Vec<Value>) -> PyResult<Value> {
        let d = crate::builtins::dict::new_dict();
        let dv = Value::Obj(d);
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            self.setitem(&dv, k, v)?;
        }
        Ok(dv)
    }

    pub(crate) fn op_build_const_key_map(
        &self,
        keys: &Value,
        values: Vec<Value>,
    ) -> PyResult<Value> {
        let Some(Payload::Tuple(ks)) = keys.payload() else {
            return Err(self.system_error("bad BUILD_CONST_KEY_MAP keys argument"));
        };
        let dv = Value::Obj(crate::builtins::dict::new_dict());
        for (k, v) in ks.iter().zip(values) {
            self.setitem(&dv, k.clone(), v)?;
        }
        Ok(dv)
    }

    pub(crate) fn op_dict_update(&self, target: &Value, m: &Value) -> PyResult<()> {
        if !matches!(m.payload(), Some(Payload::Dict(_))) && self.getattr_opt(m, "keys")?.is_none()
        {
            return Err(self.type_error(format!("'{}' object is not a mapping", self.type_name(m))));
        }
        crate::builtins::dict::update_from(self, target, m).map_err(|e| {
            if self.exc_matches(&e, &self.types.exceptions.attribute_error) {
                self.type_error(format!("'{}' object is not a mapping", self.type_name(m)))
            } else {
                e
            }
        })
    }

    /// `f(**m)` merging: duplicate keys are an error.
    pub(crate) fn op_dict_merge(&self, target: &Value, m: &Value, func: &Value) -> PyResult<()> {
        let keys: Vec<Value> = match m.payload() {
            Some(Payload::Dict(d)) => d.borrow().keys(),
            _ => {
                let k = self.getattr_opt(m, "keys")?.ok_or_else(|| {
                    self.type_error(format!(
                        "{} argument after ** must be a mapping, not {}",
                        self.callable_name(func),
                        self.type_name(m)
                    ))
                })?;
                let ks = self.call(&k, &[])?;
                self.iterate(&ks)?
            }
        };
        for k in keys {
            if self.contains(target, &k)? {
                let e = self.type_error(format!(
                    "{} got multiple values for keyword argument '{}'",
                    self.callable_name(func),
                    crate::str::as_str(&k).unwrap_or("?")
                ));
                return Err(e);
            }
            let v = self.getitem(m, &k)?;
            self.setitem(target, k, v)?;
        }
        Ok(())
    }

    pub fn new_slice(&self, start: Value, stop: Value, step: Value) -> Value {
        Value::Obj(PyObject::new(
            self.types.slice.clone(),
            Payload::Slice(start, stop, step),
        ))
    }

    pub(crate) fn op_format_value(
        &self,
        v: Value,
        conversion: u32,
        spec: Option<Value>,
    ) -> PyResult<Value> {
        let v = match conversion {
            1 => self.str_obj(&v)?,
            2 => self.new_string(self.repr(&v)?),
            3 => self.new_string(crate::builtins::str::ascii_escape(&self.repr(&v)?)),
            _ => v,
        };
        let spec_s = spec.as_ref().and_then(crate::str::as_str).unwrap_or("");
        self.format(&v, spec_s)
    }

    /// `format(v, spec)`.
    pub fn format(&self, v: &Value, spec: &str) -> PyResult<Value> {
        // Exact ints, floats and strs format without looking up and calling `__format__`
        // (their `__format__` cannot be replaced).
        let plain =
            matches!(v, Value::Int(_) | Value::Float(_)) || crate::str::exact_str(v).is_some();
        if plain {
            return if spec.is_empty() {
                self.str_obj(v)
            } else {
                crate::builtins::format::format_value(self, v, spec)
            };
        }
        let spec_v = self.new_str(spec);
        let r = match self.call_special(v, "__format__", &[spec_v])? {
            Some(r) => r,
            None => return Err(self.type_error("object has no __format__")),
        };
        if crate::str::as_str(&r).is_none() {
            return Err(self.type_error(format!(
                "__format__ must return a str, not {}",
                self.type_name(&r)
            )));
        }
        Ok(r)
    }

    pub fn unpack_sequence(&self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items: Vec<Value> = match seq.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            Some(Payload::List(l)) => l.borrow().clone(),
            _ => {
                let it = self
                    .get_iter(seq)
                    .map_err(|e| self.unpack_not_iterable(seq, e))?;
                let mut out = Vec::with_capacity(n);
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(
                            self.value_error(format!("too many values to unpack (expected {n})"))
                        );
                    }
                }
                out
            }
        };
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        Ok(items)
    }

    fn unpack_not_iterable(&self, seq: &Value, e: crate::vm::PyErr) -> crate::vm::PyErr {
        if self.exc_matches(&e, &self.types.exceptions.type_error)
            && self.lookup_special(seq, "__iter__").is_none()
        {
            self.type_error(format!(
                "cannot unpack non-iterable {} object",
                self.type_name(seq)
            ))
        } else {
            e
        }
    }

    /// `a, *b, c = seq`: returns before…, the starred list, after… in order.
    pub(crate) fn unpack_ex(
        &self,
        seq: &Value,
        before: usize,
        after: usize,
    ) -> PyResult<Vec<Value>> {
        let it = self
            .get_iter(seq)
            .map_err(|e| self.unpack_not_iterable(seq, e))?;
        let mut all = Vec::new();
        while let Some(x) = self.next(&it)? {
            all.push(x);
        }
        if all.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                all.len()
            )));
        }
        let tail = all.split_off(all.len() - after);
        let middle = all.split_off(before);
        let mut out = all;
        out.push(self.new_list(middle));
        out.extend(tail);
        Ok(out)
    }

    pub(crate) fn op_print_expr(&self, v: Value) -> PyResult<()> {
        let hook = self.sys_attr("displayhook")?;
        self.call(&hook, &[v])?;
        Ok(())
    }
}
