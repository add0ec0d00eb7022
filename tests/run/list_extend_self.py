# list: extending and slice-assigning a list with itself
a = [1, 2, 3]
a.extend(a)
print(a)
b = [1, 2]
b += b
print(b)
c = [1, 2, 3]
c[1:2] = c
print(c)
d = [1, 2]
d *= 3
print(d)
e = [0]
e.append(e[:])
print(e)
f = [3, 1, 2]
f[:] = sorted(f)
print(f)
