# gen: yield as expression in different positions
def g():
    a = yield
    b = (yield a) + 1
    c = [(yield b), (yield 'second')]
    yield c
    x = yield from ()
    yield x
it = g()
print(next(it))
print(it.send(5))
print(it.send(10))
print(it.send('c0'))
print(it.send('c1'))
print(next(it))
def lambda_gen():
    f = lambda: (yield 1)
    return f
lg = lambda_gen()()
print(type(lg).__name__, next(lg))
