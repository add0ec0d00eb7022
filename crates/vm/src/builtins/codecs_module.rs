//! The `_codecs` module: the codec registry (search functions, the lookup cache, error
//! handlers) and the codec functions `Lib/encodings/*.py` are built on: UTF-8/16/32,
//! Latin-1 and ASCII (through `codecs.rs`), charmap (with `EncodingMap`), the escape codecs,
//! raw and plain `unicode_escape`, UTF-7 and `readbuffer_encode`. `str.encode` and
//! `bytes.decode` come here (`encode_text`, `decode_text`) for encodings the VM does not
//! have built in.
//! Counterpart: Modules/_codecsmodule.c and Python/codecs.c, with the UTF-7, charmap and
//! escape codecs of Objects/unicodeobject.c and `_PyBytes_DecodeEscape` of
//! Objects/bytesobject.c (3.11).
//!
//! Lone surrogates cannot live in this VM's str: where CPython would make one (UTF-7 or
//! `\ud800` escapes) the codecs give U+FFFD, and `surrogateescape`/`surrogatepass` fail as
//! `strict` does (docs/differences.md).

use std::cell::RefCell;
use std::collections::HashMap;

use crate::builtins::bytes::{buffer_bytes, new_bytes};
use crate::builtins::codecs::{
    self, Codec, DecodeErrors, EncodeErrors, Endian, Replacement, backslash_escape, name_escape,
};
use crate::builtins::function::NativeFn;
use crate::builtins::itertools::{bind_args, check_positional, native, native_type, new_native};
use crate::object::{NativeData, Payload};
use crate::types::{Layout, is_subtype};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

// ---------------------------------------------------------------------------------------
// the registry

#[derive(Default)]
struct Registry {
    /// `encodings` has been imported (or is being imported).
    initialized: bool,
    search: Vec<Value>,
    cache: HashMap<String, Value>,
    handlers: HashMap<String, Value>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

/// The built-in error handlers: registered name, function name, function.
const HANDLERS: &[(&str, &str, NativeFn)] = &[
    ("strict", "strict_errors", strict_errors),
    ("ignore", "ignore_errors", ignore_errors),
    ("replace", "replace_errors", replace_errors),
    (
        "xmlcharrefreplace",
        "xmlcharrefreplace_errors",
        xmlcharrefreplace_errors,
    ),
    (
        "backslashreplace",
        "backslashreplace_errors",
        backslashreplace_errors,
    ),
    ("namereplace", "namereplace_errors", namereplace_errors),
    ("surrogateescape", "surrogateescape", surrogateescape_errors),
    ("surrogatepass", "surrogatepass", surrogatepass_errors),
];

/// Registers the built-in error handlers (once).
fn init_handlers(vm: &Vm) {
    if REGISTRY.with(|r| !r.borrow().handlers.is_empty()) {
        return;
    }
    let made: Vec<(String, Value)> = HANDLERS
        .iter()
        .map(|&(name, fname, f)| (name.to_string(), vm.new_builtin_function(fname, f)))
        .collect();
    REGISTRY.with(|r| r.borrow_mut().handlers.extend(made));
}

/// Imports `encodings` (which registers its search function) the first time the search
/// functions are needed, as CPython does when it sets up its codec registry.
fn init_registry(vm: &Vm) -> PyResult<()> {
    init_handlers(vm);
    let first = REGISTRY.with(|r| !std::mem::replace(&mut r.borrow_mut().initialized, true));
    if first {
        crate::import::import(vm, "encodings")?;
    }
    Ok(())
}

/// CPython's `normalizestring`: ASCII letters lowered, digits and dots kept, every other run
/// of characters one underscore (none at either end).
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(b.to_ascii_lowercase() as char);
        } else {
            punct = true;
        }
    }
    out
}

/// The items of a tuple (subclasses included).
fn tuple_items(v: &Value) -> Option<Vec<Value>> {
    match v.payload() {
        Some(Payload::Tuple(t)) => Some(t.to_vec()),
        _ => None,
    }
}

/// `_PyCodec_Lookup`: the codec info registered for `encoding`.
pub fn lookup_codec(vm: &Vm, encoding: &str) -> PyResult<Value> {
    if encoding.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    init_registry(vm)?;
    let norm = normalize(encoding);
    if let Some(v) = REGISTRY.with(|r| r.borrow().cache.get(&norm).cloned()) {
        return Ok(v);
    }
    let search = REGISTRY.with(|r| r.borrow().search.clone());
    for f in &search {
        let r = vm.call(f, &[vm.new_str(&norm)])?;
        if r.is_none() {
            continue;
        }
        if tuple_items(&r).is_none_or(|t| t.len() != 4) {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        let old = REGISTRY.with(|reg| reg.borrow_mut().cache.insert(norm, r.clone()));
        drop(old);
        return Ok(r);
    }
    Err(vm.new_exception_msg(
        &vm.types.exceptions.lookup_error,
        &format!("unknown encoding: {encoding}"),
    ))
}

/// `PyCodec_LookupError`: the handler registered as `name`.
pub fn lookup_error(vm: &Vm, name: &str) -> PyResult<Value> {
    init_handlers(vm);
    REGISTRY
        .with(|r| r.borrow().handlers.get(name).cloned())
        .ok_or_else(|| {
            vm.new_exception_msg(
                &vm.types.exceptions.lookup_error,
                &format!("unknown error handler name '{name}'"),
            )
        })
}

/// The Unicode name of `c` (for `namereplace`), if it has one.
pub fn char_name(c: char) -> Option<String> {
    unicode_names2::name(c).map(|n| n.to_string())
}

/// Whether an exception raised by a codec can be re-raised with the codec named
/// (`_PyErr_TrySetFromCause`): its class takes its arguments as `BaseException` does, its
/// arguments are none or one str, and it has no attributes of its own.
fn wrappable(vm: &Vm, e: &PyRef) -> bool {
    let ex = &vm.types.exceptions;
    let cls = e.class();
    let special = [
        &ex.os_error,
        &ex.import_error,
        &ex.syntax_error,
        &ex.stop_iteration,
        &ex.system_exit,
        &ex.name_error,
        &ex.attribute_error,
        &ex.unicode_error,
    ];
    if special.iter().any(|t| is_subtype(cls, t)) {
        return false;
    }
    let base = &ex.base_exception;
    let own_init = crate::types::type_data(cls)
        .mro
        .borrow()
        .iter()
        .take_while(|t| !std::rc::Rc::ptr_eq(t, base))
        .any(|t| {
            let d = crate::types::type_data(t).dict_data().borrow();
            d.get_str("__init__").is_some() || d.get_str("__new__").is_some()
        });
    if own_init {
        return false;
    }
    let Some(data) = crate::exceptions::exc_data(e) else {
        return false;
    };
    let args = tuple_items(&data.args.borrow()).unwrap_or_default();
    if args.len() > 1 || args.len() == 1 && crate::str::exact_str(&args[0]).is_none() {
        return false;
    }
    e.dict.borrow().as_ref().is_none_or(|d| match &d.payload {
        Payload::Dict(d) => d.borrow().is_empty(),
        _ => true,
    })
}

/// `wrap_codec_error`: "encoding with 'x' codec failed (TypeError: ...)", chained to the
/// original, for exceptions that carry nothing but a message.
fn wrap_codec_error(vm: &Vm, e: PyErr, operation: &str, encoding: &str) -> PyErr {
    if !wrappable(vm, &e) {
        return e;
    }
    let text = vm.str(&Value::Obj(e.clone())).unwrap_or_default();
    let tname = crate::types::type_data(e.class()).name.borrow().clone();
    let msg = format!("{operation} with '{encoding}' codec failed ({tname}: {text})");
    let new = vm.new_exception_msg(e.class(), &msg);
    if let Some(d) = crate::exceptions::exc_data(&new) {
        let old = d.cause.replace(Value::Obj(e));
        d.suppress_context.set(true);
        drop(old);
    }
    new
}

/// Calls `codec_info[index]` (the encoder or decoder) on `obj`: the first item of the
/// `(result, length)` it returns.
fn call_codec(
    vm: &Vm,
    info: &Value,
    index: usize,
    obj: Value,
    encoding: &str,
    errors: Option<&str>,
) -> PyResult<Value> {
    let items = tuple_items(info).unwrap_or_default();
    let f = items.get(index).cloned().unwrap_or(Value::None);
    let mut args = vec![obj];
    if let Some(e) = errors {
        args.push(vm.new_str(e));
    }
    let (operation, what) = if index == 0 {
        ("encoding", "encoder must return a tuple (object, integer)")
    } else {
        ("decoding", "decoder must return a tuple (object,integer)")
    };
    let r = vm
        .call(&f, &args)
        .map_err(|e| wrap_codec_error(vm, e, operation, encoding))?;
    match tuple_items(&r) {
        Some(t) if t.len() == 2 => Ok(t[0].clone()),
        _ => Err(vm.type_error(what)),
    }
}

/// `_PyCodec_LookupTextEncoding`: a codec that is not marked as a non-text one.
fn lookup_text_codec(vm: &Vm, encoding: &str, alternative: &str) -> PyResult<Value> {
    let info = lookup_codec(vm, encoding)?;
    let exact_tuple = info
        .as_obj()
        .is_some_and(|o| std::rc::Rc::ptr_eq(o.class(), &vm.types.tuple));
    if !exact_tuple
        && let Some(flag) = vm.getattr_opt(&info, "_is_text_encoding")?
        && !vm.truthy(&flag)?
    {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.lookup_error,
            &format!(
                "'{encoding}' is not a text encoding; use {alternative} to handle arbitrary codecs"
            ),
        ));
    }
    Ok(info)
}

