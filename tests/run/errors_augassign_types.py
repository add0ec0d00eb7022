# errors: augmented assignment type errors and messages
cases = [('x = 1', 'x += "a"'), ('x = "a"', 'x -= 1'), ('x = [1]', 'x += 1'), ('x = (1,)', 'x += [2]'), ('x = None', 'x += 1'),
         ('x = {1}', 'x += {2}'), ('x = {}', 'x |= 1'), ('x = 1.0', 'x //= "a"'), ('x = b""', 'x += ""'), ('x = 5', 'x @= 2')]
for setup, stmt in cases:
    ns = {}
    exec(setup, ns)
    try:
        exec(stmt, ns)
        print(stmt, 'ok', ns['x'])
    except TypeError as e:
        print(stmt, '->', type(e).__name__, e)
