//! The eval loop's fast path: the instructions that dominate running time, for the operand
//! types they usually meet, with the instruction index and the stack top held in registers.
//!
//! `Vm::fast_path` runs instructions of the frame until one needs the general path (another
//! opcode, other operand types, an error to raise); it returns that instruction with the frame
//! in the state the general path expects: `pc` past the instruction, the stack as it was before
//! it. Counterpart: the specialized instructions of CPython 3.11 (`BINARY_OP_ADD_FLOAT`,
//! `BINARY_SUBSCR_LIST_INT`, `FOR_ITER` over lists and ranges…), chosen here by a type test
//! at each execution rather than by rewriting the instruction.
//!
//! Why it may skip every check the general path makes:
//! - `pc` always indexes the instructions: jumps go to targets `translate` checked, and the
//!   last instruction is a sentinel the general path handles.
//! - `stack_check` proved at load that each instruction finds the stack at one depth within
//!   `0..=co_stacksize`, deep enough for the operands it reads here (`fast_inputs`), and every
//!   frame's slots are allocated `nlocalsplus + co_stacksize` long: a push never leaves the
//!   allocation and a pop never reaches the locals.
//! - Local and constant operands were checked by `translate`.
//!
//! The stack length in the frame (`slots.len()`) is brought up to date ("synced") before any
//! step that may run Python code (dropping an object may run `__del__`, which may inspect
//! frames) and when leaving. A value moved out of the stack is never dropped before the sync.

use std::rc::Rc;

use crate::code::{Code, Instr};
use crate::frame::{Frame, Resume};
use crate::inline_cache::Found;
use crate::object::Payload;
use crate::types::{TypeKind, kind_of};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use rpy_marshal::Opcode;

