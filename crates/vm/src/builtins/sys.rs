//! The `sys` module, the standard streams (made by the `_io` module), and struct sequences (`sys.version_info`, …).
//! Counterpart: Python/sysmodule.c, Objects/structseq.c (3.11).

use crate::builtins::function::{NativeFn, check_count};
use crate::object::{NativeData, Payload, PyObject};
use crate::types::type_data;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

// ---- struct sequences ----

/// A field getter of a struct sequence: item `index` of the tuple.
pub struct StructField(pub usize);

impl NativeData for StructField {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn field_get(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let idx = args[0]
        .as_obj()
        .and_then(|o| o.downcast_native::<StructField>())
        .map(|f| f.0)
        .unwrap_or(0);
    match args.get(1).and_then(|o| o.payload()) {
        Some(Payload::Tuple(t)) => Ok(t.get(idx).cloned().unwrap_or(Value::None)),
        _ => Ok(args[0].clone()),
    }
}

fn structseq_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = vm.class_of(&args[0]).clone();
    let td = type_data(&t);
    let fields = td
        .own("n_fields_names")
        .map(|n| vm.iterate(&n))
        .transpose()?
        .unwrap_or_default();
    let items = match args[0].payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    let mut parts = Vec::new();
    for (f, v) in fields.iter().zip(&items) {
        parts.push(format!(
            "{}={}",
            crate::str::as_str(f).unwrap_or("?"),
            vm.repr(v)?
        ));
    }
    let module = td
        .own("__module__")
        .and_then(|m| crate::str::as_str(&m).map(|s| s.to_string()))
        .unwrap_or_default();
    let name = td.name.borrow().clone();
    let full = if module.is_empty() || module == "builtins" {
        name
    } else {
        format!("{module}.{name}")
    };
    Ok(vm.new_string(format!("{full}({})", parts.join(", "))))
}

/// Makes a struct sequence type (a tuple subclass with named fields).
pub fn structseq_type(vm: &Vm, module: &str, name: &str, fields: &[&str]) -> PyRef {
    let t = crate::builtins::type_::make_class(vm, name, vec![vm.types.tuple.clone()], module);
    let td = type_data(&t);
    td.flags
        .set(td.flags.get() & !crate::types::flags::BASETYPE);
    let field_type = vm.types.other("structseq_field");
    for (i, f) in fields.iter().enumerate() {
        let d = PyObject::new(
            field_type.clone(),
            Payload::Native(Box::new(StructField(i))),
        );
        vm.add_attr(&t, f, Value::Obj(d));
    }
    vm.add_attr(
        &t,
        "n_fields_names",
        vm.new_tuple(fields.iter().map(|f| vm.new_str(f)).collect()),
    );
    vm.add_attr(&t, "n_fields", Value::from(fields.len()));
    vm.add_attr(&t, "n_sequence_fields", Value::from(fields.len()));
    vm.add_methods(&t, &[("__repr__", structseq_repr)]);
    t
}

pub fn structseq_new(t: &PyRef, items: Vec<Value>) -> Value {
    Value::Obj(PyObject::new(
        t.clone(),
        Payload::Tuple(items.into_boxed_slice()),
    ))
}

// ---- functions ----

fn sys_exit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "exit", args, kw, 0, 1)?;
    // Like PyErr_SetObject: None means no arguments, a tuple is the argument tuple.
    let a: Vec<Value> = match args.first() {
        None | Some(Value::None) => Vec::new(),
        Some(v) => match v.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => vec![v.clone()],
        },
    };
    let e = vm.call(&Value::Obj(vm.types.exceptions.system_exit.clone()), &a)?;
    match e {
        Value::Obj(o) => Err(o),
        _ => Err(vm.system_error("SystemExit")),
    }
}

fn sys_exc_info(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let h = vm.handled.borrow().clone();
    if h.is_none() {
        return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let tb = match &h {
        Value::Obj(e) => crate::exceptions::exc_data(e)
            .map(|d| d.traceback.borrow().clone())
            .unwrap_or(Value::None),
        _ => Value::None,
    };
    Ok(vm.new_tuple(vec![vm.type_value(&h), h, tb]))
}

fn sys_exception(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.handled.borrow().clone())
}

