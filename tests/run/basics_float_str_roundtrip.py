# basics: float repr round-trips exactly
vals = []
x = 1.0
for i in range(40):
    x = x * 1.37 + 0.011
    vals.append(x)
print(all(float(repr(v)) == v for v in vals))
print(vals[-1], vals[10], vals[25])
y = 1.0
for i in range(30):
    y /= 3.3
print(y, repr(y), float(repr(y)) == y)
print(0.1 + 0.7, 0.3 * 3, 1.1 + 2.2, 3.3 - 1.1, 4.1 * 100)
