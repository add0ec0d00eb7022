# dict: word frequency counting and sorting by count then word
text = '''the cat and the hat sat on the mat and the cat ate the rat
a rat and a cat and a hat'''
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
for w, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f'{w:<4}{n:>3} ' + '#' * n)
inv = {}
for w, n in freq.items():
    inv.setdefault(n, []).append(w)
print({n: sorted(ws) for n, ws in sorted(inv.items())})
