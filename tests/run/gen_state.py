# gen: generator state, gi_running, gi_frame presence, and reentrancy error
def g():
    yield 1
    yield 2
it = g()
print(it.gi_running, it.gi_frame is not None)
next(it)
print(it.gi_running, it.gi_frame is not None, it.gi_frame.f_lineno)
list(it)
print(it.gi_frame is None)
def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print('ValueError', e)
def tell():
    yield me2.gi_running
me2 = tell()
print(next(me2))
print(g().gi_code.co_name, g.__code__ is g().gi_code)