/// `str.encode` for an encoding the VM does not have: through the registry.
pub fn encode_text(vm: &Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let info = lookup_text_codec(vm, encoding, "codecs.encode()")?;
    let errors = (errors != "strict").then_some(errors);
    let r = call_codec(vm, &info, 0, vm.new_str(s), encoding, errors)?;
    match r.payload() {
        Some(Payload::Bytes(b)) => Ok(b.to_vec()),
        Some(Payload::ByteArray(b)) => {
            let b = b.borrow().clone();
            crate::builtins::functions::warn(
                vm,
                &vm.types.exceptions.runtime_warning,
                &format!(
                    "encoder {encoding} returned bytearray instead of bytes; use codecs.encode() to encode to arbitrary types"
                ),
            )?;
            Ok(b)
        }
        _ => Err(vm.type_error(format!(
            "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            vm.type_name(&r)
        ))),
    }
}

/// `bytes.decode` for an encoding the VM does not have: through the registry.
pub fn decode_text(vm: &Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let info = lookup_text_codec(vm, encoding, "codecs.decode()")?;
    let errors = (errors != "strict").then_some(errors);
    // CPython hands the decoder a memoryview of the bytes.
    let view = vm.call(
        &Value::Obj(vm.types.other("memoryview")),
        &[new_bytes(vm, data.to_vec())],
    )?;
    let r = call_codec(vm, &info, 1, view, encoding, errors)?;
    match crate::str::as_str(&r) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            vm.type_name(&r)
        ))),
    }
}

// ---------------------------------------------------------------------------------------
// argument helpers

/// `METH_O`: exactly one positional argument.
fn one_arg(vm: &Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("_codecs.{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "_codecs.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(())
}

/// Positional-only parameters, `min..=max` of them.
fn positional(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("_codecs.{name}() takes no keyword arguments")));
    }
    check_positional(vm, name, args.len(), min, max)
}

/// A `str` argument (METH_O style message when `pos` is 0).
fn str_arg<'a>(vm: &Vm, fname: &str, pos: usize, v: &'a Value) -> PyResult<&'a str> {
    crate::str::as_str(v).ok_or_else(|| {
        let which = if pos == 0 {
            "argument".to_string()
        } else {
            format!("argument {pos}")
        };
        vm.type_error(format!(
            "{fname}() {which} must be str, not {}",
            vm.type_name(v)
        ))
    })
}

/// A bytes-like argument (`Py_buffer`).
fn buffer_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    buffer_bytes(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// A str (taken as UTF-8) or bytes-like argument.
fn text_or_buffer_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match crate::str::as_str(v) {
        Some(s) => Ok(s.as_bytes().to_vec()),
        None => buffer_arg(vm, v),
    }
}

/// The `errors` argument: a str, or None / absent for "strict".
fn errors_arg<'a>(vm: &Vm, fname: &str, pos: usize, v: Option<&'a Value>) -> PyResult<&'a str> {
    match v {
        None => Ok("strict"),
        Some(v) if v.is_none() => Ok("strict"),
        Some(v) => crate::str::as_str(v).ok_or_else(|| {
            vm.type_error(format!(
                "{fname}() argument {pos} must be str or None, not {}",
                vm.type_name(v)
            ))
        }),
    }
}

/// A C `int` argument (`_PyLong_AsInt`).
fn int_arg(vm: &Vm, v: &Value) -> PyResult<i32> {
    match vm.index_value(v)? {
        Value::Int(i) => i32::try_from(i)
            .map_err(|_| vm.overflow_error("Python int too large to convert to C int")),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn char_len(v: &Value) -> usize {
    crate::str::as_str_data(v).map_or(0, |d| d.char_len())
}

fn pair(vm: &Vm, a: Value, n: usize) -> Value {
    vm.new_tuple(vec![a, Value::from(n)])
}

// ---------------------------------------------------------------------------------------
// registry functions

fn register(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "register", args, kw)?;
    if !crate::builtins::itertools::is_callable(vm, &args[0]) {
        return Err(vm.type_error("argument must be callable"));
    }
    init_registry(vm)?;
    REGISTRY.with(|r| r.borrow_mut().search.push(args[0].clone()));
    Ok(Value::None)
}

fn unregister(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "unregister", args, kw)?;
    let (removed, cache) = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let removed = r
            .search
            .iter()
            .position(|f| f.is(&args[0]))
            .map(|i| r.search.remove(i));
        let cache = removed.is_some().then(|| std::mem::take(&mut r.cache));
        (removed, cache)
    });
    drop(removed);
    drop(cache);
    Ok(Value::None)
}

fn lookup(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "lookup", args, kw)?;
    let name = str_arg(vm, "lookup", 0, &args[0])?;
    lookup_codec(vm, name)
}

