//! python3.11 as the oracle for rpy-text's number algorithms: 4,000 rounds of random int and
//! float parsing, printing, rounding, division, conversion and byte packing, each result
//! (or exception class and message) compared exactly.

mod common;

use num_bigint::BigInt;
use rpy_text::numbers::{self as num, ByteOrder, ExcKind};

#[derive(Debug, Clone, PartialEq)]
enum V {
    Float(u64),
    Nan,
    Int(BigInt),
    Str(String),
    Bytes(Vec<u8>),
    Bool(bool),
    Tuple(Vec<V>),
    Err(String),
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}

fn split_top(s: &str) -> Vec<&str> {
    // Items never nest, so a plain split works.
    if s.is_empty() {
        vec![]
    } else {
        s.split(',').collect()
    }
}

fn parse(field: &str) -> V {
    let rest = &field[1..];
    match field.as_bytes()[0] {
        b'f' if rest == "nan" => V::Nan,
        b'f' => V::Float(u64::from_str_radix(rest, 16).expect("float bits")),
        b's' => V::Str(String::from_utf8(hex(rest)).expect("utf-8")),
        b'b' => V::Bytes(hex(rest)),
        b'T' => V::Bool(true),
        b'F' => V::Bool(false),
        b'(' => V::Tuple(
            split_top(&field[1..field.len() - 1])
                .into_iter()
                .map(parse)
                .collect(),
        ),
        b'!' => V::Err(rest.to_string()),
        _ => V::Int(field.parse().expect("int")),
    }
}

fn float(x: f64) -> V {
    if x.is_nan() {
        V::Nan
    } else {
        V::Float(x.to_bits())
    }
}

fn f(v: &V) -> f64 {
    match v {
        V::Float(bits) => f64::from_bits(*bits),
        V::Nan => f64::NAN,
        _ => panic!("not a float: {v:?}"),
    }
}

fn int(v: &V) -> &BigInt {
    match v {
        V::Int(n) => n,
        _ => panic!("not an int: {v:?}"),
    }
}

fn small(v: &V) -> i64 {
    i64::try_from(int(v)).expect("small int")
}

fn s(v: &V) -> &str {
    match v {
        V::Str(s) => s,
        _ => panic!("not a str: {v:?}"),
    }
}

fn b(v: &V) -> &[u8] {
    match v {
        V::Bytes(b) => b,
        _ => panic!("not bytes: {v:?}"),
    }
}

fn flag(v: &V) -> bool {
    match v {
        V::Bool(b) => *b,
        _ => panic!("not a bool: {v:?}"),
    }
}

fn kind_name(kind: ExcKind) -> &'static str {
    match kind {
        ExcKind::ValueError => "ValueError",
        ExcKind::OverflowError => "OverflowError",
        ExcKind::ZeroDivisionError => "ZeroDivisionError",
        ExcKind::MemoryError => "MemoryError",
    }
}

fn err(e: &num::NumError) -> V {
    V::Err(format!("{}:{e}", kind_name(e.kind())))
}

fn res<T>(r: Result<T, num::NumError>, ok: impl FnOnce(T) -> V) -> V {
    r.map_or_else(|e| err(&e), ok)
}

fn order(v: &V) -> ByteOrder {
    if s(v) == "big" {
        ByteOrder::Big
    } else {
        ByteOrder::Little
    }
}

