//! `type`: calling a class, creating classes (`type.__new__`, `__build_class__`), and the
//! attributes of type objects.
//! Counterpart: Objects/typeobject.c `type_call`, `type_new`, Python/bltinmodule.c
//! `builtin___build_class__` (3.11).

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::function::{MethodKind, check_count};
use crate::dict::DictData;
use crate::object::{Payload, PyObject};
use crate::types::{Layout, TypeKind, flags, is_subtype, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &Vm) {
    let t = &vm.types.type_;
    vm.add_methods(
        t,
        &[
            ("__call__", type_call_method),
            ("__init__", type_init),
            ("__repr__", type_repr),
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("__dir__", type_dir),
            ("__or__", type_or),
            ("__ror__", type_or),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", type_new)], MethodKind::Static);
    vm.add_methods_kind(t, &[("__prepare__", type_prepare)], MethodKind::Class);
    vm.add_getsets(
        t,
        &[
            ("__name__", get_name, Some(set_name)),
            ("__qualname__", get_qualname, Some(set_qualname)),
            ("__module__", get_module, Some(set_module)),
            ("__bases__", get_bases, Some(set_bases)),
            ("__base__", get_base, None),
            ("__mro__", get_mro, None),
            ("__dict__", get_dict, None),
            ("__doc__", get_doc, Some(set_doc)),
            (
                "__abstractmethods__",
                get_abstractmethods,
                Some(set_abstractmethods),
            ),
            ("__annotations__", get_annotations, Some(set_annotations)),
        ],
    );
}

/// `cls(*args, **kwargs)` for a class whose metaclass is `type`.
pub fn type_call(vm: &Vm, cls: &PyRef, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() == 1 && kwnames.is_empty() {
        // The one-argument calls of immutable built-in types that programs make in loops.
        if Rc::ptr_eq(cls, &vm.types.type_) {
            return Ok(vm.type_value(&args[0]));
        }
        if Rc::ptr_eq(cls, &vm.types.str) {
            return vm.str_obj(&args[0]);
        }
        if Rc::ptr_eq(cls, &vm.types.int) {
            match &args[0] {
                Value::Int(_) => return Ok(args[0].clone()),
                Value::Bool(b) => return Ok(Value::Int(*b as i64)),
                _ => {}
            }
        }
    }
    let td = type_data(cls);
    if let Some(ctor) = native_constructor(td) {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(Value::Obj(cls.clone()));
        full.extend_from_slice(args);
        let obj = vm.call_native(ctor, &full, kwnames)?;
        // An instance of exactly this type gets `object.__init__`, which accepts any
        // arguments when `__new__` is overridden: nothing to run. Another result is finished
        // as the general path below would.
        if Rc::ptr_eq(vm.class_of(&obj), cls) {
            return Ok(obj);
        }
        return finish_construction(vm, cls, obj, full, kwnames);
    }
    let Some(new) = td.lookup("__new__") else {
        return Err(vm.type_error(format!("cannot create '{}' instances", td.name.borrow())));
    };
    let new = vm.descr_get(&new, None, cls)?;
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(Value::Obj(cls.clone()));
    full.extend_from_slice(args);
    let obj = vm.call_with_kwnames(&new, &full, kwnames)?;
    if Rc::ptr_eq(cls, &vm.types.type_) && args.len() != 3 {
        return Ok(obj);
    }
    finish_construction(vm, cls, obj, full, kwnames)
}

/// The native `__new__` a call of built-in type `td` comes down to when its `__init__` is
/// `object.__init__` (which then has nothing to do): cached under the type's version.
fn native_constructor(td: &crate::types::TypeData) -> Option<crate::builtins::function::NativeFn> {
    if td.kind == crate::types::TypeKind::Heap || td.kind == crate::types::TypeKind::Type {
        return None;
    }
    let version = td.version();
    let (at, found) = td.ctor_cache.get();
    if at == version {
        return found;
    }
    // `object.__new__` itself checks the arguments against `__init__`: not a shortcut.
    let new = match td
        .lookup("__new__")
        .filter(|n| !crate::builtins::object::is_object_static_new(n))
        .as_ref()
        .and_then(Value::payload)
    {
        Some(Payload::StaticMethod(f)) => match f.borrow().payload() {
            Some(Payload::BuiltinFunction(bf)) if bf.self_.is_none() => Some(bf.func),
            _ => None,
        },
        _ => None,
    };
    let plain_init = td.lookup("__init__").is_some_and(
        |i| matches!(i.payload(), Some(Payload::MethodDescriptor(md)) if md.owner == "object"),
    );
    let found = new.filter(|_| plain_init);
    td.ctor_cache.set((version, found));
    found
}

/// The rest of `cls(*args)` once `__new__` made `obj`: `__init__` runs if `obj` is an
/// instance of `cls` (`full` is `cls` and the arguments).
fn finish_construction(
    vm: &Vm,
    cls: &PyRef,
    obj: Value,
    mut full: Vec<Value>,
    kwnames: &[Value],
) -> PyResult<Value> {
    if !is_subtype(vm.class_of(&obj), cls) {
        return Ok(obj);
    }
    let otd = type_data(vm.class_of(&obj));
    if let Some(init) = otd.lookup("__init__") {
        full[0] = obj.clone();
        let r = match init.payload() {
            Some(Payload::MethodDescriptor(md)) if md.owner == "object" => {
                (md.func)(vm, &full, kwnames)?
            }
            _ => {
                let cls_obj = vm.class_of(&obj).clone();
                match init.payload() {
                    Some(Payload::Function(_)) => vm.call_with_kwnames(&init, &full, kwnames)?,
                    _ => {
                        let bound = vm.descr_get(&init, Some(&obj), &cls_obj)?;
                        vm.call_with_kwnames(&bound, &full[1..], kwnames)?
                    }
                }
            }
        };
        if !r.is_none() {
            return Err(init_returned(vm, &r));
        }
    }
    Ok(obj)
}

/// The error for an `__init__` that returned `r`, not None.
pub fn init_returned(vm: &Vm, r: &Value) -> crate::vm::PyErr {
    vm.type_error(format!(
        "__init__() should return None, not '{}'",
        vm.type_name(r)
    ))
}

/// The `__init__` of `cls` when calling `cls` means exactly: make an instance with
/// `object.__new__`, then run that Python function on it (the eval loop's CALL then runs it
/// without recursing). `None` for any other class: a metaclass, another `__new__`, a native
/// layout, an abstract class, or an `__init__` that is not a plain function.
pub fn python_init(vm: &Vm, cls: &PyRef) -> Option<PyRef> {
    let Payload::Type(td) = &cls.payload else {
        return None;
    };
    if td.kind != crate::types::TypeKind::Heap
        || td.layout != crate::types::Layout::Object
        || td.has_flag(crate::types::flags::ABSTRACT)
        || !Rc::ptr_eq(cls.class(), &vm.types.type_)
    {
        return None;
    }
    let version = td.version();
    let cached = {
        let c = td.init_cache.borrow();
        (c.0 == version).then(|| c.1.as_ref().and_then(std::rc::Weak::upgrade))
    };
    let init = match cached {
        Some(init) => init?,
        None => {
            let found = python_init_uncached(td);
            *td.init_cache.borrow_mut() = (version, found.as_ref().map(Rc::downgrade));
            found?
        }
    };
    let Payload::Function(fd) = &init.payload else {
        return None;
    };
    use rpy_marshal::code::flags as co;
    let kinds = co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR | co::ITERABLE_COROUTINE;
    if fd.code.borrow().flags() & kinds != 0 {
        return None;
    }
    Some(init)
}

/// The lookups of `python_init`: the class's `__init__` when its `__new__` is
/// `object.__new__` and its `__init__` a Python function.
fn python_init_uncached(td: &crate::types::TypeData) -> Option<PyRef> {
    let new = td.lookup("__new__")?;
    if !crate::builtins::object::is_object_static_new(&new) {
        return None;
    }
    match td.lookup("__init__")? {
        Value::Obj(init) if matches!(init.payload, Payload::Function(_)) => Some(init),
        _ => None,
    }
}

fn type_call_method(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    };
    type_call(vm, &cls, &args[1..], kwnames)
}

fn type_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let n = args.len() - 1 - kwnames.len();
    if n != 1 && n != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

fn type_prepare(_vm: &Vm, _args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    Ok(Value::Obj(crate::builtins::dict::new_dict()))
}

/// The most derived metaclass among `meta` and the metaclasses of `bases`.
pub fn calculate_metaclass(vm: &Vm, meta: &PyRef, bases: &[Value]) -> PyResult<PyRef> {
    let mut winner = meta.clone();
    for b in bases {
        let bt = vm.class_of(b).clone();
        if is_subtype(&winner, &bt) {
            continue;
        }
        if is_subtype(&bt, &winner) {
            winner = bt;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `type.__new__(meta, name, bases, namespace, **kwds)`.
pub fn type_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let Some(meta) = args.first().and_then(|m| vm.is_type(m)) else {
        return Err(vm.type_error("type.__new__(X): X is not a type object"));
    };
    if npos == 2 && Rc::ptr_eq(&meta, &vm.types.type_) {
        return Ok(vm.type_value(&args[1]));
    }
    if npos != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let Some(name) = crate::str::as_str(&args[1]).map(|s| s.to_string()) else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let Some(Payload::Tuple(bases)) = args[2].payload() else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            vm.type_name(&args[2])
        )));
    };
    let Some(Payload::Dict(ns)) = args[3].payload() else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            vm.type_name(&args[3])
        )));
    };
    let winner = calculate_metaclass(vm, &meta, bases)?;
    if !Rc::ptr_eq(&winner, &meta)
        && let Some(wnew) = type_data(&winner).lookup("__new__")
        && !is_type_new(&wnew)
    {
        let f = vm.descr_get(&wnew, None, &winner)?;
        let mut full = args.to_vec();
        full[0] = Value::Obj(winner.clone());
        return vm.call_with_kwnames(&f, &full, kwnames);
    }
    let meta = winner;
    let mut base_types: Vec<PyRef> = Vec::new();
    for b in bases.iter() {
        let Some(bt) = vm.is_type(b) else {
            return Err(vm.type_error(format!("bases must be types, not {}", vm.type_name(b))));
        };
        let btd = type_data(&bt);
        if !btd.has_flag(flags::BASETYPE) {
            return Err(vm.type_error(format!(
                "type '{}' is not an acceptable base type",
                btd.name.borrow()
            )));
        }
        if base_types.iter().any(|x| Rc::ptr_eq(x, &bt)) {
            return Err(vm.type_error(format!("duplicate base class {}", btd.name.borrow())));
        }
        base_types.push(bt);
    }
    if base_types.is_empty() {
        base_types.push(vm.types.object.clone());
    }
    // The layout comes from the (single) base with a non-trivial one.
    let mut layout = Layout::Object;
    for b in &base_types {
        let l = type_data(b).layout;
        if l != Layout::Object {
            if layout != Layout::Object && layout != l {
                return Err(vm.type_error("multiple bases have instance lay-out conflict"));
            }
            layout = l;
        }
    }
    let mut fl = flags::HEAPTYPE | flags::BASETYPE | flags::HAS_DICT;
    for b in &base_types {
        let bf = type_data(b).flags.get();
        fl |= bf
            & (flags::SEQUENCE | flags::MAPPING | flags::BASE_EXC_SUBCLASS | flags::TYPE_SUBCLASS);
    }
    let mut dict: DictData = ns.borrow().clone();
    // __qualname__ from the namespace, removed from it.
    let qualname = match dict.remove_str("__qualname__") {
        Some(q) => match crate::str::as_str(&q) {
            Some(s) => s.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    vm.type_name(&q)
                )));
            }
        },
        None => name.clone(),
    };
    if dict.get_str("__module__").is_none()
        && let Some(m) = vm.current_globals_name()
    {
        let _ = dict.set_str(vm.intern("__module__"), m);
    }
    // Implicit static/class methods.
    for (key, wrap_in) in [
        ("__new__", &vm.types.staticmethod),
        ("__init_subclass__", &vm.types.classmethod),
        ("__class_getitem__", &vm.types.classmethod),
    ] {
        if let Some(v) = dict.get_str(key).cloned()
            && matches!(v.payload(), Some(Payload::Function(_)))
        {
            let payload = if key == "__new__" {
                Payload::StaticMethod(RefCell::new(v))
            } else {
                Payload::ClassMethod(RefCell::new(v))
            };
            let _ = dict.set_str(
                vm.intern(key),
                Value::Obj(PyObject::new(wrap_in.clone(), payload)),
            );
        }
    }
    // A class that defines __eq__ but not __hash__ is unhashable.
    if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
        let _ = dict.set_str(vm.intern("__hash__"), Value::None);
    }
    // The slots of the bases come first in an instance's slot array; at most one layout of
    // slots can be inherited (CPython's "solid base").
    let mut solid: Option<PyRef> = None;
    for b in &base_types {
        let Some(s) = crate::builtins::misc::slotted_base(b) else {
            continue;
        };
        match &solid {
            None => solid = Some(s),
            Some(cur) if is_subtype(&s, cur) => solid = Some(s),
            Some(cur) if is_subtype(cur, &s) => {}
            Some(_) => return Err(vm.type_error("multiple bases have instance lay-out conflict")),
        }
    }
    let first_slot = solid.map_or(0, |s| crate::builtins::misc::slot_count(&s));
    // __slots__.
    let mut slot_names: Vec<String> = Vec::new();
    // How often `__slots__` lists `__weakref__` (`None`: no `__slots__`).
    let mut weakref_slots: Option<usize> = None;
    if let Some(slots) = dict.get_str("__slots__").cloned() {
        weakref_slots = Some(0);
        let items = if crate::str::as_str(&slots).is_some() {
            vec![slots.clone()]
        } else {
            vm.iterate(&slots)?
        };
        let mut has_dict = false;
        for s in &items {
            let Some(n) = crate::str::as_str(s) else {
                return Err(vm.type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    vm.type_name(s)
                )));
            };
            if n == "__dict__" {
                has_dict = true;
                continue;
            }
            if n == "__weakref__" {
                weakref_slots = weakref_slots.map(|c| c + 1);
                continue;
            }
            // Private names are mangled, as in the class body (`__x` → `_C__x`).
            let stripped = name.trim_start_matches('_');
            let n = if n.starts_with("__") && !n.ends_with("__") && !stripped.is_empty() {
                format!("_{stripped}{n}")
            } else {
                n.to_string()
            };
            if dict.get_str(&n).is_some() {
                return Err(
                    vm.value_error(format!("'{n}' in __slots__ conflicts with class variable"))
                );
            }
            slot_names.push(n);
        }
        let bases_have_dict = base_types
            .iter()
            .any(|b| type_data(b).has_flag(flags::HAS_DICT) && type_data(b).kind == TypeKind::Heap);
        if !has_dict && !bases_have_dict {
            fl &= !flags::HAS_DICT;
        }
        for (i, n) in slot_names.iter().enumerate() {
            let _ = dict.set_str(
                vm.intern(n),
                crate::builtins::misc::new_member_descriptor(vm, n, &name, first_slot + i),
            );
        }
    }
    // `__doc__` defaults to None after the slots are made (as `type_ready` does): a slot
    // may be named `__doc__`.
    if dict.get_str("__doc__").is_none() {
        let _ = dict.set_str(vm.intern("__doc__"), Value::None);
    }
    // Instances with a __dict__ get the `__dict__` descriptor (unless a base provides it).
    let base_has_dict_descr = base_types.iter().any(|b| {
        type_data(b).lookup("__dict__").is_some_and(
            |d| matches!(d.payload(), Some(Payload::GetSet(g)) if g.name == "__dict__"),
        )
    });
    let mut dict = dict;
    if fl & flags::HAS_DICT != 0 && !base_has_dict_descr && dict.get_str("__dict__").is_none() {
        let _ = dict.set_str(vm.intern("__dict__"), instance_dict_descriptor(vm, &name));
    }
    // Weak reference support and the `__weakref__` descriptor.
    crate::builtins::weakref::setup_heap_type(
        vm,
        &base_types,
        layout,
        weakref_slots,
        &name,
        &mut dict,
        &mut fl,
    )?;
    let cls = crate::types::new_type(&meta, &name, base_types, dict, TypeKind::Heap, layout, fl);
    {
        let td = type_data(&cls);
        *td.qualname.borrow_mut() = qualname;
        *td.slots.borrow_mut() = slot_names;
        let mro = crate::types::compute_mro(&cls).map_err(|m| vm.type_error(m))?;
        td.set_mro(mro);
    }
    // A custom mro() on the metaclass.
    if !Rc::ptr_eq(&meta, &vm.types.type_)
        && let Some(m) = type_data(&meta).lookup("mro")
        && !matches!(m.payload(), Some(Payload::MethodDescriptor(md)) if md.owner == "type")
    {
        let r = vm.call(&m, &[Value::Obj(cls.clone())])?;
        let items = vm.iterate(&r)?;
        let mut mro = Vec::new();
        for i in items {
            match vm.is_type(&i) {
                Some(t) => mro.push(t),
                None => {
                    return Err(vm.type_error(format!(
                        "mro() returned a non-class ('{}')",
                        vm.type_name(&i)
                    )));
                }
            }
        }
        type_data(&cls).set_mro(mro);
    }
    for b in type_data(&cls).bases.borrow().iter() {
        crate::builtins::misc::register_subclass(b, &cls);
    }
    // __classcell__.
    let cell = type_data(&cls)
        .dict_data()
        .borrow_mut()
        .remove_str("__classcell__");
    if let Some(cell) = cell {
        match cell.payload() {
            Some(Payload::Cell(c)) => *c.borrow_mut() = Value::Obj(cls.clone()),
            _ => {
                return Err(vm.type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    vm.type_name(&cell)
                )));
            }
        }
    }
    // __set_name__.
    let items = type_data(&cls).dict_data().borrow().items();
    for (k, v) in items {
        if let Some(sn) = vm.lookup_special(&v, "__set_name__") {
            vm.call(&sn, &[v.clone(), Value::Obj(cls.clone()), k.clone()])
                .inspect_err(|e| {
                    let note = format!(
                        "Error calling __set_name__ on '{}' instance {} in '{}'",
                        vm.type_name(&v),
                        vm.repr(&k).unwrap_or_default(),
                        name
                    );
                    let _ = crate::builtins::exceptions::add_note(vm, e, &note);
                })?;
        }
    }
    // super().__init_subclass__(**kwds).
    let mro = type_data(&cls).mro.borrow().clone();
    for t in mro.iter().skip(1) {
        if let Some(isc) = type_data(t).own("__init_subclass__") {
            let f = vm.descr_get(&isc, None, &cls)?;
            let kwvals: Vec<Value> = args[npos..].to_vec();
            vm.call_with_kwnames(&f, &kwvals, kwnames)?;
            break;
        }
    }
    Ok(Value::Obj(cls))
}

