# str: immutability errors and str being hashable/usable as keys
s = 'abc'
try:
    s[0] = 'x'
except TypeError as e:
    print('TypeError', e)
try:
    del s[0]
except TypeError as e:
    print('TypeError', e)
try:
    s.foo = 1
except AttributeError as e:
    print('AttributeError', e)
d = {s: 1, 'ab' + 'c': 2}
print(d, len(d))
t = s
t += 'd'
print(s, t)
print(s.upper() is not s, s == 'abc')
