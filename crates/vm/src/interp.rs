//! Entry points that turn source or a pyc into running code: compiling with rpy-compiler,
//! loading marshalled code objects into VM code, `compile()`, `exec()`, `eval()`, and running
//! a script as `__main__`.
//! Counterpart: Python/pythonrun.c and Python/bltinmodule.c `compile`/`exec`/`eval` (3.11).

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use rpy_marshal::CodeObject;

use crate::code::Code;
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Decodes Python source bytes: a UTF-8 BOM, or a PEP 263 coding cookie naming latin-1.
pub fn decode_source(vm: &Vm, source: &[u8], filename: &str) -> PyResult<String> {
    let source = source.strip_prefix(b"\xef\xbb\xbf").unwrap_or(source);
    let mut cookie = None;
    for line in source.split(|&b| b == b'\n').take(2) {
        let l = String::from_utf8_lossy(line);
        let t = l.trim_start();
        if !t.starts_with('#') {
            if !t.is_empty() {
                break;
            }
            continue;
        }
        if let Some(pos) = t.find("coding") {
            let rest = &t[pos + 6..];
            if let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) {
                let name: String = rest
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == '.')
                    .collect();
                cookie = Some(name.to_ascii_lowercase().replace('_', "-"));
                break;
            }
        }
    }
    match cookie.as_deref() {
        Some("latin-1" | "iso-8859-1" | "iso8859-1" | "latin1" | "l1") => {
            Ok(source.iter().map(|&b| b as char).collect())
        }
        _ => match std::str::from_utf8(source) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let line = source[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                let byte = source.get(e.valid_up_to()).copied().unwrap_or(0);
                let err = vm.new_exception(
                    &vm.types.exceptions.syntax_error,
                    vec![vm.new_string(format!(
                        "(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {}: invalid start byte",
                        e.valid_up_to()
                    ))],
                );
                let _ = vm.set_attr_in_dict(&err, "filename", vm.new_str(filename));
                let _ = vm.set_attr_in_dict(&err, "lineno", Value::from(line));
                let _ = vm.set_attr_in_dict(&err, "msg", vm.new_string(format!(
                    "Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
                )));
                Err(err)
            }
        },
    }
}

/// Turns a compile error into the Python exception CPython raises.
pub fn compile_error(vm: &Vm, e: &rpy_compiler::CompileError, source: &str) -> crate::vm::PyErr {
    use rpy_compiler::ErrorType;
    let t = match e.error_type {
        ErrorType::SyntaxError => &vm.types.exceptions.syntax_error,
        ErrorType::IndentationError => &vm.types.exceptions.indentation_error,
        ErrorType::TabError => &vm.types.exceptions.tab_error,
        ErrorType::RecursionError => &vm.types.exceptions.recursion_error,
        ErrorType::MemoryError => &vm.types.exceptions.memory_error,
        ErrorType::SystemError => &vm.types.exceptions.system_error,
        ErrorType::OverflowError => &vm.types.exceptions.overflow_error,
    };
    let is_syntax = matches!(
        e.error_type,
        ErrorType::SyntaxError | ErrorType::IndentationError | ErrorType::TabError
    );
    if !is_syntax {
        return vm.new_exception_msg(t, &e.msg);
    }
    // As `PyErr_ProgramTextObject`: the line of the file, if the filename names one.
    let file_line = || -> Option<Value> {
        use std::io::BufRead;
        let file = std::fs::File::open(&e.filename).ok()?;
        if !file.metadata().ok()?.is_file() {
            return None;
        }
        let mut reader = std::io::BufReader::new(file);
        let mut line = Vec::new();
        for _ in 0..e.lineno.max(1) {
            line.clear();
            if reader.read_until(b'\n', &mut line).ok()? == 0 {
                return None;
            }
        }
        Some(vm.new_string(String::from_utf8_lossy(&line).into_owned()))
    };
    use rpy_compiler::TextFrom;
    let text = match e.text_from {
        TextFrom::File => file_line().unwrap_or(Value::None),
        TextFrom::FileThenSource => {
            file_line().unwrap_or_else(|| parser_error_text(vm, e, source, true))
        }
        TextFrom::Source => parser_error_text(vm, e, source, false),
    };
    // Offsets are UTF-8 byte columns + 1; Python reports them in code points.
    let to_chars = |line: i32, off: i32| -> Value {
        if off <= 0 {
            return Value::Int(off as i64);
        }
        match source.split_inclusive('\n').nth((line.max(1) - 1) as usize) {
            Some(l) => {
                let b = (off as usize - 1).min(l.len());
                let prefix = l.get(..b).unwrap_or(l);
                Value::from(prefix.chars().count() + 1)
            }
            None => Value::Int(off as i64),
        }
    };
    let info = vm.new_tuple(vec![
        vm.new_str(&e.filename),
        Value::Int(e.lineno as i64),
        to_chars(e.lineno, e.offset),
        text,
        Value::Int(e.end_lineno as i64),
        to_chars(e.end_lineno, e.end_offset),
    ]);
    match vm.call(&Value::Obj(t.clone()), &[vm.new_str(&e.msg), info]) {
        Ok(Value::Obj(o)) => o,
        _ => vm.new_exception_msg(t, &e.msg),
    }
}

