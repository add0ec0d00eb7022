//! Control-flow-graph passes between code generation and assembly: block normalization,
//! the peephole optimizer, unreachable-code removal, line-number propagation, stack depth,
//! and exception-handler labelling. Each pass reproduces what CPython 3.11 does, so that the
//! bytecode (and `dis` output) is the same.
//! Counterpart: the second half of Python/compile.c (3.11), from `stackdepth` to
//! `duplicate_exits_without_lineno`.

use rpy_marshal::Value;
use rpy_marshal::linetable::Location;
use rpy_marshal::opcode::Opcode;

use crate::consts::ConstPool;
use crate::ir::{Block, BlockId, Instr, Op, Pseudo, has_const};

/// Largest exit block copied to the end of a jump.
const MAX_COPY_SIZE: usize = 4;

/// The blocks of one code object. `blocks` is in allocation order; CPython walks its
/// `b_list` newest first, so passes that do are written with `.rev()`.
#[derive(Debug, Default)]
pub struct Cfg {
    pub blocks: Vec<Block>,
}

const ENTRY: BlockId = 0;

fn copy_loc(from: &Instr, to: &mut Instr) {
    to.loc = from.loc;
}

impl Cfg {
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block {
            startdepth: i32::MIN,
            // Most blocks hold a few instructions: one allocation instead of growing 1, 4, 8.
            instrs: Vec::with_capacity(8),
            ..Block::default()
        });
        self.blocks.len() - 1
    }

    /// Blocks in layout order (following `next` from the entry).
    pub fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut b = Some(ENTRY);
        while let Some(id) = b {
            out.push(id);
            b = self.blocks[id].next;
        }
        out
    }

    fn skip_empty(&self, mut id: BlockId) -> BlockId {
        while self.blocks[id].instrs.is_empty() {
            match self.blocks[id].next {
                Some(n) => id = n,
                None => break,
            }
        }
        id
    }

    /// `normalize_basic_block`: mark exits and no-fallthrough blocks, skip empty targets.
    pub fn normalize(&mut self) {
        for id in 0..self.blocks.len() {
            let n = self.blocks[id].instrs.len();
            for i in 0..n {
                let op = self.blocks[id].instrs[i].op;
                if op.is_scope_exit() {
                    self.blocks[id].exit = true;
                    self.blocks[id].nofallthrough = true;
                }
                if matches!(op, Op::Pseudo(Pseudo::Jump | Pseudo::JumpNoInterrupt)) {
                    self.blocks[id].nofallthrough = true;
                }
                if op.is_jump() {
                    let t = self.blocks[id].instrs[i].target.expect("jump has a target");
                    let t = self.skip_empty(t);
                    self.blocks[id].instrs[i].target = Some(t);
                }
            }
        }
    }

    fn has_lineno(&self, id: BlockId) -> bool {
        self.blocks[id].instrs.iter().any(|i| i.loc.line > 0)
    }

    /// `extend_block`: a block ending in an unconditional jump to a small exit block without
    /// line numbers gets a copy of that block instead of the jump.
    fn extend_block(&mut self, id: BlockId) {
        let Some(last) = self.blocks[id].last().copied() else {
            return;
        };
        if !matches!(
            last.op,
            Op::Pseudo(Pseudo::Jump)
                | Op::Real(Opcode::JumpForward)
                | Op::Real(Opcode::JumpBackward)
        ) {
            return;
        }
        let target = last.target.expect("jump target");
        if self.blocks[target].exit && self.blocks[target].instrs.len() <= MAX_COPY_SIZE {
            if self.has_lineno(target) {
                return;
            }
            let copied = self.blocks[target].instrs.clone();
            let b = &mut self.blocks[id];
            b.instrs.last_mut().expect("non-empty").op = Op::Real(Opcode::Nop);
            b.instrs.extend(copied);
            b.exit = true;
        }
    }

    pub fn extend_blocks(&mut self) {
        for id in (0..self.blocks.len()).rev() {
            self.extend_block(id);
        }
    }

    /// `clean_basic_block`: remove NOPs that do not carry a needed line number.
    fn clean_block(&mut self, id: BlockId) {
        let next_line = {
            let mut next = self.blocks[id].next;
            while let Some(n) = next {
                if !self.blocks[n].instrs.is_empty() {
                    break;
                }
                next = self.blocks[n].next;
            }
            next.map(|n| self.blocks[n].instrs[0].loc.line)
        };
        let instrs = &mut self.blocks[id].instrs;
        let mut dest = 0;
        let mut prev_line = -1;
        for src in 0..instrs.len() {
            let line = instrs[src].loc.line;
            if instrs[src].op == Op::Real(Opcode::Nop) {
                if line < 0 || prev_line == line {
                    continue;
                }
                if src + 1 < instrs.len() {
                    let next = instrs[src + 1].loc.line;
                    if next == line {
                        continue;
                    }
                    if next < 0 {
                        let from = instrs[src];
                        copy_loc(&from, &mut instrs[src + 1]);
                        continue;
                    }
                } else if next_line == Some(line) {
                    continue;
                }
            }
            instrs[dest] = instrs[src];
            dest += 1;
            prev_line = line;
        }
        instrs.truncate(dest);
    }

    fn mark_reachable(&mut self) {
        let mut stack = vec![ENTRY];
        self.blocks[ENTRY].predecessors = 1;
        while let Some(b) = stack.pop() {
            if let Some(next) = self.blocks[b].next
                && !self.blocks[b].nofallthrough
            {
                if self.blocks[next].predecessors == 0 {
                    stack.push(next);
                }
                self.blocks[next].predecessors += 1;
            }
            for i in 0..self.blocks[b].instrs.len() {
                let instr = self.blocks[b].instrs[i];
                if instr.op.is_jump() || instr.op.is_block_push() {
                    let t = instr.target.expect("target");
                    if self.blocks[t].predecessors == 0 {
                        stack.push(t);
                    }
                    self.blocks[t].predecessors += 1;
                }
            }
        }
    }

    fn eliminate_empty_blocks(&mut self) {
        for b in self.order() {
            if let Some(mut next) = self.blocks[b].next {
                while self.blocks[next].instrs.is_empty() {
                    match self.blocks[next].next {
                        Some(n) => next = n,
                        None => break,
                    }
                }
                self.blocks[b].next = Some(next);
            }
        }
        for b in self.order() {
            if let Some(last) = self.blocks[b].last()
                && last.op.is_jump()
            {
                let t = self.skip_empty(last.target.expect("target"));
                self.blocks[b].instrs.last_mut().expect("last").target = Some(t);
            }
        }
    }

    /// `optimize_cfg`.
    pub fn optimize(&mut self, consts: &mut ConstPool) {
        for b in self.order() {
            self.optimize_block(b, consts);
            self.clean_block(b);
        }
        self.extend_blocks();
        self.mark_reachable();
        for b in self.order() {
            if self.blocks[b].predecessors == 0 {
                self.blocks[b].instrs.clear();
                self.blocks[b].nofallthrough = false;
            }
        }
        self.eliminate_empty_blocks();
        for b in self.order() {
            self.clean_block(b);
        }
        let mut maybe_empty = false;
        for b in self.order() {
            let next = self.blocks[b].next;
            if let Some(last) = self.blocks[b].instrs.last_mut()
                && matches!(last.op, Op::Pseudo(Pseudo::Jump | Pseudo::JumpNoInterrupt))
                && last.target == next
            {
                last.op = Op::Real(Opcode::Nop);
                self.blocks[b].nofallthrough = false;
                maybe_empty = true;
            }
        }
        if maybe_empty {
            self.eliminate_empty_blocks();
        }
    }

    /// `jump_thread`: retarget `inst` to its target's target when on the same line.
    fn jump_thread(&mut self, b: BlockId, i: usize, target: Instr, op: Op) -> bool {
        let inst = &mut self.blocks[b].instrs[i];
        if inst.loc.line == target.loc.line && inst.target != target.target {
            inst.target = target.target;
            inst.op = op;
            return true;
        }
        false
    }

    /// `optimize_basic_block`: the peephole optimizer.
    fn optimize_block(&mut self, b: BlockId, consts: &mut ConstPool) {
        let nop = Instr {
            op: Op::Real(Opcode::Nop),
            arg: 0,
            target: None,
            except: None,
            loc: Location::NONE,
        };
        let mut i = 0usize;
        while i < self.blocks[b].instrs.len() {
            let n = self.blocks[b].instrs.len();
            let inst = self.blocks[b].instrs[i];
            let nextop = if i + 1 < n {
                Some(self.blocks[b].instrs[i + 1].op)
            } else {
                None
            };
            let target = if inst.op.is_jump() || inst.op.is_block_push() {
                let t = self.skip_empty(inst.target.expect("target"));
                self.blocks[b].instrs[i].target = Some(t);
                self.blocks[t].instrs.first().copied().unwrap_or(nop)
            } else {
                nop
            };
            let inst = self.blocks[b].instrs[i];
            use Op::{Pseudo as P, Real as R};
            match inst.op {
                R(Opcode::LoadConst) => match nextop {
                    Some(P(Pseudo::PopJumpIfFalse | Pseudo::PopJumpIfTrue)) => {
                        let is_true = truthy(consts.get(inst.arg));
                        let jump_if_true = nextop == Some(P(Pseudo::PopJumpIfTrue));
                        let instrs = &mut self.blocks[b].instrs;
                        instrs[i].op = R(Opcode::Nop);
                        if is_true == jump_if_true {
                            instrs[i + 1].op = P(Pseudo::Jump);
                            self.blocks[b].nofallthrough = true;
                        } else {
                            instrs[i + 1].op = R(Opcode::Nop);
                        }
                    }
                    Some(R(Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop)) => {
                        let is_true = truthy(consts.get(inst.arg));
                        let jump_if_true = nextop == Some(R(Opcode::JumpIfTrueOrPop));
                        let instrs = &mut self.blocks[b].instrs;
                        if is_true == jump_if_true {
                            instrs[i + 1].op = P(Pseudo::Jump);
                            self.blocks[b].nofallthrough = true;
                        } else {
                            instrs[i].op = R(Opcode::Nop);
                            instrs[i + 1].op = R(Opcode::Nop);
                        }
                    }
                    Some(R(Opcode::IsOp)) => {
                        let jump_op = self.blocks[b].instrs.get(i + 2).map(|x| x.op);
                        if matches!(consts.get(inst.arg), Value::None)
                            && matches!(
                                jump_op,
                                Some(P(Pseudo::PopJumpIfFalse | Pseudo::PopJumpIfTrue))
                            )
                        {
                            let instrs = &mut self.blocks[b].instrs;
                            let nextarg = instrs[i + 1].arg & 0xFF;
                            instrs[i].op = R(Opcode::Nop);
                            instrs[i + 1].op = R(Opcode::Nop);
                            let invert =
                                (nextarg != 0) ^ (jump_op == Some(P(Pseudo::PopJumpIfFalse)));
                            instrs[i + 2].op = if invert {
                                P(Pseudo::PopJumpIfNotNone)
                            } else {
                                P(Pseudo::PopJumpIfNone)
                            };
                        }
                    }
                    _ => {}
                },
                R(Opcode::BuildTuple) => {
                    let oparg = inst.arg as usize;
                    if nextop == Some(R(Opcode::UnpackSequence))
                        && self.blocks[b].instrs[i + 1].arg == inst.arg
                    {
                        match oparg {
                            1 => {
                                self.blocks[b].instrs[i].op = R(Opcode::Nop);
                                self.blocks[b].instrs[i + 1].op = R(Opcode::Nop);
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                self.blocks[b].instrs[i].op = R(Opcode::Nop);
                                self.blocks[b].instrs[i + 1].op = R(Opcode::Swap);
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    if i >= oparg {
                        self.fold_tuple_on_constants(b, i - oparg, oparg, consts);
                    }
                }
                R(Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop) => {
                    // x: JUMP_IF_FALSE_OR_POP y; y: POP_JUMP_IF_FALSE z  -->  x jumps to z;
                    // y testing the opposite way  -->  x: POP_JUMP_IF_FALSE to y's successor.
                    let on_false = inst.op == R(Opcode::JumpIfFalseOrPop);
                    let (same_pop, opposite_pop) = if on_false {
                        (P(Pseudo::PopJumpIfFalse), P(Pseudo::PopJumpIfTrue))
                    } else {
                        (P(Pseudo::PopJumpIfTrue), P(Pseudo::PopJumpIfFalse))
                    };
                    let opposite_keep = if on_false {
                        R(Opcode::JumpIfTrueOrPop)
                    } else {
                        R(Opcode::JumpIfFalseOrPop)
                    };
                    if target.op == same_pop {
                        if self.jump_thread(b, i, target, same_pop) {
                            continue;
                        }
                    } else if target.op == P(Pseudo::Jump) || target.op == inst.op {
                        if self.jump_thread(b, i, target, inst.op) {
                            continue;
                        }
                    } else if (target.op == opposite_keep || target.op == opposite_pop)
                        && inst.loc.line == target.loc.line
                    {
                        let t = inst.target.expect("target");
                        let after = self.blocks[t].next.expect("next block");
                        let ins = &mut self.blocks[b].instrs[i];
                        ins.op = same_pop;
                        ins.target = Some(after);
                        continue;
                    }
                }
                P(Pseudo::PopJumpIfNotNone | Pseudo::PopJumpIfNone)
                | P(Pseudo::PopJumpIfFalse)
                | P(Pseudo::PopJumpIfTrue)
                | P(Pseudo::Jump)
                    if target.op == P(Pseudo::Jump) && self.jump_thread(b, i, target, inst.op) =>
                {
                    continue;
                }
                R(Opcode::Swap) => {
                    if inst.arg == 1 {
                        self.blocks[b].instrs[i].op = R(Opcode::Nop);
                    } else {
                        i = swaptimize(&mut self.blocks[b].instrs, i);
                        apply_static_swaps(&mut self.blocks[b].instrs, i);
                    }
                }
                R(Opcode::PushNull) => {
                    if let Some(next) = self.blocks[b].instrs.get(i + 1)
                        && next.op == R(Opcode::LoadGlobal)
                        && next.arg & 1 == 0
                    {
                        let instrs = &mut self.blocks[b].instrs;
                        instrs[i].op = R(Opcode::Nop);
                        instrs[i].arg = 0;
                        instrs[i + 1].arg |= 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// `fold_tuple_on_constants`: `LOAD_CONST`×n + `BUILD_TUPLE n` → one `LOAD_CONST`.
    fn fold_tuple_on_constants(
        &mut self,
        b: BlockId,
        start: usize,
        n: usize,
        consts: &mut ConstPool,
    ) {
        let instrs = &mut self.blocks[b].instrs;
        if !instrs[start..start + n]
            .iter()
            .all(|x| has_const(x.op) && x.real() == Some(Opcode::LoadConst))
        {
            return;
        }
        let items: Vec<Value> = instrs[start..start + n]
            .iter()
            .map(|x| consts.get(x.arg).clone())
            .collect();
        let index = consts.add_folded(Value::Tuple(items.into()));
        for x in &mut instrs[start..start + n] {
            x.op = Op::Real(Opcode::Nop);
        }
        instrs[start + n].op = Op::Real(Opcode::LoadConst);
        instrs[start + n].arg = index;
    }

    fn is_exit_without_lineno(&self, b: BlockId) -> bool {
        self.blocks[b].exit && self.blocks[b].instrs.iter().all(|i| i.loc.line < 0)
    }

    /// `duplicate_exits_without_lineno`.
    pub fn duplicate_exits_without_lineno(&mut self) {
        for b in (0..self.blocks.len()).rev() {
            let Some(last) = self.blocks[b].last().copied() else {
                continue;
            };
            if !last.op.is_jump() {
                continue;
            }
            let target = last.target.expect("target");
            if self.is_exit_without_lineno(target) && self.blocks[target].predecessors > 1 {
                let copy = self.new_block();
                let mut instrs = self.blocks[target].instrs.clone();
                copy_loc(&last, &mut instrs[0]);
                self.blocks[copy].instrs = instrs;
                self.blocks[copy].exit = self.blocks[target].exit;
                self.blocks[copy].nofallthrough = true;
                self.blocks[b].instrs.last_mut().expect("last").target = Some(copy);
                self.blocks[target].predecessors -= 1;
                self.blocks[copy].predecessors = 1;
                self.blocks[copy].next = self.blocks[target].next;
                self.blocks[target].next = Some(copy);
            }
        }
        for b in (0..self.blocks.len()).rev() {
            while let Some(n) = self.blocks[b].next
                && self.blocks[n].instrs.is_empty()
            {
                self.blocks[b].next = self.blocks[n].next;
            }
        }
        for b in (0..self.blocks.len()).rev() {
            if !self.blocks[b].nofallthrough
                && let Some(next) = self.blocks[b].next
                && let Some(&last) = self.blocks[b].last()
                && self.is_exit_without_lineno(next)
            {
                copy_loc(&last, &mut self.blocks[next].instrs[0]);
            }
        }
    }

    /// `trim_unused_consts`: drop constants after the last one used.
    pub fn trim_unused_consts(&self, consts: &mut ConstPool) {
        let mut max = 0;
        for b in self.order() {
            for i in &self.blocks[b].instrs {
                if matches!(i.real(), Some(Opcode::LoadConst | Opcode::KwNames)) && i.arg > max {
                    max = i.arg;
                }
            }
        }
        consts.truncate(max as usize + 1);
    }

    /// `propagate_line_numbers`.
    pub fn propagate_line_numbers(&mut self) {
        for b in self.order() {
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = Location::NONE;
            for instr in &mut self.blocks[b].instrs {
                if instr.loc.line < 0 {
                    instr.loc = prev;
                } else {
                    prev = instr.loc;
                }
            }
            if !self.blocks[b].nofallthrough
                && let Some(next) = self.blocks[b].next
                && self.blocks[next].predecessors == 1
                && self.blocks[next].instrs[0].loc.line < 0
            {
                self.blocks[next].instrs[0].loc = prev;
            }
            let last = *self.blocks[b].last().expect("non-empty");
            if last.op.is_jump() {
                let t = last.target.expect("target");
                if self.blocks[t].predecessors == 1 && self.blocks[t].instrs[0].loc.line < 0 {
                    self.blocks[t].instrs[0].loc = prev;
                }
            }
        }
    }

    /// `guarantee_lineno_for_exits`.
    pub fn guarantee_lineno_for_exits(&mut self, firstlineno: i32) {
        let mut lineno = firstlineno;
        for b in self.order() {
            let Some(last) = self.blocks[b].last().copied() else {
                continue;
            };
            if last.loc.line < 0 {
                if last.real() == Some(Opcode::ReturnValue) {
                    for i in &mut self.blocks[b].instrs {
                        i.loc.line = lineno;
                    }
                }
            } else {
                lineno = last.loc.line;
            }
        }
    }

    /// `stackdepth`: the largest stack any path needs.
    pub fn stackdepth(&mut self, generator: bool) -> u32 {
        for b in &mut self.blocks {
            b.startdepth = i32::MIN;
        }
        let mut stack = Vec::new();
        let mut maxdepth = 0;
        let push = |blocks: &mut Vec<Block>, stack: &mut Vec<BlockId>, b: BlockId, depth: i32| {
            if blocks[b].startdepth < depth && blocks[b].startdepth < 100 {
                blocks[b].startdepth = depth;
                stack.push(b);
            }
        };
        push(&mut self.blocks, &mut stack, ENTRY, generator as i32);
        while let Some(b) = stack.pop() {
            let mut depth = self.blocks[b].startdepth;
            let mut next = self.blocks[b].next;
            for i in 0..self.blocks[b].instrs.len() {
                let instr = self.blocks[b].instrs[i];
                let new_depth = depth + instr.op.stack_effect(instr.arg, false);
                maxdepth = maxdepth.max(new_depth);
                if instr.op.is_jump() || instr.op.is_block_push() {
                    let target_depth = depth + instr.op.stack_effect(instr.arg, true);
                    maxdepth = maxdepth.max(target_depth);
                    push(
                        &mut self.blocks,
                        &mut stack,
                        instr.target.expect("target"),
                        target_depth,
                    );
                }
                depth = new_depth;
                if matches!(instr.op, Op::Pseudo(Pseudo::Jump | Pseudo::JumpNoInterrupt))
                    || instr.op.is_scope_exit()
                {
                    next = None;
                    break;
                }
            }
            if let Some(n) = next {
                push(&mut self.blocks, &mut stack, n, depth);
            }
        }
        maxdepth.max(0) as u32
    }

    /// `label_exception_targets`: record the handler in force at every instruction.
    pub fn label_exception_targets(&mut self) {
        for b in &mut self.blocks {
            b.visited = false;
        }
        let mut todo = vec![ENTRY];
        self.blocks[ENTRY].visited = true;
        self.blocks[ENTRY].exceptstack = Some(vec![None]);
        while let Some(b) = todo.pop() {
            let mut stack = self.blocks[b].exceptstack.take();
            let mut handler = stack.as_ref().and_then(|s| *s.last().expect("base entry"));
            for i in 0..self.blocks[b].instrs.len() {
                let instr = self.blocks[b].instrs[i];
                let s = stack.as_mut().expect("except stack");
                if instr.op.is_block_push() {
                    let t = instr.target.expect("target");
                    if !self.blocks[t].visited {
                        self.blocks[t].exceptstack = Some(s.clone());
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                    if matches!(
                        instr.op,
                        Op::Pseudo(Pseudo::SetupWith | Pseudo::SetupCleanup)
                    ) {
                        self.blocks[t].preserve_lasti = true;
                    }
                    s.push(Some(t));
                    handler = Some(t);
                } else if instr.op == Op::Pseudo(Pseudo::PopBlock) {
                    s.pop();
                    handler = *s.last().expect("base entry");
                } else if instr.op.is_jump() {
                    self.blocks[b].instrs[i].except = handler;
                    let t = instr.target.expect("target");
                    if !self.blocks[t].visited {
                        if !self.blocks[b].nofallthrough {
                            self.blocks[t].exceptstack = Some(s.clone());
                        } else {
                            self.blocks[t].exceptstack = stack.take();
                        }
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                } else {
                    self.blocks[b].instrs[i].except = handler;
                }
            }
            if !self.blocks[b].nofallthrough
                && let Some(next) = self.blocks[b].next
                && !self.blocks[next].visited
            {
                self.blocks[next].exceptstack = stack;
                self.blocks[next].visited = true;
                todo.push(next);
            }
        }
    }

    /// `convert_exception_handlers_to_nops`, then `clean_basic_block` on every block.
    pub fn remove_block_pseudo_ops(&mut self) {
        for b in self.order() {
            for i in &mut self.blocks[b].instrs {
                if i.op.is_block_push() || i.op == Op::Pseudo(Pseudo::PopBlock) {
                    i.op = Op::Real(Opcode::Nop);
                }
            }
        }
        for b in self.order() {
            self.clean_block(b);
        }
    }

    /// `normalize_jumps`: pick the forward or backward form of each jump.
    pub fn normalize_jumps(&mut self) {
        for b in &mut self.blocks {
            b.visited = false;
        }
        for b in self.order() {
            self.blocks[b].visited = true;
            let Some(last) = self.blocks[b].last().copied() else {
                continue;
            };
            let Op::Pseudo(p) = last.op else { continue };
            let forward = !self.blocks[last.target.expect("target")].visited;
            let op = match (p, forward) {
                (Pseudo::Jump, true) | (Pseudo::JumpNoInterrupt, true) => Opcode::JumpForward,
                (Pseudo::Jump, false) => Opcode::JumpBackward,
                (Pseudo::JumpNoInterrupt, false) => Opcode::JumpBackwardNoInterrupt,
                (Pseudo::PopJumpIfNotNone, true) => Opcode::PopJumpForwardIfNotNone,
                (Pseudo::PopJumpIfNotNone, false) => Opcode::PopJumpBackwardIfNotNone,
                (Pseudo::PopJumpIfNone, true) => Opcode::PopJumpForwardIfNone,
                (Pseudo::PopJumpIfNone, false) => Opcode::PopJumpBackwardIfNone,
                (Pseudo::PopJumpIfFalse, true) => Opcode::PopJumpForwardIfFalse,
                (Pseudo::PopJumpIfFalse, false) => Opcode::PopJumpBackwardIfFalse,
                (Pseudo::PopJumpIfTrue, true) => Opcode::PopJumpForwardIfTrue,
                (Pseudo::PopJumpIfTrue, false) => Opcode::PopJumpBackwardIfTrue,
                _ => continue,
            };
            self.blocks[b].instrs.last_mut().expect("last").op = Op::Real(op);
        }
    }

    /// `assemble_jump_offsets`: block offsets and jump arguments, repeated until the
    /// EXTENDED_ARG prefixes they need stop changing.
    pub fn assemble_jump_offsets(&mut self) {
        let order = self.order();
        loop {
            let mut total = 0;
            for &b in &order {
                self.blocks[b].offset = total;
                total += self.blocks[b].instrs.iter().map(Instr::size).sum::<u32>();
            }
            let mut changed = false;
            for &b in &order {
                let mut pos = self.blocks[b].offset;
                for i in 0..self.blocks[b].instrs.len() {
                    let instr = self.blocks[b].instrs[i];
                    let size = instr.size();
                    pos += size;
                    if instr.op.is_jump() {
                        let target = self.blocks[instr.target.expect("target")].offset;
                        let arg = target.abs_diff(pos);
                        let ins = &mut self.blocks[b].instrs[i];
                        ins.arg = arg;
                        if ins.size() != size {
                            changed = true;
                        }
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::None | Value::False => false,
        Value::True | Value::Ellipsis | Value::StopIteration | Value::Code(_) => true,
        Value::Int(n) => *n != 0,
        Value::Long(_) => true,
        Value::Float(x) => *x != 0.0,
        Value::Complex(re, im) => *re != 0.0 || *im != 0.0,
        Value::Str(s) => !s.as_wtf8().is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::Tuple(t) | Value::List(t) | Value::Set(t) | Value::FrozenSet(t) => !t.is_empty(),
        Value::Dict(d) => !d.is_empty(),
    }
}

/// `swaptimize`: replace a run of SWAPs and NOPs starting at `ix` with an optimal one.
/// Returns the index of the run's last instruction.
fn swaptimize(instrs: &mut [Instr], ix: usize) -> usize {
    let mut depth = instrs[ix].arg as usize;
    let mut len = 1;
    let mut more = false;
    while ix + len < instrs.len() {
        match instrs[ix + len].real() {
            Some(Opcode::Swap) => {
                depth = depth.max(instrs[ix + len].arg as usize);
                more = true;
            }
            Some(Opcode::Nop) => {}
            _ => break,
        }
        len += 1;
    }
    if !more {
        return ix;
    }
    const VISITED: isize = -1;
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for k in 0..len {
        if instrs[ix + k].real() == Some(Opcode::Swap) {
            let oparg = instrs[ix + k].arg as usize;
            stack.swap(0, oparg - 1);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as isize {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                let ins = &mut instrs[ix + current as usize];
                ins.op = Op::Real(Opcode::Swap);
                ins.arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next = stack[j] as usize;
            stack[j] = VISITED;
            j = next;
        }
    }
    while current >= 0 {
        instrs[ix + current as usize].op = Op::Real(Opcode::Nop);
        current -= 1;
    }
    ix + len - 1
}

fn swappable(op: Op) -> bool {
    matches!(op, Op::Real(Opcode::StoreFast | Opcode::PopTop))
}

fn next_swappable(instrs: &[Instr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        let ins = instrs.get(i)?;
        if lineno >= 0 && ins.loc.line != lineno {
            return None;
        }
        if ins.real() == Some(Opcode::Nop) {
            continue;
        }
        return swappable(ins.op).then_some(i);
    }
}

/// `apply_static_swaps`: swap instructions instead of stack items where possible.
fn apply_static_swaps(instrs: &mut [Instr], i: usize) {
    let mut i = i as isize;
    while i >= 0 {
        let iu = i as usize;
        let swap = instrs[iu];
        if swap.real() != Some(Opcode::Swap) {
            if swap.real() == Some(Opcode::Nop) || swappable(swap.op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, iu, -1) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.line;
        for _ in 1..swap.arg {
            match next_swappable(instrs, k, lineno) {
                Some(n) => k = n,
                None => return,
            }
        }
        // Not when the two stores, or one of them and a store between them, bind the same
        // local: the last binding would change (`a, a = x, y`; CPython 3.11.4+).
        let (store_j, store_k) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            if instrs[j + 1..k]
                .iter()
                .filter_map(stores_to)
                .any(|s| Some(s) == store_j || Some(s) == store_k)
            {
                return;
            }
        }
        instrs[iu].op = Op::Real(Opcode::Nop);
        instrs.swap(j, k);
        i -= 1;
    }
}

/// `STORES_TO`: the local a `STORE_FAST` binds.
fn stores_to(ins: &Instr) -> Option<u32> {
    (ins.real() == Some(Opcode::StoreFast)).then_some(ins.arg)
}
