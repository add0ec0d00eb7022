# bytes: bytes from ints and int from bytes, struct-like packing by hand
def pack_u32(n):
    return bytes([(n >> s) & 0xFF for s in (24, 16, 8, 0)])
def unpack_u32(b):
    v = 0
    for x in b:
        v = (v << 8) | x
    return v
for n in [0, 1, 255, 256, 65535, 2 ** 32 - 1, 0xDEADBEEF]:
    p = pack_u32(n)
    print(n, p, unpack_u32(p), p == n.to_bytes(4, 'big'))
print(bytes([1, 2]) * 2, bytes(2) + b'\x01', b'\x00' * 4 == bytes(4))
