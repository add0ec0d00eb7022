//! `from __future__ import` statements (future.c and codegen's check): for each snippet rpy
//! must reject it exactly as python3.11 does (message, line, offset), or accept it with the
//! same `co_flags`. Found by CPython's own tests: `test_future_stmt/badsyntax_future7.py`.

#[path = "../../marshal/tests/common/mod.rs"]
mod common;

use std::process::Command;

const SNIPPETS: &[&str] = &[
    "from __future__ import annotations\nx = 1\n",
    "'''doc'''\nfrom __future__ import annotations, division\n",
    // A future import after an ordinary statement on the same line (future.c's own check).
    "from __future__ import nested_scopes; import string; from __future__ import nested_scopes\n",
    "'''doc'''\nfrom __future__ import nested_scopes; import string; from __future__ import \\\n     nested_scopes\n",
    "from __future__ import annotations; import os; from .__future__ import annotations\n",
    // On a later line: codegen's check.
    "from __future__ import annotations; import os\nfrom __future__ import annotations\n",
    "import os; from __future__ import annotations\n",
    "import os\nfrom __future__ import annotations\n",
    // CPython checks the module name only, not the level.
    "from .__future__ import braces\n",
    "from .__future__ import annotations\n",
    "from __future__ import braces\n",
    "'doc'; from __future__ import nonsense\n",
];

/// python3.11's verdict: "ok FLAGS" or "SyntaxError|MSG|LINE|OFFSET".
fn theirs(source: &str) -> String {
    let out = Command::new(common::python())
        .args([
            "-c",
            "import sys\ntry:\n    c = compile(sys.argv[1], '<test>', 'exec')\n    print('ok', c.co_flags)\nexcept SyntaxError as e:\n    print(f'{type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}')",
            source,
        ])
        .output()
        .expect("python3.11 is required");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_string()
}

fn ours(source: &str) -> String {
    match rpy_compiler::compile(
        source,
        "<test>",
        rpy_compiler::Mode::Exec,
        &Default::default(),
    ) {
        Ok(code) => format!("ok {}", code.flags),
        Err(e) => format!(
            "{}|{}|{}|{}",
            e.error_type.name(),
            e.msg,
            e.lineno,
            e.offset
        ),
    }
}

#[test]
fn future_statements_as_cpython() {
    for source in SNIPPETS {
        assert_eq!(ours(source), theirs(source), "{source:?}");
    }
}
