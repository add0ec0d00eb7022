//! The `_imp` module (the import system's native helpers that `importlib` calls) and a minimal
//! `_warnings` (CPython's `Lib/warnings.py` then uses its pure-Python implementation).
//! Counterpart: Python/import.c (`_imp`), Python/_warnings.c (3.11).

use std::cell::Cell;

use crate::builtins::function::{NativeFn, check_count, parse_args};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    /// `_imp.acquire_lock` nesting (the import lock is re-entrant; one thread).
    static IMPORT_LOCK: Cell<u32> = const { Cell::new(0) };
}

fn source_hash(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "source_hash",
        args,
        kwnames,
        &["key", "source"],
        0,
        2,
        2,
    )?;
    let key = vm.index_i64(p.get(0).expect("required"))?;
    let source = crate::builtins::bytes::bytes_arg(vm, p.get(1).expect("required"))?;
    let h = rpy_marshal::siphash::siphash13(key as u64, 0, &source);
    Ok(crate::builtins::bytes::new_bytes(
        vm,
        h.to_le_bytes().to_vec(),
    ))
}

fn name_arg(vm: &Vm, fname: &str, args: &[Value]) -> PyResult<String> {
    check_count(vm, fname, args, &[], 1, 1)?;
    crate::str::as_str(&args[0])
        .map(|s| s.to_string())
        .ok_or_else(|| {
            vm.type_error(format!(
                "{fname}() argument must be str, not {}",
                vm.type_name(&args[0])
            ))
        })
}

fn is_builtin(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = name_arg(vm, "is_builtin", args)?;
    Ok(Value::Int(match name.as_str() {
        // Cannot be initialized twice.
        "sys" | "builtins" => -1,
        n if crate::import::is_builtin_module(n) => 1,
        _ => 0,
    }))
}

fn create_builtin(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "create_builtin", args, &[], 1, 1)?;
    let name = vm.getattr_str(&args[0], "name")?;
    let Some(name) = crate::str::as_str(&name).map(|s| s.to_string()) else {
        return Err(vm.type_error("name must be string"));
    };
    if let Some(m) = vm.modules_get(&name)
        && (name == "sys" || name == "builtins")
    {
        return Ok(m);
    }
    match crate::builtins::native_modules::make(vm, &name)? {
        Some(m) => Ok(m),
        None => Err(vm.new_exception_msg(
            &vm.types.exceptions.import_error,
            &format!("no built-in module named {name}"),
        )),
    }
}

fn exec_builtin(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn is_frozen(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    name_arg(vm, "is_frozen", args)?;
    Ok(Value::FALSE)
}

fn find_frozen(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    parse_args(
        vm,
        "find_frozen",
        args,
        kwnames,
        &["name", "withdata"],
        1,
        1,
        1,
    )?;
    Ok(Value::None)
}

fn not_frozen(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args
        .first()
        .and_then(crate::str::as_str)
        .unwrap_or("?")
        .to_string();
    Err(vm.new_exception_msg(
        &vm.types.exceptions.import_error,
        &format!(
            "No such frozen object named {}",
            crate::builtins::str::repr_str(&name)
        ),
    ))
}

fn init_frozen(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn frozen_module_names(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_tuple(Vec::new()))
}

fn extension_suffixes(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // rpy cannot load C extension modules.
    Ok(vm.new_list(Vec::new()))
}

fn fix_co_filename(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // The import system fixes filenames when it loads a pyc (`pycache.rs`); code objects
    // are immutable here.
    check_count(vm, "_fix_co_filename", args, &[], 2, 2)?;
    Ok(Value::None)
}

fn acquire_lock(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    IMPORT_LOCK.with(|l| l.set(l.get() + 1));
    Ok(Value::None)
}

fn release_lock(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let held = IMPORT_LOCK.with(|l| {
        let n = l.get();
        if n > 0 {
            l.set(n - 1);
        }
        n > 0
    });
    if held {
        Ok(Value::None)
    } else {
        Err(vm.runtime_error("not holding the import lock"))
    }
}

fn lock_held(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(IMPORT_LOCK.with(|l| l.get() > 0)))
}

fn override_frozen(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(-1))
}

/// The CPython library directory rpy found (`RPY_STDLIB` or a search), or None.
fn stdlib_dir(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(match crate::import::cpython_lib() {
        Some(p) => vm.new_string(p.to_string_lossy().to_string()),
        None => Value::None,
    })
}

/// Re-executes an imported module's code in its own namespace (`importlib.reload`).
fn reload(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_rpy_reload", args, &[], 1, 1)?;
    crate::import::reload(vm, &args[0])?;
    Ok(Value::None)
}

fn path_arg(vm: &Vm, fname: &str, v: &Value) -> PyResult<std::path::PathBuf> {
    crate::str::as_str(v)
        .map(std::path::PathBuf::from)
        .ok_or_else(|| {
            vm.type_error(format!(
                "{fname}() argument must be str, not {}",
                vm.type_name(v)
            ))
        })
}

