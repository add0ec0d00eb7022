# exc: IndexError and KeyError messages for builtin containers
tests = [lambda: [][0], lambda: ()[0], lambda: 'a'[5], lambda: b'a'[5], lambda: bytearray(b'a')[5], lambda: range(3)[5],
         lambda: {}['k'], lambda: {1: 2}[2], lambda: set().pop(), lambda: [].pop(), lambda: {}.popitem(), lambda: memoryview(b'ab')[5]]
for t in tests:
    try:
        t()
    except (IndexError, KeyError) as e:
        print(type(e).__name__, e)
