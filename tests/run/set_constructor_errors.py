# set: constructors and errors
print(sorted(set('hello')), sorted(set([3, 1])), sorted(set({'a': 1})), set(range(0)), sorted(set((x for x in 'aab'))))
for bad in [5, [[1]], [{}]]:
    try:
        set(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    s = {1, 2}
    s[0]
except TypeError as e:
    print('TypeError', e)
try:
    set().remove(1)
except KeyError as e:
    print('KeyError', e)
try:
    frozenset([1]).remove(1)
except AttributeError as e:
    print('AttributeError', e)
print({*'ab'} == {'a', 'b'}, {*range(3), 5} == {0, 1, 2, 5})
