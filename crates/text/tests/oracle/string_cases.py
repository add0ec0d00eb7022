"""Prints random str and bytes method calls with python3.11's results, one per line, for
crates/text/tests/strings_oracle.rs to replay against rpy-text.

Line format: fields separated by tabs, the first is the method, the last is the result.
A str is `s` + hex of its UTF-8, bytes `b` + hex, None `-`, a list `[` + comma-separated
items + `]`, a bool `T`/`F`, an int in decimal, an error `!` + message.
"""

import random
import sys

assert sys.version_info[:2] == (3, 11), "must run under python3.11"

rng = random.Random(311)

STR_ALPHABET = ["a", "b", "A", "é", "€", "😀", " ", "\t", "\n", "\r", "\x1c", "\x85", "\u3000",
                "\u2028", "Σ", "ß", "ǅ", ",", "'", "1", "٣"]
BYTES_ALPHABET = [b"a", b"b", b"A", b" ", b"\t", b"\n", b"\r", b"\x0b", b"\x1c", b"\x85",
                  b",", b"'", b"1", b"\xff"]


def enc(v):
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "T" if v else "F"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return "s" + v.encode("utf-8").hex()
    if isinstance(v, (bytes, bytearray)):
        return "b" + bytes(v).hex()
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(enc(x) for x in v) + "]"
    raise TypeError(v)


def rand_str(alphabet, empty):
    n = rng.choice([0, 1, 2, 3, 5, 8, 13])
    return empty.join(rng.choice(alphabet) for _ in range(n))


def rand_index():
    return rng.choice([None, None, 0, 1, 2, 3, -1, -2, -3, 5, 9, -9, 20, -20])


def emit(name, args, fn):
    try:
        result = fn()
    except ValueError as e:
        result = "!" + str(e)
        print("\t".join([name] + [enc(a) for a in args] + [result]))
        return
    print("\t".join([name] + [enc(a) for a in args] + [enc(result)]))


for alphabet, empty in ((STR_ALPHABET, ""), (BYTES_ALPHABET, b"")):
    for _ in range(6000):
        s = rand_str(alphabet, empty)
        # Substrings of s make matches likely.
        if rng.random() < 0.6 and len(s) > 0:
            i = rng.randrange(len(s))
            sub = s[i : i + rng.choice([0, 1, 1, 2, 3])]
        else:
            sub = rand_str(alphabet[:5], empty)[:2]
        start, end = rand_index(), rand_index()
        for name in ("find", "rfind", "index", "rindex", "count", "startswith", "endswith"):
            emit(name, [s, sub, start, end], lambda: getattr(s, name)(sub, start, end))
        count = rng.choice([-1, 0, 1, 2, 5])
        new = rng.choice([empty, alphabet[0], alphabet[5] * 2])
        emit("replace", [s, sub, new, count], lambda: s.replace(sub, new, count))
        emit("partition", [s, sub], lambda: list(s.partition(sub)))
        emit("rpartition", [s, sub], lambda: list(s.rpartition(sub)))
        maxsplit = rng.choice([-1, 0, 1, 2, 3])
        sep = rng.choice([None, None, sub])
        emit("split", [s, sep, maxsplit], lambda: s.split(sep, maxsplit))
        emit("rsplit", [s, sep, maxsplit], lambda: s.rsplit(sep, maxsplit))
        keepends = rng.random() < 0.5
        emit("splitlines", [s, keepends], lambda: s.splitlines(keepends))
        chars = rng.choice([None, None, sub])
        emit("strip", [s, chars], lambda: s.strip(chars))
        emit("lstrip", [s, chars], lambda: s.lstrip(chars))
        emit("rstrip", [s, chars], lambda: s.rstrip(chars))
        width = rng.choice([-1, 0, 3, 6, 9, 12])
        fill = rng.choice(alphabet[:6])
        emit("center", [s, width, fill], lambda: s.center(width, fill))
        emit("ljust", [s, width, fill], lambda: s.ljust(width, fill))
        emit("rjust", [s, width, fill], lambda: s.rjust(width, fill))
        sign = rng.choice(["", "-", "+"])
        z = (sign.encode() if isinstance(s, bytes) else sign) + s
        emit("zfill", [z, width], lambda: z.zfill(width))
        tabsize = rng.choice([-1, 0, 1, 4, 8])
        emit("expandtabs", [s, tabsize], lambda: s.expandtabs(tabsize))
        for name in ("lower", "upper", "swapcase", "capitalize", "title", "isspace", "isalpha",
                     "isalnum", "isdigit", "isupper", "islower", "istitle", "isascii"):
            emit(name, [s], lambda: getattr(s, name)())
        if isinstance(s, str):
            for name in ("casefold", "isdecimal", "isnumeric", "isidentifier", "isprintable"):
                emit(name, [s], lambda: getattr(s, name)())
            emit("len", [s], lambda: len(s))
            step = rng.choice([1, 1, 2, -1, -2, 3])
            emit("slice", [s, start, end, step], lambda: s[start:end:step])
