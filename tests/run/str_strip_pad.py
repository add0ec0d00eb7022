# str: strip family, padding and justification
s = '  \t hello \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'abcHIcba'.strip('abc'), 'www.example.com'.lstrip('cmowz.'), 'mississippi'.rstrip('ips'))
print(repr('hi'.center(10)), repr('hi'.center(9, '*')), repr('hi'.ljust(6, '-')), repr('hi'.rjust(6, '0')), repr('long'.center(2)))
print('42'.zfill(6), '-42'.zfill(6), '+42'.zfill(6), 'abc'.zfill(5), ''.zfill(3), '-'.zfill(3))
print('a\tb\tc'.expandtabs(), 'a\tbc\tdef'.expandtabs(4), repr('\t'.expandtabs(0)), 'x\ty\nab\tc'.expandtabs(3))
print('prefix_name'.removeprefix('prefix_'), 'name.py'.removesuffix('.py'), 'abc'.removeprefix('x'), 'abc'.removesuffix(''))
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print('TypeError', e)
