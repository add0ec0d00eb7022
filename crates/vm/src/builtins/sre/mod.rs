//! The `_sre` module: compiled patterns (`re.Pattern`), match objects (`re.Match`) and
//! scanners (`_sre.SRE_Scanner`) over the code `re._compiler` produces, plus the helpers the
//! compiler calls (`unicode_iscased`, `ascii_tolower`, …).
//! Counterpart: Modules/_sre/sre.c (3.11).

mod case_tables;
pub mod constants;
pub mod engine;
mod validate;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use self::constants::*;
use self::engine::{Matcher, State};
use crate::builtins::bytes::{buffer_bytes, new_bytes};
use crate::builtins::function::{MethodKind, check_count, no_kwargs};
use crate::builtins::itertools::{bind_args, is_callable, native, native_type, new_native};
use crate::object::{NativeData, Payload};
use crate::types::{Layout, TypeKind, flags, kind_of};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

const PATTERN: &str = "re.Pattern";
const MATCH: &str = "re.Match";
const SCANNER: &str = "_sre.SRE_Scanner";

const COPYRIGHT: &str = " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ";

// ---- the subject string ----

/// Long non-ASCII strings recently matched, with their code points: a tokenizer calling
/// `pattern.match(text, pos)` in a loop decodes `text` once, not at every call.
type WideCache = Vec<(std::rc::Weak<crate::object::PyObject>, Rc<[u32]>)>;

thread_local! {
    static WIDE_CACHE: RefCell<WideCache> = const { RefCell::new(Vec::new()) };
}

const WIDE_CACHE_SIZE: usize = 4;
/// Shorter strings are decoded every time.
const WIDE_CACHE_MIN: usize = 256;

/// The code points of a non-ASCII str.
fn wide_chars(obj: &Value, d: &crate::str::PyStrData) -> Rc<[u32]> {
    let decode = || -> Rc<[u32]> { d.as_str().chars().map(u32::from).collect() };
    let Some(o) = obj.as_obj().filter(|_| d.char_len() >= WIDE_CACHE_MIN) else {
        return decode();
    };
    WIDE_CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        if let Some(i) = cache
            .iter()
            .position(|(w, _)| std::ptr::eq(w.as_ptr(), Rc::as_ptr(o)))
        {
            let hit = cache.remove(i);
            let chars = hit.1.clone();
            cache.push(hit);
            return chars;
        }
        let chars = decode();
        cache.retain(|(w, _)| w.strong_count() > 0);
        if cache.len() >= WIDE_CACHE_SIZE {
            cache.remove(0);
        }
        cache.push((Rc::downgrade(o), chars.clone()));
        chars
    })
}

/// The characters of a subject.
enum Chars<'a> {
    Narrow(&'a [u8]),
    Wide(&'a [u32]),
}

enum Text {
    /// An ASCII str: the characters are its bytes.
    AsciiStr,
    /// Any other str, by code point.
    WideStr(Rc<[u32]>),
    /// A bytes object: the characters are its payload.
    BytesObj,
    /// A copy of another bytes-like object's buffer, taken for matching (groups are read
    /// from the object's buffer as it is then, as CPython does).
    Buffer(Vec<u8>),
}

/// A string being matched, shared by a scanner and the matches it makes.
pub struct Subject {
    obj: Value,
    text: Text,
    len: usize,
}

impl Subject {
    /// `getstring`: the characters of a str or bytes-like object.
    fn new(vm: &Vm, obj: &Value) -> PyResult<Subject> {
        Subject::try_new(obj).ok_or_else(|| {
            vm.type_error(format!(
                "expected string or bytes-like object, got '{}'",
                vm.type_name(obj)
            ))
        })
    }

    fn try_new(obj: &Value) -> Option<Subject> {
        if let Some(d) = crate::str::as_str_data(obj) {
            let text = if d.is_ascii() {
                Text::AsciiStr
            } else {
                Text::WideStr(wide_chars(obj, d))
            };
            return Some(Subject {
                obj: obj.clone(),
                text,
                len: d.char_len(),
            });
        }
        if let Some(Payload::Bytes(b)) = obj.payload() {
            return Some(Subject {
                obj: obj.clone(),
                text: Text::BytesObj,
                len: b.len(),
            });
        }
        let b = buffer_bytes(obj)?;
        Some(Subject {
            obj: obj.clone(),
            len: b.len(),
            text: Text::Buffer(b),
        })
    }

    fn is_bytes(&self) -> bool {
        matches!(self.text, Text::BytesObj | Text::Buffer(_))
    }

    fn chars(&self) -> Chars<'_> {
        match &self.text {
            Text::AsciiStr => Chars::Narrow(
                crate::str::as_str(&self.obj)
                    .map(str::as_bytes)
                    .unwrap_or_default(),
            ),
            Text::WideStr(v) => Chars::Wide(v),
            Text::BytesObj => Chars::Narrow(match self.obj.payload() {
                Some(Payload::Bytes(b)) => b,
                _ => &[],
            }),
            Text::Buffer(b) => Chars::Narrow(b),
        }
    }

    /// `string[i:j]` as str or bytes (`getslice`); the subject itself for all of an exact
    /// str or bytes.
    fn slice(&self, vm: &Vm, i: usize, j: usize) -> Value {
        let j = j.min(self.len);
        let i = i.min(j);
        if i == 0
            && j == self.len
            && let Some(o) = self.obj.as_obj()
            && matches!(kind_of(o), TypeKind::Str | TypeKind::Bytes)
        {
            return self.obj.clone();
        }
        if let Some(Payload::ByteArray(b)) = self.obj.payload() {
            // The bytearray as it is now: it may have changed since the match.
            let part = {
                let now = b.borrow();
                let j = j.min(now.len());
                now[i.min(j)..j].to_vec()
            };
            return new_bytes(vm, part);
        }
        match self.chars() {
            Chars::Narrow(b) if self.is_bytes() => new_bytes(vm, b[i..j].to_vec()),
            Chars::Narrow(b) => vm.new_str(std::str::from_utf8(&b[i..j]).unwrap_or_default()),
            Chars::Wide(w) => {
                vm.new_string(w[i..j].iter().filter_map(|&c| char::from_u32(c)).collect())
            }
        }
    }

    fn empty(&self, vm: &Vm) -> Value {
        if self.is_bytes() {
            new_bytes(vm, Vec::new())
        } else {
            vm.new_str("")
        }
    }
}

