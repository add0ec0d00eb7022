# basics: complex constructors, pow, abs, and formatting
print(complex(1, 2) ** 2, (1 + 2j) ** 0.5, (2j) ** 3, pow(1j, 2))
print(abs(-3 - 4j), abs(1j), abs(complex(0, 0)))
print(complex(1 + 2j, 3j), complex(real=1, imag=2), complex('(1+2j)'), complex('inf+1j'))
print(repr(complex(0, -0.0)), repr(complex(-1, 0)), repr(complex(1.5, float('nan'))))
print((1 + 2j).real + (1 + 2j).imag, (3 + 0j) == 3.0, 0j == 0)
print(format(3 + 4j), format(3 + 4j, '10'), format(1.23456 + 2j, '.3'), format(1j, '+.1f'))
print(1j.__class__.__name__, complex.__name__)
for a in [1 + 1j, 2, 0.5]:
    print(a * (1 - 1j), a / (1 + 1j))
try:
    complex('abc')
except ValueError as e:
    print('ValueError', e)
try:
    complex(1j, '2')
except TypeError as e:
    print('TypeError', e)
