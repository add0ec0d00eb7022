//! The `_locale` module: `setlocale`, `localeconv`, `nl_langinfo`, `getencoding`, `strcoll`,
//! `strxfrm`, the gettext functions and the `LC_*`/langinfo constants, through the C
//! library. As CPython does at start-up, the `LC_CTYPE` category is taken from the
//! environment (a "C" or "POSIX" locale being coerced to UTF-8) when the module is first
//! made.
//! Counterpart: Modules/_localemodule.c and `_Py_GetLocaleEncoding` in Python/fileutils.c
//! (3.11), Linux with glibc.

use std::cell::RefCell;
use std::ffi::{CStr, CString};

use crate::builtins::function::NativeFn;
use crate::builtins::itertools::check_positional;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

unsafe extern "C" {
    fn gettext(msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dgettext(domain: *const libc::c_char, msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dcgettext(
        domain: *const libc::c_char,
        msgid: *const libc::c_char,
        category: libc::c_int,
    ) -> *mut libc::c_char;
    fn textdomain(domain: *const libc::c_char) -> *mut libc::c_char;
    fn bindtextdomain(domain: *const libc::c_char, dir: *const libc::c_char) -> *mut libc::c_char;
    fn bind_textdomain_codeset(
        domain: *const libc::c_char,
        codeset: *const libc::c_char,
    ) -> *mut libc::c_char;
    fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> libc::c_int;
    fn wcsxfrm(
        dest: *mut libc::wchar_t,
        src: *const libc::wchar_t,
        n: libc::size_t,
    ) -> libc::size_t;
}

/// The `LC_*` categories (glibc's numbers).
const CATEGORIES: &[(&str, i32)] = &[
    ("LC_CTYPE", libc::LC_CTYPE),
    ("LC_TIME", libc::LC_TIME),
    ("LC_COLLATE", libc::LC_COLLATE),
    ("LC_MONETARY", libc::LC_MONETARY),
    ("LC_MESSAGES", libc::LC_MESSAGES),
    ("LC_NUMERIC", libc::LC_NUMERIC),
    ("LC_ALL", libc::LC_ALL),
];

/// The `nl_langinfo` items CPython exposes, with glibc's numbers (only these are accepted).
const LANGINFO: &[(&str, i32)] = &[
    ("CODESET", 0xe),
    ("D_T_FMT", 0x20028),
    ("D_FMT", 0x20029),
    ("T_FMT", 0x2002a),
    ("AM_STR", 0x20026),
    ("PM_STR", 0x20027),
    ("DAY_1", 0x20007),
    ("DAY_2", 0x20008),
    ("DAY_3", 0x20009),
    ("DAY_4", 0x2000a),
    ("DAY_5", 0x2000b),
    ("DAY_6", 0x2000c),
    ("DAY_7", 0x2000d),
    ("ABDAY_1", 0x20000),
    ("ABDAY_2", 0x20001),
    ("ABDAY_3", 0x20002),
    ("ABDAY_4", 0x20003),
    ("ABDAY_5", 0x20004),
    ("ABDAY_6", 0x20005),
    ("ABDAY_7", 0x20006),
    ("MON_1", 0x2001a),
    ("MON_2", 0x2001b),
    ("MON_3", 0x2001c),
    ("MON_4", 0x2001d),
    ("MON_5", 0x2001e),
    ("MON_6", 0x2001f),
    ("MON_7", 0x20020),
    ("MON_8", 0x20021),
    ("MON_9", 0x20022),
    ("MON_10", 0x20023),
    ("MON_11", 0x20024),
    ("MON_12", 0x20025),
    ("ABMON_1", 0x2000e),
    ("ABMON_2", 0x2000f),
    ("ABMON_3", 0x20010),
    ("ABMON_4", 0x20011),
    ("ABMON_5", 0x20012),
    ("ABMON_6", 0x20013),
    ("ABMON_7", 0x20014),
    ("ABMON_8", 0x20015),
    ("ABMON_9", 0x20016),
    ("ABMON_10", 0x20017),
    ("ABMON_11", 0x20018),
    ("ABMON_12", 0x20019),
    ("RADIXCHAR", 0x10000),
    ("THOUSEP", 0x10001),
    ("YESEXPR", 0x50000),
    ("NOEXPR", 0x50001),
    ("CRNCYSTR", 0x4000f),
    ("ERA", 0x2002c),
    ("ERA_D_FMT", 0x2002e),
    ("ERA_D_T_FMT", 0x20030),
    ("ERA_T_FMT", 0x20031),
    ("ALT_DIGITS", 0x2002f),
    ("T_FMT_AMPM", 0x2002b),
    ("_DATE_FMT", 0x2006c),
];

thread_local! {
    /// `locale.Error` of the module made last (the functions raise it).
    static ERROR: RefCell<Option<PyRef>> = const { RefCell::new(None) };
    /// Whether the start-up `LC_CTYPE` was "C" or "POSIX": CPython then runs in UTF-8 mode,
    /// where the locale encoding is UTF-8 whatever `nl_langinfo` says.
    static UTF8_MODE: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// `LC_CTYPE` from the environment, once per process (CPython does it at start-up), with
/// the C locale coerced to a UTF-8 one (PEP 538, without changing the environment).
fn init_ctype() {
    if UTF8_MODE.with(|m| m.get()).is_some() {
        return;
    }
    let empty = c"";
    // SAFETY: setlocale with valid NUL-terminated strings; the result is read at once.
    let name = unsafe {
        let r = libc::setlocale(libc::LC_CTYPE, empty.as_ptr());
        if r.is_null() {
            String::new()
        } else {
            CStr::from_ptr(r).to_string_lossy().into_owned()
        }
    };
    let c_locale = matches!(name.as_str(), "C" | "POSIX" | "");
    if c_locale {
        for target in [c"C.UTF-8", c"C.utf8", c"UTF-8"] {
            // SAFETY: as above.
            if !unsafe { libc::setlocale(libc::LC_CTYPE, target.as_ptr()) }.is_null() {
                break;
            }
        }
    }
    UTF8_MODE.with(|m| m.set(Some(c_locale)));
}

fn locale_error(vm: &Vm, msg: &str) -> PyErr {
    let cls = ERROR.with(|e| e.borrow().clone());
    match cls {
        Some(c) => match vm.call(&Value::Obj(c.clone()), &[vm.new_str(msg)]) {
            Ok(Value::Obj(o)) => o,
            Ok(_) => vm.new_exception_msg(&c, msg),
            Err(e) => e,
        },
        None => vm.new_exception_msg(&vm.types.exceptions.exception, msg),
    }
}

/// A C string from the C library, decoded as the locale's text (UTF-8, invalid bytes
/// replaced).
///
/// # Safety
/// `p` is null or points to a NUL-terminated string.
unsafe fn c_text(p: *const libc::c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: the caller's contract.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// A C `int` argument (`_PyLong_AsInt`).
fn c_int(vm: &Vm, v: &Value) -> PyResult<i32> {
    match vm.index_value(v)? {
        Value::Int(i) => i32::try_from(i)
            .map_err(|_| vm.overflow_error("Python int too large to convert to C int")),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// "argument N" in messages, or "argument" for the only one (`pos` 0).
fn arg_name(pos: usize) -> String {
    if pos == 0 {
        "argument".into()
    } else {
        format!("argument {pos}")
    }
}

/// A str argument as a C string (`"s"`/`"z"`): ValueError for an embedded NUL.
fn c_str_arg(
    vm: &Vm,
    fname: &str,
    pos: usize,
    v: &Value,
    none_ok: bool,
) -> PyResult<Option<CString>> {
    if none_ok && v.is_none() {
        return Ok(None);
    }
    let Some(s) = crate::str::as_str(v) else {
        return Err(vm.type_error(format!(
            "{fname}() {} must be str{}, not {}",
            arg_name(pos),
            if none_ok { " or None" } else { "" },
            vm.type_name(v)
        )));
    };
    CString::new(s)
        .map(Some)
        .map_err(|_| vm.value_error("embedded null character"))
}

fn no_kw(vm: &Vm, fname: &str, kw: &[Value]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("_locale.{fname}() takes no keyword arguments")))
    }
}

/// `setlocale(category, locale=None)`.
fn setlocale(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "setlocale", kw)?;
    check_positional(vm, "setlocale", args.len(), 1, 2)?;
    let category = c_int(vm, &args[0])?;
    let locale = match args.get(1) {
        Some(v) => c_str_arg(vm, "setlocale", 2, v, true)?,
        None => None,
    };
    // SAFETY: setlocale with a valid category number or an invalid one (it then fails) and
    // a NUL-terminated string or null; the result is copied at once.
    let r = unsafe {
        libc::setlocale(
            category,
            locale.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
        )
    };
    if r.is_null() {
        return Err(locale_error(
            vm,
            if locale.is_some() {
                "unsupported locale setting"
            } else {
                "locale query failed"
            },
        ));
    }
    // SAFETY: a non-null result of setlocale is a NUL-terminated string.
    Ok(vm.new_string(unsafe { c_text(r) }))
}

/// The `grouping` list of `localeconv`: the sizes up to and including the terminating 0
/// or `CHAR_MAX`.
///
/// # Safety
/// `p` points to a NUL-terminated string.
unsafe fn grouping(vm: &Vm, p: *const libc::c_char) -> Value {
    // SAFETY: the caller's contract.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes_with_nul();
    if bytes[0] == 0 {
        return vm.new_list(vec![]);
    }
    let mut items = Vec::new();
    for &b in bytes {
        // `char` values, signed or not as the platform's C `char` is.
        let c = b as libc::c_char;
        items.push(Value::Int(c as i64));
        if c == 0 || c == libc::c_char::MAX {
            break;
        }
    }
    vm.new_list(items)
}

/// `localeconv()`: the numeric and monetary conventions of the current locale.
fn localeconv(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "localeconv", kw)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!(
            "_locale.localeconv() takes no arguments ({} given)",
            args.len()
        )));
    }
    let d = crate::builtins::dict::new_dict();
    let set = |k: &str, v: Value| vm.dict_set_str(&d, vm.intern(k), v);
    // SAFETY: localeconv returns a pointer to a static struct, valid until the next call;
    // every field is read before anything else can call it.
    unsafe {
        let lc = &*libc::localeconv();
        let text = |p: *const libc::c_char| vm.new_string(c_text(p));
        let num = |c: libc::c_char| Value::Int(c as i64);
        set("int_curr_symbol", text(lc.int_curr_symbol))?;
        set("currency_symbol", text(lc.currency_symbol))?;
        set("mon_decimal_point", text(lc.mon_decimal_point))?;
        set("mon_thousands_sep", text(lc.mon_thousands_sep))?;
        set("mon_grouping", grouping(vm, lc.mon_grouping))?;
        set("positive_sign", text(lc.positive_sign))?;
        set("negative_sign", text(lc.negative_sign))?;
        set("int_frac_digits", num(lc.int_frac_digits))?;
        set("frac_digits", num(lc.frac_digits))?;
        set("p_cs_precedes", num(lc.p_cs_precedes))?;
        set("p_sep_by_space", num(lc.p_sep_by_space))?;
        set("n_cs_precedes", num(lc.n_cs_precedes))?;
        set("n_sep_by_space", num(lc.n_sep_by_space))?;
        set("p_sign_posn", num(lc.p_sign_posn))?;
        set("n_sign_posn", num(lc.n_sign_posn))?;
        set("decimal_point", text(lc.decimal_point))?;
        set("thousands_sep", text(lc.thousands_sep))?;
        set("grouping", grouping(vm, lc.grouping))?;
    }
    Ok(Value::Obj(d))
}

