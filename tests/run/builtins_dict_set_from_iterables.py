# builtins: dict(), set(), frozenset(), list(), tuple() from generators and iterators
g = (i * i for i in range(5))
print(list(g), list(g))
print(tuple(range(3)), dict((str(i), i) for i in range(3)), sorted(set(x % 3 for x in range(10))), sorted(frozenset('hello')))
print(list(map(list, ['ab', 'c'])), list(zip(*['ab', 'cd'])), dict(zip(range(3), 'abc')))
