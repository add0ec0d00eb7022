//! Printing exceptions the way python3.11 does: tracebacks with source lines and `^^^^`
//! position markers, chained exceptions, notes, SyntaxError's caret line, exception groups.
//! Counterpart: Lib/traceback.py and Python/pythonrun.c `print_exception*` (3.11).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::exceptions::exc_data;
use crate::object::Payload;
use crate::types::type_data;
use crate::value::{PyRef, Value};
use crate::vm::Vm;

thread_local! {
    static LINES: RefCell<HashMap<String, Rc<Vec<String>>>> = RefCell::new(HashMap::new());
}

/// Line `lineno` (1-based) of `file`, or `None`.
pub fn source_line(file: &str, lineno: i32) -> Option<String> {
    let lines = LINES.with(|l| {
        if let Some(v) = l.borrow().get(file) {
            return Some(v.clone());
        }
        let text = std::fs::read(file).ok()?;
        let text = String::from_utf8_lossy(&text).to_string();
        let v: Rc<Vec<String>> =
            Rc::new(text.split_inclusive('\n').map(|s| s.to_string()).collect());
        l.borrow_mut().insert(file.to_string(), v.clone());
        Some(v)
    })?;
    if lineno < 1 {
        return None;
    }
    lines.get(lineno as usize - 1).cloned()
}

/// Registers source text for a pseudo-file (`<string>` code run by `-c`, the REPL).
pub fn register_source(file: &str, text: &str) {
    LINES.with(|l| {
        l.borrow_mut().insert(
            file.to_string(),
            Rc::new(text.split_inclusive('\n').map(|s| s.to_string()).collect()),
        );
    });
}

struct Entry {
    file: String,
    line: Option<i32>,
    name: String,
    pos: rpy_marshal::linetable::Position,
}

fn entries(tb: &Value) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut cur = tb.as_obj().cloned();
    let mut guard = 0;
    while let Some(t) = cur {
        let Payload::Traceback(td) = &t.payload else {
            break;
        };
        if let Payload::Frame(f) = &td.frame.payload {
            // The instruction that owns the code unit `tb_lasti` names (it may name one of
            // the instruction's cache units: see `add_traceback`).
            let unit = td.lasti / 2;
            let index = f
                .code
                .body()
                .unit_of
                .iter()
                .rposition(|&u| u <= unit)
                .unwrap_or(0);
            out.push(Entry {
                file: crate::protocol::attr::str_of(&f.code.filename).to_string(),
                line: td.lineno,
                name: crate::protocol::attr::str_of(&f.code.name).to_string(),
                pos: f.code.position_of(index),
            });
        }
        cur = td.next.borrow().clone();
        guard += 1;
        if guard > 1_000_000 {
            break;
        }
    }
    out
}

/// The `~~~^^^` line under a source line, or `None` when CPython prints none.
fn carets(line: &str, pos: &rpy_marshal::linetable::Position) -> Option<String> {
    let (Some(l), Some(el), Some(c), Some(ec)) = (pos.line, pos.end_line, pos.col, pos.end_col)
    else {
        return None;
    };
    // Columns are UTF-8 byte offsets into the line.
    let bytes = line.trim_end_matches(['\n', '\r']).as_bytes();
    let stripped_start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let stripped_end = bytes.len()
        - bytes
            .iter()
            .rev()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
    // A span over several lines is marked to the end of its first line.
    let (c, ec) = (c as usize, if l != el { stripped_end } else { ec as usize });
    if c > ec || ec > bytes.len() {
        return None;
    }
    let segment = std::str::from_utf8(&bytes[c..ec]).ok()?;
    let anchor = if l == el { anchors(segment) } else { None };
    if c <= stripped_start && ec >= stripped_end && anchor.is_none() {
        return None;
    }
    let prefix = std::str::from_utf8(&bytes[stripped_start.min(c)..c]).ok()?;
    let width = |s: &str| s.chars().count();
    let mut out = String::from("    ");
    out.push_str(&" ".repeat(width(prefix)));
    match anchor {
        Some((a, b)) => {
            let (a, b) = (a.min(segment.len()), b.min(segment.len()));
            out.push_str(&"~".repeat(width(&segment[..a])));
            out.push_str(&"^".repeat(width(&segment[a..b]).max(1)));
            out.push_str(&"~".repeat(width(&segment[b..])));
        }
        None => out.push_str(&"^".repeat(width(segment).max(1))),
    }
    Some(out)
}

