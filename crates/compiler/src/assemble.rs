//! From a finished control-flow graph to a `CodeObject`: the epilogue and prologue CPython
//! adds, cell-slot fixing, the CFG passes in CPython's order, jump resolution, and emission
//! of the code, the location table and the exception table.
//! Counterpart: `assemble()` and `makecode()` in Python/compile.c (3.11).

use std::rc::Rc;

use rpy_marshal::code::{CodeObject, flags, kinds};
use rpy_marshal::exceptiontable::{self, ExceptionTableEntry};
use rpy_marshal::linetable::{LineTableWriter, Location};
use rpy_marshal::opcode::{EXTENDED_ARG, Opcode};
use rpy_marshal::{PyStr, Value};

use crate::consts::ConstPool;
use crate::flowgraph::Cfg;
use crate::ir::{BlockId, Instr, Op};
use crate::names::NameTable;

/// Everything code generation collected for one code object.
#[derive(Debug, Default)]
pub struct CodeUnit {
    pub cfg: Cfg,
    pub curblock: BlockId,
    /// Set after an instruction that ends a block: the next one starts a new block.
    pub need_new_block: bool,
    pub consts: ConstPool,
    pub names: NameTable,
    pub varnames: NameTable,
    /// Sorted by name; indices 0..n are the "cell index space" before fixing.
    pub cellvars: NameTable,
    /// Sorted by name; indices continue after the cells.
    pub freevars: NameTable,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub firstlineno: i32,
    pub name: String,
    pub qualname: String,
}

/// Identifier-like strings CPython interns (`all_name_chars`).
pub fn is_name_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn interned(s: &str) -> PyStr {
    PyStr::interned(s)
}

impl CodeUnit {
    fn instr(op: impl Into<Op>, arg: u32, loc: Location) -> Instr {
        Instr {
            op: op.into(),
            arg,
            target: None,
            except: None,
            loc,
        }
    }

    /// `assemble(c, addNone)`.
    pub fn assemble(mut self, filename: &str, add_none: bool) -> CodeObject {
        if !self.cfg.blocks[self.curblock].returns {
            let none = self.consts.add(Value::None);
            if self.need_new_block {
                let b = self.cfg.new_block();
                self.cfg.blocks[self.curblock].next = Some(b);
                self.curblock = b;
            }
            let blk = &mut self.cfg.blocks[self.curblock];
            if add_none {
                blk.instrs
                    .push(Self::instr(Opcode::LoadConst, none, Location::NONE));
            }
            blk.instrs
                .push(Self::instr(Opcode::ReturnValue, 0, Location::NONE));
            blk.returns = true;
        }
        self.cfg.normalize();
        self.cfg.extend_blocks();

        let nlocals = self.varnames.len();
        let ncells = self.cellvars.len();
        let nfrees = self.freevars.len();
        // Cells that are also parameters live in the parameter's slot.
        let mut fixed: Vec<usize> = (0..ncells + nfrees).map(|i| nlocals + i).collect();
        for (i, name) in self.cellvars.names().iter().enumerate() {
            if let Some(v) = self.varnames.get(name) {
                fixed[i] = v as usize;
            }
        }
        if self.firstlineno == 0 {
            self.firstlineno = self.cfg.blocks[0]
                .instrs
                .first()
                .map(|i| i.loc.line)
                .filter(|&l| l != 0)
                .unwrap_or(1);
        }
        self.insert_prefix_instructions(&fixed, nfrees);
        let numdropped = self.fix_cell_offsets(&mut fixed, nlocals, ncells + nfrees);

        self.cfg.optimize(&mut self.consts);
        self.cfg.duplicate_exits_without_lineno();
        self.cfg.trim_unused_consts(&mut self.consts);
        self.cfg.propagate_line_numbers();
        self.cfg.guarantee_lineno_for_exits(self.firstlineno);
        let generator =
            self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0;
        let maxdepth = self.cfg.stackdepth(generator);
        self.cfg.label_exception_targets();
        self.cfg.remove_block_pseudo_ops();
        self.cfg.normalize_jumps();
        self.cfg.assemble_jump_offsets();

        let order = self.cfg.order();
        let ninstrs: usize = order.iter().map(|&b| self.cfg.blocks[b].instrs.len()).sum();
        // Two bytes a code unit; about three units an instruction with caches and prefixes.
        let mut code = Vec::with_capacity(ninstrs * 6);
        let mut lines = LineTableWriter::with_capacity(self.firstlineno, ninstrs * 2);
        for &b in &order {
            for instr in &self.cfg.blocks[b].instrs {
                emit(&mut code, instr);
                lines.push(instr.size(), instr.loc);
            }
        }
        let exceptions = self.exception_table(&order);

        let (localsplusnames, localspluskinds) = self.localsplus(numdropped);
        let consts: Vec<Value> = self.consts.into_values();
        CodeObject {
            // `u_argcount` counts the positional-or-keyword parameters only (makecode adds them).
            argcount: self.argcount + self.posonlyargcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            stacksize: maxdepth,
            flags: self.flags,
            code: Rc::from(code),
            consts: Rc::from(consts),
            names: self.names.names().iter().map(|n| interned(n)).collect(),
            localsplusnames: localsplusnames.into(),
            localspluskinds: localspluskinds.into(),
            filename: PyStr::new(filename),
            name: interned(&self.name),
            qualname: interned(&self.qualname),
            firstlineno: self.firstlineno,
            linetable: Rc::from(lines.finish()),
            exceptiontable: Rc::from(exceptiontable::encode(&exceptions)),
        }
    }

