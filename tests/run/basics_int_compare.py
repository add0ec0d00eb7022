# basics: int/float comparisons including mixed and big values
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 >= 2, 1 == 1.0, 1 != 1.0)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(10 ** 400 < float('inf'), -10 ** 400 > float('-inf'))
print(0 == -0.0, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(max(1, 2.5, 2), min(-1, -1.0), max(-1.0, -1))
print(sorted([3, 1.5, 2, -0.5, 10 ** 20, 1e19]))
x = 5
print(x == 5 and x is not None)
print([x for x in range(10) if 2 < x <= 6])
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), [1, 2] == [1, 2.0])
