# match: star wildcard *_ and sequences that are not matched (str, bytes, dict)
def m(v):
    match v:
        case [*_]:
            return 'any sequence'
        case _:
            return 'not a sequence'
for v in [[], (1,), 'str', b'bytes', bytearray(b'x'), {1: 2}, {1}, range(2), memoryview(b'ab'), iter([1])]:
    print(type(v).__name__, m(v))
def tail(v):
    match v:
        case [_, _, *tail]:
            return tail
    return None
print(tail([1, 2, 3, 4]), tail([1, 2]), tail([1]))
