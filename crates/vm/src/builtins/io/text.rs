//! `_io.TextIOWrapper` (text over a buffered binary stream: incremental decoding and
//! encoding, universal newlines, opaque `tell()` cookies) and
//! `_io.IncrementalNewlineDecoder`.
//! Counterpart: Modules/_io/textio.c (3.11).
//!
//! The codecs are the VM's own (UTF-8, Latin-1, ASCII, cp1252, UTF-16, UTF-32), made
//! incremental here by holding back incomplete sequences. A `tell()` cookie is the byte
//! position of a point where a fresh decoder can start, plus (bits 192 and up, as CPython
//! packs `chars_to_skip`) the characters to skip after decoding from there.

use std::cell::{Cell, RefCell};

use super::{closed_error, cls_arg, size_arg, state, unsupported};
use crate::builtins::codecs::{decode_bytes, encode_str};
use crate::builtins::function::{MethodKind, NativeFn, check_count, parse_args};
use crate::object::{NativeData, Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The name the locale encoding goes by (UTF-8 is assumed).
const LOCALE_ENCODING: &str = "UTF-8";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Utf8,
    Single,
    Utf16,
    Utf32,
}

/// Family of an encoding, whether it detects/writes a BOM (`utf-16`, `utf-32`,
/// `utf-8-sig`), and its byte order.
fn family(encoding: &str) -> (Family, bool, bool) {
    let norm: String = encoding
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let little = cfg!(target_endian = "little");
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => {
            (Family::Utf8, false, true)
        }
        "utf_8_sig" | "utf8_sig" => (Family::Utf8, true, true),
        "utf_16" | "utf16" | "u16" => (Family::Utf16, true, little),
        "utf_16_le" | "utf_16le" => (Family::Utf16, false, true),
        "utf_16_be" | "utf_16be" => (Family::Utf16, false, false),
        "utf_32" | "utf32" | "u32" => (Family::Utf32, true, little),
        "utf_32_le" | "utf_32le" => (Family::Utf32, false, true),
        "utf_32_be" | "utf_32be" => (Family::Utf32, false, false),
        _ => (Family::Single, false, true),
    }
}

fn fixed_codec(f: Family, little: bool) -> &'static str {
    match (f, little) {
        (Family::Utf8, _) | (Family::Single, _) => "utf-8",
        (Family::Utf16, true) => "utf-16-le",
        (Family::Utf16, false) => "utf-16-be",
        (Family::Utf32, true) => "utf-32-le",
        _ => "utf-32-be",
    }
}

/// An incremental decoder over the VM's codecs.
#[derive(Clone)]
struct Decoder {
    encoding: String,
    errors: String,
    family: Family,
    /// A BOM is still to be looked for (`utf-16`/`utf-32` at the start of the stream).
    bom_pending: bool,
    little: bool,
    /// The byte order was fixed by a BOM or by position (decode with `fixed_codec`).
    fixed: bool,
    pending: Vec<u8>,
}

impl Decoder {
    fn new(encoding: &str, errors: &str) -> Decoder {
        let (family, bom, little) = family(encoding);
        Decoder {
            encoding: encoding.to_string(),
            errors: errors.to_string(),
            family,
            bom_pending: bom,
            little,
            fixed: false,
            pending: Vec::new(),
        }
    }

    /// Back to the start-of-stream state (`at_start`) or to a mid-stream one.
    fn reset(&mut self, at_start: bool) {
        self.pending.clear();
        let (_, bom, little) = family(&self.encoding);
        if bom {
            self.bom_pending = at_start;
            self.fixed = !at_start;
            if at_start {
                self.little = little;
            }
        }
    }

    fn codec(&self) -> &str {
        if self.fixed || self.family == Family::Utf8 {
            fixed_codec(self.family, self.little)
        } else {
            &self.encoding
        }
    }

    fn width(&self) -> usize {
        match self.family {
            Family::Utf16 => 2,
            Family::Utf32 => 4,
            _ => 1,
        }
    }

    /// How much of `data` is whole characters.
    fn complete_len(&self, data: &[u8]) -> usize {
        let len = data.len();
        match self.family {
            Family::Single => len,
            Family::Utf8 => {
                for k in 1..=len.min(3) {
                    let b = data[len - k];
                    if b & 0xC0 == 0x80 {
                        continue;
                    }
                    let need = if b >= 0xF0 {
                        4
                    } else if b >= 0xE0 {
                        3
                    } else if b >= 0xC0 {
                        2
                    } else {
                        1
                    };
                    return if need > k { len - k } else { len };
                }
                len
            }
            Family::Utf16 => {
                let mut n = len & !1;
                if n >= 2 {
                    let u = if self.little {
                        u16::from_le_bytes([data[n - 2], data[n - 1]])
                    } else {
                        u16::from_be_bytes([data[n - 2], data[n - 1]])
                    };
                    if (0xD800..0xDC00).contains(&u) {
                        n -= 2;
                    }
                }
                n
            }
            Family::Utf32 => len & !3,
        }
    }

    fn decode(&mut self, vm: &Vm, input: &[u8], final_: bool) -> PyResult<String> {
        let mut buf = std::mem::take(&mut self.pending);
        buf.extend_from_slice(input);
        let mut start = 0;
        if self.bom_pending && self.family == Family::Utf8 {
            const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
            if buf.len() < 3 && BOM.starts_with(&buf) {
                // Maybe a BOM: wait for more (at the end, a lone start of one decodes to
                // nothing, as CPython's utf-8-sig decoder has it).
                if !final_ {
                    self.pending = buf;
                }
                return Ok(String::new());
            }
            if buf.starts_with(BOM) {
                start = 3;
            }
            self.bom_pending = false;
        } else if self.bom_pending {
            let w = self.width();
            if buf.len() < w && !final_ {
                self.pending = buf;
                return Ok(String::new());
            }
            let (le_bom, be_bom): (&[u8], &[u8]) = if w == 2 {
                (&[0xFF, 0xFE], &[0xFE, 0xFF])
            } else {
                (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF])
            };
            if buf.starts_with(le_bom) {
                self.little = true;
                start = w;
            } else if buf.starts_with(be_bom) {
                self.little = false;
                start = w;
            }
            self.bom_pending = false;
            self.fixed = true;
        }
        let data = &buf[start..];
        let n = if final_ {
            data.len()
        } else {
            self.complete_len(data)
        };
        let s = if n == 0 {
            String::new()
        } else {
            decode_bytes(vm, &data[..n], self.codec(), &self.errors)?
        };
        self.pending = data[n..].to_vec();
        Ok(s)
    }

    /// The flags part of the codec decoder's `getstate()`: for BOM-detecting UTF-16/32,
    /// 2 while the BOM is still to come, 0 for native byte order, 1 for the other one.
    fn flags(&self) -> i64 {
        if !family(&self.encoding).1 {
            0
        } else if self.family == Family::Utf8 {
            // utf-8-sig: 1 until the start of the stream has been seen.
            self.bom_pending as i64
        } else if self.bom_pending {
            2
        } else if self.little == cfg!(target_endian = "little") {
            0
        } else {
            1
        }
    }

    /// `setstate((b'', flags))`.
    fn set_flags(&mut self, flags: i64) {
        self.pending.clear();
        if !family(&self.encoding).1 {
            return;
        }
        if self.family == Family::Utf8 {
            self.bom_pending = flags == 1;
            return;
        }
        let native = cfg!(target_endian = "little");
        self.bom_pending = flags == 2;
        self.fixed = flags != 2;
        self.little = if flags == 1 { !native } else { native };
    }
}

