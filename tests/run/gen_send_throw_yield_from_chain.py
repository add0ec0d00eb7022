# gen: send and throw pass through multi-level yield from chains
def level3():
    while True:
        try:
            x = yield
            print('L3 got', x)
        except KeyError as e:
            print('L3 caught', e)
            return 'L3 done'
def level2():
    r = yield from level3()
    print('L2 result', r)
    return r + ' via L2'
def level1():
    r = yield from level2()
    yield 'L1 final: ' + r
g = level1()
next(g)
g.send(1)
g.send(2)
print(g.throw(KeyError('k')))
