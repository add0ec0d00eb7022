# func: recursive nested functions referring to themselves via closure
def outer(n):
    def walk(k):
        if k == 0:
            return [0]
        return [k] + walk(k - 1)
    return walk(n)
print(outer(5))
def make_fib():
    memo = {0: 0, 1: 1}
    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib
fib = make_fib()
print(fib(60), fib.__code__.co_freevars)
def y_comb(f):
    return (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
fact = y_comb(lambda self: lambda n: 1 if n < 2 else n * self(n - 1))
print(fact(12))
