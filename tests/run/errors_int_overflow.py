# errors: OverflowError from converting huge ints into machine sizes
tests = [lambda: [0] * (10 ** 20), lambda: 'x' * (2 ** 64), lambda: range(10 ** 20).__len__(), lambda: len(range(10 ** 20)),
         lambda: chr(10 ** 20), lambda: (1).to_bytes(10 ** 20, 'big'), lambda: [1, 2][10 ** 20], lambda: float(2 ** 2000),
         lambda: round(1.5, 10 ** 20)]
for t in tests:
    try:
        r = t()
        print('ok', r)
    except (OverflowError, IndexError, ValueError, MemoryError) as e:
        print(type(e).__name__, e)
