//! Code generation for `match` statements (PEP 634).
//! Counterpart: `compiler_match` and the `compiler_pattern_*` / `pattern_helper_*` routines of
//! Python/compile.c (3.11). As there, every pattern routine consumes the subject on top of the
//! stack and jumps to a "fail_pop" block on failure; `on_top` counts the items to pop then, and
//! captured names are kept on the stack (below those items) until the whole pattern matched.

use rpy_marshal::Value;
use rpy_marshal::opcode::Opcode;
use rustpython_parser::ast::{self, Expr, Pattern, Ranged};

use super::{Compiler, JUMP, const_expr_value};
use crate::error::CompileResult;
use crate::ir::{BlockId, Pseudo};

#[derive(Clone, Default)]
struct PatternContext {
    /// Names bound so far, in the order their values sit on the stack.
    stores: Vec<String>,
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops n items and falls into `fail_pop[n - 1]`.
    fail_pop: Vec<BlockId>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// Equality of constant keys as Python's `==` sees it for the duplicate-key check.
fn keys_equal(a: &Value, b: &Value) -> bool {
    let num = |v: &Value| match v {
        Value::True => Some(1.0),
        Value::False => Some(0.0),
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

impl Compiler<'_> {
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Pseudo) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_next_block(pc.fail_pop[i]);
            self.emit(Opcode::PopTop, 0);
        }
        self.use_next_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn pattern_rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::Swap, count as u32);
            count -= 1;
        }
    }

    fn pattern_store_name(
        &mut self,
        name: Option<&str>,
        pc: &mut PatternContext,
    ) -> CompileResult<()> {
        let Some(name) = name else {
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        };
        if name == "__debug__" {
            return Err(self.error("cannot assign to __debug__"));
        }
        if pc.stores.iter().any(|s| s == name) {
            return Err(self.error(format!("multiple assignments to name '{name}' in pattern")));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_rotate(rotations);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn pattern_unpack(&mut self, elts: &[Pattern]) -> CompileResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Pattern::MatchStar(_)) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in sequence pattern"));
                }
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(
                        self.error("too many expressions in star-unpacking sequence pattern")
                    );
                }
                self.emit(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UnpackSequence, n as u32);
        }
        Ok(())
    }

    fn pattern_sequence_unpack(
        &mut self,
        patterns: &[Pattern],
        pc: &mut PatternContext,
    ) -> CompileResult<()> {
        self.pattern_unpack(patterns)?;
        pc.on_top += patterns.len();
        for p in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_sequence_subscr(
        &mut self,
        patterns: &[Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> CompileResult<()> {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(Opcode::Copy, 1);
            if i < star {
                self.load_const(Value::Int(i as i64));
            } else {
                self.emit(Opcode::GetLen, 0);
                self.load_const(Value::Int((size - i) as i64));
                self.emit(
                    Opcode::BinaryOp,
                    super::expr::binop_arg(&ast::Operator::Sub, false),
                );
            }
            self.emit(Opcode::BinarySubscr, 0);
            self.pattern_subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    fn pattern_subpattern(&mut self, p: &Pattern, pc: &mut PatternContext) -> CompileResult<()> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern, pc: &mut PatternContext) -> CompileResult<()> {
        self.recurse(|c| {
            c.set_loc(p.range());
            c.pattern_inner(p, pc)
        })
    }

    fn pattern_inner(&mut self, p: &Pattern, pc: &mut PatternContext) -> CompileResult<()> {
        match p {
            Pattern::MatchValue(v) => {
                if !matches!(&*v.value, Expr::Constant(_) | Expr::Attribute(_)) {
                    return Err(
                        self.error("patterns may only match literals and attribute lookups")
                    );
                }
                self.expr(&v.value)?;
                self.emit(Opcode::CompareOp, 2);
                self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(super::constant_value(&s.value));
                self.emit(Opcode::IsOp, 0);
                self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(p, c, pc)?,
            Pattern::MatchStar(s) => self.pattern_store_name(s.name.as_deref(), pc)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match &a.name {
                            Some(n) => self.error(format!(
                                "name capture '{n}' makes remaining patterns unreachable"
                            )),
                            None => self.error("wildcard makes remaining patterns unreachable"),
                        });
                    }
                    self.pattern_store_name(a.name.as_deref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::Copy, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store_name(a.name.as_deref(), pc)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(&o.patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        patterns: &[Pattern],
        pc: &mut PatternContext,
    ) -> CompileResult<()> {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Opcode::MatchSequence, 0);
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Opcode::GetLen, 0);
                self.load_const(Value::Int(size as i64));
                self.emit(Opcode::CompareOp, 2);
                self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GetLen, 0);
                self.load_const(Value::Int(size as i64 - 1));
                self.emit(Opcode::CompareOp, 5);
                self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::PopTop, 0);
        } else if star_wildcard {
            self.pattern_sequence_subscr(patterns, star.expect("star"), pc)?;
        } else {
            self.pattern_sequence_unpack(patterns, pc)?;
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        m: &ast::PatternMatchMapping,
        pc: &mut PatternContext,
    ) -> CompileResult<()> {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return Err(self.error(format!(
                "keys ({size}) / patterns ({}) length mismatch in mapping pattern",
                m.patterns.len()
            )));
        }
        pc.on_top += 1;
        self.emit(Opcode::MatchMapping, 0);
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GetLen, 0);
            self.load_const(Value::Int(size as i64));
            self.emit(Opcode::CompareOp, 5);
            self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        }
        let mut seen: Vec<Value> = Vec::new();
        for key in &m.keys {
            match key {
                Expr::Constant(c) => {
                    let v = const_expr_value(c);
                    if seen.iter().any(|s| keys_equal(s, &v)) {
                        return Err(self.error(format!(
                            "mapping pattern checks duplicate key ({})",
                            rpy_marshal::repr::repr(&v)
                        )));
                    }
                    seen.push(v);
                }
                Expr::Attribute(_) => {}
                _ => {
                    return Err(self.error(
                        "mapping pattern keys may only match literals and attribute lookups",
                    ));
                }
            }
            self.expr(key)?;
        }
        self.emit(Opcode::BuildTuple, size as u32);
        self.emit(Opcode::MatchKeys, 0);
        pc.on_top += 2;
        self.emit(Opcode::Copy, 1);
        self.load_const(Value::None);
        self.emit(Opcode::IsOp, 1);
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        self.emit(Opcode::UnpackSequence, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            self.emit(Opcode::BuildMap, 0);
            self.emit(Opcode::Swap, 3);
            self.emit(Opcode::DictUpdate, 2);
            self.emit(Opcode::UnpackSequence, size as u32);
            let mut remaining = size;
            while remaining > 0 {
                self.emit(Opcode::Copy, 1 + remaining as u32);
                remaining -= 1;
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::DeleteSubscr, 0);
            }
            self.pattern_store_name(Some(rest), pc)?;
        } else {
            self.emit(Opcode::PopTop, 0);
            self.emit(Opcode::PopTop, 0);
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        p: &Pattern,
        c: &ast::PatternMatchClass,
        pc: &mut PatternContext,
    ) -> CompileResult<()> {
        let nargs = c.patterns.len();
        let nattrs = c.kwd_attrs.len();
        if nattrs != c.kwd_patterns.len() {
            return Err(self.error(format!(
                "kwd_attrs ({nattrs}) / kwd_patterns ({}) length mismatch in class pattern",
                c.kwd_patterns.len()
            )));
        }
        if nattrs > 0 {
            for (i, attr) in c.kwd_attrs.iter().enumerate() {
                self.set_loc(c.kwd_patterns[i].range());
                if attr.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__"));
                }
                for (j, other) in c.kwd_attrs.iter().enumerate().skip(i + 1) {
                    if other == attr {
                        self.set_loc(c.kwd_patterns[j].range());
                        return Err(
                            self.error(format!("attribute name repeated in class pattern: {attr}"))
                        );
                    }
                }
            }
            self.set_loc(p.range());
        }
        self.expr(&c.cls)?;
        let names: Vec<Value> = c
            .kwd_attrs
            .iter()
            .map(|a| Value::Str(rpy_marshal::PyStr::interned(a)))
            .collect();
        self.load_const(Value::Tuple(names.into()));
        self.emit(Opcode::MatchClass, nargs as u32);
        self.emit(Opcode::Copy, 1);
        self.load_const(Value::None);
        self.emit(Opcode::IsOp, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        self.emit(Opcode::UnpackSequence, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for sub in c.patterns.iter().chain(&c.kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(sub) {
                self.emit(Opcode::PopTop, 0);
                continue;
            }
            self.pattern_subpattern(sub, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, alts: &[Pattern], pc: &mut PatternContext) -> CompileResult<()> {
        let end = self.new_block();
        let old = std::mem::take(pc);
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.range());
            *pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: i == alts.len() - 1 && old.allow_irrefutable,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.emit(Opcode::Copy, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self.error("alternative patterns bind different names"));
                }
                Some(ctl) => {
                    let ctl = ctl.clone();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.pattern_rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(JUMP, end);
            self.emit_and_reset_fail_pop(pc);
        }
        *pc = old;
        self.emit(Opcode::PopTop, 0);
        self.jump_to_fail_pop(pc, JUMP);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(format!("multiple assignments to name '{name}' in pattern")));
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    /// `compiler_match`.
    pub fn match_(&mut self, m: &ast::StmtMatch) -> CompileResult<()> {
        self.expr(&m.subject)?;
        let end = self.new_block();
        let cases = m.cases.len();
        let has_default = cases > 1 && is_wildcard(&m.cases[cases - 1].pattern);
        let mut pc = PatternContext::default();
        for (i, case) in m.cases[..cases - usize::from(has_default)]
            .iter()
            .enumerate()
        {
            self.set_loc(case.pattern.range());
            let last = i == cases - usize::from(has_default) - 1;
            if !last {
                self.emit(Opcode::Copy, 1);
            }
            pc.stores.clear();
            pc.allow_irrefutable = case.guard.is_some() || i == cases - 1;
            pc.fail_pop.clear();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.nameop(&name, &ast::ExprContext::Store)?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if !last {
                self.emit(Opcode::PopTop, 0);
            }
            for s in &case.body {
                self.stmt(s)?;
            }
            // Artificial, as in CPython 3.11.4+ (gh-103971): it takes the location of what
            // precedes it, never the last statement's (which may be unreachable code).
            self.jump_noline(JUMP, end);
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let case = &m.cases[cases - 1];
            self.set_loc(case.pattern.range());
            if cases == 1 {
                self.emit(Opcode::PopTop, 0);
            } else {
                self.emit(Opcode::Nop, 0);
            }
            if let Some(g) = &case.guard {
                self.jump_if(g, end, false)?;
            }
            for s in &case.body {
                self.stmt(s)?;
            }
        }
        self.use_next_block(end);
        Ok(())
    }
}
