# list: builtins applied to lists
a = [5, 3, 8, 1, 9, 2]
print(len(a), min(a), max(a), sum(a), sorted(a), list(reversed(a)), any(x > 8 for x in a), all(a))
print(list(map(lambda x: x * 2, a)), list(filter(lambda x: x % 2, a)), list(zip(a, a[1:])))
print(a.index(max(a)), sum(a) / len(a), sorted(a)[len(a) // 2])
print(list(enumerate(a))[:2], dict(zip('abc', a)), [i for i, v in enumerate(a) if v > 4])
print(max(a, key=lambda v: -v), min([], default='empty'), max([[1, 2], [3]], key=len))