fn forget_codec(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "_forget_codec", args, kw)?;
    let name = str_arg(vm, "_forget_codec", 0, &args[0])?;
    let norm = normalize(name);
    let old = REGISTRY.with(|r| r.borrow_mut().cache.remove(&norm));
    match old {
        Some(v) => {
            drop(v);
            Ok(Value::None)
        }
        None => Err(vm.key_error(vm.new_string(norm))),
    }
}

/// `encode(obj, encoding='utf-8', errors='strict')` and `decode(...)`.
fn encode_or_decode(vm: &Vm, args: &[Value], kw: &[Value], decode: bool) -> PyResult<Value> {
    let fname = if decode { "decode" } else { "encode" };
    let p = bind_args(vm, fname, args, kw, &["obj", "encoding", "errors"], 3, 1)?;
    let mut names: [Option<&str>; 2] = [None, None];
    for (i, what) in ["encoding", "errors"].iter().enumerate() {
        if let Some(v) = &p[i + 1] {
            names[i] = Some(crate::str::as_str(v).ok_or_else(|| {
                vm.type_error(format!(
                    "{fname}() argument '{what}' must be str, not {}",
                    vm.type_name(v)
                ))
            })?);
        }
    }
    let encoding = names[0].unwrap_or("utf-8");
    let info = lookup_codec(vm, encoding)?;
    let obj = p[0].clone().unwrap_or(Value::None);
    call_codec(vm, &info, decode as usize, obj, encoding, names[1])
}

fn encode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    encode_or_decode(vm, args, kw, false)
}

fn decode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    encode_or_decode(vm, args, kw, true)
}

fn register_error(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(vm, "register_error", args, kw, 2, 2)?;
    let name = str_arg(vm, "register_error", 1, &args[0])?;
    if !crate::builtins::itertools::is_callable(vm, &args[1]) {
        return Err(vm.type_error("handler must be callable"));
    }
    init_handlers(vm);
    let old = REGISTRY.with(|r| {
        r.borrow_mut()
            .handlers
            .insert(name.to_string(), args[1].clone())
    });
    drop(old);
    Ok(Value::None)
}

fn lookup_error_fn(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "lookup_error", args, kw)?;
    let name = str_arg(vm, "lookup_error", 0, &args[0])?;
    lookup_error(vm, name)
}

// ---------------------------------------------------------------------------------------
// the built-in error handlers, called from Python

#[derive(Clone, Copy, PartialEq, Eq)]
enum ErrKind {
    Encode,
    Decode,
    Translate,
}

/// What kind of Unicode error `exc` is, or the TypeError CPython gives for anything else.
fn err_kind(vm: &Vm, exc: &Value) -> PyResult<ErrKind> {
    let ex = &vm.types.exceptions;
    if let Some(o) = exc.as_obj() {
        let cls = o.class();
        if is_subtype(cls, &ex.unicode_encode_error) {
            return Ok(ErrKind::Encode);
        }
        if is_subtype(cls, &ex.unicode_decode_error) {
            return Ok(ErrKind::Decode);
        }
        if is_subtype(cls, &ex.unicode_translate_error) {
            return Ok(ErrKind::Translate);
        }
    }
    Err(wrong_exception(vm, exc))
}

fn wrong_exception(vm: &Vm, exc: &Value) -> PyErr {
    vm.type_error(format!(
        "don't know how to handle {} in error callback",
        vm.type_name(exc)
    ))
}

/// An attribute of a Unicode error, or the matching constructor argument.
fn exc_field(vm: &Vm, exc: &Value, name: &str, index: usize) -> PyResult<Value> {
    if let Some(v) = vm.getattr_opt(exc, name)? {
        return Ok(v);
    }
    let args = exc
        .as_obj()
        .and_then(crate::exceptions::exc_data)
        .and_then(|d| tuple_items(&d.args.borrow()))
        .unwrap_or_default();
    args.get(index)
        .cloned()
        .ok_or_else(|| vm.attribute_error(format!("{name} attribute not set")))
}

/// The object, start and end of a Unicode error, clamped as CPython's getters do.
fn exc_range(vm: &Vm, exc: &Value, kind: ErrKind) -> PyResult<(Value, usize, usize)> {
    // UnicodeTranslateError's arguments have no encoding in front.
    let shift = (kind == ErrKind::Translate) as usize;
    let object = exc_field(vm, exc, "object", 1 - shift)?;
    let len = if kind == ErrKind::Decode {
        buffer_bytes(&object)
            .map(|b| b.len())
            .ok_or_else(|| vm.type_error("object attribute must be bytes"))?
    } else {
        if crate::str::as_str(&object).is_none() {
            return Err(vm.type_error("object attribute must be unicode"));
        }
        char_len(&object)
    } as i64;
    let start = vm.index_i64(&exc_field(vm, exc, "start", 2 - shift)?)?;
    let end = vm.index_i64(&exc_field(vm, exc, "end", 3 - shift)?)?;
    let start = if start < 0 {
        0
    } else if start >= len {
        (len - 1).max(0)
    } else {
        start
    };
    let end = end.clamp(1, len.max(1)).min(len);
    Ok((object, start as usize, (end.max(start)) as usize))
}

fn handler_arg(vm: &Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(args[0].clone())
}

/// The code points `start..end` of a str.
fn chars_of(v: &Value, start: usize, end: usize) -> Vec<char> {
    crate::str::as_str(v)
        .unwrap_or("")
        .chars()
        .skip(start)
        .take(end - start)
        .collect()
}

fn strict_errors(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = handler_arg(vm, "strict_errors", args, kw)?;
    match exc.as_obj() {
        Some(o) if is_subtype(o.class(), &vm.types.exceptions.base_exception) => Err(o.clone()),
        _ => Err(vm.type_error("codec must pass exception instance")),
    }
}

fn ignore_errors(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = handler_arg(vm, "ignore_errors", args, kw)?;
    let kind = err_kind(vm, &exc)?;
    let (_, _, end) = exc_range(vm, &exc, kind)?;
    Ok(pair(vm, vm.new_str(""), end))
}

fn replace_errors(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = handler_arg(vm, "replace_errors", args, kw)?;
    let kind = err_kind(vm, &exc)?;
    let (_, start, end) = exc_range(vm, &exc, kind)?;
    let rep = match kind {
        ErrKind::Encode => "?".repeat(end - start),
        ErrKind::Decode => "\u{FFFD}".to_string(),
        ErrKind::Translate => "\u{FFFD}".repeat(end - start),
    };
    Ok(pair(vm, vm.new_string(rep), end))
}

fn xmlcharrefreplace_errors(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = handler_arg(vm, "xmlcharrefreplace_errors", args, kw)?;
    if err_kind(vm, &exc)? != ErrKind::Encode {
        return Err(wrong_exception(vm, &exc));
    }
    let (object, start, end) = exc_range(vm, &exc, ErrKind::Encode)?;
    let rep: String = chars_of(&object, start, end)
        .iter()
        .map(|&c| format!("&#{};", c as u32))
        .collect();
    Ok(pair(vm, vm.new_string(rep), end))
}

fn backslashreplace_errors(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = handler_arg(vm, "backslashreplace_errors", args, kw)?;
    let kind = err_kind(vm, &exc)?;
    let (object, start, end) = exc_range(vm, &exc, kind)?;
    let rep: String = if kind == ErrKind::Decode {
        let b = buffer_bytes(&object).unwrap_or_default();
        b[start..end]
            .iter()
            .map(|b| format!("\\x{b:02x}"))
            .collect()
    } else {
        chars_of(&object, start, end)
            .iter()
            .map(|&c| backslash_escape(c))
            .collect()
    };
    Ok(pair(vm, vm.new_string(rep), end))
}