/// `nl_langinfo(key)`: one of the langinfo constants.
fn nl_langinfo(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "nl_langinfo", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "_locale.nl_langinfo() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let key = c_int(vm, &args[0])?;
    if !LANGINFO.iter().any(|&(_, k)| k == key) {
        return Err(vm.value_error("unsupported langinfo constant"));
    }
    // SAFETY: `key` is a valid nl_item; the result is a NUL-terminated string copied at once.
    Ok(vm.new_string(unsafe { c_text(libc::nl_langinfo(key as libc::nl_item)) }))
}

/// The locale encoding (`_Py_GetLocaleEncoding`).
pub fn locale_encoding() -> String {
    init_ctype();
    if UTF8_MODE.with(|m| m.get()) == Some(true) {
        return "UTF-8".into();
    }
    // SAFETY: CODESET is a valid nl_item; the result is copied at once.
    let codeset = unsafe { c_text(libc::nl_langinfo(libc::CODESET)) };
    if codeset.is_empty() {
        "UTF-8".into()
    } else {
        codeset
    }
}

/// `getencoding()`.
fn getencoding(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "getencoding", kw)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!(
            "_locale.getencoding() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(vm.new_string(locale_encoding()))
}

/// A str argument as a NUL-terminated wide string.
fn wide_arg(vm: &Vm, fname: &str, pos: usize, v: &Value) -> PyResult<Vec<libc::wchar_t>> {
    let Some(s) = crate::str::as_str(v) else {
        return Err(vm.type_error(format!(
            "{fname}() {} must be str, not {}",
            arg_name(pos),
            vm.type_name(v)
        )));
    };
    if s.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let mut w: Vec<libc::wchar_t> = s.chars().map(|c| c as libc::wchar_t).collect();
    w.push(0);
    Ok(w)
}

