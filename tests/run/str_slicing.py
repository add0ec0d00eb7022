# str: indexing and slicing with all step forms
s = 'abcdefghij'
print(s[0], s[-1], s[3:7], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::2], s[::-1], s[-2::-2], s[8:2:-2])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[2:100], s[::-3], s[::11], repr(s[3:3]))
print(s[slice(2, 8, 3)], s[slice(None)], s[slice(-1, None, -4)])
try:
    s[10]
except IndexError as e:
    print('IndexError', e)
try:
    s[1:2:0]
except ValueError as e:
    print('ValueError', e)
try:
    s['a']
except TypeError as e:
    print('TypeError', e)
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
u = 'héllo wörld 😀!'
print(u[1], u[-2], u[7:10], len(u), u[::-1])