fn sys_intern(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "intern", args, kw, 1, 1)?;
    match crate::str::exact_str(&args[0]) {
        Some(s) => Ok(Value::Obj(vm.intern(s))),
        None => Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(&args[0])
        ))),
    }
}

fn sys_getrefcount(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "getrefcount", args, kw, 1, 1)?;
    Ok(Value::from(match &args[0] {
        Value::Obj(o) => std::rc::Rc::strong_count(o),
        _ => 1_000_000_000,
    }))
}

fn sys_getframe(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "_getframe", args, kw, 0, 1)?;
    let depth = match args.first() {
        Some(d) => vm.index_i64(d)?,
        None => 0,
    };
    let mut frames = vm.frames.borrow_mut();
    let n = frames.len() as i64;
    if depth < 0 || depth >= n {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    let f = &mut frames[(n - 1 - depth) as usize];
    Ok(Value::Obj(crate::builtins::frame::frame_object(vm, f)))
}

fn sys_getrecursionlimit(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(vm.recursion_limit.get()))
}

fn sys_setrecursionlimit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "setrecursionlimit", args, kw, 1, 1)?;
    if matches!(args[0], Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_i64(&args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.depth.get() {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.recursion_error,
            &format!(
                "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                vm.depth.get()
            ),
        ));
    }
    vm.recursion_limit.set(n as usize);
    Ok(Value::None)
}

fn sys_displayhook(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "displayhook", args, kw, 1, 1)?;
    if args[0].is_none() {
        return Ok(Value::None);
    }
    vm.dict_set_str(&vm.builtins_dict, vm.intern("_"), Value::None)?;
    let stdout = vm.sys_attr("stdout")?;
    let text = vm.repr(&args[0])?;
    vm.write_to(&stdout, &format!("{text}\n"))?;
    vm.dict_set_str(&vm.builtins_dict, vm.intern("_"), args[0].clone())?;
    Ok(Value::None)
}

fn sys_excepthook(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "excepthook", args, kw, 3, 3)?;
    if let Value::Obj(e) = &args[1] {
        crate::traceback::print_exception(vm, e);
    }
    Ok(Value::None)
}

fn sys_getsizeof(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "getsizeof", args, kw, 1, 2)?;
    match vm.call_special(&args[0], "__sizeof__", &[])? {
        Some(v) => vm.binary_op(&v, &Value::Int(16), 0),
        None => Ok(Value::Int(16)),
    }
}

fn sys_getdefaultencoding(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_str("utf-8"))
}

fn sys_getfilesystemencodeerrors(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.new_str("surrogateescape"))
}

fn sys_int_max_str_digits(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::from(crate::builtins::int::max_str_digits()))
}

fn sys_set_int_max_str_digits(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = crate::builtins::function::parse_args(
        vm,
        "set_int_max_str_digits",
        args,
        kwnames,
        &["maxdigits"],
        0,
        1,
        1,
    )?;
    let n = vm.index_i64(p.get(0).unwrap_or(&Value::Int(0)))?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::builtins::int::set_max_str_digits(n as usize);
    Ok(Value::None)
}

fn sys_is_finalizing(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}

