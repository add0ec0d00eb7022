//! The interactive interpreter: `rpy` on a terminal, and `-i` after a script.
//! Counterpart: Python/pythonrun.c `PyRun_InteractiveLoopFlags`, Lib/codeop.py (when a block
//! is complete) and Lib/rlcompleter.py (tab completion), 3.11.
//!
//! Lines are read with rustyline (history in `~/.rpy_history`, completion of keywords,
//! names and attributes). A statement runs as soon as it is complete; a compound statement,
//! an open bracket or an unterminated triple-quoted string asks for more lines with
//! `sys.ps2`, and an empty line ends a compound statement. Each statement is compiled in
//! `single` mode, so expression results go through `sys.displayhook` (which keeps `_`).

use std::borrow::Cow;
use std::rc::Rc;

use rpy_vm::value::{PyRef, Value};
use rpy_vm::vm::Vm;
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Runs the interactive loop in `globals` (the `__main__` namespace); returns the exit
/// status (`SystemExit`'s code, or 0 at end of input).
pub fn run(vm: &Rc<Vm>, globals: PyRef, banner: bool) -> i32 {
    set_default_prompts(vm);
    if banner && !vm.options.quiet {
        eprintln!(
            "rpy {} (Python 3.11) on {}",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS
        );
        eprintln!("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    }
    let mut editor: Editor<ReplHelper, rustyline::history::DefaultHistory> = match Editor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("rpy: cannot start the line editor: {e}");
            return 1;
        }
    };
    editor.set_helper(Some(ReplHelper {
        vm: vm.clone(),
        globals: globals.clone(),
    }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    let status = interact(vm, &globals, &mut editor);
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    vm.flush_std_streams();
    status
}

fn interact(
    vm: &Rc<Vm>,
    globals: &PyRef,
    editor: &mut Editor<ReplHelper, rustyline::history::DefaultHistory>,
) -> i32 {
    let mut buffer: Vec<String> = Vec::new();
    loop {
        vm.flush_std_streams();
        let prompt = prompt(vm, if buffer.is_empty() { "ps1" } else { "ps2" });
        let line = match editor.readline(&prompt) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                rpy_vm::signals::take_sigint();
                eprintln!("\nKeyboardInterrupt");
                buffer.clear();
                continue;
            }
            Err(ReadlineError::Eof) => {
                eprintln!();
                return 0;
            }
            Err(e) => {
                eprintln!("rpy: reading input failed: {e}");
                return 1;
            }
        };
        if !line.trim().is_empty() {
            let _ = editor.add_history_entry(line.as_str());
        }
        buffer.push(line);
        let source = buffer.join("\n");
        if needs_more(&source, buffer.last().map(String::as_str).unwrap_or("")) {
            continue;
        }
        buffer.clear();
        if source.trim().is_empty() {
            continue;
        }
        if let Some(status) = run_statement(vm, globals, &source) {
            return status;
        }
    }
}

/// Compiles and runs one interactive statement; `Some(status)` when it raised SystemExit.
fn run_statement(vm: &Rc<Vm>, globals: &PyRef, source: &str) -> Option<i32> {
    rpy_vm::signals::take_sigint();
    let result = rpy_vm::interp::compile_str(
        vm,
        &format!("{source}\n"),
        "<stdin>",
        rpy_compiler::Mode::Single,
        0,
        vm.options.optimize as u32,
    )
    .and_then(|code| vm.run_code(code, globals.clone()));
    match result {
        Ok(_) => None,
        Err(e) => {
            if vm.exc_matches(&e, &vm.types.exceptions.system_exit) {
                return Some(vm.report_exception(&e));
            }
            vm.report_exception(&e);
            None
        }
    }
}

/// `str(sys.ps1)` / `str(sys.ps2)`.
fn prompt(vm: &Vm, which: &str) -> String {
    match vm.sys_attr(which) {
        Ok(v) => vm.str(&v).unwrap_or_default(),
        Err(_) => if which == "ps1" { ">>> " } else { "... " }.to_string(),
    }
}

fn set_default_prompts(vm: &Vm) {
    for (name, text) in [("ps1", ">>> "), ("ps2", "... ")] {
        let sys = vm.sys.borrow().clone();
        if vm.sys_attr(name).is_err()
            && let Some(sys) = sys
        {
            let _ = vm.setattr(&Value::Obj(sys), &vm.intern(name), vm.new_str(text));
        }
    }
}

fn history_path() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".rpy_history"))
}

/// Whether the interactive input so far needs more lines (`codeop`'s rules): an open
/// bracket, an unterminated triple-quoted string or a trailing backslash always do; a
/// compound statement (a first line ending in ':' or an indented continuation) runs only
/// after an empty line.
pub fn needs_more(source: &str, last_line: &str) -> bool {
    let scan = scan(source);
    if scan.open_brackets > 0 || scan.in_triple_string || scan.continuation {
        return true;
    }
    let first = source.lines().next().unwrap_or("");
    is_compound_header(first) && !last_line.trim().is_empty()
}

/// Whether a statement starting with this line is a compound statement (a block the REPL
/// closes with an empty line), as `if x: pass` or a decorator are.
fn is_compound_header(line: &str) -> bool {
    let code = strip_comment(line).trim();
    if code.starts_with('@') || code.ends_with(':') {
        return true;
    }
    let word: String = code
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    matches!(
        word.as_str(),
        "if" | "for" | "while" | "def" | "class" | "with" | "try" | "async" | "match"
    ) && code[word.len()..].starts_with([' ', '(', ':', '\t'])
        && (word != "match" || code.ends_with(':'))
}

