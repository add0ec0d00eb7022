# bytes: bytearray-specific methods and views on existing bytearray
ba = bytearray(b'abc')
print(ba.decode(), ba.hex(), ba.isalpha(), ba.startswith(b'ab'), ba.index(b'c'), ba.replace(b'b', b'B'))
ba.extend(iter([100, 101]))
print(ba, ba.rfind(b'e'), bytearray.fromhex('41 42'), bytearray(b'x').zfill(3))
t = bytearray(b'tx')
t[:] = b'replaced entirely'
print(t, t.title(), t.split(b' '), bytearray(b'AbC').swapcase(), bytearray(b'a\tb').expandtabs(2))
s = bytearray(b'aaa')
print(s.count(b'a'), s.count(97), s.lstrip(b'a'), (s * 2).upper())
