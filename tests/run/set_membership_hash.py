# set: membership uses __hash__ and __eq__ of custom objects
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f'P({self.x},{self.y})'
pts = {P(1, 2), P(1, 2), P(2, 1)}
print(len(pts), P(1, 2) in pts, P(3, 3) in pts, sorted(pts, key=lambda p: (p.x, p.y)))
class NoHash:
    def __eq__(self, o):
        return True
try:
    {NoHash()}
except TypeError as e:
    print('TypeError', e)
print(NoHash.__hash__ is None)
class Counted:
    calls = 0
    def __hash__(self):
        Counted.calls += 1
        return 1
s = set()
c = Counted()
s.add(c); s.add(c); c in s
print(Counted.calls, len(s))
