//! Execution frames and the Python-visible frame object.
//! Counterpart: Include/internal/pycore_frame.h (`_PyInterpreterFrame`) and
//! Objects/frameobject.c (3.11).
//!
//! A `Frame` is the VM's own record: localsplus slots followed by the value stack in one
//! vector, the instruction pointer, the namespaces. It lives on the VM's frame stack (a
//! Python→Python call pushes one, it is never a Rust recursion) or, suspended, inside its
//! generator. A `FrameObj` — what `sys._getframe()` and tracebacks hand to Python — is made
//! only when asked for.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::code::Code;
use crate::value::{PyRef, Value};

/// What the caller does with a frame's result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// Push the return value onto the caller's stack.
    Push,
    /// The `__init__` of a class the caller's CALL instantiated: the new instance is already
    /// on the caller's stack; the return value must be None.
    Init,
    /// A native caller is waiting: leave the eval loop with the value.
    Exit,
    /// A generator resumed by the caller's FOR_ITER, in the same loop: a yield pushes the value
    /// for the loop body, a return ends the caller's loop.
    ForIter,
    /// A generator or coroutine resumed by the caller's SEND (`yield from`, `await`): a yield
    /// is passed up, a return replaces the receiver with the value and leaves the SEND loop.
    Send,
}

pub struct Frame {
    pub code: Rc<Code>,
    /// `localsplus` (the first `code.nlocalsplus` slots) then the value stack.
    pub slots: Vec<Value>,
    /// `code.nlocalsplus`, kept here: every push and pop compares against it, and reading it
    /// through the `Rc<Code>` costs a dependent load each time.
    base: usize,
    /// Index of the next instruction.
    pub pc: usize,
    /// Set by RERAISE, which attributes the exception to an earlier instruction (see
    /// `lasti`); cleared when a handler of this frame takes the exception.
    lasti_override: Option<usize>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping of module and class bodies (`None` for optimized frames).
    pub locals: Option<Value>,
    /// The function being run, for its closure and for `super()`.
    pub func: Option<PyRef>,
    /// Pending `KW_NAMES` tuple for the next CALL.
    pub kwnames: Option<PyRef>,
    pub resume: Resume,
    /// The Python frame object, once one was asked for.
    pub frame_obj: Option<PyRef>,
    /// The generator (or coroutine) running this frame, if any.
    pub generator: Option<std::rc::Weak<crate::object::PyObject>>,
    /// While a generator runs inline (`Resume::ForIter`): the caller's handled exception.
    pub saved_handled: Value,
}

impl Frame {
    pub fn new(
        vm: &crate::vm::Vm,
        code: Rc<Code>,
        globals: PyRef,
        builtins: PyRef,
        locals: Option<Value>,
        func: Option<PyRef>,
    ) -> Box<Frame> {
        code.built(vm);
        Frame::with_args(&[], code, globals, builtins, locals, func)
    }

    /// A new frame whose first locals are `args` (at most `nlocalsplus` of them). `code` is
    /// built (`Frame::new` and `Vm::new_frame` build it): `Code::body` relies on it.
    pub(crate) fn with_args(
        args: &[Value],
        code: Rc<Code>,
        globals: PyRef,
        builtins: PyRef,
        locals: Option<Value>,
        func: Option<PyRef>,
    ) -> Box<Frame> {
        let mut frame = Frame::empty(code, globals, builtins);
        frame.locals = locals;
        frame.func = func;
        let n = frame.code.nlocalsplus;
        frame.fill_locals(args, n);
        frame
    }

    /// A frame for `code` whose slots are yet to be filled (by `fill_locals` or
    /// `enter_moved`).
    pub(crate) fn empty(code: Rc<Code>, globals: PyRef, builtins: PyRef) -> Box<Frame> {
        Box::new(Frame {
            slots: Vec::with_capacity(code.nlocalsplus + code.stacksize()),
            base: code.nlocalsplus,
            code,
            pc: 0,
            lasti_override: None,
            globals,
            builtins,
            locals: None,
            func: None,
            kwnames: None,
            resume: Resume::Exit,
            frame_obj: None,
            generator: None,
            saved_handled: Value::None,
        })
    }

