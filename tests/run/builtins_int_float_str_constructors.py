# builtins: int, float, str, bool, complex, list, tuple, dict, set constructors with no args and copies
print(int(), float(), str(), bool(), complex(), list(), tuple(), dict(), set(), frozenset(), bytes(), bytearray())
a = [1, 2]
b = list(a)
print(b == a, b is not a, tuple(a), set(a) == {1, 2}, dict([(1, 2)]), str(a), repr(str(a)))
t = (1, 2)
print(tuple(t) is t, frozenset(frozenset([1])) == frozenset([1]), str('x') == 'x')