fn namereplace_errors(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = handler_arg(vm, "namereplace_errors", args, kw)?;
    if err_kind(vm, &exc)? != ErrKind::Encode {
        return Err(wrong_exception(vm, &exc));
    }
    let (object, start, end) = exc_range(vm, &exc, ErrKind::Encode)?;
    let rep: String = chars_of(&object, start, end)
        .iter()
        .map(|&c| name_escape(c))
        .collect();
    Ok(pair(vm, vm.new_string(rep), end))
}

/// `surrogateescape` and `surrogatepass` would make or take lone surrogates, which this
/// VM's str cannot hold: they re-raise the error, as CPython does for input they cannot
/// handle.
fn surrogate_handler(vm: &Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let exc = handler_arg(vm, name, args, kw)?;
    if err_kind(vm, &exc)? == ErrKind::Translate {
        return Err(wrong_exception(vm, &exc));
    }
    match exc {
        Value::Obj(o) => Err(o),
        other => Err(wrong_exception(vm, &other)),
    }
}

fn surrogateescape_errors(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    surrogate_handler(vm, "surrogateescape", args, kw)
}

fn surrogatepass_errors(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    surrogate_handler(vm, "surrogatepass", args, kw)
}

// ---------------------------------------------------------------------------------------
// UTF-8/16/32, Latin-1, ASCII

/// A decoder `name(data, errors=None[, final=False])`.
fn decode_fn(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    codec: Codec,
    has_final: bool,
) -> PyResult<Value> {
    positional(vm, name, args, kw, 1, if has_final { 3 } else { 2 })?;
    let data = buffer_arg(vm, &args[0])?;
    let errors = errors_arg(vm, name, 2, args.get(1))?;
    let final_ = match args.get(2) {
        Some(v) => int_arg(vm, v)? != 0,
        None => !has_final,
    };
    let (s, n) = codecs::decode(vm, codec, &data, errors, final_, &mut 0)?;
    Ok(pair(vm, vm.new_string(s), n))
}

/// An encoder `name(str, errors=None[, byteorder=0])`.
fn encode_fn(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    codec: Codec,
    has_byteorder: bool,
) -> PyResult<Value> {
    positional(vm, name, args, kw, 1, if has_byteorder { 3 } else { 2 })?;
    let s = str_arg(vm, name, 1, &args[0])?;
    let errors = errors_arg(vm, name, 2, args.get(1))?;
    let byteorder = match args.get(2) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let b = codecs::encode(vm, codec, s, errors, byteorder)?;
    Ok(pair(vm, new_bytes(vm, b), char_len(&args[0])))
}

/// `utf_16_ex_decode`/`utf_32_ex_decode(data, errors=None, byteorder=0, final=False)`:
/// `(str, consumed, byteorder)`.
fn ex_decode_fn(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    codec: Codec,
) -> PyResult<Value> {
    positional(vm, name, args, kw, 1, 4)?;
    let data = buffer_arg(vm, &args[0])?;
    let errors = errors_arg(vm, name, 2, args.get(1))?;
    let mut byteorder = match args.get(2) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let final_ = match args.get(3) {
        Some(v) => int_arg(vm, v)? != 0,
        None => false,
    };
    let (s, n) = codecs::decode(vm, codec, &data, errors, final_, &mut byteorder)?;
    Ok(vm.new_tuple(vec![
        vm.new_string(s),
        Value::from(n),
        Value::Int(byteorder as i64),
    ]))
}

macro_rules! codec_fns {
    ($( $f:ident = $kind:ident($name:literal, $codec:expr $(, $flag:expr)?); )*) => {
        $(
            fn $f(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                $kind(vm, $name, args, kw, $codec $(, $flag)?)
            }
        )*
    };
}

codec_fns! {
    utf_8_decode = decode_fn("utf_8_decode", Codec::Utf8, true);
    utf_8_encode = encode_fn("utf_8_encode", Codec::Utf8, false);
    utf_16_decode = decode_fn("utf_16_decode", Codec::Utf16(Endian::Native), true);
    utf_16_encode = encode_fn("utf_16_encode", Codec::Utf16(Endian::Native), true);
    utf_16_le_decode = decode_fn("utf_16_le_decode", Codec::Utf16(Endian::Little), true);
    utf_16_le_encode = encode_fn("utf_16_le_encode", Codec::Utf16(Endian::Little), false);
    utf_16_be_decode = decode_fn("utf_16_be_decode", Codec::Utf16(Endian::Big), true);
    utf_16_be_encode = encode_fn("utf_16_be_encode", Codec::Utf16(Endian::Big), false);
    utf_16_ex_decode = ex_decode_fn("utf_16_ex_decode", Codec::Utf16(Endian::Native));
    utf_32_decode = decode_fn("utf_32_decode", Codec::Utf32(Endian::Native), true);
    utf_32_encode = encode_fn("utf_32_encode", Codec::Utf32(Endian::Native), true);
    utf_32_le_decode = decode_fn("utf_32_le_decode", Codec::Utf32(Endian::Little), true);
    utf_32_le_encode = encode_fn("utf_32_le_encode", Codec::Utf32(Endian::Little), false);
    utf_32_be_decode = decode_fn("utf_32_be_decode", Codec::Utf32(Endian::Big), true);
    utf_32_be_encode = encode_fn("utf_32_be_encode", Codec::Utf32(Endian::Big), false);
    utf_32_ex_decode = ex_decode_fn("utf_32_ex_decode", Codec::Utf32(Endian::Native));
    latin_1_decode = decode_fn("latin_1_decode", Codec::Latin1, false);
    latin_1_encode = encode_fn("latin_1_encode", Codec::Latin1, false);
    ascii_decode = decode_fn("ascii_decode", Codec::Ascii, false);
    ascii_encode = encode_fn("ascii_encode", Codec::Ascii, false);
}

// ---------------------------------------------------------------------------------------
// charmap

/// `EncodingMap`: the inverse of a 256-character decoding table, as `charmap_build` makes
/// it. `count2`/`count3` are the block counts of CPython's three-level trie, for `size()`.
struct EncodingMap {
    map: HashMap<char, u8>,
    count2: usize,
    count3: usize,
}

