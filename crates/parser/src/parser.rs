//! The recursive-descent parser: statements, expressions (precedence climbing, one function
//! per level), patterns. It reads the token `Vec` with at most a few tokens of lookahead and
//! builds rustpython-ast nodes directly, with the byte ranges rustpython-parser 0.4 gives
//! them (a node spans the tokens of its grammar rule; parentheses around an expression are
//! not part of it).
//!
//! Counterpart: Grammar/python.gram and Parser/parser.c (3.11).

use crate::error::{AtEnd, ErrorKind, ParseError};
use crate::lexer::{T, Token, line_of, tokenize};
use crate::strings;
use num_bigint::BigInt;
use rustpython_ast::text_size::{TextRange, TextSize};
use rustpython_ast::{
    self as ast, BoolOp, CmpOp, Constant, Expr, ExprContext, Identifier, Operator, Pattern, Stmt,
    UnaryOp,
};

type R<X> = Result<X, ParseError>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Module,
    Interactive,
    Expression,
}

pub(crate) struct Parser<'a> {
    text: &'a str,
    base: u32,
    toks: Vec<Token>,
    pos: usize,
    /// Nesting of the recursive rules (see `guard`).
    depth: u32,
}

/// How deeply the recursive rules may nest (CPython's parser gives up at a similar depth).
const MAX_DEPTH: u32 = 6000;

#[inline]
fn rng(a: u32, b: u32) -> TextRange {
    TextRange::new(TextSize::new(a), TextSize::new(b))
}

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

fn end_of(stmts: &[Stmt]) -> u32 {
    stmts.last().map_or(0, |s| ast::Ranged::end(s).to_u32())
}

/// Sets the context of an assignment or deletion target (and of its elements).
pub(crate) fn set_context(e: &mut Expr, ctx: ExprContext) {
    match e {
        Expr::Name(n) => n.ctx = ctx,
        Expr::Attribute(a) => a.ctx = ctx,
        Expr::Subscript(s) => s.ctx = ctx,
        Expr::Tuple(t) => {
            t.ctx = ctx;
            for x in &mut t.elts {
                set_context(x, ctx);
            }
        }
        Expr::List(l) => {
            l.ctx = ctx;
            for x in &mut l.elts {
                set_context(x, ctx);
            }
        }
        Expr::Starred(s) => {
            s.ctx = ctx;
            set_context(&mut s.value, ctx);
        }
        _ => {}
    }
}

/// What CPython calls an expression that cannot be a target, in "cannot assign to %s".
fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::GeneratorExp(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "f-string expression",
        Expr::Constant(c) => match c.value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Expr::Compare(_) => "comparison",
        Expr::IfExp(_) => "conditional expression",
        Expr::NamedExpr(_) => "named expression",
        Expr::Slice(_) => "slice",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Assign,
    Del,
    /// `for` loops, comprehensions, `with ... as`.
    Star,
}

/// The first part of a target that cannot be assigned to (or deleted).
fn invalid_target(e: &Expr, kind: Target) -> Option<&Expr> {
    match e {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => None,
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        Expr::Starred(s) if kind != Target::Del => invalid_target(&s.value, kind),
        _ => Some(e),
    }
}

fn can_start_expr(k: T) -> bool {
    matches!(
        k,
        T::Name
            | T::Int
            | T::Float
            | T::Complex
            | T::Str
            | T::Lpar
            | T::Lsqb
            | T::Lbrace
            | T::Minus
            | T::Plus
            | T::Tilde
            | T::Not
            | T::Lambda
            | T::Await
            | T::True
            | T::False
            | T::None
            | T::Ellipsis
            | T::Star
    )
}

/// Can token `k`, after a primary, continue the expression as an operator (up to the
/// conditional expression level)?
fn continues_operand(k: T) -> bool {
    matches!(
        k,
        T::DoubleStar
            | T::Vbar
            | T::CircumFlex
            | T::Amper
            | T::LeftShift
            | T::RightShift
            | T::Plus
            | T::Minus
            | T::Star
            | T::Slash
            | T::DoubleSlash
            | T::Percent
            | T::At
            | T::EqEqual
            | T::NotEqual
            | T::Less
            | T::LessEqual
            | T::Greater
            | T::GreaterEqual
            | T::In
            | T::Not
            | T::Is
            | T::And
            | T::Or
            | T::If
    )
}