// ---- Pattern ----

pub struct Pattern {
    pattern: Value,
    flags: i64,
    code: Vec<u32>,
    /// Capturing groups (group 0 not counted).
    groups: usize,
    /// Name → number, when the pattern names groups.
    groupindex: Option<Value>,
    /// Number → name (a tuple), when the pattern names groups.
    indexgroup: Option<Value>,
    /// -1 for a pattern made from code alone, 0 for str, 1 for bytes.
    isbytes: i8,
}

impl NativeData for Pattern {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        if let Some(g) = &self.groupindex {
            visit(g);
        }
        if let Some(g) = &self.indexgroup {
            visit(g);
        }
    }
}

fn pattern_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Pattern> {
    native::<Pattern>(vm, v, PATTERN)
}

/// What a successful match leaves behind.
struct Found {
    start: usize,
    end: usize,
    groups: Vec<Option<(usize, usize)>>,
    lastindex: isize,
}

impl Found {
    fn take(m: &dyn Matcher, groups: usize) -> Found {
        Found {
            start: m.start(),
            end: m.ptr(),
            groups: (0..groups).map(|g| m.group_span(g)).collect(),
            lastindex: m.lastindex(),
        }
    }
}

fn engine_error(vm: &Vm, e: engine::Error) -> crate::vm::PyErr {
    match e {
        engine::Error::Interrupted => {
            vm.new_exception(&vm.types.exceptions.keyboard_interrupt, Vec::new())
        }
        engine::Error::Memory => vm.new_exception(&vm.types.exceptions.memory_error, Vec::new()),
        _ => vm.runtime_error("internal error in regular expression engine"),
    }
}

/// Runs `f` with a matching state for `pat` over `subj[..end]` starting at `start`.
fn with_state<R>(
    pat: &Pattern,
    subj: &Subject,
    start: usize,
    end: usize,
    f: impl FnOnce(&mut dyn Matcher) -> PyResult<R>,
) -> PyResult<R> {
    match subj.chars() {
        Chars::Narrow(s) => f(&mut State::new(&pat.code, s, start, end, pat.groups)),
        Chars::Wide(s) => f(&mut State::new(&pat.code, s, start, end, pat.groups)),
    }
}

/// Bound argument `i`, if given.
fn arg(p: &[Option<Value>], i: usize) -> Option<&Value> {
    p.get(i).and_then(Option::as_ref)
}

/// An index argument (`Py_ssize_t`), with its default.
fn ssize_arg(vm: &Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => vm.index_i64(v),
        None => Ok(default),
    }
}

