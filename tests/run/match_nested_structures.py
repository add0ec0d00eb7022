# match: deeply nested patterns for a tiny expression evaluator
def ev(e):
    match e:
        case int(n) | float(n):
            return n
        case ('neg', x):
            return -ev(x)
        case ('+', a, b):
            return ev(a) + ev(b)
        case ('*', a, b):
            return ev(a) * ev(b)
        case ('sum', *args):
            return sum(ev(a) for a in args)
        case {'op': 'max', 'args': [*args]}:
            return max(ev(a) for a in args)
        case _:
            raise ValueError(f'bad expr {e!r}')
exprs = [3, ('neg', 4), ('+', 1, ('*', 2, 3)), ('sum', 1, 2, 3, ('neg', 1)), {'op': 'max', 'args': [1, ('*', 3, 3), 4]}]
for e in exprs:
    print(ev(e))
try:
    ev(('/', 1, 2))
except ValueError as err:
    print('ValueError', err)
