# func: keyword-only parameters
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, b=2, c=4), f(a=1, b=0))
try:
    f(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    f(1)
except TypeError as e:
    print('TypeError', e)
def g(*args, sep='-', end='!'):
    return sep.join(map(str, args)) + end
print(g(1, 2, 3), g(1, 2, sep='+'), g(end='?'))
print(f.__kwdefaults__, g.__kwdefaults__, f.__code__.co_kwonlyargcount, g.__code__.co_kwonlyargcount)
def h(*, x, y):
    return x - y
print(h(y=1, x=5))
try:
    h(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    h(x=1)
except TypeError as e:
    print('TypeError', e)
