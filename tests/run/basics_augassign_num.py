# basics: augmented assignment with all numeric operators
x = 100
x += 5; print(x)
x -= 7; print(x)
x *= 3; print(x)
x //= 4; print(x)
x %= 50; print(x)
x **= 2; print(x)
x <<= 3; print(x)
x >>= 1; print(x)
x &= 0xFF; print(x)
x |= 0x100; print(x)
x ^= 0x1F; print(x)
y = 10
y /= 4
print(y)
y **= -1
print(y)
z = 2 + 0j
z *= 1j
print(z)
lst = [1, 2, 3]
lst[1] += 10
lst[-1] **= 3
print(lst)
