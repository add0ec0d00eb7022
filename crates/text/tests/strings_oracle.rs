//! python3.11 as the oracle for rpy-text's str and bytes algorithms: every code point's
//! properties and case mappings (compared by CRC-32 per block of 4096), and 12,000 random
//! calls of the search, split, strip, padding and case methods on str and bytes.

mod common;

use std::borrow::Cow;

use rpy_text::strings::{self, bytes};

/// A value of the oracle's line format (see tests/oracle/string_cases.py).
#[derive(Debug, Clone, PartialEq)]
enum V {
    None,
    Str(String),
    Bytes(Vec<u8>),
    List(Vec<V>),
    Bool(bool),
    Int(i64),
    Err(String),
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}

fn parse(field: &str) -> V {
    match field.as_bytes().first() {
        None => panic!("empty field"),
        Some(b'-') if field.len() == 1 => V::None,
        Some(b's') => V::Str(String::from_utf8(hex(&field[1..])).expect("utf-8")),
        Some(b'b') => V::Bytes(hex(&field[1..])),
        Some(b'[') => {
            let inner = &field[1..field.len() - 1];
            V::List(if inner.is_empty() {
                vec![]
            } else {
                inner.split(',').map(parse).collect()
            })
        }
        Some(b'T') => V::Bool(true),
        Some(b'F') => V::Bool(false),
        Some(b'!') => V::Err(field[1..].to_string()),
        _ => V::Int(field.parse().expect("int")),
    }
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

fn opt_s(v: &V) -> Option<&str> {
    match v {
        V::None => None,
        _ => Some(s(v)),
    }
}

fn opt_b(v: &V) -> Option<&[u8]> {
    match v {
        V::None => None,
        _ => Some(b(v)),
    }
}

fn int(v: &V) -> isize {
    match v {
        V::Int(i) => *i as isize,
        _ => panic!("not an int: {v:?}"),
    }
}

fn opt_int(v: &V) -> Option<isize> {
    match v {
        V::None => None,
        _ => Some(int(v)),
    }
}

fn flag(v: &V) -> bool {
    match v {
        V::Bool(b) => *b,
        _ => panic!("not a bool: {v:?}"),
    }
}

fn index_result(r: Option<usize>) -> V {
    V::Int(r.map_or(-1, |i| i as i64))
}

fn strs(items: Vec<&str>) -> V {
    V::List(items.into_iter().map(|x| V::Str(x.to_string())).collect())
}

fn byteses(items: Vec<&[u8]>) -> V {
    V::List(items.into_iter().map(|x| V::Bytes(x.to_vec())).collect())
}

fn or_err<T>(r: Result<T, impl std::fmt::Display>, ok: impl FnOnce(T) -> V) -> V {
    match r {
        Ok(x) => ok(x),
        Err(e) => V::Err(e.to_string()),
    }
}

fn owned(s: Cow<str>) -> V {
    V::Str(s.into_owned())
}

fn first_char(v: &V) -> char {
    s(v).chars().next().expect("fill")
}

/// Runs one str call with rpy-text.
fn call_str(name: &str, a: &[V]) -> V {
    let text = s(&a[0]);
    let strs_v = |r: Vec<&str>| strs(r);
    match name {
        "find" => index_result(strings::find(
            text,
            s(&a[1]),
            opt_int(&a[2]),
            opt_int(&a[3]),
        )),
        "rfind" => index_result(strings::rfind(
            text,
            s(&a[1]),
            opt_int(&a[2]),
            opt_int(&a[3]),
        )),
        "index" => or_err(
            strings::index(text, s(&a[1]), opt_int(&a[2]), opt_int(&a[3])),
            |i| V::Int(i as i64),
        ),
        "rindex" => or_err(
            strings::rindex(text, s(&a[1]), opt_int(&a[2]), opt_int(&a[3])),
            |i| V::Int(i as i64),
        ),
        "count" => V::Int(strings::count(text, s(&a[1]), opt_int(&a[2]), opt_int(&a[3])) as i64),
        "startswith" => V::Bool(strings::startswith(
            text,
            s(&a[1]),
            opt_int(&a[2]),
            opt_int(&a[3]),
        )),
        "endswith" => V::Bool(strings::endswith(
            text,
            s(&a[1]),
            opt_int(&a[2]),
            opt_int(&a[3]),
        )),
        "replace" => or_err(
            strings::replace(text, s(&a[1]), s(&a[2]), int(&a[3])),
            V::Str,
        ),
        "partition" => or_err(strings::partition(text, s(&a[1])), |(x, y, z)| {
            strs(vec![x, y, z])
        }),
        "rpartition" => or_err(strings::rpartition(text, s(&a[1])), |(x, y, z)| {
            strs(vec![x, y, z])
        }),
        "split" => or_err(strings::split(text, opt_s(&a[1]), int(&a[2])), strs_v),
        "rsplit" => or_err(strings::rsplit(text, opt_s(&a[1]), int(&a[2])), strs_v),
        "splitlines" => strs(strings::splitlines(text, flag(&a[1]))),
        "strip" => V::Str(strings::strip(text, opt_s(&a[1])).to_string()),
        "lstrip" => V::Str(strings::lstrip(text, opt_s(&a[1])).to_string()),
        "rstrip" => V::Str(strings::rstrip(text, opt_s(&a[1])).to_string()),
        "center" => or_err(strings::center(text, int(&a[1]), first_char(&a[2])), owned),
        "ljust" => or_err(strings::ljust(text, int(&a[1]), first_char(&a[2])), owned),
        "rjust" => or_err(strings::rjust(text, int(&a[1]), first_char(&a[2])), owned),
        "zfill" => or_err(strings::zfill(text, int(&a[1])), owned),
        "expandtabs" => or_err(strings::expandtabs(text, int(&a[1])), V::Str),
        "lower" => V::Str(strings::lower(text)),
        "upper" => V::Str(strings::upper(text)),
        "swapcase" => V::Str(strings::swapcase(text)),
        "capitalize" => V::Str(strings::capitalize(text)),
        "title" => V::Str(strings::title(text)),
        "casefold" => V::Str(strings::casefold(text)),
        "isspace" => V::Bool(strings::isspace(text)),
        "isalpha" => V::Bool(strings::isalpha(text)),
        "isalnum" => V::Bool(strings::isalnum(text)),
        "isdigit" => V::Bool(strings::isdigit(text)),
        "isupper" => V::Bool(strings::isupper(text)),
        "islower" => V::Bool(strings::islower(text)),
        "istitle" => V::Bool(strings::istitle(text)),
        "isascii" => V::Bool(strings::isascii(text)),
        "isdecimal" => V::Bool(strings::isdecimal(text)),
        "isnumeric" => V::Bool(strings::isnumeric(text)),
        "isidentifier" => V::Bool(strings::isidentifier(text)),
        "isprintable" => V::Bool(strings::isprintable(text)),
        "len" => V::Int(strings::char_len(text) as i64),
        "slice" => {
            let (start, _, n) = strings::adjust_slice(
                opt_int(&a[1]),
                opt_int(&a[2]),
                int(&a[3]),
                strings::char_len(text),
            );
            V::Str(strings::slice_step(text, start, int(&a[3]), n))
        }
        _ => panic!("unknown str method {name}"),
    }
}

/// Runs one bytes call with rpy-text.
fn call_bytes(name: &str, a: &[V]) -> V {
    let data = b(&a[0]);
    let fill = |v: &V| b(v).first().copied().expect("fill");
    let whole = |r: Cow<[u8]>| V::Bytes(r.into_owned());
    match name {
        "find" => index_result(bytes::find(data, b(&a[1]), opt_int(&a[2]), opt_int(&a[3]))),
        "rfind" => index_result(bytes::rfind(data, b(&a[1]), opt_int(&a[2]), opt_int(&a[3]))),
        "index" => or_err(
            bytes::index(data, b(&a[1]), opt_int(&a[2]), opt_int(&a[3])),
            |i| V::Int(i as i64),
        ),
        "rindex" => or_err(
            bytes::rindex(data, b(&a[1]), opt_int(&a[2]), opt_int(&a[3])),
            |i| V::Int(i as i64),
        ),
        "count" => V::Int(bytes::count(data, b(&a[1]), opt_int(&a[2]), opt_int(&a[3])) as i64),
        "startswith" => V::Bool(bytes::startswith(
            data,
            b(&a[1]),
            opt_int(&a[2]),
            opt_int(&a[3]),
        )),
        "endswith" => V::Bool(bytes::endswith(
            data,
            b(&a[1]),
            opt_int(&a[2]),
            opt_int(&a[3]),
        )),
        "replace" => or_err(
            bytes::replace(data, b(&a[1]), b(&a[2]), int(&a[3])),
            V::Bytes,
        ),
        "partition" => or_err(bytes::partition(data, b(&a[1])), |(x, y, z)| {
            byteses(vec![x, y, z])
        }),
        "rpartition" => or_err(bytes::rpartition(data, b(&a[1])), |(x, y, z)| {
            byteses(vec![x, y, z])
        }),
        "split" => or_err(bytes::split(data, opt_b(&a[1]), int(&a[2])), byteses),
        "rsplit" => or_err(bytes::rsplit(data, opt_b(&a[1]), int(&a[2])), byteses),
        "splitlines" => byteses(bytes::splitlines(data, flag(&a[1]))),
        "strip" => V::Bytes(bytes::strip(data, opt_b(&a[1])).to_vec()),
        "lstrip" => V::Bytes(bytes::lstrip(data, opt_b(&a[1])).to_vec()),
        "rstrip" => V::Bytes(bytes::rstrip(data, opt_b(&a[1])).to_vec()),
        "center" => or_err(bytes::center(data, int(&a[1]), fill(&a[2])), whole),
        "ljust" => or_err(bytes::ljust(data, int(&a[1]), fill(&a[2])), whole),
        "rjust" => or_err(bytes::rjust(data, int(&a[1]), fill(&a[2])), whole),
        "zfill" => or_err(bytes::zfill(data, int(&a[1])), whole),
        "expandtabs" => or_err(bytes::expandtabs(data, int(&a[1])), V::Bytes),
        "lower" => V::Bytes(bytes::lower(data)),
        "upper" => V::Bytes(bytes::upper(data)),
        "swapcase" => V::Bytes(bytes::swapcase(data)),
        "capitalize" => V::Bytes(bytes::capitalize(data)),
        "title" => V::Bytes(bytes::title(data)),
        "isspace" => V::Bool(bytes::isspace(data)),
        "isalpha" => V::Bool(bytes::isalpha(data)),
        "isalnum" => V::Bool(bytes::isalnum(data)),
        "isdigit" => V::Bool(bytes::isdigit(data)),
        "isupper" => V::Bool(bytes::isupper(data)),
        "islower" => V::Bool(bytes::islower(data)),
        "istitle" => V::Bool(bytes::istitle(data)),
        "isascii" => V::Bool(bytes::isascii(data)),
        _ => panic!("unknown bytes method {name}"),
    }
}

#[test]
fn random_calls_match_python() {
    let out = common::run_python("tests/oracle/string_cases.py");
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in out.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let (name, rest) = fields.split_first().expect("method");
        let (expected, args) = rest.split_last().expect("result");
        let args: Vec<V> = args.iter().map(|f| parse(f)).collect();
        let expected = parse(expected);
        let got = match args[0] {
            V::Str(_) => call_str(name, &args),
            _ => call_bytes(name, &args),
        };
        if got != expected && failures.len() < 20 {
            failures.push(format!(
                "{name}{args:?}: python {expected:?}, rpy-text {got:?}"
            ));
        }
        checked += 1;
    }
    assert!(checked > 100_000, "only {checked} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The text tests/oracle/unicode_chunks.py builds for one code point.
fn unicode_line(c: char, out: &mut String) {
    use strings::ctype;
    let one = c.to_string();
    let flags = [
        strings::isspace(&one),
        strings::isalpha(&one),
        strings::isalnum(&one),
        strings::isdecimal(&one),
        strings::isdigit(&one),
        strings::isnumeric(&one),
        strings::isupper(&one),
        strings::islower(&one),
        strings::istitle(&one),
        strings::isidentifier(&one),
        strings::isidentifier(&format!("a{c}")),
        strings::isprintable(&one),
    ];
    for f in flags {
        out.push(if f { '1' } else { '0' });
    }
    let fields = [
        strings::lower(&one),
        strings::upper(&one),
        strings::title(&one),
        strings::casefold(&one),
        strings::swapcase(&one),
        strings::capitalize(&format!("{c}aB")),
        strings::lower(&format!("a{c}\u{3a3}")),
        strings::lower(&format!(" {c}\u{3a3}")),
        strings::lower(&format!("a\u{3a3}{c}")),
        strings::title(&format!("{c}aB c")),
        ctype::decimal_value(c).map_or("-1".to_string(), |d| d.to_string()),
        if strings::splitlines(&one, false) != [one.as_str()] {
            "1".to_string()
        } else {
            "0".to_string()
        },
    ];
    for field in fields {
        out.push('|');
        out.push_str(&field);
    }
    out.push('\n');
}

fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, entry) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *entry = c;
    }
    let mut crc = !0u32;
    for &byte in data {
        crc = table[((crc ^ u32::from(byte)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

#[test]
fn every_code_point_matches_python() {
    let out = common::run_python("tests/oracle/unicode_chunks.py");
    let expected: Vec<u32> = out.lines().map(|l| l.parse().expect("crc")).collect();
    assert_eq!(expected.len(), 0x110000 / 4096);
    let mut stale = Vec::new();
    for (block, &want) in expected.iter().enumerate() {
        let mut text = String::new();
        let first = block as u32 * 4096;
        for c in (first..first + 4096).filter_map(char::from_u32) {
            unicode_line(c, &mut text);
        }
        if crc32(text.as_bytes()) != want {
            stale.push(format!("U+{first:04X}..U+{:04X}", first + 4095));
        }
    }
    assert!(
        stale.is_empty(),
        "blocks differing from python3.11: {stale:?}"
    );
}