/// `state_init`: the subject, checked against the pattern's kind, and the clamped bounds.
fn state_init(
    vm: &Vm,
    pat: &Pattern,
    string: &Value,
    pos: i64,
    endpos: i64,
) -> PyResult<(Rc<Subject>, usize, usize)> {
    let subj = Subject::new(vm, string)?;
    if subj.is_bytes() && pat.isbytes == 0 {
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !subj.is_bytes() && pat.isbytes > 0 {
        return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
    }
    let len = subj.len as i64;
    let start = pos.clamp(0, len) as usize;
    let end = endpos.clamp(0, len) as usize;
    Ok((Rc::new(subj), start, end))
}

/// Parses `(string, pos=0, endpos=sys.maxsize)` and prepares the state.
fn string_pos_endpos(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<(Rc<Subject>, usize, usize)> {
    let pat = pattern_of(vm, &args[0])?;
    let p = bind_args(
        vm,
        name,
        &args[1..],
        kwnames,
        &["string", "pos", "endpos"],
        3,
        1,
    )?;
    let pos = ssize_arg(vm, arg(&p, 1), 0)?;
    let endpos = ssize_arg(vm, arg(&p, 2), i64::MAX)?;
    let string = arg(&p, 0).cloned().unwrap_or(Value::None);
    state_init(vm, pat, &string, pos, endpos)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

fn pattern_match_mode(vm: &Vm, args: &[Value], kwnames: &[Value], mode: Mode) -> PyResult<Value> {
    let name = match mode {
        Mode::Match => "match",
        Mode::FullMatch => "fullmatch",
        Mode::Search => "search",
    };
    let (subj, start, end) = string_pos_endpos(vm, name, args, kwnames)?;
    let pat = pattern_of(vm, &args[0])?;
    let found = with_state(pat, &subj, start, end, |m| {
        let ok = match mode {
            Mode::Search => m.search(),
            Mode::FullMatch => {
                m.set_match_all(true);
                m.do_match()
            }
            Mode::Match => m.do_match(),
        }
        .map_err(|e| engine_error(vm, e))?;
        Ok(ok.then(|| Found::take(m, pat.groups)))
    })?;
    match found {
        Some(f) => new_match(vm, &args[0], &subj, f, start, end),
        None => Ok(Value::None),
    }
}

fn pattern_match(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pattern_match_mode(vm, args, kwnames, Mode::Match)
}

fn pattern_fullmatch(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pattern_match_mode(vm, args, kwnames, Mode::FullMatch)
}

fn pattern_search(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pattern_match_mode(vm, args, kwnames, Mode::Search)
}

/// Group `g` (1-based) of a match as findall/split give it: its text, or `missing`.
fn group_value(vm: &Vm, subj: &Subject, span: Option<(usize, usize)>, missing: &Value) -> Value {
    match span {
        Some((a, b)) => subj.slice(vm, a, b),
        None => missing.clone(),
    }
}

fn wrong_span(vm: &Vm) -> crate::vm::PyErr {
    vm.system_error("The span of capturing group is wrong, please report a bug for the re module.")
}

fn pattern_findall(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (subj, start, end) = string_pos_endpos(vm, "findall", args, kwnames)?;
    let pat = pattern_of(vm, &args[0])?;
    let empty = subj.empty(vm);
    let items = with_state(pat, &subj, start, end, |m| {
        let mut items = Vec::new();
        let mut at = start;
        let mut must_advance = false;
        while at <= end {
            m.reset();
            m.set_start(at);
            m.set_must_advance(must_advance);
            if !m.search().map_err(|e| engine_error(vm, e))? {
                break;
            }
            let (b, e) = (m.start(), m.ptr());
            let item = match pat.groups {
                0 => subj.slice(vm, b, e),
                1 => group_value(vm, &subj, checked_span(vm, m, 0)?, &empty),
                n => {
                    let mut t = Vec::with_capacity(n);
                    for g in 0..n {
                        t.push(group_value(vm, &subj, checked_span(vm, m, g)?, &empty));
                    }
                    vm.new_tuple(t)
                }
            };
            items.push(item);
            must_advance = e == b;
            at = e;
        }
        Ok(items)
    })?;
    Ok(vm.new_list(items))
}

/// The span of group `g` (0-based), refusing an inverted one.
fn checked_span(vm: &Vm, m: &dyn Matcher, g: usize) -> PyResult<Option<(usize, usize)>> {
    match m.group_span(g) {
        Some((a, b)) if a > b => Err(wrong_span(vm)),
        s => Ok(s),
    }
}

fn pattern_split(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let pat = pattern_of(vm, &args[0])?;
    let p = bind_args(
        vm,
        "split",
        &args[1..],
        kwnames,
        &["string", "maxsplit"],
        2,
        1,
    )?;
    let maxsplit = ssize_arg(vm, arg(&p, 1), 0)?;
    let string = arg(&p, 0).cloned().unwrap_or(Value::None);
    let (subj, start, end) = state_init(vm, pat, &string, 0, i64::MAX)?;
    let items = with_state(pat, &subj, start, end, |m| {
        let mut items = Vec::new();
        let mut n = 0i64;
        let mut last = start;
        let mut at = start;
        let mut must_advance = false;
        while maxsplit == 0 || n < maxsplit {
            m.reset();
            m.set_start(at);
            m.set_must_advance(must_advance);
            if !m.search().map_err(|e| engine_error(vm, e))? {
                break;
            }
            let (b, e) = (m.start(), m.ptr());
            items.push(subj.slice(vm, last, b));
            for g in 0..pat.groups {
                items.push(group_value(
                    vm,
                    &subj,
                    checked_span(vm, m, g)?,
                    &Value::None,
                ));
            }
            n += 1;
            must_advance = e == b;
            last = e;
            at = e;
        }
        items.push(subj.slice(vm, last, end));
        Ok(items)
    })?;
    Ok(vm.new_list(items))
}

/// Whether a replacement template has no backslash (so it is used as it is).
fn is_literal_template(v: &Value) -> bool {
    match Subject::try_new(v) {
        Some(s) => match s.chars() {
            Chars::Narrow(b) => !b.contains(&b'\\'),
            Chars::Wide(w) => !w.contains(&u32::from(b'\\')),
        },
        None => false,
    }
}

/// `"".join(items)` or `b"".join(items)` with their messages.
fn join(vm: &Vm, bytes: bool, items: Vec<Value>, empty: Value) -> PyResult<Value> {
    if items.is_empty() {
        return Ok(empty);
    }
    if items.len() == 1
        && let Some(o) = items[0].as_obj()
        && kind_of(o)
            == if bytes {
                TypeKind::Bytes
            } else {
                TypeKind::Str
            }
    {
        return Ok(items[0].clone());
    }
    if bytes {
        let mut out = Vec::new();
        for (i, it) in items.iter().enumerate() {
            match buffer_bytes(it) {
                Some(b) => out.extend_from_slice(&b),
                None => {
                    return Err(vm.type_error(format!(
                        "sequence item {i}: expected a bytes-like object, {} found",
                        vm.type_name(it)
                    )));
                }
            }
        }
        Ok(new_bytes(vm, out))
    } else {
        let mut out = String::new();
        for (i, it) in items.iter().enumerate() {
            match crate::str::as_str(it) {
                Some(s) => out.push_str(s),
                None => {
                    return Err(vm.type_error(format!(
                        "sequence item {i}: expected str instance, {} found",
                        vm.type_name(it)
                    )));
                }
            }
        }
        Ok(vm.new_string(out))
    }
}

/// An attribute of the `re` module (its Python-level helpers).
fn re_helper(vm: &Vm, name: &str) -> PyResult<Value> {
    let re = crate::import::import(vm, "re")?;
    vm.getattr_str(&re, name)
}

fn pattern_subx(vm: &Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let this = &args[0];
    let pat = pattern_of(vm, this)?;
    let p = bind_args(
        vm,
        name,
        &args[1..],
        kwnames,
        &["repl", "string", "count"],
        3,
        2,
    )?;
    let repl = arg(&p, 0).cloned().unwrap_or(Value::None);
    let string = arg(&p, 1).cloned().unwrap_or(Value::None);
    let count = ssize_arg(vm, arg(&p, 2), 0)?;
    let (filter, callable) = if is_callable(vm, &repl) {
        (repl, true)
    } else if is_literal_template(&repl) {
        (repl, false)
    } else {
        let f = vm.call(&re_helper(vm, "_subx")?, &[this.clone(), repl])?;
        let c = is_callable(vm, &f);
        (f, c)
    };
    let (subj, start, end) = state_init(vm, pat, &string, 0, i64::MAX)?;
    let mut items = Vec::new();
    let mut n = 0i64;
    with_state(pat, &subj, start, end, |m| {
        let mut i = start;
        let mut at = start;
        let mut must_advance = false;
        while count == 0 || n < count {
            m.reset();
            m.set_start(at);
            m.set_must_advance(must_advance);
            if !m.search().map_err(|e| engine_error(vm, e))? {
                break;
            }
            let (b, e) = (m.start(), m.ptr());
            if i < b {
                items.push(subj.slice(vm, i, b));
            }
            let item = if callable {
                let found = Found::take(m, pat.groups);
                let mo = new_match(vm, this, &subj, found, start, end)?;
                vm.call(&filter, &[mo])?
            } else {
                filter.clone()
            };
            if !item.is_none() {
                items.push(item);
            }
            i = e;
            n += 1;
            must_advance = e == b;
            at = e;
        }
        if i < end {
            items.push(subj.slice(vm, i, end));
        }
        Ok(())
    })?;
    let result = join(vm, subj.is_bytes(), items, subj.empty(vm))?;
    if name == "subn" {
        Ok(vm.new_tuple(vec![result, Value::Int(n)]))
    } else {
        Ok(result)
    }
}

fn pattern_sub(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pattern_subx(vm, args, kwnames, "sub")
}

fn pattern_subn(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    pattern_subx(vm, args, kwnames, "subn")
}

fn pattern_scanner(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (subj, start, end) = string_pos_endpos(vm, "scanner", args, kwnames)?;
    Ok(new_scanner(vm, &args[0], subj, start, end))
}

fn pattern_finditer(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (subj, start, end) = string_pos_endpos(vm, "finditer", args, kwnames)?;
    let scanner = new_scanner(vm, &args[0], subj, start, end);
    let search = vm.getattr_str(&scanner, "search")?;
    Ok(crate::builtins::iterators::new_callable_iter(
        vm,
        search,
        Value::None,
    ))
}

fn pattern_copy(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "Pattern.__copy__", &args[1..], kwnames, 0, 0)?;
    Ok(args[0].clone())
}

fn pattern_deepcopy(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "Pattern.__deepcopy__", &args[1..], kwnames, 1, 1)?;
    Ok(args[0].clone())
}

/// `repr()` of `v` cut to `n` characters (`%.<n>R`).
fn short_repr(vm: &Vm, v: &Value, n: usize) -> PyResult<String> {
    let s = vm.repr(v)?;
    Ok(match s.char_indices().nth(n) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    })
}

