//! The text codecs built into the VM (UTF-8, UTF-16, UTF-32, ASCII, Latin-1, cp1252) with the
//! standard error handlers and calls into registered ones, for `str.encode`, `bytes.decode`,
//! `str(b, encoding)`, `bytes(s, encoding)` and the codec functions of `_codecs`; other
//! encodings go through the codec registry (`codecs_module.rs`).
//! Counterpart: Objects/unicodeobject.c codecs, Objects/stringlib/codecs.h and
//! Python/codecs.c error handlers (3.11).
//!
//! Lone surrogates cannot live in this VM's str, so `surrogateescape` and `surrogatepass`
//! have nothing to produce; they act as `strict`.

use crate::builtins::bytes::new_bytes;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A codec this module implements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Cp1252,
    Utf16(Endian),
    Utf32(Endian),
}

/// Byte order of UTF-16/32; `Native` means "BOM-detected on decode, BOM written on encode".
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Endian {
    Native,
    Little,
    Big,
}

/// CPython's `encodings.normalize_encoding` then its alias table, for the codecs we have.
pub fn lookup(encoding: &str) -> Option<Codec> {
    let norm: String = encoding
        .trim()
        .chars()
        .map(|c| {
            if c == '-' || c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Some(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "us" | "iso646_us" | "cp367" => {
            Codec::Ascii
        }
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "iso_8859_1:1987" | "ibm819" => Codec::Latin1,
        "cp1252" | "windows_1252" => Codec::Cp1252,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(Endian::Native),
        "utf_16_le" | "utf_16le" => Codec::Utf16(Endian::Little),
        "utf_16_be" | "utf_16be" => Codec::Utf16(Endian::Big),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(Endian::Native),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Endian::Little),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Endian::Big),
        _ => return None,
    })
}

/// cp1252 bytes 0x80..0x9F (0 = undefined); the rest is Latin-1.
const CP1252_HIGH: [u16; 32] = [
    0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
    0, 0x17d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161,
    0x203a, 0x153, 0, 0x17e, 0x178,
];

fn cp1252_decode(b: u8) -> Option<char> {
    if (0x80..0xA0).contains(&b) {
        match CP1252_HIGH[(b - 0x80) as usize] {
            0 => None,
            cp => char::from_u32(cp as u32),
        }
    } else {
        Some(b as char)
    }
}

fn cp1252_encode(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp < 0x80 || (0xA0..0x100).contains(&cp) {
        return Some(cp as u8);
    }
    CP1252_HIGH
        .iter()
        .position(|&x| x != 0 && x as u32 == cp)
        .map(|i| 0x80 + i as u8)
}

// ---------------------------------------------------------------------------------------
// error handling

/// The `UnicodeDecodeError` for `data[start..end]` (the attributes are set as well as the
/// arguments).
pub fn unicode_decode_error(
    vm: &Vm,
    enc: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    decode_error_with(vm, enc, new_bytes(vm, data.to_vec()), start, end, reason)
}

fn decode_error_with(
    vm: &Vm,
    enc: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let e = vm.new_exception(
        &vm.types.exceptions.unicode_decode_error,
        vec![
            vm.new_str(enc),
            object.clone(),
            Value::from(start),
            Value::from(end),
            vm.new_str(reason),
        ],
    );
    let _ = vm.set_attr_in_dict(&e, "encoding", vm.new_str(enc));
    let _ = vm.set_attr_in_dict(&e, "object", object);
    let _ = vm.set_attr_in_dict(&e, "start", Value::from(start));
    let _ = vm.set_attr_in_dict(&e, "end", Value::from(end));
    let _ = vm.set_attr_in_dict(&e, "reason", vm.new_str(reason));
    e
}

/// The `UnicodeEncodeError` for the code points `start..end` of `s`.
pub fn unicode_encode_error(
    vm: &Vm,
    enc: &str,
    s: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    encode_error_with(vm, enc, vm.new_str(s), start, end, reason)
}

fn encode_error_with(
    vm: &Vm,
    enc: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let e = vm.new_exception(
        &vm.types.exceptions.unicode_encode_error,
        vec![
            vm.new_str(enc),
            object.clone(),
            Value::from(start),
            Value::from(end),
            vm.new_str(reason),
        ],
    );
    let _ = vm.set_attr_in_dict(&e, "encoding", vm.new_str(enc));
    let _ = vm.set_attr_in_dict(&e, "object", object);
    let _ = vm.set_attr_in_dict(&e, "start", Value::from(start));
    let _ = vm.set_attr_in_dict(&e, "end", Value::from(end));
    let _ = vm.set_attr_in_dict(&e, "reason", vm.new_str(reason));
    e
}

