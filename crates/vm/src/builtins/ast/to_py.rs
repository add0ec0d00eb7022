//! Source to a tree of `ast` objects: the parser's tree (rustpython-parser, through
//! rpy-compiler) converted node by node, with CPython's positions (1-based lines, UTF-8
//! byte columns).
//! Counterpart: the `ast2obj_*` functions of Python/Python-ast.c (3.11).

use std::cell::{Cell, RefCell};

use rpy_compiler::{CompileError, SourceMap};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::{TextRange, TextSize};

use super::tables::{CLASSES, N};
use super::{AstState, Mode, state};
use crate::dict::DictData;
use crate::object::{Payload, PyObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `compile(text, filename, mode, PyCF_ONLY_AST)`.
pub fn parse(vm: &Vm, text: &str, filename: &str, mode: Mode) -> PyResult<Value> {
    let st = state(vm)?;
    let syntax = |e: CompileError| crate::interp::compile_error(vm, &e, text);
    if mode == Mode::FuncType {
        let (argtypes, returns, map) = parse_func_type(text, filename).map_err(syntax)?;
        let c = ToPy::new(vm, st, &map, text);
        let argtypes = c.exprs(&argtypes)?;
        let returns = c.expr(&returns)?;
        return c.node(N::FunctionType, vec![argtypes, returns], None);
    }
    let cmode = match mode {
        Mode::Exec => rpy_compiler::Mode::Exec,
        Mode::Eval => rpy_compiler::Mode::Eval,
        _ => rpy_compiler::Mode::Single,
    };
    let (module, map) = rpy_compiler::parse(text, filename, cmode).map_err(syntax)?;
    let c = ToPy::new(vm, st, &map, text);
    let r = stacker::maybe_grow(1 << 20, 8 << 20, || c.module(&module));
    // A deep tree's destructor recurses as deeply as the source allows.
    let stack = text.len().saturating_mul(512).clamp(1 << 20, 1 << 36);
    stacker::grow(stack, move || drop(module));
    r
}

/// The `func_type` mode: `(argtypes) -> returns` (a signature type comment).
fn parse_func_type(
    text: &str,
    filename: &str,
) -> Result<(Vec<ast::Expr>, ast::Expr, SourceMap), CompileError> {
    use rustpython_parser::{Parse, Tok};
    let map = SourceMap::new(text);
    let invalid = |at: TextSize| {
        let r = map.range(TextRange::new(at, at));
        let mut e = CompileError::syntax("invalid syntax", r);
        e.filename = filename.to_string();
        e
    };
    let mut depth = 0usize;
    let mut arrow = None;
    for token in rustpython_parser::lexer::lex(text, rustpython_parser::Mode::Expression) {
        let (tok, range) = token.map_err(|e| invalid(e.location))?;
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth = depth.saturating_sub(1),
            Tok::Rarrow if depth == 0 => {
                arrow = Some(range);
                break;
            }
            _ => {}
        }
    }
    let Some(arrow) = arrow else {
        return Err(invalid(TextSize::of(text)));
    };
    let left = &text[..usize::from(arrow.start())];
    if !left.trim_start().starts_with('(') {
        return Err(invalid(TextSize::new(0)));
    }
    // `*T` and `**T` stand for the types of `*args` and `**kwargs`: CPython keeps just `T`.
    // Blanking the stars leaves an expression with the same positions.
    let mut blanked = left.as_bytes().to_vec();
    let (mut depth, mut after_open_or_comma) = (0usize, false);
    for token in rustpython_parser::lexer::lex(left, rustpython_parser::Mode::Expression) {
        let Ok((tok, range)) = token else { break };
        let starts_item = after_open_or_comma;
        after_open_or_comma = false;
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                depth += 1;
                after_open_or_comma = depth == 1;
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth = depth.saturating_sub(1),
            Tok::Comma => after_open_or_comma = depth == 1,
            Tok::Star | Tok::DoubleStar if depth == 1 && starts_item => {
                blanked[usize::from(range.start())..usize::from(range.end())].fill(b' ');
            }
            _ => {}
        }
    }
    let left = String::from_utf8(blanked).unwrap_or_else(|_| left.to_string());
    let args = ast::Expr::parse_starts_at(&left, filename, TextSize::new(0))
        .map_err(|e| invalid(e.offset))?;
    let open = TextSize::of(&left[..left.len() - left.trim_start().len()]);
    let argtypes = match args {
        ast::Expr::Tuple(t) if t.range.start() == open => t.elts,
        other => vec![other],
    };
    let right = &text[usize::from(arrow.end())..];
    let blank = right.len() - right.trim_start_matches([' ', '\t', '\x0c']).len();
    let returns = ast::Expr::parse_starts_at(
        &right[blank..],
        filename,
        arrow.end() + TextSize::new(blank as u32),
    )
    .map_err(|e| invalid(e.offset))?;
    Ok((argtypes, returns, map))
}