impl Vm {
    /// Runs the top frame from its `pc` until an instruction needs the general path, and
    /// returns it; or the error an instruction raised here (the frame synced, `pc` past it).
    /// Calls of Python functions, returns to Python callers, generator resumptions by
    /// FOR_ITER and their yields switch frames here: `fp`, `instrs`, `code` and `consts`
    /// follow the running frame.
    ///
    /// # Safety
    /// `fp` is the running frame and `instrs`, `code` and `consts` its code's (built, so
    /// checked by `translate` and `stack_check`), as `run_loop` keeps them.
    #[inline(always)]
    pub(super) unsafe fn fast_path(
        &self,
        fp: &mut *mut Frame,
        instrs: &mut *const [Instr],
        code: &mut *const Code,
        consts: &mut *const [Value],
    ) -> PyResult<Instr> {
        // SAFETY: every pointer operation below stays within the frame's slots and code, as
        // the module documentation explains.
        unsafe {
            let mut f: &mut Frame = &mut **fp;
            let mut locals: *mut Value = f.slots.as_mut_ptr();
            let mut sp: *mut Value = locals.add(f.slots.len());
            let mut pc = f.pc;
            // The frame on top of the frame stack becomes the running one.
            macro_rules! enter_top {
                () => {
                    *fp = self.top_frame_ptr();
                    f = &mut **fp;
                    *instrs = &*f.code.body().instrs;
                    *code = &*f.code;
                    *consts = &*f.code.body().consts;
                    locals = f.slots.as_mut_ptr();
                    sp = locals.add(f.slots.len());
                    pc = f.pc;
                };
            }
            macro_rules! sync {
                () => {
                    f.slots.set_len(sp.offset_from(locals) as usize)
                };
            }
            macro_rules! push {
                ($v:expr) => {{
                    let v = $v;
                    sp.write(v);
                    sp = sp.add(1);
                }};
            }
            let instr = loop {
                let instr = *(&**instrs).get_unchecked(pc);
                pc += 1;
                f.pc = pc;
                let arg = instr.arg;
                #[cfg(debug_assertions)]
                if super::trace_enabled() {
                    eprintln!(
                        "[trace] {} {:>4} {:<24} {:>5}  stack={}",
                        crate::protocol::attr::str_of(&f.code.name),
                        f.code.byte_offset(pc - 1),
                        instr.op.name(),
                        arg,
                        sp.offset_from(locals) as usize - f.stack_base(),
                    );
                }
                match instr.op {
                    // NOP and PRECALL jump to the next instruction (`translate` made them so):
                    // no arm is empty, so the dispatch is never its own successor and LLVM copies
                    // it into every arm (`.cargo/config.toml`), one indirect jump per arm.
                    Opcode::Nop | Opcode::Precall => pc = arg as usize,
                    // RESUME at a function's start and after a yield checks for signals, as
                    // CPython's does; the general path handles them.
                    Opcode::Resume if arg >= 2 || !crate::signals::any_tripped() => {}
                    Opcode::LoadFast => {
                        let v = &*locals.add(arg as usize);
                        if v.is_null() {
                            break instr;
                        }
                        push!(v.clone());
                    }
                    Opcode::LoadConst => {
                        push!((&**consts).get_unchecked(arg as usize).clone());
                    }
                    Opcode::StoreFast => {
                        sp = sp.sub(1);
                        let old = std::mem::replace(&mut *locals.add(arg as usize), sp.read());
                        sync!();
                        drop(old);
                    }
                    Opcode::PopTop => {
                        sp = sp.sub(1);
                        let v = sp.read();
                        sync!();
                        drop(v);
                    }
                    // Cells: `translate` checked the operand, the slot holds the cell.
                    Opcode::LoadDeref => {
                        let v = crate::builtins::cell::get(&*locals.add(arg as usize));
                        if v.is_null() {
                            break instr;
                        }
                        push!(v);
                    }
                    Opcode::StoreDeref => {
                        sp = sp.sub(1);
                        let v = sp.read();
                        sync!();
                        let old = crate::builtins::cell::set(&*locals.add(arg as usize), v);
                        drop(old);
                    }
                    Opcode::LoadClosure => push!((*locals.add(arg as usize)).clone()),
                    Opcode::Copy if arg != 0 => {
                        push!((*sp.sub(arg as usize)).clone());
                    }
                    Opcode::Swap if arg != 0 => {
                        std::ptr::swap(sp.sub(1), sp.sub(arg as usize));
                    }
                    Opcode::JumpForward | Opcode::JumpBackwardNoInterrupt => pc = arg as usize,
                    // Signals and collections are the general path's business.
                    Opcode::JumpBackward if !crate::signals::any_tripped() && !crate::gc::due() => {
                        pc = arg as usize
                    }
                    Opcode::PopJumpForwardIfFalse | Opcode::PopJumpBackwardIfFalse => {
                        let Value::Bool(b) = &*sp.sub(1) else {
                            break instr;
                        };
                        if !b.get() {
                            pc = arg as usize;
                        }
                        sp = sp.sub(1);
                    }
                    Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue => {
                        let Value::Bool(b) = &*sp.sub(1) else {
                            break instr;
                        };
                        if b.get() {
                            pc = arg as usize;
                        }
                        sp = sp.sub(1);
                    }
                    Opcode::PopJumpForwardIfNone
                    | Opcode::PopJumpBackwardIfNone
                    | Opcode::PopJumpForwardIfNotNone
                    | Opcode::PopJumpBackwardIfNotNone => {
                        sp = sp.sub(1);
                        let v = sp.read();
                        let if_none = matches!(
                            instr.op,
                            Opcode::PopJumpForwardIfNone | Opcode::PopJumpBackwardIfNone
                        );
                        if v.is_none() == if_none {
                            pc = arg as usize;
                        }
                        sync!();
                        drop(v);
                    }
                    Opcode::BinaryOp => {
                        let (a, b) = (&*sp.sub(2), &*sp.sub(1));
                        let r = match (a, b) {
                            (Value::Int(x), Value::Int(y)) => {
                                crate::builtins::int::small_binop(*x, *y, arg)
                            }
                            (Value::Float(x), Value::Float(y)) => {
                                float_binop(x.get(), y.get(), arg)
                            }
                            // An i64 converts to the nearest float, as CPython's int-to-float
                            // conversion does.
                            (Value::Int(x), Value::Float(y)) => {
                                float_binop(*x as f64, y.get(), arg)
                            }
                            (Value::Float(x), Value::Int(y)) => {
                                float_binop(x.get(), *y as f64, arg)
                            }
                            _ => None,
                        };
                        let Some(r) = r else {
                            break instr;
                        };
                        // Neither operand owns anything: the result overwrites them.
                        sp = sp.sub(1);
                        sp.sub(1).write(r);
                    }
                    Opcode::CompareOp => {
                        let (a, b) = (&*sp.sub(2), &*sp.sub(1));
                        let r = match (a, b) {
                            (Value::Int(x), Value::Int(y)) => compare(x, y, arg),
                            (Value::Float(x), Value::Float(y)) => compare(&x.get(), &y.get(), arg),
                            _ => break instr,
                        };
                        sp = sp.sub(1);
                        sp.sub(1).write(Value::bool(r));
                    }
                    Opcode::IsOp => {
                        sp = sp.sub(2);
                        let (a, b) = (sp.read(), sp.add(1).read());
                        push!(Value::bool(a.is(&b) != (arg == 1)));
                        sync!();
                        drop(a);
                        drop(b);
                    }
                    Opcode::BinarySubscr => {
                        let Some(v) = subscr(&*sp.sub(2), &*sp.sub(1)) else {
                            break instr;
                        };
                        // The key is a plain int: only the container needs dropping.
                        sp = sp.sub(2);
                        let c = sp.read();
                        push!(v);
                        sync!();
                        drop(c);
                    }
                    Opcode::StoreSubscr => {
                        sp = sp.sub(3);
                        let (v, c, k) = (sp.read(), sp.add(1).read(), sp.add(2).read());
                        sync!();
                        match store_subscr(&c, &k, v) {
                            Ok(()) => drop(c),
                            Err(v) => {
                                // Nothing happened: the operands go back for the general path.
                                push!(v);
                                push!(c);
                                push!(k);
                                break instr;
                            }
                        }
                    }
                    Opcode::ForIter => match for_iter_step(&*sp.sub(1)) {
                        Step::Item(v) => push!(v),
                        Step::Done(rest) => {
                            sp = sp.sub(1);
                            let it = sp.read();
                            pc = arg as usize;
                            sync!();
                            drop(rest);
                            drop(it);
                        }
                        // A generator resumes inline: its frame runs next, and its YIELD_VALUE
                        // or return comes back to this FOR_ITER.
                        Step::Generator => {
                            sync!();
                            let Value::Obj(g) = &*sp.sub(1) else {
                                break instr;
                            };
                            match crate::generator::resume_inline(self, g) {
                                Ok(true) => {
                                    enter_top!();
                                }
                                Ok(false) => break instr,
                                Err(e) => return Err(e),
                            }
                        }
                        Step::No => break instr,
                    },
                    // A yield to the FOR_ITER or SEND that resumed this frame inline.
                    Opcode::YieldValue if matches!(f.resume, Resume::ForIter | Resume::Send) => {
                        sp = sp.sub(1);
                        let v = sp.read();
                        sync!();
                        let (frame, _, g) = self.leave_frame();
                        if let Some(g) = g {
                            crate::generator::suspend(&g, frame);
                        }
                        enter_top!();
                        push!(v);
                    }
                    Opcode::LoadGlobal => {
                        let Some(cell) = (&**code).body().caches.get(instr.cache as usize) else {
                            break instr;
                        };
                        let Some(v) = crate::inline_cache::global_hit(f, cell) else {
                            break instr;
                        };
                        if arg & 1 != 0 {
                            push!(Value::Null);
                        }
                        push!(v);
                    }
                    // Attribute instructions whose cache holds the answer outright.
                    Opcode::LoadAttr => {
                        let Some(cell) = (&**code).body().caches.get(instr.cache as usize) else {
                            break instr;
                        };
                        let Value::Obj(o) = &*sp.sub(1) else {
                            break instr;
                        };
                        let name = (&**code).body().names.get_unchecked(arg as usize);
                        let Found::Value(v) = self.probe_attr(o, name, cell) else {
                            break instr;
                        };
                        let o = std::mem::replace(&mut *sp.sub(1), v);
                        sync!();
                        drop(o);
                    }
                    Opcode::LoadMethod => {
                        let Some(cell) = (&**code).body().caches.get(instr.cache as usize) else {
                            break instr;
                        };
                        let name = (&**code).body().names.get_unchecked(arg as usize);
                        let Some((v, is_method)) = self.probe_method(&*sp.sub(1), name, cell)
                        else {
                            break instr;
                        };
                        if is_method {
                            // func, self.
                            let o = std::mem::replace(&mut *sp.sub(1), v);
                            push!(o);
                        } else {
                            // NULL, attribute.
                            let o = std::mem::replace(&mut *sp.sub(1), Value::Null);
                            push!(v);
                            sync!();
                            drop(o);
                        }
                    }
                    Opcode::StoreAttr => {
                        let Some(cell) = (&**code).body().caches.get(instr.cache as usize) else {
                            break instr;
                        };
                        let Value::Obj(o) = &*sp.sub(1) else {
                            break instr;
                        };
                        let name = (&**code).body().names.get_unchecked(arg as usize);
                        let v = sp.sub(2).read();
                        match Vm::store_attr_hit(o, name, v, cell) {
                            Ok(old) => {
                                sp = sp.sub(2);
                                let o = sp.add(1).read();
                                sync!();
                                drop(old);
                                drop(o);
                            }
                            Err(v) => {
                                // Nothing happened: the value goes back for the general path.
                                sp.sub(2).write(v);
                                break instr;
                            }
                        }
                    }
                    // A Python function taking exactly these positional arguments: they move
                    // into its frame (`Vm::push_simple_call`), which runs next.
                    Opcode::Call if f.kwnames.is_none() => {
                        let n = arg as usize;
                        let base = sp.sub(n + 2);
                        // NULL, function, args… or function, self, args….
                        let method = !(*base).is_null();
                        let func = if method { &*base } else { &*base.add(1) };
                        let Value::Obj(func) = func else {
                            break instr;
                        };
                        let Payload::Function(fd) = &func.payload else {
                            // A native function or method descriptor runs from here, out of
                            // line (its arguments passed in place on this frame's stack).
                            sync!();
                            let base = base.offset_from(locals) as usize;
                            if !self.call_native_in_place(fp, base, method)? {
                                break instr;
                            }
                            f = &mut **fp;
                            sp = locals.add(f.slots.len());
                            continue;
                        };
                        let callee = {
                            let c = fd.code.borrow();
                            if !c.binds_by_moving(n + method as usize) {
                                break instr;
                            }
                            Rc::clone(&c)
                        };
                        sync!();
                        let base = base.offset_from(locals) as usize;
                        let first = base + 2 - method as usize;
                        if self.push_simple_call(f, base, first, callee).is_err() {
                            // Too deep: the general path raises it.
                            break instr;
                        }
                        enter_top!();
                    }
                    // A return to a Python caller from a frame no generator or frame object
                    // refers to (`Vm::return_simple`).
                    Opcode::ReturnValue
                        if f.resume == Resume::Push
                            && f.generator.is_none()
                            && f.frame_obj.is_none() =>
                    {
                        sp = sp.sub(1);
                        let v = sp.read();
                        sync!();
                        self.return_simple();
                        enter_top!();
                        push!(v);
                    }
                    // Every other opcode, listed rather than matched by `_`: with the match
                    // exhaustive, its jump table needs no range check, and the code around it
                    // compiles tighter (callgrind: int_loops -13%, every workload -1..-8%).
                    Opcode::Cache
                    | Opcode::Resume
                    | Opcode::ExtendedArg
                    | Opcode::PushNull
                    | Opcode::UnaryPositive
                    | Opcode::UnaryNegative
                    | Opcode::UnaryNot
                    | Opcode::UnaryInvert
                    | Opcode::GetLen
                    | Opcode::MatchMapping
                    | Opcode::MatchSequence
                    | Opcode::MatchKeys
                    | Opcode::PushExcInfo
                    | Opcode::CheckExcMatch
                    | Opcode::CheckEgMatch
                    | Opcode::WithExceptStart
                    | Opcode::GetAiter
                    | Opcode::GetAnext
                    | Opcode::BeforeAsyncWith
                    | Opcode::BeforeWith
                    | Opcode::EndAsyncFor
                    | Opcode::DeleteSubscr
                    | Opcode::GetIter
                    | Opcode::GetYieldFromIter
                    | Opcode::PrintExpr
                    | Opcode::LoadBuildClass
                    | Opcode::LoadAssertionError
                    | Opcode::ReturnGenerator
                    | Opcode::ListToTuple
                    | Opcode::ReturnValue
                    | Opcode::ImportStar
                    | Opcode::SetupAnnotations
                    | Opcode::YieldValue
                    | Opcode::AsyncGenWrap
                    | Opcode::PrepReraiseStar
                    | Opcode::PopExcept
                    | Opcode::StoreName
                    | Opcode::DeleteName
                    | Opcode::UnpackSequence
                    | Opcode::UnpackEx
                    | Opcode::DeleteAttr
                    | Opcode::StoreGlobal
                    | Opcode::DeleteGlobal
                    | Opcode::Swap
                    | Opcode::LoadName
                    | Opcode::BuildTuple
                    | Opcode::BuildList
                    | Opcode::BuildSet
                    | Opcode::BuildMap
                    | Opcode::ImportName
                    | Opcode::ImportFrom
                    | Opcode::JumpIfFalseOrPop
                    | Opcode::JumpIfTrueOrPop
                    | Opcode::ContainsOp
                    | Opcode::Reraise
                    | Opcode::Copy
                    | Opcode::Send
                    | Opcode::DeleteFast
                    | Opcode::RaiseVarargs
                    | Opcode::GetAwaitable
                    | Opcode::MakeFunction
                    | Opcode::BuildSlice
                    | Opcode::MakeCell
                    | Opcode::DeleteDeref
                    | Opcode::JumpBackward
                    | Opcode::CallFunctionEx
                    | Opcode::ListAppend
                    | Opcode::SetAdd
                    | Opcode::MapAdd
                    | Opcode::LoadClassderef
                    | Opcode::CopyFreeVars
                    | Opcode::MatchClass
                    | Opcode::FormatValue
                    | Opcode::BuildConstKeyMap
                    | Opcode::BuildString
                    | Opcode::ListExtend
                    | Opcode::SetUpdate
                    | Opcode::DictMerge
                    | Opcode::DictUpdate
                    | Opcode::Call
                    | Opcode::KwNames => break instr,
                }
            };
            sync!();
            Ok(instr)
        }
    }
}

