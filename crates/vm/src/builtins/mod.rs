//! The built-in types (one file each, with their methods) and the `builtins`, `sys` and
//! `gc` modules.
//! Counterpart: Objects/*object.c and Python/bltinmodule.c, Python/sysmodule.c (3.11).

/// The six rich-comparison methods of a native type, each calling `$compare(vm, args, op)`:
/// `cmp_methods!(compare: lt_fn => CmpOp::Lt; …)`.
macro_rules! cmp_methods {
    ($compare:path: $($name:ident => $op:expr;)*) => {
        $(
            fn $name(
                vm: &crate::vm::Vm,
                args: &[crate::value::Value],
                _kw: &[crate::value::Value],
            ) -> crate::vm::PyResult<crate::value::Value> {
                $compare(vm, args, $op)
            }
        )*
    };
}
pub(crate) use cmp_methods;

pub mod array;
pub mod ast;
pub mod asyncgen;
pub mod atexit;
pub mod binascii;
pub mod boot;
pub mod bytearray;
pub mod bytes;
pub mod cell;
pub mod cmath;
pub mod code_type;
pub mod codecs;
pub mod codecs_module;
pub mod collections;
pub mod complex;
pub mod contextvars;
pub mod dict;
pub mod errno;
pub mod exc_group;
pub mod exceptions;
pub mod float;
pub mod format;
pub mod frame;
pub mod function;
pub mod function_type;
pub mod functions;
pub mod functools;
pub mod hashes;
pub mod imp;
pub mod int;
pub mod io;
pub mod iterators;
pub mod itertools;
pub mod list;
pub mod locale_module;
pub mod marshal_module;
pub mod math;
pub mod memoryview;
pub mod misc;
pub mod module;
pub mod native_modules;
pub mod number_fast;
pub mod object;
pub mod opcode_module;
pub mod operator_module;
pub mod oscall;
pub mod posix;
pub mod posixsubprocess;
pub mod random_module;
pub mod select_module;
pub mod set;
pub mod signal_module;
pub mod socket_module;
pub mod sre;
pub mod stat;
pub mod str;
pub mod string_module;
pub mod struct_module;
pub mod sys;
pub mod text_err;
pub mod thread;
pub mod time;
pub mod tuple;
pub mod type_;
pub mod unicodedata;
pub mod weakref;
pub mod zlib;
