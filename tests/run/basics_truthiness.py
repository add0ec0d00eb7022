# basics: truthiness of builtin values and short-circuit evaluation
vals = [0, 1, -1, 0.0, 0.1, 0j, 1j, '', ' ', b'', b'\x00', [], [0], (), ((),), {}, {0: 0}, set(), {0}, None, range(0), range(1), frozenset()]
print([bool(v) for v in vals])
calls = []
def t(n, r):
    calls.append(n)
    return r
print(t(1, 0) and t(2, 1), calls)
calls.clear()
print(t(1, 1) or t(2, 0), calls)
calls.clear()
print(t(1, 0) or t(2, '') or t(3, 'x') or t(4, 'y'), calls)
calls.clear()
print(t(1, 1) and t(2, 2) and t(3, 0) and t(4, 4), calls)
print(not not [], not not [[]])
print(1 if [] else 2, 'a' if 'b' else 'c')
