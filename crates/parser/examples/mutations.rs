//! Robustness check: each given file is mutated (a byte range deleted, or a token-like
//! snippet inserted, at pseudo-random places) many times and parsed by rpy-parser, which
//! must never panic. Prints the number of inputs and of accepted ones. With
//! `RPY_COMPARE=1`, also parses each input with rustpython-parser and reports where the two
//! disagree (rpy-parser rejecting what CPython rejects is expected).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SNIPPETS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    "\n",
    "\\\n",
    "    ",
    "\t",
    "'",
    "\"",
    "\"\"\"",
    "f'{",
    "}",
    "=",
    ":=",
    "*",
    "**",
    "lambda",
    "if",
    "else",
    "for",
    "in",
    "match x:\n",
    "case",
    "async",
    "await",
    "yield",
    "not",
    "@",
    "->",
    "0x",
    "1e",
    "1_",
    ".",
    "...",
    "#",
    "\r",
    "\x0c",
    "é",
    "\u{1F600}",
    "!",
    "$",
    "?",
    "`",
    "\0",
];

fn main() {
    let n_per_file: u64 = std::env::var("RPY_MUTATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut rand = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let (mut total, mut ok, mut disagreements) = (0, 0, 0);
    let compare = std::env::var("RPY_COMPARE").is_ok();
    for path in std::env::args().skip(1) {
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        if src.is_empty() {
            continue;
        }
        for _ in 0..n_per_file {
            let mut at = rand(src.len());
            while !src.is_char_boundary(at) {
                at -= 1;
            }
            let mutated = if rand(2) == 0 {
                let mut end = (at + rand(40)).min(src.len());
                while !src.is_char_boundary(end) {
                    end -= 1;
                }
                format!("{}{}", &src[..at], &src[end..])
            } else {
                format!(
                    "{}{}{}",
                    &src[..at],
                    SNIPPETS[rand(SNIPPETS.len())],
                    &src[at..]
                )
            };
            total += 1;
            match std::panic::catch_unwind(|| rpy_parser::parse(&mutated, rpy_parser::Mode::Module))
            {
                Ok(r) => {
                    ok += usize::from(r.is_ok());
                    if compare {
                        let theirs = rustpython_parser::parse(
                            &mutated,
                            rustpython_parser::Mode::Module,
                            "<x>",
                        );
                        let verdict = match (&theirs, &r) {
                            (Ok(a), Ok(b)) if a == b => None,
                            (Err(_), Err(_)) => None,
                            (Ok(_), Ok(_)) => Some("DIFFERS".to_string()),
                            (Ok(_), Err(e)) => Some(format!("REJECTED ({})", e.message)),
                            (Err(e), Ok(_)) => Some(format!("ACCEPTED (rustpython: {e})")),
                        };
                        if let Some(v) = verdict {
                            disagreements += 1;
                            let file = format!("/tmp/rpy_parser_disagree_{disagreements}.py");
                            std::fs::write(&file, &mutated).ok();
                            println!("{v}: {file}");
                        }
                    }
                }
                Err(_) => {
                    println!("PANIC on a mutation of {path} at byte {at}");
                    std::fs::write("/tmp/rpy_parser_panic.py", &mutated).ok();
                }
            }
        }
    }
    println!("{total} mutated inputs, {ok} accepted, no panic unless reported above");
}