fn sys_audit(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

pub fn init(vm: &Vm) {
    // The struct-sequence field type.
    let field_t = crate::builtins::type_::make_class(
        vm,
        "structseq_field",
        vec![vm.types.object.clone()],
        "builtins",
    );
    vm.add_methods(&field_t, &[("__get__", field_get)]);
    vm.types
        .others
        .borrow_mut()
        .insert("structseq_field", field_t);

    let sys = vm.new_module("sys");
    let d = vm.module_dict(&sys);
    let set = |name: &str, v: Value| {
        let _ = vm.dict_set_str(&d, vm.intern(name), v);
    };
    let functions: &[(&'static str, NativeFn)] = &[
        ("exit", sys_exit),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("intern", sys_intern),
        ("getrefcount", sys_getrefcount),
        ("_getframe", sys_getframe),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("displayhook", sys_displayhook),
        ("excepthook", sys_excepthook),
        ("getsizeof", sys_getsizeof),
        ("getdefaultencoding", sys_getdefaultencoding),
        ("getfilesystemencoding", sys_getdefaultencoding),
        ("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
        ("get_int_max_str_digits", sys_int_max_str_digits),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ("is_finalizing", sys_is_finalizing),
        ("audit", sys_audit),
        (
            "get_asyncgen_hooks",
            crate::builtins::asyncgen::sys_get_asyncgen_hooks,
        ),
        (
            "set_asyncgen_hooks",
            crate::builtins::asyncgen::sys_set_asyncgen_hooks,
        ),
    ];
    for (name, f) in functions {
        set(name, vm.new_builtin_function(name, *f));
    }
    set(
        "__displayhook__",
        vm.new_builtin_function("displayhook", sys_displayhook),
    );
    set(
        "__excepthook__",
        vm.new_builtin_function("excepthook", sys_excepthook),
    );
    for (name, fd) in [("stdin", 0), ("stdout", 1), ("stderr", 2)] {
        let s = crate::builtins::io::std_stream(vm, fd, vm.options.unbuffered);
        set(name, s.clone());
        set(&format!("__{name}__"), s);
    }
    set(
        "argv",
        vm.new_list(vm.options.argv.iter().map(|a| vm.new_str(a)).collect()),
    );
    set(
        "orig_argv",
        vm.new_list(std::env::args().map(|a| vm.new_string(a)).collect()),
    );
    set("modules", Value::Obj(vm.modules.clone()));
    set(
        "path",
        vm.new_list(
            crate::import::initial_path(vm)
                .iter()
                .map(|p| vm.new_str(p))
                .collect(),
        ),
    );
    set("meta_path", crate::builtins::imp::default_meta_path(vm));
    set("path_hooks", vm.new_list(vec![]));
    set(
        "path_importer_cache",
        Value::Obj(crate::builtins::dict::new_dict()),
    );
    set("version", vm.new_str(VERSION));
    set("hexversion", Value::Int(0x030B07F0));
    set("api_version", Value::Int(1013));
    set("maxsize", Value::Int(i64::MAX));
    set("maxunicode", Value::Int(0x10FFFF));
    set(
        "byteorder",
        vm.new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    set(
        "platform",
        vm.new_str(if cfg!(target_os = "linux") {
            "linux"
        } else if cfg!(target_os = "macos") {
            "darwin"
        } else {
            "unknown"
        }),
    );
    set(
        "executable",
        vm.new_string(
            std::env::current_exe()
                .map(|p| p.to_string_lossy().to_string())
                .unwrap_or_default(),
        ),
    );
    set(
        "_base_executable",
        vm.new_string(
            std::env::current_exe()
                .map(|p| p.to_string_lossy().to_string())
                .unwrap_or_default(),
        ),
    );
    set(
        "dont_write_bytecode",
        Value::bool(vm.options.dont_write_bytecode),
    );
    set(
        "pycache_prefix",
        match &vm.options.pycache_prefix {
            Some(p) => vm.new_str(p),
            None => Value::None,
        },
    );
    set(
        "warnoptions",
        vm.new_list(
            vm.options
                .warnoptions
                .iter()
                .map(|w| vm.new_str(w))
                .collect(),
        ),
    );
    set("_xoptions", Value::Obj(crate::builtins::dict::new_dict()));
    set("copyright", vm.new_str("Copyright (c) rpy authors."));
    let prefix = crate::import::stdlib_prefix();
    set("prefix", vm.new_string(prefix.clone()));
    set("base_prefix", vm.new_string(prefix.clone()));
    set("exec_prefix", vm.new_string(prefix.clone()));
    set("base_exec_prefix", vm.new_string(prefix));
    set("platlibdir", vm.new_str("lib"));
    set("abiflags", vm.new_str(""));
    set(
        "builtin_module_names",
        vm.new_tuple(
            crate::import::builtin_module_names()
                .into_iter()
                .map(|m| vm.new_str(m))
                .collect(),
        ),
    );
    set("ps1", vm.new_str(">>> "));
    set("ps2", vm.new_str("... "));

    let vi = structseq_type(
        vm,
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
    );
    set(
        "version_info",
        structseq_new(
            &vi,
            vec![
                Value::Int(3),
                Value::Int(11),
                Value::Int(7),
                vm.new_str("final"),
                Value::Int(0),
            ],
        ),
    );
    let fl = structseq_type(
        vm,
        "sys",
        "flags",
        &[
            "debug",
            "inspect",
            "interactive",
            "optimize",
            "dont_write_bytecode",
            "no_user_site",
            "no_site",
            "ignore_environment",
            "verbose",
            "bytes_warning",
            "quiet",
            "hash_randomization",
            "isolated",
            "dev_mode",
            "utf8_mode",
            "warn_default_encoding",
            "safe_path",
            "int_max_str_digits",
        ],
    );
    let o = &vm.options;
    let b = |x: bool| Value::Int(x as i64);
    set(
        "flags",
        structseq_new(
            &fl,
            vec![
                Value::Int(0),
                b(o.inspect),
                b(o.inspect),
                Value::Int(o.optimize as i64),
                b(o.dont_write_bytecode),
                b(o.isolated),
                b(o.no_site),
                b(o.ignore_environment),
                Value::Int(o.verbose as i64),
                Value::Int(0),
                b(o.quiet),
                Value::Int(1),
                b(o.isolated),
                Value::FALSE,
                Value::Int(0),
                Value::Int(0),
                Value::bool(o.isolated),
                Value::Int(-1),
            ],
        ),
    );
    let ii = structseq_type(
        vm,
        "sys",
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
    );
    set(
        "int_info",
        structseq_new(
            &ii,
            vec![
                Value::Int(30),
                Value::Int(4),
                Value::Int(4300),
                Value::Int(640),
            ],
        ),
    );
    let fi = structseq_type(
        vm,
        "sys",
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
    );
    set(
        "float_info",
        structseq_new(
            &fi,
            vec![
                Value::float(f64::MAX),
                Value::Int(1024),
                Value::Int(308),
                Value::float(f64::MIN_POSITIVE),
                Value::Int(-1021),
                Value::Int(-307),
                Value::Int(15),
                Value::Int(53),
                Value::float(f64::EPSILON),
                Value::Int(2),
                Value::Int(1),
            ],
        ),
    );
    let hi = structseq_type(
        vm,
        "sys",
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
    );
    set(
        "hash_info",
        structseq_new(
            &hi,
            vec![
                Value::Int(64),
                Value::Int((1 << 61) - 1),
                Value::Int(314159),
                Value::Int(0),
                Value::Int(1000003),
                vm.new_str("siphash13"),
                Value::Int(64),
                Value::Int(128),
                Value::Int(0),
            ],
        ),
    );
    // sys.implementation: a SimpleNamespace-like object.
    let imp = PyObject::new(vm.types.object.clone(), Payload::Object);
    let ns_t = crate::builtins::type_::make_class(
        vm,
        "SimpleNamespace",
        vec![vm.types.object.clone()],
        "types",
    );
    let imp = {
        let _ = imp;
        PyObject::new(ns_t, Payload::Object)
    };
    let _ = vm.set_attr_in_dict(&imp, "name", vm.new_str("rpy"));
    let _ = vm.set_attr_in_dict(&imp, "cache_tag", vm.new_str("rpy-311"));
    let _ = vm.set_attr_in_dict(
        &imp,
        "version",
        match vm.getattr_str(&Value::Obj(sys.clone()), "version_info") {
            Ok(v) => v,
            Err(_) => Value::None,
        },
    );
    let _ = vm.set_attr_in_dict(&imp, "hexversion", Value::Int(0x030B07F0));
    let _ = vm.set_attr_in_dict(&imp, "_multiarch", vm.new_str("x86_64-linux-gnu"));
    set("implementation", Value::Obj(imp));
    *vm.sys.borrow_mut() = Some(sys.clone());
    let _ = vm.setitem(
        &Value::Obj(vm.modules.clone()),
        vm.new_str("sys"),
        Value::Obj(sys),
    );
    let _ = vm.setitem(
        &Value::Obj(vm.modules.clone()),
        vm.new_str("builtins"),
        Value::Obj(vm.builtins.clone()),
    );
}

pub const VERSION: &str = "3.11.7 (rpy 0.1.0) [Rust]";
