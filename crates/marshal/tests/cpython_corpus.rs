//! rpy-marshal against python3.11 over every pyc of CPython's standard library: the marshal
//! round trip, the line and exception tables, and the disassembler's text.
//! Counts are printed (`cargo test -- --nocapture` shows them).

mod common;

use std::fmt::Write as _;
use std::rc::Rc;

use common::{corpus, corpus_tool, tab_map};
use rpy_marshal::{CodeObject, Value, dis, marshal, pyc};

fn load(path: &std::path::Path) -> Rc<CodeObject> {
    let data = std::fs::read(path).expect("read pyc");
    pyc::read_pyc(&data)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .code
}

#[test]
fn marshal_round_trip_is_exact_both_ways() {
    let corpus = corpus();
    let out_dir = corpus.dir.join("ours");
    std::fs::create_dir_all(&out_dir).expect("create dir");
    let mut pairs = String::new();
    let mut bytes_in = 0usize;
    let mut bytes_out = 0usize;
    for (i, path) in corpus.pycs.iter().enumerate() {
        let data = std::fs::read(path).expect("read pyc");
        let value = marshal::loads(&data[pyc::HEADER_LEN..])
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            matches!(value, Value::Code(_)),
            "{}: not code",
            path.display()
        );
        let ours = marshal::dumps(&value, marshal::VERSION).expect("dumps");
        let again =
            marshal::loads(&ours).unwrap_or_else(|e| panic!("{}: re-read: {e}", path.display()));
        assert!(
            again == value,
            "{}: our reader does not read our writer's output back",
            path.display()
        );
        bytes_in += data.len() - pyc::HEADER_LEN;
        bytes_out += ours.len();
        let out = out_dir.join(format!("{i}.marshal"));
        std::fs::write(&out, &ours).expect("write");
        let _ = writeln!(pairs, "{}\t{}", path.display(), out.display());
    }
    let pairs_file = corpus.dir.join("pairs.txt");
    std::fs::write(&pairs_file, pairs).expect("write pairs");
    let report = corpus_tool(&["equal", pairs_file.to_str().expect("utf-8")]);
    let bad: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("bad "))
        .take(20)
        .collect();
    assert!(
        bad.is_empty(),
        "CPython disagrees with our marshal output:\n{}",
        bad.join("\n")
    );
    println!(
        "marshal round trip: {} pycs read, rewritten ({bytes_in} -> {bytes_out} bytes), reread by us and by python3.11: {}",
        corpus.pycs.len(),
        report.lines().last().unwrap_or_default()
    );
}

fn opt(v: Option<i32>) -> String {
    v.map_or_else(|| "N".to_string(), |n| n.to_string())
}

/// Mirrors `tables_text` in tests/tools/corpus.py.
fn tables_text(code: &CodeObject, out: &mut String) {
    out.push('P');
    for p in code.positions() {
        let _ = write!(
            out,
            "{},{},{},{};",
            opt(p.line),
            opt(p.end_line),
            opt(p.col),
            opt(p.end_col)
        );
    }
    out.push('E');
    for e in code.exception_entries() {
        let _ = write!(
            out,
            "{},{},{},{},{};",
            e.start * 2,
            e.end * 2,
            e.target * 2,
            e.depth,
            e.lasti as u8
        );
    }
    out.push('|');
    for nested in code.nested_code() {
        tables_text(nested, out);
    }
}

#[test]
fn line_and_exception_tables_match_cpython() {
    let corpus = corpus();
    let theirs = tab_map(&corpus_tool(&[
        "tables",
        corpus.list_file.to_str().expect("utf-8"),
    ]));
    let mut mismatched = Vec::new();
    let mut code_objects = 0usize;
    for path in &corpus.pycs {
        let code = load(path);
        let mut text = String::new();
        tables_text(&code, &mut text);
        code_objects += text.matches('|').count();
        let crc = format!("{:08x}", crc32fast::hash(text.as_bytes()));
        if theirs.get(path) != Some(&crc) {
            mismatched.push(path.display().to_string());
        }
    }
    assert!(
        mismatched.is_empty(),
        "tables differ in {} pycs: {:?}",
        mismatched.len(),
        &mismatched[..mismatched.len().min(10)]
    );
    println!(
        "tables: co_positions() and exception tables equal for {code_objects} code objects in {} pycs",
        corpus.pycs.len()
    );
}

/// Mirrors `ADDRESS.sub` in tests/tools/corpus.py: ` at 0x` + lowercase hex → ` at 0x?`.
fn mask_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        let after = &rest[i + 6..];
        let hex = after.len()
            - after
                .trim_start_matches(|c: char| matches!(c, '0'..='9' | 'a'..='f'))
                .len();
        if hex == 0 {
            out.push_str(&rest[..i + 6]);
        } else {
            out.push_str(&rest[..i]);
            out.push_str(" at 0x?");
        }
        rest = &after[hex..];
    }
    out.push_str(rest);
    out
}

#[test]
fn disassembly_matches_cpython_dis() {
    let corpus = corpus();
    let theirs = tab_map(&corpus_tool(&[
        "dis",
        corpus.list_file.to_str().expect("utf-8"),
    ]));
    let mut matched = 0usize;
    let mut mismatched = Vec::new();
    for path in &corpus.pycs {
        let text = mask_addresses(&dis::dis(&load(path)));
        let crc = format!("{:08x}", crc32fast::hash(text.as_bytes()));
        if theirs.get(path) == Some(&crc) {
            matched += 1;
        } else {
            mismatched.push(path.clone());
        }
    }
    // The one accepted difference: a frozenset constant holding None or Ellipsis, whose
    // CPython order depends on those objects' memory addresses (their hash). The lines must
    // then differ only in element order.
    let mut explained = 0usize;
    for path in &mismatched {
        let want = corpus_tool(&["distext", path.to_str().expect("utf-8")]);
        let got = mask_addresses(&dis::dis(&load(path)));
        let (want_lines, got_lines): (Vec<&str>, Vec<&str>) =
            (want.lines().collect(), got.lines().collect());
        assert_eq!(
            want_lines.len(),
            got_lines.len(),
            "{}: line counts differ",
            path.display()
        );
        for (a, b) in want_lines.iter().zip(&got_lines) {
            if a == b {
                continue;
            }
            let address_hashed =
                a.contains("frozenset({") && (a.contains("None") || a.contains("Ellipsis"));
            let mut sa: Vec<char> = a.chars().collect();
            let mut sb: Vec<char> = b.chars().collect();
            sa.sort_unstable();
            sb.sort_unstable();
            assert!(
                address_hashed && sa == sb,
                "dis text differs in {}:\n  python: {a}\n  rpy:    {b}",
                path.display()
            );
        }
        explained += 1;
    }
    println!(
        "dis: {matched} of {} modules disassemble exactly as python3.11's dis.dis; {explained} differ only in the order of a frozenset holding None/Ellipsis (address-based hash)",
        corpus.pycs.len()
    );
}
