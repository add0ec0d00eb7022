//! The ordered hash table behind `dict` (and, for now, the class and module namespaces).
//! Counterpart: Objects/dictobject.c (3.11): a sparse index table pointing into a dense,
//! insertion-ordered entry array, probed with CPython's perturbation sequence.
//!
//! Keys are compared with `__eq__`, which may run Python code that mutates the very dict being
//! searched. The table is therefore never borrowed across such a call: a lookup that needs
//! Python equality copies the candidate key out, releases the borrow, compares, and starts
//! again if the dict's version moved meanwhile.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    /// `Value::Null` for a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct DictData {
    /// The hash table: entry indices, `EMPTY` or `DUMMY` (a fixed size until the next grow,
    /// so a boxed slice: every object pays for the largest payload).
    indices: Box<[u32]>,
    entries: Vec<Entry>,
    used: usize,
    /// The keys version: replaced on every insertion of a new key and every deletion (never on
    /// a value update), by a number no other dict layout ever had (0 only while the dict never
    /// held a key). Lookups and iterators use it to notice a mutation made by Python code they
    /// called; the eval loop's inline caches use it to know that a name is still (or still
    /// not) at the entry where it was found.
    version: u64,
    /// Two bits (`bloom_bits`) for the hash of every key ever inserted: a name lookup with
    /// either bit clear misses without probing (the method lookups' check that an instance's
    /// `__dict__` does not shadow the method, mostly). Keys are added only by `insert_new`.
    bloom: u64,
}

/// The bits of `DictData::bloom` that a key with this hash sets: two, from separate parts of
/// the hash, so that a name missing from an instance dict of a few keys probes about once in
/// a thousand lookups (once in 64/keys with one bit; the hashes of strs change every run,
/// and so did the speed of a program whose method names happened to collide).
#[inline(always)]
fn bloom_bits(hash: i64) -> u64 {
    let h = hash as u64;
    (1u64 << (h & 63)) | (1u64 << ((h >> 6) & 63))
}

