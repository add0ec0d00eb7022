# list.sort / sorted: stability, reverse, keys, mixed numbers, errors, mutation during sort.
seed = [5]
def rnd(n):
    seed[0] = (seed[0] * 1103515245 + 12345) % 2147483648
    return seed[0] % n
def check(items):
    return sum((i + 1) * t[2] for i, t in enumerate(items)) % 1000003


for n in [0,1,2,5,16,17,31,32,33,100,1000]:
    for trial in range(3):
        data = [(rnd(10), "abc"[rnd(3)], i) for i in range(n)]
        assert sorted(data) == sorted(data, key=lambda t: t)
        a = sorted(data, key=lambda t: t[0])
        b = sorted(data, key=lambda t: (t[1], -t[2]), reverse=True)
        c = sorted(data, key=lambda t: t[0], reverse=True)
        print(n, check(a), check(b), check(c))
print(sorted([3, 1.5, 2, True, -1.0]))
print(sorted(["b", "a", "é", "z", "aa"]))
class K:
    def __init__(s, v): s.v = v
    def __lt__(s, o): return s.v < o.v
    def __repr__(s): return "K%d" % s.v
print(sorted([K(3), K(1), K(2), K(1)]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
l = [3, 2, 1]
def bad(x):
    l.append(x)
    return x
try:
    l.sort(key=bad)
except ValueError as e:
    print(e, l)
x = [5, 4, 3]
try:
    x.sort(key=lambda v: 1 / (v - 4))
except ZeroDivisionError as e:
    print(e, x)
print(sorted(range(50, 0, -1))[:5], sorted([(1, 2), (1,), (0, 5, 6)]))
