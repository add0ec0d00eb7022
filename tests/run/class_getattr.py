# class: __getattr__ only called for missing attributes
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print('getattr', name)
        if name.startswith('x_'):
            raise AttributeError(name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.count(1))
try:
    p.x_missing
except AttributeError as e:
    print('AttributeError', e)
print(hasattr(p, 'x_nope'), getattr(p, 'x_nope', 'dflt'))
class Dyn:
    a = 1
    def __getattr__(self, name):
        return name.upper()
d = Dyn()
print(d.a, d.foo, d.bar_baz)
d.foo = 'set'
print(d.foo)
