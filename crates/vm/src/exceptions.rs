//! Exception objects: their state, the built-in hierarchy, and the helpers that raise them.
//! Counterpart: Objects/exceptions.c and Python/errors.c (3.11).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::dict::DictData;
use crate::object::{Payload, PyObject, TracebackData};
use crate::types::{Layout, TypeKind, flags};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// `PyBaseExceptionObject` minus the dict (which is the object's own).
pub struct ExcData {
    pub args: RefCell<Value>,
    pub traceback: RefCell<Value>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
}

impl ExcData {
    pub fn new(args: Value) -> ExcData {
        ExcData {
            args: RefCell::new(args),
            traceback: RefCell::new(Value::None),
            cause: RefCell::new(Value::None),
            context: RefCell::new(Value::None),
            suppress_context: Cell::new(false),
        }
    }
}

pub fn exc_data(e: &PyRef) -> Option<&ExcData> {
    match &e.payload {
        Payload::Exception(d) => Some(d),
        _ => None,
    }
}

macro_rules! exception_types {
    ($( $field:ident : $name:literal < $base:ident ),* $(,)?) => {
        /// The built-in exception classes.
        pub struct ExcTypes {
            pub base_exception: PyRef,
            $( pub $field: PyRef, )*
            /// (name, class) for every built-in exception, in definition order.
            pub all: Vec<(&'static str, PyRef)>,
        }

        impl ExcTypes {
            pub(crate) fn build(type_type: &PyRef, object: &PyRef, dict_type: &PyRef) -> ExcTypes {
                let base_exception = new_exc_type(type_type, dict_type, "BaseException", object);
                let mut all = vec![("BaseException", base_exception.clone())];
                $(
                    let $field = new_exc_type(type_type, dict_type, $name, &exception_types!(@base base_exception, $base));
                    all.push(($name, $field.clone()));
                )*
                ExcTypes { base_exception, $( $field, )* all }
            }
        }
    };
    (@base $be:ident, base_exception) => { $be.clone() };
    (@base $be:ident, $base:ident) => { $base.clone() };
}

exception_types! {
    base_exception_group: "BaseExceptionGroup" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    system_exit: "SystemExit" < base_exception,
    exception: "Exception" < base_exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    exception_group: "ExceptionGroup" < base_exception_group,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    stop_async_iteration: "StopAsyncIteration" < exception,
    stop_iteration: "StopIteration" < exception,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    warning: "Warning" < exception,
    bytes_warning: "BytesWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
    future_warning: "FutureWarning" < warning,
    import_warning: "ImportWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    user_warning: "UserWarning" < warning,
}

fn new_exc_type(type_type: &PyRef, dict_type: &PyRef, name: &str, base: &PyRef) -> PyRef {
    let t = crate::types::new_type_in(
        type_type,
        dict_type,
        name,
        vec![base.clone()],
        DictData::new(),
        TypeKind::Exception,
        Layout::Exception,
        flags::HAS_DICT | flags::BASETYPE | flags::BASE_EXC_SUBCLASS,
    );
    let mut mro = vec![t.clone()];
    mro.extend(crate::types::type_data(base).mro.borrow().iter().cloned());
    crate::types::type_data(&t).set_mro(mro);
    t
}

impl Vm {
    /// A new instance of the exception class `t` with the given args (no `__init__` call:
    /// for built-in classes raised by the VM itself).
    pub fn new_exception(&self, t: &PyRef, args: Vec<Value>) -> PyRef {
        let args = self.new_tuple(args);
        PyObject::new(t.clone(), Payload::Exception(Box::new(ExcData::new(args))))
    }

    /// The OSError (or errno subclass) CPython raises for a failed system call on `path`.
    pub fn os_error_from_io(&self, e: &std::io::Error, path: &std::path::Path) -> PyRef {
        let errno = e.raw_os_error().unwrap_or(0) as i64;
        let args = vec![
            Value::Int(errno),
            self.new_string(strerror(errno as i32)),
            self.new_string(path.to_string_lossy().to_string()),
        ];
        match self.call(&Value::Obj(self.types.exceptions.os_error.clone()), &args) {
            Ok(Value::Obj(o)) => o,
            _ => self.new_exception(&self.types.exceptions.os_error, args),
        }
    }

    pub fn new_exception_msg(&self, t: &PyRef, msg: &str) -> PyRef {
        self.new_exception(t, vec![self.new_str(msg)])
    }

    pub fn type_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.types.exceptions.type_error, msg.as_ref())
    }

    pub fn value_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.types.exceptions.value_error, msg.as_ref())
    }

    pub fn index_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.types.exceptions.index_error, msg.as_ref())
    }

    pub fn key_error(&self, key: Value) -> PyErr {
        self.new_exception(&self.types.exceptions.key_error, vec![key])
    }

    pub fn attribute_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.types.exceptions.attribute_error, msg.as_ref())
    }

    pub fn overflow_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.types.exceptions.overflow_error, msg.as_ref())
    }

    pub fn zero_division_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.types.exceptions.zero_division_error, msg.as_ref())
    }

    pub fn runtime_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.types.exceptions.runtime_error, msg.as_ref())
    }

    pub fn system_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception_msg(&self.types.exceptions.system_error, msg.as_ref())
    }

    pub fn name_error(&self, name: &str) -> PyErr {
        let e = self.new_exception_msg(
            &self.types.exceptions.name_error,
            &format!("name '{name}' is not defined"),
        );
        let _ = self.set_attr_in_dict(&e, "name", self.new_str(name));
        e
    }

    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let args = if value.is_none() {
            vec![]
        } else {
            vec![value.clone()]
        };
        let e = self.new_exception(&self.types.exceptions.stop_iteration, args);
        let _ = self.set_attr_in_dict(&e, "value", value);
        e
    }

    /// Whether `e` is an instance of the exception class `t`.
    pub fn exc_matches(&self, e: &PyRef, t: &PyRef) -> bool {
        crate::types::is_subtype(e.class(), t)
    }

    /// Stores `value` under `name` in the object's instance dict, creating the dict.
    pub fn set_attr_in_dict(&self, o: &PyRef, name: &str, value: Value) -> PyResult<()> {
        let d = self.instance_dict(o);
        if let Payload::Dict(d) = &d.payload {
            let old = d.borrow_mut().set_str(self.intern(name), value);
            drop(old);
        }
        Ok(())
    }

    /// The object's `__dict__`, created on first use.
    pub fn instance_dict(&self, o: &PyRef) -> PyRef {
        if let Payload::Module(m) = &o.payload {
            return m.dict.clone();
        }
        if let Some(d) = o.dict.borrow().as_ref() {
            return d.clone();
        }
        let d = crate::builtins::dict::new_dict();
        *o.dict.borrow_mut() = Some(d.clone());
        d
    }
}

