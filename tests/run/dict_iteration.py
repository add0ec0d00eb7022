# dict: iteration patterns and modification errors
d = {'one': 1, 'two': 2, 'three': 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(f'{k}={v}', end=' ')
print()
print(sum(d.values()), max(d, key=d.get), min(d.items(), key=lambda kv: kv[1]), sorted(d, key=len))
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
e = {1: 1}
try:
    for k in e:
        del e[k]
except RuntimeError as ex:
    print('RuntimeError', ex)
f = {'a': 1, 'b': 2}
it = iter(f.items())
print(next(it), next(it), next(it, 'end'))
g = {'x': 0}
for k in g:
    g[k] = 5
print(g)
