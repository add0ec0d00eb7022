# errors: 'X' object is not subscriptable / does not support item assignment/deletion
for v in [1, 1.5, {1}, len, object(), True]:
    try:
        v[0]
    except TypeError as e:
        print(type(e).__name__, e)
for v in ['abc', (1, 2), b'xy', range(3), frozenset()]:
    try:
        v[0] = 1
    except TypeError as e:
        print(type(e).__name__, e)
for v in ['abc', (1, 2), b'xy', range(3)]:
    try:
        del v[0]
    except TypeError as e:
        print(type(e).__name__, e)
