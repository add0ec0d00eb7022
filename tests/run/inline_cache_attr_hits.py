# Attribute instructions served from their inline caches must notice every change that
# invalidates them: instance dicts that gain or lose names, class attributes replaced,
# methods shadowed, modules rebinding names, and drops that run __del__ mid-instruction.
import sys
import math


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        frame = sys._getframe(1)
        print("del", self.tag, frame.f_code.co_name, frame.f_lineno)


class Point:
    scale = 2

    def __init__(self, x):
        self.x = x

    def norm(self):
        return self.x * self.scale


def read_x(p):
    return p.x


def write_x(p, v):
    p.x = v


def call_norm(p):
    return p.norm()


p = Point(3)
for _ in range(3):
    print(read_x(p), call_norm(p))
    write_x(p, p.x + 1)

# A class attribute changes: the cached method result follows.
Point.scale = 10
print(call_norm(p))

# An instance attribute shadows the method.
p.norm = lambda: "shadowed"
print(call_norm(p))
del p.norm
print(call_norm(p))

# The method itself is replaced on the class.
Point.norm = lambda self: -self.x
print(call_norm(p))

# The instance dict loses and regains the name.
del p.x
try:
    read_x(p)
except AttributeError as e:
    print("AttributeError:", e)
write_x(p, 7)
print(read_x(p))

# Another class at the same instruction.
class Other:
    def __init__(self):
        self.x = "other"

    def norm(self):
        return "other norm"


o = Other()
for obj in (p, o, p, o):
    print(read_x(obj), call_norm(obj))

# A replaced attribute value whose __del__ looks at the frame that replaced it.
q = Point(Noisy("first"))
write_x(q, Noisy("second"))
write_x(q, 0)
print("after stores")

# Module attributes through LOAD_ATTR and LOAD_METHOD, then rebound.
def use_math():
    return math.floor(2.5), math.pi > 3


print(use_math(), use_math())
saved = math.floor
math.floor = lambda v: "patched"
print(use_math())
math.floor = saved
print(use_math())

# __slots__ and properties at the same sites.
class Slotted:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x

    def norm(self):
        return "slotted"


class Prop:
    @property
    def x(self):
        return "property"

    def norm(self):
        return "prop"


for obj in (Slotted(1), Prop(), Slotted(2)):
    print(read_x(obj), call_norm(obj))

s = Slotted(5)
write_x(s, 6)
print(s.x)
try:
    write_x(Prop(), 1)
except AttributeError as e:
    print("AttributeError:", e)
