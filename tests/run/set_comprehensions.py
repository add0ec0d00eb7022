# set: set comprehensions and deduplication
s = {x % 5 for x in range(20)}
print(sorted(s), len(s))
words = ['apple', 'Avocado', 'banana', 'blueberry', 'cherry']
print(sorted({w[0].lower() for w in words}))
print(sorted({len(w) for w in words}))
pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
print(sorted(pairs))
dups = [3, 1, 3, 2, 1, 5]
seen = set()
unique = [x for x in dups if not (x in seen or seen.add(x))]
print(unique)
print(sorted(set('mississippi')), len(set('mississippi')))
