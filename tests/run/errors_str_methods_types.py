# errors: TypeErrors from str methods given wrong argument types
tests = [lambda: 'a'.join([1]), lambda: 'a'.replace(1, 'b'), lambda: 'a'.startswith(1), lambda: 'a'.split(1), lambda: 'a'.strip(1),
         lambda: 'a'.count(1), lambda: 'a'.find(None), lambda: 'a'.center(), lambda: 'a'.zfill('3'), lambda: 'a'.encode(1),
         lambda: 'a' * 'b', lambda: 'a' + None, lambda: 'a'.ljust(3, 'xy'), lambda: 'a'.format(**{1: 2}), lambda: 'a' % 1,
         lambda: 'a'.endswith(['a'])]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