fn aug_op(k: T) -> Option<Operator> {
    Some(match k {
        T::PlusEqual => Operator::Add,
        T::MinusEqual => Operator::Sub,
        T::StarEqual => Operator::Mult,
        T::AtEqual => Operator::MatMult,
        T::SlashEqual => Operator::Div,
        T::PercentEqual => Operator::Mod,
        T::AmperEqual => Operator::BitAnd,
        T::VbarEqual => Operator::BitOr,
        T::CircumflexEqual => Operator::BitXor,
        T::LeftShiftEqual => Operator::LShift,
        T::RightShiftEqual => Operator::RShift,
        T::DoubleStarEqual => Operator::Pow,
        T::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

/// Parses an f-string replacement field's expression `src`, which starts at byte `at` of the
/// source: as rustpython-parser does, as the expression `(src)` whose `(` is at `at - 1`.
pub(crate) fn parse_fstring_expr(src: &str, at: u32) -> R<Expr> {
    let mut text = String::with_capacity(src.len() + 2);
    text.push('(');
    text.push_str(src);
    text.push(')');
    let base = at - 1;
    let toks = tokenize(&text, base).map_err(|mut e| {
        e.message = format!("f-string: {}", e.message);
        e
    })?;
    let mut p = Parser {
        text: &text,
        base,
        toks,
        pos: 0,
        depth: 0,
    };
    p.expression_mode().map_err(|mut e| {
        if !e.message.starts_with("f-string") {
            e.message = format!("f-string: {}", e.message);
        }
        e
    })
}

pub fn parse(source: &str, mode: Mode) -> R<ast::Mod> {
    let (toks, failure) = crate::lexer::tokenize_file(source);
    let Some(failure) = failure else {
        return parse_tokens(source, toks, mode);
    };
    // Which error CPython reports (Parser/pegen_errors.c, 3.11): the tokenizer's when the
    // parser gets as far as the bad token; else the parser's, unless the rest of the file
    // holds a tokenizer error (that one wins) or ends inside brackets opened on a line
    // before the parser's error (then "'(' was never closed").
    let syntax = match parse_tokens(source, toks, mode) {
        Ok(_) => return Err(failure.error),
        // Neither a stack overflow nor an unexpected indent looks further.
        Err(e)
            if e.kind == ErrorKind::Memory
                || (e.kind == ErrorKind::Indentation && e.message == "unexpected indent") =>
        {
            return Err(e);
        }
        Err(e) if e.offset >= failure.at => return Err(failure.error),
        Err(e) => e,
    };
    match failure.unclosed {
        None => Err(failure.error),
        Some(paren)
            if line_of(source.as_bytes(), paren as usize)
                < line_of(source.as_bytes(), syntax.offset as usize) =>
        {
            Err(failure.error)
        }
        Some(_) => Err(syntax),
    }
}

fn parse_tokens(source: &str, toks: Vec<Token>, mode: Mode) -> R<ast::Mod> {
    let mut p = Parser {
        text: source,
        base: 0,
        toks,
        pos: 0,
        depth: 0,
    };
    match mode {
        Mode::Module => {
            let body = p.file()?;
            Ok(ast::Mod::Module(ast::ModModule {
                body,
                type_ignores: Vec::new(),
                range: rng(0, p.last_end()),
            }))
        }
        Mode::Interactive => {
            // CPython's interactive grammar needs at least a newline.
            if p.kind() == T::EndOfFile {
                return Err(p.unexpected());
            }
            let body = p.file()?;
            Ok(ast::Mod::Interactive(ast::ModInteractive {
                body,
                range: rng(0, p.last_end()),
            }))
        }
        Mode::Expression => {
            let body = p.expression_mode()?;
            Ok(ast::Mod::Expression(ast::ModExpression {
                body: Box::new(body),
                range: rng(0, p.last_end()),
            }))
        }
    }
}

impl<'a> Parser<'a> {
    /// Runs a recursive rule one level deeper: fails past `MAX_DEPTH`, and makes sure there
    /// is stack for the next levels.
    #[inline]
    fn guard<X>(&mut self, rule: impl FnOnce(&mut Self) -> R<X>) -> R<X> {
        self.depth += 1;
        let r = if !self.depth.is_multiple_of(16) {
            rule(self)
        } else if self.depth > MAX_DEPTH {
            // CPython 3.11's parser raises a bare MemoryError here.
            Err(ParseError::new(ErrorKind::Memory, "", self.start()))
        } else {
            stacker::maybe_grow(1 << 20, 8 << 20, || rule(self))
        };
        self.depth -= 1;
        r
    }

    // ----- token access -----

    #[inline]
    fn kind(&self) -> T {
        self.toks[self.pos].kind
    }
    #[inline]
    fn peek(&self, n: usize) -> T {
        self.toks.get(self.pos + n).map_or(T::EndOfFile, |t| t.kind)
    }
    #[inline]
    fn start(&self) -> u32 {
        self.toks[self.pos].start
    }
    #[inline]
    fn prev_end(&self) -> u32 {
        self.toks[self.pos - 1].end
    }
    #[inline]
    fn bump(&mut self) {
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
    }
    #[inline]
    fn eat(&mut self, k: T) -> bool {
        if self.kind() == k {
            self.bump();
            true
        } else {
            false
        }
    }
    fn expect(&mut self, k: T) -> R<()> {
        if self.eat(k) {
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }
    /// The end of the last token before the end of input (the module's end).
    fn last_end(&self) -> u32 {
        let n = self.toks.len();
        if n >= 2 { self.toks[n - 2].end } else { 0 }
    }
    fn tok_text(&self, t: &Token) -> &'a str {
        &self.text[(t.start - self.base) as usize..(t.end - self.base) as usize]
    }
    fn cur_text(&self) -> &'a str {
        self.tok_text(&self.toks[self.pos])
    }
    /// The 1-based line number of byte `at`.
    fn line_of(&self, at: u32) -> usize {
        line_of(self.text.as_bytes(), (at - self.base) as usize)
    }

    fn span(&self, start: u32) -> TextRange {
        rng(start, self.prev_end())
    }

    fn error_at(&self, msg: &str, at: u32) -> ParseError {
        ParseError::new(ErrorKind::Syntax, msg, at)
    }

    fn unexpected(&self) -> ParseError {
        let t = self.toks[self.pos];
        match t.kind {
            T::Indent => ParseError::new(ErrorKind::Indentation, "unexpected indent", t.start),
            T::Dedent => ParseError::new(
                ErrorKind::Indentation,
                "unindent does not match any outer indentation level",
                t.start,
            ),
            T::EndOfFile => {
                let mut e = self.error_at("invalid syntax", t.start);
                e.at_end = AtEnd::Marker;
                e
            }
            T::Newline if t.start == t.end && t.start as usize == self.text.len() => {
                let mut e = self.error_at("invalid syntax", t.start);
                e.at_end = AtEnd::ImplicitNewline;
                e
            }
            _ => self.error_at("invalid syntax", t.start),
        }
    }

    /// An error the grammar raises at the last token read (CPython's `RAISE_SYNTAX_ERROR`
    /// and `RAISE_INDENTATION_ERROR` without a location): at the current token.
    fn error_here(&self, kind: ErrorKind, msg: &str) -> ParseError {
        let mut e = ParseError::new(kind, msg, self.start());
        if self.kind() == T::EndOfFile {
            e.at_end = AtEnd::LastToken;
        }
        e
    }

    fn ident(&mut self) -> R<Identifier> {
        if self.kind() != T::Name {
            return Err(self.unexpected());
        }
        let id = Identifier::new(self.cur_text());
        self.bump();
        Ok(id)
    }

    /// Is the soft keyword at the current token (a `Name` at the start of a logical line)
    /// used as a keyword? Decided as rustpython-parser does: `match`/`case` when a `:`
    /// follows on the line outside brackets (and not a lambda's). (`type` statements are
    /// Python 3.12 syntax: `type` is always a name.)
    fn soft_keyword(&self) -> Option<&'static str> {
        if self.kind() != T::Name {
            return None;
        }
        if self.pos > 0
            && !matches!(
                self.toks[self.pos - 1].kind,
                T::Newline | T::Indent | T::Dedent
            )
        {
            return None;
        }
        let word = match self.cur_text() {
            "match" => "match",
            "case" => "case",
            _ => return None,
        };
        let (mut depth, mut first, mut lambda) = (0i32, true, false);
        for t in &self.toks[self.pos + 1..] {
            match t.kind {
                T::Newline | T::EndOfFile => break,
                T::Lambda if depth == 0 => lambda = true,
                T::Colon if depth == 0 => {
                    if lambda {
                        lambda = false;
                    } else if !first {
                        return Some(word);
                    }
                }
                T::Lpar | T::Lsqb | T::Lbrace => depth += 1,
                T::Rpar | T::Rsqb | T::Rbrace => depth -= 1,
                _ => {}
            }
            first = false;
        }
        None
    }

    // ----- statements -----

    fn file(&mut self) -> R<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            match self.kind() {
                T::EndOfFile => break,
                T::Newline => self.bump(),
                _ => self.statement(&mut body)?,
            }
        }
        Ok(body)
    }

    fn expression_mode(&mut self) -> R<Expr> {
        let e = self.test_list()?;
        while self.eat(T::Newline) {}
        if self.kind() != T::EndOfFile {
            return Err(self.unexpected());
        }
        Ok(e)
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        self.guard(|p| p.statement_inner(out))
    }

    fn statement_inner(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let s = match self.kind() {
            T::If => self.if_stmt()?,
            T::While => self.while_stmt()?,
            T::For => self.for_stmt(self.start(), false)?,
            T::Try => self.try_stmt()?,
            T::With => self.with_stmt(self.start(), false)?,
            T::Def => self.funcdef(Vec::new())?,
            T::Class => self.classdef(Vec::new())?,
            T::At => self.decorated()?,
            T::Async => {
                let start = self.start();
                match self.peek(1) {
                    T::Def => self.funcdef(Vec::new())?,
                    T::For => {
                        self.bump();
                        self.for_stmt(start, true)?
                    }
                    T::With => {
                        self.bump();
                        self.with_stmt(start, true)?
                    }
                    _ => {
                        self.bump();
                        return Err(self.unexpected());
                    }
                }
            }
            T::Name => match self.soft_keyword() {
                Some("match") => self.match_stmt()?,
                Some("case") => return Err(self.unexpected()),
                _ => return self.simple_stmts(out),
            },
            _ => return self.simple_stmts(out),
        };
        out.push(s);
        Ok(())
    }

    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        loop {
            let s = self.small_stmt()?;
            out.push(s);
            if self.eat(T::Semi) {
                if self.eat(T::Newline) {
                    return Ok(());
                }
                continue;
            }
            return self.expect(T::Newline);
        }
    }

    /// A block: simple statements on the same line, or an indented suite.
    /// `what` (e.g. "'if' statement") starting at byte `at` names the statement for the
    /// error about a missing indented block.
    fn block(&mut self, what: &str, at: u32) -> R<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.eat(T::Newline) {
            if !self.eat(T::Indent) {
                return Err(self.error_here(
                    ErrorKind::Indentation,
                    &format!(
                        "expected an indented block after {what} on line {}",
                        self.line_of(at)
                    ),
                ));
            }
            loop {
                self.statement(&mut body)?;
                if self.eat(T::Dedent) {
                    break;
                }
            }
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(body)
    }

    fn small_stmt(&mut self) -> R<Stmt> {
        let start = self.start();
        Ok(match self.kind() {
            T::Pass => {
                self.bump();
                Stmt::Pass(ast::StmtPass {
                    range: self.span(start),
                })
            }
            T::Break => {
                self.bump();
                Stmt::Break(ast::StmtBreak {
                    range: self.span(start),
                })
            }
            T::Continue => {
                self.bump();
                Stmt::Continue(ast::StmtContinue {
                    range: self.span(start),
                })
            }
            T::Return => {
                self.bump();
                let value = if can_start_expr(self.kind()) {
                    let v = self.test_list()?;
                    Some(boxed(v))
                } else {
                    None
                };
                Stmt::Return(ast::StmtReturn {
                    value,
                    range: self.span(start),
                })
            }
            T::Raise => {
                self.bump();
                let (mut exc, mut cause) = (None, None);
                if can_start_expr(self.kind()) {
                    exc = Some(boxed(self.test()?));
                    if self.eat(T::From) {
                        cause = Some(boxed(self.test()?));
                    }
                }
                Stmt::Raise(ast::StmtRaise {
                    exc,
                    cause,
                    range: self.span(start),
                })
            }
            T::Global | T::Nonlocal => {
                let global = self.kind() == T::Global;
                self.bump();
                let mut names = vec![self.ident()?];
                while self.eat(T::Comma) {
                    names.push(self.ident()?);
                }
                let range = self.span(start);
                if global {
                    Stmt::Global(ast::StmtGlobal { names, range })
                } else {
                    Stmt::Nonlocal(ast::StmtNonlocal { names, range })
                }
            }
            T::Del => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let mut e = self.expr_or_star()?;
                    if let Some(bad) = invalid_target(&e, Target::Del) {
                        return Err(self.error_at(
                            &format!("cannot delete {}", expr_name(bad)),
                            ast::Ranged::start(bad).to_u32(),
                        ));
                    }
                    set_context(&mut e, ExprContext::Del);
                    targets.push(e);
                    if !self.eat(T::Comma) || !can_start_expr(self.kind()) {
                        break;
                    }
                }
                Stmt::Delete(ast::StmtDelete {
                    targets,
                    range: self.span(start),
                })
            }
            T::Assert => {
                self.bump();
                let test = boxed(self.test()?);
                let msg = if self.eat(T::Comma) {
                    Some(boxed(self.test()?))
                } else {
                    None
                };
                Stmt::Assert(ast::StmtAssert {
                    test,
                    msg,
                    range: self.span(start),
                })
            }
            T::Import => self.import()?,
            T::From => self.import_from()?,
            T::Yield => {
                let value = boxed(self.yield_expr()?);
                Stmt::Expr(ast::StmtExpr {
                    value,
                    range: self.span(start),
                })
            }
            _ => self.expr_stmt()?,
        })
    }

    /// Is `e` parenthesized (the token before its first one is a `(`)?
    fn parenthesized(&self, e: &Expr) -> bool {
        let at = ast::Ranged::start(e).to_u32();
        let i = self.toks.partition_point(|t| t.start < at);
        i > 0 && self.toks[i - 1].kind == T::Lpar
    }

    fn check_target(&self, e: &Expr, kind: Target) -> R<()> {
        if let Some(bad) = invalid_target(e, kind) {
            let what = expr_name(bad);
            let at = ast::Ranged::start(bad).to_u32();
            let msg = match bad {
                Expr::Starred(_) => "starred assignment target must be in a list or tuple".into(),
                Expr::Constant(c) if matches!(c.value, Constant::None | Constant::Bool(_)) => {
                    format!("cannot assign to {what}")
                }
                _ => format!("cannot assign to {what}"),
            };
            return Err(self.error_at(&msg, at));
        }
        Ok(())
    }

    fn expr_stmt(&mut self) -> R<Stmt> {
        let start = self.start();
        let bare_star = self.kind() == T::Star;
        let first = self.test_or_star()?;
        let bare_tuple = self.kind() == T::Comma;
        let first = if bare_tuple {
            self.test_list_rest(start, first)?
        } else {
            first
        };
        let k = self.kind();
        if k == T::Equal {
            let mut exprs = vec![first];
            while self.eat(T::Equal) {
                exprs.push(if self.kind() == T::Yield {
                    self.yield_expr()?
                } else {
                    self.test_list()?
                });
            }
            let value = exprs.pop().unwrap_or_else(unreachable_expr);
            let single = exprs.len() == 1;
            for (i, t) in exprs.iter_mut().enumerate() {
                match t {
                    Expr::Yield(_) | Expr::YieldFrom(_) if i > 0 => {
                        return Err(self.error_at(
                            "assignment to yield expression not possible",
                            ast::Ranged::start(t).to_u32(),
                        ));
                    }
                    _ => {}
                }
                if single {
                    self.check_single_target(t, bare_tuple)?;
                }
                self.check_target(t, Target::Assign)?;
                set_context(t, ExprContext::Store);
            }
            let value = boxed(value);
            return Ok(Stmt::Assign(ast::StmtAssign {
                targets: exprs,
                value,
                type_comment: None,
                range: self.span(start),
            }));
        }
        if let Some(op) = aug_op(k) {
            if !matches!(
                first,
                Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)
            ) {
                return Err(self.error_at(
                    &format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&first)
                    ),
                    ast::Ranged::start(&first).to_u32(),
                ));
            }
            self.bump();
            let mut target = first;
            set_context(&mut target, ExprContext::Store);
            let value = boxed(self.test_list_or_yield()?);
            return Ok(Stmt::AugAssign(ast::StmtAugAssign {
                target: boxed(target),
                op,
                value,
                range: self.span(start),
            }));
        }
        if k == T::Colon {
            if bare_tuple || bare_star {
                return Err(self.error_at("only single target (not tuple) can be annotated", start));
            }
            match &first {
                Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => {}
                Expr::Tuple(_) => {
                    return Err(
                        self.error_at("only single target (not tuple) can be annotated", start)
                    );
                }
                Expr::List(_) => {
                    return Err(
                        self.error_at("only single target (not list) can be annotated", start)
                    );
                }
                _ => return Err(self.error_at("illegal target for annotation", start)),
            }
            self.bump();
            let annotation = boxed(self.test()?);
            let value = if self.eat(T::Equal) {
                Some(boxed(self.test_list_or_yield()?))
            } else {
                None
            };
            let simple = matches!(first, Expr::Name(_));
            let mut target = first;
            set_context(&mut target, ExprContext::Store);
            return Ok(Stmt::AnnAssign(ast::StmtAnnAssign {
                target: boxed(target),
                annotation,
                value,
                simple,
                range: self.span(start),
            }));
        }
        if let Expr::Name(n) = &first {
            let name = n.id.as_str();
            if (name == "print" || name == "exec")
                && can_start_expr(self.kind())
                && self.kind() != T::Lpar
            {
                return Err(self.error_at(
                    &format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                    start,
                ));
            }
        }
        Ok(Stmt::Expr(ast::StmtExpr {
            value: boxed(first),
            range: self.span(start),
        }))
    }

    /// CPython's "cannot assign to X here. Maybe you meant '==' instead of '='?": for an
    /// invalid target right before the `=` of a single assignment (the whole target or the
    /// last item of a bare tuple) that is an operand-level expression.
    fn check_single_target(&self, t: &Expr, bare_tuple: bool) -> R<()> {
        let last = match t {
            Expr::Tuple(tup) if bare_tuple => match tup.elts.last() {
                Some(e) => e,
                None => return Ok(()),
            },
            other => other,
        };
        let operand = match last {
            Expr::Call(_)
            | Expr::BinOp(_)
            | Expr::Await(_)
            | Expr::JoinedStr(_)
            | Expr::Dict(_)
            | Expr::Set(_)
            | Expr::ListComp(_)
            | Expr::SetComp(_)
            | Expr::DictComp(_) => true,
            Expr::UnaryOp(u) => u.op != UnaryOp::Not || self.parenthesized(last),
            Expr::Constant(c) => !matches!(c.value, Constant::None | Constant::Bool(_)),
            Expr::Yield(_)
            | Expr::YieldFrom(_)
            | Expr::IfExp(_)
            | Expr::Lambda(_)
            | Expr::Compare(_)
            | Expr::BoolOp(_)
            | Expr::NamedExpr(_) => self.parenthesized(last),
            _ => false,
        };
        if operand {
            return Err(self.error_at(
                &format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(last)
                ),
                ast::Ranged::start(last).to_u32(),
            ));
        }
        Ok(())
    }

    fn dotted_name(&mut self) -> R<Identifier> {
        let first = self.ident()?;
        if self.kind() != T::Dot {
            return Ok(first);
        }
        let mut s = first.as_str().to_string();
        while self.kind() == T::Dot {
            self.bump();
            s.push('.');
            let t = self.toks[self.pos];
            if t.kind != T::Name {
                return Err(self.unexpected());
            }
            s.push_str(self.tok_text(&t));
            self.bump();
        }
        Ok(Identifier::new(s))
    }

    fn import(&mut self) -> R<Stmt> {
        let start = self.start();
        self.bump();
        let mut names = Vec::new();
        loop {
            let a = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat(T::As) {
                Some(self.ident()?)
            } else {
                None
            };
            names.push(ast::Alias {
                name,
                asname,
                range: self.span(a),
            });
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(Stmt::Import(ast::StmtImport {
            names,
            range: self.span(start),
        }))
    }

    fn import_from(&mut self) -> R<Stmt> {
        let start = self.start();
        self.bump();
        let mut level = 0u32;
        loop {
            match self.kind() {
                T::Dot => level += 1,
                T::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if self.kind() == T::Name {
            Some(self.dotted_name()?)
        } else if level == 0 {
            return Err(self.unexpected());
        } else {
            None
        };
        self.expect(T::Import)?;
        let mut names = Vec::new();
        if self.kind() == T::Star {
            let a = self.start();
            self.bump();
            names.push(ast::Alias {
                name: Identifier::new("*"),
                asname: None,
                range: self.span(a),
            });
        } else {
            let paren = self.eat(T::Lpar);
            loop {
                let a = self.start();
                let name = self.ident()?;
                let asname = if self.eat(T::As) {
                    Some(self.ident()?)
                } else {
                    None
                };
                names.push(ast::Alias {
                    name,
                    asname,
                    range: self.span(a),
                });
                if !self.eat(T::Comma) {
                    break;
                }
                if paren && self.kind() == T::Rpar {
                    break;
                }
                if !paren && self.kind() != T::Name {
                    return Err(self.error_at(
                        "trailing comma not allowed without surrounding parentheses",
                        self.start(),
                    ));
                }
            }
            if paren {
                self.expect(T::Rpar)?;
            }
        }
        Ok(Stmt::ImportFrom(ast::StmtImportFrom {
            module,
            names,
            level: Some(ast::Int::new(level)),
            range: self.span(start),
        }))
    }

    fn if_stmt(&mut self) -> R<Stmt> {
        let start = self.start();
        self.bump();
        let test = self.named_test()?;
        self.expect(T::Colon)?;
        let body = self.block("'if' statement", start)?;
        let mut elifs = Vec::new();
        while self.kind() == T::Elif {
            let s = self.start();
            self.bump();
            let t = self.named_test()?;
            self.expect(T::Colon)?;
            let b = self.block("'elif' statement", s)?;
            elifs.push((s, t, b));
        }
        let mut orelse = self.else_block()?;
        let end = if !orelse.is_empty() {
            end_of(&orelse)
        } else if let Some((_, _, b)) = elifs.last() {
            end_of(b)
        } else {
            end_of(&body)
        };
        for (s, t, b) in elifs.into_iter().rev() {
            orelse = vec![Stmt::If(ast::StmtIf {
                test: boxed(t),
                body: b,
                orelse,
                range: rng(s, end),
            })];
        }
        Ok(Stmt::If(ast::StmtIf {
            test: boxed(test),
            body,
            orelse,
            range: rng(start, end),
        }))
    }

    fn else_block(&mut self) -> R<Vec<Stmt>> {
        if self.kind() == T::Else {
            let at = self.start();
            self.bump();
            self.expect(T::Colon)?;
            self.block("'else' statement", at)
        } else {
            Ok(Vec::new())
        }
    }

    fn while_stmt(&mut self) -> R<Stmt> {
        let start = self.start();
        self.bump();
        let test = self.named_test()?;
        self.expect(T::Colon)?;
        let body = self.block("'while' statement", start)?;
        let orelse = self.else_block()?;
        let end = if orelse.is_empty() {
            end_of(&body)
        } else {
            end_of(&orelse)
        };
        Ok(Stmt::While(ast::StmtWhile {
            test: boxed(test),
            body,
            orelse,
            range: rng(start, end),
        }))
    }

    fn for_stmt(&mut self, start: u32, is_async: bool) -> R<Stmt> {
        self.expect(T::For)?;
        let mut target = self.expr_list()?;
        self.check_target(&target, Target::Star)?;
        set_context(&mut target, ExprContext::Store);
        self.expect(T::In)?;
        let iter = self.test_list()?;
        self.expect(T::Colon)?;
        let body = self.block("'for' statement", start)?;
        let orelse = self.else_block()?;
        let end = if orelse.is_empty() {
            end_of(&body)
        } else {
            end_of(&orelse)
        };
        let (target, iter, range) = (boxed(target), boxed(iter), rng(start, end));
        Ok(if is_async {
            Stmt::AsyncFor(ast::StmtAsyncFor {
                target,
                iter,
                body,
                orelse,
                type_comment: None,
                range,
            })
        } else {
            Stmt::For(ast::StmtFor {
                target,
                iter,
                body,
                orelse,
                type_comment: None,
                range,
            })
        })
    }

    fn try_stmt(&mut self) -> R<Stmt> {
        let start = self.start();
        self.bump();
        self.expect(T::Colon)?;
        let body = self.block("'try' statement", start)?;
        let mut handlers = Vec::new();
        let mut star: Option<bool> = None;
        while self.kind() == T::Except {
            let hs = self.start();
            self.bump();
            let is_star = self.eat(T::Star);
            if star.is_some_and(|s| s != is_star) {
                return Err(self.error_at(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    hs,
                ));
            }
            star = Some(is_star);
            let (mut type_, mut name) = (None, None);
            if is_star && self.kind() == T::Colon {
                return Err(self.error_at("expected one or more exception types", self.start()));
            }
            if self.kind() != T::Colon {
                type_ = Some(boxed(self.test()?));
                if self.eat(T::As) {
                    name = Some(self.ident()?);
                }
            }
            self.expect(T::Colon)?;
            let what = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let b = self.block(what, hs)?;
            let range = rng(hs, end_of(&b));
            handlers.push(ast::ExceptHandler::ExceptHandler(
                ast::ExceptHandlerExceptHandler {
                    type_,
                    name,
                    body: b,
                    range,
                },
            ));
        }
        let orelse = if !handlers.is_empty() {
            self.else_block()?
        } else {
            Vec::new()
        };
        let finalbody = if self.kind() == T::Finally {
            let at = self.start();
            self.bump();
            self.expect(T::Colon)?;
            self.block("'finally' statement", at)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.error_at("expected 'except' or 'finally' block", self.start()));
        }
        let end = if !finalbody.is_empty() {
            end_of(&finalbody)
        } else if !orelse.is_empty() {
            end_of(&orelse)
        } else {
            handlers.last().map_or(0, |h| ast::Ranged::end(h).to_u32())
        };
        let range = rng(start, end);
        Ok(if star == Some(true) {
            Stmt::TryStar(ast::StmtTryStar {
                body,
                handlers,
                orelse,
                finalbody,
                range,
            })
        } else {
            Stmt::Try(ast::StmtTry {
                body,
                handlers,
                orelse,
                finalbody,
                range,
            })
        })
    }

    /// The index of the token closing the bracket at `open`.
    fn matching_close(&self, open: usize) -> usize {
        let mut depth = 0usize;
        for (i, t) in self.toks[open..].iter().enumerate() {
            match t.kind {
                T::Lpar | T::Lsqb | T::Lbrace => depth += 1,
                T::Rpar | T::Rsqb | T::Rbrace => {
                    depth -= 1;
                    if depth == 0 {
                        return open + i;
                    }
                }
                T::EndOfFile => return open + i,
                _ => {}
            }
        }
        self.toks.len() - 1
    }

    fn with_stmt(&mut self, start: u32, is_async: bool) -> R<Stmt> {
        self.expect(T::With)?;
        let mut items = None;
        if self.kind() == T::Lpar {
            let close = self.matching_close(self.pos);
            if self.toks.get(close + 1).map(|t| t.kind) == Some(T::Colon) {
                let save = self.pos;
                match self.paren_with_items() {
                    Ok(v) => items = Some(v),
                    Err(_) => self.pos = save,
                }
            }
        }
        let items = match items {
            Some(v) => v,
            None => {
                let mut v = Vec::new();
                loop {
                    let s = self.start();
                    let context_expr = self.test()?;
                    let optional_vars = if self.eat(T::As) {
                        Some(boxed(self.with_target()?))
                    } else {
                        None
                    };
                    v.push(ast::WithItem {
                        context_expr,
                        optional_vars,
                        range: self.span(s),
                    });
                    if !self.eat(T::Comma) {
                        break;
                    }
                }
                v
            }
        };
        self.expect(T::Colon)?;
        let body = self.block("'with' statement", start)?;
        let range = rng(start, end_of(&body));
        Ok(if is_async {
            Stmt::AsyncWith(ast::StmtAsyncWith {
                items,
                body,
                type_comment: None,
                range,
            })
        } else {
            Stmt::With(ast::StmtWith {
                items,
                body,
                type_comment: None,
                range,
            })
        })
    }

    fn with_target(&mut self) -> R<Expr> {
        let mut t = self.expr()?;
        self.check_target(&t, Target::Star)?;
        set_context(&mut t, ExprContext::Store);
        Ok(t)
    }

    /// `with (a, b as c, ...):` — the items inside the parentheses. Items without `as`
    /// before the first one with `as` share one range (rustpython-parser's quirk).
    fn paren_with_items(&mut self) -> R<Vec<ast::WithItem>> {
        self.expect(T::Lpar)?;
        let mut items: Vec<ast::WithItem> = Vec::new();
        let mut lead_end: Option<usize> = None;
        let first_start = self.start();
        loop {
            let s = self.start();
            let context_expr = self.test()?;
            if matches!(self.kind(), T::For | T::Async) {
                return Err(self.unexpected());
            }
            let optional_vars = if self.eat(T::As) {
                if lead_end.is_none() {
                    lead_end = Some(items.len());
                }
                Some(boxed(self.with_target()?))
            } else {
                None
            };
            items.push(ast::WithItem {
                context_expr,
                optional_vars,
                range: self.span(s),
            });
            if !self.eat(T::Comma) || self.kind() == T::Rpar {
                break;
            }
        }
        self.expect(T::Rpar)?;
        if self.kind() != T::Colon {
            return Err(self.unexpected());
        }
        let n = lead_end.unwrap_or(items.len());
        if n > 0 {
            let end = ast::Ranged::end(&items[n - 1].context_expr).to_u32();
            // The end of the last leading item's tokens (it may be parenthesized).
            let end = items[n - 1].range.end().to_u32().max(end);
            for it in &mut items[..n] {
                it.range = rng(first_start, end);
            }
        }
        Ok(items)
    }

    fn decorated(&mut self) -> R<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(T::At) {
            decorators.push(self.named_test()?);
            self.expect(T::Newline)?;
        }
        match self.kind() {
            T::Def => self.funcdef(decorators),
            T::Async if self.peek(1) == T::Def => self.funcdef(decorators),
            T::Class => self.classdef(decorators),
            _ => Err(self.unexpected()),
        }
    }

    fn funcdef(&mut self, decorator_list: Vec<Expr>) -> R<Stmt> {
        let start = self.start();
        let is_async = self.eat(T::Async);
        self.expect(T::Def)?;
        let name = self.ident()?;
        if self.kind() == T::Lsqb {
            // Type parameters are Python 3.12 syntax.
            return Err(self.error_at("expected '('", self.start()));
        }
        let type_params = Vec::new();
        let pstart = self.start();
        self.expect(T::Lpar)?;
        let args = if self.kind() == T::Rpar {
            self.bump();
            empty_args(self.span(pstart))
        } else {
            let a = self.parameters(true, T::Rpar)?;
            self.expect(T::Rpar)?;
            a
        };
        let returns = if self.eat(T::Rarrow) {
            Some(boxed(self.test()?))
        } else {
            None
        };
        self.expect(T::Colon)?;
        let body = self.block("function definition", start)?;
        let range = rng(start, end_of(&body));
        let args = Box::new(args);
        Ok(if is_async {
            Stmt::AsyncFunctionDef(ast::StmtAsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment: None,
                type_params,
                range,
            })
        } else {
            Stmt::FunctionDef(ast::StmtFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment: None,
                type_params,
                range,
            })
        })
    }

    fn classdef(&mut self, decorator_list: Vec<Expr>) -> R<Stmt> {
        let start = self.start();
        self.bump();
        let name = self.ident()?;
        if self.kind() == T::Lsqb {
            return Err(self.unexpected());
        }
        let type_params = Vec::new();
        let (bases, keywords) = if self.eat(T::Lpar) {
            self.call_args(true)?
        } else {
            (Vec::new(), Vec::new())
        };
        self.expect(T::Colon)?;
        let body = self.block("class definition", start)?;
        let range = rng(start, end_of(&body));
        Ok(Stmt::ClassDef(ast::StmtClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
            type_params,
            range,
        }))
    }

    /// A parameter list (of a `def` when `typed`, else of a `lambda`), up to `close`.
    fn parameters(&mut self, typed: bool, close: T) -> R<ast::Arguments> {
        let start = self.start();
        let mut posonlyargs = Vec::new();
        let mut args: Vec<ast::ArgWithDefault> = Vec::new();
        let mut vararg = None;
        let mut kwonlyargs = Vec::new();
        let mut kwarg = None;
        // 0: positional, 1: after `*`, 2: after `**`.
        let mut state = 0;
        let mut star_at = None;
        let mut seen_default = false;
        loop {
            match self.kind() {
                T::Name if state < 2 => {
                    let p = self.param_def(typed)?;
                    if state == 0 {
                        if p.default.is_some() {
                            seen_default = true;
                        } else if seen_default {
                            return Err(self.error_at(
                                "non-default argument follows default argument",
                                p.def.range.start().to_u32(),
                            ));
                        }
                        args.push(p);
                    } else {
                        kwonlyargs.push(p);
                    }
                }
                T::Slash if state == 0 && !args.is_empty() && posonlyargs.is_empty() => {
                    self.bump();
                    posonlyargs = std::mem::take(&mut args);
                }
                T::Star if state == 0 => {
                    star_at = Some(self.start());
                    self.bump();
                    if self.kind() == T::Name {
                        vararg = Some(Box::new(self.arg(typed, true)?));
                    }
                    state = 1;
                }
                T::DoubleStar if state < 2 => {
                    self.bump();
                    kwarg = Some(Box::new(self.arg(typed, false)?));
                    state = 2;
                }
                T::Name | T::Star | T::Slash | T::DoubleStar if state == 2 => {
                    return Err(
                        self.error_at("arguments cannot follow var-keyword argument", self.start())
                    );
                }
                _ => return Err(self.unexpected()),
            }
            if !self.eat(T::Comma) || self.kind() == close {
                break;
            }
        }
        if let Some(at) = star_at
            && vararg.is_none()
            && kwonlyargs.is_empty()
        {
            return Err(self.error_at("named arguments must follow bare *", at));
        }
        let a = ast::Arguments {
            posonlyargs,
            args,
            vararg,
            kwonlyargs,
            kwarg,
            range: self.span(start),
        };
        Ok(a)
    }

    fn arg(&mut self, typed: bool, star: bool) -> R<ast::Arg> {
        let start = self.start();
        let arg = self.ident()?;
        let annotation = if typed && self.eat(T::Colon) {
            Some(boxed(if star {
                self.test_or_star()?
            } else {
                self.test()?
            }))
        } else {
            None
        };
        Ok(ast::Arg {
            arg,
            annotation,
            type_comment: None,
            range: self.span(start),
        })
    }

    fn param_def(&mut self, typed: bool) -> R<ast::ArgWithDefault> {
        let def = self.arg(typed, false)?;
        let range = def.range;
        let default = if self.eat(T::Equal) {
            Some(boxed(self.test()?))
        } else {
            None
        };
        Ok(ast::ArgWithDefault {
            def,
            default,
            range,
        })
    }

    fn match_stmt(&mut self) -> R<Stmt> {
        let start = self.start();
        self.bump();
        let first = self.named_or_star()?;
        if self.eat(T::Comma) && self.kind() != T::Colon {
            let mut elts = vec![first];
            loop {
                elts.push(self.named_or_star()?);
                if !self.eat(T::Comma) || self.kind() == T::Colon {
                    break;
                }
            }
            self.expect(T::Colon)?;
            self.match_block(start)?;
            let cases = self.cases()?;
            let end = end_of(cases.last().map_or(&[][..], |c| &c.body[..]));
            let subject = Expr::Tuple(ast::ExprTuple {
                elts,
                ctx: ExprContext::Load,
                range: rng(start, end),
            });
            return Ok(Stmt::Match(ast::StmtMatch {
                subject: boxed(subject),
                cases,
                range: rng(start, end),
            }));
        }
        self.expect(T::Colon)?;
        self.match_block(start)?;
        let cases = self.cases()?;
        let end = end_of(cases.last().map_or(&[][..], |c| &c.body[..]));
        Ok(Stmt::Match(ast::StmtMatch {
            subject: boxed(first),
            cases,
            range: rng(start, end),
        }))
    }

    fn match_block(&mut self, start: u32) -> R<()> {
        self.expect(T::Newline)?;
        if !self.eat(T::Indent) {
            return Err(self.error_here(
                ErrorKind::Indentation,
                &format!(
                    "expected an indented block after 'match' statement on line {}",
                    self.line_of(start)
                ),
            ));
        }
        Ok(())
    }

    fn cases(&mut self) -> R<Vec<ast::MatchCase>> {
        let mut cases = Vec::new();
        loop {
            if self.soft_keyword() != Some("case") {
                return Err(self.unexpected());
            }
            let start = self.start();
            self.bump();
            let pattern = self.patterns()?;
            let guard = if self.eat(T::If) {
                Some(boxed(self.named_test()?))
            } else {
                None
            };
            self.expect(T::Colon)?;
            let body = self.block("'case' statement", start)?;
            cases.push(ast::MatchCase {
                pattern,
                guard,
                range: rng(start, end_of(&body)),
                body,
            });
            if self.eat(T::Dedent) {
                return Ok(cases);
            }
        }
    }

    // ----- patterns -----

    fn patterns(&mut self) -> R<Pattern> {
        let start = self.start();
        let star = self.kind() == T::Star;
        let p = self.seq_item()?;
        if self.kind() != T::Comma {
            if star {
                return Err(self.error_at("invalid syntax", start));
            }
            return Ok(p);
        }
        let mut patterns = vec![p];
        while self.eat(T::Comma) {
            if matches!(self.kind(), T::Colon | T::If) {
                break;
            }
            patterns.push(self.seq_item()?);
        }
        Ok(Pattern::MatchSequence(ast::PatternMatchSequence {
            patterns,
            range: self.span(start),
        }))
    }

    /// An item of a sequence pattern: a pattern or a star pattern.
    fn seq_item(&mut self) -> R<Pattern> {
        if self.kind() != T::Star {
            return self.pattern();
        }
        let start = self.start();
        self.bump();
        let name = self.ident()?;
        Ok(Pattern::MatchStar(ast::PatternMatchStar {
            name: (name.as_str() != "_").then_some(name),
            range: self.span(start),
        }))
    }

    fn pattern(&mut self) -> R<Pattern> {
        let start = self.start();
        let p = self.or_pattern()?;
        if self.eat(T::As) {
            let nstart = self.start();
            let name = self.ident()?;
            if name.as_str() == "_" {
                return Err(self.error_at("cannot use '_' as a target", nstart));
            }
            return Ok(Pattern::MatchAs(ast::PatternMatchAs {
                pattern: Some(Box::new(p)),
                name: Some(name),
                range: self.span(start),
            }));
        }
        Ok(p)
    }

    fn or_pattern(&mut self) -> R<Pattern> {
        let start = self.start();
        let p = self.closed_pattern()?;
        if self.kind() != T::Vbar {
            return Ok(p);
        }
        let mut patterns = vec![p];
        while self.eat(T::Vbar) {
            patterns.push(self.closed_pattern()?);
        }
        Ok(Pattern::MatchOr(ast::PatternMatchOr {
            patterns,
            range: self.span(start),
        }))
    }

    fn const_atom(&mut self) -> R<Expr> {
        let start = self.start();
        let value = match self.kind() {
            T::Int | T::Float | T::Complex => self.number()?,
            _ => return Err(self.unexpected()),
        };
        self.bump();
        Ok(Expr::Constant(ast::ExprConstant {
            value,
            kind: None,
            range: self.span(start),
        }))
    }

    /// A number, `-number`, or `[-]number +/- number` (complex literals).
    fn signed_number(&mut self) -> R<Expr> {
        let start = self.start();
        let left = if self.eat(T::Minus) {
            let operand = self.const_atom()?;
            Expr::UnaryOp(ast::ExprUnaryOp {
                op: UnaryOp::USub,
                operand: boxed(operand),
                range: self.span(start),
            })
        } else {
            self.const_atom()?
        };
        let op = match self.kind() {
            T::Plus => Operator::Add,
            T::Minus => Operator::Sub,
            _ => return Ok(left),
        };
        if self.toks[self.pos - 1].kind == T::Complex {
            return Err(self.error_at("real number required in complex literal", start));
        }
        self.bump();
        if self.kind() != T::Complex {
            return Err(self.error_at("imaginary number required in complex literal", self.start()));
        }
        let right = self.const_atom()?;
        Ok(Expr::BinOp(ast::ExprBinOp {
            left: boxed(left),
            op,
            right: boxed(right),
            range: self.span(start),
        }))
    }

    fn strings(&mut self) -> R<Expr> {
        let first = self.pos;
        while self.kind() == T::Str {
            self.bump();
        }
        strings::concat(self.text, self.base, &self.toks[first..self.pos])
    }

    /// `NAME(.NAME)*` as a load expression.
    fn name_or_attr(&mut self) -> R<Expr> {
        let start = self.start();
        let id = self.ident()?;
        let mut e = Expr::Name(ast::ExprName {
            id,
            ctx: ExprContext::Load,
            range: self.span(start),
        });
        while self.eat(T::Dot) {
            let attr = self.ident()?;
            e = Expr::Attribute(ast::ExprAttribute {
                value: boxed(e),
                attr,
                ctx: ExprContext::Load,
                range: self.span(start),
            });
        }
        Ok(e)
    }

    fn closed_pattern(&mut self) -> R<Pattern> {
        self.guard(Self::closed_pattern_inner)
    }

    fn closed_pattern_inner(&mut self) -> R<Pattern> {
        let start = self.start();
        match self.kind() {
            T::None | T::True | T::False => {
                let value = match self.kind() {
                    T::None => Constant::None,
                    T::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                self.bump();
                Ok(Pattern::MatchSingleton(ast::PatternMatchSingleton {
                    value,
                    range: self.span(start),
                }))
            }
            T::Minus | T::Int | T::Float | T::Complex => {
                let value = self.signed_number()?;
                Ok(Pattern::MatchValue(ast::PatternMatchValue {
                    value: boxed(value),
                    range: self.span(start),
                }))
            }
            T::Str => {
                let value = self.strings()?;
                Ok(Pattern::MatchValue(ast::PatternMatchValue {
                    value: boxed(value),
                    range: self.span(start),
                }))
            }
            T::Name => {
                if self.peek(1) != T::Dot && self.peek(1) != T::Lpar {
                    let name = self.ident()?;
                    return Ok(Pattern::MatchAs(ast::PatternMatchAs {
                        pattern: None,
                        name: (name.as_str() != "_").then_some(name),
                        range: self.span(start),
                    }));
                }
                let cls = self.name_or_attr()?;
                if self.kind() == T::Lpar {
                    return self.class_pattern(start, cls);
                }
                Ok(Pattern::MatchValue(ast::PatternMatchValue {
                    value: boxed(cls),
                    range: self.span(start),
                }))
            }
            T::Lpar => {
                self.bump();
                if self.eat(T::Rpar) {
                    return Ok(Pattern::MatchSequence(ast::PatternMatchSequence {
                        patterns: Vec::new(),
                        range: self.span(start),
                    }));
                }
                let star = self.kind() == T::Star;
                let p = self.seq_item()?;
                if self.kind() == T::Rpar {
                    if star {
                        return Err(self.unexpected());
                    }
                    self.bump();
                    return Ok(p);
                }
                let mut patterns = vec![p];
                while self.eat(T::Comma) {
                    if self.kind() == T::Rpar {
                        break;
                    }
                    patterns.push(self.seq_item()?);
                }
                self.expect(T::Rpar)?;
                Ok(Pattern::MatchSequence(ast::PatternMatchSequence {
                    patterns,
                    range: self.span(start),
                }))
            }
            T::Lsqb => {
                self.bump();
                let mut patterns = Vec::new();
                while self.kind() != T::Rsqb {
                    patterns.push(self.seq_item()?);
                    if !self.eat(T::Comma) {
                        break;
                    }
                }
                self.expect(T::Rsqb)?;
                Ok(Pattern::MatchSequence(ast::PatternMatchSequence {
                    patterns,
                    range: self.span(start),
                }))
            }
            T::Lbrace => self.mapping_pattern(),
            _ => Err(self.unexpected()),
        }
    }

    fn mapping_pattern(&mut self) -> R<Pattern> {
        let start = self.start();
        self.bump();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        loop {
            if self.kind() == T::Rbrace {
                break;
            }
            if self.eat(T::DoubleStar) {
                if self.cur_text() == "_" {
                    return Err(self.unexpected());
                }
                rest = Some(self.ident()?);
                self.eat(T::Comma);
                break;
            }
            let kstart = self.start();
            let key = match self.kind() {
                T::Minus | T::Int | T::Float | T::Complex => self.signed_number()?,
                T::Str => self.strings()?,
                T::None | T::True | T::False => {
                    let value = match self.kind() {
                        T::None => Constant::None,
                        T::True => Constant::Bool(true),
                        _ => Constant::Bool(false),
                    };
                    self.bump();
                    Expr::Constant(ast::ExprConstant {
                        value,
                        kind: None,
                        range: self.span(kstart),
                    })
                }
                T::Name if self.peek(1) == T::Dot => self.name_or_attr()?,
                _ => return Err(self.unexpected()),
            };
            self.expect(T::Colon)?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::Rbrace)?;
        Ok(Pattern::MatchMapping(ast::PatternMatchMapping {
            keys,
            patterns,
            rest,
            range: self.span(start),
        }))
    }

    fn class_pattern(&mut self, start: u32, cls: Expr) -> R<Pattern> {
        self.expect(T::Lpar)?;
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while self.kind() != T::Rpar {
            if self.kind() == T::Name && self.peek(1) == T::Equal {
                kwd_attrs.push(self.ident()?);
                self.bump();
                kwd_patterns.push(self.pattern()?);
            } else {
                if !kwd_attrs.is_empty() {
                    return Err(
                        self.error_at("positional patterns follow keyword patterns", self.start())
                    );
                }
                patterns.push(self.pattern()?);
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::Rpar)?;
        Ok(Pattern::MatchClass(ast::PatternMatchClass {
            cls: boxed(cls),
            patterns,
            kwd_attrs,
            kwd_patterns,
            range: self.span(start),
        }))
    }

    // ----- expressions -----

    /// `a, b, *c` (rustpython's TestList): a tuple when there is a comma.
    fn test_list(&mut self) -> R<Expr> {
        let start = self.start();
        let first = self.test_or_star()?;
        if self.kind() != T::Comma {
            return Ok(first);
        }
        self.test_list_rest(start, first)
    }

    /// The rest of a `TestList` after its first element, at a comma.
    fn test_list_rest(&mut self, start: u32, first: Expr) -> R<Expr> {
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if !can_start_expr(self.kind()) {
                break;
            }
            elts.push(self.test_or_star()?);
        }
        Ok(Expr::Tuple(ast::ExprTuple {
            elts,
            ctx: ExprContext::Load,
            range: self.span(start),
        }))
    }

    fn test_list_or_yield(&mut self) -> R<Expr> {
        if self.kind() == T::Yield {
            self.yield_expr()
        } else {
            let v = self.test_list()?;
            Ok(v)
        }
    }

    /// Targets of `for` and comprehensions: bitwise-or expressions and starred ones.
    fn expr_list(&mut self) -> R<Expr> {
        let start = self.start();
        let first = self.expr_or_star()?;
        if self.kind() != T::Comma {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if !can_start_expr(self.kind()) {
                break;
            }
            elts.push(self.expr_or_star()?);
        }
        Ok(Expr::Tuple(ast::ExprTuple {
            elts,
            ctx: ExprContext::Load,
            range: self.span(start),
        }))
    }

    fn expr_or_star(&mut self) -> R<Expr> {
        if self.kind() == T::Star {
            self.star_expr()
        } else {
            self.expr()
        }
    }

    fn test_or_star(&mut self) -> R<Expr> {
        if self.kind() == T::Star {
            self.star_expr()
        } else {
            self.test()
        }
    }

    fn named_or_star(&mut self) -> R<Expr> {
        if self.kind() == T::Star {
            self.star_expr()
        } else {
            self.named_test()
        }
    }

    fn star_expr(&mut self) -> R<Expr> {
        let start = self.start();
        self.bump();
        let value = self.expr()?;
        Ok(Expr::Starred(ast::ExprStarred {
            value: boxed(value),
            ctx: ExprContext::Load,
            range: self.span(start),
        }))
    }

    fn yield_expr(&mut self) -> R<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(T::From) {
            let value = self.test()?;
            return Ok(Expr::YieldFrom(ast::ExprYieldFrom {
                value: boxed(value),
                range: self.span(start),
            }));
        }
        let value = if can_start_expr(self.kind()) {
            let v = self.test_list()?;
            Some(boxed(v))
        } else {
            None
        };
        Ok(Expr::Yield(ast::ExprYield {
            value,
            range: self.span(start),
        }))
    }

    fn named_test(&mut self) -> R<Expr> {
        if self.kind() == T::Name && self.peek(1) == T::ColonEqual {
            let start = self.start();
            let id = self.ident()?;
            let target = Expr::Name(ast::ExprName {
                id,
                ctx: ExprContext::Store,
                range: self.span(start),
            });
            self.bump();
            let value = self.test()?;
            let end = ast::Ranged::end(&value).to_u32();
            return Ok(Expr::NamedExpr(ast::ExprNamedExpr {
                target: boxed(target),
                value: boxed(value),
                range: rng(start, end),
            }));
        }
        self.test()
    }

    fn test(&mut self) -> R<Expr> {
        self.guard(Self::test_inner)
    }

    fn test_inner(&mut self) -> R<Expr> {
        let start = self.start();
        let body = match self.kind() {
            T::Lambda => return self.lambda(),
            T::Not | T::Minus | T::Plus | T::Tilde | T::Await => self.or_test()?,
            _ => {
                // Most expressions are a lone primary: parse it first and climb the
                // operator levels only when an operator follows.
                let p = self.primary()?;
                if !continues_operand(self.kind()) {
                    return Ok(p);
                }
                self.or_test_from(start, Some(p))?
            }
        };
        if self.kind() != T::If {
            return Ok(body);
        }
        self.bump();
        let test = self.or_test()?;
        if !self.eat(T::Else) {
            return Err(self.error_at("expected 'else' after 'if' expression", start));
        }
        let orelse = self.test()?;
        Ok(Expr::IfExp(ast::ExprIfExp {
            test: boxed(test),
            body: boxed(body),
            orelse: boxed(orelse),
            range: self.span(start),
        }))
    }

    fn lambda(&mut self) -> R<Expr> {
        let start = self.start();
        self.bump();
        let params = if self.kind() == T::Colon {
            None
        } else {
            Some(self.parameters(false, T::Colon)?)
        };
        self.expect(T::Colon)?;
        let body = self.test()?;
        let range = self.span(start);
        Ok(Expr::Lambda(ast::ExprLambda {
            args: Box::new(params.unwrap_or_else(|| empty_args(range))),
            body: boxed(body),
            range,
        }))
    }

    fn or_test(&mut self) -> R<Expr> {
        let start = self.start();
        self.or_test_from(start, None)
    }

    /// `or_test` whose first primary (starting at `start`) may already be parsed.
    fn or_test_from(&mut self, start: u32, seed: Option<Expr>) -> R<Expr> {
        let first = self.and_test_from(start, seed)?;
        if self.kind() != T::Or {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(T::Or) {
            values.push(self.and_test()?);
        }
        Ok(Expr::BoolOp(ast::ExprBoolOp {
            op: BoolOp::Or,
            values,
            range: self.span(start),
        }))
    }

    fn and_test(&mut self) -> R<Expr> {
        let start = self.start();
        self.and_test_from(start, None)
    }

    fn and_test_from(&mut self, start: u32, seed: Option<Expr>) -> R<Expr> {
        let first = match seed {
            Some(p) => self.comparison_from(start, Some(p))?,
            None => self.not_test()?,
        };
        if self.kind() != T::And {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(T::And) {
            values.push(self.not_test()?);
        }
        Ok(Expr::BoolOp(ast::ExprBoolOp {
            op: BoolOp::And,
            values,
            range: self.span(start),
        }))
    }

    fn not_test(&mut self) -> R<Expr> {
        self.guard(Self::not_test_inner)
    }

    fn not_test_inner(&mut self) -> R<Expr> {
        if self.kind() == T::Not {
            let start = self.start();
            self.bump();
            let operand = self.not_test()?;
            return Ok(Expr::UnaryOp(ast::ExprUnaryOp {
                op: UnaryOp::Not,
                operand: boxed(operand),
                range: self.span(start),
            }));
        }
        self.comparison()
    }

    fn comp_op(&self) -> Option<(CmpOp, usize)> {
        Some(match self.kind() {
            T::EqEqual => (CmpOp::Eq, 1),
            T::NotEqual => (CmpOp::NotEq, 1),
            T::Less => (CmpOp::Lt, 1),
            T::LessEqual => (CmpOp::LtE, 1),
            T::Greater => (CmpOp::Gt, 1),
            T::GreaterEqual => (CmpOp::GtE, 1),
            T::In => (CmpOp::In, 1),
            T::Not if self.peek(1) == T::In => (CmpOp::NotIn, 2),
            T::Is if self.peek(1) == T::Not => (CmpOp::IsNot, 2),
            T::Is => (CmpOp::Is, 1),
            _ => return None,
        })
    }

    fn comparison(&mut self) -> R<Expr> {
        let start = self.start();
        self.comparison_from(start, None)
    }

    fn comparison_from(&mut self, start: u32, seed: Option<Expr>) -> R<Expr> {
        let left = self.binary_from(1, start, seed)?;
        let Some((op, n)) = self.comp_op() else {
            return Ok(left);
        };
        let mut ops = vec![op];
        self.pos += n;
        let mut comparators = vec![self.expr()?];
        while let Some((op, n)) = self.comp_op() {
            ops.push(op);
            self.pos += n;
            comparators.push(self.expr()?);
        }
        Ok(Expr::Compare(ast::ExprCompare {
            left: boxed(left),
            ops,
            comparators,
            range: self.span(start),
        }))
    }

    fn binop(&self, left: Expr, op: Operator, right: Expr, start: u32) -> Expr {
        Expr::BinOp(ast::ExprBinOp {
            left: boxed(left),
            op,
            right: boxed(right),
            range: self.span(start),
        })
    }

    /// `|` level (rustpython's Expression): the binary operators, by precedence climbing.
    fn expr(&mut self) -> R<Expr> {
        self.binary(1)
    }

    /// Binary operators of precedence `min` or more (1 `|`, 2 `^`, 3 `&`, 4 shifts,
    /// 5 `+ -`, 6 `* / // % @`), all left-associative.
    fn binary(&mut self, min: u8) -> R<Expr> {
        let start = self.start();
        self.binary_from(min, start, None)
    }

    fn binary_from(&mut self, min: u8, start: u32, seed: Option<Expr>) -> R<Expr> {
        let mut e = match seed {
            Some(p) => self.power_from(start, p)?,
            None => self.factor()?,
        };
        loop {
            let (op, prec) = match self.kind() {
                T::Vbar => (Operator::BitOr, 1),
                T::CircumFlex => (Operator::BitXor, 2),
                T::Amper => (Operator::BitAnd, 3),
                T::LeftShift => (Operator::LShift, 4),
                T::RightShift => (Operator::RShift, 4),
                T::Plus => (Operator::Add, 5),
                T::Minus => (Operator::Sub, 5),
                T::Star => (Operator::Mult, 6),
                T::Slash => (Operator::Div, 6),
                T::DoubleSlash => (Operator::FloorDiv, 6),
                T::Percent => (Operator::Mod, 6),
                T::At => (Operator::MatMult, 6),
                _ => return Ok(e),
            };
            if prec < min {
                return Ok(e);
            }
            self.bump();
            let r = if prec == 6 {
                self.factor()?
            } else {
                self.binary(prec + 1)?
            };
            e = self.binop(e, op, r, start);
        }
    }

    fn factor(&mut self) -> R<Expr> {
        self.guard(Self::factor_inner)
    }

    fn factor_inner(&mut self) -> R<Expr> {
        let op = match self.kind() {
            T::Plus => UnaryOp::UAdd,
            T::Minus => UnaryOp::USub,
            T::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.start();
        self.bump();
        let operand = self.factor()?;
        Ok(Expr::UnaryOp(ast::ExprUnaryOp {
            op,
            operand: boxed(operand),
            range: self.span(start),
        }))
    }

    fn power(&mut self) -> R<Expr> {
        let start = self.start();
        let e = if self.kind() == T::Await {
            self.bump();
            let value = self.primary()?;
            Expr::Await(ast::ExprAwait {
                value: boxed(value),
                range: self.span(start),
            })
        } else {
            self.primary()?
        };
        self.power_from(start, e)
    }

    /// After the operand `e` of a power (starting at `start`): `** factor`, if present.
    fn power_from(&mut self, start: u32, e: Expr) -> R<Expr> {
        if self.eat(T::DoubleStar) {
            let r = self.factor()?;
            return Ok(self.binop(e, Operator::Pow, r, start));
        }
        Ok(e)
    }

    fn primary(&mut self) -> R<Expr> {
        let start = self.start();
        let mut e = self.atom()?;
        loop {
            match self.kind() {
                T::Dot => {
                    self.bump();
                    let attr = self.ident()?;
                    e = Expr::Attribute(ast::ExprAttribute {
                        value: boxed(e),
                        attr,
                        ctx: ExprContext::Load,
                        range: self.span(start),
                    });
                }
                T::Lpar => {
                    self.bump();
                    let (args, keywords) = self.call_args(false)?;
                    e = Expr::Call(ast::ExprCall {
                        func: boxed(e),
                        args,
                        keywords,
                        range: self.span(start),
                    });
                }
                T::Lsqb => {
                    self.bump();
                    let slice = self.subscript_list()?;
                    self.expect(T::Rsqb)?;
                    e = Expr::Subscript(ast::ExprSubscript {
                        value: boxed(e),
                        slice: boxed(slice),
                        ctx: ExprContext::Load,
                        range: self.span(start),
                    });
                }
                _ => return Ok(e),
            }
        }
    }

    /// Arguments of a call or class definition, after the `(`, through the `)`.
    /// (A generator expression as the sole argument is allowed in calls, not in class
    /// definitions: `class_def` is true there.)
    fn call_args(&mut self, class_def: bool) -> R<(Vec<Expr>, Vec<ast::Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<ast::Keyword> = Vec::new();
        let mut double_starred = false;
        let mut bare_genexp = None;
        let mut count = 0;
        let mut trailing_comma = false;
        while self.kind() != T::Rpar {
            let start = self.start();
            count += 1;
            match self.kind() {
                T::DoubleStar => {
                    self.bump();
                    let value = self.test()?;
                    double_starred = true;
                    keywords.push(ast::Keyword {
                        arg: None,
                        value,
                        range: self.span(start),
                    });
                }
                T::Name if self.peek(1) == T::Equal => {
                    let name = self.ident()?;
                    self.bump();
                    let value = self.test()?;
                    keywords.push(ast::Keyword {
                        arg: Some(name),
                        value,
                        range: self.span(start),
                    });
                }
                T::Star => {
                    self.bump();
                    let value = self.test()?;
                    if double_starred {
                        return Err(self.error_at(
                            "iterable argument unpacking follows keyword argument unpacking",
                            start,
                        ));
                    }
                    args.push(Expr::Starred(ast::ExprStarred {
                        value: boxed(value),
                        ctx: ExprContext::Load,
                        range: self.span(start),
                    }));
                }
                _ => {
                    let mut e = self.named_test()?;
                    if self.at_comp_for() {
                        let generators = self.comp_for()?;
                        e = Expr::GeneratorExp(ast::ExprGeneratorExp {
                            elt: boxed(e),
                            generators,
                            range: self.span(start),
                        });
                        bare_genexp = Some(start);
                    }
                    if !keywords.is_empty() {
                        return Err(self.error_at(
                            if double_starred {
                                "positional argument follows keyword argument unpacking"
                            } else {
                                "positional argument follows keyword argument"
                            },
                            start,
                        ));
                    }
                    args.push(e);
                }
            }
            if !self.eat(T::Comma) {
                break;
            }
            trailing_comma = self.kind() == T::Rpar;
        }
        if let Some(at) = bare_genexp {
            if class_def {
                return Err(self.error_at("invalid syntax", at));
            }
            if count > 1 || trailing_comma {
                return Err(self.error_at("Generator expression must be parenthesized", at));
            }
        }
        self.expect(T::Rpar)?;
        Ok((args, keywords))
    }

    fn at_comp_for(&self) -> bool {
        self.kind() == T::For || (self.kind() == T::Async && self.peek(1) == T::For)
    }

    fn comp_for(&mut self) -> R<Vec<ast::Comprehension>> {
        let mut out = Vec::new();
        while self.at_comp_for() {
            let start = self.start();
            let is_async = self.eat(T::Async);
            self.bump();
            let mut target = self.expr_list()?;
            self.check_target(&target, Target::Star)?;
            set_context(&mut target, ExprContext::Store);
            self.expect(T::In)?;
            let iter = self.or_test()?;
            let mut ifs = Vec::new();
            while self.eat(T::If) {
                ifs.push(self.or_test()?);
            }
            out.push(ast::Comprehension {
                target,
                iter,
                ifs,
                is_async,
                range: self.span(start),
            });
        }
        Ok(out)
    }

    fn subscript_list(&mut self) -> R<Expr> {
        let start = self.start();
        let first = self.subscript()?;
        if self.kind() != T::Comma {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.kind() == T::Rsqb {
                break;
            }
            elts.push(self.subscript()?);
        }
        Ok(Expr::Tuple(ast::ExprTuple {
            elts,
            ctx: ExprContext::Load,
            range: self.span(start),
        }))
    }

    fn subscript(&mut self) -> R<Expr> {
        let start = self.start();
        let lower = match self.kind() {
            T::Colon => None,
            T::Star => return self.star_expr(),
            T::Name if self.peek(1) == T::ColonEqual => return self.named_test(),
            _ => {
                let e = self.test()?;
                if self.kind() != T::Colon {
                    return Ok(e);
                }
                Some(boxed(e))
            }
        };
        self.bump();
        let slice_part = |p: &mut Self| -> R<Option<Box<Expr>>> {
            if can_start_expr(p.kind()) && p.kind() != T::Star {
                Ok(Some(boxed(p.test()?)))
            } else {
                Ok(None)
            }
        };
        let upper = slice_part(self)?;
        let step = if self.eat(T::Colon) {
            slice_part(self)?
        } else {
            None
        };
        Ok(Expr::Slice(ast::ExprSlice {
            lower,
            upper,
            step,
            range: self.span(start),
        }))
    }

    fn number(&self) -> R<Constant> {
        let t = self.toks[self.pos];
        let s = self.tok_text(&t);
        let owned;
        let s = if s.contains('_') {
            owned = s.replace('_', "");
            &owned[..]
        } else {
            s
        };
        Ok(match t.kind {
            T::Int => {
                let b = s.as_bytes();
                let (radix, digits) = if b.len() > 2 && b[0] == b'0' {
                    match b[1] | 0x20 {
                        b'x' => (16, &s[2..]),
                        b'o' => (8, &s[2..]),
                        b'b' => (2, &s[2..]),
                        _ => (10, s),
                    }
                } else {
                    (10, s)
                };
                let v = if digits.len() <= 18 && radix == 10 {
                    BigInt::from(digits.parse::<u64>().unwrap_or(0))
                } else {
                    BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()
                };
                Constant::Int(v)
            }
            T::Float => Constant::Float(
                s.parse::<f64>()
                    .map_err(|_| self.error_at("invalid decimal literal", t.start))?,
            ),
            _ => {
                let imag = s[..s.len() - 1]
                    .parse::<f64>()
                    .map_err(|_| self.error_at("invalid imaginary literal", t.start))?;
                Constant::Complex { real: 0.0, imag }
            }
        })
    }

    fn atom(&mut self) -> R<Expr> {
        let start = self.start();
        let constant = |p: &Self, value| {
            Expr::Constant(ast::ExprConstant {
                value,
                kind: None,
                range: p.span(start),
            })
        };
        match self.kind() {
            T::Name => {
                let id = Identifier::new(self.cur_text());
                self.bump();
                Ok(Expr::Name(ast::ExprName {
                    id,
                    ctx: ExprContext::Load,
                    range: self.span(start),
                }))
            }
            T::Int | T::Float | T::Complex => {
                let v = self.number()?;
                self.bump();
                Ok(constant(self, v))
            }
            T::Str => self.strings(),
            T::True => {
                self.bump();
                Ok(constant(self, Constant::Bool(true)))
            }
            T::False => {
                self.bump();
                Ok(constant(self, Constant::Bool(false)))
            }
            T::None => {
                self.bump();
                Ok(constant(self, Constant::None))
            }
            T::Ellipsis => {
                self.bump();
                Ok(constant(self, Constant::Ellipsis))
            }
            T::Lpar => self.paren_atom(),
            T::Lsqb => {
                self.bump();
                if self.eat(T::Rsqb) {
                    return Ok(Expr::List(ast::ExprList {
                        elts: Vec::new(),
                        ctx: ExprContext::Load,
                        range: self.span(start),
                    }));
                }
                let first = self.named_or_star()?;
                if self.at_comp_for() {
                    self.no_star_in_comprehension(&first)?;
                    let generators = self.comp_for()?;
                    self.expect(T::Rsqb)?;
                    return Ok(Expr::ListComp(ast::ExprListComp {
                        elt: boxed(first),
                        generators,
                        range: self.span(start),
                    }));
                }
                let mut elts = vec![first];
                while self.eat(T::Comma) {
                    if self.kind() == T::Rsqb {
                        break;
                    }
                    elts.push(self.named_or_star()?);
                }
                self.expect(T::Rsqb)?;
                Ok(Expr::List(ast::ExprList {
                    elts,
                    ctx: ExprContext::Load,
                    range: self.span(start),
                }))
            }
            T::Lbrace => self.brace_atom(),
            _ => Err(self.unexpected()),
        }
    }

    fn no_star_in_comprehension(&self, e: &Expr) -> R<()> {
        if let Expr::Starred(s) = e {
            return Err(self.error_at(
                "iterable unpacking cannot be used in comprehension",
                s.range.start().to_u32(),
            ));
        }
        Ok(())
    }

    fn paren_atom(&mut self) -> R<Expr> {
        let start = self.start();
        self.bump();
        match self.kind() {
            T::Rpar => {
                self.bump();
                return Ok(Expr::Tuple(ast::ExprTuple {
                    elts: Vec::new(),
                    ctx: ExprContext::Load,
                    range: self.span(start),
                }));
            }
            T::Yield => {
                let e = self.yield_expr()?;
                self.expect(T::Rpar)?;
                return Ok(e);
            }
            T::DoubleStar => {
                return Err(
                    self.error_at("cannot use double starred expression here", self.start())
                );
            }
            _ => {}
        }
        let first = self.named_or_star()?;
        if self.at_comp_for() {
            self.no_star_in_comprehension(&first)?;
            let generators = self.comp_for()?;
            self.expect(T::Rpar)?;
            return Ok(Expr::GeneratorExp(ast::ExprGeneratorExp {
                elt: boxed(first),
                generators,
                range: self.span(start),
            }));
        }
        if self.eat(T::Rpar) {
            if let Expr::Starred(s) = &first {
                return Err(self.error_at(
                    "cannot use starred expression here",
                    s.range.start().to_u32(),
                ));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.kind() == T::Rpar {
                break;
            }
            elts.push(self.named_or_star()?);
        }
        self.expect(T::Rpar)?;
        Ok(Expr::Tuple(ast::ExprTuple {
            elts,
            ctx: ExprContext::Load,
            range: self.span(start),
        }))
    }

    fn dict_value(&mut self) -> R<Expr> {
        if self.kind() == T::Star {
            return Err(self.error_at(
                "cannot use a starred expression in a dictionary value",
                self.start(),
            ));
        }
        self.test()
    }

    fn brace_atom(&mut self) -> R<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(T::Rbrace) {
            return Ok(Expr::Dict(ast::ExprDict {
                keys: Vec::new(),
                values: Vec::new(),
                range: self.span(start),
            }));
        }
        let mut keys = Vec::new();
        let mut values = Vec::new();
        if self.eat(T::DoubleStar) {
            keys.push(None);
            values.push(self.expr()?);
        } else {
            let plain = !(self.kind() == T::Star
                || (self.kind() == T::Name && self.peek(1) == T::ColonEqual));
            let first = self.named_or_star()?;
            if self.kind() != T::Colon {
                // A set.
                if self.at_comp_for() {
                    self.no_star_in_comprehension(&first)?;
                    let generators = self.comp_for()?;
                    self.expect(T::Rbrace)?;
                    return Ok(Expr::SetComp(ast::ExprSetComp {
                        elt: boxed(first),
                        generators,
                        range: self.span(start),
                    }));
                }
                let mut elts = vec![first];
                while self.eat(T::Comma) {
                    if self.kind() == T::Rbrace {
                        break;
                    }
                    elts.push(self.named_or_star()?);
                }
                self.expect(T::Rbrace)?;
                return Ok(Expr::Set(ast::ExprSet {
                    elts,
                    range: self.span(start),
                }));
            }
            if !plain {
                return Err(self.unexpected());
            }
            self.bump();
            let value = self.dict_value()?;
            if self.at_comp_for() {
                let generators = self.comp_for()?;
                self.expect(T::Rbrace)?;
                return Ok(Expr::DictComp(ast::ExprDictComp {
                    key: boxed(first),
                    value: boxed(value),
                    generators,
                    range: self.span(start),
                }));
            }
            keys.push(Some(first));
            values.push(value);
        }
        while self.eat(T::Comma) {
            if self.kind() == T::Rbrace {
                break;
            }
            if self.eat(T::DoubleStar) {
                keys.push(None);
                values.push(self.expr()?);
            } else {
                keys.push(Some(self.test()?));
                self.expect(T::Colon)?;
                values.push(self.dict_value()?);
            }
        }
        self.expect(T::Rbrace)?;
        Ok(Expr::Dict(ast::ExprDict {
            keys,
            values,
            range: self.span(start),
        }))
    }
}

fn empty_args(range: TextRange) -> ast::Arguments {
    ast::Arguments {
        posonlyargs: Vec::new(),
        args: Vec::new(),
        vararg: None,
        kwonlyargs: Vec::new(),
        kwarg: None,
        range,
    }
}

fn unreachable_expr() -> Expr {
    Expr::Constant(ast::ExprConstant {
        value: Constant::None,
        kind: None,
        range: TextRange::default(),
    })
}
