# __call__ found on the type is bound like any other attribute: functions bind, a class or a
# builtin function does not, staticmethod/classmethod and custom descriptors apply.
class M(type):
    __call__ = dict

class D(metaclass=M):
    pass

print(D(a=1), D([(1, 2)]), D())

class S:
    __call__ = staticmethod(lambda *a: ('static', a))

print(S()(1, 2))

class C:
    __call__ = classmethod(lambda cls, *a: (cls.__name__, a))

print(C()(3))

class Callee:
    def __call__(self, *a):
        return ('callee', a)

class H:
    __call__ = Callee()

print(H()(4))

class L:
    __call__ = len

try:
    print(L()([1, 2]))
except TypeError as e:
    print(e)

class Desc:
    def __get__(self, obj, owner):
        return lambda *a: ('got', type(obj).__name__, a)

class G:
    __call__ = Desc()

print(G()(5))

class B:
    __call__ = abs

print(B.__call__(-3))
try:
    print(B()(-3))
except TypeError as e:
    print(e)
