# gen: producer/consumer coroutines built from plain generators
def consumer():
    total = 0
    try:
        while True:
            item = yield
            total += item
            print('consumed', item, 'total', total)
    except GeneratorExit:
        print('consumer closing with', total)
def producer(target, items):
    next(target)
    for it in items:
        target.send(it)
    target.close()
producer(consumer(), [3, 4, 5])
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)
def printer():
    while True:
        line = yield
        print('match:', line)
p = printer(); next(p)
g = grep('py', p); next(g)
for line in ['python', 'java', 'pypy', 'rust']:
    g.send(line)
