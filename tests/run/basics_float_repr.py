# basics: repr and str of floats (shortest repr)
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -1.0, 0.0, -0.0, 1e16, 1e15, 123456789012345678.0,
        1e-4, 1e-5, 0.0001234, 1.5e300, 2.5e-300, 3.141592653589793, 2 / 3, 1 / 3,
        100.0, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 12345.678, 0.5, 1.25,
        float(2 ** 63), 9007199254740993.0, 1e100, 123e-20]
for v in vals:
    print(repr(v), str(v))
print(float('1.0000000000000002'), float('  -3.5e2 '), float('1_0.5'))
print(float('inf'), float('-inf'), float('nan'), float('Infinity'), float('-NaN'))
print(1.0 * 10, 3.0 / 2, 7.0 // 2, 2.0 ** 10, 2.0 ** 0.5)
print(float(10 ** 20), float(-7), float(True))
