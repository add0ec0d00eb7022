//! Making code objects from Python: `code.replace(**changes)`, `types.CodeType(...)`, and
//! code equality and hashing (what `types.coroutine`, `dataclasses`-style code rewriting and
//! `functools`-based tools rely on).
//! Counterpart: Objects/codeobject.c (3.11): code_replace_impl, code_new_impl,
//! PyCode_NewWithPosOnlyArgs, code_richcompare, code_hash.

use std::rc::Rc;

use rpy_marshal::CodeObject;
use rpy_marshal::code::kinds;
use rpy_marshal::value::{PyStr, Value as M};

use crate::builtins::frame::code_value;
use crate::code::Code;
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The parts of a code object a caller can give, each `None` when unchanged.
#[derive(Default)]
struct Parts {
    argcount: Option<u32>,
    posonlyargcount: Option<u32>,
    kwonlyargcount: Option<u32>,
    nlocals: Option<u32>,
    stacksize: Option<u32>,
    flags: Option<u32>,
    firstlineno: Option<u32>,
    code: Option<Rc<[u8]>>,
    consts: Option<Vec<Value>>,
    names: Option<Vec<Value>>,
    varnames: Option<Vec<Value>>,
    freevars: Option<Vec<Value>>,
    cellvars: Option<Vec<Value>>,
    filename: Option<Value>,
    name: Option<Value>,
    qualname: Option<Value>,
    linetable: Option<Rc<[u8]>>,
    exceptiontable: Option<Rc<[u8]>>,
}

/// How an argument is named in a conversion error: `replace() argument 'co_name'` or
/// `code() argument 12`.
fn what(func: &str, arg: &str) -> String {
    format!("{func}() argument {arg}")
}

fn type_name_for_error(vm: &Vm, v: &Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        vm.type_name(v).to_string()
    }
}

/// A C `int` argument (any object with `__index__`).
fn c_int(vm: &Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index_value(v)?;
    match crate::builtins::number_fast::num_of(&i, false) {
        Some(crate::builtins::number_fast::Num::Int(n)) if i32::try_from(n).is_ok() => Ok(n),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn tuple_arg(vm: &Vm, v: &Value, func: &str, arg: &str) -> PyResult<Vec<Value>> {
    match v.payload() {
        Some(Payload::Tuple(t)) => Ok(t.to_vec()),
        _ => Err(vm.type_error(format!(
            "{} must be tuple, not {}",
            what(func, arg),
            type_name_for_error(vm, v)
        ))),
    }
}

fn bytes_arg(vm: &Vm, v: &Value, func: &str, arg: &str) -> PyResult<Rc<[u8]>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Ok(Rc::from(&b[..])),
        _ => Err(vm.type_error(format!(
            "{} must be bytes, not {}",
            what(func, arg),
            type_name_for_error(vm, v)
        ))),
    }
}

fn str_arg(vm: &Vm, v: &Value, func: &str, arg: &str) -> PyResult<Value> {
    match crate::str::as_str(v) {
        Some(_) => Ok(v.clone()),
        None => Err(vm.type_error(format!(
            "{} must be str, not {}",
            what(func, arg),
            type_name_for_error(vm, v)
        ))),
    }
}

/// The names of a code slot tuple (`co_names`, `co_varnames`...), which must all be strs.
fn names_of(vm: &Vm, items: &[Value]) -> PyResult<Vec<String>> {
    items
        .iter()
        .map(|v| {
            crate::str::as_str(v)
                .map(str::to_string)
                .ok_or_else(|| vm.system_error("non-string found in code slot"))
        })
        .collect()
}

fn bad_internal_call(vm: &Vm) -> crate::vm::PyErr {
    vm.system_error("Objects/codeobject.c:250: bad argument to internal function")
}