/// A registered handler's `(replacement, newpos)`, with `newpos` made absolute and checked
/// against the input length `len`.
fn handler_result(vm: &Vm, result: &Value, len: usize, encoding: bool) -> PyResult<(Value, usize)> {
    let bad = || {
        vm.type_error(if encoding {
            "encoding error handler must return (str/bytes, int) tuple"
        } else {
            "decoding error handler must return (str, int) tuple"
        })
    };
    // `PyArg_ParseTuple(result, "On;...")` (or "Un;..." for decoding): a 2-tuple whose
    // second item converts with `__index__`.
    let items = match result.payload() {
        Some(crate::object::Payload::Tuple(t)) if t.len() == 2 => t.to_vec(),
        _ => return Err(bad()),
    };
    let rep_ok = crate::str::as_str(&items[0]).is_some()
        || encoding && matches!(items[0].payload(), Some(crate::object::Payload::Bytes(_)));
    if !rep_ok {
        return Err(bad());
    }
    let pos = vm.index_i64(&items[1])?;
    let abs = if pos < 0 { pos + len as i64 } else { pos };
    if abs < 0 || abs > len as i64 {
        return Err(vm.index_error(format!("position {abs} from error handler out of bounds")));
    }
    Ok((items[0].clone(), abs as usize))
}

/// Decoding failures of one call: the handler named `errors`, and the exception's input
/// object, made once.
pub struct DecodeErrors<'a> {
    pub errors: &'a str,
    pub encoding: &'a str,
    pub data: &'a [u8],
    object: Option<Value>,
}

impl<'a> DecodeErrors<'a> {
    pub fn new(errors: &'a str, encoding: &'a str, data: &'a [u8]) -> DecodeErrors<'a> {
        DecodeErrors {
            errors,
            encoding,
            data,
            object: None,
        }
    }

    /// The exception for `data[start..end]`.
    pub fn error(&mut self, vm: &Vm, start: usize, end: usize, reason: &str) -> PyErr {
        let data = self.data;
        let object = self
            .object
            .get_or_insert_with(|| new_bytes(vm, data.to_vec()))
            .clone();
        decode_error_with(vm, self.encoding, object, start, end, reason)
    }

    /// Handles the undecodable bytes `start..end`: appends the replacement to `out` and
    /// returns where decoding resumes.
    pub fn fail(
        &mut self,
        vm: &Vm,
        start: usize,
        end: usize,
        reason: &str,
        out: &mut String,
    ) -> PyResult<usize> {
        match self.errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                Err(self.error(vm, start, end, reason))
            }
            "replace" => {
                out.push('\u{FFFD}');
                Ok(end)
            }
            "ignore" => Ok(end),
            "backslashreplace" => {
                for b in &self.data[start..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(end)
            }
            name => {
                let handler = crate::builtins::codecs_module::lookup_error(vm, name)?;
                let exc = self.error(vm, start, end, reason);
                let r = vm.call(&handler, &[Value::Obj(exc)])?;
                let (rep, pos) = handler_result(vm, &r, self.data.len(), false)?;
                out.push_str(crate::str::as_str(&rep).unwrap_or(""));
                Ok(pos)
            }
        }
    }
}

/// What an encoding error handler gave: text for the codec to encode, or bytes to insert.
pub enum Replacement {
    Text(String),
    Bytes(Vec<u8>),
}

/// Encoding failures of one call (positions are code-point indices into `chars`).
pub struct EncodeErrors<'a> {
    pub errors: &'a str,
    pub encoding: &'a str,
    pub s: &'a str,
    pub chars: &'a [char],
    object: Option<Value>,
}

