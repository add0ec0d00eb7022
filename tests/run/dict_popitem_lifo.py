# dict: popitem LIFO order and reinsertion
d = {i: chr(97 + i) for i in range(5)}
out = []
while d:
    out.append(d.popitem())
print(out)
d = {'a': 1, 'b': 2, 'c': 3}
d['a'] = d.pop('a')
print(list(d))
d.pop('b'); d['b'] = 2
print(list(d), d.popitem())
