# match: capture patterns, wildcard and irrefutable patterns
def m(v):
    match v:
        case 0:
            return 'zero'
        case x:
            return f'captured {x!r}'
for v in [0, 5, 'a', None]:
    print(m(v))
def w(v):
    match v:
        case _:
            return 'wildcard always'
print(w(object) == 'wildcard always', w(None))
match 42:
    case n:
        pass
print('n after match:', n)
