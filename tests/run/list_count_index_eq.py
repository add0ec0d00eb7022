# list: count/index/remove/in use == (with identity shortcut), custom __eq__
class Any:
    def __eq__(self, other):
        return True
a = [1, 2, 3]
print(a.count(Any()), a.index(Any()), Any() in a, a == [Any(), Any(), Any()])
nan = float('nan')
b = [nan, 1]
print(nan in b, b.count(nan), b.index(nan), b == b, [nan] == [nan], [float('nan')] == [float('nan')])
class Loud:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print('eq', self.v, getattr(other, 'v', other))
        return self.v == getattr(other, 'v', other)
c = [Loud(1), Loud(2), Loud(3)]
c.remove(2)
print([x.v for x in c])
print(Loud(3) in c)