fn is_type_new(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::StaticMethod(f)) => {
            matches!(f.borrow().payload(), Some(Payload::BuiltinFunction(bf)) if bf.owner == Some("type") && bf.name == "__new__")
        }
        _ => false,
    }
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = &args[0];
    let Some(Payload::Function(fd)) = func.payload() else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let name = args[1].clone();
    if crate::str::as_str(&name).is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<Value> = args[2..npos].to_vec();
    // PEP 560: __mro_entries__.
    let mut bases = Vec::new();
    let mut changed = false;
    for b in &orig_bases {
        if vm.is_type(b).is_none()
            && let Some(me) = vm.getattr_opt(b, "__mro_entries__")?
        {
            let r = vm.call(&me, &[vm.new_tuple(orig_bases.clone())])?;
            let Some(Payload::Tuple(items)) = r.payload() else {
                return Err(vm.type_error("__mro_entries__ must return a tuple"));
            };
            bases.extend(items.iter().cloned());
            changed = true;
        } else {
            bases.push(b.clone());
        }
    }
    let mut meta: Option<Value> = None;
    let mut kw_names = Vec::new();
    let mut kw_vals = Vec::new();
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        if crate::str::as_str(k) == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kw_names.push(k.clone());
            kw_vals.push(v.clone());
        }
    }
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => vm.type_value(b),
            None => Value::Obj(vm.types.type_.clone()),
        },
    };
    let meta = match vm.is_type(&meta) {
        Some(mt) => Value::Obj(calculate_metaclass(vm, &mt, &bases)?),
        None => meta,
    };
    let bases_t = vm.new_tuple(bases.clone());
    let ns = match vm.getattr_opt(&meta, "__prepare__")? {
        Some(prep) => {
            let mut pa = vec![name.clone(), bases_t.clone()];
            pa.extend(kw_vals.iter().cloned());
            vm.call_with_kwnames(&prep, &pa, &kw_names)?
        }
        None => Value::Obj(crate::builtins::dict::new_dict()),
    };
    if ns.payload().is_none() || vm.lookup_special(&ns, "__getitem__").is_none() {
        return Err(vm.type_error(format!(
            "{}.__prepare__() must return a mapping, not {}",
            match vm.is_type(&meta) {
                Some(m) => type_data(&m).name.borrow().clone(),
                None => "<metaclass>".into(),
            },
            vm.type_name(&ns)
        )));
    }
    // Run the body with the namespace as its locals.
    let Value::Obj(fobj) = func else {
        unreachable!()
    };
    let mut frame = vm.frame_for_call(fobj, fd, &[], &[])?;
    frame.locals = Some(ns.clone());
    let cell = vm.enter_native(|| vm.run_frame(frame))?;
    if changed {
        vm.setitem(&ns, vm.new_str("__orig_bases__"), vm.new_tuple(orig_bases))?;
    }
    let mut ca = vec![name, bases_t, ns];
    ca.extend(kw_vals);
    let cls = vm.call_with_kwnames(&meta, &ca, &kw_names)?;
    if let Some(Payload::Cell(c)) = cell.payload() {
        let inner = c.borrow().clone();
        if !inner.is(&cls) {
            if inner.is_null() {
                return Err(vm.runtime_error(format!(
                    "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                    vm.repr(&args[1])?,
                    vm.repr(&cls)?
                )));
            }
            return Err(vm.type_error(format!(
                "__class__ set to {} defining {} as {}",
                vm.repr(&inner)?,
                vm.repr(&args[1])?,
                vm.repr(&cls)?
            )));
        }
    }
    Ok(cls)
}

