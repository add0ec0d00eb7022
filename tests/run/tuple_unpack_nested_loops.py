# tuple: nested unpacking in for loops, comprehensions and starred middles
data = [('a', (1, 2)), ('b', (3, 4))]
for name, (x, y) in data:
    print(name, x + y)
print([n * x for n, (x, _) in [(2, (3, 0)), (4, (5, 0))]])
for first, *middle, last in ['abc', 'wxyz', 'pq']:
    print(first, middle, last)
pairs = list(zip(range(3), 'abc'))
nums, chars = zip(*pairs)
print(nums, chars)
((a, *b), c) = ([1, 2, 3], 4)
print(a, b, c)
