# str: format spec for floats - e E f F g G % precision and special values
vals = [0.0, -0.0, 1.0, 3.14159265, -2.5e-7, 123456789.125, 1e16, 1.5e300, float('inf'), float('-inf'), float('nan')]
for v in vals:
    print(format(v, ''), format(v, 'e'), format(v, '.2E'), format(v, 'f'), format(v, '.1F'), format(v, 'g'), format(v, '.3G'), format(v, '%'), format(v, '.1%'), format(v, ','), format(v, '+.3'))
print(format(1234.5, ',.2f'), format(1234.5, '_.3f'), format(0.5, '.0f'), format(1.5, '.0f'), format(2.5, '.0f'), format(1.0, '#.0f'), format(1.0, '#g'))
print(format(12.0, 'g'), format(1e-5, 'g'), format(1e-4, 'g'), format(1e15, 'g'), format(1e16, 'g'), format(123456789.0, 'n'), format(0.1, '.20f'))
print(format(3.0, '010.3f'), format(-3.0, '010.3f'), format(3.0, '=+10.2f'), format(3.0, '*^12.4e'))
print(format(1.0, 'z.1f') if False else format(-0.0, '.1f'), format(-1e-9, '.2f'))
print(format(1e100, '.3'), format(1.23456789, '.5'), format(100.0, '.2'), format(1e22, ''))
