//! Parsing and printing of ints and floats as Python does it, and the int and float
//! arithmetic whose rounding, sign and error rules are Python's own.
//! Counterpart: Objects/longobject.c, Objects/floatobject.c, Python/pystrtod.c (3.11).
//!
//! Errors are typed: [`IntParseError`] and [`FloatParseError`] carry the argument's repr,
//! [`NumError`] covers everything else; each has `Display` with CPython's exact message and
//! `kind()` naming the Python exception.

mod error;
mod float_hex;
mod float_ops;
mod float_parse;
mod int_ops;
mod int_parse;
mod int_str;
mod to_float;

pub use error::{ExcKind, NumError};
pub use float_hex::{float_fromhex, float_hex};
pub use float_ops::{
    Rounded, as_integer_ratio, float_div, float_divmod, float_floordiv, float_is_integer,
    float_mod, float_round, float_round_digits, float_round_to_int, float_to_int, math_fmod,
};
pub use float_parse::{FloatParseError, parse_float, parse_float_bytes};
pub use int_ops::{
    ByteOrder, bit_count, bit_length, int_divmod, int_floordiv, int_from_bytes, int_mod,
    int_pow_mod, int_round, int_to_bytes,
};
pub use int_parse::{
    DEFAULT_MAX_STR_DIGITS, IntParseError, parse_int, parse_int_bytes, parse_int_limited,
};
pub use int_str::{
    check_str_digits, exceeds_str_digits, int_to_decimal_str, int_to_prefixed_str, int_to_str,
};
pub use to_float::{int_to_f64, int_true_divide};
