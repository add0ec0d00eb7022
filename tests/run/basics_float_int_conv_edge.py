# basics: conversion between int and float at the precision edge
print(float(2 ** 53), float(2 ** 53 + 1), float(2 ** 53 + 2), int(float(2 ** 53 + 1)))
print(int(1e20), int(1.5e300) % 1000, float(10 ** 308), float(-(10 ** 308)))
try:
    float(10 ** 309)
except OverflowError as e:
    print("OverflowError", e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print("OverflowError", e)
print(10 ** 400 // 10 ** 399, (10 ** 400) / (10 ** 399))
print(1 / 3 == 1.0 / 3.0, 2 ** 1023 * 2.0 if False else 'ok')
print(7 / 2, -7 / 2, 10 ** 20 / 10 ** 19, 1 / 10 ** 400 if False else 0)
try:
    1 / 10 ** 400
except OverflowError as e:
    print("OverflowError", e)
print(1 // 10 ** 400, 12345678901234567890 / 10)
