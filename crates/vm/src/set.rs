//! The hash table behind `set` and `frozenset`, laid out as CPython's so that iteration
//! order (which programs print) is the same: open addressing with runs of linear probes,
//! then perturbation; dummies on deletion; growth by 4× (2× past 50,000 items).
//! Counterpart: Objects/setobject.c (3.11).

use std::cell::RefCell;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Default)]
enum Slot {
    #[default]
    Unused,
    Dummy,
    Active(i64, Value),
}

#[derive(Clone)]
pub struct SetData {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    version: u64,
    /// `pop()`'s search finger.
    finger: usize,
}

impl Default for SetData {
    fn default() -> SetData {
        SetData::new()
    }
}

enum Probe {
    Found(usize),
    /// Free slot to insert at, and whether it is a reused dummy.
    Missing(usize, bool),
    NeedsEq(usize, Value),
}

impl SetData {
    pub fn new() -> SetData {
        SetData {
            table: vec![Slot::Unused; MIN_SIZE],
            fill: 0,
            used: 0,
            version: 0,
            finger: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    /// Items in table order (CPython's iteration order).
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(_, v) => Some(v),
            _ => None,
        })
    }

    pub fn items(&self) -> Vec<Value> {
        self.iter().cloned().collect()
    }

    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.table
            .iter()
            .filter_map(|s| match s {
                Slot::Active(h, v) => Some((*h, v.clone())),
                _ => None,
            })
            .collect()
    }

    /// The item at table position `i` or later, with the next position.
    pub fn item_at(&self, mut i: usize) -> Option<(usize, &Value)> {
        while i < self.table.len() {
            if let Slot::Active(_, v) = &self.table[i] {
                return Some((i + 1, v));
            }
            i += 1;
        }
        None
    }

    fn probe(&self, hash: i64, key: &Value, rejected: &[usize]) -> Probe {
        let mask = self.table.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Unused => {
                        return match freeslot {
                            Some(f) => Probe::Missing(f, true),
                            None => Probe::Missing(j, false),
                        };
                    }
                    Slot::Dummy => {
                        freeslot.get_or_insert(j);
                    }
                    Slot::Active(h, k) => {
                        if *h == hash && !rejected.contains(&j) {
                            if k.is(key) {
                                return Probe::Found(j);
                            }
                            match crate::dict::fast_eq(k, key) {
                                Some(true) => return Probe::Found(j),
                                Some(false) => {}
                                None => return Probe::NeedsEq(j, k.clone()),
                            }
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Unused; newsize]);
        self.fill = self.used;
        for s in old {
            if let Slot::Active(h, v) = s {
                self.insert_clean(h, v);
            }
        }
    }

    /// Inserts into a table known to hold no dummies and not the key.
    fn insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.table.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if let Slot::Unused = self.table[j] {
                    self.table[j] = Slot::Active(hash, key);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn put(&mut self, slot: usize, dummy: bool, hash: i64, key: Value) {
        self.table[slot] = Slot::Active(hash, key);
        self.used += 1;
        self.version += 1;
        if !dummy {
            self.fill += 1;
            let mask = self.table.len() - 1;
            if self.fill * 5 >= mask * 3 {
                let target = if self.used > 50000 {
                    self.used * 2
                } else {
                    self.used * 4
                };
                self.resize(target);
            }
        }
    }

    /// Adds a key whose equality needs no Python code.
    pub fn add_simple(&mut self, hash: i64, key: Value) {
        match self.probe(hash, &key, &[]) {
            Probe::Found(_) => {}
            Probe::Missing(slot, dummy) => self.put(slot, dummy, hash, key),
            Probe::NeedsEq(..) => {
                // Treat as distinct: find a free slot past all candidates.
                let mut rejected = Vec::new();
                loop {
                    match self.probe(hash, &key, &rejected) {
                        Probe::NeedsEq(j, _) => rejected.push(j),
                        Probe::Found(_) => return,
                        Probe::Missing(slot, dummy) => return self.put(slot, dummy, hash, key),
                    }
                }
            }
        }
    }

    pub fn clear(&mut self) {
        *self = SetData::new();
    }

    /// Removes and returns an arbitrary item (`set.pop`), as CPython picks it.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut i = self.finger & mask;
        loop {
            if let Slot::Active(..) = self.table[i] {
                break;
            }
            i = (i + 1) & mask;
        }
        let old = std::mem::replace(&mut self.table[i], Slot::Dummy);
        self.used -= 1;
        self.version += 1;
        self.finger = i + 1;
        match old {
            Slot::Active(_, v) => Some(v),
            _ => None,
        }
    }

    /// Copies another table when this one is empty: same size, same positions (what
    /// `set(other_set)` does in CPython).
    pub fn copy_from(&mut self, other: &SetData) {
        self.table = other
            .table
            .iter()
            .map(|s| match s {
                Slot::Dummy => Slot::Unused,
                s => s.clone(),
            })
            .collect();
        if other.fill != other.used {
            // Had dummies: rebuild cleanly at the same size.
            let entries = other.entries();
            self.table = vec![Slot::Unused; other.table.len()];
            for (h, v) in entries {
                self.insert_clean(h, v);
            }
        }
        self.used = other.used;
        self.fill = other.used;
        self.version += 1;
    }

    /// Makes room for `n` more items before a bulk insertion (CPython's set_merge and the
    /// dict fast path resize first).
    pub fn reserve_for(&mut self, n: usize) {
        let mask = self.table.len() - 1;
        if (self.fill + n) * 5 >= mask * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for s in &self.table {
            if let Slot::Active(_, v) = s {
                visit(v);
            }
        }
    }
}

