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

/// The offset of each line's start: 0, then the offset after each newline. Scans a word at
/// a time (source lines average about 35 bytes).
fn line_starts(src: &[u8]) -> Vec<u32> {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const NEWLINES: u64 = 0x0a0a_0a0a_0a0a_0a0a;
    let mut starts = Vec::with_capacity(src.len() / 32 + 1);
    starts.push(0);
    let mut chunks = src.chunks_exact(8);
    let mut at = 0usize;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().expect("8 bytes")) ^ NEWLINES;
        // The high bit of each byte of `w` that is zero (a newline in `chunk`), exactly.
        let mut zeros = !(((w & LOW7) + LOW7) | w | LOW7);
        while zeros != 0 {
            starts.push((at + zeros.trailing_zeros() as usize / 8 + 1) as u32);
            zeros &= zeros - 1;
        }
        at += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b == b'\n' {
            starts.push((at + i + 1) as u32);
        }
    }
    starts
}

/// Turns byte offsets into lines and columns.
#[derive(Debug)]
pub struct SourceMap {
    line_starts: Vec<u32>,
    /// The line (index in `line_starts`) of the last offset looked up: the compiler asks
    /// about nearby offsets in turn, so most lookups need no search.
    hint: std::cell::Cell<usize>,
    /// For a tree made from `ast` objects rather than parsed: an offset is an index in this
    /// sorted table of (line, column) positions.
    positions: Vec<(i32, i32)>,
}

impl SourceMap {
    pub fn new(source: &str) -> SourceMap {
        let line_starts = line_starts(source.as_bytes());
        SourceMap {
            line_starts,
            hint: std::cell::Cell::new(0),
            positions: Vec::new(),
        }
    }

    /// A map for a tree without source text, whose offsets index `positions` (sorted, so
    /// that offsets compare as the positions do).
    pub fn from_positions(positions: Vec<(i32, i32)>) -> SourceMap {
        SourceMap {
            line_starts: vec![0],
            hint: std::cell::Cell::new(0),
            positions,
        }
    }

    /// The index of the line holding `offset`, trying line `near` and the one after it
    /// before searching.
    #[inline]
    fn line_index(&self, offset: u32, near: usize) -> usize {
        let starts = &self.line_starts;
        let on = |i: usize| starts[i] <= offset && starts.get(i + 1).is_none_or(|&s| offset < s);
        if near < starts.len() && on(near) {
            near
        } else if near + 1 < starts.len() && on(near + 1) {
            near + 1
        } else {
            starts.partition_point(|&s| s <= offset).max(1) - 1
        }
    }

    fn line_col(&self, offset: u32) -> (i32, i32) {
        if !self.positions.is_empty() {
            let i = (offset as usize).min(self.positions.len() - 1);
            return self.positions[i];
        }
        let i = self.line_index(offset, self.hint.get());
        self.hint.set(i);
        (i as i32 + 1, (offset - self.line_starts[i]) as i32)
    }

    pub fn range(&self, r: rustpython_parser::text_size::TextRange) -> SrcRange {
        let (line, col) = self.line_col(r.start().into());
        let (end_line, end_col) = if self.positions.is_empty() {
            // The end is on the start's line or after it; the hint stays at the start.
            let end = u32::from(r.end());
            let i = self.line_index(end, line as usize - 1);
            (i as i32 + 1, (end - self.line_starts[i]) as i32)
        } else {
            self.line_col(r.end().into())
        };
        SrcRange {
            line,
            col,
            end_line,
            end_col,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_starts_finds_every_newline() {
        for src in [
            "",
            "\n",
            "a\nb",
            "0123456\n89\n\n\n\nabcdefghijklmnop\n",
            "\u{e9}\n\u{20ac}\u{1f600}\nx\n\x7f\x0b\x09\n\n",
        ] {
            let want: Vec<u32> = std::iter::once(0)
                .chain(
                    src.bytes()
                        .enumerate()
                        .filter(|&(_, b)| b == b'\n')
                        .map(|(i, _)| i as u32 + 1),
                )
                .collect();
            assert_eq!(super::line_starts(src.as_bytes()), want, "{src:?}");
        }
    }
}
