# func: modifying __kwdefaults__ and __defaults__ at runtime
def f(a, b=1, *, c=2):
    return a, b, c
print(f(0))
f.__kwdefaults__['c'] = 20
print(f(0))
f.__defaults__ = (10,)
print(f(0))
f.__defaults__ = None
try:
    f(0)
except TypeError as e:
    print('TypeError', e)
f.__kwdefaults__ = None
try:
    f(0, 1)
except TypeError as e:
    print('TypeError', e)
print(f(0, 1, c=3))
