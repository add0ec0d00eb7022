# misc: augmented assignment on attributes and subscripts evaluates the target once
log = []
class Obj:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        log.append('get v')
        return self._v
    @v.setter
    def v(self, val):
        log.append(f'set v={val}')
        self._v = val
o = Obj()
o.v += 10
print(o.v, log)
class Box:
    def __init__(self):
        self.d = {'k': 1}
    def __getitem__(self, k):
        log.append(f'getitem {k}')
        return self.d[k]
    def __setitem__(self, k, val):
        log.append(f'setitem {k}={val}')
        self.d[k] = val
log.clear()
b = Box()
def key():
    log.append('key evaluated')
    return 'k'
b[key()] *= 5
print(b.d, log)
lst = [[1, 2], [3, 4]]
lst[1][0] += 100
lst[0] += [9]
print(lst)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print('TypeError', e)
print(t)
