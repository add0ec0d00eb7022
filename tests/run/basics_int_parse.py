# basics: int() from strings in various bases
print(int('42'), int('-42'), int('  +7  '), int('1_000_000'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0xff', 0))
print(int('777', 8), int('0o777', 0), int('0b1011', 0), int('1011', 2))
print(int('z', 36), int('Zz', 36), int('10', 3))
print(int(3.99), int(-3.99), int(True), int('0'), int('-0'))
print(int('000123'), int('0', 0))
for bad in ['', 'abc', '1.5', '12a', '0x', '1__0', '_1']:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    int('012', 0)
except ValueError as e:
    print("ValueError", e)
try:
    int('9', 8)
except ValueError as e:
    print("ValueError", e)
try:
    int('1', 37)
except ValueError as e:
    print("ValueError", e)
try:
    int(1.5, 10)
except TypeError as e:
    print("TypeError", e)
print(int('١٢٣'))