    /// Makes a recycled frame (see `Vm::recycle_frame`) ready to run `code`.
    /// `code` is built (`Vm::new_frame` builds it).
    pub(crate) fn reinit(
        &mut self,
        args: &[Value],
        code: Rc<Code>,
        globals: PyRef,
        builtins: PyRef,
        locals: Option<Value>,
        func: Option<PyRef>,
    ) {
        let need = code.nlocalsplus + code.stacksize();
        if self.slots.capacity() < need {
            self.slots.reserve(need);
        }
        self.fill_locals(args, code.nlocalsplus);
        self.base = code.nlocalsplus;
        self.code = code;
        self.globals = globals;
        self.builtins = builtins;
        self.locals = locals;
        self.func = func;
        self.pc = 0;
        self.lasti_override = None;
        self.resume = Resume::Exit;
    }

    /// Makes a recycled frame ready to run a call of `func`, whose code binds its arguments
    /// by moving them (`Code::binds_by_moving`): the `nargs` values at `args` become the first
    /// locals, with no reference counts touched. The caller sets `resume`.
    ///
    /// # Safety
    /// `args` points at `nargs` initialized values that the caller gives up (it must forget
    /// them, e.g. by shortening its stack over them); `nargs <= code.nlocalsplus`; `code` is
    /// built.
    #[inline(always)]
    pub(crate) unsafe fn enter_moved(
        &mut self,
        args: *const Value,
        nargs: usize,
        code: Rc<Code>,
        globals: PyRef,
        builtins: PyRef,
        func: PyRef,
    ) {
        let n = code.nlocalsplus;
        let need = n + code.stacksize();
        debug_assert!(self.slots.is_empty() && nargs <= n);
        if self.slots.capacity() < need {
            self.slots.reserve(need);
        }
        // SAFETY: the capacity covers `n` slots; the first `nargs` are moved in from `args`
        // (the caller forgets them), the rest are written unbound before the length covers
        // them.
        unsafe {
            let dst = self.slots.as_mut_ptr();
            // A loop, not `copy_nonoverlapping`: a call of `memcpy` for a few words costs
            // more than the copy.
            for i in 0..nargs {
                dst.add(i).write(args.add(i).read());
            }
            for i in nargs..n {
                dst.add(i).write(Value::Null);
            }
            self.slots.set_len(n);
        }
        self.base = n;
        self.code = code;
        self.globals = globals;
        self.builtins = builtins;
        self.func = Some(func);
        self.pc = 0;
        self.lasti_override = None;
    }

    /// Sets the (empty) slots to `args` followed by unbound locals, `n` in all.
    #[inline]
    fn fill_locals(&mut self, args: &[Value], n: usize) {
        debug_assert!(self.slots.is_empty() && args.len() <= n);
        self.slots.extend_from_slice(args);
        for _ in args.len()..n {
            self.slots.push(Value::Null);
        }
    }

    /// Index of the instruction being executed (or, in a frame that is not running, the last
    /// one that ran: the call, yield or await it waits in): the one before `pc`, since the
    /// loop advances `pc` before executing, unless RERAISE moved it back.
    #[inline]
    pub fn lasti(&self) -> usize {
        self.lasti_override.unwrap_or(self.pc.saturating_sub(1))
    }

    /// RERAISE: the exception is attributed to instruction `i` (its traceback line).
    pub fn set_lasti(&mut self, i: usize) {
        self.lasti_override = Some(i);
    }

    /// A handler took the exception: `lasti` follows `pc` again.
    pub fn clear_lasti(&mut self) {
        self.lasti_override = None;
    }

