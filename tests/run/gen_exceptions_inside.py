# gen: exceptions raised inside generators propagate to the consumer; generator then finished
def g():
    yield 1
    raise ValueError('inside gen')
    yield 2
it = g()
print(next(it))
try:
    next(it)
except ValueError as e:
    print('ValueError', e)
print(next(it, 'finished'))
def with_finally():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('cleanup')
for x in with_finally():
    print(x)
    break
print('after break')
w = with_finally()
next(w)
del w
print('after del')
