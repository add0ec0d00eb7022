# func: decorators with and without arguments, stacking order
def trace(fn):
    def wrapper(*a, **k):
        print('call', fn.__name__, a, k)
        r = fn(*a, **k)
        print('ret', r)
        return r
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper
@trace
def add(x, y):
    return x + y
add(1, y=2)
print(add.__name__, add.__wrapped__(3, 4))
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(name):
    return 'hi ' + name
print(hi('bo'))
order = []
def d1(f):
    order.append('d1')
    return lambda: 'd1(' + f() + ')'
def d2(f):
    order.append('d2')
    return lambda: 'd2(' + f() + ')'
@d1
@d2
def base():
    return 'base'
print(base(), order)
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha(): return 1
@register
def beta(): return 2
print(sorted(registry), registry['beta']())
@(lambda f: f.__name__.upper())
def shout(): pass
print(shout)
