//! The symbol table: which names each scope binds, uses, declares global or nonlocal, and the
//! resulting scope of every name (local, global, free, cell), computed as CPython computes it.
//! Counterpart: Python/symtable.c (3.11).

use std::rc::Rc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rustpython_parser::ast::Ranged;
use rustpython_parser::ast::{self, Expr, Pattern, Stmt};
use rustpython_parser::text_size::TextRange;

use crate::error::{CompileError, CompileResult, ErrorType, SourceMap};

pub mod flag {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 2 << 1;
    pub const DEF_NONLOCAL: u32 = 2 << 2;
    pub const USE: u32 = 2 << 3;
    pub const DEF_FREE: u32 = 2 << 4;
    pub const DEF_FREE_CLASS: u32 = 2 << 5;
    pub const DEF_IMPORT: u32 = 2 << 6;
    pub const DEF_ANNOT: u32 = 2 << 7;
    pub const DEF_COMP_ITER: u32 = 2 << 8;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
    pub const SCOPE_OFFSET: u32 = 11;
    pub const SCOPE_MASK: u32 = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;
}

use flag::*;

/// A name's resolved scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

impl NameScope {
    fn code(self) -> u32 {
        match self {
            NameScope::Unknown => 0,
            NameScope::Local => 1,
            NameScope::GlobalExplicit => 2,
            NameScope::GlobalImplicit => 3,
            NameScope::Free => 4,
            NameScope::Cell => 5,
        }
    }

    fn from_code(c: u32) -> NameScope {
        match c {
            1 => NameScope::Local,
            2 => NameScope::GlobalExplicit,
            3 => NameScope::GlobalImplicit,
            4 => NameScope::Free,
            5 => NameScope::Cell,
            _ => NameScope::Unknown,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Module,
    Class,
    Function,
    Annotation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comprehension {
    List,
    Set,
    Dict,
    Generator,
}

pub type ScopeId = usize;

/// One scope (`PySTEntryObject`).
#[derive(Debug)]
pub struct Scope {
    pub name: String,
    pub typ: BlockType,
    /// name → flags | scope << SCOPE_OFFSET, in insertion order.
    pub symbols: Vec<(Rc<str>, u32)>,
    index: HashMap<Rc<str>, usize>,
    /// Parameters, in order.
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    pub directives: Vec<(String, TextRange)>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Option<Comprehension>,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub free: bool,
    pub child_free: bool,
    comp_iter_target: bool,
    comp_iter_expr: i32,
    pub range: TextRange,
}

impl Scope {
    pub fn symbol(&self, name: &str) -> u32 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].1)
    }

    /// `_PyST_GetScope`.
    pub fn scope_of(&self, name: &str) -> NameScope {
        NameScope::from_code((self.symbol(name) >> SCOPE_OFFSET) & 7)
    }

    fn set(&mut self, name: &str, v: u32) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].1 = v,
            None => {
                let name: Rc<str> = name.into();
                self.index.insert(name.clone(), self.symbols.len());
                self.symbols.push((name, v));
            }
        }
    }

    /// Names with `scope` (or carrying `flag`), sorted — `dictbytype`.
    pub fn names_by_scope(&self, scope: NameScope, flag: u32) -> Vec<String> {
        let mut out: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, v)| (v >> SCOPE_OFFSET) & 7 == scope.code() || v & flag != 0)
            .map(|(n, _)| n.to_string())
            .collect();
        out.sort();
        out
    }
}

/// The symbol table of a whole module.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address → its scope.
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    pub fn top(&self) -> ScopeId {
        0
    }

    pub fn scope_for<T>(&self, node: &T) -> ScopeId {
        self.by_node[&(node as *const T as usize)]
    }
}

/// `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
/// The AST's `simple` flag of an annotated assignment: a bare name, not parenthesized. The
/// parser sets it for `(x): int` too; CPython does not (so `x` is then neither annotated
/// nor, without a value, bound).
pub(crate) fn ann_simple(a: &ast::StmtAnnAssign) -> bool {
    a.simple && a.target.range().start() == a.range.start()
}

pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    let Some(private) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

