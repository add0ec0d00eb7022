# bytes: simple checksums and bit manipulation over bytes
data = b'The quick brown fox jumps over the lazy dog'
s1, s2 = 1, 0
for b in data:
    s1 = (s1 + b) % 65521
    s2 = (s2 + s1) % 65521
print(hex((s2 << 16) | s1))
crc = 0xFFFFFFFF
for b in data:
    crc ^= b
    for _ in range(8):
        crc = (crc >> 1) ^ (0xEDB88320 if crc & 1 else 0)
print(hex(crc ^ 0xFFFFFFFF))
x = 0
for b in data:
    x ^= b
print(x, bytes(b ^ 0x20 for b in data[:9]))
