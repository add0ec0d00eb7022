//! Calling: binding arguments to a Python function's parameters, and dispatching a call to
//! whatever kind of callable it is.
//! Counterpart: Python/ceval.c `initialize_locals`, Objects/call.c (3.11).

use std::rc::Rc;

use rpy_marshal::code::flags as co_flags;

use crate::builtins::function::FunctionData;
use crate::frame::Frame;
use crate::object::{Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (CPython's `format_missing`).
fn quote_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

impl Vm {
    /// Builds the frame of a call to a Python function, binding the arguments.
    pub fn frame_for_call(
        &self,
        func: &PyRef,
        fd: &FunctionData,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Box<Frame>> {
        let code = fd.code.borrow().clone();
        let flags = code.flags();
        let locals = if flags & co_flags::NEWLOCALS != 0 && flags & co_flags::OPTIMIZED != 0 {
            None
        } else {
            Some(Value::Obj(crate::builtins::dict::new_dict()))
        };
        let argcount = code.argcount();
        let npos = args.len() - kwnames.len();
        // Fast path: exactly the positional parameters, nothing else.
        if kwnames.is_empty()
            && npos == argcount
            && flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) == 0
            && code.kwonlyargcount() == 0
            && argcount <= code.nlocalsplus
        {
            return Ok(self.new_frame(
                args,
                code,
                fd.globals.clone(),
                fd.builtins.clone(),
                locals,
                Some(func.clone()),
            ));
        }
        let mut frame = self.new_frame(
            &[],
            code.clone(),
            fd.globals.clone(),
            fd.builtins.clone(),
            locals,
            Some(func.clone()),
        );
        self.bind_slow(&mut frame, fd, &code, args, kwnames)?;
        Ok(frame)
    }

    fn bind_slow(
        &self,
        frame: &mut Frame,
        fd: &FunctionData,
        code: &crate::code::Code,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<()> {
        let flags = code.flags();
        let argcount = code.argcount();
        let posonly = code.posonlyargcount();
        let kwonly = code.kwonlyargcount();
        let total = argcount + kwonly;
        let npos = args.len() - kwnames.len();
        // Only the error messages need the names as text.
        let qualname = || -> String {
            crate::str::as_str(&fd.qualname.borrow())
                .unwrap_or("?")
                .to_string()
        };
        let names = &code.body().localsplus_names;
        let name_of = |i: usize| -> String { crate::protocol::attr::str_of(&names[i]).to_string() };
        let n = npos.min(argcount);
        frame.slots[..n].clone_from_slice(&args[..n]);
        let mut next_slot = total;
        if flags & co_flags::VARARGS != 0 {
            let extra: Vec<Value> = if npos > argcount {
                args[argcount..npos].to_vec()
            } else {
                Vec::new()
            };
            frame.slots[next_slot] = self.new_tuple(extra);
            next_slot += 1;
        }
        let kwdict = if flags & co_flags::VARKEYWORDS != 0 {
            let d = crate::builtins::dict::new_dict();
            frame.slots[next_slot] = Value::Obj(d.clone());
            Some(d)
        } else {
            None
        };
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (k, v) in kwnames.iter().zip(&args[npos..]) {
            let kname = crate::str::as_str(k).unwrap_or("");
            // Keyword names and parameter names are usually the same interned str.
            let found = (posonly..total)
                .find(|&j| matches!(k, Value::Obj(ko) if Rc::ptr_eq(ko, &names[j])))
                .or_else(|| {
                    (posonly..total).find(|&j| match &names[j].payload {
                        Payload::Str(s) => s.as_str() == kname,
                        _ => false,
                    })
                });
            match found {
                Some(j) => {
                    if !frame.slots[j].is_null() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{kname}'",
                            qualname()
                        )));
                    }
                    frame.slots[j] = v.clone();
                }
                None => {
                    if let Some(d) = &kwdict {
                        self.setitem(&Value::Obj(d.clone()), k.clone(), v.clone())?;
                    } else if (0..posonly).any(|j| name_of(j) == kname) {
                        posonly_as_kw.push(kname.to_string());
                    } else {
                        return Err(self.type_error(format!(
                            "{}() got an unexpected keyword argument '{kname}'",
                            qualname()
                        )));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qualname(),
                posonly_as_kw.join(", ")
            )));
        }
        let defaults_obj = fd.defaults.borrow().clone();
        let defaults: &[Value] = match &defaults_obj {
            Value::Obj(t) => match &t.payload {
                Payload::Tuple(items) => items,
                _ => &[],
            },
            _ => &[],
        };
        if npos > argcount && flags & co_flags::VARARGS == 0 {
            let kw_given = (argcount..total)
                .filter(|&j| !frame.slots[j].is_null())
                .count();
            let takes = if defaults.is_empty() {
                plural(argcount, "positional argument")
            } else {
                format!(
                    "from {} to {} positional arguments",
                    argcount - defaults.len(),
                    argcount
                )
            };
            let given = if kw_given > 0 {
                format!(
                    "{} positional argument{} (and {} keyword-only argument{}) were",
                    npos,
                    if npos == 1 { "" } else { "s" },
                    kw_given,
                    if kw_given == 1 { "" } else { "s" }
                )
            } else if npos == 1 {
                "1 was".to_string()
            } else {
                format!("{npos} were")
            };
            return Err(
                self.type_error(format!("{}() takes {takes} but {given} given", qualname()))
            );
        }
        if npos < argcount {
            let first_default = argcount - defaults.len().min(argcount);
            let mut missing = Vec::new();
            for i in npos..argcount {
                if frame.slots[i].is_null() {
                    if i >= first_default {
                        frame.slots[i] = defaults[i - first_default].clone();
                    } else {
                        missing.push(name_of(i));
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(format!(
                    "{}() missing {} required positional argument{}: {}",
                    qualname(),
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    quote_list(&missing)
                )));
            }
        }
        if kwonly > 0 {
            let kwdefaults = fd.kwdefaults.borrow().clone();
            let mut missing = Vec::new();
            for i in argcount..total {
                if frame.slots[i].is_null() {
                    let dv = match &kwdefaults {
                        Value::Obj(d) => match &d.payload {
                            Payload::Dict(d) => d.borrow().get_name(&names[i]).cloned(),
                            _ => None,
                        },
                        _ => None,
                    };
                    match dv {
                        Some(v) => frame.slots[i] = v,
                        None => missing.push(name_of(i)),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(format!(
                    "{}() missing {} required keyword-only argument{}: {}",
                    qualname(),
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    quote_list(&missing)
                )));
            }
        }
        Ok(())
    }

    /// Calls `callable` with positional arguments.
    pub fn call(&self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_with_kwnames(callable, args, &[])
    }

    /// Calls with positional arguments followed by keyword values named by `kwnames`.
    pub fn call_with_kwnames(
        &self,
        callable: &Value,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        let Value::Obj(o) = callable else {
            return Err(self.not_callable(callable));
        };
        match &o.payload {
            Payload::Function(fd) => {
                let frame = self.frame_for_call(o, fd, args, kwnames)?;
                self.enter_native(|| self.run_frame(frame))
            }
            Payload::BuiltinFunction(bf) => match &bf.self_ {
                Some(s) => {
                    self.check_arity(bf.name, bf.owner, bf.arity, args.len(), kwnames)?;
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(s.clone());
                    full.extend_from_slice(args);
                    self.call_native(bf.func, &full, kwnames)
                }
                None => self.call_native(bf.func, args, kwnames),
            },
            Payload::MethodDescriptor(md) => {
                if args.len() == kwnames.len() {
                    return Err(self.type_error(format!(
                        "unbound method {}.{}() needs an argument",
                        md.owner, md.name
                    )));
                }
                // `self` of exactly the owner type (nearly always) needs no subtype walk.
                if md.kind == crate::builtins::function::MethodKind::Instance
                    && !std::ptr::eq(Rc::as_ptr(self.class_of(&args[0])), md.owner_type.as_ptr())
                    && let Some(owner) = md.owner_type.upgrade()
                    && !crate::types::is_subtype(self.class_of(&args[0]), &owner)
                {
                    return Err(self.type_error(if md.name.starts_with("__") {
                        format!(
                            "descriptor '{}' requires a '{}' object but received a '{}'",
                            md.name,
                            md.owner,
                            self.type_name(&args[0])
                        )
                    } else {
                        format!(
                            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                            md.name,
                            md.owner,
                            self.type_name(&args[0])
                        )
                    }));
                }
                if md.kind == crate::builtins::function::MethodKind::Instance {
                    self.check_arity(md.name, Some(md.owner), md.arity, args.len() - 1, kwnames)?;
                }
                self.call_native(md.func, args, kwnames)
            }
            Payload::BoundMethod { func, self_ } => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(self_.clone());
                full.extend_from_slice(args);
                self.call_with_kwnames(func, &full, kwnames)
            }
            Payload::Type(_) if Rc::ptr_eq(o.class(), &self.types.type_) => {
                crate::builtins::type_::type_call(self, o, args, kwnames)
            }
            _ => {
                let Some(call) = crate::types::type_data(o.class()).lookup("__call__") else {
                    return Err(self.not_callable(callable));
                };
                let binds_by_prepending = match call.payload() {
                    Some(Payload::Function(_)) => true,
                    Some(Payload::MethodDescriptor(md)) => {
                        md.kind == crate::builtins::function::MethodKind::Instance
                    }
                    _ => false,
                };
                if !binds_by_prepending {
                    // Any other object: bound as a descriptor, if it is one (`__call__ = dict`
                    // in a class body is called as is).
                    let bound = self.descr_get(&call, Some(callable), o.class())?;
                    return self.call_with_kwnames(&bound, args, kwnames);
                }
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(callable.clone());
                full.extend_from_slice(args);
                self.call_with_kwnames(&call, &full, kwnames)
            }
        }
    }

    /// The native function a CALL of `callable` with the positional `args` (no keywords)
    /// comes down to, when nothing needs doing first: a built-in function without a bound
    /// `self`, or an instance method descriptor called with an instance of exactly its type
    /// and an argument count it accepts. `None` for anything else, errors included (the
    /// general path raises them).
    #[inline]
    pub(crate) fn direct_native(
        &self,
        callable: &PyObject,
        args: &[Value],
    ) -> Option<crate::builtins::function::NativeFn> {
        match &callable.payload {
            Payload::BuiltinFunction(bf) if bf.self_.is_none() => Some(bf.func),
            Payload::MethodDescriptor(md)
                if md.kind == crate::builtins::function::MethodKind::Instance
                    && !args.is_empty()
                    && std::ptr::eq(
                        Rc::as_ptr(self.class_of(&args[0])),
                        md.owner_type.as_ptr(),
                    )
                    && self
                        .check_arity(md.name, Some(md.owner), md.arity, args.len() - 1, &[])
                        .is_ok() =>
            {
                Some(md.func)
            }
            _ => None,
        }
    }

    #[inline]
    fn check_arity(
        &self,
        name: &str,
        owner: Option<&str>,
        arity: (u8, u8),
        given: usize,
        kwnames: &[Value],
    ) -> PyResult<()> {
        if arity == crate::builtins::function::UNCHECKED {
            return Ok(());
        }
        if !kwnames.is_empty() {
            let qual = match owner {
                Some(o) => format!("{o}.{name}"),
                None => name.to_string(),
            };
            return Err(self.type_error(format!("{qual}() takes no keyword arguments")));
        }
        if given < arity.0 as usize || given > arity.1 as usize {
            return Err(crate::builtins::function::arity_error(
                self, name, owner, arity, given,
            ));
        }
        Ok(())
    }

    /// Calls a native function. A bug in it that panics becomes a SystemError instead of
    /// taking the interpreter down.
    #[inline]
    pub fn call_native(
        &self,
        f: crate::builtins::function::NativeFn,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self, args, kwnames))) {
            // Rebuilt rather than moved whole: the result is read as the two words of a
            // `Value` (see its layout note), not copied as a 16-byte block that the native
            // function has just written as two 8-byte stores.
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => Err(e),
            Err(p) => {
                let msg = p
                    .downcast_ref::<String>()
                    .map(|s| s.as_str())
                    .or_else(|| p.downcast_ref::<&str>().copied())
                    .unwrap_or("panic");
                Err(self.system_error(format!("internal error in a built-in function: {msg}")))
            }
        }
    }

    fn not_callable(&self, v: &Value) -> crate::vm::PyErr {
        self.type_error(format!("'{}' object is not callable", self.tp_name(v)))
    }

    /// `f(*args, **kwargs)` (CALL_FUNCTION_EX).
    pub fn call_ex(
        &self,
        callable: &Value,
        args: &Value,
        kwargs: Option<&Value>,
    ) -> PyResult<Value> {
        let mut all: Vec<Value> = match args.payload() {
            Some(Payload::Tuple(items)) => items.to_vec(),
            _ => self.iterate(args).map_err(|e| {
                if self.exc_matches(&e, &self.types.exceptions.type_error) {
                    self.type_error(format!(
                        "{} argument after * must be an iterable, not {}",
                        self.callable_name(callable),
                        self.type_name(args)
                    ))
                } else {
                    e
                }
            })?,
        };
        let mut kwnames = Vec::new();
        if let Some(kw) = kwargs {
            match kw.payload() {
                Some(Payload::Dict(d)) => {
                    for (k, v) in d.borrow().iter() {
                        if crate::str::as_str(k).is_none() {
                            return Err(self.type_error("keywords must be strings"));
                        }
                        kwnames.push(k.clone());
                        all.push(v.clone());
                    }
                }
                _ => {
                    let keys = self.call_method(kw, "keys", &[]).map_err(|_| {
                        self.type_error(format!(
                            "{} argument after ** must be a mapping, not {}",
                            self.callable_name(callable),
                            self.type_name(kw)
                        ))
                    })?;
                    for k in self.iterate(&keys)? {
                        let v = self.getitem(kw, &k)?;
                        if crate::str::as_str(&k).is_none() {
                            return Err(self.type_error("keywords must be strings"));
                        }
                        kwnames.push(k);
                        all.push(v);
                    }
                }
            }
        }
        self.call_with_kwnames(callable, &all, &kwnames)
    }

    /// `obj.name(*args)`.
    pub fn call_method(&self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let name = self.intern(name);
        match self.get_method(obj, &name)? {
            (m, true) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend_from_slice(args);
                self.call(&m, &full)
            }
            (attr, false) => self.call(&attr, args),
        }
    }

    /// The name CPython uses for a callable in call errors (`f()`, `C.m()`).
    pub fn callable_name(&self, callable: &Value) -> String {
        match callable.payload() {
            Some(Payload::Function(fd)) => {
                let q = crate::str::as_str(&fd.qualname.borrow())
                    .unwrap_or("?")
                    .to_string();
                match crate::str::as_str(&fd.module.borrow()) {
                    Some(m) if m != "builtins" => format!("{m}.{q}()"),
                    _ => format!("{q}()"),
                }
            }
            Some(Payload::BuiltinFunction(bf)) => format!("{}()", bf.name),
            Some(Payload::BoundMethod { func, .. }) => self.callable_name(func),
            Some(Payload::Type(t)) => format!("{}()", t.name.borrow()),
            _ => format!("{} object", self.type_name(callable)),
        }
    }
}
