# basics: min/max/sum over mixed numerics and float precision of sum
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([1, 2.5, 3j]), sum([], 10), sum(range(101)))
print(sum([0.1] * 3), sum([1e100, 1.0, -1e100]))
print(max([1, 5.5, 3]), min(3, 2.0, 2), max(2.0, 2), min([-0.0, 0.0]), min([0.0, -0.0]))
print(max(range(10 ** 6, 10 ** 6 + 5)), sum(x * x for x in range(1000)))