impl NativeData for EncodingMap {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl EncodingMap {
    fn get(&self, c: char) -> Option<u8> {
        if c == '\0' {
            return Some(0);
        }
        self.map.get(&c).copied()
    }
}

const ENCODING_MAP: &str = "builtins.EncodingMap";

fn encoding_map_size(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = native::<EncodingMap>(vm, &args[0], "EncodingMap")?;
    // CPython's struct (object header, 32-byte first level, two ints) then the blocks.
    Ok(Value::from(63 + 16 * m.count2 + 128 * m.count3))
}

fn encoding_map_type(vm: &Vm) -> PyRef {
    native_type(vm, ENCODING_MAP, None, Layout::Native, 0, |vm, t| {
        vm.add_methods(t, &[("size", encoding_map_size)]);
    })
}

fn charmap_build(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "charmap_build", args, kw)?;
    let table = str_arg(vm, "charmap_build", 0, &args[0])?;
    let chars: Vec<char> = table.chars().take(256).collect();
    if chars.is_empty() {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut need_dict = chars[0] != '\0';
    let (mut l1, mut l2) = (
        std::collections::HashSet::new(),
        std::collections::HashSet::new(),
    );
    for &c in &chars[1..] {
        let cp = c as u32;
        if cp == 0 || cp > 0xFFFF {
            need_dict = true;
            break;
        }
        if cp == 0xFFFE {
            continue;
        }
        l1.insert(cp >> 11);
        l2.insert(cp >> 7);
    }
    if l1.len() >= 0xFF || l2.len() >= 0xFF {
        need_dict = true;
    }
    if need_dict {
        let d = crate::builtins::dict::new_dict();
        let dv = Value::Obj(d);
        for (i, &c) in chars.iter().enumerate() {
            vm.setitem(&dv, Value::Int(c as i64), Value::from(i))?;
        }
        return Ok(dv);
    }
    let mut map = HashMap::new();
    for (i, &c) in chars.iter().enumerate().skip(1) {
        if c != '\u{FFFE}' {
            map.insert(c, i as u8);
        }
    }
    Ok(new_native(
        encoding_map_type(vm),
        EncodingMap {
            map,
            count2: l1.len(),
            count3: l2.len(),
        },
    ))
}

/// Whether `e` is a LookupError (a mapping without the key).
fn is_lookup_error(vm: &Vm, e: &PyErr) -> bool {
    is_subtype(e.class(), &vm.types.exceptions.lookup_error)
}

/// `charmap_decode(data, errors=None, mapping=None)`.
fn charmap_decode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(vm, "charmap_decode", args, kw, 1, 3)?;
    let data = buffer_arg(vm, &args[0])?;
    let errors = errors_arg(vm, "charmap_decode", 2, args.get(1))?;
    let mapping = args.get(2).cloned().unwrap_or(Value::None);
    if mapping.is_none() {
        let (s, n) = codecs::decode(vm, Codec::Latin1, &data, errors, true, &mut 0)?;
        return Ok(pair(vm, vm.new_string(s), n));
    }
    let table: Option<Vec<char>> = crate::str::as_str(&mapping).map(|t| t.chars().collect());
    let reason = "character maps to <undefined>";
    let mut errs = DecodeErrors::new(errors, "charmap", &data);
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        let mapped = match &table {
            Some(t) => match t.get(b as usize) {
                Some(&c) if c != '\u{FFFE}' => {
                    out.push(c);
                    true
                }
                _ => false,
            },
            None => match vm.getitem(&mapping, &Value::Int(b as i64)) {
                Err(e) if is_lookup_error(vm, &e) => false,
                Err(e) => return Err(e),
                Ok(Value::None) => false,
                Ok(v) => {
                    if let Some(s) = crate::str::as_str(&v) {
                        if s == "\u{FFFE}" {
                            false
                        } else {
                            out.push_str(s);
                            true
                        }
                    } else if matches!(v, Value::Int(_) | Value::Bool(_))
                        || matches!(v.payload(), Some(Payload::Int(_)))
                    {
                        let cp = vm.index_i64(&v).unwrap_or(-1);
                        if cp == 0xFFFE {
                            false
                        } else if !(0..=0x10FFFF).contains(&cp) {
                            return Err(
                                vm.type_error("character mapping must be in range(0x110000)")
                            );
                        } else {
                            out.push(char::from_u32(cp as u32).unwrap_or('\u{FFFD}'));
                            true
                        }
                    } else {
                        return Err(
                            vm.type_error("character mapping must return integer, None or str")
                        );
                    }
                }
            },
        };
        if mapped {
            i += 1;
        } else {
            i = errs.fail(vm, i, i + 1, reason, &mut out)?;
        }
    }
    Ok(pair(vm, vm.new_string(out), data.len()))
}

/// How `charmap_encode` maps characters.
enum EncMap<'a> {
    Trie(&'a EncodingMap),
    Mapping(&'a Value),
}

impl EncMap<'_> {
    /// Appends the bytes of `c`; false if it has none.
    fn encode(&self, vm: &Vm, c: char, out: &mut Vec<u8>) -> PyResult<bool> {
        match self {
            EncMap::Trie(m) => Ok(match m.get(c) {
                Some(b) => {
                    out.push(b);
                    true
                }
                None => false,
            }),
            EncMap::Mapping(m) => match vm.getitem(m, &Value::Int(c as i64)) {
                Err(e) if is_lookup_error(vm, &e) => Ok(false),
                Err(e) => Err(e),
                Ok(Value::None) => Ok(false),
                Ok(v) => {
                    if let Some(Payload::Bytes(b)) = v.payload() {
                        out.extend_from_slice(b);
                        return Ok(true);
                    }
                    if matches!(v, Value::Int(_) | Value::Bool(_))
                        || matches!(v.payload(), Some(Payload::Int(_)))
                    {
                        let n = vm.index_i64(&v).unwrap_or(-1);
                        if !(0..256).contains(&n) {
                            return Err(vm.type_error("character mapping must be in range(256)"));
                        }
                        out.push(n as u8);
                        return Ok(true);
                    }
                    Err(vm.type_error(format!(
                        "character mapping must return integer, bytes or None, not {}",
                        vm.type_name(&v)
                    )))
                }
            },
        }
    }
}

/// `charmap_encode(str, errors=None, mapping=None)`.
fn charmap_encode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(vm, "charmap_encode", args, kw, 1, 3)?;
    let s = str_arg(vm, "charmap_encode", 1, &args[0])?;
    let errors = errors_arg(vm, "charmap_encode", 2, args.get(1))?;
    let n = char_len(&args[0]);
    let mapping = args.get(2).cloned().unwrap_or(Value::None);
    if mapping.is_none() {
        let b = codecs::encode(vm, Codec::Latin1, s, errors, 0)?;
        return Ok(pair(vm, new_bytes(vm, b), n));
    }
    let trie = mapping
        .as_obj()
        .and_then(|o| o.downcast_native::<EncodingMap>());
    let map = match trie {
        Some(t) => EncMap::Trie(t),
        None => EncMap::Mapping(&mapping),
    };
    let reason = "character maps to <undefined>";
    let chars: Vec<char> = s.chars().collect();
    let mut errs = EncodeErrors::new(errors, "charmap", s, &chars);
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if map.encode(vm, chars[i], &mut out)? {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let mut scratch = Vec::new();
        while end < chars.len() && !map.encode(vm, chars[end], &mut scratch)? {
            end += 1;
        }
        let (rep, next) = errs.fail(vm, i, end, reason)?;
        match rep {
            Replacement::Bytes(b) => out.extend_from_slice(&b),
            Replacement::Text(t) => {
                for c in t.chars() {
                    if !map.encode(vm, c, &mut out)? {
                        return Err(errs.error(vm, i, end, reason));
                    }
                }
            }
        }
        i = next;
    }
    Ok(pair(vm, new_bytes(vm, out), n))
}

// ---------------------------------------------------------------------------------------
// escape codecs

