//! Differential check of the `eval` and `single` modes: each given file is parsed in
//! `single` (interactive) mode by both parsers, and the source text of every expression
//! statement and assignment value in it is parsed in `eval` mode by both.

use rpy_parser::ast::{self, Ranged};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn visit(stmts: &[ast::Stmt], src: &str, out: &mut Vec<String>) {
    for s in stmts {
        let exprs: Vec<&ast::Expr> = match s {
            ast::Stmt::Expr(e) => vec![&e.value],
            ast::Stmt::Assign(a) => vec![&a.value],
            ast::Stmt::Return(r) => r.value.iter().map(|b| &**b).collect(),
            ast::Stmt::FunctionDef(f) => {
                visit(&f.body, src, out);
                vec![]
            }
            ast::Stmt::ClassDef(c) => {
                visit(&c.body, src, out);
                vec![]
            }
            ast::Stmt::If(i) => {
                visit(&i.body, src, out);
                visit(&i.orelse, src, out);
                vec![&i.test]
            }
            _ => vec![],
        };
        for e in exprs {
            let r = e.range();
            out.push(src[usize::from(r.start())..usize::from(r.end())].to_string());
        }
    }
}

fn main() {
    let (mut eq, mut bad, mut n) = (0, 0, 0);
    for path in std::env::args().skip(1) {
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        let a = rustpython_parser::parse(&src, rustpython_parser::Mode::Interactive, "<x>");
        let b = rpy_parser::parse(&src, rpy_parser::Mode::Interactive);
        n += 1;
        match (&a, &b) {
            (Ok(x), Ok(y)) if x == y => eq += 1,
            (Err(_), Err(_)) => eq += 1,
            _ => {
                bad += 1;
                println!("single mode differs: {path}");
            }
        }
        let Ok(ast::Mod::Interactive(m)) = b else {
            continue;
        };
        let mut texts = Vec::new();
        visit(&m.body, &src, &mut texts);
        for t in texts {
            n += 1;
            let a = rustpython_parser::parse(&t, rustpython_parser::Mode::Expression, "<x>");
            let b = rpy_parser::parse(&t, rpy_parser::Mode::Expression);
            match (&a, &b) {
                (Ok(x), Ok(y)) if x == y => eq += 1,
                (Err(_), Err(_)) => eq += 1,
                _ => {
                    bad += 1;
                    if bad < 20 {
                        println!(
                            "eval mode differs on {t:?} ({path}): {:?} / {:?}",
                            a.is_ok(),
                            b.is_ok()
                        );
                    }
                }
            }
        }
    }
    println!("{n} parses: {eq} agree, {bad} differ");
}
