# Generator pipelines: generators feeding generators, plus a generator expression.


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(src):
    for x in src:
        yield x * x


def only_odd(src):
    for x in src:
        if x & 1:
            yield x


def take_pairs(src):
    it = iter(src)
    for a in it:
        b = next(it, 0)
        yield a + b


def run(n):
    total = 0
    for v in take_pairs(only_odd(squares(numbers(n)))):
        total = (total + v) % 1000000007
    total += sum(x % 7 for x in numbers(n // 2))
    return total


print(run(2400000))