/// `strcoll(os1, os2)`.
fn strcoll(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "strcoll", kw)?;
    check_positional(vm, "strcoll", args.len(), 2, 2)?;
    let a = wide_arg(vm, "strcoll", 1, &args[0])?;
    let b = wide_arg(vm, "strcoll", 2, &args[1])?;
    // SAFETY: both are NUL-terminated wide strings.
    Ok(Value::Int(unsafe { wcscoll(a.as_ptr(), b.as_ptr()) } as i64))
}

/// `strxfrm(string)`: the string transformed for locale-aware comparison.
fn strxfrm(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "strxfrm", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "_locale.strxfrm() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let s = wide_arg(vm, "strxfrm", 0, &args[0])?;
    // SAFETY: `s` is NUL-terminated; a zero-size call only measures, and the second call
    // writes at most `n + 1` wide characters into a buffer of that size.
    let out = unsafe {
        let n = wcsxfrm(std::ptr::null_mut(), s.as_ptr(), 0);
        let mut buf: Vec<libc::wchar_t> = vec![0; n + 1];
        let m = wcsxfrm(buf.as_mut_ptr(), s.as_ptr(), n + 1);
        buf.truncate(m.min(n));
        buf
    };
    let text: String = out
        .iter()
        .map(|&w| char::from_u32(w as u32).unwrap_or('\u{FFFD}'))
        .collect();
    Ok(vm.new_string(text))
}

