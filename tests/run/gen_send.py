# gen: send() values into generators, priming, and accumulator pattern
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        if v is None:
            break
        total += v
        count += 1
        avg = total / count
    return (count, avg)
a = averager()
print(a.send(None))
print(a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print('done', e.value)
g = averager()
try:
    g.send(5)
except TypeError as e:
    print('TypeError', e)
def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if x == 'stop':
            return received
e = echo()
next(e)
e.send('a'); e.send('b')
try:
    e.send('stop')
except StopIteration as s:
    print(s.value)
