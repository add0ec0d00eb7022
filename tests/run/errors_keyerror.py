# errors: KeyError messages from dict operations
d = {'a': 1}
for thunk in [lambda: d['b'], lambda: d[1], lambda: d[(1, 'x')], lambda: d.pop('zz'), lambda: {}.popitem(), lambda: d[None],
              lambda: d[''], lambda: d[frozenset()], lambda: set().remove('q'), lambda: d[1.5]]:
    try:
        thunk()
    except KeyError as e:
        print(type(e).__name__, e)
try:
    del d['missing']
except KeyError as e:
    print(type(e).__name__, e)
