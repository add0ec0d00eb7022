# str: f-string conversions call __str__/__repr__/ascii on custom objects
class V:
    def __repr__(self):
        return 'V(é)'
    def __str__(self):
        return 'v-str'
    def __format__(self, spec):
        return f'fmt[{spec}]'
v = V()
print(f'{v}', f'{v!s}', f'{v!r}', f'{v!a}', f'{v:xyz}', f'{v!s:>8}', f'{v!r:*<8}')
print('{}'.format(v), '{!r}'.format(v), '{:q}'.format(v), str(v), repr(v), ascii(v), format(v, 'z'))
