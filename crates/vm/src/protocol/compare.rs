//! Rich comparison, equality and hashing.
//! Counterpart: Objects/object.c `do_richcompare`, `PyObject_Hash` (3.11).

use crate::object::Payload;
use crate::protocol::CmpOp;
use crate::types::{TypeKind, type_data};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `a OP b`.
    pub fn rich_compare(&self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        if let Some(r) = crate::builtins::number_fast::compare(a, b, op) {
            return Ok(Value::bool(r));
        }
        self.enter_native(|| self.rich_compare_slow(a, b, op))
    }

    fn rich_compare_slow(&self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        let ta = self.class_of(a).clone();
        let tb = self.class_of(b).clone();
        let name = op.dunder();
        let rname = op.swapped().dunder();
        let mut checked_reflected = false;
        if !std::rc::Rc::ptr_eq(&ta, &tb)
            && crate::types::is_subtype(&tb, &ta)
            && let Some(r) = type_data(&tb).lookup(rname)
        {
            checked_reflected = true;
            let res = self.call_cmp(&r, b, a)?;
            if !self.is_not_implemented(&res) {
                return Ok(res);
            }
        }
        if let Some(m) = type_data(&ta).lookup(name) {
            let res = self.call_cmp(&m, a, b)?;
            if !self.is_not_implemented(&res) {
                return Ok(res);
            }
        }
        if !checked_reflected && let Some(r) = type_data(&tb).lookup(rname) {
            let res = self.call_cmp(&r, b, a)?;
            if !self.is_not_implemented(&res) {
                return Ok(res);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::bool(a.is(b))),
            CmpOp::Ne => Ok(Value::bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.tp_name(a),
                self.tp_name(b)
            ))),
        }
    }

    fn call_cmp(&self, m: &Value, a: &Value, b: &Value) -> PyResult<Value> {
        if m.is_none() {
            return Ok(Value::Obj(self.types.not_implemented.clone()));
        }
        self.call(m, &[a.clone(), b.clone()])
    }

    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if std::rc::Rc::ptr_eq(o, &self.types.not_implemented))
    }

    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.types.not_implemented.clone())
    }

    /// `a == b` as a bool.
    pub fn eq(&self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) && !matches!(a, Value::Float(_)) {
            return Ok(true);
        }
        if let Some(r) = crate::dict::fast_eq(a, b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// Equality as containers use it: identity first (so `nan in [nan]`).
    pub fn eq_identity_first(&self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        self.eq(a, b)
    }

    /// `hash(v)`.
    pub fn hash(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(crate::builtins::int::hash_i64(*i)),
            Value::Bool(b) => Ok(*b as i64),
            Value::Float(f) => Ok(crate::builtins::float::hash_f64(f.get(), v)),
            Value::None => Ok(0xFCA86420),
            Value::Null => Ok(0),
            Value::Obj(o) => {
                let kind = crate::types::kind_of(o);
                match (&o.payload, kind) {
                    (Payload::Str(s), TypeKind::Str) => Ok(s.hash()),
                    (Payload::Int(n), TypeKind::Int) => Ok(crate::builtins::int::hash_big(n)),
                    (Payload::Tuple(items), TypeKind::Tuple) => self.hash_tuple(items),
                    (_, TypeKind::Heap) => self.hash_user(v),
                    _ => {
                        let td = type_data(o.class());
                        match td.lookup("__hash__") {
                            Some(Value::None) | None => Err(self.unhashable(v)),
                            Some(h) => {
                                let r = self.call(&h, std::slice::from_ref(v))?;
                                self.hash_result(r)
                            }
                        }
                    }
                }
            }
        }
    }

    fn hash_user(&self, v: &Value) -> PyResult<i64> {
        let td = type_data(self.class_of(v));
        match td.lookup("__hash__") {
            Some(Value::None) | None => Err(self.unhashable(v)),
            Some(h) => {
                if let Some(Payload::MethodDescriptor(md)) = h.payload()
                    && md.owner == "object"
                {
                    return Ok(id_hash(v));
                }
                let r = self.enter_native(|| self.call(&h, std::slice::from_ref(v)))?;
                self.hash_result(r)
            }
        }
    }

    fn hash_result(&self, r: Value) -> PyResult<i64> {
        match r {
            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
            Value::Bool(b) => Ok(b as i64),
            Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => {
                let Payload::Int(n) = &o.payload else {
                    unreachable!()
                };
                Ok(crate::builtins::int::hash_big(n))
            }
            _ => Err(self.type_error("__hash__ method should return an integer")),
        }
    }

    pub fn unhashable(&self, v: &Value) -> crate::vm::PyErr {
        self.type_error(format!("unhashable type: '{}'", self.tp_name(v)))
    }

    pub fn hash_tuple(&self, items: &[Value]) -> PyResult<i64> {
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc = P5;
        for item in items {
            let lane = self.hash(item)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add(items.len() as u64 ^ (P5 ^ 3527539));
        Ok(if acc == u64::MAX {
            1546275796
        } else {
            acc as i64
        })
    }
}

/// `object.__hash__`: derived from the identity, as CPython (`id >> 4`, rotated).
pub fn id_hash(v: &Value) -> i64 {
    let id = v.id() as u64;
    let h = id.rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}
