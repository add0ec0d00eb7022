//! Inline caches: what an attribute or global-name instruction found the last time it ran,
//! with the version tags under which that finding stays true.
//! Counterpart: the CACHE entries and Python/specialize.c (3.11), kept beside the internal
//! instructions (`Code::caches`) instead of inside the bytecode.
//!
//! Two kinds of tags make a hit safe without repeating the lookup:
//! - a type's version tag (`TypeData::version`), replaced whenever the namespace, bases or MRO
//!   of the type or of any of its bases change;
//! - a dict's keys version (`DictData::version`), replaced whenever a key is added or removed
//!   (never reused by another layout), so that an entry index found under it still holds the
//!   same key.
//!
//! A cache that does not match is refilled by the generic path, which stays the one source of
//! truth: a miss costs one generic lookup plus the fill.

use std::cell::UnsafeCell;

use crate::builtins::misc::Member;
use crate::frame::Frame;
use crate::object::{Payload, PyObject};
use crate::protocol::attr::{Descr, str_of};
use crate::types::type_data;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// `Instr::cache` of an instruction without a cache.
pub const NO_CACHE: u16 = u16::MAX;

/// What one instruction remembers.
#[derive(Clone, Default)]
pub enum Cache {
    #[default]
    Empty,
    /// LOAD_GLOBAL: the name is entry `index` of the globals (keys version `globals`).
    Global { globals: u64, index: u32 },
    /// LOAD_GLOBAL: the name is not in the globals (keys version `globals`) and is entry
    /// `index` of the builtins (keys version `builtins`).
    Builtin {
        globals: u64,
        builtins: u64,
        index: u32,
    },
    /// LOAD_ATTR / STORE_ATTR on instances of the types with tags `ty` (two: a method
    /// inherited by a subclass sees both): the type has no data descriptor for the name, so
    /// the instance `__dict__` decides; `hint` is the entry where the name was last found
    /// there.
    InstanceDict { ty: [u64; 2], hint: u32 },
    /// LOAD_ATTR on instances of the type with tag `ty`: a class attribute that is no
    /// descriptor, unless the instance's `__dict__` shadows it.
    ClassValue { ty: u64, value: Held },
    /// LOAD_ATTR on instances of the type with tag `ty`: a property or getset descriptor.
    DataDescr { ty: u64, descr: Held },
    /// LOAD_METHOD on instances of the types with tags `ty[i]`: the function or method
    /// descriptor `func[i]`, unless the instance's `__dict__` shadows it.
    Method { ty: [u64; 2], func: [Held; 2] },
    /// LOAD_ATTR on the class object with tag `ty` itself (its metaclass is `type`): a plain
    /// value or a function.
    TypeAttr { ty: u64, value: Held },
    /// LOAD_ATTR / LOAD_METHOD on a module: entry `index` of its namespace (keys version
    /// `keys`).
    Module { keys: u64, index: u32 },
}

/// A value a cache entry remembers without keeping it alive. A version tag that still
/// matches means the class namespace still holds the object (tags are never reused, so a
/// dead class's entries never match again); a strong reference would only keep alive what
/// nothing else uses, such as a method whose `__class__` cell holds its class, and with it
/// the class, out of the cycle collector's sight. An object that is gone reads as a miss.
#[derive(Clone)]
pub enum Held {
    Plain(Value),
    Obj(std::rc::Weak<PyObject>),
}

impl Held {
    fn new(v: Value) -> Held {
        match v {
            Value::Obj(o) => Held::Obj(std::rc::Rc::downgrade(&o)),
            other => Held::Plain(other),
        }
    }

    #[inline]
    fn get(&self) -> Option<Value> {
        match self {
            Held::Plain(v) => Some(v.clone()),
            Held::Obj(w) => w.upgrade().map(Value::Obj),
        }
    }
}

/// One instruction's cache. Single-threaded interior mutability: `load` copies the entry out
/// and `store` swaps a new one in, neither running Python code while the cell is accessed,
/// so no reference into the cell outlives a call.
#[derive(Default)]
pub struct CacheCell(UnsafeCell<Cache>);

impl CacheCell {
    /// Reads the entry in place. `f` must not run Python code nor reach this cell (it
    /// compares tags and clones values; borrowing an object's dict is fine).
    #[inline]
    fn with<R>(&self, f: impl FnOnce(&Cache) -> R) -> R {
        // SAFETY: as in `load`; `f` keeps the promise above.
        f(unsafe { &*self.0.get() })
    }

