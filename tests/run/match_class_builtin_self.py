# match: builtin classes that match their subject positionally (self-matching)
for v in [5, 'text', 3.5, b'by', (1, 2), [3], {'k': 1}, frozenset({1}), {2}, bytearray(b'q'), True]:
    match v:
        case bool(x):
            print('bool', x)
        case int(x):
            print('int', x)
        case str(x):
            print('str', x)
        case float(x):
            print('float', x)
        case bytes(x) | bytearray(x):
            print('bytes-like', x)
        case tuple(x) | list(x):
            print('seq', x)
        case dict(x):
            print('dict', x)
        case frozenset(x) | set(x):
            print('set-like', sorted(x))
class MyInt(int):
    pass
match MyInt(7):
    case int(v):
        print('subclass matched int', v, type(v).__name__)
