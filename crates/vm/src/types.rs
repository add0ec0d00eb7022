//! Type objects: their data, the method resolution order, attribute lookup along it, and the
//! registry of built-in types.
//! Counterpart: Objects/typeobject.c (3.11): `type_mro_impl`/`mro_implementation` (C3),
//! `_PyType_Lookup`, `PyType_IsSubtype`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::dict::DictData;
use crate::object::{Payload, PyObject};
use crate::value::{PyRef, Value};

/// Which built-in type a type object is (`Heap` for classes made by `class` statements).
/// Exact-type checks on hot paths compare this instead of pointers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Heap,
    Object,
    Type,
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Function,
    BuiltinFunction,
    MethodDescriptor,
    GetSet,
    Method,
    ClassMethod,
    StaticMethod,
    Property,
    Cell,
    Code,
    Module,
    Traceback,
    Frame,
    Generator,
    Coroutine,
    AsyncGenerator,
    Super,
    /// A built-in exception class.
    Exception,
    /// Any other built-in type (iterators, views, wrappers).
    Other,
}

/// The payload instances of a type carry (its "solid base").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    Module,
    Property,
    ClassMethod,
    StaticMethod,
    Function,
    /// Not subclassable, or instances made only by native code.
    Native,
}

pub mod flags {
    /// Instances have a `__dict__`.
    pub const HAS_DICT: u32 = 1 << 0;
    /// Can be subclassed.
    pub const BASETYPE: u32 = 1 << 1;
    /// Made by a class statement or `type()`.
    pub const HEAPTYPE: u32 = 1 << 2;
    /// `Py_TPFLAGS_SEQUENCE` (for `match`).
    pub const SEQUENCE: u32 = 1 << 3;
    /// `Py_TPFLAGS_MAPPING` (for `match`).
    pub const MAPPING: u32 = 1 << 4;
    /// Has abstract methods (`__abstractmethods__` non-empty).
    pub const ABSTRACT: u32 = 1 << 5;
    /// Instances are exceptions.
    pub const BASE_EXC_SUBCLASS: u32 = 1 << 6;
    /// Instances are types (metaclasses).
    pub const TYPE_SUBCLASS: u32 = 1 << 7;
    /// Instances can be weakly referenced (`tp_weaklistoffset != 0`; see builtins/weakref.rs).
    pub const WEAKREFABLE: u32 = 1 << 8;
}

pub struct TypeData {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<PyRef>>,
    pub mro: RefCell<Vec<PyRef>>,
    /// The attribute namespace (a dict object, exposed read-only as a mappingproxy).
    pub dict: PyRef,
    pub flags: Cell<u32>,
    pub kind: TypeKind,
    pub layout: Layout,
    /// Names of `__slots__` (heap types), in declaration order.
    pub slots: RefCell<Vec<String>>,
    /// MRO lookups already made (see `lookup`).
    pub(crate) cache: RefCell<LookupCache>,
    /// The version tag: unique among all types ever made, replaced whenever this type's
    /// namespace, bases or MRO, or those of a base, change. Every cache of facts about a type
    /// (its lookup cache, the eval loop's inline caches) records the tag it was filled under.
    version: Cell<u64>,
    /// The version under which `__getattribute__` was found to be the generic one.
    generic_getattribute_at: Cell<u64>,
    /// Direct subclasses (for `__subclasses__` and to pass version changes down).
    pub(crate) subclasses: RefCell<Vec<std::rc::Weak<PyObject>>>,
    /// What `type_::python_init` found under a version: the Python `__init__` a call of the
    /// class runs in the eval loop, or none. Weak: the namespace holds the function, and the
    /// cycle collector does not see this table.
    pub(crate) init_cache: RefCell<(u64, Option<std::rc::Weak<PyObject>>)>,
    /// Whether instances have a `__del__`, under a version (checked at every instance's drop).
    pub(crate) del_cache: Cell<(u64, bool)>,
    /// What `type_::native_constructor` found under a version: the native `__new__` that a
    /// call of this built-in type comes down to, or none.
    pub(crate) ctor_cache: Cell<(u64, Option<crate::builtins::function::NativeFn>)>,
}

thread_local! {
    /// The last version tag handed out.
    static LAST_TYPE_VERSION: Cell<u64> = const { Cell::new(0) };
}