/// Where `key` is in the table, or where it would go: probes, running Python equality for
/// candidates with the table released, and starting over if the table changed meanwhile.
fn resolve(vm: &Vm, table: &RefCell<SetData>, key: &Value, hash: i64) -> PyResult<Probe> {
    let mut rejected = Vec::new();
    loop {
        let (p, version) = {
            let t = table.borrow();
            (t.probe(hash, key, &rejected), t.version)
        };
        let Probe::NeedsEq(j, cand) = p else {
            return Ok(p);
        };
        let eq = vm.eq(&cand, key)?;
        if table.borrow().version != version {
            rejected.clear();
            continue;
        }
        if eq {
            return Ok(Probe::Found(j));
        }
        rejected.push(j);
    }
}

/// Looks `key` up.
pub fn contains(vm: &Vm, table: &RefCell<SetData>, key: &Value) -> PyResult<bool> {
    let hash = vm.hash(key)?;
    contains_hashed(vm, table, key, hash)
}

pub fn contains_hashed(
    vm: &Vm,
    table: &RefCell<SetData>,
    key: &Value,
    hash: i64,
) -> PyResult<bool> {
    Ok(matches!(resolve(vm, table, key, hash)?, Probe::Found(_)))
}

/// Adds `key`.
pub fn add(vm: &Vm, table: &RefCell<SetData>, key: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    add_hashed(vm, table, key, hash)
}

pub fn add_hashed(vm: &Vm, table: &RefCell<SetData>, key: Value, hash: i64) -> PyResult<()> {
    if let Probe::Missing(slot, dummy) = resolve(vm, table, &key, hash)? {
        table.borrow_mut().put(slot, dummy, hash, key);
    }
    Ok(())
}

/// Removes `key`; whether it was present.
pub fn discard(vm: &Vm, table: &RefCell<SetData>, key: &Value) -> PyResult<bool> {
    let hash = vm.hash(key)?;
    let Probe::Found(j) = resolve(vm, table, key, hash)? else {
        return Ok(false);
    };
    let old = {
        let mut t = table.borrow_mut();
        t.used -= 1;
        t.version += 1;
        std::mem::replace(&mut t.table[j], Slot::Dummy)
    };
    drop(old);
    Ok(true)
}
