# errors: dict method errors with exact messages
d = {'a': 1}
tests = [lambda: d.pop(), lambda: d.pop('x'), lambda: d.popitem(1), lambda: d.setdefault(), lambda: d.update(1, 2),
         lambda: d.fromkeys(), lambda: dict.fromkeys(1), lambda: d.get(1, 2, 3), lambda: d.keys(1), lambda: d | [1], lambda: d.__getitem__()]
for t in tests:
    try:
        t()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
