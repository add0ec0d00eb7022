//! Handlers for name loads and stores, closures and function creation.
//! Counterpart: the LOAD_NAME/LOAD_GLOBAL/LOAD_CLASSDEREF/MAKE_FUNCTION/COPY_FREE_VARS/
//! SETUP_ANNOTATIONS cases of Python/ceval.c (3.11).

use std::cell::RefCell;

use crate::builtins::function::FunctionData;
use crate::frame::Frame;
use crate::object::{Payload, PyObject};
use crate::protocol::attr::str_of;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn dict_get_str(d: &PyRef, name: &str) -> Option<Value> {
    match &d.payload {
        Payload::Dict(dd) => dd.borrow().get_str(name).cloned(),
        _ => None,
    }
}

/// Looks an interned name up with its cached hash.
#[inline]
fn dict_get_name(d: &PyRef, name: &PyRef) -> Option<Value> {
    match &d.payload {
        Payload::Dict(dd) => dd.borrow().get_name(name).cloned(),
        _ => None,
    }
}

impl Vm {
    pub(crate) fn load_global(&self, f: &Frame, name: &PyRef) -> PyResult<Value> {
        if let Some(v) = dict_get_name(&f.globals, name) {
            return Ok(v);
        }
        if let Some(v) = dict_get_name(&f.builtins, name) {
            return Ok(v);
        }
        Err(self.name_error(str_of(name)))
    }

    pub(crate) fn load_builtin(&self, f: &Frame, name: &str) -> PyResult<Value> {
        dict_get_str(&f.builtins, name).ok_or_else(|| self.name_error(name))
    }

    /// Sets `d[name] = v` for a dict object (exact or subclass).
    pub fn dict_set_str(&self, d: &PyRef, name: PyRef, v: Value) -> PyResult<()> {
        match &d.payload {
            Payload::Dict(dd) if crate::types::kind_of(d) == crate::types::TypeKind::Dict => {
                let old = dd.borrow_mut().set_str(name, v);
                drop(old);
                Ok(())
            }
            _ => self.setitem(&Value::Obj(d.clone()), Value::Obj(name), v),
        }
    }

    pub(crate) fn delete_global(&self, f: &Frame, name: &PyRef) -> PyResult<()> {
        let removed = match &f.globals.payload {
            Payload::Dict(dd) => dd.borrow_mut().remove_str(str_of(name)),
            _ => None,
        };
        match removed {
            Some(_) => Ok(()),
            None => Err(self.name_error(str_of(name))),
        }
    }

    pub(crate) fn load_name(&self, f: &Frame, name: &PyRef) -> PyResult<Value> {
        let s = str_of(name);
        match &f.locals {
            Some(Value::Obj(l)) if crate::types::kind_of(l) == crate::types::TypeKind::Dict => {
                if let Some(v) = dict_get_name(l, name) {
                    return Ok(v);
                }
            }
            Some(l) => match self.getitem(l, &Value::Obj(name.clone())) {
                Ok(v) => return Ok(v),
                Err(e) if self.exc_matches(&e, &self.types.exceptions.key_error) => {}
                Err(e) => return Err(e),
            },
            None => {
                return Err(self.system_error(format!("no locals when loading '{s}'")));
            }
        }
        self.load_global(f, name)
    }

    pub(crate) fn store_name(&self, f: &Frame, name: PyRef, v: Value) -> PyResult<()> {
        match &f.locals {
            Some(Value::Obj(l)) => self.dict_set_str(l, name, v),
            _ => {
                Err(self.system_error(format!("no locals found when storing '{}'", str_of(&name))))
            }
        }
    }

    pub(crate) fn delete_name(&self, f: &Frame, name: &PyRef) -> PyResult<()> {
        match &f.locals {
            Some(l) => match self.delitem(l, &Value::Obj(name.clone())) {
                Ok(()) => Ok(()),
                Err(e) if self.exc_matches(&e, &self.types.exceptions.key_error) => {
                    Err(self.name_error(str_of(name)))
                }
                Err(e) => Err(e),
            },
            None => Err(self.system_error("no locals when deleting")),
        }
    }

