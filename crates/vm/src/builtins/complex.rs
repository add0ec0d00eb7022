//! `complex`.
//! Counterpart: Objects/complexobject.c (3.11).

use crate::builtins::function::{MethodKind, parse_args};
use crate::builtins::number_fast::{int_to_f64, num_of};
use crate::object::{Payload, PyObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn new_complex(vm: &Vm, re: f64, im: f64) -> Value {
    Value::Obj(PyObject::new(
        vm.types.complex.clone(),
        Payload::Complex(re, im),
    ))
}

/// A complex, float or int value as (re, im).
fn as_complex(vm: &Vm, v: &Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(Payload::Complex(re, im)) = v.payload() {
        return Ok(Some((*re, *im)));
    }
    match num_of(v, false) {
        Some(n) => Ok(Some((int_to_f64(vm, &n)?, 0.0))),
        None => Ok(None),
    }
}

/// `(a+bj) ** (c+dj)`.
pub fn complex_pow(vm: &Vm, a: f64, b: f64, c: f64, d: f64) -> PyResult<Value> {
    if c == 0.0 && d == 0.0 {
        return Ok(new_complex(vm, 1.0, 0.0));
    }
    if a == 0.0 && b == 0.0 {
        if d != 0.0 || c < 0.0 {
            return Err(vm.zero_division_error("0.0 to a negative or complex power"));
        }
        return Ok(new_complex(vm, 0.0, 0.0));
    }
    // Integer exponents by repeated multiplication, as CPython does for small ones.
    if d == 0.0 && c == c.trunc() && c.abs() <= 100.0 {
        let n = c as i64;
        let (mut rr, mut ri) = (1.0f64, 0.0f64);
        let (mut br, mut bi) = (a, b);
        let mut e = n.unsigned_abs();
        while e > 0 {
            if e & 1 == 1 {
                let t = rr * br - ri * bi;
                ri = rr * bi + ri * br;
                rr = t;
            }
            let t = br * br - bi * bi;
            bi *= 2.0 * br;
            br = t;
            e >>= 1;
        }
        if n < 0 {
            let den = rr * rr + ri * ri;
            return Ok(new_complex(vm, rr / den, -ri / den));
        }
        return Ok(new_complex(vm, rr, ri));
    }
    let vabs = a.hypot(b);
    let mut len = vabs.powf(c);
    let at = b.atan2(a);
    let mut phase = at * c;
    if d != 0.0 {
        len /= (at * d).exp();
        phase += d * vabs.ln();
    }
    Ok(new_complex(vm, len * phase.cos(), len * phase.sin()))
}

fn binop(vm: &Vm, args: &[Value], op: u8, reflected: bool) -> PyResult<Value> {
    let Some((a, b)) = as_complex(vm, &args[0])? else {
        return Ok(vm.not_implemented());
    };
    let Some((c, d)) = as_complex(vm, &args[1])? else {
        return Ok(vm.not_implemented());
    };
    let ((a, b), (c, d)) = if reflected {
        ((c, d), (a, b))
    } else {
        ((a, b), (c, d))
    };
    Ok(match op {
        b'+' => new_complex(vm, a + c, b + d),
        b'-' => new_complex(vm, a - c, b - d),
        b'*' => new_complex(vm, a * c - b * d, a * d + b * c),
        b'/' => {
            if c == 0.0 && d == 0.0 {
                return Err(vm.zero_division_error("complex division by zero"));
            }
            // Smith's algorithm, as CPython.
            if c.abs() >= d.abs() {
                let ratio = d / c;
                let den = c + d * ratio;
                new_complex(vm, (a + b * ratio) / den, (b - a * ratio) / den)
            } else {
                let ratio = c / d;
                let den = c * ratio + d;
                new_complex(vm, (a * ratio + b) / den, (b * ratio - a) / den)
            }
        }
        _ => return complex_pow(vm, a, b, c, d),
    })
}

macro_rules! cbinops {
    ($( $f:ident, $rf:ident, $op:expr; )*) => {
        $(
            fn $f(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                binop(vm, args, $op, false)
            }
            fn $rf(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                binop(vm, args, $op, true)
            }
        )*
    };
}

cbinops! {
    c_add, c_radd, b'+';
    c_sub, c_rsub, b'-';
    c_mul, c_rmul, b'*';
    c_div, c_rdiv, b'/';
    c_pow, c_rpow, b'^';
}

fn parts(vm: &Vm, v: &Value) -> PyResult<(f64, f64)> {
    as_complex(vm, v)?.ok_or_else(|| vm.type_error("complex required"))
}

/// `repr(complex)`.
pub fn complex_repr_str(re: f64, im: f64) -> String {
    rpy_marshal::repr::complex_repr(re, im)
}

fn c_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (re, im) = parts(vm, &args[0])?;
    Ok(vm.new_string(complex_repr_str(re, im)))
}

