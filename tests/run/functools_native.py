# _functools: reduce, cmp_to_key and partial (flattening, reprs, calls, state, errors)
from _functools import reduce, cmp_to_key, partial
import operator

def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [], 10), reduce(lambda a, b: a * b, range(1, 6), 1))
print(reduce(lambda acc, x: acc + [x], "abc", []), reduce(max, [3, 9, 2]), reduce(operator.add, ["x"]))
print(reduce(operator.add, iter([1, 2])), reduce(operator.sub, [10], 1))
t("reduce none", lambda: reduce())
t("reduce empty", lambda: reduce(operator.add, []))
t("reduce not iterable", lambda: reduce(operator.add, 1))
t("reduce 4 args", lambda: reduce(operator.add, [], 1, 2))
t("reduce kw", lambda: reduce(function=operator.add, iterable=[]))
t("reduce raises", lambda: reduce(lambda a, b: a / b, [1, 0]))

def by_len(a, b):
    return len(a) - len(b)
words = ["ccc", "a", "bb", "dddd", "ee"]
print(sorted(words, key=cmp_to_key(by_len)), sorted(words, key=cmp_to_key(by_len), reverse=True))
print(max(words, key=cmp_to_key(by_len)), min([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(by_len)
k1, k2 = K("aa"), K("b")
print(k1 < k2, k1 > k2, k1 == K("xx"), k1 != K("xx"), k1 <= k2, k1 >= k2, k1.obj)
k1.obj = "zzzzz"
print(k1.obj, k1 > k2)
t("K no args", lambda: K())
t("K two args", lambda: K(1, 2))
t("compare other", lambda: k1 < 3)
try:
    hash(k1)
except TypeError:
    print("hash -> TypeError")
t("cmp_to_key none", lambda: cmp_to_key())
t("cmp_to_key 2", lambda: cmp_to_key(len, 2))
t("cmp_to_key kw", lambda: cmp_to_key(mycmp=by_len)("a") < cmp_to_key(mycmp=by_len)("bb"))
t("cmp raises", lambda: sorted([1, 2], key=cmp_to_key(lambda a, b: 1 / 0)))
t("cmp returns str", lambda: cmp_to_key(lambda a, b: "x")(1) < cmp_to_key(lambda a, b: "x")(2))

p = partial(int, base=2)
print(p("101"), p("11", base=10), p.func, p.args, p.keywords, repr(p))
p2 = partial(p, "111")
print(p2(), p2.func, p2.args, p2.keywords, repr(p2))
p3 = partial(print, 1, 2, sep="-")
p3(3, end="!\n")
p3(sep="+")
class Show:
    def __call__(self, *args, **kw):
        return args, sorted(kw.items())
    def __repr__(self):
        return "show"
show = Show()
s = partial(show, 1, a=1, b=2)
print(s(2, b=3, c=4), s(), partial(show)(), partial(show, x=1)(x=2))
print(partial(partial(partial(show, 1), 2), 3, k=1).args, repr(partial(partial(show, 1), 2))[:25])

# a partial with attributes (an instance dict) or of a subclass is not flattened
q = partial(show, 1)
q.attr = "hi"
print(q.attr, q.__dict__, partial(q, 2).func is q, partial(q, 2)())
class P(partial):
    pass
pp = P(show, 1, z=2)
print(repr(pp), pp(3), type(pp).__name__, isinstance(pp, partial))
print(repr(partial(P(show, 1), 2)), repr(P(partial(show, 1), 2)))
class PC(partial):
    def __call__(self, *a, **k):
        return "overridden"
pc = PC(show, 1)
print(pc(), partial(pc, 2).func is pc, partial(pc, 2)())

# not a method when stored on a class
class C:
    m = partial(show, "bound?")
print(C().m(1), C.m(2))

# repr recursion and state
d = {}
rp = partial(show, d)
d[1] = rp
print(repr(rp))
print(repr(partial(int, partial(int))))
print(partial(int, 1, key="v").__reduce__()[1:])
st = partial(int)
st.__setstate__((show, (1, 2), {"k": 3}, None))
print(st(), st.args, st.keywords, repr(st))
st.__setstate__((show, (), None, {"attr": 5}))
print(st(), st.keywords, st.attr)
t("bad state", lambda: st.__setstate__((1,)))
t("bad state func", lambda: st.__setstate__((1, (), {}, None)))
t("bad state args", lambda: st.__setstate__((show, [], {}, None)))

# errors
t("no args", lambda: partial())
t("not callable", lambda: partial(1))
t("func kw", lambda: partial(func=int))
t("set func", lambda: setattr(partial(int), "func", 2))
t("set args", lambda: setattr(partial(int), "args", ()))
t("call bad keywords", lambda: partial(show)(**{1: 2}))
t("call raises", lambda: partial(int, "x")())
print(partial[int], repr(partial), partial.__module__, partial.__name__)
