# func: bound methods of builtins and user classes, __self__ and __func__
lst = [3, 1, 2]
app = lst.append
app(0)
print(lst, app.__self__ is lst, app.__name__, type(app).__name__)
class A:
    def m(self, x):
        return ('m', x)
a = A()
bm = a.m
print(bm(1), bm.__self__ is a, bm.__func__ is A.m, bm.__name__, bm.__qualname__)
print(A.m(a, 2), type(A.m).__name__, type(bm).__name__)
f = 'abc'.upper
print(f(), [s.strip() for s in [' a ', 'b ']], list(map(str.lower, 'XY')))
print(a.m == a.m, a.m is not a.m, A().m == a.m)
