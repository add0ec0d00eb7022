//! The heap object: its class, its optional instance `__dict__`, and a payload that says which
//! built-in layout it has.
//! Counterpart: Include/object.h and the per-type structs of Include/cpython/*.h (3.11).
//!
//! An instance of a user class has the payload of its "solid base": `class L(list)` instances
//! carry `Payload::List`, plain classes `Payload::Object`. Hot built-in layouts are enum
//! variants; rarer ones (iterators, wrappers) go through `Payload::Native`.

use std::any::Any;
use std::cell::{Cell, RefCell, UnsafeCell};
use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::builtins::function::{BuiltinFn, FunctionData, GetSetDef, MethodDef};
use crate::code::Code;
use crate::dict::DictData;
use crate::exceptions::ExcData;
use crate::frame::FrameObj;
use crate::generator::GenData;
use crate::set::SetData;
use crate::str::PyStrData;
use crate::types::TypeData;
use crate::value::{PyRef, Value};

pub struct PyObject {
    /// The object's class. Set once at creation (and at boot for `type` itself).
    class: UnsafeCell<Option<PyRef>>,
    /// The instance `__dict__` (a dict object), for objects whose class gives them one.
    pub dict: RefCell<Option<PyRef>>,
    /// `__del__` has run (it runs at most once per object, PEP 442).
    pub finalized: Cell<bool>,
    /// A tracked container's index in the collector's list (`gc::track`; during a
    /// collection, its index among the objects collected); `u32::MAX` if not tracked.
    pub(crate) gc_slot: Cell<u32>,
    /// Weak references to this object exist: builtins/weakref.rs lists them in a side table
    /// under the object's address, and clears them when the object dies.
    pub(crate) weakly_referenced: Cell<bool>,
    pub payload: Payload,
}

/// Built-in layouts.
pub enum Payload {
    /// A plain instance (`object()`, most user classes).
    Object,
    /// An instance of a class with `__slots__` (over a plain-object base): the slot values by
    /// their `Member::index`, `Null` when unset.
    Slots(RefCell<Box<[Value]>>),
    /// An int outside i64, or an instance of an int subclass (bool included for subclasses).
    Int(BigInt),
    /// An instance of a float subclass (exact floats are `Value::Float`).
    Float(f64),
    Complex(f64, f64),
    Str(PyStrData),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    Tuple(Box<[Value]>),
    List(RefCell<Vec<Value>>),
    Dict(RefCell<DictData>),
    Set(RefCell<SetData>),
    FrozenSet(SetData),
    Range(RangeData),
    Slice(Value, Value, Value),
    Type(Box<TypeData>),
    Function(Box<FunctionData>),
    BuiltinFunction(BuiltinFn),
    MethodDescriptor(Box<MethodDef>),
    GetSet(Box<GetSetDef>),
    BoundMethod {
        func: Value,
        self_: Value,
    },
    ClassMethod(RefCell<Value>),
    StaticMethod(RefCell<Value>),
    Property(Box<PropertyData>),
    Cell(RefCell<Value>),
    Code(Rc<Code>),
    Module(ModuleData),
    Exception(Box<ExcData>),
    Traceback(TracebackData),
    Frame(Box<FrameObj>),
    Generator(Box<GenData>),
    /// `iter()` over a sequence through `__getitem__`, or over list/tuple/str fast paths.
    SeqIter(SeqIter),
    Super(Value, Value),
    /// Any other native layout.
    Native(Box<dyn NativeData>),
}

/// A native payload that is not worth an enum variant.
pub trait NativeData: Any {
    fn as_any(&self) -> &dyn Any;
    /// The objects it references, for the cycle collector.
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let _ = visit;
    }
    /// Drops the references it holds, to break a cycle.
    fn clear(&self) {}
}

pub struct RangeData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub struct PropertyData {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: RefCell<Value>,
    /// The attribute name, from `__set_name__`.
    pub name: RefCell<Value>,
}

pub struct ModuleData {
    pub dict: PyRef,
}

pub struct TracebackData {
    pub next: RefCell<Option<PyRef>>,
    pub frame: PyRef,
    /// Byte offset of the instruction (`tb_lasti`).
    pub lasti: u32,
    pub lineno: Option<i32>,
}

pub struct SeqIter {
    pub seq: RefCell<Option<Value>>,
    pub index: Cell<usize>,
    /// Iterates backwards (`reversed()` on a sequence).
    pub reversed: bool,
}

