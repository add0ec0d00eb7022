# basics: arbitrary precision integers
big = 10 ** 500
print(len(str(big)), str(big)[:5], str(big)[-5:])
print(big // (10 ** 499), big % 7, big % -7)
f = 1
for i in range(1, 60):
    f *= i
print(f)
print(2 ** 200)
print(-(2 ** 200) // 3, -(2 ** 200) % 3)
print((2 ** 100 + 1) * (2 ** 100 - 1) == 2 ** 200 - 1)
print(2 ** 64 - 1, hex(2 ** 64 - 1), bin(2 ** 70))
print(int('9' * 60) + 1)
print((3 ** 100).bit_length(), (-(3 ** 100)).bit_length())
print(divmod(10 ** 40 + 7, 10 ** 20 + 3))
print(pow(3, 1000, 10 ** 9 + 7))
print(123456789 ** 5)
a = 2 ** 128
print(a >> 100, a << 10, a & (a - 1), a | 1, a ^ (a + 5))
print(-a >> 3, ~a)
print(abs(-(10 ** 30)), -(10 ** 30) < -(10 ** 29), 10 ** 30 == 10 ** 30)
