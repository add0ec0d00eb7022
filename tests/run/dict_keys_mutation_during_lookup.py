# dict: keys with custom __eq__ that count comparisons; hash collisions resolved by eq
class Key:
    eqs = 0
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return 42
    def __eq__(self, other):
        Key.eqs += 1
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return f'Key({self.name!r})'
d = {}
for n in ['a', 'b', 'c']:
    d[Key(n)] = n.upper()
print(d)
print(d[Key('b')], Key('z') in d, Key.eqs > 0)
del d[Key('a')]
print(d, len(d))
