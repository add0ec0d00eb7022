"""Regenerates crates/text/src/format/testdata/fieldname_cases.txt: what python3.11's
_string.formatter_parser and _string.formatter_field_name_split make of a fixed-seed random
sample of format strings and field names.

    python3.11 crates/text/tools/gen_fieldname_cases.py > crates/text/src/format/testdata/fieldname_cases.txt

Line format (tab-separated, each field escaped: backslash -> \\\\, characters outside printable
ASCII -> \\u{hex}):
    markup  template  result     result: "ok:" + items joined by U+0001, an item being
                                 literal, name, spec, conversion joined by U+0002 (U+0003
                                 for None); or "err:" + message
    split   name      result     result: "ok:" + first (i<int> or s<str>) then accessors
                                 (a<attr>, i<int>, k<key>) joined by U+0001, stopping at an
                                 error shown as "e<message>"; or "err:" + message
"""
import _string
import random
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


def opt(x):
    return "\x03" if x is None else x


def markup(t):
    try:
        items = list(_string.formatter_parser(t))
    except ValueError as e:
        return "err:%s" % e
    return "ok:" + "\x01".join(
        "\x02".join(opt(x) for x in item) for item in items)


def split(name):
    try:
        first, rest = _string.formatter_field_name_split(name)
    except ValueError as e:
        return "err:%s" % e
    parts = [("i%d" % first) if isinstance(first, int) else "s" + first]
    try:
        for is_attr, v in rest:
            if is_attr:
                parts.append("a" + v)
            elif isinstance(v, int):
                parts.append("i%d" % v)
            else:
                parts.append("k" + v)
    except ValueError as e:
        parts.append("e%s" % e)
    return "ok:" + "\x01".join(parts)


rng = random.Random(1911)
MARKUP_ALPHABET = ["{", "{", "}", "}", "!", ":", "[", "]", ".", "a", "0", "1", "r", "s",
                   "é", "x", " ", "{}", "{0}", "{a.b[c]!r:>{w}}", "{{", "}}", "\x00"]
NAME_ALPHABET = [".", ".", "[", "]", "a", "b", "0", "1", "9", "٣", "é", " ", "-", "!", "{"]

seen = set()
rows = []
for _ in range(1500):
    t = "".join(rng.choice(MARKUP_ALPHABET) for _ in range(rng.randint(1, 8)))
    if ("markup", t) not in seen:
        seen.add(("markup", t))
        rows.append(("markup", t, markup(t)))
for _ in range(700):
    n = "".join(rng.choice(NAME_ALPHABET) for _ in range(rng.randint(0, 7)))
    if ("split", n) not in seen:
        seen.add(("split", n))
        rows.append(("split", n, split(n)))
for extra in ["99999999999999999999", "a[99999999999999999999]", "0" * 30, "a.b.c[0][x].d"]:
    rows.append(("split", extra, split(extra)))
for row in rows:
    print("\t".join(esc(x) for x in row))
