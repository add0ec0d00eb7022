//! Every marshal version, both ways, on values chosen to hit each type code and its edges:
//! we read what python3.11's `marshal.dumps(v, version)` writes, write it back with the same
//! version, and python3.11 must load our bytes as a value equal to the original.

mod common;

use std::fmt::Write as _;
use std::process::Command;

use rpy_marshal::marshal;

fn tool(args: &[&str]) -> String {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/tools/marshal_values.py");
    let out = Command::new(common::python())
        .arg(script)
        .args(args)
        .output()
        .expect("run python3.11");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

#[test]
fn every_version_round_trips_through_python() {
    let mut ours = String::new();
    let mut count = 0;
    for line in tool(&["emit"]).lines() {
        let mut parts = line.split('\t');
        let (i, version, data) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        let version: u32 = version.parse().unwrap();
        let value =
            marshal::loads(&unhex(data)).unwrap_or_else(|e| panic!("value {i} v{version}: {e}"));
        let bytes = marshal::dumps(&value, version).expect("dumps");
        assert_eq!(
            marshal::loads(&bytes).expect("reread"),
            value,
            "value {i} v{version}"
        );
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let _ = writeln!(ours, "{i}\t{version}\t{hex}");
        count += 1;
    }
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("marshal_values.txt");
    std::fs::write(&file, ours).expect("write");
    let report = tool(&["check", file.to_str().unwrap()]);
    let bad: Vec<&str> = report.lines().filter(|l| l.starts_with("bad")).collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    assert_eq!(report.lines().last(), Some(format!("ok {count}").as_str()));
}
