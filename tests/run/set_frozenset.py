# set: frozenset immutability, hashing and use as dict keys / set members
fs = frozenset([3, 1, 2, 3])
print(sorted(fs), len(fs), 2 in fs, fs == {1, 2, 3}, type(fs).__name__)
try:
    fs.add(4)
except AttributeError as e:
    print('AttributeError', e)
sets = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3])}
print(len(sets), frozenset([1, 2]) in sets)
d = {frozenset('ab'): 'ab'}
print(d[frozenset('ba')])
print(frozenset(), frozenset() == set(), hash(frozenset()) == hash(frozenset([])))
print(sorted(fs.union([9])), type(fs.union([9])).__name__, type(fs.copy()).__name__)
nested = {frozenset({frozenset({1})})}
print(len(nested), frozenset({frozenset({1})}) in nested)
try:
    {{1}}
except TypeError as e:
    print('TypeError', e)
