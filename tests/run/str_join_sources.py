# str.join over lists, tuples, subclasses that override __iter__, generators and iterators,
# with CPython's error for a non-str item (raised after the whole iterable was consumed).


class Rev(list):
    def __iter__(self):
        return reversed(list(super().__iter__()))


class TupleSub(tuple):
    def __iter__(self):
        yield "sub"


print("-".join(["a", "b", "c"]), "-".join(("x", "y")), "".join([]), ",".join(("solo",)))
print("+".join(Rev(["1", "2", "3"])), "+".join(TupleSub(("p", "q"))))
print(" ".join(w.upper() for w in "one two three".split()))
print("é".join(["ü", "ß", "日本"]), len("é".join(["ü", "ß"])))
print("".join(map(str, range(12))), "|".join(iter(["k", "l"])))

seen = []


def gen():
    for item in ["a", 1, "b"]:
        seen.append(item)
        yield item


for source in (["a", 1], ("a", None), gen()):
    try:
        "-".join(source)
    except TypeError as e:
        print("TypeError:", e)
print(seen)
try:
    "-".join(5)
except TypeError as e:
    print("TypeError:", e)
try:
    "-".join()
except TypeError as e:
    print("TypeError:", e)
