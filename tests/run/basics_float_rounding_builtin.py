# basics: float __round__ with negative ndigits and int __round__
print((12345.6789).__round__(-2), (12345.6789).__round__(2), (15).__round__(-1), (25).__round__(-1))
print(round(-25, -1), round(35, -1), round(-35, -1), round(0.05, 1), round(0.15, 1), round(0.25, 1))
print(round(2.5e-8, 8), round(123.45, -5), round(9.999, 2), round(1e16 + 2, 0))
print([round(x / 10) for x in range(-25, 26, 5)])