fn c_abs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (re, im) = parts(vm, &args[0])?;
    let r = re.hypot(im);
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(Value::float(r))
}

fn c_neg(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (re, im) = parts(vm, &args[0])?;
    Ok(new_complex(vm, -re, -im))
}

fn c_pos(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (re, im) = parts(vm, &args[0])?;
    Ok(new_complex(vm, re, im))
}

fn c_bool(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (re, im) = parts(vm, &args[0])?;
    Ok(Value::bool(re != 0.0 || im != 0.0))
}

fn c_conjugate(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (re, im) = parts(vm, &args[0])?;
    Ok(new_complex(vm, re, -im))
}

fn c_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = parts(vm, &args[0])?;
    match as_complex(vm, &args[1])? {
        Some((c, d)) => Ok(Value::bool(a == c && b == d)),
        None => Ok(vm.not_implemented()),
    }
}

fn c_ne(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = parts(vm, &args[0])?;
    match as_complex(vm, &args[1])? {
        Some((c, d)) => Ok(Value::bool(!(a == c && b == d))),
        None => Ok(vm.not_implemented()),
    }
}

fn c_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (re, im) = parts(vm, &args[0])?;
    let hr = crate::builtins::float::hash_f64(re, &args[0]) as u64;
    let hi = crate::builtins::float::hash_f64(im, &args[0]) as u64;
    let h = hr.wrapping_add(hi.wrapping_mul(1000003)) as i64;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn get_real(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::float(parts(vm, v)?.0))
}

fn get_imag(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::float(parts(vm, v)?.1))
}

/// Whether `v` is something `complex()` takes as a number: a complex, or anything with
/// `__float__` or `__index__` (ints and floats included).
fn is_number(vm: &Vm, v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Complex(..)))
        || num_of(v, false).is_some()
        || vm.lookup_special(v, "__float__").is_some()
        || vm.lookup_special(v, "__index__").is_some()
}

/// `complex(real, imag)`, CPython's `complex_new_impl`: each argument contributes its real
/// part, and a complex one its imaginary part too (`real + imag*1j`).
fn c_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| vm.is_type(c)) else {
        return Err(vm.type_error("complex.__new__(X): X is not a type object"));
    };
    let p = parse_args(
        vm,
        "complex",
        &args[1..],
        kwnames,
        &["real", "imag"],
        0,
        2,
        0,
    )?;
    let Some(r) = p.get(0) else {
        let (re, im) = match p.get(1) {
            None => (0.0, 0.0),
            Some(i) => {
                if crate::str::as_str(i).is_some() {
                    return Err(vm.type_error("complex() second arg can't be a string"));
                }
                let (c, d) = number_parts(vm, i, "second argument must be a number")?;
                (-d, c)
            }
        };
        return Ok(Value::Obj(PyObject::new(cls, Payload::Complex(re, im))));
    };
    if let Some(s) = crate::str::as_str(r) {
        if p.get(1).is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let (a, b) = parse_complex(s)
            .ok_or_else(|| vm.value_error("complex() arg is a malformed string"))?;
        return Ok(Value::Obj(PyObject::new(cls, Payload::Complex(a, b))));
    }
    let i = p.get(1);
    if i.is_some_and(|i| crate::str::as_str(i).is_some()) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let mut r = r.clone();
    let mut r_complex = false;
    if !matches!(r.payload(), Some(Payload::Complex(..)))
        && let Some(m) = vm.lookup_special(&r, "__complex__")
    {
        let c = vm.call(&m, std::slice::from_ref(&r))?;
        if !matches!(c.payload(), Some(Payload::Complex(..))) {
            return Err(vm.type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(&c)
            )));
        }
        r = c;
        r_complex = true;
    }
    if !r_complex && !is_number(vm, &r) {
        return Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            vm.type_name(&r)
        )));
    }
    if let Some(i) = i
        && !is_number(vm, i)
    {
        return Err(vm.type_error(format!(
            "complex() second argument must be a number, not '{}'",
            vm.type_name(i)
        )));
    }
    let (mut cr_re, cr_im, cr_is_complex) = match r.payload() {
        Some(Payload::Complex(a, b)) => (*a, *b, true),
        _ => (crate::builtins::float::to_float(vm, &r)?, 0.0, false),
    };
    let mut ci_re = match i {
        None => cr_im,
        Some(i) => match i.payload() {
            Some(Payload::Complex(c, d)) => {
                cr_re -= *d;
                *c
            }
            _ => crate::builtins::float::to_float(vm, i)?,
        },
    };
    if cr_is_complex && i.is_some() {
        ci_re += cr_im;
    }
    if std::rc::Rc::ptr_eq(&cls, &vm.types.complex)
        && i.is_none()
        && let Value::Obj(o) = &r
        && std::rc::Rc::ptr_eq(o.class(), &vm.types.complex)
    {
        return Ok(r);
    }
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Complex(cr_re, ci_re),
    )))
}

