# errors: range and slice construction/usage errors
tests = [lambda: range(0, 10, 0), lambda: range('1'), lambda: range(1, 2, 3, 4), lambda: range(10)[1.5], lambda: range(3).index(7),
         lambda: slice(1, 2, 3, 4), lambda: [1, 2][::0], lambda: 'ab'['a':], lambda: slice(None).indices(-1), lambda: range(5)[10]]
for t in tests:
    try:
        print(t())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
