"""Regenerates crates/text/src/format/testdata/format_cases.txt: format(value, spec) for a
fixed-seed random sample of specs over ints, floats, complexes and strs, as python3.11 answers.

    python3.11 crates/text/tools/gen_format_cases.py > crates/text/src/format/testdata/format_cases.txt

Line format (tab-separated, fields escaped as below):
    kind  value  spec  result
kind is int/float/complex/str; value is decimal (int), repr or nan/-nan/inf/-inf (float),
"re,im" (complex) or the text (str); result is "ok:" + text or "err:" + class + ":" + message.
Escapes: backslash -> \\\\, other characters outside printable ASCII -> \\u{hex}.
"""
import math
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "regenerate with python3.11"


def esc(s):
    out = []
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif " " <= c <= "~":
            out.append(c)
        else:
            out.append("\\u{%x}" % ord(c))
    return "".join(out)


def fval(x):
    if math.isnan(x):
        return "-nan" if math.copysign(1, x) < 0 else "nan"
    return repr(x)


rng = random.Random(311)
FILLS = ["", "", "", "<", ">", "^", "=", "*<", "*>", "*^", "*=", "0=", "0<", "0^", "é>", "\U0001F600^", "x="]
SIGNS = ["", "", "+", " ", "-"]
ZS = ["", "", "", "z"]
ALTS = ["", "", "#"]
ZEROS = ["", "", "0"]
WIDTHS = ["", "", "1", "5", "8", "12", "17", "25"]
GROUPS = ["", "", "", ",", "_"]
PRECS = ["", "", ".0", ".1", ".3", ".6", ".17", ".25"]

INT_TYPES = ["", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "s"]
FLOAT_TYPES = ["", "", "e", "E", "f", "F", "g", "G", "n", "%", "d"]
COMPLEX_TYPES = ["", "", "e", "E", "f", "F", "g", "G", "n", "%"]
STR_TYPES = ["", "", "s", "d"]

INTS = [0, 1, -1, 7, -7, 42, 65, 255, -255, 1234, -1234, 99999, 1234567, -7654321, 10**20,
        -10**20, 2**64, 0x10FFFF, 0x1F600, 2**100 + 12345, 233]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 1234.5678, -1234.5678, 1e16, 1e15,
          123456789.0, 1e-5, 1e-4, 0.00012345, 1e22, 1e300, -1e-300, 5e-324, 1.7976931348623157e308,
          99999.5, 999999.5, 9.995, 0.05, -0.0004, 2.0**60, math.pi, -math.e, float("inf"),
          float("-inf"), float("nan"), -float("nan"), 12345678.9, 1e100, 0.3]
COMPLEXES = [(0.0, 0.0), (-0.0, -0.0), (1.0, 2.0), (1.5, -2.25), (0.0, 1.0), (-0.0, 1.0),
             (1234.5, 6789.0), (1e20, 1e-20), (float("nan"), float("inf")), (-1.0, float("-inf")),
             (-1e-9, 1e-9), (3.0, -0.0), (0.1, 0.2), (12345678.0, -0.5)]
STRS = ["", "a", "abc", "héllo", "\U0001F600x", "spam and eggs", "0123456789"]


def spec(types, prec_odds=1.0, zero_odds=1.0):
    """A random spec; the odds thin out options that mostly produce errors for a type."""
    fill = rng.choice(FILLS)
    if fill.startswith("0") and rng.random() > zero_odds:
        fill = fill[1:]
    zero = rng.choice(ZEROS) if rng.random() <= zero_odds else ""
    prec = rng.choice(PRECS) if rng.random() <= prec_odds else ""
    return (fill + rng.choice(SIGNS) + rng.choice(ZS) + rng.choice(ALTS) + zero
            + rng.choice(WIDTHS) + rng.choice(GROUPS) + prec + rng.choice(types))


def run(value, s):
    try:
        r = format(value, s)
    except Exception as e:  # noqa: BLE001 - the table records every exception
        return "err:%s:%s" % (type(e).__name__, e)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in r):
        return None
    return "ok:" + r


rows = []
seen = set()


def add(kind, shown, value, s):
    if s == "" or (kind, shown, s) in seen:
        return
    seen.add((kind, shown, s))
    r = run(value, s)
    if r is not None:
        rows.append((kind, shown, s, r))


for _ in range(2000):
    v = rng.choice(INTS)
    add("int", str(v), v, spec(INT_TYPES, prec_odds=0.15))
for _ in range(2000):
    v = rng.choice(FLOATS)
    add("float", fval(v), v, spec(FLOAT_TYPES))
for _ in range(1000):
    re, im = rng.choice(COMPLEXES)
    add("complex", fval(re) + "," + fval(im), complex(re, im), spec(COMPLEX_TYPES, zero_odds=0.2))
for _ in range(600):
    v = rng.choice(STRS)
    add("str", v, v, spec(STR_TYPES))

# Random doubles (random bit patterns) through the digit generation of every float style.
for _ in range(600):
    x = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
    if rng.random() < 0.5:
        x = float("%.*g" % (rng.randint(1, 6), x))  # short decimals: exact ties in rounding
    prec = rng.choice(["", ".0", ".1", ".2", ".3", ".5", ".8", ".12", ".16", ".17", ".20", ".40"])
    spec_text = rng.choice(["", "#"]) + prec + rng.choice(["e", "E", "f", "F", "g", "G", "", "%"])
    add("float", fval(x), x, spec_text or ".17")

for kind, shown, s, r in rows:
    print("\t".join(esc(x) for x in (kind, shown, s, r)))
