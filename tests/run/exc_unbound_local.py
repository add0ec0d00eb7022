# exc: UnboundLocalError and NameError cases
x = 10
def f():
    print(x)
    x = 5
try:
    f()
except UnboundLocalError as e:
    print('UnboundLocalError', e)
def g():
    del y
try:
    g()
except UnboundLocalError as e:
    print('UnboundLocalError', e)
def h():
    z = 1
    del z
    return z
try:
    h()
except UnboundLocalError as e:
    print('UnboundLocalError', e)
try:
    undefined_thing
except NameError as e:
    print('NameError', e)
def cond(flag):
    if flag:
        v = 'set'
    return v
print(cond(True))
try:
    cond(False)
except UnboundLocalError as e:
    print('UnboundLocalError', e, isinstance(e, NameError))
