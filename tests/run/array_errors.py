# array.array: conversion errors for every typecode and the error messages of the API.
from array import array as A

values = [1.5, "1", "ab", 10**30, -10**30, 2**63, -1, 300, -300, 70000, -70000, 2**32,
          -2**31 - 1, None, True, 2**64, -2**63 - 1]
for tc in "bBuhHiIlLqQfd":
    out = []
    for v in values:
        try:
            out.append(repr(A(tc, [v])[0]))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(tc, out)

class Idx:
    def __index__(self):
        return 7

class Flt:
    def __float__(self):
        return 2.5

print(A("i", [Idx()]), A("d", [Flt(), Idx()]), A("Q", [Idx()]))

def err(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r)

a = A("i", [1, 2, 3])
err(A)
err(A, "x")
err(A, "ii")
err(A, 1)
err(A, "i", [1], 2)
err(A, "i", typecode=1)
err(A, "i", 5)
err(A, "i", "abc")
err(A, "u", b"ab")
err(A, "i", b"\x01")
err(A, "i", A("d", [1.0]))
err(A, "u", A("i", [1]))
err(A, "i", A("u", "a"))
err(A, "i", [1, "x"])
err(a.__getitem__, 5)
err(a.__getitem__, -4)
err(a.__getitem__, "x")
err(a.__getitem__, 2**70)
err(a.__getitem__, 1.0)
err(a.__setitem__, 3, 1)
err(a.__setitem__, 0, "x")
err(a.__setitem__, slice(0, 2), [1])
err(a.__setitem__, slice(0, 2), A("d"))
err(a.__setitem__, slice(0, 3, 2), A("i", [1]))
err(a.__delitem__, 7)
err(a.pop, 10)
err(A("i").pop)
err(a.pop, 1, 2)
err(a.pop, "x")
err(a.index, 9)
err(a.index)
err(a.index, 2, 0, 1)
err(a.index, 1, "x")
err(a.remove, 9)
err(a.insert, "x", 1)
err(a.insert, 1)
err(a.insert, 0, 2**40)
err(a.extend, 5)
err(a.extend, A("d"))
err(a.frombytes, b"12")
err(a.frombytes, "ab")
err(a.frombytes)
err(a.fromlist, 5)
err(a.fromlist, [1, "x"])
print(a)
err(a.tounicode)
err(A("u", "x").fromunicode, 5)
err(a.fromunicode, "x")
err(lambda: a + [1])
err(lambda: a + A("d"))
err(lambda: a * "x")
try:
    a < [1]
except TypeError:
    print("TypeError for <")
print(A.__hash__)
err(a.__iadd__, [1])
err(a.__iadd__, A("d"))
err(a.__imul__, "x")
err(a.byteswap, 1)
err(a.count)
err(a.append)
err(a.append, 1, 2)
err(a.tobytes, 1)
err(a.__deepcopy__)
err(a.fromfile, 1, 1)
err(a.tofile, 1)
err(setattr, a, "typecode", "d")
err(a.__reduce__)
print(a == 5, a.__eq__(5), a != "x", a)
