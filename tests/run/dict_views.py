# dict: keys/values/items views, live updates and set operations
d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), 'a' in k, 2 in v, ('b', 2) in i, ('b', 3) in i)
d['d'] = 4
print(list(k), list(v), list(i))
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}))
print(sorted(i & {('a', 1), ('b', 9)}), k == {'a', 'b', 'c', 'd'}, k <= {'a', 'b', 'c', 'd', 'e'}, k.isdisjoint(['x']))
print(d.keys() == d.keys(), d.values() == d.values(), list(reversed(d.keys())))
try:
    for key in d:
        d['new' + key] = 0
except RuntimeError as e:
    print('RuntimeError', e)
print(type(k).__name__, type(v).__name__, type(i).__name__)
m = k.mapping
print(type(m).__name__, m['a'])
