//! BaseExceptionGroup / ExceptionGroup, and the re-raise logic of `except*`.
//! Counterpart: Objects/exceptions.c (BaseExceptionGroup, `_PyExc_PrepReraiseStar`) (3.11).

use crate::builtins::function::{MethodKind, check_count};
use crate::exceptions::ExcData;
use crate::object::{Payload, PyObject};
use crate::types::is_subtype;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn is_group(vm: &Vm, v: &Value) -> bool {
    v.as_obj()
        .is_some_and(|o| is_subtype(o.class(), &vm.types.exceptions.base_exception_group))
}

fn eg_parts(vm: &Vm, v: &Value) -> PyResult<(Value, Vec<Value>)> {
    let d = match v.payload() {
        Some(Payload::Exception(d)) => d,
        _ => return Err(vm.type_error("expected an exception group")),
    };
    let args = d.args.borrow().clone();
    let items = match args.payload() {
        Some(Payload::Tuple(t)) if t.len() == 2 => (t[0].clone(), vm.iterate(&t[1])?),
        _ => (Value::None, Vec::new()),
    };
    Ok(items)
}

fn eg_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(mut cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!(
            "{}() takes no keyword arguments",
            crate::types::type_data(&cls).name.borrow()
        )));
    }
    let name = crate::types::type_data(&cls).name.borrow().clone();
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let _ = name;
    let message = &args[1];
    if crate::str::as_str(message).is_none() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(message)
        )));
    }
    let seq = &args[2];
    if vm.lookup_special(seq, "__getitem__").is_none()
        || matches!(
            seq.payload(),
            Some(Payload::Set(_) | Payload::FrozenSet(_) | Payload::Dict(_))
        )
        || crate::str::as_str(seq).is_some()
    {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = vm.iterate(seq)?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in excs.iter().enumerate() {
        match e.as_obj() {
            Some(o) if is_subtype(o.class(), &vm.types.exceptions.base_exception) => {
                if !is_subtype(o.class(), &vm.types.exceptions.exception) {
                    all_exceptions = false;
                }
            }
            _ => {
                return Err(vm.value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
        }
    }
    if std::rc::Rc::ptr_eq(&cls, &vm.types.exceptions.base_exception_group) {
        if all_exceptions {
            cls = vm.types.exceptions.exception_group.clone();
        }
    } else if std::rc::Rc::ptr_eq(&cls, &vm.types.exceptions.exception_group) {
        if !all_exceptions {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if !all_exceptions && is_subtype(&cls, &vm.types.exceptions.exception) {
        return Err(vm.type_error(format!(
            "Cannot nest BaseExceptions in '{}'",
            crate::types::type_data(&cls).name.borrow()
        )));
    }
    let a = vm.new_tuple(vec![message.clone(), seq.clone()]);
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Exception(Box::new(ExcData::new(a))),
    )))
}

fn eg_init(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn eg_message(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(eg_parts(vm, v)?.0)
}

fn eg_exceptions(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_tuple(eg_parts(vm, v)?.1))
}

fn eg_str(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (m, e) = eg_parts(vm, &args[0])?;
    let n = e.len();
    Ok(vm.new_string(format!(
        "{} ({n} sub-exception{})",
        vm.str(&m)?,
        if n == 1 { "" } else { "s" }
    )))
}

fn eg_derive(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "derive", &args[1..], kw, 1, 1)?;
    let (m, _) = eg_parts(vm, &args[0])?;
    vm.call(
        &Value::Obj(vm.types.exceptions.base_exception_group.clone()),
        &[m, args[1].clone()],
    )
}

enum Matcher {
    Types(Value),
    Predicate(Value),
}

fn matcher(vm: &Vm, cond: &Value) -> PyResult<Matcher> {
    let is_exc_type = |v: &Value| {
        vm.is_type(v)
            .is_some_and(|t| is_subtype(&t, &vm.types.exceptions.base_exception))
    };
    if is_exc_type(cond) {
        return Ok(Matcher::Types(cond.clone()));
    }
    if let Some(Payload::Tuple(items)) = cond.payload()
        && items.iter().all(is_exc_type)
    {
        return Ok(Matcher::Types(cond.clone()));
    }
    if vm.lookup_special(cond, "__call__").is_some() && vm.is_type(cond).is_none() {
        return Ok(Matcher::Predicate(cond.clone()));
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

fn matches(vm: &Vm, m: &Matcher, e: &Value) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => vm.isinstance(e, t),
        Matcher::Predicate(f) => {
            let r = vm.call(f, std::slice::from_ref(e))?;
            vm.truthy(&r)
        }
    }
}

/// Copies traceback, cause, context and notes from `from` onto a derived group.
fn copy_metadata(vm: &Vm, from: &Value, to: &Value) -> PyResult<()> {
    let (Some(Payload::Exception(a)), Some(Payload::Exception(b))) = (from.payload(), to.payload())
    else {
        return Ok(());
    };
    *b.traceback.borrow_mut() = a.traceback.borrow().clone();
    *b.cause.borrow_mut() = a.cause.borrow().clone();
    *b.context.borrow_mut() = a.context.borrow().clone();
    if let Some(notes) = vm.getattr_opt(from, "__notes__")? {
        vm.setattr(to, &vm.intern("__notes__"), notes)?;
    }
    Ok(())
}