/// A new code object: `base`'s fields with `parts`' changes, checked as CPython checks them.
fn build(vm: &Vm, base: &crate::code::Code, parts: Parts) -> PyResult<Value> {
    let old = &base.obj;
    let name_values = |names: Vec<PyStr>| -> Vec<Value> {
        names
            .iter()
            .map(|n| vm.new_string(n.to_string_lossy()))
            .collect()
    };
    let argcount = parts.argcount.unwrap_or(old.argcount);
    let posonlyargcount = parts.posonlyargcount.unwrap_or(old.posonlyargcount);
    let kwonlyargcount = parts.kwonlyargcount.unwrap_or(old.kwonlyargcount);
    let flags = parts.flags.unwrap_or(old.flags);
    if argcount < posonlyargcount {
        return Err(bad_internal_call(vm));
    }
    let names = match &parts.names {
        Some(n) => names_of(vm, n)?,
        None => base
            .built(vm)
            .names
            .iter()
            .map(|n| crate::protocol::attr::str_of(n).to_string())
            .collect(),
    };
    let varnames = names_of(
        vm,
        &parts
            .varnames
            .unwrap_or_else(|| name_values(old.varnames())),
    )?;
    let cellvars = names_of(
        vm,
        &parts
            .cellvars
            .unwrap_or_else(|| name_values(old.cellvars())),
    )?;
    let freevars = names_of(
        vm,
        &parts
            .freevars
            .unwrap_or_else(|| name_values(old.freevars())),
    )?;
    let code = parts.code.unwrap_or_else(|| old.code.clone());
    if code.is_empty() || !code.len().is_multiple_of(2) {
        return Err(vm.value_error("code: co_code is malformed"));
    }
    let nvarargs = (flags & rpy_marshal::code::flags::VARARGS != 0) as usize
        + (flags & rpy_marshal::code::flags::VARKEYWORDS != 0) as usize;
    if (argcount + kwonlyargcount) as usize + nvarargs > varnames.len() {
        return Err(vm.value_error("code: co_varnames is too small"));
    }
    let nlocals = parts.nlocals.unwrap_or(varnames.len() as u32);
    if nlocals as usize != varnames.len() {
        return Err(vm.value_error("code: co_nlocals != len(co_varnames)"));
    }
    // The fast slots: the locals, then the cells that are not also locals (a captured
    // parameter keeps its slot, marked as a cell too), then the free variables.
    let mut lp_names: Vec<String> = varnames.clone();
    let mut lp_kinds: Vec<u8> = vec![kinds::LOCAL; varnames.len()];
    for c in &cellvars {
        match varnames.iter().position(|v| v == c) {
            Some(i) => lp_kinds[i] |= kinds::CELL,
            None => {
                lp_names.push(c.clone());
                lp_kinds.push(kinds::CELL);
            }
        }
    }
    for f in &freevars {
        lp_names.push(f.clone());
        lp_kinds.push(kinds::FREE);
    }
    let consts: Vec<Value> = match parts.consts {
        Some(c) => c,
        None => base.built(vm).consts.to_vec(),
    };
    let mut mconsts = Vec::with_capacity(consts.len());
    for c in &consts {
        // Constants marshal cannot carry (any object is allowed here) are kept as the VM's
        // values only; the stored form gets None in their place.
        mconsts.push(crate::builtins::marshal_module::to_marshal(vm, c).unwrap_or(M::None));
    }
    let text = |v: Option<Value>, old: &PyRef| -> String {
        match v {
            Some(v) => crate::str::as_str(&v).unwrap_or("").to_string(),
            None => crate::protocol::attr::str_of(old).to_string(),
        }
    };
    let filename = text(parts.filename, &base.filename);
    let name = text(parts.name, &base.name);
    let qualname = text(parts.qualname, &base.qualname);
    let obj = CodeObject {
        argcount,
        posonlyargcount,
        kwonlyargcount,
        stacksize: parts.stacksize.unwrap_or(old.stacksize),
        flags,
        code,
        consts: mconsts.into(),
        names: names.iter().map(|n| PyStr::interned(n)).collect(),
        localsplusnames: lp_names.iter().map(|n| PyStr::interned(n)).collect(),
        localspluskinds: lp_kinds.into(),
        filename: PyStr::new(&filename),
        name: PyStr::interned(&name),
        qualname: PyStr::new(&qualname),
        firstlineno: parts.firstlineno.map_or(old.firstlineno, |n| n as i32),
        linetable: parts.linetable.unwrap_or_else(|| old.linetable.clone()),
        exceptiontable: parts
            .exceptiontable
            .unwrap_or_else(|| old.exceptiontable.clone()),
    };
    let body = crate::code::translate(
        &obj,
        consts.into_boxed_slice(),
        names.iter().map(|n| vm.intern(n)).collect(),
        lp_names.iter().map(|n| vm.intern(n)).collect(),
    )
    .map_err(|e| vm.value_error(e.0))?;
    let code = Code::new(
        Rc::new(obj),
        vm.intern(&name),
        vm.intern(&qualname),
        vm.intern(&filename),
    )
    .map_err(|e| vm.value_error(e.0))?;
    code.set_body(body);
    Ok(code_value(vm, &Rc::new(code)))
}

