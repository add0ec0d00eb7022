# class: __repr__, __str__, __format__ defaults and overrides
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'
class OnlyStr:
    def __str__(self):
        return 'only-str'
class Fmt:
    def __format__(self, spec):
        return f'Fmt({spec!r})'
    def __repr__(self):
        return 'Fmt-repr'
r, s, f = OnlyRepr(), OnlyStr(), Fmt()
print(str(r), repr(r), f'{r}', format(r), '%s' % r)
print(str(s), repr(s).startswith('<__main__.OnlyStr object'), f'{s}', '{}'.format(s))
print(f'{f}', f'{f:>10}', format(f, 'x'), str(f), [f])
try:
    format(s, 'x')
except TypeError as e:
    print('TypeError', e)
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError', e)
class Sub(OnlyRepr):
    pass
print(Sub(), str(Sub()))