fn text_result(vm: &Vm, p: *const libc::c_char) -> PyResult<Value> {
    if p.is_null() {
        return Err(vm.new_exception(&vm.types.exceptions.os_error, vec![]));
    }
    // SAFETY: a non-null gettext result is a NUL-terminated string.
    Ok(vm.new_string(unsafe { c_text(p) }))
}

/// `gettext(msg)`.
fn gettext_fn(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "gettext", kw)?;
    check_positional(vm, "gettext", args.len(), 1, 1)?;
    let msg = c_str_arg(vm, "gettext", 0, &args[0], false)?.unwrap_or_default();
    // SAFETY: a NUL-terminated message id.
    text_result(vm, unsafe { gettext(msg.as_ptr()) })
}

/// `dgettext(domain, msg)`.
fn dgettext_fn(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "dgettext", kw)?;
    check_positional(vm, "dgettext", args.len(), 2, 2)?;
    let domain = c_str_arg(vm, "dgettext", 1, &args[0], true)?;
    let msg = c_str_arg(vm, "dgettext", 2, &args[1], false)?.unwrap_or_default();
    // SAFETY: NUL-terminated strings or null for the default domain.
    text_result(vm, unsafe {
        dgettext(
            domain.as_ref().map_or(std::ptr::null(), |d| d.as_ptr()),
            msg.as_ptr(),
        )
    })
}

/// `dcgettext(domain, msg, category)`.
fn dcgettext_fn(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "dcgettext", kw)?;
    check_positional(vm, "dcgettext", args.len(), 3, 3)?;
    let domain = c_str_arg(vm, "dcgettext", 1, &args[0], true)?;
    let msg = c_str_arg(vm, "dcgettext", 2, &args[1], false)?.unwrap_or_default();
    let category = c_int(vm, &args[2])?;
    // SAFETY: as in dgettext.
    text_result(vm, unsafe {
        dcgettext(
            domain.as_ref().map_or(std::ptr::null(), |d| d.as_ptr()),
            msg.as_ptr(),
            category,
        )
    })
}

/// `textdomain(domain)`: sets the domain (None queries it).
fn textdomain_fn(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "textdomain", kw)?;
    check_positional(vm, "textdomain", args.len(), 1, 1)?;
    let domain = c_str_arg(vm, "textdomain", 0, &args[0], true)?;
    // SAFETY: a NUL-terminated string or null.
    text_result(vm, unsafe {
        textdomain(domain.as_ref().map_or(std::ptr::null(), |d| d.as_ptr()))
    })
}

