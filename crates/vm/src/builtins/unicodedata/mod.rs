//! The `unicodedata` module: character properties (`category`, `bidirectional`, `combining`,
//! `east_asian_width`, `mirrored`, `decomposition`, `decimal`, `digit`, `numeric`), names
//! (`name`, `lookup`), `normalize` and `is_normalized`, and the `UCD` object `ucd_3_2_0`
//! with the Unicode 3.2.0 data IDNA needs. The tables (`tables.rs`) are generated from
//! python3.11's own database (Unicode 14.0.0) by `tools/gen_unicodedata.py`; names come from
//! the `unicode_names2` crate, limited to the code points assigned in the database.
//! Counterpart: Modules/unicodedata.c (3.11).

mod tables;

use crate::builtins::function::{MethodKind, NativeFn, check_count};
use crate::builtins::itertools::{check_positional, native_type, new_native};
use crate::object::NativeData;
use crate::types::Layout;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

use tables::*;

const UCD: &str = "unicodedata.UCD";

/// Which version of the database a call reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Db {
    Current,
    V32,
}

// ---- table look-ups ----

type Record = (u8, u8, u8, u8, u8);

fn current_record(cp: u32) -> Record {
    if cp > 0x10FFFF {
        return RECORDS[0];
    }
    let block = STAGE1[(cp >> SHIFT) as usize] as usize;
    let mask = (1u32 << SHIFT) - 1;
    RECORDS[STAGE2[(block << SHIFT) + (cp & mask) as usize] as usize]
}

fn record(db: Db, cp: u32) -> Record {
    if db == Db::V32 {
        let i = V32_RECORDS.partition_point(|r| r.0 <= cp);
        if i > 0 {
            let (first, last, rec) = V32_RECORDS[i - 1];
            if first <= cp && cp <= last {
                return RECORDS[rec as usize];
            }
        }
    }
    current_record(cp)
}

/// Whether `cp` is assigned (its category is not Cn) in `db`.
fn assigned(db: Db, cp: u32) -> bool {
    record(db, cp).0 != 0
}

/// (decimal, digit, numeric) of `cp`, if it has a numeric value.
fn numbers(db: Db, cp: u32) -> Option<(i8, i8, f64)> {
    let find = |table: &[(u32, i8, i8, f64)]| {
        table
            .binary_search_by_key(&cp, |r| r.0)
            .ok()
            .map(|i| (table[i].1, table[i].2, table[i].3))
    };
    if db == Db::V32
        && let Some(n) = find(&V32_NUMERIC)
    {
        return if n.2.is_nan() { None } else { Some(n) };
    }
    find(&NUMERIC)
}

/// The decomposition of `cp`: its tag (0: canonical) and code points.
fn decomp(db: Db, cp: u32) -> Option<(u8, &'static [u32])> {
    if db == Db::V32 && !assigned(db, cp) {
        return None;
    }
    let i = DECOMP.binary_search_by_key(&cp, |r| r.0).ok()?;
    let (_, start, len, tag) = DECOMP[i];
    let start = start as usize;
    Some((tag, &DECOMP_DATA[start..start + len as usize]))
}

fn compose_pair(a: u32, b: u32) -> Option<u32> {
    COMPOSE
        .binary_search_by(|r| (r.0, r.1).cmp(&(a, b)))
        .ok()
        .map(|i| COMPOSE[i].2)
}

fn is_first(a: u32) -> bool {
    let i = COMPOSE.partition_point(|r| r.0 < a);
    i < COMPOSE.len() && COMPOSE[i].0 == a
}

fn combining_of(cp: u32) -> u8 {
    current_record(cp).2
}

// ---- names ----

/// The name of `c`, if it has one in `db`.
fn char_name(db: Db, c: char) -> Option<String> {
    let cp = u32::from(c);
    if !assigned(db, cp) {
        return None;
    }
    // Tangut ideographs have no name in CPython 3.11's database.
    if (0x17000..=0x187F7).contains(&cp) || (0x18D00..=0x18D08).contains(&cp) {
        return None;
    }
    unicode_names2::name(c).map(|n| n.to_string())
}

