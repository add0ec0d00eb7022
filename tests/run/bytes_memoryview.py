# bytes: memoryview basics
data = bytearray(b'abcdefgh')
m = memoryview(data)
print(len(m), m[0], m[-1], bytes(m[2:5]), m.tobytes(), m.tolist()[:3], m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape)
m[0] = ord('A')
m[1:3] = b'BC'
print(data)
sub = m[4:]
sub[0] = ord('E')
print(data, bytes(sub), sub.obj is data)
r = memoryview(b'readonly')
print(r.readonly, r[0], bytes(r[::2]), r.hex(), r == b'readonly', m == data)
try:
    r[0] = 1
except TypeError as e:
    print('TypeError', e)
m.release()
try:
    m[0]
except ValueError as e:
    print('ValueError', e)
with memoryview(b'ctx') as cm:
    print(cm.tobytes())
print(memoryview(b'\x01\x02\x03\x04').cast('B').tolist(), list(memoryview(b'xy')))