/// `bindtextdomain(domain, dir)`.
fn bindtextdomain_fn(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "bindtextdomain", kw)?;
    check_positional(vm, "bindtextdomain", args.len(), 2, 2)?;
    let domain = c_str_arg(vm, "bindtextdomain", 1, &args[0], false)?.unwrap_or_default();
    if domain.as_bytes().is_empty() {
        return Err(vm.new_exception(&vm.types.exceptions.os_error, vec![]));
    }
    let dir = if args[1].is_none() {
        None
    } else {
        let path = match crate::str::as_str(&args[1]) {
            Some(t) => t.as_bytes().to_vec(),
            None => crate::builtins::bytes::bytes_of(&args[1]).ok_or_else(|| {
                vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    vm.type_name(&args[1])
                ))
            })?,
        };
        Some(CString::new(path).map_err(|_| vm.value_error("embedded null byte"))?)
    };
    // SAFETY: NUL-terminated strings or null for a query.
    text_result(vm, unsafe {
        bindtextdomain(
            domain.as_ptr(),
            dir.as_ref().map_or(std::ptr::null(), |d| d.as_ptr()),
        )
    })
}

/// `bind_textdomain_codeset(domain, codeset)`: the codeset, or None.
fn bind_textdomain_codeset_fn(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw(vm, "bind_textdomain_codeset", kw)?;
    check_positional(vm, "bind_textdomain_codeset", args.len(), 2, 2)?;
    let domain = c_str_arg(vm, "bind_textdomain_codeset", 1, &args[0], false)?.unwrap_or_default();
    let codeset = c_str_arg(vm, "bind_textdomain_codeset", 2, &args[1], true)?;
    // SAFETY: NUL-terminated strings or null for a query.
    let r = unsafe {
        bind_textdomain_codeset(
            domain.as_ptr(),
            codeset.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
        )
    };
    if r.is_null() {
        return Ok(Value::None);
    }
    // SAFETY: non-null results are NUL-terminated.
    Ok(vm.new_string(unsafe { c_text(r) }))
}

/// Makes the `_locale` module.
pub fn module(vm: &Vm) -> PyResult<Value> {
    init_ctype();
    let m = vm.new_module("_locale");
    let d = vm.module_dict(&m);
    let functions: &[(&'static str, NativeFn)] = &[
        ("setlocale", setlocale),
        ("localeconv", localeconv),
        ("nl_langinfo", nl_langinfo),
        ("getencoding", getencoding),
        ("strcoll", strcoll),
        ("strxfrm", strxfrm),
        ("gettext", gettext_fn),
        ("dgettext", dgettext_fn),
        ("dcgettext", dcgettext_fn),
        ("textdomain", textdomain_fn),
        ("bindtextdomain", bindtextdomain_fn),
        ("bind_textdomain_codeset", bind_textdomain_codeset_fn),
    ];
    for &(name, f) in functions {
        vm.dict_set_str(&d, vm.intern(name), vm.new_builtin_function(name, f))?;
    }
    vm.dict_set_str(
        &d,
        vm.intern("__doc__"),
        vm.new_str("Support for POSIX locales."),
    )?;
    for &(name, v) in CATEGORIES.iter().chain(LANGINFO) {
        vm.dict_set_str(&d, vm.intern(name), Value::Int(v as i64))?;
    }
    vm.dict_set_str(
        &d,
        vm.intern("CHAR_MAX"),
        Value::Int(libc::c_char::MAX as i64),
    )?;
    // `locale.Error`, an Exception subclass made as a class statement would.
    let ns = crate::builtins::dict::new_dict();
    vm.dict_set_str(&ns, vm.intern("__module__"), vm.new_str("locale"))?;
    let error = vm.call(
        &Value::Obj(vm.types.type_.clone()),
        &[
            vm.new_str("Error"),
            vm.new_tuple(vec![Value::Obj(vm.types.exceptions.exception.clone())]),
            Value::Obj(ns),
        ],
    )?;
    if let Value::Obj(cls) = &error {
        let old = ERROR.with(|e| e.borrow_mut().replace(cls.clone()));
        drop(old);
    }
    vm.dict_set_str(&d, vm.intern("Error"), error)?;
    Ok(Value::Obj(m))
}
