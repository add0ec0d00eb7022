//! The `_ast` module: the classes of Python's abstract syntax tree (`AST` and its subclasses,
//! with `_fields`, `_attributes` and the constructor), and `compile()` of trees: source to a
//! tree of these objects (`PyCF_ONLY_AST`, what `ast.parse` asks for), and a tree back to a
//! code object.
//! Counterpart: Python/Python-ast.c, Python/ast.c (validation) and the AST part of
//! `builtin_compile_impl` in Python/bltinmodule.c (3.11).

mod from_py;
#[rustfmt::skip]
pub mod tables;
mod to_py;

use std::cell::RefCell;

use crate::dict::DictData;
use crate::object::{Payload, PyObject};
use crate::types::{is_subtype, type_data};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

use tables::{CLASSES, N};

/// The node classes of a VM (made once, shared by the module and by `compile()`), and the
/// one instance of each operator and context class that parsed trees share (as CPython's).
pub struct AstState {
    classes: Vec<PyRef>,
    singletons: Vec<Option<Value>>,
}

impl AstState {
    pub fn class(&self, n: N) -> &PyRef {
        &self.classes[n as usize]
    }

    /// The shared instance of an operator or context class.
    pub fn singleton(&self, n: N) -> Value {
        self.singletons[n as usize].clone().unwrap_or(Value::None)
    }

    /// Whether `v` is an instance of the class `n` (or of a subclass).
    pub fn is_instance(&self, vm: &Vm, v: &Value, n: N) -> bool {
        is_subtype(vm.class_of(v), self.class(n))
    }
}

thread_local! {
    /// The state of the VM whose `object` type is the first item (a VM made later on this
    /// thread makes its own). Leaked, never dropped: no object may die after the VM's
    /// thread-local machinery is gone, and the classes live as long as the VM anyway.
    static STATE: RefCell<Option<(PyRef, &'static AstState)>> = const { RefCell::new(None) };
}

/// This VM's `AstState`, made with the classes on first use.
fn state(vm: &Vm) -> PyResult<&'static AstState> {
    if let Some(st) = existing_state(vm) {
        return Ok(st);
    }
    let st: &'static AstState = Box::leak(Box::new(make_classes(vm)?));
    STATE.with(|s| *s.borrow_mut() = Some((vm.types.object.clone(), st)));
    Ok(st)
}

/// The `AstState`, if the classes were made (else no object can be a node).
fn existing_state(vm: &Vm) -> Option<&'static AstState> {
    STATE.with(|s| match &*s.borrow() {
        Some((object, st)) if std::rc::Rc::ptr_eq(object, &vm.types.object) => Some(*st),
        _ => None,
    })
}

fn str_tuple(vm: &Vm, items: &[&str]) -> Value {
    vm.new_tuple(items.iter().map(|s| Value::Obj(vm.intern(s))).collect())
}

/// Makes the classes, as `type(name, (base,), namespace)` does for a class statement.
fn make_classes(vm: &Vm) -> PyResult<AstState> {
    let mut classes: Vec<PyRef> = Vec::with_capacity(CLASSES.len());
    for (i, c) in CLASSES.iter().enumerate() {
        let mut ns = DictData::new();
        let _ = ns.set_str(vm.intern("__module__"), vm.new_str("ast"));
        let fields: Vec<&str> = c.fields.iter().map(|f| f.name).collect();
        let _ = ns.set_str(vm.intern("_fields"), str_tuple(vm, &fields));
        let _ = ns.set_str(vm.intern("__match_args__"), str_tuple(vm, &fields));
        if let Some(attrs) = c.attributes {
            let _ = ns.set_str(vm.intern("_attributes"), str_tuple(vm, attrs));
        }
        for name in c.none_defaults {
            let _ = ns.set_str(vm.intern(name), Value::None);
        }
        let doc = c.doc.map_or(Value::None, |d| vm.new_str(d));
        let _ = ns.set_str(vm.intern("__doc__"), doc);
        let ns = PyObject::new(vm.types.dict.clone(), Payload::Dict(RefCell::new(ns)));
        let base = match c.base {
            Some(b) => classes[b as usize].clone(),
            None => vm.types.object.clone(),
        };
        let cls = vm.call(
            &Value::Obj(vm.types.type_.clone()),
            &[
                vm.new_str(c.name),
                vm.new_tuple(vec![Value::Obj(base)]),
                Value::Obj(ns),
            ],
        )?;
        let Some(cls) = vm.is_type(&cls) else {
            return Err(vm.system_error("_ast: class creation failed"));
        };
        if i == N::Ast as usize {
            vm.add_methods(&cls, &[("__init__", ast_init), ("__reduce__", ast_reduce)]);
        }
        classes.push(cls);
    }
    let singletons = CLASSES
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let shared = matches!(
                c.base,
                Some(
                    N::ExprContextBase
                        | N::BoolopBase
                        | N::OperatorBase
                        | N::UnaryopBase
                        | N::CmpopBase
                )
            );
            shared.then(|| {
                Value::Obj(crate::builtins::object::new_instance(
                    vm,
                    &classes[i],
                    Payload::Object,
                ))
            })
        })
        .collect();
    Ok(AstState {
        classes,
        singletons,
    })
}