/// The decoder chain of a wrapper: the codec's decoder, then (universal newlines) the
/// newline decoder, with CPython's combined state flags.
struct Chain<'a> {
    dec: &'a mut Decoder,
    nl: &'a mut NlState,
    universal: bool,
    translate: bool,
}

impl Chain<'_> {
    fn decode(&mut self, vm: &Vm, input: &[u8], final_: bool) -> PyResult<String> {
        let text = self.dec.decode(vm, input, final_)?;
        Ok(if self.universal {
            self.nl.process(text, final_, self.translate)
        } else {
            text
        })
    }

    /// (bytes buffered, flags) of `getstate()`.
    fn state(&self) -> (usize, i64) {
        let f = self.dec.flags();
        let flags = if self.universal {
            (f << 1) | self.nl.pendingcr as i64
        } else {
            f
        };
        (self.dec.pending.len(), flags)
    }

    /// `setstate((b'', flags))`.
    fn set_state(&mut self, flags: i64) {
        if self.universal {
            self.nl.pendingcr = flags & 1 != 0;
            self.dec.set_flags(flags >> 1);
        } else {
            self.dec.set_flags(flags);
        }
    }
}

/// An incremental encoder over the VM's codecs.
#[derive(Clone)]
struct Encoder {
    encoding: String,
    errors: String,
    /// `utf-16`/`utf-32`: the BOM is still to be written.
    bom_pending: bool,
    family: Family,
    little: bool,
}

impl Encoder {
    fn new(encoding: &str, errors: &str) -> Encoder {
        let (family, bom, little) = family(encoding);
        Encoder {
            encoding: encoding.to_string(),
            errors: errors.to_string(),
            bom_pending: bom,
            family,
            little,
        }
    }

    fn has_bom(&self) -> bool {
        family(&self.encoding).1
    }

    fn encode(&mut self, vm: &Vm, s: &str) -> PyResult<Vec<u8>> {
        if self.family == Family::Utf8 {
            let mut out = Vec::with_capacity(s.len() + 3);
            if self.bom_pending && !s.is_empty() {
                out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
                self.bom_pending = false;
            }
            out.extend_from_slice(s.as_bytes());
            return Ok(out);
        }
        if self.has_bom() && !self.bom_pending {
            return encode_str(vm, s, fixed_codec(self.family, self.little), &self.errors);
        }
        let out = encode_str(vm, s, &self.encoding, &self.errors)?;
        if !s.is_empty() {
            self.bom_pending = false;
        }
        Ok(out)
    }
}

const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// The state of universal-newline decoding (CPython's IncrementalNewlineDecoder).
#[derive(Clone, Copy, Default)]
struct NlState {
    pendingcr: bool,
    seennl: u8,
}

impl NlState {
    fn process(&mut self, mut output: String, final_: bool, translate: bool) -> String {
        if self.pendingcr && (!output.is_empty() || final_) {
            output.insert(0, '\r');
            self.pendingcr = false;
        }
        if !final_ && output.ends_with('\r') {
            output.pop();
            self.pendingcr = true;
        }
        let crlf = output.matches("\r\n").count();
        let cr = output.matches('\r').count() - crlf;
        let lf = output.matches('\n').count() - crlf;
        if crlf > 0 {
            self.seennl |= SEEN_CRLF;
        }
        if cr > 0 {
            self.seennl |= SEEN_CR;
        }
        if lf > 0 {
            self.seennl |= SEEN_LF;
        }
        if translate && (crlf > 0 || cr > 0) {
            if crlf > 0 {
                output = output.replace("\r\n", "\n");
            }
            if cr > 0 {
                output = output.replace('\r', "\n");
            }
        }
        output
    }

    fn newlines(&self, vm: &Vm) -> Value {
        let mut kinds: Vec<&str> = Vec::new();
        if self.seennl & SEEN_CR != 0 {
            kinds.push("\r");
        }
        if self.seennl & SEEN_LF != 0 {
            kinds.push("\n");
        }
        if self.seennl & SEEN_CRLF != 0 {
            kinds.push("\r\n");
        }
        match kinds.len() {
            0 => Value::None,
            1 => vm.new_str(kinds[0]),
            _ => vm.new_tuple(kinds.iter().map(|k| vm.new_str(k)).collect()),
        }
    }
}

/// The decoder flags before the last chunk was read, and the bytes fed to the decoder since
/// (what it held back, then the chunk).
struct Snapshot {
    flags: i64,
    input: Vec<u8>,
}

struct TextState {
    encoding: String,
    errors: String,
    decoder: Option<Decoder>,
    encoder: Option<Encoder>,
    readuniversal: bool,
    readtranslate: bool,
    /// `newline` when it names one line ending ('\n', '\r', '\r\n').
    readnl: Option<String>,
    writetranslate: bool,
    /// The line ending `\n` is written as, when it is not `\n`.
    writenl: Option<String>,
    line_buffering: bool,
    write_through: bool,
    nl: NlState,
    decoded: String,
    /// Byte offset of the first unread character of `decoded`.
    decoded_pos: usize,
    snapshot: Option<Snapshot>,
    seekable: bool,
    telling: bool,
    has_read1: bool,
    chunk_size: usize,
    /// Bytes per character of the last chunk (sizes the next read and starts tell()'s search).
    b2cratio: f64,
    /// Encoded text not yet passed to the buffer (CPython's `pending_bytes`).
    pending: Vec<u8>,
}

pub struct TextIO {
    buffer: RefCell<Value>,
    detached: Cell<bool>,
    st: RefCell<Option<TextState>>,
}

impl NativeData for TextIO {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(b) = self.buffer.try_borrow() {
            visit(&b);
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.buffer.borrow_mut());
        drop(old);
    }
}

impl Drop for TextIO {
    fn drop(&mut self) {
        // Normally `__del__` has flushed; this covers objects that never got there.
        if let Some(st) = self.st.get_mut()
            && !st.pending.is_empty()
        {
            super::buffered::salvage(self.buffer.get_mut(), &st.pending);
        }
    }
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a TextIO> {
    state::<TextIO>(vm, v, "TextIOWrapper")
}

impl TextIO {
    /// The buffer, checking the wrapper is initialized and attached.
    fn buffer(&self, vm: &Vm) -> PyResult<Value> {
        let b = self.buffer.borrow().clone();
        if b.is_null() {
            return Err(vm.value_error(if self.detached.get() {
                "underlying buffer has been detached"
            } else {
                "I/O operation on uninitialized object"
            }));
        }
        Ok(b)
    }

