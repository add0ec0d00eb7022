# basics: divmod identity for many int pairs
bad = 0
for a in range(-20, 21):
    for b in list(range(-7, 0)) + list(range(1, 8)):
        q, r = divmod(a, b)
        if q * b + r != a or (r != 0 and (r < 0) != (b < 0)) or q != a // b or r != a % b:
            bad += 1
print("bad", bad)
print([divmod(n, 4) for n in range(-6, 7)])
print([(-n) % 3 for n in range(7)])