fn the_type<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a PyRef> {
    match v {
        Value::Obj(o) if o.as_type().is_some() => Ok(o),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'type' object but received '{}'",
            vm.type_name(v)
        ))),
    }
}

fn type_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = the_type(vm, &args[0])?;
    let td = type_data(t);
    let module = type_module_name(td);
    Ok(vm.new_string(match module {
        Some(m) if m != "builtins" => format!("<class '{m}.{}'>", td.qualname.borrow()),
        _ => format!("<class '{}'>", td.name.borrow()),
    }))
}

fn type_mro(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = the_type(vm, &args[0])?;
    let mro = crate::types::compute_mro(t).map_err(|m| vm.type_error(m))?;
    Ok(vm.new_list(mro.into_iter().map(Value::Obj).collect()))
}

fn type_subclasses(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = the_type(vm, &args[0])?;
    Ok(vm.new_list(
        crate::builtins::misc::subclasses_of(t)
            .into_iter()
            .map(Value::Obj)
            .collect(),
    ))
}

fn type_instancecheck(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__instancecheck__", &args[1..], kw, 1, 1)?;
    let t = the_type(vm, &args[0])?;
    Ok(Value::bool(vm.type_isinstance(&args[1], t)?))
}

fn type_subclasscheck(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "__subclasscheck__", &args[1..], kw, 1, 1)?;
    the_type(vm, &args[0])?;
    Ok(Value::bool(vm.recursive_issubclass(&args[1], &args[0])?))
}

