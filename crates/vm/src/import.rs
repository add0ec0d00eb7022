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

/// Modules implemented in Rust (`sys.builtin_module_names`), sorted: `builtins` and `sys`,
/// and the modules `native_modules::make` builds.
pub fn builtin_module_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = crate::builtins::native_modules::MODULES
        .iter()
        .map(|(n, _)| *n)
        .chain(["builtins", "sys"])
        .collect();
    names.sort_unstable();
    names
}

/// Whether `name` is a module implemented in Rust.
pub fn is_builtin_module(name: &str) -> bool {
    name == "builtins"
        || name == "sys"
        || crate::builtins::native_modules::MODULES
            .iter()
            .any(|(n, _)| *n == name)
}

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
                let sub = format!("{absname}.{s}");
                match import_absolute(vm, &sub) {
                    Ok(_) => {}
                    // `_handle_fromlist`: only the submodule itself being absent is ignored
                    // (the name may be an attribute the module lacks: the caller reports it).
                    Err(e)
                        if vm.exc_matches(&e, &vm.types.exceptions.module_not_found_error)
                            && vm
                                .getattr_str(&Value::Obj(e.clone()), "name")
                                .ok()
                                .as_ref()
                                .and_then(crate::str::as_str)
                                == Some(sub.as_str()) => {}
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
    let (search, parent_path) = match parent {
        Some(p) => {
            let pm = import_absolute(vm, p)?;
            if let Some(m) = sys_modules_get(vm, absname) {
                return Ok(m);
            }
            match vm.getattr_opt(&pm, "__path__")? {
                Some(path) => (path_entries(vm, &path)?, Some(path)),
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
        None => (path_entries(vm, &vm.sys_attr("path")?)?, None),
    };
    // `sys.meta_path` in order: rpy's own BuiltinImporter and PathFinder search natively at
    // their place; other finders are asked through `find_spec`. Without rpy's finders on the
    // list (a program replaced it), the native search still follows the program's finders.
    let meta_path = vm.sys_attr("meta_path")?;
    let mut native_seen = false;
    for finder in vm.iterate(&meta_path)? {
        match crate::builtins::imp::native_finder(vm, &finder) {
            Some("_frozen_importlib.BuiltinImporter") => {
                native_seen = true;
                if parent.is_none()
                    && let Some(m) = load_builtin(vm, absname)?
                {
                    return Ok(m);
                }
            }
            Some(_) => {
                native_seen = true;
                if let Some(found) = find_module_with_hooks(vm, &search, absname, short)? {
                    return load_found(vm, absname, found, parent);
                }
            }
            None => {
                if let Some(spec) = finder_spec(vm, &finder, absname, parent_path.as_ref())? {
                    return load_from_spec(vm, absname, &spec, parent);
                }
            }
        }
    }
    if !native_seen {
        if parent.is_none()
            && let Some(m) = load_builtin(vm, absname)?
        {
            return Ok(m);
        }
        if let Some(found) = find_module_with_hooks(vm, &search, absname, short)? {
            return load_found(vm, absname, found, parent);
        }
    }
    Err(module_not_found(vm, absname))
}

/// A module written in Rust, made and registered (with its spec).
fn load_builtin(vm: &Vm, name: &str) -> PyResult<Option<Value>> {
    let Some(m) = crate::builtins::native_modules::make(vm, name)? else {
        return Ok(None);
    };
    vm.setitem(&Value::Obj(vm.modules.clone()), vm.new_str(name), m.clone())?;
    if let Some(Payload::Module(md)) = m.payload() {
        attach_spec(vm, &md.dict, name, "builtin", None, None)?;
    }
    Ok(Some(m))
}

/// The spec rpy's machinery gives a module of this kind (`importlib` finders return it).
pub fn spec_for(
    vm: &Vm,
    name: &str,
    kind: &str,
    file: Option<&Path>,
    locations: Option<Value>,
) -> PyResult<Value> {
    match machinery(vm) {
        Some(m) => Ok(module_spec(vm, &m, name, kind, file, locations)?.0),
        None => Ok(Value::None),
    }
}

/// The (spec, loader) pair of a module rpy's import system found: `file_spec` for a file,
/// `_rpy_machinery.module_spec(name, kind, path, locations)` for the other kinds.
fn module_spec(
    vm: &Vm,
    machinery: &Value,
    name: &str,
    kind: &str,
    file: Option<&Path>,
    locations: Option<Value>,
) -> PyResult<(Value, Value)> {
    if let (Some(path), "source" | "sourceless") = (file, kind) {
        return file_spec(vm, machinery, name, kind, path, locations);
    }
    let f = vm.getattr_str(machinery, "module_spec")?;
    let path = match file {
        Some(p) => vm.new_string(p.to_string_lossy().to_string()),
        None => Value::None,
    };
    let r = vm.call(
        &f,
        &[
            vm.new_str(name),
            vm.new_str(kind),
            path,
            locations.unwrap_or(Value::None),
        ],
    )?;
    match vm.iterate(&r)?.as_slice() {
        [s, l] => Ok((s.clone(), l.clone())),
        _ => Err(vm.type_error("module_spec must return (spec, loader)")),
    }
}

/// The spec and loader of a module found as a file: instances of the machinery's
/// `ModuleSpec` and `SourceFileLoader` (or `SourcelessFileLoader`) with the attributes their
/// `__init__`s set, made here directly (three Python calls a module were a tenth of a warm
/// import). A package's spec has its `submodule_search_locations`.
fn file_spec(
    vm: &Vm,
    machinery: &Value,
    name: &str,
    kind: &str,
    path: &Path,
    locations: Option<Value>,
) -> PyResult<(Value, Value)> {
    let loader_class = match kind {
        "source" => "SourceFileLoader",
        _ => "SourcelessFileLoader",
    };
    let instance = |class: &str, attrs: Vec<(&str, Value)>| -> PyResult<Value> {
        let cls = vm.getattr_str(machinery, class)?;
        let Some(cls) = vm.is_type(&cls) else {
            return Err(vm.type_error(format!("_rpy_machinery.{class} is not a class")));
        };
        let payload = crate::builtins::object::instance_payload(&cls);
        let o = crate::builtins::object::new_instance(vm, &cls, payload);
        let d = vm.instance_dict(&o);
        for (k, v) in attrs {
            vm.dict_set_str(&d, vm.intern(k), v)?;
        }
        Ok(Value::Obj(o))
    };
    let name = vm.new_str(name);
    let path = vm.new_string(path.to_string_lossy().into_owned());
    let loader = instance(
        loader_class,
        vec![("name", name.clone()), ("path", path.clone())],
    )?;
    let spec = instance(
        "ModuleSpec",
        vec![
            ("name", name),
            ("loader", loader.clone()),
            ("origin", path),
            ("loader_state", Value::None),
            (
                "submodule_search_locations",
                locations.unwrap_or(Value::None),
            ),
            ("_uninitialized_submodules", vm.new_list(Vec::new())),
            ("_set_fileattr", Value::TRUE),
            ("_cached", Value::None),
        ],
    )?;
    Ok((spec, loader))
}

/// `PathFinder.find_spec`: the native path search, as a spec (None when nothing is found).
pub fn path_spec(vm: &Vm, name: &str, path: Option<&Value>) -> PyResult<Value> {
    let dirs = match path {
        Some(p) => path_entries(vm, p)?,
        None => path_entries(vm, &vm.sys_attr("path")?)?,
    };
    let short = name.rsplit('.').next().unwrap_or(name);
    let list_of = |p: &Path| vm.new_list(vec![vm.new_string(p.to_string_lossy().to_string())]);
    let kind_of = |f: &Path| {
        if f.extension().is_some_and(|e| e == "pyc") {
            "sourceless"
        } else {
            "source"
        }
    };
    match find_module_with_hooks(vm, &dirs, name, short)? {
        Some(Found::Module(f, _)) => spec_for(vm, name, kind_of(&f), Some(&f), None),
        Some(Found::Package { init, dir }) => {
            spec_for(vm, name, kind_of(&init), Some(&init), Some(list_of(&dir)))
        }
        Some(Found::Namespace(dirs)) => {
            let locs = vm.new_list(
                dirs.iter()
                    .map(|d| vm.new_string(d.to_string_lossy().to_string()))
                    .collect(),
            );
            spec_for(vm, name, "namespace", None, Some(locs))
        }
        Some(Found::Spec(spec)) => Ok(spec),
        None => Ok(Value::None),
    }
}

/// Asks one finder a program put on `sys.meta_path`: `find_spec(name, path, None)`, or the
/// legacy `find_module(name, path)` whose loader is wrapped in a spec.
fn finder_spec(
    vm: &Vm,
    finder: &Value,
    name: &str,
    path: Option<&Value>,
) -> PyResult<Option<Value>> {
    let path = path.cloned().unwrap_or(Value::None);
    if let Some(find_spec) = vm.getattr_opt(finder, "find_spec")? {
        let spec = vm.call(&find_spec, &[vm.new_str(name), path, Value::None])?;
        return Ok((!spec.is_none()).then_some(spec));
    }
    if let Some(find_module) = vm.getattr_opt(finder, "find_module")? {
        let loader = vm.call(&find_module, &[vm.new_str(name), path])?;
        if !loader.is_none() {
            return Ok(Some(legacy_spec(vm, name, loader)?));
        }
    }
    Ok(None)
}

/// A stand-in spec for a legacy loader (only `load_module`).
fn legacy_spec(vm: &Vm, name: &str, loader: Value) -> PyResult<Value> {
    let util = import_absolute(vm, "importlib._bootstrap")?;
    let f = vm.getattr_str(&util, "spec_from_loader")?;
    vm.call(&f, &[vm.new_str(name), loader])
}

/// The path search, with the finders `sys.path_hooks` make for path entries (cached in
/// `sys.path_importer_cache`); entries no hook takes are searched natively.
fn find_module_with_hooks(
    vm: &Vm,
    dirs: &[String],
    fullname: &str,
    short: &str,
) -> PyResult<Option<Found>> {
    let hooks = vm.sys_attr("path_hooks")?;
    let no_hooks = matches!(hooks.payload(), Some(Payload::List(l)) if l.borrow().is_empty());
    if no_hooks {
        let found = find_module(vm, dirs, short);
        // Archives on the path (CPython's first path hook, `zipimporter`): only looked at
        // when the directories do not have the module.
        if !matches!(found, None | Some(Found::Namespace(_)))
            || !dirs.iter().any(|d| is_archive_entry(d))
        {
            return Ok(found);
        }
    }
    let cache = vm.sys_attr("path_importer_cache")?;
    let mut portions = Vec::new();
    for dir in dirs {
        if no_hooks && !is_archive_entry(dir) {
            match find_module(vm, std::slice::from_ref(dir), short) {
                Some(Found::Namespace(mut p)) => portions.append(&mut p),
                Some(found) => return Ok(Some(found)),
                None => {}
            }
            continue;
        }
        let key = vm.new_str(dir);
        let finder = match vm.getitem(&cache, &key) {
            Ok(f) => f,
            Err(_) => {
                let mut finder = Value::None;
                let mut hooks = vm.iterate(&hooks)?;
                if is_archive_entry(dir) {
                    let zipimport = import(vm, "zipimport")?;
                    hooks.push(vm.getattr(&zipimport, &vm.intern("zipimporter"))?);
                }
                for hook in hooks {
                    match vm.call(&hook, std::slice::from_ref(&key)) {
                        Ok(f) => {
                            finder = f;
                            break;
                        }
                        Err(e) if vm.exc_matches(&e, &vm.types.exceptions.import_error) => {}
                        Err(e) => return Err(e),
                    }
                }
                vm.setitem(&cache, key.clone(), finder.clone())?;
                finder
            }
        };
        if finder.is_none() {
            match find_module(vm, std::slice::from_ref(dir), short) {
                Some(Found::Namespace(mut p)) => portions.append(&mut p),
                Some(found) => return Ok(Some(found)),
                None => {}
            }
            continue;
        }
        if let Some(find_spec) = vm.getattr_opt(&finder, "find_spec")? {
            let spec = vm.call(&find_spec, &[vm.new_str(fullname), Value::None])?;
            if spec.is_none() {
                continue;
            }
            let loader = vm.getattr_opt(&spec, "loader")?.unwrap_or(Value::None);
            if loader.is_none() {
                // A namespace portion.
                if let Some(locs) = vm.getattr_opt(&spec, "submodule_search_locations")?
                    && !locs.is_none()
                {
                    for l in path_entries(vm, &locs)? {
                        portions.push(PathBuf::from(l));
                    }
                }
                continue;
            }
            return Ok(Some(Found::Spec(spec)));
        }
    }
    Ok((!portions.is_empty()).then_some(Found::Namespace(portions)))
}

thread_local! {
    /// Path entries known to be directories (or missing): no zip archive to look into.
    static NOT_ARCHIVES: RefCell<std::collections::HashSet<String>> =
        RefCell::new(std::collections::HashSet::new());
}

/// Whether a path entry is a file (a zip archive for `zipimport`) rather than a directory.
fn is_archive_entry(dir: &str) -> bool {
    if dir.is_empty() || NOT_ARCHIVES.with(|n| n.borrow().contains(dir)) {
        return false;
    }
    let file = Path::new(dir).is_file();
    if !file {
        NOT_ARCHIVES.with(|n| n.borrow_mut().insert(dir.to_string()));
    }
    file
}

/// Loads a module from a spec a Python finder returned (`_bootstrap._load_unlocked`).
fn load_from_spec(vm: &Vm, name: &str, spec: &Value, parent: Option<&str>) -> PyResult<Value> {
    let loader = vm.getattr_opt(spec, "loader")?.unwrap_or(Value::None);
    let locations = vm
        .getattr_opt(spec, "submodule_search_locations")?
        .filter(|v| !v.is_none());
    if loader.is_none() {
        return match locations {
            Some(locs) => {
                let dirs: Vec<PathBuf> = path_entries(vm, &locs)?
                    .into_iter()
                    .map(PathBuf::from)
                    .collect();
                load_found(vm, name, Found::Namespace(dirs), parent)
            }
            None => Err(vm.new_exception_msg(&vm.types.exceptions.import_error, "missing loader")),
        };
    }
    // Legacy loaders only have load_module.
    if vm.getattr_opt(&loader, "exec_module")?.is_none()
        && let Some(load_module) = vm.getattr_opt(&loader, "load_module")?
    {
        let m = vm.call(&load_module, &[vm.new_str(name)])?;
        let m = sys_modules_get(vm, name).unwrap_or(m);
        bind_in_parent(vm, name, parent, &m);
        return Ok(m);
    }
    let Some(create) = vm.getattr_opt(&loader, "create_module")? else {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.import_error,
            "loaders that define exec_module() must also define create_module()",
        ));
    };
    let mut module = vm.call(&create, std::slice::from_ref(spec))?;
    if module.is_none() {
        module = Value::Obj(vm.new_module(name));
    }
    init_module_attrs(vm, spec, &module, &loader, locations.as_ref())?;
    vm.setitem(
        &Value::Obj(vm.modules.clone()),
        vm.new_str(name),
        module.clone(),
    )?;
    let exec = vm.getattr_str(&loader, "exec_module")?;
    if let Err(e) = vm.call(&exec, std::slice::from_ref(&module)) {
        let _ = vm.delitem(&Value::Obj(vm.modules.clone()), &vm.new_str(name));
        return Err(e);
    }
    let module = sys_modules_get(vm, name).unwrap_or(module);
    crate::pycache::verbose_lazy(vm, 1, || {
        format!(
            "import {} # {}",
            crate::builtins::str::repr_str(name),
            vm.repr(&loader).unwrap_or_default()
        )
    });
    bind_in_parent(vm, name, parent, &module);
    Ok(module)
}

