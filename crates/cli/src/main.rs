//! The `rpy` command line. Counterpart: Modules/main.c (3.11).
//!
//! Today: `--version` and `--dis FILE.pyc`; the interpreter options arrive with the VM.

mod dis_cmd;

use std::process::ExitCode;

/// CPython allocates small objects from its own arenas (pymalloc); mimalloc gives us the
/// same kind of speed for the many small allocations an interpreter makes.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: rpy [--version] [--dis FILE.pyc]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-V" | "--version") => {
            println!("rpy {} (Python 3.11)", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("-h" | "--help") => {
            println!("{USAGE}");
            println!("  -V, --version   print the rpy version and exit");
            println!("  --dis FILE.pyc  print the pyc header and the disassembly of its code");
            ExitCode::SUCCESS
        }
        Some("--dis") => match args.get(1..) {
            Some([path]) => dis_cmd::run(path),
            _ => usage_error("--dis takes exactly one file"),
        },
        Some(other) => usage_error(&format!("unknown option or file: {other}")),
        None => usage_error("nothing to do yet"),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("rpy: {msg}");
    eprintln!("{USAGE}");
    ExitCode::from(2)
}
