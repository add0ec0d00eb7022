# tuple: count/index with start/stop, slicing, tuple() of tuple, hashing of nested tuples
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.index(2), t.index(2, 2), t.index(2, 4, 6), t[1::2], t[::-2])
try:
    t.index(3, 3)
except ValueError as e:
    print('ValueError', e)
u = tuple(t)
print(u == t, tuple([t]), (t,) * 2 == (t, t))
print(hash(((1, 2), (3,))) == hash(((1, 2), (3,))), len(((),)), ((),) == ((),))
print(sum((1, 2, 3)), max(('b', 'a')), sorted((3, 1, 2)), list(reversed((1, 2))), (1, 2, 3)[-1:0:-1])
