//! The text codecs built into the VM (UTF-8, UTF-16, UTF-32, ASCII, Latin-1, cp1252) with the
//! standard error handlers, for `str.encode`, `bytes.decode`, `str(b, encoding)` and
//! `bytes(s, encoding)`.
//! Counterpart: Objects/unicodeobject.c codecs, Objects/stringlib/codecs.h and
//! Python/codecs.c error handlers (3.11).
//!
//! Lone surrogates cannot live in this VM's str, so `surrogateescape` and `surrogatepass`
//! have nothing to produce; they act as `strict`.

use crate::builtins::bytes::new_bytes;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A codec this module implements.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Cp1252,
    Utf16(Endian),
    Utf32(Endian),
}

/// Byte order of UTF-16/32; `Native` means "BOM-detected on decode, BOM written on encode".
#[derive(Clone, Copy, PartialEq, Eq)]
enum Endian {
    Native,
    Little,
    Big,
}

/// CPython's `encodings.normalize_encoding` then its alias table, for the codecs we have.
fn lookup(encoding: &str) -> Option<Codec> {
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

fn unknown_encoding(vm: &Vm, encoding: &str) -> PyErr {
    vm.new_exception_msg(
        &vm.types.exceptions.lookup_error,
        &format!("unknown encoding: {encoding}"),
    )
}

fn unknown_handler(vm: &Vm, errors: &str) -> PyErr {
    vm.new_exception_msg(
        &vm.types.exceptions.lookup_error,
        &format!("unknown error handler name '{errors}'"),
    )
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
// decoding

/// One decoding failure: the bytes `start..end` and why.
struct DecodeFail {
    start: usize,
    end: usize,
    reason: &'static str,
}

/// Decodes `data` with `codec`, calling `on_error` for each failure (it appends a
/// replacement or fails) and resuming after the failing bytes.
fn decode_with(
    codec: Codec,
    data: &[u8],
    out: &mut String,
    mut on_error: impl FnMut(&DecodeFail, &mut String) -> PyResult<()>,
) -> PyResult<()> {
    match codec {
        Codec::Utf8 => {
            let mut rest = data;
            let mut base = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(());
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                        let first = rest[good];
                        let (len, reason) = match e.error_len() {
                            None => (rest.len() - good, "unexpected end of data"),
                            Some(n) if (0x80..0xC2).contains(&first) || first >= 0xF5 => {
                                (n, "invalid start byte")
                            }
                            Some(n) => (n, "invalid continuation byte"),
                        };
                        let fail = DecodeFail {
                            start: base + good,
                            end: base + good + len,
                            reason,
                        };
                        on_error(&fail, out)?;
                        rest = &rest[good + len..];
                        base += good + len;
                    }
                }
            }
        }
        Codec::Ascii | Codec::Latin1 | Codec::Cp1252 => {
            for (i, &b) in data.iter().enumerate() {
                let c = match codec {
                    Codec::Ascii => (b < 0x80).then_some(b as char),
                    Codec::Latin1 => Some(b as char),
                    _ => cp1252_decode(b),
                };
                match c {
                    Some(c) => out.push(c),
                    None => {
                        let reason = if codec == Codec::Ascii {
                            "ordinal not in range(128)"
                        } else {
                            "character maps to <undefined>"
                        };
                        on_error(
                            &DecodeFail {
                                start: i,
                                end: i + 1,
                                reason,
                            },
                            out,
                        )?;
                    }
                }
            }
            Ok(())
        }
        Codec::Utf16(endian) => {
            let (little, mut i) = bom_order(data, endian, &[0xFF, 0xFE], &[0xFE, 0xFF]);
            let unit = |i: usize| -> u16 {
                let (a, b) = (data[i], data[i + 1]);
                if little {
                    u16::from_le_bytes([a, b])
                } else {
                    u16::from_be_bytes([a, b])
                }
            };
            while i < data.len() {
                if i + 1 >= data.len() {
                    on_error(
                        &DecodeFail {
                            start: i,
                            end: data.len(),
                            reason: "truncated data",
                        },
                        out,
                    )?;
                    break;
                }
                let u = unit(i);
                if !(0xD800..0xE000).contains(&u) {
                    out.push(char::from_u32(u as u32).unwrap_or('\u{FFFD}'));
                    i += 2;
                    continue;
                }
                if u >= 0xDC00 {
                    on_error(
                        &DecodeFail {
                            start: i,
                            end: i + 2,
                            reason: "illegal encoding",
                        },
                        out,
                    )?;
                    i += 2;
                    continue;
                }
                if i + 3 >= data.len() {
                    let reason = if i + 2 >= data.len() {
                        "unexpected end of data"
                    } else {
                        "truncated data"
                    };
                    on_error(
                        &DecodeFail {
                            start: i,
                            end: data.len(),
                            reason,
                        },
                        out,
                    )?;
                    break;
                }
                let lo = unit(i + 2);
                if !(0xDC00..0xE000).contains(&lo) {
                    on_error(
                        &DecodeFail {
                            start: i,
                            end: i + 2,
                            reason: "illegal UTF-16 surrogate",
                        },
                        out,
                    )?;
                    i += 2;
                    continue;
                }
                let cp = 0x10000 + (((u as u32) - 0xD800) << 10) + ((lo as u32) - 0xDC00);
                out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                i += 4;
            }
            Ok(())
        }
        Codec::Utf32(endian) => {
            let (little, mut i) = bom_order(data, endian, &[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF]);
            while i < data.len() {
                if i + 3 >= data.len() {
                    on_error(
                        &DecodeFail {
                            start: i,
                            end: data.len(),
                            reason: "truncated data",
                        },
                        out,
                    )?;
                    break;
                }
                let q = [data[i], data[i + 1], data[i + 2], data[i + 3]];
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
                        on_error(
                            &DecodeFail {
                                start: i,
                                end: i + 4,
                                reason,
                            },
                            out,
                        )?;
                    }
                }
                i += 4;
            }
            Ok(())
        }
    }
}

