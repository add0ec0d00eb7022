# list: sort with key, reverse, stability
people = [('bob', 25), ('alice', 30), ('carol', 25), ('dave', 30), ('eve', 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
s = sorted(people)
s.sort(key=lambda p: p[1])
print(s)
words = ['bb', 'a', 'ccc', 'B', 'AA', 'c']
words.sort(key=len)
print(words)
words.sort(key=str.lower, reverse=True)
print(words)
nums = [3, -1, 2, -5, 4, 0]
print(sorted(nums, key=abs), sorted(nums, key=lambda x: x * x, reverse=True), sorted(nums, reverse=True))
print(sorted([]), sorted([1]), sorted('hello'), sorted((3, 2, 1)), sorted({3: 'a', 1: 'b'}))
recs = [(1, 'x'), (0, 'y'), (1, 'a'), (0, 'b')]
print(sorted(recs, key=lambda r: r[0]), sorted(recs, key=lambda r: r[0], reverse=True))
try:
    [1, 'a', 2].sort()
except TypeError as e:
    print('TypeError', e)
try:
    sorted([1, 2], key=1)
except TypeError as e:
    print('TypeError', e)
try:
    [].sort(lambda x: x)
except TypeError as e:
    print('TypeError', e)
