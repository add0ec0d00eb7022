# func: closures capturing variables and late binding
def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
print(a5(1), make_adder(-1)(1))
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())
print(a5.__closure__[0].cell_contents, a5.__code__.co_freevars, make_adder.__code__.co_cellvars)
def shared():
    v = []
    def push(x):
        v.append(x)
    def get():
        return v
    return push, get
p, g = shared()
p(1); p(2)
print(g())
