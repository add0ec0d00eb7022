//! The value-stack check `translate` runs on every code object before it can execute.
//!
//! It walks the control-flow graph of the translated instructions with CPython's stack
//! effects and proves, for every reachable instruction, that the stack depth on entry is the
//! same on every path, lies within `0..=co_stacksize`, and covers the operands of the
//! instructions the eval loop's fast path executes without checks (`fast_inputs`). With that
//! proved, the fast path pushes and pops through a raw stack pointer: a frame's slots are
//! allocated `nlocalsplus + co_stacksize` long, so neither a push nor a pop can leave them.
//! A code object that fails (a corrupt or hand-made pyc) raises SystemError when run.
//!
//! CPython's compiler lays out code so that every instruction has one depth (its `stackdepth`
//! pass asserts it), so code from python3.11 and from our compiler always passes.

use rpy_marshal::Opcode;
use rpy_marshal::opcode::JumpKind;

use crate::code::{Handler, Instr};

/// Depth of an instruction not reached yet.
const UNSEEN: u32 = u32::MAX;

/// Checks `instrs` (translated: jump operands are instruction indices, the last instruction is
/// the sentinel) against `stacksize`. The error names the first offending instruction index.
pub(crate) fn check(instrs: &[Instr], handlers: &[Handler], stacksize: u32) -> Result<(), String> {
    let mut depth = vec![UNSEEN; instrs.len()];
    let mut work: Vec<usize> = Vec::new();
    let reach = |at: usize, d: i64, depth: &mut [u32], work: &mut Vec<usize>| {
        if d < 0 || d > stacksize as i64 {
            return Err(format!(
                "code: stack depth {d} out of range at instruction {at}"
            ));
        }
        match depth.get(at).copied() {
            Some(UNSEEN) => {
                depth[at] = d as u32;
                work.push(at);
                Ok(())
            }
            Some(seen) if seen as i64 == d => Ok(()),
            Some(_) => Err(format!(
                "code: inconsistent stack depth at instruction {at}"
            )),
            None => Err(format!("code: control leaves the code at {at}")),
        }
    };
    reach(0, 0, &mut depth, &mut work)?;
    // A handler starts with its depth, the offset of the raising instruction if it asks for
    // it, and the exception. The unwinder makes the stack exactly that deep.
    for h in handlers {
        let d = h.depth as i64 + h.lasti as i64 + 1;
        reach(h.target as usize, d, &mut depth, &mut work)?;
    }
    while let Some(at) = work.pop() {
        let d = depth[at] as i64;
        let instr = instrs[at];
        let op = instr.op;
        if d < fast_inputs(op, instr.arg) as i64 {
            return Err(format!("code: stack underflow at instruction {at}"));
        }
        let info = op.info();
        let next = at + 1;
        match op {
            // Unknown opcodes and the sentinel raise; these end their path.
            Opcode::Cache | Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise => {}
            Opcode::JumpForward | Opcode::JumpBackward | Opcode::JumpBackwardNoInterrupt => {
                let e = op.stack_effect(0, true) as i64;
                reach(instr.arg as usize, d + e, &mut depth, &mut work)?;
            }
            // The frame returns a generator here; resuming it pushes the value sent.
            Opcode::ReturnGenerator => reach(next, d + 1, &mut depth, &mut work)?,
            _ => {
                let e = op.stack_effect(instr.arg, false) as i64;
                reach(next, d + e, &mut depth, &mut work)?;
                if info.jump != JumpKind::None {
                    let e = op.stack_effect(instr.arg, true) as i64;
                    reach(instr.arg as usize, d + e, &mut depth, &mut work)?;
                }
            }
        }
    }
    Ok(())
}

/// How many values the eval loop's fast path reads from the stack for `op`: every opcode it
/// runs without stack checks must be here. (Stack effects alone do not say it: BINARY_OP
/// pops two and pushes one.)
pub(crate) fn fast_inputs(op: Opcode, arg: u32) -> u32 {
    match op {
        Opcode::StoreFast
        | Opcode::StoreDeref
        | Opcode::PopTop
        | Opcode::ReturnValue
        | Opcode::ForIter
        | Opcode::UnpackSequence
        | Opcode::LoadAttr
        | Opcode::LoadMethod
        | Opcode::PopJumpForwardIfFalse
        | Opcode::PopJumpBackwardIfFalse
        | Opcode::PopJumpForwardIfTrue
        | Opcode::PopJumpBackwardIfTrue
        | Opcode::PopJumpForwardIfNone
        | Opcode::PopJumpBackwardIfNone
        | Opcode::PopJumpForwardIfNotNone
        | Opcode::PopJumpBackwardIfNotNone => 1,
        Opcode::BinaryOp | Opcode::CompareOp | Opcode::IsOp | Opcode::BinarySubscr => 2,
        Opcode::StoreSubscr => 3,
        Opcode::Copy | Opcode::Swap => arg.max(1),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inline_cache::NO_CACHE;

    fn i(op: Opcode, arg: u32) -> Instr {
        Instr {
            op,
            cache: NO_CACHE,
            arg,
        }
    }

    fn end() -> Instr {
        i(Opcode::Cache, crate::code::PAST_END)
    }

    #[test]
    fn straight_line_code_passes() {
        let code = [
            i(Opcode::LoadConst, 0),
            i(Opcode::LoadConst, 0),
            i(Opcode::BinaryOp, 0),
            i(Opcode::ReturnValue, 0),
            end(),
        ];
        assert!(check(&code, &[], 2).is_ok());
        assert!(check(&code, &[], 1).is_err(), "deeper than co_stacksize");
    }

    #[test]
    fn underflow_is_rejected() {
        let code = [i(Opcode::LoadConst, 0), i(Opcode::BinaryOp, 0), end()];
        assert!(check(&code, &[], 4).is_err());
        let code = [i(Opcode::PopTop, 0), end()];
        assert!(check(&code, &[], 4).is_err());
    }

    #[test]
    fn paths_must_agree() {
        // A loop that pushes on every turn.
        let code = [i(Opcode::LoadConst, 0), i(Opcode::JumpBackward, 0), end()];
        assert!(check(&code, &[], 100).is_err());
        // Both arms of a branch reach the join with one value.
        let code = [
            i(Opcode::LoadConst, 0),
            i(Opcode::PopJumpForwardIfFalse, 4),
            i(Opcode::LoadConst, 0),
            i(Opcode::ReturnValue, 0),
            i(Opcode::LoadConst, 0),
            i(Opcode::ReturnValue, 0),
            end(),
        ];
        assert!(check(&code, &[], 1).is_ok());
    }

    #[test]
    fn handlers_start_with_their_depth() {
        let code = [
            i(Opcode::LoadConst, 0),
            i(Opcode::ReturnValue, 0),
            // The handler: lasti and the exception.
            i(Opcode::PopTop, 0),
            i(Opcode::ReturnValue, 0),
            end(),
        ];
        let h = Handler {
            start: 0,
            end: 2,
            target: 2,
            depth: 0,
            lasti: true,
        };
        assert!(check(&code, &[h], 2).is_ok());
        assert!(check(&code, &[h], 1).is_err());
    }
}
