# set: string sets always compared or printed sorted
a = set('the quick brown fox'.split())
b = set('the lazy brown dog'.split())
print(sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a == set(['fox', 'brown', 'quick', 'the']), 'fox' in a, len(a | b))
words = 'to be or not to be that is the question'.split()
print(sorted(set(words)), len(words) - len(set(words)))
print(sorted(set(map(len, words))))
