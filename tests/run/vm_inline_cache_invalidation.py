# Inline caches must notice every change that alters what an attribute or global name means.
import sys


class A:
    kind = "A"

    def __init__(self):
        self.x = 1

    def m(self):
        return "A.m"


class B(A):
    pass


def read_x(o):
    return o.x


def call_m(o):
    return o.m()


def read_kind(o):
    return o.kind


a, b = A(), B()
for _ in range(3):
    print(read_x(a), read_x(b), call_m(a), call_m(b), read_kind(a), read_kind(b))

# A method replaced on the base is seen through the subclass.
A.m = lambda self: "new A.m"
print(call_m(a), call_m(b))
# A method defined on the subclass shadows the base's.
B.m = lambda self: "B.m"
print(call_m(a), call_m(b))
# An instance attribute shadows the method.
b.m = lambda: "instance m"
print(call_m(b))
del b.m
print(call_m(b))

# Class attribute values change.
A.kind = "A2"
print(read_kind(a), read_kind(b))
b.kind = "own"
print(read_kind(a), read_kind(b))

# A property added after the instance attribute was cached wins (data descriptor).
A.x = property(lambda self: "prop")
print(read_x(a), read_x(b))
del A.x
print(read_x(a), read_x(b))

# Deleting the instance attribute: the class attribute, then AttributeError.
A.x = "class x"
del a.x
print(read_x(a))
del A.x
try:
    read_x(a)
except AttributeError as e:
    print("AttributeError:", e)

# Replacing __dict__.
b.__dict__ = {"x": "fresh dict"}
print(read_x(b))


# __class__ assignment.
class C:
    def __init__(self):
        self.x = "C.x"

    def m(self):
        return "C.m"


c = C()
print(read_x(c), call_m(c))
c.__class__ = A
print(read_x(c), call_m(c))

# __getattribute__ and __setattr__ added later.
A.__getattribute__ = lambda self, n: "intercepted " + n
print(read_x(a), read_kind(b))
del A.__getattribute__
print(read_kind(a))


def set_y(o, v):
    o.y = v


set_y(a, 1)
set_y(a, 2)
print(a.y)
log = []
A.__setattr__ = lambda self, n, v: log.append((n, v))
set_y(a, 3)
print(a.y, log)
del A.__setattr__
set_y(a, 4)
print(a.y)

# A polymorphic site.
class D:
    x = "D.x"

    def m(self):
        return "D.m"


class E:
    def __init__(self):
        self.x = "E.x"

    def m(self):
        return "E.m"


for o in [a, b, c, D(), E(), D(), E(), a]:
    print(type(o).__name__, read_x(o) if hasattr(o, "x") else "-", call_m(o))


# Globals and builtins.
def use_len():
    return len("abc")


print(use_len())
len = lambda s: "global len"
print(use_len())
del len
print(use_len())
import builtins

saved = builtins.len
builtins.len = lambda s: "patched builtin"
print(use_len())
builtins.len = saved
print(use_len())
del builtins.len
try:
    use_len()
except NameError as e:
    print("NameError:", e)
builtins.len = saved
print(use_len())

# The same code object run with different globals.
code = compile("r = value * 2", "<s>", "exec")
for g in [{"value": 1}, {"value": "ab"}, {"value": [0]}]:
    exec(code, g)
    print(g["r"])
code = compile("r = len([1, 2])", "<s>", "exec")
for g in [{}, {"len": lambda x: "own len"}, {}]:
    exec(code, g)
    print(g["r"])

# Module attributes.
import math


def pi():
    return math.pi


print(pi())
math.pi = 3
print(pi())
del math.pi
try:
    pi()
except AttributeError as e:
    print("AttributeError:", e)
mod = type(sys)("m")
mod.pi = "mod pi"
math = mod
print(pi())

# Class attributes read on the class.
class F:
    v = 1


def fv():
    return F.v


print(fv())
F.v = 2
print(fv())


class G(F):
    pass


def gv():
    return G.v


print(gv())
F.v = 3
print(gv())
G.v = 4
print(gv(), fv())