/// `_getcode`: the code point named `name` (names are matched ignoring case, the Hangul
/// and CJK prefixes are not), aliases included for the current database.
fn lookup_code(db: Db, name: &str) -> Option<u32> {
    if let Some(hex) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        if (hex.len() != 4 && hex.len() != 5)
            || !hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
        {
            return None;
        }
        let cp = u32::from_str_radix(hex, 16).ok()?;
        let c = char::from_u32(cp)?;
        return char_name(db, c)
            .filter(|n| n.starts_with("CJK UNIFIED IDEOGRAPH-"))
            .map(|_| cp);
    }
    if let Some(rest) = name.strip_prefix("HANGUL SYLLABLE ") {
        let c = unicode_names2::character(name)?;
        let cp = u32::from(c);
        return ((0xAC00..0xAC00 + 11172).contains(&cp) && !rest.is_empty()).then_some(cp);
    }
    let upper = name.to_ascii_uppercase();
    if upper.starts_with("CJK UNIFIED IDEOGRAPH-") || upper.starts_with("HANGUL SYLLABLE ") {
        return None;
    }
    let c = unicode_names2::character(&upper)?;
    let cp = u32::from(c);
    if unicode_names2::name(c).is_some_and(|n| n.to_string() == upper) {
        return char_name(db, c).map(|_| cp);
    }
    // An alias: only in the current database, for characters it assigns.
    (db == Db::Current && assigned(db, cp)).then_some(cp)
}

// ---- normalization ----

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// NFD (or NFKD with `compat`), canonically ordered.
fn decompose(db: Db, input: &[u32], compat: bool) -> Vec<u32> {
    let mut out = Vec::with_capacity(input.len());
    let mut stack = Vec::new();
    for &c in input {
        stack.push(c);
        while let Some(code) = stack.pop() {
            if (S_BASE..S_BASE + S_COUNT).contains(&code) {
                let s = code - S_BASE;
                out.push(L_BASE + s / N_COUNT);
                out.push(V_BASE + (s % N_COUNT) / T_COUNT);
                let t = T_BASE + s % T_COUNT;
                if t != T_BASE {
                    out.push(t);
                }
                continue;
            }
            if db == Db::V32
                && let Ok(i) = V32_NORM.binary_search_by_key(&code, |r| r.0)
            {
                stack.push(V32_NORM[i].1);
                continue;
            }
            match decomp(db, code) {
                Some((tag, cps)) if tag == 0 || compat => stack.extend(cps.iter().rev()),
                _ => out.push(code),
            }
        }
    }
    // Canonical ordering: each run of non-starters sorted stably by combining class.
    let mut i = 1;
    while i < out.len() {
        let cur = combining_of(out[i]);
        let mut j = i;
        while j > 0 && cur != 0 {
            let prev = combining_of(out[j - 1]);
            if prev == 0 || prev <= cur {
                break;
            }
            out.swap(j - 1, j);
            j -= 1;
        }
        i += 1;
    }
    out
}

/// NFC (or NFKC with `compat`): decomposition, then canonical composition as CPython does it.
fn compose(db: Db, input: &[u32], compat: bool) -> Vec<u32> {
    let mut input = decompose(db, input, compat);
    let len = input.len();
    let mut out = Vec::with_capacity(len);
    let mut skipped: Vec<usize> = Vec::new();
    let mut i = 0;
    'outer: while i < len {
        if let Some(k) = skipped.iter().position(|&s| s == i) {
            skipped.swap_remove(k);
            i += 1;
            continue 'outer;
        }
        let code = input[i];
        if (L_BASE..L_BASE + L_COUNT).contains(&code)
            && i + 1 < len
            && (V_BASE..V_BASE + V_COUNT).contains(&input[i + 1])
        {
            let mut s = S_BASE + ((code - L_BASE) * V_COUNT + (input[i + 1] - V_BASE)) * T_COUNT;
            i += 2;
            if i < len && T_BASE < input[i] && input[i] < T_BASE + T_COUNT {
                s += input[i] - T_BASE;
                i += 1;
            }
            out.push(s);
            continue;
        }
        if !is_first(code) {
            out.push(code);
            i += 1;
            continue;
        }
        let mut comb = 0;
        let mut i1 = i + 1;
        while i1 < len {
            let code1 = input[i1];
            let comb1 = combining_of(code1);
            if comb != 0 {
                if comb1 == 0 {
                    break;
                }
                if comb >= comb1 {
                    // Blocked.
                    i1 += 1;
                    continue;
                }
            }
            match compose_pair(input[i], code1) {
                Some(composite) if !skipped.contains(&i1) => {
                    input[i] = composite;
                    skipped.push(i1);
                    i1 += 1;
                    if !is_first(input[i]) {
                        break;
                    }
                }
                _ => {
                    if comb1 == 0 {
                        break;
                    }
                    comb = comb1;
                    i1 += 1;
                }
            }
        }
        out.push(input[i]);
        i += 1;
    }
    out
}

