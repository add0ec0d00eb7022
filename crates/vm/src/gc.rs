//! The cycle collector, and deterministic finalization (`__del__`) of objects whose last
//! reference goes away.
//! Counterpart: Modules/gcmodule.c and `subtype_dealloc`/`PyObject_CallFinalizer` in
//! Objects/typeobject.c (3.11).
//!
//! Reference counting (`Rc`) frees everything but cycles. Container objects are tracked
//! (weakly) when made; `collect()` computes, for each tracked object, its strong count minus
//! the references other tracked objects hold to it. What is left over is referenced from
//! outside (the stacks, Rust locals, untracked objects): those and everything they reach
//! survive. The rest is garbage: finalizers run, then the objects' references are cleared,
//! which breaks the cycles and lets `Rc` free them.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::object::{Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::Vm;

thread_local! {
    static TRACKED: RefCell<Vec<Weak<PyObject>>> = const { RefCell::new(Vec::new()) };
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    static THRESHOLD: Cell<usize> = const { Cell::new(700) };
    static COLLECTING: Cell<bool> = const { Cell::new(false) };
    /// `TRACKED[..OLD]` survived a collection (the old generation); the rest is young.
    static OLD: Cell<usize> = const { Cell::new(0) };
    /// Young collections since the last full one.
    static YOUNG_RUNS: Cell<usize> = const { Cell::new(0) };
    /// Containers that survived the last full collection.
    static SURVIVORS: Cell<usize> = const { Cell::new(0) };
    /// Containers promoted to the old generation since the last full collection.
    static PROMOTED: Cell<usize> = const { Cell::new(0) };
}

/// Young collections between two full ones, at least (CPython's thresholds 1 and 2 are 10).
const YOUNG_PER_FULL: usize = 10;

/// Whether objects with this payload can hold references (and so be part of a cycle).
pub fn is_container(p: &Payload) -> bool {
    !matches!(
        p,
        Payload::Int(_)
            | Payload::Float(_)
            | Payload::Complex(..)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::BuiltinFunction(_)
            | Payload::MethodDescriptor(_)
            | Payload::GetSet(_)
            | Payload::Code(_)
    )
}

/// Whether a new object of class `class` is an exact tuple of values that can never reach a
/// cycle (numbers, strs, bytes, None, and such tuples): it is immutable, so it never needs
/// tracking (CPython untracks such tuples during collections; rpy never tracks them).
pub fn is_atomic_tuple(class: &PyRef, p: &Payload) -> bool {
    match p {
        Payload::Tuple(items) => {
            crate::types::type_data(class).kind == crate::types::TypeKind::Tuple
                && items.iter().all(|v| is_atomic(v, 0))
        }
        _ => false,
    }
}

fn is_atomic(v: &Value, depth: usize) -> bool {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Tuple(items) => {
                depth < 4
                    && crate::types::kind_of(o) == crate::types::TypeKind::Tuple
                    && items.iter().all(|i| is_atomic(i, depth + 1))
            }
            p => !is_container(p) && o.dict.borrow().is_none(),
        },
        _ => true,
    }
}

/// Registers a new container object. Its `gc_slot` is its index in `TRACKED` from now until
/// it is freed (`untrack`), except during a collection.
pub fn track(o: &PyRef) {
    TRACKED.with(|t| {
        let mut t = t.borrow_mut();
        o.gc_slot.set(t.len() as u32);
        t.push(Rc::downgrade(o));
    });
    ALLOCATED.with(|a| a.set(a.get() + 1));
}

