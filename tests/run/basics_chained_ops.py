# basics: operator precedence mixing arithmetic, bitwise, comparison, boolean
print(1 + 2 << 3, 1 + (2 << 3), 6 & 3 | 8, 6 & (3 | 8), 5 ^ 1 & 3)
print(2 * 3 ** 2, -3 ** 2, (-3) ** 2, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(not 1 == 2, not (1 == 2) and 3, 1 < 2 == True, (1 < 2) == True)
print(10 - 4 - 3, 100 / 10 / 5, 2 ** -2 ** -1)
print(7 % 3 * 2, 7 * 3 % 2, -7 // 2 * 2, ~5 + 1, ~-5)
print(1 or 2 and 0, (1 or 2) and 0, 0 and 1 or 2)
print(3 in [1, 2, 3] == True, (3 in [1, 2, 3]) == True)
n = None
m = 1
print(m is not n is not False)
