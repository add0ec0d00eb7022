//! The `_contextvars` module: `ContextVar`, `Token`, `Context` and `copy_context`. A context
//! is an immutable mapping from variables to values as Python sees it; rpy gives each context
//! its own small table (copied by `copy`), and the VM holds the current one (`vm.context`).
//! Counterpart: Python/context.c and Modules/_contextvarsmodule.c (3.11).

use std::cell::{Cell, RefCell};

use crate::builtins::function::{MethodKind, check_count, no_kwargs, parse_args};
use crate::builtins::itertools::{native, native_type};
use crate::object::{NativeData, PyObject};
use crate::protocol::CmpOp;
use crate::types::{Layout, flags};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

const CONTEXT: &str = "_contextvars.Context";
const CONTEXTVAR: &str = "_contextvars.ContextVar";
const TOKEN: &str = "_contextvars.Token";
const MISSING: &str = "Token.MISSING";

// ---- Context ----

pub struct Context {
    /// (variable, value) pairs; the variables are compared by identity.
    vars: RefCell<Vec<(Value, Value)>>,
    entered: Cell<bool>,
    /// The context that was current when this one was entered.
    prev: RefCell<Value>,
}

impl NativeData for Context {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(vars) = self.vars.try_borrow() {
            for (k, v) in vars.iter() {
                visit(k);
                visit(v);
            }
        }
        if let Ok(p) = self.prev.try_borrow() {
            visit(&p);
        }
    }
    fn clear(&self) {
        let old = (
            self.vars
                .try_borrow_mut()
                .map(|mut v| std::mem::take(&mut *v)),
            self.prev
                .try_borrow_mut()
                .map(|mut p| std::mem::replace(&mut *p, Value::None)),
        );
        drop(old);
    }
}

impl Context {
    fn find(&self, var: &Value) -> Option<Value> {
        self.vars
            .borrow()
            .iter()
            .find(|(k, _)| k.is(var))
            .map(|(_, v)| v.clone())
    }
}

fn new_context(vm: &Vm, vars: Vec<(Value, Value)>) -> Value {
    let _ = vm;
    Value::Obj(PyObject::new(
        vm.types.other(CONTEXT),
        crate::object::Payload::Native(Box::new(Context {
            vars: RefCell::new(vars),
            entered: Cell::new(false),
            prev: RefCell::new(Value::None),
        })),
    ))
}

fn ctx_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Context> {
    native::<Context>(vm, v, "_contextvars.Context")
}

/// The current context, made empty on first use (`context_get`).
fn current(vm: &Vm) -> Value {
    let cur = vm.context.borrow().clone();
    if !cur.is_none() {
        return cur;
    }
    make_types(vm);
    let c = new_context(vm, Vec::new());
    *vm.context.borrow_mut() = c.clone();
    c
}

fn as_context(v: &Value) -> Option<&Context> {
    v.as_obj().and_then(|o| o.downcast_native::<Context>())
}

fn check_key(vm: &Vm, key: &Value) -> PyResult<()> {
    if key
        .as_obj()
        .and_then(|o| o.downcast_native::<ContextVar>())
        .is_some()
    {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "a ContextVar key was expected, got {}",
        vm.repr(key)?
    )))
}

fn context_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    Ok(new_context(vm, Vec::new()))
}

fn context_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = ctx_of(vm, &args[0])?;
    check_key(vm, &args[1])?;
    c.find(&args[1])
        .ok_or_else(|| vm.key_error(args[1].clone()))
}

fn context_contains(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = ctx_of(vm, &args[0])?;
    check_key(vm, &args[1])?;
    Ok(Value::bool(c.find(&args[1]).is_some()))
}

fn context_len(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = ctx_of(vm, &args[0])?;
    let n = c.vars.borrow().len();
    Ok(Value::from(n))
}

/// An iterator over a snapshot of the context's keys, values or pairs.
fn context_listing(vm: &Vm, this: &Value, what: u8) -> PyResult<Value> {
    let c = ctx_of(vm, this)?;
    let items: Vec<Value> = c
        .vars
        .borrow()
        .iter()
        .map(|(k, v)| match what {
            0 => k.clone(),
            1 => v.clone(),
            _ => vm.new_tuple(vec![k.clone(), v.clone()]),
        })
        .collect();
    vm.get_iter(&vm.new_tuple(items))
}

