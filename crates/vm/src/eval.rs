//! The eval loop: executes the frame on top of the VM's frame stack, one internal instruction
//! at a time. Python→Python calls push a frame and continue the same loop; returns pop it.
//! Counterpart: Python/ceval.c `_PyEval_EvalFrameDefault` (3.11).
//!
//! Each arm is glue: the semantics live in the protocol layer (`protocol::*`) and in the
//! handler families (`ops_*`). An arm that fails breaks out of the `'op` block with the
//! exception; the unwinder below then consults the exception table, frame by frame.

use std::rc::Rc;

use rpy_marshal::Opcode;

use crate::frame::{Frame, Resume};
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

mod fast;

/// Evaluates to the `Ok` value, or leaves the `'op` block with the error.
macro_rules! tri {
    ($label:lifetime, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(err) => break $label err,
        }
    };
}

/// `v.push(x)` with the common case inlined: `Vec::push` is an out-of-line call here, which
/// costs more than the store (the frame stack and the frame pool are pushed on every call).
#[inline(always)]
fn push_inline<T>(v: &mut Vec<T>, x: T) {
    if v.len() < v.capacity() {
        // SAFETY: the slot at `len` is allocated and unused; the length covers it once written.
        unsafe {
            v.as_mut_ptr().add(v.len()).write(x);
            v.set_len(v.len() + 1);
        }
    } else {
        v.push(x);
    }
}

/// How many finished frames the pool keeps for reuse.
const POOL_MAX: usize = 64;

impl Vm {
    /// Runs `frame` to completion and returns its result (a native → Python entry).
    pub fn run_frame(&self, mut frame: Box<Frame>) -> PyResult<Value> {
        frame.resume = Resume::Exit;
        self.push_frame(frame)?;
        self.run_loop(None)
    }

    /// Resumes a frame already pushed by the caller; `throw` raises an exception in it at
    /// its current instruction first (`generator.throw`).
    pub(crate) fn resume_pushed(&self, throw: Option<PyErr>) -> PyResult<Value> {
        self.run_loop(throw)
    }

    pub(crate) fn push_frame(&self, frame: Box<Frame>) -> PyResult<()> {
        let depth = self.depth.get() + 1;
        if depth > self.recursion_limit.get() {
            // The frame is dropped: its caller sees the error at its CALL. CPython calls an
            // `__init__` through C, whose check words it so.
            let message = match frame.resume {
                Resume::Init => "maximum recursion depth exceeded while calling a Python object",
                _ => "maximum recursion depth exceeded",
            };
            return Err(self.new_exception_msg(&self.types.exceptions.recursion_error, message));
        }
        self.depth.set(depth);
        self.frames.borrow_mut().push(frame);
        Ok(())
    }

    pub(crate) fn pop_frame(&self) -> Box<Frame> {
        self.depth.set(self.depth.get() - 1);
        let mut frame = self.frames.borrow_mut().pop().expect("a frame to pop");
        if let Some(fo) = frame.frame_obj.clone() {
            crate::builtins::frame::detach(self, &fo, &mut frame);
        }
        frame
    }

    /// A frame for `code` whose first locals are `args` (at most `nlocalsplus`): a recycled
    /// one when the pool has one.
    #[inline]
    pub(crate) fn new_frame(
        &self,
        args: &[Value],
        code: Rc<crate::code::Code>,
        globals: PyRef,
        builtins: PyRef,
        locals: Option<Value>,
        func: Option<PyRef>,
    ) -> Box<Frame> {
        code.built(self);
        let recycled = self.frame_pool.borrow_mut().pop();
        match recycled {
            Some(mut frame) => {
                frame.reinit(args, code, globals, builtins, locals, func);
                frame
            }
            None => Frame::with_args(args, code, globals, builtins, locals, func),
        }
    }

    /// CALL of a Python function whose code binds its arguments by moving them
    /// (`Code::simple_argc`). The stack holds, from `base`, either NULL, the function and the
    /// arguments, or the function, `self` and the arguments (`first` is where the arguments,
    /// `self` included, start): all of it moves into the new frame, which is pushed.
    #[inline(always)]
    fn push_simple_call(
        &self,
        caller: &mut Frame,
        base: usize,
        first: usize,
        code: Rc<crate::code::Code>,
    ) -> PyResult<()> {
        let depth = self.deeper("maximum recursion depth exceeded")?;
        // SAFETY: the function is read out of the caller's stack, which `push_moved` shortens
        // over it before anything else can see the stack.
        let func = match unsafe { std::ptr::read(caller.slots.as_ptr().add(first - 1)) } {
            Value::Obj(o) => o,
            _ => unreachable!("push_simple_call of a function"),
        };
        self.push_moved(caller, base, first, code, func, Resume::Push, depth);
        Ok(())
    }

    /// CALL of a class whose `__init__` is a Python function binding its arguments by moving
    /// them (`Resume::Init`): the new instance has taken the class's place on the stack (at
    /// `first`, above the NULL at `base`); it and the arguments move into `init`'s frame, and
    /// `instance` waits on the caller's stack for `__init__` to return.
    #[inline(always)]
    fn push_init_call(
        &self,
        caller: &mut Frame,
        base: usize,
        first: usize,
        code: Rc<crate::code::Code>,
        init: PyRef,
        instance: Value,
    ) -> PyResult<()> {
        // CPython calls an `__init__` through C, whose check words it so.
        let depth =
            self.deeper("maximum recursion depth exceeded while calling a Python object")?;
        self.push_moved(caller, base, first, code, init, Resume::Init, depth);
        caller.push(instance);
        Ok(())
    }

    /// The frame depth one more frame makes, or RecursionError with `message` past the limit.
    #[inline(always)]
    fn deeper(&self, message: &str) -> PyResult<usize> {
        let depth = self.depth.get() + 1;
        if depth > self.recursion_limit.get() {
            return Err(self.new_exception_msg(&self.types.exceptions.recursion_error, message));
        }
        Ok(depth)
    }

