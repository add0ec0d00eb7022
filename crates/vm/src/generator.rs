//! Generators, coroutines and async generators: a suspended frame owned by an object, and
//! the send/throw/close protocol, `yield from` and `await`.
//! Counterpart: Objects/genobject.c and the SEND/GET_AWAITABLE/GET_AITER/GET_ANEXT cases of
//! Python/ceval.c (3.11).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use rpy_marshal::Opcode;
use rpy_marshal::code::flags as co_flags;

use crate::code::Code;
use crate::frame::{Frame, Resume};
use crate::object::{Payload, PyObject};
use crate::types::{TypeKind, is_subtype};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub struct GenData {
    pub frame: RefCell<Option<Box<Frame>>>,
    pub state: Cell<GenState>,
    pub kind: GenKind,
    pub code: Rc<Code>,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// The exception being handled inside the generator while it is suspended.
    pub exc_state: RefCell<Value>,
    /// Set when the frame returns: its value.
    pub returned: RefCell<Option<Value>>,
    /// Async generators: whether a running `asend`/`athrow` is in progress.
    pub running_async: Cell<bool>,
    /// Async generators: whether `sys.set_asyncgen_hooks`' hooks were applied (at the first
    /// `__anext__`/`asend`/`athrow`/`aclose`), and the finalizer they captured.
    pub hooks_inited: Cell<bool>,
    pub finalizer: RefCell<Option<Value>>,
}

pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

pub fn gen_data(o: &PyRef) -> Option<&GenData> {
    match &o.payload {
        Payload::Generator(g) => Some(g),
        _ => None,
    }
}

/// RETURN_GENERATOR: wraps the frame in a new generator, coroutine or async generator.
pub fn new_generator(vm: &Vm, mut frame: Box<Frame>) -> Value {
    let code = frame.code.clone();
    let flags = code.flags();
    let (kind, t) = if flags & co_flags::COROUTINE != 0 {
        (GenKind::Coroutine, vm.types.coroutine.clone())
    } else if flags & co_flags::ASYNC_GENERATOR != 0 {
        (GenKind::AsyncGenerator, vm.types.async_generator.clone())
    } else {
        (GenKind::Generator, vm.types.generator.clone())
    };
    let (name, qualname) = match frame.func.as_ref().map(|f| &f.payload) {
        Some(Payload::Function(fd)) => (fd.name.borrow().clone(), fd.qualname.borrow().clone()),
        _ => (
            Value::Obj(code.name.clone()),
            Value::Obj(code.qualname.clone()),
        ),
    };
    frame.resume = Resume::Exit;
    let g = PyObject::new(
        t,
        Payload::Generator(Box::new(GenData {
            frame: RefCell::new(None),
            state: Cell::new(GenState::Created),
            kind,
            code,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            exc_state: RefCell::new(Value::None),
            returned: RefCell::new(None),
            running_async: Cell::new(false),
            hooks_inited: Cell::new(false),
            finalizer: RefCell::new(None),
        })),
    );
    frame.generator = Some(Rc::downgrade(&g));
    if let Payload::Generator(gd) = &g.payload {
        *gd.frame.borrow_mut() = Some(frame);
    }
    Value::Obj(g)
}

/// YIELD_VALUE: the frame goes back into its generator.
pub fn suspend(g: &PyRef, frame: Box<Frame>) {
    if let Some(gd) = gen_data(g) {
        gd.state.set(GenState::Suspended);
        *gd.frame.borrow_mut() = Some(frame);
    }
}

/// An inline generator frame (resumed by FOR_ITER) is leaving the stack: the caller's handled
/// exception comes back, the generator's is kept for its next resumption.
pub fn leave_inline(vm: &Vm, frame: &mut Frame, g: Option<&PyRef>) {
    let caller = std::mem::take(&mut frame.saved_handled);
    let own = std::mem::replace(&mut *vm.handled.borrow_mut(), caller);
    if let Some(gd) = g.and_then(gen_data) {
        let old = std::mem::replace(&mut *gd.exc_state.borrow_mut(), own);
        drop(old);
    }
}

