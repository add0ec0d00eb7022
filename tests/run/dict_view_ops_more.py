# dict: keys views behave like sets, values views don't
a = {'x': 1, 'y': 2}
b = {'y': 3, 'z': 4}
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b), sorted(a.items() | b.items()))
print(a.values() == a.values(), list(a.values()) == [1, 2], len(a.values()))
try:
    a.values() | b.values()
except TypeError as e:
    print('TypeError', e)
print(sorted(a.keys() ^ ['x', 'q']), 'x' in a.keys(), ('x', 1) in a.items(), ['x'] == list(a.keys())[:1])
try:
    ([], 1) in a.items()
except TypeError as e:
    print('TypeError', e)
