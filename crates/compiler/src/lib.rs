//! rpy-compiler: Python 3.11 source → CPython 3.11 code objects.
//!
//! Pipeline (as CPython's): parse (rustpython-parser) → future features → symbol table
//! (`symtable`) → code generation into a control-flow graph (`codegen`) → CFG passes
//! (`flowgraph`) → assembly into a `CodeObject` (`assemble`).
//! Counterpart: Python/compile.c, Python/symtable.c, Python/future.c (3.11).

mod assemble;
mod ast_opt;
mod codegen;
mod consts;
pub mod error;
mod flowgraph;
mod ir;
mod names;
mod surrogates;
pub mod symtable;
mod unparse;

use std::rc::Rc;

use rpy_marshal::CodeObject;
use rpy_marshal::code::flags;
use rustpython_parser::ast::{self, Mod, Ranged, Stmt};

use error::SrcRange;
pub use error::{CompileError, CompileResult, ErrorType, SourceMap, TextFrom};

/// `compile()`'s mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// Options for one compilation.
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {
    /// 0, 1 (`-O`: no asserts, `__debug__` false) or 2 (`-OO`: no docstrings either).
    pub optimize: u32,
    /// `CO_FUTURE_*` flags inherited from the caller.
    pub flags: u32,
}

/// A `SyntaxWarning` found while compiling (CPython reports it through `warnings`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub message: String,
    pub lineno: i32,
}

/// Runs `f` with enough stack for deep recursion over the AST.
pub(crate) fn stack_guard<R>(depth: usize, f: impl FnOnce() -> R) -> R {
    if depth.is_multiple_of(16) {
        stacker::maybe_grow(256 * 1024, 2 * 1024 * 1024, f)
    } else {
        f()
    }
}

/// `future.c`: the `from __future__ import` statements at the top of a module. Like CPython it
/// looks at the module name only (`from .__future__ import …` counts too), and it rejects a
/// future import that follows another statement on the same line (`from __future__ import x;
/// import y; from __future__ import z`); later lines are codegen's to reject.
fn future_features(body: &[Stmt], map: &SourceMap) -> CompileResult<(u32, i32)> {
    let mut features = 0;
    let mut lineno = 0;
    let mut done = false;
    let mut prev_line = 0;
    for (i, s) in body.iter().enumerate() {
        let line = map.range(s.range()).line;
        if done && line > prev_line {
            break;
        }
        prev_line = line;
        match s {
            Stmt::ImportFrom(f) if f.module.as_deref() == Some("__future__") => {
                if done {
                    // CPython reports the statement's 0-based column as the offset here.
                    let r = map.range(f.range);
                    return Err(CompileError {
                        offset: r.col,
                        end_lineno: r.line,
                        end_offset: 0,
                        ..CompileError::syntax(
                            "from __future__ imports must occur at the beginning of the file",
                            r,
                        )
                    });
                }
                for alias in &f.names {
                    features |= match alias.name.as_str() {
                        "nested_scopes" | "generators" | "division" | "absolute_import"
                        | "with_statement" | "print_function" | "unicode_literals"
                        | "generator_stop" => 0,
                        "barry_as_FLUFL" => flags::FUTURE_BARRY_AS_BDFL,
                        "annotations" => flags::FUTURE_ANNOTATIONS,
                        "braces" => {
                            return Err(CompileError::syntax("not a chance", map.range(f.range)));
                        }
                        other => {
                            return Err(CompileError::syntax(
                                format!("future feature {other} is not defined"),
                                map.range(f.range),
                            ));
                        }
                    };
                }
                lineno = map.range(f.range).line;
            }
            Stmt::Expr(e)
                if i == 0
                    && matches!(&*e.value, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_))) =>
                {}
            _ => done = true,
        }
    }
    Ok((features, lineno))
}

