"""The python3.11 side of the pyc-corpus tests (crates/marshal/tests/cpython_corpus.rs).

python3.11 is the oracle: it compiles the standard library, and it judges what our marshal
writer, table decoders and disassembler produce.  Subcommands (file lists are one path per line):

  build DIR          compileall CPython's Lib (minus site-packages) with pycache_prefix=DIR;
                     prints the pyc paths, one per line, to stdout
  equal PAIRS        PAIRS lines are "ORIGINAL<TAB>OURS": checks that marshal.loads of our
                     bytes equals marshal.loads of CPython's (every code-object field, deeply);
                     prints "ok N" or "bad PATH: REASON" lines
  tables LIST        per pyc: "PATH<TAB>CRC" where CRC is crc32 of the co_positions() and
                     exception-table text of every code object (format: see `tables_text`)
  dis LIST           per pyc: "PATH<TAB>CRC" of dis.dis text with addresses masked
  distext PYC        the masked dis.dis text of one pyc (for diagnostics)

Run with PYTHONHASHSEED=0 so that frozenset constants print in a reproducible order.
"""

import compileall
import dis
import io
import marshal
import os
import re
import subprocess
import sys
import sysconfig
import types
import zlib

ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def load(path):
    with open(path, "rb") as f:
        return marshal.loads(f.read()[16:])


def build(outdir):
    stdlib = sysconfig.get_paths()["stdlib"]
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Files CPython itself cannot compile (bad_coding*, badsyntax_*) make compileall exit 1.
    subprocess.run(
        [sys.executable, "-X", f"pycache_prefix={outdir}", "-m", "compileall", "-q", "-j", "0",
         "-x", "site-packages", stdlib],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
    )
    for root, _dirs, files in os.walk(outdir):
        for name in sorted(files):
            if name.endswith(".cpython-311.pyc"):
                print(os.path.join(root, name))


def same(a, b, where="top"):
    """Deep equality that also sees what `==` ignores (types, -0.0, nan, co_filename…)."""
    if type(a) is not type(b):
        return f"{where}: type {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, types.CodeType):
        for attr in ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize",
                     "co_flags", "co_code", "co_names", "co_varnames", "co_cellvars",
                     "co_freevars", "co_nlocals", "co_filename", "co_name", "co_qualname",
                     "co_firstlineno", "co_linetable", "co_exceptiontable"):
            if getattr(a, attr) != getattr(b, attr):
                return f"{where}.{attr} differs"
        if len(a.co_consts) != len(b.co_consts):
            return f"{where}.co_consts length differs"
        for i, (x, y) in enumerate(zip(a.co_consts, b.co_consts)):
            err = same(x, y, f"{where}/{a.co_qualname}.co_consts[{i}]")
            if err:
                return err
        return None
    if isinstance(a, (float, complex)):
        return None if repr(a) == repr(b) else f"{where}: {a!r} != {b!r}"
    if isinstance(a, (tuple, list)):
        if len(a) != len(b):
            return f"{where}: length {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            err = same(x, y, f"{where}[{i}]")
            if err:
                return err
        return None
    if isinstance(a, (set, frozenset)):
        if len(a) != len(b) or any(not any(same(x, y) is None for y in b) for x in a):
            return f"{where}: {a!r} != {b!r}"
        return None
    if isinstance(a, dict):
        if list(a) != list(b):
            return f"{where}: keys differ"
        for k in a:
            err = same(a[k], b[k], f"{where}[{k!r}]")
            if err:
                return err
        return None
    return None if a == b else f"{where}: {a!r} != {b!r}"


def equal(pairs_file):
    ok = 0
    with open(pairs_file) as f:
        for line in f:
            orig, ours = line.rstrip("\n").split("\t")
            try:
                with open(ours, "rb") as fh:
                    theirs_obj, ours_obj = load(orig), marshal.loads(fh.read())
            except Exception as e:  # noqa: BLE001 - report anything CPython refuses
                print(f"bad {orig}: CPython cannot load our bytes: {type(e).__name__}: {e}")
                continue
            err = same(theirs_obj, ours_obj)
            if err:
                print(f"bad {orig}: {err}")
            else:
                ok += 1
    print(f"ok {ok}")


def fmt(v):
    return "N" if v is None else str(v)


def walk(code):
    yield code
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            yield from walk(c)


def tables_text(code):
    """Positions and exception table of every code object, pre-order."""
    out = []
    for c in walk(code):
        out.append("P")
        out.extend(",".join(map(fmt, p)) + ";" for p in c.co_positions())
        out.append("E")
        for e in dis._parse_exception_table(c):
            out.append(f"{e.start},{e.end},{e.target},{e.depth},{int(e.lasti)};")
        out.append("|")
    return "".join(out)


def dis_text(code):
    f = io.StringIO()
    dis.dis(code, file=f)
    return ADDRESS.sub(" at 0x?", f.getvalue())


def crcs(list_file, fn):
    with open(list_file) as f:
        for line in f:
            path = line.strip()
            text = fn(load(path))
            print(f"{path}\t{zlib.crc32(text.encode('utf-8', 'surrogatepass')):08x}")


def main():
    cmd, arg = sys.argv[1], sys.argv[2]
    if cmd == "build":
        build(arg)
    elif cmd == "equal":
        equal(arg)
    elif cmd == "tables":
        crcs(arg, tables_text)
    elif cmd == "dis":
        crcs(arg, dis_text)
    elif cmd == "distext":
        sys.stdout.write(dis_text(load(arg)))
    else:
        sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
