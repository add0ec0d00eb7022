# list: operations on a few thousand elements
n = 5000
a = list(range(n))
a.reverse()
print(a[:3], a[-3:])
a.sort()
print(a == list(range(n)))
b = [x * 7919 % n for x in range(n)]
print(sorted(b) == a, b[:5])
b.sort(key=lambda v: (v % 10, v))
print(b[:5], b[-5:])
c = a[::7]
print(len(c), sum(c))
print(a.count(4999), a.index(2500))