/// Stores one named argument into `parts`; `func`/`arg` name it in errors.
fn set_part(
    vm: &Vm,
    parts: &mut Parts,
    field: &str,
    v: &Value,
    func: &str,
    arg: &str,
) -> PyResult<bool> {
    let count = |vm: &Vm| -> PyResult<Option<u32>> {
        let n = c_int(vm, v)?;
        if n < 0 {
            return Err(vm.value_error(format!("{field} must be a positive integer")));
        }
        Ok(Some(n as u32))
    };
    match field {
        "co_argcount" => parts.argcount = count(vm)?,
        "co_posonlyargcount" => parts.posonlyargcount = count(vm)?,
        "co_kwonlyargcount" => parts.kwonlyargcount = count(vm)?,
        "co_nlocals" => parts.nlocals = count(vm)?,
        "co_stacksize" => parts.stacksize = count(vm)?,
        "co_flags" => parts.flags = count(vm)?,
        "co_firstlineno" => parts.firstlineno = count(vm)?,
        "co_code" => parts.code = Some(bytes_arg(vm, v, func, arg)?),
        "co_consts" => parts.consts = Some(tuple_arg(vm, v, func, arg)?),
        "co_names" => parts.names = Some(tuple_arg(vm, v, func, arg)?),
        "co_varnames" => parts.varnames = Some(tuple_arg(vm, v, func, arg)?),
        "co_freevars" => parts.freevars = Some(tuple_arg(vm, v, func, arg)?),
        "co_cellvars" => parts.cellvars = Some(tuple_arg(vm, v, func, arg)?),
        "co_filename" => parts.filename = Some(str_arg(vm, v, func, arg)?),
        "co_name" => parts.name = Some(str_arg(vm, v, func, arg)?),
        "co_qualname" => parts.qualname = Some(str_arg(vm, v, func, arg)?),
        "co_linetable" => parts.linetable = Some(bytes_arg(vm, v, func, arg)?),
        "co_exceptiontable" => parts.exceptiontable = Some(bytes_arg(vm, v, func, arg)?),
        _ => return Ok(false),
    }
    Ok(true)
}

fn code_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Rc<crate::code::Code>> {
    match v.payload() {
        Some(Payload::Code(c)) => Ok(c),
        _ => Err(vm.type_error("descriptor 'replace' for 'code' objects doesn't apply")),
    }
}

/// `code.replace(*, co_argcount=..., ..., co_exceptiontable=...)`: a copy with changes.
pub fn code_replace(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let base = code_of(vm, &args[0])?.clone();
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let mut parts = Parts::default();
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let field = crate::str::as_str(k).unwrap_or("");
        if !set_part(vm, &mut parts, field, v, "replace", &format!("'{field}'"))? {
            return Err(vm.type_error(format!(
                "'{field}' is an invalid keyword argument for replace()"
            )));
        }
    }
    build(vm, &base, parts)
}

/// `code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags, codestring,
/// constants, names, varnames, filename, name, qualname, firstlineno, linetable,
/// exceptiontable, freevars=(), cellvars=(), /)`.
pub fn code_new(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    const FIELDS: [&str; 18] = [
        "co_argcount",
        "co_posonlyargcount",
        "co_kwonlyargcount",
        "co_nlocals",
        "co_stacksize",
        "co_flags",
        "co_code",
        "co_consts",
        "co_names",
        "co_varnames",
        "co_filename",
        "co_name",
        "co_qualname",
        "co_firstlineno",
        "co_linetable",
        "co_exceptiontable",
        "co_freevars",
        "co_cellvars",
    ];
    if !kwnames.is_empty() {
        return Err(vm.type_error("code() takes no keyword arguments"));
    }
    let given = &args[1..];
    if given.len() < 16 {
        return Err(vm.type_error(format!(
            "code expected at least 16 arguments, got {}",
            given.len()
        )));
    }
    if given.len() > 18 {
        return Err(vm.type_error(format!(
            "code expected at most 18 arguments, got {}",
            given.len()
        )));
    }
    let mut parts = Parts {
        freevars: Some(Vec::new()),
        cellvars: Some(Vec::new()),
        ..Parts::default()
    };
    for (i, v) in given.iter().enumerate() {
        set_part(vm, &mut parts, FIELDS[i], v, "code", &(i + 1).to_string())?;
    }
    // Every field is given: the template only fills in what `build` never reads.
    let template = empty_code(vm)?;
    build(vm, &template, parts)
}

