# func: lambda expressions
sq = lambda x: x * x
print(sq(5), (lambda: 'none')(), (lambda a, b=2, *c, d=4, **e: (a, b, c, d, e))(1, 9, 8, f=6))
print(sorted(['bb', 'a', 'ccc'], key=lambda s: -len(s)), list(map(lambda x, y: x + y, [1, 2], [3, 4])))
print(sq.__name__, (lambda: 0).__qualname__, sq.__code__.co_argcount)
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print((lambda *a: a)(1, 2), (lambda **k: sorted(k))(b=1, a=2), (lambda x, /, y: x - y)(5, y=1))
print([f(10) for f in [lambda x, n=n: x + n for n in range(3)]])
print(type(sq).__name__, callable(sq))
