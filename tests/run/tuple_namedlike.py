# tuple: tuple subclass with properties acting like a named tuple
class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f'Point(x={self.x}, y={self.y})'
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
p = Point(1, 2)
q = Point(3, 4)
print(p, q, p + q, p == (1, 2), len(p), list(p), p[0], isinstance(p, tuple))
x, y = q
print(x, y, sorted([q, p]), hash(p) == hash((1, 2)))
try:
    p.z = 5
except AttributeError as e:
    print('AttributeError', e)