/// Repairs two slips of rustpython-parser in `match` subjects: `match x,:` is parsed as `x`,
/// not the 1-tuple `(x,)`; and the tuple of `match x, y:` gets the whole statement's range
/// rather than its own (from the subject's first token through the last item and a trailing
/// comma), which CPython gives to the BUILD_TUPLE. Only the subject's closing parentheses,
/// white space, comments and the optional comma stand between it and the `:`.
fn fix_match_subjects(body: &mut [Stmt], source: &str) {
    use rustpython_parser::text_size::{TextRange, TextSize};
    let bytes = source.as_bytes();
    // From `at`, past blanks, comments and `)`: (the end of the last `)`, the next byte's index).
    let scan = |mut at: usize, closers: bool| -> (usize, usize) {
        let mut closed = at;
        while at < bytes.len() {
            match bytes[at] {
                b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'\\' => at += 1,
                b'#' => {
                    while at < bytes.len() && bytes[at] != b'\n' {
                        at += 1;
                    }
                }
                b')' if closers => {
                    at += 1;
                    closed = at;
                }
                _ => break,
            }
        }
        (closed, at)
    };
    let size = |n: usize| TextSize::new(n as u32);
    for stmt in body.iter_mut() {
        match stmt {
            Stmt::Match(m) => {
                let start = scan(usize::from(m.range.start()) + "match".len(), false).1;
                let subject_end = match &*m.subject {
                    ast::Expr::Tuple(t) if t.range == m.range => t.elts.last().map(|e| e.range()),
                    other => Some(other.range()),
                }
                .map_or(m.range.start(), |r| r.end());
                let (closed, next) = scan(usize::from(subject_end), true);
                let comma = bytes.get(next) == Some(&b',');
                let end = if comma { next + 1 } else { closed };
                match &mut *m.subject {
                    ast::Expr::Tuple(t) if t.range == m.range => {
                        t.range = TextRange::new(size(start), size(end));
                    }
                    _ if comma => {
                        let item = std::mem::replace(
                            &mut *m.subject,
                            ast::Expr::Tuple(ast::ExprTuple {
                                range: TextRange::new(size(start), size(end)),
                                elts: Vec::new(),
                                ctx: ast::ExprContext::Load,
                            }),
                        );
                        if let ast::Expr::Tuple(t) = &mut *m.subject {
                            t.elts.push(item);
                        }
                    }
                    _ => {}
                }
                for case in &mut m.cases {
                    fix_match_subjects(&mut case.body, source);
                }
            }
            Stmt::FunctionDef(f) => fix_match_subjects(&mut f.body, source),
            Stmt::AsyncFunctionDef(f) => fix_match_subjects(&mut f.body, source),
            Stmt::ClassDef(c) => fix_match_subjects(&mut c.body, source),
            Stmt::For(f) => {
                fix_match_subjects(&mut f.body, source);
                fix_match_subjects(&mut f.orelse, source);
            }
            Stmt::AsyncFor(f) => {
                fix_match_subjects(&mut f.body, source);
                fix_match_subjects(&mut f.orelse, source);
            }
            Stmt::While(w) => {
                fix_match_subjects(&mut w.body, source);
                fix_match_subjects(&mut w.orelse, source);
            }
            Stmt::If(i) => {
                fix_match_subjects(&mut i.body, source);
                fix_match_subjects(&mut i.orelse, source);
            }
            Stmt::With(w) => fix_match_subjects(&mut w.body, source),
            Stmt::AsyncWith(w) => fix_match_subjects(&mut w.body, source),
            Stmt::Try(t) => {
                fix_match_subjects(&mut t.body, source);
                for ast::ExceptHandler::ExceptHandler(h) in &mut t.handlers {
                    fix_match_subjects(&mut h.body, source);
                }
                fix_match_subjects(&mut t.orelse, source);
                fix_match_subjects(&mut t.finalbody, source);
            }
            Stmt::TryStar(t) => {
                fix_match_subjects(&mut t.body, source);
                for ast::ExceptHandler::ExceptHandler(h) in &mut t.handlers {
                    fix_match_subjects(&mut h.body, source);
                }
                fix_match_subjects(&mut t.orelse, source);
                fix_match_subjects(&mut t.finalbody, source);
            }
            _ => {}
        }
    }
}

/// CPython's "invalid syntax" at its end-marker token: the last line's number (0 for empty
/// input), offsets 0.
fn at_end_marker(err: &mut CompileError, lines: usize) {
    err.lineno = lines as i32;
    err.end_lineno = lines as i32;
    err.offset = 0;
    err.end_offset = 0;
}

