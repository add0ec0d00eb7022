# dict: dict() constructor forms
print(dict(), dict(a=1, b=2), dict([('a', 1), ['b', 2]]), dict({'x': 1}, y=2), dict(zip('ab', [1, 2])))
print(dict([('k', 1)], k=2), dict(((i, i) for i in range(3))), dict(['ab', 'cd']))
class Mapping:
    def keys(self):
        return ['p', 'q']
    def __getitem__(self, k):
        return k.upper()
print(dict(Mapping()), {**Mapping()})
for bad in [[1, 2], [('a',)], [('a', 1, 2)], 5]:
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    dict({}, **{1: 2})
except TypeError as e:
    print('TypeError', e)