    #[inline]
    pub fn load(&self) -> Cache {
        // SAFETY: the VM is single-threaded (`CacheCell` is `!Sync`), and no reference into
        // the cell exists outside these two methods; cloning a `Cache` only bumps reference
        // counts, which runs no Python code.
        unsafe { (*self.0.get()).clone() }
    }

    /// Stores a fill for one type; an entry of the same kind for another type is kept as
    /// the second way (`InstanceDict`, `Method`).
    pub fn store_merged(&self, c: Cache) {
        let merged = match (self.load(), c) {
            (
                Cache::InstanceDict { ty: [old, _], .. },
                Cache::InstanceDict { ty: [new, _], hint },
            ) if old != new => Cache::InstanceDict {
                ty: [new, old],
                hint,
            },
            (
                Cache::Method {
                    ty: [old, _],
                    func: [old_f, _],
                },
                Cache::Method {
                    ty: [new, _],
                    func: [new_f, _],
                },
            ) if old != new => Cache::Method {
                ty: [new, old],
                func: [new_f, old_f],
            },
            (_, c) => c,
        };
        self.store(merged);
    }

    pub fn store(&self, c: Cache) {
        // SAFETY: as in `load`; the old entry is dropped (which may run `__del__`, and so
        // reach this cell again) only after the swap is complete.
        let old = unsafe { std::mem::replace(&mut *self.0.get(), c) };
        drop(old);
    }
}

/// What a cache lookup found.
pub(crate) enum Found {
    Value(Value),
    /// Found in the instance dict at another entry: the hint is updated.
    Rehint([u64; 2], u32, Value),
    /// A data descriptor to call.
    Descr(Value),
    Miss,
}

/// The version tag of an object's class.
#[inline]
fn class_version(o: &PyObject) -> u64 {
    match &o.class().payload {
        Payload::Type(t) => t.version(),
        _ => 0,
    }
}

/// Whether `o`'s `__dict__` has `name`.
#[inline]
fn in_instance_dict(o: &PyObject, name: &PyRef) -> bool {
    match o.dict.borrow().as_ref() {
        Some(d) => match &d.payload {
            Payload::Dict(dd) => dd.borrow().get_name(name).is_some(),
            _ => false,
        },
        None => false,
    }
}

/// A value that is never a descriptor whatever happens to other classes: a built-in value.
fn always_plain(v: &Value) -> bool {
    match v {
        Value::Obj(o) => {
            crate::types::is_builtin_exact(o)
                && matches!(
                    o.payload,
                    Payload::Str(_)
                        | Payload::Tuple(_)
                        | Payload::Int(_)
                        | Payload::Float(_)
                        | Payload::Bytes(_)
                        | Payload::FrozenSet(_)
                )
        }
        _ => true,
    }
}

impl Vm {
    /// LOAD_GLOBAL through its cache.
    #[inline]
    pub(crate) fn load_global_cached(
        &self,
        f: &Frame,
        name: &PyRef,
        cell: &CacheCell,
    ) -> PyResult<Value> {
        if let Some(v) = global_hit(f, cell) {
            return Ok(v);
        }
        self.load_global_fill(f, name, cell)
    }

    #[inline(never)]
    fn load_global_fill(&self, f: &Frame, name: &PyRef, cell: &CacheCell) -> PyResult<Value> {
        if let Payload::Dict(g) = &f.globals.payload {
            let found = {
                let g = g.borrow();
                g.index_of_name(name).map(|ix| {
                    let v = g.value_at(ix).cloned();
                    (
                        Cache::Global {
                            globals: g.version(),
                            index: ix as u32,
                        },
                        v,
                    )
                })
            };
            if let Some((c, Some(v))) = found {
                cell.store(c);
                return Ok(v);
            }
            if found.is_none()
                && let Payload::Dict(b) = &f.builtins.payload
            {
                let found = {
                    let b = b.borrow();
                    b.index_of_name(name).map(|ix| {
                        let c = Cache::Builtin {
                            globals: g.borrow().version(),
                            builtins: b.version(),
                            index: ix as u32,
                        };
                        (c, b.value_at(ix).cloned())
                    })
                };
                if let Some((c, Some(v))) = found {
                    cell.store(c);
                    return Ok(v);
                }
            }
        }
        self.load_global(f, name)
    }