/// Forgets a tracked container that is being freed, as CPython's `PyObject_GC_Del` does
/// (which also takes it off the count of containers made): its entry's weak reference
/// would otherwise keep its memory allocated until the next collection, and memory that
/// is freed at once is reused while it is still in the cache. During a collection nothing
/// moves: the collection drops the entries of what died meanwhile.
pub(crate) fn untrack(o: &PyObject) {
    let slot = o.gc_slot.get();
    if slot == u32::MAX || COLLECTING.with(|c| c.get()) {
        return;
    }
    TRACKED.with(|t| {
        let Ok(mut t) = t.try_borrow_mut() else {
            return;
        };
        let mut i = slot as usize;
        if !t.get(i).is_some_and(|w| std::ptr::eq(w.as_ptr(), o)) {
            return;
        }
        // The old generation stays a prefix: its last entry fills the hole, and the hole
        // moves to where that entry was, which the last entry of all then fills.
        let old = OLD.with(|g| g.get());
        if i < old {
            t.swap(i, old - 1);
            set_slot(&t[i], i);
            OLD.with(|g| g.set(old - 1));
            i = old - 1;
        }
        let gone = t.swap_remove(i);
        if let Some(w) = t.get(i) {
            set_slot(w, i);
        }
        drop(gone);
    });
    o.gc_slot.set(u32::MAX);
    ALLOCATED.with(|a| a.set(a.get().saturating_sub(1)));
}

/// Records a live tracked object's new index in `TRACKED` (entries of objects that died
/// during a collection wait there for the next one, and are left alone).
fn set_slot(w: &Weak<PyObject>, i: usize) {
    if w.strong_count() > 0 {
        // SAFETY: the object is alive (its strong count is not zero).
        unsafe { (*w.as_ptr()).gc_slot.set(i as u32) };
    }
}

/// Marks a `gc_slot` that holds an index among the objects being collected.
const IN_COLLECTION: u32 = 1 << 31;

/// Whether enough containers were made since the last collection to run one.
#[inline]
pub fn due() -> bool {
    ALLOCATED.with(|a| a.get()) > THRESHOLD.with(|t| t.get())
        && ENABLED.with(|e| e.get())
        && !COLLECTING.with(|c| c.get())
}

/// The collection `due()` asked for: usually of the young generation only (the containers
/// made since the last collection); a full one when enough young ones ran and the
/// containers promoted since the last full collection are a quarter of its survivors — so
/// the time spent in full collections stays proportional to the containers made, as with
/// CPython's oldest generation.
pub fn collect_scheduled(vm: &Vm) {
    let runs = YOUNG_RUNS.with(|r| r.get());
    let full =
        runs >= YOUNG_PER_FULL && PROMOTED.with(|p| p.get()) > SURVIVORS.with(|s| s.get()) / 4;
    if full {
        collect(vm);
    } else {
        YOUNG_RUNS.with(|r| r.set(runs + 1));
        collect_from(vm, OLD.with(|o| o.get()));
    }
}

pub fn set_enabled(on: bool) {
    ENABLED.with(|e| e.set(on));
}

pub fn is_enabled() -> bool {
    ENABLED.with(|e| e.get())
}

pub fn count() -> usize {
    ALLOCATED.with(|a| a.get())
}

pub fn threshold() -> usize {
    THRESHOLD.with(|t| t.get())
}

pub fn set_threshold(n: usize) {
    THRESHOLD.with(|t| t.set(n));
}

