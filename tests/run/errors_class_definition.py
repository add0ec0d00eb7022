# errors: TypeErrors when defining classes incorrectly
try:
    class A(1): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class B(int, str): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class C(bool): pass
except TypeError as e:
    print(type(e).__name__, e)
class D: pass
try:
    class E(D, D): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class F:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print(type(e).__name__, e)
try:
    class G(metaclass=5): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    type('H', (), {})(1)
except TypeError as e:
    print(type(e).__name__, e)
