//! The `str.format` template language: literal text and `{field!conv:spec}` replacement
//! fields, and field names `first(.attr|[key])*` with automatic numbering.
//! Counterpart: Objects/stringlib/unicode_format.h (`MarkupIterator`, `parse_field`,
//! `FieldNameIterator`, `field_name_split`, `AutoNumber`), 3.11.
//!
//! Everything is lazy, like CPython, so errors surface in CPython's order relative to the
//! lookups and `__format__` calls the VM makes along the way. The VM drives `str.format` as:
//! for each [`MarkupItem`] of [`parse_markup`], append the literal; for a field, resolve its
//! name with [`split_field_name`] (sharing one [`AutoNumber`] for the whole call) and the
//! accessors, apply the conversion ([`check_conversion`]), expand the spec if
//! `spec_needs_expanding` by running the same loop on it one level deeper (more than
//! [`MAX_RECURSION`] levels is [`FieldError::MaxRecursion`]), then call `format(obj, spec)`.

use std::fmt;

use crate::strings::ctype::decimal_value;

use super::spec::ErrorKind;

/// How deep `str.format` may go: the string itself and one level of nested fields in specs.
pub const MAX_RECURSION: u32 = 2;

/// A piece of a format string: literal text, possibly followed by a replacement field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkupItem<'a> {
    /// Text to copy; `{{` and `}}` end an item with their single brace.
    pub literal: &'a str,
    pub field: Option<Field<'a>>,
}

/// A replacement field `{name!conversion:spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    /// The field name, unparsed (see [`split_field_name`]).
    pub name: &'a str,
    /// The character after `!`, unchecked (see [`check_conversion`]); `None` if absent (or
    /// NUL, which CPython takes for absent too).
    pub conversion: Option<char>,
    /// The format spec, raw: nested `{...}` fields are left for the caller to expand.
    pub spec: &'a str,
    /// Whether the spec contains a `{`, so that it must be expanded first.
    pub spec_needs_expanding: bool,
}

/// The pieces of a format string, one at a time (`_string.formatter_parser`).
pub fn parse_markup(s: &str) -> MarkupIter<'_> {
    MarkupIter { s, pos: 0 }
}

/// Iterator over the [`MarkupItem`]s of a format string; stops after the first error.
#[derive(Clone, Debug)]
pub struct MarkupIter<'a> {
    s: &'a str,
    /// Byte offset of the rest; `s.len()` when done.
    pos: usize,
}

impl<'a> Iterator for MarkupIter<'a> {
    type Item = Result<MarkupItem<'a>, FieldError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.s.len() {
            return None;
        }
        let item = self.next_item();
        if item.is_err() {
            self.pos = self.s.len();
        }
        Some(item)
    }
}

