# gen: generator expressions - laziness, single use, scoping of first iterable
gen = (x * x for x in range(5))
print(type(gen).__name__, next(gen), list(gen), list(gen))
print(sum(x for x in range(10) if x % 2), max((len(w), w) for w in ['a', 'abc', 'ab']))
log = []
def src():
    log.append('src called')
    return range(3)
g2 = (log.append(i) or i for i in src())
print(log)
print(list(g2), log)
try:
    (1 / x for x in [1, 0])
    print('not evaluated yet')
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    (x for x in 5)
except TypeError as e:
    print('TypeError', e)
print(list((i, j) for i in range(3) for j in range(i)))
print(dict((k, v) for k, v in zip('ab', [1, 2])), set(c for c in 'aab') == {'a', 'b'}, tuple(x for x in 'xy'))
print(any(x > 3 for x in range(10)), all(x < 3 for x in range(10)))