fn context_iter(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    context_listing(vm, &args[0], 0)
}

fn context_keys(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "keys", &args[1..], kw, 0, 0)?;
    context_listing(vm, &args[0], 0)
}

fn context_values(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "values", &args[1..], kw, 0, 0)?;
    context_listing(vm, &args[0], 1)
}

fn context_items(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "items", &args[1..], kw, 0, 0)?;
    context_listing(vm, &args[0], 2)
}

fn context_get(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "get", kw)?;
    crate::builtins::itertools::check_positional(vm, "get", args.len() - 1, 1, 2)?;
    let c = ctx_of(vm, &args[0])?;
    check_key(vm, &args[1])?;
    Ok(c.find(&args[1])
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn context_copy(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "copy", &args[1..], kw, 0, 0)?;
    let c = ctx_of(vm, &args[0])?;
    let vars = c.vars.borrow().clone();
    Ok(new_context(vm, vars))
}

/// `_PyContext_Enter`.
fn enter(vm: &Vm, this: &Value, c: &Context) -> PyResult<()> {
    if c.entered.get() {
        return Err(vm.runtime_error(format!(
            "cannot enter context: {} is already entered",
            vm.repr(this)?
        )));
    }
    let prev = std::mem::replace(&mut *vm.context.borrow_mut(), this.clone());
    let old = std::mem::replace(&mut *c.prev.borrow_mut(), prev);
    drop(old);
    c.entered.set(true);
    Ok(())
}

/// `_PyContext_Exit`.
fn exit(vm: &Vm, c: &Context) {
    let prev = std::mem::replace(&mut *c.prev.borrow_mut(), Value::None);
    c.entered.set(false);
    let old = std::mem::replace(&mut *vm.context.borrow_mut(), prev);
    drop(old);
}

fn context_run(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let c = ctx_of(vm, this)?;
    if args.len() - kwnames.len() < 2 {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    }
    enter(vm, this, c)?;
    let r = vm.call_with_kwnames(&args[1], &args[2..], kwnames);
    exit(vm, c);
    r
}

fn context_richcompare(vm: &Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (as_context(&args[0]), as_context(&args[1])) else {
        return Ok(vm.not_implemented());
    };
    let mut same = a.vars.borrow().len() == b.vars.borrow().len();
    if same {
        let pairs = a.vars.borrow().clone();
        for (k, v) in pairs {
            match b.find(&k) {
                Some(w) if vm.eq(&v, &w)? => {}
                _ => {
                    same = false;
                    break;
                }
            }
        }
    }
    Ok(Value::bool(if op == CmpOp::Eq { same } else { !same }))
}

fn context_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    context_richcompare(vm, args, CmpOp::Eq)
}

fn context_ne(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    context_richcompare(vm, args, CmpOp::Ne)
}

fn init_context(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", context_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("__getitem__", context_getitem),
            ("__contains__", context_contains),
            ("__len__", context_len),
            ("__iter__", context_iter),
            ("__eq__", context_eq),
            ("__ne__", context_ne),
            ("get", context_get),
            ("items", context_items),
            ("keys", context_keys),
            ("values", context_values),
            ("copy", context_copy),
            ("run", context_run),
        ],
    );
    vm.add_attr(t, "__hash__", Value::None);
}

// ---- ContextVar ----

pub struct ContextVar {
    name: Value,
    default: Option<Value>,
}

impl NativeData for ContextVar {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        if let Some(d) = &self.default {
            visit(d);
        }
    }
}

fn var_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a ContextVar> {
    native::<ContextVar>(vm, v, "_contextvars.ContextVar")
}