    fn with<R>(&self, f: impl FnOnce(&mut TextState) -> R) -> R {
        let mut st = self.st.borrow_mut();
        f(st.as_mut().expect("initialized wrapper"))
    }
}

/// Checks `newline` (`None` is checked by the caller).
pub fn check_newline(vm: &Vm, nl: &str) -> PyResult<()> {
    if matches!(nl, "" | "\n" | "\r" | "\r\n") {
        return Ok(());
    }
    Err(vm.value_error(format!("illegal newline value: {nl}")))
}

/// Checks that the VM has a codec for `encoding` (LookupError otherwise).
pub fn check_encoding(vm: &Vm, encoding: &str) -> PyResult<()> {
    if encoding == "locale" || family(encoding).0 != Family::Single || native_single(encoding) {
        return Ok(());
    }
    // Another codec: it must exist and be a text encoding (`codecs.lookup`).
    let codecs =
        match crate::import::import_module_level(vm, "codecs", &Value::None, &Value::None, 0) {
            Ok(c) => c,
            Err(_) => return encode_str(vm, "", encoding, "strict").map(|_| ()),
        };
    let info = vm.call_method(&codecs, "lookup", &[vm.new_str(encoding)])?;
    if let Some(text) = vm.getattr_opt(&info, "_is_text_encoding")?
        && !vm.truthy(&text)?
    {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.lookup_error,
            &format!(
                "{} is not a text encoding; use codecs.open() to handle arbitrary codecs",
                vm.repr(&vm.new_str(encoding))?
            ),
        ));
    }
    Ok(())
}

/// Whether `encoding` names one of the VM's own single-byte codecs (Latin-1, ASCII,
/// cp1252), by CPython's normalization and aliases.
fn native_single(encoding: &str) -> bool {
    let norm: String = encoding
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    matches!(
        norm.as_str(),
        "latin_1"
            | "latin1"
            | "latin"
            | "l1"
            | "iso_8859_1"
            | "iso8859_1"
            | "8859"
            | "cp819"
            | "iso_ir_100"
            | "iso_8859_1:1987"
            | "ibm819"
            | "ascii"
            | "us_ascii"
            | "646"
            | "ansi_x3.4_1968"
            | "us"
            | "iso646_us"
            | "cp367"
            | "cp1252"
            | "windows_1252"
    )
}

fn buffer_closed(vm: &Vm, buffer: &Value) -> PyResult<bool> {
    if let Some(c) = super::buffered::native_closed(buffer) {
        return Ok(c);
    }
    super::attr_closed(vm, buffer)
}

/// The attached buffer, checked open.
fn open_buffer(vm: &Vm, t: &TextIO) -> PyResult<Value> {
    let b = t.buffer(vm)?;
    if buffer_closed(vm, &b)? {
        return Err(closed_error(vm));
    }
    Ok(b)
}

fn textio_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, args, "TextIOWrapper")?;
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(TextIO {
            buffer: RefCell::new(Value::Null),
            detached: Cell::new(false),
            st: RefCell::new(None),
        })),
    )))
}

