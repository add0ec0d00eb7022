//! The `_stat` module: file-mode constants, the `S_IS*` tests, `S_IMODE`, `S_IFMT` and
//! `filemode` (`Lib/stat.py` takes them with `from _stat import *`).
//! Counterpart: Modules/_stat.c (3.11), Linux values.

use crate::builtins::function::NativeFn;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const S_IFMT: u32 = 0o170000;
const S_IFDIR: u32 = 0o040000;
const S_IFCHR: u32 = 0o020000;
const S_IFBLK: u32 = 0o060000;
const S_IFREG: u32 = 0o100000;
const S_IFIFO: u32 = 0o010000;
const S_IFLNK: u32 = 0o120000;
const S_IFSOCK: u32 = 0o140000;
const S_ISUID: u32 = 0o4000;
const S_ISGID: u32 = 0o2000;
const S_ISVTX: u32 = 0o1000;

/// The constants, in CPython's order (door, port and whiteout do not exist on Linux: 0).
const CONSTANTS: &[(&str, i64)] = &[
    ("S_IFDIR", S_IFDIR as i64),
    ("S_IFCHR", S_IFCHR as i64),
    ("S_IFBLK", S_IFBLK as i64),
    ("S_IFREG", S_IFREG as i64),
    ("S_IFIFO", S_IFIFO as i64),
    ("S_IFLNK", S_IFLNK as i64),
    ("S_IFSOCK", S_IFSOCK as i64),
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", S_ISUID as i64),
    ("S_ISGID", S_ISGID as i64),
    ("S_ISVTX", S_ISVTX as i64),
    ("S_ENFMT", S_ISGID as i64),
    ("S_IREAD", 0o400),
    ("S_IWRITE", 0o200),
    ("S_IEXEC", 0o100),
    ("S_IRWXU", 0o700),
    ("S_IRUSR", 0o400),
    ("S_IWUSR", 0o200),
    ("S_IXUSR", 0o100),
    ("S_IRWXG", 0o070),
    ("S_IRGRP", 0o040),
    ("S_IWGRP", 0o020),
    ("S_IXGRP", 0o010),
    ("S_IRWXO", 0o007),
    ("S_IROTH", 0o004),
    ("S_IWOTH", 0o002),
    ("S_IXOTH", 0o001),
    ("UF_NODUMP", 0x1),
    ("UF_IMMUTABLE", 0x2),
    ("UF_APPEND", 0x4),
    ("UF_OPAQUE", 0x8),
    ("UF_NOUNLINK", 0x10),
    ("UF_COMPRESSED", 0x20),
    ("UF_HIDDEN", 0x8000),
    ("SF_ARCHIVED", 0x10000),
    ("SF_IMMUTABLE", 0x20000),
    ("SF_APPEND", 0x40000),
    ("SF_NOUNLINK", 0x100000),
    ("SF_SNAPSHOT", 0x200000),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

/// The single `mode` argument as a `mode_t` (`_PyLong_AsMode_t`): an int (no `__index__`),
/// not negative, within 32 bits.
fn mode_arg(vm: &Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<u32> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("_stat.{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "_stat.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let n = match &args[0] {
        Value::Int(i) => num_bigint::BigInt::from(*i),
        Value::Bool(b) => num_bigint::BigInt::from(*b as i64),
        Value::Obj(o) => match &o.payload {
            Payload::Int(n) => n.clone(),
            _ => return Err(vm.type_error("an integer is required")),
        },
        _ => return Err(vm.type_error("an integer is required")),
    };
    if n.sign() == num_bigint::Sign::Minus {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    let Ok(wide) = u64::try_from(&n) else {
        return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
    };
    u32::try_from(wide).map_err(|_| vm.overflow_error("mode out of range"))
}

macro_rules! type_tests {
    ($( $fn_name:ident, $py:literal, $test:expr; )*) => {
        $(
            fn $fn_name(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let mode = mode_arg(vm, $py, args, kw)?;
                let test: fn(u32) -> bool = $test;
                Ok(Value::bool(test(mode)))
            }
        )*
    };
}

type_tests! {
    s_isdir, "S_ISDIR", |m| m & S_IFMT == S_IFDIR;
    s_ischr, "S_ISCHR", |m| m & S_IFMT == S_IFCHR;
    s_isblk, "S_ISBLK", |m| m & S_IFMT == S_IFBLK;
    s_isreg, "S_ISREG", |m| m & S_IFMT == S_IFREG;
    s_isfifo, "S_ISFIFO", |m| m & S_IFMT == S_IFIFO;
    s_islnk, "S_ISLNK", |m| m & S_IFMT == S_IFLNK;
    s_issock, "S_ISSOCK", |m| m & S_IFMT == S_IFSOCK;
    s_isdoor, "S_ISDOOR", |_| false;
    s_isport, "S_ISPORT", |_| false;
    s_iswht, "S_ISWHT", |_| false;
}

fn s_imode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mode = mode_arg(vm, "S_IMODE", args, kw)?;
    Ok(Value::Int((mode & 0o7777) as i64))
}

fn s_ifmt(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mode = mode_arg(vm, "S_IFMT", args, kw)?;
    Ok(Value::Int((mode & S_IFMT) as i64))
}

/// `filemode(mode)`: `ls -l` style text such as `-rwxr-xr-x`.
fn filemode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mode = mode_arg(vm, "filemode", args, kw)?;
    let kind = match mode & S_IFMT {
        S_IFREG => '-',
        S_IFDIR => 'd',
        S_IFLNK => 'l',
        S_IFBLK => 'b',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        S_IFSOCK => 's',
        _ => '?',
    };
    let mut s = String::with_capacity(10);
    s.push(kind);
    // Owner, group, others: (shift of their rwx bits, their special bit, its letter).
    for (shift, special, letter) in [(6, S_ISUID, 's'), (3, S_ISGID, 's'), (0, S_ISVTX, 't')] {
        let bits = (mode >> shift) & 7;
        s.push(if bits & 4 != 0 { 'r' } else { '-' });
        s.push(if bits & 2 != 0 { 'w' } else { '-' });
        let x = bits & 1 != 0;
        s.push(match (mode & special != 0, x) {
            (true, true) => letter,
            (true, false) => letter.to_ascii_uppercase(),
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    Ok(vm.new_string(s))
}

/// Makes the `_stat` module.
pub fn module(vm: &Vm) -> Value {
    let functions: &[(&'static str, NativeFn)] = &[
        ("S_ISDIR", s_isdir),
        ("S_ISCHR", s_ischr),
        ("S_ISBLK", s_isblk),
        ("S_ISREG", s_isreg),
        ("S_ISFIFO", s_isfifo),
        ("S_ISLNK", s_islnk),
        ("S_ISSOCK", s_issock),
        ("S_ISDOOR", s_isdoor),
        ("S_ISPORT", s_isport),
        ("S_ISWHT", s_iswht),
        ("S_IMODE", s_imode),
        ("S_IFMT", s_ifmt),
        ("filemode", filemode),
    ];
    let m = vm.new_module("_stat");
    let d = vm.module_dict(&m);
    for (n, f) in functions {
        let _ = vm.dict_set_str(&d, vm.intern(n), vm.new_builtin_function(n, *f));
    }
    for &(n, v) in CONSTANTS {
        let _ = vm.dict_set_str(&d, vm.intern(n), Value::Int(v));
    }
    Value::Obj(m)
}
