# str: word manipulation - acronyms, palindromes, anagrams
def is_pal(s):
    t = ''.join(c.lower() for c in s if c.isalnum())
    return t == t[::-1]
for s in ['A man, a plan, a canal: Panama', 'hello', 'Was it a car or a cat I saw?', '']:
    print(repr(s), is_pal(s))
print(''.join(w[0].upper() for w in 'portable network graphics'.split()))
words = ['listen', 'silent', 'enlist', 'google', 'gooegl', 'cat', 'act', 'tac', 'dog']
groups = {}
for w in words:
    groups.setdefault(''.join(sorted(w)), []).append(w)
for k in sorted(groups):
    print(k, groups[k])