    pub fn new_cell(&self, v: Value) -> Value {
        Value::Obj(PyObject::new(
            self.types.cell.clone(),
            Payload::Cell(RefCell::new(v)),
        ))
    }

    pub(crate) fn op_copy_free_vars(&self, f: &mut Frame, n: usize) -> PyResult<()> {
        let closure = f.func.as_ref().and_then(|func| match &func.payload {
            Payload::Function(fd) => fd.closure.clone(),
            _ => None,
        });
        let Some(closure) = closure else {
            return Err(self.system_error("COPY_FREE_VARS without a closure"));
        };
        let Payload::Tuple(cells) = &closure.payload else {
            return Err(self.system_error("closure is not a tuple"));
        };
        let offset = f.code.nlocalsplus - n;
        for (i, c) in cells.iter().take(n).enumerate() {
            f.slots[offset + i] = c.clone();
        }
        Ok(())
    }

    pub(crate) fn op_load_classderef(&self, f: &Frame, slot: usize) -> PyResult<Value> {
        let name = f.code.body().localsplus_names[slot].clone();
        if let Some(Value::Obj(l)) = &f.locals
            && let Some(v) = dict_get_str(l, str_of(&name))
        {
            return Ok(v);
        }
        let v = crate::builtins::cell::get(&f.slots[slot]);
        if v.is_null() {
            return Err(self.new_exception_msg(
                &self.types.exceptions.name_error,
                &format!(
                    "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                    str_of(&name)
                ),
            ));
        }
        Ok(v)
    }

    pub(crate) fn op_make_function(&self, f: &mut Frame, flags: u32) -> PyResult<Value> {
        let code = f.pop();
        let closure = if flags & 8 != 0 { Some(f.pop()) } else { None };
        let annotations = if flags & 4 != 0 { f.pop() } else { Value::None };
        let kwdefaults = if flags & 2 != 0 { f.pop() } else { Value::None };
        let defaults = if flags & 1 != 0 { f.pop() } else { Value::None };
        let Some(Payload::Code(code)) = code.payload() else {
            return Err(self.system_error("MAKE_FUNCTION expects a code object"));
        };
        let code = code.clone();
        // Annotations come as a flat tuple (name, value, …): make the dict.
        let annotations = match annotations.payload() {
            Some(Payload::Tuple(items)) => {
                let d = crate::builtins::dict::new_dict();
                for pair in items.chunks(2) {
                    if let [k, v] = pair {
                        self.setitem(&Value::Obj(d.clone()), k.clone(), v.clone())?;
                    }
                }
                Value::Obj(d)
            }
            _ => annotations,
        };
        let doc = code.docstring(self);
        let module = dict_get_str(&f.globals, "__name__").unwrap_or(Value::None);
        let fd = FunctionData {
            name: RefCell::new(Value::Obj(code.name.clone())),
            qualname: RefCell::new(Value::Obj(code.qualname.clone())),
            code: RefCell::new(code),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            defaults: RefCell::new(defaults),
            kwdefaults: RefCell::new(kwdefaults),
            closure: closure.and_then(|c| c.as_obj().cloned()),
            doc: RefCell::new(doc),
            annotations: RefCell::new(annotations),
            module: RefCell::new(module),
        };
        Ok(Value::Obj(PyObject::new(
            self.types.function.clone(),
            Payload::Function(Box::new(fd)),
        )))
    }

    pub(crate) fn op_setup_annotations(&self, f: &Frame) -> PyResult<()> {
        let Some(locals) = &f.locals else {
            return Err(self.system_error("no locals found when setting up annotations"));
        };
        let key = Value::Obj(self.intern("__annotations__"));
        if let Value::Obj(l) = locals
            && crate::types::kind_of(l) == crate::types::TypeKind::Dict
        {
            if dict_get_str(l, "__annotations__").is_none() {
                let d = crate::builtins::dict::new_dict();
                self.setitem(locals, key, Value::Obj(d))?;
            }
            return Ok(());
        }
        match self.getitem(locals, &key) {
            Ok(_) => Ok(()),
            Err(e) if self.exc_matches(&e, &self.types.exceptions.key_error) => {
                let d = crate::builtins::dict::new_dict();
                self.setitem(locals, key, Value::Obj(d))
            }
            Err(e) => Err(e),
        }
    }
}
