# weakref: ref objects, what can be weakly referenced, __weakref__, slots, hash/eq, errors
import _weakref
import sys
from _weakref import ref, getweakrefcount, getweakrefs

class Foo:
    pass

def gen():
    yield 1

samples_holder = []
samples = [("object()", object()), ("int", 5), ("str", "s"), ("tuple", ()), ("list", []),
           ("dict", {}), ("None", None), ("float", 1.5), ("bytes", b""), ("range", range(2)),
           ("set", {1}), ("frozenset", frozenset()), ("function", gen), ("type", Foo),
           ("module", sys), ("method", Foo().__eq__), ("bound", samples_holder.append), ("builtin", len), ("generator", gen()),
           ("code", gen.__code__), ("exception", ValueError()), ("instance", Foo())]
for name, obj in samples:
    try:
        r = ref(obj)
        print(name, "ok", r() is obj)
    except TypeError as e:
        print(name, "TypeError:", e)

o = Foo()
print(o.__weakref__, getweakrefcount(o), getweakrefs(o))
r = ref(o)
print(r() is o, ref(o) is r, o.__weakref__ is r, getweakrefcount(o), getweakrefs(o) == [r])
def quiet(wr):
    pass
r2 = ref(o, quiet)
print(r2 is r, r2 == r, r2.__callback__ is quiet, r.__callback__, getweakrefcount(o))
print(hash(r) == hash(o), r == ref(Foo()), r != r2)
print(type(r).__name__, type(r).__module__, type(r) is _weakref.ReferenceType, repr(type(r)))
print(ref[int], _weakref.ProxyType, _weakref.CallableProxyType)
h = ref(Foo())
print(h(), repr(h).startswith("<weakref at 0x"), repr(h).endswith("; dead>"))
try:
    hash(h)
except TypeError as e:
    print("TypeError:", e)
del o
print(r(), r2(), r == r2, r != r2, r == r)

class Slotted:
    __slots__ = ("a",)
class SlottedWeak:
    __slots__ = ("a", "__weakref__")
class Sub(Slotted):
    pass
for cls in (Slotted, SlottedWeak, Sub):
    try:
        ref(cls())
        print(cls.__name__, "ok", "__weakref__" in cls.__dict__)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)
try:
    class Twice(SlottedWeak):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("TypeError:", e)
print(Foo.__dict__["__weakref__"])
try:
    Foo().__weakref__ = 1
except AttributeError as e:
    print("AttributeError:", e)

class KeyedRef(ref):
    __slots__ = ("key",)
    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
t = Foo()
k = KeyedRef(t, None, "k1")
print(k.key, k() is t, k is ref(t), isinstance(k, ref), getweakrefcount(t))
for call in (lambda: ref(), lambda: ref(t, None, 1), lambda: ref(t, callback=None),
             lambda: ref(t)(1), lambda: _weakref.getweakrefcount()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
try:
    ref(t).__callback__ = None
except AttributeError as e:
    print("AttributeError:", e)