impl Vm {
    /// CALL of a native function or method descriptor that `Vm::direct_native` accepts,
    /// with its positional arguments above the callable at slot `base` (or above the NULL
    /// there): runs it with the arguments in place, then leaves its result where the
    /// callable was. `Ok(false)`, with nothing done, for any other callable. Out of line:
    /// the fast path's registers stay its own.
    ///
    /// # Safety
    /// `fp` is the running frame, synced, with the CALL's operands on its stack.
    #[inline(never)]
    unsafe fn call_native_in_place(
        &self,
        fp: &mut *mut Frame,
        base: usize,
        method: bool,
    ) -> PyResult<bool> {
        // SAFETY: as the caller promises.
        let f = unsafe { &mut **fp };
        let first = base + 2 - method as usize;
        let func = match &f.slots[first - 1] {
            Value::Obj(o) => o.clone(),
            _ => return Ok(false),
        };
        // SAFETY: nothing but this call changes the frame's slots while the native function
        // runs (nested calls run on frames of their own, and the frame's Box does not move),
        // so the arguments stay where they are until the truncation below.
        let args: &[Value] = unsafe {
            std::slice::from_raw_parts(f.slots.as_ptr().add(first), f.slots.len() - first)
        };
        // `len(x)` of a built-in container answers here, as CPython's PRECALL_NO_KW_LEN.
        if args.len() == 1
            && self.builtin_len.get().is_some_and(|l| Rc::ptr_eq(l, &func))
            && let Some(n) = crate::protocol::object::exact_len(&args[0])
        {
            // The arguments are done with: `args` is not used past this point.
            f.slots.truncate(base);
            drop(func);
            f.push(Value::from(n));
            return Ok(true);
        }
        let Some(native) = self.direct_native(&func, args) else {
            return Ok(false);
        };
        let r = self.call_native(native, args, &[]);
        // SAFETY: the frame is still the running one (calls above it have returned).
        let f = unsafe { &mut **fp };
        f.slots.truncate(base);
        drop(func);
        f.push(r?);
        // Signals that arrived during the call are handled before the next instruction, as
        // CPython's CALL does.
        self.check_signals()?;
        Ok(true)
    }
}

