//! The `_string` module: `formatter_parser` and `formatter_field_name_split`, the pieces of
//! `str.format`'s template language that `string.Formatter` is built from (the parsing is
//! rpy-text's, shared with `str.format`).
//! Counterpart: Objects/unicodeobject.c (`_string` methods) and
//! Objects/stringlib/unicode_format.h (`formatteriter`, `fieldnameiter`), 3.11.

use std::cell::{Cell, RefCell};

use rpy_text::format::fieldname::{
    FieldAccessor, FieldError, FieldFirst, parse_markup, split_field_name,
};

use crate::builtins::itertools::{native, native_type, new_native};
use crate::builtins::text_err::ToPyErr;
use crate::object::NativeData;
use crate::types::Layout;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A lazy iterator over precomputed items that ends with an error, if the parse hit one.
/// Parsing has no side effects, so doing it up front is indistinguishable from CPython's
/// step-by-step parse: the items come out one by one and the error where CPython raises it.
struct PartsIter {
    items: RefCell<Vec<Value>>,
    next: Cell<usize>,
    error: RefCell<Option<FieldError>>,
}

impl NativeData for PartsIter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(items) = self.items.try_borrow() {
            items.iter().for_each(visit);
        }
    }
    fn clear(&self) {
        if let Ok(mut items) = self.items.try_borrow_mut() {
            let old = std::mem::take(&mut *items);
            drop(items);
            drop(old);
        }
    }
}

const FORMATTER_ITER: &str = "builtins.formatteriterator";
const FIELDNAME_ITER: &str = "builtins.fieldnameiterator";

fn iter_self(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn parts_next(vm: &Vm, args: &[Value], what: &str) -> PyResult<Value> {
    let it = native::<PartsIter>(vm, &args[0], what)?;
    let i = it.next.get();
    let item = it.items.borrow().get(i).cloned();
    if let Some(v) = item {
        it.next.set(i + 1);
        return Ok(v);
    }
    let err = it.error.borrow_mut().take();
    match err {
        Some(e) => Err(e.to_py(vm)),
        None => Err(crate::builtins::itertools::stop_iteration(vm)),
    }
}

fn formatter_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    parts_next(vm, args, "formatteriterator")
}

fn fieldname_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    parts_next(vm, args, "fieldnameiterator")
}

fn formatter_iter_type(vm: &Vm) -> crate::value::PyRef {
    native_type(vm, FORMATTER_ITER, None, Layout::Native, 0, |vm, t| {
        vm.add_methods(t, &[("__iter__", iter_self), ("__next__", formatter_next)]);
    })
}

fn fieldname_iter_type(vm: &Vm) -> crate::value::PyRef {
    native_type(vm, FIELDNAME_ITER, None, Layout::Native, 0, |vm, t| {
        vm.add_methods(t, &[("__iter__", iter_self), ("__next__", fieldname_next)]);
    })
}

fn str_arg<'a>(vm: &Vm, fname: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a str> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("_string.{fname}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "_string.{fname}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    crate::str::as_str(&args[0])
        .ok_or_else(|| vm.type_error(format!("expected str, got {}", vm.type_name(&args[0]))))
}

/// `formatter_parser(s)`: an iterator of `(literal, field_name, format_spec, conversion)`,
/// the last three `None` after text with no field.
fn formatter_parser(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = str_arg(vm, "formatter_parser", args, kw)?;
    let mut items = Vec::new();
    let mut error = None;
    for item in parse_markup(s) {
        match item {
            Ok(it) => {
                let literal = vm.new_str(it.literal);
                items.push(match it.field {
                    None => vm.new_tuple(vec![literal, Value::None, Value::None, Value::None]),
                    Some(f) => {
                        let conversion = match f.conversion {
                            Some(c) => vm.new_string(c.to_string()),
                            None => Value::None,
                        };
                        vm.new_tuple(vec![
                            literal,
                            vm.new_str(f.name),
                            vm.new_str(f.spec),
                            conversion,
                        ])
                    }
                });
            }
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    Ok(new_native(
        formatter_iter_type(vm),
        PartsIter {
            items: RefCell::new(items),
            next: Cell::new(0),
            error: RefCell::new(error),
        },
    ))
}

/// `formatter_field_name_split(name)`: `(first, rest)` where `first` is an int or str and
/// `rest` iterates `(is_attribute, key)` for each `.attr` and `[key]`.
fn formatter_field_name_split(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = str_arg(vm, "formatter_field_name_split", args, kw)?;
    let (first, rest) = split_field_name(s, None).map_err(|e| e.to_py(vm))?;
    let first = match first {
        FieldFirst::Index(i) => Value::from(i),
        FieldFirst::Name(n) => vm.new_str(n),
    };
    let mut items = Vec::new();
    let mut error = None;
    for acc in rest {
        match acc {
            Ok(FieldAccessor::Attr(a)) => {
                items.push(vm.new_tuple(vec![Value::TRUE, vm.new_str(a)]))
            }
            Ok(FieldAccessor::Index(i)) => {
                items.push(vm.new_tuple(vec![Value::FALSE, Value::from(i)]))
            }
            Ok(FieldAccessor::Key(k)) => {
                items.push(vm.new_tuple(vec![Value::FALSE, vm.new_str(k)]))
            }
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    let it = new_native(
        fieldname_iter_type(vm),
        PartsIter {
            items: RefCell::new(items),
            next: Cell::new(0),
            error: RefCell::new(error),
        },
    );
    Ok(vm.new_tuple(vec![first, it]))
}

/// Makes the `_string` module.
pub fn module(vm: &Vm) -> Value {
    let m = vm.new_module("_string");
    let d = vm.module_dict(&m);
    let _ = vm.dict_set_str(&d, vm.intern("__doc__"), vm.new_str("string helper module"));
    for (name, f) in [
        (
            "formatter_parser",
            formatter_parser as crate::builtins::function::NativeFn,
        ),
        ("formatter_field_name_split", formatter_field_name_split),
    ] {
        let _ = vm.dict_set_str(&d, vm.intern(name), vm.new_builtin_function(name, f));
    }
    Value::Obj(m)
}
