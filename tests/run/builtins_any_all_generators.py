# builtins: any/all consuming iterators partially
it = iter([0, 0, 1, 2, 3])
print(any(it), list(it))
it = iter([1, 1, 0, 1])
print(all(it), list(it))
print(any(x for x in []), all(x for x in []), any([[]]), all([[]]))
