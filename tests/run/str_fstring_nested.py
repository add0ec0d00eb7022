# str: nested f-strings, dynamic widths and conversion combos
items = [('apple', 1.5, 3), ('kiwi', 0.25, 12), ('watermelon', 3.0, 1)]
w = max(len(n) for n, _, _ in items)
for name, price, qty in items:
    print(f'{name:<{w}} | {price:>6.2f} | {qty:>3d} | {price * qty:{"+" if qty > 2 else "-"}8.2f}')
total = sum(p * q for _, p, q in items)
print(f'{"TOTAL":>{w}} = {total:.{2}f}')
print(f"{f'{1 + 1}'}", f"""{f'{f"{3}"}'}""")
fill, align = '*', '^'
print(f'{"mid":{fill}{align}{w}}')
print(f'{3.14159:{"."}{3}}', f'{12:{"#"}{"x"}}', f'{"x"!r:{"<"}5}|')
d = {'a': [1, {'b': 'deep'}]}
print(f"{d['a'][1]['b'].upper()!r}")
print(f'{(lambda x: x * 2)(21)}', f'{",".join(str(i) for i in range(4))}', f'{ {1: 2}[1] }')
