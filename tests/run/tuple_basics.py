# tuple: creation, indexing, methods, immutability
t = (1, 'a', 2.5, None)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t.count(1), t.index('a'))
print((), (1,), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple(x for x in 'xy'), 1, 2 if False else (1, 2))
x = 1, 2, 3
print(x, type(x).__name__)
print((1, 2) + (3,), (1,) * 3, (1, 2) < (1, 3), (1, 2) == (1, 2), (1, [2]) != (1, [3]), 2 in (1, 2))
try:
    t[0] = 5
except TypeError as e:
    print('TypeError', e)
try:
    t.index('zz')
except ValueError as e:
    print('ValueError', e)
try:
    (1,) + [2]
except TypeError as e:
    print('TypeError', e)
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
try:
    hash(nested)
except TypeError as e:
    print('TypeError', e)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 'ok'}[(1, 2)])
try:
    t[10]
except IndexError as e:
    print('IndexError', e)
