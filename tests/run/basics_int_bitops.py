# basics: bitwise operators, shifts, bit_length, bit_count
vals = [0, 1, 5, -1, -6, 255, 1 << 40]
for v in vals:
    print(v, ~v, v & 0xF, v | 0x10, v ^ 0xFF, v << 3, v >> 1, v.bit_length(), v.bit_count())
print(-1 >> 100, 1 >> 100, -5 >> 1)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(1 << 100)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError", e)
print(True & False, True | False, True ^ True, ~True)