fn pattern_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let pat = pattern_of(vm, &args[0])?;
    let mut flags = pat.flags;
    if pat.isbytes == 0 && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let names = [
        ("re.TEMPLATE", FLAG_TEMPLATE),
        ("re.IGNORECASE", FLAG_IGNORECASE),
        ("re.LOCALE", FLAG_LOCALE),
        ("re.MULTILINE", FLAG_MULTILINE),
        ("re.DOTALL", FLAG_DOTALL),
        ("re.UNICODE", FLAG_UNICODE),
        ("re.VERBOSE", FLAG_VERBOSE),
        ("re.DEBUG", FLAG_DEBUG),
        ("re.ASCII", FLAG_ASCII),
    ];
    let mut items: Vec<String> = Vec::new();
    for (name, bit) in names {
        if flags & bit != 0 {
            items.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        items.push(format!("{:#x}", flags as i32 as u32));
    }
    let r = short_repr(vm, &pat.pattern, 200)?;
    Ok(vm.new_string(if items.is_empty() {
        format!("re.compile({r})")
    } else {
        format!("re.compile({r}, {})", items.join("|"))
    }))
}

fn pattern_eq_impl(vm: &Vm, args: &[Value]) -> PyResult<Option<bool>> {
    let (a, b) = (&args[0], &args[1]);
    let t = vm.types.other(PATTERN);
    if !Rc::ptr_eq(vm.class_of(b), &t) {
        return Ok(None);
    }
    if a.is(b) {
        return Ok(Some(true));
    }
    let (l, r) = (pattern_of(vm, a)?, pattern_of(vm, b)?);
    if l.flags != r.flags || l.isbytes != r.isbytes || l.code != r.code {
        return Ok(Some(false));
    }
    Ok(Some(vm.eq(&l.pattern, &r.pattern)?))
}

