//! Modules implemented in Rust, made on first import: `gc` (more join as they are written).
//! Counterpart: the `_PyImport_Inittab` of Modules/config.c (3.11).

use crate::builtins::function::{NativeFn, check_count};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Makes the native module `name`, if there is one.
pub fn make(vm: &Vm, name: &str) -> PyResult<Option<Value>> {
    Ok(match name {
        "gc" => Some(gc_module(vm)),
        "atexit" => Some(crate::builtins::atexit::module(vm)),
        "math" => Some(crate::builtins::math::module(vm)),
        "marshal" => Some(crate::builtins::marshal_module::module(vm)),
        "errno" => Some(crate::builtins::errno::module(vm)),
        "_stat" => Some(crate::builtins::stat::module(vm)),
        "time" => Some(crate::builtins::time::module(vm)?),
        "itertools" => Some(crate::builtins::itertools::module(vm)),
        "_collections" => Some(crate::builtins::collections::module(vm)),
        "_functools" => Some(crate::builtins::functools::module(vm)),
        "_weakref" => Some(crate::builtins::weakref::module(vm)),
        "_imp" => Some(crate::builtins::imp::imp_module(vm)),
        "_opcode" => Some(crate::builtins::opcode_module::module(vm)),
        "_thread" => Some(crate::builtins::thread::module(vm)),
        "_warnings" => Some(crate::builtins::imp::warnings_module(vm)),
        "posix" => Some(crate::builtins::posix::module(vm)?),
        "_io" => Some(crate::builtins::io::module(vm)),
        "_sre" => Some(crate::builtins::sre::module(vm)),
        "_codecs" => Some(crate::builtins::codecs_module::module(vm)),
        "_string" => Some(crate::builtins::string_module::module(vm)),
        "_locale" => Some(crate::builtins::locale_module::module(vm)?),
        "_struct" => Some(crate::builtins::struct_module::module(vm)),
        "_random" => Some(crate::builtins::random_module::module(vm)),
        "binascii" => Some(crate::builtins::binascii::module(vm)),
        "_md5" | "_sha1" | "_sha256" | "_sha512" | "_sha3" | "_blake2" => {
            Some(crate::builtins::hashes::module(vm, name))
        }
        _ => None,
    })
}

fn module_with(vm: &Vm, name: &str, functions: &[(&'static str, NativeFn)]) -> crate::value::PyRef {
    let m = vm.new_module(name);
    let d = vm.module_dict(&m);
    for (n, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, *f));
    }
    m
}

fn gc_collect(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let _ = (args, kw);
    Ok(Value::from(crate::gc::collect(vm)))
}

fn gc_enable(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::gc::set_enabled(true);
    Ok(Value::None)
}

fn gc_disable(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::gc::set_enabled(false);
    Ok(Value::None)
}

fn gc_isenabled(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Bool(crate::gc::is_enabled()))
}

fn gc_get_count(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_tuple(vec![
        Value::from(crate::gc::count()),
        Value::Int(0),
        Value::Int(0),
    ]))
}

fn gc_get_threshold(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_tuple(vec![
        Value::from(crate::gc::threshold()),
        Value::Int(10),
        Value::Int(10),
    ]))
}

fn gc_set_threshold(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "set_threshold", args, kw, 1, 3)?;
    let n = vm.index_i64(&args[0])?;
    crate::gc::set_threshold(n.max(0) as usize);
    Ok(Value::None)
}

fn gc_is_tracked(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "is_tracked", args, kw, 1, 1)?;
    Ok(Value::Bool(match &args[0] {
        Value::Obj(o) => {
            crate::gc::is_container(&o.payload)
                && !matches!(o.payload, crate::object::Payload::Str(_))
        }
        _ => false,
    }))
}

fn gc_module(vm: &Vm) -> Value {
    let m = module_with(
        vm,
        "gc",
        &[
            ("collect", gc_collect),
            ("enable", gc_enable),
            ("disable", gc_disable),
            ("isenabled", gc_isenabled),
            ("get_count", gc_get_count),
            ("get_threshold", gc_get_threshold),
            ("set_threshold", gc_set_threshold),
            ("is_tracked", gc_is_tracked),
        ],
    );
    let d = vm.module_dict(&m);
    let _ = vm.dict_set_str(&d, vm.intern("garbage"), vm.new_list(vec![]));
    let _ = vm.dict_set_str(&d, vm.intern("callbacks"), vm.new_list(vec![]));
    Value::Obj(m)
}
