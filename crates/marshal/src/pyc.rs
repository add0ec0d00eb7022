//! The `.pyc` file: a 16-byte PEP 552 header followed by a marshalled code object.
//! Counterpart: Lib/importlib/_bootstrap_external.py (`_classify_pyc`, `_code_to_timestamp_pyc`,
//! `_code_to_hash_pyc`) and Python/import.c (`_imp.source_hash`), 3.11. Format: digest §5.

use std::fmt;
use std::rc::Rc;

use crate::code::CodeObject;
use crate::marshal::{self, MarshalError};
use crate::value::Value;

/// CPython 3.11's bytecode magic number.
pub const MAGIC_NUMBER: u16 = 3495;
/// The four magic bytes that start every 3.11 pyc (`importlib.util.MAGIC_NUMBER`).
pub const MAGIC: [u8; 4] = [0xa7, 0x0d, 0x0d, 0x0a];
/// The magic as a little-endian u32 (`_RAW_MAGIC_NUMBER`), the source-hash key.
pub const RAW_MAGIC: u32 = 0x0A0D0DA7;
/// Header length in bytes.
pub const HEADER_LEN: usize = 16;

/// Flag bits of the header's second word.
pub const FLAG_HASH_BASED: u32 = 0b01;
pub const FLAG_CHECK_SOURCE: u32 = 0b10;

/// How a pyc says it is to be validated against its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalidation {
    /// Source mtime (truncated to 32 bits) and size.
    Timestamp { mtime: u32, source_size: u32 },
    /// SipHash-1-3 of the source; `check_source` says whether import re-hashes it.
    Hash { hash: [u8; 8], check_source: bool },
}

/// A parsed pyc header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PycHeader {
    pub magic: [u8; 4],
    pub flags: u32,
    pub invalidation: Invalidation,
}

/// Why a pyc could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PycError {
    /// Fewer than 16 bytes (`EOFError` in importlib).
    ShortHeader(usize),
    /// Not 3.11's magic; carries the magic number found (`ImportError: bad magic number`).
    BadMagic([u8; 4]),
    /// Flag bits other than the two defined (`ImportError: invalid flags`).
    BadFlags(u32),
    /// The body does not unmarshal.
    Marshal(MarshalError),
    /// The body unmarshals to something other than a code object.
    NotCode(&'static str),
}

impl fmt::Display for PycError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PycError::ShortHeader(n) => {
                write!(f, "bad pyc: header is {n} bytes, expected {HEADER_LEN}")
            }
            PycError::BadMagic(m) => {
                let number = u16::from_le_bytes([m[0], m[1]]);
                write!(f, "bad magic number {m:02x?}: magic {number}")?;
                if let Some(v) = python_version_for_magic(number) {
                    write!(f, " belongs to Python {v}")?;
                }
                write!(f, ", expected {MAGIC_NUMBER} (Python 3.11)")
            }
            PycError::BadFlags(flags) => write!(f, "invalid flags {flags:#x} in pyc header"),
            PycError::Marshal(e) => write!(f, "bad pyc body: {e}"),
            PycError::NotCode(ty) => write!(f, "non-code object in pyc ({ty})"),
        }
    }
}

impl std::error::Error for PycError {}

/// The Python release a magic number belongs to (the ranges of Lib/importlib/_bootstrap_external.py).
pub fn python_version_for_magic(magic: u16) -> Option<&'static str> {
    Some(match magic {
        20121 => "1.5",
        50428 => "1.6",
        60202 => "2.1",
        60717 => "2.2",
        62011..=62021 => "2.3",
        62041..=62061 => "2.4",
        62071..=62131 => "2.5",
        62151..=62161 => "2.6",
        62171..=62211 => "2.7",
        3000..=3131 => "3.0",
        3141..=3151 => "3.1",
        3160..=3180 => "3.2",
        3190..=3230 => "3.3",
        3250..=3310 => "3.4",
        3320..=3351 => "3.5",
        3360..=3379 => "3.6",
        3390..=3394 => "3.7",
        3400..=3413 => "3.8",
        3420..=3425 => "3.9",
        3430..=3439 => "3.10",
        3450..=3495 => "3.11",
        3500..=3531 => "3.12",
        3550..=3599 => "3.13",
        3600..=3699 => "3.14",
        _ => return None,
    })
}

impl PycHeader {
    /// A timestamp header; mtime and size are truncated to 32 bits as CPython does.
    pub fn timestamp(mtime: u64, source_size: u64) -> PycHeader {
        PycHeader {
            magic: MAGIC,
            flags: 0,
            invalidation: Invalidation::Timestamp {
                mtime: mtime as u32,
                source_size: source_size as u32,
            },
        }
    }

    /// A hash-based header for `source`.
    pub fn hash_based(source: &[u8], check_source: bool) -> PycHeader {
        PycHeader {
            magic: MAGIC,
            flags: FLAG_HASH_BASED | if check_source { FLAG_CHECK_SOURCE } else { 0 },
            invalidation: Invalidation::Hash {
                hash: source_hash(source),
                check_source,
            },
        }
    }

