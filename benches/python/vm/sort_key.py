# Sorting lists of tuples with a key function (lambda), several keys and reverse.


def make_data(n):
    data = []
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        data.append((x % 1000, "name%d" % (x % 977), i))
    return data


def run(n, rounds):
    data = make_data(n)
    check = 0
    for r in range(rounds):
        a = sorted(data, key=lambda t: t[0])
        b = sorted(data, key=lambda t: (t[1], -t[2]))
        c = sorted(data, key=lambda t: t[0] * 7 % 13 + r, reverse=True)
        check = (check * 31 + a[0][2] + b[-1][2] + c[len(c) // 2][2]) % 1000000007
    return check


print(run(40000, 10))
