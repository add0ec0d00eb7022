# class: operator special methods for containers: __getitem__/__setitem__/__delitem__ with slices
class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, key):
        print('get', key)
        return self.d.get(repr(key), 0)
    def __setitem__(self, key, v):
        print('set', key, v)
        self.d[repr(key)] = v
    def __delitem__(self, key):
        print('del', key)
        del self.d[repr(key)]
g = Grid()
g[1, 2] = 5
print(g[1, 2], g[0, 0])
g[1:3] = 'slice'
g[::2]
g[1:2, 3]
g[...]
del g[1, 2]
g['k'] += 3
print(sorted(g.d.items()))
