//! Differential check on many near-valid inputs: each given file is cut after every `STEP`th
//! line (`RPY_STEP`, default 7) and each prefix is parsed by both parsers. Reports prefixes
//! whose trees differ, that only one parser accepts, and panics (there must be none).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let step: usize = std::env::var("RPY_STEP")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let (mut n, mut eq, mut both_fail, mut ours_only, mut theirs_only, mut differ) =
        (0, 0, 0, 0, 0, 0);
    for path in std::env::args().skip(1) {
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        let ends: Vec<usize> = src.match_indices('\n').map(|(i, _)| i + 1).collect();
        for (k, &end) in ends.iter().enumerate() {
            if k % step != step - 1 {
                continue;
            }
            let s = &src[..end];
            n += 1;
            let ours = std::panic::catch_unwind(|| rpy_parser::parse(s, rpy_parser::Mode::Module));
            let Ok(ours) = ours else {
                println!("PANIC {path}:{}", k + 1);
                continue;
            };
            let theirs = rustpython_parser::parse(s, rustpython_parser::Mode::Module, "<x>");
            match (theirs, ours) {
                (Ok(a), Ok(b)) if a == b => eq += 1,
                (Ok(_), Ok(_)) => {
                    differ += 1;
                    println!("DIFFERS {path}:{}", k + 1);
                }
                (Ok(_), Err(e)) => {
                    theirs_only += 1;
                    println!("REJECTED {path}:{}: {e}", k + 1);
                }
                (Err(e), Ok(_)) => {
                    ours_only += 1;
                    println!("ACCEPTED {path}:{} (rustpython: {e})", k + 1);
                }
                (Err(_), Err(_)) => both_fail += 1,
            }
        }
    }
    println!(
        "{n} prefixes: {eq} equal, {differ} differ, {both_fail} both reject, {theirs_only} only rustpython accepts, {ours_only} only rpy accepts"
    );
}