/// The `text` of a parser's SyntaxError: its line of the source, ending with a newline;
/// without one when the error is on a line before the one the tokenizer had reached (an
/// unclosed bracket found at the end of the input), as CPython reads it from the source
/// rather than from the tokenizer's current line. A last line without a newline gets one
/// only when the tokenizer added it (`exec` mode: `implicit_newline`), not in `eval` and
/// `single` modes.
fn parser_error_text(
    vm: &Vm,
    e: &rpy_compiler::CompileError,
    source: &str,
    implicit_newline: bool,
) -> Value {
    if e.lineno == 0 {
        // The end marker of empty input.
        return vm.new_str("");
    }
    let Some(line) = source
        .split_inclusive('\n')
        .nth((e.lineno.max(1) - 1) as usize)
    else {
        return Value::None;
    };
    let earlier = e.msg.ends_with("' was never closed")
        && (e.lineno as usize) < source.split_inclusive('\n').count();
    match (line.strip_suffix('\n'), earlier) {
        (Some(l), true) => vm.new_str(l),
        (Some(_), false) => vm.new_str(line),
        (None, _) if implicit_newline => vm.new_string(format!("{line}\n")),
        (None, _) => vm.new_str(line),
    }
}

/// Compiles source to VM code.
pub fn compile_source(
    vm: &Vm,
    source: &[u8],
    filename: &str,
    mode: rpy_compiler::Mode,
    flags: u32,
) -> PyResult<Rc<Code>> {
    let text = decode_source(vm, source, filename)?;
    compile_str(vm, &text, filename, mode, flags, vm.options.optimize as u32)
}

/// Compiles source to the stored form of a code object (what a pyc holds).
pub fn compile_to_code_object(
    vm: &Vm,
    source: &[u8],
    filename: &str,
    mode: rpy_compiler::Mode,
    optimize: u32,
) -> PyResult<Rc<CodeObject>> {
    let text = decode_source(vm, source, filename)?;
    compile_text(vm, &text, filename, mode, 0, optimize)
}

/// Compiles source text to VM code.
pub fn compile_str(
    vm: &Vm,
    text: &str,
    filename: &str,
    mode: rpy_compiler::Mode,
    flags: u32,
    optimize: u32,
) -> PyResult<Rc<Code>> {
    let co = compile_text(vm, text, filename, mode, flags, optimize)?;
    load_code(vm, &co)
}

