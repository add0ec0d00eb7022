# match: class patterns with keyword attributes and builtin class patterns
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
def where(p):
    match p:
        case Point(x=0, y=0):
            return 'origin'
        case Point(x=0, y=yy):
            return f'on y-axis at {yy}'
        case Point(x=xx, y=0):
            return f'on x-axis at {xx}'
        case Point():
            return 'elsewhere'
        case _:
            return 'not a point'
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), (0, 0)]:
    print(where(p))
def kind(v):
    match v:
        case bool(b):
            return f'bool {b}'
        case int(n):
            return f'int {n}'
        case float(f):
            return f'float {f}'
        case complex() as c:
            return f'complex {c}'
        case str() as s:
            return f'str of len {len(s)}'
        case list([x, *_]):
            return f'list starting {x}'
        case dict(d):
            return f'dict {d}'
    return 'unknown'
for v in [True, 7, 2.5, 1j, 'hey', [9, 8], {'a': 1}, None, []]:
    print(kind(v))
