# misc: lambda, ternary, boolean and comparison precedence in one place
f = lambda x: x if x > 0 else -x
print(f(-3), (lambda: 1 or 2)(), not 1 + 1 == 3, -2 ** 2, (not None) + 1)
print(1 + 2 if False else 3 * 4, [1, 2] + [3] * 2, 'a' + 'b' * 2, 2 * 3 ** 2 // 4 % 5)
print(True + True * 2, 1 < 2 and 2 < 3 or 0, 0 or 1 and 2, None if 0 else 'x' if 1 else 'y')
