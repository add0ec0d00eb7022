# builtins: chr and ord round trips and errors
print([chr(i) for i in [65, 97, 48, 32, 126, 0x3b1, 0x20ac]])
print([ord(c) for c in 'Aa0 ~α€😀'])
print(all(ord(chr(i)) == i for i in range(0, 0x11000, 97)))
for bad in [-1, 0x110000]:
    try:
        chr(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    chr(1.0)
except TypeError as e:
    print('TypeError', e)
print(ord(b'a'), ord(bytearray(b'z')))
try:
    ord(b'ab')
except TypeError as e:
    print('TypeError', e)
