# basics: float arithmetic and conversions
a, b = 7.25, 2.5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(1 / 3 * 3, 0.1 * 3, 1e-10 + 1, 2.0 ** -1074)
print(float('3.14'), float(' 2e3 '), float('-.5'), float('5.'), float(42))
for bad in ['abc', '1.2.3', '', '1e', 'inf5']:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError", e)
print(int(2.9), int(-2.9), int(1e15), float(10 ** 15))
print(3.0 == 3, hash(3.0) == hash(3), hash(0.5) == hash(0.5), hash(-1.0))
print((1.5).__trunc__(), (1.5).__floor__(), (-1.5).__ceil__(), (2.5).__round__())
print(sum([0.1] * 10), 0.1 * 10)
print(1.0.is_integer(), (1.5).is_integer(), float.__name__)
print(-0.0 == 0.0, str(-0.0), str(0.0 * -1), abs(-0.0))
x = 1.0
for _ in range(5):
    x = x * 1.5 - 0.25
print(x)
