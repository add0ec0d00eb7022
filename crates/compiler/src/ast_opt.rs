//! AST-level constant folding, done before the symbol table as CPython 3.11 does: unary and
//! binary operations on constants (with CPython's size limits), constant tuples and
//! subscripts, `__debug__`, `not (a is b)` → `a is not b`, and list/set displays used by
//! `in` and `for` turned into tuples and frozensets.
//! Counterpart: Python/ast_opt.c (3.11), including the `"%s" % (...)` → f-string rewrite.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_parser::ast::{self, CmpOp, Constant, Expr, Operator, Ranged, Stmt, UnaryOp};
use rustpython_parser::text_size::TextRange;

use crate::error::{CompileError, CompileResult, ErrorType};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

pub struct Folder {
    pub optimize: u32,
    pub future_annotations: bool,
    /// The source, when string literals with lone surrogates must be decoded again from it
    /// (`surrogates.rs`).
    pub surrogate_source: Option<std::rc::Rc<str>>,
    depth: usize,
}

fn set_const(e: &mut Expr, value: Constant) {
    let range = ast::Ranged::range(&*e);
    *e = Expr::Constant(ast::ExprConstant {
        range,
        value,
        kind: None,
    });
}

fn as_const(e: &Expr) -> Option<&Constant> {
    match e {
        Expr::Constant(c) => Some(&c.value),
        _ => None,
    }
}

fn int_of(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(*b as u8)),
        _ => None,
    }
}

fn float_of(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => int_of(c).and_then(|i| i.to_f64()),
    }
}

fn complex_of(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Complex { real, imag } => Some((*real, *imag)),
        _ => float_of(c).map(|f| (f, 0.0)),
    }
}

fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Int(i) => !i.is_zero(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Ellipsis => true,
    }
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

/// Python's float floor division and modulo (`_float_div_mod`); None on division by zero.
fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

fn check_complexity(c: &Constant, mut limit: i64) -> i64 {
    if let Constant::Tuple(items) = c {
        limit -= items.len() as i64;
        for item in items {
            if limit < 0 {
                break;
            }
            limit = check_complexity(item, limit);
        }
    }
    limit
}

fn repeat(seq: &Constant, n: &BigInt) -> Option<Constant> {
    let size = match seq {
        Constant::Tuple(t) => t.len(),
        Constant::Str(s) => s.chars().count(),
        Constant::Bytes(b) => b.len(),
        _ => return None,
    };
    let n = n.to_i64()?;
    let max = if matches!(seq, Constant::Tuple(_)) {
        MAX_COLLECTION_SIZE
    } else {
        MAX_STR_SIZE
    };
    if let Some(most) = max.checked_div(size) {
        if n < 0 || n as usize > most {
            return None;
        }
        if matches!(seq, Constant::Tuple(_))
            && n > 0
            && check_complexity(seq, MAX_TOTAL_ITEMS / n) < 0
        {
            return None;
        }
    }
    let n = n.max(0) as usize;
    Some(match seq {
        Constant::Tuple(t) => {
            Constant::Tuple(t.iter().cloned().cycle().take(t.len() * n).collect())
        }
        Constant::Str(s) => Constant::Str(s.repeat(n)),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        _ => return None,
    })
}

fn is_numeric(c: &Constant) -> bool {
    matches!(
        c,
        Constant::Int(_) | Constant::Bool(_) | Constant::Float(_) | Constant::Complex { .. }
    )
}

