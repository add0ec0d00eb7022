# str: format spec alignment, fill and width for strings and numbers
for spec in ['<10', '>10', '^10', '*<10', '#>10', '0>10', '-^11', '10', '=10', '0=10']:
    for v in ['ab', 42, -42, 3.5]:
        try:
            print(repr(spec), repr(format(v, spec)))
        except ValueError as e:
            print(repr(spec), type(v).__name__, 'ValueError', e)
print(format('x', '\u00e9^5'), format(7, '{<3'), format('abc', '.2'), format('abc', '<5.1'))
