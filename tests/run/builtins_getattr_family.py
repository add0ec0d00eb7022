# builtins: getattr, setattr, hasattr, delattr
class C:
    cls_attr = 'c'
    def __init__(self):
        self.x = 1
c = C()
print(getattr(c, 'x'), getattr(c, 'cls_attr'), getattr(c, 'nope', 'default'), hasattr(c, 'x'), hasattr(c, 'nope'))
setattr(c, 'y', 2)
setattr(c, 'with space', 3)
print(c.y, getattr(c, 'with space'), sorted(vars(c)))
delattr(c, 'y')
print(hasattr(c, 'y'))
try:
    getattr(c, 'missing')
except AttributeError as e:
    print('AttributeError', e)
try:
    getattr(c, 1)
except TypeError as e:
    print('TypeError', e)
try:
    delattr(c, 'missing')
except AttributeError as e:
    print('AttributeError', e)
class Raiser:
    @property
    def p(self):
        raise ValueError('not attribute error')
try:
    hasattr(Raiser(), 'p')
except ValueError as e:
    print('ValueError propagates', e)
print(getattr(1, 'real'), getattr('abc', 'upper')(), getattr(C, 'cls_attr'))