/// Calls `visit` on every value `o` references.
pub fn traverse(o: &PyObject, visit: &mut dyn FnMut(&Value)) {
    visit(&Value::Obj(o.class().clone()));
    if let Ok(d) = o.dict.try_borrow()
        && let Some(d) = d.as_ref()
    {
        visit(&Value::Obj(d.clone()));
    }
    match &o.payload {
        Payload::Tuple(items) => items.iter().for_each(&mut *visit),
        Payload::List(l) => {
            if let Ok(l) = l.try_borrow() {
                l.iter().for_each(&mut *visit);
            }
        }
        Payload::Slots(s) => {
            if let Ok(s) = s.try_borrow() {
                s.iter().for_each(&mut *visit);
            }
        }
        Payload::Dict(d) => {
            if let Ok(d) = d.try_borrow() {
                d.traverse(visit);
            }
        }
        Payload::Set(s) => {
            if let Ok(s) = s.try_borrow() {
                s.traverse(visit);
            }
        }
        Payload::FrozenSet(s) => s.traverse(visit),
        Payload::Type(t) => {
            visit(&Value::Obj(t.dict.clone()));
            if let Ok(b) = t.bases.try_borrow() {
                b.iter().for_each(|x| visit(&Value::Obj(x.clone())));
            }
            // The MRO starts with the class itself: that reference is part of the class's own
            // cycle, and counting it lets an unreferenced class be found unreachable.
            if let Ok(m) = t.mro.try_borrow() {
                m.iter().for_each(|x| visit(&Value::Obj(x.clone())));
            }
            t.traverse_lookup_cache(visit);
        }
        Payload::Function(f) => {
            visit(&Value::Obj(f.globals.clone()));
            if let Some(c) = &f.closure {
                visit(&Value::Obj(c.clone()));
            }
            for cell in [
                &f.defaults,
                &f.kwdefaults,
                &f.doc,
                &f.annotations,
                &f.name,
                &f.qualname,
                &f.module,
            ] {
                if let Ok(v) = cell.try_borrow() {
                    visit(&v);
                }
            }
        }
        Payload::BoundMethod { func, self_ } => {
            visit(func);
            visit(self_);
        }
        Payload::ClassMethod(f) | Payload::StaticMethod(f) | Payload::Cell(f) => {
            if let Ok(v) = f.try_borrow() {
                visit(&v);
            }
        }
        Payload::Property(p) => {
            visit(&p.fget);
            visit(&p.fset);
            visit(&p.fdel);
        }
        Payload::Module(m) => visit(&Value::Obj(m.dict.clone())),
        Payload::Exception(e) => {
            for cell in [&e.args, &e.traceback, &e.cause, &e.context] {
                if let Ok(v) = cell.try_borrow() {
                    visit(&v);
                }
            }
        }
        Payload::Traceback(t) => {
            visit(&Value::Obj(t.frame.clone()));
            if let Ok(n) = t.next.try_borrow()
                && let Some(n) = n.as_ref()
            {
                visit(&Value::Obj(n.clone()));
            }
        }
        Payload::Frame(f) => {
            visit(&Value::Obj(f.globals.clone()));
            if let Ok(l) = f.locals.try_borrow()
                && let Some(l) = l.as_ref()
            {
                visit(l);
            }
        }
        Payload::Generator(g) => {
            if let Ok(f) = g.frame.try_borrow()
                && let Some(f) = f.as_ref()
            {
                f.slots.iter().for_each(&mut *visit);
                visit(&Value::Obj(f.globals.clone()));
                if let Some(l) = &f.locals {
                    visit(l);
                }
                if let Some(func) = &f.func {
                    visit(&Value::Obj(func.clone()));
                }
            }
        }
        Payload::SeqIter(s) => {
            if let Ok(v) = s.seq.try_borrow()
                && let Some(v) = v.as_ref()
            {
                visit(v);
            }
        }
        Payload::Super(a, b) => {
            visit(a);
            visit(b);
        }
        Payload::Slice(a, b, c) => {
            visit(a);
            visit(b);
            visit(c);
        }
        Payload::Native(n) => n.traverse(visit),
        _ => {}
    }
}

