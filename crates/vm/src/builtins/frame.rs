//! Frame objects (`sys._getframe()`, `tb_frame`) and traceback objects as Python sees them.
//! Counterpart: Objects/frameobject.c, Python/traceback.c (3.11).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::code::Code;
use crate::frame::{Frame, FrameObj};
use crate::object::{Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The code object value for `code` (one wrapper per code, reused while alive).
pub fn code_value(vm: &Vm, code: &Rc<Code>) -> Value {
    if let Some(o) = code.wrapper.borrow().upgrade() {
        return Value::Obj(o);
    }
    let o = PyObject::new(vm.types.code.clone(), Payload::Code(code.clone()));
    *code.wrapper.borrow_mut() = Rc::downgrade(&o);
    Value::Obj(o)
}

/// The Python frame object of a live frame, made on first request.
pub fn frame_object(vm: &Vm, f: &mut Frame) -> PyRef {
    if let Some(fo) = &f.frame_obj {
        if let Payload::Frame(d) = &fo.payload {
            d.lasti.set(f.lasti());
        }
        return fo.clone();
    }
    let fo = PyObject::new(
        vm.types.frame.clone(),
        Payload::Frame(Box::new(FrameObj {
            code: f.code.clone(),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            lasti: Cell::new(f.lasti()),
            locals: RefCell::new(f.locals.clone()),
            fast: RefCell::new(None),
            back: RefCell::new(None),
            finished: Cell::new(false),
        })),
    );
    f.frame_obj = Some(fo.clone());
    fo
}

/// The frame is leaving the stack: keep what Python may still ask of it.
pub fn detach(vm: &Vm, fo: &PyRef, frame: &mut Frame) {
    if let Payload::Frame(d) = &fo.payload {
        d.lasti.set(frame.lasti());
        // A generator's or coroutine's frame may run again; any other is done.
        let done = frame.code.flags() & resumable_flags() == 0;
        if frame.locals.is_none() {
            if done {
                // The frame is done: its locals move to the frame object as they are.
                let mut slots = std::mem::take(&mut frame.slots);
                slots.truncate(frame.code.nlocalsplus);
                *d.fast.borrow_mut() = Some(slots);
                *d.locals.borrow_mut() = None;
            } else {
                *d.locals.borrow_mut() = Some(fast_locals_dict(vm, frame));
            }
        }
        // A frame object that outlives its frame (a traceback, `sys._getframe()`) is linked
        // to its caller's now, while the caller is still on the stack (CPython's
        // `take_ownership`). The two references counted here are the frame's and the caller's
        // of this function.
        if done && d.back.borrow().is_none() && Rc::strong_count(fo) > 2 {
            let back = vm
                .frames
                .borrow_mut()
                .last_mut()
                .map(|f| frame_object(vm, f));
            *d.back.borrow_mut() = back;
        }
        d.finished.set(true);
    }
}

/// Code flags of generators, coroutines and async generators, whose frames are resumed.
fn resumable_flags() -> u32 {
    use rpy_marshal::code::flags as co;
    co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR
}

/// A dict of a function frame's fast locals (`f_locals`, `locals()`).
pub fn fast_locals_dict(vm: &Vm, f: &Frame) -> Value {
    locals_dict_of(vm, &f.code, &f.slots)
}

/// A dict of the fast locals `slots` of a frame running `code`.
fn locals_dict_of(vm: &Vm, code: &crate::code::Code, slots: &[Value]) -> Value {
    let d = crate::builtins::dict::new_dict();
    if let Payload::Dict(dd) = &d.payload {
        let mut dd = dd.borrow_mut();
        for (i, name) in code.body().localsplus_names.iter().enumerate() {
            let kind = code.kind(i);
            let v = slots.get(i).cloned().unwrap_or(Value::Null);
            let v = if kind & (rpy_marshal::code::kinds::CELL | rpy_marshal::code::kinds::FREE) != 0
            {
                match v.payload() {
                    Some(Payload::Cell(c)) => c.borrow().clone(),
                    _ => v,
                }
            } else {
                v
            };
            if !v.is_null() {
                let _ = dd.set_str(name.clone(), v);
            }
        }
    }
    let _ = vm;
    Value::Obj(d)
}

fn data<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a FrameObj> {
    match v.payload() {
        Some(Payload::Frame(f)) => Ok(f),
        _ => Err(vm.type_error("expected a frame")),
    }
}

/// Finds the live `Frame` whose frame object is `fo`, with its index in the stack.
fn live_index(vm: &Vm, fo: &Value) -> Option<usize> {
    let frames = vm.frames.borrow();
    frames.iter().position(|f| {
        f.frame_obj
            .as_ref()
            .is_some_and(|o| fo.as_obj().is_some_and(|x| Rc::ptr_eq(o, x)))
    })
}

fn f_back(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    if let Some(b) = &*d.back.borrow() {
        return Ok(Value::Obj(b.clone()));
    }
    let Some(i) = live_index(vm, v) else {
        return Ok(Value::None);
    };
    if i == 0 {
        return Ok(Value::None);
    }
    let back = {
        let mut frames = vm.frames.borrow_mut();
        let f: &mut Frame = &mut frames[i - 1];
        frame_object(vm, f)
    };
    *d.back.borrow_mut() = Some(back.clone());
    Ok(Value::Obj(back))
}

fn f_code(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(code_value(vm, &data(vm, v)?.code))
}

fn f_globals(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(data(vm, v)?.globals.clone()))
}

