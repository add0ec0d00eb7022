//! The import system: `sys.path` set-up, finding modules (built-in, source, packages), and
//! `__import__` with relative imports and fromlists.
//! Counterpart: Python/import.c and Lib/importlib/_bootstrap.py (3.11), reduced to the
//! path-based finder (packages, modules, sourceless modules, namespace packages) with the
//! bytecode cache of `pycache.rs`.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Modules implemented in Rust.
pub const BUILTIN_MODULES: &[&str] = &["builtins", "gc", "math", "posix", "sys"];

thread_local! {
    static INITIALIZING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Whether module `name` is being executed right now (for the circular-import messages).
pub fn is_initializing(_vm: &Vm, name: &str) -> bool {
    INITIALIZING.with(|i| i.borrow().iter().any(|n| n == name))
}

/// The directory of our own Python modules.
pub fn shim_dir() -> Option<PathBuf> {
    if let Ok(d) = std::env::var("RPY_SHIM") {
        return Some(PathBuf::from(d));
    }
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../stdlib-shim");
    d.canonicalize().ok().filter(|p| p.is_dir())
}

/// A CPython 3.11 `Lib` directory, if one is found.
pub fn cpython_lib() -> Option<PathBuf> {
    if let Ok(d) = std::env::var("RPY_STDLIB") {
        let p = PathBuf::from(d);
        return p.is_dir().then_some(p);
    }
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Ok(home) = std::env::var("HOME")
        && let Ok(rd) = std::fs::read_dir(Path::new(&home).join(".pyenv/versions"))
    {
        let mut vs: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("3.11"))
            })
            .collect();
        vs.sort();
        candidates.extend(vs.into_iter().rev().map(|v| v.join("lib/python3.11")));
    }
    for p in [
        "/usr/local/lib/python3.11",
        "/usr/lib/python3.11",
        "/opt/python3.11/lib/python3.11",
    ] {
        candidates.push(PathBuf::from(p));
    }
    candidates.into_iter().find(|p| p.join("os.py").is_file())
}

pub fn stdlib_prefix() -> String {
    cpython_lib()
        .and_then(|l| {
            l.parent()
                .and_then(|p| p.parent())
                .map(|p| p.to_string_lossy().to_string())
        })
        .unwrap_or_else(|| "/usr".to_string())
}

/// The initial `sys.path`.
pub fn initial_path(vm: &Vm) -> Vec<String> {
    let mut path = Vec::new();
    if let Some(p0) = &vm.options.path0 {
        path.push(p0.clone());
    }
    if !vm.options.ignore_environment
        && let Ok(pp) = std::env::var("PYTHONPATH")
    {
        path.extend(
            pp.split(':')
                .filter(|s| !s.is_empty())
                .map(|s| s.to_string()),
        );
    }
    if let Some(s) = shim_dir() {
        path.push(s.to_string_lossy().to_string());
    }
    if let Some(l) = cpython_lib() {
        path.push(l.to_string_lossy().to_string());
        path.push(l.join("lib-dynload").to_string_lossy().to_string());
    }
    path
}

pub fn sys_modules_get(vm: &Vm, name: &str) -> Option<Value> {
    match &vm.modules.payload {
        Payload::Dict(d) => d.borrow().get_str(name).cloned(),
        _ => None,
    }
}

fn module_not_found(vm: &Vm, name: &str) -> crate::vm::PyErr {
    let e = vm.new_exception_msg(
        &vm.types.exceptions.module_not_found_error,
        &format!("No module named '{name}'"),
    );
    let _ = vm.set_attr_in_dict(&e, "name", vm.new_str(name));
    let _ = vm.set_attr_in_dict(&e, "path", Value::None);
    let _ = vm.set_attr_in_dict(
        &e,
        "msg",
        vm.new_string(format!("No module named '{name}'")),
    );
    e
}

