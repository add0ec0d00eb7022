//! The CPython 3.11 opcode table: names, numbers, arguments, inline caches, jumps, stack effects.
//! Counterpart: Lib/opcode.py and Python/compile.c `stack_effect` (3.11).
//!
//! The data itself lives in `opcode_table.rs`, generated under python3.11 by
//! `tools/gen_opcode_table.py`; this file holds the types it is made of and the queries on it.

pub use crate::opcode_table::{
    CMP_OP, HAVE_ARGUMENT, NB_OPS, NUM_BASE_OPCODES, OPCODE_TABLE, Opcode,
};

/// `EXTENDED_ARG`: prefixes the next instruction's argument with 8 more bits.
pub const EXTENDED_ARG: u8 = Opcode::ExtendedArg as u8;

/// How an opcode's argument is a jump.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JumpKind {
    None,
    /// Target unit = index of the unit after the instruction (and its caches) + arg.
    Forward,
    /// Target unit = index of the unit after the instruction − arg.
    Backward,
    /// `opcode.hasjabs`: empty in 3.11, kept so the table mirrors `opcode` exactly.
    Absolute,
}

/// What an opcode's argument indexes (`opcode.hasconst`, `hasname`, `haslocal`, `hasfree`,
/// `hascompare`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperandKind {
    None,
    Const,
    Name,
    Local,
    Free,
    Compare,
}

/// The stack effect of an opcode as a function of its argument (`dis.stack_effect`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Fixed(i32),
    Linear { base: i32, per_arg: i32 },
    UnpackEx,
    MakeFunction,
    BuildSlice,
    LoadGlobal,
    FormatValue,
    CallFunctionEx,
}

impl Effect {
    pub const fn eval(self, arg: u32) -> i32 {
        let a = arg as i32;
        match self {
            Effect::Fixed(n) => n,
            Effect::Linear { base, per_arg } => base + per_arg * a,
            Effect::UnpackEx => (a & 0xFF) + (a >> 8),
            Effect::MakeFunction => -((arg & 0xF).count_ones() as i32),
            Effect::BuildSlice => {
                if a == 3 {
                    -2
                } else {
                    -1
                }
            }
            Effect::LoadGlobal => 1 + (a & 1),
            Effect::FormatValue => {
                if a & 4 != 0 {
                    -1
                } else {
                    0
                }
            }
            Effect::CallFunctionEx => -2 - (a & 1),
        }
    }
}

/// One row of the opcode table.
#[derive(Clone, Copy, Debug)]
pub struct OpInfo {
    /// `dis._all_opname[n]`: the CPython spelling, `<n>` for unassigned numbers.
    pub name: &'static str,
    /// The base opcode this number deoptimizes to (itself for base opcodes).
    pub base: u8,
    /// In `opcode.opmap` (can appear in a pyc); false for specialized and unassigned numbers.
    pub is_base: bool,
    pub has_arg: bool,
    /// Number of CACHE units that follow the instruction.
    pub caches: u8,
    pub jump: JumpKind,
    pub operand: OperandKind,
    /// Stack effect when the instruction falls through.
    pub effect: Effect,
    /// Stack effect when the instruction jumps.
    pub jump_effect: Effect,
}

/// The table row for any byte value.
#[inline]
pub fn info(op: u8) -> &'static OpInfo {
    &OPCODE_TABLE[op as usize]
}

impl Opcode {
    /// The CPython spelling, e.g. `"LOAD_CONST"`.
    pub fn name(self) -> &'static str {
        info(self as u8).name
    }

    pub fn info(self) -> &'static OpInfo {
        info(self as u8)
    }

    /// The base opcode with this CPython name.
    pub fn from_name(name: &str) -> Option<Opcode> {
        (0..=255u8).find_map(|n| {
            let row = info(n);
            if row.is_base && row.name == name {
                Opcode::from_u8(n)
            } else {
                None
            }
        })
    }

    /// `dis.stack_effect(op, arg, jump=jump)`.
    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        let row = self.info();
        if jump {
            row.jump_effect.eval(arg)
        } else {
            row.effect.eval(arg)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        let mut base = 0;
        for n in 0..=255u8 {
            let row = info(n);
            if row.is_base {
                base += 1;
                let op = Opcode::from_u8(n).expect("base opcode has an enum variant");
                assert_eq!(op as u8, n);
                assert_eq!(Opcode::from_name(row.name), Some(op));
                assert_eq!(row.has_arg, n >= HAVE_ARGUMENT);
            } else {
                assert!(Opcode::from_u8(n).is_none());
            }
        }
        assert_eq!(base, NUM_BASE_OPCODES);
    }

    #[test]
    fn known_rows() {
        assert_eq!(Opcode::LoadGlobal.info().caches, 5);
        assert_eq!(Opcode::LoadMethod.info().caches, 10);
        assert_eq!(Opcode::JumpBackward.info().jump, JumpKind::Backward);
        assert_eq!(Opcode::ForIter.stack_effect(0, true), -1);
        assert_eq!(Opcode::ForIter.stack_effect(0, false), 1);
        assert_eq!(Opcode::UnpackEx.stack_effect(0x101, false), 2);
        assert_eq!(Opcode::MakeFunction.stack_effect(0b1011, false), -3);
        assert_eq!(info(3).name, "BINARY_OP_ADAPTIVE");
        assert_eq!(info(3).base, Opcode::BinaryOp as u8);
        assert_eq!(CMP_OP[2], "==");
        assert_eq!(NB_OPS[13].1, "+=");
    }
}
