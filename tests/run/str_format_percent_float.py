# str: %-format and format() produce same digits for floats
vals = [0.1, 2.5, -1.25, 1e-10, 123456.789, 1e21, 9.999999]
for v in vals:
    print('%.3f|%10.4e|%g|%-12.5G|%+.0f' % (v, v, v, v, v))
    print(f'{v:.3f}|{v:10.4e}|{v:g}|{v:<12.5G}|{v:+.0f}')
print('%5.1f%%' % 99.44, '%.2e' % 0, '%.3g' % 1234567, '%#.3g' % 1, '%#x' % 0)