/// One conversion: the VM, the classes, and the source's positions.
struct ToPy<'a> {
    vm: &'a Vm,
    st: &'a AstState,
    map: &'a SourceMap,
    source: &'a str,
    /// Nesting of the node being made, against CPython's limit for building a tree: three
    /// times the recursion limit, the Python frames below counting three each.
    depth: Cell<usize>,
    limit: usize,
}

type R = PyResult<Value>;

impl<'a> ToPy<'a> {
    fn new(vm: &'a Vm, st: &'a AstState, map: &'a SourceMap, source: &'a str) -> ToPy<'a> {
        ToPy {
            vm,
            st,
            map,
            source,
            depth: Cell::new(vm.depth.get().saturating_mul(3)),
            limit: vm.recursion_limit.get().saturating_mul(3),
        }
    }

    /// Runs `f` one level deeper (`ast2obj`'s recursion check), on enough stack.
    fn nested(&self, f: impl FnOnce() -> R) -> R {
        let d = self.depth.get() + 1;
        if d > self.limit {
            return Err(self.vm.new_exception_msg(
                &self.vm.types.exceptions.recursion_error,
                "maximum recursion depth exceeded during ast construction",
            ));
        }
        self.depth.set(d);
        let r = stacker::maybe_grow(64 * 1024, 1 << 20, f);
        self.depth.set(d - 1);
        r
    }

    /// A node of class `n`: its fields in `_fields` order, then its position, if it has one.
    fn node(&self, n: N, fields: Vec<Value>, range: Option<TextRange>) -> R {
        self.node_at(n, fields, range.map(|r| self.position(r)))
    }

    fn node_at(&self, n: N, fields: Vec<Value>, pos: Option<[i32; 4]>) -> R {
        let vm = self.vm;
        let class = &CLASSES[n as usize];
        debug_assert_eq!(class.fields.len(), fields.len(), "{}", class.name);
        let mut d = DictData::with_capacity(fields.len() + 4);
        for (f, v) in class.fields.iter().zip(fields) {
            let _ = d.set_str(vm.intern(f.name), v);
        }
        if let Some(p) = pos {
            for (name, v) in ["lineno", "col_offset", "end_lineno", "end_col_offset"]
                .iter()
                .zip(p)
            {
                let _ = d.set_str(vm.intern(name), Value::Int(v as i64));
            }
        }
        let dict = PyObject::new(vm.types.dict.clone(), Payload::Dict(RefCell::new(d)));
        let o = crate::builtins::object::new_instance(vm, self.st.class(n), Payload::Object);
        *o.dict.borrow_mut() = Some(dict);
        Ok(Value::Obj(o))
    }

    fn position(&self, r: TextRange) -> [i32; 4] {
        let s = self.map.range(r);
        [s.line, s.col, s.end_line, s.end_col]
    }

    fn list(&self, items: Vec<Value>) -> R {
        Ok(self.vm.new_list(items))
    }

    fn str(&self, s: &str) -> Value {
        self.vm.new_str(s)
    }

    fn opt_str(&self, s: Option<&str>) -> Value {
        s.map_or(Value::None, |s| self.str(s))
    }

    fn ident(&self, id: &ast::Identifier) -> Value {
        Value::Obj(self.vm.intern(id.as_str()))
    }

    fn opt_ident(&self, id: &Option<ast::Identifier>) -> Value {
        id.as_ref().map_or(Value::None, |i| self.ident(i))
    }

    fn idents(&self, ids: &[ast::Identifier]) -> R {
        self.list(ids.iter().map(|i| self.ident(i)).collect())
    }

    /// A 3.12 construct the 3.11 grammar does not have.
    fn unsupported(&self, range: TextRange) -> crate::vm::PyErr {
        let e = CompileError::syntax("invalid syntax", self.map.range(range));
        crate::interp::compile_error(self.vm, &e, self.source)
    }

    // ---- mod ----

    fn module(&self, m: &ast::Mod) -> R {
        match m {
            ast::Mod::Module(m) => {
                let body = self.stmts(&m.body)?;
                let ignores = m
                    .type_ignores
                    .iter()
                    .map(|t| {
                        let ast::TypeIgnore::TypeIgnore(t) = t;
                        self.node(
                            N::TypeIgnore,
                            vec![Value::Int(t.lineno.to_u32() as i64), self.str(&t.tag)],
                            None,
                        )
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                let ignores = self.list(ignores)?;
                self.node(N::Module, vec![body, ignores], None)
            }
            ast::Mod::Interactive(m) => {
                let body = self.stmts(&m.body)?;
                self.node(N::Interactive, vec![body], None)
            }
            ast::Mod::Expression(e) => {
                let body = self.expr(&e.body)?;
                self.node(N::Expression, vec![body], None)
            }
            ast::Mod::FunctionType(f) => {
                let argtypes = self.exprs(&f.argtypes)?;
                let returns = self.expr(&f.returns)?;
                self.node(N::FunctionType, vec![argtypes, returns], None)
            }
        }
    }

    // ---- stmt ----

    fn stmts(&self, body: &[ast::Stmt]) -> R {
        let items = body
            .iter()
            .map(|s| self.stmt(s))
            .collect::<PyResult<Vec<_>>>()?;
        self.list(items)
    }

    fn stmt(&self, s: &ast::Stmt) -> R {
        self.nested(|| self.stmt_inner(s))
    }

    fn stmt_inner(&self, s: &ast::Stmt) -> R {
        use ast::Stmt as S;
        let compound = matches!(
            s,
            S::FunctionDef(_)
                | S::AsyncFunctionDef(_)
                | S::ClassDef(_)
                | S::For(_)
                | S::AsyncFor(_)
                | S::While(_)
                | S::If(_)
                | S::With(_)
                | S::AsyncWith(_)
                | S::Match(_)
                | S::Try(_)
                | S::TryStar(_)
        );
        let range = Some(if compound {
            self.block_range(s.range())
        } else {
            s.range()
        });
        match s {
            S::FunctionDef(f) => {
                if !f.type_params.is_empty() {
                    return Err(self.unsupported(f.range));
                }
                let fields = vec![
                    self.ident(&f.name),
                    self.arguments(&f.args)?,
                    self.stmts(&f.body)?,
                    self.exprs(&f.decorator_list)?,
                    self.opt_expr(&f.returns)?,
                    self.opt_str(f.type_comment.as_deref()),
                ];
                self.node(N::FunctionDef, fields, range)
            }
            S::AsyncFunctionDef(f) => {
                if !f.type_params.is_empty() {
                    return Err(self.unsupported(f.range));
                }
                let fields = vec![
                    self.ident(&f.name),
                    self.arguments(&f.args)?,
                    self.stmts(&f.body)?,
                    self.exprs(&f.decorator_list)?,
                    self.opt_expr(&f.returns)?,
                    self.opt_str(f.type_comment.as_deref()),
                ];
                self.node(N::AsyncFunctionDef, fields, range)
            }
            S::ClassDef(c) => {
                if !c.type_params.is_empty() {
                    return Err(self.unsupported(c.range));
                }
                let fields = vec![
                    self.ident(&c.name),
                    self.exprs(&c.bases)?,
                    self.keywords(&c.keywords)?,
                    self.stmts(&c.body)?,
                    self.exprs(&c.decorator_list)?,
                ];
                self.node(N::ClassDef, fields, range)
            }
            S::Return(r) => {
                let v = self.opt_expr(&r.value)?;
                self.node(N::Return, vec![v], range)
            }
            S::Delete(d) => {
                let t = self.exprs(&d.targets)?;
                self.node(N::Delete, vec![t], range)
            }
            S::Assign(a) => {
                let fields = vec![
                    self.exprs(&a.targets)?,
                    self.expr(&a.value)?,
                    self.opt_str(a.type_comment.as_deref()),
                ];
                self.node(N::Assign, fields, range)
            }
            S::TypeAlias(t) => Err(self.unsupported(t.range)),
            S::AugAssign(a) => {
                let fields = vec![
                    self.expr(&a.target)?,
                    self.operator(a.op),
                    self.expr(&a.value)?,
                ];
                self.node(N::AugAssign, fields, range)
            }
            S::AnnAssign(a) => {
                // The parser calls `(x): int` simple too; CPython does not.
                let simple = a.simple && a.target.range().start() == a.range.start();
                let fields = vec![
                    self.expr(&a.target)?,
                    self.expr(&a.annotation)?,
                    self.opt_expr(&a.value)?,
                    Value::Int(simple as i64),
                ];
                self.node(N::AnnAssign, fields, range)
            }
            S::For(f) => {
                let fields = vec![
                    self.expr(&f.target)?,
                    self.expr(&f.iter)?,
                    self.stmts(&f.body)?,
                    self.stmts(&f.orelse)?,
                    self.opt_str(f.type_comment.as_deref()),
                ];
                self.node(N::For, fields, range)
            }
            S::AsyncFor(f) => {
                let fields = vec![
                    self.expr(&f.target)?,
                    self.expr(&f.iter)?,
                    self.stmts(&f.body)?,
                    self.stmts(&f.orelse)?,
                    self.opt_str(f.type_comment.as_deref()),
                ];
                self.node(N::AsyncFor, fields, range)
            }
            S::While(w) => {
                let fields = vec![
                    self.expr(&w.test)?,
                    self.stmts(&w.body)?,
                    self.stmts(&w.orelse)?,
                ];
                self.node(N::While, fields, range)
            }
            S::If(i) => {
                let fields = vec![
                    self.expr(&i.test)?,
                    self.stmts(&i.body)?,
                    self.stmts(&i.orelse)?,
                ];
                self.node(N::If, fields, range)
            }
            S::With(w) => {
                let fields = vec![
                    self.withitems(&w.items)?,
                    self.stmts(&w.body)?,
                    self.opt_str(w.type_comment.as_deref()),
                ];
                self.node(N::With, fields, range)
            }
            S::AsyncWith(w) => {
                let fields = vec![
                    self.withitems(&w.items)?,
                    self.stmts(&w.body)?,
                    self.opt_str(w.type_comment.as_deref()),
                ];
                self.node(N::AsyncWith, fields, range)
            }
            S::Match(m) => {
                let cases = m
                    .cases
                    .iter()
                    .map(|c| {
                        self.nested(|| {
                            let fields = vec![
                                self.pattern(&c.pattern)?,
                                self.opt_expr(&c.guard)?,
                                self.stmts(&c.body)?,
                            ];
                            self.node(N::MatchCase, fields, None)
                        })
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                let fields = vec![self.expr(&m.subject)?, self.list(cases)?];
                self.node(N::Match, fields, range)
            }
            S::Raise(r) => {
                let fields = vec![self.opt_expr(&r.exc)?, self.opt_expr(&r.cause)?];
                self.node(N::Raise, fields, range)
            }
            S::Try(t) => {
                let fields = vec![
                    self.stmts(&t.body)?,
                    self.handlers(&t.handlers)?,
                    self.stmts(&t.orelse)?,
                    self.stmts(&t.finalbody)?,
                ];
                self.node(N::Try, fields, range)
            }
            S::TryStar(t) => {
                let fields = vec![
                    self.stmts(&t.body)?,
                    self.handlers(&t.handlers)?,
                    self.stmts(&t.orelse)?,
                    self.stmts(&t.finalbody)?,
                ];
                self.node(N::TryStar, fields, range)
            }
            S::Assert(a) => {
                let fields = vec![self.expr(&a.test)?, self.opt_expr(&a.msg)?];
                self.node(N::Assert, fields, range)
            }
            S::Import(i) => {
                let names = self.aliases(&i.names)?;
                self.node(N::Import, vec![names], range)
            }
            S::ImportFrom(i) => {
                let level = i.level.map_or(0, |l| l.to_u32() as i64);
                let fields = vec![
                    self.opt_ident(&i.module),
                    self.aliases(&i.names)?,
                    Value::Int(level),
                ];
                self.node(N::ImportFrom, fields, range)
            }
            S::Global(g) => {
                let names = self.idents(&g.names)?;
                self.node(N::Global, vec![names], range)
            }
            S::Nonlocal(g) => {
                let names = self.idents(&g.names)?;
                self.node(N::Nonlocal, vec![names], range)
            }
            S::Expr(e) => {
                let v = self.expr(&e.value)?;
                self.node(N::Expr, vec![v], range)
            }
            S::Pass(_) => self.node(N::Pass, vec![], range),
            S::Break(_) => self.node(N::Break, vec![], range),
            S::Continue(_) => self.node(N::Continue, vec![], range),
        }
    }

    fn handlers(&self, hs: &[ast::ExceptHandler]) -> R {
        let items = hs
            .iter()
            .map(|h| {
                self.nested(|| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let fields = vec![
                        self.opt_expr(&h.type_)?,
                        self.opt_ident(&h.name),
                        self.stmts(&h.body)?,
                    ];
                    self.node(N::ExceptHandler, fields, Some(self.block_range(h.range)))
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        self.list(items)
    }

    fn withitems(&self, items: &[ast::WithItem]) -> R {
        let items = items
            .iter()
            .map(|w| {
                self.nested(|| {
                    let fields = vec![
                        self.expr(&w.context_expr)?,
                        self.opt_expr(&w.optional_vars)?,
                    ];
                    self.node(N::Withitem, fields, None)
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        self.list(items)
    }

    fn aliases(&self, names: &[ast::Alias]) -> R {
        let items = names
            .iter()
            .map(|a| {
                self.nested(|| {
                    let fields = vec![self.ident(&a.name), self.opt_ident(&a.asname)];
                    self.node(N::Alias, fields, Some(a.range))
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        self.list(items)
    }

    fn keywords(&self, kws: &[ast::Keyword]) -> R {
        let items = kws
            .iter()
            .map(|k| {
                self.nested(|| {
                    let fields = vec![self.opt_ident(&k.arg), self.expr(&k.value)?];
                    self.node(N::Keyword, fields, Some(k.range))
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        self.list(items)
    }

    fn arg(&self, a: &ast::Arg) -> R {
        self.nested(|| self.arg_inner(a))
    }

    fn arg_inner(&self, a: &ast::Arg) -> R {
        let fields = vec![
            self.ident(&a.arg),
            self.opt_expr(&a.annotation)?,
            self.opt_str(a.type_comment.as_deref()),
        ];
        self.node(N::Arg, fields, Some(a.range))
    }

    fn opt_arg(&self, a: &Option<Box<ast::Arg>>) -> R {
        match a {
            Some(a) => self.arg(a),
            None => Ok(Value::None),
        }
    }

    /// The parser keeps each default with its parameter; CPython lists the positional
    /// defaults apart (for the last parameters) and the keyword-only ones with None holes.
    fn arguments(&self, a: &ast::Arguments) -> R {
        self.nested(|| self.arguments_inner(a))
    }

    fn arguments_inner(&self, a: &ast::Arguments) -> R {
        let args_of = |list: &[ast::ArgWithDefault]| -> R {
            let items = list
                .iter()
                .map(|p| self.arg(&p.def))
                .collect::<PyResult<Vec<_>>>()?;
            self.list(items)
        };
        let mut defaults = Vec::new();
        for p in a.posonlyargs.iter().chain(&a.args) {
            if let Some(d) = &p.default {
                defaults.push(self.expr(d)?);
            }
        }
        let mut kw_defaults = Vec::new();
        for p in &a.kwonlyargs {
            kw_defaults.push(self.opt_expr(&p.default)?);
        }
        let fields = vec![
            args_of(&a.posonlyargs)?,
            args_of(&a.args)?,
            self.opt_arg(&a.vararg)?,
            args_of(&a.kwonlyargs)?,
            self.list(kw_defaults)?,
            self.opt_arg(&a.kwarg)?,
            self.list(defaults)?,
        ];
        self.node(N::Arguments, fields, None)
    }

    // ---- expr ----

    fn exprs(&self, items: &[ast::Expr]) -> R {
        let items = items
            .iter()
            .map(|e| self.expr(e))
            .collect::<PyResult<Vec<_>>>()?;
        self.list(items)
    }

    fn opt_expr(&self, e: &Option<Box<ast::Expr>>) -> R {
        match e {
            Some(e) => self.expr(e),
            None => Ok(Value::None),
        }
    }

    fn ctx(&self, c: ast::ExprContext) -> Value {
        self.st.singleton(match c {
            ast::ExprContext::Load => N::Load,
            ast::ExprContext::Store => N::Store,
            ast::ExprContext::Del => N::Del,
        })
    }

    fn operator(&self, op: ast::Operator) -> Value {
        use ast::Operator as O;
        self.st.singleton(match op {
            O::Add => N::Add,
            O::Sub => N::Sub,
            O::Mult => N::Mult,
            O::MatMult => N::MatMult,
            O::Div => N::Div,
            O::Mod => N::Mod,
            O::Pow => N::Pow,
            O::LShift => N::LShift,
            O::RShift => N::RShift,
            O::BitOr => N::BitOr,
            O::BitXor => N::BitXor,
            O::BitAnd => N::BitAnd,
            O::FloorDiv => N::FloorDiv,
        })
    }

    fn cmpop(&self, op: ast::CmpOp) -> Value {
        use ast::CmpOp as C;
        self.st.singleton(match op {
            C::Eq => N::Eq,
            C::NotEq => N::NotEq,
            C::Lt => N::Lt,
            C::LtE => N::LtE,
            C::Gt => N::Gt,
            C::GtE => N::GtE,
            C::Is => N::Is,
            C::IsNot => N::IsNot,
            C::In => N::In,
            C::NotIn => N::NotIn,
        })
    }

    fn comprehensions(&self, gens: &[ast::Comprehension]) -> R {
        let items = gens
            .iter()
            .map(|g| {
                self.nested(|| {
                    let fields = vec![
                        self.expr(&g.target)?,
                        self.expr(&g.iter)?,
                        self.exprs(&g.ifs)?,
                        Value::Int(g.is_async as i64),
                    ];
                    self.node(N::Comprehension, fields, None)
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        self.list(items)
    }

    fn expr(&self, e: &ast::Expr) -> R {
        self.nested(|| self.expr_inner(e))
    }

    fn expr_inner(&self, e: &ast::Expr) -> R {
        use ast::Expr as E;
        let range = Some(e.range());
        match e {
            E::BoolOp(b) => {
                let op = self.st.singleton(match b.op {
                    ast::BoolOp::And => N::And,
                    ast::BoolOp::Or => N::Or,
                });
                let fields = vec![op, self.exprs(&b.values)?];
                self.node(N::BoolOp, fields, range)
            }
            E::NamedExpr(n) => {
                let fields = vec![self.expr(&n.target)?, self.expr(&n.value)?];
                self.node(N::NamedExpr, fields, range)
            }
            E::BinOp(b) => {
                let fields = vec![
                    self.expr(&b.left)?,
                    self.operator(b.op),
                    self.expr(&b.right)?,
                ];
                self.node(N::BinOp, fields, range)
            }
            E::UnaryOp(u) => {
                let op = self.st.singleton(match u.op {
                    ast::UnaryOp::Invert => N::Invert,
                    ast::UnaryOp::Not => N::Not,
                    ast::UnaryOp::UAdd => N::UAdd,
                    ast::UnaryOp::USub => N::USub,
                });
                let fields = vec![op, self.expr(&u.operand)?];
                self.node(N::UnaryOp, fields, range)
            }
            E::Lambda(l) => {
                let fields = vec![self.arguments(&l.args)?, self.expr(&l.body)?];
                self.node(N::Lambda, fields, range)
            }
            E::IfExp(i) => {
                let fields = vec![
                    self.expr(&i.test)?,
                    self.expr(&i.body)?,
                    self.expr(&i.orelse)?,
                ];
                self.node(N::IfExp, fields, range)
            }
            E::Dict(d) => {
                let keys = d
                    .keys
                    .iter()
                    .map(|k| match k {
                        Some(k) => self.expr(k),
                        None => Ok(Value::None),
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                let fields = vec![self.list(keys)?, self.exprs(&d.values)?];
                self.node(N::Dict, fields, range)
            }
            E::Set(s) => {
                let elts = self.exprs(&s.elts)?;
                self.node(N::Set, vec![elts], range)
            }
            E::ListComp(c) => {
                let fields = vec![self.expr(&c.elt)?, self.comprehensions(&c.generators)?];
                self.node(N::ListComp, fields, range)
            }
            E::SetComp(c) => {
                let fields = vec![self.expr(&c.elt)?, self.comprehensions(&c.generators)?];
                self.node(N::SetComp, fields, range)
            }
            E::DictComp(c) => {
                let fields = vec![
                    self.expr(&c.key)?,
                    self.expr(&c.value)?,
                    self.comprehensions(&c.generators)?,
                ];
                self.node(N::DictComp, fields, range)
            }
            E::GeneratorExp(c) => {
                let fields = vec![self.expr(&c.elt)?, self.comprehensions(&c.generators)?];
                self.node(N::GeneratorExp, fields, Some(self.genexp_range(c.range)))
            }
            E::Await(a) => {
                let v = self.expr(&a.value)?;
                self.node(N::Await, vec![v], range)
            }
            E::Yield(y) => {
                let v = self.opt_expr(&y.value)?;
                self.node(N::Yield, vec![v], range)
            }
            E::YieldFrom(y) => {
                let v = self.expr(&y.value)?;
                self.node(N::YieldFrom, vec![v], range)
            }
            E::Compare(c) => {
                let ops = c.ops.iter().map(|o| self.cmpop(*o)).collect();
                let fields = vec![
                    self.expr(&c.left)?,
                    self.list(ops)?,
                    self.exprs(&c.comparators)?,
                ];
                self.node(N::Compare, fields, range)
            }
            E::Call(c) => {
                let fields = vec![
                    self.expr(&c.func)?,
                    self.exprs(&c.args)?,
                    self.keywords(&c.keywords)?,
                ];
                self.node(N::Call, fields, range)
            }
            E::FormattedValue(f) => {
                let fields = vec![
                    self.expr(&f.value)?,
                    Value::Int(f.conversion as i8 as i64),
                    self.opt_expr(&f.format_spec)?,
                ];
                self.node(N::FormattedValue, fields, range)
            }
            E::JoinedStr(j) => {
                // CPython gives the parts (constants and replacement fields) the position of
                // the whole literal.
                let values = j
                    .values
                    .iter()
                    .map(|v| match v {
                        E::FormattedValue(f) => {
                            let fields = vec![
                                self.expr(&f.value)?,
                                Value::Int(f.conversion as i8 as i64),
                                self.opt_expr(&f.format_spec)?,
                            ];
                            self.node(N::FormattedValue, fields, range)
                        }
                        E::Constant(c) => {
                            let fields =
                                vec![self.constant(&c.value)?, self.opt_str(c.kind.as_deref())];
                            self.node(N::Constant, fields, range)
                        }
                        other => self.expr(other),
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                let values = self.list(values)?;
                self.node(N::JoinedStr, vec![values], range)
            }
            E::Constant(c) => {
                let fields = vec![self.constant(&c.value)?, self.opt_str(c.kind.as_deref())];
                self.node(N::Constant, fields, range)
            }
            E::Attribute(a) => {
                let fields = vec![self.expr(&a.value)?, self.ident(&a.attr), self.ctx(a.ctx)];
                self.node(N::Attribute, fields, range)
            }
            E::Subscript(s) => {
                let fields = vec![self.expr(&s.value)?, self.expr(&s.slice)?, self.ctx(s.ctx)];
                self.node(N::Subscript, fields, range)
            }
            E::Starred(s) => {
                let fields = vec![self.expr(&s.value)?, self.ctx(s.ctx)];
                self.node(N::Starred, fields, range)
            }
            E::Name(n) => {
                let fields = vec![self.ident(&n.id), self.ctx(n.ctx)];
                self.node(N::Name, fields, range)
            }
            E::List(l) => {
                let fields = vec![self.exprs(&l.elts)?, self.ctx(l.ctx)];
                self.node(N::List, fields, range)
            }
            E::Tuple(t) => {
                let fields = vec![self.exprs(&t.elts)?, self.ctx(t.ctx)];
                self.node(N::Tuple, fields, range)
            }
            E::Slice(s) => {
                let fields = vec![
                    self.opt_expr(&s.lower)?,
                    self.opt_expr(&s.upper)?,
                    self.opt_expr(&s.step)?,
                ];
                self.node(N::Slice, fields, range)
            }
        }
    }

    /// A statement with a block ends where its last statement does, with the `;` that may
    /// follow it (CPython's end is the block's last token).
    fn block_range(&self, r: TextRange) -> TextRange {
        let bytes = self.source.as_bytes();
        let mut at = usize::from(r.end());
        while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\x0c') {
            at += 1;
        }
        if bytes.get(at) == Some(&b';') {
            TextRange::new(r.start(), TextSize::new(at as u32 + 1))
        } else {
            r
        }
    }

    /// A generator expression's position includes its parentheses; the parser leaves out
    /// those of a sole argument (`f(x for x in y)`, which CPython gives the call's) and
    /// sometimes those of a parenthesized argument.
    fn genexp_range(&self, r: TextRange) -> TextRange {
        let bytes = self.source.as_bytes();
        let (start, end) = (usize::from(r.start()), usize::from(r.end()));
        if end > start && end <= bytes.len() && wrapped_in_parens(&bytes[start..end]) {
            return r;
        }
        let blank = |b: u8| matches!(b, b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'\\');
        let mut open = start;
        while open > 0 && blank(bytes[open - 1]) {
            open -= 1;
        }
        let mut close = end;
        while close < bytes.len() && blank(bytes[close]) {
            close += 1;
        }
        if open > 0 && bytes[open - 1] == b'(' && bytes.get(close) == Some(&b')') {
            TextRange::new(
                TextSize::new(open as u32 - 1),
                TextSize::new(close as u32 + 1),
            )
        } else {
            r
        }
    }

    fn constant(&self, c: &ast::Constant) -> R {
        use ast::Constant as C;
        let vm = self.vm;
        Ok(match c {
            C::None => Value::None,
            C::Bool(b) => Value::bool(*b),
            C::Str(s) => self.str(s),
            C::Bytes(b) => crate::builtins::bytes::new_bytes(vm, b.clone()),
            C::Int(i) => Value::from_bigint(i.clone()),
            C::Tuple(items) => {
                let items = items
                    .iter()
                    .map(|i| self.constant(i))
                    .collect::<PyResult<Vec<_>>>()?;
                vm.new_tuple(items)
            }
            C::Float(f) => Value::float(*f),
            C::Complex { real, imag } => crate::builtins::complex::new_complex(vm, *real, *imag),
            C::Ellipsis => Value::Obj(vm.types.ellipsis.clone()),
        })
    }

    // ---- pattern ----

    fn patterns(&self, ps: &[ast::Pattern]) -> R {
        let items = ps
            .iter()
            .map(|p| self.pattern(p))
            .collect::<PyResult<Vec<_>>>()?;
        self.list(items)
    }

    fn pattern(&self, p: &ast::Pattern) -> R {
        self.nested(|| self.pattern_inner(p))
    }

    fn pattern_inner(&self, p: &ast::Pattern) -> R {
        use ast::Pattern as P;
        let range = Some(p.range());
        match p {
            P::MatchValue(m) => {
                let v = self.expr(&m.value)?;
                self.node(N::MatchValue, vec![v], range)
            }
            P::MatchSingleton(m) => {
                let v = self.constant(&m.value)?;
                self.node(N::MatchSingleton, vec![v], range)
            }
            P::MatchSequence(m) => {
                let ps = self.patterns(&m.patterns)?;
                self.node(N::MatchSequence, vec![ps], range)
            }
            P::MatchMapping(m) => {
                let fields = vec![
                    self.exprs(&m.keys)?,
                    self.patterns(&m.patterns)?,
                    self.opt_ident(&m.rest),
                ];
                self.node(N::MatchMapping, fields, range)
            }
            P::MatchClass(m) => {
                let fields = vec![
                    self.expr(&m.cls)?,
                    self.patterns(&m.patterns)?,
                    self.idents(&m.kwd_attrs)?,
                    self.patterns(&m.kwd_patterns)?,
                ];
                self.node(N::MatchClass, fields, range)
            }
            P::MatchStar(m) => {
                let n = self.opt_ident(&m.name);
                self.node(N::MatchStar, vec![n], range)
            }
            P::MatchAs(m) => {
                let pattern = match &m.pattern {
                    Some(p) => self.pattern(p)?,
                    None => Value::None,
                };
                let fields = vec![pattern, self.opt_ident(&m.name)];
                self.node(N::MatchAs, fields, range)
            }
            P::MatchOr(m) => {
                let ps = self.patterns(&m.patterns)?;
                self.node(N::MatchOr, vec![ps], range)
            }
        }
    }
}

/// Whether `text` is one parenthesized group: its first byte a `(` that the last byte closes
/// (string literals and comments skipped).
fn wrapped_in_parens(text: &[u8]) -> bool {
    if text.first() != Some(&b'(') || text.last() != Some(&b')') {
        return false;
    }
    let mut depth = 0usize;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i == text.len() - 1;
                }
            }
            q @ (b'\'' | b'"') => {
                let triple = text.get(i..i + 3) == Some(&[q, q, q][..]);
                let quote_len = if triple { 3 } else { 1 };
                i += quote_len;
                while i < text.len() {
                    if text[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if text[i] == q && (!triple || text.get(i..i + 3) == Some(&[q, q, q][..])) {
                        i += quote_len - 1;
                        break;
                    }
                    i += 1;
                }
            }
            b'#' => {
                while i < text.len() && text[i] != b'\n' {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}
