# class: __call__ on instances, classes are callable, metaclass __call__
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *, twice=False):
        r = x * self.k
        return r * 2 if twice else r
m = Multiplier(3)
print(m(4), m(4, twice=True), callable(m), list(map(m, range(4))))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print('TypeError', e)
m.__call__ = lambda x: 'instance attr ignored'
print(m(2))
class Chain:
    def __init__(self, path=''):
        self.path = path
    def __getattr__(self, n):
        return Chain(self.path + '/' + n)
    def __call__(self, *args):
        return f'{self.path}{args}'
print(Chain().api.users.get(1, 2))
