# list: concatenation, repetition, comparison, membership, identity-free copies
a = [1, 2]
b = a
b += [3]
print(a, a is b)
c = a + [4]
print(a, c)
d = [[0]] * 3
d[0].append(1)
print(d)
e = [[0] for _ in range(3)]
e[0].append(1)
print(e)
print([1, 2] * 2, 0 * [1], [] * 5, [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] == [], [1] != [1.0])
print(2 in [1, 2], [1] in [[1]], 3 not in [1, 2], len([None] * 4))
a *= 2
print(a)
try:
    [1] + (2,)
except TypeError as e:
    print('TypeError', e)
try:
    [1] < ['a']
except TypeError as e:
    print('TypeError', e)
f = [1, 2]
f += (3, 4)
f += 'ab'
f += range(2)
print(f)
print(list(), list('xy'), list((1, 2)), list({'k': 1}), list(range(3)), list(x for x in 'ab'))
