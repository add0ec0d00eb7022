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
    /// Where the error was found, when that is the end of the input (see `AtEnd`).
    pub at_end: AtEnd,
}

/// An error found at the end of the input, which CPython places by its end-marker token
/// (column −1) rather than by a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtEnd {
    /// Not at the end.
    No,
    /// "invalid syntax" at the end marker: CPython reports the last line's number (0 for
    /// empty input), offset 0 and end offset 0.
    Marker,
    /// The same at the newline the tokenizer adds to a last line without one: an end-marker
    /// error in `eval` and `single` modes, whose tokenizers add no newline.
    ImplicitNewline,
    /// An error the grammar raises with the position of the last token read (a missing
    /// indented block), that token being the end marker: CPython places it after the last
    /// line's text, with no end.
    LastToken,
}

impl ParseError {
    pub fn new(kind: ErrorKind, message: &str, offset: u32) -> Self {
        Self {
            kind,
            message: message.to_string(),
            offset,
            no_end: false,
            at_end: AtEnd::No,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for ParseError {}