fn call(name: &str, a: &[V]) -> V {
    match name {
        "int" => match num::parse_int(s(&a[0]), small(&a[1]) as u32) {
            Ok(n) => V::Int(n),
            Err(e) => V::Err(format!("{}:{e}", kind_name(e.kind()))),
        },
        "int_bytes" => match num::parse_int_bytes(b(&a[0]), small(&a[1]) as u32, 0) {
            Ok(n) => V::Int(n),
            Err(e) => V::Err(format!("{}:{e}", kind_name(e.kind()))),
        },
        "float" | "repr_parse" => match num::parse_float(s(&a[0])) {
            Ok(x) => float(x),
            Err(e) => V::Err(format!("{}:{e}", kind_name(e.kind()))),
        },
        "float_bytes" => match num::parse_float_bytes(b(&a[0])) {
            Ok(x) => float(x),
            Err(e) => V::Err(format!("{}:{e}", kind_name(e.kind()))),
        },
        "fromhex" => res(num::float_fromhex(s(&a[0])), float),
        "hex" => V::Str(num::float_hex(f(&a[0]))),
        "ratio" => res(num::as_integer_ratio(f(&a[0])), |(n, d)| {
            V::Tuple(vec![V::Int(n), V::Int(d)])
        }),
        "is_integer" => V::Bool(num::float_is_integer(f(&a[0]))),
        "int_of_float" => res(num::float_to_int(f(&a[0])), V::Int),
        "round_int" => res(num::float_round_to_int(f(&a[0])), V::Int),
        "round" => res(num::float_round_digits(f(&a[0]), small(&a[1])), float),
        "mod" => res(num::float_mod(f(&a[0]), f(&a[1])), float),
        "floordiv" => res(num::float_floordiv(f(&a[0]), f(&a[1])), float),
        "divmod" => res(num::float_divmod(f(&a[0]), f(&a[1])), |(q, r)| {
            V::Tuple(vec![float(q), float(r)])
        }),
        "fmod" => res(num::math_fmod(f(&a[0]), f(&a[1])), float),
        "truediv" => res(num::int_true_divide(int(&a[0]), int(&a[1])), float),
        "int_to_float" => res(num::int_to_f64(int(&a[0])), float),
        "floordiv_int" => res(num::int_floordiv(int(&a[0]), int(&a[1])), V::Int),
        "mod_int" => res(num::int_mod(int(&a[0]), int(&a[1])), V::Int),
        "divmod_int" => res(num::int_divmod(int(&a[0]), int(&a[1])), |(q, r)| {
            V::Tuple(vec![V::Int(q), V::Int(r)])
        }),
        "round_int_nd" => V::Int(num::int_round(int(&a[0]), small(&a[1]))),
        "pow_mod" => res(num::int_pow_mod(int(&a[0]), int(&a[1]), int(&a[2])), V::Int),
        "to_bytes" => res(
            num::int_to_bytes(int(&a[0]), small(&a[1]) as isize, order(&a[2]), flag(&a[3])),
            V::Bytes,
        ),
        "from_bytes" => V::Int(num::int_from_bytes(b(&a[0]), order(&a[1]), flag(&a[2]))),
        "bits" => V::Tuple(vec![
            V::Int(num::bit_length(int(&a[0])).into()),
            V::Int(num::bit_count(int(&a[0])).into()),
        ]),
        "str" => {
            let n = int(&a[0]);
            V::Tuple(vec![
                V::Str(num::int_to_decimal_str(n, 0).unwrap_or_default()),
                V::Str(num::int_to_prefixed_str(n, 16)),
                V::Str(num::int_to_prefixed_str(n, 8)),
                V::Str(num::int_to_prefixed_str(n, 2)),
            ])
        }
        _ => panic!("unknown operation {name}"),
    }
}

#[test]
fn random_operations_match_python() {
    let out = common::run_python("tests/oracle/number_cases.py");
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in out.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let (name, rest) = fields.split_first().expect("operation");
        let (expected, args) = rest.split_last().expect("result");
        let args: Vec<V> = args.iter().map(|a| parse(a)).collect();
        let expected = parse(expected);
        let got = call(name, &args);
        let seen = failures
            .iter()
            .filter(|f: &&String| f.starts_with(name))
            .count();
        if got != expected && seen < 4 {
            failures.push(format!(
                "{name}{args:?}: python {expected:?}, rpy-text {got:?}"
            ));
        }
        checked += 1;
    }
    assert!(checked > 100_000, "only {checked} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
