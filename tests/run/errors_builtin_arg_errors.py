# errors: wrong argument counts and keywords for builtin functions
tests = [lambda: len(), lambda: len(1, 2), lambda: abs(), lambda: divmod(1), lambda: isinstance(1), lambda: getattr(1),
         lambda: sorted([], foo=1), lambda: print(foo=1), lambda: int(x=1), lambda: 'a'.split(1, 2, 3), lambda: [].append(),
         lambda: [].append(1, 2), lambda: {}.get(), lambda: chr(), lambda: ord(1), lambda: max(), lambda: min(1), lambda: range()]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
