//! The `_opcode` module: `stack_effect` (what `dis.stack_effect` is) from rpy-marshal's opcode
//! table, and `get_specialization_stats` (None: rpy keeps no such statistics).
//! Counterpart: Modules/_opcode.c (3.11).

use crate::builtins::function::parse_args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Opcodes from this one on take an argument (`opcode.HAVE_ARGUMENT`).
const HAVE_ARGUMENT: i64 = 90;

fn stack_effect(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "stack_effect",
        args,
        kwnames,
        &["opcode", "oparg", "jump"],
        2,
        2,
        1,
    )?;
    let op = vm.index_i64(p.get(0).expect("required"))?;
    let oparg = p.get(1).filter(|v| !v.is_none());
    let arg = if op >= HAVE_ARGUMENT {
        match oparg {
            Some(a) => vm.index_i64(a)?,
            None => {
                return Err(vm.value_error(
                    "stack_effect: opcode requires oparg but oparg was not specified",
                ));
            }
        }
    } else {
        if oparg.is_some() {
            return Err(vm.value_error(
                "stack_effect: opcode does not permit oparg but oparg was specified",
            ));
        }
        0
    };
    let jump = match p.get(2).filter(|v| !v.is_none()) {
        Some(j) => Some(vm.truthy(j)?),
        None => None,
    };
    let invalid = || vm.value_error("invalid opcode or oparg");
    let opcode = u8::try_from(op)
        .ok()
        .and_then(rpy_marshal::Opcode::from_u8)
        .filter(|o| o.info().is_base)
        .ok_or_else(invalid)?;
    let arg = u32::try_from(arg).map_err(|_| invalid())?;
    let effect = match jump {
        Some(j) => opcode.stack_effect(arg, j),
        None => opcode
            .stack_effect(arg, true)
            .max(opcode.stack_effect(arg, false)),
    };
    Ok(Value::Int(effect as i64))
}

fn specialization_stats(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

pub fn module(vm: &Vm) -> Value {
    let m = vm.new_module("_opcode");
    let d = vm.module_dict(&m);
    for (n, f) in [
        (
            "stack_effect",
            stack_effect as crate::builtins::function::NativeFn,
        ),
        ("get_specialization_stats", specialization_stats),
    ] {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, f));
    }
    Value::Obj(m)
}
