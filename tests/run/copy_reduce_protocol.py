# object.__reduce_ex__ / __reduce__ / __getstate__ as copy and pickle use them: plain objects,
# __slots__, __getnewargs__, __getnewargs_ex__, custom __reduce__ and __getstate__, list and
# dict subclasses, and the "cannot pickle" error.
import copy
import copyreg


class P:
    def __init__(self, x):
        self.x = x


p = P(3)
print(copy.copy(p).x, copy.deepcopy([p])[0].x)
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1][0] is P, r[2], r[3], r[4])
print(P.__reduce__ is object.__reduce__, p.__getstate__())
print(p.__reduce_ex__(1)[0] is copyreg._reconstructor)
print(object().__reduce_ex__(2)[2])


class S:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = copy.copy(S())
print(s.a, hasattr(s, "b"), S().__getstate__())


class N(int):
    def __getnewargs__(self):
        return (int(self) * 2,)


print(copy.copy(N(5)), N(5).__reduce_ex__(2)[1])


class K:
    def __new__(cls, *, key):
        o = super().__new__(cls)
        o.key = key
        return o

    def __getnewargs_ex__(self):
        return (), {"key": self.key}


k = copy.deepcopy(K(key="v"))
print(k.key, K(key=1).__reduce_ex__(2)[0] is copyreg.__newobj_ex__)


class R:
    def __reduce__(self):
        return (R, (), {"custom": True})


print(copy.copy(R()).custom)


class G:
    def __init__(self):
        self.secret = 1

    def __getstate__(self):
        return {"public": 2}


g = copy.copy(G())
print(vars(g))


class L(list):
    pass


class D(dict):
    pass


l2 = copy.copy(L([1, 2]))
d2 = copy.deepcopy(D(a=[1]))
print(type(l2).__name__, l2, type(d2).__name__, d2)

for bad in [(x for x in [])]:
    try:
        copy.copy(bad)
    except TypeError as e:
        print("TypeError:", e)
