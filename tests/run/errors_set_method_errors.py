# errors: set method errors
s = {1, 2}
tests = [lambda: s.remove(5), lambda: set().pop(), lambda: s.add(), lambda: s.add([1]), lambda: s.update(1), lambda: s | 1,
         lambda: s - [1], lambda: s.issubset(1), lambda: frozenset().add(1), lambda: s.discard({1})]
for t in tests:
    try:
        t()
    except (KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
