# str: text table rendering with ljust/rjust and str.format
rows = [('name', 'qty', 'price'), ('widget', 3, 4.5), ('gadget', 10, 12.25), ('thingamajig', 1, 100.0)]
widths = [max(len(str(r[i])) for r in rows) for i in range(3)]
for r in rows:
    print(' | '.join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
print('-' * (sum(widths) + 6))
for r in rows[1:]:
    print('{:<12}{:>5}{:>10.2f}'.format(*r))