/// The primary span inside a segment (byte offsets), for binary operators and subscripts:
/// CPython marks the operator (or the subscript) with `^` and the operands with `~`.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    use rustpython_parser::{Mode, ast, parse};
    let wrapped = format!("(\n{segment}\n)");
    let module = parse(&wrapped, Mode::Expression, "<segment>").ok()?;
    let ast::Mod::Expression(e) = module else {
        return None;
    };
    let offset = 2usize; // "(\n"
    let to_seg = |p: rustpython_parser::text_size::TextSize| -> usize {
        (u32::from(p) as usize).saturating_sub(offset)
    };
    match *e.body {
        ast::Expr::BinOp(b) => {
            // The operator: first non-space, non-')' character after the left operand.
            let left_end = to_seg(b.left.range().end());
            let right_start = to_seg(b.right.range().start());
            let between = segment.get(left_end..right_start)?;
            let mut i = 0;
            let bytes = between.as_bytes();
            while i < bytes.len()
                && (bytes[i].is_ascii_whitespace() || bytes[i] == b')' || bytes[i] == b'\\')
            {
                i += 1;
            }
            if i >= bytes.len() {
                return None;
            }
            let start = left_end + i;
            let op_len = match &segment[start..] {
                s if s.starts_with("**")
                    || s.starts_with("//")
                    || s.starts_with("<<")
                    || s.starts_with(">>") =>
                {
                    2
                }
                _ => 1,
            };
            Some((start, start + op_len))
        }
        ast::Expr::Subscript(s) => {
            let value_end = to_seg(s.value.range().end());
            let between_start = segment.get(value_end..)?.find('[')? + value_end;
            Some((between_start, segment.len()))
        }
        _ => None,
    }
}

use rustpython_parser::ast::Ranged;

fn format_tb(entries: &[Entry], out: &mut String) {
    let mut last: Option<(String, Option<i32>, String)> = None;
    let mut repeat = 0usize;
    let flush_repeat = |repeat: usize, out: &mut String| {
        if repeat > 3 {
            let n = repeat - 3;
            out.push_str(&format!(
                "  [Previous line repeated {n} more time{}]\n",
                if n == 1 { "" } else { "s" }
            ));
        }
    };
    for e in entries {
        let key = (e.file.clone(), e.line, e.name.clone());
        if last.as_ref() == Some(&key) {
            repeat += 1;
            if repeat > 3 {
                continue;
            }
        } else {
            flush_repeat(repeat, out);
            repeat = 1;
            last = Some(key);
        }
        match e.line {
            Some(l) => out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                e.file, l, e.name
            )),
            None => out.push_str(&format!("  File \"{}\", line ?, in {}\n", e.file, e.name)),
        }
        if let Some(l) = e.line
            && let Some(src) = source_line(&e.file, l)
        {
            let trimmed = src.trim();
            if !trimmed.is_empty() {
                out.push_str(&format!("    {trimmed}\n"));
                if let Some(c) = carets(&src, &e.pos) {
                    out.push_str(&c);
                    out.push('\n');
                }
            }
        }
    }
    flush_repeat(repeat, out);
}

fn exc_type_name(vm: &Vm, e: &Value) -> String {
    let cls = vm.class_of(e);
    let td = type_data(cls);
    let q = td.qualname.borrow().clone();
    let module = td
        .own("__module__")
        .and_then(|m| crate::str::as_str(&m).map(|s| s.to_string()));
    match module {
        Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{q}"),
        _ => q,
    }
}

/// The last line(s): `Type: message`, SyntaxError details, and notes.
fn format_exception_only(vm: &Vm, e: &Value, out: &mut String) {
    let name = exc_type_name(vm, e);
    let is_syntax = e
        .as_obj()
        .is_some_and(|o| crate::types::is_subtype(o.class(), &vm.types.exceptions.syntax_error));
    if is_syntax {
        let get = |n: &str| vm.getattr_opt(e, n).ok().flatten().unwrap_or(Value::None);
        let filename = get("filename");
        let lineno = get("lineno");
        let fname = crate::str::as_str(&filename)
            .unwrap_or("<string>")
            .to_string();
        let line_s = match &lineno {
            Value::Int(l) => l.to_string(),
            _ => String::new(),
        };
        if !line_s.is_empty() {
            out.push_str(&format!("  File \"{fname}\", line {line_s}\n"));
        }
        let text = get("text");
        if let Some(t) = crate::str::as_str(&text) {
            let raw = t.trim_end_matches('\n');
            let stripped = raw.trim_start();
            let lead = raw.chars().count() - stripped.chars().count();
            let line = stripped.trim_end();
            out.push_str(&format!("    {line}\n"));
            // No caret when the offset falls in the stripped indentation (or before it).
            if let Value::Int(off) = get("offset")
                && off - 1 - lead as i64 >= 0
            {
                let mut end = match get("end_offset") {
                    Value::Int(x) => x,
                    _ => off,
                };
                if end <= off || get("end_lineno").is_some_and_int_ne(&lineno) {
                    end = off + 1;
                }
                let start = (off - 1 - lead as i64).max(0) as usize;
                let stop = ((end - 1 - lead as i64).max(start as i64 + 1) as usize)
                    .min(line.chars().count().max(start + 1));
                out.push_str(&format!(
                    "    {}{}\n",
                    " ".repeat(start),
                    "^".repeat(stop - start)
                ));
            }
        }
        let msg = get("msg");
        let msg = vm.str(&msg).unwrap_or_default();
        out.push_str(&format!("{name}: {msg}\n"));
    } else {
        match vm.str(e) {
            Ok(s) if s.is_empty() => out.push_str(&format!("{name}\n")),
            Ok(s) => out.push_str(&format!("{name}: {s}\n")),
            Err(_) => out.push_str(&format!("{name}: <exception str() failed>\n")),
        }
    }
    if let Ok(Some(notes)) = vm.getattr_opt(e, "__notes__") {
        match vm.iterate(&notes) {
            Ok(items) if matches!(notes.payload(), Some(Payload::List(_) | Payload::Tuple(_))) => {
                for n in items {
                    match crate::str::as_str(&n) {
                        Some(s) => out.push_str(&format!("{s}\n")),
                        None => out.push_str(&format!(
                            "{}\n",
                            vm.str(&n).unwrap_or_else(|_| "<note str() failed>".into())
                        )),
                    }
                }
            }
            _ => out.push_str(&format!(
                "{}\n",
                vm.repr(&notes)
                    .unwrap_or_else(|_| "<__notes__ repr() failed>".into())
            )),
        }
    }
}

