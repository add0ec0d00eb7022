# _collections.defaultdict: default_factory, __missing__, repr, copy, |, subclasses, errors;
# and _count_elements
from _collections import defaultdict, _count_elements

def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

d = defaultdict(list)
d["a"].append(1)
d["a"].append(2)
d["b"]
print(d, len(d), d.default_factory, isinstance(d, dict), type(d).__name__)
print(d.get("zz"), "zz" in d, d.setdefault("c", 5), dict(d))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), counts["none"], len(counts))
n = defaultdict()
print(n, n.default_factory)
t("missing no factory", lambda: n["x"])
t("missing method", lambda: defaultdict(list).__missing__(1))
t("missing method none", lambda: defaultdict().__missing__((1, 2)))
print(defaultdict(None, {1: 2}), defaultdict(list, {1: 2}, a=3), defaultdict(list, [(1, 2)]))
print(defaultdict(default_factory=list))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 3
print(nested["x"], dict(nested["x"]))

# default_factory is writable
d = defaultdict(list)
d.default_factory = set
d[1].add(2)
print(d)
d.default_factory = None
t("after None", lambda: d[5])
del d.default_factory
print(d.default_factory)

# repr forms
class F:
    def __repr__(self):
        return "F()"
    def __call__(self):
        return 0
print(repr(defaultdict(F())), repr(defaultdict(lambda: 1))[:30])
r = defaultdict(list)
r[1] = r
print(r)
rf = defaultdict(None)
rf.default_factory = rf.copy
print(repr(rf)[:27])

# copy and |
c = defaultdict(list, {1: [1]})
c2 = c.copy()
print(c2, c2 is c, c2[1] is c[1], c2.default_factory, type(c2).__name__, c.__copy__())
print(defaultdict(list, {1: 2}) | {3: 4}, {3: 4} | defaultdict(list, {1: 2}))
u = defaultdict(set, {1: 2})
u |= {5: 6}
print(u, type(u).__name__)
try:
    defaultdict(list) | 1
except TypeError:
    print("or int -> TypeError")
red = defaultdict(list, {1: 2}).__reduce__()
print(red[0].__name__, red[1], red[2], red[3], list(red[4]))
print(defaultdict().__reduce__()[1])

# subclasses
class D(defaultdict):
    def __missing__(self, key):
        return "custom-" + str(key)
sd = D(list)
print(sd["k"], len(sd), sd)
class Counted(defaultdict):
    def __init__(self):
        super().__init__(int)
        self.hits = 0
cd = Counted()
cd["a"] += 1
cd.hits += 1
print(cd, cd.hits)
t("copy of odd init", lambda: cd.copy())
class NoInit(defaultdict):
    pass
ni = NoInit(list, x=1)
ni["y"].append(2)
print(ni, ni.copy(), type(ni.copy()).__name__)

# errors
t("not callable", lambda: defaultdict(1))
t("bad mapping", lambda: defaultdict(None, 1))
t("bad pair", lambda: defaultdict(None, [(1, 2, 3)]))
for bad in [lambda: hash(defaultdict()), lambda: setattr(defaultdict(), "x", 1)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
print(repr(defaultdict), defaultdict.__name__, defaultdict.__module__, defaultdict.__mro__[1].__name__)
print(issubclass(defaultdict, dict), defaultdict in dict.__subclasses__())

# _count_elements
m = {}
_count_elements(m, "abracadabra")
print(sorted(m.items()))
m = {"a": 10}
_count_elements(m, iter("aab"))
print(m)
class Recorder(dict):
    def __setitem__(self, k, v):
        print("  set", k, v)
        super().__setitem__(k, v)
_count_elements(Recorder(), "xyx")
class Getter:
    def __init__(self):
        self.data = {}
    def get(self, k, default):
        return self.data.get(k, default)
    def __setitem__(self, k, v):
        self.data[k] = v
g = Getter()
_count_elements(g, [1, 2, 1])
print(g.data)
t("count none", lambda: _count_elements())
t("count int iterable", lambda: _count_elements({}, 1))
t("count int mapping", lambda: _count_elements(1, [1]))
t("count bad values", lambda: _count_elements({"a": "x"}, "a"))
