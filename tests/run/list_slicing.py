# list: slicing read, assignment and deletion including extended slices
a = list(range(10))
print(a[2:5], a[:-7], a[::3], a[::-2], a[7:2:-1], a[-100:100], a[5:2])
b = a[:]
b[2:5] = ['x']
print(b)
b[1:1] = [10, 11]
print(b)
b[:] = b[::-1]
print(b)
b[::2] = [0] * len(b[::2])
print(b)
del b[1::3]
print(b)
del b[:2]
print(b)
b[len(b):] = ['end']
print(b)
b[-1:] = []
print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print('ValueError', e)
c = [1, 2, 3]
c[5:] = [6]
print(c)
c[1:2] = range(3)
print(c)
c[:0] = 'ab'
print(c)
try:
    c[1:2] = 5
except TypeError as e:
    print('TypeError', e)
d = [0, 1, 2, 3, 4, 5]
d[::-2] = 'abc'
print(d)
