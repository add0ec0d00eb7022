//! marshal, version 4 and earlier: the serialization of code objects inside a `.pyc`.
//! Counterpart: Python/marshal.c (3.11). Format: digest §4.

mod read;
mod write;

pub use read::{Reader, loads};
pub use write::{Writer, dumps};

/// The newest marshal version, the one `.pyc` files use.
pub const VERSION: u32 = 4;

/// CPython's `MAX_MARSHAL_STACK_DEPTH`: nesting deeper than this is refused on both sides.
pub const MAX_DEPTH: usize = 2000;

/// Type codes (low 7 bits of a type byte).
pub mod types {
    pub const NULL: u8 = b'0';
    pub const NONE: u8 = b'N';
    pub const FALSE: u8 = b'F';
    pub const TRUE: u8 = b'T';
    pub const STOPITER: u8 = b'S';
    pub const ELLIPSIS: u8 = b'.';
    pub const INT: u8 = b'i';
    /// Legacy 64-bit int: read, never written.
    pub const INT64: u8 = b'I';
    pub const FLOAT: u8 = b'f';
    pub const BINARY_FLOAT: u8 = b'g';
    pub const COMPLEX: u8 = b'x';
    pub const BINARY_COMPLEX: u8 = b'y';
    pub const LONG: u8 = b'l';
    pub const STRING: u8 = b's';
    pub const INTERNED: u8 = b't';
    pub const REF: u8 = b'r';
    pub const TUPLE: u8 = b'(';
    pub const LIST: u8 = b'[';
    pub const DICT: u8 = b'{';
    pub const CODE: u8 = b'c';
    pub const UNICODE: u8 = b'u';
    pub const SET: u8 = b'<';
    pub const FROZENSET: u8 = b'>';
    pub const ASCII: u8 = b'a';
    pub const ASCII_INTERNED: u8 = b'A';
    pub const SMALL_TUPLE: u8 = b')';
    pub const SHORT_ASCII: u8 = b'z';
    pub const SHORT_ASCII_INTERNED: u8 = b'Z';
    /// Bit 7 of a type byte: register the object for later `r` references.
    pub const FLAG_REF: u8 = 0x80;
}

/// What went wrong reading marshal data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The data ended inside an object (`EOFError`).
    Eof,
    /// A type byte marshal does not know (`ValueError`).
    UnknownType(u8),
    /// An `r` index that names no registered object (`ValueError`).
    InvalidReference(u32),
    /// A 15-bit long digit ≥ 2**15 (`ValueError`).
    DigitOutOfRange,
    /// A long whose top digit is zero (`ValueError`).
    UnnormalizedLong,
    /// A negative or oversized count (`ValueError`); names what was being sized.
    SizeOutOfRange(&'static str),
    /// A NULL where an object was expected (`TypeError`).
    NullObject(&'static str),
    /// Nesting deeper than `MAX_DEPTH` (`ValueError`).
    RecursionLimit,
    /// A str whose bytes are not UTF-8 even with surrogatepass (`UnicodeDecodeError`).
    BadUtf8,
    /// A text float that does not parse (`ValueError`).
    BadFloat,
    /// A code object with fields of the wrong type or values CPython rejects.
    BadCode(String),
}

/// A marshal read error, with the byte offset where the offending object starts or the data ran out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarshalError {
    pub offset: usize,
    pub kind: ErrorKind,
}

impl MarshalError {
    /// The Python exception CPython raises for this error: `(type name, message)`.
    pub fn python_exception(&self) -> (&'static str, String) {
        match &self.kind {
            ErrorKind::Eof => ("EOFError", "marshal data too short".into()),
            ErrorKind::UnknownType(_) => {
                ("ValueError", "bad marshal data (unknown type code)".into())
            }
            ErrorKind::InvalidReference(_) => {
                ("ValueError", "bad marshal data (invalid reference)".into())
            }
            ErrorKind::DigitOutOfRange => (
                "ValueError",
                "bad marshal data (digit out of range in long)".into(),
            ),
            ErrorKind::UnnormalizedLong => (
                "ValueError",
                "bad marshal data (unnormalized long data)".into(),
            ),
            ErrorKind::SizeOutOfRange(what) => (
                "ValueError",
                format!("bad marshal data ({what} size out of range)"),
            ),
            ErrorKind::NullObject(what) => (
                "TypeError",
                format!("NULL object in marshal data for {what}"),
            ),
            ErrorKind::RecursionLimit => ("ValueError", "recursion limit exceeded".into()),
            ErrorKind::BadUtf8 => (
                "UnicodeDecodeError",
                "'utf-8' codec can't decode marshal string".into(),
            ),
            ErrorKind::BadFloat => ("ValueError", "bad marshal data (float)".into()),
            ErrorKind::BadCode(msg) => ("SystemError", msg.clone()),
        }
    }
}

impl std::fmt::Display for MarshalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (ty, msg) = self.python_exception();
        write!(f, "{ty}: {msg} (at byte {})", self.offset)?;
        match self.kind {
            ErrorKind::UnknownType(b) => write!(f, " [type byte 0x{b:02x}]"),
            ErrorKind::InvalidReference(i) => write!(f, " [reference {i}]"),
            _ => Ok(()),
        }
    }
}

impl std::error::Error for MarshalError {}
