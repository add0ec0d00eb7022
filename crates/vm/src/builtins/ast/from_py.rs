//! A tree of `ast` objects back to the compiler's tree (`compile(tree, filename, mode)`),
//! with CPython's TypeErrors for malformed objects and ValueErrors for trees the grammar
//! could not produce.
//!
//! Positions: the objects carry (line, column) pairs rather than offsets into a source. The
//! tree is first built with those pairs; they are then sorted into a table and each replaced
//! by its index, so that offsets compare as positions do, and the compiler's `SourceMap`
//! maps an index back to its pair.
//! Counterpart: the `obj2ast_*` functions of Python/Python-ast.c and the validator of
//! Python/ast.c (3.11).

use std::collections::HashMap;

use num_bigint::BigInt;
use rustpython_parser::ast::fold::Fold;
use rustpython_parser::ast::{self, ConversionFlag, Identifier};
use rustpython_parser::text_size::{TextRange, TextSize};

use super::tables::{ALL, CLASSES, N};
use super::{AstState, Mode, state};
use crate::object::Payload;
use crate::types::{TypeKind, kind_of, type_data};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A node's position as the objects give it: (line, column) of its start and end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    start: (i32, i32),
    end: (i32, i32),
}

type Expr = ast::Expr<Pos>;
type Stmt = ast::Stmt<Pos>;
type Pattern = ast::Pattern<Pos>;

/// `compile(tree, filename, mode)`.
pub fn compile(
    vm: &Vm,
    tree: &Value,
    filename: &str,
    mode: Mode,
    future: u32,
    optimize: u32,
) -> PyResult<Value> {
    let st = state(vm)?;
    let mut c = FromPy {
        vm,
        st,
        by_class: st.by_class(),
        positions: Vec::new(),
        nodes: 0,
        depth: vm.depth.get(),
        limit: vm.recursion_limit.get(),
    };
    let (module, cmode) = stacker::maybe_grow(1 << 20, 8 << 20, || c.module(tree, mode))?;
    stacker::maybe_grow(1 << 20, 8 << 20, || validate_mod(vm, &module))?;
    let mut table = std::mem::take(&mut c.positions);
    table.sort_unstable();
    table.dedup();
    let size = c.nodes;
    let mut ranger = Ranger { table: &table };
    let module = match ranger.fold_mod(module) {
        Ok(m) => m,
        Err(never) => match never {},
    };
    let map = rpy_compiler::SourceMap::from_positions(table);
    let opts = rpy_compiler::CompileOptions {
        optimize,
        flags: future,
    };
    let (co, warnings) = rpy_compiler::compile_tree(
        module,
        &map,
        filename,
        cmode,
        &opts,
        size.saturating_mul(64),
    )
    .map_err(|e| crate::interp::compile_error(vm, &e, ""))?;
    for w in warnings {
        crate::builtins::functions::warn_explicit(
            vm,
            &vm.types.exceptions.syntax_warning,
            &w.message,
            filename,
            w.lineno,
        )?;
    }
    let code = crate::interp::load_code(vm, &co)?;
    Ok(crate::builtins::frame::code_value(vm, &code))
}

/// Replaces each position by its index in the sorted table.
struct Ranger<'a> {
    table: &'a [(i32, i32)],
}

impl Ranger<'_> {
    fn index(&self, p: (i32, i32)) -> TextSize {
        TextSize::new(self.table.partition_point(|&q| q < p) as u32)
    }
}

impl Fold<Pos> for Ranger<'_> {
    type TargetU = TextRange;
    type Error = std::convert::Infallible;
    type UserContext = ();

    fn will_map_user(&mut self, _user: &Pos) {}

    fn map_user(&mut self, user: Pos, _context: ()) -> Result<TextRange, Self::Error> {
        let start = self.index(user.start);
        let end = self.index(user.end).max(start);
        Ok(TextRange::new(start, end))
    }

    // The recursive kinds, each on enough stack.
    fn fold_stmt(&mut self, node: Stmt) -> Result<ast::Stmt, Self::Error> {
        stacker::maybe_grow(64 * 1024, 1 << 20, || ast::fold::fold_stmt(self, node))
    }

    fn fold_expr(&mut self, node: Expr) -> Result<ast::Expr, Self::Error> {
        stacker::maybe_grow(64 * 1024, 1 << 20, || ast::fold::fold_expr(self, node))
    }

    fn fold_pattern(&mut self, node: Pattern) -> Result<ast::Pattern, Self::Error> {
        stacker::maybe_grow(64 * 1024, 1 << 20, || ast::fold::fold_pattern(self, node))
    }
}

impl AstState {
    /// The node classes by identity.
    fn by_class(&self) -> HashMap<usize, N> {
        ALL.iter()
            .map(|&n| (std::rc::Rc::as_ptr(self.class(n)) as usize, n))
            .collect()
    }
}

/// One conversion.
struct FromPy<'a> {
    vm: &'a Vm,
    st: &'a AstState,
    by_class: HashMap<usize, N>,
    /// Every position met (sorted into the offset table afterwards).
    positions: Vec<(i32, i32)>,
    nodes: usize,
    /// Nesting of the object being read, against the recursion limit (`obj2ast`'s check).
    depth: usize,
    limit: usize,
}

fn name_of(n: N) -> &'static str {
    CLASSES[n as usize].name
}

