//! Fuzz the pyc loader: header checks, unmarshalling, then everything a loaded code object
//! is put through (disassembly, line and exception tables).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rpy_marshal::{dis, pyc};

fuzz_target!(|data: &[u8]| {
    if let Ok(p) = pyc::read_pyc(data) {
        let _ = dis::dis(&p.code);
        let _ = p.code.positions();
        let _ = p.code.lines();
        let _ = p.code.exception_entries();
    }
});
