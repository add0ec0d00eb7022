//! String literals: escape decoding, implicit concatenation of adjacent literals, and
//! f-strings (split into constant parts and `FormattedValue`s whose expressions are parsed by
//! the expression parser at their offsets in the source).
//!
//! Counterpart: Parser/string_parser.c (3.11). The tree shapes and ranges follow
//! rustpython-parser 0.4: every part of an f-string spans its whole literal, merged constant
//! parts span the whole concatenation.

use crate::error::{ErrorKind, ParseError};
use crate::lexer::{S_BYTES, S_FSTRING, S_RAW, S_UNICODE, Token};
use rustpython_ast::text_size::{TextRange, TextSize};
use rustpython_ast::{self as ast, Constant, ConversionFlag, Expr};

fn err(msg: &str, at: u32) -> ParseError {
    ParseError::new(ErrorKind::Syntax, msg, at)
}

fn range(a: u32, b: u32) -> TextRange {
    TextRange::new(TextSize::new(a), TextSize::new(b))
}

fn constant(value: Constant, kind: Option<String>, r: TextRange) -> Expr {
    Expr::Constant(ast::ExprConstant {
        value,
        kind,
        range: r,
    })
}

/// The body of a string token (between the quotes), with `\r\n` and `\r` turned into `\n`
/// as the tokenizer reads them; and its offset in the source.
fn body<'s>(text: &'s str, base: u32, tok: &Token) -> (std::borrow::Cow<'s, str>, u32) {
    let open = tok.prefix_len() + tok.quote_len();
    let a = (tok.start - base + open) as usize;
    let b = (tok.end - base - tok.quote_len()) as usize;
    let s = &text[a..b];
    let s = if s.contains('\r') {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    (s, tok.start + open)
}

/// Builds the expression for adjacent string tokens `toks` (at least one).
pub(crate) fn concat(text: &str, base: u32, toks: &[Token]) -> Result<Expr, ParseError> {
    let first = toks[0];
    let last_end = toks[toks.len() - 1].end;
    let whole = range(first.start, last_end);
    let kind = (first.flags & S_UNICODE != 0).then(|| "u".to_string());
    let n_bytes = toks.iter().filter(|t| t.flags & S_BYTES != 0).count();
    if n_bytes > 0 && n_bytes < toks.len() {
        return Err(err("cannot mix bytes and nonbytes literals", first.start));
    }
    if n_bytes > 0 {
        let mut out = Vec::new();
        for t in toks {
            let (s, off) = body(text, base, t);
            decode_bytes(&s, t.flags & S_RAW != 0, off, &mut out)?;
        }
        return Ok(constant(Constant::Bytes(out), None, whole));
    }
    if !toks.iter().any(|t| t.flags & S_FSTRING != 0) {
        let mut out = String::new();
        for t in toks {
            let (s, off) = body(text, base, t);
            if t.flags & S_RAW != 0 || !s.contains('\\') {
                out.push_str(&s);
            } else {
                decode_str(&s, off, &mut out)?;
            }
        }
        return Ok(constant(Constant::Str(out), kind, whole));
    }
    // An f-string: constant runs are merged, formatted values kept.
    let mut values: Vec<Expr> = Vec::new();
    let mut current: Option<String> = None;
    let flush = |current: &mut Option<String>, values: &mut Vec<Expr>| {
        if let Some(s) = current.take() {
            values.push(constant(Constant::Str(s), kind.clone(), whole));
        }
    };
    for t in toks {
        let (s, off) = body(text, base, t);
        let raw = t.flags & S_RAW != 0;
        if t.flags & S_FSTRING == 0 {
            let cur = current.get_or_insert_with(String::new);
            if raw || !s.contains('\\') {
                cur.push_str(&s);
            } else {
                decode_str(&s, off, cur)?;
            }
            continue;
        }
        let mut fp = FParser {
            s: &s,
            i: 0,
            off,
            raw,
            tok: range(t.start, t.end),
        };
        for v in fp.fstring(0)? {
            match v {
                Expr::Constant(ast::ExprConstant {
                    value: Constant::Str(s),
                    ..
                }) => current.get_or_insert_with(String::new).push_str(&s),
                other => {
                    flush(&mut current, &mut values);
                    values.push(other);
                }
            }
        }
    }
    flush(&mut current, &mut values);
    Ok(Expr::JoinedStr(ast::ExprJoinedStr {
        values,
        range: whole,
    }))
}

/// Decodes the escapes of a (non-raw) str literal body into `out`.
fn decode_str(s: &str, off: u32, out: &mut String) -> Result<(), ParseError> {
    let mut it = Cursor { s, i: 0, off };
    while let Some(c) = it.next() {
        if c == '\\' {
            it.escape(false, out)?;
        } else {
            out.push(c);
        }
    }
    Ok(())
}

fn decode_bytes(s: &str, raw: bool, off: u32, out: &mut Vec<u8>) -> Result<(), ParseError> {
    let mut it = Cursor { s, i: 0, off };
    let mut tmp = String::new();
    while let Some(c) = it.next() {
        if c == '\\' && !raw {
            tmp.clear();
            it.escape(true, &mut tmp)?;
            out.extend(tmp.chars().map(|c| c as u8));
        } else if !c.is_ascii() {
            return Err(err(
                "bytes can only contain ASCII literal characters",
                it.pos(),
            ));
        } else {
            out.push(c as u8);
        }
    }
    Ok(())
}

struct Cursor<'s> {
    s: &'s str,
    i: usize,
    off: u32,
}

