"""Regenerates crates/text/src/format/testdata/printf_cases.txt: `fmt % args` for a fixed-seed
random sample of str and bytes formats and arguments, as python3.11 answers.

    python3.11 crates/text/tools/gen_printf_cases.py > crates/text/src/format/testdata/printf_cases.txt

Line format (tab-separated, each field escaped: backslash -> \\\\, characters outside printable
ASCII -> \\u{hex}):
    kind  format  args  result
kind is str or bytes (a bytes format is given as hex). args is "T" + values (a tuple), "M" +
key/value pairs (a dict) or "S" + one value, values separated by U+0001 and a key from its
value by U+0002. A value is i<int>, f<float repr or nan/inf/-inf>, s<text>, b<hex>, n (None).
result is "ok:" + text (hex for bytes) or "err:" + class + ":" + message.
"""
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


def enc(v):
    if v is None:
        return "n"
    if isinstance(v, bool):
        raise TypeError(v)
    if isinstance(v, int):
        return "i%d" % v
    if isinstance(v, float):
        return "f" + repr(v)
    if isinstance(v, str):
        return "s" + v
    if isinstance(v, bytes):
        return "b" + v.hex()
    raise TypeError(v)


rng = random.Random(2011)
INTS = [0, 1, -1, 5, -5, 42, 65, 255, -255, 1234567, -98765, 10**25, -(2**70), 0x10FFFF, 233, 2**31]
FLOATS = [0.0, -0.0, 1.5, -1.5, 0.1, 3.14159, 1e16, 1e-7, 123456.789, -0.0004, 1e300, 2.5, 0.5,
          float("inf"), float("-inf"), float("nan"), 99.995, 1e22]
STRS = ["", "a", "abc", "héllo", "\U0001F600", "x y", "'q'", "é"]
BYTESV = [b"", b"a", b"abc", b"\xff\x00", b"q'"]
CONVS = "sssrradiudiuoxXxeEfFgGcc"
BAD_CONVS = "yzbkq%\x01é"


def value(conv, bytes_mode):
    r = rng.random()
    if r < 0.1:
        return rng.choice([None] + STRS + BYTESV + INTS + FLOATS)
    if conv in "diuoxXc":
        if conv == "c" and rng.random() < 0.4:
            return rng.choice(BYTESV if bytes_mode else STRS)
        return rng.choice(INTS)
    if conv in "eEfFgG":
        return rng.choice(FLOATS + INTS[:6])
    if bytes_mode and conv in "sb":
        return rng.choice(BYTESV)
    return rng.choice(STRS + INTS + FLOATS + [None])


def spec(keyed, bytes_mode):
    """One conversion spec: the text, the keys it names and the values it consumes."""
    conv = rng.choice(CONVS + ("b" if bytes_mode else "")) if rng.random() > 0.04 else rng.choice(BAD_CONVS)
    text = "%"
    key = None
    if keyed:
        key = rng.choice(["a", "b", "k(1)", ""])
        text += "(" + key + ")"
    text += "".join(rng.sample("-+ #0", rng.choice([0, 0, 1, 1, 2, 3])))
    stars = []
    w = rng.choice(["", "", "", "1", "5", "12", "*"])
    if w == "*" and not keyed:
        stars.append(rng.choice([3, -4, 0, 7]))
        text += "*"
    elif w != "*":
        text += w
    p = rng.choice(["", "", "", ".0", ".2", ".5", ".12", ".*"])
    if p == ".*" and not keyed:
        stars.append(rng.choice([0, 1, 3, -2]))
        text += ".*"
    elif p != ".*":
        text += p
    if rng.random() < 0.05:
        text += rng.choice("hlL")
    text += conv
    return text, key, stars + [value(conv, bytes_mode)]


def case(bytes_mode):
    keyed = rng.random() < 0.2
    pieces = []
    args = []
    mapping = {}
    for _ in range(rng.choice([1, 1, 2, 3])):
        if rng.random() < 0.3:
            pieces.append(rng.choice(["x", "ab ", "é", "%%", "[", "]"]))
        text, key, vals = spec(keyed, bytes_mode)
        pieces.append(text)
        if keyed:
            mapping[key] = vals[-1]
        else:
            args.extend(vals)
    if rng.random() < 0.05:
        pieces.append(rng.choice(["%", "%(", "%5", "%-"]))
    fmt = "".join(pieces)
    if keyed:
        if bytes_mode:
            mapping = {k.encode(): v for k, v in mapping.items()}
        if rng.random() < 0.1:
            mapping.pop(next(iter(mapping)))
        arg_obj = mapping
        arg_enc = "M" + "\x01".join(
            (k.hex() if bytes_mode else k) + "\x02" + enc(v) for k, v in mapping.items())
    else:
        r = rng.random()
        if r < 0.08 and args:
            args.pop()
        elif r < 0.16:
            args.append(rng.choice(INTS))
        if len(args) == 1 and rng.random() < 0.5 and not isinstance(args[0], (tuple, dict)):
            arg_obj = args[0]
            arg_enc = "S" + enc(args[0])
        else:
            arg_obj = tuple(args)
            arg_enc = "T" + "\x01".join(enc(v) for v in args)
    if bytes_mode:
        try:
            fmt_obj = fmt.encode("latin-1")
        except UnicodeEncodeError:
            fmt_obj = fmt.encode("utf-8")
        shown = fmt_obj.hex()
    else:
        fmt_obj = fmt
        shown = fmt
    try:
        r = fmt_obj % arg_obj
        res = "ok:" + (r.hex() if bytes_mode else r)
    except Exception as e:  # noqa: BLE001 - the table records every exception
        res = "err:%s:%s" % (type(e).__name__, e)
    if "KeyError" in res:
        return None
    return ("bytes" if bytes_mode else "str", shown, arg_enc, res)


seen = set()
for i in range(2600):
    row = case(bytes_mode=i % 3 == 2)
    if row is None or row[:3] in seen:
        continue
    seen.add(row[:3])
    print("\t".join(esc(x) for x in row))