impl<'a> MarkupIter<'a> {
    fn next_item(&mut self) -> Result<MarkupItem<'a>, FieldError> {
        let s = self.s;
        let bytes = s.as_bytes();
        let start = self.pos;
        let Some(off) = bytes[start..].iter().position(|&b| b == b'{' || b == b'}') else {
            self.pos = s.len();
            return Ok(MarkupItem {
                literal: s.get(start..).unwrap_or(""),
                field: None,
            });
        };
        let brace_at = start + off;
        let brace = bytes[brace_at];
        let after = brace_at + 1;
        if bytes.get(after) == Some(&brace) {
            // `{{` or `}}`: the literal runs through the first brace.
            self.pos = after + 1;
            return Ok(MarkupItem {
                literal: s.get(start..after).unwrap_or(""),
                field: None,
            });
        }
        if brace == b'}' {
            return Err(FieldError::SingleRightBrace);
        }
        if after >= bytes.len() {
            return Err(FieldError::SingleLeftBrace);
        }
        let literal = s.get(start..brace_at).unwrap_or("");
        let field = self.parse_field(after)?;
        Ok(MarkupItem {
            literal,
            field: Some(field),
        })
    }

    /// Parses a field starting just after its `{`; leaves `pos` after its closing `}`.
    fn parse_field(&mut self, from: usize) -> Result<Field<'a>, FieldError> {
        let s = self.s;
        let bytes = s.as_bytes();
        let mut i = from;
        // The name ends at `!`, `:` or `}`; inside `[...]` nothing is special.
        let mut stop = None;
        while let Some(&b) = bytes.get(i) {
            i += 1;
            match b {
                b'{' => return Err(FieldError::UnexpectedLeftBrace),
                b'[' => {
                    while bytes.get(i).is_some_and(|&b| b != b']') {
                        i += 1;
                    }
                }
                b'}' | b':' | b'!' => {
                    stop = Some(b);
                    break;
                }
                _ => {}
            }
        }
        let stop = stop.ok_or(FieldError::ExpectedRightBrace)?;
        let mut field = Field {
            name: s.get(from..i - 1).unwrap_or(""),
            conversion: None,
            spec: "",
            spec_needs_expanding: false,
        };
        if stop == b'}' {
            self.pos = i;
            return Ok(field);
        }
        if stop == b'!' {
            let c = s
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .ok_or(FieldError::EndOfStringInConversion)?;
            i += c.len_utf8();
            field.conversion = (c != '\0').then_some(c);
            // Without anything after the conversion, the spec scan below reports the
            // unmatched brace, as CPython does.
            if let Some(&b) = bytes.get(i) {
                i += 1;
                if b == b'}' {
                    self.pos = i;
                    return Ok(field);
                }
                if b != b':' {
                    return Err(FieldError::ExpectedColon);
                }
            }
        }
        let spec_start = i;
        let mut depth = 1;
        while let Some(&b) = bytes.get(i) {
            i += 1;
            match b {
                b'{' => {
                    field.spec_needs_expanding = true;
                    depth += 1;
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = s.get(spec_start..i - 1).unwrap_or("");
                        self.pos = i;
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        Err(FieldError::UnmatchedLeftBraceInSpec)
    }
}

/// Checks a field's conversion: `r`, `s` or `a` (or none).
pub fn check_conversion(conversion: Option<char>) -> Result<Option<char>, FieldError> {
    match conversion {
        None | Some('r' | 's' | 'a') => Ok(conversion),
        Some(c) => Err(FieldError::UnknownConversion(c)),
    }
}

/// The automatic field numbering state of one `str.format` call (nested specs included).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AutoNumber {
    state: NumberingState,
    next: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum NumberingState {
    #[default]
    Unset,
    Auto,
    Manual,
}

impl AutoNumber {
    /// A fresh state, for the start of a `str.format` call.
    pub fn new() -> AutoNumber {
        AutoNumber::default()
    }
}

/// The object a field name starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldFirst<'a> {
    /// A positional argument (written, or numbered automatically).
    Index(usize),
    /// A keyword argument (or the empty name, when splitting without automatic numbering).
    Name(&'a str),
}

/// One `.attr` or `[key]` after the first part of a field name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldAccessor<'a> {
    /// `.name`: an attribute.
    Attr(&'a str),
    /// `[digits]`: an item with an int key.
    Index(usize),
    /// `[text]`: an item with a str key.
    Key(&'a str),
}

/// Splits a field name into its first part and the lazy chain of accessors
/// (`_string.formatter_field_name_split` when `auto` is `None`). With `auto`, an empty first
/// part takes the next automatic number, and mixing automatic and manual numbering fails.
pub fn split_field_name<'a>(
    name: &'a str,
    auto: Option<&mut AutoNumber>,
) -> Result<(FieldFirst<'a>, FieldNameIter<'a>), FieldError> {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let first = name.get(..end).unwrap_or("");
    let rest = FieldNameIter { s: name, pos: end };
    let index = parse_index(first)?;
    let empty = first.is_empty();
    let Some(auto) = auto else {
        return Ok((
            index.map_or(FieldFirst::Name(first), FieldFirst::Index),
            rest,
        ));
    };
    if empty || index.is_some() {
        let wanted = if empty {
            NumberingState::Auto
        } else {
            NumberingState::Manual
        };
        match (auto.state, wanted) {
            (NumberingState::Unset, _) => auto.state = wanted,
            (NumberingState::Manual, NumberingState::Auto) => {
                return Err(FieldError::ManualToAuto);
            }
            (NumberingState::Auto, NumberingState::Manual) => {
                return Err(FieldError::AutoToManual);
            }
            _ => {}
        }
    }
    if empty {
        let n = auto.next;
        auto.next += 1;
        return Ok((FieldFirst::Index(n), rest));
    }
    Ok((
        index.map_or(FieldFirst::Name(first), FieldFirst::Index),
        rest,
    ))
}

/// The value of `s` if it is all Unicode decimal digits (and not empty).
fn parse_index(s: &str) -> Result<Option<usize>, FieldError> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut value: usize = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or(FieldError::TooManyDigits)?;
    }
    Ok(Some(value))
}