/// PEP 479 for a generator frame left by an exception: a StopIteration becomes
/// `RuntimeError: generator raised StopIteration` (with the original as cause).
pub fn stop_iteration_escaped(vm: &Vm, e: PyErr, g: Option<&PyRef>) -> PyErr {
    if !vm.exc_matches(&e, &vm.types.exceptions.stop_iteration) {
        return e;
    }
    let msg = match g.and_then(gen_data).map(|d| d.kind) {
        Some(GenKind::Coroutine) => "coroutine raised StopIteration",
        Some(GenKind::AsyncGenerator) => "async generator raised StopIteration",
        _ => "generator raised StopIteration",
    };
    let re = vm.runtime_error(msg);
    if let Some(d) = crate::exceptions::exc_data(&re) {
        *d.cause.borrow_mut() = Value::Obj(e.clone());
        *d.context.borrow_mut() = Value::Obj(e);
        d.suppress_context.set(true);
    }
    re
}

/// FOR_ITER over a generator: resumes it inline, on the VM's frame stack (no Rust recursion).
/// Returns false when the generator cannot be resumed this way (the caller falls back to
/// `next()`).
pub fn resume_inline(vm: &Vm, g: &PyRef) -> PyResult<bool> {
    resume_inline_with(vm, g, Value::None, Resume::ForIter)
}

/// SEND to a generator or coroutine: resumes it inline with `value` sent in. False when it
/// cannot be resumed this way (the slow path then raises or delegates).
pub fn send_inline(vm: &Vm, g: &PyRef, value: Value) -> PyResult<bool> {
    resume_inline_with(vm, g, value, Resume::Send)
}

fn resume_inline_with(vm: &Vm, g: &PyRef, value: Value, mode: Resume) -> PyResult<bool> {
    let Some(gd) = gen_data(g) else {
        return Ok(false);
    };
    let kind_ok = match mode {
        Resume::ForIter => gd.kind == GenKind::Generator,
        _ => gd.kind != GenKind::AsyncGenerator,
    };
    let state_ok = match gd.state.get() {
        GenState::Suspended => true,
        GenState::Created => value.is_none(),
        _ => false,
    };
    if !kind_ok || !state_ok {
        return Ok(false);
    }
    let Some(mut frame) = gd.frame.borrow_mut().take() else {
        return Ok(false);
    };
    frame.push(value);
    frame.resume = mode;
    let own = std::mem::take(&mut *gd.exc_state.borrow_mut());
    frame.saved_handled = std::mem::replace(&mut *vm.handled.borrow_mut(), own);
    gd.state.set(GenState::Running);
    if let Err(e) = vm.push_frame(frame) {
        // The frame went down with the failed push.
        gd.state.set(GenState::Finished);
        return Err(e);
    }
    Ok(true)
}

/// The generator's frame returned or raised: it is finished, and the frame goes back to
/// the VM's pool for the next call (a generator expression per loop turn would otherwise
/// allocate and free one each time).
pub fn finished(vm: &Vm, g: &PyRef, mut frame: Box<Frame>) {
    if let Some(gd) = gen_data(g) {
        gd.state.set(GenState::Finished);
        frame.generator = None;
        vm.recycle_frame(frame);
    }
}

