//! The table of modules implemented in Rust, each made on its first import, and `gc`.
//! Counterpart: the `_PyImport_Inittab` of Modules/config.c (3.11).

use crate::builtins::function::{NativeFn, check_count};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Builds one native module.
type Maker = fn(&Vm) -> PyResult<Value>;

/// Every module implemented in Rust apart from `builtins` and `sys` (which exist from the
/// start), sorted by name: `sys.builtin_module_names` and the import system read this list.
pub const MODULES: &[(&str, Maker)] = &[
    ("_ast", |vm| crate::builtins::ast::module(vm)),
    ("_blake2", |vm| {
        Ok(crate::builtins::hashes::module(vm, "_blake2"))
    }),
    ("_codecs", |vm| {
        Ok(crate::builtins::codecs_module::module(vm))
    }),
    ("_collections", |vm| {
        Ok(crate::builtins::collections::module(vm))
    }),
    ("_contextvars", |vm| {
        Ok(crate::builtins::contextvars::module(vm))
    }),
    ("_functools", |vm| {
        Ok(crate::builtins::functools::module(vm))
    }),
    ("_imp", |vm| Ok(crate::builtins::imp::imp_module(vm))),
    ("_io", |vm| Ok(crate::builtins::io::module(vm))),
    ("_locale", |vm| crate::builtins::locale_module::module(vm)),
    ("_md5", |vm| Ok(crate::builtins::hashes::module(vm, "_md5"))),
    ("_opcode", |vm| {
        Ok(crate::builtins::opcode_module::module(vm))
    }),
    ("_operator", crate::builtins::operator_module::module),
    ("_posixsubprocess", |vm| {
        Ok(crate::builtins::posixsubprocess::module(vm))
    }),
    ("_random", |vm| {
        Ok(crate::builtins::random_module::module(vm))
    }),
    ("_sha1", |vm| {
        Ok(crate::builtins::hashes::module(vm, "_sha1"))
    }),
    ("_sha256", |vm| {
        Ok(crate::builtins::hashes::module(vm, "_sha256"))
    }),
    ("_sha3", |vm| {
        Ok(crate::builtins::hashes::module(vm, "_sha3"))
    }),
    ("_sha512", |vm| {
        Ok(crate::builtins::hashes::module(vm, "_sha512"))
    }),
    ("_signal", crate::builtins::signal_module::module),
    ("_socket", crate::builtins::socket_module::module),
    ("_sre", |vm| Ok(crate::builtins::sre::module(vm))),
    ("_stat", |vm| Ok(crate::builtins::stat::module(vm))),
    ("_string", |vm| {
        Ok(crate::builtins::string_module::module(vm))
    }),
    ("_struct", |vm| {
        Ok(crate::builtins::struct_module::module(vm))
    }),
    ("_thread", |vm| Ok(crate::builtins::thread::module(vm))),
    ("_warnings", |vm| {
        Ok(crate::builtins::imp::warnings_module(vm))
    }),
    ("_weakref", |vm| Ok(crate::builtins::weakref::module(vm))),
    ("array", |vm| Ok(crate::builtins::array::module(vm))),
    ("atexit", |vm| Ok(crate::builtins::atexit::module(vm))),
    ("binascii", |vm| Ok(crate::builtins::binascii::module(vm))),
    ("cmath", |vm| Ok(crate::builtins::cmath::module(vm))),
    ("errno", |vm| Ok(crate::builtins::errno::module(vm))),
    ("gc", |vm| Ok(gc_module(vm))),
    ("itertools", |vm| Ok(crate::builtins::itertools::module(vm))),
    ("marshal", |vm| {
        Ok(crate::builtins::marshal_module::module(vm))
    }),
    ("math", |vm| Ok(crate::builtins::math::module(vm))),
    ("posix", |vm| crate::builtins::posix::module(vm)),
    ("select", crate::builtins::select_module::module),
    ("time", |vm| crate::builtins::time::module(vm)),
    ("unicodedata", |vm| {
        Ok(crate::builtins::unicodedata::module(vm))
    }),
    ("zlib", |vm| Ok(crate::builtins::zlib::module(vm))),
];

/// Makes the native module `name`, if there is one.
pub fn make(vm: &Vm, name: &str) -> PyResult<Option<Value>> {
    match MODULES.iter().find(|(n, _)| *n == name) {
        Some((_, make)) => make(vm).map(Some),
        None => Ok(None),
    }
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
    Ok(Value::bool(crate::gc::is_enabled()))
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
    Ok(Value::bool(match &args[0] {
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
