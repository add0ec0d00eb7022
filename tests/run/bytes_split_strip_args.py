# bytes: split/strip with explicit byte args and whitespace rules
b = b'\t a\x0bb\x0cc\x1cd \n'
print(b.split(), b.strip(), b.strip(b'\t \n'), b.lstrip(b'\t a'), b'xxaxx'.strip(b'x'))
print(b'a--b--c'.split(b'--', 1), b'1 2  3'.split(b' '), b'abcabc'.rsplit(b'b', 1), b'abc'.split(b'abc'))
print(bytearray(b' x ').strip(), bytearray(b'a b').split(), type(bytearray(b'a b').split()[0]).__name__)
try:
    b'a'.split(b'')
except ValueError as e:
    print('ValueError', e)
try:
    b'a'.strip('a')
except TypeError as e:
    print('TypeError', e)
