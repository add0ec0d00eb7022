//! The format-spec mini-language `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`
//! and the errors of `format()`. Counterpart: Python/formatter_unicode.c
//! (`parse_internal_render_format_spec`, 3.11).

use std::fmt;

use crate::strings::ctype::decimal_value;

/// Where padding goes: `<`, `>`, `=` (between sign and digits) or `^`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `=`: padding between the sign (and prefix) and the digits.
    AfterSign,
    /// `^`
    Center,
}

impl Align {
    fn from_char(c: char) -> Option<Align> {
        match c {
            '<' => Some(Align::Left),
            '>' => Some(Align::Right),
            '=' => Some(Align::AfterSign),
            '^' => Some(Align::Center),
            _ => None,
        }
    }
}

/// The sign option: `+` (always), `-` (negatives only, the default) or ` ` (space for positives).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// ` `
    Space,
}

/// The grouping option: `,` or `_`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`
    Comma,
    /// `_`
    Underscore,
}

impl Grouping {
    fn as_char(self) -> char {
        match self {
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        }
    }
}

/// Which `__format__` parses the spec: it fixes the default type and alignment and the set of
/// presentation types that are accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecKind {
    /// `int.__format__` (and `bool`): default type `d`, right-aligned.
    Int,
    /// `float.__format__`: no default type, right-aligned.
    Float,
    /// `complex.__format__`: no default type, right-aligned.
    Complex,
    /// `str.__format__`: default type `s`, left-aligned.
    Str,
}

impl SpecKind {
    fn default_type(self) -> Option<char> {
        match self {
            SpecKind::Int => Some('d'),
            SpecKind::Str => Some('s'),
            SpecKind::Float | SpecKind::Complex => None,
        }
    }

    /// The alignment used when the spec gives none: numbers right, strings left.
    pub fn default_align(self) -> Align {
        match self {
            SpecKind::Str => Align::Left,
            SpecKind::Int | SpecKind::Float | SpecKind::Complex => Align::Right,
        }
    }

    fn accepts(self, ty: Option<char>) -> bool {
        let Some(c) = ty else {
            return self != SpecKind::Int && self != SpecKind::Str;
        };
        match self {
            SpecKind::Int => "bcdoxXneEfFgG%".contains(c),
            SpecKind::Float => "eEfFgGn%".contains(c),
            SpecKind::Complex => "eEfFgGn".contains(c),
            SpecKind::Str => c == 's',
        }
    }
}

/// A parsed format spec. Options that were not written are `None`/`false`; the resolved
/// fill and alignment come from [`FormatSpec::fill_char`] and [`FormatSpec::alignment`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The kind of object the spec was parsed for.
    pub kind: SpecKind,
    /// An explicit fill character (only possible together with an alignment).
    pub fill: Option<char>,
    /// The alignment as written.
    pub align: Option<Align>,
    /// The sign option as written.
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero results to positive zero.
    pub no_neg_zero: bool,
    /// `#`: the alternate form.
    pub alternate: bool,
    /// The `0` before the width (without an explicit fill): pad with zeros.
    pub zero_pad: bool,
    /// The minimum width in code points.
    pub width: Option<usize>,
    /// The thousands separator.
    pub grouping: Option<Grouping>,
    /// Digits after the point (`f`, `e`, `%`), significant digits (`g`, none) or the maximum
    /// length (str).
    pub precision: Option<usize>,
    /// The presentation type; the kind's default (`d`, `s`) when none was written.
    pub ty: Option<char>,
}

