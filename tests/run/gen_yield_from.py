# gen: yield from delegation, return values and send/throw forwarding
def inner():
    x = yield 'i1'
    print('inner got', x)
    y = yield 'i2'
    print('inner got', y)
    return 'inner-result'
def outer():
    r = yield from inner()
    print('outer got result', r)
    yield 'o1'
g = outer()
print(next(g))
print(g.send('A'))
print(g.send('B'))
print(list(yield_from_list() for yield_from_list in []))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], 'ab', range(2), (x * x for x in range(3)))))
def catcher():
    try:
        yield 1
    except ValueError:
        yield 'inner handled'
def deleg():
    yield from catcher()
    yield 'after'
d = deleg()
next(d)
print(d.throw(ValueError), next(d))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
