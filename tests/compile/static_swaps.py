# apply_static_swaps must not reorder two stores to the same local, nor across a store to
# one of them (CPython 3.11.4+; test_compile's test_apply_static_swaps*).
def f(x, y):
    a, a = x, y
    return a
def g(x, y, z):
    a, b, a = x, y, z
    return a
def h(x, y, z):
    a, a, b = x, y, z
    return a
def k(x, y, z):
    a, b, c = x, y, z
    b, a = a, b
    return a, b, c