    /// Pushes a frame running `func` whose locals start with the caller's stack from `first`
    /// on, moved; the caller's stack is cut back to `base` (what lies between is the function,
    /// already taken by the caller, or a NULL, which owns nothing).
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn push_moved(
        &self,
        caller: &mut Frame,
        base: usize,
        first: usize,
        code: Rc<crate::code::Code>,
        func: PyRef,
        resume: Resume,
        depth: usize,
    ) {
        let nargs = caller.slots.len() - first;
        let (globals, builtins) = match &func.payload {
            Payload::Function(fd) => (fd.globals.clone(), fd.builtins.clone()),
            _ => unreachable!("push_moved of a function"),
        };
        let recycled = self.frame_pool.borrow_mut().pop();
        let mut frame = match recycled {
            Some(frame) => frame,
            None => Frame::empty(code.clone(), globals.clone(), builtins.clone()),
        };
        // SAFETY: the arguments are read out of the caller's stack, which is then shortened
        // over them, so each value has exactly one owner again.
        unsafe {
            frame.enter_moved(
                caller.slots.as_ptr().add(first),
                nargs,
                code,
                globals,
                builtins,
                func,
            );
            caller.slots.set_len(base);
        }
        frame.resume = resume;
        self.depth.set(depth);
        push_inline(&mut self.frames.borrow_mut(), frame);
    }

    /// Pops the running frame, which returns to a Python caller and which no generator or
    /// frame object refers to, and recycles it: the return half of `push_moved`.
    #[inline(always)]
    fn return_simple(&self) {
        let frame = self.frames.borrow_mut().pop();
        self.depth.set(self.depth.get() - 1);
        if let Some(frame) = frame {
            self.pool_frame(frame);
        }
    }

    /// Returns a finished frame to the pool. Everything it referenced is released now, as
    /// when it is dropped (so objects still die when their last frame ends); the namespaces
    /// are replaced by the builtins dict, which lives as long as the VM, and the code object
    /// is kept until reuse (constants run no `__del__`).
    pub(crate) fn recycle_frame(&self, frame: Box<Frame>) {
        if frame.frame_obj.is_none() && frame.generator.is_none() {
            self.pool_frame(frame);
        }
    }

    /// Releases what a finished frame references and keeps it in the pool (unless the pool
    /// is full). Releasing may run `__del__`, which may call and recycle: the pool is not
    /// borrowed meanwhile.
    #[inline(always)]
    fn pool_frame(&self, mut frame: Box<Frame>) {
        if self.frame_pool.borrow().len() >= POOL_MAX {
            return;
        }
        frame.slots.clear();
        // Rarely set: module and class bodies, a pending KW_NAMES, an inline generator.
        if frame.locals.is_some() || frame.kwnames.is_some() || !frame.saved_handled.is_none() {
            drop(frame.locals.take());
            drop(frame.kwnames.take());
            drop(std::mem::replace(&mut frame.saved_handled, Value::None));
        }
        drop(frame.func.take());
        frame.globals = self.builtins_dict.clone();
        frame.builtins = self.builtins_dict.clone();
        let mut pool = self.frame_pool.borrow_mut();
        if pool.len() < POOL_MAX {
            push_inline(&mut pool, frame);
        }
    }

    /// Pops the running frame as it returns or yields: its resume mode, and its generator
    /// (an inline-resumed one gives its caller's state back first).
    fn leave_frame(&self) -> (Box<Frame>, Resume, Option<PyRef>) {
        let mut frame = self.pop_frame();
        let resume = frame.resume;
        let g = frame.generator.as_ref().and_then(|g| g.upgrade());
        if matches!(resume, Resume::ForIter | Resume::Send) {
            crate::generator::leave_inline(self, &mut frame, g.as_ref());
        }
        (frame, resume, g)
    }

    #[inline(always)]
    fn top_frame_ptr(&self) -> *mut Frame {
        let mut frames = self.frames.borrow_mut();
        let top = frames.last_mut().expect("a frame to run");
        &mut **top as *mut Frame
    }

