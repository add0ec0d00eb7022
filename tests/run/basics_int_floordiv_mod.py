# basics: floor division and modulo sign rules for ints and floats
for a in (7, -7, 0, 13, -13):
    for b in (3, -3, 5, -5):
        print(a, b, a // b, a % b, divmod(a, b))
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(7.5 // -2, 7.5 % -2)
print(-0.0 % 5, 0.0 % -5)
print(1e300 % 3, -1 % 1e10)
print(5 % 0.5, 5 // 0.3)
