# basics: big int division, gcd-like loops, and modular arithmetic
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(2 ** 100 - 1, 2 ** 60 - 1), gcd(10 ** 30, 6 ** 20))
a = 3 ** 200
b = 7 ** 50
q, r = divmod(a, b)
print(q * b + r == a, r < b, len(str(q)))
print(divmod(-a, b)[1] >= 0, divmod(a, -b)[1] <= 0)
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt(10 ** 100), isqrt(2 * 10 ** 40))
print(pow(2, 2 ** 20, 10 ** 12 + 39))
