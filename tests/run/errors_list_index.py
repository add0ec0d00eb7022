# errors: sequence index out of range and bad index types
lst = [1, 2, 3]
s = 'abc'
t = (1, 2)
for idx in [3, -4, 100]:
    try:
        lst[idx]
    except IndexError as e:
        print(type(e).__name__, e)
for thunk in [lambda: lst.__setitem__(3, 0), lambda: 'ab'[2], lambda: (1,)[1], lambda: lst[1.5], lambda: lst['0'], lambda: lst[None],
              lambda: s[1.0], lambda: t['x'], lambda: lst[[0]]]:
    try:
        thunk()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