    /// What LOAD_ATTR's cache says about `o.name`, without running Python code: the value
    /// itself, a better hint, a data descriptor to call, or a miss.
    #[inline(never)]
    pub(crate) fn probe_attr(&self, o: &PyObject, name: &PyRef, cell: &CacheCell) -> Found {
        cell.with(|c| match c {
            Cache::InstanceDict { ty, hint } if ty.contains(&class_version(o)) => {
                let d = o.dict.borrow();
                let Some(Payload::Dict(dd)) = d.as_ref().map(|d| &d.payload) else {
                    return Found::Miss;
                };
                let dd = dd.borrow();
                if let Some(v) = dd.value_at_if_key(*hint as usize, name) {
                    return Found::Value(v.clone());
                }
                match dd.index_of_name(name) {
                    Some(ix) => match dd.value_at(ix) {
                        Some(v) => Found::Rehint(*ty, ix as u32, v.clone()),
                        None => Found::Miss,
                    },
                    None => Found::Miss,
                }
            }
            Cache::ClassValue { ty, value }
                if class_version(o) == *ty && !in_instance_dict(o, name) =>
            {
                value.get().map_or(Found::Miss, Found::Value)
            }
            Cache::DataDescr { ty, descr } if class_version(o) == *ty => {
                descr.get().map_or(Found::Miss, Found::Descr)
            }
            Cache::TypeAttr { ty, value } => match &o.payload {
                Payload::Type(t)
                    if t.version() == *ty && std::rc::Rc::ptr_eq(o.class(), &self.types.type_) =>
                {
                    value.get().map_or(Found::Miss, Found::Value)
                }
                _ => Found::Miss,
            },
            Cache::Module { keys, index } => match module_entry(o, *keys, *index) {
                Some(v) => Found::Value(v),
                None => Found::Miss,
            },
            _ => Found::Miss,
        })
    }

    /// LOAD_ATTR through its cache.
    #[inline]
    pub(crate) fn load_attr_cached(
        &self,
        obj: &Value,
        name: &PyRef,
        cell: &CacheCell,
    ) -> PyResult<Value> {
        if let Value::Obj(o) = obj {
            let found = self.probe_attr(o, name, cell);
            match found {
                Found::Value(v) => return Ok(v),
                Found::Rehint(ty, hint, v) => {
                    cell.store(Cache::InstanceDict { ty, hint });
                    return Ok(v);
                }
                Found::Descr(d) => {
                    let cls = o.class().clone();
                    return self.descr_get(&d, Some(obj), &cls);
                }
                Found::Miss => {}
            }
        }
        let v = self.getattr(obj, name)?;
        self.fill_load_attr(obj, name, cell);
        Ok(v)
    }

    #[inline(never)]
    fn fill_load_attr(&self, obj: &Value, name: &PyRef, cell: &CacheCell) {
        let Value::Obj(o) = obj else { return };
        let c = match &o.payload {
            Payload::Module(_) => match self.module_cache(o, name) {
                Some(c) => c,
                None => return,
            },
            Payload::Type(t) => {
                if !std::rc::Rc::ptr_eq(o.class(), &self.types.type_)
                    || type_data(&self.types.type_).lookup(str_of(name)).is_some()
                {
                    return;
                }
                match t.lookup(str_of(name)) {
                    Some(v)
                        if always_plain(&v)
                            || matches!(v.payload(), Some(Payload::Function(_))) =>
                    {
                        Cache::TypeAttr {
                            ty: t.version(),
                            value: Held::new(v),
                        }
                    }
                    _ => return,
                }
            }
            _ => {
                let td = type_data(o.class());
                if !self.has_generic_getattribute(td) {
                    return;
                }
                let ty = td.version();
                let descr = td.lookup(str_of(name));
                if let Some(d) = &descr
                    && matches!(self.descr_kind(d), Descr::Data)
                {
                    if matches!(d.payload(), Some(Payload::Property(_) | Payload::GetSet(_)))
                        || is_member(d)
                    {
                        Cache::DataDescr {
                            ty,
                            descr: Held::new(d.clone()),
                        }
                    } else {
                        return;
                    }
                } else {
                    let ix = o.dict.borrow().as_ref().and_then(|d| match &d.payload {
                        Payload::Dict(dd) => dd.borrow().index_of_name(name),
                        _ => None,
                    });
                    match (ix, descr) {
                        (Some(ix), _) => Cache::InstanceDict {
                            ty: [ty, 0],
                            hint: ix as u32,
                        },
                        (None, Some(d)) if always_plain(&d) => Cache::ClassValue {
                            ty,
                            value: Held::new(d),
                        },
                        _ => return,
                    }
                }
            }
        };
        cell.store_merged(c);
    }