fn opt_str(vm: &Vm, v: Option<&Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match crate::str::as_str(v) {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(vm.type_error(format!(
                "TextIOWrapper() argument '{what}' must be str or None, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

/// The newline settings of `newline`.
fn set_newline(st: &mut TextState, newline: Option<&str>) {
    st.readuniversal = matches!(newline, None | Some(""));
    st.readtranslate = newline.is_none();
    st.readnl = match newline {
        Some(n) if !n.is_empty() => Some(n.to_string()),
        _ => None,
    };
    st.writetranslate = newline != Some("");
    st.writenl = match newline {
        Some("\r") | Some("\r\n") => newline.map(|s| s.to_string()),
        _ => None,
    };
}

fn textio_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let t = this(vm, &args[0])?;
    let p = parse_args(
        vm,
        "TextIOWrapper",
        &args[1..],
        kwnames,
        &[
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        0,
        6,
        1,
    )?;
    let buffer = p.get(0).cloned().unwrap_or(Value::None);
    let encoding = match opt_str(vm, p.get(1), "encoding")? {
        None => LOCALE_ENCODING.to_string(),
        Some(e) if e == "locale" => LOCALE_ENCODING.to_string(),
        Some(e) => e,
    };
    if encoding.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let errors = opt_str(vm, p.get(2), "errors")?.unwrap_or_else(|| "strict".to_string());
    let newline = opt_str(vm, p.get(3), "newline")?;
    if let Some(nl) = &newline {
        check_newline(vm, nl)?;
    }
    let line_buffering = match p.get(4) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let write_through = match p.get(5) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    check_encoding(vm, &encoding)?;
    // Drop any previous state first (re-initialization).
    let old = t.st.borrow_mut().take();
    drop(old);
    let old = super::replace_value(&t.buffer, Value::Null);
    drop(old);
    let readable = super::call_bool(vm, &buffer, "readable")?;
    let writable = super::call_bool(vm, &buffer, "writable")?;
    let seekable = super::call_bool(vm, &buffer, "seekable")?;
    let has_read1 = vm.getattr_opt(&buffer, "read1")?.is_some();
    let mut encoder = if writable {
        Some(Encoder::new(&encoding, &errors))
    } else {
        None
    };
    if let Some(enc) = &mut encoder
        && enc.has_bom()
        && seekable
    {
        let pos = vm.call_method(&buffer, "tell", &[])?;
        if vm.index_i64(&pos)? != 0 {
            enc.bom_pending = false;
        }
    }
    let mut st = TextState {
        encoding: encoding.clone(),
        errors: errors.clone(),
        decoder: if readable {
            Some(Decoder::new(&encoding, &errors))
        } else {
            None
        },
        encoder,
        readuniversal: false,
        readtranslate: false,
        readnl: None,
        writetranslate: false,
        writenl: None,
        line_buffering,
        write_through,
        nl: NlState::default(),
        decoded: String::new(),
        decoded_pos: 0,
        snapshot: None,
        seekable,
        telling: seekable,
        has_read1,
        chunk_size: 8192,
        b2cratio: 0.0,
        pending: Vec::new(),
    };
    set_newline(&mut st, newline.as_deref());
    *t.st.borrow_mut() = Some(st);
    if writable {
        super::register_writer(&args[0]);
    }
    let old = super::replace_value(&t.buffer, buffer);
    drop(old);
    t.detached.set(false);
    Ok(Value::None)
}

/// The wrapper's state, checking it is initialized and attached.
fn ready<'a>(vm: &Vm, v: &'a Value) -> PyResult<(&'a TextIO, Value)> {
    let t = this(vm, v)?;
    let b = t.buffer(vm)?;
    Ok((t, b))
}

// ---- reading ----

/// Reads and decodes the next chunk into `decoded` (at least `size_hint` characters' worth
/// of bytes if that is more than the chunk size); false at end of file.
fn read_chunk(vm: &Vm, t: &TextIO, buffer: &Value, size_hint: usize) -> PyResult<bool> {
    let (chunk, has_read1, telling, ratio) =
        t.with(|s| (s.chunk_size, s.has_read1, s.telling, s.b2cratio));
    let mut size = chunk;
    if size_hint > 0 {
        size = size.max((ratio.max(1.0) * size_hint as f64) as usize);
    }
    let input = vm.call_method(
        buffer,
        if has_read1 { "read1" } else { "read" },
        &[Value::from(size)],
    )?;
    let Some(input) = crate::builtins::bytes::buffer_bytes(&input) else {
        return Err(vm.type_error(format!(
            "underlying {}() should have returned a bytes-like object, not '{}'",
            if has_read1 { "read1" } else { "read" },
            vm.type_name(&input)
        )));
    };
    let eof = input.is_empty();
    let (dec, mut nl, universal, translate) =
        t.with(|s| (s.decoder.clone(), s.nl, s.readuniversal, s.readtranslate));
    let Some(mut dec) = dec else {
        return Err(unsupported(vm, "not readable"));
    };
    let mut chain = Chain {
        dec: &mut dec,
        nl: &mut nl,
        universal,
        translate,
    };
    let (_, flags) = chain.state();
    let mut next_input = chain.dec.pending.clone();
    let text = chain.decode(vm, &input, eof)?;
    let nchars = text.chars().count();
    t.with(|s| {
        s.decoder = Some(dec);
        s.nl = nl;
        s.decoded = text;
        s.decoded_pos = 0;
        s.b2cratio = if nchars > 0 {
            input.len() as f64 / nchars as f64
        } else {
            0.0
        };
        s.snapshot = if telling {
            next_input.extend_from_slice(&input);
            Some(Snapshot {
                flags,
                input: next_input,
            })
        } else {
            None
        };
    });
    Ok(!eof || nchars > 0)
}

/// Takes up to `n` characters of the decoded buffer.
fn take_decoded(s: &mut TextState, n: usize, out: &mut String) -> usize {
    let rest = &s.decoded[s.decoded_pos..];
    let (bytes, count) = match rest.char_indices().nth(n) {
        Some((i, _)) => (i, n),
        None => (rest.len(), rest.chars().count()),
    };
    out.push_str(&rest[..bytes]);
    s.decoded_pos += bytes;
    count
}

fn check_readable(vm: &Vm, t: &TextIO) -> PyResult<()> {
    if t.with(|s| s.decoder.is_none()) {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn read_text(vm: &Vm, t: &TextIO, buffer: &Value, n: i64) -> PyResult<String> {
    check_readable(vm, t)?;
    write_flush(vm, t, buffer)?;
    let mut out = String::new();
    if n < 0 {
        let all = vm.call_method(buffer, "read", &[])?;
        let Some(input) = crate::builtins::bytes::buffer_bytes(&all) else {
            return Err(vm.type_error(format!(
                "underlying read() should have returned a bytes object, not '{}'",
                vm.type_name(&all)
            )));
        };
        let mut dec = t.with(|s| s.decoder.clone()).expect("decoder");
        let text = dec.decode(vm, &input, true)?;
        t.with(|s| {
            out.push_str(&s.decoded[s.decoded_pos..]);
            let text = if s.readuniversal {
                s.nl.process(text, true, s.readtranslate)
            } else {
                text
            };
            out.push_str(&text);
            s.decoder = Some(dec);
            s.decoded.clear();
            s.decoded_pos = 0;
            s.snapshot = None;
        });
        return Ok(out);
    }
    let n = n as usize;
    let mut got = t.with(|s| take_decoded(s, n, &mut out));
    while got < n {
        let more = read_chunk(vm, t, buffer, n - got)?;
        got += t.with(|s| take_decoded(s, n - got, &mut out));
        if !more {
            break;
        }
    }
    Ok(out)
}

/// Where the first line ending in `s` ends (the index after it), for the wrapper's settings.
fn find_line_end(
    s: &str,
    universal: bool,
    translated: bool,
    readnl: Option<&str>,
) -> Option<usize> {
    if translated {
        return s.find('\n').map(|i| i + 1);
    }
    if universal {
        let i = s.find(['\r', '\n'])?;
        if s.as_bytes()[i] == b'\r' && s.as_bytes().get(i + 1) == Some(&b'\n') {
            return Some(i + 2);
        }
        return Some(i + 1);
    }
    let nl = readnl.unwrap_or("\n");
    s.find(nl).map(|i| i + nl.len())
}

fn readline_text(vm: &Vm, t: &TextIO, buffer: &Value, limit: i64) -> PyResult<String> {
    check_readable(vm, t)?;
    write_flush(vm, t, buffer)?;
    let mut line = String::new();
    let mut count = 0usize;
    loop {
        let done = t.with(|s| {
            let rest = &s.decoded[s.decoded_pos..];
            let translated = s.readtranslate;
            // A "\r\n" ending split between chunks (only without the newline decoder).
            if s.readnl.as_deref() == Some("\r\n") && line.ends_with('\r') && rest.starts_with('\n')
            {
                line.push('\n');
                s.decoded_pos += 1;
                return true;
            }
            let end = find_line_end(rest, s.readuniversal, translated, s.readnl.as_deref());
            let mut take = end.unwrap_or(rest.len());
            let mut found = end.is_some();
            if limit >= 0 {
                let room = limit as usize - count;
                if let Some((i, _)) = rest[..take].char_indices().nth(room) {
                    take = i;
                    found = true;
                }
            }
            let piece = &rest[..take];
            count += piece.chars().count();
            line.push_str(piece);
            s.decoded_pos += take;
            found || (limit >= 0 && count >= limit as usize)
        });
        if done {
            break;
        }
        if !read_chunk(vm, t, buffer, 0)? {
            // End of file: whatever the last chunk decoded is taken on the next turn.
            let rest_empty = t.with(|s| s.decoded_pos >= s.decoded.len());
            if rest_empty {
                break;
            }
        }
    }
    Ok(line)
}

fn textio_read(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "read", &args[1..], kw, 0, 1)?;
    let (t, buffer) = ready(vm, &args[0])?;
    let n = size_arg(vm, args.get(1))?;
    if buffer_closed(vm, &buffer)? {
        return Err(closed_error(vm));
    }
    Ok(vm.new_string(read_text(vm, t, &buffer, n)?))
}

fn textio_readline(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "readline", &args[1..], kw, 0, 1)?;
    let (t, buffer) = ready(vm, &args[0])?;
    if matches!(args.get(1), Some(Value::Float(_))) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let limit = size_arg(vm, args.get(1))?;
    if buffer_closed(vm, &buffer)? {
        return Err(closed_error(vm));
    }
    Ok(vm.new_string(readline_text(vm, t, &buffer, limit)?))
}

fn textio_next(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, buffer) = ready(vm, &args[0])?;
    t.with(|s| s.telling = false);
    let line = if super::is_exact_native(&args[0]) {
        if buffer_closed(vm, &buffer)? {
            return Err(closed_error(vm));
        }
        vm.new_string(readline_text(vm, t, &buffer, -1)?)
    } else {
        vm.call_method(&args[0], "readline", &[])?
    };
    if vm.len(&line)? == 0 {
        t.with(|s| {
            s.snapshot = None;
            s.telling = s.seekable;
        });
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(line)
}

// ---- writing ----

fn textio_write(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "write", &args[1..], kw, 1, 1)?;
    let (t, buffer) = ready(vm, &args[0])?;
    let Some(text) = crate::str::as_str(&args[1]) else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    write_text(vm, t, &buffer, text)?;
    Ok(Value::from(text.chars().count()))
}

/// `file.write(text)` for an exact native TextIOWrapper, without the method call (for
/// `print` and the VM's own writes); `None` if `file` is anything else.
pub fn write_str(vm: &Vm, file: &Value, text: &str) -> Option<PyResult<()>> {
    if !super::is_exact_native(file) {
        return None;
    }
    let t = file.as_obj()?.downcast_native::<TextIO>()?;
    Some(
        t.buffer(vm)
            .and_then(|buffer| write_text(vm, t, &buffer, text)),
    )
}

/// The body of `TextIOWrapper.write`.
fn write_text(vm: &Vm, t: &TextIO, buffer: &Value, text: &str) -> PyResult<()> {
    if buffer_closed(vm, buffer)? {
        return Err(closed_error(vm));
    }
    let (data, needflush) = t.with(|s| -> PyResult<(Option<Vec<u8>>, bool)> {
        let Some(e) = s.encoder.as_mut() else {
            return Err(unsupported(vm, "not writable"));
        };
        let haslf = (s.writetranslate || s.line_buffering) && text.contains('\n');
        let translated;
        let text_out: &str = match &s.writenl {
            Some(nl) if haslf && s.writetranslate => {
                translated = text.replace('\n', nl);
                &translated
            }
            _ => text,
        };
        let needflush = s.line_buffering && (haslf || text_out.contains('\r'));
        // UTF-8 text that needed no translation is written as it is (no copy).
        let data = if e.family == Family::Utf8 && !e.bom_pending && std::ptr::eq(text_out, text) {
            None
        } else {
            Some(e.encode(vm, text_out)?)
        };
        if s.decoder.is_some() && (!s.decoded.is_empty() || s.snapshot.is_some()) {
            s.decoded.clear();
            s.decoded_pos = 0;
            s.snapshot = None;
            if let Some(d) = &mut s.decoder {
                d.pending.clear();
            }
        }
        Ok((data, needflush))
    })?;
    let bytes: &[u8] = match &data {
        Some(d) => d,
        None => text.as_bytes(),
    };
    let flush_now = t.with(|s| {
        s.pending.extend_from_slice(bytes);
        s.pending.len() >= s.chunk_size || needflush || s.write_through
    });
    if flush_now {
        write_flush(vm, t, buffer)?;
    }
    if needflush {
        vm.call_method(buffer, "flush", &[])?;
    }
    Ok(())
}

/// Passes the pending encoded text to the buffer.
fn write_flush(vm: &Vm, t: &TextIO, buffer: &Value) -> PyResult<()> {
    let data = t.with(|s| std::mem::take(&mut s.pending));
    if data.is_empty() {
        return Ok(());
    }
    if !super::buffered::fast_write(vm, buffer, &data)? {
        vm.call_method(buffer, "write", &[super::bytes_value(vm, data)])?;
    }
    Ok(())
}

fn textio_flush(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "flush", &args[1..], kw, 0, 0)?;
    let (t, _) = ready(vm, &args[0])?;
    let buffer = open_buffer(vm, t)?;
    t.with(|s| s.telling = s.seekable);
    write_flush(vm, t, &buffer)?;
    vm.call_method(&buffer, "flush", &[])
}

fn textio_close(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "close", &args[1..], kw, 0, 0)?;
    let (_, buffer) = ready(vm, &args[0])?;
    if buffer_closed(vm, &buffer)? {
        return Ok(Value::None);
    }
    let flushed = vm.call_method(&args[0], "flush", &[]);
    let closed = vm.call_method(&buffer, "close", &[]);
    match (flushed, closed) {
        (Err(e), Err(e2)) => {
            if let Some(d) = crate::exceptions::exc_data(&e2) {
                *d.context.borrow_mut() = Value::Obj(e);
            }
            Err(e2)
        }
        (Err(e), Ok(_)) => Err(e),
        (Ok(_), r) => r.map(|_| Value::None),
    }
}

fn textio_detach(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "detach", &args[1..], kw, 0, 0)?;
    let (t, _) = ready(vm, &args[0])?;
    vm.call_method(&args[0], "flush", &[])?;
    let b = super::replace_value(&t.buffer, Value::Null);
    t.detached.set(true);
    Ok(b)
}

