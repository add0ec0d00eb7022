# scope: generator frames keep local state; generator expression captures first iterable eagerly
def g():
    total = 0
    while True:
        total += yield total
acc = g()
next(acc)
print(acc.send(5), acc.send(10))
data = [1, 2, 3]
ge = (x * 2 for x in data)
data = [100]
print(list(ge))
def make_gen():
    v = 'captured'
    return (v for _ in range(2))
print(list(make_gen()))
