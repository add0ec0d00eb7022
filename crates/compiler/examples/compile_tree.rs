//! compile_tree: compiles every `X.py` under the given directories with rpy-compiler and
//! writes `__pycache__/X.cpython-311.pyc` beside it, as `python3.11 -m compileall` does: a
//! timestamp header whose mtime and size are those of the source (what SourceFileLoader
//! checks before it uses a pyc), optimize level 0.
//!
//! ```text
//! cargo run --release -p rpy-compiler --example compile_tree -- [-j N] DIR...
//! ```
//!
//! Sources are read as bytes and decoded as CPython's tokenizer does (PEP 263: a UTF-8 BOM, or
//! a coding cookie on the first or second line; UTF-8 otherwise). A file that cannot be
//! compiled (CPython rejects some too, e.g. `badsyntax_*.py`) is reported on stderr and gets no
//! pyc, so CPython compiles it from source itself. Prints a summary; exits 0 even when some
//! files fail (the summary says how many), 2 on bad usage or an unreadable directory.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rpy_marshal::pyc::{self, PycHeader};

const CACHE_TAG: &str = "cpython-311";

fn usage() -> ! {
    eprintln!("usage: compile_tree [-j N] DIR...");
    std::process::exit(2)
}

/// Every `*.py` file under `dir`, not entering `__pycache__` (nor following symlinked dirs).
fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            if entry.file_name() != "__pycache__" {
                collect(&path, out)?;
            }
        } else if path.extension().is_some_and(|e| e == "py")
            && std::fs::metadata(&path).is_ok_and(|m| m.is_file())
        {
            out.push(path);
        }
    }
    Ok(())
}

