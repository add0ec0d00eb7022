# basics: float comparisons with ints and specials, and sorting stability with equal keys
vals = [1, 1.0, True, 2, 0.5, 0, False, -0.0]
print(sorted(vals))
print([v == 1 for v in vals])
print(0.1 + 0.2 > 0.3, 0.5 + 0.25 == 0.75, 1e16 + 1.0 == 1e16, 2 ** 63 == 2.0 ** 63)
print(float('nan') in [float('nan')], max(float('nan'), 1), max(1, float('nan')))
print(min(-0.0, 0), min(0, -0.0), 1 < float('inf'), float('-inf') < -10 ** 1000)
