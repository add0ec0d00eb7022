"""The python3.11 side of crates/marshal/tests/marshal_values.rs.

  emit          for every value below and every marshal version 0-4, print
                "INDEX<TAB>VERSION<TAB>HEX" of python3.11's marshal.dumps
  check FILE    FILE has the same lines with *our* bytes: marshal.loads each and compare with
                the original value (types, -0.0, nan, order of lists); print "ok N" or "bad …"
"""

import marshal
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from corpus import same  # noqa: E402

big = 7**200


def sample_code():
    def f(a, b=2, *args, c, d=4, **kw):
        x = [a, b]

        def g():
            return x, a

        return g

    return f.__code__


VALUES = [
    None, True, False, ..., StopIteration,
    0, 1, -1, 255, 2**31 - 1, -(2**31), 2**31, -(2**31) - 1, 2**62, -(2**63), 2**64, big, -big,
    0.0, -0.0, 1.5, 1e300, 5e-324, float("inf"), float("-inf"), float("nan"), 0.1,
    1j, complex(-0.0, 2.5), complex(float("nan"), -1.0),
    "", "a", "hello world", "é", "\u20ac€", "😀", "a\udc80b", "x" * 300, "é" * 300,
    b"", b"\x00\xff", b"abc" * 100,
    (), (1,), (1, "a", (2.0, None)), tuple(range(300)),
    [], [1, [2, [3]]], {}, {"a": 1, 2: [3], (4,): None},
    set(), {1, 2, 3}, frozenset(), frozenset({"b", "a", "c", "zz"}), frozenset({1, (2, 3)}),
    sample_code(),
]


def main():
    if sys.argv[1] == "emit":
        for i, v in enumerate(VALUES):
            for version in range(5):
                print(f"{i}\t{version}\t{marshal.dumps(v, version).hex()}")
        return
    ok = 0
    with open(sys.argv[2]) as f:
        for line in f:
            i, version, data = line.split("\t")
            i, version = int(i), int(version)
            try:
                got = marshal.loads(bytes.fromhex(data.strip()))
            except Exception as e:  # noqa: BLE001
                print(f"bad {i} v{version}: {type(e).__name__}: {e}")
                continue
            err = same(VALUES[i], got, f"value {i} v{version}")
            if err:
                print(f"bad {err}")
            else:
                ok += 1
    print(f"ok {ok}")


if __name__ == "__main__":
    main()
