# builtins: int(), float(), complex() with string inputs and bases
print(int('12'), int('-0b11', 0), int('z', 36), float('1e3'), float('-inf'), complex('2-3j'), complex(1, 2), complex('j'))
print(int(3.9), int(-3.9), int('  5  '), float(' .5 '), float('1_000.5'), int(True), float(False))
print(int('1' * 50) % 97, float('0x1p3'.replace('0x1p3', '8')), int(float('1e10')))
