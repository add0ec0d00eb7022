//! Code generation: AST → control-flow graph of 3.11 instructions, one `CodeUnit` per scope.
//! Counterpart: the first half of Python/compile.c (3.11). Statements are in `stmt.rs`,
//! expressions in `expr.rs`; this file holds the compiler state, instruction emission, scopes,
//! name resolution and function/class/lambda creation.

mod expr;
mod pattern;
mod stmt;

use std::rc::Rc;

use rpy_marshal::code::{CodeObject, flags};
use rpy_marshal::linetable::Location;
use rpy_marshal::opcode::Opcode;
use rpy_marshal::{PyStr, Value};
use rustpython_parser::ast::Ranged;
use rustpython_parser::ast::{self, Constant, Expr, Stmt};
use rustpython_parser::text_size::TextRange;

use crate::assemble::{CodeUnit, is_name_like};
use crate::error::{CompileError, CompileResult, SourceMap, SrcRange};
use crate::ir::{BlockId, Instr, Op, Pseudo};
use crate::names::NameTable;
use crate::symtable::{BlockType, NameScope, ScopeId, SymbolTable, mangle};

/// `COMPILER_SCOPE_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// `enum fblocktype`: what a `break`, `continue` or `return` must unwind.
#[derive(Clone, Debug)]
pub enum FBlock {
    WhileLoop {
        block: BlockId,
        exit: BlockId,
    },
    ForLoop {
        block: BlockId,
        exit: BlockId,
    },
    TryExcept,
    FinallyTry {
        body: Rc<Vec<Stmt>>,
    },
    FinallyEnd,
    With {
        loc: SrcRange,
        is_async: bool,
    },
    HandlerCleanup {
        name: Option<String>,
        has_block: bool,
    },
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
}

/// One scope being compiled (`struct compiler_unit`).
pub struct Unit {
    pub code: CodeUnit,
    pub scope: ScopeId,
    pub scope_type: ScopeType,
    pub private: Option<String>,
    pub fblocks: Vec<FBlock>,
    /// Current source location (`u_lineno` and friends).
    pub loc: Location,
}

/// The whole compilation (`struct compiler`).
pub struct Compiler<'a> {
    pub st: SymbolTable,
    pub map: &'a SourceMap,
    pub filename: String,
    pub optimize: u32,
    pub interactive: bool,
    pub future_flags: u32,
    pub units: Vec<Unit>,
    pub nestlevel: usize,
    pub depth: usize,
    /// Line of the last `from __future__ import` at the top of the module.
    pub future_lineno: i32,
    /// `SyntaxWarning`s found while compiling, in order.
    pub warnings: Vec<crate::CompileWarning>,
    /// `c_const_cache`: equal constants of all code objects share one instance.
    pub const_cache: crate::consts::ConstCache,
}

pub const STACK_USE_GUIDELINE: usize = 30;

/// The value of a constant AST node, as a marshal value.
pub fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(true) => Value::True,
        Constant::Bool(false) => Value::False,
        Constant::Str(s) => {
            if let Some(with_surrogates) = crate::surrogates::marshal_str(s, false) {
                Value::Str(with_surrogates)
            } else if is_name_like(s) {
                Value::Str(PyStr::interned(s))
            } else {
                Value::Str(PyStr::new(s))
            }
        }
        Constant::Bytes(b) => Value::Bytes(Rc::from(b.as_slice())),
        Constant::Int(i) => Value::from_bigint(i.clone()),
        Constant::Tuple(items) => Value::Tuple(items.iter().map(constant_value).collect()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => Value::Complex(*real, *imag),
        Constant::Ellipsis => Value::Ellipsis,
    }
}