fn kind_name(k: GenKind) -> &'static str {
    match k {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

/// Resumes the generator with `value` sent in, or with `throw` raised at its yield point.
pub fn resume(vm: &Vm, g: &PyRef, value: Value, throw: Option<PyErr>) -> PyResult<SendResult> {
    let Some(gd) = gen_data(g) else {
        return Err(vm.type_error("not a generator"));
    };
    match gd.state.get() {
        GenState::Running => {
            return Err(vm.value_error(format!("{} already executing", kind_name(gd.kind))));
        }
        GenState::Finished => {
            if let Some(e) = throw {
                return Err(e);
            }
            if gd.kind == GenKind::Coroutine {
                return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
            }
            if gd.kind == GenKind::AsyncGenerator {
                return Err(vm.new_exception(&vm.types.exceptions.stop_async_iteration, vec![]));
            }
            return Err(vm.new_exception(&vm.types.exceptions.stop_iteration, vec![]));
        }
        GenState::Created => {
            if throw.is_none() && !value.is_none() {
                return Err(vm.type_error(format!(
                    "can't send non-None value to a just-started {}",
                    kind_name(gd.kind)
                )));
            }
        }
        GenState::Suspended => {}
    }
    let Some(mut frame) = gd.frame.borrow_mut().take() else {
        return Err(vm.system_error("generator has no frame"));
    };
    if throw.is_none() {
        frame.push(value);
    }
    frame.resume = Resume::Exit;
    gd.state.set(GenState::Running);
    let saved = std::mem::replace(&mut *vm.handled.borrow_mut(), gd.exc_state.borrow().clone());
    if let Err(e) = vm.push_frame(frame) {
        *vm.handled.borrow_mut() = saved;
        // The frame went down with the failed push: the generator cannot run again.
        gd.state.set(GenState::Finished);
        return Err(e);
    }
    let r = vm.enter_native(|| vm.resume_pushed(throw));
    *gd.exc_state.borrow_mut() = std::mem::replace(&mut *vm.handled.borrow_mut(), saved);
    match r {
        Ok(v) => {
            if gd.state.get() == GenState::Finished {
                *gd.exc_state.borrow_mut() = Value::None;
                Ok(SendResult::Returned(v))
            } else {
                Ok(SendResult::Yielded(v))
            }
        }
        Err(e) => {
            gd.state.set(GenState::Finished);
            *gd.exc_state.borrow_mut() = Value::None;
            // PEP 479: a StopIteration escaping the body becomes a RuntimeError.
            let (bad, msg) = match gd.kind {
                GenKind::AsyncGenerator => (
                    vm.exc_matches(&e, &vm.types.exceptions.stop_iteration)
                        || vm.exc_matches(&e, &vm.types.exceptions.stop_async_iteration),
                    if vm.exc_matches(&e, &vm.types.exceptions.stop_iteration) {
                        "async generator raised StopIteration"
                    } else {
                        "async generator raised StopAsyncIteration"
                    },
                ),
                k => (
                    vm.exc_matches(&e, &vm.types.exceptions.stop_iteration),
                    if k == GenKind::Coroutine {
                        "coroutine raised StopIteration"
                    } else {
                        "generator raised StopIteration"
                    },
                ),
            };
            if bad {
                let re = vm.runtime_error(msg);
                if let Some(d) = crate::exceptions::exc_data(&re) {
                    *d.cause.borrow_mut() = Value::Obj(e.clone());
                    *d.context.borrow_mut() = Value::Obj(e);
                    d.suppress_context.set(true);
                }
                return Err(re);
            }
            Err(e)
        }
    }
}

/// `next(gen)`: `None` when the generator returns.
pub fn gen_next(vm: &Vm, g: &PyRef) -> PyResult<Option<Value>> {
    if let Some(gd) = gen_data(g)
        && gd.state.get() == GenState::Finished
    {
        return Ok(None);
    }
    match resume(vm, g, Value::None, None)? {
        SendResult::Yielded(v) => Ok(Some(v)),
        SendResult::Returned(v) => {
            if v.is_none() {
                Ok(None)
            } else {
                // A generator's return value travels in StopIteration; plain iteration drops it.
                Ok(None)
            }
        }
    }
}

/// `gen.send(value)`: the yielded value, or StopIteration carrying the return value.
pub fn gen_send(vm: &Vm, g: &PyRef, value: Value) -> PyResult<Value> {
    match resume(vm, g, value, None)? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(stop_for(vm, g, v)),
    }
}

/// The exception that ends iteration of `g` with return value `v`.
fn stop_for(vm: &Vm, g: &PyRef, v: Value) -> PyErr {
    if gen_data(g).is_some_and(|gd| gd.kind == GenKind::AsyncGenerator) {
        return vm.new_exception(&vm.types.exceptions.stop_async_iteration, vec![]);
    }
    vm.stop_iteration(v)
}

/// The iterator the generator is delegating to (`yield from` / `await`), if suspended in one.
fn delegate(g: &GenData) -> Option<Value> {
    if g.state.get() != GenState::Suspended {
        return None;
    }
    let frame = g.frame.borrow();
    let f = frame.as_ref()?;
    let next = f.code.body().instrs.get(f.lasti() + 1)?;
    if next.op == Opcode::Resume && next.arg >= 2 {
        Some(f.top().clone())
    } else {
        None
    }
}

