# basics: complex numbers
z = 3 + 4j
w = complex(1, -2)
print(z, w, z + w, z - w, z * w, z / w, z ** 2, -z, +z)
print(z.real, z.imag, z.conjugate(), abs(z), abs(w) ** 2)
print(complex('1+2j'), complex('-3j'), complex(' 5 '), complex(2), complex(1.5, 0))
print(1j * 1j, 1j ** 2, (1 + 1j) ** 0, 0j, -0j, complex(-0.0, -0.0))
print(repr(1 + 0j), repr(complex(0, 1)), str(2j), repr(complex(1e20, 1e-5)))
print(z == complex(3, 4), z != w, 1 + 0j == 1, hash(1 + 0j) == hash(1))
print(complex(float('inf'), float('nan')))
print(type(z).__name__, isinstance(z, complex), bool(0j), bool(1j))
try:
    z < w
except TypeError as e:
    print("TypeError", e)
try:
    z // w
except TypeError as e:
    print("TypeError", e)
try:
    z / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    complex('1+')
except ValueError as e:
    print("ValueError", e)
print(f"{z:.2f}", format(w, '>20'), f"{1.5+2.25j:g}")
