//! The errors of number arithmetic and conversion, with CPython's exact messages and the
//! Python exception each becomes.
//! Counterpart: the `PyErr_SetString` calls of Objects/longobject.c, Objects/floatobject.c
//! and Modules/mathmodule.c (3.11).

use std::fmt;

/// The Python exception class an error turns into at the VM boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExcKind {
    ValueError,
    OverflowError,
    ZeroDivisionError,
    MemoryError,
}

/// A failed int or float operation. `Display` gives CPython's message, [`NumError::kind`]
/// the exception class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumError {
    /// `a // b`, `divmod(a, b)` with `b == 0` on ints.
    IntDivisionByZero,
    /// `a % b` with `b == 0` on ints.
    IntModuloByZero,
    /// `a / b` with `b == 0` on ints.
    DivisionByZero,
    /// `x / 0.0`.
    FloatDivisionByZero,
    /// `x // 0.0`.
    FloatFloorDivisionByZero,
    /// `x % 0.0`.
    FloatModuloByZero,
    /// `divmod(x, 0.0)`.
    FloatDivmodByZero,
    /// `float(n)` for an int beyond the float range.
    IntTooLargeForFloat,
    /// `a / b` on ints whose quotient is beyond the float range.
    DivisionResultTooLarge,
    /// `int.to_bytes` with too few bytes.
    IntTooBig,
    /// `int.to_bytes` of a negative int without `signed=True`.
    NegativeToUnsigned,
    /// `int.to_bytes` with a negative length.
    NegativeLength,
    /// A bytes result longer than `Py_ssize_t` allows.
    BytesTooLarge,
    /// A result that cannot be allocated (`MemoryError`, whose message is empty).
    MemoryError,
    /// `pow(a, b, 0)`.
    PowModulusZero,
    /// `pow(a, -b, m)` where `a` has no inverse modulo `m`.
    NotInvertible,
    /// `float('inf').as_integer_ratio()`.
    InfinityToRatio,
    /// `float('nan').as_integer_ratio()`.
    NanToRatio,
    /// `int(float('inf'))`, `round(float('inf'))`.
    InfinityToInt,
    /// `int(float('nan'))`, `round(float('nan'))`.
    NanToInt,
    /// `round(x, n)` whose result is beyond the float range.
    RoundedTooLarge,
    /// `math.fmod` and friends outside their domain.
    MathDomain,
    /// `float.fromhex` of a value beyond the float range.
    HexTooLarge,
    /// `float.fromhex` of a malformed string.
    InvalidHex,
    /// `str(n)` of an int with more decimal digits than `sys.get_int_max_str_digits()`.
    StrDigitsLimit { limit: usize },
}

impl NumError {
    /// The Python exception class of this error.
    pub fn kind(&self) -> ExcKind {
        use NumError::*;
        match self {
            IntDivisionByZero
            | IntModuloByZero
            | DivisionByZero
            | FloatDivisionByZero
            | FloatFloorDivisionByZero
            | FloatModuloByZero
            | FloatDivmodByZero => ExcKind::ZeroDivisionError,
            IntTooLargeForFloat
            | DivisionResultTooLarge
            | IntTooBig
            | NegativeToUnsigned
            | InfinityToRatio
            | InfinityToInt
            | RoundedTooLarge
            | HexTooLarge
            | BytesTooLarge => ExcKind::OverflowError,
            MemoryError => ExcKind::MemoryError,
            NegativeLength
            | PowModulusZero
            | NotInvertible
            | NanToRatio
            | NanToInt
            | MathDomain
            | InvalidHex
            | StrDigitsLimit { .. } => ExcKind::ValueError,
        }
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use NumError::*;
        let message = match self {
            IntDivisionByZero => "integer division or modulo by zero",
            IntModuloByZero => "integer modulo by zero",
            DivisionByZero => "division by zero",
            FloatDivisionByZero => "float division by zero",
            FloatFloorDivisionByZero => "float floor division by zero",
            FloatModuloByZero => "float modulo",
            FloatDivmodByZero => "float divmod()",
            IntTooLargeForFloat => "int too large to convert to float",
            DivisionResultTooLarge => "integer division result too large for a float",
            IntTooBig => "int too big to convert",
            NegativeToUnsigned => "can't convert negative int to unsigned",
            NegativeLength => "length argument must be non-negative",
            BytesTooLarge => "byte string is too large",
            MemoryError => "",
            PowModulusZero => "pow() 3rd argument cannot be 0",
            NotInvertible => "base is not invertible for the given modulus",
            InfinityToRatio => "cannot convert Infinity to integer ratio",
            NanToRatio => "cannot convert NaN to integer ratio",
            InfinityToInt => "cannot convert float infinity to integer",
            NanToInt => "cannot convert float NaN to integer",
            RoundedTooLarge => "rounded value too large to represent",
            MathDomain => "math domain error",
            HexTooLarge => "hexadecimal value too large to represent as a float",
            InvalidHex => "invalid hexadecimal floating-point string",
            StrDigitsLimit { limit } => {
                return write!(
                    f,
                    "Exceeds the limit ({limit} digits) for integer string conversion; \
                     use sys.set_int_max_str_digits() to increase the limit"
                );
            }
        };
        f.write_str(message)
    }
}

impl std::error::Error for NumError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        assert_eq!(
            NumError::StrDigitsLimit { limit: 4300 }.to_string(),
            "Exceeds the limit (4300 digits) for integer string conversion; use \
             sys.set_int_max_str_digits() to increase the limit"
        );
        assert_eq!(NumError::FloatDivmodByZero.to_string(), "float divmod()");
        assert_eq!(NumError::IntTooBig.kind(), ExcKind::OverflowError);
        assert_eq!(NumError::NanToInt.kind(), ExcKind::ValueError);
        assert_eq!(NumError::IntModuloByZero.kind(), ExcKind::ZeroDivisionError);
    }
}
