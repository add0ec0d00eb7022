//! The `rpy` command line. Counterpart: Modules/main.c (3.11).
//!
//! Runs a script, `-c` or `-m`, with python3.11's options; `--dis` disassembles a file.

mod dis_cmd;
mod repl;

use std::process::ExitCode;

/// mimalloc, as `rpy_vm::alloc` explains.
#[global_allocator]
static GLOBAL: rpy_vm::alloc::Allocator = rpy_vm::alloc::Allocator;

const USAGE: &str = "usage: rpy [option] ... [-c cmd | -m mod | file | -] [arg] ...";

/// What to run, from the command line.
enum Target {
    File(String),
    Command(String),
    Module(String),
    Stdin,
    /// The REPL, with nothing run before it.
    Interactive,
}

fn main() -> ExitCode {
    let args = match split_short_options(std::env::args().skip(1).collect()) {
        Ok(a) => a,
        Err(msg) => return usage_error(&msg),
    };
    let mut options = rpy_vm::Options::default();
    let mut i = 0;
    let mut target = None;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-V" | "--version" => {
                println!("rpy {} (Python 3.11)", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                println!("  -c cmd   program passed in as string");
                println!("  -m mod   run library module as a script");
                println!("  -B       don't write .pyc files on import");
                println!(
                    "  -O, -OO  remove assert and __debug__-dependent statements (and docstrings)"
                );
                println!("  -E -I -s -S -u -v -q   as python3.11");
                println!("  -V, --version   print the rpy version and exit");
                println!("  --dis FILE      print the disassembly of a .py or .pyc file");
                return ExitCode::SUCCESS;
            }
            "--check-hash-based-pycs" => {
                match args.get(i + 1).map(String::as_str) {
                    Some(mode @ ("default" | "always" | "never")) => {
                        options.check_hash_based_pycs = mode.to_string();
                    }
                    _ => {
                        return usage_error(
                            "--check-hash-based-pycs must be one of 'default', 'always', or 'never'",
                        );
                    }
                }
                i += 1;
            }
            "--dis" => {
                return match args.get(i + 1..) {
                    Some([path]) => dis_cmd::run(path),
                    _ => usage_error("--dis takes exactly one file"),
                };
            }
            "-c" => {
                let Some(cmd) = args.get(i + 1) else {
                    return usage_error("Argument expected for the -c option");
                };
                target = Some(Target::Command(cmd.clone()));
                options.argv = std::iter::once("-c".to_string())
                    .chain(args[i + 2..].iter().cloned())
                    .collect();
                break;
            }
            "-m" => {
                let Some(m) = args.get(i + 1) else {
                    return usage_error("Argument expected for the -m option");
                };
                target = Some(Target::Module(m.clone()));
                options.argv = std::iter::once(m.clone())
                    .chain(args[i + 2..].iter().cloned())
                    .collect();
                break;
            }
            "-" => {
                target = Some(Target::Stdin);
                options.argv = std::iter::once("-".to_string())
                    .chain(args[i + 1..].iter().cloned())
                    .collect();
                break;
            }
            "-B" => options.dont_write_bytecode = true,
            "-O" => options.optimize = (options.optimize + 1).min(2),
            "-E" => options.ignore_environment = true,
            "-I" => {
                options.isolated = true;
                options.ignore_environment = true;
            }
            "-s" => {}
            "-S" => options.no_site = true,
            "-u" => options.unbuffered = true,
            "-v" => options.verbose += 1,
            "-q" => options.quiet = true,
            "-i" => options.inspect = true,
            "-W" | "-X" => {
                let Some(v) = args.get(i + 1) else {
                    return usage_error(&format!("Argument expected for the {a} option"));
                };
                if a == "-W" {
                    options.warnoptions.push(v.clone());
                } else {
                    options.xoptions.push(v.clone());
                }
                i += 1;
            }
            s if s.starts_with('-') && s.len() > 1 => {
                return usage_error(&format!("Unknown option: {s}"));
            }
            file => {
                target = Some(Target::File(file.to_string()));
                options.argv = args[i..].to_vec();
                break;
            }
        }
        i += 1;
    }
    apply_environment(&mut options);
    // No program: the interactive interpreter on a terminal, else the program read from stdin.
    let target = match target {
        Some(t) => t,
        None => {
            options.argv = vec![String::new()];
            if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                Target::Interactive
            } else {
                Target::Stdin
            }
        }
    };
    options.path0 = Some(match &target {
        Target::File(f) => {
            let dir = std::path::Path::new(f)
                .parent()
                .map(|p| p.to_string_lossy().to_string())
                .unwrap_or_default();
            match std::fs::canonicalize(if dir.is_empty() { "." } else { &dir }) {
                Ok(p) => p.to_string_lossy().to_string(),
                Err(_) => dir,
            }
        }
        Target::Module(_) => std::env::current_dir()
            .map(|p| p.to_string_lossy().to_string())
            .unwrap_or_default(),
        _ => String::new(),
    });
    if let Target::File(f) = &target
        && std::fs::metadata(f).is_err()
    {
        let abs = std::env::current_dir()
            .map(|d| d.join(f))
            .unwrap_or_else(|_| f.into());
        eprintln!(
            "{}: can't open file '{}': [Errno 2] No such file or directory",
            std::env::args().next().unwrap_or_else(|| "rpy".into()),
            abs.display()
        );
        return ExitCode::from(2);
    }
    // Python code re-enters native code (and vice versa) on the Rust stack: give it room.
    let child = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run(options, target))
        .expect("spawn the interpreter thread");
    // Process-directed signals then go to the interpreter thread (whose blocking calls they
    // interrupt), not to this one, idle in `join`.
    rpy_vm::signals::block_signals_in_this_thread();
    match child.join() {
        Ok(status) => ExitCode::from((status & 0xFF) as u8),
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            eprintln!("rpy: internal error: {msg}");
            ExitCode::from(70)
        }
    }
}

