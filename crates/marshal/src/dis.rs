//! A disassembler whose text is exactly what CPython 3.11's `dis.dis` prints.
//! Counterpart: Lib/dis.py (3.11): `_unpack_opargs`, `findlabels`, `_get_instructions_bytes`,
//! `Instruction._disassemble`, `_disassemble_bytes`, `_disassemble_recursive`.
//!
//! The one unavoidable difference is the address inside `<code object … at 0x…>`, which is a
//! memory address in both implementations.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;
use std::rc::Rc;

use crate::code::CodeObject;
use crate::exceptiontable::ExceptionTableEntry;
use crate::linetable;
use crate::opcode::{self, CMP_OP, EXTENDED_ARG, JumpKind, NB_OPS, Opcode, OperandKind};
use crate::repr::repr;

/// `dis.Instruction`, minus the positions (not printed by 3.11's `dis.dis`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// The opcode byte as found in the code (possibly specialized or unassigned).
    pub op: u8,
    pub opname: &'static str,
    /// `None` for opcodes without an argument.
    pub arg: Option<i64>,
    pub argrepr: String,
    /// Jump target in bytes, for jumps.
    pub jump_target: Option<i64>,
    /// Byte offset.
    pub offset: u32,
    pub starts_line: Option<i32>,
    pub is_jump_target: bool,
}

/// `_unpack_opargs`: (byte offset, opcode, arg) for each instruction, caches skipped.
pub fn unpack_opargs(code: &[u8]) -> Vec<(u32, u8, Option<i64>)> {
    let mut out = Vec::with_capacity(code.len() / 2);
    let mut extended: i64 = 0;
    let mut caches = 0;
    for (i, unit) in code.chunks_exact(2).enumerate() {
        if caches > 0 {
            caches -= 1;
            continue;
        }
        let op = unit[0];
        let info = opcode::info(op);
        caches = info.caches;
        let arg = if info.has_arg {
            let arg = unit[1] as i64 | extended;
            extended = if info.base == EXTENDED_ARG {
                arg << 8
            } else {
                0
            };
            if extended >= 1 << 31 {
                extended -= 1 << 32;
            }
            Some(arg)
        } else {
            extended = 0;
            None
        };
        out.push(((i * 2) as u32, op, arg));
    }
    out
}

fn jump_target(offset: u32, op: u8, arg: i64) -> Option<i64> {
    let info = opcode::info(op);
    let signed = match info.jump {
        JumpKind::None => return None,
        JumpKind::Absolute => return Some(arg * 2),
        JumpKind::Forward => arg,
        JumpKind::Backward => -arg,
    };
    Some(offset as i64 + 2 + signed * 2 + 2 * info.caches as i64)
}

/// The byte offsets that `dis` marks with `>>`: jump targets and handler targets.
fn labels(instrs: &[(u32, u8, Option<i64>)], exceptions: &[ExceptionTableEntry]) -> BTreeSet<i64> {
    let mut out: BTreeSet<i64> = instrs
        .iter()
        .filter_map(|&(offset, op, arg)| jump_target(offset, op, arg?))
        .collect();
    out.extend(
        exceptions
            .iter()
            .filter(|e| e.end > e.start)
            .map(|e| e.target as i64 * 2),
    );
    out
}

