# array.array: pickling and copying (both reduce protocols, _array_reconstructor with
# foreign machine formats), subclasses with attributes, files and memory buffers.
import array
import copy
import io
import pickle
import struct
import zlib
from array import array as A

for tc in array.typecodes:
    a = A(tc, "xyz" if tc == "u" else [1, 2, 3])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, proto))
        assert b == a and b.typecode == tc, (tc, proto)
    r = a.__reduce_ex__(3)
    print(tc, r[0] is array._array_reconstructor, r[1][1:3], r[2], a.__reduce_ex__(2)[1])
    print("  copies", copy.copy(a) == a, copy.deepcopy(a) == a, copy.copy(a) is not a)

class Sub(A):
    pass

s = Sub("d", [1.5, 2.5])
s.note = "hello"
t = pickle.loads(pickle.dumps(s))
print(type(t).__name__, t, t.note, s.__reduce_ex__(2)[2], s.__reduce_ex__(4)[2])
c = copy.copy(s)
print(type(c).__name__, c)

rec = array._array_reconstructor
print(rec(A, "i", 9, struct.pack(">3i", 1, -2, 3)))
print(rec(A, "H", 3, struct.pack(">2H", 1, 65535)))
print(rec(A, "d", 17, struct.pack(">d", 2.5)))
print(rec(A, "f", 15, struct.pack(">f", 0.5)))
print(rec(A, "u", 18, "h\u00e9".encode("utf-16-le")))
print(rec(A, "u", 21, "ok".encode("utf-32-be")))
print(rec(A, "q", 13, struct.pack(">q", -5)), rec(A, "Q", 10, struct.pack("<Q", 2**64 - 1)))
print(rec(Sub, "b", 1, b"\xff"))
for bad in [(1, "i", 8, b""), (int, "i", 8, b""), (A, "x", 8, b""), (A, "i", 99, b""),
            (A, "i", 8, "str"), (A, "i", 8, b"\x01")]:
    try:
        rec(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

f = io.BytesIO()
a = A("h", range(-5, 5))
a.tofile(f)
A("h").tofile(f)
print(f.getvalue() == a.tobytes(), len(f.getvalue()))
f.seek(0)
b = A("h")
b.fromfile(f, 4)
print(b)
try:
    b.fromfile(f, 100)
except EOFError as e:
    print("EOFError", e, b)
try:
    b.fromfile(f, -1)
except ValueError as e:
    print("ValueError", e)

data = A("d", [1.0, 2.0, 3.0])
print(struct.unpack("3d", bytes(data)), zlib.crc32(data) == zlib.crc32(data.tobytes()))
print(zlib.decompress(zlib.compress(A("i", range(100)))) == A("i", range(100)).tobytes())
w = io.BytesIO()
w.write(A("B", [1, 2, 3]))
print(w.getvalue(), bytes(A("u", "A"))[:1])
