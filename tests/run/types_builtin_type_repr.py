# repr, __module__, __name__ and __qualname__ of built-in types that live in a module
# (`types.GenericAlias`, `collections.deque`…), of the builtins types, and of classes.
import collections
import functools
import io
import itertools
import re
import sys
import types
import weakref


def describe(t):
    print(repr(t), t.__module__, t.__name__, t.__qualname__)


for t in (
    types.GenericAlias,
    types.UnionType,
    type(list[int]),
    type(int | str),
    collections.deque,
    collections.defaultdict,
    collections.OrderedDict,
    itertools.count,
    itertools.chain,
    functools.partial,
    weakref.ReferenceType,
    weakref.ProxyType,
    io.StringIO,
    io.BytesIO,
    io.TextIOWrapper,
    int,
    object,
    type,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.ModuleType,
    types.MappingProxyType,
    types.SimpleNamespace,
    types.GeneratorType,
    types.CodeType,
    types.CellType,
    types.NoneType,
    type(sys.version_info),
    BaseException,
    OSError,
    property,
):
    describe(t)


# Instances of a built-in type from a module: object.__repr__ names the module.
def masked(text):
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


print(masked(object.__repr__(io.StringIO())))
print(masked(object.__repr__(collections.deque())))
print(masked(object.__repr__(list[int])))
print(masked(object.__repr__(42)))
print(repr(list[int]), repr(int | None))


# Classes statements, including subclasses of those types.
class Alias(types.GenericAlias):
    pass


class Queue(collections.deque):
    class Inner:
        pass


describe(Alias)
describe(Queue)
describe(Queue.Inner)
print(masked(repr(Queue.Inner())))
Dynamic = type("Dynamic", (), {})
describe(Dynamic)
Moved = type("Moved", (), {"__module__": "elsewhere"})
describe(Moved)
Moved.__module__ = "again"
print(repr(Moved), masked(repr(Moved())))
Moved.__qualname__ = "Outer.Moved"
print(repr(Moved), Moved.__name__)
try:
    del Moved.__module__
except TypeError as e:
    print("TypeError", e)
print(repr(Moved), masked(repr(Moved())))
Moved.__module__ = 42
print(repr(Moved), masked(repr(Moved())))


# A built-in type's name cannot be changed.
for t in (weakref.ReferenceType, types.GenericAlias, int):
    try:
        t.__name__ = "other"
    except TypeError as e:
        print("TypeError", e)
    try:
        t.__module__ = "other"
    except TypeError as e:
        print("TypeError", e)
print(repr(collections.deque), collections.deque.__module__)
