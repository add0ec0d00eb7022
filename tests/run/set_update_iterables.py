# set: update/union with various iterables including dicts and strings
s = set()
s.update('ab', [1, 2], (3,), {4: 'x'}, range(5, 7), {8})
print(sorted(map(str, s)))
t = frozenset('xy').union('yz')
print(sorted(t))
print(sorted(set('abc').intersection('bcd', 'cde')), sorted(set('abc').difference()), sorted(set('abc').symmetric_difference('bz')))
