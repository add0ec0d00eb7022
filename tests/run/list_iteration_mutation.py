# list: iterating while modifying, reversed, enumerate
a = [1, 2, 3, 4, 5, 6]
for x in a:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 3]
out = []
for x in b:
    out.append(x)
    if len(b) < 6:
        b.append(x * 10)
print(out, b)
c = [1, 2, 3]
it = iter(c)
print(next(it))
c.clear()
print(list(it))
d = [5, 6, 7]
r = reversed(d)
d.append(8)
print(list(r))
print(list(enumerate('abc', start=-1)), list(reversed([1, 2, 3])))
e = list(range(10))
for i in range(len(e) - 1, -1, -1):
    if e[i] % 3 == 0:
        del e[i]
print(e)
