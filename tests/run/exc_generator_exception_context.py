# exc: exception context preserved across generator yields
def g():
    try:
        raise ValueError('in gen')
    except ValueError:
        yield 'inside handler'
        raise KeyError('after yield')
it = g()
print(next(it))
try:
    next(it)
except KeyError as e:
    print('KeyError', e, 'context:', repr(e.__context__))
def h():
    yield 1
try:
    raise TypeError('outer')
except TypeError:
    x = h()
    print(next(x))