const RECURSION_LIMIT: usize = 3000;

struct Builder<'a> {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    cur: ScopeId,
    private: Option<String>,
    future_annotations: bool,
    map: &'a SourceMap,
    depth: usize,
}

fn err(map: &SourceMap, msg: impl Into<String>, range: TextRange) -> CompileError {
    CompileError::syntax(msg, map.range(range))
}

impl Builder<'_> {
    fn enter(&mut self, name: &str, typ: BlockType, node: usize, range: TextRange) {
        let prev = self.stack.last().copied();
        let nested = prev
            .is_some_and(|p| self.scopes[p].nested || self.scopes[p].typ == BlockType::Function);
        let comp_iter_expr = prev.map_or(0, |p| self.scopes[p].comp_iter_expr);
        let id = self.scopes.len();
        self.scopes.push(Scope {
            name: name.to_string(),
            typ,
            symbols: Vec::new(),
            index: HashMap::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: Vec::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            free: false,
            child_free: false,
            comp_iter_target: false,
            comp_iter_expr,
            range,
        });
        self.by_node.insert(node, id);
        self.stack.push(id);
        self.cur = id;
        if typ != BlockType::Annotation
            && let Some(p) = prev
        {
            self.scopes[p].children.push(id);
        }
    }

    fn exit(&mut self) {
        self.stack.pop();
        if let Some(&top) = self.stack.last() {
            self.cur = top;
        }
    }

    fn add_def_in(
        &mut self,
        sid: ScopeId,
        name: &str,
        flag: u32,
        range: TextRange,
    ) -> CompileResult<()> {
        let mangled = mangle(self.private.as_deref(), name);
        let ste = &mut self.scopes[sid];
        let mut val = ste.symbol(&mangled);
        if ste.index.contains_key(&*mangled) {
            if flag & DEF_PARAM != 0 && val & DEF_PARAM != 0 {
                return Err(err(
                    self.map,
                    format!("duplicate argument '{name}' in function definition"),
                    range,
                ));
            }
            val |= flag;
        } else {
            val = flag;
        }
        if ste.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(err(
                    self.map,
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    range,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        ste.set(&mangled, val);
        if flag & DEF_PARAM != 0 {
            ste.varnames.push(mangled.into_owned());
        } else if flag & DEF_GLOBAL != 0 {
            let module = &mut self.scopes[0];
            let v = module.symbol(&mangled) | flag;
            module.set(&mangled, v);
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> CompileResult<()> {
        self.add_def_in(self.cur, name, flag, range)
    }

    fn lookup(&self, name: &str) -> u32 {
        self.scopes[self.cur].symbol(&mangle(self.private.as_deref(), name))
    }

    fn directive(&mut self, name: &str, range: TextRange) {
        let mangled = mangle(self.private.as_deref(), name);
        self.scopes[self.cur]
            .directives
            .push((mangled.into_owned(), range));
    }

    fn recurse(&mut self) -> CompileResult<()> {
        self.depth += 1;
        if self.depth > RECURSION_LIMIT {
            return Err(CompileError::of_type(
                ErrorType::RecursionError,
                "maximum recursion depth exceeded during compilation",
            ));
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> CompileResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, es: &[Expr]) -> CompileResult<()> {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt) -> CompileResult<()> {
        self.recurse()?;
        let r = rpy_marshal_stack_guard(self.depth, || self.stmt_inner(s));
        self.depth -= 1;
        r
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the FunctionDef/AsyncFunctionDef fields"
    )]
    fn function_like(
        &mut self,
        node: usize,
        name: &str,
        args: &ast::Arguments,
        returns: Option<&Expr>,
        decorators: &[Expr],
        range: TextRange,
        is_async: bool,
        body: &[Stmt],
    ) -> CompileResult<()> {
        self.add_def(name, DEF_LOCAL, range)?;
        for a in args.posonlyargs.iter().chain(&args.args) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        self.annotations(node, args, returns, range)?;
        self.exprs(decorators)?;
        self.enter(name, BlockType::Function, node, range);
        if is_async {
            self.scopes[self.cur].coroutine = true;
        }
        self.arguments(args)?;
        self.stmts(body)?;
        self.exit();
        Ok(())
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CompileResult<()> {
        match s {
            Stmt::FunctionDef(f) => self.function_like(
                s as *const Stmt as usize,
                &f.name,
                &f.args,
                f.returns.as_deref(),
                &f.decorator_list,
                f.range,
                false,
                &f.body,
            )?,
            Stmt::AsyncFunctionDef(f) => self.function_like(
                s as *const Stmt as usize,
                &f.name,
                &f.args,
                f.returns.as_deref(),
                &f.decorator_list,
                f.range,
                true,
                &f.body,
            )?,
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, c.range)?;
                self.exprs(&c.bases)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.exprs(&c.decorator_list)?;
                self.enter(
                    &c.name,
                    BlockType::Class,
                    s as *const Stmt as usize,
                    c.range,
                );
                let saved = self.private.replace(c.name.to_string());
                self.stmts(&c.body)?;
                self.private = saved;
                self.exit();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                    self.scopes[self.cur].returns_value = true;
                }
            }
            Stmt::Delete(d) => self.exprs(&d.targets)?,
            Stmt::Assign(a) => {
                self.exprs(&a.targets)?;
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                let simple = ann_simple(a);
                if let Expr::Name(n) = &*a.target {
                    let cur = self.lookup(&n.id);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur != 0 && simple {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{}' can't be global", n.id)
                        } else {
                            format!("annotated name '{}' can't be nonlocal", n.id)
                        };
                        return Err(err(self.map, msg, a.range));
                    }
                    if simple {
                        self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.expr(&a.target)?;
                }
                self.annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::For(f) => self.for_loop(&f.target, &f.iter, &f.body, &f.orelse)?,
            Stmt::AsyncFor(f) => self.for_loop(&f.target, &f.iter, &f.body, &f.orelse)?,
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                    }
                }
            }
            Stmt::Try(t) => self.try_(&t.body, &t.orelse, &t.handlers, &t.finalbody)?,
            Stmt::TryStar(t) => self.try_(&t.body, &t.orelse, &t.handlers, &t.finalbody)?,
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => i.names.iter().try_for_each(|a| self.alias(a))?,
            Stmt::ImportFrom(i) => i.names.iter().try_for_each(|a| self.alias(a))?,
            Stmt::Global(g) => self.declare(&g.names, "global", DEF_GLOBAL, g.range)?,
            Stmt::Nonlocal(n) => self.declare(&n.names, "nonlocal", DEF_NONLOCAL, n.range)?,
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::With(w) => self.with(&w.items, &w.body)?,
            Stmt::AsyncWith(w) => self.with(&w.items, &w.body)?,
            Stmt::TypeAlias(t) => return Err(err(self.map, "invalid syntax", t.range)),
        }
        Ok(())
    }

    fn for_loop(
        &mut self,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> CompileResult<()> {
        self.expr(target)?;
        self.expr(iter)?;
        self.stmts(body)?;
        self.stmts(orelse)
    }

    fn with(&mut self, items: &[ast::WithItem], body: &[Stmt]) -> CompileResult<()> {
        for item in items {
            self.expr(&item.context_expr)?;
            if let Some(v) = &item.optional_vars {
                self.expr(v)?;
            }
        }
        self.stmts(body)
    }

    /// `global` / `nonlocal` statements: refuse names already used, then record the directive.
    fn declare(
        &mut self,
        names: &[ast::Identifier],
        word: &str,
        flag: u32,
        range: TextRange,
    ) -> CompileResult<()> {
        for name in names {
            let cur = self.lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {word}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {word} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {word}")
                } else {
                    format!("name '{name}' is assigned to before {word} declaration")
                };
                return Err(err(self.map, msg, range));
            }
            self.add_def(name, flag, range)?;
            self.directive(name, range);
        }
        Ok(())
    }

    fn try_(
        &mut self,
        body: &[Stmt],
        orelse: &[Stmt],
        handlers: &[ast::ExceptHandler],
        finalbody: &[Stmt],
    ) -> CompileResult<()> {
        self.stmts(body)?;
        self.stmts(orelse)?;
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if let Some(t) = &h.type_ {
                self.expr(t)?;
            }
            if let Some(n) = &h.name {
                self.add_def(n, DEF_LOCAL, h.range)?;
            }
            self.stmts(&h.body)?;
        }
        self.stmts(finalbody)
    }

    fn alias(&mut self, a: &ast::Alias) -> CompileResult<()> {
        let name: &str = a.asname.as_deref().unwrap_or(&a.name);
        let store = name.split('.').next().unwrap_or(name);
        if name != "*" {
            return self.add_def(store, DEF_IMPORT, a.range);
        }
        if self.scopes[self.cur].typ != BlockType::Module {
            return Err(err(
                self.map,
                "import * only allowed at module level",
                a.range,
            ));
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> CompileResult<()> {
        if self.future_annotations {
            self.enter(
                "_annotation",
                BlockType::Annotation,
                e as *const Expr as usize,
                e.range(),
            );
            self.expr(e)?;
            self.exit();
            Ok(())
        } else {
            self.expr(e)
        }
    }

    fn annotations(
        &mut self,
        node: usize,
        args: &ast::Arguments,
        returns: Option<&Expr>,
        range: TextRange,
    ) -> CompileResult<()> {
        if self.future_annotations {
            // Keyed apart from the function's own scope (node address + 1).
            self.enter("_annotation", BlockType::Annotation, node + 1, range);
        }
        for a in args.posonlyargs.iter().chain(&args.args) {
            if let Some(ann) = &a.def.annotation {
                self.expr(ann)?;
            }
        }
        if let Some(v) = &args.vararg
            && let Some(ann) = &v.annotation
        {
            self.expr(ann)?;
        }
        if let Some(k) = &args.kwarg
            && let Some(ann) = &k.annotation
        {
            self.expr(ann)?;
        }
        for a in &args.kwonlyargs {
            if let Some(ann) = &a.def.annotation {
                self.expr(ann)?;
            }
        }
        if self.future_annotations {
            self.exit();
        }
        if let Some(r) = returns {
            self.annotation(r)?;
        }
        Ok(())
    }

    fn arguments(&mut self, a: &ast::Arguments) -> CompileResult<()> {
        for p in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            self.add_def(&p.def.arg, DEF_PARAM, p.def.range)?;
        }
        if let Some(v) = &a.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.range)?;
            self.scopes[self.cur].varargs = true;
        }
        if let Some(k) = &a.kwarg {
            self.add_def(&k.arg, DEF_PARAM, k.range)?;
            self.scopes[self.cur].varkeywords = true;
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> CompileResult<()> {
        self.recurse()?;
        let r = self.pattern_inner(p);
        self.depth -= 1;
        r
    }

    fn pattern_inner(&mut self, p: &Pattern) -> CompileResult<()> {
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.pattern(p))?,
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n, DEF_LOCAL, s.range)?;
                }
            }
            Pattern::MatchMapping(m) => {
                self.exprs(&m.keys)?;
                m.patterns.iter().try_for_each(|p| self.pattern(p))?;
                if let Some(r) = &m.rest {
                    self.add_def(r, DEF_LOCAL, m.range)?;
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                c.patterns.iter().try_for_each(|p| self.pattern(p))?;
                c.kwd_patterns.iter().try_for_each(|p| self.pattern(p))?;
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n, DEF_LOCAL, a.range)?;
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.pattern(p))?,
        }
        Ok(())
    }

    fn raise_if_annotation(&self, what: &str, range: TextRange) -> CompileResult<()> {
        if self.scopes[self.cur].typ == BlockType::Annotation {
            return Err(err(
                self.map,
                format!("'{what}' can not be used within an annotation"),
                range,
            ));
        }
        Ok(())
    }

    fn raise_if_comprehension(&self, range: TextRange) -> CompileResult<()> {
        let msg = match self.scopes[self.cur].comprehension {
            Some(Comprehension::List) => "'yield' inside list comprehension",
            Some(Comprehension::Set) => "'yield' inside set comprehension",
            Some(Comprehension::Dict) => "'yield' inside dict comprehension",
            Some(Comprehension::Generator) => "'yield' inside generator expression",
            None => return Ok(()),
        };
        Err(err(self.map, msg, range))
    }

    fn expr(&mut self, e: &Expr) -> CompileResult<()> {
        self.recurse()?;
        let r = rpy_marshal_stack_guard(self.depth, || self.expr_inner(e));
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CompileResult<()> {
        match e {
            Expr::NamedExpr(n) => {
                self.raise_if_annotation("named expression", n.range)?;
                if self.scopes[self.cur].comp_iter_expr > 0 {
                    return Err(err(
                        self.map,
                        "assignment expression cannot be used in a comprehension iterable expression",
                        n.range,
                    ));
                }
                if self.scopes[self.cur].comprehension.is_some() {
                    self.extend_namedexpr_scope(&n.target)?;
                }
                self.expr(&n.value)?;
                self.expr(&n.target)?;
            }
            Expr::BoolOp(b) => self.exprs(&b.values)?,
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                for a in l.args.posonlyargs.iter().chain(&l.args.args) {
                    if let Some(d) = &a.default {
                        self.expr(d)?;
                    }
                }
                for a in &l.args.kwonlyargs {
                    if let Some(d) = &a.default {
                        self.expr(d)?;
                    }
                }
                self.enter(
                    "lambda",
                    BlockType::Function,
                    e as *const Expr as usize,
                    l.range,
                );
                self.arguments(&l.args)?;
                self.expr(&l.body)?;
                self.exit();
            }
            Expr::IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(&d.values)?;
            }
            Expr::Set(s) => self.exprs(&s.elts)?,
            Expr::GeneratorExp(g) => self.comprehension(
                e,
                "<genexpr>",
                &g.generators,
                &g.elt,
                None,
                Comprehension::Generator,
            )?,
            Expr::ListComp(g) => self.comprehension(
                e,
                "<listcomp>",
                &g.generators,
                &g.elt,
                None,
                Comprehension::List,
            )?,
            Expr::SetComp(g) => self.comprehension(
                e,
                "<setcomp>",
                &g.generators,
                &g.elt,
                None,
                Comprehension::Set,
            )?,
            Expr::DictComp(g) => self.comprehension(
                e,
                "<dictcomp>",
                &g.generators,
                &g.key,
                Some(&g.value),
                Comprehension::Dict,
            )?,
            Expr::Yield(y) => {
                self.raise_if_annotation("yield expression", y.range)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
                self.scopes[self.cur].generator = true;
                self.raise_if_comprehension(y.range)?;
            }
            Expr::YieldFrom(y) => {
                self.raise_if_annotation("yield expression", y.range)?;
                self.expr(&y.value)?;
                self.scopes[self.cur].generator = true;
                self.raise_if_comprehension(y.range)?;
            }
            Expr::Await(a) => {
                self.raise_if_annotation("await expression", a.range)?;
                self.expr(&a.value)?;
                self.scopes[self.cur].coroutine = true;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.args)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
            }
            Expr::FormattedValue(f) => {
                self.expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.expr(s)?;
                }
            }
            Expr::JoinedStr(j) => self.exprs(&j.values)?,
            Expr::Constant(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
            Expr::Name(n) => {
                let load = matches!(n.ctx, ast::ExprContext::Load);
                self.add_def(&n.id, if load { USE } else { DEF_LOCAL }, n.range)?;
                if load
                    && self.scopes[self.cur].typ == BlockType::Function
                    && n.id.as_str() == "super"
                {
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => self.exprs(&l.elts)?,
            Expr::Tuple(t) => self.exprs(&t.elts)?,
        }
        Ok(())
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> CompileResult<()> {
        let Expr::Name(n) = target else { return Ok(()) };
        let name = n.id.as_str();
        for i in (0..self.stack.len()).rev() {
            let sid = self.stack[i];
            let ste = &self.scopes[sid];
            if ste.comprehension.is_some() {
                if ste.symbol(name) & DEF_COMP_ITER != 0 {
                    return Err(err(
                        self.map,
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                        n.range,
                    ));
                }
                continue;
            }
            match ste.typ {
                BlockType::Function => {
                    if ste.symbol(name) & DEF_GLOBAL != 0 {
                        self.add_def(name, DEF_GLOBAL, n.range)?;
                    } else {
                        self.add_def(name, DEF_NONLOCAL, n.range)?;
                    }
                    self.directive(name, n.range);
                    return self.add_def_in(sid, name, DEF_LOCAL, n.range);
                }
                BlockType::Module => {
                    self.add_def(name, DEF_GLOBAL, n.range)?;
                    self.directive(name, n.range);
                    return self.add_def_in(sid, name, DEF_GLOBAL, n.range);
                }
                BlockType::Class => {
                    return Err(err(
                        self.map,
                        "assignment expression within a comprehension cannot be used in a class body",
                        n.range,
                    ));
                }
                BlockType::Annotation => {}
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        kind: Comprehension,
    ) -> CompileResult<()> {
        let is_generator = kind == Comprehension::Generator;
        let outermost = &generators[0];
        self.scopes[self.cur].comp_iter_expr += 1;
        self.expr(&outermost.iter)?;
        self.scopes[self.cur].comp_iter_expr -= 1;
        self.enter(
            name,
            BlockType::Function,
            e as *const Expr as usize,
            e.range(),
        );
        self.scopes[self.cur].comprehension = Some(kind);
        if outermost.is_async {
            self.scopes[self.cur].coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, e.range())?;
        self.scopes[self.cur].comp_iter_target = true;
        self.expr(&outermost.target)?;
        self.scopes[self.cur].comp_iter_target = false;
        self.exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.scopes[self.cur].comp_iter_target = true;
            self.expr(&g.target)?;
            self.scopes[self.cur].comp_iter_target = false;
            self.scopes[self.cur].comp_iter_expr += 1;
            self.expr(&g.iter)?;
            self.scopes[self.cur].comp_iter_expr -= 1;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.scopes[self.cur].coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        self.scopes[self.cur].generator = is_generator;
        let is_async = self.scopes[self.cur].coroutine && !is_generator;
        self.exit();
        if is_async {
            self.scopes[self.cur].coroutine = true;
        }
        Ok(())
    }
}

fn rpy_marshal_stack_guard<R>(depth: usize, f: impl FnOnce() -> R) -> R {
    crate::stack_guard(depth, f)
}

/// Analysis: resolve every name's scope (`symtable_analyze`).
struct Analyzer<'a> {
    scopes: &'a mut Vec<Scope>,
    map: &'a SourceMap,
}

/// Names share the symbol table's allocations.
type NameSet = HashSet<Rc<str>>;

impl Analyzer<'_> {
    fn error_at_directive(&self, sid: ScopeId, name: &str, msg: String) -> CompileError {
        let range = self.scopes[sid]
            .directives
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, r)| *r)
            .unwrap_or(self.scopes[sid].range);
        err(self.map, msg, range)
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        sid: ScopeId,
        scopes: &mut HashMap<Rc<str>, NameScope>,
        name: &Rc<str>,
        flags: u32,
        bound: Option<&NameSet>,
        local: &mut NameSet,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> CompileResult<()> {
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(self.error_at_directive(
                    sid,
                    name,
                    format!("name '{name}' is nonlocal and global"),
                ));
            }
            scopes.insert(name.clone(), NameScope::GlobalExplicit);
            global.insert(name.clone());
            return Ok(());
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(bound) = bound else {
                return Err(self.error_at_directive(
                    sid,
                    name,
                    "nonlocal declaration not allowed at module level".to_string(),
                ));
            };
            if !bound.contains(name) {
                return Err(self.error_at_directive(
                    sid,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            scopes.insert(name.clone(), NameScope::Free);
            self.scopes[sid].free = true;
            free.insert(name.clone());
            return Ok(());
        }
        if flags & DEF_BOUND != 0 {
            scopes.insert(name.clone(), NameScope::Local);
            local.insert(name.clone());
            global.remove(name);
            return Ok(());
        }
        if let Some(b) = bound
            && b.contains(name)
        {
            scopes.insert(name.clone(), NameScope::Free);
            self.scopes[sid].free = true;
            free.insert(name.clone());
            return Ok(());
        }
        if global.contains(name) {
            scopes.insert(name.clone(), NameScope::GlobalImplicit);
            return Ok(());
        }
        if self.scopes[sid].nested {
            self.scopes[sid].free = true;
        }
        scopes.insert(name.clone(), NameScope::GlobalImplicit);
        Ok(())
    }

    fn analyze_block(
        &mut self,
        sid: ScopeId,
        bound: Option<&NameSet>,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> CompileResult<()> {
        let mut local = NameSet::default();
        let mut scopes: HashMap<Rc<str>, NameScope> = HashMap::default();
        let mut newglobal = NameSet::default();
        let mut newfree = NameSet::default();
        let mut newbound = NameSet::default();
        let typ = self.scopes[sid].typ;
        if typ == BlockType::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let symbols = self.scopes[sid].symbols.clone();
        for (name, flags) in &symbols {
            self.analyze_name(
                sid,
                &mut scopes,
                name,
                *flags,
                bound,
                &mut local,
                free,
                global,
            )?;
        }
        if typ != BlockType::Class {
            if typ == BlockType::Function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".into());
        }
        let mut allfree = NameSet::default();
        let children = self.scopes[sid].children.clone();
        for child in children {
            let mut temp_bound = newbound.clone();
            let mut temp_free = newfree.clone();
            let mut temp_global = newglobal.clone();
            let _ = &mut temp_bound;
            crate::stack_guard(0, || {
                self.analyze_block(child, Some(&temp_bound), &mut temp_free, &mut temp_global)
            })?;
            allfree.extend(temp_free);
            if self.scopes[child].free || self.scopes[child].child_free {
                self.scopes[sid].child_free = true;
            }
        }
        newfree.extend(allfree);
        if typ == BlockType::Function {
            // analyze_cells: locals that children need become cells.
            for (name, scope) in scopes.iter_mut() {
                if *scope == NameScope::Local && newfree.contains(name) {
                    *scope = NameScope::Cell;
                    newfree.remove(name);
                }
            }
        } else if typ == BlockType::Class && newfree.remove("__class__") {
            self.scopes[sid].needs_class_closure = true;
        }
        // update_symbols
        let is_class = typ == BlockType::Class;
        let ste = &mut self.scopes[sid];
        for (name, v) in ste.symbols.iter_mut() {
            let scope = scopes.get(&**name).copied().unwrap_or(NameScope::Unknown);
            *v |= scope.code() << SCOPE_OFFSET;
        }
        let mut free_names: Vec<&Rc<str>> = newfree.iter().collect();
        free_names.sort();
        for name in free_names {
            if ste.index.contains_key(&**name) {
                let v = ste.symbol(name);
                if is_class && v & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    ste.set(name, v | DEF_FREE_CLASS);
                }
                continue;
            }
            if let Some(b) = bound
                && !b.contains(&**name)
            {
                continue;
            }
            ste.set(name, NameScope::Free.code() << SCOPE_OFFSET);
        }
        free.extend(newfree);
        Ok(())
    }
}

/// Builds and analyzes the symbol table of a module (`_PySymtable_Build`).
pub fn build(
    module_body: &[Stmt],
    expression: Option<&Expr>,
    future_annotations: bool,
    map: &SourceMap,
) -> CompileResult<SymbolTable> {
    let mut b = Builder {
        scopes: Vec::new(),
        by_node: HashMap::default(),
        stack: Vec::new(),
        cur: 0,
        private: None,
        future_annotations,
        map,
        depth: 0,
    };
    b.enter("top", BlockType::Module, 0, TextRange::default());
    match expression {
        Some(e) => b.expr(e)?,
        None => b.stmts(module_body)?,
    }
    b.exit();
    let Builder {
        mut scopes,
        by_node,
        ..
    } = b;
    let mut free = NameSet::default();
    let mut global = NameSet::default();
    Analyzer {
        scopes: &mut scopes,
        map,
    }
    .analyze_block(0, None, &mut free, &mut global)?;
    Ok(SymbolTable { scopes, by_node })
}
