# builtins: zip including strict=True and uneven lengths
print(list(zip()), list(zip('ab')), list(zip('abc', [1, 2])), list(zip('ab', 'cd', 'ef')))
print(list(zip(*[(1, 'a'), (2, 'b')])), dict(zip('xyz', range(3))))
print(list(zip('ab', 'cd', strict=True)))
for args in [('abc', 'de'), ('ab', 'cde'), ('a', 'b', 'cd')]:
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print('ValueError', e)
z = zip([1, 2], [3, 4])
print(next(z), list(z), list(z))
calls = []
def gen(name, n):
    for i in range(n):
        calls.append((name, i))
        yield i
print(list(zip(gen('a', 3), gen('b', 1))), calls)
