"""Module doc."""
import os
from sys import path as p, argv
x = 1
y = x + 2 * 3
def f(a, b=2, *args, c, d=4, **kw):
    """Doc."""
    z = a + b
    for i in range(10):
        if i % 2 == 0 and z > 3:
            continue
        z += i
    while z > 0:
        z -= 1
        if z == 5:
            break
    return z, [q * 2 for q in args if q]

class C(object):
    attr = 1
    def m(self):
        return super().m() + self.attr

g = lambda v, *, w=3: v + w
print(f(1, c=3), os.getcwd(), {1: 2, 'a': [1, 2, 3]}, {*argv}, (1, 2, 3))
h = x if y else -x
assert x, "msg"
k = x < y < 10
del x
x = tuple[*tuple[int, ...]]
class C(Generic[*Ts]): pass
y = A[0, *b]
