# list: iterable unpacking with star targets
a, b, c = [1, 2, 3]
print(a, b, c)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
a, *mid, z = [1, 2]
print(a, mid, z)
(a, b), [c, *d] = (1, 2), [3, 4, 5]
print(a, b, c, d)
[x, y] = 'xy'
print(x, y)
for i, (j, *k) in enumerate([(1, 2, 3), (4,)]):
    print(i, j, k)
head, *_ = [9, 8, 7]
print(head, _)
print(*[1, 2], *'ab', *range(2))
print([*range(3), *[9], *()], (*'ab',), {*[]} == set())
l = [0, 0, 0]
l[0], l[1:] = 'a', 'bc'
print(l)
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print(i, lst)
