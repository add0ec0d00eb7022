# set: iteration with sorted, set algebra on larger ranges
evens = set(range(0, 100, 2))
threes = set(range(0, 100, 3))
print(len(evens & threes), sum(evens | threes), len(evens ^ threes), min(evens - threes), max(threes - evens))
primes = set(range(2, 60))
for i in range(2, 8):
    primes -= set(range(i * i, 60, i))
print(sorted(primes))
s = {10}
try:
    for x in s:
        s.add(x + 1)
except RuntimeError as e:
    print('RuntimeError', e)
print(sorted(s)[:4])
print(sum({1, 2, 3}), max({4, 9, 2}), sorted({3, 1, 2}, reverse=True), any({0, 0}), all(set()))
