# errors: string lookup errors - index, find vs index, split limits
s = 'hello'
tests = [lambda: s[10], lambda: s.index('z'), lambda: s.rindex('z'), lambda: s[-6], lambda: ''.index(''), lambda: s.index('l', 4),
         lambda: s.split('', 1), lambda: s.rsplit(''), lambda: 'a'.rpartition(''), lambda: s.removeprefix(1)]
for t in tests:
    try:
        print(repr(t()))
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