fn type_dir(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = the_type(vm, &args[0])?;
    let mut names: Vec<String> = Vec::new();
    for m in type_data(t).mro.borrow().iter() {
        for k in type_data(m).dict_data().borrow().keys() {
            if let Some(s) = crate::str::as_str(&k) {
                names.push(s.to_string());
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(vm.new_list(names.iter().map(|n| vm.new_str(n)).collect()))
}

fn type_or(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::misc::make_union(vm, &args[0], &args[1])
}

/// A type's module as reprs show it (`type_module`): a class statement's `__module__` (if a
/// str); for a built-in type, the part of its dotted name before the last dot (CPython's
/// `tp_name`: `collections.deque` has module `collections` and `__name__` `deque`), else a
/// `__module__` str its namespace holds; `None` when there is none (the `builtins` types).
pub fn type_module_name(td: &crate::types::TypeData) -> Option<String> {
    let own = || {
        td.own("__module__")
            .and_then(|m| crate::str::as_str(&m).map(str::to_string))
    };
    if td.has_flag(flags::HEAPTYPE) {
        return own();
    }
    let dotted = td
        .name
        .borrow()
        .rsplit_once('.')
        .map(|(m, _)| m.to_string());
    dotted.or_else(own)
}

fn get_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    let td = type_data(the_type(vm, v)?);
    let name = td.name.borrow();
    match name.rsplit_once('.') {
        Some((_, short)) if !td.has_flag(flags::HEAPTYPE) => Ok(vm.new_str(short)),
        _ => Ok(vm.new_str(&name)),
    }
}

fn set_name(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let t = the_type(vm, v)?;
    let td = type_data(t);
    if !td.has_flag(flags::HEAPTYPE) {
        return Err(vm.type_error(format!(
            "cannot set '__name__' attribute of immutable type '{}'",
            td.name.borrow()
        )));
    }
    match new.as_ref().and_then(crate::str::as_str) {
        Some(s) => {
            *td.name.borrow_mut() = s.to_string();
            Ok(())
        }
        None => Err(vm.type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            td.name.borrow(),
            new.map(|n| vm.type_name(&n)).unwrap_or_default()
        ))),
    }
}

