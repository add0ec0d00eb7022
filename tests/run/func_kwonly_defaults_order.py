# func: keyword-only args with and without defaults in any order
def f(*, a=1, b, c=3, d):
    return a, b, c, d
print(f(b=2, d=4), f(d=0, b=0, a=0, c=0))
try:
    f(a=1)
except TypeError as e:
    print('TypeError', e)
def g(x, *args, y, **kw):
    return x, args, y, kw
print(g(1, 2, 3, y=4, z=5))
print(f.__kwdefaults__, g.__kwdefaults__)
