//! Parses the given `.py` files with rpy-parser `N` times (`RPY_REPEAT`, default 5) and
//! prints the time: a harness for profiling the parser alone (with mimalloc, as `rpy`).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let repeat: usize = std::env::var("RPY_REPEAT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let sources: Vec<String> = std::env::args()
        .skip(1)
        .filter_map(|p| String::from_utf8(std::fs::read(p).ok()?).ok())
        .collect();
    let t = std::time::Instant::now();
    let mut ok = 0;
    for _ in 0..repeat {
        for s in &sources {
            ok += usize::from(rpy_parser::parse(s, rpy_parser::Mode::Module).is_ok());
        }
    }
    println!(
        "{} files x {repeat}: {ok} ok, {:?}",
        sources.len(),
        t.elapsed()
    );
}
