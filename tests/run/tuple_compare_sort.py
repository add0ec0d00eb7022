# tuple: lexicographic comparison and sorting tuples
data = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a'), (0, 'q', 1), (0, 'q')]
print(sorted(data))
print(max(data), min(data))
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 3), () < (0,), (0,) > (), ('a', 1) < ('b', 0))
print((1, float('nan')) == (1, float('nan')), (float('inf'),) > (1e308,))
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print('TypeError', e)
print(sorted([(1, 'b'), (1, 'a')], key=lambda t: t[0]))
