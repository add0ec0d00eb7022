# errors: AttributeError messages on builtins, modules, classes, instances
import sys
class Point:
    __slots__ = ('x',)
class Plain:
    pass
tests = [lambda: [].push, lambda: {}.add, lambda: 'x'.append, lambda: (1).real.foo, lambda: sys.foo_bar, lambda: Point().x,
         lambda: setattr(Point(), 'y', 1), lambda: Plain.attr, lambda: Plain().attr, lambda: len.__foo__, lambda: None.x,
         lambda: setattr([], 'x', 1), lambda: setattr('s', 'upper', 1), lambda: delattr(Plain(), 'q'), lambda: object().__dict__,
         lambda: setattr(int, 'x', 1), lambda: type.__dict__['__name__'].__set__(int, 'y')]
for t in tests:
    try:
        t()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