/// Drops the references `o` holds (to break a cycle it is part of).
fn clear(o: &PyObject) {
    if let Ok(mut d) = o.dict.try_borrow_mut() {
        let old = d.take();
        drop(d);
        drop(old);
    }
    match &o.payload {
        Payload::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                let old = std::mem::take(&mut *l);
                drop(l);
                drop(old);
            }
        }
        Payload::Slots(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                let old: Vec<Value> = s.iter_mut().map(std::mem::take).collect();
                drop(s);
                drop(old);
            }
        }
        Payload::Dict(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                let old = std::mem::take(&mut *d);
                drop(d);
                drop(old);
            }
        }
        Payload::Set(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                let old = std::mem::take(&mut *s);
                drop(s);
                drop(old);
            }
        }
        Payload::Function(f) => {
            for cell in [&f.defaults, &f.kwdefaults, &f.doc, &f.annotations] {
                if let Ok(mut v) = cell.try_borrow_mut() {
                    let old = std::mem::replace(&mut *v, Value::None);
                    drop(v);
                    drop(old);
                }
            }
        }
        Payload::ClassMethod(f) | Payload::StaticMethod(f) | Payload::Cell(f) => {
            if let Ok(mut v) = f.try_borrow_mut() {
                let old = std::mem::replace(&mut *v, Value::Null);
                drop(v);
                drop(old);
            }
        }
        Payload::Exception(e) => {
            for cell in [&e.traceback, &e.cause, &e.context] {
                if let Ok(mut v) = cell.try_borrow_mut() {
                    let old = std::mem::replace(&mut *v, Value::None);
                    drop(v);
                    drop(old);
                }
            }
        }
        Payload::Traceback(t) => {
            if let Ok(mut n) = t.next.try_borrow_mut() {
                let old = n.take();
                drop(n);
                drop(old);
            }
        }
        Payload::Frame(f) => {
            if let Ok(mut l) = f.locals.try_borrow_mut() {
                let old = l.take();
                drop(l);
                drop(old);
            }
            if let Ok(mut b) = f.back.try_borrow_mut() {
                let old = b.take();
                drop(b);
                drop(old);
            }
        }
        Payload::Generator(g) => {
            if let Ok(mut f) = g.frame.try_borrow_mut() {
                let old = f.take();
                drop(f);
                drop(old);
            }
        }
        Payload::SeqIter(s) => {
            if let Ok(mut v) = s.seq.try_borrow_mut() {
                let old = v.take();
                drop(v);
                drop(old);
            }
        }
        Payload::Type(t) => {
            t.modified();
            if let Ok(mut d) = t.dict_data().try_borrow_mut() {
                let old = std::mem::take(&mut *d);
                drop(d);
                drop(old);
            }
            // As CPython's `type_clear`: the MRO goes too, which breaks the class's reference
            // to itself (lookups on what is left find nothing).
            if let Ok(mut m) = t.mro.try_borrow_mut() {
                let old = std::mem::take(&mut *m);
                drop(m);
                drop(old);
            }
            let old = t.take_lookup_cache();
            drop(old);
        }
        Payload::Native(n) => n.clear(),
        _ => {}
    }
}

/// Runs a full collection; returns the number of unreachable objects found.
pub fn collect(vm: &Vm) -> usize {
    YOUNG_RUNS.with(|r| r.set(0));
    PROMOTED.with(|p| p.set(0));
    let n = collect_from(vm, 0);
    SURVIVORS.with(|s| s.set(OLD.with(|o| o.get())));
    n
}

