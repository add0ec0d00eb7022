# basics: complex with inf/nan and division details
print(complex(1, 0) / complex(0, 1), (1 + 1j) / 2, 2 / (1 + 1j), (1e300 + 1e300j) * 2)
print(complex('1e500'), complex('-1e500j'), complex(1e308, 1e308) * 10)
print((1 + 2j).__add__(1), (1 + 2j).__radd__(1), (1 + 2j).__eq__('x'))
print(-(0j), -(1 - 1j), +(0 - 0j))