    /// Parses the first 16 bytes (`_classify_pyc`): magic, then flags.
    pub fn parse(data: &[u8]) -> Result<PycHeader, PycError> {
        if data.len() >= 4 && data[..4] != MAGIC {
            return Err(PycError::BadMagic(data[..4].try_into().expect("4 bytes")));
        }
        if data.len() < HEADER_LEN {
            return Err(PycError::ShortHeader(data.len()));
        }
        let word = |i: usize| u32::from_le_bytes(data[i..i + 4].try_into().expect("4 bytes"));
        let flags = word(4);
        if flags & !(FLAG_HASH_BASED | FLAG_CHECK_SOURCE) != 0 {
            return Err(PycError::BadFlags(flags));
        }
        let invalidation = if flags & FLAG_HASH_BASED != 0 {
            Invalidation::Hash {
                hash: data[8..16].try_into().expect("8 bytes"),
                check_source: flags & FLAG_CHECK_SOURCE != 0,
            }
        } else {
            Invalidation::Timestamp {
                mtime: word(8),
                source_size: word(12),
            }
        };
        Ok(PycHeader {
            magic: MAGIC,
            flags,
            invalidation,
        })
    }

    pub fn to_bytes(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        out[..4].copy_from_slice(&self.magic);
        out[4..8].copy_from_slice(&self.flags.to_le_bytes());
        match self.invalidation {
            Invalidation::Timestamp { mtime, source_size } => {
                out[8..12].copy_from_slice(&mtime.to_le_bytes());
                out[12..16].copy_from_slice(&source_size.to_le_bytes());
            }
            Invalidation::Hash { hash, .. } => out[8..16].copy_from_slice(&hash),
        }
        out
    }
}

/// `importlib.util.source_hash(source)`: SipHash-1-3 keyed with the magic, little-endian.
pub fn source_hash(source: &[u8]) -> [u8; 8] {
    crate::siphash::siphash13(RAW_MAGIC as u64, 0, source).to_le_bytes()
}

/// A loaded pyc.
#[derive(Clone, Debug)]
pub struct Pyc {
    pub header: PycHeader,
    pub code: Rc<CodeObject>,
}

/// Parses a whole pyc file.
pub fn read_pyc(data: &[u8]) -> Result<Pyc, PycError> {
    let header = PycHeader::parse(data)?;
    let body = &data[HEADER_LEN..];
    match marshal::loads(body) {
        Ok(Value::Code(code)) => Ok(Pyc { header, code }),
        Ok(other) => Err(PycError::NotCode(other.type_name())),
        Err(mut e) => {
            e.offset += HEADER_LEN;
            Err(PycError::Marshal(e))
        }
    }
}

/// Serializes a pyc file: header then `marshal.dumps(code)`.
pub fn write_pyc(header: &PycHeader, code: &Rc<CodeObject>) -> Vec<u8> {
    let mut out = header.to_bytes().to_vec();
    let body = marshal::dumps(&Value::Code(code.clone()), marshal::VERSION)
        .expect("code objects built by the loader or compiler nest within the marshal limit");
    out.extend_from_slice(&body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_headers() {
        let ts = [
            0xa7, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0x99, 0x80, 0x04, 0x6b, 7, 0, 0, 0,
        ];
        let h = PycHeader::parse(&ts).unwrap();
        assert_eq!(h.to_bytes(), ts);
        assert_eq!(
            h.invalidation,
            Invalidation::Timestamp {
                mtime: 0x6b048099,
                source_size: 7
            }
        );
        let checked = PycHeader::hash_based(b"X = 1\n", true).to_bytes();
        // importlib.util.source_hash(b"X = 1\n") under python3.11.
        assert_eq!(
            checked[4..],
            [3, 0, 0, 0, 0xe0, 0x8c, 0xa2, 0x2c, 0xd2, 0x8f, 0xd4, 0xab]
        );
        let unchecked = PycHeader::hash_based(b"X = 1\n", false).to_bytes();
        assert_eq!(unchecked[4..8], [1, 0, 0, 0]);
    }

    #[test]
    fn bad_headers() {
        assert_eq!(PycHeader::parse(&MAGIC[..3]), Err(PycError::ShortHeader(3)));
        assert_eq!(
            PycHeader::parse(&[0x6f, 0x0d, 0x0d, 0x0a, 0, 0]),
            Err(PycError::BadMagic([0x6f, 0x0d, 0x0d, 0x0a]))
        );
        let mut bad = [0u8; 16];
        bad[..4].copy_from_slice(&MAGIC);
        bad[4] = 4;
        assert_eq!(PycHeader::parse(&bad), Err(PycError::BadFlags(4)));
        let msg = PycError::BadMagic([0xcb, 0x0d, 0x0d, 0x0a]).to_string();
        assert!(msg.contains("3531") && msg.contains("3.12"), "{msg}");
    }
}