/// `fold_binop` on two constants; None when CPython would not fold (error or limit).
fn binop(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
        match op {
            Operator::BitAnd => return Some(Constant::Bool(a & b)),
            Operator::BitOr => return Some(Constant::Bool(a | b)),
            Operator::BitXor => return Some(Constant::Bool(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (int_of(l), int_of(r)) {
        return int_binop(op, &a, &b);
    }
    if is_numeric(l) && is_numeric(r) {
        if matches!(l, Constant::Complex { .. }) || matches!(r, Constant::Complex { .. }) {
            let (a, b) = (complex_of(l)?, complex_of(r)?);
            return match op {
                Operator::Add => Some(Constant::Complex {
                    real: a.0 + b.0,
                    imag: a.1 + b.1,
                }),
                Operator::Sub => Some(Constant::Complex {
                    real: a.0 - b.0,
                    imag: a.1 - b.1,
                }),
                Operator::Mult => Some(Constant::Complex {
                    real: a.0 * b.0 - a.1 * b.1,
                    imag: a.0 * b.1 + a.1 * b.0,
                }),
                _ => None,
            };
        }
        let (a, b) = (float_of(l)?, float_of(r)?);
        return match op {
            Operator::Add => Some(Constant::Float(a + b)),
            Operator::Sub => Some(Constant::Float(a - b)),
            Operator::Mult => Some(Constant::Float(a * b)),
            Operator::Div => (b != 0.0).then(|| Constant::Float(a / b)),
            Operator::FloorDiv => float_divmod(a, b).map(|(d, _)| Constant::Float(d)),
            Operator::Mod => float_divmod(a, b).map(|(_, m)| Constant::Float(m)),
            Operator::Pow => float_pow(a, b).map(Constant::Float),
            _ => None,
        };
    }
    match (op, l, r) {
        (Operator::Add, Constant::Str(a), Constant::Str(b)) => {
            Some(Constant::Str(format!("{a}{b}")))
        }
        (Operator::Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            Some(Constant::Bytes([a.as_slice(), b].concat()))
        }
        (Operator::Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            Some(Constant::Tuple(a.iter().chain(b).cloned().collect()))
        }
        (Operator::Mult, seq, n) if int_of(n).is_some() => repeat(seq, &int_of(n)?),
        (Operator::Mult, n, seq) if int_of(n).is_some() => repeat(seq, &int_of(n)?),
        _ => None,
    }
}

fn float_pow(a: f64, b: f64) -> Option<f64> {
    if a == 0.0 && b < 0.0 {
        return None;
    }
    if a < 0.0 && b.is_finite() && b.fract() != 0.0 {
        return None;
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return None;
    }
    Some(r)
}

fn int_binop(op: Operator, a: &BigInt, b: &BigInt) -> Option<Constant> {
    let int = |i: BigInt| Some(Constant::Int(i));
    match op {
        Operator::Add => int(a + b),
        Operator::Sub => int(a - b),
        Operator::Mult => {
            if !a.is_zero() && !b.is_zero() && bits(a) + bits(b) > MAX_INT_SIZE {
                return None;
            }
            int(a * b)
        }
        Operator::FloorDiv => (!b.is_zero()).then(|| Constant::Int(a.div_floor(b))),
        Operator::Mod => (!b.is_zero()).then(|| Constant::Int(a.mod_floor(b))),
        Operator::Div => {
            if b.is_zero() {
                return None;
            }
            let limit = BigInt::from(1u64 << 53);
            if a.abs() > limit || b.abs() > limit {
                return None;
            }
            Some(Constant::Float(a.to_f64()? / b.to_f64()?))
        }
        Operator::Pow => {
            if b.is_negative() {
                return float_pow(a.to_f64()?, b.to_f64()?).map(Constant::Float);
            }
            if !a.is_zero() && !b.is_zero() {
                let wbits = b.to_u64()?;
                if bits(a) > MAX_INT_SIZE / wbits {
                    return None;
                }
            }
            int(a.pow(b.to_u32()?))
        }
        Operator::LShift => {
            if b.is_negative() {
                return None;
            }
            if !a.is_zero() && !b.is_zero() {
                let wbits = b.to_u64()?;
                if wbits > MAX_INT_SIZE || bits(a) > MAX_INT_SIZE - wbits {
                    return None;
                }
            }
            int(a << b.to_usize()?)
        }
        Operator::RShift => {
            if b.is_negative() {
                return None;
            }
            let shift = b.to_usize().unwrap_or(usize::MAX);
            if shift > bits(a) as usize {
                return int(if a.is_negative() {
                    BigInt::from(-1)
                } else {
                    BigInt::zero()
                });
            }
            int(a >> shift)
        }
        Operator::BitOr => int(a | b),
        Operator::BitXor => int(a ^ b),
        Operator::BitAnd => int(a & b),
        Operator::MatMult => None,
    }
}

fn unaryop(op: UnaryOp, c: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!truthy(c))),
        UnaryOp::Invert => int_of(c).map(|i| Constant::Int(-i - 1)),
        UnaryOp::USub => match c {
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex {
                real: -real,
                imag: -imag,
            }),
            _ => int_of(c).map(|i| Constant::Int(-i)),
        },
        UnaryOp::UAdd => match c {
            Constant::Float(_) | Constant::Complex { .. } => Some(c.clone()),
            _ => int_of(c).map(Constant::Int),
        },
    }
}