/// `gen.throw(exc)`.
pub fn gen_throw(vm: &Vm, g: &PyRef, exc: PyErr) -> PyResult<Value> {
    let Some(gd) = gen_data(g) else {
        return Err(vm.type_error("not a generator"));
    };
    if let Some(yf) = delegate(gd) {
        let is_exit = vm.exc_matches(&exc, &vm.types.exceptions.generator_exit);
        if is_exit {
            // Close the subiterator, then raise GeneratorExit here.
            gd.state.set(GenState::Running);
            let r = close_iter(vm, &yf);
            gd.state.set(GenState::Suspended);
            if let Err(e) = r {
                return throw_here(vm, g, e);
            }
            return throw_here(vm, g, exc);
        }
        gd.state.set(GenState::Running);
        let r = match &yf {
            Value::Obj(y) if gen_data(y).is_some() => gen_throw(vm, y, exc),
            _ => match vm.getattr_opt(&yf, "throw")? {
                Some(t) => vm.call(&t, &[Value::Obj(exc)]),
                None => {
                    gd.state.set(GenState::Suspended);
                    return throw_here(vm, g, exc);
                }
            },
        };
        gd.state.set(GenState::Suspended);
        match r {
            Ok(v) => Ok(v),
            Err(e) if vm.exc_matches(&e, &vm.types.exceptions.stop_iteration) => {
                // The subiterator finished: leave the SEND loop with its value.
                let val = vm
                    .getattr_opt(&Value::Obj(e), "value")?
                    .unwrap_or(Value::None);
                {
                    let mut fb = gd.frame.borrow_mut();
                    if let Some(f) = fb.as_mut() {
                        f.pop();
                        if let Some(send) = f.code.body().instrs.get(f.lasti().wrapping_sub(1))
                            && send.op == Opcode::Send
                        {
                            f.pc = send.arg as usize;
                        }
                    }
                }
                gen_send(vm, g, val)
            }
            Err(e) => throw_here(vm, g, e),
        }
    } else {
        throw_here(vm, g, exc)
    }
}

fn throw_here(vm: &Vm, g: &PyRef, exc: PyErr) -> PyResult<Value> {
    match resume(vm, g, Value::None, Some(exc))? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(stop_for(vm, g, v)),
    }
}

fn close_iter(vm: &Vm, it: &Value) -> PyResult<()> {
    match it {
        Value::Obj(o) if gen_data(o).is_some() => gen_close(vm, o).map(|_| ()),
        _ => {
            if let Some(c) = vm.getattr_opt(it, "close")? {
                vm.call(&c, &[])?;
            }
            Ok(())
        }
    }
}

