# scope: nonlocal binding rules across nested functions
def outer():
    x = 'outer'
    def middle():
        def inner():
            nonlocal x
            x = 'inner changed'
        inner()
        return x
    r = middle()
    return r, x
print(outer())
def shadow():
    x = 1
    def f():
        x = 2
        def g():
            nonlocal x
            x = 3
        g()
        return x
    return f(), x
print(shadow())
def counter_factory():
    count = 0
    def incr(by=1):
        nonlocal count
        count += by
        return count
    def peek():
        return count
    return incr, peek
incr, peek = counter_factory()
incr(); incr(5)
print(peek())
