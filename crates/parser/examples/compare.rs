//! Parses each file given (or, with `-c`, each source snippet) with rustpython-parser and
//! rpy-parser and reports whether the trees are equal (with the first difference).

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let snippets = args.first().is_some_and(|a| a == "-c");
    if snippets {
        args.remove(0);
    }
    for a in args {
        let src = if snippets {
            a.replace("\\n", "\n")
        } else {
            std::fs::read_to_string(&a).unwrap()
        };
        let theirs = rustpython_parser::parse(&src, rustpython_parser::Mode::Module, "<x>");
        let ours = rpy_parser::parse(&src, rpy_parser::Mode::Module);
        let label = if snippets {
            format!("{src:?}")
        } else {
            a.clone()
        };
        match (theirs, ours) {
            (Ok(x), Ok(y)) if x == y => println!("EQUAL    {label}"),
            (Ok(x), Ok(y)) => {
                let (dx, dy) = (format!("{x:#?}"), format!("{y:#?}"));
                let (lx, ly): (Vec<_>, Vec<_>) = (dx.lines().collect(), dy.lines().collect());
                let i = (0..lx.len().max(ly.len()))
                    .find(|&i| lx.get(i) != ly.get(i))
                    .unwrap_or(0);
                println!("DIFFERS  {label}");
                for l in &lx[i.saturating_sub(8)..i] {
                    println!("   {l}");
                }
                println!(
                    " R {}\n O {}",
                    lx.get(i).unwrap_or(&""),
                    ly.get(i).unwrap_or(&"")
                );
            }
            (Ok(_), Err(e)) => println!("REJECTED {label}: {e}"),
            (Err(e), Ok(_)) => println!("ACCEPTED {label} (rustpython: {e})"),
            (Err(e1), Err(e2)) => println!("BOTHFAIL {label}: rustpython: {e1} / rpy: {e2}"),
        }
    }
}
