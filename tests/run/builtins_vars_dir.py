# builtins: vars and dir, sorted output only
class P:
    a = 1
    def __init__(self):
        self.x = 10
        self.y = 20
    def m(self):
        pass
p = P()
print(vars(p), sorted(vars(p)))
print([n for n in dir(p) if not n.startswith('__')])
print([n for n in dir(P) if not n.startswith('__')])
print(sorted(n for n in vars(P) if not n.startswith('__')))
print('append' in dir([]), 'keys' in dir({}), dir(5) == sorted(dir(5)))
class Custom:
    def __dir__(self):
        return ['zeta', 'alpha', 'beta']
print(dir(Custom()))
try:
    vars(5)
except TypeError as e:
    print('TypeError', e)
def f():
    local_a = 1
    local_b = 2
    return sorted(dir())
print(f())
