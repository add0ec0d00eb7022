//! Code objects: every field CPython 3.11 marshals, plus the views it derives from them.
//! Counterpart: Objects/codeobject.c and Include/cpython/code.h (3.11).

use std::rc::Rc;

use crate::exceptiontable::{self, ExceptionTableEntry};
use crate::linetable::{self, LineRange, Position};
use crate::value::{PyStr, Value};

/// `co_flags` bits.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
    pub const FUTURE_DIVISION: u32 = 0x20000;
    pub const FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
    pub const FUTURE_WITH_STATEMENT: u32 = 0x80000;
    pub const FUTURE_PRINT_FUNCTION: u32 = 0x100000;
    pub const FUTURE_UNICODE_LITERALS: u32 = 0x200000;
    pub const FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
    pub const FUTURE_GENERATOR_STOP: u32 = 0x800000;
    pub const FUTURE_ANNOTATIONS: u32 = 0x1000000;
}

/// `co_localspluskinds` bits.
pub mod kinds {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A CPython 3.11 code object, field for field as marshal stores it (§4.3 of the digest).
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    /// The instruction stream: 16-bit code units, CACHE units zeroed.
    pub code: Rc<[u8]>,
    pub consts: Rc<[Value]>,
    pub names: Rc<[PyStr]>,
    /// One name per fast slot: locals, then cells, then free variables.
    pub localsplusnames: Rc<[PyStr]>,
    /// One `kinds::*` byte per fast slot.
    pub localspluskinds: Rc<[u8]>,
    pub filename: PyStr,
    pub name: PyStr,
    pub qualname: PyStr,
    pub firstlineno: i32,
    /// PEP 657 location table (`linetable.rs`).
    pub linetable: Rc<[u8]>,
    /// Exception table (`exceptiontable.rs`); empty when the code has no handlers.
    pub exceptiontable: Rc<[u8]>,
}

/// `_imp._fix_co_filename`: the code object (and every code object among its constants)
/// with `co_filename` replaced, when it differs (a pyc moved with its source).
pub fn with_filename(co: &Rc<CodeObject>, filename: &str) -> Rc<CodeObject> {
    if co.filename.as_str() == Some(filename) {
        return co.clone();
    }
    let mut new = (**co).clone();
    new.filename = PyStr::interned(filename);
    new.consts = co
        .consts
        .iter()
        .map(|c| match c {
            Value::Code(inner) => Value::Code(with_filename(inner, filename)),
            other => other.clone(),
        })
        .collect();
    Rc::new(new)
}

/// Why a set of fields does not make a valid code object (what `_PyCode_Validate` rejects).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// CPython: `SystemError: bad argument to internal function` (raised from marshal).
    BadArgument(&'static str),
    /// `ValueError: code: co_code is malformed`.
    MalformedCode,
    /// `ValueError: code: co_varnames is too small`.
    VarnamesTooSmall,
}

impl std::fmt::Display for CodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodeError::BadArgument(what) => write!(f, "bad argument to internal function ({what})"),
            CodeError::MalformedCode => f.write_str("code: co_code is malformed"),
            CodeError::VarnamesTooSmall => f.write_str("code: co_varnames is too small"),
        }
    }
}

impl CodeObject {
    /// The checks CPython makes when it builds a code object from marshal data.
    pub fn validate(&self) -> Result<(), CodeError> {
        if self.argcount < self.posonlyargcount {
            return Err(CodeError::BadArgument("co_posonlyargcount > co_argcount"));
        }
        if self.localsplusnames.len() != self.localspluskinds.len() {
            return Err(CodeError::BadArgument(
                "localsplus names and kinds differ in length",
            ));
        }
        if !self.code.len().is_multiple_of(2) {
            return Err(CodeError::MalformedCode);
        }
        let mut params = self.argcount as usize + self.kwonlyargcount as usize;
        if self.flags & flags::VARARGS != 0 {
            params += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            params += 1;
        }
        if self.nlocals() < params {
            return Err(CodeError::VarnamesTooSmall);
        }
        Ok(())
    }

    fn names_of_kind(&self, kind: u8) -> Vec<PyStr> {
        self.localsplusnames
            .iter()
            .zip(self.localspluskinds.iter())
            .filter(|(_, k)| **k & kind != 0)
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// `co_varnames`: the LOCAL slots (parameters first).
    pub fn varnames(&self) -> Vec<PyStr> {
        self.names_of_kind(kinds::LOCAL)
    }

    /// `co_cellvars`: the CELL slots (including captured parameters, kind 0x60).
    pub fn cellvars(&self) -> Vec<PyStr> {
        self.names_of_kind(kinds::CELL)
    }

    /// `co_freevars`: the FREE slots, in `__closure__` order.
    pub fn freevars(&self) -> Vec<PyStr> {
        self.names_of_kind(kinds::FREE)
    }

    /// `co_nlocals`: the number of LOCAL slots.
    pub fn nlocals(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|k| **k & kinds::LOCAL != 0)
            .count()
    }

    /// Number of code units in `co_code`.
    pub fn code_units(&self) -> usize {
        self.code.len() / 2
    }

    /// `co_positions()`: one position per code unit (caches included), from the line table.
    pub fn positions(&self) -> Vec<Position> {
        linetable::decode_positions(&self.linetable, self.firstlineno)
    }

    /// `co_lines()`: one `(start, end, line)` byte range per line-table entry.
    pub fn lines(&self) -> Vec<LineRange> {
        linetable::decode_lines(&self.linetable, self.firstlineno)
    }

    /// The decoded exception table (offsets in code units).
    pub fn exception_entries(&self) -> Vec<ExceptionTableEntry> {
        exceptiontable::decode(&self.exceptiontable)
    }

    /// Nested code objects among the constants, in order.
    pub fn nested_code(&self) -> impl Iterator<Item = &Rc<CodeObject>> {
        self.consts.iter().filter_map(Value::as_code)
    }
}
