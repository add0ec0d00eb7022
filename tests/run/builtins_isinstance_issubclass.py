# builtins: isinstance and issubclass with tuples, bool/int, object
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance('s', (bytes, list)))
print(isinstance(None, type(None)), isinstance(int, type), isinstance([], object), isinstance(1, ((str,), (int,))))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, (str, object)), issubclass(type, type), issubclass(object, object))
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, (int, A)), issubclass(B, B))
print(isinstance(1, int | str), issubclass(bool, int | float), isinstance(None, int | None))
try:
    issubclass(B(), A)
except TypeError as e:
    print('TypeError', e)