/// The (re, im) of a number argument (`msg` names what was expected).
fn number_parts(vm: &Vm, v: &Value, msg: &str) -> PyResult<(f64, f64)> {
    if let Some(Payload::Complex(a, b)) = v.payload() {
        return Ok((*a, *b));
    }
    if !is_number(vm, v) {
        return Err(vm.type_error(format!("complex() {msg}, not '{}'", vm.type_name(v))));
    }
    Ok((crate::builtins::float::to_float(vm, v)?, 0.0))
}

/// `complex(s)`: `[ws] ['('] [ws] real [(+|-) imag j] [ws] [')'] [ws]` or an imaginary part
/// alone, each part a float literal as `float()` reads it (underscores, `inf`, `nan`,
/// Unicode digits), with no whitespace inside.
fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let ascii: String = s
        .chars()
        .map(|c| {
            if rpy_text::strings::ctype::is_space(c) {
                ' '
            } else {
                c
            }
        })
        .map(|c| match rpy_text::strings::ctype::decimal_value(c) {
            Some(d) if !c.is_ascii() => char::from_digit(d, 10).unwrap_or(c),
            _ => c,
        })
        .collect();
    let mut t = ascii.trim_matches(' ');
    if let Some(inner) = t.strip_prefix('(') {
        t = inner.strip_suffix(')')?.trim_matches(' ');
    }
    if t.is_empty() || t.contains(' ') {
        return None;
    }
    let float = |x: &str| -> Option<f64> {
        if x.is_empty() {
            return None;
        }
        rpy_text::numbers::parse_float(x).ok()
    };
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return Some((float(t)?, 0.0));
    };
    // The imaginary part starts at the last sign that does not follow an exponent marker.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    let (re, im) = match split {
        Some(i) => (float(&body[..i])?, &body[i..]),
        None => (0.0, body),
    };
    let im = match im {
        "" | "+" => 1.0,
        "-" => -1.0,
        x => float(x)?,
    };
    Some((re, im))
}

fn c_getnewargs(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (re, im) = parts(vm, &args[0])?;
    Ok(vm.new_tuple(vec![Value::float(re), Value::float(im)]))
}

fn c_complex(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Value::Obj(o) = &args[0]
        && std::rc::Rc::ptr_eq(o.class(), &vm.types.complex)
    {
        return Ok(args[0].clone());
    }
    let (re, im) = parts(vm, &args[0])?;
    Ok(new_complex(vm, re, im))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.complex;
    vm.add_methods(
        t,
        &[
            ("__add__", c_add),
            ("__radd__", c_radd),
            ("__sub__", c_sub),
            ("__rsub__", c_rsub),
            ("__mul__", c_mul),
            ("__rmul__", c_rmul),
            ("__truediv__", c_div),
            ("__rtruediv__", c_rdiv),
            ("__pow__", c_pow),
            ("__rpow__", c_rpow),
            ("__repr__", c_repr),
            ("__abs__", c_abs),
            ("__neg__", c_neg),
            ("__pos__", c_pos),
            ("__bool__", c_bool),
            ("__eq__", c_eq),
            ("__ne__", c_ne),
            ("__hash__", c_hash),
            ("conjugate", c_conjugate),
            ("__getnewargs__", c_getnewargs),
            ("__complex__", c_complex),
            ("__format__", crate::builtins::format::dunder_format),
        ],
    );
    vm.add_methods_kind(t, &[("__new__", c_new)], MethodKind::Static);
    vm.add_getsets(t, &[("real", get_real, None), ("imag", get_imag, None)]);
}

#[cfg(test)]
mod tests {
    use super::parse_complex;

    #[test]
    fn complex_strings() {
        // Expected values printed by python3.11 (`complex(s)`).
        assert_eq!(parse_complex(" ( 1+2j ) "), Some((1.0, 2.0)));
        assert_eq!(parse_complex("1_0+2_0j"), Some((10.0, 20.0)));
        assert_eq!(parse_complex("j"), Some((0.0, 1.0)));
        assert_eq!(parse_complex("-J"), Some((0.0, -1.0)));
        assert_eq!(parse_complex("1e5+1e5j"), Some((1e5, 1e5)));
        assert_eq!(parse_complex("1e+5j"), Some((0.0, 1e5)));
        assert_eq!(parse_complex("+1.5"), Some((1.5, 0.0)));
        assert_eq!(parse_complex("\u{661}+2j"), Some((1.0, 2.0)));
        for bad in ["", "()", "1+", "1 +2j", "x", "1+2jj", "(1+2j", "1+2j)"] {
            assert_eq!(parse_complex(bad), None, "{bad:?}");
        }
    }
}
