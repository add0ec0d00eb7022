"""Prints random int and float operations with python3.11's results, one per line, for
crates/text/tests/numbers_oracle.rs to replay against rpy-text.

Line format: tab-separated; the operation, its arguments, then the result. A float is `f` +
the 16 hex digits of its IEEE bits (`fnan` for any NaN), an int is decimal, a str is `s` + hex
of its UTF-8, bytes `b` + hex, a tuple `(` + comma-separated items + `)`, an error `!` +
exception class + `:` + message.
"""

import math
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "must run under python3.11"
sys.set_int_max_str_digits(0)

rng = random.Random(2024)


def enc(v):
    if isinstance(v, bool):
        return "T" if v else "F"
    if isinstance(v, float):
        if math.isnan(v):
            return "fnan"
        return "f" + struct.pack(">d", v).hex()
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return "s" + v.encode("utf-8").hex()
    if isinstance(v, (bytes, bytearray)):
        return "b" + bytes(v).hex()
    if isinstance(v, tuple):
        return "(" + ",".join(enc(x) for x in v) + ")"
    raise TypeError(v)


def emit(name, args, fn):
    try:
        result = enc(fn())
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        result = f"!{type(e).__name__}:{e}"
    print("\t".join([name] + [enc(a) for a in args] + [result]))


def rand_float():
    kind = rng.random()
    if kind < 0.05:
        return rng.choice([0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324,
                           sys.float_info.max, 2.5, -2.5, 0.5, 1.5])
    if kind < 0.35:
        # Arbitrary bit patterns cover subnormals and huge values.
        return struct.unpack(">d", rng.getrandbits(64).to_bytes(8, "big"))[0]
    if kind < 0.7:
        # Few decimal digits: ties and near-ties for round().
        digits = rng.randint(1, 6)
        return rng.randint(-10**digits, 10**digits) / 10 ** rng.randint(0, digits + 2)
    return rng.uniform(-1e6, 1e6) * 10.0 ** rng.randint(-30, 30)


def rand_int(max_bits=300):
    bits = rng.choice([1, 8, 30, 53, 54, 64, 100, max_bits, rng.randint(1, max_bits)])
    n = rng.getrandbits(bits)
    return -n if rng.random() < 0.4 else n


INT_ALPHABET = ["0", "1", "7", "9", "a", "f", "z", "Z", "_", "x", "o", "b", "B", "X", " ",
                "-", "+", "\t", "\u0663", "\uff11", "\u3000", "\x1c", "\x85", ".", "\u00b2"]
FLOAT_ALPHABET = ["0", "1", "5", "9", "_", ".", "e", "E", "-", "+", " ", "i", "n", "f",
                  "a", "t", "y", "\u0663", "\u3000", "\x1c", "x", "p"]
HEX_ALPHABET = ["0", "1", "8", "f", "F", "a", ".", "p", "P", "x", "X", "-", "+", " ", "9",
                "e", "_"]


def rand_text(alphabet, n_max):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, n_max)))


for _ in range(4000):
    # int(str, base): random junk and well-formed literals.
    base = rng.choice([0, 0, 2, 8, 10, 10, 16, 36, 7])
    if rng.random() < 0.5:
        s = rand_text(INT_ALPHABET, 8)
    else:
        prefix = rng.choice(["", "0x", "0o", "0b", "0X", "0", "0_"])
        sign = rng.choice(["", "-", "+", " -"])
        s = sign + prefix + rand_text(["0", "1", "_", "7", "a", "F"], 6) + rng.choice(["", " "])
    emit("int", [s, base], lambda: int(s, base))
    emit("int_bytes", [s.encode("utf-8"), base], lambda: int(s.encode("utf-8"), base))

    if rng.random() < 0.5:
        s = rand_text(FLOAT_ALPHABET, 9)
    else:
        digits = ["0", "1", "5", "9", "_", "\u0663"]
        s = (rng.choice(["", "-", "+", " "]) + rand_text(digits, 5)
             + rng.choice(["", ".", "."]) + rand_text(digits, 5)
             + rng.choice(["", "e", "E-", "e+"]) + rand_text(digits, 3)
             + rng.choice(["", " ", "\n"]))
    emit("float", [s], lambda: float(s))
    emit("float_bytes", [s.encode("utf-8")], lambda: float(s.encode("utf-8")))
    s = rng.choice(["", "-", "+"]) + rng.choice(["", "0x"]) + rand_text(HEX_ALPHABET, 10)
    emit("fromhex", [s], lambda: float.fromhex(s))

    x, y = rand_float(), rand_float()
    emit("hex", [x], lambda: x.hex())
    emit("fromhex", [x.hex()], lambda: float.fromhex(x.hex()))
    emit("repr_parse", [repr(x)], lambda: float(repr(x)))
    emit("ratio", [x], lambda: x.as_integer_ratio())
    emit("is_integer", [x], lambda: x.is_integer())
    emit("int_of_float", [x], lambda: int(x))
    emit("round_int", [x], lambda: round(x))
    nd = rng.choice([rng.randint(-5, 8), rng.randint(-330, 330)])
    emit("round", [x, nd], lambda: round(x, nd))
    emit("mod", [x, y], lambda: x % y)
    emit("floordiv", [x, y], lambda: x // y)
    emit("divmod", [x, y], lambda: divmod(x, y))
    emit("fmod", [x, y], lambda: math.fmod(x, y))

    a, b = rand_int(2000), rand_int(rng.choice([60, 300, 2000]))
    emit("truediv", [a, b], lambda: a / b)
    # Near-ties: a/b within a hair of halfway between two doubles.
    q = rng.getrandbits(53) | (1 << 52)
    b2 = rand_int(200) or 1
    a2 = (2 * q + 1) * b2 + rng.choice([-1, 0, 1])
    emit("truediv", [a2, 2 * b2], lambda: a2 / (2 * b2))
    emit("int_to_float", [a], lambda: float(a))
    t = (rng.getrandbits(53) | (1 << 53)) << rng.randint(0, 1000)
    t += rng.choice([0, 1, -1, 1 << 30])
    emit("int_to_float", [t], lambda: float(t))
    emit("floordiv_int", [a, b], lambda: a // b)
    emit("mod_int", [a, b], lambda: a % b)
    emit("divmod_int", [a, b], lambda: divmod(a, b))
    small = rand_int(64)
    nd1 = -rng.randint(0, 40)
    emit("round_int_nd", [a, nd1], lambda: round(a, nd1))
    nd2 = -rng.randint(0, 25)
    emit("round_int_nd", [small, nd2], lambda: round(small, nd2))
    m = rand_int(100)
    e = rng.randint(-3, 50)
    base = rand_int(100)
    emit("pow_mod", [base, e, m], lambda: pow(base, e, m))
    length = rng.randint(-1, 10)
    signed = rng.random() < 0.5
    order = rng.choice(["big", "little"])
    emit("to_bytes", [small, length, order, signed],
         lambda: small.to_bytes(length, order, signed=signed))
    raw = rng.getrandbits(8 * 6).to_bytes(6, "big")[: rng.randint(0, 6)]
    emit("from_bytes", [raw, order, signed], lambda: int.from_bytes(raw, order, signed=signed))
    emit("bits", [a], lambda: (a.bit_length(), a.bit_count()))
    emit("str", [a], lambda: (str(a), hex(a), oct(a), bin(a)))
