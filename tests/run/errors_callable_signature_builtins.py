# errors: builtin functions given unexpected keyword arguments
tests = [lambda: len(obj=[]), lambda: abs(x=1), lambda: sum([1], 0, 1), lambda: sorted(), lambda: min([], key=1),
         lambda: enumerate(), lambda: zip(strict='x', *[]), lambda: map(), lambda: map(len), lambda: filter(None),
         lambda: round(), lambda: pow(1), lambda: hash(), lambda: repr(), lambda: format()]
for t in tests:
    try:
        r = t()
        print('ok', type(r).__name__)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
