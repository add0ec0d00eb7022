# errors: TypeErrors from builtin type constructors
tests = [lambda: list(1), lambda: tuple(None), lambda: dict(1), lambda: set(1), lambda: frozenset(1), lambda: str(b'x', 1),
         lambda: bytes('x'), lambda: bytearray('x'), lambda: int([]), lambda: float([]), lambda: complex([]), lambda: bool(1, 2),
         lambda: range(1.5), lambda: slice(), lambda: object(1), lambda: type(1, 2), lambda: type('X', 1, {}), lambda: memoryview(1)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
