//! The compiler's intermediate form: instructions (real opcodes and the pseudo-instructions
//! the code generator uses) in basic blocks linked into a control-flow graph.
//! Counterpart: `struct instr` / `basicblock` in Python/compile.c (3.11).

use rpy_marshal::linetable::Location;
use rpy_marshal::opcode::{self, JumpKind, Opcode};

/// Pseudo-instructions: emitted by code generation, resolved before assembly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pseudo {
    /// Push an exception handler (the target); fall through into the protected body.
    SetupFinally,
    /// Like SetupFinally, for cleanup handlers that preserve `lasti`.
    SetupCleanup,
    /// Like SetupCleanup, for `with` bodies (one more stack item at the handler).
    SetupWith,
    /// Pop the innermost handler.
    PopBlock,
    /// Unconditional jump; direction decided at assembly.
    Jump,
    JumpNoInterrupt,
    PopJumpIfFalse,
    PopJumpIfTrue,
    PopJumpIfNone,
    PopJumpIfNotNone,
}

/// An instruction's operation: a real 3.11 opcode or a pseudo-instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Real(Opcode),
    Pseudo(Pseudo),
}

impl From<Opcode> for Op {
    fn from(op: Opcode) -> Op {
        Op::Real(op)
    }
}

impl From<Pseudo> for Op {
    fn from(p: Pseudo) -> Op {
        Op::Pseudo(p)
    }
}

impl Op {
    /// Ends the block with a jump (pseudo jumps and the real jump opcodes).
    pub fn is_jump(self) -> bool {
        match self {
            Op::Pseudo(p) => !matches!(
                p,
                Pseudo::SetupFinally | Pseudo::SetupCleanup | Pseudo::SetupWith | Pseudo::PopBlock
            ),
            Op::Real(op) => op.info().jump != JumpKind::None,
        }
    }

    pub fn is_block_push(self) -> bool {
        matches!(
            self,
            Op::Pseudo(Pseudo::SetupFinally | Pseudo::SetupCleanup | Pseudo::SetupWith)
        )
    }

    /// Ends a block's flow: nothing after it runs.
    pub fn is_scope_exit(self) -> bool {
        matches!(
            self,
            Op::Real(Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise)
        )
    }

    pub fn real(self) -> Option<Opcode> {
        match self {
            Op::Real(op) => Some(op),
            Op::Pseudo(_) => None,
        }
    }

    /// The compiler's `stack_effect(op, arg, jump)`.
    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        match self {
            Op::Real(op) => op.stack_effect(arg, jump),
            Op::Pseudo(p) => match p {
                Pseudo::SetupFinally | Pseudo::SetupWith => jump as i32,
                Pseudo::SetupCleanup => 2 * jump as i32,
                Pseudo::PopBlock | Pseudo::Jump | Pseudo::JumpNoInterrupt => 0,
                Pseudo::PopJumpIfFalse
                | Pseudo::PopJumpIfTrue
                | Pseudo::PopJumpIfNone
                | Pseudo::PopJumpIfNotNone => -1,
            },
        }
    }
}

/// Index of a block in its unit's block vector.
pub type BlockId = usize;

#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    /// Jump or handler target.
    pub target: Option<BlockId>,
    /// Handler in force, filled by `label_exception_targets`.
    pub except: Option<BlockId>,
    pub loc: Location,
}

impl Instr {
    /// Code units this instruction takes once assembled (prefixes + itself + caches).
    pub fn size(&self) -> u32 {
        let op = self.op.real().expect("only real instructions are sized");
        let info = op.info();
        let arg = if info.has_arg { self.arg } else { 0 };
        let ext = (arg > 0xFF) as u32 + (arg > 0xFFFF) as u32 + (arg > 0xFF_FFFF) as u32;
        ext + 1 + info.caches as u32
    }

    pub fn real(&self) -> Option<Opcode> {
        self.op.real()
    }
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    /// The block reached by falling through.
    pub next: Option<BlockId>,
    /// Ends with a return, raise or unconditional jump.
    pub nofallthrough: bool,
    /// Ends with a return or raise.
    pub exit: bool,
    /// A RETURN_VALUE was appended (the implicit `return None` is then not needed).
    pub returns: bool,
    /// Exception handler that wants `lasti` pushed.
    pub preserve_lasti: bool,
    pub visited: bool,
    pub predecessors: u32,
    pub startdepth: i32,
    /// Offset in code units, set by assembly.
    pub offset: u32,
    /// Handler stack at block start, used while labelling exception targets.
    pub exceptstack: Option<Vec<Option<BlockId>>>,
}

impl Block {
    pub fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }
}

/// `HAS_CONST`: the opcodes whose argument indexes `co_consts`.
pub fn has_const(op: Op) -> bool {
    matches!(op, Op::Real(o) if opcode::info(o as u8).operand == opcode::OperandKind::Const)
}