    /// Pushes onto the value stack. The vector was sized for `co_stacksize` at creation, so
    /// the common case is a plain store (the `fib` benchmark spent 14% in `Vec::push`'s
    /// capacity path); a code object that lies about its stack size still works, by growing.
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        let len = self.slots.len();
        if len < self.slots.capacity() {
            // SAFETY: `len < capacity`, so the slot is allocated and unused; it is written
            // before the length covers it.
            unsafe {
                self.slots.as_mut_ptr().add(len).write(v);
                self.slots.set_len(len + 1);
            }
        } else {
            self.slots.push(v);
        }
    }

    /// Pops the top of the stack. A pop past the locals (a corrupt pyc) yields `Null`
    /// rather than eating a local slot.
    #[inline]
    pub fn pop(&mut self) -> Value {
        if self.slots.len() > self.base {
            self.slots.pop().unwrap_or_default()
        } else {
            Value::Null
        }
    }

    #[inline]
    pub fn top(&self) -> &Value {
        if self.slots.len() > self.base {
            &self.slots[self.slots.len() - 1]
        } else {
            &Value::Null
        }
    }

    /// The item `n` deep (1 = top).
    #[inline]
    pub fn peek(&self, n: usize) -> &Value {
        let len = self.slots.len();
        if n >= 1 && len >= self.base + n {
            &self.slots[len - n]
        } else {
            &Value::Null
        }
    }

    /// Local slot `i` of a running frame, whose instruction's operand `translate` checked to
    /// be below `nlocalsplus`: the bounds check is left out.
    #[inline(always)]
    pub fn local(&self, i: usize) -> &Value {
        debug_assert!(i < self.base);
        // SAFETY: `translate` rejects a local operand at or past `nlocalsplus` (`base`), and
        // `slots` never holds fewer than `base` values (`pop` stops there).
        unsafe { self.slots.get_unchecked(i) }
    }

    /// As `local`, for writing.
    #[inline(always)]
    pub fn local_mut(&mut self, i: usize) -> &mut Value {
        debug_assert!(i < self.base);
        // SAFETY: as in `local`.
        unsafe { self.slots.get_unchecked_mut(i) }
    }

    /// Where the value stack starts in `slots` (`code.nlocalsplus`).
    #[inline]
    pub fn stack_base(&self) -> usize {
        self.base
    }

    #[inline]
    pub fn stack_len(&self) -> usize {
        self.slots.len() - self.base
    }

    /// Pops the top `n` items, in stack order (bottom first).
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let n = n.min(self.stack_len());
        let at = self.slots.len() - n;
        self.slots.split_off(at)
    }

    /// The top `n` items, bottom first, without popping.
    pub fn top_n(&self, n: usize) -> &[Value] {
        let n = n.min(self.stack_len());
        &self.slots[self.slots.len() - n..]
    }

    pub fn truncate_stack(&mut self, depth: usize) {
        let len = self.base + depth;
        if self.slots.len() > len {
            self.slots.truncate(len);
        } else {
            // Shallower than the handler expects (only code that fails `stack_check`'s
            // assumptions could be): the handler still gets its depth.
            self.slots.resize(len, Value::Null);
        }
    }

    /// The current line (`f_lineno`).
    pub fn lineno(&self) -> Option<i32> {
        self.code.line_of(self.lasti())
    }
}

/// The Python-visible frame object.
pub struct FrameObj {
    pub code: Rc<Code>,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub lasti: Cell<usize>,
    /// `f_locals` as last synchronized (module and class frames share their namespace).
    pub locals: RefCell<Option<Value>>,
    /// A finished function frame's local slots, moved here as it left the stack (as CPython
    /// keeps a finished frame's data in its frame object): `f_locals` is made from them only
    /// if asked for.
    pub fast: RefCell<Option<Vec<Value>>>,
    pub back: RefCell<Option<PyRef>>,
    /// Whether the frame has finished running.
    pub finished: Cell<bool>,
}
