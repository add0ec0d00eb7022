# bytes: bytearray mutation methods
ba = bytearray(b'hello')
ba[0] = ord('J')
print(ba, ba[0], len(ba))
ba.append(33)
ba.extend(b' ok')
ba.extend([65, 66])
print(ba)
ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord('l'))
print(ba)
ba.reverse()
print(ba)
ba[1:3] = b'XYZW'
print(ba)
del ba[::2]
print(ba)
ba += b'++'
ba *= 2
print(ba, ba.count(b'+'), ba.find(b'+'))
ba.clear()
print(ba, len(ba), bytearray(3), bytearray(b'abc').upper(), bytearray('hé', 'utf-8'))
c = bytearray(b'xyz')
d = c.copy()
d[0] = 0
print(c, d, c == b'xyz', bytes(c), type(c + b'1').__name__, type(b'1' + c).__name__)
for bad in [lambda: c.__setitem__(0, 256), lambda: c.remove(1), lambda: bytearray().pop(), lambda: c.__setitem__(slice(0, 1), 5)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
