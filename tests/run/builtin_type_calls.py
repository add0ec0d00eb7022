# Calls of built-in types: results, argument errors, subclasses with their own __init__.
print(range(3), list(range(2, 9, 3)), tuple("ab"), frozenset([1]), complex(1, 2), bytes(3), slice(1, 2))
print(int("12"), float("1.5"), str(b"x", "ascii"), bool(0), memoryview(b"ab").tolist())
for bad in (lambda: object(1), lambda: range(), lambda: range(1, 2, 3, 4), lambda: int(x=1), lambda: slice(), lambda: tuple(1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
class R(int):
    def __init__(self, v):
        print("init", v)
print(R(5), type(R(5)).__name__)
class L(list):
    pass
print(L("ab"), dict(a=1), set("aa"), bytearray(b"x"), enumerate("ab").__next__(), zip("a", "b").__next__())
print(type("T", (), {}).__name__, type(3))
try:
    raise ValueError("v")
except ValueError as e:
    print(repr(e), repr(Exception(1, 2)))
