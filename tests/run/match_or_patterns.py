# match: or-patterns binding the same names in each alternative
def m(v):
    match v:
        case 'y' | 'yes' | 'Y':
            return 'affirmative'
        case ['go', direction] | ['move', direction]:
            return f'moving {direction}'
        case (x, 0) | (0, x):
            return f'on axis at {x}'
        case {'id': ident} | [ident, _, _]:
            return f'id {ident}'
        case int() | float():
            return 'number'
        case _:
            return 'no'
for v in ['yes', 'Y', ['go', 'north'], ['move', 'up'], (3, 0), (0, 7), {'id': 9}, [1, 2, 3], 4, 4.5, 'nope']:
    print(repr(v), m(v))