/// Collects the containers `TRACKED[start..]`; references to them from older containers
/// count as references from outside, so an old object keeps what it holds alive. The
/// survivors join the old generation. Returns the number of unreachable objects found.
fn collect_from(vm: &Vm, start: usize) -> usize {
    if COLLECTING.with(|c| c.replace(true)) {
        return 0;
    }
    ALLOCATED.with(|a| a.set(0));
    let objects: Vec<PyRef> = TRACKED.with(|t| {
        let mut t = t.borrow_mut();
        let start = start.min(t.len());
        let mut young = t.split_off(start);
        young.retain(|w| w.strong_count() > 0);
        young.iter().filter_map(|w| w.upgrade()).collect()
    });
    // Each collected object knows its index among `objects` for the duration of the
    // collection, marked by `IN_COLLECTION` (CPython keeps gc_refs in the object header for
    // the same reason): no side table to probe. Old objects keep their index in `TRACKED`,
    // unmarked: they count as outside.
    for (i, o) in objects.iter().enumerate() {
        o.gc_slot.set(i as u32 | IN_COLLECTION);
    }
    let slot_of = |x: &PyObject| -> Option<usize> {
        let s = x.gc_slot.get();
        (s != u32::MAX && s & IN_COLLECTION != 0).then_some((s & !IN_COLLECTION) as usize)
    };
    // Our own upgrade holds one reference to each.
    let mut refs: Vec<isize> = objects
        .iter()
        .map(|o| Rc::strong_count(o) as isize - 1)
        .collect();
    for o in &objects {
        traverse(o, &mut |v| {
            if let Value::Obj(x) = v
                && let Some(j) = slot_of(x)
            {
                refs[j] -= 1;
            }
        });
    }
    // Everything reachable from an externally referenced object survives.
    let mut reachable = vec![false; objects.len()];
    let mut stack: Vec<usize> = (0..objects.len()).filter(|&i| refs[i] > 0).collect();
    for &i in &stack {
        reachable[i] = true;
    }
    while let Some(i) = stack.pop() {
        traverse(&objects[i], &mut |v| {
            if let Value::Obj(x) = v
                && let Some(j) = slot_of(x)
                && !reachable[j]
            {
                reachable[j] = true;
                stack.push(j);
            }
        });
    }
    // Weak references to the garbage are cleared before any finalizer runs; callbacks of those
    // that are not garbage themselves are called below (builtins/weakref.rs).
    let weak_callbacks = crate::builtins::weakref::clear_for_garbage(
        objects
            .iter()
            .zip(&reachable)
            .filter(|(_, r)| !**r)
            .map(|(o, _)| o),
        &|x| slot_of(x).is_some_and(|j| !reachable[j]),
    );
    // The survivors become old; the garbage stays young (a finalizer may resurrect some of
    // it), as does whatever the finalizers below make. Each gets its new index in `TRACKED`.
    TRACKED.with(|t| {
        let mut t = t.borrow_mut();
        let before = t.len();
        t.extend(
            objects
                .iter()
                .zip(&reachable)
                .filter(|(_, r)| **r)
                .map(|(o, _)| Rc::downgrade(o)),
        );
        PROMOTED.with(|p| p.set(p.get() + t.len() - before));
        OLD.with(|o| o.set(t.len()));
        t.extend(
            objects
                .iter()
                .zip(&reachable)
                .filter(|(_, r)| !**r)
                .map(|(o, _)| Rc::downgrade(o)),
        );
        for (i, w) in t.iter().enumerate().skip(before) {
            set_slot(w, i);
        }
    });
    let garbage: Vec<PyRef> = objects
        .iter()
        .zip(&reachable)
        .filter(|(_, r)| !**r)
        .map(|(o, _)| o.clone())
        .collect();
    drop(objects);
    let n = garbage.len();
    crate::builtins::weakref::run_callbacks(vm, weak_callbacks);
    // Finalizers first (PEP 442): each runs once, on the live object.
    for o in &garbage {
        if !o.finalized.get() && has_del(o) {
            o.finalized.set(true);
            call_del(vm, o);
        }
    }
    // A finalizer may have resurrected objects; only clear those still unreachable from
    // outside the garbage set (approximation: objects whose count did not grow).
    for o in &garbage {
        clear(o);
    }
    drop(garbage);
    COLLECTING.with(|c| c.set(false));
    n
}

/// Whether the object's class defines `__del__`.
pub fn has_del(o: &PyObject) -> bool {
    match &o.class().payload {
        Payload::Type(t) if t.kind == crate::types::TypeKind::Heap => {
            let version = t.version();
            match t.del_cache.get() {
                (v, has) if v == version => has,
                _ => {
                    let has = t.lookup("__del__").is_some();
                    t.del_cache.set((version, has));
                    has
                }
            }
        }
        _ => false,
    }
}

/// Calls `o.__del__()`, reporting (not raising) its exception, as CPython does.
pub fn call_del(vm: &Vm, o: &PyRef) {
    let Some(del) = crate::types::type_data(o.class()).lookup("__del__") else {
        return;
    };
    let saved = vm.handled.borrow().clone();
    if let Err(e) = vm.call(&del, &[Value::Obj(o.clone())]) {
        crate::traceback::print_unraisable(vm, &e, "Exception ignored in", &del);
    }
    *vm.handled.borrow_mut() = saved;
}
