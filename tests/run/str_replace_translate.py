# str: replace, translate, maketrans
s = 'one two one three one'
print(s.replace('one', '1'), s.replace('one', '1', 2), s.replace('', '-'), 'abc'.replace('', '.', 2), s.replace('x', 'y'))
t = str.maketrans('abc', 'xyz')
print(sorted(t.items()), 'aabbcc'.translate(t))
t2 = str.maketrans({'a': '1', 'b': None, 'c': 'CC'})
print('abcabc'.translate(t2))
t3 = str.maketrans('ab', 'AB', 'xyz')
print('axbycz'.translate(t3))
print('hello'.translate({ord('l'): 'L', ord('o'): None}))
class Table:
    def __getitem__(self, k):
        if k == ord('e'):
            return 'E'
        raise LookupError
print('eerie'.translate(Table()))
try:
    str.maketrans('ab', 'a')
except ValueError as e:
    print('ValueError', e)
