# gen: generators avoid materializing large sequences
def squares(n):
    for i in range(n):
        yield i * i
print(sum(squares(100000)))
total = 0
for x in squares(10 ** 9):
    if x > 10 ** 6:
        break
    total += 1
print(total)
print(next(x for x in range(10 ** 12) if x * x > 12345))
