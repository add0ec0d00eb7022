# str: comparison, concatenation, repetition, membership
print('abc' < 'abd', 'abc' < 'ab', 'B' < 'a', '' < 'a', 'abc' == 'abc', 'a' != 'b', 'Z' >= 'Z')
print('ab' + 'cd', 'ab' * 3, 3 * 'x', 'a' * 0, 'a' * -2, '' * 100)
print('bc' in 'abcd', '' in 'abc', 'x' not in 'abc', 'ABC' in 'abc')
s = 'x'
s += 'y'
s *= 2
print(s)
try:
    'a' + 1
except TypeError as e:
    print('TypeError', e)
try:
    1 + 'a'
except TypeError as e:
    print('TypeError', e)
try:
    'a' * 2.0
except TypeError as e:
    print('TypeError', e)
try:
    'a' < 1
except TypeError as e:
    print('TypeError', e)
try:
    1 in 'abc'
except TypeError as e:
    print('TypeError', e)