fn get_qualname(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_string(type_data(the_type(vm, v)?).qualname.borrow().clone()))
}

fn set_qualname(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let t = the_type(vm, v)?;
    let td = type_data(t);
    match new.as_ref().and_then(crate::str::as_str) {
        Some(s) => {
            *td.qualname.borrow_mut() = s.to_string();
            Ok(())
        }
        None => Err(vm.type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            td.name.borrow(),
            new.map(|n| vm.type_name(&n)).unwrap_or_default()
        ))),
    }
}

fn get_module(vm: &Vm, v: &Value) -> PyResult<Value> {
    let td = type_data(the_type(vm, v)?);
    if td.has_flag(flags::HEAPTYPE) {
        return match td.own("__module__") {
            Some(m) => Ok(m),
            None => Err(vm.attribute_error("__module__")),
        };
    }
    Ok(vm.new_string(type_module_name(td).unwrap_or_else(|| "builtins".into())))
}

fn set_module(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let td = type_data(the_type(vm, v)?);
    let Some(n) = new.filter(|_| td.has_flag(flags::HEAPTYPE)) else {
        let what = if td.has_flag(flags::HEAPTYPE) {
            "delete"
        } else {
            "set"
        };
        return Err(vm.type_error(format!(
            "cannot {what} '__module__' attribute of immutable type '{}'",
            td.name.borrow()
        )));
    };
    let old = td
        .dict_data()
        .borrow_mut()
        .set_str(vm.intern("__module__"), n);
    drop(old);
    td.modified();
    Ok(())
}

