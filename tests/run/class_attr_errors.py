# class: AttributeError messages for instances, classes, modules and builtins
class C:
    pass
import sys
tests = [lambda: C().missing, lambda: C.missing, lambda: (1).foo, lambda: 'x'.foo, lambda: None.foo,
         lambda: [].nope, lambda: sys.nope, lambda: setattr(1, 'x', 2), lambda: setattr(object(), 'y', 1),
         lambda: delattr(C(), 'z'), lambda: int.nope]
for t in tests:
    try:
        t()
    except AttributeError as e:
        print(e)
