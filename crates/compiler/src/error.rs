//! Compile-time errors, carrying what CPython puts on a `SyntaxError` (or the other
//! exceptions compilation can raise): type, message, and a 1-based position range.

use std::fmt;

/// The Python exception a compile error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorType {
    SyntaxError,
    IndentationError,
    TabError,
    RecursionError,
    MemoryError,
    SystemError,
    OverflowError,
}

impl ErrorType {
    pub fn name(self) -> &'static str {
        match self {
            ErrorType::SyntaxError => "SyntaxError",
            ErrorType::IndentationError => "IndentationError",
            ErrorType::TabError => "TabError",
            ErrorType::RecursionError => "RecursionError",
            ErrorType::MemoryError => "MemoryError",
            ErrorType::SystemError => "SystemError",
            ErrorType::OverflowError => "OverflowError",
        }
    }
}

/// A compile error. Offsets are 1-based columns (UTF-8 bytes + 1), as on `SyntaxError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub error_type: ErrorType,
    pub msg: String,
    pub filename: String,
    pub lineno: i32,
    pub offset: i32,
    pub end_lineno: i32,
    pub end_offset: i32,
    /// Where CPython takes the exception's `text` (the line shown under the error).
    pub text_from: TextFrom,
}

/// The source of a SyntaxError's `text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFrom {
    /// The compiler's own errors: the line of the file the filename names (none for
    /// `<string>`), as `PyErr_ProgramTextObject` reads it.
    File,
    /// The parser's errors in `exec` mode: that file's line if there is one, else the
    /// parsed source's.
    FileThenSource,
    /// The parser's errors in `eval` and `single` modes: the parsed source's line.
    Source,
}

impl CompileError {
    pub fn syntax(msg: impl Into<String>, loc: SrcRange) -> CompileError {
        CompileError {
            error_type: ErrorType::SyntaxError,
            msg: msg.into(),
            filename: String::new(),
            lineno: loc.line,
            offset: loc.col + 1,
            end_lineno: loc.end_line,
            end_offset: loc.end_col + 1,
            text_from: TextFrom::File,
        }
    }

    pub fn of_type(error_type: ErrorType, msg: impl Into<String>) -> CompileError {
        CompileError {
            error_type,
            msg: msg.into(),
            filename: String::new(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text_from: TextFrom::File,
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.error_type.name(),
            self.msg,
            self.filename,
            self.lineno
        )
    }
}

impl std::error::Error for CompileError {}

pub type CompileResult<T> = Result<T, CompileError>;

/// A source range in CPython's terms: 1-based lines, 0-based UTF-8 byte columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SrcRange {
    pub line: i32,
    pub col: i32,
    pub end_line: i32,
    pub end_col: i32,
}

/// Turns byte offsets into lines and columns.
#[derive(Debug)]
pub struct SourceMap {
    line_starts: Vec<u32>,
    /// For a tree made from `ast` objects rather than parsed: an offset is an index in this
    /// sorted table of (line, column) positions.
    positions: Vec<(i32, i32)>,
}

impl SourceMap {
    pub fn new(source: &str) -> SourceMap {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceMap {
            line_starts,
            positions: Vec::new(),
        }
    }

    /// A map for a tree without source text, whose offsets index `positions` (sorted, so
    /// that offsets compare as the positions do).
    pub fn from_positions(positions: Vec<(i32, i32)>) -> SourceMap {
        SourceMap {
            line_starts: vec![0],
            positions,
        }
    }

    fn line_col(&self, offset: u32) -> (i32, i32) {
        if !self.positions.is_empty() {
            let i = (offset as usize).min(self.positions.len() - 1);
            return self.positions[i];
        }
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        (line as i32, (offset - self.line_starts[line - 1]) as i32)
    }

    pub fn range(&self, r: rustpython_parser::text_size::TextRange) -> SrcRange {
        let (line, col) = self.line_col(r.start().into());
        let (end_line, end_col) = self.line_col(r.end().into());
        SrcRange {
            line,
            col,
            end_line,
            end_col,
        }
    }
}