// ---- positioning ----

/// A tell() cookie: CPython's packing of (start_pos, dec_flags, bytes_to_feed,
/// chars_to_skip, need_eof) into one int.
fn build_cookie(start: i64, flags: i64, feed: usize, skip: usize, eof: bool) -> Value {
    use num_bigint::BigInt;
    if flags == 0 && feed == 0 && skip == 0 && !eof && start >= 0 {
        return Value::Int(start);
    }
    let v = BigInt::from(start as u64)
        + (BigInt::from(flags as u32) << 64)
        + (BigInt::from(feed as u32) << 96)
        + (BigInt::from(skip as u32) << 128)
        + (BigInt::from(eof as u32) << 160);
    Value::from_bigint(v)
}

/// The tell() cookie for the current position (CPython's `textiowrapper_tell`): a point
/// where the decoder held nothing back, and how to get from there to here.
fn tell_cookie(vm: &Vm, t: &TextIO, buffer: &Value) -> PyResult<Value> {
    let pos_v = vm.call_method(buffer, "tell", &[])?;
    let pos = vm.index_i64(&pos_v)?;
    let info = t.with(|s| {
        let snap = s.snapshot.as_ref()?;
        let dec = s.decoder.clone()?;
        let used = s.decoded[..s.decoded_pos].chars().count();
        Some((
            snap.flags,
            snap.input.clone(),
            used,
            dec,
            s.readuniversal,
            s.readtranslate,
            s.b2cratio,
        ))
    });
    let Some((flags, input, used, mut dec, universal, translate, ratio)) = info else {
        return Ok(pos_v);
    };
    let mut start = pos - input.len() as i64;
    if used == 0 {
        return Ok(build_cookie(start, flags, 0, 0, false));
    }
    let mut skip = used;
    let mut nl = NlState::default();
    let mut chain = Chain {
        dec: &mut dec,
        nl: &mut nl,
        universal,
        translate,
    };
    let mut dec_flags = flags;
    // A quick search for a start point close to the position.
    let mut skip_bytes = ((ratio * skip as f64) as usize).min(input.len()) as i64;
    let mut skip_back: i64 = 1;
    while skip_bytes > 0 {
        chain.set_state(flags);
        let n = chain
            .decode(vm, &input[..skip_bytes as usize], false)?
            .chars()
            .count();
        if n <= skip {
            let (buffered, f) = chain.state();
            if buffered == 0 {
                dec_flags = f;
                skip -= n;
                break;
            }
            skip_bytes -= buffered as i64;
            skip_back = 1;
        } else {
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if skip_bytes <= 0 {
        skip_bytes = 0;
        chain.set_state(flags);
    }
    start += skip_bytes;
    if skip == 0 {
        return Ok(build_cookie(start, dec_flags, 0, 0, false));
    }
    // Then one byte at a time, noting the last point where nothing was held back.
    let mut fed = 0usize;
    let mut decoded = 0usize;
    let mut reached = false;
    for i in skip_bytes as usize..input.len() {
        decoded += chain.decode(vm, &input[i..i + 1], false)?.chars().count();
        fed += 1;
        let (buffered, f) = chain.state();
        if buffered == 0 && decoded <= skip {
            start += fed as i64;
            skip -= decoded;
            dec_flags = f;
            fed = 0;
            decoded = 0;
        }
        if decoded >= skip {
            reached = true;
            break;
        }
    }
    let mut need_eof = false;
    if !reached {
        decoded += chain.decode(vm, b"", true)?.chars().count();
        need_eof = true;
        if decoded < skip {
            return Err(vm.new_exception_msg(
                &vm.types.exceptions.os_error,
                "can't reconstruct logical file position",
            ));
        }
    }
    Ok(build_cookie(start, dec_flags, fed, skip, need_eof))
}

fn textio_tell(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "tell", &args[1..], kw, 0, 0)?;
    let (t, _) = ready(vm, &args[0])?;
    let buffer = open_buffer(vm, t)?;
    let (seekable, telling) = t.with(|s| (s.seekable, s.telling));
    if !seekable {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    if !telling {
        return Err(vm.new_exception_msg(
            &vm.types.exceptions.os_error,
            "telling position disabled by next() call",
        ));
    }
    vm.call_method(&args[0], "flush", &[])?;
    tell_cookie(vm, t, &buffer)
}

/// Drops decoded text and the snapshot; `reset` also resets the decoder chain (to the start
/// of a stream, newline statistics included).
fn reset_decoding(t: &TextIO, reset: bool) {
    t.with(|s| {
        s.decoded.clear();
        s.decoded_pos = 0;
        s.snapshot = None;
        if reset {
            s.nl = NlState::default();
            if let Some(d) = &mut s.decoder {
                d.reset(true);
            }
        }
    });
}

fn reset_encoder(t: &TextIO, at_start: bool) {
    t.with(|s| {
        if let Some(e) = &mut s.encoder
            && e.has_bom()
        {
            e.bom_pending = at_start;
        }
    });
}

fn textio_seek(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "seek", &args[1..], kw, 1, 2)?;
    let (t, _) = ready(vm, &args[0])?;
    let buffer = open_buffer(vm, t)?;
    let whence = match args.get(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    if !t.with(|s| s.seekable) {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let mut cookie = args[1].clone();
    if let Value::Float(f) = cookie
        && f.get().is_finite()
    {
        // `int(cookie)`, as CPython's cookie parsing does.
        cookie = Value::Int(f.get().trunc() as i64);
    }
    if vm.lookup_special(&cookie, "__index__").is_none() {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&cookie)
        )));
    }
    let zero = || -> PyResult<bool> {
        let z = vm.rich_compare(&args[1], &Value::Int(0), crate::protocol::CmpOp::Eq)?;
        vm.truthy(&z)
    };
    match whence {
        1 => {
            if !zero()? {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            cookie = vm.call_method(&args[0], "tell", &[])?;
        }
        2 => {
            if !zero()? {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            vm.call_method(&args[0], "flush", &[])?;
            reset_decoding(t, true);
            let r = vm.call_method(&buffer, "seek", &[Value::Int(0), Value::Int(2)])?;
            let at_start = vm.index_i64(&r)? == 0;
            reset_encoder(t, at_start);
            return Ok(r);
        }
        0 => {}
        _ => {
            return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")));
        }
    }
    let neg = vm.rich_compare(&cookie, &Value::Int(0), crate::protocol::CmpOp::Lt)?;
    if vm.truthy(&neg)? {
        return Err(vm.value_error(format!("negative seek position {}", vm.repr(&cookie)?)));
    }
    vm.call_method(&args[0], "flush", &[])?;
    let big = match &cookie {
        Value::Int(i) => num_bigint::BigInt::from(*i),
        Value::Bool(b) => num_bigint::BigInt::from(*b as i64),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => b.clone(),
            _ => num_bigint::BigInt::from(vm.index_i64(&cookie)?),
        },
        _ => num_bigint::BigInt::from(0),
    };
    // Unpack (start_pos, dec_flags, bytes_to_feed, chars_to_skip, need_eof).
    let (_, mut bytes) = big.to_bytes_le();
    bytes.resize(bytes.len().max(21), 0);
    let word =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let mut start8 = [0u8; 8];
    start8.copy_from_slice(&bytes[..8]);
    let pos = i64::from_le_bytes(start8);
    let flags = word(8) as i64;
    let feed = word(12) as usize;
    let skip = word(16) as usize;
    let need_eof = bytes[20] != 0;
    let is_zero = big == num_bigint::BigInt::from(0);
    vm.call_method(&buffer, "seek", &[Value::Int(pos)])?;
    reset_decoding(t, is_zero);
    if !is_zero {
        t.with(|s| {
            let (universal, translate) = (s.readuniversal, s.readtranslate);
            if let Some(d) = &mut s.decoder {
                let mut chain = Chain {
                    dec: d,
                    nl: &mut s.nl,
                    universal,
                    translate,
                };
                chain.set_state(flags);
                s.snapshot = Some(Snapshot {
                    flags,
                    input: Vec::new(),
                });
            }
        });
    }
    if skip > 0 {
        let input = vm.call_method(&buffer, "read", &[Value::from(feed)])?;
        let input = crate::builtins::bytes::buffer_bytes(&input).unwrap_or_default();
        let (dec, mut nl, universal, translate) =
            t.with(|s| (s.decoder.clone(), s.nl, s.readuniversal, s.readtranslate));
        let Some(mut dec) = dec else {
            return Err(unsupported(vm, "not readable"));
        };
        let text = Chain {
            dec: &mut dec,
            nl: &mut nl,
            universal,
            translate,
        }
        .decode(vm, &input, need_eof)?;
        let ok = t.with(|s| {
            s.decoder = Some(dec);
            s.nl = nl;
            s.decoded = text;
            s.decoded_pos = 0;
            s.snapshot = Some(Snapshot { flags, input });
            let mut sink = String::new();
            take_decoded(s, skip, &mut sink) == skip
        });
        if !ok {
            return Err(vm.new_exception_msg(
                &vm.types.exceptions.os_error,
                "can't restore logical file position",
            ));
        }
    }
    reset_encoder(t, is_zero);
    Ok(if whence == 0 { args[1].clone() } else { cookie })
}

