# func: argument evaluation order left to right for positional and keyword
log = []
def v(x):
    log.append(x)
    return x
def f(*a, **k):
    return a, k
f(v(1), v(2), c=v(3), d=v(4))
f(v('a'), *[v('b')], e=v('c'), **{'g': v('d')})
print(log)
log.clear()
d = {v('k1'): v('v1'), v('k2'): v('v2')}
print(log)
log.clear()
x = v('left') + v('right')
y = [v(1), v(2)][v(0)]
print(log)
