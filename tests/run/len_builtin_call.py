# len() of built-in containers (answered inside CALL) and of subclasses that define __len__,
# called repeatedly so the eval loop's fast path handles the calls.


class S(str):
    def __len__(self):
        return 42


class L(list):
    def __len__(self):
        return 7


class D(dict):
    pass


class T(tuple):
    def __len__(self):
        return -1


values = ["", "héllo", [1, 2], (1,), {1: 2, 3: 4}, S("ab"), L([1]), D(a=1), b"xyz", {1, 2}, range(5)]
for _ in range(3):
    print([len(v) for v in values])

try:
    len(T((1, 2)))
except ValueError as e:
    print("ValueError:", e)
for bad in (5, None, len):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)
try:
    len([], [])
except TypeError as e:
    print("TypeError:", e)
try:
    len(obj=[])
except TypeError as e:
    print("TypeError:", e)
total = 0
for i in range(1000):
    total += len("x" * (i % 7)) + len([i] * (i % 3))
print(total)
