# bytes: literals, indexing, slicing, repr
b = b'hello\x00\xff\n\t\'"'
print(b, repr(b), len(b), b[0], b[-1], b[1:4], b[::-1][:3], list(b[:3]))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes('hé', 'utf-8'), bytes(b'copy'), bytes())
print(b'abc' + b'def', b'ab' * 3, b'b' in b'abc', 98 in b'abc', b'' in b'x', b'abc' == b'abc', b'a' < b'b')
print(rb'\n', br'\x00', b'\x41\102C', b"double", b'''triple''')
for bad in [[256], [-1], ['a']]:
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    bytes('abc')
except TypeError as e:
    print('TypeError', e)
try:
    b'abc'[0] = 1
except TypeError as e:
    print('TypeError', e)
print(type(b[0]).__name__, type(b[0:1]).__name__, bytes([0x7f, 0x80]), b'\r\x0b\x0c')