    /// `insert_prefix_instructions`: RETURN_GENERATOR, MAKE_CELL and COPY_FREE_VARS.
    fn insert_prefix_instructions(&mut self, fixed: &[usize], nfrees: usize) {
        let entry = &mut self.cfg.blocks[0].instrs;
        if self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
            let line = self.firstlineno;
            let loc = Location {
                line,
                end_line: line,
                col: -1,
                end_col: -1,
            };
            entry.insert(0, Self::instr(Opcode::ReturnGenerator, 0, loc));
            entry.insert(1, Self::instr(Opcode::PopTop, 0, Location::NONE));
        }
        let ncells = self.cellvars.len();
        if ncells > 0 {
            let nvars = ncells + self.varnames.len();
            let mut sorted = vec![0usize; nvars];
            for (i, &slot) in fixed.iter().enumerate().take(ncells) {
                sorted[slot] = i + 1;
            }
            let mut used = 0;
            for &s in &sorted {
                if used == ncells {
                    break;
                }
                if s == 0 {
                    continue;
                }
                entry.insert(
                    used,
                    Self::instr(Opcode::MakeCell, (s - 1) as u32, Location::NONE),
                );
                used += 1;
            }
        }
        if nfrees > 0 {
            entry.insert(
                0,
                Self::instr(Opcode::CopyFreeVars, nfrees as u32, Location::NONE),
            );
        }
    }

    /// `fix_cell_offsets`: cell-space opargs become localsplus slots.
    fn fix_cell_offsets(&mut self, fixed: &mut [usize], nlocals: usize, noffsets: usize) -> usize {
        let mut dropped = 0;
        for (i, slot) in fixed.iter_mut().enumerate().take(noffsets) {
            if *slot == i + nlocals {
                *slot -= dropped;
            } else {
                dropped += 1;
            }
        }
        for b in &mut self.cfg.blocks {
            for instr in &mut b.instrs {
                if matches!(
                    instr.real(),
                    Some(
                        Opcode::MakeCell
                            | Opcode::LoadClosure
                            | Opcode::LoadDeref
                            | Opcode::StoreDeref
                            | Opcode::DeleteDeref
                            | Opcode::LoadClassderef
                    )
                ) {
                    instr.arg = fixed[instr.arg as usize] as u32;
                }
            }
        }
        dropped
    }

    fn exception_table(&self, order: &[BlockId]) -> Vec<ExceptionTableEntry> {
        let mut out = Vec::new();
        let mut handler: Option<BlockId> = None;
        let mut start = 0;
        let mut offset = 0;
        let mut push = |start: u32, end: u32, h: BlockId| {
            let hb = &self.cfg.blocks[h];
            let depth = hb.startdepth - 1 - hb.preserve_lasti as i32;
            out.push(ExceptionTableEntry {
                start,
                end,
                target: hb.offset,
                depth: depth.max(0) as u32,
                lasti: hb.preserve_lasti,
            });
        };
        for &b in order {
            offset = self.cfg.blocks[b].offset;
            for instr in &self.cfg.blocks[b].instrs {
                if instr.except != handler {
                    if let Some(h) = handler {
                        push(start, offset, h);
                    }
                    start = offset;
                    handler = instr.except;
                }
                offset += instr.size();
            }
        }
        if let Some(h) = handler {
            push(start, offset, h);
        }
        out
    }

    /// `compute_localsplus_info`.
    fn localsplus(&self, numdropped: usize) -> (Vec<PyStr>, Vec<u8>) {
        let nlocals = self.varnames.len();
        let total = nlocals + self.cellvars.len() + self.freevars.len() - numdropped;
        let mut names = vec![PyStr::new(""); total];
        let mut kinds_out = vec![0u8; total];
        for (i, n) in self.varnames.names().iter().enumerate() {
            names[i] = interned(n);
            kinds_out[i] = kinds::LOCAL
                | if self.cellvars.get(n).is_some() {
                    kinds::CELL
                } else {
                    0
                };
        }
        let mut dropped = 0;
        for (i, n) in self.cellvars.names().iter().enumerate() {
            if self.varnames.get(n).is_some() {
                dropped += 1;
                continue;
            }
            let slot = nlocals + i - dropped;
            names[slot] = interned(n);
            kinds_out[slot] = kinds::CELL;
        }
        let ncells = self.cellvars.len();
        for (i, n) in self.freevars.names().iter().enumerate() {
            let slot = nlocals + ncells + i - dropped;
            names[slot] = interned(n);
            kinds_out[slot] = kinds::FREE;
        }
        (names, kinds_out)
    }
}

/// `write_instr`: prefixes, the instruction, zeroed caches.
fn emit(code: &mut Vec<u8>, instr: &Instr) {
    let op = instr
        .real()
        .expect("pseudo-instructions are resolved before emission");
    let info = op.info();
    let arg = if info.has_arg { instr.arg } else { 0 };
    let size = instr.size() - info.caches as u32;
    for shift in [24u32, 16, 8].into_iter().skip(4 - size as usize) {
        code.push(EXTENDED_ARG);
        code.push((arg >> shift) as u8);
    }
    code.push(op as u8);
    code.push(arg as u8);
    for _ in 0..info.caches {
        code.extend_from_slice(&[0, 0]);
    }
}
