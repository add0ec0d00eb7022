# Closures: nested functions capturing variables, nonlocal updates, closure factories.


def make_adder(k):
    def add(x):
        return x + k
    return add


def make_counter():
    count = 0

    def incr(step):
        nonlocal count
        count += step
        return count
    return incr


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def run(n):
    add3 = make_adder(3)
    add5 = make_adder(5)
    both = compose(add3, add5)
    counter = make_counter()
    total = 0
    for i in range(n):
        total += both(i) - add3(i)
        counter(i & 3)
        if i % 5000 == 0:
            f = make_adder(i)
            total += f(1)
    return total, counter(0)


print(run(1600000))
