# weakref: callbacks when the referent dies (refcount and cycle collector), their order,
# errors in callbacks, __del__, resurrection, generators closed on death
import gc
from _weakref import ref, getweakrefcount

class Foo:
    pass

class CB:
    def __init__(self, name):
        self.name = name
    def __call__(self, wr):
        print("callback", self.name, wr() is None, wr.__callback__)
    def __repr__(self):
        return "<CB %s>" % self.name

o = Foo()
r1 = ref(o, CB("a"))
r2 = ref(o, CB("b"))
r0 = ref(o)
print(getweakrefcount(o), r1.__callback__)
del o
print("after", r0(), r1(), r1.__callback__)

class Bad:
    def __call__(self, wr):
        raise ValueError("boom %s" % (wr() is None))
    def __repr__(self):
        return "<Bad>"
o = Foo()
r = ref(o, Bad())
del o
print("after bad")

class D:
    def __del__(self):
        print("__del__ sees referent:", w() is self)
d = D()
w = ref(d, CB("d"))
del d
print("after D")

a = Foo(); b = Foo(); a.other = b; b.other = a
wa = ref(a, CB("cycle-a")); wb = ref(b)
del a, b
print("collected", gc.collect() >= 2, wa(), wb())

class DN:
    def __del__(self):
        print("DN.__del__ sees", wd())
x = DN(); x.self = x
wd = ref(x, CB("dn"))
del x
gc.collect()
print("after DN")

h = Foo(); h.me = h
h.wr = ref(h, CB("never called: the weakref is garbage too"))
del h
gc.collect()
print("after holder")

keep = []
class R:
    def __del__(self):
        print("R.__del__", wr_r() is self)
        keep.append(self)
rr = R()
wr_r = ref(rr, CB("r"))
del rr
print("resurrected:", wr_r() is keep[0])
keep.clear()

def gen():
    try:
        yield 1
    finally:
        print("generator finally")
g = gen(); next(g)
wg = ref(g, CB("generator"))
del g

objs = [Foo() for i in range(3)]
refs = [ref(x, CB("list%d" % i)) for i, x in enumerate(objs)]
objs.reverse()
del objs
print("end")
