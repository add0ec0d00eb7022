//! Code generation for expressions. Counterpart: `compiler_visit_expr1` and the expression
//! helpers of Python/compile.c (3.11).

use rpy_marshal::opcode::Opcode;
use rpy_marshal::{PyStr, Value};
use rustpython_parser::ast::Ranged;
use rustpython_parser::ast::{self, BoolOp, CmpOp, Expr, Operator, UnaryOp};

use super::{Compiler, JUMP, STACK_USE_GUIDELINE, ScopeType, const_expr_value};
use crate::error::CompileResult;
use crate::ir::{BlockId, Pseudo};
use crate::symtable::{BlockType, flag};

/// `infer_type`: the type an expression certainly has, by its form alone.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::GeneratorExp(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "str",
        Expr::Constant(c) => match (&c.value, c.kind.as_deref()) {
            (_, Some(crate::ast_opt::FROZENSET_MARK)) => "frozenset",
            (ast::Constant::None, _) => "NoneType",
            (ast::Constant::Bool(_), _) => "bool",
            (ast::Constant::Str(_), _) => "str",
            (ast::Constant::Bytes(_), _) => "bytes",
            (ast::Constant::Int(_), _) => "int",
            (ast::Constant::Tuple(_), _) => "tuple",
            (ast::Constant::Float(_), _) => "float",
            (ast::Constant::Complex { .. }, _) => "complex",
            (ast::Constant::Ellipsis, _) => "ellipsis",
        },
        _ => return None,
    })
}

/// `check_is_arg`: false for a constant other than None, True, False and `...`.
fn is_arg(e: &Expr) -> bool {
    match e {
        Expr::Constant(c) => {
            c.kind.is_none()
                && matches!(
                    c.value,
                    ast::Constant::None | ast::Constant::Bool(_) | ast::Constant::Ellipsis
                )
        }
        _ => true,
    }
}

/// `NB_*` argument of BINARY_OP.
pub fn binop_arg(op: &Operator, inplace: bool) -> u32 {
    let base = match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    };
    if inplace { base + 13 } else { base }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    Generator,
    List,
    Set,
    Dict,
}

fn is_const(e: &Expr) -> bool {
    matches!(e, Expr::Constant(_))
}

