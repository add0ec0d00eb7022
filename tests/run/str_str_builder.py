# str: building strings in loops and with join, numbers to text
parts = []
for i in range(10):
    parts.append(str(i * i))
print(','.join(parts))
s = ''
for c in 'abcdef':
    s = c + s
print(s)
words = 'the rain in spain falls mainly on the plain'.split()
print(' '.join(w[::-1] for w in words))
print(' '.join(w.capitalize() for w in words))
print(sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w)))
counts = {}
for ch in ''.join(words):
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
table = '\n'.join(f'{n:>3} {n ** 2:>5} {n ** 3:>7}' for n in range(1, 6))
print(table)
