//! rpy-marshal: the CPython 3.11 bytecode format, with no dependency on the rest of rpy.
//!
//! - `opcode`: the 3.11 opcode table (generated under python3.11);
//! - `code`: `CodeObject` and its derived views;
//! - `marshal`: the version-4 reader and writer over `value::Value`;
//! - `pyc`: the PEP 552 header and whole-file read/write;
//! - `linetable`, `exceptiontable`: the two table codecs;
//! - `dis`: a disassembler printing what `dis.dis` prints;
//! - `repr`, `pyhash`, `siphash`: CPython's `repr`, `hash` and SipHash-1-3 for those values.

pub mod code;
pub mod dis;
pub mod exceptiontable;
pub mod linetable;
pub mod marshal;
pub mod opcode;
#[rustfmt::skip]
mod opcode_table;
pub mod pyc;
pub mod pyhash;
pub mod repr;
pub mod siphash;
mod stack;
#[rustfmt::skip]
mod unicode_printable;
pub mod value;

pub use code::CodeObject;
pub use marshal::{MarshalError, dumps, loads};
pub use opcode::Opcode;
pub use pyc::{Pyc, PycError, PycHeader, read_pyc, write_pyc};
pub use value::{PyStr, Value};
