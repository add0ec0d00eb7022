# builtins: range objects - slicing, contains, index, count, equality, reversed
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2:4], r[::-1], r[::2], 5 in r, 6 in r, r.index(11), r.count(8))
print(range(5) == range(0, 5), range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(3) != range(4))
print(list(range(10, 0, -3)), list(range(-3)), list(range(-3, 3)), range(1, 10, 2)[1:3], range(10)[-100:100])
print(hash(range(3)) == hash(range(0, 3)), bool(range(0)), bool(range(1)), range(3).start, range(3).stop, range(3).step)
print(list(reversed(range(1, 8, 3))), 2.0 in range(3), '2' in range(3), sorted(range(3), reverse=True))
try:
    range(3).index(5)
except ValueError as e:
    print('ValueError', e)
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20), range(0, 10 ** 20, 7)[3])