fn contextvar_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - 1 - kwnames.len();
    if npos != 1 {
        return Err(vm.type_error(if npos == 0 {
            "ContextVar() takes exactly 1 positional argument (0 given)".to_string()
        } else {
            format!("ContextVar() takes at most 1 positional argument ({npos} given)")
        }));
    }
    let p = parse_args(
        vm,
        "ContextVar",
        &args[1..],
        kwnames,
        &["", "default"],
        1,
        1,
        1,
    )?;
    let name = args[1].clone();
    if crate::str::as_str(&name).is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    Ok(Value::Obj(PyObject::new(
        vm.types.other(CONTEXTVAR),
        crate::object::Payload::Native(Box::new(ContextVar {
            name,
            default: p.get(1).cloned(),
        })),
    )))
}

/// The variable's value in the current context, if it has one there.
fn lookup(vm: &Vm, var: &Value) -> Option<Value> {
    let cur = vm.context.borrow().clone();
    as_context(&cur).and_then(|c| c.find(var))
}

fn contextvar_get(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "ContextVar.get", kw)?;
    crate::builtins::itertools::check_positional(vm, "get", args.len() - 1, 0, 1)?;
    let this = &args[0];
    let v = var_of(vm, this)?;
    if let Some(x) = lookup(vm, this) {
        return Ok(x);
    }
    if let Some(d) = args.get(1) {
        return Ok(d.clone());
    }
    if let Some(d) = &v.default {
        return Ok(d.clone());
    }
    Err(vm.new_exception(&vm.types.exceptions.lookup_error, vec![this.clone()]))
}

/// Sets (`Some`) or removes (`None`) the variable in the current context.
fn assign(vm: &Vm, var: &Value, value: Option<Value>) -> PyResult<()> {
    let cur = current(vm);
    let c = ctx_of(vm, &cur)?;
    let old = {
        let mut vars = c.vars.borrow_mut();
        let pos = vars.iter().position(|(k, _)| k.is(var));
        match (pos, value) {
            (Some(i), Some(x)) => Some(std::mem::replace(&mut vars[i].1, x)),
            (Some(i), None) => Some(vars.remove(i).1),
            (None, Some(x)) => {
                vars.push((var.clone(), x));
                None
            }
            (None, None) => {
                drop(vars);
                return Err(vm.new_exception(&vm.types.exceptions.lookup_error, vec![var.clone()]));
            }
        }
    };
    drop(old);
    Ok(())
}

fn contextvar_set(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "ContextVar.set", &args[1..], kw, 1, 1)?;
    let this = &args[0];
    var_of(vm, this)?;
    let ctx = current(vm);
    let old = lookup(vm, this);
    let token = Value::Obj(PyObject::new(
        vm.types.other(TOKEN),
        crate::object::Payload::Native(Box::new(Token {
            ctx,
            var: this.clone(),
            old: RefCell::new(old),
            used: Cell::new(false),
        })),
    ));
    assign(vm, this, Some(args[1].clone()))?;
    Ok(token)
}

fn contextvar_reset(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "ContextVar.reset", &args[1..], kw, 1, 1)?;
    let this = &args[0];
    var_of(vm, this)?;
    let tv = &args[1];
    let Some(tok) = tv.as_obj().and_then(|o| o.downcast_native::<Token>()) else {
        return Err(vm.type_error(format!(
            "expected an instance of Token, got {}",
            vm.repr(tv)?
        )));
    };
    if tok.used.get() {
        return Err(vm.runtime_error(format!("{} has already been used once", vm.repr(tv)?)));
    }
    if !tok.var.is(this) {
        return Err(vm.value_error(format!(
            "{} was created by a different ContextVar",
            vm.repr(tv)?
        )));
    }
    if !current(vm).is(&tok.ctx) {
        return Err(vm.value_error(format!(
            "{} was created in a different Context",
            vm.repr(tv)?
        )));
    }
    tok.used.set(true);
    let old = tok.old.borrow().clone();
    assign(vm, this, old)?;
    Ok(Value::None)
}

fn contextvar_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let v = var_of(vm, this)?;
    let mut s = format!("<ContextVar name={}", vm.repr(&v.name)?);
    if let Some(d) = &v.default {
        s.push_str(" default=");
        s.push_str(&vm.repr(d)?);
    }
    s.push_str(&format!(" at {:#x}>", this.id()));
    Ok(vm.new_string(s))
}

