# func: call expression forms - unpacking combos and evaluation order
def show(*a, **k):
    return a, sorted(k.items())
def v(x):
    print('eval', x)
    return x
print(show(v(1), *[v(2)], v(3), k=v(4), **{'m': v(5)}))
print(show(*'ab', *range(2), **{'x': 1}, y=2, **dict(z=3)))
print(show(1, 2, *(), **{}))
fns = [show]
print(fns[0](0), {'f': show}['f'](k=1), (show)(2))
def ret_f():
    return show
print(ret_f()(7))
print((lambda: show)()(8, 9))
