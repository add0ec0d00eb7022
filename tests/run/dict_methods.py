# dict: all dict methods
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 99), d)
print(d.pop('b'), d.pop('zz', 'dflt'), d)
d.update({'x': 10}, y=20)
d.update([('z', 30)])
print(d)
print(d.popitem(), d.popitem(), d)
e = d.copy()
e['new'] = 1
print(d, e)
print(list(d.keys()), list(d.values()), list(d.items()))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
d.clear()
print(d, len(d))
for bad in [lambda: {}.pop('k'), lambda: {}.popitem(), lambda: {}['missing'], lambda: {}.update(1), lambda: {}.update([1])]:
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print({'a': 1} | {'b': 2}, {'a': 1, 'b': 2} | {'a': 3})
f = {'p': 0}
f |= {'q': 1}
f |= [('r', 2)]
print(f)
print(d.get('a', None) is None, 'p' in f, 'zz' not in f, len(f))
