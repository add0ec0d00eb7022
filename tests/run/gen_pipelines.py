# gen: lazy pipelines of generators
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def filt(pred, it):
    for x in it:
        if pred(x):
            yield x
def mapg(f, it):
    for x in it:
        yield f(x)
print(list(take(5, mapg(lambda x: x * x, filt(lambda x: x % 3 == 0, numbers())))))
def primes():
    found = []
    for n in numbers():
        if n > 1 and all(n % p for p in found):
            found.append(n)
            yield n
print(list(take(15, primes())))
def window(it, k):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > k:
            buf.pop(0)
        if len(buf) == k:
            yield tuple(buf)
print(list(window(range(6), 3)))
def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x
print(list(pairwise('abcd')))
