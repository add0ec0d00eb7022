# builtins: property, staticmethod, classmethod used as plain callables
class C:
    def _get(self):
        return self._v
    def _set(self, v):
        self._v = v * 2
    v = property(_get, _set, None, 'doubled value')
    s = staticmethod(lambda x: x + 1)
    c = classmethod(lambda cls, x: (cls.__name__, x))
o = C()
o.v = 5
print(o.v, C.v.__doc__, C.s(1), o.s(2), C.c(3), o.c(4))
p = property(lambda self: 'ro')
print(type(p).__name__, p.fget(None), p.fset, p.fdel)
p2 = p.setter(lambda self, v: None)
print(p2 is not p, p2.fset is not None)
print(isinstance(C.__dict__['s'], staticmethod), C.__dict__['s'].__func__(10), C.__dict__['c'].__func__(C, 0))