/// The encoding named by a PEP 263 cookie in `line`, if it has one: a comment line matching
/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`.
fn cookie(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let comment = &line[start..];
    let mut from = 0;
    while let Some(i) = comment[from..].windows(6).position(|w| w == b"coding") {
        let after = &comment[from + i + 6..];
        if let Some((b':' | b'=', rest)) = after.split_first() {
            let rest = &rest[rest
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t'))
                .unwrap_or(rest.len())..];
            let len = rest
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
                .unwrap_or(rest.len());
            if len > 0 {
                return Some(String::from_utf8_lossy(&rest[..len]).into_owned());
            }
        }
        from += i + 1;
    }
    None
}

/// Whether a line is blank or only a comment (then the cookie may be on the next line).
fn blank_or_comment(line: &[u8]) -> bool {
    match line.iter().find(|b| !matches!(b, b' ' | b'\t' | b'\x0c')) {
        None => true,
        Some(b) => matches!(b, b'#' | b'\r' | b'\n'),
    }
}

/// CPython's normalisation of the common names (`get_normal_name` in the tokenizer).
fn normal_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    if lower == "utf-8" || lower.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for latin in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if lower == latin || lower.starts_with(&format!("{latin}-")) {
            return "iso-8859-1".into();
        }
    }
    lower
}

/// Decodes a source file's bytes as CPython's tokenizer does (PEP 263 and PEP 3120).
fn decode(bytes: &[u8]) -> Result<String, String> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    let first = lines.next().unwrap_or(b"");
    let declared = cookie(first).or_else(|| {
        if blank_or_comment(first) {
            lines.next().and_then(cookie)
        } else {
            None
        }
    });
    let encoding = declared.as_deref().map_or("utf-8".to_string(), normal_name);
    if bom && encoding != "utf-8" {
        return Err(format!("encoding problem: {encoding} with BOM"));
    }
    match encoding.as_str() {
        "utf-8" | "utf8" => std::str::from_utf8(body)
            .map(str::to_string)
            .map_err(|e| format!("invalid utf-8: {e}")),
        "iso-8859-1" | "latin1" | "l1" => Ok(body.iter().map(|&b| char::from(b)).collect()),
        "ascii" | "us-ascii" => {
            if body.is_ascii() {
                Ok(String::from_utf8(body.to_vec()).expect("ascii"))
            } else {
                Err("invalid ascii".into())
            }
        }
        other => {
            // The WHATWG labels cover the other single- and multi-byte codecs CPython knows
            // by the same names (koi8-r, cp1252, euc-jp, shift_jis, …); names it treats
            // differently from Python (latin-1, ascii) are handled above.
            let codec = encoding_rs::Encoding::for_label(other.as_bytes())
                .ok_or_else(|| format!("unknown encoding: {other}"))?;
            codec
                .decode_without_bom_handling_and_without_replacement(body)
                .map(|s| s.into_owned())
                .ok_or_else(|| format!("invalid {other}"))
        }
    }
}

/// Where CPython looks for the pyc of `source`.
fn pyc_path(source: &Path) -> PathBuf {
    let stem = source.file_stem().expect("a .py file").to_string_lossy();
    source
        .parent()
        .expect("a file in a directory")
        .join("__pycache__")
        .join(format!("{stem}.{CACHE_TAG}.pyc"))
}

/// Compiles one file and writes its pyc; the error text when it cannot.
fn compile_one(path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("read: {e}"))?;
    let meta = std::fs::metadata(path).map_err(|e| format!("stat: {e}"))?;
    // SourceFileLoader compares `int(st_mtime) & 0xFFFFFFFF` and `st_size & 0xFFFFFFFF`.
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    let source = decode(&bytes).map_err(|e| format!("SyntaxError: {e}"))?;
    let filename = path.to_string_lossy();
    let opts = rpy_compiler::CompileOptions {
        optimize: 0,
        flags: 0,
    };
    let compiled = std::panic::catch_unwind(|| {
        rpy_compiler::compile(&source, &filename, rpy_compiler::Mode::Exec, &opts)
    })
    .map_err(|_| "the compiler panicked".to_string())?;
    let code =
        compiled.map_err(|e| format!("{}: {} (line {})", e.error_type.name(), e.msg, e.lineno))?;
    let data = pyc::write_pyc(&PycHeader::timestamp(mtime, meta.len()), &code);
    let target = pyc_path(path);
    let dir = target.parent().expect("__pycache__");
    std::fs::create_dir_all(dir).map_err(|e| format!("mkdir {}: {e}", dir.display()))?;
    // Written beside and renamed, as importlib does, so no reader sees half a pyc.
    let tmp = target.with_extension(format!("pyc.{}.tmp", std::process::id()));
    std::fs::write(&tmp, &data).map_err(|e| format!("write {}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &target).map_err(|e| format!("rename {}: {e}", target.display()))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut jobs, mut dirs) = (2usize, Vec::new());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-j" => {
                jobs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage())
            }
            "-h" | "--help" => usage(),
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        usage();
    }
    let mut files = Vec::new();
    for dir in &dirs {
        if let Err(e) = collect(dir, &mut files) {
            eprintln!("compile_tree: {}: {e}", dir.display());
            std::process::exit(2);
        }
    }
    // A panic is reported as a failed file; keep the default hook from printing it too.
    std::panic::set_hook(Box::new(|_| {}));
    let started = std::time::Instant::now();
    // Code objects are `Rc`: each worker compiles and writes its own files.
    let mut failed: Vec<(usize, String)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..jobs)
            .map(|w| {
                let files = &files;
                s.spawn(move || {
                    (w..files.len())
                        .step_by(jobs)
                        .filter_map(|i| compile_one(&files[i]).err().map(|e| (i, e)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    });
    failed.sort();
    for (i, why) in &failed {
        eprintln!("{}: {why}", files[*i].display());
    }
    let compiled = files.len() - failed.len();
    println!(
        "compile_tree: {compiled} files compiled, {} failed ({:.1} s)",
        failed.len(),
        started.elapsed().as_secs_f64()
    );
}