fn textio_truncate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "truncate", &args[1..], kw, 0, 1)?;
    let (_, buffer) = ready(vm, &args[0])?;
    vm.call_method(&args[0], "flush", &[])?;
    let pos = args.get(1).cloned().unwrap_or(Value::None);
    vm.call_method(&buffer, "truncate", &[pos])
}

// ---- other methods and attributes ----

fn delegate(vm: &Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let (_, buffer) = ready(vm, &args[0])?;
    vm.call_method(&buffer, name, &[])
}

fn textio_fileno(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "fileno")
}

fn textio_isatty(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "isatty")
}

fn textio_readable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "readable")
}

fn textio_writable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "writable")
}

fn textio_seekable(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "seekable")
}

fn textio_repr(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(vm, &args[0])?;
    let tname = "_io.TextIOWrapper";
    if t.st.borrow().is_none() {
        return Ok(vm.new_string(format!("<{tname}>")));
    }
    if !vm.repr_enter(&args[0]) {
        return Err(vm.runtime_error(format!("reentrant call inside {tname}.__repr__")));
    }
    let r = (|| -> PyResult<String> {
        let mut out = format!("<{tname}");
        for attr in ["name", "mode"] {
            match vm.getattr_opt(&args[0], attr) {
                Ok(Some(v)) => out.push_str(&format!(" {attr}={}", vm.repr(&v)?)),
                Ok(None) => {}
                Err(e) if vm.exc_matches(&e, &vm.types.exceptions.value_error) => {}
                Err(e) => return Err(e),
            }
        }
        let enc = t.with(|s| s.encoding.clone());
        out.push_str(&format!(" encoding={}>", vm.repr(&vm.new_string(enc))?));
        Ok(out)
    })();
    vm.repr_leave(&args[0]);
    Ok(vm.new_string(r?))
}

