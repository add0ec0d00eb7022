//! Handlers for raising and catching exceptions, `except*`, and `with`.
//! Counterpart: the RAISE_VARARGS/CHECK_EXC_MATCH/CHECK_EG_MATCH/PREP_RERAISE_STAR/
//! BEFORE_WITH/WITH_EXCEPT_START cases of Python/ceval.c (3.11), `do_raise`,
//! `exception_group_match`, Objects/exceptions.c `_PyExc_PrepReraiseStar`.

use crate::exceptions::exc_data;
use crate::frame::Frame;
use crate::types::{is_subtype, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

impl Vm {
    /// Turns a raised value into an exception instance (instantiating a class).
    pub fn make_raisable(&self, v: &Value) -> PyResult<PyRef> {
        if let Some(t) = self.is_type(v)
            && is_subtype(&t, &self.types.exceptions.base_exception)
        {
            let inst = self.call(v, &[])?;
            return match inst {
                Value::Obj(o) if is_subtype(o.class(), &self.types.exceptions.base_exception) => {
                    Ok(o)
                }
                other => Err(self.type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    self.repr(v)?,
                    self.type_name(&other)
                ))),
            };
        }
        if let Value::Obj(o) = v
            && is_subtype(o.class(), &self.types.exceptions.base_exception)
        {
            return Ok(o.clone());
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// RAISE_VARARGS: the exception to raise, or `None` for a bare `raise`.
    pub(crate) fn op_raise(&self, f: &mut Frame, argc: u32) -> PyResult<Option<PyErr>> {
        match argc {
            0 => Ok(None),
            1 => {
                let v = f.pop();
                Ok(Some(self.make_raisable(&v)?))
            }
            _ => {
                let cause = f.pop();
                let v = f.pop();
                let exc = self.make_raisable(&v)?;
                let cause = if cause.is_none() {
                    Value::None
                } else if let Some(t) = self.is_type(&cause)
                    && is_subtype(&t, &self.types.exceptions.base_exception)
                {
                    self.call(&cause, &[])?
                } else if let Value::Obj(o) = &cause
                    && is_subtype(o.class(), &self.types.exceptions.base_exception)
                {
                    cause.clone()
                } else {
                    return Err(self.type_error("exception causes must derive from BaseException"));
                };
                if let Some(d) = exc_data(&exc) {
                    *d.cause.borrow_mut() = cause;
                    d.suppress_context.set(true);
                }
                Ok(Some(exc))
            }
        }
    }

    /// A bare `raise`: the exception being handled.
    pub(crate) fn reraise_handled(&self) -> PyResult<PyErr> {
        match &*self.handled.borrow() {
            Value::Obj(e) => Ok(e.clone()),
            _ => Err(self.runtime_error("No active exception to reraise")),
        }
    }

    fn check_except_type(&self, t: &Value, star: bool) -> PyResult<()> {
        let ok = |c: &Value| -> bool {
            self.is_type(c)
                .is_some_and(|c| is_subtype(&c, &self.types.exceptions.base_exception))
        };
        let items: Vec<Value> = match t.payload() {
            Some(crate::object::Payload::Tuple(items)) => items.to_vec(),
            _ => vec![t.clone()],
        };
        for c in &items {
            if !ok(c) {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            if star
                && let Some(ct) = self.is_type(c)
                && is_subtype(&ct, &self.types.exceptions.base_exception_group)
            {
                return Err(self.type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
        }
        Ok(())
    }

    pub(crate) fn op_check_exc_match(&self, exc: &Value, t: &Value) -> PyResult<bool> {
        self.check_except_type(t, false)?;
        self.isinstance(exc, t)
    }

    /// CHECK_EG_MATCH: splits the group into (rest, match); match becomes the handled
    /// exception.
    pub(crate) fn op_check_eg_match(&self, eg: &Value, t: &Value) -> PyResult<(Value, Value)> {
        self.check_except_type(t, true)?;
        if eg.is_none() {
            return Ok((Value::None, Value::None));
        }
        let (rest, matched) = if self.isinstance(eg, t)? {
            let Value::Obj(e) = eg else { unreachable!() };
            if is_subtype(e.class(), &self.types.exceptions.base_exception_group) {
                (Value::None, eg.clone())
            } else {
                let group_type = if is_subtype(e.class(), &self.types.exceptions.exception) {
                    self.types.exceptions.exception_group.clone()
                } else {
                    self.types.exceptions.base_exception_group.clone()
                };
                let wrapped = self.call(
                    &Value::Obj(group_type),
                    &[self.new_str(""), self.new_tuple(vec![eg.clone()])],
                )?;
                if let (Value::Obj(w), Some(d)) = (&wrapped, exc_data(e))
                    && let Some(wd) = exc_data(w)
                {
                    *wd.traceback.borrow_mut() = d.traceback.borrow().clone();
                }
                (Value::None, wrapped)
            }
        } else if let Value::Obj(e) = eg
            && is_subtype(e.class(), &self.types.exceptions.base_exception_group)
        {
            let pair = self.call_method(eg, "split", std::slice::from_ref(t))?;
            let items = self.unpack_sequence(&pair, 2)?;
            (items[1].clone(), items[0].clone())
        } else {
            (eg.clone(), Value::None)
        };
        if !matched.is_none() {
            *self.handled.borrow_mut() = matched.clone();
        }
        Ok((rest, matched))
    }

    pub(crate) fn op_prep_reraise_star(&self, orig: &Value, excs: &Value) -> PyResult<Value> {
        crate::builtins::exc_group::prep_reraise_star(self, orig, excs)
    }

    pub(crate) fn op_with_except_start(&self, f: &mut Frame) -> PyResult<Value> {
        let exc = f.peek(1).clone();
        let exit = f.peek(4).clone();
        let tb = match &exc {
            Value::Obj(e) => exc_data(e)
                .map(|d| d.traceback.borrow().clone())
                .unwrap_or(Value::None),
            _ => Value::None,
        };
        let t = self.type_value(&exc);
        self.call(&exit, &[t, exc, tb])
    }

    /// BEFORE_WITH / BEFORE_ASYNC_WITH: (bound exit, result of enter).
    pub(crate) fn op_before_with(&self, mgr: &Value, is_async: bool) -> PyResult<(Value, Value)> {
        let (enter_name, exit_name, what) = if is_async {
            ("__aenter__", "__aexit__", "asynchronous context manager")
        } else {
            ("__enter__", "__exit__", "context manager")
        };
        let td = type_data(self.class_of(mgr));
        let Some(enter) = td.lookup(enter_name) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the {what} protocol",
                self.type_name(mgr)
            )));
        };
        let Some(exit) = td.lookup(exit_name) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the {what} protocol (missed {exit_name} method)",
                self.type_name(mgr)
            )));
        };
        let cls = self.class_of(mgr).clone();
        let exit = self.descr_get(&exit, Some(mgr), &cls)?;
        let enter = self.descr_get(&enter, Some(mgr), &cls)?;
        let entered = self.call(&enter, &[])?;
        Ok((exit, entered))
    }
}
