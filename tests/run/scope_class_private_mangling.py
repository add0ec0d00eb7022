# scope: private name mangling inside class bodies
class A:
    __secret = 'A secret'
    def __init__(self):
        self.__inst = 'inst'
    def reveal(self):
        return self.__secret, self.__inst
    def __private_method(self):
        return 'private'
    def call(self):
        return self.__private_method()
a = A()
print(a.reveal(), a.call(), a._A__secret, a._A__inst, sorted(k for k in vars(A) if 'secret' in k or 'private' in k))
try:
    a.__secret
except AttributeError as e:
    print('AttributeError', e)
class B(A):
    __secret = 'B secret'
    def reveal_b(self):
        return self.__secret
b = B()
print(b.reveal(), b.reveal_b(), sorted(vars(b)))
class C:
    def m(self):
        __local = 1
        return sorted(locals())
print(C().m())
print(getattr(a, '__dunder__', 'dunder not mangled'))
