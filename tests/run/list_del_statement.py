# list: del with indexes, slices and multiple targets
a = list(range(10))
del a[0]
del a[-1]
print(a)
del a[1], a[1]
print(a)
del a[::2]
print(a)
del a[:]
print(a)
b = [1, 2, 3]
del b[5:10]
print(b)
try:
    del b[5]
except IndexError as e:
    print('IndexError', e)
