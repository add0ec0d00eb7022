# str: find, rfind, index, rindex, count, startswith, endswith
s = 'the quick brown fox jumps over the lazy dog'
print(s.find('the'), s.find('the', 1), s.rfind('the'), s.find('cat'), s.rfind('o', 0, 20))
print(s.index('quick'), s.rindex('o'), s.count('o'), s.count('the'), s.count(''), 'aaaa'.count('aa'))
print(s.find(''), s.find('', 100), s.rfind(''), 'abc'.find('c', -1), 'abc'.find('a', -100, -2))
print(s.startswith('the'), s.startswith(('a', 'th')), s.startswith('quick', 4), s.endswith('dog'), s.endswith(('cat', 'og')), s.endswith('lazy', 0, -4))
try:
    s.index('cat')
except ValueError as e:
    print('ValueError', e)
try:
    s.rindex('cat')
except ValueError as e:
    print('ValueError', e)
print('abcabc'.count('bc', 2), 'abcabc'.count('bc', 2, 4), ''.count(''), 'abc'.startswith(''))
try:
    s.startswith(['the'])
except TypeError as e:
    print('TypeError', e)