    /// The loop proper: runs until the frame that was entered with `Resume::Exit` returns.
    fn run_loop(&self, mut pending: Option<PyErr>) -> PyResult<Value> {
        let mut fp = self.top_frame_ptr();
        // The running frame's instructions, reloaded whenever the running frame changes (a
        // frame's code never changes): one load per instruction instead of three.
        // Every deref of `instrs` relies on this: the frame at `fp` owns an `Rc<Code>` keeping
        // the instruction slice alive while the frame runs, and `instrs` is reloaded with `fp`.
        // SAFETY: `fp` points at the live top frame (see the loop body).
        let mut instrs: *const [crate::code::Instr] = unsafe { &*(&(*fp)).code.body().instrs };
        // The running frame's code, under the same rule as `instrs`: names and caches are
        // read through it while the frame itself is borrowed mutably.
        // SAFETY: as for `instrs`.
        let mut code: *const crate::code::Code = unsafe { &*(*fp).code };
        // The running frame's constants, under the same rule as `instrs`.
        // SAFETY: as for `instrs`.
        let mut consts: *const [Value] = unsafe { &*(&(*fp)).code.body().consts };
        macro_rules! switch_frame {
            () => {
                fp = self.top_frame_ptr();
                // SAFETY: see `instrs` above.
                instrs = unsafe { &*(&(*fp)).code.body().instrs };
                // SAFETY: see `code` above.
                code = unsafe { &*(*fp).code };
                // SAFETY: see `consts` above.
                consts = unsafe { &*(&(*fp)).code.body().consts };
            };
        }
        loop {
            let mut reraise = false;
            let err: PyErr = 'op: {
                if let Some(e) = pending.take() {
                    break 'op e;
                }
                // One instruction per turn; only an error leaves (to the unwinder below).
                'dispatch: loop {
                    // SAFETY: `fp`, `instrs`, `code` and `consts` are the running frame's, as
                    // every frame switch keeps them.
                    let instr = tri!('op, unsafe {
                        self.fast_path(&mut fp, &mut instrs, &mut code, &mut consts)
                    });
                    // SAFETY: `fp` points into a `Box<Frame>` on `self.frames`; boxes do not
                    // move when the vector grows, and a frame is only popped by this loop
                    // (after which `fp` is reloaded). The VM is single-threaded.
                    let f = unsafe { &mut *fp };
                    let arg = instr.arg;
                    match instr.op {
                        Opcode::Nop | Opcode::Precall => continue 'dispatch,
                        Opcode::Resume => {
                            // At a function's start and after a yield (not after `yield from`
                            // or `await`), as CPython's RESUME does.
                            if arg < 2 {
                                tri!('op, self.check_signals());
                            }
                            continue 'dispatch;
                        }
                        Opcode::Cache if arg == crate::code::PAST_END => {
                            break 'op self.new_exception_msg(
                                &self.types.exceptions.system_error,
                                "code ran past its end",
                            );
                        }
                        Opcode::Cache if arg == crate::code::BAD_BODY => {
                            let message = f.code.body().consts[0].clone();
                            break 'op self
                                .new_exception(&self.types.exceptions.system_error, vec![message]);
                        }
                        Opcode::Cache => {
                            break 'op self.new_exception_msg(
                                &self.types.exceptions.system_error,
                                &format!("unknown opcode {arg}"),
                            );
                        }
                        Opcode::ExtendedArg => continue 'dispatch,
                        Opcode::LoadFast => {
                            let v = f.local(arg as usize);
                            if v.is_null() {
                                break 'op self.unbound_local(f, arg as usize);
                            }
                            let v = v.clone();
                            f.push(v);
                            continue 'dispatch;
                        }
                        Opcode::StoreFast => {
                            let v = f.pop();
                            *f.local_mut(arg as usize) = v;
                            continue 'dispatch;
                        }
                        Opcode::DeleteFast => {
                            if f.slots[arg as usize].is_null() {
                                break 'op self.unbound_local(f, arg as usize);
                            }
                            f.slots[arg as usize] = Value::Null;
                            continue 'dispatch;
                        }
                        Opcode::LoadConst => {
                            // SAFETY: `consts` belongs to the running frame (see its
                            // declaration), and `translate` rejects a constant operand at or past
                            // its length.
                            let v = unsafe { (&*consts).get_unchecked(arg as usize) }.clone();
                            f.push(v);
                            continue 'dispatch;
                        }
                        Opcode::PopTop => {
                            f.pop();
                            continue 'dispatch;
                        }
                        Opcode::PushNull => {
                            f.push(Value::Null);
                            continue 'dispatch;
                        }
                        Opcode::Copy => {
                            let v = f.peek(arg as usize).clone();
                            f.push(v);
                            continue 'dispatch;
                        }
                        Opcode::Swap => {
                            let len = f.slots.len();
                            let n = arg as usize;
                            if n >= 1 && len >= f.code.nlocalsplus + n {
                                f.slots.swap(len - 1, len - n);
                            }
                            continue 'dispatch;
                        }
                        Opcode::JumpForward | Opcode::JumpBackwardNoInterrupt => {
                            f.pc = arg as usize;
                            continue 'dispatch;
                        }
                        Opcode::JumpBackward => {
                            // Periodic work happens on back-edges (and calls), never per instruction.
                            // A KeyboardInterrupt is raised at the jump itself (before it moves pc).
                            tri!('op, self.check_signals());
                            f.pc = arg as usize;
                            self.maybe_collect();
                            continue 'dispatch;
                        }
                        Opcode::PopJumpForwardIfFalse | Opcode::PopJumpBackwardIfFalse => {
                            let v = f.pop();
                            let t = match v {
                                Value::Bool(b) => b.get(),
                                _ => tri!('op, self.truthy(&v)),
                            };
                            if !t {
                                f.pc = arg as usize;
                            }
                            continue 'dispatch;
                        }
                        Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue => {
                            let v = f.pop();
                            let t = match v {
                                Value::Bool(b) => b.get(),
                                _ => tri!('op, self.truthy(&v)),
                            };
                            if t {
                                f.pc = arg as usize;
                            }
                            continue 'dispatch;
                        }
                        Opcode::PopJumpForwardIfNone | Opcode::PopJumpBackwardIfNone => {
                            if f.pop().is_none() {
                                f.pc = arg as usize;
                            }
                            continue 'dispatch;
                        }
                        Opcode::PopJumpForwardIfNotNone | Opcode::PopJumpBackwardIfNotNone => {
                            if !f.pop().is_none() {
                                f.pc = arg as usize;
                            }
                            continue 'dispatch;
                        }
                        Opcode::JumpIfFalseOrPop => {
                            let t = tri!('op, self.truthy(f.top()));
                            if !t {
                                f.pc = arg as usize;
                            } else {
                                f.pop();
                            }
                            continue 'dispatch;
                        }
                        Opcode::JumpIfTrueOrPop => {
                            let t = tri!('op, self.truthy(f.top()));
                            if t {
                                f.pc = arg as usize;
                            } else {
                                f.pop();
                            }
                            continue 'dispatch;
                        }
                        Opcode::BinaryOp => {
                            let b = f.pop();
                            let a = f.pop();
                            let r = tri!('op, self.binary_op(&a, &b, arg));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::CompareOp => {
                            let b = f.pop();
                            let a = f.pop();
                            let op = crate::protocol::CmpOp::from_arg(arg);
                            let r = tri!('op, self.rich_compare(&a, &b, op));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::IsOp => {
                            let b = f.pop();
                            let a = f.pop();
                            f.push(Value::bool(a.is(&b) != (arg == 1)));
                            continue 'dispatch;
                        }
                        Opcode::ContainsOp => {
                            let b = f.pop();
                            let a = f.pop();
                            let r = tri!('op, self.contains(&b, &a));
                            f.push(Value::bool(r != (arg == 1)));
                            continue 'dispatch;
                        }
                        Opcode::UnaryNot => {
                            let v = f.pop();
                            let t = tri!('op, self.truthy(&v));
                            f.push(Value::bool(!t));
                            continue 'dispatch;
                        }
                        Opcode::UnaryNegative | Opcode::UnaryPositive | Opcode::UnaryInvert => {
                            let v = f.pop();
                            let r = tri!('op, self.unary_op(&v, instr.op));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::BinarySubscr => {
                            let k = f.pop();
                            let c = f.pop();
                            let r = tri!('op, self.getitem(&c, &k));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::StoreSubscr => {
                            let k = f.pop();
                            let c = f.pop();
                            let v = f.pop();
                            tri!('op, self.setitem(&c, k, v));
                            continue 'dispatch;
                        }
                        Opcode::DeleteSubscr => {
                            let k = f.pop();
                            let c = f.pop();
                            tri!('op, self.delitem(&c, &k));
                            continue 'dispatch;
                        }
                        Opcode::LoadGlobal => {
                            // SAFETY: see `code` above.
                            let code = unsafe { &*code };
                            let name = &code.body().names[(arg >> 1) as usize];
                            let v = match code.body().caches.get(instr.cache as usize) {
                                Some(c) => tri!('op, self.load_global_cached(f, name, c)),
                                None => tri!('op, self.load_global(f, name)),
                            };
                            if arg & 1 != 0 {
                                f.push(Value::Null);
                            }
                            f.push(v);
                            continue 'dispatch;
                        }
                        Opcode::StoreGlobal => {
                            let name = f.code.body().names[arg as usize].clone();
                            let v = f.pop();
                            tri!('op, self.dict_set_str(&f.globals, name, v));
                            continue 'dispatch;
                        }
                        Opcode::DeleteGlobal => {
                            let name = f.code.body().names[arg as usize].clone();
                            tri!('op, self.delete_global(f, &name));
                            continue 'dispatch;
                        }
                        Opcode::LoadName => {
                            let name = f.code.body().names[arg as usize].clone();
                            let v = tri!('op, self.load_name(f, &name));
                            f.push(v);
                            continue 'dispatch;
                        }
                        Opcode::StoreName => {
                            let name = f.code.body().names[arg as usize].clone();
                            let v = f.pop();
                            tri!('op, self.store_name(f, name, v));
                            continue 'dispatch;
                        }
                        Opcode::DeleteName => {
                            let name = f.code.body().names[arg as usize].clone();
                            tri!('op, self.delete_name(f, &name));
                            continue 'dispatch;
                        }
                        Opcode::LoadAttr => {
                            // SAFETY: see `code` above.
                            let code = unsafe { &*code };
                            let name = &code.body().names[arg as usize];
                            let o = f.pop();
                            let v = match code.body().caches.get(instr.cache as usize) {
                                Some(c) => tri!('op, self.load_attr_cached(&o, name, c)),
                                None => tri!('op, self.getattr(&o, name)),
                            };
                            f.push(v);
                            continue 'dispatch;
                        }
                        Opcode::StoreAttr => {
                            // SAFETY: see `code` above.
                            let code = unsafe { &*code };
                            let name = &code.body().names[arg as usize];
                            let o = f.pop();
                            let v = f.pop();
                            match code.body().caches.get(instr.cache as usize) {
                                Some(c) => tri!('op, self.store_attr_cached(&o, name, v, c)),
                                None => tri!('op, self.setattr(&o, name, v)),
                            }
                            continue 'dispatch;
                        }
                        Opcode::DeleteAttr => {
                            let name = f.code.body().names[arg as usize].clone();
                            let o = f.pop();
                            tri!('op, self.delattr(&o, &name));
                            continue 'dispatch;
                        }
                        Opcode::LoadMethod => {
                            // SAFETY: see `code` above.
                            let code = unsafe { &*code };
                            let name = &code.body().names[arg as usize];
                            let o = f.pop();
                            let r = match code.body().caches.get(instr.cache as usize) {
                                Some(c) => self.load_method_cached(&o, name, c),
                                None => self.get_method(&o, name),
                            };
                            match tri!('op, r) {
                                (meth, true) => {
                                    f.push(meth);
                                    f.push(o);
                                }
                                (attr, false) => {
                                    f.push(Value::Null);
                                    f.push(attr);
                                }
                            }
                            continue 'dispatch;
                        }
                        Opcode::KwNames => {
                            if let Value::Obj(t) = &f.code.body().consts[arg as usize] {
                                f.kwnames = Some(t.clone());
                            }
                            continue 'dispatch;
                        }
                        Opcode::Call => {
                            let n = arg as usize;
                            let kwnames = f.kwnames.take();
                            if f.stack_len() < n + 2 {
                                break 'op self.new_exception_msg(
                                    &self.types.exceptions.system_error,
                                    "CALL: stack underflow",
                                );
                            }
                            let len = f.slots.len();
                            // A bound method in callable position with a NULL below: unpack it
                            // (PRECALL's job in CPython).
                            if f.slots[len - n - 2].is_null()
                                && let Value::Obj(o) = &f.slots[len - n - 1]
                                && let Payload::BoundMethod { func, self_ } = &o.payload
                            {
                                let (func, self_) = (func.clone(), self_.clone());
                                f.slots[len - n - 2] = func;
                                f.slots[len - n - 1] = self_;
                            }
                            let first = if f.slots[len - n - 2].is_null() {
                                len - n
                            } else {
                                len - n - 1
                            };
                            // The common call: a Python function taking exactly these
                            // positional arguments.
                            let simple = match &f.slots[first - 1] {
                                Value::Obj(o) if kwnames.is_none() => match &o.payload {
                                    Payload::Function(fd) => {
                                        let code = fd.code.borrow();
                                        code.binds_by_moving(len - first).then(|| Rc::clone(&code))
                                    }
                                    _ => None,
                                },
                                _ => None,
                            };
                            if let Some(code) = simple {
                                tri!('op, self.push_simple_call(f, len - n - 2, first, code));
                                switch_frame!();
                                continue 'dispatch;
                            }
                            let callable = f.slots[first - 1].clone();
                            let kw: &[Value] = match &kwnames {
                                Some(t) => match &t.payload {
                                    Payload::Tuple(items) => items,
                                    _ => &[],
                                },
                                None => &[],
                            };
                            if let Value::Obj(co) = &callable
                                && let Payload::Function(fd) = &co.payload
                            {
                                let frame =
                                    tri!('op, self.frame_for_call(co, fd, &f.slots[first..], kw));
                                f.slots.truncate(len - n - 2);
                                let mut frame = frame;
                                frame.resume = Resume::Push;
                                tri!('op, self.push_frame(frame));
                                switch_frame!();
                                continue 'dispatch;
                            }
                            // A class whose instances `object.__new__` makes and a Python
                            // `__init__` initializes: the instance takes the class's place as
                            // `self`, and `__init__` runs in this loop.
                            if first == len - n
                                && let Value::Obj(cls) = &callable
                                && let Some(init) = crate::builtins::type_::python_init(self, cls)
                                && let Payload::Function(fd) = &init.payload
                            {
                                let instance = Value::Obj(crate::builtins::object::new_instance(
                                    self,
                                    cls,
                                    crate::builtins::object::instance_payload(cls),
                                ));
                                f.slots[first - 1] = instance.clone();
                                let simple = {
                                    let code = fd.code.borrow();
                                    (kw.is_empty() && code.binds_by_moving(len - first + 1))
                                        .then(|| Rc::clone(&code))
                                };
                                if let Some(code) = simple {
                                    let init = init.clone();
                                    tri!(
                                        'op,
                                        self.push_init_call(
                                            f,
                                            len - n - 2,
                                            first - 1,
                                            code,
                                            init,
                                            instance
                                        )
                                    );
                                    switch_frame!();
                                    continue 'dispatch;
                                }
                                let frame = tri!(
                                    'op,
                                    self.frame_for_call(&init, fd, &f.slots[first - 1..], kw)
                                );
                                f.slots.truncate(len - n - 2);
                                f.push(instance);
                                let mut frame = frame;
                                frame.resume = Resume::Init;
                                tri!('op, self.push_frame(frame));
                                switch_frame!();
                                continue 'dispatch;
                            }
                            // The arguments stay on this frame's stack during the call (which
                            // keeps them alive, as in CPython) and are passed in place.
                            // SAFETY: nothing but this loop, suspended in the call, changes the
                            // slots of this frame: nested calls run on frames of their own, and
                            // the frame stays on the frame stack (its Box does not move).
                            let args: &[Value] = unsafe {
                                std::slice::from_raw_parts(f.slots.as_ptr().add(first), len - first)
                            };
                            let r = self.call_with_kwnames(&callable, args, kw);
                            // A native call may have pushed and popped frames: reload.
                            switch_frame!();
                            // SAFETY: as at the top of the dispatch loop.
                            let f = unsafe { &mut *fp };
                            f.slots.truncate(len - n - 2);
                            let r = tri!('op, r);
                            f.push(r);
                            // Signals that arrived during the call (`os.kill` of ourselves)
                            // are handled before the next instruction, as CPython's CALL does.
                            tri!('op, self.check_signals());
                            continue 'dispatch;
                        }
                        Opcode::CallFunctionEx => {
                            let kwargs = if arg & 1 != 0 { Some(f.pop()) } else { None };
                            let args = f.pop();
                            let callable = f.pop();
                            let null = f.pop();
                            let callable = if null.is_null() { callable } else { null };
                            let r = tri!('op, self.call_ex(&callable, &args, kwargs.as_ref()));
                            switch_frame!();
                            // SAFETY: as at the top of the dispatch loop.
                            unsafe { &mut *fp }.push(r);
                            tri!('op, self.check_signals());
                            continue 'dispatch;
                        }
                        Opcode::ReturnValue => {
                            let v = f.pop();
                            // The common return: to a Python caller, from a frame no
                            // generator or frame object refers to.
                            let resume = f.resume;
                            if matches!(resume, Resume::Push | Resume::Init)
                                && f.generator.is_none()
                                && f.frame_obj.is_none()
                            {
                                self.return_simple();
                                switch_frame!();
                                if resume == Resume::Push {
                                    // SAFETY: as at the top of the dispatch loop.
                                    unsafe { &mut *fp }.push(v);
                                } else if !v.is_none() {
                                    break 'op crate::builtins::type_::init_returned(self, &v);
                                }
                                continue 'dispatch;
                            }
                            let (frame, resume, g) = self.leave_frame();
                            match g {
                                Some(g) => crate::generator::finished(self, &g, frame),
                                None => self.recycle_frame(frame),
                            }
                            match resume {
                                Resume::Exit => return Ok(v),
                                Resume::Push => {
                                    switch_frame!();
                                    // SAFETY: as at the top of the dispatch loop.
                                    unsafe { &mut *fp }.push(v);
                                }
                                Resume::Init => {
                                    switch_frame!();
                                    if !v.is_none() {
                                        break 'op crate::builtins::type_::init_returned(self, &v);
                                    }
                                }
                                Resume::ForIter | Resume::Send => {
                                    // The generator is exhausted: the caller's FOR_ITER leaves its
                                    // loop; its SEND replaces the receiver with the value and jumps.
                                    switch_frame!();
                                    // SAFETY: as at the top of the dispatch loop.
                                    let caller = unsafe { &mut *fp };
                                    caller.pop();
                                    if resume == Resume::Send {
                                        caller.push(v);
                                    }
                                    let target = caller
                                        .code
                                        .body()
                                        .instrs
                                        .get(caller.lasti())
                                        .map(|i| i.arg as usize);
                                    caller.pc = target.unwrap_or(caller.pc);
                                }
                            }
                            continue 'dispatch;
                        }
                        Opcode::ReturnGenerator => {
                            let frame = self.pop_frame();
                            let resume = frame.resume;
                            let g = crate::generator::new_generator(self, frame);
                            if resume == Resume::Exit {
                                return Ok(g);
                            }
                            switch_frame!();
                            // SAFETY: as at the top of the dispatch loop.
                            unsafe { &mut *fp }.push(g);
                            continue 'dispatch;
                        }
                        Opcode::YieldValue => {
                            let v = f.pop();
                            let (frame, resume, g) = self.leave_frame();
                            if let Some(g) = g {
                                crate::generator::suspend(&g, frame);
                            }
                            if resume == Resume::Exit {
                                return Ok(v);
                            }
                            switch_frame!();
                            // SAFETY: as at the top of the dispatch loop.
                            unsafe { &mut *fp }.push(v);
                            continue 'dispatch;
                        }
                        Opcode::GetIter => {
                            let v = f.pop();
                            let it = tri!('op, self.get_iter(&v));
                            f.push(it);
                            continue 'dispatch;
                        }
                        Opcode::ForIter => {
                            let it = f.top().clone();
                            if let Value::Obj(g) = &it
                                && matches!(g.payload, Payload::Generator(_))
                                && crate::types::kind_of(g) == crate::types::TypeKind::Generator
                                && tri!('op, crate::generator::resume_inline(self, g))
                            {
                                switch_frame!();
                                continue 'dispatch;
                            }
                            match tri!('op, self.next(&it)) {
                                Some(v) => f.push(v),
                                None => {
                                    f.pop();
                                    f.pc = arg as usize;
                                }
                            }
                            continue 'dispatch;
                        }
                        Opcode::BuildTuple => {
                            let items = f.pop_n(arg as usize);
                            let t = self.new_tuple(items);
                            f.push(t);
                            continue 'dispatch;
                        }
                        Opcode::BuildList => {
                            let items = f.pop_n(arg as usize);
                            let l = self.new_list(items);
                            f.push(l);
                            continue 'dispatch;
                        }
                        Opcode::ListToTuple => {
                            let l = f.pop();
                            let items = crate::builtins::list::items_of(&l);
                            f.push(self.new_tuple(items));
                            continue 'dispatch;
                        }
                        Opcode::ListAppend => {
                            let v = f.pop();
                            if let Some(Payload::List(l)) = f.peek(arg as usize).payload() {
                                l.borrow_mut().push(v);
                            }
                            continue 'dispatch;
                        }
                        Opcode::ListExtend => {
                            let it = f.pop();
                            let target = f.peek(arg as usize).clone();
                            tri!('op, self.op_list_extend(&target, &it));
                            continue 'dispatch;
                        }
                        Opcode::BuildSet => {
                            let items = f.pop_n(arg as usize);
                            let s = tri!('op, self.new_set_from(items));
                            f.push(s);
                            continue 'dispatch;
                        }
                        Opcode::SetAdd => {
                            let v = f.pop();
                            let target = f.peek(arg as usize).clone();
                            tri!('op, self.set_add(&target, v));
                            continue 'dispatch;
                        }
                        Opcode::SetUpdate => {
                            let it = f.pop();
                            let target = f.peek(arg as usize).clone();
                            tri!('op, self.set_update(&target, &it));
                            continue 'dispatch;
                        }
                        Opcode::BuildMap => {
                            let items = f.pop_n(2 * arg as usize);
                            let d = tri!('op, self.op_build_map(items));
                            f.push(d);
                            continue 'dispatch;
                        }
                        Opcode::BuildConstKeyMap => {
                            let keys = f.pop();
                            let values = f.pop_n(arg as usize);
                            let d = tri!('op, self.op_build_const_key_map(&keys, values));
                            f.push(d);
                            continue 'dispatch;
                        }
                        Opcode::MapAdd => {
                            let v = f.pop();
                            let k = f.pop();
                            let target = f.peek(arg as usize).clone();
                            tri!('op, self.setitem(&target, k, v));
                            continue 'dispatch;
                        }
                        Opcode::DictUpdate => {
                            let m = f.pop();
                            let target = f.peek(arg as usize).clone();
                            tri!('op, self.op_dict_update(&target, &m));
                            continue 'dispatch;
                        }
                        Opcode::DictMerge => {
                            let m = f.pop();
                            let target = f.peek(arg as usize).clone();
                            let func = f.peek(arg as usize + 2).clone();
                            tri!('op, self.op_dict_merge(&target, &m, &func));
                            continue 'dispatch;
                        }
                        Opcode::BuildSlice => {
                            let step = if arg == 3 { f.pop() } else { Value::None };
                            let stop = f.pop();
                            let start = f.pop();
                            f.push(self.new_slice(start, stop, step));
                            continue 'dispatch;
                        }
                        Opcode::BuildString => {
                            let parts = f.pop_n(arg as usize);
                            let mut s = String::new();
                            for p in &parts {
                                s.push_str(crate::str::as_str(p).unwrap_or(""));
                            }
                            f.push(self.new_string(s));
                            continue 'dispatch;
                        }
                        Opcode::FormatValue => {
                            let spec = if arg & 4 != 0 { Some(f.pop()) } else { None };
                            let v = f.pop();
                            let r = tri!('op, self.op_format_value(v, arg & 3, spec));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::UnpackSequence => {
                            let seq = f.pop();
                            let items = tri!('op, self.unpack_sequence(&seq, arg as usize));
                            for v in items.into_iter().rev() {
                                f.push(v);
                            }
                            continue 'dispatch;
                        }
                        Opcode::UnpackEx => {
                            let seq = f.pop();
                            let items = tri!('op, self.unpack_ex(&seq, (arg & 0xFF) as usize, (arg >> 8) as usize));
                            for v in items.into_iter().rev() {
                                f.push(v);
                            }
                            continue 'dispatch;
                        }
                        Opcode::MakeFunction => {
                            let r = tri!('op, self.op_make_function(f, arg));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::MakeCell => {
                            let v = std::mem::take(&mut f.slots[arg as usize]);
                            f.slots[arg as usize] = self.new_cell(v);
                            continue 'dispatch;
                        }
                        Opcode::CopyFreeVars => {
                            tri!('op, self.op_copy_free_vars(f, arg as usize));
                            continue 'dispatch;
                        }
                        Opcode::LoadClosure => {
                            let v = f.slots[arg as usize].clone();
                            f.push(v);
                            continue 'dispatch;
                        }
                        Opcode::LoadDeref => {
                            let v = crate::builtins::cell::get(&f.slots[arg as usize]);
                            if v.is_null() {
                                break 'op self.unbound_deref(f, arg as usize);
                            }
                            f.push(v);
                            continue 'dispatch;
                        }
                        Opcode::StoreDeref => {
                            let v = f.pop();
                            crate::builtins::cell::set(&f.slots[arg as usize], v);
                            continue 'dispatch;
                        }
                        Opcode::DeleteDeref => {
                            let old =
                                crate::builtins::cell::set(&f.slots[arg as usize], Value::Null);
                            if old.is_null() {
                                break 'op self.unbound_deref(f, arg as usize);
                            }
                            continue 'dispatch;
                        }
                        Opcode::LoadClassderef => {
                            let v = tri!('op, self.op_load_classderef(f, arg as usize));
                            f.push(v);
                            continue 'dispatch;
                        }
                        Opcode::LoadBuildClass => {
                            let v = tri!('op, self.load_builtin(f, "__build_class__").map_err(|_| {
                                self.new_exception_msg(&self.types.exceptions.name_error, "__build_class__ not found")
                            }));
                            f.push(v);
                            continue 'dispatch;
                        }
                        Opcode::LoadAssertionError => {
                            f.push(Value::Obj(self.types.exceptions.assertion_error.clone()));
                            continue 'dispatch;
                        }
                        Opcode::SetupAnnotations => {
                            tri!('op, self.op_setup_annotations(f));
                            continue 'dispatch;
                        }
                        Opcode::RaiseVarargs => {
                            let e = tri!('op, self.op_raise(f, arg));
                            match e {
                                Some(e) => break 'op e,
                                None => {
                                    reraise = true;
                                    break 'op tri!('op, self.reraise_handled());
                                }
                            }
                        }
                        Opcode::Reraise => {
                            let exc = f.pop();
                            if arg > 0 {
                                // The saved lasti sits `arg` slots below the exception.
                                if let Value::Int(i) = f.peek(arg as usize) {
                                    let i = *i as usize;
                                    f.set_lasti(i);
                                }
                            }
                            reraise = true;
                            match exc {
                                Value::Obj(e) => break 'op e,
                                _ => {
                                    break 'op self.new_exception_msg(
                                        &self.types.exceptions.system_error,
                                        "RERAISE of a non-exception",
                                    );
                                }
                            }
                        }
                        Opcode::PushExcInfo => {
                            let exc = f.pop();
                            let prev =
                                std::mem::replace(&mut *self.handled.borrow_mut(), exc.clone());
                            f.push(prev);
                            f.push(exc);
                            continue 'dispatch;
                        }
                        Opcode::PopExcept => {
                            let prev = f.pop();
                            let prev = if prev.is_null() { Value::None } else { prev };
                            let old = std::mem::replace(&mut *self.handled.borrow_mut(), prev);
                            drop(old);
                            continue 'dispatch;
                        }
                        Opcode::CheckExcMatch => {
                            let t = f.pop();
                            let r = tri!('op, self.op_check_exc_match(f.top(), &t));
                            f.push(Value::bool(r));
                            continue 'dispatch;
                        }
                        Opcode::CheckEgMatch => {
                            let t = f.pop();
                            let eg = f.pop();
                            let (rest, matched) = tri!('op, self.op_check_eg_match(&eg, &t));
                            f.push(rest);
                            f.push(matched);
                            continue 'dispatch;
                        }
                        Opcode::PrepReraiseStar => {
                            let excs = f.pop();
                            let orig = f.pop();
                            let r = tri!('op, self.op_prep_reraise_star(&orig, &excs));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::WithExceptStart => {
                            let r = tri!('op, self.op_with_except_start(f));
                            switch_frame!();
                            // SAFETY: as at the top of the dispatch loop.
                            unsafe { &mut *fp }.push(r);
                            continue 'dispatch;
                        }
                        Opcode::BeforeWith | Opcode::BeforeAsyncWith => {
                            let mgr = f.pop();
                            let is_async = instr.op == Opcode::BeforeAsyncWith;
                            let (exit, entered) = tri!('op, self.op_before_with(&mgr, is_async));
                            switch_frame!();
                            // SAFETY: as at the top of the dispatch loop.
                            let f = unsafe { &mut *fp };
                            f.push(exit);
                            f.push(entered);
                            continue 'dispatch;
                        }
                        Opcode::ImportName => {
                            let name = f.code.body().names[arg as usize].clone();
                            let fromlist = f.pop();
                            let level = f.pop();
                            let m = tri!('op, self.op_import_name(f, &name, &fromlist, &level));
                            switch_frame!();
                            // SAFETY: as at the top of the dispatch loop.
                            unsafe { &mut *fp }.push(m);
                            continue 'dispatch;
                        }
                        Opcode::ImportFrom => {
                            let name = f.code.body().names[arg as usize].clone();
                            let m = f.top().clone();
                            let v = tri!('op, self.op_import_from(&m, &name));
                            f.push(v);
                            continue 'dispatch;
                        }
                        Opcode::ImportStar => {
                            let m = f.pop();
                            tri!('op, self.op_import_star(f, &m));
                            continue 'dispatch;
                        }
                        Opcode::PrintExpr => {
                            let v = f.pop();
                            tri!('op, self.op_print_expr(v));
                            continue 'dispatch;
                        }
                        Opcode::GetLen => {
                            let n = tri!('op, self.len(f.top()));
                            f.push(Value::from(n));
                            continue 'dispatch;
                        }
                        Opcode::MatchMapping | Opcode::MatchSequence => {
                            let flag = if instr.op == Opcode::MatchMapping {
                                crate::types::flags::MAPPING
                            } else {
                                crate::types::flags::SEQUENCE
                            };
                            let cls = self.class_of(f.top());
                            let r = crate::types::type_data(cls).has_flag(flag);
                            f.push(Value::bool(r));
                            continue 'dispatch;
                        }
                        Opcode::MatchKeys => {
                            let r = tri!('op, self.op_match_keys(f.peek(2), f.peek(1)));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::MatchClass => {
                            let names = f.pop();
                            let cls = f.pop();
                            let subject = f.pop();
                            let r = tri!('op, self.op_match_class(&subject, &cls, arg as usize, &names));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::GetYieldFromIter => {
                            let v = f.pop();
                            let r = tri!('op, self.op_get_yield_from_iter(f, v));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::Send => {
                            let v = f.pop();
                            let receiver = f.top().clone();
                            if let Value::Obj(g) = &receiver
                                && matches!(g.payload, Payload::Generator(_))
                                && matches!(
                                    crate::types::kind_of(g),
                                    crate::types::TypeKind::Generator
                                        | crate::types::TypeKind::Coroutine
                                )
                                && tri!('op, crate::generator::send_inline(self, g, v.clone()))
                            {
                                switch_frame!();
                                continue 'dispatch;
                            }
                            match tri!('op, self.op_send(&receiver, v)) {
                                crate::generator::SendResult::Yielded(y) => {
                                    switch_frame!();
                                    // SAFETY: as at the top of the dispatch loop.
                                    unsafe { &mut *fp }.push(y);
                                }
                                crate::generator::SendResult::Returned(r) => {
                                    switch_frame!();
                                    // SAFETY: as at the top of the dispatch loop.
                                    let f = unsafe { &mut *fp };
                                    f.pop();
                                    f.push(r);
                                    f.pc = arg as usize;
                                }
                            }
                            continue 'dispatch;
                        }
                        Opcode::GetAwaitable => {
                            let v = f.pop();
                            let r = tri!('op, self.op_get_awaitable(v, arg));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::GetAiter => {
                            let v = f.pop();
                            let r = tri!('op, self.op_get_aiter(v));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::GetAnext => {
                            let r = tri!('op, self.op_get_anext(f.top().clone()));
                            f.push(r);
                            continue 'dispatch;
                        }
                        Opcode::EndAsyncFor => {
                            let exc = f.pop();
                            f.pop();
                            if let Value::Obj(e) = &exc
                                && crate::types::is_subtype(
                                    e.class(),
                                    &self.types.exceptions.stop_async_iteration,
                                )
                            {
                                continue 'dispatch;
                            }
                            reraise = true;
                            match exc {
                                Value::Obj(e) => break 'op e,
                                _ => continue 'dispatch,
                            }
                        }
                        Opcode::AsyncGenWrap => {
                            let v = f.pop();
                            f.push(crate::generator::wrap_async_gen_value(self, v));
                            continue 'dispatch;
                        }
                    }
                }
            };
            // Unwinding: find a handler in this frame or pop frames until one is found or the
            // frame that a native caller entered is left.
            switch_frame!();
            let mut exc = err;
            let mut first = true;
            // Whether the frame being unwound now was waiting in a CALL of a Python function
            // (the frame above it was pushed by that CALL).
            let mut in_python_call = false;
            loop {
                // SAFETY: as at the top of the dispatch loop.
                let f = unsafe { &mut *fp };
                if !(first && reraise) {
                    if first {
                        self.chain_context(&exc);
                    }
                    self.add_traceback(&exc, f, in_python_call);
                }
                first = false;
                // The handler is chosen by the instruction that raised (the one before `pc`),
                // not by `lasti`, which RERAISE may have moved back for the traceback.
                if let Some(h) = f.code.handler_for(f.pc.saturating_sub(1)) {
                    f.truncate_stack(h.depth as usize);
                    if h.lasti {
                        let lasti = f.lasti() as i64;
                        f.push(Value::Int(lasti));
                    }
                    f.clear_lasti();
                    f.push(Value::Obj(exc));
                    f.pc = h.target as usize;
                    f.kwnames = None;
                    break;
                }
                let (frame, resume, g) = self.leave_frame();
                in_python_call = resume == Resume::Push;
                if matches!(resume, Resume::ForIter | Resume::Send) {
                    // PEP 479: StopIteration leaving a generator becomes RuntimeError.
                    exc = crate::generator::stop_iteration_escaped(self, exc, g.as_ref());
                }
                if let Some(g) = g {
                    crate::generator::finished(self, &g, frame);
                }
                if resume == Resume::Exit {
                    return Err(exc);
                }
                switch_frame!();
            }
        }
    }

    fn unbound_local(&self, f: &Frame, slot: usize) -> PyErr {
        let name = crate::str::as_str(&Value::Obj(f.code.body().localsplus_names[slot].clone()))
            .unwrap_or("?")
            .to_string();
        self.new_exception_msg(
            &self.types.exceptions.unbound_local_error,
            &format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn unbound_deref(&self, f: &Frame, slot: usize) -> PyErr {
        let name = crate::str::as_str(&Value::Obj(f.code.body().localsplus_names[slot].clone()))
            .unwrap_or("?")
            .to_string();
        if f.code.kind(slot) & rpy_marshal::code::kinds::FREE != 0 {
            self.new_exception_msg(
                &self.types.exceptions.name_error,
                &format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        } else {
            self.new_exception_msg(
                &self.types.exceptions.unbound_local_error,
                &format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        }
    }

    /// Adds `f` to the exception's traceback. A frame that was calling a Python function
    /// reports, as CPython's `tb_lasti` does, the last cache unit of its CALL (CPython moves
    /// past the caches before entering the callee); the line is the CALL's either way.
    fn add_traceback(&self, exc: &PyRef, f: &mut Frame, in_python_call: bool) {
        let frame_obj = crate::builtins::frame::frame_object(self, f);
        let lineno = f.code.line_of(f.lasti());
        let mut lasti = f.code.byte_offset(f.lasti());
        if in_python_call
            && let Some(instr) = f.code.body().instrs.get(f.lasti())
            && instr.op == Opcode::Call
        {
            lasti += 2 * rpy_marshal::opcode::info(Opcode::Call as u8).caches as u32;
        }
        crate::exceptions::push_traceback(self, exc, frame_obj, lasti, lineno);
    }

    /// Links a newly raised exception to the one being handled (`__context__`).
    fn chain_context(&self, exc: &PyRef) {
        let handled = self.handled.borrow().clone();
        if let Value::Obj(h) = handled
            && !Rc::ptr_eq(&h, exc)
        {
            crate::exceptions::set_context_checked(exc, h);
        }
    }
}

/// `RPY_TRACE=1` prints every instruction executed (debug builds only).
#[cfg(debug_assertions)]
fn trace_enabled() -> bool {
    use std::sync::OnceLock;
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("RPY_TRACE").is_some())
}
