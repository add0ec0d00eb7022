# itertools: count, cycle and repeat (laziness, reprs, length hints, subclasses)
import itertools as it
from itertools import count, cycle, repeat, islice

c = count()
print([next(c) for _ in range(5)], repr(c))
print(list(islice(count(10, 5), 4)), list(islice(count(-3, -2), 4)))
print(list(islice(count(0.5, 0.25), 4)), list(islice(count(1, 0.5), 3)))
print(list(islice(count(2**62, 2**62), 3)))
print(list(islice(count(True), 3)), type(next(count(True))).__name__)
class Num:
    def __init__(self, v):
        self.v = v
    def __float__(self):
        return float(self.v)
    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))
    def __repr__(self):
        return f"Num({self.v})"
print(list(islice(count(Num(1), Num(10)), 3)), list(islice(count(Num(2)), 2)), repr(count(Num(0), 2)))
try:
    count("a")
except TypeError as e:
    print("TypeError", e)
for c in [count(), count(5), count(1, 1), count(1, 2), count(1.5), count(1, 1.0), count(1, True),
          count(start=3, step=-1), count(2**70), count(0, 0), count(3 + 1j, 1j)]:
    print(repr(c), end=" ")
print()
c = count(7)
next(c)
print(repr(c))
c = count(1, 2.5)
next(c); next(c)
print(repr(c))

cy = cycle("abc")
print([next(cy) for _ in range(8)])
print(list(cycle([])))
gen_calls = []
def g():
    for i in range(3):
        gen_calls.append(i)
        yield i
cy = cycle(g())
print(next(cy), gen_calls)
print([next(cy) for _ in range(6)], gen_calls)

r = repeat("x", 3)
print(repr(r), r.__length_hint__(), list(r), repr(r), r.__length_hint__())
print(repr(repeat(None)), repr(repeat([1, 2], 0)), repr(repeat(1, -5)), list(repeat(1, -5)))
print(list(repeat(times=2, object="k")), list(map(pow, range(4), repeat(2))))
r = repeat(7)
print([next(r) for _ in range(3)], repr(r))
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print("TypeError", e)
import operator
print(operator.length_hint(repeat(0, 4)), operator.length_hint(count(), 9))

class MyCount(count):
    pass
class MyRepeat(repeat):
    def extra(self):
        return "extra"
mc = MyCount(3)
print(repr(mc), next(mc), type(mc).__name__, isinstance(mc, count))
mr = MyRepeat("z", 2)
print(repr(mr), mr.extra(), list(mr))
print(repr(count), repr(cycle), repr(repeat), count.__module__, count.__name__)
print(iter(c) is c, hasattr(c, "__next__"))