/// Resolves a relative module name (`from .x import y` in package `pkg`).
fn resolve_name(vm: &Vm, name: &str, globals: &Value, level: i64) -> PyResult<String> {
    let get = |k: &str| -> Option<Value> {
        match globals.payload() {
            Some(Payload::Dict(d)) => d.borrow().get_str(k).cloned(),
            _ => None,
        }
    };
    let package = match get("__package__").filter(|p| !p.is_none()) {
        Some(p) => crate::str::as_str(&p)
            .map(|s| s.to_string())
            .ok_or_else(|| vm.type_error("package must be a string"))?,
        None => {
            let modname =
                get("__name__").and_then(|n| crate::str::as_str(&n).map(|s| s.to_string()));
            let Some(m) = modname else {
                return Err(vm.new_exception_msg(
                    &vm.types.exceptions.key_error,
                    "'__name__' not in globals",
                ));
            };
            if get("__path__").is_some() {
                m
            } else {
                m.rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.import_error,
            "attempted relative import with no known parent package",
        ));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((b, _)) => base = b,
            None => {
                return Err(vm.new_exception_msg(
                    &vm.types.exceptions.import_error,
                    "attempted relative import beyond top-level package",
                ));
            }
        }
    }
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// `__import__(name, globals, locals, fromlist, level)`.
pub fn import_module_level(
    vm: &Vm,
    name: &str,
    globals: &Value,
    fromlist: &Value,
    level: i64,
) -> PyResult<Value> {
    let absname = if level > 0 {
        resolve_name(vm, name, globals, level)?
    } else {
        name.to_string()
    };
    if absname.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let module = import_absolute(vm, &absname)?;
    let has_fromlist = !fromlist.is_none() && vm.truthy(fromlist)?;
    if !has_fromlist {
        if level == 0 || !name.is_empty() {
            // `import a.b.c` binds `a`.
            let first = if level == 0 {
                absname.split('.').next().unwrap_or(&absname).to_string()
            } else {
                let cut = absname.len() - name.len();
                let head = name.split('.').next().unwrap_or(name);
                format!("{}{}", &absname[..cut], head)
            };
            return sys_modules_get(vm, &first).ok_or_else(|| module_not_found(vm, &first));
        }
        return Ok(module);
    }
    // `from pkg import sub`: import submodules named in the fromlist.
    if vm.getattr_opt(&module, "__path__")?.is_some() {
        for item in vm.iterate(fromlist)? {
            let Some(s) = crate::str::as_str(&item) else {
                continue;
            };
            if s == "*" {
                if let Some(all) = vm.getattr_opt(&module, "__all__")? {
                    for n in vm.iterate(&all)? {
                        if let Some(ns) = crate::str::as_str(&n)
                            && vm.getattr_opt(&module, ns)?.is_none()
                        {
                            let _ = import_absolute(vm, &format!("{absname}.{ns}"));
                        }
                    }
                }
                continue;
            }
            if vm.getattr_opt(&module, s)?.is_none() {
                match import_absolute(vm, &format!("{absname}.{s}")) {
                    Ok(_) => {}
                    Err(e) if vm.exc_matches(&e, &vm.types.exceptions.module_not_found_error) => {}
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Ok(module)
}

/// Imports a fully qualified module name, parents first.
pub fn import_absolute(vm: &Vm, absname: &str) -> PyResult<Value> {
    if let Some(m) = sys_modules_get(vm, absname) {
        if m.is_none() {
            return Err(module_not_found(vm, absname));
        }
        return Ok(m);
    }
    let (parent, short) = match absname.rsplit_once('.') {
        Some((p, s)) => (Some(p), s),
        None => (None, absname),
    };
    let search: Vec<String> = match parent {
        Some(p) => {
            let pm = import_absolute(vm, p)?;
            if let Some(m) = sys_modules_get(vm, absname) {
                return Ok(m);
            }
            match vm.getattr_opt(&pm, "__path__")? {
                Some(path) => vm
                    .iterate(&path)?
                    .iter()
                    .filter_map(|p| crate::str::as_str(p).map(|s| s.to_string()))
                    .collect(),
                None => {
                    let e = vm.new_exception_msg(
                        &vm.types.exceptions.module_not_found_error,
                        &format!("No module named '{absname}'; '{p}' is not a package"),
                    );
                    let _ = vm.set_attr_in_dict(&e, "name", vm.new_str(absname));
                    return Err(e);
                }
            }
        }
        None => {
            if let Some(m) = crate::builtins::native_modules::make(vm, absname)? {
                vm.setitem(
                    &Value::Obj(vm.modules.clone()),
                    vm.new_str(absname),
                    m.clone(),
                )?;
                return Ok(m);
            }
            let sys_path = vm.sys_attr("path")?;
            vm.iterate(&sys_path)?
                .iter()
                .filter_map(|p| crate::str::as_str(p).map(|s| s.to_string()))
                .collect()
        }
    };
    let found = find_module(vm, &search, short);
    match found {
        Some(found) => load_found(vm, absname, found, parent),
        None => Err(module_not_found(vm, absname)),
    }
}

/// Where a module was found on its search path (`FileFinder.find_spec`).
pub enum Found {
    /// `dir/__init__.py` (or `__init__.pyc` without a source).
    Package { init: PathBuf, dir: PathBuf },
    /// `name.py`, or `name.pyc` without a source.
    Module(PathBuf),
    /// Directories named like the package, none with an `__init__`: a namespace package.
    Namespace(Vec<PathBuf>),
}

/// Searches `dirs` for `short`: per directory a package first, then a module (source before
/// bytecode); a directory without `__init__` is kept as a namespace portion in case nothing
/// else is found.
pub fn find_module(vm: &Vm, dirs: &[String], short: &str) -> Option<Found> {
    let mut portions = Vec::new();
    for dir in dirs {
        // FileFinder: '' and '.' mean the current directory, other relative entries are
        // joined to it (not normalized).
        let cwd = std::env::current_dir().unwrap_or_default();
        let base = if dir.is_empty() || dir == "." {
            cwd
        } else {
            cwd.join(dir)
        };
        crate::pycache::verbose(vm, 2, &format!("trying {}", base.join(short).display()));
        let pkg_dir = base.join(short);
        if pkg_dir.is_dir() {
            let init = ["__init__.py", "__init__.pyc"]
                .iter()
                .map(|f| pkg_dir.join(f))
                .find(|p| p.is_file());
            if let Some(init) = init {
                return Some(Found::Package { init, dir: pkg_dir });
            }
        }
        for suffix in [".py", ".pyc"] {
            let file = base.join(format!("{short}{suffix}"));
            if file.is_file() {
                return Some(Found::Module(file));
            }
        }
        if pkg_dir.is_dir() {
            crate::pycache::verbose(
                vm,
                1,
                &format!("possible namespace for {}", pkg_dir.display()),
            );
            portions.push(pkg_dir);
        }
    }
    (!portions.is_empty()).then_some(Found::Namespace(portions))
}

/// Creates, registers and executes the module found for `name`.
fn load_found(vm: &Vm, name: &str, found: Found, parent: Option<&str>) -> PyResult<Value> {
    let module = vm.new_module(name);
    let d = vm.module_dict(&module);
    let set = |k: &str, v: Value| vm.dict_set_str(&d, vm.intern(k), v);
    set("__builtins__", Value::Obj(vm.builtins.clone()))?;
    let (file, pkg_dir) = match found {
        Found::Package { init, dir } => (Some(init), Some(dir)),
        Found::Module(file) => (Some(file), None),
        Found::Namespace(dirs) => {
            let paths: Vec<Value> = dirs
                .iter()
                .map(|p| vm.new_string(p.to_string_lossy().to_string()))
                .collect();
            set("__path__", vm.new_list(paths))?;
            set("__package__", vm.new_str(name))?;
            set("__file__", Value::None)?;
            let mv = Value::Obj(module.clone());
            vm.setitem(
                &Value::Obj(vm.modules.clone()),
                vm.new_str(name),
                mv.clone(),
            )?;
            crate::pycache::verbose(
                vm,
                1,
                &format!("namespace module loaded with path {}", display_list(&dirs)),
            );
            bind_in_parent(vm, name, parent, &mv);
            return Ok(mv);
        }
    };
    let file = file.expect("a file for a non-namespace module");
    let sourceless = file.extension().is_some_and(|e| e == "pyc");
    let code = if sourceless {
        set(
            "__cached__",
            vm.new_string(file.to_string_lossy().to_string()),
        )?;
        crate::pycache::sourceless_code(vm, name, &file)?
    } else {
        let (code, cached) = crate::pycache::source_code(vm, name, &file)?;
        set(
            "__cached__",
            vm.new_string(cached.to_string_lossy().to_string()),
        )?;
        code
    };
    set(
        "__file__",
        vm.new_string(file.to_string_lossy().to_string()),
    )?;
    match &pkg_dir {
        Some(pd) => {
            set(
                "__path__",
                vm.new_list(vec![vm.new_string(pd.to_string_lossy().to_string())]),
            )?;
            set("__package__", vm.new_str(name))?;
        }
        None => set("__package__", vm.new_str(parent.unwrap_or("")))?,
    }
    let mv = Value::Obj(module.clone());
    vm.setitem(
        &Value::Obj(vm.modules.clone()),
        vm.new_str(name),
        mv.clone(),
    )?;
    INITIALIZING.with(|i| i.borrow_mut().push(name.to_string()));
    let r = vm.run_code(code, d);
    INITIALIZING.with(|i| {
        let mut i = i.borrow_mut();
        if let Some(pos) = i.iter().rposition(|n| n == name) {
            i.remove(pos);
        }
    });
    if let Err(e) = r {
        let _ = vm.delitem(&Value::Obj(vm.modules.clone()), &vm.new_str(name));
        return Err(e);
    }
    let loader = if sourceless {
        "SourcelessFileLoader"
    } else {
        "SourceFileLoader"
    };
    crate::pycache::verbose(
        vm,
        1,
        &format!(
            "import {} # <{loader} for {}>",
            crate::builtins::str::repr_str(name),
            crate::builtins::str::repr_str(&file.to_string_lossy())
        ),
    );
    // The module may have replaced itself in sys.modules.
    let final_mod = sys_modules_get(vm, name).unwrap_or(mv);
    bind_in_parent(vm, name, parent, &final_mod);
    Ok(final_mod)
}

fn display_list(dirs: &[PathBuf]) -> String {
    let items: Vec<String> = dirs
        .iter()
        .map(|d| crate::builtins::str::repr_str(&d.to_string_lossy()))
        .collect();
    format!("[{}]", items.join(", "))
}

/// `import a.b` sets attribute `b` of module `a`.
fn bind_in_parent(vm: &Vm, name: &str, parent: Option<&str>, module: &Value) {
    if let Some(p) = parent
        && let Some(pm) = sys_modules_get(vm, p)
    {
        let short = name.rsplit('.').next().unwrap_or(name);
        let _ = vm.setattr(&pm, &vm.intern(short), module.clone());
    }
}

/// Imports a module by name (for natives that need one).
pub fn import(vm: &Vm, name: &str) -> PyResult<Value> {
    import_absolute(vm, name)
}
