# errors: wrong positional argument counts for user functions and methods
def zero(): pass
def one(a): pass
def two(a, b): pass
def opt(a, b=1, c=2): pass
class K:
    def m(self, a): pass
    @staticmethod
    def s(a): pass
    @classmethod
    def c(cls, a): pass
tests = [lambda: zero(1), lambda: zero(1, 2), lambda: one(), lambda: one(1, 2), lambda: two(1), lambda: two(), lambda: two(1, 2, 3),
         lambda: opt(), lambda: opt(1, 2, 3, 4), lambda: K().m(), lambda: K().m(1, 2), lambda: K.s(), lambda: K.s(1, 2),
         lambda: K.c(), lambda: K.c(1, 2), lambda: (lambda x: x)(), lambda: (lambda: 0)(1)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
