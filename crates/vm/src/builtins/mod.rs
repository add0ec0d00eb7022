//! The built-in types (one file each, with their methods) and the `builtins`, `sys` and
//! `gc` modules.
//! Counterpart: Objects/*object.c and Python/bltinmodule.c, Python/sysmodule.c (3.11).

pub mod asyncgen;
pub mod boot;
pub mod bytearray;
pub mod bytes;
pub mod cell;
pub mod codecs;
pub mod complex;
pub mod dict;
pub mod exc_group;
pub mod exceptions;
pub mod float;
pub mod format;
pub mod frame;
pub mod function;
pub mod function_type;
pub mod functions;
pub mod int;
pub mod iterators;
pub mod list;
pub mod math;
pub mod memoryview;
pub mod misc;
pub mod module;
pub mod native_modules;
pub mod number_fast;
pub mod object;
pub mod posix;
pub mod set;
pub mod str;
pub mod sys;
pub mod text_err;
pub mod tuple;
pub mod type_;