/// `_init_module_attrs`: the attributes a spec gives its module.
fn init_module_attrs(
    vm: &Vm,
    spec: &Value,
    module: &Value,
    loader: &Value,
    locations: Option<&Value>,
) -> PyResult<()> {
    let set = |k: &str, v: Value| vm.setattr(module, &vm.intern(k), v);
    let spec_name = vm.getattr_str(spec, "name")?;
    if vm
        .getattr_opt(module, "__name__")?
        .is_none_or(|v| v.is_none())
    {
        set("__name__", spec_name.clone())?;
    }
    set("__loader__", loader.clone())?;
    let parent = match vm.getattr_opt(spec, "parent")? {
        Some(p) => p,
        None => {
            let n = crate::str::as_str(&spec_name).unwrap_or("").to_string();
            if locations.is_some() {
                vm.new_string(n)
            } else {
                vm.new_string(
                    n.rsplit_once('.')
                        .map(|x| x.0.to_string())
                        .unwrap_or_default(),
                )
            }
        }
    };
    set("__package__", parent)?;
    set("__spec__", spec.clone())?;
    if let Some(locs) = locations {
        set("__path__", locs.clone())?;
    }
    let has_location = match vm.getattr_opt(spec, "has_location")? {
        Some(h) => vm.truthy(&h)?,
        None => false,
    };
    if has_location {
        if let Some(origin) = vm.getattr_opt(spec, "origin")? {
            set("__file__", origin)?;
        }
        if let Some(cached) = vm.getattr_opt(spec, "cached")?
            && !cached.is_none()
        {
            set("__cached__", cached)?;
        }
    }
    Ok(())
}

