# Range iterators at the edges of machine integers, and substring search in short and long
# strings (the byte-scan and two-way paths), replace with one-byte and longer arguments.
import sys

big = sys.maxsize
for r in [range(5), range(10, -3, -3), range(0), range(5, 5), range(-5, 5, 4),
          range(big - 2, big + 2), range(-big - 3, -big + 1), range(0, 2**70, 2**68),
          range(-big - 1, big), range(big, -big - 1, -big)]:
    small = abs(r.stop - r.start) // abs(r.step) < 20
    it = iter(r)
    print(r, it.__length_hint__(), list(r) if small else (r[0], r[-1]))
    rev = reversed(r)
    print(rev.__length_hint__(), list(rev) if small else next(rev))
it = iter(range(3))
next(it)
print(it.__length_hint__(), list(it), it.__length_hint__())

short = "alpha beta gamma delta eta theta"
long = ("ab" * 100 + "abc" + "é" * 40) * 3
for s in [short, long, "", "a", "é€ é€"]:
    for sub in ["", "a", "eta", "abc", "é", "€ é", "zz", "aba"]:
        print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), sub in s,
              s.find(sub, 3), s.find(sub, 2, 40), s.split(sub)[:4] if sub else None,
              s.partition(sub)[0][-5:] if sub else None)
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".replace("a", "o", 0))
print("banana".replace("an", "AN"), "banana".replace("an", "", 1), "banana".replace("", "-"))
print("é a é".replace("a", "b"), "aaa".replace("a", "aa"), "x".replace("xy", "z"))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), ",".split(","), "a::b::".split("::"))
print(long.replace("abc", "X").count("X"), long.split("abc")[1][:5])
print(sum(range(10)), sum([1.5, 2, 3]), sum([big, big]), sum([1, 2.5, 3j]), sum([], 7))