/// The PYTHON* variables (unless -E or -I) and the `-X` options that set interpreter state.
fn apply_environment(options: &mut rpy_vm::Options) {
    let env = |name: &str| -> Option<String> {
        if options.ignore_environment {
            return None;
        }
        std::env::var(name).ok().filter(|v| !v.is_empty())
    };
    // A level variable: an integer sets the level, any other non-empty value means 1.
    let level = |v: String| -> u8 { v.trim().parse::<u8>().unwrap_or(1) };
    if env("PYTHONDONTWRITEBYTECODE").is_some() {
        options.dont_write_bytecode = true;
    }
    if let Some(v) = env("PYTHONOPTIMIZE") {
        options.optimize = options.optimize.max(level(v).min(2));
    }
    if let Some(v) = env("PYTHONVERBOSE") {
        options.verbose = options.verbose.max(level(v));
    }
    if env("PYTHONUNBUFFERED").is_some() {
        options.unbuffered = true;
    }
    if env("PYTHONINSPECT").is_some() {
        options.inspect = true;
    }
    if let Some(v) = env("PYTHONPYCACHEPREFIX") {
        options.pycache_prefix = Some(v);
    }
    for x in &options.xoptions {
        if let Some(dir) = x.strip_prefix("pycache_prefix=") {
            options.pycache_prefix = Some(dir.to_string());
        }
    }
    if options.check_hash_based_pycs.is_empty() {
        options.check_hash_based_pycs = "default".to_string();
    }
}

fn run(options: rpy_vm::Options, target: Target) -> i32 {
    // A panic inside a built-in function is turned into SystemError by the VM; keep the
    // default hook's report only for panics that escape (RPY_BACKTRACE=1 shows all).
    if std::env::var_os("RPY_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|info| {
            INTERNAL_PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
        }));
    }
    rpy_vm::signals::install_sigint_handler();
    let vm = rpy_vm::Vm::new(options);
    let (status, interrupted) = run_target(&vm, target);
    // As Py_FinalizeEx: the atexit callbacks run, then the standard streams are flushed.
    rpy_vm::builtins::atexit::run_exitfuncs(&vm);
    // Files still open (in module globals, which are never torn down) get their buffers
    // written, as CPython's finalization does when it destroys them.
    rpy_vm::builtins::io::flush_at_exit(&vm);
    vm.flush_std_streams();
    if interrupted {
        // CPython reports a KeyboardInterrupt, then dies by SIGINT so that callers see it.
        rpy_vm::signals::exit_by_sigint();
    }
    status
}

