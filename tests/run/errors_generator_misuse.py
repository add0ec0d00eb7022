# errors: generator misuse errors
def g():
    yield 1
it = g()
tests = [lambda: it.send(5), lambda: g().throw(), lambda: g().throw(1), lambda: next(g(), 1, 2), lambda: len(g()), lambda: g()[0],
         lambda: g().send()]
for t in tests:
    try:
        t()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