impl Compiler<'_> {
    /// `compiler_visit_expr`: sets the location for the node, restores it afterwards.
    pub fn expr(&mut self, e: &Expr) -> CompileResult<()> {
        self.recurse(|c| {
            let saved = c.ur().loc;
            match e {
                Expr::Constant(k)
                    if k.kind.as_deref() == Some(crate::ast_opt::NO_LOCATION_MARK) =>
                {
                    c.unset_loc();
                }
                _ => c.set_loc(e.range()),
            }
            let r = c.expr_inner(e);
            c.u().loc = saved;
            r
        })
    }

    fn expr_inner(&mut self, e: &Expr) -> CompileResult<()> {
        match e {
            Expr::NamedExpr(n) => {
                self.expr(&n.value)?;
                self.emit(Opcode::Copy, 1);
                self.expr(&n.target)?;
            }
            Expr::BoolOp(b) => self.boolop(b)?,
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Opcode::BinaryOp, binop_arg(&b.op, false));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    UnaryOp::Invert => Opcode::UnaryInvert,
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::UAdd => Opcode::UnaryPositive,
                    UnaryOp::USub => Opcode::UnaryNegative,
                };
                self.emit(op, 0);
            }
            Expr::Lambda(l) => self.lambda(e, l)?,
            Expr::IfExp(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false)?;
                self.expr(&i.body)?;
                self.jump_noline(JUMP, end);
                self.use_next_block(next);
                self.expr(&i.orelse)?;
                self.use_next_block(end);
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::Set(s) => self.starunpack(
                &s.elts,
                0,
                Opcode::BuildSet,
                Opcode::SetAdd,
                Opcode::SetUpdate,
                false,
            )?,
            Expr::GeneratorExp(g) => self.comprehension(
                e,
                CompKind::Generator,
                "<genexpr>",
                &g.generators,
                &g.elt,
                None,
            )?,
            Expr::ListComp(g) => {
                self.comprehension(e, CompKind::List, "<listcomp>", &g.generators, &g.elt, None)?
            }
            Expr::SetComp(g) => {
                self.comprehension(e, CompKind::Set, "<setcomp>", &g.generators, &g.elt, None)?
            }
            Expr::DictComp(g) => self.comprehension(
                e,
                CompKind::Dict,
                "<dictcomp>",
                &g.generators,
                &g.key,
                Some(&g.value),
            )?,
            Expr::Yield(y) => {
                if self.st.scopes[self.ur().scope].typ != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.add_yield();
            }
            Expr::YieldFrom(y) => {
                if self.st.scopes[self.ur().scope].typ != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                if self.ur().scope_type == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.expr(&y.value)?;
                self.emit(Opcode::GetYieldFromIter, 0);
                self.load_const(Value::None);
                self.yield_from(false);
            }
            Expr::Await(a) => {
                if self.st.scopes[self.ur().scope].typ != BlockType::Function {
                    return Err(self.error("'await' outside function"));
                }
                if !matches!(
                    self.ur().scope_type,
                    ScopeType::AsyncFunction | ScopeType::Comprehension
                ) {
                    return Err(self.error("'await' outside async function"));
                }
                self.expr(&a.value)?;
                self.emit(Opcode::GetAwaitable, 0);
                self.load_const(Value::None);
                self.yield_from(true);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::Constant(c) => self.load_const(const_expr_value(c)),
            Expr::JoinedStr(j) => {
                if j.values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Value::Str(PyStr::new("")));
                    self.emit_name(Opcode::LoadMethod, "join");
                    self.emit(Opcode::BuildList, 0);
                    for v in &j.values {
                        self.expr(v)?;
                        self.emit(Opcode::ListAppend, 1);
                    }
                    self.emit(Opcode::Precall, 1);
                    self.emit(Opcode::Call, 1);
                } else {
                    for v in &j.values {
                        self.expr(v)?;
                    }
                    if j.values.len() != 1 {
                        self.emit(Opcode::BuildString, j.values.len() as u32);
                    }
                }
            }
            Expr::FormattedValue(f) => {
                self.expr(&f.value)?;
                let mut oparg = match f.conversion {
                    ast::ConversionFlag::None => 0,
                    ast::ConversionFlag::Str => 1,
                    ast::ConversionFlag::Repr => 2,
                    ast::ConversionFlag::Ascii => 3,
                };
                if let Some(spec) = &f.format_spec {
                    self.expr(spec)?;
                    oparg |= 4;
                }
                self.emit(Opcode::FormatValue, oparg);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.update_start_location_to_match_attr(a);
                match a.ctx {
                    ast::ExprContext::Load => self.emit_name(Opcode::LoadAttr, &a.attr),
                    ast::ExprContext::Store => {
                        if a.attr.as_str() == "__debug__" {
                            return Err(self.error("cannot assign to __debug__"));
                        }
                        self.emit_name(Opcode::StoreAttr, &a.attr)
                    }
                    ast::ExprContext::Del => self.emit_name(Opcode::DeleteAttr, &a.attr),
                }
            }
            Expr::Subscript(s) => {
                if matches!(s.ctx, ast::ExprContext::Load) {
                    self.check_subscript(&s.value, &s.slice);
                }
                let op = match s.ctx {
                    ast::ExprContext::Load => Opcode::BinarySubscr,
                    ast::ExprContext::Store => Opcode::StoreSubscr,
                    ast::ExprContext::Del => Opcode::DeleteSubscr,
                };
                self.expr(&s.value)?;
                if let Expr::Starred(_) = &*s.slice {
                    // `x[*a]` (PEP 646): CPython's parser makes the slice a 1-tuple.
                    let saved = self.ur().loc;
                    self.set_loc(s.slice.range());
                    self.starunpack(
                        std::slice::from_ref(&*s.slice),
                        0,
                        Opcode::BuildList,
                        Opcode::ListAppend,
                        Opcode::ListExtend,
                        true,
                    )?;
                    self.u().loc = saved;
                } else {
                    self.expr(&s.slice)?;
                }
                self.emit(op, 0);
            }
            Expr::Starred(s) => {
                return Err(match s.ctx {
                    ast::ExprContext::Store => {
                        self.error("starred assignment target must be in a list or tuple")
                    }
                    _ => self.error("can't use starred expression here"),
                });
            }
            Expr::Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(l) => self.expr(l)?,
                    None => self.load_const(Value::None),
                }
                match &s.upper {
                    Some(u) => self.expr(u)?,
                    None => self.load_const(Value::None),
                }
                if let Some(st) = &s.step {
                    n += 1;
                    self.expr(st)?;
                }
                self.emit(Opcode::BuildSlice, n);
            }
            Expr::Name(n) => self.nameop(&n.id, &n.ctx)?,
            Expr::List(l) => match l.ctx {
                ast::ExprContext::Store => self.assignment_helper(&l.elts)?,
                ast::ExprContext::Load => self.starunpack(
                    &l.elts,
                    0,
                    Opcode::BuildList,
                    Opcode::ListAppend,
                    Opcode::ListExtend,
                    false,
                )?,
                ast::ExprContext::Del => l.elts.iter().try_for_each(|x| self.expr(x))?,
            },
            Expr::Tuple(t) => match t.ctx {
                ast::ExprContext::Store => self.assignment_helper(&t.elts)?,
                ast::ExprContext::Load => self.starunpack(
                    &t.elts,
                    0,
                    Opcode::BuildList,
                    Opcode::ListAppend,
                    Opcode::ListExtend,
                    true,
                )?,
                ast::ExprContext::Del => t.elts.iter().try_for_each(|x| self.expr(x))?,
            },
        }
        Ok(())
    }

    /// `check_subscripter` and `check_index`: subscripts that can only fail.
    fn check_subscript(&mut self, value: &Expr, index: &Expr) {
        let subscripter = match value {
            Expr::Constant(c) => {
                c.kind.as_deref() == Some(crate::ast_opt::FROZENSET_MARK)
                    || matches!(
                        c.value,
                        ast::Constant::None
                            | ast::Constant::Ellipsis
                            | ast::Constant::Int(_)
                            | ast::Constant::Bool(_)
                            | ast::Constant::Float(_)
                            | ast::Constant::Complex { .. }
                    )
            }
            Expr::Set(_) | Expr::SetComp(_) | Expr::GeneratorExp(_) | Expr::Lambda(_) => true,
            _ => false,
        };
        if subscripter {
            let ty = infer_type(value).unwrap_or("object");
            self.warn(format!(
                "'{ty}' object is not subscriptable; perhaps you missed a comma?"
            ));
            return;
        }
        let Some(index_type) = infer_type(index) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let sequence = match value {
            Expr::Constant(c) => {
                c.kind.is_none()
                    && matches!(
                        c.value,
                        ast::Constant::Str(_) | ast::Constant::Bytes(_) | ast::Constant::Tuple(_)
                    )
            }
            Expr::Tuple(_)
            | Expr::List(_)
            | Expr::ListComp(_)
            | Expr::JoinedStr(_)
            | Expr::FormattedValue(_) => true,
            _ => false,
        };
        if sequence {
            let ty = infer_type(value).unwrap_or("object");
            self.warn(format!(
                "{ty} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
            ));
        }
    }

    /// `ADDOP_YIELD`.
    fn add_yield(&mut self) {
        let ste = &self.st.scopes[self.ur().scope];
        if ste.generator && ste.coroutine {
            self.emit(Opcode::AsyncGenWrap, 0);
        }
        self.emit(Opcode::YieldValue, 0);
        self.emit(Opcode::Resume, 1);
    }

    /// `compiler_add_yield_from`.
    pub fn yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.jump(Opcode::Send, exit);
        self.use_next_block(resume);
        self.emit(Opcode::YieldValue, 0);
        self.emit(Opcode::Resume, if is_await { 3 } else { 2 });
        self.jump(Pseudo::JumpNoInterrupt, start);
        self.use_next_block(exit);
    }

    /// `update_start_location_to_match_attr`.
    pub fn update_start_location_to_match_attr(&mut self, attr: &ast::ExprAttribute) {
        let r = self.src(attr.range);
        let u = self.u();
        if u.loc.line != r.end_line {
            u.loc.line = r.end_line;
            let len = attr.attr.chars().count() as i32;
            if len <= r.end_col {
                u.loc.col = r.end_col - len;
            } else {
                u.loc.col = -1;
                u.loc.end_col = -1;
            }
            u.loc.end_line = u.loc.line.max(u.loc.end_line);
            if u.loc.line == u.loc.end_line {
                u.loc.end_col = u.loc.col.max(u.loc.end_col);
            }
        }
    }

    /// `compiler_jump_if`.
    pub fn jump_if(&mut self, e: &Expr, next: BlockId, cond: bool) -> CompileResult<()> {
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => {
                return self.jump_if(&u.operand, next, !cond);
            }
            Expr::BoolOp(b) => {
                let cond2 = b.op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                let n = b.values.len() - 1;
                for v in &b.values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&b.values[n], next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            Expr::IfExp(i) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, next, cond)?;
                self.jump_noline(JUMP, end);
                self.use_next_block(next2);
                self.jump_if(&i.orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            // CPython sets the comparison's location for the whole test and leaves it set:
            // the jump, and whatever follows until the next location, carry it.
            Expr::Compare(c) if c.ops.len() == 1 => self.set_loc(c.range),
            Expr::Compare(c) => {
                self.set_loc(c.range);
                self.check_compare(c);
                let cleanup = self.new_block();
                self.expr(&c.left)?;
                self.compare_chain(c, Pseudo::PopJumpIfFalse.into(), cleanup)?;
                self.jump(
                    if cond {
                        Pseudo::PopJumpIfTrue
                    } else {
                        Pseudo::PopJumpIfFalse
                    },
                    next,
                );
                let end = self.new_block();
                self.jump_noline(JUMP, end);
                self.use_next_block(cleanup);
                self.emit(Opcode::PopTop, 0);
                if !cond {
                    self.jump_noline(JUMP, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.jump(
            if cond {
                Pseudo::PopJumpIfTrue
            } else {
                Pseudo::PopJumpIfFalse
            },
            next,
        );
        Ok(())
    }

    fn boolop(&mut self, b: &ast::ExprBoolOp) -> CompileResult<()> {
        let jumpi = if b.op == BoolOp::And {
            Opcode::JumpIfFalseOrPop
        } else {
            Opcode::JumpIfTrueOrPop
        };
        let end = self.new_block();
        let n = b.values.len() - 1;
        for v in &b.values[..n] {
            self.expr(v)?;
            self.jump(jumpi, end);
            let next = self.new_block();
            self.use_next_block(next);
        }
        self.expr(&b.values[n])?;
        self.use_next_block(end);
        Ok(())
    }

    /// `ADDOP_COMPARE`.
    fn compare_op(&mut self, op: &CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Lt => (Opcode::CompareOp, 0),
            CmpOp::LtE => (Opcode::CompareOp, 1),
            CmpOp::Eq => (Opcode::CompareOp, 2),
            CmpOp::NotEq => (Opcode::CompareOp, 3),
            CmpOp::Gt => (Opcode::CompareOp, 4),
            CmpOp::GtE => (Opcode::CompareOp, 5),
            CmpOp::Is => (Opcode::IsOp, 0),
            CmpOp::IsNot => (Opcode::IsOp, 1),
            CmpOp::In => (Opcode::ContainsOp, 0),
            CmpOp::NotIn => (Opcode::ContainsOp, 1),
        };
        self.emit(opcode, arg);
    }

    /// `check_compare`: `is` against a literal.
    fn check_compare(&mut self, c: &ast::ExprCompare) {
        let mut left = is_arg(&c.left);
        for (op, right_expr) in c.ops.iter().zip(&c.comparators) {
            let right = is_arg(right_expr);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!right || !left) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.to_string());
                return;
            }
            left = right;
        }
    }

    /// `a < b < c`: each link but the last keeps its right operand for the next one and leaves
    /// through `exit_op` to `cleanup` when false; the last comparison's result stays on the stack.
    fn compare_chain(
        &mut self,
        c: &ast::ExprCompare,
        exit_op: crate::ir::Op,
        cleanup: BlockId,
    ) -> CompileResult<()> {
        let n = c.ops.len() - 1;
        for i in 0..n {
            self.expr(&c.comparators[i])?;
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.compare_op(&c.ops[i]);
            self.jump(exit_op, cleanup);
        }
        self.expr(&c.comparators[n])?;
        self.compare_op(&c.ops[n]);
        Ok(())
    }

    fn compare(&mut self, c: &ast::ExprCompare) -> CompileResult<()> {
        self.check_compare(c);
        self.expr(&c.left)?;
        let n = c.ops.len() - 1;
        if n == 0 {
            self.expr(&c.comparators[0])?;
            self.compare_op(&c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        self.compare_chain(c, Opcode::JumpIfFalseOrPop.into(), cleanup)?;
        let end = self.new_block();
        self.jump_noline(JUMP, end);
        self.use_next_block(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopTop, 0);
        self.use_next_block(end);
        Ok(())
    }

    /// `starunpack_helper`.
    fn starunpack(
        &mut self,
        elts: &[Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CompileResult<()> {
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const) {
            let items: Vec<Value> = elts
                .iter()
                .map(|e| match e {
                    Expr::Constant(c) => const_expr_value(c),
                    _ => unreachable!("all constants"),
                })
                .collect();
            if tuple && pushed == 0 {
                self.load_const(Value::Tuple(items.into()));
            } else {
                let folded = if add == Opcode::SetAdd {
                    crate::consts::frozenset(items)
                } else {
                    Value::Tuple(items.into())
                };
                self.emit(build, pushed);
                self.load_const(folded);
                self.emit(extend, 1);
                if tuple {
                    self.emit(Opcode::ListToTuple, 0);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(
                if tuple { Opcode::BuildTuple } else { build },
                n as u32 + pushed,
            );
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::ListToTuple, 0);
        }
        Ok(())
    }

    /// `assignment_helper` / `unpack_helper`.
    fn assignment_helper(&mut self, elts: &[Expr]) -> CompileResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred(_)) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.emit(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UnpackSequence, n as u32);
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.expr(&s.value)?,
                _ => self.expr(e)?,
            }
        }
        Ok(())
    }

    /// `compiler_subdict`.
    fn subdict(&mut self, d: &ast::ExprDict, begin: usize, end: usize) -> CompileResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let keys_const = d.keys[begin..end]
            .iter()
            .all(|k| k.as_ref().is_some_and(is_const));
        if n > 1 && !big && keys_const {
            for v in &d.values[begin..end] {
                self.expr(v)?;
            }
            let keys: Vec<Value> = d.keys[begin..end]
                .iter()
                .map(|k| match k {
                    Some(Expr::Constant(c)) => const_expr_value(c),
                    _ => unreachable!("constant keys"),
                })
                .collect();
            self.load_const(Value::Tuple(keys.into()));
            self.emit(Opcode::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BuildMap, 0);
        }
        for i in begin..end {
            self.expr(d.keys[i].as_ref().expect("not an unpacking"))?;
            self.expr(&d.values[i])?;
            if big {
                self.emit(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    /// `compiler_dict`.
    fn dict(&mut self, d: &ast::ExprDict) -> CompileResult<()> {
        let n = d.values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if d.keys[i].is_none() {
                if elements > 0 {
                    self.subdict(d, i - elements, i)?;
                    if have_dict {
                        self.emit(Opcode::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.expr(&d.values[i])?;
                self.emit(Opcode::DictUpdate, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(d, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Opcode::DictUpdate, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(d, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BuildMap, 0);
        }
        Ok(())
    }

    fn validate_keywords(&self, keywords: &[ast::Keyword]) -> CompileResult<()> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(arg) = &k.arg else { continue };
            if arg.as_str() == "__debug__" {
                return Err(self.error_at("cannot assign to __debug__", k.range));
            }
            for other in &keywords[i + 1..] {
                if other.arg.as_ref().is_some_and(|o| o == arg) {
                    return Err(
                        self.error_at(format!("keyword argument repeated: {arg}"), other.range)
                    );
                }
            }
        }
        Ok(())
    }

    fn kw_names(&mut self, keywords: &[ast::Keyword]) {
        let names: Vec<Value> = keywords
            .iter()
            .map(|k| Value::Str(PyStr::interned(k.arg.as_deref().expect("named keyword"))))
            .collect();
        let i = self.add_const(Value::Tuple(names.into()));
        self.emit(Opcode::KwNames, i);
    }

    /// `is_import_originated`: a bare name bound by an import at module level.
    fn is_import_originated(&self, e: &Expr) -> bool {
        match e {
            Expr::Name(n) => self.st.scopes[self.st.top()].symbol(&n.id) & flag::DEF_IMPORT != 0,
            _ => false,
        }
    }

    /// `maybe_optimize_method_call`; false if the call is not a simple method call.
    fn method_call(&mut self, c: &ast::ExprCall) -> CompileResult<bool> {
        let Expr::Attribute(meth) = &*c.func else {
            return Ok(false);
        };
        if !matches!(meth.ctx, ast::ExprContext::Load) || self.is_import_originated(&meth.value) {
            return Ok(false);
        }
        let (nargs, nkw) = (c.args.len(), c.keywords.len());
        if nargs + nkw + usize::from(nkw != 0) >= STACK_USE_GUIDELINE
            || c.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.expr(&meth.value)?;
        self.set_loc(meth.range);
        self.update_start_location_to_match_attr(meth);
        self.emit_name(Opcode::LoadMethod, &meth.attr);
        for a in &c.args {
            self.expr(a)?;
        }
        if nkw > 0 {
            for k in &c.keywords {
                self.expr(&k.value)?;
            }
            self.kw_names(&c.keywords);
        }
        self.set_loc(c.range);
        self.update_start_location_to_match_attr(meth);
        self.emit(Opcode::Precall, (nargs + nkw) as u32);
        self.emit(Opcode::Call, (nargs + nkw) as u32);
        Ok(true)
    }

    fn call(&mut self, c: &ast::ExprCall) -> CompileResult<()> {
        self.validate_keywords(&c.keywords)?;
        if self.method_call(c)? {
            return Ok(());
        }
        if matches!(
            &*c.func,
            Expr::Constant(_)
                | Expr::Tuple(_)
                | Expr::List(_)
                | Expr::ListComp(_)
                | Expr::Dict(_)
                | Expr::DictComp(_)
                | Expr::Set(_)
                | Expr::SetComp(_)
                | Expr::GeneratorExp(_)
                | Expr::JoinedStr(_)
                | Expr::FormattedValue(_)
        ) {
            let ty = infer_type(&c.func).unwrap_or("object");
            self.warn(format!(
                "'{ty}' object is not callable; perhaps you missed a comma?"
            ));
        }
        self.set_loc(c.func.range());
        self.emit(Opcode::PushNull, 0);
        self.set_loc(c.range);
        self.expr(&c.func)?;
        self.call_helper(0, &c.args, &c.keywords)
    }

    /// `compiler_subkwargs`.
    fn subkwargs(&mut self, keywords: &[ast::Keyword]) -> CompileResult<()> {
        let n = keywords.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in keywords {
                self.expr(&k.value)?;
            }
            let keys: Vec<Value> = keywords
                .iter()
                .map(|k| Value::Str(PyStr::interned(k.arg.as_deref().expect("named"))))
                .collect();
            self.load_const(Value::Tuple(keys.into()));
            self.emit(Opcode::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noline(Opcode::BuildMap, 0);
        }
        for k in keywords {
            self.load_const(Value::Str(PyStr::interned(
                k.arg.as_deref().expect("named"),
            )));
            self.expr(&k.value)?;
            if big {
                self.emit_noline(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    /// `compiler_call_helper`.
    pub fn call_helper(
        &mut self,
        n: u32,
        args: &[Expr],
        keywords: &[ast::Keyword],
    ) -> CompileResult<()> {
        self.validate_keywords(keywords)?;
        let (nelts, nkw) = (args.len(), keywords.len());
        let simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            if nkw > 0 {
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            self.emit(Opcode::Precall, n + (nelts + nkw) as u32);
            self.emit(Opcode::Call, n + (nelts + nkw) as u32);
            return Ok(());
        }
        match args {
            [Expr::Starred(s)] if n == 0 => self.expr(&s.value)?,
            _ => self.starunpack(
                args,
                n,
                Opcode::BuildList,
                Opcode::ListAppend,
                Opcode::ListExtend,
                true,
            )?,
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&keywords[i - nseen..i])?;
                        if have_dict {
                            self.emit(Opcode::DictMerge, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BuildMap, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Opcode::DictMerge, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&keywords[nkw - nseen..])?;
                if have_dict {
                    self.emit(Opcode::DictMerge, 1);
                }
            }
        }
        self.emit(Opcode::CallFunctionEx, u32::from(nkw > 0));
        Ok(())
    }

    /// `compiler_lambda`.
    fn lambda(&mut self, e: &Expr, l: &ast::ExprLambda) -> CompileResult<()> {
        let args = &l.args;
        self.check_debug_args(args)?;
        let funcflags = self.default_arguments(args)?;
        let sid = self.st.scope_for(e);
        let line = self.src(l.range).line;
        self.enter_scope("<lambda>", ScopeType::Lambda, sid, line);
        self.add_const(Value::None);
        let u = &mut self.u().code;
        u.argcount = args.args.len() as u32;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
        self.expr(&l.body)?;
        let co = if self.st.scopes[sid].generator {
            self.exit_scope(false)
        } else {
            self.emit(Opcode::ReturnValue, 0);
            self.exit_scope(true)
        };
        self.make_closure(co, funcflags);
        Ok(())
    }

    /// `compiler_comprehension`.
    fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        name: &str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        val: Option<&Expr>,
    ) -> CompileResult<()> {
        let outer_scope_type = self.ur().scope_type;
        let sid = self.st.scope_for(e);
        let line = self.src(e.range()).line;
        self.enter_scope(name, ScopeType::Comprehension, sid, line);
        self.set_loc(e.range());
        let is_async_generator = self.st.scopes[sid].coroutine;
        if is_async_generator
            && kind != CompKind::Generator
            && !matches!(
                outer_scope_type,
                ScopeType::AsyncFunction | ScopeType::Comprehension
            )
        {
            return Err(
                self.error("asynchronous comprehension outside of an asynchronous function")
            );
        }
        match kind {
            CompKind::List => self.emit(Opcode::BuildList, 0),
            CompKind::Set => self.emit(Opcode::BuildSet, 0),
            CompKind::Dict => self.emit(Opcode::BuildMap, 0),
            CompKind::Generator => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
        if kind != CompKind::Generator {
            self.emit(Opcode::ReturnValue, 0);
        }
        let co = self.exit_scope(true);
        self.make_closure(co, 0);
        self.expr(&generators[0].iter)?;
        self.emit(
            if generators[0].is_async {
                Opcode::GetAiter
            } else {
                Opcode::GetIter
            },
            0,
        );
        self.emit(Opcode::Precall, 0);
        self.emit(Opcode::Call, 0);
        if is_async_generator && kind != CompKind::Generator {
            self.emit(Opcode::GetAwaitable, 0);
            self.load_const(Value::None);
            self.yield_from(true);
        }
        Ok(())
    }

    /// `compiler_comprehension_generator`.
    fn comprehension_generator(
        &mut self,
        generators: &[ast::Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &Expr,
        val: Option<&Expr>,
        kind: CompKind,
    ) -> CompileResult<()> {
        if generators[gen_index].is_async {
            self.async_comprehension_generator(generators, gen_index, depth, elt, val, kind)
        } else {
            self.sync_comprehension_generator(generators, gen_index, depth, elt, val, kind)
        }
    }

    /// The innermost element: yield it or add it to the collection being built.
    fn comprehension_element(
        &mut self,
        elt: &Expr,
        val: Option<&Expr>,
        kind: CompKind,
        depth: u32,
    ) -> CompileResult<()> {
        match kind {
            CompKind::Generator => {
                self.expr(elt)?;
                self.add_yield();
                self.emit(Opcode::PopTop, 0);
            }
            CompKind::List => {
                self.expr(elt)?;
                self.emit(Opcode::ListAppend, depth + 1);
            }
            CompKind::Set => {
                self.expr(elt)?;
                self.emit(Opcode::SetAdd, depth + 1);
            }
            CompKind::Dict => {
                self.expr(elt)?;
                self.expr(val.expect("dict comprehension value"))?;
                self.emit(Opcode::MapAdd, depth + 1);
            }
        }
        Ok(())
    }

    /// `compiler_async_comprehension_generator`.
    fn async_comprehension_generator(
        &mut self,
        generators: &[ast::Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &Expr,
        val: Option<&Expr>,
        kind: CompKind,
    ) -> CompileResult<()> {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let generator = &generators[gen_index];
        if gen_index == 0 {
            self.u().code.argcount = 1;
            self.emit(Opcode::LoadFast, 0);
        } else {
            self.expr(&generator.iter)?;
            self.emit(Opcode::GetAiter, 0);
        }
        self.use_next_block(start);
        self.jump(Pseudo::SetupFinally, except);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Value::None);
        self.yield_from(true);
        self.emit(Pseudo::PopBlock, 0);
        self.expr(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if gen_index + 1 < generators.len() {
            self.recurse(|c| {
                c.comprehension_generator(generators, gen_index + 1, depth, elt, val, kind)
            })?;
        } else {
            self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_next_block(if_cleanup);
        self.jump(JUMP, start);
        self.use_next_block(except);
        self.emit(Opcode::EndAsyncFor, 0);
        Ok(())
    }

    /// `compiler_sync_comprehension_generator`.
    fn sync_comprehension_generator(
        &mut self,
        generators: &[ast::Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &Expr,
        val: Option<&Expr>,
        kind: CompKind,
    ) -> CompileResult<()> {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let generator = &generators[gen_index];
        if gen_index == 0 {
            self.u().code.argcount = 1;
            self.emit(Opcode::LoadFast, 0);
        } else {
            let single = match &generator.iter {
                Expr::List(l) => Some(&l.elts),
                Expr::Tuple(t) => Some(&t.elts),
                _ => None,
            };
            if let Some(elts) = single
                && elts.len() == 1
                && !matches!(elts[0], Expr::Starred(_))
            {
                self.expr(&elts[0])?;
                start = None;
            }
            if start.is_some() {
                self.expr(&generator.iter)?;
                self.emit(Opcode::GetIter, 0);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_next_block(s);
            self.jump(Opcode::ForIter, anchor);
        }
        self.expr(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if gen_index + 1 < generators.len() {
            self.recurse(|c| {
                c.comprehension_generator(generators, gen_index + 1, depth, elt, val, kind)
            })?;
        } else {
            self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(s) = start {
            self.jump(JUMP, s);
            self.use_next_block(anchor);
        }
        Ok(())
    }
}
