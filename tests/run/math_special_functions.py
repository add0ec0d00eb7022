# math: erf/erfc, gamma/lgamma, inverse hyperbolics, cbrt, exp2, nextafter, ulp, remainder,
# dist and hypot (bit-exact, as float.hex), logs of huge ints, fsum's special values, frexp
# and ldexp, and the functions' domain/range/argument errors.
import math
import random
import zlib

rng = random.Random(2024)
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, 5e-324, 1e308, math.inf, -math.inf, math.nan,
        3.0, -2.5, 171.5, -171.5, 140.5, 200.5, -200.5, 1e-20, 1e-21, 6.0, 5.5, 23.0, 24.0,
        30.0, 1.5, 2.0 ** 53, -7.25, 0.1, 1e-8, 27.0, -27.0, 1024.0, -1075.0]
for _ in range(400):
    k = rng.random()
    if k < 0.3:
        vals.append(rng.uniform(-10, 10))
    elif k < 0.5:
        vals.append(rng.uniform(-200, 200))
    elif k < 0.7:
        vals.append(rng.uniform(0, 1))
    elif k < 0.8:
        vals.append(rng.choice([-1, 1]) * 10 ** rng.uniform(-310, 308))
    else:
        vals.append(round(rng.uniform(-50, 50), rng.randint(0, 3)))


def show(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        return f'{type(e).__name__}: {e}'
    if isinstance(r, float):
        return r.hex()
    if isinstance(r, tuple):
        return repr(tuple(x.hex() if isinstance(x, float) else x for x in r))
    return repr(r)


def digest(lines):
    return zlib.crc32('\n'.join(lines).encode())


# A few values in full, then a checksum over all of them.
for name in ['erf', 'erfc', 'gamma', 'lgamma', 'acosh', 'asinh', 'atanh', 'cbrt', 'exp2',
             'ulp', 'expm1', 'log1p', 'frexp']:
    f = getattr(math, name)
    lines = [show(f, v) for v in vals]
    print(name, lines[:12], digest(lines))

pairs = [(rng.choice(vals), rng.choice(vals)) for _ in range(400)]
pairs += [(5.0, 2.0), (7.0, 2.0), (-5.0, 2.0), (6.0, 4.0), (1e308, 1e-308), (3, 0.0), (1, 3)]
for name in ['remainder', 'nextafter', 'hypot', 'atan2', 'pow', 'fmod', 'copysign']:
    lines = [show(getattr(math, name), a, b) for a, b in pairs]
    print(name, lines[-7:], digest(lines))
lines = [show(math.dist, (a, b, a), (b, 1.0, 3.5)) for a, b in pairs]
print('dist', lines[:5], digest(lines))
lines = [show(math.ldexp, a, int(b) if math.isfinite(b) and abs(b) < 1e20 else 7)
         for a, b in pairs]
print('ldexp', lines[:5], digest(lines))

lines = []
for i in range(200):
    xs = [rng.choice(vals) for _ in range(rng.randint(1, 10))]
    lines.append(show(math.hypot, *xs))
    lines.append(show(math.fsum, xs))
print('hypot/fsum', digest(lines))

lines = []
for i in range(100):
    n = rng.randint(1, 2 ** rng.randint(1, 3000))
    lines += [show(math.log, n), show(math.log2, n), show(math.log10, n), show(math.log, n, 7)]
print('big logs', lines[-4:], digest(lines))

print(math.gamma(5), math.gamma(0.5) ** 2, math.lgamma(10), math.erf(1), math.erfc(1))
print(math.cbrt(27), math.cbrt(-8), math.exp2(10), math.exp2(0.5))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.ulp(1.0), math.ulp(0.0))
print(math.remainder(5, 2), math.remainder(7, 2), math.remainder(-1.5, 1))
print(math.dist([0, 0], [3, 4]), math.dist((1, 2, 3), iter([4, 6, 8])), math.hypot(),
      math.hypot(-3), math.hypot(3, 4, 12))
print(math.acosh(1), math.asinh(-0.0), math.atanh(0.5))
print(math.log(10 ** 400), math.log2(2 ** 2000), math.log10(10 ** 400), math.log(8, 2))
print(math.fsum([math.nan]), math.fsum([math.inf, 1.0]), math.fsum([0.1] * 10))
print(math.frexp(5e-324), math.frexp(-0.0), math.ldexp(1.5, True), math.ldexp(1.0, -2 ** 70))
print(math.degrees(1e308), math.radians(180), math.lcm(0, 4, 6), math.lcm(4, 6))

errors = [
    ('gamma', (0.0,)), ('gamma', (-0.0,)), ('gamma', (-1.0,)), ('gamma', (171.7,)),
    ('gamma', (172,)), ('gamma', (5e-324,)), ('gamma', (-math.inf,)), ('gamma', ('x',)),
    ('lgamma', (0,)), ('lgamma', (-2,)), ('lgamma', (1e308,)), ('lgamma', (-math.inf,)),
    ('acosh', (0.5,)), ('atanh', (1,)), ('atanh', (-1.0,)), ('exp2', (1024,)),
    ('remainder', (5, 0)), ('remainder', (math.inf, 1)), ('remainder', (math.nan, 0)),
    ('fmod', (1, 0)), ('fmod', (math.inf, 1)), ('pow', (0.0, -1)), ('pow', (-8, 1 / 3)),
    ('pow', (10.0, 400)), ('log', (0,)), ('log', (False,)), ('log', (-1.5,)),
    ('log', (8, 1)), ('log2', (0.0,)), ('log10', (-(10 ** 400),)), ('sqrt', (-1,)),
    ('sqrt', (10 ** 400,)), ('exp', (1000,)), ('ldexp', (1.0, 2 ** 70)),
    ('ldexp', (1.0, 2.0)), ('fsum', ([1e308, 1e308],)), ('fsum', ([math.inf, -math.inf],)),
    ('dist', ([1], [1, 2])), ('dist', (1, 2)), ('dist', ([1, 'a'], [1, 2])),
    ('sin', ()), ('sin', (1, 2)), ('erf', ()), ('ulp', (1, 2)), ('remainder', (1,)),
    ('nextafter', (1,)), ('dist', (1,)), ('atan2', (1,)), ('log', ()), ('log', (1, 2, 3)),
    ('ldexp', (1.0,)), ('factorial', (1, 2)), ('perm', ()), ('comb', (1,)),
    ('gcd', (1.5,)), ('cbrt', ('x',)),
]
for name, args in errors:
    print(name, args if len(repr(args)) < 40 else '...', show(getattr(math, name), *args))
for name in ['sin', 'erf', 'atan2', 'log', 'remainder', 'nextafter', 'dist', 'hypot', 'gcd',
             'fsum', 'perm', 'ldexp', 'pow', 'ulp']:
    try:
        getattr(math, name)(zz=1)
    except TypeError as e:
        print(name, e)
print(sorted(n for n in dir(math) if not n.startswith('_')))