struct Scan {
    open_brackets: usize,
    in_triple_string: bool,
    continuation: bool,
}

/// Tracks brackets and strings through the source (comments and string contents skipped).
fn scan(source: &str) -> Scan {
    let chars: Vec<char> = source.chars().collect();
    let mut depth: usize = 0;
    let mut i = 0;
    let mut in_triple = false;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '\'' | '"' => {
                let triple = i + 2 < chars.len() && chars[i + 1] == c && chars[i + 2] == c;
                let quote_len = if triple { 3 } else { 1 };
                i += quote_len;
                let mut closed = false;
                while i < chars.len() {
                    if chars[i] == '\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && chars[i] == '\n' {
                        // An unterminated one-line string: a syntax error, not more input.
                        closed = true;
                        break;
                    }
                    if chars[i] == c
                        && (!triple
                            || (i + 2 < chars.len() && chars[i + 1] == c && chars[i + 2] == c))
                    {
                        i += quote_len;
                        closed = true;
                        break;
                    }
                    i += 1;
                }
                if !closed && triple {
                    in_triple = true;
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let continuation = !in_triple && source.trim_end_matches([' ', '\t']).ends_with('\\');
    Scan {
        open_brackets: depth,
        in_triple_string: in_triple,
        continuation,
    }
}

fn strip_comment(line: &str) -> &str {
    // Good enough for the "ends with ':'" test: a '#' inside a string on the header line is
    // rare, and then the statement still completes at the empty line.
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Tab completion over the session's namespace (`rlcompleter`): keywords, globals and
/// builtins for a bare name; for `expr.attr`, the attributes of `expr` when it is a dotted
/// name (nothing is evaluated beyond attribute lookups).
struct ReplHelper {
    vm: Rc<Vm>,
    globals: PyRef,
}

impl ReplHelper {
    fn names(&self) -> Vec<String> {
        let mut out: Vec<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
        for d in [
            Value::Obj(self.globals.clone()),
            Value::Obj(self.vm.builtins_dict.clone()),
        ] {
            if let Ok(keys) = self.vm.iterate(&d) {
                out.extend(
                    keys.iter()
                        .filter_map(|k| rpy_vm::str::as_str(k).map(String::from)),
                );
            }
        }
        out
    }

    fn attributes(&self, expr: &str) -> Vec<String> {
        let mut parts = expr.split('.');
        let Some(first) = parts.next() else {
            return Vec::new();
        };
        let mut obj = match self
            .vm
            .getitem(&Value::Obj(self.globals.clone()), &self.vm.new_str(first))
        {
            Ok(v) => v,
            Err(_) => match self.vm.getitem(
                &Value::Obj(self.vm.builtins_dict.clone()),
                &self.vm.new_str(first),
            ) {
                Ok(v) => v,
                Err(_) => return Vec::new(),
            },
        };
        for p in parts {
            match self.vm.getattr_str(&obj, p) {
                Ok(v) => obj = v,
                Err(_) => return Vec::new(),
            }
        }
        let builtins = Value::Obj(self.vm.builtins_dict.clone());
        let dir = match self
            .vm
            .getitem(&builtins, &self.vm.new_str("dir"))
            .and_then(|d| self.vm.call(&d, &[obj]))
        {
            Ok(list) => list,
            Err(_) => return Vec::new(),
        };
        self.vm
            .iterate(&dir)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|k| rpy_vm::str::as_str(k).map(|s| format!("{expr}.{s}")))
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Completer for ReplHelper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let before = &line[..pos];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let word = &before[start..];
        if word.is_empty() {
            // A tab on an empty line indents, as in CPython.
            return Ok((pos, vec!["\t".to_string()]));
        }
        let mut candidates: Vec<String> = match word.rfind('.') {
            Some(dot) => self
                .attributes(&word[..dot])
                .into_iter()
                .filter(|c| c.starts_with(word))
                .filter(|c| {
                    // Private names only when asked for.
                    let attr = &c[dot + 1..];
                    let typed = &word[dot + 1..];
                    !attr.starts_with('_') || typed.starts_with('_')
                })
                .collect(),
            None => self
                .names()
                .into_iter()
                .filter(|n| n.starts_with(word))
                .collect(),
        };
        candidates.sort();
        candidates.dedup();
        Ok((start, candidates))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        Cow::Borrowed(line)
    }
}

impl Validator for ReplHelper {}

impl Helper for ReplHelper {}

#[cfg(test)]
mod tests {
    use super::needs_more;

    fn more(src: &str) -> bool {
        needs_more(src, src.split('\n').next_back().unwrap_or(""))
    }

    #[test]
    fn block_completion_rules_follow_codeop() {
        assert!(!more("print(1)"));
        assert!(!more("x = "));
        assert!(!more("for"));
        assert!(more("if x:"));
        assert!(more("if x:\n  pass"));
        assert!(!more("if x:\n  pass\n"));
        assert!(more("(1,"));
        assert!(more("x = (1,\n2"));
        assert!(!more("x = (1,\n2)"));
        assert!(more("\"\"\"abc"));
        assert!(!more("\"\"\"abc\"\"\""));
        assert!(more("x = 1 + \\"));
        assert!(!more("s = '(' # ("));
        assert!(more("def f():"));
        assert!(more("class A:\n  def f(self):"));
        assert!(!more("'unterminated"));
        assert!(more("if x: pass"));
        assert!(more("@decorator"));
        assert!(!more("iffy = 1"));
        assert!(!more("match = 1"));
        assert!(more("match x:"));
    }
}
