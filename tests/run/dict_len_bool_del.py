# dict: len, truthiness, del and KeyError on del
d = {'a': 1}
print(len(d), bool(d), bool({}))
del d['a']
print(d, len(d), bool(d))
try:
    del d['a']
except KeyError as e:
    print('KeyError', e)
d = {i: i for i in range(100)}
for i in range(0, 100, 2):
    del d[i]
print(len(d), list(d)[:5], sum(d))
d.clear()
d[5] = 5
print(d)
