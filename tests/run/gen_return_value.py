# gen: return value in StopIteration.value and in yield from
def g():
    yield 1
    return 'ret'
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)
def h():
    return 5
    yield
try:
    next(h())
except StopIteration as e:
    print(e.value)
def no_ret():
    yield 1
it = no_ret()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
def wrapper():
    a = yield from g()
    b = yield from h()
    return a, b
w = wrapper()
print(next(w))
try:
    next(w)
except StopIteration as e:
    print(e.value)
print(list(wrapper()))