/// The value of a constant expression (a folded set display becomes a frozenset).
pub fn const_expr_value(c: &ast::ExprConstant) -> Value {
    match (&c.value, c.kind.as_deref()) {
        (Constant::Tuple(items), Some(crate::ast_opt::FROZENSET_MARK)) => {
            crate::consts::frozenset(items.iter().map(constant_value))
        }
        (v, _) => constant_value(v),
    }
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit is being compiled")
    }

    pub fn ur(&self) -> &Unit {
        self.units.last().expect("a unit is being compiled")
    }

    pub fn src(&self, range: TextRange) -> SrcRange {
        self.map.range(range)
    }

    pub fn error(&self, msg: impl Into<String>) -> CompileError {
        let l = self.ur().loc;
        let mut e = CompileError::syntax(
            msg,
            SrcRange {
                line: l.line,
                col: l.col,
                end_line: l.end_line,
                end_col: l.end_col,
            },
        );
        e.filename = self.filename.clone();
        e
    }

    pub fn error_at(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        let mut e = CompileError::syntax(msg, self.src(range));
        e.filename = self.filename.clone();
        e
    }

    /// `compiler_warn`: a `SyntaxWarning` at the current line.
    pub fn warn(&mut self, message: String) {
        let lineno = self.ur().loc.line;
        self.warnings
            .push(crate::CompileWarning { message, lineno });
    }

    /// `SET_LOC`.
    pub fn set_loc(&mut self, range: TextRange) {
        let r = self.src(range);
        self.u().loc = Location {
            line: r.line,
            end_line: r.end_line,
            col: r.col,
            end_col: r.end_col,
        };
    }

    /// `UNSET_LOC`.
    pub fn unset_loc(&mut self) {
        self.u().loc = Location::NONE;
    }

    // ----- blocks and emission -----

    pub fn new_block(&mut self) -> BlockId {
        self.u().code.cfg.new_block()
    }

    /// `compiler_use_next_block`.
    pub fn use_next_block(&mut self, b: BlockId) {
        let u = self.u();
        let cur = u.code.curblock;
        u.code.cfg.blocks[cur].next = Some(b);
        u.code.curblock = b;
        u.code.need_new_block = false;
    }

    fn push_instr(&mut self, instr: Instr) {
        if self.u().code.need_new_block {
            let b = self.new_block();
            self.use_next_block(b);
        }
        let u = self.u();
        let cur = u.code.curblock;
        let blk = &mut u.code.cfg.blocks[cur];
        if instr.op == Op::Real(Opcode::ReturnValue) {
            blk.returns = true;
        }
        blk.instrs.push(instr);
        if instr.op.is_jump() || instr.op.is_scope_exit() {
            u.code.need_new_block = true;
        }
    }

    pub fn emit_at(&mut self, op: impl Into<Op>, arg: u32, loc: Location) {
        self.push_instr(Instr {
            op: op.into(),
            arg,
            target: None,
            except: None,
            loc,
        });
    }

    /// `ADDOP` / `ADDOP_I`.
    pub fn emit(&mut self, op: impl Into<Op>, arg: u32) {
        let loc = self.ur().loc;
        self.emit_at(op, arg, loc);
    }

    /// `ADDOP_NOLINE`: no line number (CPython's -1, 0, 0, 0).
    pub fn emit_noline(&mut self, op: impl Into<Op>, arg: u32) {
        self.emit_at(
            op,
            arg,
            Location {
                line: -1,
                end_line: 0,
                col: 0,
                end_col: 0,
            },
        );
    }

    /// `ADDOP_JUMP`.
    pub fn jump(&mut self, op: impl Into<Op>, target: BlockId) {
        let loc = self.ur().loc;
        self.push_instr(Instr {
            op: op.into(),
            arg: 0,
            target: Some(target),
            except: None,
            loc,
        });
    }

    /// `ADDOP_JUMP_NOLINE`.
    pub fn jump_noline(&mut self, op: impl Into<Op>, target: BlockId) {
        let loc = Location {
            line: -1,
            end_line: 0,
            col: 0,
            end_col: 0,
        };
        self.push_instr(Instr {
            op: op.into(),
            arg: 0,
            target: Some(target),
            except: None,
            loc,
        });
    }

    pub fn add_const(&mut self, v: Value) -> u32 {
        self.u().code.consts.add(v)
    }

    /// `ADDOP_LOAD_CONST`.
    pub fn load_const(&mut self, v: Value) {
        let i = self.add_const(v);
        self.emit(Opcode::LoadConst, i);
    }

    /// `ADDOP_NAME`: a name operand (mangled) in `co_names`.
    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let mangled = mangle(self.ur().private.as_deref(), name);
        let i = self.u().code.names.add(&mangled);
        self.emit(op, i);
    }

    // ----- scopes -----

    /// `compiler_enter_scope`.
    pub fn enter_scope(&mut self, name: &str, scope_type: ScopeType, sid: ScopeId, lineno: i32) {
        let ste = &self.st.scopes[sid];
        let varnames = NameTable::from_names(ste.varnames.iter().map(String::as_str));
        let mut cells = ste.names_by_scope(NameScope::Cell, 0);
        if ste.needs_class_closure {
            cells = vec!["__class__".to_string()];
        }
        let frees = ste.names_by_scope(NameScope::Free, crate::symtable::flag::DEF_FREE_CLASS);
        let private = self.units.last().and_then(|u| u.private.clone());
        let mut code = CodeUnit {
            varnames,
            cellvars: NameTable::from_names(cells.iter().map(String::as_str)),
            freevars: NameTable::from_names(frees.iter().map(String::as_str)),
            firstlineno: lineno,
            name: name.to_string(),
            ..CodeUnit::default()
        };
        code.curblock = code.cfg.new_block();
        self.units.push(Unit {
            code,
            scope: sid,
            scope_type,
            private,
            fblocks: Vec::new(),
            loc: Location {
                line: lineno,
                end_line: lineno,
                col: 0,
                end_col: 0,
            },
        });
        self.nestlevel += 1;
        if scope_type == ScopeType::Module {
            self.u().loc.line = 0;
        } else {
            self.set_qualname();
        }
        self.emit(Opcode::Resume, 0);
        if scope_type == ScopeType::Module {
            self.u().loc.line = -1;
        }
    }

    /// `compiler_set_qualname`.
    fn set_qualname(&mut self) {
        let n = self.units.len();
        let u = &self.units[n - 1];
        let mut base = None;
        if n > 2 {
            let parent = &self.units[n - 2];
            let mut force_global = false;
            if matches!(
                u.scope_type,
                ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
            ) {
                let mangled = mangle(parent.private.as_deref(), &u.code.name);
                if self.st.scopes[parent.scope].scope_of(&mangled) == NameScope::GlobalExplicit {
                    force_global = true;
                }
            }
            if !force_global {
                if matches!(
                    parent.scope_type,
                    ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
                ) {
                    base = Some(format!("{}.<locals>", parent.code.qualname));
                } else {
                    base = Some(parent.code.qualname.clone());
                }
            }
        }
        let qualname = match base {
            Some(b) => format!("{b}.{}", u.code.name),
            None => u.code.name.clone(),
        };
        self.u().code.qualname = qualname;
    }

    /// Finishes the current unit: `assemble` + `compiler_exit_scope`.
    pub fn exit_scope(&mut self, add_none: bool) -> Rc<CodeObject> {
        let unit = self.units.pop().expect("unit");
        self.nestlevel -= 1;
        let mut code = unit.code;
        code.flags = self.code_flags(unit.scope, unit.scope_type);
        if code.qualname.is_empty() {
            code.qualname = code.name.clone();
        }
        let mut code = code.assemble(&self.filename, add_none);
        code.consts = self.const_cache.merge_consts(code.consts);
        Rc::new(code)
    }

    /// `compute_code_flags`.
    fn code_flags(&self, sid: ScopeId, _scope_type: ScopeType) -> u32 {
        let ste = &self.st.scopes[sid];
        let mut f = 0;
        if ste.typ == BlockType::Function {
            f |= flags::NEWLOCALS | flags::OPTIMIZED;
            if ste.nested {
                f |= flags::NESTED;
            }
            match (ste.generator, ste.coroutine) {
                (true, false) => f |= flags::GENERATOR,
                (false, true) => f |= flags::COROUTINE,
                (true, true) => f |= flags::ASYNC_GENERATOR,
                _ => {}
            }
            if ste.varargs {
                f |= flags::VARARGS;
            }
            if ste.varkeywords {
                f |= flags::VARKEYWORDS;
            }
        }
        f | self.future_flags
    }

    // ----- names -----

    fn forbidden_name(&self, name: &str, ctx: &ast::ExprContext) -> CompileResult<()> {
        match ctx {
            ast::ExprContext::Store if name == "__debug__" => {
                Err(self.error("cannot assign to __debug__"))
            }
            ast::ExprContext::Del if name == "__debug__" => {
                Err(self.error("cannot delete __debug__"))
            }
            _ => Ok(()),
        }
    }

    /// `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: &ast::ExprContext) -> CompileResult<()> {
        self.forbidden_name(name, ctx)?;
        let u = self.ur();
        let mangled = mangle(u.private.as_deref(), name);
        let ste = &self.st.scopes[u.scope];
        let is_function = ste.typ == BlockType::Function;
        let is_class = ste.typ == BlockType::Class;
        enum Kind {
            Fast,
            Global,
            Deref { cell: bool },
            Name,
        }
        let kind = match ste.scope_of(&mangled) {
            NameScope::Free => Kind::Deref { cell: false },
            NameScope::Cell => Kind::Deref { cell: true },
            NameScope::Local if is_function => Kind::Fast,
            NameScope::GlobalImplicit if is_function => Kind::Global,
            NameScope::GlobalExplicit => Kind::Global,
            _ => Kind::Name,
        };
        use ast::ExprContext::{Del, Load, Store};
        match kind {
            Kind::Fast => {
                let op = match ctx {
                    Load => Opcode::LoadFast,
                    Store => Opcode::StoreFast,
                    Del => Opcode::DeleteFast,
                };
                let i = self.u().code.varnames.add(&mangled);
                self.emit(op, i);
            }
            Kind::Deref { cell } => {
                let op = match ctx {
                    Load if is_class => Opcode::LoadClassderef,
                    Load => Opcode::LoadDeref,
                    Store => Opcode::StoreDeref,
                    Del => Opcode::DeleteDeref,
                };
                let code = &mut self.u().code;
                let i = if cell {
                    code.cellvars.add(&mangled)
                } else {
                    code.cellvars.len() as u32 + code.freevars.add(&mangled)
                };
                self.emit(op, i);
            }
            Kind::Global => {
                let op = match ctx {
                    Load => Opcode::LoadGlobal,
                    Store => Opcode::StoreGlobal,
                    Del => Opcode::DeleteGlobal,
                };
                let i = self.u().code.names.add(&mangled);
                self.emit(op, if op == Opcode::LoadGlobal { i << 1 } else { i });
            }
            Kind::Name => {
                let op = match ctx {
                    Load => Opcode::LoadName,
                    Store => Opcode::StoreName,
                    Del => Opcode::DeleteName,
                };
                let i = self.u().code.names.add(&mangled);
                self.emit(op, i);
            }
        }
        Ok(())
    }

    /// `get_ref_type`.
    fn ref_type(&self, name: &str) -> NameScope {
        let u = self.ur();
        if u.scope_type == ScopeType::Class && name == "__class__" {
            return NameScope::Cell;
        }
        self.st.scopes[u.scope].scope_of(name)
    }

    /// `compiler_make_closure`.
    pub fn make_closure(&mut self, co: Rc<CodeObject>, mut flags: u32) {
        let frees = co.freevars();
        if !frees.is_empty() {
            for name in &frees {
                let name = name.to_string();
                let code = &self.ur().code;
                let arg = if self.ref_type(&name) == NameScope::Cell {
                    code.cellvars.get(&name)
                } else {
                    code.freevars
                        .get(&name)
                        .map(|i| i + code.cellvars.len() as u32)
                };
                let arg = arg.expect("closure variable resolved by the symbol table");
                self.emit(Opcode::LoadClosure, arg);
            }
            flags |= 0x08;
            self.emit(Opcode::BuildTuple, frees.len() as u32);
        }
        self.load_const(Value::Code(co));
        self.emit(Opcode::MakeFunction, flags);
    }

    /// Runs `f` one nesting level deeper, failing like CPython past its limit.
    pub fn recurse<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> CompileResult<T>,
    ) -> CompileResult<T> {
        self.depth += 1;
        if self.depth > 3000 {
            self.depth -= 1;
            return Err(CompileError::of_type(
                crate::error::ErrorType::RecursionError,
                "maximum recursion depth exceeded during compilation",
            ));
        }
        let depth = self.depth;
        let r = crate::stack_guard(depth, || f(self));
        self.depth -= 1;
        r
    }

    // ----- entry points -----

    /// `compiler_body`: docstring, `SETUP_ANNOTATIONS`, statements.
    pub fn body(&mut self, stmts: &[Stmt]) -> CompileResult<()> {
        if self.ur().scope_type == ScopeType::Module
            && let Some(first) = stmts.first()
        {
            self.set_loc(first.range());
        }
        if find_ann(stmts) {
            self.emit(Opcode::SetupAnnotations, 0);
        }
        let mut start = 0;
        if self.optimize < 2
            && let Some(doc) = docstring(stmts)
        {
            start = 1;
            let Stmt::Expr(e) = &stmts[0] else {
                unreachable!("docstring is an expression statement")
            };
            self.expr(&e.value)?;
            let _ = doc;
            self.unset_loc();
            self.nameop("__doc__", &ast::ExprContext::Store)?;
        }
        for s in &stmts[start..] {
            self.stmt(s)?;
        }
        Ok(())
    }
}

/// `_PyAST_GetDocString`.
pub fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            Expr::Constant(c) => match &c.value {
                Constant::Str(s) => Some(s),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// `find_ann`: does the body contain an annotated assignment (outside nested scopes)?
pub fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::AsyncFor(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || find_ann(&i.orelse),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::AsyncWith(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            t.handlers.iter().any(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                find_ann(&h.body)
            }) || find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
        }
        Stmt::TryStar(t) => {
            t.handlers.iter().any(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                find_ann(&h.body)
            }) || find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

/// Pseudo-jump helpers used by both halves.
pub const JUMP: Pseudo = Pseudo::Jump;
