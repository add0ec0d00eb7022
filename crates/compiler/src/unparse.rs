//! Expression → source text, exactly as CPython's limited unparser writes annotations under
//! `from __future__ import annotations` (PEP 563).
//! Counterpart: Python/ast_unparse.c (3.11).

use rustpython_parser::ast::{self, BoolOp, CmpOp, Constant, Expr, Operator, UnaryOp};

use crate::codegen::constant_value;

// Priority levels.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// `_PyAST_ExprAsUnicode`.
pub fn expr_as_str(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST);
    out
}

fn paren_if(out: &mut String, cond: bool, s: &str) {
    if cond {
        out.push_str(s);
    }
}

/// `append_repr`: `repr()`, with infinities spelled `1e309` so that they read back.
fn constant_repr(c: &Constant) -> String {
    let r = rpy_marshal::repr::repr(&constant_value(c));
    if matches!(c, Constant::Float(f) if f.is_infinite()) || matches!(c, Constant::Complex { .. }) {
        r.replace("inf", "1e309")
    } else {
        r
    }
}

fn constant(out: &mut String, c: &Constant) {
    if let Constant::Tuple(items) = c {
        out.push('(');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            constant(out, item);
        }
        if items.len() == 1 {
            out.push(',');
        }
        out.push(')');
        return;
    }
    out.push_str(&constant_repr(c));
}

fn args(out: &mut String, a: &ast::Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let npos = a.posonlyargs.len();
    for (i, p) in a.posonlyargs.iter().chain(&a.args).enumerate() {
        sep(out);
        arg(out, &p.def);
        if let Some(d) = &p.default {
            out.push('=');
            expr(out, d, PR_TEST);
        }
        if npos > 0 && i + 1 == npos {
            out.push_str(", /");
        }
    }
    if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &a.vararg {
            arg(out, v);
        }
    }
    for p in &a.kwonlyargs {
        sep(out);
        arg(out, &p.def);
        if let Some(d) = &p.default {
            out.push('=');
            expr(out, d, PR_TEST);
        }
    }
    if let Some(k) = &a.kwarg {
        sep(out);
        out.push_str("**");
        arg(out, k);
    }
}

fn arg(out: &mut String, a: &ast::Arg) {
    out.push_str(&a.arg);
    if let Some(ann) = &a.annotation {
        out.push_str(": ");
        expr(out, ann, PR_TEST);
    }
}

fn comprehensions(out: &mut String, gens: &[ast::Comprehension]) {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1);
        }
    }
}

fn fstring_element(out: &mut String, e: &Expr, is_format_spec: bool) {
    match e {
        Expr::Constant(c) => {
            if let Constant::Str(s) = &c.value {
                out.push_str(&s.replace('{', "{{").replace('}', "}}"));
            }
        }
        Expr::JoinedStr(j) => joinedstr(out, &j.values, is_format_spec),
        Expr::FormattedValue(f) => formatted_value(out, f),
        _ => {}
    }
}

fn joinedstr(out: &mut String, values: &[Expr], is_format_spec: bool) {
    let mut body = String::new();
    for v in values {
        fstring_element(&mut body, v, is_format_spec);
    }
    if is_format_spec {
        out.push_str(&body);
    } else {
        out.push('f');
        out.push_str(&rpy_marshal::repr::str_repr(&rpy_marshal::PyStr::new(
            &body,
        )));
    }
}