/// A minimal code object (`return None`), the base `code_new` overrides entirely.
fn empty_code(vm: &Vm) -> PyResult<Rc<crate::code::Code>> {
    let obj = CodeObject {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 1,
        flags: 0,
        code: Rc::from(&[151u8, 0, 100, 0, 83, 0][..]),
        consts: Rc::from(&[M::None][..]),
        names: Rc::from(&[][..]),
        localsplusnames: Rc::from(&[][..]),
        localspluskinds: Rc::from(&[][..]),
        filename: PyStr::new(""),
        name: PyStr::new(""),
        qualname: PyStr::new(""),
        firstlineno: 1,
        linetable: Rc::from(&[][..]),
        exceptiontable: Rc::from(&[][..]),
    };
    crate::interp::load_code(vm, &Rc::new(obj))
}

/// Whether two constants are the same for code equality: same type and value, floats and
/// complexes by their bits (so 0.0 and -0.0 differ), containers item by item.
fn const_same(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    let ta = vm.type_value(a);
    if !ta.is(&vm.type_value(b)) {
        return Ok(false);
    }
    match (a.payload(), b.payload(), a, b) {
        (_, _, Value::Float(x), Value::Float(y)) => Ok(x.to_bits() == y.to_bits()),
        (Some(Payload::Float(x)), Some(Payload::Float(y)), _, _) => Ok(x.to_bits() == y.to_bits()),
        (Some(Payload::Complex(ar, ai)), Some(Payload::Complex(br, bi)), _, _) => {
            Ok(ar.to_bits() == br.to_bits() && ai.to_bits() == bi.to_bits())
        }
        (Some(Payload::Tuple(x)), Some(Payload::Tuple(y)), _, _) => {
            if x.len() != y.len() {
                return Ok(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if !const_same(vm, p, q)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        (Some(Payload::Code(x)), Some(Payload::Code(y)), _, _) => code_same(vm, x, y),
        (
            Some(Payload::Int(_) | Payload::Str(_) | Payload::Bytes(_) | Payload::FrozenSet(_)),
            ..,
        )
        | (_, _, Value::Int(_) | Value::Bool(_), _) => vm.eq(a, b),
        _ => Ok(false),
    }
}

/// CPython's code equality: name, counts, flags, first line, instructions, constants,
/// names, fast-slot names, and the line and exception tables (not the file or qualname).
fn code_same(vm: &Vm, a: &crate::code::Code, b: &crate::code::Code) -> PyResult<bool> {
    let (x, y) = (&a.obj, &b.obj);
    if x.name != y.name
        || x.argcount != y.argcount
        || x.posonlyargcount != y.posonlyargcount
        || x.kwonlyargcount != y.kwonlyargcount
        || x.flags != y.flags
        || x.firstlineno != y.firstlineno
        || x.code != y.code
        || x.names != y.names
        || x.localsplusnames != y.localsplusnames
        || x.linetable != y.linetable
        || x.exceptiontable != y.exceptiontable
        || a.built(vm).consts.len() != b.built(vm).consts.len()
    {
        return Ok(false);
    }
    for (p, q) in a.built(vm).consts.iter().zip(b.built(vm).consts.iter()) {
        if !const_same(vm, p, q)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `code.__eq__` / `code.__ne__` (other types: NotImplemented).
pub fn code_eq(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::function::check_count(vm, "__eq__", &args[1..], &[], 1, 1)?;
    match (args[0].payload(), args[1].payload()) {
        (Some(Payload::Code(a)), Some(Payload::Code(b))) => Ok(Value::bool(code_same(vm, a, b)?)),
        _ => Ok(vm.not_implemented()),
    }
}

pub fn code_ne(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match code_eq(vm, args, kw)? {
        Value::Bool(b) => Ok(Value::bool(!b.get())),
        other => Ok(other),
    }
}

/// `code.__hash__`: from the fields equality compares (equal codes hash alike).
pub fn code_hash(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = code_of(vm, &args[0])?;
    let o = &c.obj;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |x: u64| {
        h ^= x;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for b in o
        .name
        .to_string_lossy()
        .bytes()
        .chain(o.code.iter().copied())
    {
        mix(b as u64);
    }
    for n in [
        o.argcount,
        o.posonlyargcount,
        o.kwonlyargcount,
        o.flags,
        o.firstlineno as u32,
    ] {
        mix(n as u64);
    }
    mix(c.built(vm).consts.len() as u64);
    let h = (h >> 1) as i64;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}
