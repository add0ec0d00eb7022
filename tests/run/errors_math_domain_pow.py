# errors: pow domain errors and complex results
tests = [lambda: pow(0, -1), lambda: pow(2, 3, 0), lambda: pow(2, -1, 6), lambda: pow(2.0, 3, 4), lambda: pow('2', 3),
         lambda: (-8) ** (1 / 3), lambda: 0.0 ** -2, lambda: pow(10, 400, None) > 0, lambda: pow(1, 2, 3, 4)]
for t in tests:
    try:
        print(t())
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
