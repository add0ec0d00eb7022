# errors: ordering comparisons between unrelated types
pairs = [(1, 'a'), ('a', 1), ([], ()), (None, None), (None, 1), ({}, {}), ({1}, 1), (1j, 2j), (b'a', 'a'), ([1], [None]), (object(), object())]
for a, b in pairs:
    for op in ['<', '>', '<=', '>=']:
        try:
            eval(f'a {op} b')
        except TypeError as e:
            print(type(e).__name__, e)
        break
try:
    sorted([3, None, 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    max('a', 2)
except TypeError as e:
    print(type(e).__name__, e)
