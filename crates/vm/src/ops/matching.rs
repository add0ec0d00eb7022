//! Handlers for structural pattern matching: MATCH_KEYS and MATCH_CLASS.
//! Counterpart: `match_keys`, `match_class` in Python/ceval.c (3.11).

use crate::object::Payload;
use crate::types::{TypeKind, type_data};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    pub(crate) fn op_match_keys(&self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let Some(Payload::Tuple(keys)) = keys.payload() else {
            return Err(self.system_error("MATCH_KEYS expects a tuple of keys"));
        };
        if keys.is_empty() {
            return Ok(self.new_tuple(vec![]));
        }
        let get = self.getattr_str(subject, "get")?;
        let dummy = Value::Obj(crate::object::PyObject::new(
            self.types.object.clone(),
            Payload::Object,
        ));
        let mut seen: Vec<Value> = Vec::new();
        let mut values = Vec::with_capacity(keys.len());
        for k in keys.iter() {
            for s in &seen {
                if self.eq(s, k)? {
                    return Err(self.value_error(format!(
                        "mapping pattern checks duplicate key ({})",
                        self.repr(k)?
                    )));
                }
            }
            seen.push(k.clone());
            let v = self.call(&get, &[k.clone(), dummy.clone()])?;
            if v.is(&dummy) {
                return Ok(Value::None);
            }
            values.push(v);
        }
        Ok(self.new_tuple(values))
    }

    pub(crate) fn op_match_class(
        &self,
        subject: &Value,
        cls: &Value,
        npos: usize,
        names: &Value,
    ) -> PyResult<Value> {
        let Some(ct) = self.is_type(cls) else {
            return Err(self.type_error("called match pattern must be a class"));
        };
        if !self.isinstance(subject, cls)? {
            return Ok(Value::None);
        }
        let kw_names: Vec<Value> = match names.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        let cname = type_data(&ct).name.borrow().clone();
        let mut seen: Vec<String> = Vec::new();
        let mut attrs = Vec::with_capacity(npos + kw_names.len());
        if npos > 0 {
            let match_args = self.getattr_opt(cls, "__match_args__")?;
            let (args, match_self) = match match_args {
                Some(ma) => match ma.payload() {
                    Some(Payload::Tuple(t)) => (t.to_vec(), false),
                    _ => {
                        return Err(self.type_error(format!(
                            "{cname}.__match_args__ must be a tuple (got {})",
                            self.type_name(&ma)
                        )));
                    }
                },
                None => {
                    let special = matches!(
                        type_data(&ct).kind,
                        TypeKind::Bool
                            | TypeKind::ByteArray
                            | TypeKind::Bytes
                            | TypeKind::Dict
                            | TypeKind::Float
                            | TypeKind::FrozenSet
                            | TypeKind::Int
                            | TypeKind::List
                            | TypeKind::Set
                            | TypeKind::Str
                            | TypeKind::Tuple
                    );
                    (Vec::new(), special)
                }
            };
            let allowed = if match_self { 1 } else { args.len() };
            if npos > allowed {
                return Err(self.type_error(format!(
                    "{cname}() accepts {allowed} positional sub-pattern{} ({npos} given)",
                    if allowed == 1 { "" } else { "s" }
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in args.iter().take(npos) {
                    let Some(n) = crate::str::as_str(name) else {
                        return Err(self.type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        )));
                    };
                    if seen.iter().any(|s| s == n) {
                        return Err(self.type_error(format!(
                            "{cname}() got multiple sub-patterns for attribute '{n}'"
                        )));
                    }
                    seen.push(n.to_string());
                    match self.getattr_opt(subject, n)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        for name in &kw_names {
            let n = crate::str::as_str(name).unwrap_or("");
            if seen.iter().any(|s| s == n) {
                return Err(self.type_error(format!(
                    "{cname}() got multiple sub-patterns for attribute '{n}'"
                )));
            }
            seen.push(n.to_string());
            match self.getattr_opt(subject, n)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(attrs))
    }
}
