# gen: generator expression scoping in class bodies and late binding of outer variables
class C:
    xs = [1, 2, 3]
    total = sum(x for x in xs)
print(C.total)
n = 10
g = (n + i for i in range(3))
n = 100
print(list(g))
y = [1, 2]
g2 = (v for v in y)
y = [9, 9]
print(list(g2))
