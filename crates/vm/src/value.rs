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
/// Layout: two words, the tag and an integer or pointer payload. Every payload is a full
/// integer word (a bool as `Truth`, a float as its bits in `FloatBits`) so that Rust treats
/// `Value` as a pair of scalars: it is passed and returned in two registers and moved as two
/// 8-byte loads and stores. With a `bool` or `f64` payload it was an aggregate, copied with
/// one 16-byte vector load; a value just written as two 8-byte stores (any `Value::Int(r)`)
/// then cannot be forwarded from the store buffer, and each such copy stalled for about
/// 20 cycles (measured on the development VM: int_loops ran 22% faster without them).
/// `.cargo/config.toml` keeps LLVM from merging the two moves back into one vector move.
#[derive(Debug, Default)]
#[repr(u64)]
pub enum Value {
    #[default]
    Null,
    None,
    Bool(Truth),
    Int(i64),
    Float(FloatBits),
    Obj(PyRef),
}

/// A bool as a full word (see `Value`'s layout).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[repr(u64)]
pub enum Truth {
    False = 0,
    True = 1,
}

impl Truth {
    #[inline(always)]
    pub fn get(self) -> bool {
        self == Truth::True
    }
}

impl From<bool> for Truth {
    #[inline(always)]
    fn from(b: bool) -> Truth {
        if b { Truth::True } else { Truth::False }
    }
}

/// A float as its bits in an integer word (see `Value`'s layout).
#[derive(Clone, Copy, Debug)]
#[repr(transparent)]
pub struct FloatBits(u64);

impl FloatBits {
    #[inline(always)]
    pub fn new(f: f64) -> FloatBits {
        FloatBits(f.to_bits())
    }

    #[inline(always)]
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }

    #[inline(always)]
    pub fn to_bits(self) -> u64 {
        self.0
    }
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
    pub const TRUE: Value = Value::Bool(Truth::True);
    pub const FALSE: Value = Value::Bool(Truth::False);

    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        Value::Bool(Truth::from(b))
    }

    #[inline(always)]
    pub fn float(f: f64) -> Value {
        Value::Float(FloatBits::new(f))
    }

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
            (Value::Float(a), Value::Float(b)) => a.0 == b.0,
            _ => false,
        }
    }

    /// `id()`: the address for heap objects; a stable made-up number for immediates.
    pub fn id(&self) -> i64 {
        match self {
            Value::Obj(o) => Rc::as_ptr(o) as usize as i64,
            Value::Null => 0,
            Value::None => 0x1000,
            Value::Bool(b) => 0x1010 + b.get() as i64 * 0x10,
            // Immediates have no address: derive an odd number (heap addresses are even).
            Value::Int(i) => (*i).wrapping_mul(2).wrapping_add(1) ^ 0x5a5a_0000_0000,
            Value::Float(f) => (f.0 as i64) | 1,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::bool(b)
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
        Value::float(f)
    }
}

impl From<PyRef> for Value {
    fn from(o: PyRef) -> Value {
        Value::Obj(o)
    }
}
