# builtins: reversed and sorted with key, reverse and stability
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(5))), list(reversed((1,))), list(reversed({'a': 1, 'b': 2})))
r = reversed([1, 2])
print(type(r).__name__, next(r), r.__length_hint__())
data = ['Banana', 'apple', 'cherry', 'Apple', 'banana']
print(sorted(data), sorted(data, key=str.lower), sorted(data, key=str.lower, reverse=True), sorted(data, key=len))
print(sorted([(1, 'b'), (1, 'a'), (0, 'c')], key=lambda t: t[0], reverse=True))
print(sorted({3: 'c', 1: 'a'}.items()), sorted(range(5), key=lambda x: -x), sorted('', reverse=True))
try:
    sorted([1, 2], cmp=None)
except TypeError as e:
    print('TypeError', e)
