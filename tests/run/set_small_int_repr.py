# set: repr of small int sets and empty set
print({1, 2, 3}, {0}, set(), frozenset({1, 2}), {5, 6, 7})
print(set([1, 1, 1]), set(range(5)), {True, 1}, {0, False})
s = set()
s.add(3)
print(s, repr(s), str(frozenset()))
class S(set):
    pass
print(S([1, 2]), type(S([1]) | {2}).__name__)