fn argrepr(code: &CodeObject, op: u8, arg: i64, offset: u32) -> (String, Option<i64>) {
    let info = opcode::info(op);
    let base = info.base;
    let name_at = |names: &[crate::value::PyStr], i: i64| {
        usize::try_from(i)
            .ok()
            .and_then(|i| names.get(i))
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    if let Some(target) = jump_target(offset, op, arg) {
        return (format!("to {target}"), Some(target));
    }
    let text = match info.operand {
        // `dis` shows the constant only for LOAD_CONST (KW_NAMES is in hasconst too).
        OperandKind::Const if base != Opcode::LoadConst as u8 => String::new(),
        OperandKind::Const => usize::try_from(arg)
            .ok()
            .and_then(|i| code.consts.get(i))
            .map(repr)
            .unwrap_or_default(),
        OperandKind::Name if base == Opcode::LoadGlobal as u8 => {
            let name = name_at(&code.names, arg >> 1);
            if arg & 1 != 0 && !name.is_empty() {
                format!("NULL + {name}")
            } else {
                name
            }
        }
        OperandKind::Name => name_at(&code.names, arg),
        OperandKind::Local | OperandKind::Free => name_at(&code.localsplusnames, arg),
        OperandKind::Compare => usize::try_from(arg)
            .ok()
            .and_then(|i| CMP_OP.get(i))
            .copied()
            .unwrap_or("")
            .into(),
        OperandKind::None => match Opcode::from_u8(base) {
            Some(Opcode::FormatValue) => {
                let mut s = ["", "str", "repr", "ascii"][(arg & 3) as usize].to_string();
                if arg & 4 != 0 {
                    if !s.is_empty() {
                        s.push_str(", ");
                    }
                    s.push_str("with format");
                }
                s
            }
            Some(Opcode::MakeFunction) => ["defaults", "kwdefaults", "annotations", "closure"]
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, s)| *s)
                .collect::<Vec<_>>()
                .join(", "),
            Some(Opcode::BinaryOp) => usize::try_from(arg)
                .ok()
                .and_then(|i| NB_OPS.get(i))
                .map(|p| p.1)
                .unwrap_or("")
                .into(),
            _ => String::new(),
        },
    };
    (text, None)
}

/// `dis.get_instructions(code)` (without caches).
pub fn get_instructions(code: &CodeObject) -> Vec<Instruction> {
    let raw = unpack_opargs(&code.code);
    let exceptions = code.exception_entries();
    let labels = labels(&raw, &exceptions);
    let starts: HashMap<u32, i32> = linetable::line_starts(&code.linetable, code.firstlineno)
        .into_iter()
        .collect();
    raw.iter()
        .map(|&(offset, op, arg)| {
            let (argrepr, jump_target) = match arg {
                Some(a) => argrepr(code, op, a, offset),
                None => (String::new(), None),
            };
            Instruction {
                op,
                opname: opcode::info(op).name,
                arg,
                argrepr,
                jump_target,
                offset,
                starts_line: starts.get(&offset).copied(),
                is_jump_target: labels.contains(&(offset as i64)),
            }
        })
        .collect()
}

/// `dis.disassemble(code)`: one code object, no recursion.
pub fn disassemble(code: &CodeObject, out: &mut String) {
    let starts = linetable::line_starts(&code.linetable, code.firstlineno);
    let lineno_width = match starts.iter().map(|&(_, l)| l).max() {
        None => 0,
        Some(max) if max >= 1000 => max.to_string().len(),
        Some(_) => 3,
    };
    let max_offset = code.code.len() as i64 - 2;
    let offset_width = if max_offset >= 10000 {
        max_offset.to_string().len()
    } else {
        4
    };
    for instr in get_instructions(code) {
        if lineno_width > 0 && instr.starts_line.is_some() && instr.offset > 0 {
            out.push('\n');
        }
        let mut line = String::new();
        if lineno_width > 0 {
            match instr.starts_line {
                Some(l) => {
                    let _ = write!(line, "{l:>lineno_width$} ");
                }
                None => {
                    let _ = write!(line, "{:lineno_width$} ", "");
                }
            }
        }
        line.push_str("    ");
        line.push_str(if instr.is_jump_target { ">>" } else { "  " });
        let _ = write!(
            line,
            " {:>offset_width$} {:<20}",
            instr.offset, instr.opname
        );
        if let Some(arg) = instr.arg {
            let _ = write!(line, " {arg:>5}");
            if !instr.argrepr.is_empty() {
                let _ = write!(line, " ({})", instr.argrepr);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let entries = code.exception_entries();
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in entries {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start as i64 * 2,
                e.end as i64 * 2 - 2,
                e.target as i64 * 2,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
}

/// `dis.dis(code)`: the code object, then each nested code object in `co_consts`, recursively.
pub fn dis(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_into(code, &mut out, 0);
    out
}

fn dis_into(code: &CodeObject, out: &mut String, depth: usize) {
    disassemble(code, out);
    for nested in code.nested_code() {
        out.push('\n');
        let _ = writeln!(
            out,
            "Disassembly of {}:",
            repr(&crate::value::Value::Code(Rc::clone(nested)))
        );
        crate::stack::guard(depth + 1, || dis_into(nested, out, depth + 1));
    }
}