/// Where a module was found on its search path (`FileFinder.find_spec`).
pub enum Found {
    /// `dir/__init__.py` (or `__init__.pyc` without a source).
    Package { init: PathBuf, dir: PathBuf },
    /// `name.py`, or `name.pyc` without a source, with the metadata the search read (the
    /// bytecode cache checks the source's mtime and size against it: no second `stat`).
    Module(PathBuf, std::fs::Metadata),
    /// Directories named like the package, none with an `__init__`: a namespace package.
    Namespace(Vec<PathBuf>),
    /// A spec from a finder that a `sys.path_hooks` entry made.
    Spec(Value),
}

/// Searches `dirs` for `short`: per directory a package first, then a module (source before
/// bytecode); a directory without `__init__` is kept as a namespace portion in case nothing
/// else is found.
pub fn find_module(vm: &Vm, dirs: &[String], short: &str) -> Option<Found> {
    let mut portions = Vec::new();
    for dir in dirs {
        // FileFinder: '' and '.' mean the current directory, other relative entries are
        // joined to it (not normalized).
        let base = if dir.is_empty() || dir == "." {
            std::env::current_dir().unwrap_or_default()
        } else if Path::new(dir).is_absolute() {
            PathBuf::from(dir)
        } else {
            std::env::current_dir().unwrap_or_default().join(dir)
        };
        crate::pycache::verbose_lazy(vm, 2, || format!("trying {}", base.join(short).display()));
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
            if let Ok(meta) = std::fs::metadata(&file)
                && meta.is_file()
            {
                return Some(Found::Module(file, meta));
            }
        }
        if pkg_dir.is_dir() {
            crate::pycache::verbose_lazy(vm, 1, || {
                format!("possible namespace for {}", pkg_dir.display())
            });
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
    let (file, pkg_dir, meta) = match found {
        Found::Package { init, dir } => (Some(init), Some(dir), None),
        Found::Module(file, meta) => (Some(file), None, Some(meta)),
        Found::Spec(spec) => return load_from_spec(vm, name, &spec, parent),
        Found::Namespace(dirs) => {
            let paths: Vec<Value> = dirs
                .iter()
                .map(|p| vm.new_string(p.to_string_lossy().to_string()))
                .collect();
            let locations = vm.new_list(paths);
            set("__path__", locations.clone())?;
            set("__package__", vm.new_str(name))?;
            set("__file__", Value::None)?;
            attach_spec(vm, &d, name, "namespace", None, Some(locations))?;
            let mv = Value::Obj(module.clone());
            vm.setitem(
                &Value::Obj(vm.modules.clone()),
                vm.new_str(name),
                mv.clone(),
            )?;
            crate::pycache::verbose_lazy(vm, 1, || {
                format!("namespace module loaded with path {}", display_list(&dirs))
            });
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
        let (code, cached) = crate::pycache::source_code_with(vm, name, &file, meta)?;
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
    let locations = match &pkg_dir {
        Some(pd) => {
            let locations = vm.new_list(vec![vm.new_string(pd.to_string_lossy().to_string())]);
            set("__path__", locations.clone())?;
            set("__package__", vm.new_str(name))?;
            Some(locations)
        }
        None => {
            set("__package__", vm.new_str(parent.unwrap_or("")))?;
            None
        }
    };
    let kind = if sourceless { "sourceless" } else { "source" };
    let loader = attach_spec(vm, &d, name, kind, Some(&file), locations)?;
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
    // (The machinery module itself gets its loader only once it has run.)
    if vm.options.verbose > 0 && !loader.is_none() {
        let loader = vm.repr(&loader).unwrap_or_default();
        crate::pycache::verbose_lazy(vm, 1, || {
            format!("import {} # {loader}", crate::builtins::str::repr_str(name))
        });
    }
    // The module may have replaced itself in sys.modules.
    let final_mod = sys_modules_get(vm, name).unwrap_or(mv);
    bind_in_parent(vm, name, parent, &final_mod);
    Ok(final_mod)
}

thread_local! {
    /// Set while `_rpy_machinery` itself is being imported.
    static MACHINERY_LOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The `_rpy_machinery` module (rpy's spec and loader classes, in `stdlib-shim/`), imported
/// on first need; `None` while it is being imported or when it cannot be found.
fn machinery(vm: &Vm) -> Option<Value> {
    if let Some(m) = sys_modules_get(vm, "_rpy_machinery") {
        return vm.getattr_opt(&m, "module_spec").ok().flatten().map(|_| m);
    }
    if MACHINERY_LOADING.with(|l| l.replace(true)) {
        return None;
    }
    let m = import_absolute(vm, "_rpy_machinery").ok();
    MACHINERY_LOADING.with(|l| l.set(false));
    let m = m?;
    // What was imported before the machinery existed gets its spec now.
    for name in ["_rpy_machinery", "_imp", "sys", "builtins"] {
        if let Some(Value::Obj(module)) = sys_modules_get(vm, name)
            && let Payload::Module(md) = &module.payload
        {
            let has_spec = matches!(md.dict.payload, Payload::Dict(ref d) if d.borrow().get_str("__spec__").is_some_and(|v| !v.is_none()));
            if !has_spec {
                let kind = if is_builtin_module(name) {
                    "builtin"
                } else {
                    "source"
                };
                let file = vm
                    .getattr_opt(&Value::Obj(module.clone()), "__file__")
                    .ok()
                    .flatten()
                    .and_then(|f| crate::str::as_str(&f).map(PathBuf::from));
                let _ = attach_spec_with(vm, &m, &md.dict, name, kind, file.as_deref(), None);
            }
        }
    }
    Some(m)
}

/// Sets `__spec__` and `__loader__` in a module namespace (as `_init_module_attrs` does);
/// returns the loader (None when the machinery is not available yet).
fn attach_spec(
    vm: &Vm,
    d: &crate::value::PyRef,
    name: &str,
    kind: &str,
    file: Option<&Path>,
    locations: Option<Value>,
) -> PyResult<Value> {
    match machinery(vm) {
        Some(m) => attach_spec_with(vm, &m, d, name, kind, file, locations),
        None => {
            vm.dict_set_str(d, vm.intern("__spec__"), Value::None)?;
            vm.dict_set_str(d, vm.intern("__loader__"), Value::None)?;
            Ok(Value::None)
        }
    }
}

fn attach_spec_with(
    vm: &Vm,
    machinery: &Value,
    d: &crate::value::PyRef,
    name: &str,
    kind: &str,
    file: Option<&Path>,
    locations: Option<Value>,
) -> PyResult<Value> {
    let (spec, loader) = module_spec(vm, machinery, name, kind, file, locations)?;
    if kind == "namespace"
        && let Some(locs) = vm.getattr_opt(&spec, "submodule_search_locations")?
    {
        vm.dict_set_str(d, vm.intern("__path__"), locs)?;
    }
    if kind == "builtin" {
        vm.dict_set_str(d, vm.intern("__package__"), vm.new_str(""))?;
    }
    vm.dict_set_str(d, vm.intern("__spec__"), spec)?;
    vm.dict_set_str(d, vm.intern("__loader__"), loader.clone())?;
    Ok(loader)
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

/// `importlib.reload`: finds the module's file again (the source may have changed) and runs
/// its code in the module's own namespace.
pub fn reload(vm: &Vm, module: &Value) -> PyResult<()> {
    let name = vm.getattr_str(module, "__name__")?;
    let name = crate::str::as_str(&name)
        .map(|s| s.to_string())
        .ok_or_else(|| vm.type_error("module name must be a str"))?;
    let (parent, short) = match name.rsplit_once('.') {
        Some((p, s)) => (Some(p.to_string()), s.to_string()),
        None => (None, name.clone()),
    };
    let search: Vec<String> = match &parent {
        Some(p) => {
            let pm = sys_modules_get(vm, p).ok_or_else(|| module_not_found(vm, p))?;
            path_entries(vm, &vm.getattr_str(&pm, "__path__")?)?
        }
        None => path_entries(vm, &vm.sys_attr("path")?)?,
    };
    let file = match find_module(vm, &search, &short) {
        Some(Found::Module(f, _)) => f,
        Some(Found::Package { init, .. }) => init,
        Some(Found::Namespace(_)) | Some(Found::Spec(_)) => return Ok(()),
        None => {
            if is_builtin_module(&name) {
                return Ok(());
            }
            return Err(module_not_found(vm, &name));
        }
    };
    let code = if file.extension().is_some_and(|e| e == "pyc") {
        crate::pycache::sourceless_code(vm, &name, &file)?
    } else {
        crate::pycache::source_code(vm, &name, &file)?.0
    };
    let Some(Payload::Module(m)) = module.payload() else {
        return Err(vm.type_error("reload() argument must be a module"));
    };
    vm.run_code(code, m.dict.clone())?;
    Ok(())
}

/// The str entries of a path list (`sys.path`, a package `__path__`).
pub(crate) fn path_entries(vm: &Vm, path: &Value) -> PyResult<Vec<String>> {
    Ok(vm
        .iterate(path)?
        .iter()
        .filter_map(|p| crate::str::as_str(p).map(|s| s.to_string()))
        .collect())
}

/// Imports a module by name (for natives that need one).
pub fn import(vm: &Vm, name: &str) -> PyResult<Value> {
    import_absolute(vm, name)
}
