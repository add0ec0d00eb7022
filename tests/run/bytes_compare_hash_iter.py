# bytes: comparison, iteration and conversion to list/int
b = b'\x00\x10\xff'
print([x for x in b], list(reversed(b)), sum(b), max(b), min(b), sorted(b'dcba'))
print(b'abc' < b'abd', b'ab' < b'abc', b'\xff' > b'\x00\x00', bytearray(b'a') == b'a', b'a' == 'a')
print(int.from_bytes(b, 'big'), int.from_bytes(b, 'little'), b.hex(), bytes.fromhex(b.hex()) == b)
print({b'a': 1}[b'a'], b'x' in [b'y', b'x'], len({b'a', b'a', b'b'}))
try:
    hash(bytearray(b'a'))
except TypeError as e:
    print('TypeError', e)
print(b''.join(bytes([i]) for i in range(65, 70)), bytes(reversed(b'abc')))
