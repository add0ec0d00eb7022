# exc: StopIteration and StopAsyncIteration instances and their values
s = StopIteration()
print(s.value, s.args)
s = StopIteration(1, 2)
print(s.value, s.args)
a = StopAsyncIteration('x')
print(a.args, isinstance(a, Exception))
it = iter([1])
next(it)
try:
    next(it)
except StopIteration as e:
    print('value', e.value, 'args', e.args)
