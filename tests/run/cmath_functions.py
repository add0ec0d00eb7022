# cmath: every function on a grid of finite and special arguments (results, and the
# ValueError/OverflowError CPython raises), plus constants and argument errors.
import cmath
import math

inf, nan = math.inf, math.nan
parts = [-inf, -1e300, -2.5, -1.0, -0.5, -1e-310, -0.0, 0.0, 1e-310, 0.3, 1.0, 2.0, 710.0, 1e300, inf, nan]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log",
         "log10", "sin", "sinh", "sqrt", "tan", "tanh", "phase", "polar", "isfinite",
         "isinf", "isnan"]

def show(x):
    if isinstance(x, complex):
        return "(%r, %r)" % (x.real, x.imag)
    if isinstance(x, tuple):
        return "(" + ", ".join(show(v) for v in x) + ")"
    return repr(x)

for name in names:
    f = getattr(cmath, name)
    out = []
    for re in parts:
        for im in parts:
            try:
                out.append(show(f(complex(re, im))))
            except (ValueError, OverflowError) as e:
                out.append(type(e).__name__[0])
    print(name, " ".join(out))

for r in parts:
    row = []
    for phi in parts:
        try:
            row.append(show(cmath.rect(r, phi)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__[0])
    print("rect", " ".join(row))

for args in [(8, 2), (100, 10), (1j, 2), (-1, 1j), (2, 1), (2, 0), (0, 2), (3 + 4j, -2j), (inf, 2), (1e-320, 2)]:
    try:
        print("log", args, show(cmath.log(*args)))
    except ValueError as e:
        print("log", args, "ValueError", e)

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.sqrt(-1), cmath.sqrt(4), cmath.exp(1j * cmath.pi), cmath.polar(1j), cmath.phase(-1))
print(cmath.sqrt(True), cmath.sqrt(2**60), cmath.exp(0.5))

class C:
    def __complex__(self):
        return 3 + 4j

class F:
    def __float__(self):
        return 2.25

class I:
    def __index__(self):
        return 9

class Sub(complex):
    pass

print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(Sub(-4)), cmath.phase(C()))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1), cmath.isclose(1, 1.1, rel_tol=0.2),
      cmath.isclose(0, 1e-10, abs_tol=1e-9), cmath.isclose(inf, inf), cmath.isclose(inf, nan),
      cmath.isclose(nan, nan), cmath.isclose(a=1, b=1))

def err(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("no error", r)

class Bad:
    def __complex__(self):
        return 1

err(cmath.sqrt)
err(cmath.sqrt, 1, 2)
err(cmath.sqrt, z=1)
err(cmath.sqrt, "x")
err(cmath.sqrt, None)
err(cmath.sqrt, 10**400)
err(cmath.sqrt, Bad())
err(cmath.log)
err(cmath.log, 1, 2, 3)
err(cmath.log, x=1)
err(cmath.log, 0)
err(cmath.log, 2, 1)
err(cmath.log, 2, 0)
err(cmath.log, 1, "x")
err(cmath.rect, 1)
err(cmath.rect, 1j, 2)
err(cmath.rect, r=1, phi=2)
err(cmath.rect, 1, inf)
err(cmath.isclose, 1)
err(cmath.isclose, 1, 2, 3)
err(cmath.isclose, 1, 2, rel_tol=-1)
err(cmath.isclose, 1, 2, abs_tol=-1)
err(cmath.isclose, 1, 2, tol=1)
err(cmath.phase)
err(cmath.polar, "s")
err(cmath.exp, 1000)
err(cmath.cosh, 1000 + 1j)
err(cmath.atanh, 1)
err(cmath.atanh, -1)
err(cmath.acos, complex(0, inf))
err(cmath.exp, complex(0, inf))
