# bytes: str-like methods on bytes
b = b'  Hello World  '
print(b.strip(), b.lstrip(), b.rstrip(), b.upper(), b.lower(), b.swapcase(), b.strip().title(), b.strip().capitalize())
print(b.split(), b.strip().split(b'o'), b'a,b,c'.split(b',', 1), b'a,b,c'.rsplit(b',', 1), b'x\ny\r\nz'.splitlines())
print(b.find(b'o'), b.rfind(b'o'), b.index(b'W'), b.count(b'l'), b.find(111), b.startswith(b'  H'), b.endswith((b'x', b'  ')))
print(b'-'.join([b'a', b'b', bytearray(b'c')]), b.replace(b'l', b'L'), b.replace(b'l', b'', 2))
print(b'abc'.center(9, b'*'), b'abc'.ljust(5), b'abc'.rjust(5, b'0'), b'42'.zfill(5), b'a\tb'.expandtabs(4))
print(b'k=v'.partition(b'='), b'k=v=w'.rpartition(b'='), b'pre_x'.removeprefix(b'pre_'), b'x.txt'.removesuffix(b'.txt'))
print(b'abc'.isalpha(), b'abc1'.isalnum(), b'123'.isdigit(), b'  '.isspace(), b'abc'.islower(), b'ABC'.isupper(), b'Ab Cd'.istitle(), b'\x80'.isascii())
print(b'hello'.translate(bytes.maketrans(b'el', b'ip')), b'hello'.translate(None, b'l'))
print(b'abc'.decode(), b'caf\xc3\xa9'.decode('utf-8'), b'abc'.hex(), b'abc'.hex(':'), b'abcdef'.hex('-', 2), bytes.fromhex('61 62 63'), bytes.fromhex('ff00'))
try:
    b'a'.join(['x'])
except TypeError as e:
    print('TypeError', e)
try:
    bytes.fromhex('zz')
except ValueError as e:
    print('ValueError', e)