/// The pyc path of a source file under the current settings (`cache_from_source`).
fn cache_from_source(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_rpy_cache_from_source", args, &[], 1, 1)?;
    let path = path_arg(vm, "_rpy_cache_from_source", &args[0])?;
    let prefix = vm.pycache_prefix();
    let p = crate::pycache::cache_from_source(&path, vm.options.optimize, prefix.as_deref());
    Ok(vm.new_string(p.to_string_lossy().to_string()))
}

fn read_file(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_rpy_read_file", args, &[], 1, 1)?;
    let path = path_arg(vm, "_rpy_read_file", &args[0])?;
    let data = std::fs::read(&path).map_err(|e| vm.os_error_from_io(&e, &path))?;
    Ok(crate::builtins::bytes::new_bytes(vm, data))
}

/// `(st_mtime, st_size)` of a file, for `SourceFileLoader.path_stats`.
fn stat(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_rpy_stat", args, &[], 1, 1)?;
    let path = path_arg(vm, "_rpy_stat", &args[0])?;
    let meta = std::fs::metadata(&path).map_err(|e| vm.os_error_from_io(&e, &path))?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(vm.new_tuple(vec![Value::float(mtime), Value::Int(meta.len() as i64)]))
}

/// The code of a source module through the bytecode cache (`SourceFileLoader.get_code`).
fn source_code(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_rpy_source_code", args, &[], 2, 2)?;
    let name = crate::str::as_str(&args[0]).unwrap_or("").to_string();
    let path = path_arg(vm, "_rpy_source_code", &args[1])?;
    let (code, _) = crate::pycache::source_code(vm, &name, &path)?;
    Ok(crate::builtins::frame::code_value(vm, &code))
}

/// The code of a sourceless module (`SourcelessFileLoader.get_code`).
fn sourceless_code(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_rpy_sourceless_code", args, &[], 2, 2)?;
    let name = crate::str::as_str(&args[0]).unwrap_or("").to_string();
    let path = path_arg(vm, "_rpy_sourceless_code", &args[1])?;
    let code = crate::pycache::sourceless_code(vm, &name, &path)?;
    Ok(crate::builtins::frame::code_value(vm, &code))
}

/// Source bytes as text: the PEP 263 coding cookie (or UTF-8 and its BOM), universal
/// newlines (`importlib.util.decode_source`).
fn decode_source(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_rpy_decode_source", args, &[], 1, 1)?;
    let data = crate::builtins::bytes::bytes_arg(vm, &args[0])?;
    let text = crate::interp::decode_source(vm, &data, "<source>")?;
    Ok(vm.new_string(text.replace("\r\n", "\n").replace('\r', "\n")))
}

// ---- the finders on sys.meta_path ----

/// `sys.meta_path` at start-up: `[BuiltinImporter, PathFinder]`, classes as in CPython, whose
/// `find_spec` runs rpy's native search. The import system recognizes them and searches
/// natively at their place in the list, so a finder a program inserts before them is asked
/// first and one appended after them only when they find nothing.
pub fn default_meta_path(vm: &Vm) -> Value {
    let builtin = finder_type(
        vm,
        "_frozen_importlib.BuiltinImporter",
        &[
            ("find_spec", builtin_find_spec),
            ("create_module", builtin_create_module),
            ("exec_module", exec_builtin),
            ("get_code", returns_none),
            ("get_source", returns_none),
            ("is_package", returns_false),
            ("invalidate_caches", returns_none),
        ],
    );
    let path = finder_type(
        vm,
        "_frozen_importlib_external.PathFinder",
        &[
            ("find_spec", path_find_spec),
            ("invalidate_caches", returns_none),
        ],
    );
    vm.new_list(vec![Value::Obj(builtin), Value::Obj(path)])
}

/// Whether `finder` is one of rpy's own meta-path finders (and which).
pub fn native_finder(vm: &Vm, finder: &Value) -> Option<&'static str> {
    let others = vm.types.others.borrow();
    for name in [
        "_frozen_importlib.BuiltinImporter",
        "_frozen_importlib_external.PathFinder",
    ] {
        if let Some(t) = others.get(name)
            && finder.is(&Value::Obj(t.clone()))
        {
            return Some(name);
        }
    }
    None
}