trait IntNe {
    fn is_some_and_int_ne(&self, other: &Value) -> bool;
}

impl IntNe for Value {
    fn is_some_and_int_ne(&self, other: &Value) -> bool {
        matches!((self, other), (Value::Int(a), Value::Int(b)) if a != b)
    }
}

fn format_chain(vm: &Vm, e: &PyRef, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(Rc::as_ptr(e) as usize);
    if let Some(d) = exc_data(e) {
        let cause = d.cause.borrow().clone();
        let context = d.context.borrow().clone();
        if let Value::Obj(c) = &cause {
            if !seen.contains(&(Rc::as_ptr(c) as usize)) {
                format_chain(vm, c, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let Value::Obj(c) = &context
            && !d.suppress_context.get()
            && !seen.contains(&(Rc::as_ptr(c) as usize))
        {
            format_chain(vm, c, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    format_single(vm, e, out);
}

fn format_single(vm: &Vm, e: &PyRef, out: &mut String) {
    let ev = Value::Obj(e.clone());
    let is_group = crate::types::is_subtype(e.class(), &vm.types.exceptions.base_exception_group);
    if is_group {
        crate::traceback::group::format_group(vm, e, out);
        return;
    }
    let tb = exc_data(e)
        .map(|d| d.traceback.borrow().clone())
        .unwrap_or(Value::None);
    let ents = entries(&tb);
    if !ents.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        format_tb(&ents, out);
    }
    format_exception_only(vm, &ev, out);
}

/// The full report of an exception, as `traceback.print_exception` writes it.
/// `Type: message`, the last line of a traceback (without the newline).
pub fn exception_line(vm: &Vm, e: &PyRef) -> String {
    let mut out = String::new();
    format_exception_only(vm, &Value::Obj(e.clone()), &mut out);
    out.trim_end().to_string()
}

pub fn format_exception(vm: &Vm, e: &PyRef) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, e, &mut out, &mut seen);
    out
}

/// Prints an uncaught exception to `sys.stderr`.
pub fn print_exception(vm: &Vm, e: &PyRef) {
    let text = format_exception(vm, e);
    vm.write_stderr(&text);
}

/// "Exception ignored in: …" for errors that cannot propagate (`__del__`, callbacks).
pub fn print_unraisable(vm: &Vm, e: &PyRef, msg: &str, obj: &Value) {
    let what = vm
        .repr(obj)
        .unwrap_or_else(|_| "<object repr() failed>".into());
    let mut out = format!("{msg}: {what}\n");
    out.push_str(&format_exception(vm, e));
    vm.write_stderr(&out);
}

/// Exception groups: the boxed layout of `traceback.TracebackException.format` (3.11).
pub mod group {
    use super::*;

    const MAX_GROUP_WIDTH: usize = 15;
    const MAX_GROUP_DEPTH: usize = 10;

    pub fn format_group(vm: &Vm, e: &PyRef, out: &mut String) {
        let mut lines = Vec::new();
        emit(vm, e, 0, &mut lines, true);
        for l in lines {
            out.push_str(&l);
        }
    }

    fn indent(lines: &[String], margin: &str) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                let body: Vec<String> = l
                    .split_inclusive('\n')
                    .map(|p| format!("{margin}{p}"))
                    .collect();
                body.concat()
            })
            .collect()
    }

    /// Lines for `e` at nesting `depth` (exceptions inside a group get the `| ` margin).
    fn emit(vm: &Vm, e: &PyRef, depth: usize, lines: &mut Vec<String>, top: bool) {
        let ev = Value::Obj(e.clone());
        let tb = exc_data(e)
            .map(|d| d.traceback.borrow().clone())
            .unwrap_or(Value::None);
        let ents = entries(&tb);
        let is_group =
            crate::types::is_subtype(e.class(), &vm.types.exceptions.base_exception_group);
        let mut own = String::new();
        if !ents.is_empty() {
            if is_group {
                own.push_str("Exception Group Traceback (most recent call last):\n");
            } else {
                own.push_str("Traceback (most recent call last):\n");
            }
            format_tb(&ents, &mut own);
        }
        format_exception_only(vm, &ev, &mut own);
        let margin = if depth == 0 {
            if is_group { "  + " } else { "" }
        } else {
            ""
        };
        if !is_group {
            lines.push(own);
            return;
        }
        // The group's own part, with "  + " before the first line and "  | " after.
        let mut first = true;
        let mut block = String::new();
        for l in own.split_inclusive('\n') {
            if top && first {
                block.push_str(margin);
                block.push_str(l);
                first = false;
            } else {
                block.push_str(if top { "  | " } else { "" });
                block.push_str(l);
            }
        }
        lines.push(block);
        let excs = vm
            .getattr_opt(&ev, "exceptions")
            .ok()
            .flatten()
            .map(|x| vm.iterate(&x).unwrap_or_default())
            .unwrap_or_default();
        let n = excs.len();
        if depth >= MAX_GROUP_DEPTH {
            lines.push(format!("  +-+---------------- ... ----------------\n    | and {n} more exception{}\n    +------------------------------------\n", if n == 1 { "" } else { "s" }));
            return;
        }
        for (i, sub) in excs.iter().enumerate() {
            if i >= MAX_GROUP_WIDTH {
                let rest = n - MAX_GROUP_WIDTH;
                lines.push(format!("    +---------------- ... ----------------\n    | and {rest} more exception{}\n", if rest == 1 { "" } else { "s" }));
                lines.push("    +------------------------------------\n".to_string());
                break;
            }
            let header = if i == 0 {
                format!("  +-+---------------- {} ----------------\n", i + 1)
            } else {
                format!("    +---------------- {} ----------------\n", i + 1)
            };
            lines.push(header);
            let mut sub_lines = Vec::new();
            if let Value::Obj(s) = sub {
                let mut chain = String::new();
                let mut seen = Vec::new();
                sub_chain(vm, s, &mut chain, &mut seen, depth + 1, &mut sub_lines);
                if !chain.is_empty() {
                    sub_lines.insert(0, chain);
                }
            }
            lines.extend(indent(&sub_lines, "    | "));
            if i == n - 1 || i == MAX_GROUP_WIDTH - 1 && n <= MAX_GROUP_WIDTH {
                lines.push("    +------------------------------------\n".to_string());
            }
        }
    }

    fn sub_chain(
        vm: &Vm,
        e: &PyRef,
        _prefix: &mut String,
        seen: &mut Vec<usize>,
        depth: usize,
        lines: &mut Vec<String>,
    ) {
        seen.push(Rc::as_ptr(e) as usize);
        if let Some(d) = exc_data(e) {
            let cause = d.cause.borrow().clone();
            let context = d.context.borrow().clone();
            if let Value::Obj(c) = &cause {
                if !seen.contains(&(Rc::as_ptr(c) as usize)) {
                    sub_chain(vm, c, _prefix, seen, depth, lines);
                    lines.push("\nThe above exception was the direct cause of the following exception:\n\n".to_string());
                }
            } else if let Value::Obj(c) = &context
                && !d.suppress_context.get()
                && !seen.contains(&(Rc::as_ptr(c) as usize))
            {
                sub_chain(vm, c, _prefix, seen, depth, lines);
                lines.push(
                    "\nDuring handling of the above exception, another exception occurred:\n\n"
                        .to_string(),
                );
            }
        }
        let is_group =
            crate::types::is_subtype(e.class(), &vm.types.exceptions.base_exception_group);
        if is_group {
            let mut inner = Vec::new();
            emit_nested(vm, e, depth, &mut inner);
            lines.extend(inner);
        } else {
            emit(vm, e, depth, lines, false);
        }
    }

    /// A group nested inside another: its header lines start with "+ " relative to the margin.
    fn emit_nested(vm: &Vm, e: &PyRef, depth: usize, lines: &mut Vec<String>) {
        let mut block = Vec::new();
        emit(vm, e, depth, &mut block, true);
        // Nested groups keep the same "  + " / "  | " framing, shifted by the caller's margin.
        lines.extend(block);
    }
}
