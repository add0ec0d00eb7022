//! rpy-vm: objects, the eval loop, the import system and native modules.
//!
//! Data flow: a `rpy_marshal::CodeObject` (from our compiler or a pyc) is translated once by
//! `code::translate` into a `code::Code`; `Vm::run_code` puts it in a `frame::Frame` on the
//! VM's frame stack and `eval` runs it. Objects are `value::Value`s: immediates for small
//! ints, floats, bools and None, `Rc<object::PyObject>` for the rest.

pub mod alloc;
pub mod builtins;
pub mod call;
pub mod code;
pub mod dict;
pub mod eval;
pub mod exceptions;
pub mod frame;
pub mod gc;
pub mod generator;
pub mod import;
pub mod inline_cache;
pub mod interp;
pub mod object;
mod ops;
pub mod protocol;
pub mod pycache;
pub mod set;
pub mod signals;
mod stack_check;
pub mod str;
pub mod traceback;
pub mod types;
pub mod value;
pub mod vm;

pub use value::{PyRef, Value};
pub use vm::{Options, PyErr, PyResult, Vm};
