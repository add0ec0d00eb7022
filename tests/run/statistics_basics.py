# statistics: averages, spread, quantiles, covariance/correlation/regression, NormalDist,
# and its errors, with floats, ints, Fractions and Decimals.
import statistics as st
from fractions import Fraction
from decimal import Decimal
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean(data), st.fmean(data), st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]))
print(st.median(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.multimode('aabbbbccddddeeffffgg'))
print(st.pstdev(data), st.pvariance(data), st.stdev(data), st.variance(data))
print(st.mean([Fraction(3, 7), Fraction(1, 21), Fraction(5, 3), Fraction(1, 3)]))
print(st.mean([Decimal('0.5'), Decimal('0.75'), Decimal('0.625'), Decimal('0.375')]))
print(st.variance([Fraction(1, 6), Fraction(1, 2), Fraction(5, 3)]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]; y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, x[::-1]), st.linear_regression(x, [2*v+1 for v in x]))
n = st.NormalDist(100, 15)
print(n, n.cdf(130), n.inv_cdf(0.95), n.pdf(100), n.overlap(st.NormalDist(110, 10)), n.zscore(85))
print(n.quantiles(4), n + 5, n * 2, st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
print(n.samples(3, seed=42))
for bad in [lambda: st.mean([]), lambda: st.stdev([1]), lambda: st.NormalDist(0, -1), lambda: st.harmonic_mean([-1])]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(st.fmean([1, 2, 3], weights=[3, 1, 1]), st.linear_regression([1, 2, 3], [2, 4, 6.5], proportional=True))
print(st.median([Fraction(1, 2), Fraction(3, 2)]), st.mode(['red', 'blue', 'red']), st.pvariance([1, 2, 3, 4], mu=2.5))
print(st.stdev([Decimal('1.5'), Decimal('2.5'), Decimal('2.5'), Decimal('2.75')]))
print(st.quantiles([1, 2, 3, 4, 5], n=4, method='inclusive'), st.harmonic_mean([1, 2, 4], weights=[1, 1, 2]))
a, b = st.NormalDist(2.4, 1.6), st.NormalDist(3.2, 2.0)
print(round(a.overlap(b), 12), a == st.NormalDist(2.4, 1.6), a.mean, a.stdev, a.variance, a.median, a.mode)
print(-a, a - b, a / 2, 2 * a, repr(a))
for bad in [lambda: st.correlation([1, 1], [2, 3]), lambda: st.quantiles([1], n=4), lambda: st.quantiles([1, 2], n=0),
            lambda: st.linear_regression([1], [2]), lambda: st.covariance([1, 2], [1]), lambda: st.mode([]),
            lambda: st.NormalDist(0, 1).inv_cdf(1.5), lambda: st.geometric_mean([0, 1]), lambda: st.variance(['a', 'b'])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
