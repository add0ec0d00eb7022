# match: as-patterns capturing subpatterns
def m(v):
    match v:
        case [int() as first, *rest] as whole:
            return f'first={first} rest={rest} whole={whole}'
        case {'k': (1 | 2) as num}:
            return f'k is {num}'
        case (str() | bytes()) as text:
            return f'text {text!r}'
        case [[_, _] as pair, *_]:
            return f'leading pair {pair}'
    return 'none'
for v in [[1, 2, 3], {'k': 2}, {'k': 3}, 'abc', b'xy', [[5, 6], 7], [['a']]]:
    print(repr(v), m(v))
