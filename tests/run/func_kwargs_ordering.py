# func: **kwargs preserves keyword order at call site
def f(**kw):
    return list(kw)
print(f(z=1, a=2, m=3), f(**{'q': 1, 'b': 2}, c=3), f(b=1, **dict(a=2)))
def g(a, **kw):
    return a, kw
print(g(kw=1, a=2), g(1, a_=2, b_=3))
def h(**kw):
    kw['added'] = True
    return kw
d = {'x': 1}
print(h(**d), d)
