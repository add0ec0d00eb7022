# exc: ValueError vs TypeError from builtins for wrong values vs wrong types
tests = [lambda: int('abc'), lambda: int([]), lambda: float('x'), lambda: float({}), lambda: chr(-1), lambda: chr('a'),
         lambda: [1, 2].index(5), lambda: 'abc'.index('z'), lambda: range(1, 2, 0), lambda: range('a'), lambda: list(range(3)).pop(7),
         lambda: dict([(1, 2, 3)]), lambda: bytes([300]), lambda: 'a'.center('x'), lambda: divmod(1, 0), lambda: abs('x')]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