/// The byte order to decode with and where the data starts after any BOM.
fn bom_order(data: &[u8], endian: Endian, le_bom: &[u8], be_bom: &[u8]) -> (bool, usize) {
    match endian {
        Endian::Little => (true, 0),
        Endian::Big => (false, 0),
        Endian::Native => {
            if data.starts_with(le_bom) {
                (true, le_bom.len())
            } else if data.starts_with(be_bom) {
                (false, be_bom.len())
            } else {
                (cfg!(target_endian = "little"), 0)
            }
        }
    }
}

/// The codec's name in Unicode errors (CPython names the concrete byte order).
fn error_name(codec: Codec, data_bom_le: bool) -> &'static str {
    match codec {
        Codec::Utf8 => "utf-8",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
        Codec::Cp1252 => "charmap",
        Codec::Utf16(Endian::Big) => "utf-16-be",
        Codec::Utf16(Endian::Little) => "utf-16-le",
        Codec::Utf16(Endian::Native) => {
            if data_bom_le {
                "utf-16-le"
            } else {
                "utf-16-be"
            }
        }
        Codec::Utf32(Endian::Big) => "utf-32-be",
        Codec::Utf32(Endian::Little) => "utf-32-le",
        Codec::Utf32(Endian::Native) => {
            if data_bom_le {
                "utf-32-le"
            } else {
                "utf-32-be"
            }
        }
    }
}

fn unicode_decode_error(
    vm: &Vm,
    enc: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let e = vm.new_exception(
        &vm.types.exceptions.unicode_decode_error,
        vec![
            vm.new_str(enc),
            new_bytes(vm, data.to_vec()),
            Value::from(start),
            Value::from(end),
            vm.new_str(reason),
        ],
    );
    let _ = vm.set_attr_in_dict(&e, "encoding", vm.new_str(enc));
    let _ = vm.set_attr_in_dict(&e, "object", new_bytes(vm, data.to_vec()));
    let _ = vm.set_attr_in_dict(&e, "start", Value::from(start));
    let _ = vm.set_attr_in_dict(&e, "end", Value::from(end));
    let _ = vm.set_attr_in_dict(&e, "reason", vm.new_str(reason));
    e
}

