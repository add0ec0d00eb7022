# _collections._tuplegetter: the field descriptor namedtuple classes use
from _collections import _tuplegetter

class Point(tuple):
    __slots__ = ()
    x = _tuplegetter(0, "Alias for field number 0")
    y = _tuplegetter(1, None)
    far = _tuplegetter(5, "out of range")

p = Point((3, 4))
print(p.x, p.y, Point.x.__doc__, Point.y.__doc__, type(Point.x).__name__)
Point.y.__doc__ = "new doc"
print(Point.y.__doc__, Point.x.__reduce__()[1])
for label, f in [("set", lambda: setattr(p, "x", 1)), ("del", lambda: delattr(p, "x")),
                 ("range", lambda: p.far), ("non-tuple", lambda: Point.x.__get__([1, 2], list)),
                 ("args", lambda: _tuplegetter(1)), ("index", lambda: _tuplegetter("a", None))]:
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
print(Point.x.__get__(None, Point) is Point.x, Point.x.__get__((7, 8)))
