//! The tokenizer: turns source text into one `Vec` of compact tokens (kind, string flags, byte
//! range). Values (names, numbers, string bodies) are not copied: the parser reads them back
//! from the source through the token's range. Indentation becomes `Indent`/`Dedent` tokens,
//! newlines inside brackets and after a backslash are dropped, comments are skipped.
//!
//! Counterpart: Parser/tokenizer.c (3.11), with rustpython-parser 0.4's token boundaries
//! (which the produced ranges must match).

use crate::error::{ErrorKind, ParseError};

/// Token kinds. Keywords are their own kinds; the soft keywords (`match`, `case`, `type`) are
/// `Name`s, told apart by the parser.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum T {
    Name,
    Int,
    Float,
    Complex,
    Str,
    Newline,
    Indent,
    Dedent,
    EndOfFile,
    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Lbrace,
    Rbrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    Vbar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    CircumFlex,
    LeftShift,
    RightShift,
    DoubleStar,
    DoubleStarEqual,
    PlusEqual,
    MinusEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleSlash,
    DoubleSlashEqual,
    ColonEqual,
    At,
    AtEqual,
    Rarrow,
    Ellipsis,
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

/// String prefix flags kept in `Token::flags` for `T::Str`.
pub const S_RAW: u8 = 1;
pub const S_BYTES: u8 = 2;
pub const S_FSTRING: u8 = 4;
pub const S_UNICODE: u8 = 8;
pub const S_TRIPLE: u8 = 16;

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub kind: T,
    /// For strings: the `S_*` flags; for strings the prefix length is in the upper bits.
    pub flags: u8,
    pub start: u32,
    pub end: u32,
}

impl Token {
    /// Length of a string token's prefix (`rb` is 2).
    pub fn prefix_len(&self) -> u32 {
        u32::from(self.flags >> 5)
    }
    pub fn quote_len(&self) -> u32 {
        if self.flags & S_TRIPLE != 0 { 3 } else { 1 }
    }
}

fn keyword(name: &[u8]) -> Option<T> {
    Some(match name {
        b"False" => T::False,
        b"None" => T::None,
        b"True" => T::True,
        b"and" => T::And,
        b"as" => T::As,
        b"assert" => T::Assert,
        b"async" => T::Async,
        b"await" => T::Await,
        b"break" => T::Break,
        b"class" => T::Class,
        b"continue" => T::Continue,
        b"def" => T::Def,
        b"del" => T::Del,
        b"elif" => T::Elif,
        b"else" => T::Else,
        b"except" => T::Except,
        b"finally" => T::Finally,
        b"for" => T::For,
        b"from" => T::From,
        b"global" => T::Global,
        b"if" => T::If,
        b"import" => T::Import,
        b"in" => T::In,
        b"is" => T::Is,
        b"lambda" => T::Lambda,
        b"nonlocal" => T::Nonlocal,
        b"not" => T::Not,
        b"or" => T::Or,
        b"pass" => T::Pass,
        b"raise" => T::Raise,
        b"return" => T::Return,
        b"try" => T::Try,
        b"while" => T::While,
        b"with" => T::With,
        b"yield" => T::Yield,
        _ => return None,
    })
}

/// Indentation as counts of tabs and spaces, compared the strict way: a level is only known
/// to be deeper when both counts agree.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Indent {
    tabs: u32,
    spaces: u32,
}

impl Indent {
    fn cmp(self, other: Indent) -> Option<std::cmp::Ordering> {
        use std::cmp::Ordering::*;
        match self.tabs.cmp(&other.tabs) {
            Less if self.spaces <= other.spaces => Some(Less),
            Greater if self.spaces >= other.spaces => Some(Greater),
            Equal => Some(self.spaces.cmp(&other.spaces)),
            _ => None,
        }
    }
}

/// CPython's tokenizer limits: open brackets (`MAXLEVEL`) and indentation levels
/// (`MAXINDENT`). Beyond them it reports an error rather than build ever deeper trees.
pub(crate) const MAX_LEVEL: usize = 200;
const MAX_INDENT: usize = 100;

