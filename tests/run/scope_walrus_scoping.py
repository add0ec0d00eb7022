# scope: walrus operator binds in the enclosing function scope, even inside comprehensions
def f():
    data = [1, 5, 3, 8]
    if any((big := v) > 4 for v in data):
        found = big
    else:
        found = None
    return found, big
print(f())
def g():
    total = 0
    partial = [total := total + v for v in range(5)]
    return partial, total
print(g())
vals = [y := 10, y ** 2]
print(vals, y)
