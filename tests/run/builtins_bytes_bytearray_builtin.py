# builtins: bytes(), bytearray(), memoryview() constructors from various sources
print(bytes(3), bytes([1, 2]), bytes(b'x'), bytes('é', 'utf-8'), bytes(range(3)), bytes(bytearray(b'ba')), bytes(memoryview(b'mv')))
print(bytearray(2), bytearray([65]), bytearray('ü', 'latin-1'), bytearray(b'q'), bytearray(iter([66, 67])))
print(memoryview(b'abc').tolist(), memoryview(bytearray(b'xy')).readonly, bytes(x for x in [1, 2]))
