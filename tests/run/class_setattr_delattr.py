# class: __setattr__ and __delattr__ hooks
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, 'x', x)
    def __setattr__(self, name, value):
        raise AttributeError(f'cannot set {name}')
    def __delattr__(self, name):
        raise AttributeError(f'cannot delete {name}')
f = Frozen(5)
print(f.x)
for action in [lambda: setattr(f, 'x', 1), lambda: delattr(f, 'x'), lambda: setattr(f, 'y', 2)]:
    try:
        action()
    except AttributeError as e:
        print('AttributeError', e)
class Tracking:
    def __init__(self):
        self.log = []
        self.a = 1
    def __setattr__(self, name, value):
        if name != 'log':
            self.log.append(('set', name, value))
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.log.append(('del', name))
        super().__delattr__(name)
t = Tracking()
t.b = 2
t.a += 1
del t.b
print(t.log, t.__dict__.keys() - {'log'})
try:
    del t.zzz
except AttributeError as e:
    print('AttributeError', e)