fn get_bases(vm: &Vm, v: &Value) -> PyResult<Value> {
    let td = type_data(the_type(vm, v)?);
    Ok(vm.new_tuple(td.bases.borrow().iter().cloned().map(Value::Obj).collect()))
}

/// `cls.__bases__ = (...)` (`type_set_bases`): the MROs of the class and of its subclasses
/// are recomputed; on a conflict everything is put back.
fn set_bases(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let t = the_type(vm, v)?;
    let td = type_data(t);
    let name = td.name.borrow().clone();
    if !td.has_flag(flags::HEAPTYPE) {
        return Err(vm.type_error(format!(
            "cannot set '__bases__' attribute of immutable type '{name}'"
        )));
    }
    let Some(new) = new else {
        return Err(vm.type_error(format!(
            "cannot delete '__bases__' attribute of type '{name}'"
        )));
    };
    let items = match new.payload() {
        Some(Payload::Tuple(items)) => items.to_vec(),
        _ => {
            return Err(vm.type_error(format!(
                "can only assign tuple to {name}.__bases__, not {}",
                vm.type_name(&new)
            )));
        }
    };
    if items.is_empty() {
        return Err(vm.type_error(format!(
            "can only assign non-empty tuple to {name}.__bases__, not ()"
        )));
    }
    let mut bases = Vec::with_capacity(items.len());
    for b in &items {
        let Some(bt) = vm.is_type(b) else {
            return Err(vm.type_error(format!(
                "{name}.__bases__ must be tuple of classes, not '{}'",
                vm.type_name(b)
            )));
        };
        if type_data(&bt).mro.borrow().iter().any(|m| Rc::ptr_eq(m, t)) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
        bases.push(bt);
    }
    let layout = bases
        .iter()
        .map(|b| type_data(b).layout)
        .find(|l| *l != crate::types::Layout::Object)
        .unwrap_or(crate::types::Layout::Object);
    if layout != td.layout {
        let old_base = td
            .bases
            .borrow()
            .first()
            .map(|b| type_data(b).name.borrow().clone());
        return Err(vm.type_error(format!(
            "__bases__ assignment: '{}' object layout differs from '{}'",
            type_data(&bases[0]).name.borrow(),
            old_base.unwrap_or_default()
        )));
    }
    let old = std::mem::replace(&mut *td.bases.borrow_mut(), bases.clone());
    // This class and every subclass below it get new MROs; any conflict undoes them all.
    let mut changed: Vec<(PyRef, Vec<PyRef>)> = Vec::new();
    let mut pending = vec![t.clone()];
    while let Some(c) = pending.pop() {
        match crate::types::compute_mro(&c) {
            Ok(mro) => {
                let cd = type_data(&c);
                let previous = std::mem::replace(&mut *cd.mro.borrow_mut(), mro);
                changed.push((c.clone(), previous));
                pending.extend(crate::builtins::misc::subclasses_of(&c));
            }
            Err(m) => {
                for (c, previous) in changed.into_iter().rev() {
                    *type_data(&c).mro.borrow_mut() = previous;
                }
                *td.bases.borrow_mut() = old;
                return Err(vm.type_error(m));
            }
        }
    }
    for b in &old {
        type_data(b)
            .subclasses
            .borrow_mut()
            .retain(|w| !std::ptr::eq(w.as_ptr(), Rc::as_ptr(t)));
    }
    for b in &bases {
        crate::builtins::misc::register_subclass(b, t);
    }
    td.modified();
    drop(changed);
    drop(old);
    Ok(())
}

