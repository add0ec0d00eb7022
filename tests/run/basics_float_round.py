# basics: round() for floats and ints, banker's rounding, ndigits
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 123.456, -123.456]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
print(round(1234567, -3), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(5), round(5, 2), type(round(2.5)), type(round(2.5, 0)))
print(round(1e300, 2), round(float('inf'), 2), round(0.0, 3), round(-0.0))
try:
    round(float('inf'))
except OverflowError as e:
    print("OverflowError", e)
try:
    round(float('nan'))
except ValueError as e:
    print("ValueError", e)
print(round(2 ** 70 + 1, -5))
print(round(0.1 + 0.2, 15), round(7.0 / 3, 4))
