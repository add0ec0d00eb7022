# Parenthesized names are not "simple" targets: not in __annotations__, and without a value
# not bound either (CPython's test_grammar and ann_module).
(pars): bool = True
(alone): int
plain: int
class K:
    (x): int = 1
    (y): str
    z: float
def f():
    (a): int
    (b): int = 3
    print(a)
    return b
