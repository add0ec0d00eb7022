# tuple: packing, unpacking, swapping and returning multiple values
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = c, a, b = 'xyz'
print(a, b, c)
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 1, 7])
print(lo, hi, minmax('hello'))
for x, y in [(1, 2), (3, 4)]:
    print(x + y, end=' ')
print()
t = ((1, 2), (3, 4))
((p, q), (r, s)) = t
print(p, q, r, s)
for bad in [(1, 2, 3), (1,)]:
    try:
        u, v = bad
    except ValueError as e:
        print('ValueError', e)
try:
    m, n = 5
except TypeError as e:
    print('TypeError', e)
