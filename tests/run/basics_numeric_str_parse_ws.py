# basics: numeric parsing with whitespace, signs and unicode digits
print(int('\t\n 12 \r'), float('\u2003 1.5 \n'), int('+0'), float('-0'), float('+inf'))
print(int('٣'), float('١.٥'), int('１２'))
print(complex('  1-1j  '), complex('-j'), complex('+1.5e1J'))
for s in ['1 2', '- 1', '+-1', '0b2', '1e5']:
    try:
        print(repr(s), int(s, 0))
    except ValueError as e:
        print('ValueError', e)
