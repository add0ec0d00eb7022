# itertools: product, permutations, combinations and combinations_with_replacement
import itertools as it

print(list(it.product("ab", range(3))))
print(list(it.product([0, 1], repeat=3)))
print(list(it.product("ab", "cd", repeat=2))[:6], len(list(it.product("ab", "cd", repeat=2))))
print(list(it.product()), list(it.product(repeat=0)), list(it.product("ab", [])), list(it.product([], repeat=0)))
print(list(it.product(iter("xy"), repeat=2)))

print(list(it.permutations("ABC")))
print(list(it.permutations(range(4), 2)))
print(list(it.permutations("AB", 0)), list(it.permutations("AB", 3)), list(it.permutations([])), list(it.permutations([], 0)))
print(len(list(it.permutations(range(6)))), len(set(it.permutations(range(5), 3))))
print(list(it.permutations("ab", None)), list(it.permutations("abc", True)))

print(list(it.combinations("ABCD", 2)))
print(list(it.combinations(range(4), 3)), list(it.combinations("ab", 0)), list(it.combinations("ab", 3)))
print(len(list(it.combinations(range(10), 5))), list(it.combinations([], 0)), list(it.combinations([], 1)))

print(list(it.combinations_with_replacement("ABC", 2)))
print(list(it.combinations_with_replacement([1, 2], 3)), list(it.combinations_with_replacement("ab", 0)))
print(list(it.combinations_with_replacement([], 0)), list(it.combinations_with_replacement([], 2)))
print(len(list(it.combinations_with_replacement(range(5), 3))))

# Each result is a fresh tuple, and the pools are snapshots of the inputs.
src = [1, 2, 3]
p = it.product(src, repeat=1)
src.append(4)
print(list(p))
res = list(it.combinations(range(3), 2))
print(res, [type(r).__name__ for r in res][:1])
seen = []
for t in it.permutations("ab"):
    seen.append(t)
print(seen, seen[0] is seen[1])

class MyProduct(it.product):
    pass
print(type(MyProduct("a")).__name__, list(MyProduct("ab", repeat=1)))
print(list(it.combinations(iterable="abc", r=2)), list(it.permutations(iterable="ab", r=1)))
