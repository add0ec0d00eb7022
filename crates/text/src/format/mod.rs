//! The format-spec mini-language (`format()`, `str.format`, f-strings) and printf-style `%`
//! formatting for str and bytes. Counterparts: Python/formatter_unicode.c,
//! Objects/stringlib/unicode_format.h, Objects/unicodeobject.c, Objects/bytesobject.c and
//! Python/pystrtod.c (3.11).
//!
//! Everything here works on Rust values; the VM fetches arguments, calls `__format__`,
//! `str()`, `repr()` and friends, and turns the typed errors into Python exceptions (each
//! error's `Display` is CPython's message and its `kind()` the exception class).

pub mod apply;
pub mod dtoa;
pub mod fieldname;
mod layout;
pub mod printf;
#[cfg(test)]
mod printf_tests;
#[cfg(test)]
mod robustness_tests;
pub mod spec;

pub use apply::{default_align, format_complex, format_float, format_int, format_str, pad};
pub use dtoa::{DtoaFlags, double_to_string};
pub use layout::padding;
pub use spec::{Align, ErrorKind, FormatError, FormatSpec, Grouping, Sign, SpecKind};
