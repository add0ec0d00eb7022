# array.array: every typecode, the sequence API, slicing, comparisons, + and *, repr,
# bytes conversions and the buffer.
import array
from array import array as A

print(array.typecodes, array.ArrayType is A, A.__module__, A.__name__)
samples = {
    "b": [-128, -1, 0, 1, 127], "B": [0, 1, 255], "u": "h\u00e9\u20ac\U0001f600",
    "h": [-32768, 0, 32767], "H": [0, 65535], "i": [-2**31, 0, 2**31 - 1], "I": [0, 2**32 - 1],
    "l": [-2**63, 0, 2**63 - 1], "L": [0, 2**64 - 1], "q": [-2**63, 2**63 - 1], "Q": [0, 2**64 - 1],
    "f": [0.0, -1.5, 3.25, 1e38, float("inf")], "d": [0.1, -2.5e300, float("-inf")],
}
for tc, init in samples.items():
    a = A(tc, init)
    print(tc, a.itemsize, len(a), a, a.tolist(), repr(a.tobytes()[:16]), a.typecode)
    b = A(tc, a.tobytes())
    print("  roundtrip", b == a, A(tc, a) == a, A(tc) == A(tc), repr(A(tc)))
    c = A(tc, a)
    c.byteswap()
    c.byteswap()
    print("  byteswap twice", c == a, a.buffer_info()[1] == len(a))
print(A("f", [0.1]).tolist(), A("f", [1 / 3])[0], A("d", [1 / 3])[0])
print(A("u", "abc").tounicode(), A("u", ["x", "y"]), A("d", (1, 2, 3)), A("i", range(5)), A("i", iter([7, 8])))
print(A("i", b"\x01\x00\x00\x00\xff\xff\xff\xff"), A("h", bytearray(b"\x01\x00")))

a = A("i", range(10))
print(a[2], a[-1], a[2:5], a[::3], a[::-2], a[100:], a[-3:-1], a[5:2])
a[0] = 100
a[-1] = -100
print(a)
a[2:4] = A("i", [7, 7, 7])
print(a)
a[::2] = A("i", [0] * len(a[::2]))
print(a)
del a[0]
del a[1:3]
del a[::3]
print(a, len(a))
a[1:1] = A("i", [55])
a[len(a):] = A("i", [66, 67])
print(a)
a[:] = A("i")
print(a, len(a))

a = A("i", [3, 1, 4, 1, 5, 9, 2, 6])
print(a.count(1), a.count(7), a.index(1), a.index(1, 2), a.index(5, -4), 4 in a, 8 in a, 1.0 in a)
a.remove(1)
a.reverse()
print(a, a.pop(), a.pop(0), a.pop(-2), a)
a.insert(100, 0)
a.insert(-100, -1)
a.insert(2, 42)
print(a)
a.fromlist([10, 11])
a.frombytes(A("i", [12]).tobytes())
a.extend(A("i", [13]))
a.extend((14, 15))
print(a)
u = A("u", "ab")
u.fromunicode("cd")
u.append("e")
print(u, u.tounicode(), u.tolist(), u[1], u.index("c"))

x, y = A("i", [1, 2, 3]), A("i", [1, 2, 4])
print(x < y, x <= y, x == y, x != y, x > y, x >= y, x == A("i", [1, 2, 3]), x < A("i", [1, 2, 3, 0]))
print(A("b", [1, 2]) == A("h", [1, 2]), A("i", [1]) < A("d", [1.5]), x == [1, 2, 3], x != (1, 2, 3))
nan = A("d", [float("nan")])
print(nan == nan, nan != nan, A("d", [1.0]) == A("i", [1]))
print(x + y, x * 2, 3 * A("b", [1]), x * 0, x * -1)
z = A("i", [1])
z += A("i", [2])
z *= 3
print(z, sorted(A("i", [3, 1, 2])), list(reversed(A("i", [1, 2, 3]))), sum(A("d", [0.5, 0.25])))
print(max(A("B", [3, 9, 1])), bytes(A("B", [104, 105])), b"".join([A("B", [65]), b"B"]), bytearray(A("b", [66])))
it = iter(A("i", [1, 2]))
print(next(it), next(it), next(it, "done"), list(iter(A("i"))))

class Sub(A):
    def extra(self):
        return len(self) * 10

s = Sub("i", [1, 2, 3])
print(s, s.extra(), type(s).__name__, type(s[1:]).__name__, type(s + s).__name__, isinstance(s, A))
print(A("i", [1, 2]).__copy__(), A("i", [5]).__deepcopy__({}), str(A("d")))
