# gen: close() raises GeneratorExit inside; yielding during close is an error
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
    finally:
        print('finally')
it = g()
print(next(it))
it.close()
print(next(it, 'closed'))
it.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'no'
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print('RuntimeError', e)
def unstarted():
    print('never printed')
    yield
u = unstarted()
u.close()
print(next(u, 'unstarted closed'))
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return 'ignored value'
r = returns_on_exit()
next(r)
print(r.close())
