# list: index errors and messages
a = [1, 2, 3]
tests = [lambda: a[3], lambda: a[-4], lambda: a.__setitem__(5, 0), lambda: a.__delitem__(10), lambda: a['x'], lambda: a[1.0],
         lambda: a.insert('x', 1), lambda: [].pop(0), lambda: a.pop('a')]
for t in tests:
    try:
        print(t())
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
print(a[-3], a[2], a[True])
