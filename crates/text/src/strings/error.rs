//! The errors of the str and bytes methods, with CPython's messages, and the fallible
//! allocation that turns an absurd result size into `MemoryError`/`OverflowError` instead of
//! an abort.
//! Counterpart: the `PyErr_SetString` calls of Objects/unicodeobject.c,
//! Objects/bytesobject.c and Objects/stringlib (3.11), and `PyBytes_FromStringAndSize`.

use std::fmt;

pub use crate::numbers::ExcKind;

/// A failed str or bytes method; `Display` gives CPython's message, [`StrError::kind`] the
/// exception class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrError {
    /// `split`, `rsplit`, `partition` or `rpartition` with an empty separator.
    EmptySeparator,
    /// `str.index` or `str.rindex` without a match.
    SubstringNotFound,
    /// `bytes.index` or `bytes.rindex` without a match.
    SubsectionNotFound,
    /// The result cannot be allocated (`MemoryError`, whose message is empty).
    MemoryError,
    /// The result's length would overflow `Py_ssize_t` (`OverflowError`); the message names
    /// the operation as CPython does, e.g. "replace string is too long".
    TooLong(&'static str),
}

impl StrError {
    /// The Python exception class of this error.
    pub fn kind(&self) -> ExcKind {
        match self {
            StrError::EmptySeparator
            | StrError::SubstringNotFound
            | StrError::SubsectionNotFound => ExcKind::ValueError,
            StrError::MemoryError => ExcKind::MemoryError,
            StrError::TooLong(_) => ExcKind::OverflowError,
        }
    }
}

impl fmt::Display for StrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StrError::EmptySeparator => "empty separator",
            StrError::SubstringNotFound => "substring not found",
            StrError::SubsectionNotFound => "subsection not found",
            StrError::MemoryError => "",
            StrError::TooLong(message) => message,
        })
    }
}

impl std::error::Error for StrError {}

/// An empty String with room for `bytes` bytes; `None` (an overflowed size computation) and
/// failed allocations are `MemoryError`, as `PyUnicode_New` reports them.
pub(crate) fn string_with_capacity(bytes: Option<usize>) -> Result<String, StrError> {
    let bytes = bytes
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or(StrError::MemoryError)?;
    let mut out = String::new();
    out.try_reserve_exact(bytes)
        .map_err(|_| StrError::MemoryError)?;
    Ok(out)
}

/// `PyBytesObject`'s header size plus the trailing NUL, which bounds a bytes object's length.
const BYTES_OVERHEAD: usize = 33;

/// An empty Vec with room for a bytes object of `len` bytes: "byte string is too large"
/// (`OverflowError`) beyond what `Py_ssize_t` can describe, `MemoryError` when the
/// allocation fails.
pub(crate) fn bytes_with_capacity(len: Option<usize>) -> Result<Vec<u8>, StrError> {
    let len = len
        .filter(|&n| n <= isize::MAX as usize - BYTES_OVERHEAD)
        .ok_or(StrError::TooLong("byte string is too large"))?;
    let mut out = Vec::new();
    out.try_reserve_exact(len)
        .map_err(|_| StrError::MemoryError)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocation_failures_are_errors() {
        assert_eq!(string_with_capacity(None), Err(StrError::MemoryError));
        assert_eq!(
            string_with_capacity(Some(usize::MAX)),
            Err(StrError::MemoryError)
        );
        assert_eq!(
            string_with_capacity(Some(1 << 60)),
            Err(StrError::MemoryError)
        );
        assert_eq!(
            bytes_with_capacity(Some(isize::MAX as usize)),
            Err(StrError::TooLong("byte string is too large"))
        );
        assert_eq!(
            bytes_with_capacity(Some(1 << 60)),
            Err(StrError::MemoryError)
        );
        assert!(bytes_with_capacity(Some(10)).is_ok());
        assert_eq!(StrError::MemoryError.kind(), ExcKind::MemoryError);
        assert_eq!(StrError::TooLong("x").kind(), ExcKind::OverflowError);
    }
}
