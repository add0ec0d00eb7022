# str: sign and zero padding interplay in format specs
for v in [5, -5, 0, 2.5, -2.5, -0.0]:
    print(v, [format(v, s) for s in ['+', '-', ' ', '+05', ' 05', '-05', '<+5', '^+7', '=+6', '+,']])
