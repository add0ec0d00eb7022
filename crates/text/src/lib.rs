//! rpy-text: the pure algorithms behind Python's str, bytes, int and float methods —
//! the format-spec mini-language, printf-style formatting, number parsing and printing,
//! Unicode character properties and case mappings. No dependency on the VM: every function
//! works on Rust values and returns typed errors that the VM turns into Python exceptions.

pub mod format;
pub mod numbers;
pub mod strings;