    fn module_cache(&self, o: &PyRef, name: &PyRef) -> Option<Cache> {
        if !std::rc::Rc::ptr_eq(o.class(), &self.types.module) {
            return None;
        }
        let Payload::Module(m) = &o.payload else {
            return None;
        };
        let Payload::Dict(d) = &m.dict.payload else {
            return None;
        };
        let d = d.borrow();
        let ix = d.index_of_name(name)?;
        Some(Cache::Module {
            keys: d.version(),
            index: ix as u32,
        })
    }

    /// LOAD_METHOD's cache hit, without running Python code: the function with `true` (to
    /// call with `obj` first) or a module attribute with `false`; `None` on a miss.
    #[inline(never)]
    pub(crate) fn probe_method(
        &self,
        obj: &Value,
        name: &PyRef,
        cell: &CacheCell,
    ) -> Option<(Value, bool)> {
        cell.with(|c| match c {
            Cache::Method { ty, func } => {
                let (v, shadowed) = match obj {
                    Value::Obj(o) => (class_version(o), in_instance_dict(o, name)),
                    _ => (type_data(self.class_of(obj)).version(), false),
                };
                match ty.iter().position(|&t| t == v) {
                    Some(i) if !shadowed => func[i].get().map(|f| (f, true)),
                    _ => None,
                }
            }
            Cache::Module { keys, index } => match obj {
                Value::Obj(o) => module_entry(o, *keys, *index).map(|v| (v, false)),
                _ => None,
            },
            _ => None,
        })
    }

    /// STORE_ATTR's cache hit: `value` replaces the instance dict entry the cache points
    /// at, and the old value comes back for the caller to drop (which may run `__del__`)
    /// once nothing is borrowed. `Err(value)` when the cache does not apply.
    #[inline(never)]
    pub(crate) fn store_attr_hit(
        o: &PyObject,
        name: &PyRef,
        value: Value,
        cell: &CacheCell,
    ) -> Result<Value, Value> {
        let hint = cell.with(|c| match c {
            Cache::InstanceDict { ty, hint } if ty.contains(&class_version(o)) => Some(*hint),
            _ => None,
        });
        let Some(hint) = hint else {
            return Err(value);
        };
        match o.dict.borrow().as_ref().map(|d| &d.payload) {
            Some(Payload::Dict(dd)) => {
                dd.borrow_mut()
                    .replace_at_if_key(hint as usize, name, value)
            }
            _ => Err(value),
        }
    }

    /// LOAD_METHOD through its cache: `(callable, true)` for an unbound method to be called
    /// with `obj` first, `(attribute, false)` otherwise.
    #[inline]
    pub(crate) fn load_method_cached(
        &self,
        obj: &Value,
        name: &PyRef,
        cell: &CacheCell,
    ) -> PyResult<(Value, bool)> {
        if let Some(r) = self.probe_method(obj, name, cell) {
            return Ok(r);
        }
        let r = self.get_method(obj, name)?;
        self.fill_load_method(obj, name, cell, r.1);
        Ok(r)
    }

    #[inline(never)]
    fn fill_load_method(&self, obj: &Value, name: &PyRef, cell: &CacheCell, is_method: bool) {
        if let Value::Obj(o) = obj {
            match &o.payload {
                Payload::Module(_) => {
                    if let Some(c) = self.module_cache(o, name) {
                        cell.store(c);
                    }
                    return;
                }
                Payload::Type(_) => return,
                _ => {}
            }
        }
        if !is_method {
            return;
        }
        let td = type_data(self.class_of(obj));
        if !self.has_generic_getattribute(td) {
            return;
        }
        let ty = td.version();
        if let Some(func) = td.lookup(str_of(name))
            && matches!(
                func.payload(),
                Some(Payload::Function(_) | Payload::MethodDescriptor(_))
            )
        {
            cell.store_merged(Cache::Method {
                ty: [ty, 0],
                func: [Held::new(func), Held::Plain(Value::Null)],
            });
        }
    }

