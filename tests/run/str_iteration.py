# str: iteration, enumerate, reversed, sorted, list() of strings
s = 'hello'
for ch in s:
    print(ch, end=' ')
print()
print(list(s), tuple(s), sorted(s), ''.join(reversed(s)), list(enumerate(s, 1)))
print(dict.fromkeys(s), {c: s.count(c) for c in sorted(set(s))})
it = iter('ab')
print(next(it), next(it), next(it, 'done'))
print(list(map(str.upper, ['a', 'b'])), [c * 2 for c in 'xyz'], list(zip('abc', 'de')))
