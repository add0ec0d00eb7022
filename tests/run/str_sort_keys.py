# str: sorting strings by different keys
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'date', 'Cherry', 'fig']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=str.casefold, reverse=True))
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(sorted(set(w.lower() for w in words)))