    /// STORE_ATTR through its cache.
    #[inline]
    pub(crate) fn store_attr_cached(
        &self,
        obj: &Value,
        name: &PyRef,
        value: Value,
        cell: &CacheCell,
    ) -> PyResult<()> {
        let mut value = value;
        let Value::Obj(o) = obj else {
            return self.setattr(obj, name, value);
        };
        match Vm::store_attr_hit(o, name, value, cell) {
            Ok(old) => {
                drop(old);
                return Ok(());
            }
            Err(v) => value = v,
        }
        let mut member = None;
        let instance_dict = cell.with(|c| match c {
            Cache::InstanceDict { ty, .. } => ty.contains(&class_version(o)),
            Cache::DataDescr { ty, descr } if class_version(o) == *ty => {
                member = descr.get();
                false
            }
            _ => false,
        });
        if let Some(m) = member
            .as_ref()
            .and_then(|d| d.as_obj()?.downcast_native::<Member>())
        {
            return m.set(self, obj, Some(value));
        }
        // The type has no data descriptor for the name and its instances have a `__dict__`,
        // where the name is elsewhere than the hint said or not there yet (an attribute
        // `__init__` sets on a new instance, whose dict is made now): the dict takes it.
        if instance_dict
            && let d = self.instance_dict(o)
            && let Payload::Dict(dd) = &d.payload
            && crate::types::kind_of(&d) == crate::types::TypeKind::Dict
        {
            let old = dd.borrow_mut().set_str(name.clone(), value);
            drop(old);
            return Ok(());
        }
        self.setattr(obj, name, value)?;
        self.fill_store_attr(obj, name, cell);
        Ok(())
    }

    #[inline(never)]
    fn fill_store_attr(&self, obj: &Value, name: &PyRef, cell: &CacheCell) {
        let Value::Obj(o) = obj else { return };
        if matches!(o.payload, Payload::Type(_) | Payload::Module(_)) {
            return;
        }
        let td = type_data(o.class());
        if !self.has_generic_setattr(td) {
            return;
        }
        if let Some(d) = td.lookup(str_of(name))
            && !matches!(self.descr_kind(&d), Descr::Plain | Descr::NonData)
        {
            // A `__slots__` member: set through it directly.
            if is_member(&d) {
                cell.store(Cache::DataDescr {
                    ty: td.version(),
                    descr: Held::new(d),
                });
            }
            return;
        }
        let ix = o.dict.borrow().as_ref().and_then(|d| match &d.payload {
            Payload::Dict(dd) => dd.borrow().index_of_name(name),
            _ => None,
        });
        if let Some(ix) = ix {
            cell.store_merged(Cache::InstanceDict {
                ty: [td.version(), 0],
                hint: ix as u32,
            });
        }
    }
}

/// Whether `d` is a `__slots__` member descriptor.
fn is_member(d: &Value) -> bool {
    d.as_obj()
        .is_some_and(|o| o.downcast_native::<Member>().is_some())
}

/// Entry `index` of module `o`'s namespace, if its keys version is still `keys`.
#[inline]
fn module_entry(o: &PyObject, keys: u64, index: u32) -> Option<Value> {
    let Payload::Module(m) = &o.payload else {
        return None;
    };
    let Payload::Dict(d) = &m.dict.payload else {
        return None;
    };
    let d = d.borrow();
    if d.version() != keys {
        return None;
    }
    d.value_at(index as usize).cloned()
}

/// LOAD_GLOBAL's value when its cache is current: the globals (and for a builtin, the
/// builtins) have not changed shape since the cache was filled.
#[inline(always)]
pub(crate) fn global_hit(f: &Frame, cell: &CacheCell) -> Option<Value> {
    let Payload::Dict(g) = &f.globals.payload else {
        return None;
    };
    cell.with(|c| match *c {
        Cache::Global { globals, index } => {
            let g = g.borrow();
            if g.version() == globals {
                g.value_at(index as usize).cloned()
            } else {
                None
            }
        }
        Cache::Builtin {
            globals,
            builtins,
            index,
        } => {
            if g.borrow().version() == globals
                && let Payload::Dict(b) = &f.builtins.payload
            {
                let b = b.borrow();
                if b.version() == builtins {
                    return b.value_at(index as usize).cloned();
                }
            }
            None
        }
        _ => None,
    })
}
