# errors: UnboundLocalError in various shapes
counter = 0
def inc():
    counter += 1
try:
    inc()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def loop_var():
    for i in []:
        pass
    return i
try:
    loop_var()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def exc_var():
    try:
        raise ValueError
    except ValueError as err:
        pass
    return err
try:
    exc_var()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def outer():
    v = 1
    def inner():
        v += 1
        return v
    return inner()
try:
    outer()
except UnboundLocalError as e:
    print(type(e).__name__, e)
