# func: nested function objects are created fresh on every call
def make():
    def inner():
        return 1
    return inner
a, b = make(), make()
print(a is b, a == b, a() == b(), a.__code__ is b.__code__, a.__name__, a.__qualname__)
def make_default(v):
    def inner(x=v):
        return x
    return inner
print(make_default(1)(), make_default(2)())