impl<'a> EncodeErrors<'a> {
    pub fn new(
        errors: &'a str,
        encoding: &'a str,
        s: &'a str,
        chars: &'a [char],
    ) -> EncodeErrors<'a> {
        EncodeErrors {
            errors,
            encoding,
            s,
            chars,
            object: None,
        }
    }

    /// The exception for the code points `start..end`.
    pub fn error(&mut self, vm: &Vm, start: usize, end: usize, reason: &str) -> PyErr {
        let s = self.s;
        let object = self.object.get_or_insert_with(|| vm.new_str(s)).clone();
        encode_error_with(vm, self.encoding, object, start, end, reason)
    }

    /// Handles the unencodable code points `start..end`: the replacement and where encoding
    /// resumes.
    pub fn fail(
        &mut self,
        vm: &Vm,
        start: usize,
        end: usize,
        reason: &str,
    ) -> PyResult<(Replacement, usize)> {
        let run = &self.chars[start..end];
        let text = match self.errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                return Err(self.error(vm, start, end, reason));
            }
            "replace" => "?".repeat(run.len()),
            "ignore" => String::new(),
            "backslashreplace" => run.iter().map(|&c| backslash_escape(c)).collect(),
            "namereplace" => run.iter().map(|&c| name_escape(c)).collect(),
            "xmlcharrefreplace" => run.iter().map(|&c| format!("&#{};", c as u32)).collect(),
            name => {
                let handler = crate::builtins::codecs_module::lookup_error(vm, name)?;
                let exc = self.error(vm, start, end, reason);
                let r = vm.call(&handler, &[Value::Obj(exc)])?;
                let (rep, pos) = handler_result(vm, &r, self.chars.len(), true)?;
                let rep = match crate::str::as_str(&rep) {
                    Some(t) => Replacement::Text(t.to_string()),
                    None => Replacement::Bytes(
                        crate::builtins::bytes::bytes_of(&rep).unwrap_or_default(),
                    ),
                };
                return Ok((rep, pos));
            }
        };
        Ok((Replacement::Text(text), end))
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for `c`.
pub fn backslash_escape(c: char) -> String {
    let cp = c as u32;
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

/// `\N{NAME}` for `c`, or its backslash escape when it has no name.
pub fn name_escape(c: char) -> String {
    match crate::builtins::codecs_module::char_name(c) {
        Some(n) => format!("\\N{{{n}}}"),
        None => backslash_escape(c),
    }
}

// ---------------------------------------------------------------------------------------
// decoding

/// Where a run of decoding stopped.
enum Stop {
    /// All the input is decoded.
    Done,
    /// The input ends inside a sequence that starts at this offset.
    Incomplete(usize, &'static str),
    /// The bytes `start..end` cannot be decoded.
    Error(usize, usize, &'static str),
}

/// Decodes `data[pos..]` into `out` until the end or the first failure.
fn decode_run(codec: Codec, little: bool, data: &[u8], mut pos: usize, out: &mut String) -> Stop {
    match codec {
        Codec::Utf8 => match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                Stop::Done
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or(""));
                let at = pos + good;
                let first = data[at];
                match e.error_len() {
                    None => Stop::Incomplete(at, "unexpected end of data"),
                    Some(n) if (0x80..0xC2).contains(&first) || first >= 0xF5 => {
                        Stop::Error(at, at + n, "invalid start byte")
                    }
                    Some(n) => Stop::Error(at, at + n, "invalid continuation byte"),
                }
            }
        },
        Codec::Ascii => {
            let rest = &data[pos..];
            let n = rest.iter().position(|&b| b >= 0x80).unwrap_or(rest.len());
            out.push_str(std::str::from_utf8(&rest[..n]).unwrap_or(""));
            if n == rest.len() {
                Stop::Done
            } else {
                Stop::Error(pos + n, pos + n + 1, "ordinal not in range(128)")
            }
        }
        Codec::Latin1 => {
            out.extend(data[pos..].iter().map(|&b| b as char));
            Stop::Done
        }
        Codec::Cp1252 => {
            for (i, &b) in data.iter().enumerate().skip(pos) {
                match cp1252_decode(b) {
                    Some(c) => out.push(c),
                    None => return Stop::Error(i, i + 1, "character maps to <undefined>"),
                }
            }
            Stop::Done
        }
        Codec::Utf16(_) => {
            let unit = |i: usize| -> u16 {
                let pair = [data[i], data[i + 1]];
                if little {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            };
            while pos + 1 < data.len() {
                let u = unit(pos);
                if !(0xD800..0xE000).contains(&u) {
                    out.push(char::from_u32(u as u32).unwrap_or('\u{FFFD}'));
                    pos += 2;
                    continue;
                }
                if u >= 0xDC00 {
                    return Stop::Error(pos, pos + 2, "illegal encoding");
                }
                if pos + 4 > data.len() {
                    return Stop::Incomplete(pos, "unexpected end of data");
                }
                let lo = unit(pos + 2);
                if !(0xDC00..0xE000).contains(&lo) {
                    return Stop::Error(pos, pos + 2, "illegal UTF-16 surrogate");
                }
                let cp = 0x10000 + (((u as u32) - 0xD800) << 10) + ((lo as u32) - 0xDC00);
                out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                pos += 4;
            }
            if pos < data.len() {
                Stop::Incomplete(pos, "truncated data")
            } else {
                Stop::Done
            }
        }
        Codec::Utf32(_) => {
            while pos + 4 <= data.len() {
                let q = [data[pos], data[pos + 1], data[pos + 2], data[pos + 3]];
                let cp = if little {
                    u32::from_le_bytes(q)
                } else {
                    u32::from_be_bytes(q)
                };
                match char::from_u32(cp) {
                    Some(c) => out.push(c),
                    None => {
                        let reason = if (0xD800..0xE000).contains(&cp) {
                            "code point in surrogate code point range(0xd800, 0xe000)"
                        } else {
                            "code point not in range(0x110000)"
                        };
                        return Stop::Error(pos, pos + 4, reason);
                    }
                }
                pos += 4;
            }
            if pos < data.len() {
                Stop::Incomplete(pos, "truncated data")
            } else {
                Stop::Done
            }
        }
    }
}

/// The codec's name in Unicode errors (CPython names the concrete byte order).
fn error_name(codec: Codec, little: bool) -> &'static str {
    match codec {
        Codec::Utf8 => "utf-8",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
        Codec::Cp1252 => "charmap",
        Codec::Utf16(_) if little => "utf-16-le",
        Codec::Utf16(_) => "utf-16-be",
        Codec::Utf32(_) if little => "utf-32-le",
        Codec::Utf32(_) => "utf-32-be",
    }
}