/// Runs the program (or the REPL); gives the exit status and whether an uncaught
/// KeyboardInterrupt ended it.
fn run_target(vm: &std::rc::Rc<rpy_vm::vm::Vm>, target: Target) -> (i32, bool) {
    let inspect = vm.options.inspect;
    if let Target::Interactive = target {
        let globals = rpy_vm::interp::main_namespace(vm, None);
        run_startup_file(vm, &globals);
        return (repl::run(vm, globals, true), false);
    }
    let result = match target {
        Target::File(f) => rpy_vm::interp::run_file(vm, &f),
        Target::Command(c) => rpy_vm::interp::run_string(vm, &c, "<string>"),
        Target::Stdin => {
            let mut src = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut src);
            rpy_vm::interp::run_string(vm, &src, "<stdin>")
        }
        Target::Module(m) => rpy_vm::interp::run_module(vm, &m),
        Target::Interactive => unreachable!("handled above"),
    };
    if inspect {
        // -i / PYTHONINSPECT: the REPL in the program's namespace, after its traceback (a
        // SystemExit ends the process as usual).
        if let Err(e) = &result {
            if vm.exc_matches(e, &vm.types.exceptions.system_exit) {
                return (vm.exit_status(result), false);
            }
            vm.report_exception(e);
        }
        let globals = match vm.modules_get("__main__") {
            Some(rpy_vm::value::Value::Obj(m)) => vm.module_dict(&m),
            _ => rpy_vm::interp::main_namespace(vm, None),
        };
        return (repl::run(vm, globals, false), false);
    }
    let interrupted =
        matches!(&result, Err(e) if vm.exc_matches(e, &vm.types.exceptions.keyboard_interrupt));
    (vm.exit_status(result), interrupted)
}

/// PYTHONSTARTUP: a file run in `__main__` before the first prompt (interactive sessions only).
fn run_startup_file(vm: &std::rc::Rc<rpy_vm::vm::Vm>, globals: &rpy_vm::value::PyRef) {
    if vm.options.ignore_environment {
        return;
    }
    let Some(path) = std::env::var_os("PYTHONSTARTUP").filter(|p| !p.is_empty()) else {
        return;
    };
    let path = path.to_string_lossy().to_string();
    let source = match std::fs::read(&path) {
        Ok(s) => s,
        Err(e) => {
            let text = rpy_vm::exceptions::strerror(e.raw_os_error().unwrap_or(0));
            eprintln!(
                "Could not open PYTHONSTARTUP\nFileNotFoundError: [Errno {}] {text}: '{path}'",
                e.raw_os_error().unwrap_or(0)
            );
            return;
        }
    };
    let r = rpy_vm::interp::compile_source(vm, &source, &path, rpy_compiler::Mode::Exec, 0)
        .and_then(|code| vm.run_code(code, globals.clone()));
    if let Err(e) = r {
        vm.report_exception(&e);
    }
}

thread_local! {
    static INTERNAL_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("{msg}");
    eprintln!("{USAGE}");
    eprintln!("Try `rpy -h' for more information.");
    ExitCode::from(2)
}

/// Options that take an argument (`-c cmd`, `-m mod`, `-W arg`, `-X opt`).
const WITH_ARGUMENT: &[char] = &['c', 'm', 'W', 'X'];

/// Splits grouped short options as CPython's getopt does: `-Bc code` is `-B -c code`, `-OO`
/// is `-O -O`, `-Wd` is `-W d`. Stops at the program (a file, `-`, `-c`/`-m` and what
/// follows them) and leaves long options (`--dis`, `--check-hash-based-pycs`) whole.
fn split_short_options(args: Vec<String>) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a == "-" || !a.starts_with('-') || a.starts_with("--") {
            let long_with_value = a == "--check-hash-based-pycs";
            out.push(a.clone());
            if long_with_value && let Some(v) = it.next() {
                out.push(v);
            }
            if a == "-" || !a.starts_with('-') || a == "--dis" {
                out.extend(it);
                break;
            }
            continue;
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut i = 0;
        let mut program_follows = false;
        while i < chars.len() {
            let c = chars[i];
            out.push(format!("-{c}"));
            if WITH_ARGUMENT.contains(&c) {
                let rest: String = chars[i + 1..].iter().collect();
                if !rest.is_empty() {
                    out.push(rest);
                } else {
                    match it.next() {
                        Some(v) => out.push(v),
                        None => return Err(format!("Argument expected for the -{c} option")),
                    }
                }
                program_follows = c == 'c' || c == 'm';
                break;
            }
            i += 1;
        }
        if program_follows {
            out.extend(it);
            break;
        }
    }
    Ok(out)
}
