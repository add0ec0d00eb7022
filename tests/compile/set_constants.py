# Constant sets are built as frozenset(items): an item equal to an earlier one is dropped,
# whatever its type (CPython's test_set.test_set_literal_insertion_order).
s = {1, 1.0, True}
t = {True, 1, 1.0, 2, 2.0, 3}
u = {0.0, -0.0, 0, False, 1j, 1}
v = {(1, 2), (1.0, 2.0), (True, 2), "a", b"a"}
def f(x):
    if x in {1, True, 1.0, 2}:
        return 1
    for y in {3, 3.0, 4}:
        print(y)