fn pattern_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(match pattern_eq_impl(vm, args)? {
        Some(b) => Value::bool(b),
        None => vm.not_implemented(),
    })
}

fn pattern_ne(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(match pattern_eq_impl(vm, args)? {
        Some(b) => Value::bool(!b),
        None => vm.not_implemented(),
    })
}

fn pattern_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let pat = pattern_of(vm, &args[0])?;
    let mut h = vm.hash(&pat.pattern)?;
    // FNV-1a over the code words.
    let mut ch: u64 = 0xcbf2_9ce4_8422_2325;
    for w in &pat.code {
        for b in w.to_le_bytes() {
            ch = (ch ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h ^= ch as i64;
    h ^= pat.flags;
    h ^= i64::from(pat.isbytes);
    h ^= pat.code.len() as i64;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

/// The setter of a read-only member (`PyMemberDef` with `READONLY`).
fn readonly(vm: &Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

fn pattern_pattern(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(pattern_of(vm, v)?.pattern.clone())
}

fn pattern_flags(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(pattern_of(vm, v)?.flags))
}

fn pattern_groups(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::from(pattern_of(vm, v)?.groups))
}

fn pattern_groupindex(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(match &pattern_of(vm, v)?.groupindex {
        Some(d) => crate::builtins::misc::new_mappingproxy(vm, d.clone()),
        None => Value::Obj(crate::builtins::dict::new_dict()),
    })
}

/// `__new__` of the types only the module makes (`Py_TPFLAGS_DISALLOW_INSTANTIATION`).
fn no_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = match args.first().and_then(|c| vm.is_type(c)) {
        Some(t) => {
            let v = Value::Obj(t);
            let module = vm
                .getattr_str(&v, "__module__")
                .ok()
                .and_then(|m| crate::str::as_str(&m).map(str::to_string))
                .unwrap_or_default();
            let name = vm
                .getattr_str(&v, "__name__")
                .ok()
                .and_then(|m| crate::str::as_str(&m).map(str::to_string))
                .unwrap_or_default();
            format!("{module}.{name}")
        }
        None => String::new(),
    };
    Err(vm.type_error(format!("cannot create '{name}' instances")))
}

fn init_pattern(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", no_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("match", pattern_match),
            ("fullmatch", pattern_fullmatch),
            ("search", pattern_search),
            ("sub", pattern_sub),
            ("subn", pattern_subn),
            ("findall", pattern_findall),
            ("split", pattern_split),
            ("finditer", pattern_finditer),
            ("scanner", pattern_scanner),
            ("__copy__", pattern_copy),
            ("__deepcopy__", pattern_deepcopy),
            ("__repr__", pattern_repr),
            ("__eq__", pattern_eq),
            ("__ne__", pattern_ne),
            ("__hash__", pattern_hash),
        ],
    );
    vm.add_methods_kind(
        t,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
    vm.add_getsets(
        t,
        &[
            ("pattern", pattern_pattern, Some(readonly)),
            ("flags", pattern_flags, Some(readonly)),
            ("groups", pattern_groups, Some(readonly)),
            ("groupindex", pattern_groupindex, None),
        ],
    );
    vm.add_attr(
        t,
        "__doc__",
        vm.new_str("Compiled regular expression object."),
    );
}

// ---- Match ----

pub struct Match {
    pattern: Value,
    /// The matched string: this match's own reference, which the cycle collector sees (the
    /// shared `subject` holds another).
    string: Value,
    subject: Rc<Subject>,
    /// Start and end of group 0, 1, …; -1 for a group that did not take part.
    marks: Vec<isize>,
    pos: usize,
    endpos: usize,
    lastindex: isize,
    regs: RefCell<Option<Value>>,
}

impl NativeData for Match {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
        if let Ok(r) = self.regs.try_borrow()
            && let Some(r) = r.as_ref()
        {
            visit(r);
        }
    }
    fn clear(&self) {
        let old = self.regs.borrow_mut().take();
        drop(old);
    }
}

fn new_match(
    vm: &Vm,
    pattern: &Value,
    subj: &Rc<Subject>,
    f: Found,
    pos: usize,
    endpos: usize,
) -> PyResult<Value> {
    let mut marks = Vec::with_capacity(2 * (f.groups.len() + 1));
    marks.push(f.start as isize);
    marks.push(f.end as isize);
    for g in &f.groups {
        match *g {
            Some((a, b)) if a > b => return Err(wrong_span(vm)),
            Some((a, b)) => {
                marks.push(a as isize);
                marks.push(b as isize);
            }
            None => {
                marks.push(-1);
                marks.push(-1);
            }
        }
    }
    Ok(new_native(
        vm.types.other(MATCH),
        Match {
            pattern: pattern.clone(),
            string: subj.obj.clone(),
            subject: subj.clone(),
            marks,
            pos,
            endpos,
            lastindex: f.lastindex,
            regs: RefCell::new(None),
        },
    ))
}

fn match_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Match> {
    native::<Match>(vm, v, MATCH)
}

impl Match {
    fn ngroups(&self) -> usize {
        self.marks.len() / 2
    }

