//! Random inputs through every entry point of `format`: nothing may panic, whatever the
//! spec, format string or value (the house rule for anything Python code can reach).
//! Counterpart: none — CPython's equivalent is its fuzzers (Modules/_xxtestfuzz).

use num_bigint::BigInt;

use super::fieldname::{AutoNumber, parse_markup, split_field_name};
use super::printf::{PrintfArgs, PrintfError, PrintfHost, PrintfSpec};
use super::printf::{format_printf_float, format_printf_int, pad_printf_bytes, pad_printf_str};
use super::{FormatSpec, SpecKind, format_complex, format_float, format_int, format_str};

/// xorshift64*: a fixed-seed source of test inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A random string over `alphabet`, without runs of more than 3 digits: widths and
    /// precisions stay small, so no case builds a giant string.
    fn text(&mut self, alphabet: &[&str], max_len: usize) -> String {
        loop {
            let s: String = (0..self.below(max_len + 1))
                .map(|_| alphabet[self.below(alphabet.len())])
                .collect();
            let mut run = 0;
            let long_number = s.chars().any(|c| {
                run = if c.is_numeric() { run + 1 } else { 0 };
                run > 3
            });
            if !long_number {
                return s;
            }
        }
    }
}

const SPEC_ALPHABET: &[&str] = &[
    "<",
    ">",
    "=",
    "^",
    "+",
    "-",
    " ",
    "z",
    "#",
    "0",
    "1",
    "9",
    ",",
    "_",
    ".",
    "e",
    "E",
    "f",
    "F",
    "g",
    "G",
    "n",
    "%",
    "b",
    "c",
    "d",
    "o",
    "x",
    "X",
    "s",
    "é",
    "\u{1F600}",
    "\u{661}",
    "\0",
];

const VALUES: &[f64] = &[
    0.0,
    -0.0,
    1.5,
    -2.5,
    1e300,
    -1e-300,
    5e-324,
    f64::MAX,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    123456.789,
];

#[test]
fn format_spec_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let ints = [
        BigInt::from(0),
        BigInt::from(-1),
        BigInt::from(0x10FFFF),
        BigInt::from(0xD800),
        BigInt::from(1) << 200usize,
        -(BigInt::from(1) << 70usize),
    ];
    for _ in 0..20_000 {
        let spec = rng.text(SPEC_ALPHABET, 8);
        if let Ok(s) = FormatSpec::parse(&spec, SpecKind::Int, "int") {
            let _ = format_int(&ints[rng.below(ints.len())], &s);
        }
        let x = VALUES[rng.below(VALUES.len())];
        if let Ok(s) = FormatSpec::parse(&spec, SpecKind::Float, "float") {
            let _ = format_float(x, &s);
        }
        if let Ok(s) = FormatSpec::parse(&spec, SpecKind::Complex, "complex") {
            let _ = format_complex(x, VALUES[rng.below(VALUES.len())], &s);
        }
        if let Ok(s) = FormatSpec::parse(&spec, SpecKind::Str, "str") {
            let _ = format_str("h\u{e9}llo \u{1F600}", &s);
        }
    }
}

/// A host whose every value is the int 7 and every lookup succeeds.
struct Sevens;

impl PrintfHost<str> for Sevens {
    type Value = i64;
    type Error = PrintfError;

    fn getitem(&mut self, _: &i64, _: &str) -> Result<i64, PrintfError> {
        Ok(7)
    }

    fn star_int(&mut self, v: &i64) -> Option<BigInt> {
        Some(BigInt::from(*v))
    }

    fn convert(&mut self, v: &i64, spec: &PrintfSpec, out: &mut String) -> Result<(), PrintfError> {
        match spec.conv {
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                out.push_str(&format_printf_float(*v as f64, spec)?)
            }
            's' | 'r' | 'a' | 'c' => out.push_str(&pad_printf_str("\u{e9}t\u{e9}", spec)?),
            _ => out.push_str(&format_printf_int(&BigInt::from(*v), spec)?),
        }
        Ok(())
    }
}

impl PrintfHost<[u8]> for Sevens {
    type Value = i64;
    type Error = PrintfError;

    fn getitem(&mut self, _: &i64, _: &[u8]) -> Result<i64, PrintfError> {
        Ok(-7)
    }

    fn star_int(&mut self, v: &i64) -> Option<BigInt> {
        Some(BigInt::from(*v))
    }

    fn convert(
        &mut self,
        v: &i64,
        spec: &PrintfSpec,
        out: &mut Vec<u8>,
    ) -> Result<(), PrintfError> {
        match spec.conv {
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                out.extend(format_printf_float(*v as f64, spec)?.bytes())
            }
            's' | 'b' | 'r' | 'a' | 'c' => out.extend(pad_printf_bytes(b"\xff\x00", spec)?),
            _ => out.extend(format_printf_int(&BigInt::from(*v), spec)?.bytes()),
        }
        Ok(())
    }
}

#[test]
fn printf_never_panics() {
    const ALPHABET: &[&str] = &[
        "%",
        "%",
        "(",
        ")",
        "a",
        "-",
        "+",
        " ",
        "#",
        "0",
        "5",
        "*",
        ".",
        "h",
        "l",
        "d",
        "x",
        "f",
        "g",
        "s",
        "r",
        "c",
        "y",
        "é",
        "\u{1F600}",
        "%%",
    ];
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for _ in 0..20_000 {
        let fmt = rng.text(ALPHABET, 10);
        let n = rng.below(4);
        let args = match rng.below(3) {
            0 => PrintfArgs::Tuple(vec![7; n]),
            1 => PrintfArgs::Mapping(7),
            _ => PrintfArgs::Single(-3),
        };
        let _ = super::printf::printf(&mut Sevens, fmt.as_str(), args.clone());
        let _ = super::printf::printf(&mut Sevens, fmt.as_bytes(), args);
        let raw: Vec<u8> = (0..rng.below(8)).map(|_| rng.next() as u8).collect();
        let _ = super::printf::printf(&mut Sevens, &raw[..], PrintfArgs::Tuple(vec![1; n]));
    }
}

#[test]
fn markup_never_panics() {
    const ALPHABET: &[&str] = &[
        "{",
        "}",
        "{",
        "}",
        "!",
        ":",
        "[",
        "]",
        ".",
        "a",
        "0",
        "r",
        "é",
        "\u{1F600}",
        "\0",
        "\u{663}",
    ];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for _ in 0..20_000 {
        let t = rng.text(ALPHABET, 12);
        let mut auto = AutoNumber::new();
        for item in parse_markup(&t) {
            let Ok(item) = item else { break };
            if let Some(field) = item.field {
                if let Ok((_, rest)) = split_field_name(field.name, Some(&mut auto)) {
                    rest.for_each(drop);
                }
                parse_markup(field.spec).for_each(drop);
            }
        }
        if let Ok((_, rest)) = split_field_name(&t, None) {
            rest.for_each(drop);
        }
    }
}
