# dict: update with dicts, iterables, kwargs and views
d = {}
d.update({'a': 1})
d.update([('b', 2)], c=3)
d.update(zip('de', (4, 5)))
d.update(d.items())
d.update(**{'f': 6})
d.update()
print(d)
class M:
    def keys(self):
        return iter(['x', 'y'])
    def __getitem__(self, k):
        return ord(k)
d.update(M())
print(d)
try:
    d.update([('a', 1), ('b',)])
except ValueError as e:
    print('ValueError', e)
print(d)