/// `AST.__init__(self, *args, **kwargs)`: positional arguments set the `_fields` in order,
/// keyword arguments set any attribute.
fn ast_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(this) = args.first() else {
        return Err(vm.type_error("descriptor '__init__' of 'ast.AST' object needs an argument"));
    };
    let npos = args.len() - kwnames.len() - 1;
    let cls = vm.type_value(this);
    let fields = vm.getattr_opt(&cls, "_fields")?;
    let numfields = match &fields {
        Some(f) => vm.len(f)?,
        None => 0,
    };
    let tp_name = type_data(vm.class_of(this)).name.borrow().clone();
    if npos > numfields {
        return Err(vm.type_error(format!(
            "{tp_name} constructor takes at most {numfields} positional argument{}",
            if numfields == 1 { "" } else { "s" }
        )));
    }
    let mut names: Vec<Value> = Vec::with_capacity(npos);
    if let Some(f) = &fields {
        for (i, v) in args[1..=npos].iter().enumerate() {
            let name = vm.getitem(f, &Value::from(i))?;
            set_named(vm, this, &name, v.clone())?;
            names.push(name);
        }
    }
    for (k, v) in kwnames.iter().zip(&args[npos + 1..]) {
        if let Some(f) = &fields
            && npos > 0
            && vm.contains(f, k)?
        {
            for n in &names {
                if vm.eq(n, k)? {
                    return Err(vm.type_error(format!(
                        "{tp_name} got multiple values for argument '{}'",
                        crate::str::as_str(k).unwrap_or("")
                    )));
                }
            }
        }
        set_named(vm, this, k, v.clone())?;
    }
    Ok(Value::None)
}

/// `setattr(obj, name, value)` with the check `setattr` makes on the name.
fn set_named(vm: &Vm, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
    match name {
        Value::Obj(n) if matches!(n.payload, Payload::Str(_)) => vm.setattr(obj, n, value),
        other => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(other)
        ))),
    }
}

/// `AST.__reduce__()`: `(type(self), (), self.__dict__)`, enough for copy and pickle.
fn ast_reduce(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::check_count(vm, "__reduce__", &args[1..], kwnames, 0, 0)?;
    let this = &args[0];
    let cls = vm.type_value(this);
    match vm.getattr_opt(this, "__dict__")? {
        Some(d) => Ok(vm.new_tuple(vec![cls, vm.new_tuple(Vec::new()), d])),
        None => Ok(vm.new_tuple(vec![cls, vm.new_tuple(Vec::new())])),
    }
}

/// Makes the `_ast` module.
pub fn module(vm: &Vm) -> PyResult<Value> {
    let st = state(vm)?;
    let m = vm.new_module("_ast");
    let d = vm.module_dict(&m);
    for (c, cls) in CLASSES.iter().zip(&st.classes) {
        vm.dict_set_str(&d, vm.intern(c.name), Value::Obj(cls.clone()))?;
    }
    for (name, v) in tables::FLAGS {
        vm.dict_set_str(&d, vm.intern(name), Value::Int(*v))?;
    }
    Ok(Value::Obj(m))
}

// ---- compile() ----

const ONLY_AST: i64 = 0x400;
/// Every flag `compile()` accepts: the `CO_FUTURE_*` features, the obsolete `CO_NESTED`, and
/// the `PyCF_*` compiler flags.
const ALLOWED_FLAGS: i64 = 0x1FE_0000 | 0x10 | 0x100 | 0x200 | 0x400 | 0x1000 | 0x2000 | 0x4000;

/// Whether `v` is an `ast.AST` instance.
pub fn is_ast(vm: &Vm, v: &Value) -> bool {
    existing_state(vm).is_some_and(|st| st.is_instance(vm, v, N::Ast))
}

/// `compile()` when a tree is involved: the source is an `ast` object, or the flags ask for
/// `PyCF_ONLY_AST`. `None` when neither: the caller compiles source text as usual.
pub fn compile(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Option<Value>> {
    let npos = args.len() - kwnames.len();
    let named = |pos: usize, name: &str| -> Option<&Value> {
        if pos < npos {
            return args.get(pos);
        }
        kwnames
            .iter()
            .position(|k| crate::str::as_str(k) == Some(name))
            .map(|i| &args[npos + i])
    };
    let source_is_ast = named(0, "source").is_some_and(|s| is_ast(vm, s));
    let only_ast = match named(3, "flags") {
        Some(f @ Value::Int(_)) => vm.index_i64(f)? & ONLY_AST != 0,
        _ => false,
    };
    if !source_is_ast && !only_ast {
        return Ok(None);
    }
    let (p, source, filename) = crate::interp::compile_args(vm, args, kwnames)?;
    let flags = match p.get(3) {
        Some(f) => vm.index_i64(f)?,
        None => 0,
    };
    if flags & !ALLOWED_FLAGS != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    let optimize = match p.get(5) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    if !(-1..=2).contains(&optimize) {
        return Err(vm.value_error("compile(): invalid optimize value"));
    }
    let mode = match p.get(2).and_then(crate::str::as_str).unwrap_or("") {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" if flags & ONLY_AST != 0 => Mode::FuncType,
        "func_type" => {
            return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"));
        }
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if source_is_ast {
        if flags & ONLY_AST != 0 {
            return Ok(Some(source));
        }
        let optimize = if optimize < 0 {
            vm.options.optimize as u32
        } else {
            optimize as u32
        };
        let future = (flags as u32) & 0x1FE_0000;
        return from_py::compile(vm, &source, &filename, mode, future, optimize).map(Some);
    }
    let text = match crate::str::as_str(&source) {
        Some(s) => s.to_string(),
        None => match crate::builtins::bytes::bytes_of(&source) {
            Some(b) => crate::interp::decode_source(vm, &b, &filename)?,
            None => {
                return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
            }
        },
    };
    if text.contains('\0') {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.syntax_error,
            "source code string cannot contain null bytes",
        ));
    }
    to_py::parse(vm, &text, &filename, mode).map(Some)
}

/// `compile()`'s mode, with the one only trees have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
    FuncType,
}