/// The compiler, its warnings issued as SyntaxWarning, its errors raised as SyntaxError.
fn compile_text(
    vm: &Vm,
    text: &str,
    filename: &str,
    mode: rpy_compiler::Mode,
    flags: u32,
    optimize: u32,
) -> PyResult<Rc<CodeObject>> {
    let opts = rpy_compiler::CompileOptions { optimize, flags };
    let (co, warnings) = rpy_compiler::compile_with_warnings(text, filename, mode, &opts)
        .map_err(|e| compile_error(vm, &e, text))?;
    for w in warnings {
        crate::builtins::functions::warn_explicit(
            vm,
            &vm.types.exceptions.syntax_warning,
            &w.message,
            filename,
            w.lineno,
        )?;
    }
    Ok(co)
}

/// Converts a marshalled value into a VM value.
pub fn value_from_marshal(vm: &Vm, v: &rpy_marshal::Value) -> PyResult<Value> {
    use rpy_marshal::Value as M;
    Ok(match v {
        M::None => Value::None,
        M::True => Value::TRUE,
        M::False => Value::FALSE,
        M::Ellipsis => Value::Obj(vm.types.ellipsis.clone()),
        M::StopIteration => Value::Obj(vm.types.exceptions.stop_iteration.clone()),
        M::Int(i) => Value::Int(*i),
        M::Long(b) => Value::from_bigint((**b).clone()),
        M::Float(f) => Value::float(*f),
        M::Complex(re, im) => crate::builtins::complex::new_complex(vm, *re, *im),
        M::Str(s) => {
            // As CPython: strings made of name characters (identifiers, attribute names,
            // keyword names) are interned; other constants (docstrings, messages) are not.
            let lossy;
            let text = match s.as_str() {
                Some(t) => t,
                None => {
                    lossy = s.to_string_lossy();
                    &lossy
                }
            };
            if s.is_interned() || is_name_like(text) {
                Value::Obj(vm.intern(text))
            } else {
                vm.new_str(text)
            }
        }
        M::Bytes(b) => crate::builtins::bytes::new_bytes(vm, b.to_vec()),
        M::Tuple(items) => {
            let mut out = Vec::with_capacity(items.len());
            for i in items.iter() {
                out.push(value_from_marshal(vm, i)?);
            }
            vm.new_tuple(out)
        }
        M::List(items) => {
            let mut out = Vec::with_capacity(items.len());
            for i in items.iter() {
                out.push(value_from_marshal(vm, i)?);
            }
            vm.new_list(out)
        }
        M::Dict(pairs) => {
            let d = Value::Obj(crate::builtins::dict::new_dict());
            for (k, v) in pairs.iter() {
                vm.setitem(&d, value_from_marshal(vm, k)?, value_from_marshal(vm, v)?)?;
            }
            d
        }
        M::Set(items) | M::FrozenSet(items) => {
            let data = RefCell::new(crate::set::SetData::new());
            for i in items.iter() {
                crate::set::add(vm, &data, value_from_marshal(vm, i)?)?;
            }
            if matches!(v, M::Set(_)) {
                crate::builtins::set::new_set(vm, data.into_inner())
            } else {
                crate::builtins::set::new_frozenset(vm, data.into_inner())
            }
        }
        M::Code(c) => {
            let code = load_code(vm, c)?;
            crate::builtins::frame::code_value(vm, &code)
        }
    })
}

/// Whether a constant string consists of ASCII name characters only (CPython's
/// `all_name_chars`, the test for interning code constants).
fn is_name_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A marshalled name as an interned str (no copy when it is valid UTF-8).
fn intern_name(vm: &Vm, s: &rpy_marshal::value::PyStr) -> PyRef {
    match s.as_str() {
        Some(t) => vm.intern(t),
        None => vm.intern(&s.to_string_lossy()),
    }
}

/// A marshalled code object as VM code. Its header is checked now; its body (and with it
/// every nested code object's) is made when it first runs or is inspected.
pub fn load_code(vm: &Vm, co: &Rc<CodeObject>) -> PyResult<Rc<Code>> {
    let code = Code::new(
        co.clone(),
        intern_name(vm, &co.name),
        intern_name(vm, &co.qualname),
        intern_name(vm, &co.filename),
    )
    .map_err(|e| vm.system_error(e.0))?;
    Ok(Rc::new(code))
}

