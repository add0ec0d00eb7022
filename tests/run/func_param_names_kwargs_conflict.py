# func: parameters named like builtins, kwargs named self, and **kw catching unknown names
def f(list=None, dict=None, str='s'):
    return list, dict, str
print(f(list=[1], str='x'))
class C:
    def m(self, **kw):
        return kw
print(C().m(self2=1, other=2))
def g(self, **kw):
    return self, kw
print(g(1, x=2))
try:
    C().m(self=1)
except TypeError as e:
    print('TypeError', e)
def h(*, print=print):
    print('via param')
h()
