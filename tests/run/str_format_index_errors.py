# str: str.format with attribute/index lookups that fail
class O:
    a = 1
cases = [('{0.b}', (O(),), {}), ('{0[5]}', ([1],), {}), ('{0[x]}', ({},), {}), ('{x.a}', (), {'x': O()}),
         ('{0:{1}}', (5, '>3'), {}), ('{!x}', (1,), {}), ('{0!}', (1,), {}), ('{:{:{}}}', (1, 2, 3), {}), ('{0[}', (1,), {})]
for fmt, a, k in cases:
    try:
        print(repr(fmt.format(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