impl Cursor<'_> {
    #[inline]
    fn next(&mut self) -> Option<char> {
        let c = self.s[self.i..].chars().next()?;
        self.i += c.len_utf8();
        Some(c)
    }
    #[inline]
    fn peek(&self) -> Option<char> {
        self.s[self.i..].chars().next()
    }
    fn pos(&self) -> u32 {
        self.off + self.i as u32
    }

    fn hex(&mut self, n: usize) -> Result<char, ParseError> {
        let mut v: u32 = 0;
        for _ in 0..n {
            match self.next().and_then(|c| c.to_digit(16)) {
                Some(d) => v = v * 16 + d,
                None => return Err(err("(unicode error) truncated escape", self.pos())),
            }
        }
        if (0xD800..=0xDFFF).contains(&v) {
            return Ok('\u{FFFD}');
        }
        char::from_u32(v)
            .ok_or_else(|| err("(unicode error) illegal Unicode character", self.pos()))
    }

    /// After a backslash: appends what the escape stands for.
    fn escape(&mut self, bytes: bool, out: &mut String) -> Result<(), ParseError> {
        let Some(c) = self.next() else {
            return Err(err("unterminated string literal", self.pos()));
        };
        let ch = match c {
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            'a' => '\x07',
            'b' => '\x08',
            'f' => '\x0c',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\x0b',
            '0'..='7' => {
                let mut v = c as u32 - '0' as u32;
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ '0'..='7') => {
                            self.i += 1;
                            v = v * 8 + (d as u32 - '0' as u32);
                        }
                        _ => break,
                    }
                }
                char::from_u32(v).unwrap_or('\0')
            }
            'x' => self.hex(2)?,
            'u' if !bytes => self.hex(4)?,
            'U' if !bytes => self.hex(8)?,
            'N' if !bytes => {
                if self.next() != Some('{') {
                    return Err(err(
                        "(unicode error) malformed \\N character escape",
                        self.pos(),
                    ));
                }
                let start = self.i;
                let name_at = self.pos();
                loop {
                    match self.next() {
                        Some('}') => break,
                        Some(_) => {}
                        None => {
                            return Err(err(
                                "(unicode error) malformed \\N character escape",
                                self.pos(),
                            ));
                        }
                    }
                }
                let name = &self.s[start..self.i - 1];
                if name.len() > 88 {
                    return Err(err(
                        "(unicode error) unknown Unicode character name",
                        self.pos(),
                    ));
                }
                unicode_names2::character(name)
                    .ok_or_else(|| err("(unicode error) unknown Unicode character name", name_at))?
            }
            '\n' => return Ok(()),
            c => {
                if bytes && !c.is_ascii() {
                    return Err(err(
                        "bytes can only contain ASCII literal characters",
                        self.pos(),
                    ));
                }
                out.push('\\');
                c
            }
        };
        out.push(ch);
        Ok(())
    }
}