fn formatted_value(out: &mut String, f: &ast::ExprFormattedValue) {
    let mut inner = String::new();
    expr(&mut inner, &f.value, PR_TEST + 1);
    out.push_str(if inner.starts_with('{') { "{ " } else { "{" });
    out.push_str(&inner);
    match f.conversion {
        ast::ConversionFlag::Ascii => out.push_str("!a"),
        ast::ConversionFlag::Repr => out.push_str("!r"),
        ast::ConversionFlag::Str => out.push_str("!s"),
        ast::ConversionFlag::None => {}
    }
    if let Some(spec) = &f.format_spec {
        out.push(':');
        fstring_element(out, spec, true);
    }
    out.push('}');
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match e {
        Expr::BoolOp(b) => {
            let (op, pr) = if b.op == BoolOp::And {
                (" and ", PR_AND)
            } else {
                (" or ", PR_OR)
            };
            paren_if(out, level > pr, "(");
            for (i, v) in b.values.iter().enumerate() {
                if i > 0 {
                    out.push_str(op);
                }
                expr(out, v, pr + 1);
            }
            paren_if(out, level > pr, ")");
        }
        Expr::BinOp(b) => {
            let (op, pr) = match b.op {
                Operator::Add => (" + ", PR_ARITH),
                Operator::Sub => (" - ", PR_ARITH),
                Operator::Mult => (" * ", PR_TERM),
                Operator::MatMult => (" @ ", PR_TERM),
                Operator::Div => (" / ", PR_TERM),
                Operator::Mod => (" % ", PR_TERM),
                Operator::LShift => (" << ", PR_SHIFT),
                Operator::RShift => (" >> ", PR_SHIFT),
                Operator::BitOr => (" | ", PR_BOR),
                Operator::BitXor => (" ^ ", PR_BXOR),
                Operator::BitAnd => (" & ", PR_BAND),
                Operator::FloorDiv => (" // ", PR_TERM),
                Operator::Pow => (" ** ", PR_POWER),
            };
            let rassoc = u8::from(b.op == Operator::Pow);
            paren_if(out, level > pr, "(");
            expr(out, &b.left, pr + rassoc);
            out.push_str(op);
            expr(out, &b.right, pr + 1 - rassoc);
            paren_if(out, level > pr, ")");
        }
        Expr::UnaryOp(u) => {
            let (op, pr) = match u.op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren_if(out, level > pr, "(");
            out.push_str(op);
            expr(out, &u.operand, pr);
            paren_if(out, level > pr, ")");
        }
        Expr::Lambda(l) => {
            paren_if(out, level > PR_TEST, "(");
            let npos = l.args.args.len() + l.args.posonlyargs.len();
            out.push_str(if npos > 0 { "lambda " } else { "lambda" });
            args(out, &l.args);
            out.push_str(": ");
            expr(out, &l.body, PR_TEST);
            paren_if(out, level > PR_TEST, ")");
        }
        Expr::IfExp(i) => {
            paren_if(out, level > PR_TEST, "(");
            expr(out, &i.body, PR_TEST + 1);
            out.push_str(" if ");
            expr(out, &i.test, PR_TEST + 1);
            out.push_str(" else ");
            expr(out, &i.orelse, PR_TEST);
            paren_if(out, level > PR_TEST, ")");
        }
        Expr::Dict(d) => {
            out.push('{');
            for (i, (k, v)) in d.keys.iter().zip(&d.values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST);
                        out.push_str(": ");
                        expr(out, v, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_EXPR);
                    }
                }
            }
            out.push('}');
        }
        Expr::Set(s) => seq(out, "{", &s.elts, "}"),
        Expr::List(l) => seq(out, "[", &l.elts, "]"),
        Expr::Tuple(t) => {
            if t.elts.is_empty() {
                out.push_str("()");
                return;
            }
            paren_if(out, level > PR_TUPLE, "(");
            for (i, x) in t.elts.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                expr(out, x, PR_TEST);
            }
            if t.elts.len() == 1 {
                out.push(',');
            }
            paren_if(out, level > PR_TUPLE, ")");
        }
        Expr::GeneratorExp(g) => {
            out.push('(');
            expr(out, &g.elt, PR_TEST);
            comprehensions(out, &g.generators);
            out.push(')');
        }
        Expr::ListComp(g) => {
            out.push('[');
            expr(out, &g.elt, PR_TEST);
            comprehensions(out, &g.generators);
            out.push(']');
        }
        Expr::SetComp(g) => {
            out.push('{');
            expr(out, &g.elt, PR_TEST);
            comprehensions(out, &g.generators);
            out.push('}');
        }
        Expr::DictComp(g) => {
            out.push('{');
            expr(out, &g.key, PR_TEST);
            out.push_str(": ");
            expr(out, &g.value, PR_TEST);
            comprehensions(out, &g.generators);
            out.push('}');
        }
        Expr::Yield(y) => match &y.value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, PR_TEST);
                out.push(')');
            }
        },
        Expr::YieldFrom(y) => {
            out.push_str("(yield from ");
            expr(out, &y.value, PR_TEST);
            out.push(')');
        }
        Expr::Await(a) => {
            paren_if(out, level > PR_AWAIT, "(");
            out.push_str("await ");
            expr(out, &a.value, PR_ATOM);
            paren_if(out, level > PR_AWAIT, ")");
        }
        Expr::Compare(c) => {
            paren_if(out, level > PR_CMP, "(");
            expr(out, &c.left, PR_CMP + 1);
            for (op, x) in c.ops.iter().zip(&c.comparators) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(out, x, PR_CMP + 1);
            }
            paren_if(out, level > PR_CMP, ")");
        }
        Expr::Call(c) => {
            expr(out, &c.func, PR_ATOM);
            if let ([Expr::GeneratorExp(g)], []) = (c.args.as_slice(), c.keywords.as_slice()) {
                out.push('(');
                expr(out, &g.elt, PR_TEST);
                comprehensions(out, &g.generators);
                out.push(')');
                return;
            }
            out.push('(');
            let mut first = true;
            for a in &c.args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, a, PR_TEST);
            }
            for k in &c.keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    None => out.push_str("**"),
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                }
                expr(out, &k.value, PR_TEST);
            }
            out.push(')');
        }
        Expr::Constant(c) => {
            if matches!(c.value, Constant::Ellipsis) {
                out.push_str("...");
                return;
            }
            if let Some(kind) = &c.kind {
                out.push_str(kind);
            }
            constant(out, &c.value);
        }
        Expr::JoinedStr(j) => joinedstr(out, &j.values, false),
        Expr::FormattedValue(f) => formatted_value(out, f),
        Expr::Attribute(a) => {
            expr(out, &a.value, PR_ATOM);
            let int_value =
                matches!(&*a.value, Expr::Constant(c) if matches!(c.value, Constant::Int(_)));
            out.push_str(if int_value { " ." } else { "." });
            out.push_str(&a.attr);
        }
        Expr::Subscript(s) => {
            expr(out, &s.value, PR_ATOM);
            out.push('[');
            expr(out, &s.slice, PR_TUPLE);
            out.push(']');
        }
        Expr::Starred(s) => {
            out.push('*');
            expr(out, &s.value, PR_EXPR);
        }
        Expr::Slice(s) => {
            if let Some(l) = &s.lower {
                expr(out, l, PR_TEST);
            }
            out.push(':');
            if let Some(u) = &s.upper {
                expr(out, u, PR_TEST);
            }
            if let Some(st) = &s.step {
                out.push(':');
                expr(out, st, PR_TEST);
            }
        }
        Expr::Name(n) => out.push_str(&n.id),
        Expr::NamedExpr(n) => {
            paren_if(out, level > PR_TUPLE, "(");
            expr(out, &n.target, PR_ATOM);
            out.push_str(" := ");
            expr(out, &n.value, PR_ATOM);
            paren_if(out, level > PR_TUPLE, ")");
        }
    }
}

fn seq(out: &mut String, open: &str, elts: &[Expr], close: &str) {
    out.push_str(open);
    for (i, x) in elts.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, x, PR_TEST);
    }
    out.push_str(close);
}
