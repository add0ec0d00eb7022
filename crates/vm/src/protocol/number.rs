//! Binary and unary operators with reflected and in-place forms, and `__index__`.
//! Counterpart: Objects/abstract.c `binary_op1`, `binary_iop1`, `PyNumber_Index` (3.11).

use rpy_marshal::Opcode;

use crate::object::Payload;
use crate::types::type_data;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Operator symbol, method, reflected method, in-place method for each NB_* code (0..13).
pub const NB: [(&str, &str, &str, &str); 13] = [
    ("+", "__add__", "__radd__", "__iadd__"),
    ("&", "__and__", "__rand__", "__iand__"),
    ("//", "__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("<<", "__lshift__", "__rlshift__", "__ilshift__"),
    ("@", "__matmul__", "__rmatmul__", "__imatmul__"),
    ("*", "__mul__", "__rmul__", "__imul__"),
    ("%", "__mod__", "__rmod__", "__imod__"),
    ("|", "__or__", "__ror__", "__ior__"),
    ("**", "__pow__", "__rpow__", "__ipow__"),
    (">>", "__rshift__", "__rrshift__", "__irshift__"),
    ("-", "__sub__", "__rsub__", "__isub__"),
    ("/", "__truediv__", "__rtruediv__", "__itruediv__"),
    ("^", "__xor__", "__rxor__", "__ixor__"),
];

pub const NB_ADD: u32 = 0;
pub const NB_MULTIPLY: u32 = 5;
pub const NB_REMAINDER: u32 = 6;
pub const NB_POWER: u32 = 8;

impl Vm {
    /// BINARY_OP with CPython's NB_* code (in-place forms are code + 13).
    pub fn binary_op(&self, a: &Value, b: &Value, code: u32) -> PyResult<Value> {
        let inplace = code >= 13;
        let op = (code % 13) as usize;
        if let Some(r) = crate::builtins::number_fast::binary(self, a, b, op as u32) {
            return r;
        }
        if op == NB_ADD as usize
            && let (Some(x), Some(y)) = (crate::str::exact_str(a), crate::str::exact_str(b))
        {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            return Ok(self.new_string(s));
        }
        // printf-style formatting of an exact str: str.__mod__ takes any right operand but
        // an instance of a str subclass, whose __rmod__ would have the first say.
        if op == NB_REMAINDER as usize
            && let Some(x) = crate::str::exact_str(a)
            && (crate::str::as_str(b).is_none() || crate::str::exact_str(b).is_some())
        {
            return self.enter_native(|| crate::builtins::format::percent_format(self, x, b));
        }
        self.enter_native(|| {
            if inplace
                && let Some(m) = type_data(self.class_of(a)).lookup(NB[op].3)
                && !m.is_none()
            {
                let r = self.call(&m, &[a.clone(), b.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
            match self.binary_op1(a, b, op)? {
                Some(r) => Ok(r),
                None => Err(self.binop_type_error(a, b, op, inplace)),
            }
        })
    }

    /// Tries `a.__op__(b)` and `b.__rop__(a)` in CPython's order; `None` if both decline.
    pub fn binary_op1(&self, a: &Value, b: &Value, op: usize) -> PyResult<Option<Value>> {
        let (_, name, rname, _) = NB[op];
        let ta = self.class_of(a).clone();
        let tb = self.class_of(b).clone();
        let slot_a = type_data(&ta).lookup(name).filter(|m| !m.is_none());
        let slot_b = if std::rc::Rc::ptr_eq(&ta, &tb) {
            None
        } else {
            type_data(&tb).lookup(rname).filter(|m| !m.is_none())
        };
        let mut slot_b = slot_b;
        if let Some(sb) = &slot_b
            && crate::types::is_subtype(&tb, &ta)
        {
            // The subclass's reflected method wins if it overrides the base's.
            let base_r = type_data(&ta).lookup(rname);
            let overrides = match &base_r {
                Some(br) => !br.is(sb),
                None => true,
            };
            if overrides {
                let r = self.call(sb, &[b.clone(), a.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(Some(r));
                }
                slot_b = None;
            }
        }
        if let Some(sa) = slot_a {
            let r = self.call(&sa, &[a.clone(), b.clone()])?;
            if !self.is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
        if let Some(sb) = slot_b {
            let r = self.call(&sb, &[b.clone(), a.clone()])?;
            if !self.is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    fn binop_type_error(&self, a: &Value, b: &Value, op: usize, inplace: bool) -> crate::vm::PyErr {
        let sym = NB[op].0;
        let is_seq = |v: &Value| {
            matches!(
                v.payload(),
                Some(
                    Payload::List(_)
                        | Payload::Tuple(_)
                        | Payload::Str(_)
                        | Payload::Bytes(_)
                        | Payload::ByteArray(_)
                )
            )
        };
        if op == NB_MULTIPLY as usize && (is_seq(a) || is_seq(b)) {
            let other = if is_seq(a) { b } else { a };
            return self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                self.type_name(other)
            ));
        }
        if op == NB_ADD as usize && is_seq(a) && !matches!(a.payload(), Some(Payload::Str(_))) {
            let an = self.type_name(a);
            return self.type_error(format!(
                "can only concatenate {an} (not \"{}\") to {an}",
                self.type_name(b)
            ));
        }
        if op == NB_ADD as usize && matches!(a.payload(), Some(Payload::Str(_))) {
            return self.type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                self.type_name(b)
            ));
        }
        let sym = if inplace {
            format!("{sym}=")
        } else {
            sym.to_string()
        };
        if op == NB_POWER as usize && !inplace {
            return self.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                self.tp_name(a),
                self.tp_name(b)
            ));
        }
        self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            self.tp_name(a),
            self.tp_name(b)
        ))
    }

    /// UNARY_NEGATIVE / UNARY_POSITIVE / UNARY_INVERT.
    pub fn unary_op(&self, v: &Value, op: Opcode) -> PyResult<Value> {
        let (name, sym) = match op {
            Opcode::UnaryNegative => ("__neg__", "-"),
            Opcode::UnaryPositive => ("__pos__", "+"),
            _ => ("__invert__", "~"),
        };
        if let Some(r) = crate::builtins::number_fast::unary(self, v, name) {
            return r;
        }
        match self.call_special(v, name, &[])? {
            Some(r) => Ok(r),
            None => Err(self.type_error(format!(
                "bad operand type for unary {sym}: '{}'",
                self.type_name(v)
            ))),
        }
    }

    /// `operator.index(v)`: an int value (`Value::Int` or a heap int).
    pub fn index_value(&self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) => Ok(v.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => {
                if crate::types::kind_of(o) == crate::types::TypeKind::Int {
                    Ok(v.clone())
                } else {
                    let Payload::Int(n) = &o.payload else {
                        unreachable!()
                    };
                    Ok(Value::from_bigint(n.clone()))
                }
            }
            _ => match self.call_special(v, "__index__", &[])? {
                Some(r) => match &r {
                    Value::Int(_) => Ok(r),
                    Value::Bool(b) => Ok(Value::Int(*b as i64)),
                    Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => Ok(r),
                    _ => Err(self.type_error(format!(
                        "__index__ returned non-int (type {})",
                        self.type_name(&r)
                    ))),
                },
                None => Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                ))),
            },
        }
    }

    /// `__index__` as i64; OverflowError with `msg` context when it does not fit.
    pub fn index_i64(&self, v: &Value) -> PyResult<i64> {
        match self.index_value(v)? {
            Value::Int(i) => Ok(i),
            _ => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
        }
    }

    /// `__index__` clamped to isize range (as slice indices are).
    pub fn index_clamped(&self, v: &Value) -> PyResult<i64> {
        match self.index_value(v)? {
            Value::Int(i) => Ok(i),
            Value::Obj(o) => match &o.payload {
                Payload::Int(n) => Ok(if n.sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                }),
                _ => Ok(0),
            },
            _ => Ok(0),
        }
    }
}
