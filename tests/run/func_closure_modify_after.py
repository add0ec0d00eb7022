# func: closures see later rebinding of enclosing variables
def outer():
    val = 'first'
    def get():
        return val
    r1 = get()
    val = 'second'
    r2 = get()
    return r1, r2, get
r1, r2, get = outer()
print(r1, r2, get())
def deleted():
    x = 1
    def inner():
        return x
    del x
    try:
        inner()
    except NameError as e:
        print('NameError', e)
deleted()
