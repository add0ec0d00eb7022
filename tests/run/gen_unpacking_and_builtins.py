# gen: generators consumed by builtins and unpacking
def g(n):
    for i in range(n):
        yield i
a, b, *c = g(5)
print(a, b, c, [*g(3)], {*g(2)} == {0, 1}, tuple(g(2)))
print(min(g(4)), max(g(4)), sorted(g(3), reverse=True), list(reversed(list(g(3)))), dict(enumerate(g(2))))
print(' '.join(str(x) for x in g(4)), list(zip(g(3), g(10))), list(map(lambda x: -x, g(3))))
try:
    x, y = g(3)
except ValueError as e:
    print('ValueError', e)
try:
    len(g(3))
except TypeError as e:
    print('TypeError', e)
try:
    g(3)[0]
except TypeError as e:
    print('TypeError', e)
