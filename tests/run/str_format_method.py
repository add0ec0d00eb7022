# str: str.format with positional, keyword, index, attribute and nested fields
print('{} {} {}'.format(1, 'a', [2]))
print('{1} {0} {1}'.format('x', 'y'))
print('{name} is {age}'.format(name='Bob', age=7))
print('{0[1]} {0[key]} {1.real} {1.imag}'.format({1: 'one', 'key': 'K'}, 3 + 4j))
print('{0[0][1]}'.format([[1, 2]]), '{a[b]}'.format(a={'b': 'B'}))
print('{:>{width}}|{:^{w2}.{p}f}'.format('hi', 3.14159, width=6, w2=10, p=2))
print('{{literal}} {}'.format('x'), '{!r} {!s} {!a}'.format('é', 'é', 'é'))
print('{0!r:>10}'.format('ab'), '{:*^9}'.format('mid'))
class P:
    x = 5
    def __format__(self, spec):
        return f'P<{spec}>'
print('{0.x} {0:abc} {0:}'.format(P()))
print(format_map_result := '{a}-{b}'.format_map({'a': 1, 'b': 2}))
class D(dict):
    def __missing__(self, k):
        return '?' + k
print('{x} {y}'.format_map(D(x='X')))
for f, a, k in [('{}{}', (1,), {}), ('{0}{}', (1, 2), {}), ('{x}', (), {}), ('{', (), {}), ('{0:d}', ('s',), {}), ('}', (), {})]:
    try:
        print(f.format(*a, **k))
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, e)
