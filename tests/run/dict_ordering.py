# dict: insertion ordering preserved across updates and deletions
d = {}
for k in ['zeta', 'alpha', 'mid', 'beta']:
    d[k] = len(k)
print(list(d))
d['alpha'] = 100
print(list(d.items()))
del d['zeta']
d['zeta'] = 0
print(list(d))
d.pop('mid')
d.update(mid=5, aaa=1)
print(d)
print({3: 'c', 1: 'a', 2: 'b'}, dict([(2, 'x'), (1, 'y'), (2, 'z')]))
e = dict(b=1, a=2)
e.setdefault('c', 3)
print(e, list(reversed(e)), list(reversed(e.items())), list(reversed(e.values())))
print({**{'x': 1, 'y': 2}, 'x': 3, **{'z': 4}})
