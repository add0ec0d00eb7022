# set: subset/superset chains and equality with frozenset
a, b, c = {1}, {1, 2}, {1, 2, 3}
print(a < b < c, a <= a < c, c > b >= b, not (b < a))
print({1, 2} == frozenset({1, 2}), frozenset({1}) < {1, 2}, set() < {0}, set() <= set())
print(sorted([{3}, {1, 2}, {1}], key=len), max([{1}, {1, 2, 3}, {5, 6}], key=len))
print({1, 2}.issubset([1, 2]), {1, 2}.issuperset({1}), {1, 2} >= {1, 2, 3})