/// The parser of one f-string literal's body.
struct FParser<'s> {
    s: &'s str,
    i: usize,
    off: u32,
    raw: bool,
    /// The whole literal's range, given to every part.
    tok: TextRange,
}

impl FParser<'_> {
    #[inline]
    fn next(&mut self) -> Option<char> {
        let c = self.s[self.i..].chars().next()?;
        self.i += c.len_utf8();
        Some(c)
    }
    #[inline]
    fn peek(&self) -> Option<char> {
        self.s[self.i..].chars().next()
    }
    fn pos(&self) -> u32 {
        self.off + self.i as u32
    }
    fn text(&self, s: String) -> Expr {
        constant(Constant::Str(s), None, self.tok)
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let mut c = Cursor {
            s: self.s,
            i: self.i,
            off: self.off,
        };
        c.escape(false, out)?;
        self.i = c.i;
        Ok(())
    }

    fn fstring(&mut self, nested: u8) -> Result<Vec<Expr>, ParseError> {
        if nested >= 2 {
            return Err(err("f-string: expressions nested too deeply", self.pos()));
        }
        let mut content = String::new();
        let mut values = Vec::new();
        while let Some(ch) = self.peek() {
            match ch {
                '{' => {
                    self.i += 1;
                    if nested == 0 {
                        match self.peek() {
                            Some('{') => {
                                self.i += 1;
                                content.push('{');
                                continue;
                            }
                            None => return Err(err("f-string: expecting '}'", self.pos())),
                            _ => {}
                        }
                    }
                    if !content.is_empty() {
                        values.push(self.text(std::mem::take(&mut content)));
                    }
                    self.formatted_value(nested, &mut values)?;
                }
                '}' => {
                    if nested > 0 {
                        break;
                    }
                    self.i += 1;
                    if self.peek() == Some('}') {
                        self.i += 1;
                        content.push('}');
                    } else {
                        return Err(err("f-string: single '}' is not allowed", self.pos()));
                    }
                }
                '\\' if !self.raw => {
                    self.i += 1;
                    if matches!(self.peek(), Some('{' | '}')) {
                        content.push('\\');
                    } else {
                        self.escape(&mut content)?;
                    }
                }
                _ => {
                    content.push(ch);
                    self.i += ch.len_utf8();
                }
            }
        }
        if !content.is_empty() {
            values.push(self.text(content));
        }
        Ok(values)
    }

    fn spec(&mut self, nested: u8) -> Result<Vec<Expr>, ParseError> {
        let mut parts = Vec::new();
        let mut piece = String::new();
        while let Some(ch) = self.peek() {
            match ch {
                '{' => {
                    if !piece.is_empty() {
                        parts.push(self.text(std::mem::take(&mut piece)));
                    }
                    let inner = self.fstring(nested + 1)?;
                    parts.extend(inner);
                    continue;
                }
                '}' => break,
                _ => piece.push(ch),
            }
            self.i += ch.len_utf8();
        }
        if !piece.is_empty() {
            parts.push(self.text(piece));
        }
        Ok(parts)
    }

    /// After a `{`: the replacement field up to its `}`.
    fn formatted_value(&mut self, nested: u8, out: &mut Vec<Expr>) -> Result<(), ParseError> {
        let start = self.i;
        let location = self.pos();
        // The expression's text ends where it stops growing (at `!`, `=`, `:` or `}`).
        let mut expr_end = start;
        let mut spec = None;
        let mut delims: Vec<char> = Vec::new();
        let mut conversion = ConversionFlag::None;
        let mut self_doc = false;
        let mut trailing = String::new();
        while let Some(ch) = self.next() {
            match ch {
                '!' | '=' | '>' | '<' if self.peek() == Some('=') => {
                    self.i += 1;
                    expr_end = self.i;
                }
                '!' if delims.is_empty() => {
                    if self.s[start..expr_end].trim().is_empty() {
                        return Err(err("f-string: empty expression not allowed", self.pos()));
                    }
                    conversion = match self.next() {
                        Some('s') => ConversionFlag::Str,
                        Some('a') => ConversionFlag::Ascii,
                        Some('r') => ConversionFlag::Repr,
                        Some(_) => {
                            return Err(err(
                                "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                                self.pos(),
                            ));
                        }
                        None => return Err(err("f-string: expecting '}'", self.pos())),
                    };
                    if !matches!(self.peek(), Some('}' | ':')) {
                        return Err(err("f-string: expecting '}'", self.pos()));
                    }
                }
                '=' if delims.is_empty() => self_doc = true,
                ':' if delims.is_empty() => {
                    let parts = self.spec(nested)?;
                    spec = Some(Box::new(Expr::JoinedStr(ast::ExprJoinedStr {
                        values: parts,
                        range: self.tok,
                    })));
                }
                '(' | '{' | '[' => {
                    // CPython's MAXLEVEL, with the f-string scanner's own wording.
                    if delims.len() >= crate::lexer::MAX_LEVEL {
                        return Err(err("f-string: too many nested parenthesis", self.pos()));
                    }
                    delims.push(ch);
                    expr_end = self.i;
                }
                ')' | ']' => {
                    let open = if ch == ')' { '(' } else { '[' };
                    match delims.pop() {
                        Some(c) if c == open => expr_end = self.i,
                        Some(c) => {
                            return Err(err(
                                &format!(
                                    "f-string: closing parenthesis '{ch}' does not match opening parenthesis '{c}'"
                                ),
                                self.pos(),
                            ));
                        }
                        None => {
                            return Err(err(&format!("f-string: unmatched '{ch}'"), self.pos()));
                        }
                    }
                }
                '}' if !delims.is_empty() => match delims.pop() {
                    Some('{') => expr_end = self.i,
                    Some(c) => {
                        return Err(err(
                            &format!(
                                "f-string: closing parenthesis '}}' does not match opening parenthesis '{c}'"
                            ),
                            self.pos(),
                        ));
                    }
                    None => {}
                },
                '}' => {
                    let expr_text = &self.s[start..expr_end];
                    if expr_text.trim().is_empty() {
                        return Err(err("f-string: empty expression not allowed", self.pos()));
                    }
                    let value = crate::parser::parse_fstring_expr(expr_text, location)?;
                    if self_doc {
                        let mut t = expr_text.to_string();
                        t.push('=');
                        out.push(self.text(t));
                        out.push(self.text(trailing));
                        if conversion == ConversionFlag::None && spec.is_none() {
                            conversion = ConversionFlag::Repr;
                        }
                    }
                    out.push(Expr::FormattedValue(ast::ExprFormattedValue {
                        value: Box::new(value),
                        conversion,
                        format_spec: spec,
                        range: self.tok,
                    }));
                    return Ok(());
                }
                '"' | '\'' => {
                    // A string inside the expression, triple-quoted (`f"{'''it's'''}"`) or not.
                    let q = ch.to_string();
                    let triple = q.repeat(3);
                    let close = if self.s[self.i..].starts_with(&q.repeat(2)) {
                        self.i += 2;
                        triple.as_str()
                    } else {
                        q.as_str()
                    };
                    let Some(at) = self.s[self.i..].find(close) else {
                        self.i = self.s.len();
                        return Err(err("f-string: unterminated string", self.pos()));
                    };
                    self.i += at + close.len();
                    expr_end = self.i;
                }
                ' ' if self_doc => trailing.push(' '),
                '\\' => {
                    return Err(err(
                        "f-string expression part cannot include a backslash",
                        self.pos(),
                    ));
                }
                _ => {
                    if self_doc {
                        return Err(err("f-string: expecting '}'", self.pos()));
                    }
                    expr_end = self.i;
                }
            }
        }
        Err(err("f-string: expecting '}'", self.pos()))
    }
}