fn hex_digit(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// The first escape a decoder did not recognize: a character, or an octal escape above
/// 0o377 (its three digits).
#[derive(Clone, Copy)]
enum InvalidEscape {
    Char(u8),
    Octal([u8; 3]),
}

/// Warns about the first unrecognized escape (DeprecationWarning, attributed to the
/// caller), as CPython 3.11 does.
fn warn_invalid_escape(vm: &Vm, first: Option<InvalidEscape>) -> PyResult<()> {
    let msg = match first {
        None => return Ok(()),
        Some(InvalidEscape::Char(c)) => format!("invalid escape sequence '\\{}'", c as char),
        Some(InvalidEscape::Octal(d)) => format!(
            "invalid octal escape sequence '\\{}'",
            String::from_utf8_lossy(&d)
        ),
    };
    let warnings = crate::import::import(vm, "warnings")?;
    let warn = vm.getattr_str(&warnings, "warn")?;
    vm.call(
        &warn,
        &[
            vm.new_string(msg),
            Value::Obj(vm.types.exceptions.deprecation_warning.clone()),
            Value::Int(1),
        ],
    )?;
    Ok(())
}

/// An octal escape: up to three digits from `data[*i - 1]`; notes one above 0o377.
fn octal_escape(data: &[u8], i: &mut usize, first: &mut Option<InvalidEscape>) -> u32 {
    let begin = *i - 1;
    let mut v = (data[begin] - b'0') as u32;
    for _ in 0..2 {
        match data.get(*i) {
            Some(&d @ b'0'..=b'7') => {
                v = v * 8 + (d - b'0') as u32;
                *i += 1;
            }
            _ => break,
        }
    }
    if v > 0o377 && first.is_none() {
        *first = Some(InvalidEscape::Octal([
            data[begin],
            data[begin + 1],
            data[begin + 2],
        ]));
    }
    v
}

/// `escape_decode(data, errors=None)`: bytes-literal escapes to bytes.
fn escape_decode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(vm, "escape_decode", args, kw, 1, 2)?;
    let data = text_or_buffer_arg(vm, &args[0])?;
    let errors = errors_arg(vm, "escape_decode", 2, args.get(1))?;
    let n = data.len();
    let mut out = Vec::with_capacity(n);
    let mut first_invalid = None;
    let mut i = 0;
    while i < n {
        let c = data[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        if i >= n {
            return Err(vm.value_error("Trailing \\ in string"));
        }
        let c = data[i];
        i += 1;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(c),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let v = octal_escape(&data, &mut i, &mut first_invalid);
                out.push(v as u8);
            }
            b'x' => {
                if i + 1 < n
                    && let (Some(hi), Some(lo)) = (hex_digit(data[i]), hex_digit(data[i + 1]))
                {
                    out.push((hi * 16 + lo) as u8);
                    i += 2;
                    continue;
                }
                match errors {
                    "strict" => {
                        return Err(
                            vm.value_error(format!("invalid \\x escape at position {}", i - 2))
                        );
                    }
                    "replace" => out.push(b'?'),
                    "ignore" => {}
                    other => {
                        return Err(vm.value_error(format!(
                            "decoding error; unknown error handling code: {other}"
                        )));
                    }
                }
                if i < n && hex_digit(data[i]).is_some() {
                    i += 1;
                }
            }
            _ => {
                first_invalid.get_or_insert(InvalidEscape::Char(c));
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    warn_invalid_escape(vm, first_invalid)?;
    Ok(pair(vm, new_bytes(vm, out), n))
}

/// `escape_encode(data, errors=None)`: bytes to bytes-literal escapes.
fn escape_encode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(vm, "escape_encode", args, kw, 1, 2)?;
    let Some(Payload::Bytes(data)) = args[0].payload() else {
        return Err(vm.type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            vm.type_name(&args[0])
        )));
    };
    errors_arg(vm, "escape_encode", 2, args.get(1))?;
    let mut out = Vec::with_capacity(data.len());
    for &c in data.iter() {
        match c {
            b'\'' | b'\\' => out.extend_from_slice(&[b'\\', c]),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            c if !(0x20..0x7f).contains(&c) => {
                out.extend_from_slice(format!("\\x{c:02x}").as_bytes())
            }
            c => out.push(c),
        }
    }
    Ok(pair(vm, new_bytes(vm, out), data.len()))
}

/// What went wrong in an escape: the message, and whether the input merely ended early
/// (left unconsumed unless the call is final).
struct EscapeFail {
    msg: &'static str,
    incomplete: bool,
}

/// Reads `count` hex digits at `*i`; the value, or the failure (`*i` stays at the bad digit).
fn hex_escape(
    data: &[u8],
    i: &mut usize,
    count: usize,
    msg: &'static str,
) -> Result<u32, EscapeFail> {
    let mut v: u32 = 0;
    for _ in 0..count {
        let Some(&b) = data.get(*i) else {
            return Err(EscapeFail {
                msg,
                incomplete: true,
            });
        };
        let Some(d) = hex_digit(b) else {
            return Err(EscapeFail {
                msg,
                incomplete: false,
            });
        };
        v = (v << 4) | d;
        *i += 1;
    }
    Ok(v)
}

/// Pushes the code point `cp` (≤ 0x10FFFF); a lone surrogate becomes U+FFFD.
fn push_cp(out: &mut String, cp: u32) {
    out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
}

/// The `unicode_escape` decoder: the text and the bytes consumed.
fn unicode_escape_decode_impl(
    vm: &Vm,
    data: &[u8],
    errors: &str,
    final_: bool,
) -> PyResult<(String, usize)> {
    let n = data.len();
    let mut errs = DecodeErrors::new(errors, "unicodeescape", data);
    let mut out = String::with_capacity(n);
    let mut first_invalid = None;
    let mut i = 0;
    while i < n {
        let c = data[i];
        i += 1;
        if c != b'\\' {
            out.push(c as char);
            continue;
        }
        let start = i - 1;
        let fail = if i >= n {
            EscapeFail {
                msg: "\\ at end of string",
                incomplete: true,
            }
        } else {
            let c = data[i];
            i += 1;
            let simple = match c {
                b'\n' => Some(None),
                b'\\' | b'\'' | b'"' => Some(Some(c as char)),
                b'b' => Some(Some('\x08')),
                b'f' => Some(Some('\x0c')),
                b't' => Some(Some('\t')),
                b'n' => Some(Some('\n')),
                b'r' => Some(Some('\r')),
                b'v' => Some(Some('\x0b')),
                b'a' => Some(Some('\x07')),
                _ => None,
            };
            if let Some(ch) = simple {
                out.extend(ch);
                continue;
            }
            match c {
                b'0'..=b'7' => {
                    let v = octal_escape(data, &mut i, &mut first_invalid);
                    push_cp(&mut out, v);
                    continue;
                }
                b'x' | b'u' | b'U' => {
                    let (count, msg) = match c {
                        b'x' => (2, "truncated \\xXX escape"),
                        b'u' => (4, "truncated \\uXXXX escape"),
                        _ => (8, "truncated \\UXXXXXXXX escape"),
                    };
                    match hex_escape(data, &mut i, count, msg) {
                        Ok(v) if v <= 0x10FFFF => {
                            push_cp(&mut out, v);
                            continue;
                        }
                        Ok(_) => EscapeFail {
                            msg: "illegal Unicode character",
                            incomplete: false,
                        },
                        Err(f) => f,
                    }
                }
                b'N' => {
                    let malformed = "malformed \\N character escape";
                    if i >= n {
                        EscapeFail {
                            msg: malformed,
                            incomplete: true,
                        }
                    } else if data[i] == b'{' {
                        let name_start = i + 1;
                        let close = data[name_start..].iter().position(|&b| b == b'}');
                        match close {
                            None => {
                                i = n;
                                EscapeFail {
                                    msg: malformed,
                                    incomplete: true,
                                }
                            }
                            Some(0) => {
                                i = name_start;
                                EscapeFail {
                                    msg: malformed,
                                    incomplete: false,
                                }
                            }
                            Some(len) => {
                                i = name_start + len + 1;
                                let name = &data[name_start..name_start + len];
                                let found = std::str::from_utf8(name)
                                    .ok()
                                    .filter(|s| s.is_ascii())
                                    .and_then(unicode_names2::character);
                                match found {
                                    Some(ch) => {
                                        out.push(ch);
                                        continue;
                                    }
                                    None => EscapeFail {
                                        msg: "unknown Unicode character name",
                                        incomplete: false,
                                    },
                                }
                            }
                        }
                    } else {
                        EscapeFail {
                            msg: malformed,
                            incomplete: false,
                        }
                    }
                }
                _ => {
                    first_invalid.get_or_insert(InvalidEscape::Char(c));
                    out.push('\\');
                    out.push(c as char);
                    continue;
                }
            }
        };
        if fail.incomplete && !final_ {
            warn_invalid_escape(vm, first_invalid)?;
            return Ok((out, start));
        }
        i = errs.fail(vm, start, i, fail.msg, &mut out)?;
    }
    warn_invalid_escape(vm, first_invalid)?;
    Ok((out, n))
}

