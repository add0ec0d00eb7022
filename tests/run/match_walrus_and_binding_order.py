# match: captures are bound only when the whole case pattern succeeds; literal vs capture in mappings
def m(v):
    x = 'unset'
    match v:
        case [x, 0]:
            return 'second zero', x
        case [_, y]:
            return 'other pair', x, y
    return 'nothing', x
print(m([1, 0]))
print(m([1, 2]))
print(m(5))
def lit_vs_capture(v):
    match v:
        case {'k': 'literal'}:
            return 'literal value'
        case {'k': value}:
            return f'captured {value}'
print(lit_vs_capture({'k': 'literal'}), lit_vs_capture({'k': 'other'}))
