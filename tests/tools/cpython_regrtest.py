"""CPython's own regression tests, run on rpy's bytecode and on CPython's.

Builds two copies of python3.11's standard library (Lib without site-packages and without any
__pycache__; lib-dynload is a symlink to the original):

  target/tmp/regrtest/rpy/lib/python3.11      every module compiled by rpy-compiler
                                              (crates/compiler/examples/compile_tree.rs)
  target/tmp/regrtest/cpython/lib/python3.11  every module compiled by `python3.11 -m compileall`

checks that python3.11, started with PYTHONHOME set to either copy and `-X frozen_modules=off`,
really loads its modules from that copy's pycs (nothing frozen, nothing compiled from source),
then runs `python3.11 -m test` over the same tests in both homes and compares the outcome of
every test module and every test case. Exit status 0 when both runs agree, 1 otherwise.

  python3.11 tests/tools/cpython_regrtest.py                      # the default test list
  python3.11 tests/tools/cpython_regrtest.py --tests test_grammar test_with
  python3.11 tests/tools/cpython_regrtest.py --reuse-cpython      # keep the CPython run
  python3.11 tests/tools/cpython_regrtest.py --all                # the whole test suite

PYTHONDONTWRITEBYTECODE=1 is set for the test runs (nothing may rewrite a pyc) and cleared only
for compileall. Reports (the per-case failures with their tracebacks) go to
target/tmp/regrtest/report-{rpy,cpython}.txt.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import types
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402  (tests/tools/corpus.py: its deep code-object comparison)

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "target" / "tmp" / "regrtest"
CACHE_TAG = "cpython-311"

DEFAULT_TESTS = """
test_grammar test_syntax test_exceptions test_raise test_class test_descr test_super test_scope
test_generators test_coroutines test_asyncgen test_with test_contextlib test_keywordonlyarg
test_positional_only_arg test_unpack test_unpack_ex test_patma test_fstring
test_string_literals test_listcomps test_setcomps test_dictcomps test_genexps test_funcattrs
test_decorators test_dataclasses test_enum test_typing test_json test_re test_collections
test_itertools test_functools test_exception_group test_except_star test_opcodes
test_augassign test_binop test_bool test_int test_float test_dict test_list test_set
test_types test_compile test_dis
""".split()

# Modules the interpreter needs before it can import anything: frozen whatever -X says.
ALWAYS_FROZEN = {"_frozen_importlib", "_frozen_importlib_external", "zipimport"}
# Start-up modules that must come from the tree (they are frozen by default in 3.11).
STARTUP = ["site", "os", "codecs", "io", "abc", "stat", "posixpath", "encodings"]
PROBE_IMPORTS = ["json", "re", "typing", "dataclasses", "test.libregrtest", "test.test_grammar"]


def log(*args):
    print(*args, flush=True)


def real_python():
    """The python3.11 binary itself (not a pyenv shim) and its stdlib directory."""
    out = subprocess.run(
        ["python3.11", "-c",
         "import sys, sysconfig; print(sys.executable); print(sysconfig.get_paths()['stdlib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.split("\n")
    return os.path.realpath(out[0]), os.path.realpath(out[1])


def make_home(kind, stdlib):
    """A fresh copy of the stdlib at WORK/kind/lib/python3.11; returns (home, lib)."""
    home = WORK / kind
    if home.exists():
        shutil.rmtree(home)
    lib = home / "lib" / "python3.11"

    def ignore(directory, names):
        skip = {"__pycache__"}
        if os.path.realpath(directory) == stdlib:
            skip |= {"site-packages", "lib-dynload"}
        return [n for n in names if n in skip]

    shutil.copytree(stdlib, lib, ignore=ignore, symlinks=True)  # copy2 keeps the mtimes
    os.symlink(os.path.join(stdlib, "lib-dynload"), lib / "lib-dynload")
    (lib / "site-packages").mkdir()
    return home, lib


def cargo(args, lock):
    cmd = (["flock", lock] if lock else []) + ["cargo", *args]
    subprocess.run(cmd, cwd=ROOT, check=True)


def compile_rpy(lib, jobs, lock, build=True):
    if build:
        cargo(["build", "--release", "-q", "-p", "rpy-compiler", "--example", "compile_tree"],
              lock)
    tool = ROOT / "target" / "release" / "examples" / "compile_tree"
    out = subprocess.run([str(tool), "-j", str(jobs), str(lib)], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"compile_tree failed:\n{out.stdout}{out.stderr}")
    log("  " + out.stdout.strip())
    return [line for line in out.stderr.splitlines() if line.strip()]


def compile_cpython(python, lib, jobs):
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONHOME", None)
    started = time.monotonic()
    # Exits 1 because of the files CPython rejects (badsyntax_*, bad_coding*): not checked.
    out = subprocess.run(
        [python, "-m", "compileall", "-q", "-j", str(jobs), str(lib)],
        env=env, capture_output=True, text=True,
    )
    errors = [m.group(1) for m in re.finditer(r"\*\*\* Error compiling '([^']*)'", out.stdout)]
    log(f"  compileall: {len(errors)} files failed ({time.monotonic() - started:.1f} s)")
    return errors


def pyc_of(source):
    return source.parent / "__pycache__" / f"{source.stem}.{CACHE_TAG}.pyc"


def sources(lib):
    for root, dirs, files in os.walk(lib):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and d != "lib-dynload")
        for name in sorted(files):
            if name.endswith(".py"):
                yield Path(root) / name


def without_pyc(lib):
    return [str(s.relative_to(lib)) for s in sources(lib) if not pyc_of(s).exists()]


def renamed(code, filename):
    """`code` with co_filename set to `filename` throughout."""
    consts = tuple(renamed(c, filename) if isinstance(c, types.CodeType) else c
                   for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def identical_modules(rpy_lib, cpython_lib):
    """How many of rpy's pycs hold code equal to CPython's in every field (corpus.py's deep
    comparison), co_filename aside: the homes differ."""
    same = total = 0
    for source in sources(rpy_lib):
        ours = pyc_of(source)
        theirs = pyc_of(cpython_lib / source.relative_to(rpy_lib))
        if ours.exists() and theirs.exists():
            total += 1
            a, b = corpus.load(theirs), corpus.load(ours)
            same += corpus.same(a, renamed(b, a.co_filename)) is None
    return same, total


def run_env(home):
    env = dict(os.environ)
    env["PYTHONHOME"] = str(home)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONPATH", None)
    return env


def verify(python, home, lib):
    """python3.11 -v must load every module of the probe from the home's pycs."""
    out = subprocess.run(
        [python, "-X", "frozen_modules=off", "-v", "-c", "import " + ", ".join(PROBE_IMPORTS)],
        env=run_env(home), capture_output=True, text=True,
    )
    problems = []
    if out.returncode != 0:
        problems.append(f"exit status {out.returncode}: {out.stderr[-2000:]}")
    prefix = str(lib) + os.sep
    from_pyc, from_source, loaded = [], [], {}
    for line in out.stderr.splitlines():
        m = re.match(r"# code object from '?(.*?)'?$", line)
        if m:
            path = m.group(1)
            if not path.startswith(prefix):
                problems.append(f"code from outside the home: {path}")
            elif path.endswith(f".{CACHE_TAG}.pyc"):
                from_pyc.append(path)
            else:
                from_source.append(path)
            continue
        m = re.match(r"import '([\w.]+)' # (.*)$", line)
        if m:
            loaded[m.group(1)] = m.group(2)
    for path in from_source:
        problems.append(f"compiled from source, no usable pyc: {path}")
    for name, loader in loaded.items():
        if "FrozenImporter" in loader and name not in ALWAYS_FROZEN:
            problems.append(f"frozen module used: {name}")
    for name in STARTUP + PROBE_IMPORTS:
        if "SourceFileLoader" not in loaded.get(name, ""):
            problems.append(f"{name} not loaded from the tree: {loaded.get(name)}")
    matches = len(re.findall(r"^# \S+\.cpython-311\.pyc matches ", out.stderr, re.M))
    return len(from_pyc), matches, problems


