//! Code generation for statements. Counterpart: `compiler_visit_stmt` and the statement
//! helpers of Python/compile.c (3.11).

use rpy_marshal::Value;
use rpy_marshal::linetable::Location;
use rpy_marshal::opcode::Opcode;
use rustpython_parser::ast::Ranged;
use rustpython_parser::ast::{self, Expr, Stmt};
use rustpython_parser::text_size::TextRange;

use super::{Compiler, FBlock, JUMP, ScopeType, docstring};
use crate::error::CompileResult;
use crate::ir::Pseudo;
use crate::symtable::BlockType;

/// What `compiler_function` / `compiler_lambda` need from a def or lambda.
pub struct FunctionParts<'b> {
    pub args: &'b ast::Arguments,
    pub returns: Option<&'b Expr>,
    pub decorators: &'b [Expr],
    pub name: &'b str,
    pub body: &'b [Stmt],
    pub is_async: bool,
}

impl Compiler<'_> {
    pub fn stmt(&mut self, s: &Stmt) -> CompileResult<()> {
        self.recurse(|c| c.stmt_inner(s))
    }

    fn stmts(&mut self, body: &[Stmt]) -> CompileResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CompileResult<()> {
        self.set_loc(s.range());
        match s {
            Stmt::FunctionDef(f) => self.function(
                s,
                f.range,
                FunctionParts {
                    args: &f.args,
                    returns: f.returns.as_deref(),
                    decorators: &f.decorator_list,
                    name: &f.name,
                    body: &f.body,
                    is_async: false,
                },
            ),
            Stmt::AsyncFunctionDef(f) => self.function(
                s,
                f.range,
                FunctionParts {
                    args: &f.args,
                    returns: f.returns.as_deref(),
                    decorators: &f.decorator_list,
                    name: &f.name,
                    body: &f.body,
                    is_async: true,
                },
            ),
            Stmt::ClassDef(c) => self.class(s, c),
            Stmt::Return(r) => self.return_(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.expr(t)),
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i < n - 1 {
                        self.emit(Opcode::Copy, 1);
                    }
                    self.expr(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.augassign(a),
            Stmt::For(f) => self.for_(&f.target, &f.iter, &f.body, &f.orelse),
            Stmt::While(w) => self.while_(w, s.range()),
            Stmt::If(i) => self.if_(i),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RaiseVarargs, n);
                Ok(())
            }
            Stmt::Assert(a) => self.assert(a),
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => self.stmt_expr(&e.value),
            Stmt::Pass(_) => {
                self.emit(Opcode::Nop, 0);
                Ok(())
            }
            Stmt::Break(_) => self.break_(),
            Stmt::Continue(_) => self.continue_(),
            Stmt::AnnAssign(a) => self.annassign(a),
            Stmt::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(&t.body, &t.handlers, &t.orelse)
                } else {
                    self.try_finally(&t.body, &t.handlers, &t.orelse, &t.finalbody, false)
                }
            }
            Stmt::TryStar(t) => {
                if t.finalbody.is_empty() {
                    self.try_star_except(&t.body, &t.handlers, &t.orelse)
                } else {
                    self.try_finally(&t.body, &t.handlers, &t.orelse, &t.finalbody, true)
                }
            }
            Stmt::With(w) => self.with(w, 0),
            Stmt::AsyncWith(w) => self.async_with(w, 0),
            Stmt::AsyncFor(f) => self.async_for(f),
            Stmt::Match(m) => self.match_(m),
            Stmt::TypeAlias(t) => Err(self.error_at("invalid syntax", t.range)),
        }
    }

    /// `compiler_visit_stmt_expr`.
    fn stmt_expr(&mut self, value: &Expr) -> CompileResult<()> {
        if self.interactive && self.nestlevel <= 1 {
            self.expr(value)?;
            self.emit(Opcode::PrintExpr, 0);
            return Ok(());
        }
        if matches!(value, Expr::Constant(_)) {
            self.emit(Opcode::Nop, 0);
            return Ok(());
        }
        self.expr(value)?;
        self.unset_loc();
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    /// `compiler_default_arguments`: returns the MAKE_FUNCTION flags it pushed.
    pub(super) fn default_arguments(&mut self, args: &ast::Arguments) -> CompileResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&Expr> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Opcode::BuildTuple, defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                keys.push(Value::str(&crate::symtable::mangle(
                    self.ur().private.as_deref(),
                    &a.def.arg,
                )));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            let keys = keys
                .into_iter()
                .map(|k| match k {
                    Value::Str(s) => Value::Str(rpy_marshal::PyStr::interned(&s.to_string())),
                    other => other,
                })
                .collect();
            self.load_const(Value::Tuple(keys));
            self.emit(Opcode::BuildConstKeyMap, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    fn arg_annotation(
        &mut self,
        name: &str,
        ann: Option<&Expr>,
        count: &mut u32,
    ) -> CompileResult<()> {
        let Some(ann) = ann else { return Ok(()) };
        let mangled = crate::symtable::mangle(self.ur().private.as_deref(), name);
        self.load_const(Value::Str(rpy_marshal::PyStr::interned(&mangled)));
        if self.future_flags & rpy_marshal::code::flags::FUTURE_ANNOTATIONS != 0 {
            self.annotation_string(ann);
        } else if let Expr::Starred(st) = ann {
            self.expr(&st.value)?;
            self.emit(Opcode::UnpackSequence, 1);
        } else {
            self.expr(ann)?;
        }
        *count += 2;
        Ok(())
    }

    /// `compiler_visit_annotations`: true if a tuple was pushed.
    fn annotations(
        &mut self,
        args: &ast::Arguments,
        returns: Option<&Expr>,
    ) -> CompileResult<bool> {
        let mut n = 0;
        for a in args.args.iter().chain(&args.posonlyargs) {
            self.arg_annotation(&a.def.arg, a.def.annotation.as_deref(), &mut n)?;
        }
        if let Some(v) = &args.vararg {
            self.arg_annotation(&v.arg, v.annotation.as_deref(), &mut n)?;
        }
        for a in &args.kwonlyargs {
            self.arg_annotation(&a.def.arg, a.def.annotation.as_deref(), &mut n)?;
        }
        if let Some(k) = &args.kwarg {
            self.arg_annotation(&k.arg, k.annotation.as_deref(), &mut n)?;
        }
        self.arg_annotation("return", returns, &mut n)?;
        if n > 0 {
            self.emit(Opcode::BuildTuple, n);
        }
        Ok(n > 0)
    }

    pub(super) fn check_debug_args(&self, args: &ast::Arguments) -> CompileResult<()> {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .map(|a| (&a.def.arg, a.def.range))
            .chain(args.vararg.iter().map(|a| (&a.arg, a.range)))
            .chain(args.kwonlyargs.iter().map(|a| (&a.def.arg, a.def.range)))
            .chain(args.kwarg.iter().map(|a| (&a.arg, a.range)));
        for (name, range) in all {
            if name.as_str() == "__debug__" {
                return Err(self.error_at("cannot assign to __debug__", range));
            }
        }
        Ok(())
    }

    /// `compiler_apply_decorators`.
    fn apply_decorators(&mut self, decorators: &[Expr]) {
        let saved = self.ur().loc;
        for d in decorators.iter().rev() {
            self.set_loc(d.range());
            self.emit(Opcode::Precall, 0);
            self.emit(Opcode::Call, 0);
        }
        self.u().loc = saved;
    }

    /// `compiler_function`.
    fn function(
        &mut self,
        node: &Stmt,
        range: TextRange,
        f: FunctionParts<'_>,
    ) -> CompileResult<()> {
        self.check_debug_args(f.args)?;
        for d in f.decorators {
            self.expr(d)?;
        }
        let mut firstlineno = self.src(range).line;
        if let Some(d) = f.decorators.first() {
            firstlineno = self.src(d.range()).line;
        }
        let mut funcflags = self.default_arguments(f.args)?;
        if self.annotations(f.args, f.returns)? {
            funcflags |= 0x04;
        }
        let sid = self.st.scope_for(node);
        let scope_type = if f.is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(f.name, scope_type, sid, firstlineno);
        let doc = if self.optimize < 2 {
            docstring(f.body)
        } else {
            None
        };
        let doc_value = match doc {
            Some(d) => super::constant_value(&ast::Constant::Str(d.to_string())),
            None => Value::None,
        };
        self.add_const(doc_value);
        let u = &mut self.u().code;
        u.argcount = f.args.args.len() as u32;
        u.posonlyargcount = f.args.posonlyargs.len() as u32;
        u.kwonlyargcount = f.args.kwonlyargs.len() as u32;
        let start = usize::from(doc.is_some());
        for s in &f.body[start..] {
            self.stmt(s)?;
        }
        let co = self.exit_scope(true);
        self.make_closure(co, funcflags);
        self.apply_decorators(f.decorators);
        self.nameop(f.name, &ast::ExprContext::Store)
    }

    /// `compiler_class`.
    fn class(&mut self, node: &Stmt, c: &ast::StmtClassDef) -> CompileResult<()> {
        for d in &c.decorator_list {
            self.expr(d)?;
        }
        let mut firstlineno = self.src(c.range).line;
        if let Some(d) = c.decorator_list.first() {
            firstlineno = self.src(d.range()).line;
        }
        let sid = self.st.scope_for(node);
        self.enter_scope(&c.name, ScopeType::Class, sid, firstlineno);
        self.u().private = Some(c.name.to_string());
        self.nameop("__name__", &ast::ExprContext::Load)?;
        self.nameop("__module__", &ast::ExprContext::Store)?;
        let qualname = self.ur().code.qualname.clone();
        self.load_const(Value::Str(rpy_marshal::PyStr::interned(&qualname)));
        self.nameop("__qualname__", &ast::ExprContext::Store)?;
        self.body(&c.body)?;
        self.unset_loc();
        if self.st.scopes[sid].needs_class_closure {
            self.emit(Opcode::LoadClosure, 0);
            self.emit(Opcode::Copy, 1);
            self.nameop("__classcell__", &ast::ExprContext::Store)?;
        } else {
            self.load_const(Value::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        let co = self.exit_scope(true);
        self.emit(Opcode::PushNull, 0);
        self.emit(Opcode::LoadBuildClass, 0);
        self.make_closure(co, 0);
        self.load_const(Value::Str(rpy_marshal::PyStr::interned(&c.name)));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.nameop(&c.name, &ast::ExprContext::Store)
    }

    /// `compiler_return`.
    fn return_(&mut self, r: &ast::StmtReturn) -> CompileResult<()> {
        let preserve_tos = r
            .value
            .as_deref()
            .is_some_and(|v| !matches!(v, Expr::Constant(_)));
        let ste = &self.st.scopes[self.ur().scope];
        if ste.typ != BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        if r.value.is_some() && ste.coroutine && ste.generator {
            return Err(self.error("'return' with value in async generator"));
        }
        let stmt_line = self.src(r.range).line;
        if preserve_tos {
            self.expr(r.value.as_deref().expect("value"))?;
        } else if let Some(v) = &r.value {
            self.set_loc(v.range());
            self.emit(Opcode::Nop, 0);
        }
        if r.value
            .as_deref()
            .is_none_or(|v| self.src(v.range()).line != stmt_line)
        {
            self.set_loc(r.range);
            self.emit(Opcode::Nop, 0);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match r.value.as_deref() {
            None => self.load_const(Value::None),
            Some(Expr::Constant(c)) => self.load_const(super::const_expr_value(c)),
            Some(_) => {}
        }
        self.emit(Opcode::ReturnValue, 0);
        Ok(())
    }

    /// `compiler_unwind_fblock`.
    fn unwind_fblock(&mut self, info: &FBlock, preserve_tos: bool) -> CompileResult<()> {
        match info {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler | FBlock::ExceptionGroupHandler => {
            }
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
            FBlock::TryExcept => self.emit(Pseudo::PopBlock, 0),
            FBlock::FinallyTry { body } => {
                self.emit(Pseudo::PopBlock, 0);
                if preserve_tos {
                    self.u().fblocks.push(FBlock::PopValue);
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.u().fblocks.pop();
                }
                self.unset_loc();
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Pseudo::PopBlock, 0);
                self.emit(Opcode::PopExcept, 0);
            }
            FBlock::With { loc, is_async } => {
                self.u().loc = Location {
                    line: loc.line,
                    end_line: loc.end_line,
                    col: loc.col,
                    end_col: loc.end_col,
                };
                self.emit(Pseudo::PopBlock, 0);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.load_const(Value::None);
                self.load_const(Value::None);
                self.load_const(Value::None);
                self.emit(Opcode::Precall, 2);
                self.emit(Opcode::Call, 2);
                if *is_async {
                    self.emit(Opcode::GetAwaitable, 2);
                    self.load_const(Value::None);
                    self.yield_from(true);
                }
                self.emit(Opcode::PopTop, 0);
                self.unset_loc();
            }
            FBlock::HandlerCleanup { name, has_block } => {
                if *has_block {
                    self.emit(Pseudo::PopBlock, 0);
                }
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Pseudo::PopBlock, 0);
                self.emit(Opcode::PopExcept, 0);
                if let Some(n) = name {
                    self.clear_name(n)?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`; with `stop_at_loop`, returns the loop found.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> CompileResult<Option<FBlock>> {
        let Some(top) = self.u().fblocks.last().cloned() else {
            return Ok(None);
        };
        if matches!(top, FBlock::ExceptionGroupHandler) {
            return Err(
                self.error("'break', 'continue' and 'return' cannot appear in an except* block")
            );
        }
        if stop_at_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        let r = self
            .unwind_fblock(&top, preserve_tos)
            .and_then(|_| self.unwind_fblock_stack(preserve_tos, stop_at_loop));
        self.u().fblocks.push(top);
        r
    }

    fn break_(&mut self) -> CompileResult<()> {
        let saved = self.ur().loc;
        self.emit(Opcode::Nop, 0);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            self.u().loc = saved;
            return Err(self.error("'break' outside loop"));
        };
        self.unwind_fblock(&lp, false)?;
        let (FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. }) = lp else {
            unreachable!("a loop")
        };
        self.jump(JUMP, exit);
        Ok(())
    }

    fn continue_(&mut self) -> CompileResult<()> {
        let saved = self.ur().loc;
        self.emit(Opcode::Nop, 0);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            self.u().loc = saved;
            return Err(self.error("'continue' not properly in loop"));
        };
        let (FBlock::WhileLoop { block, .. } | FBlock::ForLoop { block, .. }) = lp else {
            unreachable!("a loop")
        };
        self.jump(JUMP, block);
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &Expr) -> CompileResult<()> {
        self.expr(e)?;
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &Expr) -> CompileResult<()> {
        match e {
            Expr::Slice(sl) => {
                for part in [&sl.lower, &sl.upper, &sl.step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|x| self.check_ann_subscr(x)),
            _ => self.check_ann_expr(e),
        }
    }

    /// `compiler_annassign`.
    fn annassign(&mut self, a: &ast::StmtAnnAssign) -> CompileResult<()> {
        let future_annotations =
            self.future_flags & rpy_marshal::code::flags::FUTURE_ANNOTATIONS != 0;
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.expr(&a.target)?;
        }
        let module_or_class = matches!(self.ur().scope_type, ScopeType::Module | ScopeType::Class);
        let simple = crate::symtable::ann_simple(a);
        match &*a.target {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__"));
                }
                if simple && module_or_class {
                    if future_annotations {
                        self.annotation_string(&a.annotation);
                    } else {
                        self.expr(&a.annotation)?;
                    }
                    self.emit_name(Opcode::LoadName, "__annotations__");
                    let mangled = crate::symtable::mangle(self.ur().private.as_deref(), &n.id);
                    self.load_const(Value::Str(rpy_marshal::PyStr::interned(&mangled)));
                    self.emit(Opcode::StoreSubscr, 0);
                }
            }
            Expr::Attribute(at) => {
                if at.attr.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__"));
                }
                if a.value.is_none() {
                    self.check_ann_expr(&at.value)?;
                }
            }
            Expr::Subscript(sub) => {
                if a.value.is_none() {
                    self.check_ann_expr(&sub.value)?;
                    self.check_ann_subscr(&sub.slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment")),
        }
        if !simple && module_or_class && !future_annotations {
            self.check_ann_expr(&a.annotation)?;
        }
        Ok(())
    }

    /// `compiler_visit_annexpr`: the annotation as a string constant (PEP 563).
    fn annotation_string(&mut self, ann: &Expr) {
        let text = crate::unparse::expr_as_str(ann);
        self.load_const(super::constant_value(&ast::Constant::Str(text)));
    }

    /// `name = None; del name`: how a handler's `as` name is cleared (it would keep the
    /// traceback alive).
    fn clear_name(&mut self, name: &str) -> CompileResult<()> {
        self.load_const(Value::None);
        self.nameop(name, &ast::ExprContext::Store)?;
        self.nameop(name, &ast::ExprContext::Del)
    }

    /// `POP_EXCEPT_AND_RERAISE`.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::Copy, 3);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 1);
    }

    /// `compiler_try_finally` (and `compiler_try_star_finally` with `star`).
    fn try_finally(
        &mut self,
        body_stmts: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        star: bool,
    ) -> CompileResult<()> {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.jump(Pseudo::SetupFinally, end);
        self.use_next_block(body);
        let shared = std::rc::Rc::new(finalbody.to_vec());
        self.u().fblocks.push(FBlock::FinallyTry { body: shared });
        if handlers.is_empty() {
            self.stmts(body_stmts)?;
        } else if star {
            self.try_star_except(body_stmts, handlers, orelse)?;
        } else {
            self.try_except(body_stmts, handlers, orelse)?;
        }
        self.emit_noline(Pseudo::PopBlock, 0);
        self.u().fblocks.pop();
        self.stmts(finalbody)?;
        self.jump_noline(JUMP, exit);
        self.use_next_block(end);
        self.unset_loc();
        self.jump(Pseudo::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.u().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.u().fblocks.pop();
        self.emit(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_try_except`.
    fn try_except(
        &mut self,
        body_stmts: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
    ) -> CompileResult<()> {
        let body = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.jump(Pseudo::SetupFinally, except);
        self.use_next_block(body);
        self.u().fblocks.push(FBlock::TryExcept);
        self.stmts(body_stmts)?;
        self.u().fblocks.pop();
        self.emit_noline(Pseudo::PopBlock, 0);
        self.stmts(orelse)?;
        self.jump_noline(JUMP, end);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(Pseudo::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.u().fblocks.push(FBlock::ExceptionHandler);
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i < n - 1 {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(Opcode::CheckExcMatch, 0);
                self.jump(Pseudo::PopJumpIfFalse, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, &ast::ExprContext::Store)?;
                self.jump(Pseudo::SetupCleanup, cleanup_end);
                self.use_next_block(cleanup_body);
                self.u().fblocks.push(FBlock::HandlerCleanup {
                    name: Some(name.to_string()),
                    has_block: true,
                });
                self.stmts(&h.body)?;
                self.u().fblocks.pop();
                self.unset_loc();
                self.emit(Pseudo::PopBlock, 0);
                self.emit(Pseudo::PopBlock, 0);
                self.emit(Opcode::PopExcept, 0);
                self.clear_name(name)?;
                self.jump(JUMP, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.clear_name(name)?;
                self.emit(Opcode::Reraise, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::PopTop, 0);
                self.use_next_block(cleanup_body);
                self.u().fblocks.push(FBlock::HandlerCleanup {
                    name: None,
                    has_block: false,
                });
                self.stmts(&h.body)?;
                self.u().fblocks.pop();
                self.unset_loc();
                self.emit(Pseudo::PopBlock, 0);
                self.emit(Opcode::PopExcept, 0);
                self.jump(JUMP, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.u().fblocks.pop();
        self.emit(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_try_star_except`.
    fn try_star_except(
        &mut self,
        body_stmts: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
    ) -> CompileResult<()> {
        let body = self.new_block();
        let mut except = self.new_block();
        let orelse_block = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.jump(Pseudo::SetupFinally, except);
        self.use_next_block(body);
        self.u().fblocks.push(FBlock::TryExcept);
        self.stmts(body_stmts)?;
        self.u().fblocks.pop();
        self.emit_noline(Pseudo::PopBlock, 0);
        self.jump_noline(JUMP, orelse_block);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(Pseudo::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.u().fblocks.push(FBlock::ExceptionGroupHandler);
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            // The layout of CPython 3.11.4+ (no-match path pops the None after the body).
            except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                self.emit(Opcode::Copy, 1);
                self.emit(Opcode::BuildList, 0);
                self.emit(Opcode::Swap, 2);
            }
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(Opcode::CheckEgMatch, 0);
                self.emit(Opcode::Copy, 1);
                self.jump(Pseudo::PopJumpIfNone, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, &ast::ExprContext::Store)?,
                None => self.emit(Opcode::PopTop, 0),
            }
            self.jump(Pseudo::SetupCleanup, cleanup_end);
            self.use_next_block(cleanup_body);
            let name = h.name.as_ref().map(|n| n.to_string());
            self.u().fblocks.push(FBlock::HandlerCleanup {
                name: name.clone(),
                has_block: name.is_some(),
            });
            self.stmts(&h.body)?;
            self.u().fblocks.pop();
            self.unset_loc();
            self.emit(Pseudo::PopBlock, 0);
            if let Some(n) = &name {
                self.clear_name(n)?;
            }
            self.jump(JUMP, except);
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(n) = &name {
                self.clear_name(n)?;
            }
            self.emit(Opcode::ListAppend, 3);
            self.emit(Opcode::PopTop, 0);
            self.jump(JUMP, except_with_error);
            self.use_next_block(except);
            self.emit(Opcode::Nop, 0);
            self.jump(JUMP, except_with_error);
            self.use_next_block(no_match);
            self.set_loc(h.range);
            self.emit(Opcode::PopTop, 0);
            self.use_next_block(except_with_error);
            self.unset_loc();
            if i == n - 1 {
                self.emit(Opcode::ListAppend, 1);
                self.jump(JUMP, reraise_star);
            }
        }
        self.unset_loc();
        self.u().fblocks.pop();
        let reraise = self.new_block();
        self.use_next_block(reraise_star);
        self.emit(Opcode::PrepReraiseStar, 0);
        self.emit(Opcode::Copy, 1);
        self.jump(Pseudo::PopJumpIfNotNone, reraise);
        self.emit(Opcode::PopTop, 0);
        self.emit(Pseudo::PopBlock, 0);
        self.emit(Opcode::PopExcept, 0);
        self.jump(JUMP, end);
        self.use_next_block(reraise);
        self.emit(Pseudo::PopBlock, 0);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(orelse_block);
        self.stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_with`, for the item at `pos` (nested for each further item).
    fn with(&mut self, w: &ast::StmtWith, pos: usize) -> CompileResult<()> {
        let item = &w.items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.emit(Opcode::BeforeWith, 0);
        self.jump(Pseudo::SetupWith, final_);
        self.use_next_block(block);
        let loc = self.src(w.range);
        self.u().fblocks.push(FBlock::With {
            loc,
            is_async: false,
        });
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(Opcode::PopTop, 0),
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.with(w, pos + 1)?;
        }
        self.unset_loc();
        self.emit(Pseudo::PopBlock, 0);
        self.u().fblocks.pop();
        self.set_loc(w.range);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.emit(Opcode::Precall, 2);
        self.emit(Opcode::Call, 2);
        self.emit(Opcode::PopTop, 0);
        self.jump(JUMP, exit);
        self.use_next_block(final_);
        self.jump(Pseudo::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.emit(Opcode::WithExceptStart, 0);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_async_with`.
    fn async_with(&mut self, w: &ast::StmtAsyncWith, pos: usize) -> CompileResult<()> {
        if self.ur().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async with' outside async function"));
        }
        let item = &w.items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.emit(Opcode::BeforeAsyncWith, 0);
        self.emit(Opcode::GetAwaitable, 1);
        self.load_const(Value::None);
        self.yield_from(true);
        self.jump(Pseudo::SetupWith, final_);
        self.use_next_block(block);
        let loc = self.src(w.range);
        self.u().fblocks.push(FBlock::With {
            loc,
            is_async: true,
        });
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(Opcode::PopTop, 0),
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.async_with(w, pos + 1)?;
        }
        self.u().fblocks.pop();
        self.emit(Pseudo::PopBlock, 0);
        self.set_loc(w.range);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.emit(Opcode::Precall, 2);
        self.emit(Opcode::Call, 2);
        self.emit(Opcode::GetAwaitable, 2);
        self.load_const(Value::None);
        self.yield_from(true);
        self.emit(Opcode::PopTop, 0);
        self.jump(JUMP, exit);
        self.use_next_block(final_);
        self.jump(Pseudo::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.emit(Opcode::WithExceptStart, 0);
        self.emit(Opcode::GetAwaitable, 2);
        self.load_const(Value::None);
        self.yield_from(true);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_async_for`.
    fn async_for(&mut self, f: &ast::StmtAsyncFor) -> CompileResult<()> {
        if self.ur().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function"));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.expr(&f.iter)?;
        self.emit(Opcode::GetAiter, 0);
        self.use_next_block(start);
        self.u().fblocks.push(FBlock::ForLoop {
            block: start,
            exit: end,
        });
        self.jump(Pseudo::SetupFinally, except);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Value::None);
        self.yield_from(true);
        self.emit(Pseudo::PopBlock, 0);
        self.expr(&f.target)?;
        self.stmts(&f.body)?;
        self.unset_loc();
        self.jump(JUMP, start);
        self.u().fblocks.pop();
        self.use_next_block(except);
        self.set_loc(f.iter.range());
        self.emit(Opcode::EndAsyncFor, 0);
        self.stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_with_except_finish`.
    fn with_except_finish(&mut self, cleanup: crate::ir::BlockId) {
        self.unset_loc();
        let exit = self.new_block();
        self.jump(Pseudo::PopJumpIfTrue, exit);
        self.emit(Opcode::Reraise, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.emit(Opcode::PopTop, 0);
        self.emit(Pseudo::PopBlock, 0);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopTop, 0);
    }

    /// `compiler_if`.
    fn if_(&mut self, s: &ast::StmtIf) -> CompileResult<()> {
        let end = self.new_block();
        let next = if s.orelse.is_empty() {
            end
        } else {
            self.new_block()
        };
        self.jump_if(&s.test, next, false)?;
        self.stmts(&s.body)?;
        if !s.orelse.is_empty() {
            self.jump_noline(JUMP, end);
            self.use_next_block(next);
            self.stmts(&s.orelse)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_for`.
    fn for_(
        &mut self,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> CompileResult<()> {
        let start = self.new_block();
        let body_block = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.u().fblocks.push(FBlock::ForLoop {
            block: start,
            exit: end,
        });
        self.expr(iter)?;
        self.emit(Opcode::GetIter, 0);
        self.use_next_block(start);
        self.jump(Opcode::ForIter, cleanup);
        self.use_next_block(body_block);
        self.expr(target)?;
        self.stmts(body)?;
        self.unset_loc();
        self.jump(JUMP, start);
        self.use_next_block(cleanup);
        self.u().fblocks.pop();
        self.stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_while`.
    fn while_(&mut self, s: &ast::StmtWhile, range: TextRange) -> CompileResult<()> {
        let lp = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(lp);
        self.u().fblocks.push(FBlock::WhileLoop {
            block: lp,
            exit: end,
        });
        self.jump_if(&s.test, anchor, false)?;
        self.use_next_block(body);
        self.stmts(&s.body)?;
        self.set_loc(range);
        self.jump_if(&s.test, body, true)?;
        self.u().fblocks.pop();
        self.use_next_block(anchor);
        self.stmts(&s.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_augassign`.
    fn augassign(&mut self, s: &ast::StmtAugAssign) -> CompileResult<()> {
        let e = &*s.target;
        let saved = self.ur().loc;
        self.set_loc(e.range());
        match e {
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.emit(Opcode::Copy, 1);
                self.update_start_location_to_match_attr(a);
                self.emit_name(Opcode::LoadAttr, &a.attr);
            }
            Expr::Subscript(sub) => {
                self.expr(&sub.value)?;
                self.expr(&sub.slice)?;
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::BinarySubscr, 0);
            }
            Expr::Name(n) => self.nameop(&n.id, &ast::ExprContext::Load)?,
            _ => {
                return Err(self.error_at(
                    "'expression' is an illegal expression for augmented assignment",
                    e.range(),
                ));
            }
        }
        self.u().loc = saved;
        self.expr(&s.value)?;
        self.emit(Opcode::BinaryOp, super::expr::binop_arg(&s.op, true));
        self.set_loc(e.range());
        match e {
            Expr::Attribute(a) => {
                self.update_start_location_to_match_attr(a);
                self.emit(Opcode::Swap, 2);
                self.emit_name(Opcode::StoreAttr, &a.attr);
            }
            Expr::Subscript(_) => {
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreSubscr, 0);
            }
            Expr::Name(n) => self.nameop(&n.id, &ast::ExprContext::Store)?,
            _ => unreachable!("checked above"),
        }
        Ok(())
    }

    /// `compiler_assert`.
    fn assert(&mut self, a: &ast::StmtAssert) -> CompileResult<()> {
        let always_true = match &*a.test {
            Expr::Tuple(t) => !t.elts.is_empty(),
            Expr::Constant(c) => matches!(&c.value, ast::Constant::Tuple(t) if !t.is_empty()),
            _ => false,
        };
        if always_true {
            self.warn("assertion is always true, perhaps remove parentheses?".to_string());
        }
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_block();
        self.jump_if(&a.test, end, true)?;
        self.emit(Opcode::LoadAssertionError, 0);
        if let Some(m) = &a.msg {
            self.expr(m)?;
            self.emit(Opcode::Precall, 0);
            self.emit(Opcode::Call, 0);
        }
        self.emit(Opcode::RaiseVarargs, 1);
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_import`.
    fn import(&mut self, s: &ast::StmtImport) -> CompileResult<()> {
        for alias in &s.names {
            self.load_const(Value::Int(0));
            self.load_const(Value::None);
            self.emit_name(Opcode::ImportName, &alias.name);
            if let Some(asname) = &alias.asname {
                let parts: Vec<&str> = alias.name.split('.').collect();
                if parts.len() > 1 {
                    for (i, attr) in parts[1..].iter().enumerate() {
                        self.emit_name(Opcode::ImportFrom, attr);
                        if i + 2 == parts.len() {
                            break;
                        }
                        self.emit(Opcode::Swap, 2);
                        self.emit(Opcode::PopTop, 0);
                    }
                    self.nameop(asname, &ast::ExprContext::Store)?;
                    self.emit(Opcode::PopTop, 0);
                } else {
                    self.nameop(asname, &ast::ExprContext::Store)?;
                }
            } else {
                let first = alias.name.split('.').next().unwrap_or(&alias.name);
                self.nameop(first, &ast::ExprContext::Store)?;
            }
        }
        Ok(())
    }

    /// `compiler_from_import`.
    fn import_from(&mut self, s: &ast::StmtImportFrom) -> CompileResult<()> {
        let level = s.level.map_or(0, |l| l.to_u32());
        self.load_const(Value::Int(level as i64));
        let names: Vec<Value> = s
            .names
            .iter()
            .map(|a| Value::Str(rpy_marshal::PyStr::interned(&a.name)))
            .collect();
        if s.module.as_deref() == Some("__future__")
            && self.src(s.range).line > self.future_lineno()
        {
            return Err(
                self.error("from __future__ imports must occur at the beginning of the file")
            );
        }
        self.load_const(Value::Tuple(names.into()));
        self.emit_name(Opcode::ImportName, s.module.as_deref().unwrap_or(""));
        for (i, alias) in s.names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.emit(Opcode::ImportStar, 0);
                return Ok(());
            }
            self.emit_name(Opcode::ImportFrom, &alias.name);
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.nameop(store, &ast::ExprContext::Store)?;
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    fn future_lineno(&self) -> i32 {
        self.future_lineno
    }
}
