# str: printf-style % formatting
print('%s %r %a' % ('hé', 'hé', 'hé'))
print('%d %i %u %o %x %X %e %E %f %F %g %G %c %c %%' % (42, -42, 7, 8, 255, 255, 12345.678, 0.00012, 3.14159, 2.5, 1e-5, 1e20, 'Z', 65))
print('%5d|%-5d|%05d|%+d|% d|%+5.1f|%-8.3e|%#o|%#x|%#X' % (42, 42, 42, 42, 42, 3.14159, 1234.5, 8, 255, 255))
print('%.3s|%10.2s|%-6s|' % ('abcdef', 'xyz', 'ab'))
print('%(name)s is %(age)d years' % {'name': 'Ann', 'age': 30})
print('%*d|%-*d|%.*f' % (6, 42, 6, 42, 2, 3.14159))
print('%s' % (1, ), '%s' % [1, 2], '%s' % ((1, 2),), '%d%%' % 50)
print('%x %o' % (-255, -8), '%.0f %.0f %.0f' % (0.5, 1.5, 2.5), '%g %g %g' % (100000, 1000000, 0.0001))
print('%r' % None, '%s' % True, '%d' % True, '%f' % 1, '%d' % 3.99, '%i' % -2.5)
for fmt, args in [('%d', 'x'), ('%s %s', (1,)), ('%s', (1, 2)), ('%z', 1), ('%c', 'ab'), ('%(a)s', 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