# -- running the tests and reading the results ------------------------------------------------

def classify(state):
    state = state.strip()
    if state.startswith("passed"):
        return "passed"
    if state.startswith("failed (env changed)"):
        return "env changed"
    if state.startswith("skipped (resource denied)"):
        return "resource denied"
    for word in ("failed", "skipped", "crashed", "timed out", "run no tests", "interrupted"):
        if state.startswith(word):
            return word
    return state


def read_junit(path):
    """{case name: 'ok' | 'FAIL' | 'ERROR' | 'skipped'}, {case name: failure text}."""
    cases, texts = {}, {}
    if not path.exists():
        return cases, texts
    try:
        tree = ET.parse(path)
    except ET.ParseError:
        return cases, texts
    for case in tree.iter("testcase"):
        name = case.get("name", "?")
        outcome = "ok"
        for child in case:
            if child.tag == "failure":
                outcome = "FAIL"
            elif child.tag == "error":
                outcome = "ERROR"
            elif child.tag == "skipped" and outcome == "ok":
                outcome = "skipped"
            if child.tag in ("failure", "error"):
                texts[name] = (child.get("message") or "") + "\n" + (child.text or "")
        cases[name] = outcome
    return cases, texts


def run_tests(python, home, tests, jobs, timeout, junit=True):
    """`python -m test` in `home`: each module's result, and each test case's (JUnit XML)."""
    xml = WORK / f"junit-{home.name}.xml"
    if xml.exists():
        xml.unlink()
    cmd = [python, "-X", "frozen_modules=off", "-m", "test", f"-j{jobs}", "--timeout",
           str(timeout), *(["--junit-xml", str(xml)] if junit else []), *tests]
    started = time.monotonic()
    proc = subprocess.run(cmd, env=run_env(home), cwd=WORK, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    (WORK / f"output-{home.name}.txt").write_text(proc.stdout + proc.stderr)
    status = {}
    for line in proc.stdout.splitlines():
        m = re.search(r"\[\s*\d+/\d+(?:/\d+)?\] ([\w.]+) (.*?)(?: -- running.*)?$", line)
        if m:
            status[m.group(1)] = classify(m.group(2))
    for test in tests:
        status.setdefault(test, "no result")
    cases, texts = read_junit(xml)
    return {"status": status, "cases": cases, "texts": texts, "seconds": elapsed,
            "exit": proc.returncode, "tests": tests or sorted(status)}


def failing_cases_verbose(python, home, tests, timeout):
    """Reruns `tests` one process, verbose: {case: 'FAIL' | 'ERROR'} from unittest's lines.
    (--all avoids --junit-xml: regrtest's workers cannot always serialize it.)"""
    cmd = [python, "-X", "frozen_modules=off", "-m", "test", "-v", "--timeout", str(timeout),
           *tests]
    proc = subprocess.run(cmd, env=run_env(home), cwd=WORK, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, errors="replace")
    (WORK / f"verbose-{home.name}.txt").write_text(proc.stdout)
    cases, current = {}, None
    for line in proc.stdout.splitlines():
        m = re.match(r"^(\w+) \(([\w.]+)\)", line)
        if m:
            current = f"{m.group(2)}" if m.group(2).endswith(m.group(1)) else \
                f"{m.group(2)}.{m.group(1)}"
        m = re.search(r"\.\.\. (FAIL|ERROR)$", line)
        if m and current:
            cases[current] = m.group(1)
    return cases


def failing(cases):
    return {name for name, outcome in cases.items() if outcome in ("FAIL", "ERROR")}


def module_of(case, tests=()):
    """The test module (as regrtest names it) that a test case belongs to."""
    for test in tests:
        if case.startswith(test + ".") or case.startswith("test." + test + "."):
            return test
    parts = case.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "test" else parts[0]


def write_report(kind, result):
    lines = [f"{kind}: {result['seconds']:.0f} s, exit status {result['exit']}", ""]
    for test, state in sorted(result["status"].items()):
        lines.append(f"{test:32} {state}")
    lines.append("")
    for name in sorted(result["texts"]):
        lines += [f"=== {name}: {result['cases'][name]}", result["texts"][name], ""]
    (WORK / f"report-{kind}.txt").write_text("\n".join(lines))


def compare(tests, rpy, cpython):
    """Prints the table; returns whether both runs agree."""
    log("")
    log(f"{'test':30} {'rpy pycs':18} {'CPython pycs':18} {'cases':>6}  rpy-only failures")
    identical = True
    wanted = set(tests)
    rpy_fail = {c for c in failing(rpy["cases"]) if module_of(c, tests) in wanted}
    cpy_fail = {c for c in failing(cpython["cases"]) if module_of(c, tests) in wanted}
    for test in tests:
        a, b = rpy["status"][test], cpython["status"][test]
        mine = {c for c in rpy_fail - cpy_fail if module_of(c, tests) == test}
        theirs = {c for c in cpy_fail - rpy_fail if module_of(c, tests) == test}
        cases = sum(1 for c in cpython["cases"] if module_of(c, tests) == test)
        same = a == b and not mine and not theirs
        identical &= same
        mark = "" if same else "  <-- differs"
        log(f"{test:30} {a:18} {b:18} {cases:6}  {len(mine) or ''}{mark}")
        for case in sorted(mine):
            first = rpy["texts"].get(case, "").strip().splitlines()
            log(f"    only with rpy's pycs: {case} ({rpy['cases'][case]})"
                + (f": {first[-1][:150]}" if first else ""))
        for case in sorted(theirs):
            log(f"    only with CPython's pycs: {case} ({cpython['cases'][case]})")
    counts = {}
    for kind, result in (("rpy", rpy), ("cpython", cpython)):
        states = [result["status"][t] for t in tests]
        counts[kind] = ", ".join(f"{states.count(s)} {s}" for s in sorted(set(states)))
    log("")
    n_cases = {kind: sum(1 for c in result["cases"] if module_of(c, tests) in wanted)
               for kind, result in (("rpy", rpy), ("cpython", cpython))}
    log(f"rpy pycs:     {counts['rpy']}; {n_cases['rpy']} test cases, "
        f"{len(rpy_fail)} failing; {rpy['seconds']:.0f} s")
    log(f"CPython pycs: {counts['cpython']}; {n_cases['cpython']} test cases, "
        f"{len(cpy_fail)} failing; {cpython['seconds']:.0f} s")
    differing = sum(
        1 for t in tests
        if rpy["status"][t] != cpython["status"][t]
        or any(module_of(c, tests) == t for c in rpy_fail ^ cpy_fail)
    )
    log(f"{len(tests) - differing} of {len(tests)} test modules identical, {differing} differ")
    return identical


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tests", nargs="+", default=DEFAULT_TESTS, metavar="TEST")
    parser.add_argument("--all", action="store_true",
                        help="the whole test suite (regrtest's default selection)")
    parser.add_argument("--jobs", type=int, default=2, help="compile and test workers (2)")
    parser.add_argument("--timeout", type=int, default=600, help="per test module, seconds")
    parser.add_argument("--reuse-cpython", action="store_true",
                        help="keep the CPython home and its results from an earlier run")
    parser.add_argument("--no-build", action="store_true",
                        help="use target/release/examples/compile_tree as it is")
    parser.add_argument("--cargo-lock", metavar="FILE",
                        help="run cargo under `flock FILE` (shared build machines)")
    args = parser.parse_args()

    python, stdlib = real_python()
    log(f"python3.11: {python}\nstdlib:     {stdlib}")
    WORK.mkdir(parents=True, exist_ok=True)

    saved = WORK / "results-cpython.json"
    cpython_home = WORK / "cpython"
    cpython_lib = cpython_home / "lib" / "python3.11"
    reuse = args.reuse_cpython and cpython_lib.exists()
    if not reuse:
        log("CPython home: copying the stdlib, compileall")
        cpython_home, cpython_lib = make_home("cpython", stdlib)
        compile_cpython(python, cpython_lib, args.jobs)
    log("rpy home: copying the stdlib, compile_tree")
    rpy_home, rpy_lib = make_home("rpy", stdlib)
    compile_rpy(rpy_lib, args.jobs, args.cargo_lock, build=not args.no_build)

    missing = {kind: without_pyc(lib) for kind, lib in (("rpy", rpy_lib), ("cpython", cpython_lib))}
    for kind in ("rpy", "cpython"):
        log(f"  {kind}: {len(missing[kind])} sources without a pyc")
    only_rpy = sorted(set(missing["rpy"]) - set(missing["cpython"]))
    log(f"  compiled by CPython but not by rpy ({len(only_rpy)}; CPython compiles these "
        "from source at import):")
    for path in only_rpy:
        log(f"    {path}")
    same, total = identical_modules(rpy_lib, cpython_lib)
    log(f"  {same} of {total} modules compile to code identical to CPython's in every field")

    ok = True
    for kind, home, lib in (("rpy", rpy_home, rpy_lib), ("cpython", cpython_home, cpython_lib)):
        n_pyc, n_match, problems = verify(python, home, lib)
        log(f"verify {kind}: {n_pyc} modules loaded from pycs in the home "
            f"({n_match} 'matches' lines), {len(problems)} problems")
        for p in problems:
            log(f"    {p}")
        ok &= not problems
    if not ok:
        sys.exit("the homes do not load their own pycs: not running the tests")

    tests = [] if args.all else args.tests
    cpython = None
    if reuse and saved.exists():
        cpython = json.loads(saved.read_text())
        if not tests or not set(tests) <= set(cpython["tests"]):
            cpython = None
        else:
            log(f"CPython pycs: reusing the results of {saved}")
    log(f"running {len(tests) or 'all'} test modules with rpy's pycs")
    rpy = run_tests(python, rpy_home, tests, args.jobs, args.timeout, junit=not args.all)
    log(f"  {rpy['seconds']:.0f} s")
    write_report("rpy", rpy)
    if cpython is None:
        log(f"running {len(tests) or 'all'} test modules with CPython's pycs")
        cpython = run_tests(python, cpython_home, tests, args.jobs, args.timeout,
                            junit=not args.all)
        log(f"  {cpython['seconds']:.0f} s")
        write_report("cpython", cpython)
        saved.write_text(json.dumps(cpython))
    if not tests:
        tests = sorted(set(rpy["status"]) | set(cpython["status"]))
        for result in (rpy, cpython):
            for test in tests:
                result["status"].setdefault(test, "no result")
        # The test cases behind each differing module: a verbose rerun of those modules.
        differing = [t for t in tests if rpy["status"][t] != cpython["status"][t]]
        if differing:
            log(f"rerunning {len(differing)} differing modules verbosely in both homes")
            for result, home in ((rpy, rpy_home), (cpython, cpython_home)):
                result["cases"] = failing_cases_verbose(python, home, differing, args.timeout)
    identical = compare(tests, rpy, cpython)
    if only_rpy:
        log(f"note: {len(only_rpy)} files had no rpy pyc (listed above)")
    sys.exit(0 if identical else 1)


if __name__ == "__main__":
    main()
