# builtins: iter with sentinel, next with default
data = [3, 1, 4, 1, 5, 9, 2, 6]
it = iter(data)
def read():
    return next(it)
print(list(iter(read, 9)))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
e = iter([])
print(next(e, 'default'), next(e, None))
try:
    next(e)
except StopIteration as s:
    print('StopIteration', s.args)
it2 = iter('ab')
print(next(it2), next(it2), next(it2, '!'))
print(iter(it2) is it2, type(iter([])).__name__, type(iter(())).__name__, type(iter('')).__name__, type(iter({})).__name__, type(iter(range(1))).__name__)
class Countdown:
    def __init__(self):
        self.n = 3
    def __call__(self):
        self.n -= 1
        return self.n
print(list(iter(Countdown(), 0)))