/// The body of a code object: its constants, names and translated instructions. A body that
/// does not check (an operand out of range, a constant that cannot be made) raises
/// SystemError when run.
pub fn build_body(vm: &Vm, co: &CodeObject, first_const: Option<&Value>) -> crate::code::Body {
    let lp: Box<[PyRef]> = co
        .localsplusnames
        .iter()
        .map(|n| intern_name(vm, n))
        .collect();
    let mut consts = Vec::with_capacity(co.consts.len());
    for (i, c) in co.consts.iter().enumerate() {
        if let (0, Some(v)) = (i, first_const) {
            consts.push(v.clone());
            continue;
        }
        match value_from_marshal(vm, c) {
            Ok(v) => consts.push(v),
            Err(e) => {
                let message = vm.new_string(format!(
                    "code: bad constant: {}",
                    crate::traceback::exception_line(vm, &e)
                ));
                return crate::code::Body::bad(message, lp);
            }
        }
    }
    let names: Box<[PyRef]> = co.names.iter().map(|n| intern_name(vm, n)).collect();
    match crate::code::translate(co, consts.into_boxed_slice(), names, lp) {
        Ok(body) => body,
        Err(e) => {
            let lp = co.localsplusnames.iter().map(|n| intern_name(vm, n));
            crate::code::Body::bad(vm.new_string(e.0), lp.collect())
        }
    }
}

/// A fresh `__main__`-style module namespace.
pub fn main_namespace(vm: &Vm, file: Option<&str>) -> PyRef {
    let module = vm.new_module("__main__");
    let d = vm.module_dict(&module);
    let _ = vm.dict_set_str(
        &d,
        vm.intern("__builtins__"),
        Value::Obj(vm.builtins.clone()),
    );
    if let Some(f) = file {
        let _ = vm.dict_set_str(&d, vm.intern("__file__"), vm.new_str(f));
        let _ = vm.dict_set_str(&d, vm.intern("__cached__"), Value::None);
    }
    let _ = vm.setitem(
        &Value::Obj(vm.modules.clone()),
        vm.new_str("__main__"),
        Value::Obj(module),
    );
    d
}

/// Runs a script file as `__main__`.
pub fn run_file(vm: &Vm, path: &str) -> PyResult<Value> {
    let bytes = std::fs::read(path).map_err(|e| {
        vm.new_exception(
            &vm.types.exceptions.os_error,
            vec![
                Value::Int(e.raw_os_error().unwrap_or(0) as i64),
                vm.new_string(e.to_string()),
            ],
        )
    })?;
    if bytes.len() >= 4 && bytes[2] == b'\r' && bytes[3] == b'\n' && !path.ends_with(".py") {
        return run_pyc_bytes(vm, &bytes, path);
    }
    // Like CPython, `__main__.__file__` and the code's filename are the absolute path.
    let abs = absolute_path(path);
    let code = compile_source(vm, &bytes, &abs, rpy_compiler::Mode::Exec, 0)?;
    let globals = main_namespace(vm, Some(&abs));
    vm.run_code(code, globals)
}

