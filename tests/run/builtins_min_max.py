# builtins: min and max with key, default, multiple args and ties
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max('hello'), min('b', 'a', 'c'))
print(min([], default=None), max([], default='empty'), max([1], default=0))
words = ['aa', 'b', 'cc', 'd']
print(min(words, key=len), max(words, key=len), max(words), min(words, key=lambda w: (-len(w), w)))
print(max([(1, 'a'), (1, 'b')]), max([1, 1.0]), max([1.0, 1]), min([0, False]), min([False, 0]))
print(max({'a': 3, 'b': 1}, key={'a': 3, 'b': 1}.get), max(range(10), key=lambda x: x % 4))
for bad in [lambda: min([]), lambda: max(), lambda: min(1, 2, default=0), lambda: max([1, 'a'])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
