# match: guards evaluated after binding, falling through to later cases
calls = []
def check(x, limit):
    calls.append(x)
    return x > limit
def classify(v):
    match v:
        case int(n) if check(n, 100):
            return 'big int'
        case int(n) if n < 0:
            return 'negative int'
        case int(n):
            return 'small int'
        case [x, y] if x == y:
            return 'pair of equals'
        case [x, y]:
            return f'pair {x} {y}'
        case str(s) if s.isdigit():
            return 'numeric string'
        case _:
            return 'other'
for v in [500, -5, 5, [2, 2], [1, 2], '123', 'abc']:
    print(repr(v), classify(v))
print(calls)
def bound_even_if_guard_fails(v):
    match v:
        case [x] if x > 10:
            return 'big'
        case _:
            return f'x leaked as {x}'
print(bound_even_if_guard_fails([3]))
