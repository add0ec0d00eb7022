# func: nonlocal across multiple levels and interplay with global
x = 'global'
def a():
    x = 'a'
    def b():
        nonlocal x
        x = 'b'
        def c():
            nonlocal x
            x = 'c'
        c()
        return x
    r = b()
    return r, x
print(a(), x)
def gen_ids():
    nxt = 0
    def new():
        nonlocal nxt
        nxt += 1
        return nxt
    def reset():
        nonlocal nxt
        nxt = 0
    return new, reset
new, reset = gen_ids()
print(new(), new(), new())
reset()
print(new())
def f():
    global x
    x = 'changed'
    def g():
        return x
    return g()
print(f(), x)
