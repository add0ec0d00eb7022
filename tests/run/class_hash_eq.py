# class: __hash__/__eq__ interaction rules
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print('TypeError', e)
class Both:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Both) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
print(len({Both(1), Both(1), Both(2)}), hash(Both(7)) == hash(7))
class Default:
    pass
d = Default()
print(hash(d) == hash(d), d == d, d != Default(), {d: 1}[d])
class InheritEq(Both):
    def __eq__(self, o):
        return False
print(InheritEq.__hash__)
class KeepHash(Both):
    def __eq__(self, o):
        return False
    __hash__ = Both.__hash__
print(hash(KeepHash(5)) == hash(5))
class Unhashable:
    __hash__ = None
try:
    {Unhashable()}
except TypeError as e:
    print('TypeError', e)
class BadHash:
    def __hash__(self):
        return 'x'
try:
    hash(BadHash())
except TypeError as e:
    print('TypeError', e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
