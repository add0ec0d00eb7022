//! The constant table of a code object under construction. Equal constants share an index,
//! with CPython's notion of "equal" (`_PyCode_ConstantKey`): same type and value, `0.0` and
//! `-0.0` distinct, `1`, `1.0` and `True` distinct, code objects only equal to themselves.
//! Counterpart: `compiler_add_const` / `merge_consts_recursive` in Python/compile.c (3.11).

use rustc_hash::FxHashMap as HashMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use num_traits::FromPrimitive;
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

/// `c_const_cache` and `merge_consts_recursive`: one instance of each constant tuple,
/// frozenset and big int across all the code objects of a compilation (the `co_consts`
/// tuples included), so that marshal writes the repeats as references and the loaded
/// objects are shared, as in CPython's pycs (test_compile's test_merge_constants).
#[derive(Debug, Default)]
pub struct ConstCache {
    seen: HashMap<ConstKey, Value>,
}

impl ConstCache {
    pub fn merge(&mut self, v: Value) -> Value {
        let v = match v {
            Value::Tuple(items) => {
                Value::Tuple(items.iter().map(|x| self.merge(x.clone())).collect())
            }
            Value::FrozenSet(items) => {
                Value::FrozenSet(items.iter().map(|x| self.merge(x.clone())).collect())
            }
            Value::Long(_) => v,
            other => return other,
        };
        self.seen.entry(ConstKey(v.clone())).or_insert(v).clone()
    }

    /// The merged `co_consts` of a code object.
    pub fn merge_consts(&mut self, consts: Rc<[Value]>) -> Rc<[Value]> {
        match self.merge(Value::Tuple(consts)) {
            Value::Tuple(t) => t,
            _ => unreachable!("a tuple merges to a tuple"),
        }
    }
}

/// A frozenset constant of `items`, as `frozenset(items)` builds it: an item equal (Python's
/// `==`) to an earlier one is dropped, so `{1, 1.0, True}` keeps the int `1`.
pub fn frozenset(items: impl IntoIterator<Item = Value>) -> Value {
    let mut kept: Vec<Value> = Vec::new();
    for item in items {
        if !kept.iter().any(|k| py_eq(k, &item)) {
            kept.push(item);
        }
    }
    Value::FrozenSet(kept.into())
}

/// A number's value for Python's cross-type `==` (bool, int, float and complex compare by
/// value).
enum Number<'a> {
    Int(std::borrow::Cow<'a, num_bigint::BigInt>),
    Float(f64),
    Complex(f64, f64),
}

fn number(v: &Value) -> Option<Number<'_>> {
    use std::borrow::Cow;
    Some(match v {
        Value::False => Number::Int(Cow::Owned(0.into())),
        Value::True => Number::Int(Cow::Owned(1.into())),
        Value::Int(n) => Number::Int(Cow::Owned((*n).into())),
        Value::Long(n) => Number::Int(Cow::Borrowed(n)),
        Value::Float(x) => Number::Float(*x),
        Value::Complex(re, im) => Number::Complex(*re, *im),
        _ => return None,
    })
}

/// An int equals a float only when the float is integral and exactly that int.
fn int_eq_float(n: &num_bigint::BigInt, x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0 && num_bigint::BigInt::from_f64(x).is_some_and(|m| &m == n)
}

fn real_eq(a: &Number, b: &Number) -> bool {
    match (a, b) {
        (Number::Int(m), Number::Int(n)) => m == n,
        (Number::Int(n), Number::Float(x)) | (Number::Float(x), Number::Int(n)) => {
            int_eq_float(n, *x)
        }
        (Number::Float(x), Number::Float(y)) => x == y,
        _ => false,
    }
}

/// Python's `==` between two constants.
fn py_eq(a: &Value, b: &Value) -> bool {
    if let (Some(x), Some(y)) = (number(a), number(b)) {
        return match (x, y) {
            (Number::Complex(r1, i1), Number::Complex(r2, i2)) => r1 == r2 && i1 == i2,
            (Number::Complex(re, im), other) | (other, Number::Complex(re, im)) => {
                im == 0.0 && real_eq(&Number::Float(re), &other)
            }
            (x, y) => real_eq(&x, &y),
        };
    }
    match (a, b) {
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| py_eq(p, q))
        }
        (Value::FrozenSet(x), Value::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| py_eq(p, q)))
        }
        (Value::Code(x), Value::Code(y)) => Rc::ptr_eq(x, y),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(v: &Value) -> Vec<String> {
        match v {
            Value::FrozenSet(items) => items.iter().map(|x| format!("{x:?}")).collect(),
            _ => panic!("not a frozenset"),
        }
    }

    #[test]
    fn frozenset_keeps_the_first_of_equal_items() {
        let big = Value::from_bigint(num_bigint::BigInt::from(1u64 << 63));
        let set = frozenset([
            Value::Int(1),
            Value::Float(1.0),
            Value::True,
            Value::Complex(1.0, 0.0),
            Value::Float(-0.0),
            Value::False,
            Value::Float(0.0),
            Value::Float(9223372036854775808.0),
            big.clone(),
            Value::Float(f64::NAN),
            Value::Float(f64::NAN),
            Value::Tuple(vec![Value::Int(2), Value::str("a")].into()),
            Value::Tuple(vec![Value::Float(2.0), Value::str("a")].into()),
            Value::str("1"),
            Value::Bytes(b"1".as_slice().into()),
        ]);
        let want = frozenset_unchecked(&[
            Value::Int(1),
            Value::Float(-0.0),
            Value::Float(9223372036854775808.0),
            Value::Float(f64::NAN),
            Value::Float(f64::NAN),
            Value::Tuple(vec![Value::Int(2), Value::str("a")].into()),
            Value::str("1"),
            Value::Bytes(b"1".as_slice().into()),
        ]);
        assert_eq!(items(&set), items(&want));
        assert!(
            matches!(frozenset([big, Value::Float((1u64 << 63) as f64)]),
            Value::FrozenSet(s) if s.len() == 1)
        );
    }

    fn frozenset_unchecked(items: &[Value]) -> Value {
        Value::FrozenSet(items.to_vec().into())
    }
}
