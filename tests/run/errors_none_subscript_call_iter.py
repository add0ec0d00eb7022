# errors: NoneType is not subscriptable / callable / iterable / has no len
x = None
ops = [lambda: x[0], lambda: x(), lambda: [i for i in x], lambda: len(x), lambda: x['k'], lambda: iter(x),
       lambda: list(x), lambda: x.__setitem__, lambda: setitem(), lambda: 1 in x, lambda: sorted(x), lambda: tuple(x)]
def setitem():
    x[0] = 1
for op in ops:
    try:
        op()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    del x[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, b = x
except TypeError as e:
    print(type(e).__name__, e)