/// `bytes.decode(encoding, errors)`.
pub fn decode_bytes(vm: &Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(encoding).ok_or_else(|| unknown_encoding(vm, encoding))?;
    let le = match codec {
        Codec::Utf16(_) => bom_order(data, Endian::Native, &[0xFF, 0xFE], &[0xFE, 0xFF]).0,
        Codec::Utf32(_) => {
            bom_order(
                data,
                Endian::Native,
                &[0xFF, 0xFE, 0, 0],
                &[0, 0, 0xFE, 0xFF],
            )
            .0
        }
        _ => true,
    };
    let name = error_name(codec, le);
    let mut out = String::with_capacity(data.len());
    decode_with(codec, data, &mut out, |f, out| match errors {
        "strict" | "surrogateescape" | "surrogatepass" => Err(unicode_decode_error(
            vm, name, data, f.start, f.end, f.reason,
        )),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "ignore" => Ok(()),
        "backslashreplace" => {
            for b in &data[f.start..f.end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        _ => Err(unknown_handler(vm, errors)),
    })?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// encoding

/// The bytes of `c` in a single-byte codec, or `None` if it has none.
fn encode_char(codec: Codec, c: char) -> Option<u8> {
    match codec {
        Codec::Ascii => (c.is_ascii()).then_some(c as u8),
        Codec::Latin1 => ((c as u32) < 0x100).then_some(c as u32 as u8),
        Codec::Cp1252 => cp1252_encode(c),
        _ => None,
    }
}

/// `\N{NAME}` is not available without the Unicode name database; `namereplace` falls back
/// to the `backslashreplace` escape.
fn backslash_escape(c: char, out: &mut Vec<u8>) {
    let cp = c as u32;
    let s = if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    };
    out.extend_from_slice(s.as_bytes());
}

fn unicode_encode_error(
    vm: &Vm,
    enc: &str,
    s: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let e = vm.new_exception(
        &vm.types.exceptions.unicode_encode_error,
        vec![
            vm.new_str(enc),
            vm.new_str(s),
            Value::from(start),
            Value::from(end),
            vm.new_str(reason),
        ],
    );
    let _ = vm.set_attr_in_dict(&e, "encoding", vm.new_str(enc));
    let _ = vm.set_attr_in_dict(&e, "object", vm.new_str(s));
    let _ = vm.set_attr_in_dict(&e, "start", Value::from(start));
    let _ = vm.set_attr_in_dict(&e, "end", Value::from(end));
    let _ = vm.set_attr_in_dict(&e, "reason", vm.new_str(reason));
    e
}

/// `str.encode(encoding, errors)`.
pub fn encode_str(vm: &Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding).ok_or_else(|| unknown_encoding(vm, encoding))?;
    let mut out = Vec::with_capacity(s.len());
    match codec {
        Codec::Utf8 => out.extend_from_slice(s.as_bytes()),
        Codec::Utf16(endian) => {
            let little = endian != Endian::Big
                && (endian == Endian::Little || cfg!(target_endian = "little"));
            if endian == Endian::Native {
                out.extend_from_slice(if little { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
            }
            for u in s.encode_utf16() {
                out.extend_from_slice(&if little {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                });
            }
        }
        Codec::Utf32(endian) => {
            let little = endian != Endian::Big
                && (endian == Endian::Little || cfg!(target_endian = "little"));
            if endian == Endian::Native {
                out.extend_from_slice(if little {
                    &[0xFF, 0xFE, 0, 0]
                } else {
                    &[0, 0, 0xFE, 0xFF]
                });
            }
            for c in s.chars() {
                let cp = c as u32;
                out.extend_from_slice(&if little {
                    cp.to_le_bytes()
                } else {
                    cp.to_be_bytes()
                });
            }
        }
        Codec::Ascii | Codec::Latin1 | Codec::Cp1252 => {
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
                match errors {
                    "strict" | "surrogateescape" | "surrogatepass" => {
                        return Err(unicode_encode_error(vm, name, s, i, end, reason));
                    }
                    "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
                    "ignore" => {}
                    "backslashreplace" | "namereplace" => {
                        chars[i..end]
                            .iter()
                            .for_each(|&c| backslash_escape(c, &mut out));
                    }
                    "xmlcharrefreplace" => {
                        for &c in &chars[i..end] {
                            out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                        }
                    }
                    _ => return Err(unknown_handler(vm, errors)),
                }
                i = end;
            }
        }
    }
    Ok(out)
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
}
