# func: TypeError messages for wrong argument counts and names
def f(a, b):
    pass
def g(a, b=1, *, c):
    pass
def h():
    pass
def k(a, /, b):
    pass
class C:
    def m(self, x):
        pass
calls = [lambda: f(1), lambda: f(1, 2, 3), lambda: f(), lambda: f(1, c=2), lambda: f(1, 2, a=3), lambda: g(1),
         lambda: g(1, 2, 3), lambda: h(1), lambda: h(x=1), lambda: k(a=1, b=2), lambda: C().m(), lambda: C().m(1, 2),
         lambda: C.m(1), lambda: g(), lambda: f(*[1, 2, 3, 4])]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