/// Prepends a traceback entry for `frame` to the exception's `__traceback__`.
pub fn push_traceback(vm: &Vm, exc: &PyRef, frame: PyRef, lasti: u32, lineno: Option<i32>) {
    let Some(d) = exc_data(exc) else { return };
    let next = match &*d.traceback.borrow() {
        Value::Obj(t) => Some(t.clone()),
        _ => None,
    };
    let tb = PyObject::new(
        vm.types.traceback.clone(),
        Payload::Traceback(TracebackData {
            next: RefCell::new(next),
            frame,
            lasti,
            lineno,
        }),
    );
    *d.traceback.borrow_mut() = Value::Obj(tb);
}

/// Sets `exc.__context__ = ctx`, first cutting any cycle the new link would close (as
/// `_PyErr_SetObject` does).
pub fn set_context_checked(exc: &PyRef, ctx: PyRef) {
    let Some(d) = exc_data(exc) else { return };
    // Walk ctx's context chain; if it reaches exc, cut it there.
    let mut o = ctx.clone();
    let mut steps = 0;
    while let Some(od) = exc_data(&o) {
        let next = od.context.borrow().clone();
        match next {
            Value::Obj(n) => {
                if Rc::ptr_eq(&n, exc) {
                    *od.context.borrow_mut() = Value::None;
                    break;
                }
                o = n;
            }
            _ => break,
        }
        steps += 1;
        if steps > 100_000 {
            break;
        }
    }
    *d.context.borrow_mut() = Value::Obj(ctx);
}

/// The C library's message for an errno value (`os.strerror`).
pub fn strerror(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    // Rust appends " (os error N)" to the C library's text.
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
