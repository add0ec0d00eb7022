# basics: int methods to_bytes/from_bytes, as_integer_ratio, conjugate, numerator
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'))
print((-1).to_bytes(2, 'big', signed=True), (255).to_bytes(1, 'big'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'', 'big'))
print((10).as_integer_ratio(), (-3).as_integer_ratio())
print((5).conjugate(), (5).numerator, (5).denominator, (5).real, (5).imag)
print((0).bit_length(), (1023).bit_length())
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print("OverflowError", e)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print("OverflowError", e)
print(int.from_bytes([1, 2, 3], 'big'))
print((65535).to_bytes(4, byteorder='little'))
print(True.to_bytes(1, 'big'))