struct Lexer<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    base: u32,
    nesting: u32,
    /// The open brackets: (the bracket, its offset).
    brackets: Vec<(u8, usize)>,
    at_line_start: bool,
    indents: Vec<Indent>,
    toks: Vec<Token>,
}

/// Tokenizes `text`; every range is shifted by `base` (for f-string expressions, which are
/// parsed from a copy of part of the source).
pub fn tokenize(text: &str, base: u32) -> Result<Vec<Token>, ParseError> {
    let mut lx = Lexer::new(text, base);
    lx.run()?;
    Ok(lx.toks)
}

/// A tokenizer error met while tokenizing a whole file (`tokenize_file`).
pub(crate) struct LexFailure {
    pub error: ParseError,
    /// Where the tokens stop (an end-of-file token is there).
    pub at: u32,
    /// The input ended inside brackets: the byte offset of the innermost open one. CPython's
    /// tokenizer reports this only in some cases (see `parser::parse`).
    pub unclosed: Option<u32>,
}

/// Tokenizes a file as CPython's parser sees it: the tokens up to the first tokenizer error,
/// ended by an end-of-file token, and that error. CPython raises a tokenizer error only when
/// the parser asks for the token, so a syntax error earlier in the file may come first.
pub(crate) fn tokenize_file(text: &str) -> (Vec<Token>, Option<LexFailure>) {
    let mut lx = Lexer::new(text, 0);
    match lx.run() {
        Ok(()) => (lx.toks, None),
        Err(error) => {
            let at = if lx.pos >= lx.src.len() {
                lx.src.len()
            } else {
                (error.offset as usize).min(lx.src.len())
            };
            // The end of input inside brackets (`run`'s last check).
            let unclosed = error
                .message
                .ends_with("' was never closed")
                .then(|| lx.brackets.last().map(|&(_, at)| at as u32))
                .flatten();
            lx.push(T::EndOfFile, 0, at, at);
            (
                lx.toks,
                Some(LexFailure {
                    error,
                    at: at as u32,
                    unclosed,
                }),
            )
        }
    }
}

/// ASCII bytes that continue an identifier: letters, digits, `_`.
static ID_CONTINUE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

#[inline]
fn is_id_continue_ascii(b: u8) -> bool {
    ID_CONTINUE[b as usize]
}

