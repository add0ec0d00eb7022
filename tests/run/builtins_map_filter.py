# builtins: map with multiple iterables and filter with None
print(list(map(str, [1, 2, 3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, 'ab', 'cd', 'efg')))
print(list(filter(None, [0, 1, '', 'a', [], [0], None])), list(filter(str.isdigit, 'a1b2c3')), list(filter(lambda x: x % 2, range(8))))
m = map(abs, [-1, -2])
print(type(m).__name__, next(m), list(m))
f = filter(None, [1, 0, 2])
print(type(f).__name__, list(f), list(f))
print(list(map(len, [])), sum(map(int, '12345')))
