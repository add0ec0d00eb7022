# func: default argument values, evaluated once at definition
def f(a, b=2, c='x'):
    return a, b, c
print(f(1), f(1, 3), f(1, c='y'), f(a=0, c=5, b=4))
def append_to(x, lst=[]):
    lst.append(x)
    return lst
print(append_to(1), append_to(2), append_to(3, []))
counter = 10
def g(v=counter):
    return v
counter = 20
print(g())
def h(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y
print(h(1), h(2))
print(f.__defaults__, g.__defaults__, h.__defaults__)
f.__defaults__ = (100, 'z')
print(f(0))
def k(a, b=[1, 2]):
    return b
print(k(1) is k(2), k.__defaults__[0] is k(0))
