# class: reflected operator dispatch order and subclass priority
class A:
    def __add__(self, o):
        print('A.__add__')
        return NotImplemented
    def __radd__(self, o):
        print('A.__radd__')
        return 'A.radd'
class B:
    def __add__(self, o):
        print('B.__add__')
        return NotImplemented
    def __radd__(self, o):
        print('B.__radd__')
        return 'B.radd'
print(A() + B())
print(1 + A())
class Sub(A):
    def __radd__(self, o):
        print('Sub.__radd__')
        return 'Sub.radd'
print(A() + Sub())
class N:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
try:
    N() + N()
except TypeError as e:
    print('TypeError', e)
class R:
    def __rsub__(self, o):
        return f'rsub({o})'
    def __rtruediv__(self, o):
        return f'rtruediv({o})'
    def __rfloordiv__(self, o):
        return 'rfloordiv'
    def __rmod__(self, o):
        return 'rmod'
    def __rpow__(self, o):
        return 'rpow'
    def __rlshift__(self, o):
        return 'rlshift'
    def __rrshift__(self, o):
        return 'rrshift'
    def __rand__(self, o):
        return 'rand'
    def __ror__(self, o):
        return 'ror'
    def __rxor__(self, o):
        return 'rxor'
    def __rmatmul__(self, o):
        return 'rmatmul'
    def __rdivmod__(self, o):
        return 'rdivmod'
r = R()
print(5 - r, 5 / r, 5 // r, 5 % r, 5 ** r, 5 << r, 5 >> r, 5 & r, 5 | r, 5 ^ r, 5 @ r if False else 'skip', divmod(5, r), pow(2, r))
print([1] @ r)
