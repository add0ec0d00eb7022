# bytes: errors from mixing bytes and str and invalid operations
ops = [lambda: b'a' + 'b', lambda: 'a' + b'b', lambda: b'abc'.find('a'), lambda: b'x'[5], lambda: b'a' * 'b',
       lambda: 'x' in b'xyz', lambda: b'%d' % 'a', lambda: bytes(-1), lambda: b'ab'.decode('utf-32'), lambda: b'abc'.index(b'z'),
       lambda: bytearray(b'ab').remove(120), lambda: memoryview('str')]
for op in ops:
    try:
        print(op())
    except Exception as e:
        print(type(e).__name__, e)