    /// `match_getindex`: the group number an index or name names.
    fn index(&self, vm: &Vm, g: Option<&Value>) -> PyResult<usize> {
        let Some(g) = g else {
            return Ok(0);
        };
        let i = if matches!(g, Value::Int(_) | Value::Bool(_))
            || vm.lookup_special(g, "__index__").is_some()
        {
            vm.index_clamped(g)?
        } else {
            let mut i = -1;
            let pat = pattern_of(vm, &self.pattern)?;
            if let Some(Payload::Dict(d)) = pat.groupindex.as_ref().and_then(|v| v.payload())
                && let Some(n) = crate::dict::lookup(vm, d, g)?
                && let Value::Int(n) = n
            {
                i = n;
            }
            i
        };
        if i < 0 || i as usize >= self.ngroups() {
            return Err(vm.index_error("no such group"));
        }
        Ok(i as usize)
    }

    fn span(&self, g: usize) -> (isize, isize) {
        (self.marks[2 * g], self.marks[2 * g + 1])
    }

    /// The text of group `g`, or `default` when it did not take part.
    fn slice(&self, vm: &Vm, g: usize, default: &Value) -> Value {
        let (a, b) = self.span(g);
        if a < 0 {
            return default.clone();
        }
        self.subject.slice(vm, a as usize, b as usize)
    }
}

fn match_group(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "Match.group", kwnames)?;
    let m = match_of(vm, &args[0])?;
    let rest = &args[1..];
    match rest.len() {
        0 => Ok(m.slice(vm, 0, &Value::None)),
        1 => {
            let g = m.index(vm, Some(&rest[0]))?;
            Ok(m.slice(vm, g, &Value::None))
        }
        _ => {
            let mut out = Vec::with_capacity(rest.len());
            for a in rest {
                let g = m.index(vm, Some(a))?;
                out.push(m.slice(vm, g, &Value::None));
            }
            Ok(vm.new_tuple(out))
        }
    }
}

fn match_getitem(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = match_of(vm, &args[0])?;
    let g = m.index(vm, args.get(1))?;
    Ok(m.slice(vm, g, &Value::None))
}

fn match_groups(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let m = match_of(vm, &args[0])?;
    let p = bind_args(vm, "groups", &args[1..], kwnames, &["default"], 1, 0)?;
    let default = arg(&p, 0).cloned().unwrap_or(Value::None);
    let out = (1..m.ngroups()).map(|g| m.slice(vm, g, &default)).collect();
    Ok(vm.new_tuple(out))
}

fn match_groupdict(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let m = match_of(vm, &args[0])?;
    let p = bind_args(vm, "groupdict", &args[1..], kwnames, &["default"], 1, 0)?;
    let default = arg(&p, 0).cloned().unwrap_or(Value::None);
    let result = crate::builtins::dict::new_dict();
    let pat = pattern_of(vm, &m.pattern)?;
    let keys = match pat.groupindex.as_ref().and_then(|v| v.payload()) {
        Some(Payload::Dict(d)) => d.borrow().keys(),
        _ => Vec::new(),
    };
    if let Payload::Dict(out) = &result.payload {
        for k in keys {
            let g = m.index(vm, Some(&k))?;
            crate::dict::set_item(vm, out, k, m.slice(vm, g, &default))?;
        }
    }
    Ok(Value::Obj(result))
}

fn match_start(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "Match.start", kwnames)?;
    check_count(vm, "start", &args[1..], kwnames, 0, 1)?;
    let m = match_of(vm, &args[0])?;
    let g = m.index(vm, args.get(1))?;
    Ok(Value::Int(m.span(g).0 as i64))
}

fn match_end(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "Match.end", kwnames)?;
    check_count(vm, "end", &args[1..], kwnames, 0, 1)?;
    let m = match_of(vm, &args[0])?;
    let g = m.index(vm, args.get(1))?;
    Ok(Value::Int(m.span(g).1 as i64))
}

fn pair(vm: &Vm, (a, b): (isize, isize)) -> Value {
    vm.new_tuple(vec![Value::Int(a as i64), Value::Int(b as i64)])
}

fn match_span(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "Match.span", kwnames)?;
    check_count(vm, "span", &args[1..], kwnames, 0, 1)?;
    let m = match_of(vm, &args[0])?;
    let g = m.index(vm, args.get(1))?;
    Ok(pair(vm, m.span(g)))
}

fn match_expand(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let m = match_of(vm, &args[0])?;
    let p = bind_args(vm, "expand", &args[1..], kwnames, &["template"], 1, 1)?;
    let template = arg(&p, 0).cloned().unwrap_or(Value::None);
    let expand = re_helper(vm, "_expand")?;
    vm.call(&expand, &[m.pattern.clone(), args[0].clone(), template])
}

fn match_copy(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "Match.__copy__", &args[1..], kwnames, 0, 0)?;
    Ok(args[0].clone())
}

fn match_deepcopy(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "Match.__deepcopy__", &args[1..], kwnames, 1, 1)?;
    Ok(args[0].clone())
}

fn match_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = match_of(vm, &args[0])?;
    let g0 = m.slice(vm, 0, &Value::None);
    let (a, b) = m.span(0);
    let name = crate::types::type_data(vm.class_of(&args[0]))
        .name
        .borrow()
        .clone();
    let module = vm
        .getattr_str(&vm.type_value(&args[0]), "__module__")
        .ok()
        .and_then(|v| crate::str::as_str(&v).map(str::to_string));
    let full = match module {
        Some(md) if md != "builtins" => format!("{md}.{name}"),
        _ => name,
    };
    Ok(vm.new_string(format!(
        "<{full} object; span=({a}, {b}), match={}>",
        short_repr(vm, &g0, 50)?
    )))
}

fn match_string(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(match_of(vm, v)?.string.clone())
}

fn match_re(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(match_of(vm, v)?.pattern.clone())
}