fn subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let i = int_of(index)?.to_i64()?;
    let pick = |len: usize| -> Option<usize> {
        let idx = if i < 0 { i + len as i64 } else { i };
        (0..len as i64).contains(&idx).then_some(idx as usize)
    };
    match value {
        Constant::Tuple(t) => t.get(pick(t.len())?).cloned(),
        Constant::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            Some(Constant::Str(chars[pick(chars.len())?].to_string()))
        }
        Constant::Bytes(b) => Some(Constant::Int(BigInt::from(b[pick(b.len())?]))),
        _ => None,
    }
}

fn const_tuple(elts: &[Expr]) -> Option<Constant> {
    elts.iter()
        .map(|e| as_const(e).cloned())
        .collect::<Option<Vec<_>>>()
        .map(Constant::Tuple)
}

impl Folder {
    pub fn new(optimize: u32, future_annotations: bool) -> Folder {
        Folder {
            optimize,
            future_annotations,
            surrogate_source: None,
            depth: 0,
        }
    }

    fn enter(&mut self) -> CompileResult<()> {
        self.depth += 1;
        if self.depth > 3000 {
            return Err(CompileError::of_type(
                ErrorType::RecursionError,
                "maximum recursion depth exceeded during compilation",
            ));
        }
        Ok(())
    }

    pub fn body(&mut self, stmts: &mut [Stmt]) -> CompileResult<()> {
        let had_doc = crate::codegen::docstring(stmts).is_some();
        for s in stmts.iter_mut() {
            self.stmt(s)?;
        }
        // A statement that folded into a string must not become a docstring.
        if !had_doc
            && crate::codegen::docstring(stmts).is_some()
            && let Stmt::Expr(e) = &mut stmts[0]
        {
            let range = e.range;
            let value = std::mem::replace(
                &mut *e.value,
                Expr::Constant(ast::ExprConstant {
                    range,
                    value: Constant::None,
                    kind: None,
                }),
            );
            *e.value = Expr::JoinedStr(ast::ExprJoinedStr {
                range,
                values: vec![value],
            });
        }
        Ok(())
    }

    fn stmts(&mut self, stmts: &mut [Stmt]) -> CompileResult<()> {
        stmts.iter_mut().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, es: &mut [Expr]) -> CompileResult<()> {
        es.iter_mut().try_for_each(|e| self.expr(e))
    }