fn contextvar_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(var_of(vm, v)?.name.clone())
}

fn readonly(vm: &Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

fn init_contextvar(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", contextvar_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("get", contextvar_get),
            ("set", contextvar_set),
            ("reset", contextvar_reset),
            ("__repr__", contextvar_repr),
        ],
    );
    vm.add_methods_kind(
        t,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
    vm.add_getsets(t, &[("name", contextvar_name, Some(readonly))]);
}

// ---- Token ----

pub struct Token {
    ctx: Value,
    var: Value,
    /// The variable's value before the `set` that made the token (`None`: it had none).
    old: RefCell<Option<Value>>,
    used: Cell<bool>,
}

impl NativeData for Token {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.ctx);
        visit(&self.var);
        if let Ok(o) = self.old.try_borrow()
            && let Some(o) = o.as_ref()
        {
            visit(o);
        }
    }
    fn clear(&self) {
        let old = self.old.try_borrow_mut().ok().and_then(|mut o| o.take());
        drop(old);
    }
}

fn token_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Token> {
    native::<Token>(vm, v, "_contextvars.Token")
}

fn token_new(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.runtime_error("Tokens can only be created by ContextVars"))
}

fn token_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let t = token_of(vm, this)?;
    Ok(vm.new_string(format!(
        "<Token{} var={} at {:#x}>",
        if t.used.get() { " used" } else { "" },
        vm.repr(&t.var)?,
        this.id()
    )))
}

fn token_var(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(token_of(vm, v)?.var.clone())
}

fn token_old_value(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = token_of(vm, v)?;
    let old = t.old.borrow().clone();
    Ok(old.unwrap_or_else(|| missing(vm)))
}

fn missing(vm: &Vm) -> Value {
    let t = vm.types.other(TOKEN);
    crate::types::type_data(&t)
        .own("MISSING")
        .unwrap_or(Value::None)
}

fn missing_repr(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_str("<Token.MISSING>"))
}

fn init_token(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", token_new)], MethodKind::Static);
    vm.add_methods(t, &[("__repr__", token_repr)]);
    vm.add_methods_kind(
        t,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
    vm.add_getsets(
        t,
        &[
            ("var", token_var, None),
            ("old_value", token_old_value, None),
        ],
    );
    vm.add_attr(t, "__hash__", Value::None);
    let m = native_type(vm, MISSING, None, Layout::Native, 0, |vm, t| {
        vm.add_methods(t, &[("__repr__", missing_repr)]);
    });
    let marker = Value::Obj(PyObject::new(m, crate::object::Payload::Object));
    vm.add_attr(t, "MISSING", marker);
}

// ---- the module ----

fn make_types(vm: &Vm) -> [PyRef; 3] {
    [
        native_type(
            vm,
            CONTEXT,
            None,
            Layout::Native,
            flags::WEAKREFABLE,
            init_context,
        ),
        native_type(vm, CONTEXTVAR, None, Layout::Native, 0, init_contextvar),
        native_type(vm, TOKEN, None, Layout::Native, 0, init_token),
    ]
}

fn copy_context(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_contextvars.copy_context", args, kw, 0, 0)?;
    let cur = current(vm);
    let vars = ctx_of(vm, &cur)?.vars.borrow().clone();
    Ok(new_context(vm, vars))
}

/// Makes the `_contextvars` module.
pub fn module(vm: &Vm) -> Value {
    let [context, var, token] = make_types(vm);
    let m = vm.new_module("_contextvars");
    let d = vm.module_dict(&m);
    for (name, t) in [("Context", context), ("ContextVar", var), ("Token", token)] {
        let _ = vm.dict_set_str(&d, vm.intern(name), Value::Obj(t));
    }
    let _ = vm.dict_set_str(
        &d,
        vm.intern("copy_context"),
        vm.new_builtin_function("copy_context", copy_context),
    );
    let _ = vm.dict_set_str(&d, vm.intern("__doc__"), vm.new_str("Context Variables"));
    Value::Obj(m)
}