impl FormatSpec {
    /// Parses `spec` for an object of kind `kind` whose type is called `type_name` (the name
    /// only appears in error messages). Checks what CPython checks before formatting starts:
    /// the syntax, the grouping option against the type, and that the type is known for `kind`.
    ///
    /// An empty spec is valid here, but `format(x, '')` is `str(x)` for every built-in type,
    /// which callers handle before parsing.
    pub fn parse(spec: &str, kind: SpecKind, type_name: &str) -> Result<FormatSpec, FormatError> {
        let chars: Vec<char> = spec.chars().collect();
        let mut out = FormatSpec {
            kind,
            fill: None,
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: kind.default_type(),
        };
        let mut pos = 0;
        let at = |i: usize| chars.get(i).copied();

        if let Some(align) = at(1).and_then(Align::from_char) {
            out.fill = at(0);
            out.align = Some(align);
            pos = 2;
        } else if let Some(align) = at(0).and_then(Align::from_char) {
            out.align = Some(align);
            pos = 1;
        }
        out.sign = match at(pos) {
            Some('+') => Some(Sign::Plus),
            Some('-') => Some(Sign::Minus),
            Some(' ') => Some(Sign::Space),
            _ => None,
        };
        if out.sign.is_some() {
            pos += 1;
        }
        if at(pos) == Some('z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if at(pos) == Some('#') {
            out.alternate = true;
            pos += 1;
        }
        // With an explicit fill, a leading 0 is just the first digit of the width.
        if out.fill.is_none() && at(pos) == Some('0') {
            out.zero_pad = true;
            pos += 1;
        }
        out.width = parse_decimal(&chars, &mut pos)?;

        if at(pos) == Some(',') {
            out.grouping = Some(Grouping::Comma);
            pos += 1;
        }
        if at(pos) == Some('_') {
            if out.grouping.is_some() {
                return Err(FormatError::BothSeparators);
            }
            out.grouping = Some(Grouping::Underscore);
            pos += 1;
        }
        if at(pos) == Some(',') && out.grouping == Some(Grouping::Underscore) {
            return Err(FormatError::BothSeparators);
        }

        if at(pos) == Some('.') {
            pos += 1;
            out.precision = parse_decimal(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(FormatError::MissingPrecision);
            }
        }

        match chars.len().saturating_sub(pos) {
            0 => {}
            1 => out.ty = at(pos),
            _ => {
                return Err(FormatError::InvalidSpecifier {
                    spec: spec.to_string(),
                    type_name: type_name.to_string(),
                });
            }
        }

        if let Some(sep) = out.grouping {
            let ok = match out.ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
                Some('b' | 'o' | 'x' | 'X') => sep == Grouping::Underscore,
                Some(_) => false,
            };
            if !ok {
                return Err(FormatError::SeparatorWithType {
                    sep: sep.as_char(),
                    code: out.ty.unwrap_or('\0'),
                });
            }
        }

        if !kind.accepts(out.ty) {
            return Err(FormatError::UnknownFormatCode {
                code: out.ty.unwrap_or('\0'),
                type_name: type_name.to_string(),
            });
        }
        Ok(out)
    }

    /// The fill character in effect: the explicit one, else `0` after the `0` flag, else space.
    pub fn fill_char(&self) -> char {
        match self.fill {
            Some(c) => c,
            None if self.zero_pad => '0',
            None => ' ',
        }
    }

    /// The alignment in effect: the explicit one, else `=` for numbers after the `0` flag,
    /// else the kind's default.
    pub fn alignment(&self) -> Align {
        let default = self.kind.default_align();
        match self.align {
            Some(a) => a,
            None if self.zero_pad && default == Align::Right => Align::AfterSign,
            None => default,
        }
    }
}

/// Reads a run of Unicode decimal digits; `None` if there is none.
fn parse_decimal(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut value: Option<usize> = None;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let v = value
            .unwrap_or(0)
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or(FormatError::TooManyDigits)?;
        value = Some(v);
        *pos += 1;
    }
    Ok(value)
}

/// The Python exception class a [`FormatError`] (or printf error) turns into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    IndexError,
    OverflowError,
    MemoryError,
}

