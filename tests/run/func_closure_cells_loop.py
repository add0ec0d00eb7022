# func: closures in loops, cell sharing and default-arg capture
def make():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        def g():
            return i
        fs.append((f, g))
    return fs
print([(f(), g()) for f, g in make()])
def counter_pair():
    n = 0
    def inc():
        nonlocal n
        n += 1
    def get():
        return n
    return inc, get
inc, get = counter_pair()
for _ in range(5):
    inc()
print(get(), inc.__closure__[0] is get.__closure__[0])
adders = {}
for k in 'abc':
    adders[k] = (lambda k: lambda s: s + k)(k)
print([adders[k]('x') for k in 'abc'])
