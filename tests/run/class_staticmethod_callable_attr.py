# class: functions stored as class attributes become methods; other callables do not
def free(*args):
    return len(args)
class C:
    f = free
    g = staticmethod(free)
    h = len
    k = lambda *a: len(a)
c = C()
print(c.f(), c.g(), c.h('abc'), c.k(), C.f(), C.g(1, 2))
c.inst_fn = free
print(c.inst_fn())
