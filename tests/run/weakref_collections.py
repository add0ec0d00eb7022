# weakref: WeakSet (_weakrefset) and a weak-value mapping built as weakref.py builds
# WeakValueDictionary (KeyedRef callbacks, _remove_dead_weakref)
import gc
from _weakref import ref, _remove_dead_weakref
from _weakrefset import WeakSet

class Foo:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "Foo(%d)" % self.n
    def __lt__(self, other):
        return self.n < other.n

objs = [Foo(i) for i in range(5)]
ws = WeakSet(objs)
print(len(ws), sorted(ws), objs[0] in ws, Foo(9) in ws, 3 in ws)
del objs[1]
print(len(ws), sorted(ws))
objs.pop()
print(len(ws), sorted(ws))
ws2 = WeakSet(objs[:2])
print(sorted(ws & ws2), sorted(ws - ws2), ws2 <= ws, ws == WeakSet(objs), ws2 < ws)
it = iter(ws)
next(it)
del objs[:]
print(len(list(it)) <= 2, len(ws))
a = Foo(10)
ws.add(a)
ws.remove(a)
ws.discard(a)
print(len(ws), repr(WeakSet()))
a.cycle = a
ws.add(a)
del a
gc.collect()
print("after collect", len(ws))

class KeyedRef(ref):
    __slots__ = ("key",)
    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)

data = {}
def remove(wr):
    print("remove", wr.key)
    _remove_dead_weakref(data, wr.key)
vals = [Foo(i) for i in range(4)]
for i, v in enumerate(vals):
    data["k%d" % i] = KeyedRef(v, remove, "k%d" % i)
print(sorted(data), data["k2"]())
del vals[2]
print(sorted(data))
v = vals.pop(0)
print(sorted(data))
del v
print(sorted(data))
data["dead"] = ref(Foo(99))
data["live"] = ref(vals[0])
_remove_dead_weakref(data, "dead")
_remove_dead_weakref(data, "live")
_remove_dead_weakref(data, "missing")
print(sorted(data))
data["bad"] = 1
for args in ((data, "bad"), ([], "x")):
    try:
        _remove_dead_weakref(*args)
    except TypeError as e:
        print("TypeError:", e)
