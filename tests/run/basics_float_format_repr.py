# basics: str() of float results of common computations
vals = [1/7, 22/7, 1e-7, 1.1 * 1.1, 100.0 / 3, 2 ** 0.5 * 2 ** 0.5, 1e16 + 1, 0.1 ** 10,
        3.0 * 1.1, 1 - 0.9, 9.95, 4.35 * 100, 1.23456789e-300 * 1e300]
for v in vals:
    print(v)
print(str(1e15), str(1e16), str(123456789.123456789), str(-1e-5), str(0.00001234))
print([1.5, 2.0, -0.25], (0.1,), {'a': 0.3})
