# gen: basic generator functions, laziness and exhaustion
def count_up(n):
    print('start')
    for i in range(n):
        print('yield', i)
        yield i
    print('end')
g = count_up(2)
print('created')
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
print(next(g, 'exhausted'), list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
print(sum(x for x in count_up(3)))
