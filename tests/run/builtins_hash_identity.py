# builtins: hash of deterministic values and identity checks without id()
print(hash(0), hash(1), hash(-1), hash(10 ** 20), hash(1.5), hash((1, 2, 3)), hash(()), hash((None,)) == hash((None,)))
print(hash(True), hash(False), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, None is None, (a is not c))
x = object()
print(x is x, x == x, x != object())
print(hash(int) == hash(int), hash(len) == hash(len))