fn split_impl(vm: &Vm, eg: &Value, m: &Matcher, want_rest: bool) -> PyResult<(Value, Value)> {
    if matches(vm, m, eg)? {
        return Ok((eg.clone(), Value::None));
    }
    let (_, excs) = eg_parts(vm, eg)?;
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in excs {
        if is_group(vm, &e) {
            let (a, b) = split_impl(vm, &e, m, want_rest)?;
            if !a.is_none() {
                matched.push(a);
            }
            if !b.is_none() {
                rest.push(b);
            }
        } else if matches(vm, m, &e)? {
            matched.push(e);
        } else if want_rest {
            rest.push(e);
        }
    }
    let build = |items: Vec<Value>| -> PyResult<Value> {
        if items.is_empty() {
            return Ok(Value::None);
        }
        let g = vm.call_method(eg, "derive", &[vm.new_list(items)])?;
        copy_metadata(vm, eg, &g)?;
        Ok(g)
    };
    Ok((
        build(matched)?,
        if want_rest { build(rest)? } else { Value::None },
    ))
}

fn eg_split(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "split", &args[1..], kw, 1, 1)?;
    let m = matcher(vm, &args[1])?;
    let (a, b) = split_impl(vm, &args[0], &m, true)?;
    Ok(vm.new_tuple(vec![a, b]))
}

fn eg_subgroup(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "subgroup", &args[1..], kw, 1, 1)?;
    let m = matcher(vm, &args[1])?;
    Ok(split_impl(vm, &args[0], &m, false)?.0)
}

fn eg_class_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::misc::generic_alias(vm, args, &[])
}

/// The leaf exceptions of a group (or the exception itself).
fn leaves(vm: &Vm, e: &Value, out: &mut Vec<Value>) -> PyResult<()> {
    if is_group(vm, e) {
        for x in eg_parts(vm, e)?.1 {
            leaves(vm, &x, out)?;
        }
    } else {
        out.push(e.clone());
    }
    Ok(())
}

fn same_metadata(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (Some(Payload::Exception(x)), Some(Payload::Exception(y))) = (a.payload(), b.payload())
    else {
        return Ok(false);
    };
    let notes_a = vm.getattr_opt(a, "__notes__")?.unwrap_or(Value::None);
    let notes_b = vm.getattr_opt(b, "__notes__")?.unwrap_or(Value::None);
    Ok(notes_a.is(&notes_b)
        && x.traceback.borrow().is(&y.traceback.borrow())
        && x.cause.borrow().is(&y.cause.borrow())
        && x.context.borrow().is(&y.context.borrow()))
}

/// PREP_RERAISE_STAR: what an `except*` statement re-raises.
pub fn prep_reraise_star(vm: &Vm, orig: &Value, excs: &Value) -> PyResult<Value> {
    let items = match excs.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => return Err(vm.system_error("PREP_RERAISE_STAR expects a list")),
    };
    if items.is_empty() {
        return Ok(Value::None);
    }
    if !is_group(vm, orig) {
        return Ok(items[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in items {
        if e.is_none() {
            continue;
        }
        if same_metadata(vm, &e, orig)? {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    // Project the original group on the leaves that were re-raised.
    let mut keep: Vec<Value> = Vec::new();
    for e in &reraised {
        leaves(vm, e, &mut keep)?;
    }
    let reraised_eg = if keep.is_empty() {
        Value::None
    } else {
        let ids: Vec<i64> = keep.iter().map(|e| e.id()).collect();
        let m = Matcher::Predicate(Value::None);
        let _ = m;
        split_by_ids(vm, orig, &ids)?
    };
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is_none() {
        raised.push(reraised_eg);
    }
    if raised.len() == 1 {
        return Ok(raised.remove(0));
    }
    vm.call(
        &Value::Obj(vm.types.exceptions.base_exception_group.clone()),
        &[vm.new_str(""), vm.new_list(raised)],
    )
}

/// The subgroup of `eg` whose leaves have the given identities.
fn split_by_ids(vm: &Vm, eg: &Value, ids: &[i64]) -> PyResult<Value> {
    if !is_group(vm, eg) {
        return Ok(if ids.contains(&eg.id()) {
            eg.clone()
        } else {
            Value::None
        });
    }
    let mut kept = Vec::new();
    let mut all = true;
    for e in eg_parts(vm, eg)?.1 {
        let k = split_by_ids(vm, &e, ids)?;
        if k.is_none() || !k.is(&e) {
            all = false;
        }
        if !k.is_none() {
            kept.push(k);
        }
    }
    if all {
        return Ok(eg.clone());
    }
    if kept.is_empty() {
        return Ok(Value::None);
    }
    let g = vm.call_method(eg, "derive", &[vm.new_list(kept)])?;
    copy_metadata(vm, eg, &g)?;
    Ok(g)
}

pub fn init(vm: &Vm) {
    let t = &vm.types.exceptions.base_exception_group;
    vm.add_methods(
        t,
        &[
            ("__init__", eg_init),
            ("__str__", eg_str),
            ("derive", eg_derive),
            ("split", eg_split),
            ("subgroup", eg_subgroup),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", eg_new)], MethodKind::Static);
    vm.add_methods_kind(
        t,
        &[("__class_getitem__", eg_class_getitem)],
        MethodKind::Class,
    );
    vm.add_getsets(
        t,
        &[
            ("message", eg_message, None),
            ("exceptions", eg_exceptions, None),
        ],
    );
    // ExceptionGroup derives from both BaseExceptionGroup and Exception.
    let eg = &vm.types.exceptions.exception_group;
    let td = crate::types::type_data(eg);
    *td.bases.borrow_mut() = vec![t.clone(), vm.types.exceptions.exception.clone()];
    if let Ok(mro) = crate::types::compute_mro(eg) {
        td.set_mro(mro);
    }
}