fn finder_type(
    vm: &Vm,
    name: &'static str,
    methods: &[(&'static str, NativeFn)],
) -> crate::value::PyRef {
    let (module, short) = name.rsplit_once('.').expect("a dotted name");
    let t = crate::types::new_type(
        &vm.types.type_,
        short,
        vec![vm.types.object.clone()],
        crate::dict::DictData::new(),
        crate::types::TypeKind::Other,
        crate::types::Layout::Native,
        0,
    );
    crate::types::type_data(&t).set_mro(vec![t.clone(), vm.types.object.clone()]);
    vm.add_methods_kind(&t, methods, crate::builtins::function::MethodKind::Class);
    let _ = vm.dict_set_str(
        &crate::types::type_data(&t).dict,
        vm.intern("__module__"),
        vm.new_str(module),
    );
    vm.types.others.borrow_mut().insert(name, t.clone());
    t
}

/// rpy's `BuiltinImporter` (the loader of the modules written in Rust).
fn builtin_importer(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::Obj(
        vm.types.other("_frozen_importlib.BuiltinImporter"),
    ))
}

fn returns_none(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn returns_false(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}

/// `BuiltinImporter.find_spec(fullname, path=None, target=None)`.
fn builtin_find_spec(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "find_spec",
        &args[1..],
        kwnames,
        &["fullname", "path", "target"],
        0,
        3,
        1,
    )?;
    let name = crate::str::as_str(p.get(0).expect("required"))
        .unwrap_or("")
        .to_string();
    let path = p.get(1).cloned().unwrap_or(Value::None);
    if !path.is_none() || !crate::import::is_builtin_module(&name) {
        return Ok(Value::None);
    }
    crate::import::spec_for(vm, &name, "builtin", None, None)
}

fn builtin_create_module(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    create_builtin(vm, &args[1..], kw)
}

/// `PathFinder.find_spec(fullname, path=None, target=None)`: rpy's path search (`sys.path`
/// or the parent package's `__path__`), as a spec.
fn path_find_spec(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "find_spec",
        &args[1..],
        kwnames,
        &["fullname", "path", "target"],
        0,
        3,
        1,
    )?;
    let name = crate::str::as_str(p.get(0).expect("required"))
        .unwrap_or("")
        .to_string();
    let path = p.get(1).cloned().filter(|v| !v.is_none());
    crate::import::path_spec(vm, &name, path.as_ref())
}

pub fn imp_module(vm: &Vm) -> Value {
    let functions: &[(&'static str, NativeFn)] = &[
        ("source_hash", source_hash),
        ("is_builtin", is_builtin),
        ("create_builtin", create_builtin),
        ("exec_builtin", exec_builtin),
        ("is_frozen", is_frozen),
        ("find_frozen", find_frozen),
        ("is_frozen_package", not_frozen),
        ("get_frozen_object", not_frozen),
        ("init_frozen", init_frozen),
        ("_frozen_module_names", frozen_module_names),
        ("extension_suffixes", extension_suffixes),
        ("_fix_co_filename", fix_co_filename),
        ("acquire_lock", acquire_lock),
        ("release_lock", release_lock),
        ("lock_held", lock_held),
        ("_override_frozen_modules_for_tests", override_frozen),
        ("_rpy_stdlib_dir", stdlib_dir),
        ("_rpy_reload", reload),
        ("_rpy_cache_from_source", cache_from_source),
        ("_rpy_read_file", read_file),
        ("_rpy_stat", stat),
        ("_rpy_source_code", source_code),
        ("_rpy_sourceless_code", sourceless_code),
        ("_rpy_decode_source", decode_source),
        ("_rpy_builtin_importer", builtin_importer),
    ];
    let m = vm.new_module("_imp");
    let d = vm.module_dict(&m);
    for (n, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, *f));
    }
    let mode = match vm.options.check_hash_based_pycs.as_str() {
        "" => "default",
        m => m,
    };
    let _ = vm.dict_set_str(&d, vm.intern("check_hash_based_pycs"), vm.new_str(mode));
    Value::Obj(m)
}

/// `_warnings.warn(message, category=None, stacklevel=1, source=None)`: through the Python
/// `warnings` module when it is loaded, else printed in the default format.
fn warnings_warn(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if let Some(w) = vm.modules_get("warnings")
        && let Ok(f) = vm.getattr_str(&w, "warn")
        && !matches!(
            f.payload(),
            Some(crate::object::Payload::BuiltinFunction(_))
        )
    {
        return vm.call_with_kwnames(&f, args, kwnames);
    }
    let p = parse_args(
        vm,
        "warn",
        args,
        kwnames,
        &["message", "category", "stacklevel", "source"],
        0,
        4,
        1,
    )?;
    let message = p.get(0).expect("required");
    let category = match p.get(1).filter(|c| !c.is_none()) {
        Some(c) => c.clone(),
        None => Value::Obj(vm.types.exceptions.user_warning.clone()),
    };
    let text = vm.str(message)?;
    let cat = vm.getattr_str(&category, "__name__")?;
    vm.write_stderr(&format!("{}: {}\n", vm.str(&cat)?, text));
    Ok(Value::None)
}

pub fn warnings_module(vm: &Vm) -> Value {
    let m = vm.new_module("_warnings");
    let d = vm.module_dict(&m);
    let _ = vm.dict_set_str(
        &d,
        vm.intern("warn"),
        vm.new_builtin_function("warn", warnings_warn),
    );
    Value::Obj(m)
}
