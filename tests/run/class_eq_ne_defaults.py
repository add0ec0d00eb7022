# class: __ne__ defaults to inverting __eq__; NotImplemented falls back to identity
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        if not isinstance(o, E):
            return NotImplemented
        return self.v == o.v
a, b, c = E(1), E(1), E(2)
print(a == b, a != b, a == c, a != c, a == 1, a != 1)
class AlwaysNe:
    def __ne__(self, o):
        return 'custom-ne'
print(AlwaysNe() != 1, AlwaysNe() == AlwaysNe())
x = E(5)
print(x == x, [x] == [x], x in [E(5)], [E(5)].count(x))
