# basics: deterministic hashes of ints, floats, tuples of ints
for v in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 100, -(2 ** 100), 10 ** 20]:
    print(v, hash(v))
for v in [0.0, -0.0, 1.0, 1.5, -2.25, 1e20, float('inf'), float('-inf')]:
    print(v, hash(v))
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash((True, 0.5)))
print(hash(1) == hash(1.0) == hash(1 + 0j) == hash(True))
print(hash(2 ** 61 - 1) == 0, hash(-(2 ** 61 - 1)))
print(hash(None) == hash(None), hash(frozenset()) == hash(frozenset()))
print(hash(frozenset({1, 2, 3})) == hash(frozenset({3, 2, 1})))
