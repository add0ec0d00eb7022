# bytes: bytearray slice assignment and deletion forms
ba = bytearray(range(10))
ba[2:5] = b''
print(list(ba))
ba[::3] = b'\xaa\xbb\xcc'
print(list(ba))
ba[1:1] = bytearray(b'\x01\x02')
print(list(ba))
del ba[-3:]
print(list(ba))
ba[0:2] = [9, 8, 7]
print(list(ba))
try:
    ba[::2] = b'xx'
except ValueError as e:
    print('ValueError', e)
ba[len(ba):] = b'end'
print(ba)
ba[-1] = 0
print(ba[-4:])
