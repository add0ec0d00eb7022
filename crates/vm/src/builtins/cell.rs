//! `cell`: the boxes closures share variables through.
//! Counterpart: Objects/cellobject.c (3.11).

use crate::builtins::function::check_count;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The contents of a cell value (`Null` if empty or not a cell).
pub fn get(cell: &Value) -> Value {
    match cell.payload() {
        Some(Payload::Cell(c)) => c.borrow().clone(),
        _ => Value::Null,
    }
}

/// Replaces the contents; returns the old ones.
pub fn set(cell: &Value, v: Value) -> Value {
    match cell.payload() {
        Some(Payload::Cell(c)) => std::mem::replace(&mut *c.borrow_mut(), v),
        _ => Value::Null,
    }
}

fn cell_contents(vm: &Vm, v: &Value) -> PyResult<Value> {
    let c = get(v);
    if c.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(c)
}

fn set_cell_contents(_vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    set(v, new.unwrap_or(Value::Null));
    Ok(())
}

fn cell_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = get(&args[0]);
    Ok(vm.new_string(if c.is_null() {
        format!("<cell at {:#x}: empty>", args[0].id())
    } else {
        format!(
            "<cell at {:#x}: {} object at {:#x}>",
            args[0].id(),
            vm.type_name(&c),
            c.id()
        )
    }))
}

fn cell_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "cell", &args[1..], kw, 0, 1)?;
    Ok(vm.new_cell(args.get(1).cloned().unwrap_or(Value::Null)))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.cell;
    vm.add_methods(t, &[("__repr__", cell_repr)]);
    vm.add_methods_kind(
        t,
        &[("__new__", cell_new)],
        crate::builtins::function::MethodKind::Static,
    );
    vm.add_getsets(
        t,
        &[("cell_contents", cell_contents, Some(set_cell_contents))],
    );
    vm.add_attr(t, "__hash__", Value::None);
}