fn get_base(vm: &Vm, v: &Value) -> PyResult<Value> {
    let td = type_data(the_type(vm, v)?);
    Ok(td
        .bases
        .borrow()
        .first()
        .cloned()
        .map(Value::Obj)
        .unwrap_or(Value::None))
}

fn get_mro(vm: &Vm, v: &Value) -> PyResult<Value> {
    let td = type_data(the_type(vm, v)?);
    Ok(vm.new_tuple(td.mro.borrow().iter().cloned().map(Value::Obj).collect()))
}

fn get_dict(vm: &Vm, v: &Value) -> PyResult<Value> {
    let td = type_data(the_type(vm, v)?);
    Ok(crate::builtins::misc::new_mappingproxy(
        vm,
        Value::Obj(td.dict.clone()),
    ))
}

fn get_doc(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = the_type(vm, v)?;
    let td = type_data(t);
    match td.own("__doc__") {
        Some(d) => vm.descr_get(&d, None, t),
        None => Ok(Value::None),
    }
}

fn set_doc(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let td = type_data(the_type(vm, v)?);
    if !td.has_flag(flags::HEAPTYPE) {
        return Err(vm.type_error(format!(
            "cannot set '__doc__' attribute of immutable type '{}'",
            td.name.borrow()
        )));
    }
    let old = td
        .dict_data()
        .borrow_mut()
        .set_str(vm.intern("__doc__"), new.unwrap_or(Value::None));
    drop(old);
    Ok(())
}