/// `os.path.abspath`: joined with the current directory and normalized, symlinks kept.
pub fn absolute_path(path: &str) -> String {
    let p = std::path::Path::new(path);
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        match std::env::current_dir() {
            Ok(d) => d.join(p),
            Err(_) => return path.to_string(),
        }
    };
    let mut parts: Vec<String> = Vec::new();
    for c in joined.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::CurDir
            | std::path::Component::RootDir
            | std::path::Component::Prefix(_) => {}
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().to_string()),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Runs the code of a `.pyc` file as `__main__`.
pub fn run_pyc_bytes(vm: &Vm, bytes: &[u8], path: &str) -> PyResult<Value> {
    use rpy_marshal::PycError;
    // CPython's messages (Python/pythonrun.c `run_pyc_file`), with the magic number named
    // when it belongs to another version.
    let pyc = rpy_marshal::read_pyc(bytes).map_err(|e| match e {
        PycError::BadMagic(m) => {
            let number = u16::from_le_bytes([m[0], m[1]]);
            let version = rpy_marshal::pyc::python_version_for_magic(number)
                .map(|v| format!(" (Python {v})"))
                .unwrap_or_default();
            vm.runtime_error(format!(
                "Bad magic number in .pyc file: {number}{version}, expected {} (Python 3.11)",
                rpy_marshal::pyc::MAGIC_NUMBER
            ))
        }
        PycError::ShortHeader(_) => vm.new_exception_msg(
            &vm.types.exceptions.eof_error,
            "EOF read where not expected",
        ),
        _ => vm.runtime_error("Bad code object in .pyc file"),
    })?;
    let code = load_code(vm, &pyc.code)?;
    let globals = main_namespace(vm, Some(&absolute_path(path)));
    vm.run_code(code, globals)
}

/// Runs `-c` source.
pub fn run_string(vm: &Vm, source: &str, filename: &str) -> PyResult<Value> {
    crate::traceback::register_source(filename, source);
    let code = compile_str(
        vm,
        source,
        filename,
        rpy_compiler::Mode::Exec,
        0,
        vm.options.optimize as u32,
    )?;
    let globals = main_namespace(vm, None);
    vm.run_code(code, globals)
}