fn textio_reconfigure(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "reconfigure",
        &args[1..],
        kwnames,
        &[
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        0,
        0,
        0,
    )?;
    let (t, _) = ready(vm, &args[0])?;
    let encoding = match p.get(0) {
        None | Some(Value::None) => None,
        Some(v) => match crate::str::as_str(v) {
            Some(s) => Some(if s == "locale" {
                LOCALE_ENCODING.to_string()
            } else {
                s.to_string()
            }),
            None => {
                return Err(vm.type_error(format!(
                    "reconfigure() argument 'encoding' must be str or None, not {}",
                    vm.type_name(v)
                )));
            }
        },
    };
    let errors = match p.get(1) {
        None | Some(Value::None) => None,
        Some(v) => match crate::str::as_str(v) {
            Some(s) => Some(s.to_string()),
            None => {
                return Err(vm.type_error(format!(
                    "reconfigure() argument 'errors' must be str or None, not {}",
                    vm.type_name(v)
                )));
            }
        },
    };
    let newline: Option<Option<String>> = match p.get(2) {
        None => None,
        Some(Value::None) => Some(None),
        Some(v) => match crate::str::as_str(v) {
            Some(s) => {
                check_newline(vm, s)?;
                Some(Some(s.to_string()))
            }
            None => {
                return Err(vm.type_error(format!(
                    "reconfigure() argument 'newline' must be str or None, not {}",
                    vm.type_name(v)
                )));
            }
        },
    };
    if let Some(e) = &encoding {
        check_encoding(vm, e)?;
    }
    let started = t.with(|s| s.decoder.is_some() && !s.decoded.is_empty());
    if started && (encoding.is_some() || errors.is_some() || newline.is_some()) {
        return Err(unsupported(
            vm,
            "It is not possible to set the encoding or newline of stream after the first read",
        ));
    }
    let line_buffering = match p.get(3) {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.truthy(v)?),
    };
    let write_through = match p.get(4) {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.truthy(v)?),
    };
    vm.call_method(&args[0], "flush", &[])?;
    t.with(|s| {
        if encoding.is_some() || errors.is_some() {
            let enc = encoding.clone().unwrap_or_else(|| s.encoding.clone());
            let err = match (&encoding, &errors) {
                (_, Some(e)) => e.clone(),
                (Some(_), None) => "strict".to_string(),
                (None, None) => s.errors.clone(),
            };
            if s.decoder.is_some() {
                s.decoder = Some(Decoder::new(&enc, &err));
            }
            if let Some(old) = &s.encoder {
                let mut e = Encoder::new(&enc, &err);
                if !old.bom_pending {
                    e.bom_pending = false;
                }
                s.encoder = Some(e);
            }
            s.encoding = enc;
            s.errors = err;
        }
        if let Some(nl) = &newline {
            set_newline(s, nl.as_deref());
        }
        if let Some(lb) = line_buffering {
            s.line_buffering = lb;
        }
        if let Some(wt) = write_through {
            s.write_through = wt;
        }
    });
    Ok(Value::None)
}

fn textio_encoding(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = this(vm, v)?;
    t.buffer(vm)?;
    Ok(vm.new_string(t.with(|s| s.encoding.clone())))
}

fn textio_errors(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = this(vm, v)?;
    t.buffer(vm)?;
    Ok(vm.new_string(t.with(|s| s.errors.clone())))
}

fn textio_buffer(vm: &Vm, v: &Value) -> PyResult<Value> {
    this(vm, v)?.buffer(vm)
}

fn textio_line_buffering(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = this(vm, v)?;
    t.buffer(vm)?;
    Ok(Value::bool(t.with(|s| s.line_buffering)))
}

fn textio_write_through(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = this(vm, v)?;
    t.buffer(vm)?;
    Ok(Value::bool(t.with(|s| s.write_through)))
}

fn textio_newlines(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = this(vm, v)?;
    t.buffer(vm)?;
    Ok(t.with(|s| {
        if s.decoder.is_some() && s.readuniversal {
            s.nl.newlines(vm)
        } else {
            Value::None
        }
    }))
}

fn textio_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    let (_, buffer) = ready(vm, v)?;
    vm.getattr_str(&buffer, "name")
}

