# set: thousands of ints, add/remove/membership
s = set()
for i in range(3000):
    s.add(i * 37 % 1009)
print(len(s), min(s), max(s), sum(s))
for i in range(0, 1009, 2):
    s.discard(i)
print(len(s), sum(s), 1 in s, 2 in s)
t = {x * x for x in range(-50, 51)}
print(len(t), sorted(t)[:5], sorted(t)[-3:])
