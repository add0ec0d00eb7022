//! The VM's value: one 16-byte word that holds small ints, floats, bools and None inline and
//! every other object behind a non-atomic reference count.
//! Counterpart: `PyObject *` in Include/object.h (3.11), with CPython's small-int and float
//! allocations replaced by immediates (see docs/value-representation.md).

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::{Payload, PyObject};

/// A reference to a heap object.
pub type PyRef = Rc<PyObject>;

/// A Python value.
///
/// Exact ints that fit in i64 are always `Int` (never a heap bignum), exact floats are always
/// `Float`; instances of int and float subclasses, and ints outside i64, live on the heap.
/// `Null` is the VM's own "no value": an unbound local slot, the call protocol's NULL marker
/// on the value stack. It never reaches Python code.
///
/// The tag is a full word: every variant is then two aligned words, which moves through
/// registers and memory as two 8-byte loads and stores (with a byte tag, Rust copied the
/// other 15 bytes with overlapping unaligned moves that stalled store forwarding on every
/// push and pop).
#[derive(Debug, Default)]
#[repr(u64)]
pub enum Value {
    #[default]
    Null,
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(PyRef),
}

impl Clone for Value {
    /// A reference-count increment for objects and a plain 16-byte copy: the derived clone
    /// copied variant by variant, through partial loads that stalled store forwarding.
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Obj(o) = self {
            // SAFETY: `o` is a live `Rc`; the increment accounts for the copy made below.
            unsafe { std::rc::Rc::increment_strong_count(std::rc::Rc::as_ptr(o)) };
        }
        // SAFETY: every other variant is plain data; for `Obj` the count was raised above,
        // so the copy owns its own reference.
        unsafe { std::ptr::read(self) }
    }
}

impl Value {
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// An int from a bignum, normalized to `Int` when it fits.
    pub fn from_bigint(n: BigInt) -> Value {
        match n.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Obj(PyObject::bigint(n)),
        }
    }

    #[inline]
    pub fn as_obj(&self) -> Option<&PyRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    #[inline]
    pub fn payload(&self) -> Option<&Payload> {
        match self {
            Value::Obj(o) => Some(&o.payload),
            _ => None,
        }
    }

    /// Identity (`is`). Immediates are identical when equal (floats by bits).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            (Value::None, Value::None) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        }
    }

    /// `id()`: the address for heap objects; a stable made-up number for immediates.
    pub fn id(&self) -> i64 {
        match self {
            Value::Obj(o) => Rc::as_ptr(o) as usize as i64,
            Value::Null => 0,
            Value::None => 0x1000,
            Value::Bool(b) => 0x1010 + *b as i64 * 0x10,
            // Immediates have no address: derive an odd number (heap addresses are even).
            Value::Int(i) => (*i).wrapping_mul(2).wrapping_add(1) ^ 0x5a5a_0000_0000,
            Value::Float(f) => (f.to_bits() as i64) | 1,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<usize> for Value {
    fn from(i: usize) -> Value {
        match i64::try_from(i) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::from_bigint(BigInt::from(i)),
        }
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<PyRef> for Value {
    fn from(o: PyRef) -> Value {
        Value::Obj(o)
    }
}
