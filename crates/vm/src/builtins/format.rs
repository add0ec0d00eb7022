//! `format()` of the built-in numbers and str, `str.format`/`format_map`, and `%`-formatting
//! of str and bytes: object access around rpy-text's formatting engines.
//! Counterpart: Python/formatter_unicode.c, Objects/stringlib/unicode_format.h,
//! Objects/unicodeobject.c `PyUnicode_Format` and Objects/bytesobject.c `_PyBytes_FormatEx`
//! (3.11).

use num_bigint::BigInt;
use rpy_text::format::fieldname::{
    AutoNumber, FieldAccessor, FieldError, FieldFirst, MAX_RECURSION, check_conversion,
    parse_markup, split_field_name,
};
use rpy_text::format::printf::{
    PrintfArgs, PrintfError, PrintfHost, PrintfSpec, format_printf_float, format_printf_int,
    pad_printf_byte, pad_printf_bytes, pad_printf_char, pad_printf_str, printf, printf_byte,
    printf_char,
};
use rpy_text::format::{
    FormatSpec, SpecKind, format_complex, format_float, format_int, format_str,
};

use crate::builtins::int::as_bigint;
use crate::builtins::text_err::ToPyErr;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The built-in value `format()` knows how to lay out.
enum Formattable<'a> {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(&'a str),
}

fn formattable(v: &Value) -> Option<Formattable<'_>> {
    Some(match v {
        Value::Int(i) => Formattable::Int(BigInt::from(*i)),
        Value::Bool(b) => Formattable::Int(BigInt::from(*b as i64)),
        Value::Float(f) => Formattable::Float(f.get()),
        Value::Obj(o) => match &o.payload {
            Payload::Int(n) => Formattable::Int(n.clone()),
            Payload::Float(f) => Formattable::Float(*f),
            Payload::Complex(re, im) => Formattable::Complex(*re, *im),
            Payload::Str(s) => Formattable::Str(s.as_str()),
            _ => return None,
        },
        _ => return None,
    })
}

/// `format(v, spec)` for int (bool and subclasses included), float, complex and str values
/// with a non-empty `spec`: the `__format__` of those types.
pub fn format_value(vm: &Vm, v: &Value, spec: &str) -> PyResult<Value> {
    let Some(f) = formattable(v) else {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(v)
        )));
    };
    // The type's name appears only in errors: a spec that fails is parsed again with it.
    let parse = |kind: SpecKind| {
        FormatSpec::parse(spec, kind, "")
            .or_else(|_| FormatSpec::parse(spec, kind, &vm.type_name(v)))
    };
    let r = match f {
        Formattable::Int(n) => match parse(SpecKind::Int) {
            Ok(s) => {
                // Decimal output goes through int -> str, which has the digit limit.
                if matches!(s.ty, None | Some('d' | 'n')) {
                    check_int_digits(vm, &n)?;
                }
                format_int(&n, &s)
            }
            Err(e) => Err(e),
        },
        Formattable::Float(x) => parse(SpecKind::Float).and_then(|s| format_float(x, &s)),
        Formattable::Complex(re, im) => {
            parse(SpecKind::Complex).and_then(|s| format_complex(re, im, &s))
        }
        Formattable::Str(t) => parse(SpecKind::Str).and_then(|s| format_str(t, &s)),
    };
    r.map(|s| vm.new_string(s)).map_err(|e| e.to_py(vm))
}

/// The 3.11 limit on int -> decimal str conversion (`sys.set_int_max_str_digits`).
fn check_int_digits(vm: &Vm, n: &BigInt) -> PyResult<()> {
    rpy_text::numbers::check_str_digits(n, crate::builtins::int::max_str_digits())
        .map_err(|e| e.to_py(vm))
}

/// The `__format__` method body shared by int, float, complex and str: `str(self)` for an
/// empty spec, else [`format_value`].
pub fn dunder_format(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::builtins::function::check_count(vm, "__format__", &args[1..], kw, 1, 1)?;
    let Some(spec) = crate::str::as_str(&args[1]) else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    if spec.is_empty() {
        return vm.str_obj(&args[0]);
    }
    format_value(vm, &args[0], spec)
}

// ---------------------------------------------------------------------------------------
// printf-style formatting

/// A Python error, or an error of the printf engine not yet turned into one.
enum HostErr {
    Py(PyErr),
    Printf(PrintfError),
}

impl From<PrintfError> for HostErr {
    fn from(e: PrintfError) -> HostErr {
        HostErr::Printf(e)
    }
}

impl HostErr {
    fn into_py(self, vm: &Vm) -> PyErr {
        match self {
            HostErr::Py(e) => e,
            HostErr::Printf(e) => e.to_py(vm),
        }
    }
}

