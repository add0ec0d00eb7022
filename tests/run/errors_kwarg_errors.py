# errors: keyword argument errors - unexpected, duplicate, missing keyword-only
def f(a, b=2, *, c, d=4): pass
def g(**kw): pass
def h(x, /): pass
tests = [lambda: f(1), lambda: f(1, c=1, e=5), lambda: f(1, 2, 3, c=1), lambda: f(1, a=1, c=1), lambda: f(c=1),
         lambda: h(x=1), lambda: g(1), lambda: f(1, c=1, **{'c': 2}), lambda: f(1, **{'b': 1}, b=2, c=3)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