fn next_type_version() -> u64 {
    LAST_TYPE_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

/// Per-type cache of `_PyType_Lookup` results, keyed by the name's text address and checked
/// against its content (so a freed-and-reused address cannot alias another name). Entries made
/// under an older version tag of the type are stale.
#[derive(Default)]
pub struct LookupCache {
    version: u64,
    entries: std::collections::HashMap<usize, (Box<str>, Option<Value>), BuildPtrHasher>,
}

/// A hasher for pointer-sized keys and short strings (the standard SipHash would cost more
/// than the lookup; none of these tables is keyed by data a program controls the hash of).
#[derive(Default, Clone, Copy)]
pub struct BuildPtrHasher;

pub struct PtrHasher(u64);

impl std::hash::BuildHasher for BuildPtrHasher {
    type Hasher = PtrHasher;
    fn build_hasher(&self) -> PtrHasher {
        PtrHasher(0)
    }
}

impl std::hash::Hasher for PtrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes a step (FxHash's mixing): names are hashed on every intern.
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("an 8-byte chunk"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59))
                .wrapping_mul(K);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

impl TypeData {
    #[inline]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }

    pub fn dict_data(&self) -> &RefCell<DictData> {
        match &self.dict.payload {
            Payload::Dict(d) => d,
            _ => unreachable!("a type's namespace is a dict"),
        }
    }

    /// The namespace for writing; invalidates the caches of this type and its subclasses.
    pub fn dict_mut(&self) -> std::cell::RefMut<'_, DictData> {
        self.modified();
        self.dict_data().borrow_mut()
    }

    /// The current version tag (see the field).
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// Gives this type and every subclass a new version tag: whatever was cached about them
    /// is stale (`PyType_Modified`).
    pub fn modified(&self) {
        self.version.set(next_type_version());
        let subs: Vec<PyRef> = {
            let mut subs = self.subclasses.borrow_mut();
            subs.retain(|w| w.strong_count() > 0);
            subs.iter().filter_map(|w| w.upgrade()).collect()
        };
        for sub in subs {
            if let Some(td) = sub.as_type() {
                td.modified();
            }
        }
    }

    /// Replaces the MRO (class creation, `mro()` overrides, `__bases__` assignment).
    pub fn set_mro(&self, mro: Vec<PyRef>) {
        *self.mro.borrow_mut() = mro;
        self.modified();
    }

    /// Whether `__getattribute__` is known to be the generic one under the current version.
    #[inline]
    pub fn generic_getattribute_known(&self) -> bool {
        self.generic_getattribute_at.get() == self.version.get()
    }

    pub fn set_generic_getattribute_known(&self) {
        self.generic_getattribute_at.set(self.version.get());
    }

    /// Calls `visit` on the values the lookup cache holds (for the cycle collector).
    pub(crate) fn traverse_lookup_cache(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(c) = self.cache.try_borrow() {
            for v in c.entries.values().filter_map(|(_, v)| v.as_ref()) {
                visit(v);
            }
        }
    }

    /// Empties the lookup cache, giving back what it held (to be dropped by the caller once
    /// no borrow is held).
    pub(crate) fn take_lookup_cache(&self) -> Vec<Value> {
        let Ok(mut c) = self.cache.try_borrow_mut() else {
            return Vec::new();
        };
        c.entries.drain().filter_map(|(_, (_, v))| v).collect()
    }

    /// Looks `name` up along the MRO (`_PyType_Lookup`), through the type's cache.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        let key = name.as_ptr() as usize;
        let now = self.version.get();
        if let Ok(mut c) = self.cache.try_borrow_mut() {
            if c.version != now {
                c.entries.clear();
                c.version = now;
            } else if let Some((k, v)) = c.entries.get(&key)
                && **k == *name
            {
                return v.clone();
            }
            drop(c);
            let v = self.lookup_uncached(name);
            if let Ok(mut c) = self.cache.try_borrow_mut()
                && c.version == now
            {
                c.entries.insert(key, (name.into(), v.clone()));
            }
            return v;
        }
        self.lookup_uncached(name)
    }

    fn lookup_uncached(&self, name: &str) -> Option<Value> {
        for t in self.mro.borrow().iter() {
            let td = t.as_type().expect("mro holds types");
            if let Some(v) = td.dict_data().borrow().get_str(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Looks `name` up in this type's own namespace only.
    pub fn own(&self, name: &str) -> Option<Value> {
        self.dict_data().borrow().get_str(name).cloned()
    }
}

/// The built-in kind of an object's class.
#[inline]
pub fn kind_of(o: &PyRef) -> TypeKind {
    match &o.class().payload {
        Payload::Type(t) => t.kind,
        _ => TypeKind::Heap,
    }
}

/// Whether an object's class is a built-in type (not a user subclass).
#[inline]
pub fn is_builtin_exact(o: &PyRef) -> bool {
    kind_of(o) != TypeKind::Heap
}

pub fn type_data(t: &PyRef) -> &TypeData {
    t.as_type().expect("a type object")
}

/// `issubclass(a, b)` for type objects, by the MRO.
pub fn is_subtype(a: &PyRef, b: &PyRef) -> bool {
    if Rc::ptr_eq(a, b) {
        return true;
    }
    match a.as_type() {
        Some(t) => t.mro.borrow().iter().any(|m| Rc::ptr_eq(m, b)),
        None => false,
    }
}

/// Creates a type object.
pub fn new_type(
    metatype: &PyRef,
    name: &str,
    bases: Vec<PyRef>,
    dict: DictData,
    kind: TypeKind,
    layout: Layout,
    flags: u32,
) -> PyRef {
    let dict_class = crate::vm::with_types(|t| t.dict.clone());
    new_type_in(
        metatype,
        &dict_class,
        name,
        bases,
        dict,
        kind,
        layout,
        flags,
    )
}

/// `new_type` with the dict class given (during bootstrap, before the registry exists).
#[expect(
    clippy::too_many_arguments,
    reason = "mirrors the fields of a type object"
)]
pub fn new_type_in(
    metatype: &PyRef,
    dict_class: &PyRef,
    name: &str,
    bases: Vec<PyRef>,
    dict: DictData,
    kind: TypeKind,
    layout: Layout,
    flags: u32,
) -> PyRef {
    let dict_obj = PyObject::new(dict_class.clone(), Payload::Dict(RefCell::new(dict)));
    let data = TypeData::new(name, bases, dict_obj, flags, kind, layout);
    PyObject::new(metatype.clone(), Payload::Type(Box::new(data)))
}