/// The right operand of `%` as CPython classifies it: a tuple's items, a mapping (anything
/// with `__getitem__` that is not a tuple or a string), or one value.
fn printf_args(vm: &Vm, args: &Value, bytes: bool) -> PrintfArgs<Value> {
    if let Some(Payload::Tuple(t)) = args.payload() {
        return PrintfArgs::Tuple(t.to_vec());
    }
    let stringlike = match args.payload() {
        Some(Payload::Str(_)) => true,
        Some(Payload::Bytes(_) | Payload::ByteArray(_)) => bytes,
        _ => false,
    };
    if !stringlike && vm.lookup_special(args, "__getitem__").is_some() {
        return PrintfArgs::Mapping(args.clone());
    }
    PrintfArgs::Single(args.clone())
}

/// `PyNumber_Check`: ints, floats, complex numbers and anything with `__index__`, `__int__`
/// or `__float__`.
fn number_check(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::Obj(o)
            if matches!(
                o.payload,
                Payload::Int(_) | Payload::Float(_) | Payload::Complex(..)
            ) =>
        {
            true
        }
        _ => ["__index__", "__int__", "__float__"]
            .iter()
            .any(|m| vm.lookup_special(v, m).is_some()),
    }
}

fn is_type_error(vm: &Vm, e: &PyErr) -> bool {
    vm.exc_matches(e, &vm.types.exceptions.type_error)
}

/// The int that `%d %i %u %o %x %X` format: the value itself for ints, `__index__` for
/// `o x X`, `int()` for the others.
fn printf_int(vm: &Vm, v: &Value, conv: char) -> Result<BigInt, HostErr> {
    if let Some(n) = as_bigint(v) {
        return Ok(n);
    }
    let wrong = || -> HostErr {
        let type_name = vm.type_name(v);
        HostErr::Printf(if matches!(conv, 'o' | 'x' | 'X') {
            PrintfError::IntegerRequired { conv, type_name }
        } else {
            PrintfError::RealNumberRequired { conv, type_name }
        })
    };
    if !number_check(vm, v) {
        return Err(wrong());
    }
    let r = if matches!(conv, 'o' | 'x' | 'X') {
        vm.index_value(v)
    } else {
        crate::builtins::int::to_int(vm, v)
    };
    match r {
        Ok(i) => as_bigint(&i).ok_or_else(wrong),
        Err(e) if is_type_error(vm, &e) => Err(wrong()),
        Err(e) => Err(HostErr::Py(e)),
    }
}

/// `PyFloat_AsDouble`: floats as they are, then `__float__`, then `__index__`.
pub fn as_double(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(f.get()),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(*b as i64 as f64),
        Value::Obj(o) => {
            if let Payload::Float(f) = &o.payload {
                return Ok(*f);
            }
        }
        _ => {}
    }
    if let Some(m) = vm.lookup_special(v, "__float__") {
        let r = vm.call(&m, std::slice::from_ref(v))?;
        return match r {
            Value::Float(f) => Ok(f.get()),
            Value::Obj(ref o) if matches!(o.payload, Payload::Float(_)) => match o.payload {
                Payload::Float(f) => Ok(f),
                _ => Ok(0.0),
            },
            _ => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&r)
            ))),
        };
    }
    if vm.lookup_special(v, "__index__").is_some() || as_bigint(v).is_some() {
        let i = vm.index_value(v)?;
        let n = as_bigint(&i).unwrap_or_default();
        return rpy_text::numbers::int_to_f64(&n).map_err(|e| e.to_py(vm));
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// `%` on str: the VM side of rpy-text's printf engine.
struct StrHost<'a> {
    vm: &'a Vm,
}

