# _functools._lru_cache_wrapper: hits and misses, eviction order, typed keys, keyword
# arguments, recursion, methods, cache_clear, and argument errors
from _functools import _lru_cache_wrapper

def info(*a):
    return "hits=%d misses=%d maxsize=%s currsize=%d" % a

calls = []
def square(x):
    calls.append(x)
    return x * x

f = _lru_cache_wrapper(square, 2, False, info)
print([f(n) for n in [1, 2, 1, 3, 2, 1]], calls, f.cache_info())
calls.clear()
f.cache_clear()
print(f.cache_info(), f(4), f(4), calls, f.cache_info())

u = _lru_cache_wrapper(square, None, False, info)
print([u(n) for n in [1, 2, 1, 3, 2, 1]], u.cache_info())
z = _lru_cache_wrapper(square, 0, False, info)
print([z(n) for n in [1, 1]], z.cache_info())
neg = _lru_cache_wrapper(square, -5, False, info)
print(neg(3), neg(3), neg.cache_info())

def kw(*args, **kwargs):
    calls.append((args, sorted(kwargs.items())))
    return len(calls)
calls.clear()
k = _lru_cache_wrapper(kw, 10, False, info)
print(k(1, a=2), k(1, a=2), k(1, a=3), k(a=2), k(1), k(1, a=2, b=3), k(1, b=3, a=2), k.cache_info())

calls.clear()
t = _lru_cache_wrapper(square, 10, True, info)
print(t(1), t(1.0), t(True), t(1), t.cache_info(), calls)
calls.clear()
nt = _lru_cache_wrapper(square, 10, False, info)
print(nt(1), nt(1.0), nt(True), nt.cache_info(), calls)

def fib(n):
    return n if n < 2 else cfib(n - 1) + cfib(n - 2)
cfib = _lru_cache_wrapper(fib, None, False, info)
print(cfib(80), cfib.cache_info())
bfib = _lru_cache_wrapper(lambda n: n if n < 2 else bfib(n - 1) + bfib(n - 2), 3, False, info)
print(bfib(40), bfib.cache_info())

# eviction follows recency of use
calls.clear()
e = _lru_cache_wrapper(square, 3, False, info)
for n in [1, 2, 3, 1, 4, 2, 1, 5, 3]:
    e(n)
print(calls, e.cache_info())

# unhashable arguments
t2 = _lru_cache_wrapper(square, 3, False, info)
try:
    t2([1])
except TypeError as ex:
    print("TypeError", ex)
print(t2.cache_info())

# errors from the function are not cached
def boom(x):
    calls.append(("boom", x))
    raise ValueError(x)
calls.clear()
b = _lru_cache_wrapper(boom, 4, False, info)
for _ in range(2):
    try:
        b(1)
    except ValueError as ex:
        print("ValueError", ex)
print(calls, b.cache_info())

# binding as a method, attributes
class C:
    def __init__(self, v):
        self.v = v
    def m(self, x):
        return self.v + x
    m = _lru_cache_wrapper(m, 8, False, info)
c1, c2 = C(10), C(20)
print(c1.m(1), c2.m(1), c1.m(1), C.m(c1, 1), C.m.cache_info())
f.extra = "x"
f.__doc__ = "doc"
print(f.extra, f.__doc__, f.__dict__, f.__copy__() is f, f.__deepcopy__({}) is f)
f.__qualname__ = "square"
print(f.__reduce__(), type(f).__name__, type(f).__module__)

for bad in [lambda: _lru_cache_wrapper(1, 2, False, info), lambda: _lru_cache_wrapper(square, "a", False, info),
            lambda: _lru_cache_wrapper(square, 2, False), lambda: _lru_cache_wrapper(square, 1.5, False, info)]:
    try:
        bad()
    except TypeError as ex:
        print("TypeError", ex)
