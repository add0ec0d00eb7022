# errors: unbound methods called with wrong self types
tests = [lambda: list.append((), 1), lambda: str.upper(1), lambda: dict.get([], 1), lambda: int.__add__('a', 1),
         lambda: set.add(frozenset(), 1), lambda: str.join(1, []), lambda: list.__len__('abc'), lambda: bytes.hex('x')]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
