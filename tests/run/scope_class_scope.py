# scope: class body scope does not enclose methods or comprehensions (except first iterable)
x = 'global'
class C:
    x = 'class'
    y = x
    def method(self):
        return x
    lam = lambda self: x
    comp_first = [x for _ in range(1)]
    nums = range(3)
    comp_iter = [n for n in nums]
print(C.y, C().method(), C().lam(), C.comp_first, C.comp_iter)
def f():
    v = 'func local'
    class Inner:
        w = v
        def m(self):
            return v
    return Inner.w, Inner().m()
print(f())
def g():
    z = 'enclosing'
    class K:
        z = 'class attr'
        def get(self):
            return z
    return K().get(), K.z
print(g())
