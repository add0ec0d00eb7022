class A:
    def __init__(self, x, y=2, *, z=3):
        self.s = (x, y, z)
print(A(1).s, A(1, 5, z=7).s)
class B:
    def __init__(self):
        return 5
try:
    B()
except TypeError as e:
    print("TypeError:", e)
class C:
    def __init__(self, a):
        raise ValueError(a)
try:
    C(3)
except ValueError as e:
    print("ValueError", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
class D:
    __slots__ = ('a',)
    def __init__(self):
        self.a = 1
print(D().a)
class E:
    def __init__(self):
        self = None
print(type(E()).__name__)
try:
    A()
except TypeError as e:
    print(e)
try:
    A(1, 2, 3)
except TypeError as e:
    print(e)
class G:
    def __init__(self):
        yield 1
try:
    G()
except TypeError as e:
    print(e)
import abc
class Ab(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    def __init__(self): pass
try:
    Ab()
except TypeError as e:
    print(e)
class Meta(type):
    def __call__(cls, *a):
        print("meta call", a)
        return 42
class M(metaclass=Meta):
    def __init__(self, *a): print("never")
print(M(1, 2))
class N:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, *a):
        print("init", a)
N(1)
import sys
def deep(n):
    class R:
        def __init__(self, k):
            self.k = R(k - 1) if k else None
    return R(n)
try:
    deep(100000)
except RecursionError as e:
    print("RecursionError", e)
class F:
    def __init__(self):
        1/0
def g():
    return F()
try:
    g()
except ZeroDivisionError:
    import traceback; traceback.print_exc(file=sys.stdout)
B()
