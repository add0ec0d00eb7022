//! Lone surrogates in string literals (`"\ud800"`). rustpython-parser decodes literals into
//! Rust `String`s, which cannot hold a surrogate, and puts U+FFFD in its place. When a source
//! has such escapes, the literals whose value holds U+FFFD are decoded again from the source
//! text here, and each surrogate is carried through the AST (folding included) as a marker
//! character of plane 16's private use area, U+10D800–U+10DFFF; `marshal_str` turns the
//! markers back into surrogates when the constant becomes a `str` value. The markers are used
//! only for a source that contains none of those characters itself.

use std::cell::Cell;

use rpy_marshal::PyStr;

const MARK_BASE: u32 = 0x10_0000;
const FIRST_MARK: char = '\u{10D800}';
const LAST_MARK: char = '\u{10DFFF}';

thread_local! {
    /// Set while a source that uses the markers is compiled (on this thread).
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
}

/// Whether `source` needs the markers: it has a `\u`/`\U` escape that may name a surrogate,
/// and none of the marker characters.
pub fn needed(source: &str) -> bool {
    let escapes = ["\\ud", "\\uD", "\\U0000d", "\\U0000D"]
        .iter()
        .any(|e| source.contains(e));
    escapes
        && !source
            .chars()
            .any(|c| (FIRST_MARK..=LAST_MARK).contains(&c))
}

/// Turns the markers on for this thread until the guard is dropped.
pub struct Activation(bool);

pub fn activate(on: bool) -> Activation {
    Activation(ACTIVE.with(|a| a.replace(on)))
}

impl Drop for Activation {
    fn drop(&mut self) {
        ACTIVE.with(|a| a.set(self.0));
    }
}

/// The `str` value of a string constant: markers back to surrogates.
pub fn marshal_str(s: &str, interned: bool) -> Option<PyStr> {
    if !ACTIVE.with(Cell::get) || !s.chars().any(|c| (FIRST_MARK..=LAST_MARK).contains(&c)) {
        return None;
    }
    let points = s.chars().map(|c| {
        if (FIRST_MARK..=LAST_MARK).contains(&c) {
            c as u32 - MARK_BASE
        } else {
            c as u32
        }
    });
    Some(PyStr::from_code_points(points, interned))
}

fn mark(code_point: u32) -> Option<char> {
    if (0xD800..=0xDFFF).contains(&code_point) {
        char::from_u32(code_point + MARK_BASE)
    } else {
        char::from_u32(code_point)
    }
}

/// Decodes again the string literal(s) at `text` (one token or an implicit concatenation; no
/// f- or b-strings), whose value the parser gave as `parsed`: the same value with markers for
/// the surrogates. `None` when the text is not such literals, or the two decodings disagree
/// anywhere but in the surrogates' places.
pub fn redecode(text: &str, parsed: &str) -> Option<String> {
    let parsed: Vec<char> = parsed.chars().collect();
    let b = text.as_bytes();
    let mut out: Vec<char> = Vec::with_capacity(parsed.len());
    let mut i = 0;
    loop {
        // Between the parts of an implicit concatenation: blanks, newlines, comments,
        // continuation lines and parentheses.
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'\\' | b'(' | b')' => i += 1,
                b'#' => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        if i >= b.len() {
            break;
        }
        let mut raw = false;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            match b[i] {
                b'r' | b'R' => raw = true,
                b'u' | b'U' => {}
                _ => return None,
            }
            i += 1;
        }
        let quote = *b.get(i)?;
        if quote != b'\'' && quote != b'"' {
            return None;
        }
        let triple = b.get(i..i + 3) == Some(&[quote; 3][..]);
        let q = if triple { 3 } else { 1 };
        i += q;
        let start = i;
        let end = loop {
            match b.get(i)? {
                b'\\' => i += 2,
                &c if c == quote && (!triple || b.get(i..i + 3) == Some(&[quote; 3][..])) => {
                    break i;
                }
                _ => i += 1,
            }
        };
        decode_body(text.get(start..end)?, raw, &parsed, &mut out)?;
        i = end + q;
    }
    let same = out.len() == parsed.len()
        && out
            .iter()
            .zip(&parsed)
            .all(|(&o, &p)| o == p || ((FIRST_MARK..=LAST_MARK).contains(&o) && p == '\u{FFFD}'));
    same.then(|| out.into_iter().collect())
}

fn decode_body(body: &str, raw: bool, parsed: &[char], out: &mut Vec<char>) -> Option<()> {
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // The tokenizer reads every newline as `\n`.
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\\' if raw => {
                out.push('\\');
                if let Some(n) = chars.next() {
                    out.push(if n == '\r' { '\n' } else { n });
                    if n == '\r' {
                        chars.next_if_eq(&'\n');
                    }
                }
            }
            '\\' => {
                let e = chars.next()?;
                match e {
                    '\n' => {}
                    '\r' => {
                        chars.next_if_eq(&'\n');
                    }
                    '\\' | '\'' | '"' => out.push(e),
                    'a' => out.push('\x07'),
                    'b' => out.push('\x08'),
                    'f' => out.push('\x0c'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'v' => out.push('\x0b'),
                    '0'..='7' => {
                        let mut v = e.to_digit(8)?;
                        for _ in 0..2 {
                            match chars.next_if(|d| d.is_digit(8)) {
                                Some(d) => v = v * 8 + d.to_digit(8)?,
                                None => break,
                            }
                        }
                        out.push(char::from_u32(v)?);
                    }
                    'x' | 'u' | 'U' => {
                        let n = match e {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let mut v = 0u32;
                        for _ in 0..n {
                            v = v.checked_mul(16)? + chars.next()?.to_digit(16)?;
                        }
                        out.push(mark(v)?);
                    }
                    'N' => {
                        // The name's character, as the parser decoded it.
                        if chars.next()? != '{' {
                            return None;
                        }
                        while chars.next()? != '}' {}
                        out.push(*parsed.get(out.len())?);
                    }
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
            }
            other => out.push(other),
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogates_become_markers() {
        let got = redecode(r#""z\ud834\u0079x""#, "z\u{FFFD}yx").expect("decodes");
        assert_eq!(got, "z\u{10D834}yx");
        let got = redecode(
            "'a\\udc80' \"b\\U0000DFFF\" # c\n  r'\\ud800'",
            "a\u{FFFD}b\u{FFFD}\\ud800",
        );
        assert_eq!(got.as_deref(), Some("a\u{10DC80}b\u{10DFFF}\\ud800"));
        let got = redecode(r#"'''\N{DASH}\ud800\x41\101\q'''"#, "\u{2010}\u{FFFD}AA\\q");
        assert_eq!(got.as_deref(), Some("\u{2010}\u{10D800}AA\\q"));
        // Not the same string: left alone.
        assert_eq!(redecode(r#""\ud800""#, "x"), None);
        assert_eq!(redecode(r#"f"\ud800""#, "\u{FFFD}"), None);
        let _on = activate(true);
        let s = marshal_str("z\u{10D834}y", false).expect("has markers");
        assert_eq!(
            s.code_points().collect::<Vec<u32>>(),
            vec![0x7A, 0xD834, 0x79]
        );
        assert!(marshal_str("plain", false).is_none());
    }

    #[test]
    fn needed_only_for_surrogate_escapes() {
        assert!(needed(r#"x = "\ud800""#));
        assert!(!needed(r#"x = "\u0041""#));
        assert!(!needed("x = '\\ud800\u{10D800}'"));
    }
}
