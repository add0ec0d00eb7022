# errors: next() on non-iterators and iter() misuse
tests = [lambda: next([1]), lambda: next('abc'), lambda: next(5), lambda: iter(5, 6), lambda: iter(len, 1, 2),
         lambda: next(iter([])), lambda: next(iter({}.items())), lambda: reversed(5), lambda: reversed({1: 2}.items()) and None]
for t in tests:
    try:
        r = t()
        print('ok', type(r).__name__)
    except (TypeError, StopIteration) as e:
        print(type(e).__name__, e)