fn f_builtins(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(data(vm, v)?.builtins.clone()))
}

fn f_locals(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    if let Some(i) = live_index(vm, v) {
        let frames = vm.frames.borrow();
        let f = &frames[i];
        return Ok(match &f.locals {
            Some(l) => l.clone(),
            None => fast_locals_dict(vm, f),
        });
    }
    if d.locals.borrow().is_none()
        && let Some(fast) = &*d.fast.borrow()
    {
        let dict = locals_dict_of(vm, &d.code, fast);
        *d.locals.borrow_mut() = Some(dict);
    }
    Ok(d.locals
        .borrow()
        .clone()
        .unwrap_or_else(|| Value::Obj(crate::builtins::dict::new_dict())))
}

fn f_lineno(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    let lasti = match live_index(vm, v) {
        Some(i) => vm.frames.borrow()[i].lasti(),
        None => d.lasti.get(),
    };
    Ok(match d.code.line_of(lasti) {
        Some(l) => Value::Int(l as i64),
        None => Value::None,
    })
}

fn f_lasti(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = data(vm, v)?;
    let lasti = match live_index(vm, v) {
        Some(i) => vm.frames.borrow()[i].lasti(),
        None => d.lasti.get(),
    };
    Ok(Value::Int(d.code.byte_offset(lasti) as i64))
}

fn f_trace(_vm: &Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::None)
}

fn frame_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = data(vm, &args[0])?;
    let line = f_lineno(vm, &args[0])?;
    Ok(vm.new_string(format!(
        "<frame at {:#x}, file {}, line {}, code {}>",
        args[0].id(),
        crate::builtins::str::repr_str(crate::protocol::attr::str_of(&d.code.filename)),
        vm.repr(&line)?,
        crate::protocol::attr::str_of(&d.code.name)
    )))
}

fn frame_clear(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

// ---- traceback objects ----

fn tb<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a crate::object::TracebackData> {
    match v.payload() {
        Some(Payload::Traceback(t)) => Ok(t),
        _ => Err(vm.type_error("expected a traceback")),
    }
}

fn tb_next(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(tb(vm, v)?
        .next
        .borrow()
        .clone()
        .map(Value::Obj)
        .unwrap_or(Value::None))
}

fn set_tb_next(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let t = tb(vm, v)?;
    *t.next.borrow_mut() = match new {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Traceback(_)) => Some(o),
        Some(Value::None) | None => None,
        Some(other) => {
            return Err(vm.type_error(format!(
                "expected traceback object or None, got '{}'",
                vm.type_name(&other)
            )));
        }
    };
    Ok(())
}

fn tb_frame(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(tb(vm, v)?.frame.clone()))
}

fn tb_lineno(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(match tb(vm, v)?.lineno {
        Some(l) => Value::Int(l as i64),
        None => Value::None,
    })
}

fn tb_lasti(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(tb(vm, v)?.lasti as i64))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.frame;
    vm.add_methods(t, &[("__repr__", frame_repr), ("clear", frame_clear)]);
    vm.add_getsets(
        t,
        &[
            ("f_back", f_back, None),
            ("f_code", f_code, None),
            ("f_globals", f_globals, None),
            ("f_builtins", f_builtins, None),
            ("f_locals", f_locals, None),
            ("f_lineno", f_lineno, None),
            ("f_lasti", f_lasti, None),
            ("f_trace", f_trace, None),
        ],
    );
    let t = &vm.types.traceback;
    vm.add_getsets(
        t,
        &[
            ("tb_next", tb_next, Some(set_tb_next)),
            ("tb_frame", tb_frame, None),
            ("tb_lineno", tb_lineno, None),
            ("tb_lasti", tb_lasti, None),
        ],
    );
}
