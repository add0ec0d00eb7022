# builtins: type() with one and three arguments, object()
print(type(1), type('s'), type([]), type(None), type(type), type(object), type(len), type(lambda: 0).__name__)
T = type('T', (), {'x': 1, 'hello': lambda self: f'hi {self.x}'})
t = T()
print(T.__name__, t.x, t.hello(), type(t) is T, T.__bases__)
U = type('U', (T,), {'x': 2})
print(U().hello(), U.__mro__[1] is T, U.__qualname__, U.__module__)
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print('AttributeError', e)
print(type(o).__name__, isinstance(o, object), object.__name__)
