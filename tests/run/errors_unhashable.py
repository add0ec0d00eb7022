# errors: unhashable type messages in dict keys, sets, hash()
for v in [[], {}, set(), bytearray(), [1, [2]]]:
    for thunk in [lambda: hash(v), lambda: {v: 1}, lambda: {v}, lambda: set([v]), lambda: {}.get(v), lambda: v in {1: 2}]:
        try:
            thunk()
        except TypeError as e:
            print(type(e).__name__, e)
try:
    hash(([1], 2))
except TypeError as e:
    print(type(e).__name__, e)
