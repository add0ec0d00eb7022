# basics: mixed int/float/complex arithmetic results and types
vals = [3, 2.0, 1 + 1j, True]
for a in vals:
    for b in vals:
        r = a + b
        print(type(a).__name__, type(b).__name__, type(r).__name__, r, a * b)
print(type(7 / 7), type(7 // 7), type(7.0 // 7), type(2 ** -1), type(2 ** 2))
print(int.__add__(3, 4), float.__mul__(2.0, 3.0), int.__add__(3, 4.0))
print((3).__radd__(4), (3.0).__rsub__(10))
