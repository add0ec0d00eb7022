# errors: too many / not enough values to unpack and star unpacking errors
cases = ['a, b = [1, 2, 3]', 'a, b = [1]', 'a, b, c = "xy"', 'a, = ()', '[a] = [1, 2]', 'a, *b, c = [1]', 'a, b = 1',
         'a, b = None', '(a, b), c = [1, 2], 3', 'a, b = {"k": 1}', 'a, *b = []', 'a, b = iter([1, 2, 3])']
for src in cases:
    try:
        exec(src, {})
        print(src, '-> ok')
    except (ValueError, TypeError) as e:
        print(src, '->', type(e).__name__, e)
