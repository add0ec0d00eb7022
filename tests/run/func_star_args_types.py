# func: *args is always a tuple, **kwargs always a new dict
def f(*a, **k):
    k['m'] = 1
    return type(a).__name__, a, type(k).__name__
print(f(*[1, 2]), f(*'xy'), f(*range(2)), f(*{3: 0}))
d = {'q': 0}
f(**d)
print(d)
def g(*a):
    return a
t = (1, 2)
print(g(*t) == t, g() == ())