/// The accessors of a field name, one at a time; stops after the first error.
#[derive(Clone, Debug)]
pub struct FieldNameIter<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Iterator for FieldNameIter<'a> {
    type Item = Result<FieldAccessor<'a>, FieldError>;

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.s.as_bytes();
        let &b = bytes.get(self.pos)?;
        let item = self.next_accessor(b);
        if item.is_err() {
            self.pos = bytes.len();
        }
        Some(item)
    }
}

impl<'a> FieldNameIter<'a> {
    fn next_accessor(&mut self, b: u8) -> Result<FieldAccessor<'a>, FieldError> {
        let s = self.s;
        let bytes = s.as_bytes();
        let start = self.pos + 1;
        match b {
            b'.' => {
                let len = bytes[start..]
                    .iter()
                    .position(|&b| b == b'.' || b == b'[')
                    .unwrap_or(bytes.len() - start);
                self.pos = start + len;
                let attr = s.get(start..start + len).unwrap_or("");
                if attr.is_empty() {
                    return Err(FieldError::EmptyAttribute);
                }
                Ok(FieldAccessor::Attr(attr))
            }
            b'[' => {
                let len = bytes[start..]
                    .iter()
                    .position(|&b| b == b']')
                    .ok_or(FieldError::MissingRightBracket)?;
                self.pos = start + len + 1;
                let key = s.get(start..start + len).unwrap_or("");
                if key.is_empty() {
                    return Err(FieldError::EmptyAttribute);
                }
                Ok(match parse_index(key)? {
                    Some(n) => FieldAccessor::Index(n),
                    None => FieldAccessor::Key(key),
                })
            }
            _ => Err(FieldError::OnlyDotOrBracket),
        }
    }
}

/// An error of the `str.format` template language; `Display` is CPython's message and
/// [`FieldError::kind`] the exception class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    SingleRightBrace,
    SingleLeftBrace,
    ExpectedRightBrace,
    UnexpectedLeftBrace,
    EndOfStringInConversion,
    ExpectedColon,
    UnmatchedLeftBraceInSpec,
    EmptyAttribute,
    MissingRightBracket,
    OnlyDotOrBracket,
    TooManyDigits,
    ManualToAuto,
    AutoToManual,
    /// Nested replacement fields deeper than [`MAX_RECURSION`].
    MaxRecursion,
    UnknownConversion(char),
    /// A positional field beyond the arguments (IndexError).
    IndexOutOfRange(usize),
}

impl FieldError {
    /// The Python exception class for this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            FieldError::IndexOutOfRange(_) => ErrorKind::IndexError,
            _ => ErrorKind::ValueError,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let msg = match self {
            FieldError::SingleRightBrace => "Single '}' encountered in format string",
            FieldError::SingleLeftBrace => "Single '{' encountered in format string",
            FieldError::ExpectedRightBrace => "expected '}' before end of string",
            FieldError::UnexpectedLeftBrace => "unexpected '{' in field name",
            FieldError::EndOfStringInConversion => {
                "end of string while looking for conversion specifier"
            }
            FieldError::ExpectedColon => "expected ':' after conversion specifier",
            FieldError::UnmatchedLeftBraceInSpec => "unmatched '{' in format spec",
            FieldError::EmptyAttribute => "Empty attribute in format string",
            FieldError::MissingRightBracket => "Missing ']' in format string",
            FieldError::OnlyDotOrBracket => {
                "Only '.' or '[' may follow ']' in format field specifier"
            }
            FieldError::TooManyDigits => "Too many decimal digits in format string",
            FieldError::ManualToAuto => {
                "cannot switch from manual field specification to automatic field numbering"
            }
            FieldError::AutoToManual => {
                "cannot switch from automatic field numbering to manual field specification"
            }
            FieldError::MaxRecursion => "Max string recursion exceeded",
            FieldError::UnknownConversion(c) => {
                let cp = *c as u32;
                return if cp > 32 && cp < 127 {
                    write!(f, "Unknown conversion specifier {c}")
                } else {
                    write!(f, "Unknown conversion specifier \\x{cp:x}")
                };
            }
            FieldError::IndexOutOfRange(n) => {
                return write!(
                    f,
                    "Replacement index {n} out of range for positional args tuple"
                );
            }
        };
        f.write_str(msg)
    }
}

