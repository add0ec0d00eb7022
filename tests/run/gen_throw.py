# gen: throw() into generators, handled and unhandled
def g():
    while True:
        try:
            yield 'normal'
        except ValueError as e:
            print('caught inside', e)
            yield 'recovered'
it = g()
print(next(it))
print(it.throw(ValueError('boom')))
print(next(it))
try:
    it.throw(KeyError('unhandled'))
except KeyError as e:
    print('propagated', e)
print(next(it, 'closed after error'))
def fresh():
    yield 1
f = fresh()
try:
    f.throw(RuntimeError('before start'))
except RuntimeError as e:
    print('RuntimeError', e)
print(next(f, 'dead'))
def cleanup():
    try:
        yield 1
    finally:
        print('finally in gen')
c = cleanup()
next(c)
try:
    c.throw(TypeError, TypeError('typed'))
except TypeError as e:
    print('TypeError', e)