/// `compile()`'s arguments: the parsed set, the source and the filename (shared with the
/// `ast` path of `compile`, builtins/ast).
pub(crate) fn compile_args(
    vm: &Vm,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<(crate::builtins::function::Parsed, Value, String)> {
    let p = crate::builtins::function::parse_args(
        vm,
        "compile",
        args,
        kwnames,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        0,
        7,
        3,
    )?;
    let source = p.get(0).cloned().unwrap_or(Value::None);
    let filename = match p.get(1) {
        Some(f) => match crate::str::as_str(f) {
            Some(s) => s.to_string(),
            None => match crate::builtins::bytes::bytes_of(f) {
                Some(b) => String::from_utf8_lossy(&b).to_string(),
                None => {
                    return Err(vm.type_error(format!(
                        "compile() argument 'filename' must be str, not {}",
                        vm.type_name(f)
                    )));
                }
            },
        },
        None => "<string>".into(),
    };
    Ok((p, source, filename))
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn builtin_compile(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (p, source, filename) = compile_args(vm, args, kwnames)?;
    let mode_s = p
        .get(2)
        .and_then(crate::str::as_str)
        .unwrap_or("")
        .to_string();
    let mode = match mode_s.as_str() {
        "exec" => rpy_compiler::Mode::Exec,
        "eval" => rpy_compiler::Mode::Eval,
        "single" => rpy_compiler::Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let flags = match p.get(3) {
        Some(f) => vm.index_i64(f)?,
        None => 0,
    };
    const PYCF_ONLY_AST: i64 = 0x400;
    if flags & PYCF_ONLY_AST != 0 {
        return Err(vm.value_error("compile(): ast objects are not supported by rpy"));
    }
    let optimize = match p.get(5) {
        Some(o) => vm.index_i64(o)?,
        None => -1,
    };
    if !(-1..=2).contains(&optimize) {
        return Err(vm.value_error("compile(): invalid optimize value"));
    }
    let optimize = if optimize < 0 {
        vm.options.optimize as u32
    } else {
        optimize as u32
    };
    let text = match &source {
        v if crate::str::as_str(v).is_some() => crate::str::as_str(v).unwrap_or("").to_string(),
        v => match crate::builtins::bytes::bytes_of(v) {
            Some(b) => decode_source(vm, &b, &filename)?,
            None => {
                if let Some(Payload::Code(_)) = v.payload() {
                    return Ok(v.clone());
                }
                return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
            }
        },
    };
    if text.contains('\0') {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.syntax_error,
            "source code string cannot contain null bytes",
        ));
    }
    let future = (flags as u32) & 0x1FE_0000;
    let code = compile_str(vm, &text, &filename, mode, future, optimize)?;
    Ok(crate::builtins::frame::code_value(vm, &code))
}

/// `exec(source, globals=None, locals=None)` and `eval(...)`.
pub fn builtin_exec(vm: &Vm, args: &[Value], kwnames: &[Value], is_eval: bool) -> PyResult<Value> {
    let name = if is_eval { "eval" } else { "exec" };
    let p = crate::builtins::function::parse_args(
        vm,
        name,
        args,
        kwnames,
        &["source", "globals", "locals", "closure"],
        1,
        4,
        1,
    )?;
    let source = p.get(0).cloned().unwrap_or(Value::None);
    let (caller_globals, caller_locals) = {
        let frames = vm.frames.borrow();
        match frames.last() {
            Some(f) => (
                Some(f.globals.clone()),
                Some(match &f.locals {
                    Some(l) => l.clone(),
                    None => crate::builtins::frame::fast_locals_dict(vm, f),
                }),
            ),
            None => (None, None),
        }
    };
    let globals = match p.get(1) {
        None | Some(Value::None) => match &caller_globals {
            Some(g) => g.clone(),
            None => return Err(vm.system_error(format!("{name}(): no globals"))),
        },
        Some(Value::Obj(g)) if matches!(g.payload, Payload::Dict(_)) => g.clone(),
        Some(g) => {
            return Err(vm.type_error(if is_eval {
                "globals must be a dict".to_string()
            } else {
                format!("exec() globals must be a dict, not {}", vm.type_name(g))
            }));
        }
    };
    let locals = match p.get(2) {
        None | Some(Value::None) => {
            if p.get(1).is_none_or(|g| g.is_none()) {
                caller_locals.unwrap_or(Value::Obj(globals.clone()))
            } else {
                Value::Obj(globals.clone())
            }
        }
        Some(l) => {
            if vm.lookup_special(l, "__getitem__").is_none() {
                return Err(vm.type_error(format!(
                    "locals must be a mapping or None, not {}",
                    vm.type_name(l)
                )));
            }
            l.clone()
        }
    };
    if let Payload::Dict(d) = &globals.payload
        && d.borrow().get_str("__builtins__").is_none()
    {
        let _ = d
            .borrow_mut()
            .set_str(vm.intern("__builtins__"), Value::Obj(vm.builtins.clone()));
    }
    let code = match source.payload() {
        Some(Payload::Code(c)) => c.clone(),
        _ => {
            let text = match crate::str::as_str(&source) {
                Some(s) => s.to_string(),
                None => match crate::builtins::bytes::bytes_of(&source) {
                    Some(b) => decode_source(vm, &b, "<string>")?,
                    None => {
                        return Err(vm.type_error(if is_eval {
                            "eval() arg 1 must be a string, bytes or code object".to_string()
                        } else {
                            "exec() arg 1 must be a string, bytes or code object".to_string()
                        }));
                    }
                },
            };
            let text = if is_eval {
                text.trim_start_matches([' ', '\t']).to_string()
            } else {
                text
            };
            let flags = vm.current_future_flags();
            let mode = if is_eval {
                rpy_compiler::Mode::Eval
            } else {
                rpy_compiler::Mode::Exec
            };
            compile_str(
                vm,
                &text,
                "<string>",
                mode,
                flags,
                vm.options.optimize as u32,
            )?
        }
    };
    let builtins = vm.builtins_for(&globals);
    let frame = crate::frame::Frame::new(vm, code, globals, builtins, Some(locals), None);
    let r = vm.enter_native(|| vm.run_frame(frame))?;
    Ok(if is_eval { r } else { Value::None })
}

/// `-m module`: runs the module's source as `__main__`.
pub fn run_module(vm: &Vm, name: &str) -> PyResult<Value> {
    // `runpy._run_module_as_main`: find the module (importing its parents), then run its code
    // as `__main__`; a package runs its `__main__` submodule.
    let fail = |msg: String| -> crate::vm::PyErr {
        let exe = vm
            .sys_attr("executable")
            .ok()
            .and_then(|e| crate::str::as_str(&e).map(|s| s.to_string()))
            .unwrap_or_else(|| "rpy".to_string());
        vm.new_exception(
            &vm.types.exceptions.system_exit,
            vec![vm.new_string(format!("{exe}: {msg}"))],
        )
    };
    let (parent, short) = match name.rsplit_once('.') {
        Some((p, s)) => (Some(p), s),
        None => (None, name),
    };
    let search: Vec<String> = match parent {
        Some(p) => {
            let pm = match crate::import::import_absolute(vm, p) {
                Ok(m) => m,
                Err(e) => {
                    let text = crate::traceback::exception_line(vm, &e);
                    return Err(fail(format!(
                        "Error while finding module specification for {} ({text})",
                        crate::builtins::str::repr_str(name)
                    )));
                }
            };
            match vm.getattr_opt(&pm, "__path__")? {
                Some(path) => crate::import::path_entries(vm, &path)?,
                None => {
                    return Err(fail(format!(
                        "Error while finding module specification for {} \
                         (ModuleNotFoundError: __path__ attribute not found on {} while trying \
                         to find {})",
                        crate::builtins::str::repr_str(name),
                        crate::builtins::str::repr_str(p),
                        crate::builtins::str::repr_str(name)
                    )));
                }
            }
        }
        None => crate::import::path_entries(vm, &vm.sys_attr("path")?)?,
    };
    let (file, is_package) = match crate::import::find_module(vm, &search, short) {
        Some(crate::import::Found::Module(file, _)) => (file, false),
        Some(crate::import::Found::Package { .. }) | Some(crate::import::Found::Namespace(_)) => {
            (PathBuf::new(), true)
        }
        Some(crate::import::Found::Spec(_)) => {
            return Err(fail(format!("No module named {name}")));
        }
        None => return Err(fail(format!("No module named {name}"))),
    };
    if is_package {
        if name.ends_with(".__main__") {
            return Err(fail(format!(
                "No module named {name}; '{}' is a package and cannot be directly executed",
                parent.unwrap_or(name)
            )));
        }
        // The package itself is imported first, then its __main__ runs.
        crate::import::import_absolute(vm, name)?;
        let main = format!("{name}.__main__");
        return match run_module(vm, &main) {
            Err(e) if vm.exc_matches(&e, &vm.types.exceptions.system_exit) => {
                let missing =
                    crate::import::find_module(vm, &module_path_of(vm, name)?, "__main__")
                        .is_none();
                if missing {
                    Err(fail(format!(
                        "No module named {main}; '{name}' is a package and cannot be directly \
                         executed"
                    )))
                } else {
                    Err(e)
                }
            }
            r => r,
        };
    }
    let path = file.to_string_lossy().to_string();
    let (code, cached) = if file.extension().is_some_and(|e| e == "pyc") {
        (
            crate::pycache::sourceless_code(vm, name, &file)?,
            path.clone(),
        )
    } else {
        let (code, cached) = crate::pycache::source_code(vm, name, &file)?;
        (code, cached.to_string_lossy().to_string())
    };
    let globals = main_namespace(vm, Some(&path));
    vm.dict_set_str(&globals, vm.intern("__cached__"), vm.new_string(cached))?;
    vm.dict_set_str(
        &globals,
        vm.intern("__package__"),
        vm.new_str(parent.unwrap_or("")),
    )?;
    vm.run_code(code, globals)
}

/// The `__path__` entries of an imported package.
fn module_path_of(vm: &Vm, name: &str) -> PyResult<Vec<String>> {
    let m = crate::import::import_absolute(vm, name)?;
    Ok(match vm.getattr_opt(&m, "__path__")? {
        Some(path) => crate::import::path_entries(vm, &path)?,
        None => Vec::new(),
    })
}