fn match_pos(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::from(match_of(vm, v)?.pos))
}

fn match_endpos(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::from(match_of(vm, v)?.endpos))
}

fn match_lastindex(vm: &Vm, v: &Value) -> PyResult<Value> {
    let m = match_of(vm, v)?;
    Ok(if m.lastindex >= 0 {
        Value::Int(m.lastindex as i64)
    } else {
        Value::None
    })
}

fn match_lastgroup(vm: &Vm, v: &Value) -> PyResult<Value> {
    let m = match_of(vm, v)?;
    let pat = pattern_of(vm, &m.pattern)?;
    if m.lastindex >= 0
        && let Some(Payload::Tuple(t)) = pat.indexgroup.as_ref().and_then(|v| v.payload())
        && let Some(name) = t.get(m.lastindex as usize)
    {
        return Ok(name.clone());
    }
    Ok(Value::None)
}

fn match_regs(vm: &Vm, v: &Value) -> PyResult<Value> {
    let m = match_of(vm, v)?;
    if let Some(r) = m.regs.borrow().as_ref() {
        return Ok(r.clone());
    }
    let regs = vm.new_tuple((0..m.ngroups()).map(|g| pair(vm, m.span(g))).collect());
    *m.regs.borrow_mut() = Some(regs.clone());
    Ok(regs)
}

fn init_match(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", no_new)], MethodKind::Static);
    vm.add_methods(
        t,
        &[
            ("group", match_group),
            ("start", match_start),
            ("end", match_end),
            ("span", match_span),
            ("groups", match_groups),
            ("groupdict", match_groupdict),
            ("expand", match_expand),
            ("__copy__", match_copy),
            ("__deepcopy__", match_deepcopy),
            ("__getitem__", match_getitem),
            ("__repr__", match_repr),
        ],
    );
    vm.add_methods_kind(
        t,
        &[("__class_getitem__", crate::builtins::misc::generic_alias)],
        MethodKind::Class,
    );
    vm.add_getsets(
        t,
        &[
            ("string", match_string, Some(readonly)),
            ("re", match_re, Some(readonly)),
            ("pos", match_pos, Some(readonly)),
            ("endpos", match_endpos, Some(readonly)),
            ("lastindex", match_lastindex, None),
            ("lastgroup", match_lastgroup, None),
            ("regs", match_regs, None),
        ],
    );
    vm.add_attr(
        t,
        "__doc__",
        vm.new_str(
            "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
        ),
    );
}

// ---- Scanner ----

pub struct Scanner {
    pattern: Value,
    /// The scanned string (see [`Match::string`]).
    string: Value,
    subject: Rc<Subject>,
    /// Where the next match may start; None once the scan is over.
    start: Cell<Option<usize>>,
    must_advance: Cell<bool>,
    pos: usize,
    endpos: usize,
}

