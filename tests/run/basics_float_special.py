# basics: inf and nan behaviour
inf = float('inf')
nan = float('nan')
print(inf + 1, inf - inf, inf * 0, -inf, inf * -1, 1 / inf, inf / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10 ** 300, -inf < -10 ** 300)
print(nan is nan, [nan] == [nan], nan in [nan])
print(inf == inf, inf == float('inf'), max(1, inf), min(-inf, 0))
print(abs(-inf), abs(nan), -nan)
print(str(inf), repr(-inf), str(nan))
print(int(1e18), int(-2.5))
for f in (inf, -inf):
    try:
        int(f)
    except OverflowError as e:
        print("OverflowError", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError", e)
print(inf % 2 != inf % 2, 5 % inf, -5 % inf)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError", e)
print(sorted([3.0, 1.0, inf, -inf, 2.0]))