impl std::error::Error for FieldError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{FormatSpec, SpecKind, format_str};

    /// A markup item as plain data: the literal, and the field's name, spec and conversion.
    type Item = (String, Option<(String, String, Option<char>)>);

    fn items(t: &str) -> Result<Vec<Item>, String> {
        parse_markup(t)
            .map(|item| {
                item.map(|it| {
                    let field = it
                        .field
                        .map(|f| (f.name.to_string(), f.spec.to_string(), f.conversion));
                    (it.literal.to_string(), field)
                })
                .map_err(|e| e.to_string())
            })
            .collect()
    }

    fn lit(s: &str) -> Item {
        (s.into(), None)
    }

    fn fld(l: &str, name: &str, spec: &str, conv: Option<char>) -> Item {
        (l.into(), Some((name.into(), spec.into(), conv)))
    }

    #[test]
    fn markup() {
        // Expected values from python3.11 `list(_string.formatter_parser(t))`.
        assert_eq!(
            items("a{0}b{x.attr[key]!r:>{w}}c{{").unwrap(),
            vec![
                fld("a", "0", "", None),
                fld("b", "x.attr[key]", ">{w}", Some('r')),
                lit("c{"),
            ]
        );
        assert_eq!(items("a{{b").unwrap(), vec![lit("a{"), lit("b")]);
        assert_eq!(items("a}}b").unwrap(), vec![lit("a}"), lit("b")]);
        assert_eq!(items("").unwrap(), vec![]);
        assert_eq!(items("{}").unwrap(), vec![fld("", "", "", None)]);
        assert_eq!(items("{!r}").unwrap(), vec![fld("", "", "", Some('r'))]);
        assert_eq!(items("{:{}}").unwrap(), vec![fld("", "", "{}", None)]);
        assert_eq!(items("{a[}]}").unwrap(), vec![fld("", "a[}]", "", None)]);
        assert_eq!(items("{a[!]}").unwrap(), vec![fld("", "a[!]", "", None)]);
        assert_eq!(items("{a:{{}}}").unwrap(), vec![fld("", "a", "{{}}", None)]);
        assert_eq!(items("{!:}").unwrap(), vec![fld("", "", "", Some(':'))]);
        assert_eq!(items("{!é}").unwrap(), vec![fld("", "", "", Some('é'))]);
        assert_eq!(items("{0!\0}").unwrap(), vec![fld("", "0", "", None)]);
        assert_eq!(items("{ }").unwrap(), vec![fld("", " ", "", None)]);
        assert_eq!(
            items("{0:}}}").unwrap(),
            vec![fld("", "0", "", None), lit("}")]
        );
        assert_eq!(
            items("x{a:b{c}d{e:f}g}y").unwrap(),
            vec![fld("x", "a", "b{c}d{e:f}g", None), lit("y")]
        );
        for (t, want) in [
            ("{a[}", "expected '}' before end of string"),
            ("{a!}", "unmatched '{' in format spec"),
            ("{!}", "unmatched '{' in format spec"),
            ("{a!rx}", "expected ':' after conversion specifier"),
            ("{0!ss}", "expected ':' after conversion specifier"),
            (
                "{a!",
                "end of string while looking for conversion specifier",
            ),
            ("{a:", "unmatched '{' in format spec"),
            ("{a!r", "unmatched '{' in format spec"),
            ("{0:{{}", "unmatched '{' in format spec"),
            ("{a", "expected '}' before end of string"),
            ("{", "Single '{' encountered in format string"),
            ("}", "Single '}' encountered in format string"),
            ("a}b", "Single '}' encountered in format string"),
            ("{a}}", "Single '}' encountered in format string"),
            ("{{}", "Single '}' encountered in format string"),
            ("{a{", "unexpected '{' in field name"),
        ] {
            assert_eq!(items(t).unwrap_err(), want, "{t:?}");
        }
        // Lazy: the items before an error come out first.
        let mut it = parse_markup("a{0}b}");
        assert!(it.next().unwrap().is_ok());
        assert_eq!(it.next(), Some(Err(FieldError::SingleRightBrace)));
        assert_eq!(it.next(), None);
    }

    fn split(
        name: &str,
    ) -> Result<(FieldFirst<'_>, Vec<Result<FieldAccessor<'_>, String>>), String> {
        let (first, rest) = split_field_name(name, None).map_err(|e| e.to_string())?;
        Ok((first, rest.map(|r| r.map_err(|e| e.to_string())).collect()))
    }

    #[test]
    fn field_names() {
        use FieldAccessor::*;
        // Expected values from python3.11 `_string.formatter_field_name_split(name)`.
        assert_eq!(split("").unwrap(), (FieldFirst::Name(""), vec![]));
        assert_eq!(split("0").unwrap(), (FieldFirst::Index(0), vec![]));
        assert_eq!(split("01").unwrap(), (FieldFirst::Index(1), vec![]));
        assert_eq!(split("\u{663}").unwrap(), (FieldFirst::Index(3), vec![]));
        assert_eq!(split("-1").unwrap(), (FieldFirst::Name("-1"), vec![]));
        assert_eq!(split("a]").unwrap(), (FieldFirst::Name("a]"), vec![]));
        assert_eq!(
            split("a[0].b[c]").unwrap(),
            (
                FieldFirst::Name("a"),
                vec![Ok(Index(0)), Ok(Attr("b")), Ok(Key("c"))]
            )
        );
        assert_eq!(split("a[-1]").unwrap().1, vec![Ok(Key("-1"))]);
        assert_eq!(split("a[ 1]").unwrap().1, vec![Ok(Key(" 1"))]);
        assert_eq!(split("a.b]").unwrap().1, vec![Ok(Attr("b]"))]);
        assert_eq!(
            split(".b").unwrap(),
            (FieldFirst::Name(""), vec![Ok(Attr("b"))])
        );
        assert_eq!(
            split("0.real").unwrap(),
            (FieldFirst::Index(0), vec![Ok(Attr("real"))])
        );
        let empty = Err("Empty attribute in format string".to_string());
        assert_eq!(split("a.").unwrap().1, vec![empty.clone()]);
        assert_eq!(split("a..b").unwrap().1, vec![empty.clone()]);
        assert_eq!(split("a[]").unwrap().1, vec![empty.clone()]);
        assert_eq!(
            split("a[0").unwrap().1,
            vec![Err("Missing ']' in format string".to_string())]
        );
        assert_eq!(
            split("a[0]x").unwrap().1,
            vec![
                Ok(Index(0)),
                Err("Only '.' or '[' may follow ']' in format field specifier".to_string())
            ]
        );
        assert_eq!(
            split("99999999999999999999").unwrap_err(),
            "Too many decimal digits in format string"
        );
        assert_eq!(
            split("a[99999999999999999999]").unwrap().1,
            vec![Err("Too many decimal digits in format string".to_string())]
        );
    }

    #[test]
    fn auto_numbering() {
        let mut auto = AutoNumber::new();
        assert_eq!(
            split_field_name("", Some(&mut auto)).unwrap().0,
            FieldFirst::Index(0)
        );
        assert_eq!(
            split_field_name("a", Some(&mut auto)).unwrap().0,
            FieldFirst::Name("a")
        );
        assert_eq!(
            split_field_name(".x", Some(&mut auto)).unwrap().0,
            FieldFirst::Index(1)
        );
        assert_eq!(
            split_field_name("0", Some(&mut auto)).unwrap_err(),
            FieldError::AutoToManual
        );
        let mut auto = AutoNumber::new();
        assert_eq!(
            split_field_name("1", Some(&mut auto)).unwrap().0,
            FieldFirst::Index(1)
        );
        assert_eq!(
            split_field_name("", Some(&mut auto)).unwrap_err(),
            FieldError::ManualToAuto
        );
    }

    #[test]
    fn conversions_and_messages() {
        assert_eq!(check_conversion(Some('r')), Ok(Some('r')));
        assert_eq!(check_conversion(None), Ok(None));
        for (c, want) in [
            ('x', "Unknown conversion specifier x"),
            ('é', "Unknown conversion specifier \\xe9"),
            ('\x7f', "Unknown conversion specifier \\x7f"),
            (' ', "Unknown conversion specifier \\x20"),
            ('~', "Unknown conversion specifier ~"),
        ] {
            assert_eq!(check_conversion(Some(c)).unwrap_err().to_string(), want);
        }
        let e = FieldError::IndexOutOfRange(5);
        assert_eq!(
            e.to_string(),
            "Replacement index 5 out of range for positional args tuple"
        );
        assert_eq!(e.kind(), ErrorKind::IndexError);
    }

    /// A small `str.format` over str arguments, driven the way the module docs describe.
    fn format(template: &str, args: &[&str], kwargs: &[(&str, &str)]) -> Result<String, String> {
        fn build(
            t: &str,
            args: &[&str],
            kwargs: &[(&str, &str)],
            depth: u32,
            auto: &mut AutoNumber,
        ) -> Result<String, String> {
            if depth == 0 {
                return Err(FieldError::MaxRecursion.to_string());
            }
            let mut out = String::new();
            for item in parse_markup(t) {
                let item = item.map_err(|e| e.to_string())?;
                out.push_str(item.literal);
                let Some(field) = item.field else { continue };
                let (first, rest) =
                    split_field_name(field.name, Some(auto)).map_err(|e| e.to_string())?;
                let value = match first {
                    FieldFirst::Index(i) => args
                        .get(i)
                        .ok_or_else(|| FieldError::IndexOutOfRange(i).to_string())?,
                    FieldFirst::Name(n) => {
                        &kwargs.iter().find(|(k, _)| *k == n).ok_or("KeyError")?.1
                    }
                };
                if let Some(acc) = rest.into_iter().next() {
                    acc.map_err(|e| e.to_string())?;
                    return Err("no attributes here".into());
                }
                let value = match check_conversion(field.conversion).map_err(|e| e.to_string())? {
                    Some('r') => format!("'{value}'"),
                    _ => value.to_string(),
                };
                let spec = if field.spec_needs_expanding {
                    build(field.spec, args, kwargs, depth - 1, auto)?
                } else {
                    field.spec.to_string()
                };
                if spec.is_empty() {
                    out.push_str(&value);
                } else {
                    let sp = FormatSpec::parse(&spec, SpecKind::Str, "str")
                        .map_err(|e| e.to_string())?;
                    out.push_str(&format_str(&value, &sp).map_err(|e| e.to_string())?);
                }
            }
            Ok(out)
        }
        build(
            template,
            args,
            kwargs,
            MAX_RECURSION,
            &mut AutoNumber::new(),
        )
    }

    #[test]
    fn driving_str_format() {
        // Expected values from python3.11 `template.format(*args, **kwargs)`.
        assert_eq!(format("{}{}", &["1", "2"], &[]).unwrap(), "12");
        assert_eq!(format("{a}{}", &["1"], &[("a", "x")]).unwrap(), "x1");
        assert_eq!(
            format("{}{a}{}", &["1", "2"], &[("a", "x")]).unwrap(),
            "1x2"
        );
        assert_eq!(format("{:{}}|", &["ab", "4"], &[]).unwrap(), "ab  |");
        assert_eq!(format("{0:>{1}}", &["ab", "4"], &[]).unwrap(), "  ab");
        assert_eq!(format("{:{}}{}", &["ab", "3", "z"], &[]).unwrap(), "ab z");
        assert_eq!(
            format("{0:{1}{2}}|", &["ab", "<", "4"], &[]).unwrap(),
            "ab  |"
        );
        assert_eq!(format("{0!r:>{1}}", &["a", "5"], &[]).unwrap(), "  'a'");
        for (t, args, want) in [
            (
                "{0}{}",
                &["1", "2"][..],
                "cannot switch from manual field specification to automatic field numbering",
            ),
            (
                "{}{0}",
                &["1", "2"],
                "cannot switch from automatic field numbering to manual field specification",
            ),
            (
                "{0:{}}",
                &["a", "1"],
                "cannot switch from manual field specification to automatic field numbering",
            ),
            (
                "{:{0}}",
                &["a", "1"],
                "cannot switch from automatic field numbering to manual field specification",
            ),
            (
                "{:{:{}}}",
                &["a", "1", "2"],
                "Max string recursion exceeded",
            ),
            (
                "{0:{1:{2}}}",
                &["a", "1", "2"],
                "Max string recursion exceeded",
            ),
            ("{0:{1:{{}}}}", &["a", "1"], "Max string recursion exceeded"),
            ("{!x}", &["1"], "Unknown conversion specifier x"),
            (
                "{5}",
                &["1"],
                "Replacement index 5 out of range for positional args tuple",
            ),
            (
                "{2}{",
                &["1"],
                "Replacement index 2 out of range for positional args tuple",
            ),
            ("{0}{", &["1"], "Single '{' encountered in format string"),
        ] {
            assert_eq!(format(t, args, &[]).unwrap_err(), want, "{t:?}");
        }
    }

    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('\\') {
            out.push_str(&rest[..i]);
            rest = &rest[i + 1..];
            if let Some(r) = rest.strip_prefix('\\') {
                out.push('\\');
                rest = r;
            } else {
                let end = rest.find('}').unwrap();
                let cp = u32::from_str_radix(&rest[2..end], 16).unwrap();
                out.push(char::from_u32(cp).unwrap());
                rest = &rest[end + 1..];
            }
        }
        out.push_str(rest);
        out
    }

    fn markup_row(t: &str) -> String {
        let mut parts = Vec::new();
        for item in parse_markup(t) {
            match item {
                Err(e) => return format!("err:{e}"),
                Ok(it) => {
                    let f = match it.field {
                        None => ["\u{3}".to_string(), "\u{3}".into(), "\u{3}".into()],
                        Some(f) => [
                            f.name.into(),
                            f.spec.into(),
                            f.conversion.map_or("\u{3}".into(), String::from),
                        ],
                    };
                    parts.push(format!("{}\u{2}{}", it.literal, f.join("\u{2}")));
                }
            }
        }
        format!("ok:{}", parts.join("\u{1}"))
    }

    fn split_row(name: &str) -> String {
        let (first, rest) = match split_field_name(name, None) {
            Ok(x) => x,
            Err(e) => return format!("err:{e}"),
        };
        let mut parts = vec![match first {
            FieldFirst::Index(i) => format!("i{i}"),
            FieldFirst::Name(n) => format!("s{n}"),
        }];
        for acc in rest {
            parts.push(match acc {
                Ok(FieldAccessor::Attr(a)) => format!("a{a}"),
                Ok(FieldAccessor::Index(i)) => format!("i{i}"),
                Ok(FieldAccessor::Key(k)) => format!("k{k}"),
                Err(e) => format!("e{e}"),
            });
        }
        format!("ok:{}", parts.join("\u{1}"))
    }

    #[test]
    fn generated_table_matches_python() {
        let table = include_str!("testdata/fieldname_cases.txt");
        let mut count = 0;
        for line in table.lines() {
            let f: Vec<String> = line.split('\t').map(unescape).collect();
            let got = if f[0] == "markup" {
                markup_row(&f[1])
            } else {
                split_row(&f[1])
            };
            assert_eq!(got, f[2], "{} {:?}", f[0], f[1]);
            count += 1;
        }
        assert!(count > 1500);
    }
}
