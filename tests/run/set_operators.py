# set: operators | & - ^ <= < >= > and in-place forms
a = {1, 2, 3}
b = {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a <= a, a < a, {1} < a, a > {1, 2}, a >= {4}, a == {3, 2, 1}, a != b)
c = set(a)
c |= {9}
c &= {1, 2, 9}
c -= {1}
c ^= {2, 7}
print(sorted(c))
try:
    a | [1]
except TypeError as e:
    print('TypeError', e)
try:
    a < [1]
except TypeError as e:
    print('TypeError', e)
print(sorted(a | frozenset({8})), type(a | frozenset()).__name__, type(frozenset() | a).__name__)
print({1, 2} & {1.0, 2.0, 3.0}, 1 in {1.0}, True in {1})
