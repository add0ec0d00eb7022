# str: unicode characters, ord/chr, encode/decode
s = 'naïve café 日本語 😀'
print(len(s), [ord(c) for c in s[-5:]], s.encode('utf-8'), len(s.encode('utf-8')))
print(s.encode('ascii', 'replace'), s.encode('ascii', 'ignore'), s.encode('ascii', 'xmlcharrefreplace'), s.encode('ascii', 'backslashreplace'))
print(s.encode('utf-16-le')[:8], s.encode('latin-1', 'replace'))
print(b'caf\xc3\xa9'.decode(), b'caf\xe9'.decode('latin-1'), b'\xff\xfe'.decode('utf-8', 'replace'), b'ab\xffc'.decode('utf-8', 'ignore'))
print(b'a\xffb'.decode('utf-8', 'backslashreplace'), chr(0x10FFFF) == '\U0010ffff', chr(233), ord('€'))
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError', e)
print(sorted(['b', 'a', 'B', 'é', 'z', 'Z', '1']), 'é' > 'z', max('hello'), min('hello'))
print('straße'.upper(), 'ǲ'.lower(), 'ß'.casefold() == 'ss')
