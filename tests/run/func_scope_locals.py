# func: locals() inside functions and argument binding
def f(a, b=2, *args, **kw):
    c = a + b
    return sorted(locals().items())
print(f(1), f(1, 3, 4, x=5))
def g():
    x = 1
    l = locals()
    y = 2
    return sorted(l), sorted(locals())
print(g())
