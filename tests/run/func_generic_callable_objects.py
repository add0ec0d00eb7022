# func: callables - builtins, classes, instances with __call__, bound methods, lambdas
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
things = [len, Adder, Adder(3), 'abc'.count, lambda: 0, print, int, 5, 'str', None]
print([callable(t) for t in things])
print(Adder(10)(5), list(map(Adder(1), [1, 2, 3])), sorted([3, 1, 2], key=Adder(-10)))
