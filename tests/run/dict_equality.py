# dict: equality ignores order; comparisons unsupported
print({'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {1: 'x'} == {1.0: 'x'}, {} == {}, {'a': [1]} == {'a': [1]}, {'a': 1} != {'a': 2})
print({'a': 1}.items() == {('a', 1)}, dict(a=1) == {'a': 1})
try:
    {} < {}
except TypeError as e:
    print('TypeError', e)
print({'a': 1} == [('a', 1)], {1: 2}.keys() == [1])
