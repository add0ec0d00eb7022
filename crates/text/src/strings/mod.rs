//! Text algorithms behind the str and bytes methods, and Unicode character data.
//! Counterpart: Objects/unicodeobject.c, Objects/unicodectype.c, Objects/bytes_methods.c and
//! Objects/stringlib (3.11).
//!
//! A Python str is a Rust `&str` here and every index is a code-point index; results borrow
//! from the input where they can. Character properties and case mappings come from tables
//! generated from python3.11's Unicode 14.0.0 database (see `crates/text/tools/`).

pub mod bytes;
mod case;
mod case_tables;
pub mod ctype;
mod ctype_tables;
mod error;
mod index;
mod pad;
mod predicates;
mod search;
mod split;

pub use case::{capitalize, casefold, lower, swapcase, title, upper};
pub use error::{ExcKind, StrError};
pub use index::{
    adjust_indices, adjust_slice, byte_offset, char_at, char_index, char_len, slice, slice_step,
};
pub use pad::{
    center, expandtabs, ljust, lstrip, removeprefix, removesuffix, rjust, rstrip, strip, zfill,
};
pub use predicates::{
    isalnum, isalpha, isascii, isdecimal, isdigit, isidentifier, islower, isnumeric, isprintable,
    isspace, istitle, isupper,
};
pub use search::{
    count, endswith, find, index, partition, replace, rfind, rindex, rpartition, startswith,
};
pub use split::{rsplit, split, splitlines};