impl PrintfHost<str> for StrHost<'_> {
    type Value = Value;
    type Error = HostErr;

    fn getitem(&mut self, mapping: &Value, key: &str) -> Result<Value, HostErr> {
        self.vm
            .getitem(mapping, &self.vm.new_str(key))
            .map_err(HostErr::Py)
    }

    fn star_int(&mut self, value: &Value) -> Option<BigInt> {
        as_bigint(value)
    }

    fn convert(&mut self, v: &Value, spec: &PrintfSpec, out: &mut String) -> Result<(), HostErr> {
        let vm = self.vm;
        let piece = match spec.conv {
            's' => pad_printf_str(&vm.str(v).map_err(HostErr::Py)?, spec)?,
            'r' => pad_printf_str(&vm.repr(v).map_err(HostErr::Py)?, spec)?,
            'a' => {
                let r = vm.repr(v).map_err(HostErr::Py)?;
                pad_printf_str(&crate::builtins::str::ascii_escape(&r), spec)?
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let n = printf_int(vm, v, spec.conv)?;
                if matches!(spec.conv, 'd' | 'i' | 'u') {
                    check_int_digits(vm, &n).map_err(HostErr::Py)?;
                }
                format_printf_int(&n, spec)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = as_double(vm, v).map_err(HostErr::Py)?;
                format_printf_float(x, spec)?
            }
            'c' => {
                let c = if let Some(s) = crate::str::as_str(v) {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => c,
                        _ => return Err(PrintfError::CharRequired.into()),
                    }
                } else {
                    match vm.index_value(v) {
                        Ok(i) => printf_char(&as_bigint(&i).unwrap_or_default())?,
                        Err(e) if is_type_error(vm, &e) => {
                            return Err(PrintfError::CharRequired.into());
                        }
                        Err(e) => return Err(HostErr::Py(e)),
                    }
                };
                pad_printf_char(c, spec)?
            }
            _ => return Err(PrintfError::Incomplete.into()),
        };
        out.push_str(&piece);
        Ok(())
    }
}

/// `fmt % args` for str.
pub fn percent_format(vm: &Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let mut host = StrHost { vm };
    let r = printf(&mut host, fmt, printf_args(vm, args, false));
    r.map(|s| vm.new_string(s)).map_err(|e| e.into_py(vm))
}

/// The bytes `%b`/`%s` take: a buffer's contents or `__bytes__()`.
fn printf_bytes_of(vm: &Vm, v: &Value) -> Result<Vec<u8>, HostErr> {
    if let Some(b) = crate::builtins::bytes::buffer_bytes(v) {
        return Ok(b);
    }
    if let Some(m) = vm.lookup_special(v, "__bytes__") {
        let r = vm.call(&m, std::slice::from_ref(v)).map_err(HostErr::Py)?;
        return match r.payload() {
            Some(Payload::Bytes(b)) => Ok(b.to_vec()),
            _ => Err(HostErr::Py(vm.type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(&r)
            )))),
        };
    }
    Err(PrintfError::BytesLikeRequired {
        type_name: vm.type_name(v),
    }
    .into())
}

/// `%` on bytes and bytearray.
struct BytesHost<'a> {
    vm: &'a Vm,
}

impl PrintfHost<[u8]> for BytesHost<'_> {
    type Value = Value;
    type Error = HostErr;

    fn getitem(&mut self, mapping: &Value, key: &[u8]) -> Result<Value, HostErr> {
        let k = crate::builtins::bytes::new_bytes(self.vm, key.to_vec());
        self.vm.getitem(mapping, &k).map_err(HostErr::Py)
    }

    fn star_int(&mut self, value: &Value) -> Option<BigInt> {
        as_bigint(value)
    }

    fn convert(&mut self, v: &Value, spec: &PrintfSpec, out: &mut Vec<u8>) -> Result<(), HostErr> {
        let vm = self.vm;
        let piece = match spec.conv {
            's' | 'b' => pad_printf_bytes(&printf_bytes_of(vm, v)?, spec)?,
            'r' | 'a' => {
                let r = vm.repr(v).map_err(HostErr::Py)?;
                pad_printf_bytes(crate::builtins::str::ascii_escape(&r).as_bytes(), spec)?
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let n = printf_int(vm, v, spec.conv)?;
                if matches!(spec.conv, 'd' | 'i' | 'u') {
                    check_int_digits(vm, &n).map_err(HostErr::Py)?;
                }
                format_printf_int(&n, spec)?.into_bytes()
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = as_double(vm, v).map_err(|_| {
                    HostErr::Printf(PrintfError::FloatRequired {
                        type_name: vm.type_name(v),
                    })
                })?;
                format_printf_float(x, spec)?.into_bytes()
            }
            'c' => {
                let b = match v.payload() {
                    Some(Payload::Bytes(b)) if b.len() == 1 => b[0],
                    Some(Payload::ByteArray(b)) if b.borrow().len() == 1 => b.borrow()[0],
                    _ => match vm.index_value(v) {
                        Ok(i) => printf_byte(&as_bigint(&i).unwrap_or_default())?,
                        Err(e) if is_type_error(vm, &e) => {
                            return Err(PrintfError::BytesCharRequired.into());
                        }
                        Err(e) => return Err(HostErr::Py(e)),
                    },
                };
                pad_printf_byte(b, spec)?
            }
            _ => return Err(PrintfError::Incomplete.into()),
        };
        out.extend_from_slice(&piece);
        Ok(())
    }
}

