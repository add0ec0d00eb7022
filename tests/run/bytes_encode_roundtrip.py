# bytes: str<->bytes round trips for many code points
chars = ''.join(chr(c) for c in [0x41, 0x7f, 0x80, 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff])
for codec in ['utf-8', 'utf-16-le', 'utf-16-be', 'utf-32-le']:
    e = chars.encode(codec)
    print(codec, len(e), e.hex(), e.decode(codec) == chars)
print('\ud800'.encode('utf-8', 'surrogatepass'), b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass') == '\ud800')
print(b'\x80abc'.decode('ascii', 'replace'), b'\x80abc'.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape'))
