# list: all list methods
a = [3, 1, 4]
a.append(1); print(a)
a.extend([5, 9]); print(a)
a.extend('ab'); print(a)
a.insert(0, 'first'); a.insert(100, 'last'); a.insert(-1, 'penult'); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
print(a.index(1), a.index(5), a.count(1), a.count('zz'))
b = a.copy(); b.clear(); print(a, b)
c = [5, 2, 8, 1]
c.reverse(); print(c)
c.sort(); print(c)
c.sort(reverse=True); print(c)
print(a.index(4, 1), [1, 2, 1, 2].index(2, 2), [1, 2, 3].index(3, -1))
for bad in [lambda: a.remove('zz'), lambda: a.index('zz'), lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].index(1, 1)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
