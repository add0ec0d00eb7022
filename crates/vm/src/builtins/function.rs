//! Function objects (Python and native), method descriptors, getset descriptors, and the
//! argument parser native functions use.
//! Counterpart: Objects/funcobject.c, Objects/methodobject.c, Objects/descrobject.c,
//! Python/getargs.c (3.11).

use std::cell::RefCell;
use std::rc::Rc;

use crate::code::Code;
use crate::object::{Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// A native function: `args` holds the positional arguments then the keyword values, whose
/// names (str values) are `kwnames`. For methods, `args[0]` is `self`.
pub type NativeFn = fn(&Vm, &[Value], &[Value]) -> PyResult<Value>;
pub type Getter = fn(&Vm, &Value) -> PyResult<Value>;
/// Setter; `None` deletes.
pub type Setter = fn(&Vm, &Value, Option<Value>) -> PyResult<()>;

pub struct FunctionData {
    pub code: RefCell<Rc<Code>>,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub defaults: RefCell<Value>,
    pub kwdefaults: RefCell<Value>,
    pub closure: Option<PyRef>,
    pub doc: RefCell<Value>,
    pub annotations: RefCell<Value>,
    pub module: RefCell<Value>,
}

pub struct BuiltinFn {
    pub name: &'static str,
    pub func: NativeFn,
    /// Positional arguments accepted (after `self`), checked before the call: (min, max);
    /// `UNCHECKED` leaves it to the function.
    pub arity: (u8, u8),
    /// The bound `self` (or the module, for module functions: CPython's `__self__`).
    pub self_: Option<Value>,
    /// Class name for `__qualname__` of bound methods of built-in types.
    pub owner: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MethodKind {
    Instance,
    Class,
    Static,
}

pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub arity: (u8, u8),
    pub kind: MethodKind,
    /// The defining class's name (for messages and reprs).
    pub owner: &'static str,
    pub owner_type: std::rc::Weak<PyObject>,
}

pub struct GetSetDef {
    pub name: &'static str,
    pub get: Getter,
    pub set: Option<Setter>,
    pub owner: std::borrow::Cow<'static, str>,
}

impl Vm {
    /// A module-level native function object.
    pub fn new_builtin_function(&self, name: &'static str, func: NativeFn) -> Value {
        Value::Obj(PyObject::new(
            self.types.builtin_function.clone(),
            Payload::BuiltinFunction(BuiltinFn {
                name,
                func,
                arity: UNCHECKED,
                self_: None,
                owner: None,
            }),
        ))
    }

    /// Adds native methods to a built-in type.
    pub fn add_methods(&self, t: &PyRef, methods: &[(&'static str, NativeFn)]) {
        self.add_methods_kind(t, methods, MethodKind::Instance);
    }

    pub fn add_methods_kind(
        &self,
        t: &PyRef,
        methods: &[(&'static str, NativeFn)],
        kind: MethodKind,
    ) {
        let td = crate::types::type_data(t);
        let owner: &'static str = Box::leak(td.name.borrow().clone().into_boxed_str());
        let mut d = td.dict_mut();
        for &(name, func) in methods {
            let class = if is_slot_wrapper(name) && kind == MethodKind::Instance {
                self.types.other("wrapper_descriptor")
            } else {
                self.types.method_descriptor.clone()
            };
            let m = PyObject::new(
                class,
                Payload::MethodDescriptor(Box::new(MethodDef {
                    name,
                    func,
                    arity: dunder_arity(name),
                    kind,
                    owner,
                    owner_type: Rc::downgrade(t),
                })),
            );
            let m = match kind {
                MethodKind::Static => PyObject::new(
                    self.types.staticmethod.clone(),
                    Payload::StaticMethod(RefCell::new(Value::Obj(PyObject::new(
                        self.types.builtin_function.clone(),
                        Payload::BuiltinFunction(BuiltinFn {
                            name,
                            func,
                            arity: dunder_arity(name),
                            self_: None,
                            owner: Some(owner),
                        }),
                    )))),
                ),
                _ => m,
            };
            let _ = d.set_str(self.intern(name), Value::Obj(m));
        }
    }

    /// Adds getset descriptors (computed attributes) to a built-in type.
    pub fn add_getsets(&self, t: &PyRef, getsets: &[(&'static str, Getter, Option<Setter>)]) {
        let td = crate::types::type_data(t);
        let owner: &'static str = Box::leak(td.name.borrow().clone().into_boxed_str());
        let mut d = td.dict_mut();
        for &(name, get, set) in getsets {
            let g = PyObject::new(
                self.types.getset_descriptor.clone(),
                Payload::GetSet(Box::new(GetSetDef {
                    name,
                    get,
                    set,
                    owner: owner.into(),
                })),
            );
            let _ = d.set_str(self.intern(name), Value::Obj(g));
        }
    }

    /// Sets a plain attribute of a built-in type.
    pub fn add_attr(&self, t: &PyRef, name: &str, v: Value) {
        let td = crate::types::type_data(t);
        let _ = td.dict_mut().set_str(self.intern(name), v);
    }
}

/// Parsed arguments of a native function, by parameter position.
pub struct Parsed(pub Vec<Option<Value>>);

impl Parsed {
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.0.get(i).and_then(|v| v.as_ref())
    }

    pub fn take(&mut self, i: usize) -> Option<Value> {
        self.0.get_mut(i).and_then(|v| v.take())
    }
}

/// Binds native-call arguments to named parameters (`PyArg_ParseTupleAndKeywords`).
///
/// `params` are the parameter names; the first `posonly` are positional-only, those from
/// `kwonly_from` on are keyword-only; the first `required` must be given. Messages follow
/// CPython's for built-in functions (`fname` is e.g. "sorted" or "str.split").
#[expect(
    clippy::too_many_arguments,
    reason = "the parameter spec is spelled out at each call site"
)]
pub fn parse_args(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    params: &[&str],
    posonly: usize,
    kwonly_from: usize,
    required: usize,
) -> PyResult<Parsed> {
    let npos = args.len() - kwnames.len();
    let mut out: Vec<Option<Value>> = vec![None; params.len()];
    let max_pos = kwonly_from.min(params.len());
    if npos > max_pos {
        return Err(vm.type_error(if max_pos == required {
            format!(
                "{fname}() takes exactly {max_pos} argument{} ({npos} given)",
                if max_pos == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname}() takes at most {max_pos} argument{} ({npos} given)",
                if max_pos == 1 { "" } else { "s" }
            )
        }));
    }
    for (i, a) in args[..npos].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let name = crate::str::as_str(k).unwrap_or("");
        match params.iter().position(|p| *p == name) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {fname}() given by name ('{name}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            _ => {
                return Err(vm.type_error(format!(
                    "'{name}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    for (i, p) in params.iter().enumerate().take(required) {
        if out[i].is_none() {
            // As `_PyArg_UnpackKeywords`: a count only for positional-only parameters.
            if i < posonly {
                return Err(vm.type_error(format!(
                    "{fname}() takes at least {required} argument{} ({npos} given)",
                    if required == 1 { "" } else { "s" }
                )));
            }
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{p}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(Parsed(out))
}

/// Checks that a native function got no keyword arguments. `fname` is formatted only for the
/// error (`format_args!` keeps a qualified name from costing a `String` per call).
pub fn no_kwargs(vm: &Vm, fname: impl std::fmt::Display, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{fname}() takes no keyword arguments")))
    }
}

/// Checks the positional argument count of a native function without keywords.
pub fn check_count(
    vm: &Vm,
    fname: impl std::fmt::Display,
    args: &[Value],
    kwnames: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_kwargs(vm, &fname, kwnames)?;
    let n = args.len();
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{fname}() takes no arguments ({n} given)"),
                1 => format!("{fname}() takes exactly one argument ({n} given)"),
                _ => format!("{fname} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

pub fn function_data(v: &Value) -> Option<&FunctionData> {
    match v.payload() {
        Some(Payload::Function(f)) => Some(f),
        _ => None,
    }
}

/// Whether CPython exposes the special method `name` as a slot wrapper (rather than a plain
/// method descriptor).
pub fn is_slot_wrapper(name: &str) -> bool {
    dunder_arity(name) != UNCHECKED || matches!(name, "__init__" | "__call__")
}

/// No arity check before the call.
pub const UNCHECKED: (u8, u8) = (0, u8::MAX);

/// The arguments (after `self`) a special method takes, as CPython's slot wrappers check
/// them; other methods check their own arguments.
pub fn dunder_arity(name: &str) -> (u8, u8) {
    match name {
        "__repr__" | "__str__" | "__hash__" | "__len__" | "__iter__" | "__next__" | "__bool__"
        | "__neg__" | "__pos__" | "__abs__" | "__invert__" | "__int__" | "__float__"
        | "__index__" | "__reversed__" | "__await__" | "__aiter__" | "__anext__" | "__sizeof__"
        | "__getnewargs__" | "__length_hint__" => (0, 0),
        "__getitem__" | "__delitem__" | "__contains__" | "__eq__" | "__ne__" | "__lt__"
        | "__le__" | "__gt__" | "__ge__" | "__getattribute__" | "__getattr__" | "__delattr__"
        | "__format__" | "__add__" | "__radd__" | "__iadd__" | "__sub__" | "__rsub__"
        | "__isub__" | "__mul__" | "__rmul__" | "__imul__" | "__truediv__" | "__rtruediv__"
        | "__itruediv__" | "__floordiv__" | "__rfloordiv__" | "__ifloordiv__" | "__mod__"
        | "__rmod__" | "__imod__" | "__divmod__" | "__rdivmod__" | "__lshift__" | "__rlshift__"
        | "__ilshift__" | "__rshift__" | "__rrshift__" | "__irshift__" | "__and__" | "__rand__"
        | "__iand__" | "__or__" | "__ror__" | "__ior__" | "__xor__" | "__rxor__" | "__ixor__"
        | "__matmul__" | "__rmatmul__" | "__imatmul__" | "__delete__" | "__instancecheck__"
        | "__subclasscheck__" => (1, 1),
        "__pow__" | "__rpow__" | "__ipow__" => (1, 2),
        "__setitem__" | "__setattr__" | "__set__" => (2, 2),
        "__get__" => (1, 2),
        _ => UNCHECKED,
    }
}

/// CPython's message for a method called with the wrong number of positional arguments:
/// `list.copy() takes no arguments (1 given)` and `list.append() takes exactly one argument
/// (0 given)` for its METH_NOARGS and METH_O methods, `insert expected 2 arguments, got 0`
/// and the like for the others.
pub fn arity_error(
    vm: &Vm,
    name: &str,
    owner: Option<&str>,
    arity: (u8, u8),
    given: usize,
) -> crate::vm::PyErr {
    let (min, max) = (arity.0 as usize, arity.1 as usize);
    let qual = || match owner {
        Some(o) => format!("{o}.{name}"),
        None => name.to_string(),
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    // Special methods that are slot wrappers in CPython check their count with a message
    // that names nothing.
    let slot_wrapper = is_slot_wrapper(name)
        && !(matches!(
            name,
            "__format__"
                | "__reversed__"
                | "__sizeof__"
                | "__getnewargs__"
                | "__instancecheck__"
                | "__subclasscheck__"
        ) || matches!(
            (owner.unwrap_or(""), name),
            ("list" | "dict", "__getitem__") | ("dict" | "set" | "frozenset", "__contains__")
        ));
    if slot_wrapper && min == max {
        return vm.type_error(format!(
            "expected {min} argument{}, got {given}",
            plural(min)
        ));
    }
    // (And, for a range, with an empty name: " expected at least 1 argument, got 0".)
    let name = if slot_wrapper { "" } else { name };
    vm.type_error(match (min, max) {
        (0, 0) => format!("{}() takes no arguments ({given} given)", qual()),
        (1, 1) => format!("{}() takes exactly one argument ({given} given)", qual()),
        _ if min == max => format!("{name} expected {min} argument{}, got {given}", plural(min)),
        _ if given < min => format!(
            "{name} expected at least {min} argument{}, got {given}",
            plural(min)
        ),
        _ => format!(
            "{name} expected at most {max} argument{}, got {given}",
            plural(max)
        ),
    })
}