fn get_abstractmethods(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = the_type(vm, v)?;
    match type_data(t).own("__abstractmethods__") {
        Some(a) if !Rc::ptr_eq(t, &vm.types.type_) => Ok(a),
        _ => Err(vm.attribute_error("__abstractmethods__")),
    }
}

fn set_abstractmethods(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let t = the_type(vm, v)?;
    let td = type_data(t);
    let is_abstract = match &new {
        Some(n) => vm.truthy(n)?,
        None => false,
    };
    let old = match new {
        Some(n) => td
            .dict_data()
            .borrow_mut()
            .set_str(vm.intern("__abstractmethods__"), n),
        None => td
            .dict_data()
            .borrow_mut()
            .remove_str("__abstractmethods__"),
    };
    drop(old);
    td.modified();
    let f = td.flags.get();
    td.flags.set(if is_abstract {
        f | flags::ABSTRACT
    } else {
        f & !flags::ABSTRACT
    });
    Ok(())
}

fn get_annotations(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = the_type(vm, v)?;
    let td = type_data(t);
    if let Some(a) = td.own("__annotations__") {
        return vm.descr_get(&a, None, t);
    }
    if !td.has_flag(flags::HEAPTYPE) {
        return Err(vm.attribute_error(format!(
            "type object '{}' has no attribute '__annotations__'",
            td.name.borrow()
        )));
    }
    let d = Value::Obj(crate::builtins::dict::new_dict());
    let old = td
        .dict_data()
        .borrow_mut()
        .set_str(vm.intern("__annotations__"), d.clone());
    drop(old);
    Ok(d)
}

fn set_annotations(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let td = type_data(the_type(vm, v)?);
    match new {
        Some(n) => {
            let old = td
                .dict_data()
                .borrow_mut()
                .set_str(vm.intern("__annotations__"), n);
            drop(old);
        }
        None => {
            td.dict_mut().remove_str("__annotations__");
        }
    }
    Ok(())
}

/// Creates a heap class from Rust (used by native modules that define Python classes).
pub fn make_class(vm: &Vm, name: &str, bases: Vec<PyRef>, module: &str) -> PyRef {
    let mut d = DictData::new();
    let _ = d.set_str(vm.intern("__module__"), vm.new_str(module));
    let layout = bases
        .iter()
        .map(|b| type_data(b).layout)
        .find(|l| *l != Layout::Object)
        .unwrap_or(Layout::Object);
    let mut fl = flags::HEAPTYPE | flags::BASETYPE | flags::HAS_DICT;
    for b in &bases {
        fl |= type_data(b).flags.get()
            & (flags::BASE_EXC_SUBCLASS | flags::SEQUENCE | flags::MAPPING);
    }
    let _ =
        crate::builtins::weakref::setup_heap_type(vm, &bases, layout, None, name, &mut d, &mut fl);
    let cls = crate::types::new_type(&vm.types.type_, name, bases, d, TypeKind::Heap, layout, fl);
    let mro = crate::types::compute_mro(&cls).unwrap_or_else(|_| vec![cls.clone()]);
    type_data(&cls).set_mro(mro);
    cls
}

fn instance_dict_get(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Obj(o) => Ok(Value::Obj(vm.instance_dict(o))),
        _ => Err(vm.attribute_error("__dict__")),
    }
}

fn instance_dict_set(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let Value::Obj(o) = v else {
        return Err(vm.attribute_error("__dict__"));
    };
    match new {
        Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => {
            let old = o.dict.borrow_mut().replace(d);
            drop(old);
            Ok(())
        }
        Some(other) => Err(vm.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            vm.type_name(&other)
        ))),
        None => Err(vm.type_error("cannot delete __dict__")),
    }
}

/// The `__dict__` getset descriptor a class with instance dicts gets.
fn instance_dict_descriptor(vm: &Vm, owner: &str) -> Value {
    Value::Obj(PyObject::new(
        vm.types.getset_descriptor.clone(),
        Payload::GetSet(Box::new(crate::builtins::function::GetSetDef {
            name: "__dict__",
            get: instance_dict_get,
            set: Some(instance_dict_set),
            owner: owner.to_string().into(),
        })),
    ))
}
