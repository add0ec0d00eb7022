# match: class patterns on hand-written record classes with inheritance
class Shape:
    __match_args__ = ()
class Circle(Shape):
    __match_args__ = ('r',)
    def __init__(self, r):
        self.r = r
class Rect(Shape):
    __match_args__ = ('w', 'h')
    def __init__(self, w, h):
        self.w, self.h = w, h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
def area(s):
    match s:
        case Circle(r):
            return round(3.14159 * r * r, 2)
        case Rect(w, h) if w == h:
            return f'square {w * h}'
        case Rect(w, h):
            return w * h
        case Shape():
            return 'abstract shape'
print([area(s) for s in [Circle(1), Rect(2, 3), Square(4), Shape()]])