/// `fmt % args` for bytes and bytearray: the resulting bytes.
pub fn bytes_percent_format(vm: &Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let mut host = BytesHost { vm };
    printf(&mut host, fmt, printf_args(vm, args, true)).map_err(|e| e.into_py(vm))
}

// ---------------------------------------------------------------------------------------
// str.format

/// Where `str.format` finds its fields: positional arguments (none for `format_map`) and the
/// keyword arguments or the mapping.
struct FormatArgs<'a> {
    positional: Option<&'a [Value]>,
    keywords: Keywords<'a>,
}

enum Keywords<'a> {
    Call {
        names: &'a [Value],
        values: &'a [Value],
    },
    Mapping(&'a Value),
}

fn field_err(vm: &Vm, e: FieldError) -> PyErr {
    e.to_py(vm)
}

/// `get_field_object`: the argument a field name starts from, then its `.attr`/`[key]` chain.
fn field_object(
    vm: &Vm,
    name: &str,
    args: &FormatArgs<'_>,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    let (first, rest) = split_field_name(name, Some(auto)).map_err(|e| field_err(vm, e))?;
    let mut obj = match first {
        FieldFirst::Index(i) => {
            let Some(pos) = args.positional else {
                return Err(vm.value_error("Format string contains positional fields"));
            };
            match pos.get(i) {
                Some(v) => v.clone(),
                None => return Err(field_err(vm, FieldError::IndexOutOfRange(i))),
            }
        }
        FieldFirst::Name(key) => match &args.keywords {
            Keywords::Call { names, values } => {
                match names
                    .iter()
                    .position(|k| crate::str::as_str(k) == Some(key))
                {
                    Some(p) => values[p].clone(),
                    None => return Err(vm.key_error(vm.new_str(key))),
                }
            }
            Keywords::Mapping(m) => vm.getitem(m, &vm.new_str(key))?,
        },
    };
    for acc in rest {
        obj = match acc.map_err(|e| field_err(vm, e))? {
            FieldAccessor::Attr(a) => vm.getattr_str(&obj, a)?,
            FieldAccessor::Index(i) => vm.getitem(&obj, &Value::from(i))?,
            FieldAccessor::Key(k) => vm.getitem(&obj, &vm.new_str(k))?,
        };
    }
    Ok(obj)
}

/// `build_string`: expands one template (the string, or a nested spec one level down).
fn build_string(
    vm: &Vm,
    template: &str,
    args: &FormatArgs<'_>,
    depth: u32,
    auto: &mut AutoNumber,
) -> PyResult<String> {
    if depth == 0 {
        return Err(field_err(vm, FieldError::MaxRecursion));
    }
    let mut out = String::with_capacity(template.len());
    for item in parse_markup(template) {
        let item = item.map_err(|e| field_err(vm, e))?;
        out.push_str(item.literal);
        let Some(field) = item.field else { continue };
        let obj = field_object(vm, field.name, args, auto)?;
        let obj = match check_conversion(field.conversion).map_err(|e| field_err(vm, e))? {
            None => obj,
            Some('r') => vm.new_string(vm.repr(&obj)?),
            Some('a') => vm.new_string(crate::builtins::str::ascii_escape(&vm.repr(&obj)?)),
            Some(_) => vm.str_obj(&obj)?,
        };
        let expanded;
        let spec = if field.spec_needs_expanding {
            expanded = build_string(vm, field.spec, args, depth - 1, auto)?;
            expanded.as_str()
        } else {
            field.spec
        };
        if spec.is_empty()
            && let Some(s) = crate::str::exact_str(&obj)
        {
            out.push_str(s);
            continue;
        }
        let r = vm.format(&obj, spec)?;
        out.push_str(crate::str::as_str(&r).unwrap_or(""));
    }
    Ok(out)
}

/// `s.format(*args, **kwargs)`; `args` holds the positional then the keyword values.
pub fn str_format(vm: &Vm, s: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let fa = FormatArgs {
        positional: Some(&args[..npos]),
        keywords: Keywords::Call {
            names: kwnames,
            values: &args[npos..],
        },
    };
    let mut auto = AutoNumber::new();
    Ok(vm.new_string(build_string(vm, s, &fa, MAX_RECURSION, &mut auto)?))
}

/// `s.format_map(mapping)`.
pub fn str_format_map(vm: &Vm, s: &str, mapping: &Value) -> PyResult<Value> {
    let fa = FormatArgs {
        positional: None,
        keywords: Keywords::Mapping(mapping),
    };
    let mut auto = AutoNumber::new();
    Ok(vm.new_string(build_string(vm, s, &fa, MAX_RECURSION, &mut auto)?))
}
