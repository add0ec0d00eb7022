# dict: key equality across numeric types, tuples as keys, unhashable keys
d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d))
d2 = {0: 'a', 0.0: 'b', False: 'c', 0j: 'd'}
print(d2)
t = {(1, 2): 'pair', (1, (2, 3)): 'nested', frozenset([1]): 'fs', None: 'none', 'k': 'str', b'k': 'bytes'}
print(t[(1, 2)], t[(1, (2, 3))], t[frozenset({1})], t[None], t['k'], t[b'k'])
for bad in [[1], {1: 2}, {1}, ([1],)]:
    try:
        {bad: 1}
    except TypeError as e:
        print('TypeError', e)
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 3
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return f'K{self.v}'
kd = {K(i): i for i in range(6)}
print(kd, kd[K(4)], K(7) in kd, K(3) in kd)
nan = float('nan')
nd = {nan: 1}
print(nd[nan], float('nan') in nd)
