# basics: integer identity-free behaviour of small/large ints and interning-free equality
a = 256
b = 255 + 1
print(a == b, a is not None)
c = 10 ** 20
d = 10 ** 20
print(c == d)
print([i * i for i in range(-3, 4)], [i // 2 for i in range(-5, 6)])
print(list(range(10, 0, -3)), list(range(-5, 5, 2)), list(range(0)), list(range(5, 5)))
r = range(3, 30, 4)
print(r, len(r), r[2], r[-1], r[1:3], 11 in r, 12 in r, r.index(15), r.count(7))
print(range(10)[::-1], list(range(10)[::-3]), range(0, 10, 2) == range(0, 9, 2))
print(reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 3))))
print(10 ** 20 in range(-10 ** 20, 10 ** 21), range(10 ** 30)[10 ** 29], range(10 ** 30)[-1])
