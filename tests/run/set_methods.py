# set: all set methods (results sorted before printing)
s = {1, 2, 3}
s.add(4); s.add(2)
print(sorted(s), len(s))
s.discard(10); s.discard(1)
print(sorted(s))
s.remove(2)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print('KeyError', e)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(sorted(a.union([9], (8,))), sorted(a.intersection(range(3), [2])), sorted(a.difference([1], [2])))
print(a.issubset(range(10)), {1}.issubset(a), a.issuperset([1, 2]), a.isdisjoint(b), a.isdisjoint([7]))
c = a.copy()
c.update([10, 11], {12})
print(sorted(c))
c.intersection_update(range(5), [1, 2, 3, 10])
print(sorted(c))
c.difference_update({1})
print(sorted(c))
c.symmetric_difference_update({3, 99})
print(sorted(c))
p = {5}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print('KeyError', e)
c.clear()
print(c, set(), len(c))
