//! `rpy --dis FILE.pyc`: the pyc header, then the disassembly `dis.dis` would print.

use std::process::ExitCode;

use rpy_marshal::pyc::{self, Invalidation, PycHeader, python_version_for_magic};

pub fn run(path: &str) -> ExitCode {
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("rpy: can't open file '{path}': {e}");
            return ExitCode::from(2);
        }
    };
    if path.ends_with(".py") {
        return dis_source(path, &data);
    }
    match pyc::read_pyc(&data) {
        Ok(p) => {
            print!("{}", header_text(&p.header));
            println!();
            print!("{}", rpy_marshal::dis::dis(&p.code));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rpy: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `rpy --dis FILE.py`: compile with rpy's compiler and print what `dis.dis` would.
fn dis_source(path: &str, data: &[u8]) -> ExitCode {
    let Ok(source) = std::str::from_utf8(data) else {
        eprintln!("rpy: {path}: source is not valid UTF-8");
        return ExitCode::FAILURE;
    };
    match rpy_compiler::compile(source, path, rpy_compiler::Mode::Exec, &Default::default()) {
        Ok(code) => {
            print!("{}", rpy_marshal::dis::dis(&code));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("  File \"{}\", line {}", e.filename, e.lineno);
            eprintln!("{}: {}", e.error_type.name(), e.msg);
            ExitCode::FAILURE
        }
    }
}

fn header_text(h: &PycHeader) -> String {
    let number = u16::from_le_bytes([h.magic[0], h.magic[1]]);
    let version = python_version_for_magic(number).unwrap_or("unknown");
    let mut out = format!(
        "magic:       {} ({number}, Python {version})\n",
        h.magic
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    match h.invalidation {
        Invalidation::Timestamp { mtime, source_size } => {
            out += &format!("flags:       {:#x} (timestamp)\n", h.flags);
            out += &format!("mtime:       {mtime} ({})\n", utc(mtime as i64));
            out += &format!("source size: {source_size}\n");
        }
        Invalidation::Hash { hash, check_source } => {
            let kind = if check_source {
                "checked hash"
            } else {
                "unchecked hash"
            };
            out += &format!("flags:       {:#x} ({kind})\n", h.flags);
            out += &format!(
                "source hash: {}\n",
                hash.iter().map(|b| format!("{b:02x}")).collect::<String>()
            );
        }
    }
    out
}

/// Formats seconds since the epoch as `YYYY-MM-DD HH:MM:SS UTC` (civil-from-days algorithm).
fn utc(secs: i64) -> String {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn utc_dates() {
        assert_eq!(super::utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(super::utc(1_700_000_000), "2023-11-14 22:13:20 UTC");
    }
}
