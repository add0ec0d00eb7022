# errors: list method errors with exact messages
a = [1, 2, 3]
tests = [lambda: a.remove(9), lambda: a.index(9), lambda: a.index(1, 1), lambda: a.pop(10), lambda: [].pop(), lambda: a.insert(),
         lambda: a.sort(key=lambda x: x, cmp=None), lambda: a.extend(5), lambda: a.count(), lambda: a.__getitem__(), lambda: a.copy(1)]
for t in tests:
    try:
        t()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
