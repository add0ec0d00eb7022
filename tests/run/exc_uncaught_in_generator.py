# exc: uncaught exception raised inside a generator consumed by a for loop
def numbers():
    yield 1
    yield 2
    raise IndexError('generator ran out of data')
total = 0
for n in numbers():
    total += n
    print('got', n)
