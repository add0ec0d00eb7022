# gen: infinite generators with manual slicing and zip stopping early
def count(start=0, step=1):
    while True:
        yield start
        start += step
def cycle(seq):
    while True:
        yield from seq
def islice(it, stop):
    for i, x in zip(range(stop), it):
        yield x
print(list(islice(count(10, 5), 4)), list(islice(cycle('ab'), 5)))
print(list(zip(count(), 'xyz')))
c = count()
print(list(zip(range(3), c)), next(c))
