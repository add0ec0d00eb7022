//! The iterator protocol: `iter()`, `next()`, and collecting an iterable.
//! Counterpart: Objects/abstract.c `PyObject_GetIter`/`PyIter_Next`, Objects/iterobject.c (3.11).

use std::cell::{Cell, RefCell};

use crate::object::{Payload, PyObject, SeqIter};
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&self, v: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            let kind = crate::types::kind_of(o);
            match (&o.payload, kind) {
                (Payload::List(_), TypeKind::List)
                | (Payload::Tuple(_), TypeKind::Tuple)
                | (Payload::Str(_), TypeKind::Str) => {
                    return Ok(self.new_seq_iter(v.clone(), false));
                }
                _ => {}
            }
            if let Some(it) = crate::builtins::iterators::native_iter(self, v)? {
                return Ok(it);
            }
        }
        match self.lookup_special(v, "__iter__") {
            Some(Value::None) => Err(self.not_iterable(v)),
            Some(m) => {
                let it = self.call(&m, std::slice::from_ref(v))?;
                if self.lookup_special(&it, "__next__").is_none() {
                    return Err(self.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        self.type_name(&it)
                    )));
                }
                Ok(it)
            }
            None => {
                if self.lookup_special(v, "__getitem__").is_some() {
                    Ok(self.new_seq_iter(v.clone(), false))
                } else {
                    Err(self.not_iterable(v))
                }
            }
        }
    }

    pub fn not_iterable(&self, v: &Value) -> crate::vm::PyErr {
        self.type_error(format!("'{}' object is not iterable", self.tp_name(v)))
    }

    pub fn new_seq_iter(&self, seq: Value, reversed: bool) -> Value {
        let start = if reversed {
            match seq.payload() {
                Some(Payload::List(l)) => l.borrow().len(),
                Some(Payload::Tuple(t)) => t.len(),
                Some(Payload::Str(s)) => s.char_len(),
                _ => 0,
            }
        } else {
            0
        };
        let t = if reversed {
            self.types.other("list_reverseiterator")
        } else {
            match seq.payload() {
                Some(Payload::List(_)) => self.types.other("list_iterator"),
                Some(Payload::Tuple(_)) => self.types.other("tuple_iterator"),
                Some(Payload::Str(_)) => self.types.other("str_ascii_iterator"),
                _ => self.types.seq_iter.clone(),
            }
        };
        Value::Obj(PyObject::new(
            t,
            Payload::SeqIter(SeqIter {
                seq: RefCell::new(Some(seq)),
                index: Cell::new(start),
                reversed,
            }),
        ))
    }

    /// `next(it)`: `None` when exhausted (StopIteration is absorbed).
    pub fn next(&self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = it {
            match &o.payload {
                Payload::SeqIter(s) => return self.seq_iter_next(s),
                Payload::Generator(_) if crate::types::kind_of(o) == TypeKind::Generator => {
                    return crate::generator::gen_next(self, o);
                }
                Payload::Native(n) => {
                    if let Some(r) = crate::builtins::iterators::native_next(self, o, n.as_ref()) {
                        return r;
                    }
                }
                _ => {}
            }
        }
        let Some(m) = self.lookup_special(it, "__next__") else {
            return Err(
                self.type_error(format!("'{}' object is not an iterator", self.tp_name(it)))
            );
        };
        match self.call(&m, std::slice::from_ref(it)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, &self.types.exceptions.stop_iteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn seq_iter_next(&self, s: &SeqIter) -> PyResult<Option<Value>> {
        let seq = match &*s.seq.borrow() {
            Some(seq) => seq.clone(),
            None => return Ok(None),
        };
        let i = s.index.get();
        if s.reversed {
            if i == 0 {
                *s.seq.borrow_mut() = None;
                return Ok(None);
            }
            let item = match seq.payload() {
                Some(Payload::List(l)) => l.borrow().get(i - 1).cloned(),
                Some(Payload::Tuple(t)) => t.get(i - 1).cloned(),
                _ => None,
            };
            s.index.set(i - 1);
            if item.is_none() {
                *s.seq.borrow_mut() = None;
            }
            return Ok(item);
        }
        let item = match seq.payload() {
            Some(Payload::List(l)) => l.borrow().get(i).cloned(),
            Some(Payload::Tuple(t)) => t.get(i).cloned(),
            Some(Payload::Str(st))
                if crate::types::kind_of(seq.as_obj().expect("obj")) == TypeKind::Str =>
            {
                st.char_at(i).map(|c| {
                    let mut b = [0u8; 4];
                    self.new_str(c.encode_utf8(&mut b))
                })
            }
            _ => {
                // The __getitem__ protocol: IndexError or StopIteration ends it.
                match self.getitem(&seq, &Value::Int(i as i64)) {
                    Ok(v) => Some(v),
                    Err(e)
                        if self.exc_matches(&e, &self.types.exceptions.index_error)
                            || self.exc_matches(&e, &self.types.exceptions.stop_iteration) =>
                    {
                        None
                    }
                    Err(e) => return Err(e),
                }
            }
        };
        match item {
            Some(v) => {
                s.index.set(i + 1);
                Ok(Some(v))
            }
            None => {
                *s.seq.borrow_mut() = None;
                Ok(None)
            }
        }
    }

    /// Collects an iterable into a vector.
    pub fn iterate(&self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            let kind = crate::types::kind_of(o);
            match (&o.payload, kind) {
                (Payload::List(l), TypeKind::List) => return Ok(l.borrow().clone()),
                (Payload::Tuple(t), TypeKind::Tuple) => return Ok(t.to_vec()),
                _ => {}
            }
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }
}
