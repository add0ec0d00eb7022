# builtins: enumerate with start, nested, and as an iterator
print(list(enumerate('abc')), list(enumerate('abc', 10)), list(enumerate([], 5)), list(enumerate('ab', start=-2)))
e = enumerate(['x', 'y'])
print(next(e), next(e), next(e, 'end'), iter(e) is e)
for i, (a, b) in enumerate(zip('pq', 'rs'), 1):
    print(i, a, b)
print(dict(enumerate('hi')), list(enumerate(range(3), 2 ** 70)))
print(type(enumerate([])).__name__)