    fn opt(&mut self, e: &mut Option<Box<Expr>>) -> CompileResult<()> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn arguments(&mut self, a: &mut ast::Arguments) -> CompileResult<()> {
        let ann = !self.future_annotations;
        for p in a.posonlyargs.iter_mut().chain(a.args.iter_mut()) {
            if ann {
                self.opt(&mut p.def.annotation)?;
            }
        }
        if let Some(v) = &mut a.vararg
            && ann
        {
            self.opt(&mut v.annotation)?;
        }
        for p in a.kwonlyargs.iter_mut() {
            if ann {
                self.opt(&mut p.def.annotation)?;
            }
        }
        for p in a.kwonlyargs.iter_mut() {
            self.opt(&mut p.default)?;
        }
        if let Some(k) = &mut a.kwarg
            && ann
        {
            self.opt(&mut k.annotation)?;
        }
        for p in a.posonlyargs.iter_mut().chain(a.args.iter_mut()) {
            self.opt(&mut p.default)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &mut Stmt) -> CompileResult<()> {
        self.enter()?;
        let depth = self.depth;
        let r = crate::stack_guard(depth, || self.stmt_inner(s));
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &mut Stmt) -> CompileResult<()> {
        let ann = !self.future_annotations;
        match s {
            Stmt::FunctionDef(f) => {
                self.arguments(&mut f.args)?;
                self.body(&mut f.body)?;
                self.exprs(&mut f.decorator_list)?;
                if ann {
                    self.opt(&mut f.returns)?;
                }
            }
            Stmt::AsyncFunctionDef(f) => {
                self.arguments(&mut f.args)?;
                self.body(&mut f.body)?;
                self.exprs(&mut f.decorator_list)?;
                if ann {
                    self.opt(&mut f.returns)?;
                }
            }
            Stmt::ClassDef(c) => {
                self.exprs(&mut c.bases)?;
                for k in &mut c.keywords {
                    self.expr(&mut k.value)?;
                }
                self.body(&mut c.body)?;
                self.exprs(&mut c.decorator_list)?;
            }
            Stmt::Return(r) => self.opt(&mut r.value)?,
            Stmt::Delete(d) => self.exprs(&mut d.targets)?,
            Stmt::Assign(a) => {
                self.exprs(&mut a.targets)?;
                self.expr(&mut a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.expr(&mut a.target)?;
                self.expr(&mut a.value)?;
            }
            Stmt::AnnAssign(a) => {
                self.expr(&mut a.target)?;
                if ann {
                    self.expr(&mut a.annotation)?;
                }
                self.opt(&mut a.value)?;
            }
            Stmt::For(f) => {
                self.expr(&mut f.target)?;
                self.expr(&mut f.iter)?;
                self.stmts(&mut f.body)?;
                self.stmts(&mut f.orelse)?;
                fold_iter(&mut f.iter);
            }
            Stmt::AsyncFor(f) => {
                self.expr(&mut f.target)?;
                self.expr(&mut f.iter)?;
                self.stmts(&mut f.body)?;
                self.stmts(&mut f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&mut w.test)?;
                self.stmts(&mut w.body)?;
                self.stmts(&mut w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&mut i.test)?;
                self.stmts(&mut i.body)?;
                self.stmts(&mut i.orelse)?;
            }
            Stmt::With(w) => {
                for item in &mut w.items {
                    self.expr(&mut item.context_expr)?;
                    self.opt(&mut item.optional_vars)?;
                }
                self.stmts(&mut w.body)?;
            }
            Stmt::AsyncWith(w) => {
                for item in &mut w.items {
                    self.expr(&mut item.context_expr)?;
                    self.opt(&mut item.optional_vars)?;
                }
                self.stmts(&mut w.body)?;
            }
            Stmt::Raise(r) => {
                self.opt(&mut r.exc)?;
                self.opt(&mut r.cause)?;
            }
            Stmt::Try(t) => self.try_(
                &mut t.body,
                &mut t.handlers,
                &mut t.orelse,
                &mut t.finalbody,
            )?,
            Stmt::TryStar(t) => self.try_(
                &mut t.body,
                &mut t.handlers,
                &mut t.orelse,
                &mut t.finalbody,
            )?,
            Stmt::Assert(a) => {
                self.expr(&mut a.test)?;
                self.opt(&mut a.msg)?;
            }
            Stmt::Expr(e) => self.expr(&mut e.value)?,
            Stmt::Match(m) => {
                self.expr(&mut m.subject)?;
                for case in &mut m.cases {
                    self.pattern(&mut case.pattern)?;
                    self.opt(&mut case.guard)?;
                    self.stmts(&mut case.body)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn try_(
        &mut self,
        body: &mut [Stmt],
        handlers: &mut [ast::ExceptHandler],
        orelse: &mut [Stmt],
        finalbody: &mut [Stmt],
    ) -> CompileResult<()> {
        self.stmts(body)?;
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.opt(&mut h.type_)?;
            self.stmts(&mut h.body)?;
        }
        self.stmts(orelse)?;
        self.stmts(finalbody)
    }

    fn pattern(&mut self, p: &mut ast::Pattern) -> CompileResult<()> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&mut v.value)?,
            P::MatchSequence(s) => s.patterns.iter_mut().try_for_each(|p| self.pattern(p))?,
            P::MatchMapping(m) => {
                self.exprs(&mut m.keys)?;
                m.patterns.iter_mut().try_for_each(|p| self.pattern(p))?;
            }
            P::MatchClass(c) => {
                self.expr(&mut c.cls)?;
                c.patterns.iter_mut().try_for_each(|p| self.pattern(p))?;
                c.kwd_patterns
                    .iter_mut()
                    .try_for_each(|p| self.pattern(p))?;
            }
            P::MatchAs(a) => {
                if let Some(p) = &mut a.pattern {
                    self.pattern(p)?;
                }
            }
            P::MatchOr(o) => o.patterns.iter_mut().try_for_each(|p| self.pattern(p))?,
            P::MatchSingleton(_) | P::MatchStar(_) => {}
        }
        Ok(())
    }

    fn comprehensions(&mut self, gens: &mut [ast::Comprehension]) -> CompileResult<()> {
        for g in gens {
            self.expr(&mut g.target)?;
            self.expr(&mut g.iter)?;
            self.exprs(&mut g.ifs)?;
            fold_iter(&mut g.iter);
        }
        Ok(())
    }

    pub fn expr(&mut self, e: &mut Expr) -> CompileResult<()> {
        self.enter()?;
        let depth = self.depth;
        let r = crate::stack_guard(depth, || self.expr_inner(e));
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &mut Expr) -> CompileResult<()> {
        if let (Some(source), Expr::Constant(c)) = (&self.surrogate_source, &mut *e)
            && let Constant::Str(s) = &mut c.value
            && s.contains('\u{FFFD}')
            && let Some(text) = source.get(usize::from(c.range.start())..usize::from(c.range.end()))
            && let Some(fixed) = crate::surrogates::redecode(text, s)
        {
            *s = fixed;
        }
        match e {
            Expr::BoolOp(b) => self.exprs(&mut b.values)?,
            Expr::BinOp(b) => {
                self.expr(&mut b.left)?;
                self.expr(&mut b.right)?;
                if b.op == Operator::Mod
                    && let (Some(Constant::Str(fmt)), Expr::Tuple(t)) =
                        (as_const(&b.left), &*b.right)
                    && !t.elts.iter().any(|x| matches!(x, Expr::Starred(_)))
                {
                    if let Some(values) = optimize_format(fmt, &t.elts) {
                        let range = b.range;
                        *e = Expr::JoinedStr(ast::ExprJoinedStr { range, values });
                    }
                    return Ok(());
                }
                if let (Some(l), Some(r)) = (as_const(&b.left), as_const(&b.right))
                    && let Some(v) = binop(b.op, l, r)
                {
                    set_const(e, v);
                }
            }
            Expr::UnaryOp(u) => {
                self.expr(&mut u.operand)?;
                if let Some(c) = as_const(&u.operand) {
                    if let Some(v) = unaryop(u.op, c) {
                        set_const(e, v);
                    }
                } else if u.op == UnaryOp::Not
                    && let Expr::Compare(cmp) = &mut *u.operand
                    && cmp.ops.len() == 1
                {
                    let inverted = match cmp.ops[0] {
                        CmpOp::Is => Some(CmpOp::IsNot),
                        CmpOp::IsNot => Some(CmpOp::Is),
                        CmpOp::In => Some(CmpOp::NotIn),
                        CmpOp::NotIn => Some(CmpOp::In),
                        _ => None,
                    };
                    if let Some(op) = inverted {
                        cmp.ops[0] = op;
                        let range = cmp.range;
                        // The node takes the comparison's place, range included.
                        let inner = std::mem::replace(&mut *u.operand, placeholder(range));
                        *e = inner;
                    }
                }
            }
            Expr::Lambda(l) => {
                self.arguments(&mut l.args)?;
                self.expr(&mut l.body)?;
            }
            Expr::IfExp(i) => {
                self.expr(&mut i.test)?;
                self.expr(&mut i.body)?;
                self.expr(&mut i.orelse)?;
            }
            Expr::Dict(d) => {
                for k in d.keys.iter_mut().flatten() {
                    self.expr(k)?;
                }
                self.exprs(&mut d.values)?;
            }
            Expr::Set(s) => self.exprs(&mut s.elts)?,
            Expr::ListComp(c) => {
                self.expr(&mut c.elt)?;
                self.comprehensions(&mut c.generators)?;
            }
            Expr::SetComp(c) => {
                self.expr(&mut c.elt)?;
                self.comprehensions(&mut c.generators)?;
            }
            Expr::DictComp(c) => {
                self.expr(&mut c.key)?;
                self.expr(&mut c.value)?;
                self.comprehensions(&mut c.generators)?;
            }
            Expr::GeneratorExp(c) => {
                self.expr(&mut c.elt)?;
                self.comprehensions(&mut c.generators)?;
            }
            Expr::Await(a) => self.expr(&mut a.value)?,
            Expr::Yield(y) => self.opt(&mut y.value)?,
            Expr::YieldFrom(y) => self.expr(&mut y.value)?,
            Expr::Compare(c) => {
                self.expr(&mut c.left)?;
                self.exprs(&mut c.comparators)?;
                if matches!(c.ops.last(), Some(CmpOp::In | CmpOp::NotIn))
                    && let Some(last) = c.comparators.last_mut()
                {
                    fold_iter(last);
                }
            }
            Expr::Call(c) => {
                self.expr(&mut c.func)?;
                self.exprs(&mut c.args)?;
                for k in &mut c.keywords {
                    self.expr(&mut k.value)?;
                }
            }
            Expr::FormattedValue(f) => {
                self.expr(&mut f.value)?;
                self.opt(&mut f.format_spec)?;
            }
            Expr::JoinedStr(j) => self.exprs(&mut j.values)?,
            Expr::Attribute(a) => self.expr(&mut a.value)?,
            Expr::Subscript(s) => {
                self.expr(&mut s.value)?;
                self.expr(&mut s.slice)?;
                if matches!(s.ctx, ast::ExprContext::Load)
                    && let (Some(v), Some(i)) = (as_const(&s.value), as_const(&s.slice))
                    && let Some(r) = subscript(v, i)
                {
                    set_const(e, r);
                }
            }
            Expr::Starred(s) => self.expr(&mut s.value)?,
            Expr::Slice(s) => {
                self.opt(&mut s.lower)?;
                self.opt(&mut s.upper)?;
                self.opt(&mut s.step)?;
            }
            Expr::List(l) => self.exprs(&mut l.elts)?,
            Expr::Tuple(t) => {
                self.exprs(&mut t.elts)?;
                if matches!(t.ctx, ast::ExprContext::Load)
                    && let Some(c) = const_tuple(&t.elts)
                {
                    set_const(e, c);
                }
            }
            Expr::Name(n) => {
                if matches!(n.ctx, ast::ExprContext::Load) && n.id.as_str() == "__debug__" {
                    set_const(e, Constant::Bool(self.optimize == 0));
                }
            }
            Expr::NamedExpr(n) => self.expr(&mut n.value)?,
            Expr::Constant(_) => {}
        }
        Ok(())
    }
}

/// Marks a constant that CPython's optimizer creates without a source location (-1).
pub const NO_LOCATION_MARK: &str = "rpy:noloc";

fn unlocated_str(s: String) -> Expr {
    Expr::Constant(ast::ExprConstant {
        range: TextRange::default(),
        value: Constant::Str(s),
        kind: Some(NO_LOCATION_MARK.to_string()),
    })
}

/// `optimize_format`: `"…%s…%r…" % (a, b)` → an f-string, for the simple `%s`/`%r`/`%a`
/// units with at most 2-digit width and precision. None leaves the expression as it is.
fn optimize_format(fmt: &str, elts: &[Expr]) -> Option<Vec<Expr>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    let mut count = 0;
    let mut values = Vec::new();
    loop {
        // parse_literal
        let start = pos;
        let mut has_percents = false;
        while pos < chars.len() {
            if chars[pos] != '%' {
                pos += 1;
            } else if pos + 1 < chars.len() && chars[pos + 1] == '%' {
                has_percents = true;
                pos += 2;
            } else {
                break;
            }
        }
        if pos > start {
            let mut lit: String = chars[start..pos].iter().collect();
            if has_percents {
                lit = lit.replace("%%", "%");
            }
            values.push(unlocated_str(lit));
        }
        if pos >= chars.len() {
            break;
        }
        if count >= elts.len() {
            return None;
        }
        pos += 1;
        let (spec, ljust, width, prec) = simple_format_arg(&chars, &mut pos)?;
        let conversion = match spec {
            's' => ast::ConversionFlag::Str,
            'r' => ast::ConversionFlag::Repr,
            'a' => ast::ConversionFlag::Ascii,
            _ => return None,
        };
        let mut buf = String::new();
        if !ljust && width.is_some_and(|w| w > 0) {
            buf.push('>');
        }
        if let Some(w) = width {
            buf.push_str(&w.to_string());
        }
        if let Some(p) = prec {
            buf.push('.');
            buf.push_str(&p.to_string());
        }
        let arg = elts[count].clone();
        count += 1;
        let range = arg.range();
        let format_spec = (!buf.is_empty()).then(|| Box::new(unlocated_str(buf)));
        values.push(Expr::FormattedValue(ast::ExprFormattedValue {
            range,
            value: Box::new(arg),
            conversion,
            format_spec,
        }));
    }
    (count == elts.len()).then_some(values)
}

/// `simple_format_arg_parse`: flags, width, precision and the conversion character.
fn simple_format_arg(
    chars: &[char],
    pos: &mut usize,
) -> Option<(char, bool, Option<u32>, Option<u32>)> {
    let mut ljust = false;
    let mut ch = next_char(chars, pos)?;
    while matches!(ch, '-' | '+' | ' ' | '#' | '0' | 'z') {
        ljust |= ch == '-';
        ch = next_char(chars, pos)?;
    }
    let digits_of = |first: char, pos: &mut usize| -> Option<(u32, char)> {
        let mut value = 0u32;
        let mut ch = first;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            value = value * 10 + (ch as u32 - '0' as u32);
            ch = next_char(chars, pos)?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
        Some((value, ch))
    };
    let mut width = None;
    if ch.is_ascii_digit() {
        let (w, c) = digits_of(ch, pos)?;
        width = Some(w);
        ch = c;
    }
    let mut prec = None;
    if ch == '.' {
        ch = next_char(chars, pos)?;
        prec = Some(0);
        if ch.is_ascii_digit() {
            let (p, c) = digits_of(ch, pos)?;
            prec = Some(p);
            ch = c;
        }
    }
    Some((ch, ljust, width, prec))
}

fn next_char(chars: &[char], pos: &mut usize) -> Option<char> {
    let c = *chars.get(*pos)?;
    *pos += 1;
    Some(c)
}

fn placeholder(range: TextRange) -> Expr {
    Expr::Constant(ast::ExprConstant {
        range,
        value: Constant::None,
        kind: None,
    })
}

/// `fold_iter`: a list display becomes a tuple (constant if it can), a set display of
/// constants a frozenset constant.
fn fold_iter(e: &mut Expr) {
    match e {
        Expr::List(l) => {
            if l.elts.iter().any(|x| matches!(x, Expr::Starred(_))) {
                return;
            }
            let range = l.range;
            let elts = std::mem::take(&mut l.elts);
            match const_tuple(&elts) {
                Some(c) => set_const(e, c),
                None => {
                    *e = Expr::Tuple(ast::ExprTuple {
                        range,
                        elts,
                        ctx: ast::ExprContext::Load,
                    });
                }
            }
        }
        Expr::Set(s) => {
            if let Some(Constant::Tuple(items)) = const_tuple(&s.elts) {
                let range = s.range;
                *e = Expr::Constant(ast::ExprConstant {
                    range,
                    value: Constant::Tuple(items),
                    kind: Some(FROZENSET_MARK.to_string()),
                });
            }
        }
        _ => {}
    }
}

/// rustpython's `Constant` has no frozenset; a folded set display is a tuple constant whose
/// `kind` carries this mark, and becomes a frozenset when turned into a marshal value.
pub const FROZENSET_MARK: &str = "rpy:frozenset";