/// rpy-parser's error as the SyntaxError (or IndentationError, TabError, MemoryError) the
/// compiler raises.
fn own_parse_error(
    e: rpy_parser::ParseError,
    map: &SourceMap,
    source: &str,
    mode: Mode,
) -> CompileError {
    let at = rustpython_parser::text_size::TextSize::from(e.offset);
    let r = map.range(rustpython_parser::text_size::TextRange::new(at, at));
    let unexpected_indent = e.message == "unexpected indent";
    let no_end = e.no_end;
    let mut err = CompileError::syntax(
        e.message,
        SrcRange {
            line: r.line,
            col: r.col,
            end_line: r.line,
            end_col: r.col,
        },
    );
    err.error_type = match e.kind {
        rpy_parser::ErrorKind::Syntax => ErrorType::SyntaxError,
        rpy_parser::ErrorKind::Indentation => ErrorType::IndentationError,
        rpy_parser::ErrorKind::Tab => ErrorType::TabError,
        rpy_parser::ErrorKind::Memory => ErrorType::MemoryError,
    };
    err.text_from = TextFrom::FileThenSource;
    if no_end {
        err.end_offset = 0;
    }
    // At the end of the input CPython places errors by its end marker, on the last line.
    let lines =
        source.matches('\n').count() + usize::from(!source.is_empty() && !source.ends_with('\n'));
    match e.at_end {
        rpy_parser::AtEnd::Marker => at_end_marker(&mut err, lines),
        rpy_parser::AtEnd::ImplicitNewline if mode != Mode::Exec => at_end_marker(&mut err, lines),
        rpy_parser::AtEnd::LastToken => {
            // After the last line's text (and the newline exec mode's tokenizer adds).
            let last = source.strip_suffix('\n').unwrap_or(source);
            let last = &source[last.rfind('\n').map_or(0, |i| i + 1)..];
            let added = usize::from(mode == Mode::Exec && !source.ends_with('\n'));
            err.lineno = lines.max(1) as i32;
            err.end_lineno = err.lineno;
            err.offset = (last.chars().count() + added) as i32;
            err.end_offset = -1;
        }
        _ => {}
    }
    if unexpected_indent {
        // The tokenizer's report: the offset is the indentation's width, no end.
        let start = source[..(e.offset as usize).min(source.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line = source[start..].split('\n').next().unwrap_or("");
        err.offset = (line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len()) as i32;
        err.end_offset = -1;
    }
    err
}

/// Compiles `source` to a code object, as `compile(source, filename, mode)` does.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    opts: &CompileOptions,
) -> CompileResult<Rc<CodeObject>> {
    compile_with_warnings(source, filename, mode, opts).map(|(code, _)| code)
}

/// Like `compile`, also returning the `SyntaxWarning`s CPython would emit.
pub fn compile_with_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
    opts: &CompileOptions,
) -> CompileResult<(Rc<CodeObject>, Vec<CompileWarning>)> {
    stacker::maybe_grow(1 << 20, 8 << 20, || {
        compile_on_stack(source, filename, mode, opts)
    })
}

/// Drops an AST that the folder found too deep (CPython's RecursionError): its recursive
/// destructor gets a stack sized for the source, the only bound on its depth.
fn drop_deep(module: Mod, source_len: usize) {
    let stack = source_len.saturating_mul(512).clamp(1 << 20, 1 << 36);
    stacker::grow(stack, move || drop(module));
}

fn compile_on_stack(
    source: &str,
    filename: &str,
    mode: Mode,
    opts: &CompileOptions,
) -> CompileResult<(Rc<CodeObject>, Vec<CompileWarning>)> {
    let surrogates_needed = surrogates::needed(source);
    let _surrogates = surrogates::activate(surrogates_needed);
    let (module, map) = parse_on_stack(source, filename, mode)?;
    let surrogate_source = surrogates_needed.then(|| source.into());
    compile_parsed(
        module,
        &map,
        filename,
        mode,
        opts,
        surrogate_source,
        source.len(),
    )
}

/// Parses `source` as `compile()` does before compiling (what `ast.parse` returns): the
/// tree, and the map from its byte offsets to lines and columns. Syntax errors found later
/// (by the symbol table or code generation) are not reported here.
pub fn parse(source: &str, filename: &str, mode: Mode) -> CompileResult<(Mod, SourceMap)> {
    stacker::maybe_grow(1 << 20, 8 << 20, || parse_on_stack(source, filename, mode))
}

