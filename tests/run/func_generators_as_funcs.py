# func: functions returning functions, higher-order utilities written by hand
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(5))
def partial(fn, *pa, **pk):
    def p(*a, **k):
        return fn(*pa, *a, **{**pk, **k})
    return p
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(9), two_to(10), square(3, exp=3))
def memoize(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w
@memoize
def slow_sq(n):
    print('computing', n)
    return n * n
print(slow_sq(4), slow_sq(4), slow_sq(5), sorted(slow_sq.cache))
def reduce(fn, seq, init):
    for x in seq:
        init = fn(init, x)
    return init
print(reduce(lambda a, b: a * b, range(1, 8), 1), reduce(lambda a, b: b + a, 'abc', ''))
