# match: positional class patterns using __match_args__
class Vec:
    __match_args__ = ('x', 'y', 'z')
    def __init__(self, x, y, z=0):
        self.x, self.y, self.z = x, y, z
def m(v):
    match v:
        case Vec(0, 0, 0):
            return 'zero vector'
        case Vec(x, 0, 0):
            return f'x-only {x}'
        case Vec(x, y, z=0):
            return f'planar {x},{y}'
        case Vec(_, _, z) if z < 0:
            return f'below plane {z}'
        case Vec(x, y, z):
            return f'3d {x},{y},{z}'
for v in [Vec(0, 0), Vec(5, 0), Vec(1, 2), Vec(1, 2, -3), Vec(1, 2, 3)]:
    print(m(v))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print('TypeError', e)
class TooFew:
    __match_args__ = ('a',)
    a = 1
try:
    match TooFew():
        case TooFew(1, 2):
            pass
except TypeError as e:
    print('TypeError', e)
