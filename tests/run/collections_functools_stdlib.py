# collections and functools (the pure-Python modules) over the native _collections and
# _functools: deque, defaultdict, Counter, namedtuple, OrderedDict, ChainMap; reduce, partial,
# partialmethod, lru_cache, cache, cmp_to_key, total_ordering, wraps, cached_property
import collections
import collections.abc
import functools
from collections import deque, defaultdict, Counter, namedtuple, OrderedDict, ChainMap

print(collections.deque is __import__("_collections").deque, functools.partial is __import__("_functools").partial)
print(functools.reduce is __import__("_functools").reduce, type(functools.lru_cache(len)).__name__)
print(isinstance(deque(), collections.abc.MutableSequence), issubclass(deque, collections.abc.Sequence))
print(isinstance(defaultdict(), collections.abc.MutableMapping), isinstance(iter(deque()), collections.abc.Iterator))

c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["zz"], sorted(c.elements())[:6], c.total())
c.update("aaz")
c.subtract({"a": 2})
print(sorted(c.items()), c + Counter("b"), c - Counter("aaaa"))
print(Counter(a=2, b=-1) | Counter(b=3), Counter(a=2) & Counter(a=1, b=1), +Counter(a=-1, b=1))

Point = namedtuple("Point", "x y", defaults=[0])
p = Point(1)
print(p, p.x, p.y, Point.x.__doc__, p._replace(y=5), p._asdict(), Point._fields, Point._field_defaults)
x, y = Point(3, 4)
print(x + y, Point._make([7, 8]), p == (1, 0), hash(p) == hash((1, 0)))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)

od = OrderedDict.fromkeys("abc")
od.move_to_end("a")
od.move_to_end("c", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.new_child({"c": 4})["c"])

dq = deque(range(5), maxlen=4)
dq.rotate(1)
print(dq, list(reversed(dq)), dq.index(4), collections.abc.Sequence.index(dq, 2))
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups, dict(groups))

print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(max, [3, 1, 4], 0))
int2 = functools.partial(int, base=2)
print(int2("1010"), repr(int2), functools.partial(int2, "11")())

class Cell:
    def __init__(self):
        self.state = None
    def set_state(self, state):
        self.state = state
    set_alive = functools.partialmethod(set_state, True)
cell = Cell()
cell.set_alive()
print(cell.state)

@functools.lru_cache(maxsize=32)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info(), fib.__name__, fib.cache_parameters())
fib.cache_clear()
print(fib.cache_info())

@functools.cache
def squares(n):
    print("  computing", n)
    return n * n
print(squares(4), squares(4), squares.cache_info())

@functools.lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed.cache_info().currsize)

print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(b) - len(a))))

@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
print(Version(1, 2) <= Version(1, 3), Version(2) > Version(1, 9), Version(1) >= Version(1))

def deco(f):
    @functools.wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@deco
def documented(a):
    "The docstring."
    return a
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(5))

class Data:
    def __init__(self, n):
        self.n = n
    @functools.cached_property
    def total(self):
        print("  summing")
        return sum(range(self.n))
d = Data(10)
print(d.total, d.total)

# copying goes through __copy__ and __reduce__
import copy
dq = deque([1, [2]], 3)
dq2 = copy.deepcopy(dq)
print(dq2, dq2[1] is dq[1], dq2.maxlen, copy.copy(dq)[1] is dq[1])
dd = defaultdict(list, {1: [2]})
dd2 = copy.deepcopy(dd)
print(dd2, dd2[1] is dd[1], dd2.default_factory, copy.copy(dd))
pa = functools.partial(max, [1], key=len)
pa2 = copy.deepcopy(pa)
print(pa2.args[0] is pa.args[0], pa2.keywords, pa2.func, copy.copy(pa) is pa)
class MyDeque(deque):
    pass
md = MyDeque([1])
md.attr = [5]
md2 = copy.deepcopy(md)
print(type(md2).__name__, md2, md2.attr, md2.attr is md.attr)
