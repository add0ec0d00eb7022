# class: zero-arg super, two-arg super, super in classmethods and staticmethod access
class A:
    def f(self):
        return 'A.f'
    @classmethod
    def cm(cls):
        return f'A.cm({cls.__name__})'
    x = 'A.x'
class B(A):
    def f(self):
        return 'B>' + super().f()
    @classmethod
    def cm(cls):
        return 'B>' + super().cm()
class C(B):
    def f(self):
        return 'C>' + super(B, self).f()
c = C()
print(c.f(), C.cm(), B().f(), super(C, c).x)
sup = super(B, C())
print(type(sup).__name__, sup.f())
class D(A):
    def g(self):
        inner = lambda: super(D, self).f()
        return inner()
    def h(self):
        return [super().f() for _ in range(2)]
print(D().g())
try:
    D().h()
except TypeError as e:
    print('TypeError', e)
try:
    super(int, 'x')
except TypeError as e:
    print('TypeError', e)
