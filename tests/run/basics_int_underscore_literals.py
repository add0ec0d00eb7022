# basics: numeric literal forms
print(1_000, 0x_FF, 0b_1010, 0o_17, 1_0.5_0, 1e1_0, 0_0, 00)
print(0xDEADBEEF, 0O777, 0B1, 1E3, 1.e2, .5e-1, 1j, 2.5J, 1_2j)
print(123456789_123456789_123456789)
print(type(1e3), type(1_000), type(1j))
print(0.000_001, 1_0e-3)
