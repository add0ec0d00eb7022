# basics: pow with modulus and negative exponents
print(pow(2, 10), pow(2, 10, 1000), pow(-2, 3), pow(-2, 3, 5))
print(pow(3, -1, 7), pow(5, -2, 13), pow(2, 0, 1))
print(pow(2, 3, -5), pow(-3, 5, -7))
print(pow(2, -2), pow(2.0, 0.5), pow(-8, 1/3).real > 0)
print(pow(10, 20, 17), pow(7, 123456789, 1000000007))
print(pow(0, 0), pow(0.0, 0))
print(2 ** 0.5, 4 ** 0.5, 9 ** -0.5)
print((-1) ** 0.5)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
