//! The boundary between rpy-text's typed errors and Python exceptions: each error's `kind()`
//! picks the exception class and its `Display` is CPython's message.
//! Counterpart: the `PyErr_SetString` calls behind Python/formatter_unicode.c,
//! Objects/unicodeobject.c, Objects/longobject.c and Objects/floatobject.c (3.11).

use rpy_text::format::printf::PrintfError;
use rpy_text::format::{ErrorKind, FormatError, fieldname::FieldError};
use rpy_text::numbers::{ExcKind, FloatParseError, IntParseError, NumError};
use rpy_text::strings::StrError;

use crate::value::PyRef;
use crate::vm::{PyErr, Vm};

/// Turns a typed text or number error into the Python exception CPython raises for it.
pub trait ToPyErr {
    fn to_py(&self, vm: &Vm) -> PyErr;
}

fn format_class(vm: &Vm, kind: ErrorKind) -> &PyRef {
    let e = &vm.types.exceptions;
    match kind {
        ErrorKind::ValueError => &e.value_error,
        ErrorKind::TypeError => &e.type_error,
        ErrorKind::IndexError => &e.index_error,
        ErrorKind::OverflowError => &e.overflow_error,
        ErrorKind::MemoryError => &e.memory_error,
    }
}

fn num_class(vm: &Vm, kind: ExcKind) -> &PyRef {
    let e = &vm.types.exceptions;
    match kind {
        ExcKind::ValueError => &e.value_error,
        ExcKind::OverflowError => &e.overflow_error,
        ExcKind::ZeroDivisionError => &e.zero_division_error,
        ExcKind::MemoryError => &e.memory_error,
    }
}

/// An exception of class `t` whose message is `msg`; a `MemoryError` has no arguments.
fn raise(vm: &Vm, t: &PyRef, msg: String) -> PyErr {
    if std::rc::Rc::ptr_eq(t, &vm.types.exceptions.memory_error) {
        return vm.new_exception(t, vec![]);
    }
    vm.new_exception_msg(t, &msg)
}

impl ToPyErr for FormatError {
    fn to_py(&self, vm: &Vm) -> PyErr {
        raise(vm, format_class(vm, self.kind()), self.to_string())
    }
}

impl ToPyErr for PrintfError {
    fn to_py(&self, vm: &Vm) -> PyErr {
        raise(vm, format_class(vm, self.kind()), self.to_string())
    }
}

impl ToPyErr for FieldError {
    fn to_py(&self, vm: &Vm) -> PyErr {
        raise(vm, format_class(vm, self.kind()), self.to_string())
    }
}

impl ToPyErr for NumError {
    fn to_py(&self, vm: &Vm) -> PyErr {
        raise(vm, num_class(vm, self.kind()), self.to_string())
    }
}

impl ToPyErr for IntParseError {
    fn to_py(&self, vm: &Vm) -> PyErr {
        raise(vm, num_class(vm, self.kind()), self.to_string())
    }
}

impl ToPyErr for FloatParseError {
    fn to_py(&self, vm: &Vm) -> PyErr {
        raise(vm, num_class(vm, self.kind()), self.to_string())
    }
}

impl ToPyErr for StrError {
    fn to_py(&self, vm: &Vm) -> PyErr {
        raise(vm, num_class(vm, self.kind()), self.to_string())
    }
}
