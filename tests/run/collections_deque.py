# _collections.deque: methods, indexing, maxlen, comparisons, operators, reprs, iteration
# and "mutated during iteration", subclasses, and the error messages
from _collections import deque

def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], 3 in d, 9 in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend("ab"); d.extendleft("xy")
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(); print(d)
d.rotate(100); print(d)
d.reverse(); print(d)
print(d.count("a"), d.count(99), d.index("a"), d.index(1, 2), d.index(1, -5, -1))
d.insert(0, "first"); d.insert(100, "last"); d.insert(-1, "before-last"); d.insert(-100, "very-first")
print(d)
d.remove("first"); print(d)
d[1] = "one"; del d[0]; del d[-1]
print(d, d[len(d) - 1])
d.clear(); print(d, len(d))
print(deque(), deque(()), deque("abc"), deque(range(3), 2), deque(maxlen=0), deque(maxlen=None), deque([], True))

# maxlen
b = deque(range(10), 3)
print(b, b.maxlen, deque().maxlen)
b.append(10); print(b)
b.appendleft(-1); print(b)
b.extend([20, 21]); print(b)
b.extendleft([30, 31]); print(b)
z = deque(maxlen=0)
z.append(1); z.extend([1, 2]); z.appendleft(0)
print(z, len(z))
t("insert full", lambda: deque([1], 1).insert(0, 2))
t("set maxlen", lambda: setattr(deque(), "maxlen", 3))

# self-extension and operators
s = deque([1, 2, 3])
s.extend(s); print(s)
s.extendleft(s); print(s)
s += s; print(len(s))
s = deque("ab")
s *= 3; print(s)
s *= 1; print(s)
s *= 0; print(s)
print(deque("ab") + deque("cd"), deque("abc", 2) + deque("xyz"), deque("ab") * 2, 3 * deque("ab", 4), deque("ab") * -1)
bm = deque([1, 2, 3], 5)
bm *= 4
print(bm)
s = deque([1])
s += [2, 3]
s += range(4, 6)
print(s)

# comparisons
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 2]), deque([1]) == [1], deque([1, 2]) < deque([1, 3]))
print(deque([1, 2]) <= deque([1, 2]), deque([1, 2, 0]) > deque([1, 2]), deque([2]) >= deque([1, 9]), deque() < deque([0]))
nan = float("nan")
dn = deque([nan])
print(dn == dn, dn == deque([nan]), deque([nan]) == deque([float("nan")]))

# repr and recursion
r = deque()
r.append(r)
print(r)
r2 = deque([1, [2, 3]], 5)
r2.append(r2)
print(r2)

# copying and the class parameter
c = deque([1, [2]], 4)
c2 = c.copy()
c3 = c.__copy__()
print(c2, c3, c2 is c, c2[1] is c[1], c2.maxlen)
print(deque[int], deque.__class_getitem__(str))

# iteration and mutation
d = deque(range(5))
print(list(d), list(reversed(d)), [x * 2 for x in d], sum(d), sorted(d, reverse=True))
it = iter(d)
print(it.__length_hint__(), next(it), it.__length_hint__(), type(it).__name__, type(reversed(d)).__name__)
d.append(5)
t("next after append", lambda: next(it))
t("next again", lambda: next(it))
it = reversed(d)
d.pop()
t("reversed after pop", lambda: next(it))
it = iter(d)
d[0] = 99
t("after setitem", lambda: next(it))
it = iter(d)
d.reverse()
t("after reverse", lambda: next(it))
it = iter(d)
d.rotate(1)
t("after rotate", lambda: next(it))
it = iter(d)
d.extend([])
t("after empty extend", lambda: next(it))
it = iter(d)
d.count(1); d.index(99); d[2]
t("after reads", lambda: next(it))
def grow():
    for x in d:
        d.append(x)
t("loop append", grow)

class Clearing:
    def __init__(self, dq):
        self.dq = dq
    def __eq__(self, other):
        self.dq.clear()
        return False
for name in ["count", "index", "remove", "__contains__"]:
    m = deque()
    m.extend([Clearing(m), 1, 2])
    t(name + " mutating", lambda: getattr(m, name)(1))

# indexing errors
d = deque([1, 2, 3])
t("index range", lambda: d[3])
t("index neg range", lambda: d[-4])
t("index str", lambda: d["a"])
t("index slice", lambda: d[1:2])
t("index huge", lambda: d[2**70])
t("setitem range", lambda: d.__setitem__(3, 1))
t("delitem range", lambda: d.__delitem__(-4))
class I:
    def __index__(self):
        return 1
print(d[I()], d[True])

# method errors
t("pop empty", lambda: deque().pop())
t("popleft empty", lambda: deque().popleft())
t("index missing", lambda: d.index(7))
t("index start", lambda: deque([1, 2, 3, 2]).index(2, 2))
t("index window", lambda: deque([1, 2, 3, 2]).index(2, -2, -1))
t("index no args", lambda: d.index())
t("index 4 args", lambda: d.index(1, 2, 3, 4))
t("index str start", lambda: d.index(1, "a"))
t("remove missing", lambda: d.remove("zz"))
t("rotate str", lambda: d.rotate("a"))
t("rotate 2 args", lambda: d.rotate(1, 2))
t("append none", lambda: d.append())
t("append two", lambda: d.append(1, 2))
t("pop arg", lambda: d.pop(1))
t("clear arg", lambda: d.clear(1))
t("count none", lambda: d.count())
t("insert one", lambda: d.insert(0))
t("extend int", lambda: d.extend(1))
t("init int", lambda: deque(1))
t("init neg maxlen", lambda: deque([1], -1))
t("init str maxlen", lambda: deque([1], "a"))
t("init float maxlen", lambda: deque([1], 1.0))
t("init huge maxlen", lambda: deque([1], 2**70))
t("init 3 args", lambda: deque([1], 1, 2))
t("init bad kw", lambda: deque(x=1))
t("init dup", lambda: deque([], iterable=2))
t("add list", lambda: deque([1]) + [1])
t("mul str", lambda: deque([1]) * "a")
def imul(x, n):
    x *= n
    return x
t("imul str", lambda: imul(deque([1]), "a"))
t("imul huge", lambda: imul(deque([1]), 2**70))
t("mul huge", lambda: deque([1]) * 2**70)
for bad in [lambda: hash(deque()), lambda: deque([1]) < [1], lambda: deque([1]) >= 3]:
    try:
        bad()
    except TypeError:
        print("TypeError")

# subclasses
class D(deque):
    def __init__(self, *args, tag=None, **kw):
        super().__init__(*args, **kw)
        self.tag = tag
dd = D([1, 2], 5, tag="t")
print(dd, dd.tag, dd.maxlen, isinstance(dd, deque), type(dd + D([3])).__name__, type(dd.copy()).__name__)
print(dd.copy(), dd.copy().tag, dd * 2, type(dd * 2).__name__)
class E(deque):
    pass
e = E("ab")
e.x = 1
print(e, e.x, e == deque("ab"), deque("ab") == e, repr(E()))
d = deque([1, 2])
d.__init__([7, 8, 9], 2)
print(d)
print(repr(deque), deque.__name__, deque.__module__)
