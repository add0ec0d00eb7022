//! Syntax errors of the parser: a message, the kind of `SyntaxError` (CPython raises
//! `IndentationError` and `TabError` for some) and the byte offset they point at.
//!
//! Counterpart: Parser/pegen_errors.c (3.11).

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Syntax,
    Indentation,
    Tab,
    /// Nesting too deep for the parser (CPython raises `MemoryError`).
    Memory,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ErrorKind,
    pub message: String,
    /// Byte offset into the source.
    pub offset: u32,
    /// CPython reports the error with no end position (`end_offset` 0).
    pub no_end: bool,
}

impl ParseError {
    pub fn new(kind: ErrorKind, message: &str, offset: u32) -> Self {
        Self {
            kind,
            message: message.to_string(),
            offset,
            no_end: false,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for ParseError {}