thread_local! {
    static LAST_DICT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn next_version() -> u64 {
    LAST_DICT_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

/// Outcome of probing for one key.
enum Probe {
    Found(usize),
    /// Not present; the index slot where it would go.
    Missing(usize),
    /// A candidate with the same hash needs Python equality: (entry index, key).
    NeedsEq(usize, Value),
}

impl DictData {
    pub fn new() -> DictData {
        DictData::default()
    }

    pub fn with_capacity(n: usize) -> DictData {
        let mut d = DictData::default();
        if n > 0 {
            let size = (n * 3 / 2 + 1).next_power_of_two().max(8);
            d.indices = vec![EMPTY; size].into_boxed_slice();
            d.entries.reserve(n);
        }
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Entries in insertion order, deleted ones skipped.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (&e.key, &e.value))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    /// The entry at position `i` of the dense array (iterators walk positions), with the next
    /// position to look at; `None` past the end.
    pub fn entry_at(&self, mut i: usize) -> Option<(usize, &Entry)> {
        while i < self.entries.len() {
            let e = &self.entries[i];
            if !e.key.is_null() {
                return Some((i + 1, e));
            }
            i += 1;
        }
        None
    }

    /// Position-based capacity of the dense array (for iterator length hints).
    pub fn dense_len(&self) -> usize {
        self.entries.len()
    }

    pub fn clear(&mut self) {
        self.indices = Box::default();
        self.entries.clear();
        self.used = 0;
        self.bloom = 0;
        self.version = next_version();
    }

    fn probe(&self, hash: i64, key: &Value) -> Probe {
        self.probe_after(hash, key, &[])
    }

    /// Probes for `key`, skipping the entries in `rejected` (candidates that Python equality
    /// already found unequal).
    fn probe_after(&self, hash: i64, key: &Value, rejected: &[usize]) -> Probe {
        if self.indices.is_empty() {
            return Probe::Missing(0);
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free_slot = None;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Probe::Missing(free_slot.unwrap_or(i));
            }
            if ix == DUMMY {
                free_slot.get_or_insert(i);
            } else if !rejected.contains(&(ix as usize)) {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    if e.key.is(key) {
                        return Probe::Found(ix as usize);
                    }
                    match fast_eq(&e.key, key) {
                        Some(true) => return Probe::Found(ix as usize),
                        Some(false) => {}
                        None => return Probe::NeedsEq(ix as usize, e.key.clone()),
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    fn grow(&mut self) {
        let live: Vec<Entry> = self
            .entries
            .drain(..)
            .filter(|e| !e.key.is_null())
            .collect();
        let size = ((live.len() + 1) * 3).next_power_of_two().max(8);
        self.indices = vec![EMPTY; size].into_boxed_slice();
        let mask = size - 1;
        for (n, e) in live.iter().enumerate() {
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            self.indices[i] = n as u32;
        }
        self.entries = live;
    }

    fn insert_new(&mut self, slot: usize, hash: i64, key: Value, value: Value) {
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.bloom |= bloom_bits(hash);
        self.used += 1;
        self.version = next_version();
    }

    fn needs_grow(&self) -> bool {
        // Keep the index table at most 2/3 full, counting deleted entries still in `entries`.
        self.indices.is_empty() || (self.entries.len() + 1) * 3 > self.indices.len() * 2
    }

    fn remove_at(&mut self, ix: usize) -> (Value, Value) {
        let mask = self.indices.len() - 1;
        let hash = self.entries[ix].hash;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != ix as u32 {
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        self.indices[i] = DUMMY;
        let e = &mut self.entries[ix];
        let key = std::mem::take(&mut e.key);
        let value = std::mem::take(&mut e.value);
        self.used -= 1;
        self.version = next_version();
        // Trailing deleted entries can be dropped outright.
        while self.entries.last().is_some_and(|e| e.key.is_null()) {
            self.entries.pop();
        }
        (key, value)
    }

    /// Lookup by a `&str` key without a VM: class and module namespaces.
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        if self.indices.is_empty() {
            return None;
        }
        self.get_str_hashed(key, crate::str::hash_str(key))
    }

    /// The entry index of a str name (for inline caches; see `value_at`).
    pub fn index_of_name(&self, name: &PyRef) -> Option<usize> {
        match &name.payload {
            Payload::Str(s) if !self.indices.is_empty() => self.find_str(s.as_str(), s.hash()),
            _ => None,
        }
    }

    /// The value of entry `ix`, if that entry is live. Valid as a lookup only while the keys
    /// version is the one under which `ix` was found.
    #[inline]
    pub fn value_at(&self, ix: usize) -> Option<&Value> {
        self.entries
            .get(ix)
            .filter(|e| !e.key.is_null())
            .map(|e| &e.value)
    }

    /// The value of entry `ix` if its key is `name` itself (an interned name: no hashing).
    #[inline]
    pub fn value_at_if_key(&self, ix: usize, name: &PyRef) -> Option<&Value> {
        match self.entries.get(ix) {
            Some(Entry {
                key: Value::Obj(k),
                value,
                ..
            }) if Rc::ptr_eq(k, name) => Some(value),
            _ => None,
        }
    }

    /// Replaces the value of entry `ix` if its key is `name` itself; gives the value back
    /// otherwise. The displaced value must be dropped after releasing the table.
    #[inline]
    pub fn replace_at_if_key(&mut self, ix: usize, name: &PyRef, v: Value) -> Result<Value, Value> {
        match self.entries.get_mut(ix) {
            Some(Entry {
                key: Value::Obj(k),
                value,
                ..
            }) if Rc::ptr_eq(k, name) => Ok(std::mem::replace(value, v)),
            _ => Err(v),
        }
    }

    /// Lookup by a str object's text with its cached hash (names in code objects).
    #[inline]
    pub fn get_name(&self, name: &PyRef) -> Option<&Value> {
        match &name.payload {
            Payload::Str(s) => {
                let hash = s.hash();
                let bits = bloom_bits(hash);
                if self.bloom & bits != bits || self.indices.is_empty() {
                    return None;
                }
                self.get_str_hashed(s.as_str(), hash)
            }
            _ => None,
        }
    }

    fn get_str_hashed(&self, key: &str, hash: i64) -> Option<&Value> {
        self.find_str(key, hash).map(|ix| &self.entries[ix].value)
    }

    /// The entry index of a str key.
    fn find_str(&self, key: &str, hash: i64) -> Option<usize> {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash
                    && let Some(s) = crate::str::exact_str(&e.key)
                    && ((s.as_ptr() == key.as_ptr() && s.len() == key.len()) || s == key)
                {
                    return Some(ix as usize);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// Insert for keys known to compare without Python code (str, int, ...). Returns the
    /// value it replaced: the caller must drop it only after releasing any borrow of the
    /// table, since dropping may run Python code (`__del__`).
    #[must_use = "drop the displaced value after releasing the table"]
    pub fn insert_simple(&mut self, hash: i64, key: Value, value: Value) -> Option<Value> {
        loop {
            match self.probe(hash, &key) {
                Probe::Found(ix) => {
                    return Some(std::mem::replace(&mut self.entries[ix].value, value));
                }
                Probe::Missing(slot) => {
                    if self.needs_grow() {
                        self.grow();
                        continue;
                    }
                    self.insert_new(slot, hash, key, value);
                    return None;
                }
                // A user object with the same hash as a simple key: treat as distinct.
                Probe::NeedsEq(..) => {
                    self.insert_distinct(hash, key, value);
                    return None;
                }
            }
        }
    }

    /// Inserts a key known not to be present.
    fn insert_distinct(&mut self, hash: i64, key: Value, value: Value) {
        if self.needs_grow() {
            self.grow();
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY && self.indices[i] != DUMMY {
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        self.insert_new(i, hash, key, value);
    }

    /// Sets a str key; returns the displaced value (see `insert_simple`).
    #[must_use = "drop the displaced value after releasing the table"]
    pub fn set_str(&mut self, key: PyRef, value: Value) -> Option<Value> {
        let hash = match &key.payload {
            Payload::Str(s) => s.hash(),
            _ => crate::str::hash_str(""),
        };
        self.insert_simple(hash, Value::Obj(key), value)
    }

    pub fn remove_str(&mut self, key: &str) -> Option<Value> {
        let hash = crate::str::hash_str(key);
        let k = Value::Obj(crate::str::new_str(key));
        match self.probe(hash, &k) {
            Probe::Found(ix) => Some(self.remove_at(ix).1),
            _ => None,
        }
    }

    /// Pops the last inserted item (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let ix = self.entries.iter().rposition(|e| !e.key.is_null())?;
        Some(self.remove_at(ix))
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for e in &self.entries {
            visit(&e.key);
            visit(&e.value);
        }
    }
}

/// Equality that needs no Python code, or `None` when `__eq__` must be called.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => Some(x == y),
        (Bool(x), Bool(y)) => Some(x == y),
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => Some(*x == *y as i64),
        (Float(x), Float(y)) => Some(x.get() == y.get()),
        (Int(x), Float(y)) | (Float(y), Int(x)) => {
            Some(crate::builtins::float::int_float_eq(*x, y.get()))
        }
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => Some((x.get() as i64 as f64) == y.get()),
        (None, None) => Some(true),
        (Obj(x), Obj(y)) => {
            if std::rc::Rc::ptr_eq(x, y) {
                return Some(true);
            }
            match (&x.payload, &y.payload) {
                (Payload::Str(s), Payload::Str(t))
                    if crate::str::is_exact(x) && crate::str::is_exact(y) =>
                {
                    Some(s.as_str() == t.as_str())
                }
                (Payload::Int(m), Payload::Int(n))
                    if crate::builtins::int::is_exact_obj(x)
                        && crate::builtins::int::is_exact_obj(y) =>
                {
                    Some(m == n)
                }
                (Payload::Tuple(p), Payload::Tuple(q))
                    if crate::builtins::tuple::is_exact(x)
                        && crate::builtins::tuple::is_exact(y) =>
                {
                    if p.len() != q.len() {
                        return Some(false);
                    }
                    for (u, v) in p.iter().zip(q.iter()) {
                        if !fast_eq(u, v)? {
                            return Some(false);
                        }
                    }
                    Some(true)
                }
                _ => Option::None,
            }
        }
        (Obj(o), None)
        | (None, Obj(o))
        | (Obj(o), Int(_))
        | (Int(_), Obj(o))
        | (Obj(o), Bool(_))
        | (Bool(_), Obj(o))
        | (Obj(o), Float(_))
        | (Float(_), Obj(o)) => {
            // Built-in objects never equal an immediate of another kind; user objects may.
            if crate::types::is_builtin_exact(o) {
                match &o.payload {
                    Payload::Int(_) | Payload::Float(_) | Payload::Complex(..) => Option::None,
                    _ => Some(false),
                }
            } else {
                Option::None
            }
        }
        (Null, _) | (_, Null) => Some(false),
        _ => Some(false),
    }
}

/// A lookup helper tied to a dict object: hashes the key, probes, and runs Python equality
/// with the table released.
pub fn lookup(vm: &Vm, table: &RefCell<DictData>, key: &Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    // Settled without Python equality (the usual case): only the value is cloned.
    {
        let d = table.borrow();
        match d.probe_after(hash, key, &[]) {
            Probe::Found(ix) => return Ok(Some(d.entries[ix].value.clone())),
            Probe::Missing(_) => return Ok(None),
            Probe::NeedsEq(..) => {}
        }
    }
    lookup_hashed(vm, table, key, hash).map(|r| r.map(|(_, v)| v))
}

/// Finds `key` (with precomputed `hash`); returns the stored key and value.
pub fn lookup_hashed(
    vm: &Vm,
    table: &RefCell<DictData>,
    key: &Value,
    hash: i64,
) -> PyResult<Option<(Value, Value)>> {
    let mut rejected: Vec<usize> = Vec::new();
    loop {
        let (probe, version) = {
            let d = table.borrow();
            (d.probe_after(hash, key, &rejected), d.version)
        };
        match probe {
            Probe::Found(ix) => {
                let d = table.borrow();
                let e = &d.entries[ix];
                return Ok(Some((e.key.clone(), e.value.clone())));
            }
            Probe::Missing(_) => return Ok(None),
            Probe::NeedsEq(ix, candidate) => {
                let eq = vm.eq(&candidate, key)?;
                let d = table.borrow();
                if d.version != version {
                    rejected.clear();
                    continue;
                }
                if eq {
                    let e = &d.entries[ix];
                    return Ok(Some((e.key.clone(), e.value.clone())));
                }
                rejected.push(ix);
            }
        }
    }
}

/// `d[key] = value`.
pub fn set_item(vm: &Vm, table: &RefCell<DictData>, key: Value, value: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    set_item_hashed(vm, table, key, hash, value)
}

pub fn set_item_hashed(
    vm: &Vm,
    table: &RefCell<DictData>,
    key: Value,
    hash: i64,
    value: Value,
) -> PyResult<()> {
    let mut rejected: Vec<usize> = Vec::new();
    loop {
        let (probe, version) = {
            let d = table.borrow();
            (d.probe_after(hash, &key, &rejected), d.version)
        };
        match probe {
            Probe::Found(ix) => {
                let old = std::mem::replace(&mut table.borrow_mut().entries[ix].value, value);
                drop(old);
                return Ok(());
            }
            Probe::Missing(_) => {
                let mut d = table.borrow_mut();
                if d.needs_grow() {
                    d.grow();
                }
                // Recompute the slot: growing moved everything.
                let slot = match d.probe_after(hash, &key, &rejected) {
                    Probe::Missing(s) => s,
                    _ => {
                        d.insert_distinct(hash, key, value);
                        return Ok(());
                    }
                };
                d.insert_new(slot, hash, key, value);
                return Ok(());
            }
            Probe::NeedsEq(ix, candidate) => {
                let eq = vm.eq(&candidate, &key)?;
                let version_now = table.borrow().version;
                if version_now != version {
                    rejected.clear();
                    continue;
                }
                if eq {
                    let old = std::mem::replace(&mut table.borrow_mut().entries[ix].value, value);
                    drop(old);
                    return Ok(());
                }
                rejected.push(ix);
            }
        }
    }
}

/// `del d[key]`: the removed value, or `None` if absent.
pub fn remove(vm: &Vm, table: &RefCell<DictData>, key: &Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    let mut rejected: Vec<usize> = Vec::new();
    loop {
        let (probe, version) = {
            let d = table.borrow();
            (d.probe_after(hash, key, &rejected), d.version)
        };
        match probe {
            Probe::Found(ix) => {
                let (k, v) = table.borrow_mut().remove_at(ix);
                drop(k);
                return Ok(Some(v));
            }
            Probe::Missing(_) => return Ok(None),
            Probe::NeedsEq(ix, candidate) => {
                let eq = vm.eq(&candidate, key)?;
                if table.borrow().version != version {
                    rejected.clear();
                    continue;
                }
                if eq {
                    let (k, v) = table.borrow_mut().remove_at(ix);
                    drop(k);
                    return Ok(Some(v));
                }
                rejected.push(ix);
            }
        }
    }
}
