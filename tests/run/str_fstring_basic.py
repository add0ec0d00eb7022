# str: f-strings with expressions, conversions and format specs
name, n, pi = 'Ada', 42, 3.14159
print(f'{name} {n} {pi}')
print(f'{name!r} {name!s} {"é"!a} {n!r:>5}')
print(f'{n:08b} {n:#x} {pi:.2f} {pi:10.3e} {n:,} {2**20:_}')
print(f'{n + 1} {n * 2 if n > 40 else 0} {[i for i in range(3)]} {dict(a=1)}')
print(f'{"nested " + f"{n}"}', f'{{braces}}', f'{{{n}}}')
w, p = 10, 3
print(f'{pi:{w}.{p}f}|{name:>{w}}|{name:{"^"}{w}}|')
print(f'{n=}', f'{pi = :.1f}', f'{name=!r}', f'{n * 2 = }')
print(f'{3.0:.0%}', f'{-5:+d}', f'{5:+d}', f'{0.000123:.2g}')
x = [1, 2, 3]
print(f'{x[0]}{x[-1]}', f"{'a' 'b'}", f'{len(x)!r}', f'{x!s:<12}|')
print(f'''multi
{n}
line''')
print(F'upper {n}', rf'\n{n}', fr'{n}\t')
obj = {'k': 'v'}
print(f"{obj['k']}", f'{obj["k"]:>3}')
