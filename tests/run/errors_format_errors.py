# errors: ValueError/TypeError from format specs
tests = [lambda: format(1, 'z'), lambda: format('s', 'd'), lambda: format(1.5, 'd'), lambda: format(1, '.2s'), lambda: format('x', '+'),
         lambda: format(1, ',_'), lambda: format(1, '=s'), lambda: format([], 'x'), lambda: '{:abc}'.format(1), lambda: f'{1:{"q"}}',
         lambda: format(1j, '=10'), lambda: format(1, 'c' if False else '#c'), lambda: format(-1, 'c'), lambda: format('a', '010')]
for t in tests:
    try:
        print(repr(t()))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