/// An error of the format-spec mini-language; `Display` gives CPython's exact message and
/// [`FormatError::kind`] the exception class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// More than one character left where the type belongs.
    InvalidSpecifier {
        spec: String,
        type_name: String,
    },
    MissingPrecision,
    /// A width, precision or field index that does not fit in a `Py_ssize_t`.
    TooManyDigits,
    BothSeparators,
    /// A grouping option the presentation type does not support.
    SeparatorWithType {
        sep: char,
        code: char,
    },
    UnknownFormatCode {
        code: char,
        type_name: String,
    },
    IntPrecision,
    IntNoNegZero,
    IntCharSign,
    IntCharAlternate,
    /// `format(i, 'c')` with `i` outside `range(0x110000)` (OverflowError).
    CharRange,
    /// `format(i, 'c')` with `i` beyond a C long (OverflowError).
    CharTooLarge,
    /// An int with a float presentation type that does not fit in a float (OverflowError).
    IntTooLargeForFloat,
    StrSign,
    StrSpace,
    StrNoNegZero,
    StrAlternate,
    StrAfterSignAlign,
    ComplexZeroPadding,
    ComplexAfterSignAlign,
    /// A float or complex precision above `INT_MAX`.
    PrecisionTooBig,
    /// The result would not fit in memory (MemoryError).
    NoMemory,
    /// `format(i, 'c')` for a surrogate code point, which this VM's `str` cannot hold.
    Surrogate(u32),
}

impl FormatError {
    /// The Python exception class for this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            FormatError::CharRange
            | FormatError::CharTooLarge
            | FormatError::IntTooLargeForFloat => ErrorKind::OverflowError,
            FormatError::NoMemory => ErrorKind::MemoryError,
            _ => ErrorKind::ValueError,
        }
    }
}

/// How CPython shows a presentation type in messages: itself if printable ASCII, else `\x..`.
pub(crate) struct CodeChar(pub char);

impl fmt::Display for CodeChar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0 as u32;
        if c > 32 && c < 128 {
            write!(f, "{}", self.0)
        } else {
            write!(f, "\\x{c:x}")
        }
    }
}

/// A type name as CPython's `%.200s` prints it: at most 200 UTF-8 bytes, a cut character
/// becoming U+FFFD.
pub(crate) struct TypeName<'a>(pub &'a str);

impl fmt::Display for TypeName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        if s.len() <= 200 {
            return f.write_str(s);
        }
        let mut end = 200;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        f.write_str(s.get(..end).unwrap_or(""))?;
        if end < 200 {
            f.write_str("\u{FFFD}")?;
        }
        Ok(())
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::InvalidSpecifier { spec, type_name } => write!(
                f,
                "Invalid format specifier '{spec}' for object of type '{}'",
                TypeName(type_name)
            ),
            FormatError::MissingPrecision => f.write_str("Format specifier missing precision"),
            FormatError::TooManyDigits => f.write_str("Too many decimal digits in format string"),
            FormatError::BothSeparators => f.write_str("Cannot specify both ',' and '_'."),
            FormatError::SeparatorWithType { sep, code } => {
                write!(f, "Cannot specify '{sep}' with '{}'.", CodeChar(*code))
            }
            FormatError::UnknownFormatCode { code, type_name } => write!(
                f,
                "Unknown format code '{}' for object of type '{}'",
                CodeChar(*code),
                TypeName(type_name)
            ),
            FormatError::IntPrecision => {
                f.write_str("Precision not allowed in integer format specifier")
            }
            FormatError::IntNoNegZero => {
                f.write_str("Negative zero coercion (z) not allowed in integer format specifier")
            }
            FormatError::IntCharSign => {
                f.write_str("Sign not allowed with integer format specifier 'c'")
            }
            FormatError::IntCharAlternate => {
                f.write_str("Alternate form (#) not allowed with integer format specifier 'c'")
            }
            FormatError::CharRange => f.write_str("%c arg not in range(0x110000)"),
            FormatError::CharTooLarge => f.write_str("Python int too large to convert to C long"),
            FormatError::IntTooLargeForFloat => f.write_str("int too large to convert to float"),
            FormatError::StrSign => f.write_str("Sign not allowed in string format specifier"),
            FormatError::StrSpace => f.write_str("Space not allowed in string format specifier"),
            FormatError::StrNoNegZero => {
                f.write_str("Negative zero coercion (z) not allowed in string format specifier")
            }
            FormatError::StrAlternate => {
                f.write_str("Alternate form (#) not allowed in string format specifier")
            }
            FormatError::StrAfterSignAlign => {
                f.write_str("'=' alignment not allowed in string format specifier")
            }
            FormatError::ComplexZeroPadding => {
                f.write_str("Zero padding is not allowed in complex format specifier")
            }
            FormatError::ComplexAfterSignAlign => {
                f.write_str("'=' alignment flag is not allowed in complex format specifier")
            }
            FormatError::PrecisionTooBig => f.write_str("precision too big"),
            FormatError::NoMemory => Ok(()),
            FormatError::Surrogate(cp) => {
                write!(f, "lone surrogate U+{cp:04X} cannot be stored in a str")
            }
        }
    }
}

