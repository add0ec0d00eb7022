//! rpy's Python 3.11 parser: a hand-written tokenizer and a recursive-descent parser that
//! build the `rustpython_ast` tree (the same nodes and byte ranges rustpython-parser 0.4
//! produces for valid code), and reject what CPython rejects.
//!
//! Counterpart: Parser/ (3.11): tokenizer.c, parser.c, string_parser.c, pegen_errors.c.

mod error;
mod lexer;
mod parser;
mod strings;

pub use error::{AtEnd, ErrorKind, ParseError};
pub use parser::Mode;
pub use rustpython_ast as ast;

/// Parses `source` in `mode` (`exec`, `single` or `eval`).
pub fn parse(source: &str, mode: Mode) -> Result<ast::Mod, ParseError> {
    parser::parse(source, mode)
}

/// Parses a module's source into its statements.
pub fn parse_program(source: &str) -> Result<Vec<ast::Stmt>, ParseError> {
    match parser::parse(source, Mode::Module)? {
        ast::Mod::Module(m) => Ok(m.body),
        _ => Ok(Vec::new()),
    }
}