fn normalize_str(db: Db, form: &str, s: &str) -> Option<String> {
    let cps: Vec<u32> = s.chars().map(u32::from).collect();
    let out = match form {
        "NFC" => compose(db, &cps, false),
        "NFKC" => compose(db, &cps, true),
        "NFD" => decompose(db, &cps, false),
        "NFKD" => decompose(db, &cps, true),
        _ => return None,
    };
    Some(out.into_iter().filter_map(char::from_u32).collect())
}

// ---- arguments ----

/// The one-character str argument of `fname` (`int(accept={str})`): "argument" for
/// one-argument functions, "argument 1" otherwise.
fn char_arg(vm: &Vm, fname: &str, which: &str, v: &Value) -> PyResult<char> {
    if let Some(s) = crate::str::as_str(v) {
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
    }
    Err(vm.type_error(format!(
        "{fname}() {which} must be a unicode character, not {}",
        arg_type(vm, v)
    )))
}

/// The type named in `_PyArg_BadArgument` messages ("None" for None).
fn arg_type(vm: &Vm, v: &Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        vm.type_name(v)
    }
}

/// The qualified name `fname` has in "takes no keyword arguments" messages.
fn qualified(db: Db, fname: &str) -> impl std::fmt::Display + '_ {
    struct Qualified<'a>(&'static str, &'a str);
    impl std::fmt::Display for Qualified<'_> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{}.{}", self.0, self.1)
        }
    }
    match db {
        Db::Current => Qualified("unicodedata", fname),
        Db::V32 => Qualified("UCD", fname),
    }
}

/// A one-argument (`METH_O`) property function.
fn one_char(vm: &Vm, db: Db, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<char> {
    check_count(vm, qualified(db, fname), args, kwnames, 1, 1)?;
    char_arg(vm, fname, "argument", &args[0])
}

fn db_of(vm: &Vm, v: &Value) -> PyResult<Db> {
    let u: &UcdObj = crate::builtins::itertools::native(vm, v, "unicodedata.UCD")?;
    Ok(u.db)
}

// ---- the functions, on a database ----

fn f_category(vm: &Vm, db: Db, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = one_char(vm, db, "category", args, kw)?;
    Ok(vm.new_str(CATEGORIES[record(db, u32::from(c)).0 as usize]))
}

fn f_bidirectional(vm: &Vm, db: Db, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = one_char(vm, db, "bidirectional", args, kw)?;
    Ok(vm.new_str(BIDI[record(db, u32::from(c)).1 as usize]))
}

fn f_combining(vm: &Vm, db: Db, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = one_char(vm, db, "combining", args, kw)?;
    Ok(Value::Int(i64::from(record(db, u32::from(c)).2)))
}

fn f_east_asian_width(vm: &Vm, db: Db, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = one_char(vm, db, "east_asian_width", args, kw)?;
    Ok(vm.new_str(EAW[record(db, u32::from(c)).3 as usize]))
}

fn f_mirrored(vm: &Vm, db: Db, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = one_char(vm, db, "mirrored", args, kw)?;
    Ok(Value::Int(i64::from(record(db, u32::from(c)).4)))
}

fn f_decomposition(vm: &Vm, db: Db, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = one_char(vm, db, "decomposition", args, kw)?;
    let Some((tag, cps)) = decomp(db, u32::from(c)) else {
        return Ok(vm.new_str(""));
    };
    let mut parts: Vec<String> = Vec::with_capacity(cps.len() + 1);
    if tag != 0 {
        parts.push(TAGS[tag as usize].to_string());
    }
    parts.extend(cps.iter().map(|cp| format!("{cp:04X}")));
    Ok(vm.new_string(parts.join(" ")))
}

/// `name`, `decimal`, `digit`, `numeric`: a character and an optional default.
fn char_and_default<'a>(
    vm: &Vm,
    db: Db,
    fname: &str,
    args: &'a [Value],
    kwnames: &[Value],
) -> PyResult<(char, Option<&'a Value>)> {
    crate::builtins::function::no_kwargs(vm, qualified(db, fname), kwnames)?;
    check_positional(vm, fname, args.len(), 1, 2)?;
    let c = char_arg(vm, fname, "argument 1", &args[0])?;
    Ok((c, args.get(1)))
}

