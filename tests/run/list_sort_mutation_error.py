# list: mutating a list during sort raises ValueError; key exceptions propagate
a = [3, 1, 2]
def bad_key(x):
    a.append(x)
    return x
try:
    a.sort(key=bad_key)
except ValueError as e:
    print('ValueError', e)
print(sorted(a))
def raising(x):
    if x == 2:
        raise KeyError('boom')
    return x
b = [3, 2, 1]
try:
    b.sort(key=raising)
except KeyError as e:
    print('KeyError', e)
print(b)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
print([c.v for c in sorted([Cmp(1), Cmp(3), Cmp(2)])])
print(max([Cmp(1), Cmp(3)], key=lambda c: c.v).v)
