# _random.Random (MT19937 seeded as CPython seeds it) and random.py on top of it.
import _random
import random


def attempt(label, f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '=', repr(r))


R = _random.Random
print(R, R.__module__, sorted(n for n in dir(R) if not n.startswith('__')))

# the module-level functions
random.seed(42)
print(random.random())
random.seed(1)
print([random.randint(1, 100) for _ in range(5)])
items = list(range(20))
random.shuffle(items)
print(items)
print(random.choice('abcdefg'), random.sample(range(100), 5), random.uniform(1, 5), random.gauss(0, 1))
print(random.getrandbits(100), random.randrange(10**30), random.choices('abc', k=5))
print(random.randrange(0, 100, 7), random.choices(range(10), weights=range(10), k=4),
      random.choices('xyz', cum_weights=[1, 5, 6], k=6))
print(random.sample(['a', 'b', 'c', 'd'], counts=[1, 2, 3, 4], k=6), random.randbytes(12))
print(random.triangular(), random.betavariate(2, 3), random.expovariate(1.5),
      random.normalvariate(0, 2), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2),
      random.gammavariate(2, 1), random.gammavariate(0.5, 1), random.paretovariate(2),
      random.weibullvariate(1, 2))

# every seed type random.py passes on
for seed in ('hello', b'hello', bytearray(b'hello'), 3.5, -3.5, -7, 0, 2**200 + 12345, True,
             10**40, -(2**64)):
    random.seed(seed)
    print(repr(seed)[:30], random.random(), random.getrandbits(40))
random.seed('hello', version=1)
print(random.random())
random.seed(b'hello', version=1)
print(random.random())
attempt('seed list', random.seed, [1])
attempt('seed version 3', random.seed, 'x', version=3)

# independent generators, state round trips
r = random.Random(99)
state = r.getstate()
first = [r.random() for _ in range(3)]
r.setstate(state)
print(first == [r.random() for _ in range(3)], state[0], len(state[1]), state[2])
r.gauss(0, 1)
print(r.getstate()[2] is not None)
attempt('setstate version 9', r.setstate, (9, state[1], None))
r.setstate((2, tuple(x - 2**32 if x >= 2**31 else x for x in state[1][:-1]) + (state[1][-1],), None))
print(r.random() == first[0])


class MyRandom(random.Random):
    def random(self):
        return 0.5


m = MyRandom(3)
print(m.random(), m.choice([1, 2, 3]), m.randrange(10))


class Counting(random.Random):
    def __init__(self, seed):
        self.calls = 0
        super().__init__(seed)

    def getrandbits(self, k):
        self.calls += 1
        return super().getrandbits(k)


c = Counting(5)
print(c.randrange(1000), c.calls, c.random())

# the C type itself
r = R(5)
print(r.random(), r.getrandbits(0), r.getrandbits(5), r.getrandbits(32), r.getrandbits(33),
      r.getrandbits(100), r.getrandbits(1000) % 1000003)
attempt('getrandbits -1', r.getrandbits, -1)
attempt('getrandbits big', r.getrandbits, 2**70)
attempt('getrandbits float', r.getrandbits, 2.0)
attempt('getrandbits none', r.getrandbits)
attempt('seed none', r.seed, None)
attempt('seed 2 args', r.seed, 1, 2)
attempt('seed list', r.seed, [])
for seed in (1.5, -5, 5, 2**100, 0, True, -1.5, 2**64 - 1, 2**64, -(2**64), (1, 2)):
    r.seed(seed)
    print('seed', seed, r.random())


class I(int):
    def __abs__(self):
        return 99


r.seed(I(5))
print('int subclass', r.random())
attempt('R 2 args', R, 1, 2)
attempt('R kw', R, x=1)
print(type(R(None)).__name__, type(R()).__name__)
attempt('R list', R, [])
attempt('setstate int', r.setstate, 1)
attempt('setstate short', r.setstate, (1,))
attempt('setstate index 625', r.setstate, tuple([0] * 624 + [625]))
attempt('setstate index 624', r.setstate, tuple([0] * 624 + [624]))
attempt('setstate index -1', r.setstate, tuple([0] * 624 + [-1]))
attempt('setstate negative', r.setstate, tuple([-1] * 624 + [1]))
attempt('setstate 2**32', r.setstate, tuple([2**32 + 5] * 624 + [1]))
attempt('setstate 2**64', r.setstate, tuple([2**64] * 624 + [1]))
attempt('setstate str', r.setstate, tuple(['x'] * 624 + [1]))
attempt('setstate float', r.setstate, tuple([1.0] * 624 + [1]))
attempt('setstate str index', r.setstate, tuple([0] * 624 + ['x']))
attempt('setstate huge index', r.setstate, tuple([0] * 624 + [2**64]))
r.setstate(tuple([2**32 + 5] * 624 + [1]))
print(r.getstate()[:3], r.getstate()[-1], r.random())
s = r.getstate()
attempt('setstate list', r.setstate, list(s))
r.seed(3)
st = r.getstate()
a = r.random()
r.setstate(st)
print(a == r.random())


class Sub(R):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b


s2 = Sub(3, 4)
print(s2.random(), s2.b, isinstance(s2, R))


class Sub2(R):
    pass


attempt('Sub2 kw', Sub2, x=1)
attempt('Sub2 2 args', Sub2, 1, 2)
print(Sub2(7).random() == R(7).random())
print(R.__new__(R, 1, 2, x=3).random())