fn f_name(vm: &Vm, db: Db, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (c, default) = char_and_default(vm, db, "name", args, kw)?;
    match (char_name(db, c), default) {
        (Some(n), _) => Ok(vm.new_string(n)),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(vm.value_error("no such name")),
    }
}

fn f_number(vm: &Vm, db: Db, args: &[Value], kw: &[Value], which: usize) -> PyResult<Value> {
    let fname = ["decimal", "digit", "numeric"][which];
    let (c, default) = char_and_default(vm, db, fname, args, kw)?;
    // `digit` reads the current database even on `ucd_3_2_0`, as CPython's does.
    let db = if which == 1 { Db::Current } else { db };
    let value = numbers(db, u32::from(c)).and_then(|(dec, dig, num)| match which {
        0 => (dec >= 0).then_some(Value::Int(i64::from(dec))),
        1 => (dig >= 0).then_some(Value::Int(i64::from(dig))),
        _ => Some(Value::float(num)),
    });
    match (value, default) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => {
            Err(vm.value_error(["not a decimal", "not a digit", "not a numeric character"][which]))
        }
    }
}

fn f_lookup(vm: &Vm, db: Db, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, qualified(db, "lookup"), args, kw, 1, 1)?;
    let name: String = match crate::str::as_str(&args[0]) {
        Some(s) => s.to_string(),
        None => match crate::builtins::bytes::buffer_bytes(&args[0]) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(&args[0])
                )));
            }
        },
    };
    if name.len() > 256 {
        return Err(vm.key_error(vm.new_str("name too long")));
    }
    match lookup_code(db, &name).and_then(char::from_u32) {
        Some(c) => Ok(vm.new_string(c.to_string())),
        None => Err(vm.key_error(vm.new_string(format!("undefined character name '{name}'")))),
    }
}

fn form_and_str<'a>(
    vm: &Vm,
    db: Db,
    fname: &str,
    args: &'a [Value],
    kwnames: &[Value],
) -> PyResult<(&'a str, &'a str)> {
    crate::builtins::function::no_kwargs(vm, qualified(db, fname), kwnames)?;
    check_positional(vm, fname, args.len(), 2, 2)?;
    let mut strs = ["", ""];
    for (i, v) in args.iter().enumerate() {
        strs[i] = crate::str::as_str(v).ok_or_else(|| {
            vm.type_error(format!(
                "{fname}() argument {} must be str, not {}",
                i + 1,
                arg_type(vm, v)
            ))
        })?;
    }
    Ok((strs[0], strs[1]))
}

fn f_normalize(vm: &Vm, db: Db, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (form, s) = form_and_str(vm, db, "normalize", args, kw)?;
    let out =
        normalize_str(db, form, s).ok_or_else(|| vm.value_error("invalid normalization form"))?;
    if out == s {
        return Ok(args[1].clone());
    }
    Ok(vm.new_string(out))
}

fn f_is_normalized(vm: &Vm, db: Db, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (form, s) = form_and_str(vm, db, "is_normalized", args, kw)?;
    let out =
        normalize_str(db, form, s).ok_or_else(|| vm.value_error("invalid normalization form"))?;
    Ok(Value::bool(out == s))
}

