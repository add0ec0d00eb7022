# Integer arithmetic in while and for loops over locals.


def collatz_steps(limit):
    total = 0
    n = 1
    while n < limit:
        x = n
        steps = 0
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            steps += 1
        total += steps
        n += 1
    return total


def mixed(n):
    acc = 0
    for i in range(n):
        acc = (acc + i * i - (i >> 1)) % 1000003
        acc ^= i & 255
    return acc


print(collatz_steps(45000), mixed(1200000))