fn textio_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    let (_, buffer) = ready(vm, v)?;
    vm.getattr_str(&buffer, "closed")
}

fn textio_chunk_size(vm: &Vm, v: &Value) -> PyResult<Value> {
    let (t, _) = ready(vm, v)?;
    Ok(Value::from(t.with(|s| s.chunk_size)))
}

fn textio_set_chunk_size(vm: &Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let (t, _) = ready(vm, v)?;
    let Some(new) = new else {
        return Err(vm.attribute_error("cannot delete attribute"));
    };
    let n = vm.index_i64(&new)?;
    if n <= 0 {
        return Err(vm.value_error("a strictly positive integer is required"));
    }
    t.with(|s| s.chunk_size = n as usize);
    Ok(())
}

// ---- IncrementalNewlineDecoder ----

pub struct NlDecoder {
    decoder: RefCell<Value>,
    translate: Cell<bool>,
    st: Cell<NlState>,
    ok: Cell<bool>,
}

impl NativeData for NlDecoder {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(d) = self.decoder.try_borrow() {
            visit(&d);
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.decoder.borrow_mut());
        drop(old);
    }
}

fn nldec<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a NlDecoder> {
    let d = state::<NlDecoder>(vm, v, "IncrementalNewlineDecoder")?;
    if !d.ok.get() {
        return Err(vm.value_error("IncrementalNewlineDecoder.__init__() not called"));
    }
    Ok(d)
}

fn nldec_new(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = cls_arg(vm, args, "IncrementalNewlineDecoder")?;
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Native(Box::new(NlDecoder {
            decoder: RefCell::new(Value::None),
            translate: Cell::new(false),
            st: Cell::new(NlState::default()),
            ok: Cell::new(false),
        })),
    )))
}

fn nldec_init(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "IncrementalNewlineDecoder",
        &args[1..],
        kwnames,
        &["decoder", "translate", "errors"],
        0,
        3,
        2,
    )?;
    let d = state::<NlDecoder>(vm, &args[0], "IncrementalNewlineDecoder")?;
    let old = super::replace_value(&d.decoder, p.get(0).cloned().unwrap_or(Value::None));
    drop(old);
    d.translate
        .set(vm.truthy(p.get(1).unwrap_or(&Value::FALSE))?);
    d.st.set(NlState::default());
    d.ok.set(true);
    Ok(Value::None)
}

fn nldec_decode(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args(
        vm,
        "decode",
        &args[1..],
        kwnames,
        &["input", "final"],
        0,
        2,
        1,
    )?;
    let d = nldec(vm, &args[0])?;
    let input = p.get(0).cloned().unwrap_or(Value::None);
    let final_ = match p.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let inner = d.decoder.borrow().clone();
    let out = if inner.is_none() {
        input
    } else {
        let m = vm.getattr_str(&inner, "decode")?;
        vm.call_with_kwnames(&m, &[input, Value::bool(final_)], &[vm.new_str("final")])?
    };
    let Some(s) = crate::str::as_str(&out) else {
        return Err(vm.type_error(format!(
            "decoder should return a string result, not '{}'",
            vm.type_name(&out)
        )));
    };
    let mut st = d.st.get();
    let r = st.process(s.to_string(), final_, d.translate.get());
    d.st.set(st);
    Ok(vm.new_string(r))
}

fn nldec_getstate(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = nldec(vm, &args[0])?;
    let inner = d.decoder.borrow().clone();
    let (buf, mut flag) = if inner.is_none() {
        (crate::builtins::bytes::new_bytes(vm, Vec::new()), 0i64)
    } else {
        let st = vm.call_method(&inner, "getstate", &[])?;
        let items = vm.iterate(&st)?;
        if items.len() != 2 {
            return Err(vm.type_error("illegal decoder state"));
        }
        (items[0].clone(), vm.index_i64(&items[1])?)
    };
    flag <<= 1;
    if d.st.get().pendingcr {
        flag |= 1;
    }
    Ok(vm.new_tuple(vec![buf, Value::Int(flag)]))
}

fn nldec_setstate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_count(vm, "setstate", &args[1..], kw, 1, 1)?;
    let d = nldec(vm, &args[0])?;
    let items = vm.iterate(&args[1])?;
    if items.len() != 2 {
        return Err(vm.type_error("state argument must be a tuple"));
    }
    let flag = vm.index_i64(&items[1])?;
    let mut st = d.st.get();
    st.pendingcr = flag & 1 != 0;
    d.st.set(st);
    let inner = d.decoder.borrow().clone();
    if !inner.is_none() {
        let t = vm.new_tuple(vec![items[0].clone(), Value::Int(flag >> 1)]);
        vm.call_method(&inner, "setstate", &[t])?;
    }
    Ok(Value::None)
}

fn nldec_reset(vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = nldec(vm, &args[0])?;
    d.st.set(NlState::default());
    let inner = d.decoder.borrow().clone();
    if !inner.is_none() {
        vm.call_method(&inner, "reset", &[])?;
    }
    Ok(Value::None)
}

fn nldec_newlines(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = nldec(vm, v)?;
    Ok(d.st.get().newlines(vm))
}

pub fn init(vm: &Vm, wrapper: &PyRef, nl: &PyRef) {
    vm.add_methods_kind(wrapper, &[("__new__", textio_new)], MethodKind::Static);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", textio_init),
        ("detach", textio_detach),
        ("reconfigure", textio_reconfigure),
        ("write", textio_write),
        ("read", textio_read),
        ("readline", textio_readline),
        ("flush", textio_flush),
        ("close", textio_close),
        ("fileno", textio_fileno),
        ("seekable", textio_seekable),
        ("readable", textio_readable),
        ("writable", textio_writable),
        ("isatty", textio_isatty),
        ("seek", textio_seek),
        ("tell", textio_tell),
        ("truncate", textio_truncate),
        ("__next__", textio_next),
        ("__repr__", textio_repr),
    ];
    vm.add_methods(wrapper, methods);
    vm.add_getsets(
        wrapper,
        &[
            ("encoding", textio_encoding, None),
            ("errors", textio_errors, None),
            ("buffer", textio_buffer, None),
            ("line_buffering", textio_line_buffering, None),
            ("write_through", textio_write_through, None),
            ("newlines", textio_newlines, None),
            ("name", textio_name, None),
            ("closed", textio_closed, None),
            (
                "_CHUNK_SIZE",
                textio_chunk_size,
                Some(textio_set_chunk_size),
            ),
        ],
    );
    vm.add_methods_kind(nl, &[("__new__", nldec_new)], MethodKind::Static);
    vm.add_methods(
        nl,
        &[
            ("__init__", nldec_init),
            ("decode", nldec_decode),
            ("getstate", nldec_getstate),
            ("setstate", nldec_setstate),
            ("reset", nldec_reset),
        ],
    );
    vm.add_getsets(nl, &[("newlines", nldec_newlines, None)]);
}