/// Decodes `data` with `codec`: the text and the number of bytes consumed. Unless `final_`,
/// an incomplete sequence at the end is left unconsumed. For `utf-16`/`utf-32` with
/// `Endian::Native`, `byteorder` is CPython's (0: look for a BOM, which is skipped and
/// sets it to -1 for little-endian or 1 for big-endian; -1/1: that order).
pub fn decode(
    vm: &Vm,
    codec: Codec,
    data: &[u8],
    errors: &str,
    final_: bool,
    byteorder: &mut i32,
) -> PyResult<(String, usize)> {
    let mut pos = 0;
    let native_little = cfg!(target_endian = "little");
    let little = match codec {
        Codec::Utf16(e) | Codec::Utf32(e) => match e {
            Endian::Little => true,
            Endian::Big => false,
            Endian::Native => {
                let (le_bom, be_bom): (&[u8], &[u8]) = if matches!(codec, Codec::Utf16(_)) {
                    (&[0xFF, 0xFE], &[0xFE, 0xFF])
                } else {
                    (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF])
                };
                if *byteorder == 0 && data.len() >= le_bom.len() {
                    if data.starts_with(le_bom) {
                        pos = le_bom.len();
                        *byteorder = -1;
                    } else if data.starts_with(be_bom) {
                        pos = be_bom.len();
                        *byteorder = 1;
                    }
                }
                match *byteorder {
                    0 => native_little,
                    b => b < 0,
                }
            }
        },
        _ => true,
    };
    let mut errs = DecodeErrors::new(errors, error_name(codec, little), data);
    let mut out = String::with_capacity(data.len());
    loop {
        match decode_run(codec, little, data, pos, &mut out) {
            Stop::Done => return Ok((out, data.len())),
            Stop::Incomplete(at, _) if !final_ => return Ok((out, at)),
            Stop::Incomplete(at, reason) => {
                pos = errs.fail(vm, at, data.len(), reason, &mut out)?
            }
            Stop::Error(start, end, reason) => {
                pos = errs.fail(vm, start, end, reason, &mut out)?;
            }
        }
        if pos >= data.len() {
            return Ok((out, data.len()));
        }
    }
}

/// `bytes.decode(encoding, errors)`: the VM's codecs, else the codec registry.
pub fn decode_bytes(vm: &Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    match lookup(encoding) {
        Some(codec) => Ok(decode(vm, codec, data, errors, true, &mut 0)?.0),
        None => crate::builtins::codecs_module::decode_text(vm, data, encoding, errors),
    }
}

// ---------------------------------------------------------------------------------------
// encoding

/// The byte of `c` in a single-byte codec, or `None` if it has none.
fn encode_char(codec: Codec, c: char) -> Option<u8> {
    match codec {
        Codec::Ascii => (c.is_ascii()).then_some(c as u8),
        Codec::Latin1 => ((c as u32) < 0x100).then_some(c as u32 as u8),
        Codec::Cp1252 => cp1252_encode(c),
        _ => None,
    }
}

