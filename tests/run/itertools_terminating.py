# itertools: accumulate, chain, compress, dropwhile, filterfalse, groupby, islice, pairwise,
# starmap, takewhile, tee and zip_longest: results, laziness and corner cases
import itertools as it
import operator

print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], operator.mul)))
print(list(it.accumulate("abc")), list(it.accumulate([], initial=7)), list(it.accumulate([1, 2], initial=100)))
print(list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], func=None, initial=None)))
print(list(it.accumulate(iterable=[5, 5], func=lambda a, b: a - b)))

print(list(it.chain("ab", [1, 2], (), range(2))), list(it.chain()), list(it.chain.from_iterable(["xy", [3]])))
ch = it.chain([1], 5, [2])
print(next(ch))
try:
    next(ch)
except TypeError as e:
    print("TypeError", e)
print(list(ch))
print(list(it.chain.from_iterable(iter([range(2), range(3)]))))
def gen_lists():
    print("  making first")
    yield [1]
    print("  making second")
    yield [2]
c = it.chain.from_iterable(gen_lists())
print("created")
print(next(c))
print(next(c))
print(it.chain[int], type(it.chain[int]).__name__)

print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.compress("abc", [True])), list(it.compress(range(10), it.cycle([0, 1]))))
print(list(it.compress(data=[1, 2, 3], selectors=[0, 1, 1])))

print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.dropwhile(bool, [])))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.takewhile(bool, [0, 1])))
tw = it.takewhile(lambda x: x < 2, iter([0, 1, 2, 3]))
print(list(tw), list(tw))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, "", "a", None, []])))
print(list(it.filterfalse(bool, [0, 1, 2, 0])))

print([(k, list(g)) for k, g in it.groupby("AAAABBBCCDAABBB")])
print([k for k, g in it.groupby("AAAABBBCCD")])
print([(k, len(list(g))) for k, g in it.groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
gb = it.groupby("aabbbc")
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2), [k for k, _ in gb])
gb = it.groupby([1, 1, 2])
k, g = next(gb)
print(k, next(g))
k2, g2 = next(gb)
print(k2, list(g), list(g2))
print(list(it.groupby([])), [(k, list(g)) for k, g in it.groupby([None, None, 0])])
print(type(next(it.groupby("a"))[1]).__name__)

print(list(it.islice("ABCDEFG", 2)), list(it.islice("ABCDEFG", 2, 4)), list(it.islice("ABCDEFG", 2, None)))
print(list(it.islice("ABCDEFG", 0, None, 2)), list(it.islice(range(10), 1, 9, 3)), list(it.islice([], 5)))
print(list(it.islice(range(5), None)), list(it.islice(range(5), None, None, None)), list(it.islice(range(5), 10, 20)))
src = iter(range(10))
print(list(it.islice(src, 2, 4)), next(src))
src = iter(range(10))
print(list(it.islice(src, 0)), next(src))
print(list(it.islice(it.count(), 3, 12, 4)))
class Idx:
    def __index__(self):
        return 3
print(list(it.islice("abcdef", Idx())), list(it.islice("abcdef", True, Idx())))

print(list(it.pairwise("ABCDE")), list(it.pairwise("A")), list(it.pairwise([])))
print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(it.starmap(lambda *a: a, ["ab", [1], ()])))

a, b = it.tee([1, 2, 3])
print(next(a), next(a), next(b), list(a), list(b))
a, b, c = it.tee(iter(range(200)), 3)
print(sum(a), sum(b), len(list(c)))
a, b = it.tee(range(5))
c = a.__copy__()
print(next(a), list(c), list(a), list(b))
print(it.tee([1], 0), len(it.tee([1], 1)), type(it.tee([1])[0]).__name__)
a, b = it.tee(it.count())
a2, b2 = it.tee(a)
print(a2 is a, next(a), next(a2), next(b2), next(b))
log = []
def noisy():
    for i in range(3):
        log.append(i)
        yield i
a, b = it.tee(noisy())
print(log, next(a), log, next(b), log, list(a), log)

print(list(it.zip_longest("ABCD", "xy", fillvalue="-")), list(it.zip_longest()), list(it.zip_longest([1], [])))
print(list(it.zip_longest(range(3), "ab", [True])))
z = it.zip_longest([1, 2], [3])
print(next(z), next(z), list(z), list(z))