impl NativeData for Scanner {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

fn new_scanner(vm: &Vm, pattern: &Value, subject: Rc<Subject>, pos: usize, endpos: usize) -> Value {
    new_native(
        vm.types.other(SCANNER),
        Scanner {
            pattern: pattern.clone(),
            string: subject.obj.clone(),
            subject,
            start: Cell::new(Some(pos)),
            must_advance: Cell::new(false),
            pos,
            endpos,
        },
    )
}

fn scanner_step(vm: &Vm, args: &[Value], _kwnames: &[Value], search: bool) -> PyResult<Value> {
    let name = if search { "search" } else { "match" };
    if args.len() > 1 {
        return Err(vm.type_error(format!("{name}() takes no arguments")));
    }
    let sc = native::<Scanner>(vm, &args[0], SCANNER)?;
    let Some(at) = sc.start.get() else {
        return Ok(Value::None);
    };
    let pat = pattern_of(vm, &sc.pattern)?;
    let found = with_state(pat, &sc.subject, at, sc.endpos, |m| {
        m.set_must_advance(sc.must_advance.get());
        let ok = if search { m.search() } else { m.do_match() }.map_err(|e| engine_error(vm, e))?;
        Ok(ok.then(|| Found::take(m, pat.groups)))
    })?;
    match found {
        None => {
            sc.start.set(None);
            Ok(Value::None)
        }
        Some(f) => {
            sc.must_advance.set(f.end == f.start);
            sc.start.set(Some(f.end));
            new_match(vm, &sc.pattern, &sc.subject, f, sc.pos, sc.endpos)
        }
    }
}

fn scanner_match(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    scanner_step(vm, args, kwnames, false)
}

fn scanner_search(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    scanner_step(vm, args, kwnames, true)
}

fn scanner_pattern(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(native::<Scanner>(vm, v, SCANNER)?.pattern.clone())
}

fn init_scanner(vm: &Vm, t: &PyRef) {
    vm.add_methods_kind(t, &[("__new__", no_new)], MethodKind::Static);
    vm.add_methods(t, &[("match", scanner_match), ("search", scanner_search)]);
    vm.add_getsets(t, &[("pattern", scanner_pattern, Some(readonly))]);
}

// ---- module functions ----

/// A C `int` argument.
fn c_int(vm: &Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index_clamped(v)?;
    if i32::try_from(i).is_err() {
        return Err(vm.overflow_error(if i < 0 {
            "Python int too small to convert to C int"
        } else {
            "Python int too large to convert to C int"
        }));
    }
    Ok(i)
}

fn bad_argument(vm: &Vm, name: &str, expected: &str, v: &Value) -> crate::vm::PyErr {
    vm.type_error(format!(
        "compile() argument '{name}' must be {expected}, not {}",
        vm.type_name(v)
    ))
}

fn sre_compile(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = bind_args(
        vm,
        "compile",
        args,
        kwnames,
        &[
            "pattern",
            "flags",
            "code",
            "groups",
            "groupindex",
            "indexgroup",
        ],
        6,
        6,
    )?;
    let get = |i: usize| arg(&p, i).cloned().unwrap_or(Value::None);
    let pattern = get(0);
    let flags = c_int(vm, &get(1))?;
    let code_list = get(2);
    let Some(Payload::List(items)) = code_list.payload() else {
        return Err(bad_argument(vm, "code", "list", &code_list));
    };
    let groups = vm.index_i64(&get(3))?;
    let groupindex = get(4);
    let Some(Payload::Dict(gi)) = groupindex.payload() else {
        return Err(bad_argument(vm, "groupindex", "dict", &groupindex));
    };
    let indexgroup = get(5);
    let Some(Payload::Tuple(ig)) = indexgroup.payload() else {
        return Err(bad_argument(vm, "indexgroup", "tuple", &indexgroup));
    };
    let words: Vec<Value> = items.borrow().clone();
    let mut code = Vec::with_capacity(words.len());
    for w in &words {
        if !matches!(w, Value::Int(_) | Value::Bool(_))
            && !matches!(w.payload(), Some(Payload::Int(_)))
        {
            return Err(vm.type_error("an integer is required"));
        }
        let n = vm.index_value(w)?;
        let v = match n {
            Value::Int(i) if i < 0 => {
                return Err(vm.overflow_error("can't convert negative value to unsigned int"));
            }
            Value::Int(i) => i as u64,
            _ => {
                let negative = matches!(n.payload(), Some(Payload::Int(b)) if b.sign() == num_bigint::Sign::Minus);
                return Err(vm.overflow_error(if negative {
                    "can't convert negative value to unsigned int"
                } else {
                    "Python int too large to convert to C unsigned long"
                }));
            }
        };
        match u32::try_from(v) {
            Ok(c) => code.push(c),
            Err(_) => {
                return Err(vm.overflow_error("regular expression code size limit exceeded"));
            }
        }
    }
    let isbytes = if pattern.is_none() {
        -1
    } else {
        i8::from(Subject::new(vm, &pattern)?.is_bytes())
    };
    let named = !gi.borrow().is_empty();
    let groupindex = named.then_some(groupindex.clone());
    let indexgroup = (named && !ig.is_empty()).then_some(indexgroup.clone());
    if groups < 0 || !validate::validate(&code, groups as usize) {
        return Err(vm.runtime_error("invalid SRE code"));
    }
    Ok(new_native(
        vm.types.other(PATTERN),
        Pattern {
            pattern,
            flags,
            code,
            groups: groups as usize,
            groupindex,
            indexgroup,
            isbytes,
        },
    ))
}

fn getcodesize(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_count(vm, "_sre.getcodesize", args, kwnames, 0, 0)?;
    Ok(Value::Int(CODESIZE))
}

fn char_arg(vm: &Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<u32> {
    check_count(vm, format_args!("_sre.{name}"), args, kwnames, 1, 1)?;
    Ok(c_int(vm, &args[0])? as i32 as u32)
}

fn ascii_iscased(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ch = char_arg(vm, "ascii_iscased", args, kwnames)?;
    Ok(Value::bool(ch < 128 && (ch as u8).is_ascii_alphabetic()))
}

fn unicode_iscased(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ch = char_arg(vm, "unicode_iscased", args, kwnames)?;
    Ok(Value::bool(
        ch != lower_unicode(ch) || ch != upper_unicode(ch),
    ))
}

fn ascii_tolower(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ch = char_arg(vm, "ascii_tolower", args, kwnames)?;
    Ok(Value::Int(i64::from(lower_ascii(ch) as i32)))
}

fn unicode_tolower(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ch = char_arg(vm, "unicode_tolower", args, kwnames)?;
    Ok(Value::Int(i64::from(lower_unicode(ch) as i32)))
}

/// Makes the `_sre` module.
pub fn module(vm: &Vm) -> Value {
    native_type(
        vm,
        PATTERN,
        None,
        Layout::Native,
        flags::WEAKREFABLE,
        init_pattern,
    );
    native_type(vm, MATCH, None, Layout::Native, 0, init_match);
    native_type(vm, SCANNER, None, Layout::Native, 0, init_scanner);
    let m = vm.new_module("_sre");
    let d = vm.module_dict(&m);
    let functions: [(&'static str, crate::builtins::function::NativeFn); 6] = [
        ("compile", sre_compile),
        ("getcodesize", getcodesize),
        ("ascii_iscased", ascii_iscased),
        ("unicode_iscased", unicode_iscased),
        ("ascii_tolower", ascii_tolower),
        ("unicode_tolower", unicode_tolower),
    ];
    for (n, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, f));
    }
    let consts = [
        ("MAGIC", Value::Int(MAGIC)),
        ("CODESIZE", Value::Int(CODESIZE)),
        ("MAXREPEAT", Value::Int(i64::from(MAXREPEAT))),
        ("MAXGROUPS", Value::Int(i64::from(MAXGROUPS))),
        ("copyright", vm.new_str(COPYRIGHT)),
    ];
    for (n, v) in consts {
        let _ = vm.dict_set_str(&d, vm.intern(n), v);
    }
    Value::Obj(m)
}
