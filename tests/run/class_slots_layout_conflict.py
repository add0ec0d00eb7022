class A: __slots__ = ('a',)
class B: __slots__ = ('b',)
try:
    class C(A, B): pass
except TypeError as e: print(e)
class D(A): pass
d = D(); d.a = 1; d.x = 2; print(d.__dict__, d.a)
class E: __slots__ = ()
class F(A, E): __slots__ = ('f',)
f = F(); f.a = 1; f.f = 2; print(f.a, f.f)
