# basics: int to string conversions with bin/oct/hex/format
for n in [0, 1, -1, 255, -255, 2 ** 40, 12345]:
    print(n, bin(n), oct(n), hex(n), str(n), repr(n), format(n, 'b'), format(n, '#x'), format(n, 'o'))
print(int(bin(12345), 0), int(hex(-255), 16), int(oct(64), 8))
print(str(-0), str(00), 0o17, 0x1F, 0b11, 1_000)
print(len(str(2 ** 1000)), str(7 ** 77))
print(int('  -0b101 '.strip(), 0), int('0X1f', 16))