/// `gen.close()`.
pub fn gen_close(vm: &Vm, g: &PyRef) -> PyResult<Value> {
    let Some(gd) = gen_data(g) else {
        return Ok(Value::None);
    };
    match gd.state.get() {
        GenState::Finished => return Ok(Value::None),
        GenState::Created => {
            gd.state.set(GenState::Finished);
            gd.frame.borrow_mut().take();
            return Ok(Value::None);
        }
        _ => {}
    }
    let exit = vm.new_exception(&vm.types.exceptions.generator_exit, vec![]);
    match gen_throw(vm, g, exit) {
        Ok(_) => Err(vm.runtime_error(match gd.kind {
            GenKind::AsyncGenerator => "async generator ignored GeneratorExit",
            GenKind::Coroutine => "coroutine ignored GeneratorExit",
            GenKind::Generator => "generator ignored GeneratorExit",
        })),
        Err(e)
            if vm.exc_matches(&e, &vm.types.exceptions.generator_exit)
                || vm.exc_matches(&e, &vm.types.exceptions.stop_iteration)
                || vm.exc_matches(&e, &vm.types.exceptions.stop_async_iteration) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

impl Vm {
    /// GET_YIELD_FROM_ITER.
    pub(crate) fn op_get_yield_from_iter(&self, f: &Frame, v: Value) -> PyResult<Value> {
        if let Value::Obj(o) = &v
            && let Some(gd) = gen_data(o)
        {
            if gd.kind == GenKind::Coroutine
                && f.code.flags() & (co_flags::COROUTINE | co_flags::ITERABLE_COROUTINE) == 0
            {
                return Err(self.type_error(
                    "cannot 'yield from' a coroutine object in a non-coroutine generator",
                ));
            }
            if gd.kind != GenKind::AsyncGenerator {
                return Ok(v);
            }
        }
        self.get_iter(&v)
    }

    /// SEND: one step of `yield from` / `await`.
    pub(crate) fn op_send(&self, receiver: &Value, v: Value) -> PyResult<SendResult> {
        if let Value::Obj(o) = receiver
            && gen_data(o).is_some()
            && matches!(
                crate::types::kind_of(o),
                TypeKind::Generator | TypeKind::Coroutine
            )
        {
            return match resume(self, o, v, None) {
                Ok(r) => Ok(r),
                Err(e) => Err(e),
            };
        }
        let r = if v.is_none() {
            match self.lookup_special(receiver, "__next__") {
                Some(m) => self.call(&m, std::slice::from_ref(receiver)),
                // Native iterators without a Python-level __next__.
                None => match self.next(receiver)? {
                    Some(y) => Ok(y),
                    None => return Ok(SendResult::Returned(Value::None)),
                },
            }
        } else {
            self.call_method(receiver, "send", &[v])
        };
        match r {
            Ok(y) => Ok(SendResult::Yielded(y)),
            Err(e) if self.exc_matches(&e, &self.types.exceptions.stop_iteration) => {
                let val = self
                    .getattr_opt(&Value::Obj(e), "value")?
                    .unwrap_or(Value::None);
                Ok(SendResult::Returned(val))
            }
            Err(e) => Err(e),
        }
    }

    /// GET_AWAITABLE.
    pub(crate) fn op_get_awaitable(&self, v: Value, where_: u32) -> PyResult<Value> {
        if let Value::Obj(o) = &v
            && let Some(gd) = gen_data(o)
            && (gd.kind == GenKind::Coroutine
                || (gd.kind == GenKind::Generator
                    && gd.code.flags() & co_flags::ITERABLE_COROUTINE != 0))
        {
            {
                if gd.kind == GenKind::Coroutine && delegate(gd).is_some() {
                    return Err(self.runtime_error("coroutine is being awaited already"));
                }
                return Ok(v);
            }
        }
        match self.lookup_special(&v, "__await__") {
            Some(m) => {
                let it = self.call(&m, std::slice::from_ref(&v))?;
                if let Value::Obj(o) = &it
                    && gen_data(o).is_some_and(|g| g.kind == GenKind::Coroutine)
                {
                    return Err(self.type_error("__await__() returned a coroutine"));
                }
                if self.lookup_special(&it, "__next__").is_none() {
                    return Err(self.type_error(format!(
                        "__await__() returned non-iterator of type '{}'",
                        self.type_name(&it)
                    )));
                }
                Ok(it)
            }
            None => {
                let msg = match where_ {
                    1 => format!(
                        "'async with' received an object from __aenter__ that does not implement __await__: {}",
                        self.type_name(&v)
                    ),
                    2 => format!(
                        "'async with' received an object from __aexit__ that does not implement __await__: {}",
                        self.type_name(&v)
                    ),
                    _ => format!(
                        "object {} can't be used in 'await' expression",
                        self.type_name(&v)
                    ),
                };
                Err(self.type_error(msg))
            }
        }
    }

    /// The iterator behind an awaitable (what `await x` drives).
    pub fn op_get_awaitable_pub(&self, v: Value) -> PyResult<Value> {
        self.op_get_awaitable(v, 0)
    }

    /// GET_AITER.
    pub(crate) fn op_get_aiter(&self, v: Value) -> PyResult<Value> {
        let Some(m) = self.lookup_special(&v, "__aiter__") else {
            return Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(&v)
            )));
        };
        let it = self.call(&m, std::slice::from_ref(&v))?;
        if self.lookup_special(&it, "__anext__").is_none() {
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// GET_ANEXT.
    pub(crate) fn op_get_anext(&self, aiter: Value) -> PyResult<Value> {
        let Some(m) = self.lookup_special(&aiter, "__anext__") else {
            return Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(&aiter)
            )));
        };
        let awaitable = self.call(&m, std::slice::from_ref(&aiter))?;
        self.op_get_awaitable(awaitable, 0).map_err(|_| {
            self.type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                self.type_name(&aiter)
            ))
        })
    }
}

/// ASYNC_GEN_WRAP: marks a value yielded by an async generator (as opposed to one passed
/// through from an awaited object).
pub fn wrap_async_gen_value(vm: &Vm, v: Value) -> Value {
    Value::Obj(PyObject::new(
        vm.types.other("async_generator_wrapped_value"),
        Payload::Native(Box::new(crate::builtins::asyncgen::Wrapped(RefCell::new(
            v,
        )))),
    ))
}

/// Whether `o` is a coroutine object.
pub fn is_coroutine(vm: &Vm, o: &Value) -> bool {
    matches!(o, Value::Obj(x) if is_subtype(x.class(), &vm.types.coroutine))
}
