# exc: the 'as' variable is deleted after the except block
e = 'before'
try:
    raise ValueError('x')
except ValueError as e:
    print('inside', e)
try:
    print(e)
except NameError as ne:
    print('NameError', ne)
def f():
    err = None
    try:
        1 / 0
    except ZeroDivisionError as exc:
        err = exc
    return err
r = f()
print(type(r).__name__, r)
