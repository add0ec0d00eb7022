# errors: bytes/bytearray error messages
tests = [lambda: bytes([1, 2, 'a']), lambda: bytes(-5), lambda: bytes('abc', 'nope'), lambda: b'abc'.decode('nope'),
         lambda: bytearray(b'a').append(300), lambda: bytearray(b'a').append('b'), lambda: b'abc' + 1, lambda: b'abc'[1:2] == 'b' and b'x'[5],
         lambda: bytes.fromhex('0'), lambda: b'x'.join(['y']), lambda: b'%s' % 1, lambda: b'abc'.center(10, 'x')]
for t in tests:
    try:
        print(t())
    except (TypeError, ValueError, LookupError, IndexError) as e:
        print(type(e).__name__, e)