/// Float arithmetic that cannot fail (`BINARY_OP` with NB_* code `op`); `None` otherwise.
#[inline(always)]
fn float_binop(x: f64, y: f64, op: u32) -> Option<Value> {
    Some(Value::float(match op {
        0 | 13 => x + y,
        10 | 23 => x - y,
        5 | 18 => x * y,
        11 | 24 if y != 0.0 => x / y,
        _ => return None,
    }))
}

/// `COMPARE_OP` on two ints or two floats (NaN compares false, but unequal).
#[inline(always)]
fn compare<T: PartialOrd>(x: &T, y: &T, op: u32) -> bool {
    match op {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

/// `c[k]` for an exact list or tuple and an in-range int.
#[inline(always)]
pub(super) fn subscr(c: &Value, k: &Value) -> Option<Value> {
    let (Value::Obj(o), Value::Int(i)) = (c, k) else {
        return None;
    };
    let kind = kind_of(o);
    match &o.payload {
        Payload::List(l) if kind == TypeKind::List => {
            let l = l.borrow();
            let j = if *i < 0 { *i + l.len() as i64 } else { *i };
            l.get(usize::try_from(j).ok()?).cloned()
        }
        Payload::Tuple(t) if kind == TypeKind::Tuple => {
            let j = if *i < 0 { *i + t.len() as i64 } else { *i };
            t.get(usize::try_from(j).ok()?).cloned()
        }
        _ => None,
    }
}

/// `c[k] = v` for an exact list and an in-range int; gives `v` back otherwise. The value
/// replaced is dropped after the list's borrow ends (dropping may run `__del__`).
#[inline(always)]
fn store_subscr(c: &Value, k: &Value, v: Value) -> Result<(), Value> {
    let (Value::Obj(o), Value::Int(i)) = (c, k) else {
        return Err(v);
    };
    match &o.payload {
        Payload::List(l) if kind_of(o) == TypeKind::List => {
            let mut l = l.borrow_mut();
            let j = if *i < 0 { *i + l.len() as i64 } else { *i };
            match usize::try_from(j).ok().and_then(|j| l.get_mut(j)) {
                Some(slot) => {
                    let old = std::mem::replace(slot, v);
                    drop(l);
                    drop(old);
                    Ok(())
                }
                None => Err(v),
            }
        }
        _ => Err(v),
    }
}

enum Step {
    Item(Value),
    /// Exhausted; what the iterator let go of, to drop once the stack is synced.
    Done(Option<Value>),
    /// A generator, to resume inline.
    Generator,
    /// Not an iterator with a fast path.
    No,
}

/// One `FOR_ITER` step of a list, tuple or range iterator.
#[inline(always)]
fn for_iter_step(it: &Value) -> Step {
    let Value::Obj(o) = it else {
        return Step::No;
    };
    match &o.payload {
        Payload::SeqIter(s) if !s.reversed => {
            let i = s.index.get();
            let item = match s.seq.borrow().as_ref() {
                Some(Value::Obj(seq)) => match &seq.payload {
                    Payload::List(l) => l.borrow().get(i).cloned(),
                    Payload::Tuple(t) => t.get(i).cloned(),
                    _ => return Step::No,
                },
                _ => return Step::No,
            };
            match item {
                Some(v) => {
                    s.index.set(i + 1);
                    Step::Item(v)
                }
                None => Step::Done(s.seq.borrow_mut().take()),
            }
        }
        Payload::Native(n) => match n
            .as_any()
            .downcast_ref::<crate::builtins::misc::RangeIter>()
        {
            Some(r) => match crate::builtins::misc::range_iter_next(r) {
                Some(v) => Step::Item(v),
                None => Step::Done(None),
            },
            None => Step::No,
        },
        Payload::Generator(_) if kind_of(o) == TypeKind::Generator => Step::Generator,
        _ => Step::No,
    }
}
