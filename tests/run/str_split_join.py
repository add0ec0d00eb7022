# str: split, rsplit, splitlines, partition, rpartition, join
s = '  a  b   c  '
print(s.split(), s.split(' '), s.split(None, 1), s.rsplit(None, 1), s.split(' ', 2), s.rsplit(' ', 2))
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), 'a,b,,c'.rsplit(',', 1), ''.split(), ''.split(','))
print('abc'.split('abc'), 'a--b--c'.split('--'), 'x'.split('x', 0))
print('line1\nline2\r\nline3\rline4\x0bl5\x1cl6\u2028end'.splitlines())
print('a\nb\n'.splitlines(), 'a\nb\n'.splitlines(True), ''.splitlines(), '\n'.splitlines())
print('key=val=x'.partition('='), 'key=val=x'.rpartition('='), 'noeq'.partition('='), 'noeq'.rpartition('='))
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join('xyz'), ' '.join(str(i) for i in range(5)))
try:
    ','.join(['a', 1])
except TypeError as e:
    print('TypeError', e)
try:
    'a'.split('')
except ValueError as e:
    print('ValueError', e)
try:
    'a'.partition('')
except ValueError as e:
    print('ValueError', e)
