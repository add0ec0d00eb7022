# tuple: tuples as records, sorting by fields and grouping
rows = [('nyc', 2020, 8.3), ('la', 2020, 3.9), ('nyc', 2010, 8.1), ('la', 2010, 3.7), ('sf', 2020, 0.87)]
by_city = {}
for city, year, pop in rows:
    by_city.setdefault(city, []).append((year, pop))
for city in sorted(by_city):
    vals = sorted(by_city[city])
    growth = vals[-1][1] - vals[0][1]
    print(city, vals, round(growth, 2))
print(max(rows, key=lambda r: r[2]), min(rows, key=lambda r: (r[1], -r[2])))
print(sorted(rows, key=lambda r: (r[0], -r[1])))
