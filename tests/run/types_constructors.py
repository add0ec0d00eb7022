# types.MethodType, FunctionType, CellType and ModuleType called directly: results and errors.
import types


def show(thunk):
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__ + ":", e)


def pair(a, b=2):
    return (a, b)


def outer(x):
    def inner():
        return x

    return inner


class Thing:
    def __init__(self, tag):
        self.tag = tag

    def __repr__(self):
        return f"Thing({self.tag})"


inner = outer(5)
cell = types.CellType("in a cell")

# MethodType binds any callable to any object but None.
thing = Thing(1)
m = types.MethodType(pair, thing)
print(type(m) is types.MethodType, m.__func__ is pair, m.__self__ is thing)
print(m(), m(3) if False else m(b=3))
print(types.MethodType(len, [1, 2, 3])())
print(types.MethodType(Thing, "made")())
print(m == types.MethodType(pair, thing), m == types.MethodType(pair, Thing(1)))
thing.method = types.MethodType(lambda self, n: self.tag + n, thing)
print(thing.method(41))
show(lambda: types.MethodType(pair))
show(lambda: types.MethodType(pair, 1, 2))
show(lambda: types.MethodType(pair, obj=1))
show(lambda: types.MethodType(1, 2))
show(lambda: types.MethodType(pair, None))

# FunctionType(code, globals, name=None, argdefs=None, closure=None).
f = types.FunctionType(pair.__code__, {"__name__": "somewhere"})
print(f(1, 2), f.__name__, f.__qualname__, f.__module__, f.__defaults__, f.__kwdefaults__)
g = types.FunctionType(pair.__code__, globals(), "renamed", (7, 8))
print(g(), g.__name__, g.__qualname__, g.__module__)
h = types.FunctionType(inner.__code__, {}, None, None, inner.__closure__)
print(h(), h.__closure__[0].cell_contents)
h2 = types.FunctionType(inner.__code__, {}, "h2", closure=(cell,))
print(h2(), h2.__name__)
k = types.FunctionType(code=pair.__code__, globals={}, argdefs=(1,))
print(k(0), k.__defaults__)


def documented():
    "The docstring."


print(types.FunctionType(documented.__code__, {}).__doc__)
ns = {"value": 10}
exec("def reader():\n    return value\n", ns)
reader = types.FunctionType(ns["reader"].__code__, {"value": 20})
print(reader(), ns["reader"]())
show(lambda: types.FunctionType())
show(lambda: types.FunctionType(pair.__code__))
show(lambda: types.FunctionType(1, {}))
show(lambda: types.FunctionType(pair.__code__, 1))
show(lambda: types.FunctionType(pair.__code__, {}, 3))
show(lambda: types.FunctionType(pair.__code__, {}, None, [1]))
show(lambda: types.FunctionType(pair.__code__, {}, None, None, (cell,)))
show(lambda: types.FunctionType(pair.__code__, {}, None, None, 5))
show(lambda: types.FunctionType(inner.__code__, {}))
show(lambda: types.FunctionType(inner.__code__, {}, None, None, ()))
show(lambda: types.FunctionType(inner.__code__, {}, None, None, (1,)))
show(lambda: types.FunctionType(inner.__code__, {}, None, None, [cell]))
show(lambda: types.FunctionType(pair.__code__, {}, name="n", bad=1))

# CellType(contents) and the empty cell.
print(cell.cell_contents, types.CellType(None).cell_contents)
empty = types.CellType()
show(lambda: empty.cell_contents)
empty.cell_contents = 3
print(empty.cell_contents)
show(lambda: types.CellType(1, 2))
show(lambda: types.CellType(x=1))

# ModuleType(name, doc=None).
mod = types.ModuleType("made", "its doc")
print(mod.__name__, mod.__doc__, mod.__spec__, mod.__package__, mod.__loader__)
print(repr(types.ModuleType("plain")), types.ModuleType("plain").__doc__)
print(types.ModuleType(name="kw", doc=3).__doc__)
print(sorted(types.ModuleType("x").__dict__))
show(lambda: types.ModuleType())
show(lambda: types.ModuleType(1))
show(lambda: types.ModuleType("a", "b", "c"))


class Sub(types.ModuleType):
    def hello(self):
        return "hello from " + self.__name__


print(Sub("sub").hello(), isinstance(Sub("s"), types.ModuleType))