impl PyObject {
    pub fn new(class: PyRef, payload: Payload) -> PyRef {
        let track =
            crate::gc::is_container(&payload) && !crate::gc::is_atomic_tuple(&class, &payload);
        let o = Rc::new(PyObject {
            class: UnsafeCell::new(Some(class)),
            dict: RefCell::new(None),
            finalized: Cell::new(false),
            gc_slot: Cell::new(u32::MAX),
            weakly_referenced: Cell::new(false),
            payload,
        });
        if track {
            crate::gc::track(&o);
        }
        o
    }

    pub fn with_dict(class: PyRef, payload: Payload, dict: PyRef) -> PyRef {
        let o = PyObject::new(class, payload);
        *o.dict.borrow_mut() = Some(dict);
        o
    }

    /// An object whose class is set later by `set_class` (only for bootstrapping `type`).
    pub(crate) fn new_unclassed(payload: Payload) -> PyRef {
        Rc::new(PyObject {
            class: UnsafeCell::new(None),
            dict: RefCell::new(None),
            finalized: Cell::new(false),
            gc_slot: Cell::new(u32::MAX),
            weakly_referenced: Cell::new(false),
            payload,
        })
    }

    /// A big int of the exact `int` class.
    pub fn bigint(n: BigInt) -> PyRef {
        crate::vm::with_types(|t| PyObject::new(t.int.clone(), Payload::Int(n)))
    }

    #[inline]
    pub fn class(&self) -> &PyRef {
        // SAFETY: `class` is written only by `set_class`, which is called at boot before any
        // reference to the slot is handed out, and by `__class__` assignment, which keeps the
        // old class alive (see `replace_class`); the VM is single-threaded.
        match unsafe { &*self.class.get() } {
            Some(c) => c,
            None => unreachable!("object used before its class was set"),
        }
    }

    /// Sets the class of an object made by `new_unclassed`.
    pub(crate) fn set_class(&self, class: PyRef) {
        // SAFETY: see `class`: only reached during bootstrap, before any `&PyRef` from
        // `class()` of this object exists.
        unsafe { *self.class.get() = Some(class) };
    }

    /// `obj.__class__ = cls`: returns the previous class, which the caller must keep alive
    /// (a `&PyRef` from `class()` may still be in use further up the Rust stack).
    pub(crate) fn replace_class(&self, class: PyRef) -> Option<PyRef> {
        // SAFETY: single-threaded; the old value is returned, not dropped, so borrowed
        // references to it stay valid as long as the caller keeps it.
        unsafe { (*self.class.get()).replace(class) }
    }

    pub fn downcast_native<T: 'static>(&self) -> Option<&T> {
        match &self.payload {
            Payload::Native(n) => n.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }

    pub fn as_type(&self) -> Option<&TypeData> {
        match &self.payload {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }
}

impl fmt::Debug for PyObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let class_name = match unsafe_class_name(self) {
            Some(n) => n,
            None => "?".to_string(),
        };
        write!(f, "<{class_name} object at {:p}>", self)
    }
}

fn unsafe_class_name(o: &PyObject) -> Option<String> {
    // SAFETY: read-only peek for Debug output; see `class`.
    let class = unsafe { &*o.class.get() }.as_ref()?;
    class.as_type().map(|t| t.name.borrow().clone())
}

/// The contents of an object whose drop was deferred: payload, dict, class.
type Deferred = (Payload, Option<PyRef>, Option<PyRef>);

thread_local! {
    /// Depth of nested `PyObject` drops (CPython's trashcan).
    static DROP_DEPTH: Cell<usize> = const { Cell::new(0) };
    /// Contents whose drop was deferred to keep the Rust stack shallow.
    static DEFERRED: RefCell<Vec<Deferred>> = const { RefCell::new(Vec::new()) };
}

/// Beyond this nesting, dropping a chain of objects is deferred and done iteratively.
const TRASHCAN_DEPTH: usize = 500;

