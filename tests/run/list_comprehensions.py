# list: comprehension forms - nested, conditions, multiple for clauses
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(4)] for x in range(3)])
print([x if x % 2 else -x for x in range(6)])
print([c for w in ['ab', 'cd'] for c in w])
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)])
print([y for x in [[1, [2]], [3, [4]]] for y in x[1]])
print([i for i in range(3) for _ in range(2)])
print([(lambda v: v + 1)(i) for i in range(3)])
print([x for x in 'abc' if x != 'b'], [n for n in [] if n])
x = 'outer'
print([x for x in range(2)], x)
print([a + b for a, b in zip([1, 2], [10, 20])], [k for k, v in {'a': 1, 'b': 0}.items() if v])
print([j for i in range(4) if i % 2 for j in range(i)])
