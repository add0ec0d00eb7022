//! The constant table of a code object under construction. Equal constants share an index,
//! with CPython's notion of "equal" (`_PyCode_ConstantKey`): same type and value, `0.0` and
//! `-0.0` distinct, `1`, `1.0` and `True` distinct, code objects only equal to themselves.
//! Counterpart: `compiler_add_const` / `merge_consts_recursive` in Python/compile.c (3.11).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use rpy_marshal::Value;

/// A constant compared the way CPython's constant cache compares it.
#[derive(Clone, Debug)]
pub struct ConstKey(pub Value);

impl PartialEq for ConstKey {
    fn eq(&self, other: &ConstKey) -> bool {
        key_eq(&self.0, &other.0)
    }
}

impl Eq for ConstKey {}

fn key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Code(x), Value::Code(y)) => Rc::ptr_eq(x, y),
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q))
        }
        (Value::FrozenSet(x), Value::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| key_eq(p, q)))
        }
        _ => a == b,
    }
}

impl Hash for ConstKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_value(&self.0, state);
    }
}

fn hash_value<H: Hasher>(v: &Value, state: &mut H) {
    std::mem::discriminant(v).hash(state);
    match v {
        Value::Int(n) => n.hash(state),
        Value::Long(n) => n.hash(state),
        Value::Float(x) => x.to_bits().hash(state),
        Value::Complex(re, im) => (re.to_bits(), im.to_bits()).hash(state),
        Value::Str(s) => s.hash(state),
        Value::Bytes(b) => b.hash(state),
        Value::Tuple(items) => {
            items.len().hash(state);
            items.iter().for_each(|x| hash_value(x, state));
        }
        // Order-insensitive, like set equality.
        Value::FrozenSet(items) => items.len().hash(state),
        Value::Code(c) => (Rc::as_ptr(c) as usize).hash(state),
        _ => {}
    }
}

/// `co_consts` being built: insertion-ordered, deduplicated.
#[derive(Debug, Default)]
pub struct ConstPool {
    values: Vec<Value>,
    index: HashMap<ConstKey, u32>,
}

impl ConstPool {
    /// The index of `v`, adding it if new.
    pub fn add(&mut self, v: Value) -> u32 {
        let key = ConstKey(v);
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.values.len() as u32;
        self.values.push(key.0.clone());
        self.index.insert(key, i);
        i
    }

    /// A constant produced by folding (`fold_tuple_on_constants`): same lookup as `add`.
    pub fn add_folded(&mut self, v: Value) -> u32 {
        self.add(v)
    }

    pub fn get(&self, i: u32) -> &Value {
        &self.values[i as usize]
    }

    pub fn truncate(&mut self, n: usize) {
        if n < self.values.len() {
            self.values.truncate(n);
            self.index.retain(|_, i| (*i as usize) < n);
        }
    }

    pub fn into_values(self) -> Vec<Value> {
        self.values
    }
}
