# str: chr/ord over ranges and string module-like constants built manually
lower = ''.join(chr(c) for c in range(ord('a'), ord('z') + 1))
upper = lower.upper()
digits = ''.join(map(str, range(10)))
print(lower, upper, digits)
print([ord(c) for c in 'AZaz09 ~'], chr(0), repr(chr(127)), chr(0x3b1), chr(0x1F600))
def caesar(s, k):
    out = []
    for c in s:
        if c.islower():
            out.append(chr((ord(c) - 97 + k) % 26 + 97))
        elif c.isupper():
            out.append(chr((ord(c) - 65 + k) % 26 + 65))
        else:
            out.append(c)
    return ''.join(out)
e = caesar('Hello, World!', 3)
print(e, caesar(e, -3))
try:
    ord('ab')
except TypeError as e:
    print('TypeError', e)
try:
    ord('')
except TypeError as e:
    print('TypeError', e)