/// The `raw_unicode_escape` decoder: only `\uXXXX` and `\UXXXXXXXX` are escapes.
fn raw_unicode_escape_decode_impl(
    vm: &Vm,
    data: &[u8],
    errors: &str,
    final_: bool,
) -> PyResult<(String, usize)> {
    let n = data.len();
    let mut errs = DecodeErrors::new(errors, "rawunicodeescape", data);
    let mut out = String::with_capacity(n);
    let mut i = 0;
    while i < n {
        let c = data[i];
        i += 1;
        if c != b'\\' || (i >= n && final_) {
            out.push(c as char);
            continue;
        }
        let start = i - 1;
        if i >= n {
            return Ok((out, start));
        }
        let c = data[i];
        i += 1;
        let (count, msg) = match c {
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            _ => {
                out.push('\\');
                out.push(c as char);
                continue;
            }
        };
        let fail = match hex_escape(data, &mut i, count, msg) {
            Ok(v) if v <= 0x10FFFF => {
                push_cp(&mut out, v);
                continue;
            }
            Ok(_) => EscapeFail {
                msg: "\\Uxxxxxxxx out of range",
                incomplete: false,
            },
            Err(f) => f,
        };
        if fail.incomplete && !final_ {
            return Ok((out, start));
        }
        i = errs.fail(vm, start, i, fail.msg, &mut out)?;
    }
    Ok((out, n))
}

/// `unicode_escape_decode(data, errors=None, final=True)` and the raw variant.
fn escape_decode_fn(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    raw: bool,
) -> PyResult<Value> {
    positional(vm, name, args, kw, 1, 3)?;
    let data = text_or_buffer_arg(vm, &args[0])?;
    let errors = errors_arg(vm, name, 2, args.get(1))?;
    let final_ = match args.get(2) {
        Some(v) => int_arg(vm, v)? != 0,
        None => true,
    };
    let (s, n) = if raw {
        raw_unicode_escape_decode_impl(vm, &data, errors, final_)?
    } else {
        unicode_escape_decode_impl(vm, &data, errors, final_)?
    };
    Ok(pair(vm, vm.new_string(s), n))
}

fn unicode_escape_decode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    escape_decode_fn(vm, "unicode_escape_decode", args, kw, false)
}

fn raw_unicode_escape_decode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    escape_decode_fn(vm, "raw_unicode_escape_decode", args, kw, true)
}

/// `unicode_escape_encode(str, errors=None)` and the raw variant.
fn escape_encode_fn(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    raw: bool,
) -> PyResult<Value> {
    positional(vm, name, args, kw, 1, 2)?;
    let s = str_arg(vm, name, 1, &args[0])?;
    errors_arg(vm, name, 2, args.get(1))?;
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp >= 0x10000 {
            out.extend_from_slice(format!("\\U{cp:08x}").as_bytes());
        } else if cp >= 0x100 {
            out.extend_from_slice(format!("\\u{cp:04x}").as_bytes());
        } else if raw {
            out.push(cp as u8);
        } else {
            match c {
                '\\' => out.extend_from_slice(b"\\\\"),
                '\t' => out.extend_from_slice(b"\\t"),
                '\n' => out.extend_from_slice(b"\\n"),
                '\r' => out.extend_from_slice(b"\\r"),
                ' '..='~' => out.push(cp as u8),
                _ => out.extend_from_slice(format!("\\x{cp:02x}").as_bytes()),
            }
        }
    }
    Ok(pair(vm, new_bytes(vm, out), char_len(&args[0])))
}

fn unicode_escape_encode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    escape_encode_fn(vm, "unicode_escape_encode", args, kw, false)
}

fn raw_unicode_escape_encode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    escape_encode_fn(vm, "raw_unicode_escape_encode", args, kw, true)
}

/// `readbuffer_encode(data, errors=None)`: the bytes of a buffer (or of a str's UTF-8).
fn readbuffer_encode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(vm, "readbuffer_encode", args, kw, 1, 2)?;
    let data = text_or_buffer_arg(vm, &args[0])?;
    errors_arg(vm, "readbuffer_encode", 2, args.get(1))?;
    let n = data.len();
    Ok(pair(vm, new_bytes(vm, data), n))
}

// ---------------------------------------------------------------------------------------
// UTF-7 (RFC 2152), as CPython writes and reads it

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn is_base64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

fn from_base64(b: u8) -> u64 {
    match b {
        b'A'..=b'Z' => (b - b'A') as u64,
        b'a'..=b'z' => (b - b'a' + 26) as u64,
        b'0'..=b'9' => (b - b'0' + 52) as u64,
        b'+' => 62,
        _ => 63,
    }
}

/// Whether the encoder writes `c` as itself: RFC 2152's sets D and O and white space.
fn utf7_direct(c: char) -> bool {
    c.is_ascii_alphanumeric() || "'(),-./:?!\"#$%&*;<=>@[]^_`{|} \t\r\n".contains(c)
}

