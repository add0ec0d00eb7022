# class: __slots__ restricts attributes and removes __dict__
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, '__dict__'), P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError', e)
del p.y
try:
    p.y
except AttributeError as e:
    print('AttributeError', e)
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.z, hasattr(q, '__dict__'))
class R(P):
    __slots__ = ('w',)
r = R(1, 2)
r.w = 0
print(r.w, hasattr(r, '__dict__'))
try:
    r.other = 1
except AttributeError as e:
    print('AttributeError', e)
class S:
    __slots__ = ('a', '__dict__')
s = S()
s.a = 1
s.b = 2
print(s.a, s.__dict__)
print(type(P.x).__name__)