fn parse_on_stack(source: &str, filename: &str, mode: Mode) -> CompileResult<(Mod, SourceMap)> {
    let map = SourceMap::new(source);
    let own_mode = match mode {
        Mode::Exec => rpy_parser::Mode::Module,
        Mode::Eval => rpy_parser::Mode::Expression,
        Mode::Single => rpy_parser::Mode::Interactive,
    };
    let mut module = rpy_parser::parse(source, own_mode).map_err(|e| {
        let mut err = own_parse_error(e, &map, source, mode);
        err.filename = filename.to_string();
        if mode != Mode::Exec {
            err.text_from = TextFrom::Source;
        }
        err
    })?;
    match &mut module {
        Mod::Module(m) => fix_match_subjects(&mut m.body, source),
        Mod::Interactive(m) => fix_match_subjects(&mut m.body, source),
        _ => {}
    }
    Ok((module, map))
}

/// Compiles a tree that did not come from source text (`compile()` of an `ast` object):
/// `map` gives the positions its offsets stand for, `size` bounds its depth.
pub fn compile_tree(
    module: Mod,
    map: &SourceMap,
    filename: &str,
    mode: Mode,
    opts: &CompileOptions,
    size: usize,
) -> CompileResult<(Rc<CodeObject>, Vec<CompileWarning>)> {
    stacker::maybe_grow(1 << 20, 8 << 20, || {
        compile_parsed(module, map, filename, mode, opts, None, size)
    })
}

fn compile_parsed(
    mut module: Mod,
    map: &SourceMap,
    filename: &str,
    mode: Mode,
    opts: &CompileOptions,
    surrogate_source: Option<Rc<str>>,
    size: usize,
) -> CompileResult<(Rc<CodeObject>, Vec<CompileWarning>)> {
    let with_filename = |mut e: CompileError| {
        e.filename = filename.to_string();
        e
    };
    {
        let (future, _) = match &module {
            Mod::Module(m) => future_features(&m.body, map).map_err(with_filename)?,
            _ => (0, 0),
        };
        let mut folder = ast_opt::Folder::new(
            opts.optimize,
            (future | opts.flags) & flags::FUTURE_ANNOTATIONS != 0,
        );
        folder.surrogate_source = surrogate_source;
        let folded = match &mut module {
            Mod::Module(m) => folder.body(&mut m.body),
            Mod::Interactive(m) => m.body.iter_mut().try_for_each(|s| folder.stmt(s)),
            Mod::Expression(e) => folder.expr(&mut e.body),
            Mod::FunctionType(_) => Ok(()),
        };
        if let Err(e) = folded {
            drop_deep(module, size);
            return Err(with_filename(e));
        }
    }
    let (body, expression): (&[Stmt], Option<&ast::Expr>) = match &module {
        Mod::Module(m) => (&m.body, None),
        Mod::Interactive(m) => (&m.body, None),
        Mod::Expression(e) => (&[], Some(&e.body)),
        Mod::FunctionType(_) => {
            return Err(CompileError::syntax("invalid syntax", SrcRange::default()));
        }
    };
    let (future, future_lineno) = future_features(body, map).map_err(with_filename)?;
    let future = future | opts.flags;
    let st = symtable::build(
        body,
        expression,
        future & flags::FUTURE_ANNOTATIONS != 0,
        map,
    )
    .map_err(with_filename)?;
    let mut c = codegen::Compiler {
        st,
        map,
        filename: filename.to_string(),
        optimize: opts.optimize,
        interactive: mode == Mode::Single,
        future_flags: future
            & (flags::FUTURE_ANNOTATIONS
                | flags::FUTURE_BARRY_AS_BDFL
                | flags::FUTURE_GENERATOR_STOP),
        units: Vec::new(),
        nestlevel: 0,
        depth: 0,
        future_lineno,
        warnings: Vec::new(),
        const_cache: Default::default(),
    };
    let top = c.st.top();
    c.enter_scope("<module>", codegen::ScopeType::Module, top, 1);
    c.u().loc.line = 1;
    match &module {
        Mod::Module(m) => c.body(&m.body).map_err(with_filename)?,
        Mod::Interactive(m) => {
            if codegen::find_ann(&m.body) {
                c.emit(rpy_marshal::Opcode::SetupAnnotations, 0);
            }
            for s in &m.body {
                c.stmt(s).map_err(with_filename)?;
            }
        }
        Mod::Expression(e) => c.expr(&e.body).map_err(with_filename)?,
        Mod::FunctionType(_) => unreachable!("rejected above"),
    }
    let code = c.exit_scope(!matches!(mode, Mode::Eval));
    Ok((code, c.warnings))
}
