# basics: float.hex, float.fromhex, as_integer_ratio, is_integer
for v in [1.0, 0.5, 0.1, -2.75, 0.0, -0.0, 1e300, 5e-324, 3.0]:
    print(v.hex(), float.fromhex(v.hex()) == v, v.as_integer_ratio(), v.is_integer())
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'), float.fromhex('0x.8'))
print(float.fromhex('inf'), float.fromhex('-infinity'), float.fromhex('nan'))
print(float.fromhex('  0x1.fffffffffffffp+1023  '))
print((0.75).as_integer_ratio(), (1e20).as_integer_ratio())
try:
    float('inf').as_integer_ratio()
except OverflowError as e:
    print("OverflowError", e)
try:
    float('nan').as_integer_ratio()
except ValueError as e:
    print("ValueError", e)
print((2.5).conjugate(), (2.5).real, (2.5).imag)