impl TypeData {
    /// A type's data with an empty MRO (the caller sets it) and a fresh version tag.
    pub(crate) fn new(
        name: &str,
        bases: Vec<PyRef>,
        dict: PyRef,
        flags: u32,
        kind: TypeKind,
        layout: Layout,
    ) -> TypeData {
        TypeData {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(name.to_string()),
            bases: RefCell::new(bases),
            mro: RefCell::new(Vec::new()),
            dict,
            flags: Cell::new(flags),
            kind,
            layout,
            slots: RefCell::new(Vec::new()),
            cache: RefCell::new(LookupCache::default()),
            version: Cell::new(next_type_version()),
            generic_getattribute_at: Cell::new(0),
            subclasses: RefCell::new(Vec::new()),
            init_cache: RefCell::new((0, None)),
            del_cache: Cell::new((0, false)),
            ctor_cache: Cell::new((0, None)),
        }
    }
}

/// C3 linearization of `t` given its bases; `Err` with CPython's message on conflict.
pub fn compute_mro(t: &PyRef) -> Result<Vec<PyRef>, String> {
    let td = type_data(t);
    let bases = td.bases.borrow().clone();
    let mut seqs: Vec<Vec<PyRef>> = bases
        .iter()
        .map(|b| type_data(b).mro.borrow().clone())
        .collect();
    seqs.push(bases.clone());
    let mut result = vec![t.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|other| other[1..].iter().any(|x| Rc::ptr_eq(x, head)));
            if !in_tail {
                candidate = Some(head.clone());
                break;
            }
        }
        let Some(c) = candidate else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = type_data(&s[0]).name.borrow().clone();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        result.push(c);
    }
}

/// The registry of built-in types, shared by every object constructor of this thread.
pub struct Types {
    pub object: PyRef,
    pub type_: PyRef,
    pub int: PyRef,
    pub bool_: PyRef,
    pub float: PyRef,
    pub complex: PyRef,
    pub str: PyRef,
    pub bytes: PyRef,
    pub bytearray: PyRef,
    pub tuple: PyRef,
    pub list: PyRef,
    pub dict: PyRef,
    pub set: PyRef,
    pub frozenset: PyRef,
    pub range: PyRef,
    pub slice: PyRef,
    pub none_type: PyRef,
    pub notimplemented_type: PyRef,
    pub ellipsis_type: PyRef,
    pub function: PyRef,
    pub builtin_function: PyRef,
    pub method_descriptor: PyRef,
    pub getset_descriptor: PyRef,
    pub method: PyRef,
    pub classmethod: PyRef,
    pub staticmethod: PyRef,
    pub property: PyRef,
    pub cell: PyRef,
    pub code: PyRef,
    pub module: PyRef,
    pub traceback: PyRef,
    pub frame: PyRef,
    pub generator: PyRef,
    pub coroutine: PyRef,
    pub async_generator: PyRef,
    pub seq_iter: PyRef,
    pub super_: PyRef,
    /// Built-in exception classes by name (`BaseException`, `ValueError`, …).
    pub exceptions: crate::exceptions::ExcTypes,
    /// Singletons.
    pub not_implemented: PyRef,
    pub ellipsis: PyRef,
    /// Other built-in types registered by name (iterators, views, wrappers).
    pub others: RefCell<rustc_hash::FxHashMap<&'static str, PyRef>>,
}

impl Types {
    /// A registered auxiliary type by name.
    pub fn other(&self, name: &'static str) -> PyRef {
        self.others
            .borrow()
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("type {name} not registered"))
    }
}
