# errors: 'X' object is not iterable in for, unpacking, star, list(), in
for v in [1, 1.5, None, True, len, object()]:
    try:
        for _ in v:
            pass
    except TypeError as e:
        print(type(e).__name__, e)
for thunk in [lambda: list(5), lambda: [*5], lambda: print(*None), lambda: dict.fromkeys(3), lambda: sum(4), lambda: max(7),
              lambda: ''.join(1), lambda: set(1.0), lambda: 3 in 5, lambda: zip(1, 2), lambda: enumerate(1), lambda: sorted(2)]:
    try:
        thunk()
    except TypeError as e:
        print(type(e).__name__, e)