impl Drop for PyObject {
    fn drop(&mut self) {
        crate::gc::untrack(self);
        // SAFETY: a read of the class slot; see `class`.
        let has_class = unsafe { &*self.class.get() }.is_some();
        if !self.finalized.get()
            && has_class
            && crate::gc::has_del(self)
            && let Some(vm) = crate::vm::current_vm()
        {
            // Resurrect the contents into a fresh object for `__del__` to run on; if the
            // finalizer stores it somewhere, it lives on.
            let payload = std::mem::replace(&mut self.payload, Payload::Object);
            let obj = Rc::new(PyObject {
                class: UnsafeCell::new(self.class.get_mut().take()),
                dict: RefCell::new(self.dict.get_mut().take()),
                finalized: Cell::new(true),
                gc_slot: Cell::new(u32::MAX),
                weakly_referenced: Cell::new(false),
                payload,
            });
            if crate::gc::is_container(&obj.payload) || obj.dict.borrow().is_some() {
                crate::gc::track(&obj);
            }
            // Weak references follow the contents: they see the object during `__del__`.
            if self.weakly_referenced.get() {
                crate::builtins::weakref::object_moved(self, &obj);
            }
            crate::gc::call_del(vm, &obj);
            return;
        }
        if let Payload::Generator(g) = &self.payload
            && (g.state.get() == crate::generator::GenState::Suspended
                || g.state.get() == crate::generator::GenState::Created
                    && g.kind == crate::generator::GenKind::Coroutine)
            && g.frame.borrow().is_some()
            && let Some(vm) = crate::vm::current_vm()
        {
            // A suspended generator is closed when it dies, so its `finally` blocks run. Its
            // weak references are cleared first, as CPython's `gen_dealloc` does.
            if self.weakly_referenced.get() {
                crate::builtins::weakref::object_dying(self);
            }
            let payload = std::mem::replace(&mut self.payload, Payload::Object);
            let obj = Rc::new(PyObject {
                class: UnsafeCell::new(self.class.get_mut().take()),
                dict: RefCell::new(self.dict.get_mut().take()),
                finalized: Cell::new(true),
                gc_slot: Cell::new(u32::MAX),
                weakly_referenced: Cell::new(false),
                payload,
            });
            if let Payload::Generator(g) = &obj.payload
                && let Some(f) = g.frame.borrow_mut().as_mut()
            {
                f.generator = Some(Rc::downgrade(&obj));
            }
            // (An async generator with a finalizer hook is handed to it instead; a coroutine
            // that never started gets the "never awaited" warning.)
            if let Err(e) = crate::builtins::asyncgen::finalize(vm, &obj) {
                let what = Value::Obj(obj.clone());
                crate::traceback::print_unraisable(vm, &e, "Exception ignored in", &what);
            }
            return;
        }
        // Clear the weak references (and run their callbacks) while the contents are intact,
        // as CPython's deallocators do before clearing the instance dict and slots.
        if self.weakly_referenced.get() {
            crate::builtins::weakref::object_dying(self);
        }
        // Contents that hold no objects (strs, bytes, numbers) cannot nest drops: their fields
        // are released as they are, without the trashcan's bookkeeping.
        if matches!(
            self.payload,
            Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::Int(_)
                | Payload::Float(_)
                | Payload::Complex(..)
        ) && self.dict.get_mut().is_none()
        {
            return;
        }
        let depth = DROP_DEPTH.with(|d| d.get());
        if depth > TRASHCAN_DEPTH {
            let payload = std::mem::replace(&mut self.payload, Payload::Object);
            let dict = self.dict.get_mut().take();
            let class = self.class.get_mut().take();
            DEFERRED.with(|q| q.borrow_mut().push((payload, dict, class)));
            return;
        }
        DROP_DEPTH.with(|d| d.set(depth + 1));
        // Lists and tuples release their items last to first, as CPython's deallocators do
        // (it decides the order in which `__del__` methods run).
        match &mut self.payload {
            Payload::List(l) => {
                let items = l.get_mut();
                while let Some(v) = items.pop() {
                    drop(v);
                }
            }
            Payload::Tuple(items) => {
                for v in items.iter_mut().rev() {
                    drop(std::mem::take(v));
                }
            }
            _ => {}
        }
        drop(std::mem::replace(&mut self.payload, Payload::Object));
        drop(self.dict.get_mut().take());
        drop(self.class.get_mut().take());
        DROP_DEPTH.with(|d| d.set(depth));
        if depth == 0 {
            // Outermost drop: work through whatever was deferred, iteratively.
            loop {
                let next = DEFERRED.with(|q| q.borrow_mut().pop());
                match next {
                    Some(item) => {
                        DROP_DEPTH.with(|d| d.set(1));
                        drop(item);
                        DROP_DEPTH.with(|d| d.set(0));
                    }
                    None => break,
                }
            }
        }
    }
}

#[cfg(test)]
mod size_tests {
    /// Every object pays for the largest payload: rare big ones (exceptions, frame objects)
    /// are boxed so that common objects stay small.
    #[test]
    fn objects_stay_small() {
        assert!(std::mem::size_of::<super::Payload>() <= 80);
        assert!(std::mem::size_of::<super::PyObject>() <= 112);
        assert_eq!(std::mem::size_of::<crate::value::Value>(), 16);
    }
}
