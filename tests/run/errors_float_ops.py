# errors: float-specific errors - overflow, domain, conversions
tests = [lambda: 1e308 * 1e10 and 2.0 ** 5000, lambda: float(10 ** 400), lambda: int(float('nan')), lambda: int(float('-inf')),
         lambda: (-1.0) ** 0.5 and float('x'), lambda: round(float('inf')), lambda: float.fromhex('zz'), lambda: (1.5).as_integer_ratio() and float('inf').as_integer_ratio(),
         lambda: 10.0 ** 400, lambda: 2 ** 10000 * 1.0]
for t in tests:
    try:
        print(t())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