fn utf7_encode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(vm, "utf_7_encode", args, kw, 1, 2)?;
    let s = str_arg(vm, "utf_7_encode", 1, &args[0])?;
    errors_arg(vm, "utf_7_encode", 2, args.get(1))?;
    let mut out = Vec::with_capacity(s.len());
    let mut in_shift = false;
    let mut bits = 0u32;
    let mut buf = 0u64;
    let push_units = |out: &mut Vec<u8>, bits: &mut u32, buf: &mut u64, c: char| {
        let mut units = [0u16; 2];
        for &u in c.encode_utf16(&mut units).iter() {
            *bits += 16;
            *buf = (*buf << 16) | u as u64;
            while *bits >= 6 {
                out.push(BASE64[((*buf >> (*bits - 6)) & 0x3f) as usize]);
                *bits -= 6;
            }
            *buf &= (1u64 << *bits) - 1;
        }
    };
    for c in s.chars() {
        if in_shift {
            if utf7_direct(c) {
                if bits > 0 {
                    out.push(BASE64[((buf << (6 - bits)) & 0x3f) as usize]);
                    buf = 0;
                    bits = 0;
                }
                in_shift = false;
                if c.is_ascii() && (is_base64(c as u8) || c == '-') {
                    out.push(b'-');
                }
                out.push(c as u8);
            } else {
                push_units(&mut out, &mut bits, &mut buf, c);
            }
        } else if c == '+' {
            out.extend_from_slice(b"+-");
        } else if utf7_direct(c) {
            out.push(c as u8);
        } else {
            out.push(b'+');
            in_shift = true;
            push_units(&mut out, &mut bits, &mut buf, c);
        }
    }
    if bits > 0 {
        out.push(BASE64[((buf << (6 - bits)) & 0x3f) as usize]);
    }
    if in_shift {
        out.push(b'-');
    }
    Ok(pair(vm, new_bytes(vm, out), char_len(&args[0])))
}

fn utf7_decode_impl(vm: &Vm, data: &[u8], errors: &str, final_: bool) -> PyResult<(String, usize)> {
    let n = data.len();
    let mut errs = DecodeErrors::new(errors, "utf7", data);
    let mut out = String::with_capacity(n);
    let mut in_shift = false;
    let mut start = 0;
    let mut shift_out_start = 0;
    let mut bits = 0u32;
    let mut buf = 0u64;
    let mut surrogate = 0u32;
    let mut i = 0;
    loop {
        while i < n {
            let ch = data[i];
            let msg;
            if in_shift {
                if is_base64(ch) {
                    buf = (buf << 6) | from_base64(ch);
                    bits += 6;
                    i += 1;
                    if bits >= 16 {
                        let unit = ((buf >> (bits - 16)) & 0xffff) as u32;
                        bits -= 16;
                        buf &= (1u64 << bits) - 1;
                        if surrogate != 0 {
                            if (0xDC00..0xE000).contains(&unit) {
                                let cp = 0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00);
                                push_cp(&mut out, cp);
                                surrogate = 0;
                                continue;
                            }
                            push_cp(&mut out, surrogate);
                            surrogate = 0;
                        }
                        if (0xD800..0xDC00).contains(&unit) {
                            surrogate = unit;
                        } else {
                            push_cp(&mut out, unit);
                        }
                    }
                    continue;
                }
                in_shift = false;
                if bits >= 6 {
                    i += 1;
                    msg = "partial character in shift sequence";
                } else if bits > 0 && buf != 0 {
                    i += 1;
                    msg = "non-zero padding bits in shift sequence";
                } else {
                    if surrogate != 0 && ch <= 127 && ch != b'+' {
                        push_cp(&mut out, surrogate);
                    }
                    surrogate = 0;
                    if ch == b'-' {
                        i += 1;
                    }
                    continue;
                }
            } else if ch == b'+' {
                start = i;
                i += 1;
                if data.get(i) == Some(&b'-') {
                    i += 1;
                    out.push('+');
                    continue;
                }
                if i < n && !is_base64(data[i]) {
                    i += 1;
                    msg = "ill-formed sequence";
                } else {
                    in_shift = true;
                    surrogate = 0;
                    shift_out_start = out.len();
                    bits = 0;
                    buf = 0;
                    continue;
                }
            } else if ch <= 127 {
                i += 1;
                out.push(ch as char);
                continue;
            } else {
                start = i;
                i += 1;
                msg = "unexpected special character";
            }
            i = errs.fail(vm, start, i, msg, &mut out)?;
        }
        if in_shift && final_ {
            in_shift = false;
            if surrogate != 0 || bits >= 6 || (bits > 0 && buf != 0) {
                i = errs.fail(vm, start, n, "unterminated shift sequence", &mut out)?;
                if i < n {
                    continue;
                }
            }
        }
        break;
    }
    if !final_ && in_shift {
        out.truncate(shift_out_start);
        return Ok((out, start));
    }
    Ok((out, if final_ { n } else { i }))
}

fn utf7_decode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(vm, "utf_7_decode", args, kw, 1, 3)?;
    let data = buffer_arg(vm, &args[0])?;
    let errors = errors_arg(vm, "utf_7_decode", 2, args.get(1))?;
    let final_ = match args.get(2) {
        Some(v) => int_arg(vm, v)? != 0,
        None => false,
    };
    let (s, n) = utf7_decode_impl(vm, &data, errors, final_)?;
    Ok(pair(vm, vm.new_string(s), n))
}

// ---------------------------------------------------------------------------------------
// the module

/// Makes the `_codecs` module.
pub fn module(vm: &Vm) -> Value {
    let functions: &[(&'static str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup),
        ("encode", encode),
        ("decode", decode),
        ("escape_encode", escape_encode),
        ("escape_decode", escape_decode),
        ("utf_8_encode", utf_8_encode),
        ("utf_8_decode", utf_8_decode),
        ("utf_7_encode", utf7_encode),
        ("utf_7_decode", utf7_decode),
        ("utf_16_encode", utf_16_encode),
        ("utf_16_decode", utf_16_decode),
        ("utf_16_le_encode", utf_16_le_encode),
        ("utf_16_le_decode", utf_16_le_decode),
        ("utf_16_be_encode", utf_16_be_encode),
        ("utf_16_be_decode", utf_16_be_decode),
        ("utf_16_ex_decode", utf_16_ex_decode),
        ("utf_32_encode", utf_32_encode),
        ("utf_32_decode", utf_32_decode),
        ("utf_32_le_encode", utf_32_le_encode),
        ("utf_32_le_decode", utf_32_le_decode),
        ("utf_32_be_encode", utf_32_be_encode),
        ("utf_32_be_decode", utf_32_be_decode),
        ("utf_32_ex_decode", utf_32_ex_decode),
        ("unicode_escape_encode", unicode_escape_encode),
        ("unicode_escape_decode", unicode_escape_decode),
        ("raw_unicode_escape_encode", raw_unicode_escape_encode),
        ("raw_unicode_escape_decode", raw_unicode_escape_decode),
        ("latin_1_encode", latin_1_encode),
        ("latin_1_decode", latin_1_decode),
        ("ascii_encode", ascii_encode),
        ("ascii_decode", ascii_decode),
        ("charmap_encode", charmap_encode),
        ("charmap_decode", charmap_decode),
        ("charmap_build", charmap_build),
        ("readbuffer_encode", readbuffer_encode),
        ("register_error", register_error),
        ("lookup_error", lookup_error_fn),
        ("_forget_codec", forget_codec),
    ];
    encoding_map_type(vm);
    let m = vm.new_module("_codecs");
    let d = vm.module_dict(&m);
    for &(name, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(name), vm.new_builtin_function(name, f));
    }
    Value::Obj(m)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalized_names() {
        // As python3.11's search functions receive them.
        assert_eq!(normalize("  A--b c.d  "), "a_b_c.d");
        assert_eq!(normalize("Ab\u{e9}c"), "ab_c");
        assert_eq!(normalize("x_y-"), "x_y");
        assert_eq!(normalize("--q"), "q");
        assert_eq!(normalize("UTF-8"), "utf_8");
    }
}