/// The 1-based line of byte `pos` of `src`.
pub(crate) fn line_of(src: &[u8], pos: usize) -> usize {
    1 + src[..pos.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `text` (past a UTF-8 byte order mark), its ranges shifted by
    /// `base`.
    fn new(text: &'a str, base: u32) -> Lexer<'a> {
        Lexer {
            src: text.as_bytes(),
            text,
            pos: if text.starts_with('\u{feff}') { 3 } else { 0 },
            base,
            nesting: 0,
            brackets: Vec::new(),
            at_line_start: true,
            indents: Vec::new(),
            toks: Vec::with_capacity(text.len() / 5 + 8),
        }
    }

    #[inline]
    fn at(&self, i: usize) -> u8 {
        *self.src.get(i).unwrap_or(&0)
    }

    #[inline]
    fn push(&mut self, kind: T, flags: u8, start: usize, end: usize) {
        self.toks.push(Token {
            kind,
            flags,
            start: start as u32 + self.base,
            end: end as u32 + self.base,
        });
    }

    fn err(&self, msg: &str, at: usize) -> ParseError {
        ParseError::new(ErrorKind::Syntax, msg, at as u32 + self.base)
    }

    fn run(&mut self) -> Result<(), ParseError> {
        loop {
            if self.at_line_start {
                self.indentation()?;
            }
            if self.pos >= self.src.len() {
                break;
            }
            self.token()?;
        }
        // End of input.
        let end = self.src.len();
        if let Some(&(b, at)) = self.brackets.last() {
            // CPython reports it with no end position.
            let mut e = self.err(&format!("'{}' was never closed", b as char), at);
            e.no_end = true;
            return Err(e);
        }
        if !self.at_line_start {
            self.at_line_start = true;
            self.push(T::Newline, 0, end, end);
        }
        while self.indents.pop().is_some() {
            self.push(T::Dedent, 0, end, end);
        }
        self.push(T::EndOfFile, 0, end, end);
        Ok(())
    }

    /// At a line start: measures the indentation of the next non-blank line and emits
    /// `Indent`/`Dedent` tokens.
    fn indentation(&mut self) -> Result<(), ParseError> {
        let (mut tabs, mut spaces) = (0u32, 0u32);
        loop {
            match self.at(self.pos) {
                b' ' => {
                    spaces += 1;
                    self.pos += 1;
                }
                b'\t' => {
                    if spaces != 0 {
                        let mut e = self.err(
                            "inconsistent use of tabs and spaces in indentation",
                            self.pos,
                        );
                        e.kind = ErrorKind::Tab;
                        return Err(e);
                    }
                    tabs += 1;
                    self.pos += 1;
                }
                b'#' => {
                    self.skip_comment();
                    tabs = 0;
                    spaces = 0;
                }
                b'\x0c' => {
                    self.pos += 1;
                    tabs = 0;
                    spaces = 0;
                }
                b'\n' | b'\r' => {
                    self.eat_newline();
                    tabs = 0;
                    spaces = 0;
                }
                0 if self.pos >= self.src.len() => return Ok(()),
                _ => {
                    self.at_line_start = false;
                    break;
                }
            }
        }
        if self.nesting != 0 {
            return Ok(());
        }
        let level = Indent { tabs, spaces };
        let current = self.indents.last().copied().unwrap_or_default();
        let tab_error = |lx: &Self| {
            let mut e = lx.err("inconsistent use of tabs and spaces in indentation", lx.pos);
            e.kind = ErrorKind::Tab;
            e
        };
        use std::cmp::Ordering::*;
        match level.cmp(current) {
            None => return Err(tab_error(self)),
            Some(Equal) => {}
            Some(Greater) => {
                if self.indents.len() + 1 >= MAX_INDENT {
                    // CPython points at the line, column 0, with no end.
                    let mut e = self.err("too many levels of indentation", self.line_start());
                    e.kind = ErrorKind::Indentation;
                    e.no_end = true;
                    return Err(e);
                }
                self.indents.push(level);
                let n = (tabs + spaces) as usize;
                self.push(T::Indent, 0, self.pos - n, self.pos);
            }
            Some(Less) => loop {
                let current = self.indents.last().copied().unwrap_or_default();
                match level.cmp(current) {
                    None => return Err(tab_error(self)),
                    Some(Less) => {
                        self.indents.pop();
                        self.push(T::Dedent, 0, self.pos, self.pos);
                    }
                    Some(Equal) => break,
                    Some(Greater) => {
                        let mut e = self.err(
                            "unindent does not match any outer indentation level",
                            self.pos,
                        );
                        e.kind = ErrorKind::Indentation;
                        return Err(e);
                    }
                }
            },
        }
        Ok(())
    }

    fn skip_comment(&mut self) {
        let rest = &self.src[self.pos..];
        self.pos += rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
    }

    /// The offset where the current line starts.
    fn line_start(&self) -> usize {
        self.src[..self.pos]
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |i| i + 1)
    }

    /// Consumes `\n`, `\r\n` or `\r`.
    #[inline]
    fn eat_newline(&mut self) {
        if self.src[self.pos] == b'\r' && self.at(self.pos + 1) == b'\n' {
            self.pos += 2;
        } else {
            self.pos += 1;
        }
    }

    #[inline]
    fn op(&mut self, kind: T, len: usize) {
        let start = self.pos;
        self.pos += len;
        self.push(kind, 0, start, self.pos);
    }

    fn token(&mut self) -> Result<(), ParseError> {
        let c = self.src[self.pos];
        let n1 = self.at(self.pos + 1);
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => self.name_or_string(),
            b'0'..=b'9' => self.number(),
            b'.' if n1.is_ascii_digit() => self.number(),
            b' ' | b'\t' | b'\x0c' => {
                self.pos += 1;
                while matches!(self.at(self.pos), b' ' | b'\t' | b'\x0c') {
                    self.pos += 1;
                }
                Ok(())
            }
            b'#' => {
                self.skip_comment();
                Ok(())
            }
            b'\n' | b'\r' => {
                let start = self.pos;
                self.eat_newline();
                if self.nesting == 0 {
                    self.at_line_start = true;
                    self.push(T::Newline, 0, start, self.pos);
                }
                Ok(())
            }
            b'"' | b'\'' => self.string(0, 0),
            b'\\' => {
                self.pos += 1;
                match self.at(self.pos) {
                    b'\n' | b'\r' => self.eat_newline(),
                    _ => {
                        return Err(self.err(
                            "unexpected character after line continuation character",
                            self.pos,
                        ));
                    }
                }
                if self.pos >= self.src.len() {
                    return Err(self.err("unexpected EOF while parsing", self.pos));
                }
                Ok(())
            }
            _ => {
                self.operator(c, n1)?;
                Ok(())
            }
        }
    }

    fn operator(&mut self, c: u8, n1: u8) -> Result<(), ParseError> {
        let n2 = self.at(self.pos + 2);
        match c {
            b'(' | b'[' | b'{' => {
                if self.brackets.len() >= MAX_LEVEL {
                    return Err(self.err("too many nested parentheses", self.pos));
                }
                self.nesting += 1;
                self.brackets.push((c, self.pos));
                self.op(
                    match c {
                        b'(' => T::Lpar,
                        b'[' => T::Lsqb,
                        _ => T::Lbrace,
                    },
                    1,
                );
            }
            b')' | b']' | b'}' => {
                self.op(
                    match c {
                        b')' => T::Rpar,
                        b']' => T::Rsqb,
                        _ => T::Rbrace,
                    },
                    1,
                );
                let Some((open, _)) = self.brackets.pop() else {
                    return Err(self.err(&format!("unmatched '{}'", c as char), self.pos - 1));
                };
                let expected = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if c != expected {
                    return Err(self.err(
                        &format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        ),
                        self.pos - 1,
                    ));
                }
                self.nesting -= 1;
            }
            b':' if n1 == b'=' => self.op(T::ColonEqual, 2),
            b':' => self.op(T::Colon, 1),
            b',' => self.op(T::Comma, 1),
            b';' => self.op(T::Semi, 1),
            b'+' if n1 == b'=' => self.op(T::PlusEqual, 2),
            b'+' => self.op(T::Plus, 1),
            b'-' if n1 == b'=' => self.op(T::MinusEqual, 2),
            b'-' if n1 == b'>' => self.op(T::Rarrow, 2),
            b'-' => self.op(T::Minus, 1),
            b'*' if n1 == b'*' && n2 == b'=' => self.op(T::DoubleStarEqual, 3),
            b'*' if n1 == b'*' => self.op(T::DoubleStar, 2),
            b'*' if n1 == b'=' => self.op(T::StarEqual, 2),
            b'*' => self.op(T::Star, 1),
            b'/' if n1 == b'/' && n2 == b'=' => self.op(T::DoubleSlashEqual, 3),
            b'/' if n1 == b'/' => self.op(T::DoubleSlash, 2),
            b'/' if n1 == b'=' => self.op(T::SlashEqual, 2),
            b'/' => self.op(T::Slash, 1),
            b'|' if n1 == b'=' => self.op(T::VbarEqual, 2),
            b'|' => self.op(T::Vbar, 1),
            b'&' if n1 == b'=' => self.op(T::AmperEqual, 2),
            b'&' => self.op(T::Amper, 1),
            b'^' if n1 == b'=' => self.op(T::CircumflexEqual, 2),
            b'^' => self.op(T::CircumFlex, 1),
            b'%' if n1 == b'=' => self.op(T::PercentEqual, 2),
            b'%' => self.op(T::Percent, 1),
            b'@' if n1 == b'=' => self.op(T::AtEqual, 2),
            b'@' => self.op(T::At, 1),
            b'=' if n1 == b'=' => self.op(T::EqEqual, 2),
            b'=' => self.op(T::Equal, 1),
            b'!' if n1 == b'=' => self.op(T::NotEqual, 2),
            b'<' if n1 == b'<' && n2 == b'=' => self.op(T::LeftShiftEqual, 3),
            b'<' if n1 == b'<' => self.op(T::LeftShift, 2),
            b'<' if n1 == b'=' => self.op(T::LessEqual, 2),
            b'<' => self.op(T::Less, 1),
            b'>' if n1 == b'>' && n2 == b'=' => self.op(T::RightShiftEqual, 3),
            b'>' if n1 == b'>' => self.op(T::RightShift, 2),
            b'>' if n1 == b'=' => self.op(T::GreaterEqual, 2),
            b'>' => self.op(T::Greater, 1),
            b'~' => self.op(T::Tilde, 1),
            b'.' if n1 == b'.' && n2 == b'.' => self.op(T::Ellipsis, 3),
            b'.' => self.op(T::Dot, 1),
            _ if c >= 0x80 => return self.unicode_name(),
            // CPython's tokenizer passes other printable ASCII (`$`, `?`, a lone `!`) to the
            // parser as an operator it cannot use: "invalid syntax" there.
            0x21..=0x7e => return Err(self.err("invalid syntax", self.pos)),
            _ => {
                return Err(self.err(
                    &format!("invalid non-printable character U+{c:04X}"),
                    self.pos,
                ));
            }
        }
        Ok(())
    }

    /// A name starting with a non-ASCII character.
    fn unicode_name(&mut self) -> Result<(), ParseError> {
        let start = self.pos;
        let ch = self.text[start..].chars().next().unwrap_or('\0');
        if unic_ucd_ident::is_xid_start(ch) {
            self.pos += ch.len_utf8();
            self.name_rest();
            self.push(T::Name, 0, start, self.pos);
            return Ok(());
        }
        if unic_emoji_char::is_emoji_presentation(ch) {
            self.pos += ch.len_utf8();
            self.push(T::Name, 0, start, self.pos);
            return Ok(());
        }
        Err(self.err(
            &format!("invalid character '{ch}' (U+{:04X})", ch as u32),
            start,
        ))
    }

    #[inline]
    fn name_rest(&mut self) {
        loop {
            // The ASCII run, in a local: the common identifier is all of it.
            let src = self.src;
            let mut p = self.pos;
            while p < src.len() && is_id_continue_ascii(src[p]) {
                p += 1;
            }
            self.pos = p;
            let b = self.at(self.pos);
            if b >= 0x80 {
                let ch = self.text[self.pos..].chars().next().unwrap_or('\0');
                if unic_ucd_ident::is_xid_continue(ch) {
                    self.pos += ch.len_utf8();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
    }

    fn name_or_string(&mut self) -> Result<(), ParseError> {
        let start = self.pos;
        let c0 = self.src[start];
        let c1 = self.at(start + 1);
        if c1 == b'"' || c1 == b'\'' {
            let f = match c0 | 0x20 {
                b'r' => S_RAW,
                b'f' => S_FSTRING,
                b'u' => S_UNICODE,
                b'b' => S_BYTES,
                _ => 0xff,
            };
            if f != 0xff {
                return self.string(f, 1);
            }
        } else if matches!(self.at(start + 2), b'"' | b'\'') {
            let f = match (c0 | 0x20, c1 | 0x20) {
                (b'r', b'f') | (b'f', b'r') => S_RAW | S_FSTRING,
                (b'r', b'b') | (b'b', b'r') => S_RAW | S_BYTES,
                _ => 0xff,
            };
            if f != 0xff {
                return self.string(f, 2);
            }
        }
        self.pos += 1;
        self.name_rest();
        let kind = keyword(&self.src[start..self.pos]).unwrap_or(T::Name);
        self.push(kind, 0, start, self.pos);
        Ok(())
    }

    fn string(&mut self, flags: u8, prefix: usize) -> Result<(), ParseError> {
        let start = self.pos;
        self.pos += prefix;
        let q = self.src[self.pos];
        self.pos += 1;
        let triple = self.at(self.pos) == q && self.at(self.pos + 1) == q;
        if triple {
            self.pos += 2;
        }
        let src = self.src;
        loop {
            // Plain characters, skipped in a local.
            let mut p = self.pos;
            while p < src.len() && !matches!(src[p], b'\\' | b'\n' | b'\r') && src[p] != q {
                p += 1;
            }
            self.pos = p;
            let Some(&c) = src.get(self.pos) else {
                let kind = if triple { "triple-quoted " } else { "" };
                // At the end of input, a final newline starts no new line.
                let line = line_of(self.src, self.pos) - usize::from(src.ends_with(b"\n"));
                return Err(self.err(
                    &format!("unterminated {kind}string literal (detected at line {line})"),
                    start,
                ));
            };
            if c == b'\\' {
                if self.pos + 1 < src.len() {
                    self.pos += 1;
                    if src[self.pos] == b'\r' && self.at(self.pos + 1) == b'\n' {
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                    }
                    continue;
                }
                self.pos += 1;
                continue;
            }
            if (c == b'\n' || c == b'\r') && !triple {
                let line = line_of(self.src, self.pos);
                return Err(self.err(
                    &format!("unterminated string literal (detected at line {line})"),
                    start,
                ));
            }
            self.pos += 1;
            if c == q {
                if !triple {
                    break;
                }
                if self.at(self.pos) == q && self.at(self.pos + 1) == q {
                    self.pos += 2;
                    break;
                }
            }
        }
        let flags = flags | if triple { S_TRIPLE } else { 0 } | ((prefix as u8) << 5);
        self.push(T::Str, flags, start, self.pos);
        Ok(())
    }

    fn digits(&mut self, ok: fn(u8) -> bool) {
        loop {
            let b = self.at(self.pos);
            if ok(b) || (b == b'_' && ok(self.at(self.pos + 1))) {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn number(&mut self) -> Result<(), ParseError> {
        let start = self.pos;
        let c0 = self.src[start];
        let c1 = self.at(start + 1) | 0x20;
        if c0 == b'0' && matches!(c1, b'x' | b'o' | b'b') {
            self.pos += 2;
            let digits_start = self.pos;
            self.digits(match c1 {
                b'x' => |b: u8| b.is_ascii_hexdigit(),
                b'o' => |b: u8| matches!(b, b'0'..=b'7'),
                _ => |b: u8| matches!(b, b'0' | b'1'),
            });
            let what = match c1 {
                b'x' => "hexadecimal",
                b'o' => "octal",
                _ => "binary",
            };
            let next = self.at(self.pos);
            if self.pos == digits_start || next == b'_' {
                return Err(self.err(&format!("invalid {what} literal"), start));
            }
            if next.is_ascii_digit() {
                return Err(self.err(
                    &format!("invalid digit '{}' in {what} literal", next as char),
                    self.pos,
                ));
            }
            self.push(T::Int, 0, start, self.pos);
            return Ok(());
        }
        let dec = |b: u8| b.is_ascii_digit();
        self.digits(dec);
        if self.at(self.pos) == b'_' {
            return Err(self.err("invalid decimal literal", start));
        }
        let int_end = self.pos;
        let mut is_float = false;
        if self.at(self.pos) == b'.' {
            if self.at(self.pos + 1) == b'_' {
                return Err(self.err("invalid decimal literal", self.pos));
            }
            is_float = true;
            self.pos += 1;
            self.digits(dec);
        }
        let e = self.at(self.pos);
        if e == b'e' || e == b'E' {
            let s = self.at(self.pos + 1);
            let exp = if s == b'+' || s == b'-' {
                self.at(self.pos + 2).is_ascii_digit()
            } else {
                s.is_ascii_digit()
            };
            if exp || is_float {
                if is_float && !exp {
                    // `1.e` / `1.e_`: the exponent has no digits.
                    return Err(self.err("invalid decimal literal", self.pos));
                }
                is_float = true;
                self.pos += if s == b'+' || s == b'-' { 2 } else { 1 };
                self.digits(dec);
            }
        }
        if matches!(self.at(self.pos), b'j' | b'J') {
            self.pos += 1;
            self.push(T::Complex, 0, start, self.pos);
            return Ok(());
        }
        if is_float {
            self.push(T::Float, 0, start, self.pos);
            return Ok(());
        }
        // Leading zeros are only allowed in zero.
        if c0 == b'0'
            && self.src[start..int_end]
                .iter()
                .any(|&b| b != b'0' && b != b'_')
        {
            return Err(self.err(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                start,
            ));
        }
        self.push(T::Int, 0, start, self.pos);
        Ok(())
    }
}
