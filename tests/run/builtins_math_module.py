# builtins: the math module: functions, constants, and error messages
import math
print(math.sqrt(2), math.pi, math.e, math.floor(2.5), math.ceil(2.1), math.floor(-2.5), math.trunc(-2.7))
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(20), math.isqrt(10**20 + 1), math.comb(10, 3), math.perm(5, 2))
print(math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000), math.log(10**400) )
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.isclose(1.0, 1.0 + 1e-10))
print(math.hypot(3, 4), math.atan2(1, 1), math.copysign(1, -0.0), math.fmod(7, 3), math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1.0), math.degrees(math.pi), math.exp(1))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.exp(1000), lambda: math.factorial(-1), lambda: math.sqrt("x"), lambda: math.factorial(2.0)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
