# errors: sequence repetition with bad types and overflow
tests = [lambda: [1] * 1.5, lambda: 'a' * 'b', lambda: (1,) * [2], lambda: [1] * None, lambda: b'x' * 2.0, lambda: 'ab' * (2 ** 100)]
for t in tests:
    try:
        t()
    except (TypeError, OverflowError, MemoryError) as e:
        print(type(e).__name__, e)
print([1] * -3, 'x' * 0, [0] * True)
