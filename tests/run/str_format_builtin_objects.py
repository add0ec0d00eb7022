# str: format() of various objects and __format__ fallbacks
print(format(None), format([1, 2]), format((1,), ''), format({'a': 1}))
try:
    format([1], '>5')
except TypeError as e:
    print('TypeError', e)
try:
    format(object(), 'x')
except TypeError as e:
    print('TypeError', e)
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == 'usd':
            return f'${self.v:,.2f}'
        return format(self.v, spec)
m = Money(1234.5)
print(format(m, 'usd'), f'{m:usd}', f'{m:>10.1f}', '{:usd}'.format(m), format(m))
class BadFmt:
    def __format__(self, spec):
        return 1
try:
    format(BadFmt())
except TypeError as e:
    print('TypeError', e)
print(format('abc', ''), format(3, ''), format(2.5), format(True), format(1 + 2j, ''))