/// Encodes `s` with `codec`. UTF-16/32 with `byteorder` 0 write a BOM and the native order;
/// -1 is little-endian, 1 big-endian (for `Endian::Native`; the other variants fix it).
pub fn encode(vm: &Vm, codec: Codec, s: &str, errors: &str, byteorder: i32) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let order = |e: Endian| -> (bool, bool) {
        match e {
            Endian::Little => (true, false),
            Endian::Big => (false, false),
            Endian::Native => match byteorder {
                0 => (cfg!(target_endian = "little"), true),
                b => (b < 0, false),
            },
        }
    };
    match codec {
        Codec::Utf8 => out.extend_from_slice(s.as_bytes()),
        Codec::Utf16(endian) => {
            let (little, bom) = order(endian);
            out.reserve(s.len());
            for u in bom.then_some(0xFEFF).into_iter().chain(s.encode_utf16()) {
                out.extend_from_slice(&if little {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                });
            }
        }
        Codec::Utf32(endian) => {
            let (little, bom) = order(endian);
            out.reserve(s.len() * 3);
            let bom = bom.then_some(0xFEFF_u32);
            for cp in bom.into_iter().chain(s.chars().map(|c| c as u32)) {
                out.extend_from_slice(&if little {
                    cp.to_le_bytes()
                } else {
                    cp.to_be_bytes()
                });
            }
        }
        Codec::Ascii | Codec::Latin1 | Codec::Cp1252 => {
            if s.is_ascii() {
                return Ok(s.as_bytes().to_vec());
            }
            let name = match codec {
                Codec::Ascii => "ascii",
                Codec::Latin1 => "latin-1",
                _ => "charmap",
            };
            let reason = match codec {
                Codec::Ascii => "ordinal not in range(128)",
                Codec::Latin1 => "ordinal not in range(256)",
                _ => "character maps to <undefined>",
            };
            let chars: Vec<char> = s.chars().collect();
            let mut errs = EncodeErrors::new(errors, name, s, &chars);
            let mut i = 0;
            while i < chars.len() {
                if let Some(b) = encode_char(codec, chars[i]) {
                    out.push(b);
                    i += 1;
                    continue;
                }
                // The failure covers the whole run of unencodable characters.
                let mut end = i + 1;
                while end < chars.len() && encode_char(codec, chars[end]).is_none() {
                    end += 1;
                }
                let (rep, next) = errs.fail(vm, i, end, reason)?;
                match rep {
                    Replacement::Bytes(b) => out.extend_from_slice(&b),
                    Replacement::Text(t) => {
                        for c in t.chars() {
                            match encode_char(codec, c) {
                                Some(b) => out.push(b),
                                None => return Err(errs.error(vm, i, end, reason)),
                            }
                        }
                    }
                }
                i = next;
            }
        }
    }
    Ok(out)
}

/// `str.encode(encoding, errors)`: the VM's codecs, else the codec registry.
pub fn encode_str(vm: &Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    match lookup(encoding) {
        Some(codec) => encode(vm, codec, s, errors, 0),
        None => crate::builtins::codecs_module::encode_text(vm, s, encoding, errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codec_names() {
        assert!(lookup("UTF8") == Some(Codec::Utf8));
        assert!(lookup("Latin-1") == Some(Codec::Latin1));
        assert!(lookup("utf-16-le") == Some(Codec::Utf16(Endian::Little)));
        assert!(lookup("windows-1252") == Some(Codec::Cp1252));
        assert!(lookup("no-such-codec").is_none());
    }

    #[test]
    fn cp1252_round_trip() {
        for b in 0..=255u8 {
            if let Some(c) = cp1252_decode(b) {
                assert_eq!(cp1252_encode(c), Some(b));
            }
        }
        // The five undefined bytes, as python3.11 reports them.
        let undefined: Vec<u8> = (0..=255u8)
            .filter(|&b| cp1252_decode(b).is_none())
            .collect();
        assert_eq!(undefined, [0x81, 0x8D, 0x8F, 0x90, 0x9D]);
        assert_eq!(cp1252_encode('\u{20ac}'), Some(0x80));
    }

    #[test]
    fn runs_stop_where_python_does() {
        let mut out = String::new();
        // A high surrogate and one more byte: the end of data, not "truncated data".
        assert!(matches!(
            decode_run(
                Codec::Utf16(Endian::Little),
                true,
                b"\x00\xd8\x00",
                0,
                &mut out
            ),
            Stop::Incomplete(0, "unexpected end of data")
        ));
        assert!(matches!(
            decode_run(Codec::Utf16(Endian::Little), true, b"a\x00b", 0, &mut out),
            Stop::Incomplete(2, "truncated data")
        ));
        assert!(matches!(
            decode_run(Codec::Utf8, true, b"ab\xe2\x82", 0, &mut out),
            Stop::Incomplete(2, "unexpected end of data")
        ));
        assert!(matches!(
            decode_run(Codec::Utf8, true, b"\xe0\x80", 0, &mut out),
            Stop::Error(0, 1, "invalid continuation byte")
        ));
    }
}
