# gen: return inside finally of a generator and interaction with close
def g():
    try:
        yield 1
        yield 2
    finally:
        return 'from finally'
it = g()
print(next(it))
try:
    next(it)
    next(it)
except StopIteration as e:
    print('StopIteration', e.value)
it2 = g()
next(it2)
print(it2.close())
def h():
    try:
        yield 1
    finally:
        yield 'cleanup yield'
it3 = h()
next(it3)
print(next(it3))
print(next(it3, 'end'))