impl FromPy<'_> {
    /// Runs `f` one level deeper, on enough stack; a RecursionError past the limit.
    fn nested<T>(&mut self, what: &str, f: impl FnOnce(&mut Self) -> PyResult<T>) -> PyResult<T> {
        if self.depth >= self.limit {
            return Err(self.vm.new_exception_msg(
                &self.vm.types.exceptions.recursion_error,
                &format!("maximum recursion depth exceeded while traversing '{what}' node"),
            ));
        }
        self.depth += 1;
        let r = stacker::maybe_grow(64 * 1024, 1 << 20, || f(self));
        self.depth -= 1;
        r
    }

    // ---- reading attributes ----

    /// The attribute, or None when missing (`_PyObject_LookupAttr`).
    fn lookup(&self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        self.vm.getattr_opt(obj, name)
    }

    /// A field that must be present (its value may still be None).
    fn required(&self, obj: &Value, field: &str, owner: &str) -> PyResult<Value> {
        match self.lookup(obj, field)? {
            Some(v) => Ok(v),
            None => Err(self
                .vm
                .type_error(format!("required field \"{field}\" missing from {owner}"))),
        }
    }

    /// An optional field: missing and None both read as None.
    fn optional(&self, obj: &Value, field: &str) -> PyResult<Option<Value>> {
        Ok(self.lookup(obj, field)?.filter(|v| !v.is_none()))
    }

    /// `field 'X' is required for Y` (a required field set to None).
    fn none_error(&self, field: &str, owner: N) -> PyErr {
        self.vm.value_error(format!(
            "field '{field}' is required for {}",
            name_of(owner)
        ))
    }

    /// The items of a list field.
    fn seq(&self, obj: &Value, field: &str, owner: N) -> PyResult<Vec<Value>> {
        let v = self.required(obj, field, name_of(owner))?;
        match v.payload() {
            Some(Payload::List(items)) => Ok(items.borrow().clone()),
            _ => Err(self.vm.type_error(format!(
                "{} field \"{field}\" must be a list, not a {}",
                name_of(owner),
                self.vm.type_name(&v)
            ))),
        }
    }

    fn int(&self, v: &Value) -> PyResult<i32> {
        let big = match v {
            Value::Int(i) => BigInt::from(*i),
            Value::Bool(b) => BigInt::from(*b as i64),
            Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => match &o.payload {
                Payload::Int(i) => i.clone(),
                _ => unreachable!("checked above"),
            },
            _ => {
                return Err(self
                    .vm
                    .value_error(format!("invalid integer value: {}", self.vm.repr(v)?)));
            }
        };
        i32::try_from(big).map_err(|_| {
            self.vm
                .overflow_error("Python int too large to convert to C int")
        })
    }

    fn int_field(&self, obj: &Value, field: &str, owner: N) -> PyResult<i32> {
        let v = self.required(obj, field, name_of(owner))?;
        self.int(&v)
    }

    fn ident_value(&self, v: &Value) -> PyResult<Option<Identifier>> {
        if v.is_none() {
            return Ok(None);
        }
        match crate::str::exact_str(v) {
            Some(s) => Ok(Some(Identifier::new(s))),
            None => Err(self.vm.type_error("AST identifier must be of type str")),
        }
    }

    /// A required identifier field.
    fn ident(&self, obj: &Value, field: &str, owner: N) -> PyResult<Identifier> {
        let v = self.required(obj, field, name_of(owner))?;
        self.ident_value(&v)?
            .ok_or_else(|| self.none_error(field, owner))
    }

    fn opt_ident(&self, obj: &Value, field: &str) -> PyResult<Option<Identifier>> {
        match self.optional(obj, field)? {
            Some(v) => self.ident_value(&v),
            None => Ok(None),
        }
    }

    fn idents(&self, obj: &Value, field: &str, owner: N) -> PyResult<Vec<Identifier>> {
        let mut out = Vec::new();
        for v in self.seq(obj, field, owner)? {
            match self.ident_value(&v)? {
                Some(i) => out.push(i),
                None => return Err(self.vm.value_error("None disallowed in identifier list")),
            }
        }
        Ok(out)
    }

    fn opt_string(&self, obj: &Value, field: &str) -> PyResult<Option<String>> {
        match self.optional(obj, field)? {
            Some(v) => match crate::str::exact_str(&v) {
                Some(s) => Ok(Some(s.to_string())),
                None => Err(self.vm.type_error("AST string must be of type str")),
            },
            None => Ok(None),
        }
    }

    /// The class of `obj` that is a constructor of the sum type `sum` (for a subclass of a
    /// node class, that class).
    fn constructor(&self, obj: &Value, sum: N) -> Option<N> {
        let cls = self.vm.class_of(obj);
        let mro = type_data(cls).mro.borrow();
        mro.iter().find_map(|t| {
            let n = *self.by_class.get(&(std::rc::Rc::as_ptr(t) as usize))?;
            (CLASSES[n as usize].base == Some(sum)).then_some(n)
        })
    }

    fn wrong_kind(&self, obj: &Value, sum: &str) -> PyErr {
        match self.vm.repr(obj) {
            Ok(r) => self
                .vm
                .type_error(format!("expected some sort of {sum}, but got {r}")),
            Err(e) => e,
        }
    }

    /// The position attributes of a node of the sum type `sum`.
    fn position(&mut self, obj: &Value, sum: &str) -> PyResult<Pos> {
        let lineno = self.required(obj, "lineno", sum)?;
        let lineno = self.int(&lineno)?;
        let col = self.required(obj, "col_offset", sum)?;
        let col = self.int(&col)?;
        let end_lineno = match self.optional(obj, "end_lineno")? {
            Some(v) => self.int(&v)?,
            None => lineno,
        };
        let end_col = match self.optional(obj, "end_col_offset")? {
            Some(v) => self.int(&v)?,
            None => col,
        };
        Ok(self.pos(lineno, col, end_lineno, end_col))
    }

    fn pos(&mut self, lineno: i32, col: i32, end_lineno: i32, end_col: i32) -> Pos {
        let p = Pos {
            start: (lineno, col),
            end: (end_lineno, end_col),
        };
        self.positions.push(p.start);
        self.positions.push(p.end);
        self.nodes += 1;
        p
    }

    /// A position for a node CPython keeps none for: from its first to its last child's.
    fn span(&mut self, first: Option<Pos>, last: Option<Pos>) -> Pos {
        self.nodes += 1;
        match (first, last) {
            (Some(a), Some(b)) => Pos {
                start: a.start,
                end: b.end.max(a.start),
            },
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => {
                self.positions.push((1, 0));
                Pos {
                    start: (1, 0),
                    end: (1, 0),
                }
            }
        }
    }

    // ---- mod ----

    fn module(&mut self, obj: &Value, mode: Mode) -> PyResult<(ast::Mod<Pos>, rpy_compiler::Mode)> {
        let (want, cmode) = match mode {
            Mode::Exec => (N::Module, rpy_compiler::Mode::Exec),
            Mode::Eval => (N::Expression, rpy_compiler::Mode::Eval),
            Mode::Single => (N::Interactive, rpy_compiler::Mode::Single),
            Mode::FuncType => (N::FunctionType, rpy_compiler::Mode::Exec),
        };
        if !self.st.is_instance(self.vm, obj, want) {
            return Err(self.vm.type_error(format!(
                "expected {} node, got {}",
                name_of(want),
                type_data(self.vm.class_of(obj)).name.borrow()
            )));
        }
        let m = match want {
            N::Module => {
                let body = self.stmts(obj, "body", N::Module)?;
                let ignores = self.seq(obj, "type_ignores", N::Module)?;
                let mut type_ignores = Vec::new();
                for t in &ignores {
                    if !self.st.is_instance(self.vm, t, N::TypeIgnore) {
                        return Err(self.wrong_kind(t, "type_ignore"));
                    }
                    let lineno = self.int_field(t, "lineno", N::TypeIgnore)?;
                    let tag = self.required(t, "tag", name_of(N::TypeIgnore))?;
                    let tag = match crate::str::exact_str(&tag) {
                        Some(s) => s.to_string(),
                        None if tag.is_none() => return Err(self.none_error("tag", N::TypeIgnore)),
                        None => return Err(self.vm.type_error("AST string must be of type str")),
                    };
                    let range = self.span(None, None);
                    type_ignores.push(ast::TypeIgnore::TypeIgnore(ast::TypeIgnoreTypeIgnore {
                        range,
                        lineno: ast::Int::new(lineno.max(0) as u32),
                        tag,
                    }));
                }
                let range = self.span(None, None);
                ast::Mod::Module(ast::ModModule {
                    range,
                    body,
                    type_ignores,
                })
            }
            N::Interactive => {
                let body = self.stmts(obj, "body", N::Interactive)?;
                let range = self.span(None, None);
                ast::Mod::Interactive(ast::ModInteractive { range, body })
            }
            N::Expression => {
                let body = self.req_expr(obj, "body", N::Expression)?;
                let range = self.span(None, None);
                ast::Mod::Expression(ast::ModExpression {
                    range,
                    body: Box::new(body),
                })
            }
            _ => {
                let argtypes = self.exprs(obj, "argtypes", N::FunctionType)?;
                let returns = self.req_expr(obj, "returns", N::FunctionType)?;
                let range = self.span(None, None);
                ast::Mod::FunctionType(ast::ModFunctionType {
                    range,
                    argtypes,
                    returns: Box::new(returns),
                })
            }
        };
        Ok((m, cmode))
    }

    // ---- stmt ----

    fn stmts(&mut self, obj: &Value, field: &str, owner: N) -> PyResult<Vec<Stmt>> {
        let items = self.seq(obj, field, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            match self.stmt(item)? {
                Some(s) => out.push(s),
                None => return Err(self.vm.value_error("None disallowed in statement list")),
            }
        }
        Ok(out)
    }

    fn stmt(&mut self, obj: &Value) -> PyResult<Option<Stmt>> {
        self.nested("stmt", |c| c.stmt_inner(obj))
    }

    fn stmt_inner(&mut self, obj: &Value) -> PyResult<Option<Stmt>> {
        use ast::Stmt as S;
        if obj.is_none() {
            return Ok(None);
        }
        let range = self.position(obj, "stmt")?;
        let Some(n) = self.constructor(obj, N::StmtBase) else {
            return Err(self.wrong_kind(obj, "stmt"));
        };
        let s = match n {
            N::FunctionDef | N::AsyncFunctionDef => {
                let name = self.ident(obj, "name", n)?;
                let args = self.req_arguments(obj, "args", n)?;
                let body = self.stmts(obj, "body", n)?;
                let decorator_list = self.exprs(obj, "decorator_list", n)?;
                let returns = self.opt_expr(obj, "returns")?.map(Box::new);
                let type_comment = self.opt_string(obj, "type_comment")?;
                if n == N::FunctionDef {
                    S::FunctionDef(ast::StmtFunctionDef {
                        range,
                        name,
                        args: Box::new(args),
                        body,
                        decorator_list,
                        returns,
                        type_comment,
                        type_params: Vec::new(),
                    })
                } else {
                    S::AsyncFunctionDef(ast::StmtAsyncFunctionDef {
                        range,
                        name,
                        args: Box::new(args),
                        body,
                        decorator_list,
                        returns,
                        type_comment,
                        type_params: Vec::new(),
                    })
                }
            }
            N::ClassDef => S::ClassDef(ast::StmtClassDef {
                range,
                name: self.ident(obj, "name", n)?,
                bases: self.exprs(obj, "bases", n)?,
                keywords: self.keywords(obj, "keywords", n)?,
                body: self.stmts(obj, "body", n)?,
                decorator_list: self.exprs(obj, "decorator_list", n)?,
                type_params: Vec::new(),
            }),
            N::Return => S::Return(ast::StmtReturn {
                range,
                value: self.opt_expr(obj, "value")?.map(Box::new),
            }),
            N::Delete => S::Delete(ast::StmtDelete {
                range,
                targets: self.exprs(obj, "targets", n)?,
            }),
            N::Assign => S::Assign(ast::StmtAssign {
                range,
                targets: self.exprs(obj, "targets", n)?,
                value: Box::new(self.req_expr(obj, "value", n)?),
                type_comment: self.opt_string(obj, "type_comment")?,
            }),
            N::AugAssign => S::AugAssign(ast::StmtAugAssign {
                range,
                target: Box::new(self.req_expr(obj, "target", n)?),
                op: self.operator(obj, "op", n)?,
                value: Box::new(self.req_expr(obj, "value", n)?),
            }),
            N::AnnAssign => {
                let mut target = self.req_expr(obj, "target", n)?;
                let annotation = self.req_expr(obj, "annotation", n)?;
                let value = self.opt_expr(obj, "value")?.map(Box::new);
                let simple = self.int_field(obj, "simple", n)? != 0;
                if simple {
                    // The compiler tells `(x): int` from `x: int` by the target starting
                    // where the statement does.
                    if let ast::Expr::Name(name) = &mut target {
                        name.range.start = range.start;
                    }
                }
                S::AnnAssign(ast::StmtAnnAssign {
                    range,
                    target: Box::new(target),
                    annotation: Box::new(annotation),
                    value,
                    simple,
                })
            }
            N::For | N::AsyncFor => {
                let target = Box::new(self.req_expr(obj, "target", n)?);
                let iter = Box::new(self.req_expr(obj, "iter", n)?);
                let body = self.stmts(obj, "body", n)?;
                let orelse = self.stmts(obj, "orelse", n)?;
                let type_comment = self.opt_string(obj, "type_comment")?;
                if n == N::For {
                    S::For(ast::StmtFor {
                        range,
                        target,
                        iter,
                        body,
                        orelse,
                        type_comment,
                    })
                } else {
                    S::AsyncFor(ast::StmtAsyncFor {
                        range,
                        target,
                        iter,
                        body,
                        orelse,
                        type_comment,
                    })
                }
            }
            N::While => S::While(ast::StmtWhile {
                range,
                test: Box::new(self.req_expr(obj, "test", n)?),
                body: self.stmts(obj, "body", n)?,
                orelse: self.stmts(obj, "orelse", n)?,
            }),
            N::If => S::If(ast::StmtIf {
                range,
                test: Box::new(self.req_expr(obj, "test", n)?),
                body: self.stmts(obj, "body", n)?,
                orelse: self.stmts(obj, "orelse", n)?,
            }),
            N::With | N::AsyncWith => {
                let items = self.withitems(obj, n)?;
                let body = self.stmts(obj, "body", n)?;
                let type_comment = self.opt_string(obj, "type_comment")?;
                if n == N::With {
                    S::With(ast::StmtWith {
                        range,
                        items,
                        body,
                        type_comment,
                    })
                } else {
                    S::AsyncWith(ast::StmtAsyncWith {
                        range,
                        items,
                        body,
                        type_comment,
                    })
                }
            }
            N::Match => S::Match(ast::StmtMatch {
                range,
                subject: Box::new(self.req_expr(obj, "subject", n)?),
                cases: self.match_cases(obj)?,
            }),
            N::Raise => S::Raise(ast::StmtRaise {
                range,
                exc: self.opt_expr(obj, "exc")?.map(Box::new),
                cause: self.opt_expr(obj, "cause")?.map(Box::new),
            }),
            N::Try | N::TryStar => {
                let body = self.stmts(obj, "body", n)?;
                let handlers = self.handlers(obj, n)?;
                let orelse = self.stmts(obj, "orelse", n)?;
                let finalbody = self.stmts(obj, "finalbody", n)?;
                if n == N::Try {
                    S::Try(ast::StmtTry {
                        range,
                        body,
                        handlers,
                        orelse,
                        finalbody,
                    })
                } else {
                    S::TryStar(ast::StmtTryStar {
                        range,
                        body,
                        handlers,
                        orelse,
                        finalbody,
                    })
                }
            }
            N::Assert => S::Assert(ast::StmtAssert {
                range,
                test: Box::new(self.req_expr(obj, "test", n)?),
                msg: self.opt_expr(obj, "msg")?.map(Box::new),
            }),
            N::Import => S::Import(ast::StmtImport {
                range,
                names: self.aliases(obj, n)?,
            }),
            N::ImportFrom => {
                let module = self.opt_ident(obj, "module")?;
                let names = self.aliases(obj, n)?;
                let level = match self.optional(obj, "level")? {
                    Some(v) => self.int(&v)?,
                    None => 0,
                };
                if level < 0 {
                    return Err(self.vm.value_error("Negative ImportFrom level"));
                }
                S::ImportFrom(ast::StmtImportFrom {
                    range,
                    module,
                    names,
                    level: Some(ast::Int::new(level as u32)),
                })
            }
            N::Global => S::Global(ast::StmtGlobal {
                range,
                names: self.idents(obj, "names", n)?,
            }),
            N::Nonlocal => S::Nonlocal(ast::StmtNonlocal {
                range,
                names: self.idents(obj, "names", n)?,
            }),
            N::Expr => S::Expr(ast::StmtExpr {
                range,
                value: Box::new(self.req_expr(obj, "value", n)?),
            }),
            N::Pass => S::Pass(ast::StmtPass { range }),
            N::Break => S::Break(ast::StmtBreak { range }),
            N::Continue => S::Continue(ast::StmtContinue { range }),
            _ => return Err(self.wrong_kind(obj, "stmt")),
        };
        Ok(Some(s))
    }

    fn handlers(&mut self, obj: &Value, owner: N) -> PyResult<Vec<ast::ExceptHandler<Pos>>> {
        let items = self.seq(obj, "handlers", owner)?;
        let mut out = Vec::with_capacity(items.len());
        for h in &items {
            if h.is_none() {
                return Err(self.vm.value_error("None disallowed in excepthandler list"));
            }
            let range = self.position(h, "excepthandler")?;
            if self.constructor(h, N::ExcepthandlerBase) != Some(N::ExceptHandler) {
                return Err(self.wrong_kind(h, "excepthandler"));
            }
            out.push(ast::ExceptHandler::ExceptHandler(
                ast::ExceptHandlerExceptHandler {
                    range,
                    type_: self.opt_expr(h, "type")?.map(Box::new),
                    name: self.opt_ident(h, "name")?,
                    body: self.stmts(h, "body", N::ExceptHandler)?,
                },
            ));
        }
        Ok(out)
    }

    fn withitems(&mut self, obj: &Value, owner: N) -> PyResult<Vec<ast::WithItem<Pos>>> {
        let items = self.seq(obj, "items", owner)?;
        let mut out = Vec::with_capacity(items.len());
        for w in &items {
            if !self.st.is_instance(self.vm, w, N::Withitem) {
                return Err(self.wrong_kind(w, "withitem"));
            }
            let context_expr = self.req_expr(w, "context_expr", N::Withitem)?;
            let optional_vars = self.opt_expr(w, "optional_vars")?;
            let last = optional_vars.as_ref().map(expr_pos);
            let range = self.span(Some(expr_pos(&context_expr)), last);
            out.push(ast::WithItem {
                range,
                context_expr,
                optional_vars: optional_vars.map(Box::new),
            });
        }
        Ok(out)
    }

    fn match_cases(&mut self, obj: &Value) -> PyResult<Vec<ast::MatchCase<Pos>>> {
        let items = self.seq(obj, "cases", N::Match)?;
        let mut out = Vec::with_capacity(items.len());
        for c in &items {
            if !self.st.is_instance(self.vm, c, N::MatchCase) {
                return Err(self.wrong_kind(c, "match_case"));
            }
            let pattern = self.req_pattern(c, "pattern", N::MatchCase)?;
            let guard = self.opt_expr(c, "guard")?.map(Box::new);
            let body = self.stmts(c, "body", N::MatchCase)?;
            let last = body.last().map(stmt_pos);
            let range = self.span(Some(pattern_pos(&pattern)), last);
            out.push(ast::MatchCase {
                range,
                pattern,
                guard,
                body,
            });
        }
        Ok(out)
    }

    fn aliases(&mut self, obj: &Value, owner: N) -> PyResult<Vec<ast::Alias<Pos>>> {
        let items = self.seq(obj, "names", owner)?;
        let mut out = Vec::with_capacity(items.len());
        for a in &items {
            if a.is_none() {
                return Err(self.vm.value_error("None disallowed in alias list"));
            }
            if !self.st.is_instance(self.vm, a, N::Alias) {
                return Err(self.wrong_kind(a, "alias"));
            }
            let name = self.ident(a, "name", N::Alias)?;
            let asname = self.opt_ident(a, "asname")?;
            let range = self.position(a, "alias")?;
            out.push(ast::Alias {
                range,
                name,
                asname,
            });
        }
        Ok(out)
    }

    fn keywords(&mut self, obj: &Value, field: &str, owner: N) -> PyResult<Vec<ast::Keyword<Pos>>> {
        let items = self.seq(obj, field, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for k in &items {
            if k.is_none() {
                return Err(self.vm.value_error("None disallowed in keyword list"));
            }
            if !self.st.is_instance(self.vm, k, N::Keyword) {
                return Err(self.wrong_kind(k, "keyword"));
            }
            let arg = self.opt_ident(k, "arg")?;
            let value = self.req_expr(k, "value", N::Keyword)?;
            let range = self.position(k, "keyword")?;
            out.push(ast::Keyword { range, arg, value });
        }
        Ok(out)
    }

    fn arg(&mut self, obj: &Value) -> PyResult<ast::Arg<Pos>> {
        self.nested("arg", |c| c.arg_inner(obj))
    }

    fn arg_inner(&mut self, obj: &Value) -> PyResult<ast::Arg<Pos>> {
        if !self.st.is_instance(self.vm, obj, N::Arg) {
            return Err(self.wrong_kind(obj, "arg"));
        }
        let arg = self.ident(obj, "arg", N::Arg)?;
        let annotation = self.opt_expr(obj, "annotation")?.map(Box::new);
        let type_comment = self.opt_string(obj, "type_comment")?;
        let range = self.position(obj, "arg")?;
        Ok(ast::Arg {
            range,
            arg,
            annotation,
            type_comment,
        })
    }

    fn args(&mut self, obj: &Value, field: &str) -> PyResult<Vec<ast::Arg<Pos>>> {
        let items = self.seq(obj, field, N::Arguments)?;
        let mut out = Vec::with_capacity(items.len());
        for a in &items {
            if a.is_none() {
                return Err(self.vm.value_error("None disallowed in arg list"));
            }
            out.push(self.arg(a)?);
        }
        Ok(out)
    }

    fn opt_arg(&mut self, obj: &Value, field: &str) -> PyResult<Option<Box<ast::Arg<Pos>>>> {
        match self.optional(obj, field)? {
            Some(a) => Ok(Some(Box::new(self.arg(&a)?))),
            None => Ok(None),
        }
    }

    /// CPython lists the positional defaults apart (for the last parameters) and the
    /// keyword-only ones with None holes; the compiler's tree keeps each with its parameter.
    fn req_arguments(
        &mut self,
        obj: &Value,
        field: &str,
        owner: N,
    ) -> PyResult<ast::Arguments<Pos>> {
        let a = self.required(obj, field, name_of(owner))?;
        if a.is_none() {
            return Err(self.none_error(field, owner));
        }
        if !self.st.is_instance(self.vm, &a, N::Arguments) {
            return Err(self.wrong_kind(&a, "arguments"));
        }
        let posonlyargs = self.args(&a, "posonlyargs")?;
        let args = self.args(&a, "args")?;
        let vararg = self.opt_arg(&a, "vararg")?;
        let kwonlyargs = self.args(&a, "kwonlyargs")?;
        let kw_defaults = self.seq(&a, "kw_defaults", N::Arguments)?;
        let mut kw_default_exprs = Vec::with_capacity(kw_defaults.len());
        for d in &kw_defaults {
            kw_default_exprs.push(self.expr(d)?);
        }
        let kwarg = self.opt_arg(&a, "kwarg")?;
        let defaults = self.exprs(&a, "defaults", N::Arguments)?;
        let vm = self.vm;
        if defaults.len() > posonlyargs.len() + args.len() {
            return Err(vm.value_error("more positional defaults than args on arguments"));
        }
        if kw_default_exprs.len() != kwonlyargs.len() {
            return Err(
                vm.value_error("length of kwonlyargs is not the same as kw_defaults on arguments")
            );
        }
        let first_default = posonlyargs.len() + args.len() - defaults.len();
        let mut defaults = defaults.into_iter();
        let mut with_defaults = |list: Vec<ast::Arg<Pos>>, offset: usize| {
            list.into_iter()
                .enumerate()
                .map(|(i, def)| {
                    let default = if i + offset >= first_default {
                        defaults.next().map(Box::new)
                    } else {
                        None
                    };
                    ast::ArgWithDefault {
                        range: def.range,
                        def,
                        default,
                    }
                })
                .collect::<Vec<_>>()
        };
        let npos = posonlyargs.len();
        let posonlyargs = with_defaults(posonlyargs, 0);
        let args = with_defaults(args, npos);
        let kwonlyargs = kwonlyargs
            .into_iter()
            .zip(kw_default_exprs)
            .map(|(def, default)| ast::ArgWithDefault {
                range: def.range,
                def,
                default: default.map(Box::new),
            })
            .collect::<Vec<_>>();
        let first = posonlyargs
            .first()
            .or(args.first())
            .map(|a| a.range)
            .or(vararg.as_ref().map(|a| a.range))
            .or(kwonlyargs.first().map(|a| a.range))
            .or(kwarg.as_ref().map(|a| a.range));
        let last = kwarg
            .as_ref()
            .map(|a| a.range)
            .or(kwonlyargs.last().map(|a| a.range))
            .or(vararg.as_ref().map(|a| a.range))
            .or(args.last().map(|a| a.range))
            .or(posonlyargs.last().map(|a| a.range));
        let range = self.span(first, last);
        Ok(ast::Arguments {
            range,
            posonlyargs,
            args,
            vararg,
            kwonlyargs,
            kwarg,
        })
    }

    // ---- expr ----

    fn exprs(&mut self, obj: &Value, field: &str, owner: N) -> PyResult<Vec<Expr>> {
        let items = self.seq(obj, field, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            match self.expr(item)? {
                Some(e) => out.push(e),
                None => return Err(self.vm.value_error("None disallowed in expression list")),
            }
        }
        Ok(out)
    }

    fn req_expr(&mut self, obj: &Value, field: &str, owner: N) -> PyResult<Expr> {
        let v = self.required(obj, field, name_of(owner))?;
        self.expr(&v)?.ok_or_else(|| self.none_error(field, owner))
    }

    fn opt_expr(&mut self, obj: &Value, field: &str) -> PyResult<Option<Expr>> {
        match self.optional(obj, field)? {
            Some(v) => self.expr(&v),
            None => Ok(None),
        }
    }

    /// A simple sum's value (`expr_context`, the operators): one of its classes.
    fn simple(&self, obj: &Value, field: &str, owner: N, sum: N) -> PyResult<N> {
        let v = self.required(obj, field, name_of(owner))?;
        match self.constructor(&v, sum) {
            Some(n) => Ok(n),
            None => Err(self.wrong_kind(&v, CLASSES[sum as usize].name)),
        }
    }

    fn ctx(&self, obj: &Value, owner: N) -> PyResult<ast::ExprContext> {
        Ok(match self.simple(obj, "ctx", owner, N::ExprContextBase)? {
            N::Store => ast::ExprContext::Store,
            N::Del => ast::ExprContext::Del,
            _ => ast::ExprContext::Load,
        })
    }

    fn operator(&self, obj: &Value, field: &str, owner: N) -> PyResult<ast::Operator> {
        use ast::Operator as O;
        Ok(match self.simple(obj, field, owner, N::OperatorBase)? {
            N::Add => O::Add,
            N::Sub => O::Sub,
            N::Mult => O::Mult,
            N::MatMult => O::MatMult,
            N::Div => O::Div,
            N::Mod => O::Mod,
            N::Pow => O::Pow,
            N::LShift => O::LShift,
            N::RShift => O::RShift,
            N::BitOr => O::BitOr,
            N::BitXor => O::BitXor,
            N::BitAnd => O::BitAnd,
            _ => O::FloorDiv,
        })
    }

    fn cmpop(&self, v: &Value) -> PyResult<ast::CmpOp> {
        use ast::CmpOp as C;
        let Some(n) = self.constructor(v, N::CmpopBase) else {
            return Err(self.wrong_kind(v, "cmpop"));
        };
        Ok(match n {
            N::Eq => C::Eq,
            N::NotEq => C::NotEq,
            N::Lt => C::Lt,
            N::LtE => C::LtE,
            N::Gt => C::Gt,
            N::GtE => C::GtE,
            N::Is => C::Is,
            N::IsNot => C::IsNot,
            N::In => C::In,
            _ => C::NotIn,
        })
    }

    fn comprehensions(&mut self, obj: &Value, owner: N) -> PyResult<Vec<ast::Comprehension<Pos>>> {
        let items = self.seq(obj, "generators", owner)?;
        let mut out = Vec::with_capacity(items.len());
        for g in &items {
            if g.is_none() {
                return Err(self.vm.value_error("None disallowed in comprehension list"));
            }
            if !self.st.is_instance(self.vm, g, N::Comprehension) {
                return Err(self.wrong_kind(g, "comprehension"));
            }
            let target = self.req_expr(g, "target", N::Comprehension)?;
            let iter = self.req_expr(g, "iter", N::Comprehension)?;
            let ifs = self.exprs(g, "ifs", N::Comprehension)?;
            let is_async = self.int_field(g, "is_async", N::Comprehension)? != 0;
            let last = ifs.last().map(expr_pos).unwrap_or(expr_pos(&iter));
            let range = self.span(Some(expr_pos(&target)), Some(last));
            out.push(ast::Comprehension {
                range,
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(out)
    }

    fn expr(&mut self, obj: &Value) -> PyResult<Option<Expr>> {
        self.nested("expr", |c| c.expr_inner(obj))
    }

    fn expr_inner(&mut self, obj: &Value) -> PyResult<Option<Expr>> {
        use ast::Expr as E;
        if obj.is_none() {
            return Ok(None);
        }
        let range = self.position(obj, "expr")?;
        let Some(n) = self.constructor(obj, N::ExprBase) else {
            return Err(self.wrong_kind(obj, "expr"));
        };
        let e = match n {
            N::BoolOp => {
                let op = match self.simple(obj, "op", n, N::BoolopBase)? {
                    N::And => ast::BoolOp::And,
                    _ => ast::BoolOp::Or,
                };
                E::BoolOp(ast::ExprBoolOp {
                    range,
                    op,
                    values: self.exprs(obj, "values", n)?,
                })
            }
            N::NamedExpr => E::NamedExpr(ast::ExprNamedExpr {
                range,
                target: Box::new(self.req_expr(obj, "target", n)?),
                value: Box::new(self.req_expr(obj, "value", n)?),
            }),
            N::BinOp => E::BinOp(ast::ExprBinOp {
                range,
                left: Box::new(self.req_expr(obj, "left", n)?),
                op: self.operator(obj, "op", n)?,
                right: Box::new(self.req_expr(obj, "right", n)?),
            }),
            N::UnaryOp => {
                let op = match self.simple(obj, "op", n, N::UnaryopBase)? {
                    N::Invert => ast::UnaryOp::Invert,
                    N::Not => ast::UnaryOp::Not,
                    N::UAdd => ast::UnaryOp::UAdd,
                    _ => ast::UnaryOp::USub,
                };
                E::UnaryOp(ast::ExprUnaryOp {
                    range,
                    op,
                    operand: Box::new(self.req_expr(obj, "operand", n)?),
                })
            }
            N::Lambda => E::Lambda(ast::ExprLambda {
                range,
                args: Box::new(self.req_arguments(obj, "args", n)?),
                body: Box::new(self.req_expr(obj, "body", n)?),
            }),
            N::IfExp => E::IfExp(ast::ExprIfExp {
                range,
                test: Box::new(self.req_expr(obj, "test", n)?),
                body: Box::new(self.req_expr(obj, "body", n)?),
                orelse: Box::new(self.req_expr(obj, "orelse", n)?),
            }),
            N::Dict => {
                let key_objs = self.seq(obj, "keys", n)?;
                let mut keys = Vec::with_capacity(key_objs.len());
                for k in &key_objs {
                    keys.push(self.expr(k)?);
                }
                let values = self.exprs(obj, "values", n)?;
                if keys.len() != values.len() {
                    return Err(self
                        .vm
                        .value_error("Dict doesn't have the same number of keys as values"));
                }
                E::Dict(ast::ExprDict {
                    range,
                    keys,
                    values,
                })
            }
            N::Set => E::Set(ast::ExprSet {
                range,
                elts: self.exprs(obj, "elts", n)?,
            }),
            N::ListComp => E::ListComp(ast::ExprListComp {
                range,
                elt: Box::new(self.req_expr(obj, "elt", n)?),
                generators: self.comprehensions(obj, n)?,
            }),
            N::SetComp => E::SetComp(ast::ExprSetComp {
                range,
                elt: Box::new(self.req_expr(obj, "elt", n)?),
                generators: self.comprehensions(obj, n)?,
            }),
            N::DictComp => E::DictComp(ast::ExprDictComp {
                range,
                key: Box::new(self.req_expr(obj, "key", n)?),
                value: Box::new(self.req_expr(obj, "value", n)?),
                generators: self.comprehensions(obj, n)?,
            }),
            N::GeneratorExp => E::GeneratorExp(ast::ExprGeneratorExp {
                range,
                elt: Box::new(self.req_expr(obj, "elt", n)?),
                generators: self.comprehensions(obj, n)?,
            }),
            N::Await => E::Await(ast::ExprAwait {
                range,
                value: Box::new(self.req_expr(obj, "value", n)?),
            }),
            N::Yield => E::Yield(ast::ExprYield {
                range,
                value: self.opt_expr(obj, "value")?.map(Box::new),
            }),
            N::YieldFrom => E::YieldFrom(ast::ExprYieldFrom {
                range,
                value: Box::new(self.req_expr(obj, "value", n)?),
            }),
            N::Compare => {
                let left = Box::new(self.req_expr(obj, "left", n)?);
                let op_objs = self.seq(obj, "ops", n)?;
                let mut ops = Vec::with_capacity(op_objs.len());
                for o in &op_objs {
                    ops.push(self.cmpop(o)?);
                }
                let comparators = self.exprs(obj, "comparators", n)?;
                E::Compare(ast::ExprCompare {
                    range,
                    left,
                    ops,
                    comparators,
                })
            }
            N::Call => E::Call(ast::ExprCall {
                range,
                func: Box::new(self.req_expr(obj, "func", n)?),
                args: self.exprs(obj, "args", n)?,
                keywords: self.keywords(obj, "keywords", n)?,
            }),
            N::FormattedValue => {
                let value = Box::new(self.req_expr(obj, "value", n)?);
                let conversion = self.int_field(obj, "conversion", n)?;
                let format_spec = self.opt_expr(obj, "format_spec")?.map(Box::new);
                let conversion = match conversion {
                    -1 => ConversionFlag::None,
                    115 => ConversionFlag::Str,
                    114 => ConversionFlag::Repr,
                    97 => ConversionFlag::Ascii,
                    other => {
                        return Err(self
                            .vm
                            .system_error(format!("Unrecognized conversion character {other}")));
                    }
                };
                E::FormattedValue(ast::ExprFormattedValue {
                    range,
                    value,
                    conversion,
                    format_spec,
                })
            }
            N::JoinedStr => E::JoinedStr(ast::ExprJoinedStr {
                range,
                values: self.exprs(obj, "values", n)?,
            }),
            N::Constant => {
                let v = self.required(obj, "value", name_of(n))?;
                let value = self.constant(&v)?;
                let kind = self.opt_string(obj, "kind")?;
                E::Constant(ast::ExprConstant { range, value, kind })
            }
            N::Attribute => E::Attribute(ast::ExprAttribute {
                range,
                value: Box::new(self.req_expr(obj, "value", n)?),
                attr: self.ident(obj, "attr", n)?,
                ctx: self.ctx(obj, n)?,
            }),
            N::Subscript => E::Subscript(ast::ExprSubscript {
                range,
                value: Box::new(self.req_expr(obj, "value", n)?),
                slice: Box::new(self.req_expr(obj, "slice", n)?),
                ctx: self.ctx(obj, n)?,
            }),
            N::Starred => E::Starred(ast::ExprStarred {
                range,
                value: Box::new(self.req_expr(obj, "value", n)?),
                ctx: self.ctx(obj, n)?,
            }),
            N::Name => E::Name(ast::ExprName {
                range,
                id: self.ident(obj, "id", n)?,
                ctx: self.ctx(obj, n)?,
            }),
            N::List => E::List(ast::ExprList {
                range,
                elts: self.exprs(obj, "elts", n)?,
                ctx: self.ctx(obj, n)?,
            }),
            N::Tuple => E::Tuple(ast::ExprTuple {
                range,
                elts: self.exprs(obj, "elts", n)?,
                ctx: self.ctx(obj, n)?,
            }),
            N::Slice => E::Slice(ast::ExprSlice {
                range,
                lower: self.opt_expr(obj, "lower")?.map(Box::new),
                upper: self.opt_expr(obj, "upper")?.map(Box::new),
                step: self.opt_expr(obj, "step")?.map(Box::new),
            }),
            _ => return Err(self.wrong_kind(obj, "expr")),
        };
        Ok(Some(e))
    }

    /// A `Constant`'s value: only the types a literal can have (exactly), and tuples and
    /// frozensets of them.
    fn constant(&self, v: &Value) -> PyResult<ast::Constant> {
        use ast::Constant as C;
        let vm = self.vm;
        let invalid = || {
            vm.type_error(format!(
                "got an invalid type in Constant: {}",
                vm.type_name(v)
            ))
        };
        Ok(match v {
            Value::None => C::None,
            Value::Bool(b) => C::Bool(b.get()),
            Value::Int(i) => C::Int(BigInt::from(*i)),
            Value::Float(f) => C::Float(f.get()),
            Value::Null => return Err(invalid()),
            Value::Obj(o) => {
                let kind = kind_of(o);
                match &o.payload {
                    _ if std::rc::Rc::ptr_eq(o, &vm.types.ellipsis) => C::Ellipsis,
                    Payload::Str(s) if kind == TypeKind::Str => C::Str(s.as_str().to_string()),
                    Payload::Bytes(b) if kind == TypeKind::Bytes => C::Bytes(b.to_vec()),
                    Payload::Int(i) if kind == TypeKind::Int => C::Int(i.clone()),
                    Payload::Float(f) if kind == TypeKind::Float => C::Float(*f),
                    Payload::Complex(re, im) if kind == TypeKind::Complex => C::Complex {
                        real: *re,
                        imag: *im,
                    },
                    Payload::Tuple(items) if kind == TypeKind::Tuple => C::Tuple(
                        items
                            .iter()
                            .map(|i| self.constant(i))
                            .collect::<PyResult<Vec<_>>>()?,
                    ),
                    _ => return Err(invalid()),
                }
            }
        })
    }

    // ---- pattern ----

    fn patterns(&mut self, obj: &Value, field: &str, owner: N) -> PyResult<Vec<Pattern>> {
        let items = self.seq(obj, field, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            match self.pattern(item)? {
                Some(p) => out.push(p),
                None => return Err(self.vm.value_error("None disallowed in pattern list")),
            }
        }
        Ok(out)
    }

    fn req_pattern(&mut self, obj: &Value, field: &str, owner: N) -> PyResult<Pattern> {
        let v = self.required(obj, field, name_of(owner))?;
        self.pattern(&v)?
            .ok_or_else(|| self.none_error(field, owner))
    }

    fn pattern(&mut self, obj: &Value) -> PyResult<Option<Pattern>> {
        self.nested("pattern", |c| c.pattern_inner(obj))
    }

    fn pattern_inner(&mut self, obj: &Value) -> PyResult<Option<Pattern>> {
        use ast::Pattern as P;
        if obj.is_none() {
            return Ok(None);
        }
        let range = self.position(obj, "pattern")?;
        let Some(n) = self.constructor(obj, N::PatternBase) else {
            return Err(self.wrong_kind(obj, "pattern"));
        };
        let p = match n {
            N::MatchValue => P::MatchValue(ast::PatternMatchValue {
                range,
                value: Box::new(self.req_expr(obj, "value", n)?),
            }),
            N::MatchSingleton => {
                let v = self.required(obj, "value", name_of(n))?;
                P::MatchSingleton(ast::PatternMatchSingleton {
                    range,
                    value: self.constant(&v)?,
                })
            }
            N::MatchSequence => P::MatchSequence(ast::PatternMatchSequence {
                range,
                patterns: self.patterns(obj, "patterns", n)?,
            }),
            N::MatchMapping => P::MatchMapping(ast::PatternMatchMapping {
                range,
                keys: self.exprs(obj, "keys", n)?,
                patterns: self.patterns(obj, "patterns", n)?,
                rest: self.opt_ident(obj, "rest")?,
            }),
            N::MatchClass => P::MatchClass(ast::PatternMatchClass {
                range,
                cls: Box::new(self.req_expr(obj, "cls", n)?),
                patterns: self.patterns(obj, "patterns", n)?,
                kwd_attrs: self.idents(obj, "kwd_attrs", n)?,
                kwd_patterns: self.patterns(obj, "kwd_patterns", n)?,
            }),
            N::MatchStar => P::MatchStar(ast::PatternMatchStar {
                range,
                name: self.opt_ident(obj, "name")?,
            }),
            N::MatchAs => {
                let pattern = match self.optional(obj, "pattern")? {
                    Some(p) => self.pattern(&p)?.map(Box::new),
                    None => None,
                };
                P::MatchAs(ast::PatternMatchAs {
                    range,
                    pattern,
                    name: self.opt_ident(obj, "name")?,
                })
            }
            N::MatchOr => P::MatchOr(ast::PatternMatchOr {
                range,
                patterns: self.patterns(obj, "patterns", n)?,
            }),
            _ => return Err(self.wrong_kind(obj, "pattern")),
        };
        Ok(Some(p))
    }
}

/// The `range` of whichever variant `$e` is.
macro_rules! range_of {
    ($e:expr, $T:path, [$($v:ident),* $(,)?]) => {{
        use $T as T;
        match $e {
            $(T::$v(n) => n.range,)*
        }
    }};
}

fn expr_pos(e: &Expr) -> Pos {
    range_of!(
        e,
        ast::Expr,
        [
            BoolOp,
            NamedExpr,
            BinOp,
            UnaryOp,
            Lambda,
            IfExp,
            Dict,
            Set,
            ListComp,
            SetComp,
            DictComp,
            GeneratorExp,
            Await,
            Yield,
            YieldFrom,
            Compare,
            Call,
            FormattedValue,
            JoinedStr,
            Constant,
            Attribute,
            Subscript,
            Starred,
            Name,
            List,
            Tuple,
            Slice,
        ]
    )
}

fn stmt_pos(s: &Stmt) -> Pos {
    range_of!(
        s,
        ast::Stmt,
        [
            FunctionDef,
            AsyncFunctionDef,
            ClassDef,
            Return,
            Delete,
            Assign,
            TypeAlias,
            AugAssign,
            AnnAssign,
            For,
            AsyncFor,
            While,
            If,
            With,
            AsyncWith,
            Match,
            Raise,
            Try,
            TryStar,
            Assert,
            Import,
            ImportFrom,
            Global,
            Nonlocal,
            Expr,
            Pass,
            Break,
            Continue,
        ]
    )
}

fn pattern_pos(p: &Pattern) -> Pos {
    range_of!(
        p,
        ast::Pattern,
        [
            MatchValue,
            MatchSingleton,
            MatchSequence,
            MatchMapping,
            MatchClass,
            MatchStar,
            MatchAs,
            MatchOr,
        ]
    )
}

// ---- validation (Python/ast.c) ----

fn validate_mod(vm: &Vm, m: &ast::Mod<Pos>) -> PyResult<()> {
    let v = Validator { vm };
    match m {
        ast::Mod::Module(m) => v.stmts(&m.body),
        ast::Mod::Interactive(m) => v.stmts(&m.body),
        ast::Mod::Expression(e) => v.expr(&e.body, ast::ExprContext::Load),
        ast::Mod::FunctionType(f) => {
            v.exprs(&f.argtypes, ast::ExprContext::Load)?;
            v.expr(&f.returns, ast::ExprContext::Load)
        }
    }
}

struct Validator<'a> {
    vm: &'a Vm,
}

fn ctx_name(c: ast::ExprContext) -> &'static str {
    match c {
        ast::ExprContext::Load => "Load",
        ast::ExprContext::Store => "Store",
        ast::ExprContext::Del => "Del",
    }
}

impl Validator<'_> {
    fn err(&self, msg: impl AsRef<str>) -> PyErr {
        self.vm.value_error(msg)
    }

    fn positions(&self, p: &Pos) -> PyResult<()> {
        let ((line, col), (end_line, end_col)) = (p.start, p.end);
        if line > end_line {
            return Err(self.err(format!(
                "AST node line range ({line}, {end_line}) is not valid"
            )));
        }
        if (line < 0 && end_line != line) || (col < 0 && col != end_col) {
            return Err(self.err(format!(
                "AST node column range ({col}, {end_col}) for line range ({line}, {end_line}) is not valid"
            )));
        }
        if line == end_line && col > end_col {
            return Err(self.err(format!(
                "line {line}, column {col}-{end_col} is not a valid range"
            )));
        }
        Ok(())
    }

    fn nonempty<T>(&self, items: &[T], what: &str, owner: &str) -> PyResult<()> {
        if items.is_empty() {
            return Err(self.err(format!("empty {what} on {owner}")));
        }
        Ok(())
    }

    fn body(&self, body: &[Stmt], owner: &str) -> PyResult<()> {
        self.nonempty(body, "body", owner)?;
        self.stmts(body)
    }

    fn stmts(&self, body: &[Stmt]) -> PyResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&self, items: &[Expr], ctx: ast::ExprContext) -> PyResult<()> {
        items.iter().try_for_each(|e| self.expr(e, ctx))
    }

    fn arguments(&self, a: &ast::Arguments<Pos>) -> PyResult<()> {
        let all = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(&a.kwonlyargs)
            .map(|p| &p.def)
            .chain(a.vararg.as_deref())
            .chain(a.kwarg.as_deref());
        for arg in all {
            if let Some(ann) = &arg.annotation {
                self.expr(ann, ast::ExprContext::Load)?;
            }
        }
        for p in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            if let Some(d) = &p.default {
                self.expr(d, ast::ExprContext::Load)?;
            }
        }
        Ok(())
    }

    fn comprehensions(&self, gens: &[ast::Comprehension<Pos>]) -> PyResult<()> {
        if gens.is_empty() {
            return Err(self.err("comprehension with no generators"));
        }
        for g in gens {
            self.expr(&g.target, ast::ExprContext::Store)?;
            self.expr(&g.iter, ast::ExprContext::Load)?;
            self.exprs(&g.ifs, ast::ExprContext::Load)?;
        }
        Ok(())
    }

    fn name(&self, id: &str) -> PyResult<()> {
        if matches!(id, "None" | "True" | "False") {
            return Err(self.err(format!("identifier field can't represent '{id}' constant")));
        }
        Ok(())
    }

    fn stmt(&self, s: &Stmt) -> PyResult<()> {
        stacker::maybe_grow(64 * 1024, 1 << 20, || self.stmt_inner(s))
    }

    fn stmt_inner(&self, s: &Stmt) -> PyResult<()> {
        use ast::ExprContext::{Del, Load, Store};
        use ast::Stmt as S;
        self.positions(&stmt_pos(s))?;
        match s {
            S::FunctionDef(f) => {
                self.body(&f.body, "FunctionDef")?;
                self.arguments(&f.args)?;
                self.exprs(&f.decorator_list, Load)?;
                f.returns.iter().try_for_each(|r| self.expr(r, Load))
            }
            S::AsyncFunctionDef(f) => {
                self.body(&f.body, "AsyncFunctionDef")?;
                self.arguments(&f.args)?;
                self.exprs(&f.decorator_list, Load)?;
                f.returns.iter().try_for_each(|r| self.expr(r, Load))
            }
            S::ClassDef(c) => {
                self.body(&c.body, "ClassDef")?;
                self.exprs(&c.bases, Load)?;
                c.keywords
                    .iter()
                    .try_for_each(|k| self.expr(&k.value, Load))?;
                self.exprs(&c.decorator_list, Load)
            }
            S::Return(r) => r.value.iter().try_for_each(|v| self.expr(v, Load)),
            S::Delete(d) => {
                self.nonempty(&d.targets, "targets", "Delete")?;
                self.exprs(&d.targets, Del)
            }
            S::Assign(a) => {
                self.nonempty(&a.targets, "targets", "Assign")?;
                self.exprs(&a.targets, Store)?;
                self.expr(&a.value, Load)
            }
            S::TypeAlias(_) => Ok(()),
            S::AugAssign(a) => {
                self.expr(&a.target, Store)?;
                self.expr(&a.value, Load)
            }
            S::AnnAssign(a) => {
                if a.simple && !matches!(*a.target, ast::Expr::Name(_)) {
                    return Err(self.vm.type_error("AnnAssign with simple non-Name target"));
                }
                self.expr(&a.target, Store)?;
                if let Some(v) = &a.value {
                    self.expr(v, Load)?;
                }
                self.expr(&a.annotation, Load)
            }
            S::For(f) => {
                self.expr(&f.target, Store)?;
                self.expr(&f.iter, Load)?;
                self.body(&f.body, "For")?;
                self.stmts(&f.orelse)
            }
            S::AsyncFor(f) => {
                self.expr(&f.target, Store)?;
                self.expr(&f.iter, Load)?;
                self.body(&f.body, "AsyncFor")?;
                self.stmts(&f.orelse)
            }
            S::While(w) => {
                self.expr(&w.test, Load)?;
                self.body(&w.body, "While")?;
                self.stmts(&w.orelse)
            }
            S::If(i) => {
                self.expr(&i.test, Load)?;
                self.body(&i.body, "If")?;
                self.stmts(&i.orelse)
            }
            S::With(w) => {
                self.nonempty(&w.items, "items", "With")?;
                self.withitems(&w.items)?;
                self.body(&w.body, "With")
            }
            S::AsyncWith(w) => {
                self.nonempty(&w.items, "items", "AsyncWith")?;
                self.withitems(&w.items)?;
                self.body(&w.body, "AsyncWith")
            }
            S::Match(m) => {
                self.expr(&m.subject, Load)?;
                self.nonempty(&m.cases, "cases", "Match")?;
                for c in &m.cases {
                    self.pattern(&c.pattern, false)?;
                    if let Some(g) = &c.guard {
                        self.expr(g, Load)?;
                    }
                    self.body(&c.body, "match_case")?;
                }
                Ok(())
            }
            S::Raise(r) => {
                if let Some(exc) = &r.exc {
                    self.expr(exc, Load)?;
                    if let Some(cause) = &r.cause {
                        self.expr(cause, Load)?;
                    }
                } else if r.cause.is_some() {
                    return Err(self.err("Raise with cause but no exception"));
                }
                Ok(())
            }
            S::Try(t) => self.try_(&t.body, &t.handlers, &t.orelse, &t.finalbody, "Try"),
            S::TryStar(t) => self.try_(&t.body, &t.handlers, &t.orelse, &t.finalbody, "TryStar"),
            S::Assert(a) => {
                self.expr(&a.test, Load)?;
                a.msg.iter().try_for_each(|m| self.expr(m, Load))
            }
            S::Import(i) => self.nonempty(&i.names, "names", "Import"),
            S::ImportFrom(_) => Ok(()),
            S::Global(g) => self.nonempty(&g.names, "names", "Global"),
            S::Nonlocal(g) => self.nonempty(&g.names, "names", "Nonlocal"),
            S::Expr(e) => self.expr(&e.value, Load),
            S::Pass(_) | S::Break(_) | S::Continue(_) => Ok(()),
        }
    }

    fn withitems(&self, items: &[ast::WithItem<Pos>]) -> PyResult<()> {
        for w in items {
            self.expr(&w.context_expr, ast::ExprContext::Load)?;
            if let Some(v) = &w.optional_vars {
                self.expr(v, ast::ExprContext::Store)?;
            }
        }
        Ok(())
    }

    fn try_(
        &self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler<Pos>],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        owner: &str,
    ) -> PyResult<()> {
        self.body(body, owner)?;
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.err(format!("{owner} has neither except handlers nor finalbody")));
        }
        if handlers.is_empty() && !orelse.is_empty() {
            return Err(self.err(format!("{owner} has orelse but no except handlers")));
        }
        for ast::ExceptHandler::ExceptHandler(h) in handlers {
            self.positions(&h.range)?;
            if let Some(t) = &h.type_ {
                self.expr(t, ast::ExprContext::Load)?;
            }
            self.body(&h.body, "ExceptHandler")?;
        }
        if !finalbody.is_empty() {
            self.stmts(finalbody)?;
        }
        self.stmts(orelse)
    }

    fn expr(&self, e: &Expr, ctx: ast::ExprContext) -> PyResult<()> {
        stacker::maybe_grow(64 * 1024, 1 << 20, || self.expr_inner(e, ctx))
    }

    fn expr_inner(&self, e: &Expr, ctx: ast::ExprContext) -> PyResult<()> {
        use ast::Expr as E;
        use ast::ExprContext::Load;
        self.positions(&expr_pos(e))?;
        let actual = match e {
            E::Attribute(a) => Some(a.ctx),
            E::Subscript(s) => Some(s.ctx),
            E::Starred(s) => Some(s.ctx),
            E::Name(n) => Some(n.ctx),
            E::List(l) => Some(l.ctx),
            E::Tuple(t) => Some(t.ctx),
            _ => None,
        };
        match actual {
            Some(actual) if actual != ctx => {
                return Err(self.err(format!(
                    "expression must have {} context but has {} instead",
                    ctx_name(ctx),
                    ctx_name(actual)
                )));
            }
            None if ctx != Load => {
                return Err(self.err(format!(
                    "expression which can't be assigned to in {} context",
                    ctx_name(ctx)
                )));
            }
            _ => {}
        }
        match e {
            E::BoolOp(b) => {
                if b.values.len() < 2 {
                    return Err(self.err("BoolOp with less than 2 values"));
                }
                self.exprs(&b.values, Load)
            }
            E::NamedExpr(n) => {
                if !matches!(*n.target, E::Name(_)) {
                    return Err(self.vm.type_error("NamedExpr target must be a Name"));
                }
                self.expr(&n.value, Load)
            }
            E::BinOp(b) => {
                self.expr(&b.left, Load)?;
                self.expr(&b.right, Load)
            }
            E::UnaryOp(u) => self.expr(&u.operand, Load),
            E::Lambda(l) => {
                self.arguments(&l.args)?;
                self.expr(&l.body, Load)
            }
            E::IfExp(i) => {
                self.expr(&i.test, Load)?;
                self.expr(&i.body, Load)?;
                self.expr(&i.orelse, Load)
            }
            E::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k, Load)?;
                }
                self.exprs(&d.values, Load)
            }
            E::Set(s) => self.exprs(&s.elts, Load),
            E::ListComp(c) => {
                self.comprehensions(&c.generators)?;
                self.expr(&c.elt, Load)
            }
            E::SetComp(c) => {
                self.comprehensions(&c.generators)?;
                self.expr(&c.elt, Load)
            }
            E::DictComp(c) => {
                self.comprehensions(&c.generators)?;
                self.expr(&c.key, Load)?;
                self.expr(&c.value, Load)
            }
            E::GeneratorExp(c) => {
                self.comprehensions(&c.generators)?;
                self.expr(&c.elt, Load)
            }
            E::Await(a) => self.expr(&a.value, Load),
            E::Yield(y) => y.value.iter().try_for_each(|v| self.expr(v, Load)),
            E::YieldFrom(y) => self.expr(&y.value, Load),
            E::Compare(c) => {
                if c.comparators.is_empty() {
                    return Err(self.err("Compare with no comparators"));
                }
                if c.comparators.len() != c.ops.len() {
                    return Err(
                        self.err("Compare has a different number of comparators and operands")
                    );
                }
                self.exprs(&c.comparators, Load)?;
                self.expr(&c.left, Load)
            }
            E::Call(c) => {
                self.expr(&c.func, Load)?;
                self.exprs(&c.args, Load)?;
                c.keywords
                    .iter()
                    .try_for_each(|k| self.expr(&k.value, Load))
            }
            E::FormattedValue(f) => {
                self.expr(&f.value, Load)?;
                f.format_spec.iter().try_for_each(|s| self.expr(s, Load))
            }
            E::JoinedStr(j) => self.exprs(&j.values, Load),
            E::Constant(_) => Ok(()),
            E::Attribute(a) => self.expr(&a.value, Load),
            E::Subscript(s) => {
                self.expr(&s.slice, Load)?;
                self.expr(&s.value, Load)
            }
            E::Starred(s) => self.expr(&s.value, ctx),
            E::Name(n) => self.name(n.id.as_str()),
            E::List(l) => self.exprs(&l.elts, ctx),
            E::Tuple(t) => self.exprs(&t.elts, ctx),
            E::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part, Load)?;
                }
                Ok(())
            }
        }
    }

    fn capture(&self, name: &str) -> PyResult<()> {
        if name == "_" {
            return Err(self.err("can't capture name '_' in patterns"));
        }
        self.name(name)
    }

    fn pattern_value(&self, e: &Expr) -> PyResult<()> {
        use ast::Expr as E;
        self.expr(e, ast::ExprContext::Load)?;
        match e {
            E::Constant(c) => match c.value {
                ast::Constant::None | ast::Constant::Bool(_) => {
                    Err(self.err("unexpected constant inside of a literal pattern"))
                }
                _ => Ok(()),
            },
            E::Attribute(_) | E::UnaryOp(_) | E::BinOp(_) => Ok(()),
            E::JoinedStr(_) => {
                Err(self.err("patterns may only match literals and attribute lookups"))
            }
            _ => Err(self.err("patterns may only match literals and attribute lookups")),
        }
    }

    fn pattern(&self, p: &Pattern, star_ok: bool) -> PyResult<()> {
        stacker::maybe_grow(64 * 1024, 1 << 20, || self.pattern_inner(p, star_ok))
    }

    fn pattern_inner(&self, p: &Pattern, star_ok: bool) -> PyResult<()> {
        use ast::Pattern as P;
        self.positions(&pattern_pos(p))?;
        match p {
            P::MatchValue(m) => self.pattern_value(&m.value),
            P::MatchSingleton(m) => match m.value {
                ast::Constant::None | ast::Constant::Bool(_) => Ok(()),
                _ => Err(self.err("MatchSingleton can only contain True, False and None")),
            },
            P::MatchSequence(m) => m.patterns.iter().try_for_each(|p| self.pattern(p, true)),
            P::MatchMapping(m) => {
                if m.keys.len() != m.patterns.len() {
                    return Err(
                        self.err("MatchMapping doesn't have the same number of keys as patterns")
                    );
                }
                if let Some(rest) = &m.rest {
                    self.capture(rest.as_str())?;
                }
                for k in &m.keys {
                    if !matches!(k, ast::Expr::Constant(_)) {
                        self.pattern_value(k)?;
                    }
                }
                m.patterns.iter().try_for_each(|p| self.pattern(p, false))
            }
            P::MatchClass(m) => {
                if m.kwd_attrs.len() != m.kwd_patterns.len() {
                    return Err(self.err(
                        "MatchClass doesn't have the same number of keyword attributes as patterns",
                    ));
                }
                self.expr(&m.cls, ast::ExprContext::Load)?;
                let mut cls = &*m.cls;
                loop {
                    match cls {
                        ast::Expr::Name(_) => break,
                        ast::Expr::Attribute(a) => cls = &a.value,
                        _ => {
                            return Err(self.err(
                                "MatchClass cls field can only contain Name or Attribute nodes.",
                            ));
                        }
                    }
                }
                for a in &m.kwd_attrs {
                    self.name(a.as_str())?;
                }
                m.patterns.iter().try_for_each(|p| self.pattern(p, false))?;
                m.kwd_patterns
                    .iter()
                    .try_for_each(|p| self.pattern(p, false))
            }
            P::MatchStar(m) => {
                if !star_ok {
                    return Err(self.err("can't use MatchStar here"));
                }
                match &m.name {
                    Some(n) => self.capture(n.as_str()),
                    None => Ok(()),
                }
            }
            P::MatchAs(m) => {
                if let Some(n) = &m.name {
                    self.capture(n.as_str())?;
                }
                match &m.pattern {
                    None => Ok(()),
                    Some(_) if m.name.is_none() => {
                        Err(self.err("MatchAs must specify a target name if a pattern is given"))
                    }
                    Some(p) => self.pattern(p, false),
                }
            }
            P::MatchOr(m) => {
                if m.patterns.len() < 2 {
                    return Err(self.err("MatchOr requires at least 2 patterns"));
                }
                m.patterns.iter().try_for_each(|p| self.pattern(p, false))
            }
        }
    }
}