impl std::error::Error for FormatError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(spec: &str, kind: SpecKind) -> Result<FormatSpec, String> {
        FormatSpec::parse(spec, kind, "T").map_err(|e| e.to_string())
    }

    #[test]
    fn fields() {
        let s = parse("*^+z#012,.3f", SpecKind::Float).unwrap();
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Some(Align::Center));
        assert_eq!(s.sign, Some(Sign::Plus));
        assert!(s.no_neg_zero && s.alternate && !s.zero_pad);
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some(Grouping::Comma));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));

        let s = parse("010_", SpecKind::Int).unwrap();
        assert!(s.zero_pad);
        assert_eq!((s.width, s.ty), (Some(10), Some('d')));
        assert_eq!((s.fill_char(), s.alignment()), ('0', Align::AfterSign));

        let s = parse("<010", SpecKind::Float).unwrap();
        assert_eq!((s.fill_char(), s.alignment()), ('0', Align::Left));
        let s = parse("x<010", SpecKind::Float).unwrap();
        assert!(!s.zero_pad);
        assert_eq!((s.fill_char(), s.width), ('x', Some(10)));
        let s = parse("010", SpecKind::Str).unwrap();
        assert_eq!((s.fill_char(), s.alignment()), ('0', Align::Left));
        let s = parse("", SpecKind::Complex).unwrap();
        assert_eq!((s.ty, s.alignment()), (None, Align::Right));
        let s = parse("\u{1F600}>5", SpecKind::Int).unwrap();
        assert_eq!(s.fill, Some('\u{1F600}'));
        let s = parse("<<", SpecKind::Int).unwrap();
        assert_eq!((s.fill, s.align), (Some('<'), Some(Align::Left)));
        // Unicode decimal digits count, as in CPython.
        let s = parse("\u{661}\u{660}.\u{662}", SpecKind::Float).unwrap();
        assert_eq!((s.width, s.precision), (Some(10), Some(2)));
        let s = parse(".9223372036854775807", SpecKind::Str).unwrap();
        assert_eq!(s.precision, Some(isize::MAX as usize));
    }

    #[test]
    fn errors_match_cpython() {
        use SpecKind::*;
        // Each message verified against python3.11 `format(value, spec)`.
        for (spec, kind, want) in [
            ("x", Float, "Unknown format code 'x' for object of type 'T'"),
            ("d", Str, "Unknown format code 'd' for object of type 'T'"),
            (",s", Str, "Cannot specify ',' with 's'."),
            (",", Str, "Cannot specify ',' with 's'."),
            (",s", Int, "Cannot specify ',' with 's'."),
            ("_", Str, "Cannot specify '_' with 's'."),
            (".", Int, "Format specifier missing precision"),
            (".x", Int, "Format specifier missing precision"),
            (".,", Int, "Format specifier missing precision"),
            ("._f", Float, "Format specifier missing precision"),
            (
                "d.",
                Int,
                "Invalid format specifier 'd.' for object of type 'T'",
            ),
            (
                "xx",
                Int,
                "Invalid format specifier 'xx' for object of type 'T'",
            ),
            (
                "%,",
                Int,
                "Invalid format specifier '%,' for object of type 'T'",
            ),
            (
                ".2,d",
                Int,
                "Invalid format specifier '.2,d' for object of type 'T'",
            ),
            (
                "ééé10",
                Int,
                "Invalid format specifier 'ééé10' for object of type 'T'",
            ),
            (
                "10000000000000000000",
                Int,
                "Too many decimal digits in format string",
            ),
            (
                "9223372036854775808",
                Int,
                "Too many decimal digits in format string",
            ),
            (
                ".9223372036854775808",
                Str,
                "Too many decimal digits in format string",
            ),
            (",_", Int, "Cannot specify both ',' and '_'."),
            ("_,", Int, "Cannot specify both ',' and '_'."),
            ("__", Int, "Cannot specify '_' with '_'."),
            (",,", Int, "Cannot specify ',' with ','."),
            ("2,3", Int, "Cannot specify ',' with '3'."),
            (",c", Int, "Cannot specify ',' with 'c'."),
            ("_c", Int, "Cannot specify '_' with 'c'."),
            (",x", Int, "Cannot specify ',' with 'x'."),
            (",b", Int, "Cannot specify ',' with 'b'."),
            (",n", Int, "Cannot specify ',' with 'n'."),
            ("_n", Float, "Cannot specify '_' with 'n'."),
            (",n", Complex, "Cannot specify ',' with 'n'."),
            (",\x7f", Str, "Cannot specify ',' with '\x7f'."),
            (",\u{80}", Str, "Cannot specify ',' with '\\x80'."),
            (", ", Str, "Cannot specify ',' with '\\x20'."),
            ("_\x1f", Int, "Cannot specify '_' with '\\x1f'."),
            (
                "\0",
                Int,
                "Unknown format code '\\x0' for object of type 'T'",
            ),
            (
                "é",
                Float,
                "Unknown format code '\\xe9' for object of type 'T'",
            ),
            (
                "\u{1F600}",
                Int,
                "Unknown format code '\\x1f600' for object of type 'T'",
            ),
            (
                "\x7f",
                Int,
                "Unknown format code '\x7f' for object of type 'T'",
            ),
            ("!", Int, "Unknown format code '!' for object of type 'T'"),
            ("{", Int, "Unknown format code '{' for object of type 'T'"),
            (".2,", Int, "Unknown format code ',' for object of type 'T'"),
            (".2,", Str, "Unknown format code ',' for object of type 'T'"),
            ("z#+", Str, "Unknown format code '+' for object of type 'T'"),
            ("c", Str, "Unknown format code 'c' for object of type 'T'"),
            (
                "%",
                Complex,
                "Unknown format code '%' for object of type 'T'",
            ),
            (
                "zc",
                Float,
                "Unknown format code 'c' for object of type 'T'",
            ),
            (
                "s",
                Complex,
                "Unknown format code 's' for object of type 'T'",
            ),
        ] {
            assert_eq!(parse(spec, kind).unwrap_err(), want, "{spec:?}");
        }
    }

    #[test]
    fn type_names_are_cut_like_cpython() {
        let long = "N".repeat(300);
        let e = FormatError::UnknownFormatCode {
            code: 'y',
            type_name: long,
        };
        assert_eq!(e.to_string().chars().count(), 245);
        let e = FormatError::UnknownFormatCode {
            code: 'y',
            type_name: format!("a{}", "é".repeat(300)),
        };
        let msg = e.to_string();
        assert_eq!(msg.chars().count(), 146);
        assert!(msg.ends_with("é\u{FFFD}'"));
        // The spec itself is not cut.
        let e = FormatSpec::parse(&format!("dd{}", "a".repeat(300)), SpecKind::Int, "int");
        assert_eq!(e.unwrap_err().to_string().len(), 354);
    }
}
