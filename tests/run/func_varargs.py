# func: *args and **kwargs collection and forwarding
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(), f(1, 2), f(a=1), f(1, b=2, a=3))
def g(a, *rest, key=None, **extra):
    return a, rest, key, extra
print(g(1), g(1, 2, 3), g(1, key='k'), g(1, 2, z=26, key=0))
def forward(*a, **k):
    return f(*a, **k)
print(forward(9, 8, x=7))
args = (1, 2)
kw = {'key': 'K', 'other': 'O'}
print(g(*args, **kw), g(0, *args, *args, **kw))
def total(*nums):
    return sum(nums)
print(total(), total(*range(10)), total(*[1], *(2,), 3))
print(type(f(1)[0]).__name__, type(g(1, q=1)[3]).__name__)