/// The module function and the `UCD` method for each database function.
macro_rules! both {
    ($($module_fn:ident, $method:ident => $body:expr;)*) => {
        $(
            fn $module_fn(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let f: fn(&Vm, Db, &[Value], &[Value]) -> PyResult<Value> = $body;
                f(vm, Db::Current, args, kw)
            }
            fn $method(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let db = db_of(vm, &args[0])?;
                let f: fn(&Vm, Db, &[Value], &[Value]) -> PyResult<Value> = $body;
                f(vm, db, &args[1..], kw)
            }
        )*
    };
}

both! {
    m_category, u_category => f_category;
    m_bidirectional, u_bidirectional => f_bidirectional;
    m_combining, u_combining => f_combining;
    m_east_asian_width, u_east_asian_width => f_east_asian_width;
    m_mirrored, u_mirrored => f_mirrored;
    m_decomposition, u_decomposition => f_decomposition;
    m_name, u_name => f_name;
    m_lookup, u_lookup => f_lookup;
    m_normalize, u_normalize => f_normalize;
    m_is_normalized, u_is_normalized => f_is_normalized;
    m_decimal, u_decimal => |vm, db, a, k| f_number(vm, db, a, k, 0);
    m_digit, u_digit => |vm, db, a, k| f_number(vm, db, a, k, 1);
    m_numeric, u_numeric => |vm, db, a, k| f_number(vm, db, a, k, 2);
}

const FUNCTIONS: [(&str, NativeFn, NativeFn); 13] = [
    ("bidirectional", m_bidirectional, u_bidirectional),
    ("category", m_category, u_category),
    ("combining", m_combining, u_combining),
    ("decimal", m_decimal, u_decimal),
    ("decomposition", m_decomposition, u_decomposition),
    ("digit", m_digit, u_digit),
    ("east_asian_width", m_east_asian_width, u_east_asian_width),
    ("is_normalized", m_is_normalized, u_is_normalized),
    ("lookup", m_lookup, u_lookup),
    ("mirrored", m_mirrored, u_mirrored),
    ("name", m_name, u_name),
    ("normalize", m_normalize, u_normalize),
    ("numeric", m_numeric, u_numeric),
];

// ---- the UCD type ----

struct UcdObj {
    db: Db,
}

impl NativeData for UcdObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn ucd_version(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_str(match db_of(vm, v)? {
        Db::Current => UNIDATA_VERSION,
        Db::V32 => "3.2.0",
    }))
}

fn readonly(vm: &Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

fn no_new(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'unicodedata.UCD' instances"))
}

fn init_ucd(vm: &Vm, t: &PyRef) {
    let methods: Vec<(&'static str, NativeFn)> = FUNCTIONS
        .iter()
        .map(|&(n, _, method)| (n, method))
        .collect();
    vm.add_methods(t, &methods);
    vm.add_getsets(t, &[("unidata_version", ucd_version, Some(readonly))]);
    vm.add_methods_kind(t, &[("__new__", no_new)], MethodKind::Static);
}

/// Makes the `unicodedata` module.
pub fn module(vm: &Vm) -> Value {
    let m = vm.new_module("unicodedata");
    let d = vm.module_dict(&m);
    let set = |name: &str, v: Value| {
        let _ = vm.dict_set_str(&d, vm.intern(name), v);
    };
    for &(n, f, _) in &FUNCTIONS {
        set(n, vm.new_builtin_function(n, f));
    }
    let t = native_type(vm, UCD, None, Layout::Native, 0, init_ucd);
    set("UCD", Value::Obj(t.clone()));
    set("ucd_3_2_0", new_native(t, UcdObj { db: Db::V32 }));
    set("unidata_version", vm.new_str(UNIDATA_VERSION));
    set(
        "__doc__",
        vm.new_str(
            "This module provides access to the Unicode Character Database which\n\
             defines character properties for all Unicode characters. The data in\n\
             this database is based on the UnicodeData.txt file version\n\
             14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n\
             The module uses the same names and symbols as defined by the\n\
             UnicodeData File Format 14.0.0.",
        ),
    );
    Value::Obj(m)
}
