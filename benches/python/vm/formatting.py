# String formatting: f-strings with format specs, %-formatting and str.format.


def run(n):
    total = 0
    last = ""
    for i in range(n):
        x = i * 0.37
        a = f"{i}:{x:.3f}|{i:>6}|{i:x}"
        b = "%d-%s-%05.1f" % (i, "ab", x)
        c = "{0}/{1:+d}/{2:.2e}".format(i, -i, x)
        d = f"{a!r}{len(b)}"
        total += len(a) + len(b) + len(c) + len(d)
        last = c
    return total, last


print(run(300000))
